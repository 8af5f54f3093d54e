package main

import (
	"testing"

	"github.com/cordage/cordage/internal/leakcheck"
)

// TestOfflineConversation runs what `go run ./examples/feedback` runs
// without tokens.
func TestOfflineConversation(t *testing.T) {
	leakcheck.Check(t)
	if err := offline(); err != nil {
		t.Fatal(err)
	}
}

package main

import (
	"testing"

	"github.com/cordage/cordage/internal/leakcheck"
)

// TestSandboxConversation runs what `go run ./examples/ping` runs without a
// token, so the README's first command keeps working.
func TestSandboxConversation(t *testing.T) {
	leakcheck.Check(t)
	if err := offline(); err != nil {
		t.Fatal(err)
	}
}

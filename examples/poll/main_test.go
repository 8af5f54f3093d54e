package main

import (
	"testing"

	"github.com/cordage/cordage/internal/leakcheck"
)

// TestSandboxPoll runs what `go run ./examples/poll` runs without a token.
func TestSandboxPoll(t *testing.T) {
	leakcheck.Check(t)
	if err := offline(); err != nil {
		t.Fatal(err)
	}
}

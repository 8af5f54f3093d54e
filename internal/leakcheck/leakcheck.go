// Package leakcheck fails a test that leaves goroutines behind. It compares
// the goroutines running when the test ends with those running when it
// started, giving stragglers a moment to exit.
package leakcheck

import (
	"runtime"
	"slices"
	"strings"
	"testing"
	"time"
)

// Check records the running goroutines and, when the test ends, fails it if
// new ones are still running after a grace period of up to two seconds.
//
//	func TestX(t *testing.T) {
//		leakcheck.Check(t)
//		...
//	}
func Check(tb testing.TB) {
	tb.Helper()
	before := goroutineIDs()
	tb.Cleanup(func() {
		var leaked []string
		deadline := time.Now().Add(2 * time.Second)
		for {
			leaked = leaked[:0]
			for id, stack := range goroutines() {
				if !slices.Contains(before, id) && !ignored(stack) {
					leaked = append(leaked, stack)
				}
			}
			if len(leaked) == 0 || time.Now().After(deadline) {
				break
			}
			time.Sleep(20 * time.Millisecond)
		}
		if len(leaked) > 0 {
			tb.Errorf("%d goroutine(s) leaked:\n\n%s", len(leaked), strings.Join(leaked, "\n\n"))
		}
	})
}

func goroutineIDs() []string {
	var ids []string
	for id := range goroutines() {
		ids = append(ids, id)
	}
	return ids
}

// goroutines returns the stack of each running goroutine by its header line
// ("goroutine 12").
func goroutines() map[string]string {
	buf := make([]byte, 1<<20)
	for {
		n := runtime.Stack(buf, true)
		if n < len(buf) {
			buf = buf[:n]
			break
		}
		buf = make([]byte, 2*len(buf))
	}
	out := map[string]string{}
	for _, g := range strings.Split(string(buf), "\n\n") {
		header, _, _ := strings.Cut(g, " [")
		out[header] = g
	}
	return out
}

// ignored are goroutines of the runtime and the test framework.
func ignored(stack string) bool {
	for _, s := range []string{
		"testing.(*T).Run", "testing.tRunner.func", "testing.(*M).", "runtime.goexit",
		"created by runtime.gc", "runtime.MHeap_Scavenger", "signal.signal_recv", "os/signal.loop",
		"testing.runFuzzing", "testing.(*F).Fuzz",
	} {
		if strings.Contains(stack, s) && !strings.Contains(stack, "cordage/") {
			return true
		}
	}
	// The goroutine running the test and its cleanup.
	return strings.Contains(stack, "leakcheck.goroutines")
}

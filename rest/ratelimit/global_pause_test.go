package ratelimit

import (
	"context"
	"testing"
	"testing/synctest"
	"time"
)

// A global 429 pauses for its retry_after, even when that ends before the
// one-second window the limiter counts the global limit in.
func TestGlobal429PauseShorterThanTheWindow(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		l := New()
		l.Done(mustWait(t, l, messages), reply(429, `{"retry_after": 0.3, "global": true}`, "X-RateLimit-Global", "true"))
		start := time.Now()
		l.Done(waitFor(t, goWait(context.Background(), l, members), start, 300*time.Millisecond), limited("efgh", 5, 4, "5"))
		// After the pause, a new window opens with the whole limit.
		for range 49 {
			l.Done(mustWait(t, l, reactions), limited("ijkl", 100, 99, "5"))
		}
		l.Done(waitFor(t, goWait(context.Background(), l, reactions), time.Now(), time.Second), limited("ijkl", 100, 99, "5"))
	})
}

// A shorter global 429 does not cut short a longer pause.
func TestGlobal429KeepsTheLongerPause(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		l := New()
		first, second := mustWait(t, l, messages), mustWait(t, l, members)
		l.Done(first, reply(429, `{"retry_after": 2, "global": true}`, "X-RateLimit-Global", "true"))
		l.Done(second, reply(429, `{"retry_after": 0.5, "global": true}`, "X-RateLimit-Global", "true"))
		start := time.Now()
		l.Done(waitFor(t, goWait(context.Background(), l, reactions), start, 2*time.Second), limited("ijkl", 100, 99, "5"))
	})
}

package ratelimit

import (
	"context"
	"io"
	"net/http"
	"strconv"
	"strings"
	"testing"
	"testing/synctest"
	"time"
)

// Routes for the tests, each with its own major parameter.
var (
	messages  = Route{Method: "POST", Path: "/channels/{channel_id}/messages", Major: "1"}
	reactions = Route{Method: "PUT", Path: "/channels/{channel_id}/messages/{message_id}/reactions/{emoji_id}/@me", Major: "1"}
	members   = Route{Method: "GET", Path: "/guilds/{guild_id}/members", Major: "2"}
	followup  = Route{Method: "POST", Path: "/webhooks/{webhook_id}/{webhook_token}", Major: "3/token", Interaction: true}
)

// reply returns a response with status, body and header pairs.
func reply(status int, body string, header ...string) *http.Response {
	h := make(http.Header)
	for i := 0; i+1 < len(header); i += 2 {
		h.Set(header[i], header[i+1])
	}
	return &http.Response{StatusCode: status, Header: h, Body: io.NopCloser(strings.NewReader(body))}
}

// limited returns a 200 response from bucket, with remaining of limit
// requests left for resetAfter seconds.
func limited(bucket string, limit, remaining int, resetAfter string) *http.Response {
	return reply(http.StatusOK, "{}",
		"X-RateLimit-Bucket", bucket,
		"X-RateLimit-Limit", strconv.Itoa(limit),
		"X-RateLimit-Remaining", strconv.Itoa(remaining),
		"X-RateLimit-Reset-After", resetAfter,
	)
}

// result is what a Wait returned, and when.
type result struct {
	t   Ticket
	err error
	at  time.Time
}

// goWait calls l.Wait in a new goroutine and sends its result on the
// returned channel. Inside a bubble, it returns once the call has returned
// or blocked, so the calls queue in the order goWait was called.
func goWait(ctx context.Context, l *Limiter, r Route) <-chan result {
	ch := make(chan result, 1)
	go func() {
		t, err := l.Wait(ctx, r)
		ch <- result{t, err, time.Now()}
	}()
	synctest.Wait()
	return ch
}

// ready returns the result on ch if the Wait has returned by the time every
// goroutine of the bubble is blocked.
func ready(ch <-chan result) (result, bool) {
	synctest.Wait()
	select {
	case res := <-ch:
		return res, true
	default:
		return result{}, false
	}
}

// mustWait calls l.Wait and fails the test unless it returns a ticket at
// once.
func mustWait(t *testing.T, l *Limiter, r Route) Ticket {
	t.Helper()
	start := time.Now()
	tk, err := l.Wait(context.Background(), r)
	if err != nil {
		t.Fatalf("Wait(%v): %v", r, err)
	}
	if waited := time.Since(start); waited != 0 {
		t.Fatalf("Wait(%v) took %v, want no wait", r, waited)
	}
	return tk
}

// waitFor receives from ch, and fails the test unless the Wait succeeded
// after want.
func waitFor(t *testing.T, ch <-chan result, start time.Time, want time.Duration) Ticket {
	t.Helper()
	res := <-ch
	if res.err != nil {
		t.Fatalf("Wait: %v", res.err)
	}
	if got := res.at.Sub(start); got != want {
		t.Fatalf("Wait returned after %v, want %v", got, want)
	}
	return res.t
}

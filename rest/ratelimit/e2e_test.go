package ratelimit_test

import (
	"context"
	"fmt"
	"io"
	"math"
	"net/http"
	"net/http/httptest"
	"runtime"
	"strconv"
	"sync"
	"testing"
	"time"

	"github.com/cordage/cordage/rest/ratelimit"
)

// fakeBucket answers like one of Discord's buckets: limit requests per
// window, the window starting with its first request, and a 429 for any
// request past the limit.
type fakeBucket struct {
	limit  int
	window time.Duration

	mu       sync.Mutex
	count    int       // requests in the current window
	reset    time.Time // end of the current window
	ok       int       // requests answered 200
	tooMany  int       // requests answered 429
	maxCount int       // the most requests seen in one window
}

func (b *fakeBucket) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	b.mu.Lock()
	now := time.Now()
	if !now.Before(b.reset) {
		b.count = 0
		b.reset = now.Add(b.window)
	}
	b.count++
	b.maxCount = max(b.maxCount, b.count)
	remaining := max(b.limit-b.count, 0)
	// Discord gives milliseconds; round up, as a window never ends early.
	resetAfter := math.Ceil(float64(b.reset.Sub(now))/float64(time.Millisecond)) / 1000
	status := http.StatusOK
	if b.count > b.limit {
		status = http.StatusTooManyRequests
		b.tooMany++
	} else {
		b.ok++
	}
	b.mu.Unlock()

	h := w.Header()
	h.Set("X-RateLimit-Bucket", "f00d")
	h.Set("X-RateLimit-Limit", strconv.Itoa(b.limit))
	h.Set("X-RateLimit-Remaining", strconv.Itoa(remaining))
	h.Set("X-RateLimit-Reset-After", strconv.FormatFloat(resetAfter, 'f', 3, 64))
	if status == http.StatusTooManyRequests {
		h.Set("X-RateLimit-Scope", "user")
		w.WriteHeader(status)
		fmt.Fprintf(w, `{"message": "You are being rate limited.", "retry_after": %.3f, "global": false}`, resetAfter)
		return
	}
	fmt.Fprint(w, `{"id": "1"}`)
}

func TestBurstNeverExceedsBucketLimit(t *testing.T) {
	before := runtime.NumGoroutine()
	bucket := &fakeBucket{limit: 5, window: 50 * time.Millisecond}
	srv := httptest.NewServer(bucket)
	l := ratelimit.New()
	route := ratelimit.Route{Method: http.MethodPost, Path: "/channels/{channel_id}/messages", Major: "1"}

	const requests = 30
	var wg sync.WaitGroup
	for range requests {
		wg.Go(func() {
			ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
			defer cancel()
			tk, err := l.Wait(ctx, route)
			if err != nil {
				t.Error(err)
				return
			}
			req, err := http.NewRequestWithContext(ctx, route.Method, srv.URL+"/channels/1/messages", nil)
			if err != nil {
				t.Error(err)
				l.Done(tk, nil)
				return
			}
			resp, err := srv.Client().Do(req)
			l.Done(tk, resp)
			if err != nil {
				t.Error(err)
				return
			}
			io.Copy(io.Discard, resp.Body)
			resp.Body.Close()
		})
	}
	wg.Wait()
	srv.Close()

	if bucket.tooMany != 0 || bucket.ok != requests {
		t.Errorf("server answered %d requests with 200 and %d with 429, want %d and 0", bucket.ok, bucket.tooMany, requests)
	}
	if bucket.maxCount > bucket.limit {
		t.Errorf("server saw %d requests in one window, want at most %d", bucket.maxCount, bucket.limit)
	}
	checkNoLeak(t, before)
}

// checkNoLeak fails the test if more goroutines run than before, once
// the ones on their way out have had a moment to end.
func checkNoLeak(t *testing.T, before int) {
	t.Helper()
	var n int
	for range 100 {
		if n = runtime.NumGoroutine(); n <= before {
			return
		}
		time.Sleep(10 * time.Millisecond)
	}
	buf := make([]byte, 1<<16)
	t.Errorf("%d goroutines left running, %d before:\n%s", n, before, buf[:runtime.Stack(buf, true)])
}

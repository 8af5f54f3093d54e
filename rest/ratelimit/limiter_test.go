package ratelimit

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"testing"
	"testing/synctest"
	"time"
)

func TestUnknownBucketLetsOneRequestThrough(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		l := New()
		first := mustWait(t, l, messages)
		second := goWait(context.Background(), l, messages)
		if _, ok := ready(second); ok {
			t.Fatal("a second request went before the first's response")
		}
		start := time.Now()
		l.Done(first, limited("abcd", 5, 4, "5"))
		l.Done(waitFor(t, second, start, 0), limited("abcd", 5, 3, "5"))
	})
}

func TestQueuedRequestsFollowTheLearnedBucket(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		l := New()
		start := time.Now()
		probe := mustWait(t, l, messages)
		first := goWait(context.Background(), l, messages)
		second := goWait(context.Background(), l, messages)
		l.Done(probe, limited("abcd", 3, 1, "5"))
		l.Done(waitFor(t, first, start, 0), limited("abcd", 3, 0, "5"))
		// The bucket is spent: the second request waits for its reset
		// instead of going first on the route's provisional bucket.
		l.Done(waitFor(t, second, start, 5*time.Second), limited("abcd", 3, 2, "5"))
	})
}

func TestRemainingCapsRequestsInFlight(t *testing.T) {
	for _, remaining := range []int{0, 1, 2, 4} {
		t.Run(fmt.Sprint("remaining=", remaining), func(t *testing.T) {
			synctest.Test(t, func(t *testing.T) {
				l := New()
				l.Done(mustWait(t, l, messages), limited("abcd", 5, remaining, "2"))
				start := time.Now()
				var tickets []Ticket
				for range remaining {
					tickets = append(tickets, mustWait(t, l, messages))
				}
				next := goWait(context.Background(), l, messages)
				if _, ok := ready(next); ok {
					t.Fatalf("request %d went with %d remaining", remaining+1, remaining)
				}
				for _, tk := range tickets {
					l.Done(tk, limited("abcd", 5, 0, "2"))
				}
				l.Done(waitFor(t, next, start, 2*time.Second), limited("abcd", 5, 4, "2"))
			})
		})
	}
}

func TestResponseLowersRemaining(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		l := New()
		l.Done(mustWait(t, l, messages), limited("abcd", 5, 4, "5"))
		tk := mustWait(t, l, messages)
		// Something else spent the bucket meanwhile: one request is left.
		l.Done(tk, limited("abcd", 5, 1, "5"))
		l.Done(mustWait(t, l, messages), limited("abcd", 5, 0, "5"))
		if _, ok := ready(goWait(context.Background(), l, messages)); ok {
			t.Fatal("a request went past the remaining count a response reported")
		}
		time.Sleep(5 * time.Second) // let the waiter finish
	})
}

func TestResponseCountsRequestsStillInFlight(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		l := New()
		l.Done(mustWait(t, l, messages), limited("abcd", 5, 4, "5"))
		first, second := mustWait(t, l, messages), mustWait(t, l, messages)
		// Discord counted the first request and two from elsewhere, but
		// not yet the second: nothing is left.
		l.Done(first, limited("abcd", 5, 1, "5"))
		next := goWait(context.Background(), l, messages)
		if _, ok := ready(next); ok {
			t.Fatal("a request went although the one in flight takes the last place")
		}
		l.Done(second, limited("abcd", 5, 0, "5"))
		l.Done((<-next).t, limited("abcd", 5, 4, "5"))
	})
}

func TestLateResponseFromAnEarlierWindowIsIgnored(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		l := New()
		l.Done(mustWait(t, l, messages), limited("abcd", 5, 1, "1"))
		late := mustWait(t, l, messages)
		time.Sleep(time.Second)
		probe := mustWait(t, l, messages) // the next window's first request
		// Four left, less one for the late request, which may land in
		// this window.
		l.Done(probe, limited("abcd", 5, 4, "1"))
		l.Done(late, limited("abcd", 5, 0, "0.001"))
		for range 3 {
			l.Done(mustWait(t, l, messages), limited("abcd", 5, 3, "1"))
		}
	})
}

func TestWaitersReleaseInFIFOOrder(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		l := New()
		start := time.Now()
		l.Done(mustWait(t, l, messages), limited("abcd", 1, 0, "1"))
		var waiters []<-chan result
		for range 5 {
			waiters = append(waiters, goWait(context.Background(), l, messages))
		}
		for i, ch := range waiters {
			tk := waitFor(t, ch, start, time.Duration(i+1)*time.Second)
			l.Done(tk, limited("abcd", 1, 0, "1"))
		}
	})
}

func TestRoutesSharingABucketShareItsLimit(t *testing.T) {
	tests := []struct {
		name        string
		hash        string // the bucket reactions learn
		major       string // the major parameter of the request on reactions
		wantBlocked bool
	}{
		{"same bucket and major", "abcd", "1", true},
		{"same bucket, other major", "abcd", "2", false},
		{"other bucket", "efgh", "1", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			synctest.Test(t, func(t *testing.T) {
				l := New()
				l.Done(mustWait(t, l, reactions), limited(tt.hash, 5, 4, "5"))
				l.Done(mustWait(t, l, messages), limited("abcd", 5, 0, "5"))

				r := reactions
				r.Major = tt.major
				ch := goWait(context.Background(), l, r)
				res, ok := ready(ch)
				if blocked := !ok; blocked != tt.wantBlocked {
					t.Fatalf("request on %v blocked: %v, want %v", r, blocked, tt.wantBlocked)
				}
				if !ok {
					res = <-ch
				}
				l.Done(res.t, limited(tt.hash, 5, 4, "5"))
			})
		})
	}
}

func TestWaitFailsFastWhenResetIsPastDeadline(t *testing.T) {
	tests := []struct {
		name    string
		timeout time.Duration
		behind  bool // another request waits for the bucket first
		wantErr bool
	}{
		{"deadline before reset", time.Second, false, true},
		{"deadline after reset", 10 * time.Second, false, false},
		{"behind a request waiting past the deadline", time.Second, true, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			synctest.Test(t, func(t *testing.T) {
				l := New()
				l.Done(mustWait(t, l, messages), limited("abcd", 1, 0, "5"))
				start := time.Now()
				var ahead <-chan result
				if tt.behind {
					ahead = goWait(context.Background(), l, messages)
				}
				ctx, cancel := context.WithTimeout(context.Background(), tt.timeout)
				defer cancel()
				tk, err := l.Wait(ctx, messages)
				if ahead != nil {
					l.Done(waitFor(t, ahead, start, 5*time.Second), limited("abcd", 1, 0, "5"))
				}
				if !tt.wantErr {
					if err != nil {
						t.Fatalf("Wait: %v", err)
					}
					l.Done(tk, limited("abcd", 1, 0, "5"))
					return
				}
				var werr *WaitError
				if !errors.As(err, &werr) || !errors.Is(err, context.DeadlineExceeded) {
					t.Fatalf("Wait returned %v, want a *WaitError for the deadline", err)
				}
				if werr.RetryAfter != 5*time.Second {
					t.Errorf("RetryAfter = %v, want 5s", werr.RetryAfter)
				}
				if tt.behind {
					return // the request ahead waited; this one's error came at once
				}
				if waited := time.Since(start); waited != 0 {
					t.Errorf("Wait failed after %v, want at once", waited)
				}
			})
		})
	}
}

func TestCancelledWaiterGivesItsPlaceToTheNext(t *testing.T) {
	for _, cancelled := range []int{0, 1} { // the head, or one behind it
		t.Run(fmt.Sprint("waiter=", cancelled), func(t *testing.T) {
			synctest.Test(t, func(t *testing.T) {
				l := New()
				l.Done(mustWait(t, l, messages), limited("abcd", 1, 0, "5"))
				start := time.Now()
				ctx, cancel := context.WithCancel(context.Background())
				var waiters []<-chan result
				for i := range 3 {
					c := context.Background()
					if i == cancelled {
						c = ctx
					}
					waiters = append(waiters, goWait(c, l, messages))
				}
				time.Sleep(time.Second)
				cancel()
				if res := <-waiters[cancelled]; !errors.Is(res.err, context.Canceled) || res.at.Sub(start) != time.Second {
					t.Fatalf("cancelled Wait returned %v after %v, want context.Canceled after 1s", res.err, res.at.Sub(start))
				}
				want := 5 * time.Second
				for i, ch := range waiters {
					if i == cancelled {
						continue
					}
					l.Done(waitFor(t, ch, start, want), limited("abcd", 1, 0, "5"))
					want += 5 * time.Second
				}
			})
		})
	}
}

func TestWaitReturnsAtOnceWithDoneContext(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		l := New()
		ctx, cancel := context.WithCancel(context.Background())
		cancel()
		if _, err := l.Wait(ctx, messages); !errors.Is(err, context.Canceled) {
			t.Fatalf("Wait = %v, want context.Canceled", err)
		}
	})
}

func TestSubSecondResetAfter(t *testing.T) {
	tests := []struct {
		resetAfter string
		want       time.Duration
	}{
		{"1.234", 1234 * time.Millisecond},
		{"0.5", 500 * time.Millisecond},
		{"0.001", time.Millisecond},
		{"60", time.Minute},
	}
	for _, tt := range tests {
		t.Run(tt.resetAfter, func(t *testing.T) {
			synctest.Test(t, func(t *testing.T) {
				l := New()
				l.Done(mustWait(t, l, messages), limited("abcd", 1, 0, tt.resetAfter))
				start := time.Now()
				tk := waitFor(t, goWait(context.Background(), l, messages), start, tt.want)
				l.Done(tk, limited("abcd", 1, 0, tt.resetAfter))
			})
		})
	}
}

func TestUserScope429StopsTheBucket(t *testing.T) {
	tests := []struct {
		name   string
		resp   *http.Response
		want   time.Duration
		others bool // whether other routes wait too
	}{
		{"retry_after longer than Reset-After", reply(429, `{"retry_after": 3.5, "global": false}`,
			"X-RateLimit-Bucket", "abcd", "X-RateLimit-Limit", "5", "X-RateLimit-Remaining", "0",
			"X-RateLimit-Reset-After", "3.2", "X-RateLimit-Scope", "user", "Retry-After", "4"), 3500 * time.Millisecond, false},
		{"Reset-After longer than retry_after", reply(429, `{"retry_after": 1}`,
			"X-RateLimit-Bucket", "abcd", "X-RateLimit-Limit", "5", "X-RateLimit-Remaining", "0",
			"X-RateLimit-Reset-After", "2.5", "X-RateLimit-Scope", "user"), 2500 * time.Millisecond, false},
		{"shared resource", reply(429, `{"retry_after": 7}`,
			"X-RateLimit-Bucket", "abcd", "X-RateLimit-Limit", "5", "X-RateLimit-Remaining", "4",
			"X-RateLimit-Reset-After", "1", "X-RateLimit-Scope", "shared"), 7 * time.Second, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			synctest.Test(t, func(t *testing.T) {
				l := New()
				l.Done(mustWait(t, l, messages), limited("abcd", 5, 4, "1"))
				l.Done(mustWait(t, l, messages), tt.resp)
				l.Done(mustWait(t, l, members), limited("efgh", 5, 4, "5"))
				start := time.Now()
				l.Done(waitFor(t, goWait(context.Background(), l, messages), start, tt.want), limited("abcd", 5, 4, "5"))
			})
		})
	}
}

func TestGlobal429PausesAllRoutes(t *testing.T) {
	bucket := []string{"X-RateLimit-Bucket", "abcd", "X-RateLimit-Limit", "5", "X-RateLimit-Remaining", "4", "X-RateLimit-Reset-After", "1"}
	tests := []struct {
		name string
		resp *http.Response
	}{
		{"X-RateLimit-Global", reply(429, `{"retry_after": 2.5, "global": true}`, append(bucket, "X-RateLimit-Global", "true")...)},
		{"scope global", reply(429, `{"retry_after": 2.5}`, append(bucket, "X-RateLimit-Scope", "global")...)},
		{"body only", reply(429, `{"retry_after": 2.5, "global": true}`, bucket...)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			synctest.Test(t, func(t *testing.T) {
				l := New()
				l.Done(mustWait(t, l, messages), tt.resp)
				start := time.Now()
				other := goWait(context.Background(), l, members)
				l.Done(mustWait(t, l, followup), reply(204, "")) // interactions do not count
				l.Done(waitFor(t, other, start, 2500*time.Millisecond), limited("efgh", 5, 4, "5"))
			})
		})
	}
}

func TestCloudflare429WithoutHeaders(t *testing.T) {
	tests := []struct {
		name string
		resp *http.Response
		want time.Duration
	}{
		{"Retry-After", reply(429, "<html>banned</html>", "Retry-After", "30"), 30 * time.Second},
		{"no Retry-After", reply(429, "<html>banned</html>"), time.Minute},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			synctest.Test(t, func(t *testing.T) {
				l := New()
				l.Done(mustWait(t, l, messages), tt.resp)
				if got := l.invalid.total; got != 1 {
					t.Errorf("invalid requests counted = %d, want 1", got)
				}
				start := time.Now()
				for _, r := range []Route{members, followup} { // interactions wait too
					l.Done(waitFor(t, goWait(context.Background(), l, r), start, tt.want), reply(204, ""))
				}
			})
		})
	}
}

func TestInvalidRequestBreakerTrips(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		l := New(WithInvalidRequestLimit(3))
		for range 3 {
			l.Done(mustWait(t, l, messages), reply(403, `{"code": 50013}`))
		}
		start := time.Now()
		_, err := l.Wait(context.Background(), members)
		var werr *WaitError
		if !errors.As(err, &werr) || !errors.Is(err, ErrInvalidRequestBudget) {
			t.Fatalf("Wait = %v, want a *WaitError for the invalid request budget", err)
		}
		if time.Since(start) != 0 {
			t.Errorf("Wait failed after %v, want at once", time.Since(start))
		}
		if werr.RetryAfter < invalidWindow || werr.RetryAfter > invalidWindow+invalidSlot {
			t.Errorf("RetryAfter = %v, want 10m to 10m10s", werr.RetryAfter)
		}
		time.Sleep(werr.RetryAfter)
		l.Done(mustWait(t, l, members), reply(200, "{}"))
	})
}

func TestInvalidRequestsAreCounted(t *testing.T) {
	tests := []struct {
		name string
		resp *http.Response
		want bool
	}{
		{"200", reply(200, "{}"), false},
		{"400", reply(400, `{"code": 50035}`), false},
		{"401", reply(401, `{"code": 0}`), true},
		{"403", reply(403, `{"code": 50013}`), true},
		{"404", reply(404, `{"code": 10003}`), false},
		{"429 user", reply(429, `{"retry_after": 1}`, "X-RateLimit-Scope", "user"), true},
		{"429 global", reply(429, `{"retry_after": 1, "global": true}`, "X-RateLimit-Global", "true"), true},
		{"429 shared", reply(429, `{"retry_after": 1}`, "X-RateLimit-Scope", "shared"), false},
		{"429 Cloudflare", reply(429, "", "Retry-After", "1"), true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			synctest.Test(t, func(t *testing.T) {
				l := New()
				l.Done(mustWait(t, l, messages), tt.resp)
				if got := l.invalid.total == 1; got != tt.want {
					t.Errorf("counted as invalid: %v, want %v", got, tt.want)
				}
			})
		})
	}
}

func TestSharedScope429DoesNotCountAsInvalid(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		l := New(WithInvalidRequestLimit(1))
		l.Done(mustWait(t, l, messages), reply(429, `{"retry_after": 1}`,
			"X-RateLimit-Bucket", "abcd", "X-RateLimit-Limit", "5", "X-RateLimit-Remaining", "4",
			"X-RateLimit-Reset-After", "1", "X-RateLimit-Scope", "shared"))
		l.Done(mustWait(t, l, members), reply(200, "{}"))
	})
}

func TestGlobalLimitSpreadsRequestsOverSeconds(t *testing.T) {
	tests := []struct {
		name        string
		interaction bool
		want        []time.Duration // when the 25 requests go, in tens
	}{
		{"counted", false, []time.Duration{0, time.Second, 2 * time.Second}},
		{"interactions", true, []time.Duration{0, 0, 0}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			synctest.Test(t, func(t *testing.T) {
				l := New(WithGlobalLimit(10))
				start := time.Now()
				for i := range 25 {
					r := Route{Method: "GET", Path: "/channels/{channel_id}", Major: fmt.Sprint(i), Interaction: tt.interaction}
					l.Done(waitFor(t, goWait(context.Background(), l, r), start, tt.want[i/10]), reply(200, "{}"))
				}
			})
		})
	}
}

func TestDoneWithoutResponseLetsTheNextRequestGoFirst(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		l := New()
		first := mustWait(t, l, messages)
		second := goWait(context.Background(), l, messages)
		start := time.Now()
		l.Done(first, nil) // say, the connection failed
		l.Done(waitFor(t, second, start, 0), limited("abcd", 5, 4, "5"))
	})
}

func TestRouteWithoutLimitHeadersIsNotSerialized(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		l := New()
		l.Done(mustWait(t, l, members), reply(200, "[]"))
		var tickets []Ticket
		for range 10 {
			tickets = append(tickets, mustWait(t, l, members))
		}
		for _, tk := range tickets {
			l.Done(tk, reply(200, "[]"))
		}
	})
}

func TestProxyModeNeverWaits(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		l := New(WithProxy())
		for range 100 {
			tk := mustWait(t, l, messages)
			l.Done(tk, reply(429, `{"retry_after": 60, "global": true}`, "X-RateLimit-Global", "true"))
		}
	})
}

func TestIdleBucketsAreEvicted(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		store := &MemoryStore{IdleTimeout: time.Minute}
		l := New(WithStore(store), WithGlobalLimit(0))
		for i := range 100 {
			r := Route{Method: "GET", Path: "/channels/{channel_id}", Major: fmt.Sprint(i)}
			l.Done(mustWait(t, l, r), limited("abcd", 5, 4, "1"))
		}
		if n := store.len(); n < 100 {
			t.Fatalf("store holds %d buckets, want at least 100", n)
		}
		time.Sleep(3 * time.Minute)
		l.Done(mustWait(t, l, messages), limited("efgh", 5, 4, "1"))
		if n := store.len(); n > 3 {
			t.Errorf("store holds %d buckets after they were idle, want at most 3", n)
		}
		if n := len(l.queues); n != 0 {
			t.Errorf("limiter holds %d queues with nobody waiting", n)
		}
	})
}

// failingStore is a Store whose buckets cannot be read.
type failingStore struct{ MemoryStore }

var errStoreDown = errors.New("store down")

func (*failingStore) Load(context.Context, string) (Bucket, error) { return Bucket{}, errStoreDown }

func TestStoreErrorsAreReturned(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		l := New(WithStore(&failingStore{}))
		if _, err := l.Wait(context.Background(), messages); !errors.Is(err, errStoreDown) {
			t.Fatalf("Wait = %v, want the store's error", err)
		}
		if len(l.queues) != 0 {
			t.Errorf("limiter holds %d queues after the error", len(l.queues))
		}
	})
}

func TestWaitErrorMessages(t *testing.T) {
	tests := []struct {
		err  *WaitError
		want string
	}{
		{&WaitError{Route: messages, RetryAfter: 1500 * time.Millisecond, Err: context.DeadlineExceeded},
			"ratelimit: POST /channels/{channel_id}/messages: rate limited for another 1.5s, past the context deadline"},
		{&WaitError{Route: messages, RetryAfter: time.Minute, Err: ErrInvalidRequestBudget},
			"ratelimit: POST /channels/{channel_id}/messages: invalid request budget spent; it frees up in 1m0s"},
	}
	for _, tt := range tests {
		if got := tt.err.Error(); got != tt.want {
			t.Errorf("Error() = %q, want %q", got, tt.want)
		}
	}
}

func BenchmarkWaitDone(b *testing.B) {
	l := New(WithGlobalLimit(0))
	resp := limited("abcd", 1<<30, 1<<30, "3600")
	ctx := context.Background()
	b.ReportAllocs()
	for b.Loop() {
		t, err := l.Wait(ctx, messages)
		if err != nil {
			b.Fatal(err)
		}
		l.Done(t, resp)
	}
}

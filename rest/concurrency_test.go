package rest_test

import (
	"context"
	"net/http"
	"slices"
	"strconv"
	"sync"
	"testing"
	"time"

	"github.com/cordage/cordage/discord"
	"github.com/cordage/cordage/discordtest"
	"github.com/cordage/cordage/internal/leakcheck"
	"github.com/cordage/cordage/rest"
	"github.com/cordage/cordage/rest/ratelimit"
)

const createMessage = "POST /channels/{channel_id}/messages"

// windows assigns the logged requests of a route to rate-limit windows as
// the emulator counts them: the first request opens a window of length per,
// and the first request at or after its end opens the next.
func windows(reqs []discordtest.RecordedRequest, route string, per time.Duration) (sizes []int) {
	var start time.Time
	for _, r := range reqs {
		if r.Route != route {
			continue
		}
		if len(sizes) == 0 || !r.Time.Before(start.Add(per)) {
			start = r.Time
			sizes = append(sizes, 0)
		}
		sizes[len(sizes)-1]++
	}
	return sizes
}

// releaseLog records when each request of the burst reaches the transport,
// just after the rate limiter let it go. The request is named by its audit
// log reason.
type releaseLog struct {
	http.RoundTripper
	mu sync.Mutex
	at map[string]time.Time
}

func (l *releaseLog) RoundTrip(r *http.Request) (*http.Response, error) {
	now := time.Now()
	l.mu.Lock()
	l.at[r.Header.Get("X-Audit-Log-Reason")] = now
	l.mu.Unlock()
	return l.RoundTripper.RoundTrip(r)
}

func TestThousandConcurrentRequestsOnOneBucket(t *testing.T) {
	const (
		n     = 1000
		limit = 100
		per   = 200 * time.Millisecond
	)
	leakcheck.Check(t)
	srv, err := discordtest.NewServer(
		discordtest.WithRouteRateLimit("create_message", limit, per),
		discordtest.WithGlobalRateLimit(0, time.Second),
	)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { srv.Close() })
	tr := &http.Transport{}
	t.Cleanup(tr.CloseIdleConnections)
	released := &releaseLog{RoundTripper: tr, at: map[string]time.Time{}}
	c := rest.New(srv.Token(), rest.WithBaseURL(srv.URL()), rest.WithHTTPClient(&http.Client{Transport: released}),
		rest.WithRateLimiter(ratelimit.New(ratelimit.WithGlobalLimit(0))))
	g := srv.AddGuild("test guild")

	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	// One request first, so that the client knows the bucket and the
	// emulator's first handling of the route is out of the way.
	if _, err := c.Messages.Create(ctx, g.SystemChannelID, &discord.CreateMessageRequest{Content: "warm-up"}, rest.WithReason("warm-up")); err != nil {
		t.Fatal(err)
	}

	start := time.Now()
	var wg sync.WaitGroup
	errs := make([]error, n)
	for i := range n {
		// Goroutine i calls after goroutine i-1, so they queue in order.
		wg.Go(func() {
			_, errs[i] = c.Messages.Create(ctx, g.SystemChannelID, &discord.CreateMessageRequest{Content: "burst"}, rest.WithReason(strconv.Itoa(i)))
		})
		time.Sleep(time.Millisecond)
	}
	wg.Wait()
	t.Logf("%d requests in %v", n, time.Since(start))
	for i, err := range errs {
		if err != nil {
			t.Fatalf("request %d: %v", i, err)
		}
	}

	reqs := srv.Requests()
	sent := 0
	for _, r := range reqs {
		if r.Route != createMessage {
			continue
		}
		sent++
		if r.Status != http.StatusOK {
			t.Errorf("emulator answered %d at %v", r.Status, r.Time.Sub(start))
		}
	}
	if sent != n+1 {
		t.Errorf("emulator saw %d requests, want %d", sent, n+1)
	}
	// The emulator answers 429 to a request beyond its window, so the
	// statuses above are the authoritative check. The windows rebuilt from
	// the arrival times are only close to the emulator's, which opens and
	// counts a window when it handles a request, a little after it arrives:
	// allow them 5% more.
	sizes := windows(reqs, createMessage, per)
	t.Logf("%d windows by arrival time: %v", len(sizes), sizes)
	if largest := slices.Max(sizes); largest > limit+limit/20 {
		t.Errorf("a window held %d requests, limit %d", largest, limit)
	}

	// FIFO: the limiter lets the requests go in the order they called Wait;
	// goroutine i calls after goroutine i-1 unless the scheduler holds it
	// back. Requests that leave the limiter together reach the transport in
	// any order, so only a request released half a window or more before
	// one started earlier counts as overtaking it.
	var latest time.Time // the latest release of the requests started so far
	overtook := 0
	for i := range n {
		at := released.at[strconv.Itoa(i)]
		if at.Before(latest.Add(-per / 2)) {
			overtook++
		}
		if at.After(latest) {
			latest = at
		}
	}
	t.Logf("%d of %d requests overtook one started earlier", overtook, n)
	if overtook > n/10 {
		t.Errorf("%d of %d requests overtook one started earlier: the limiter does not keep the order", overtook, n)
	}
}

// evictionCounter is a MemoryStore that counts the buckets it forgot: a
// Load that finds nothing under a key where it last stored a bucket, and
// among them those whose last stored bucket had requests in flight.
type evictionCounter struct {
	*ratelimit.MemoryStore
	mu        sync.Mutex
	stored    map[string]bool
	inFlight  map[string]bool
	evicted   int
	forgotten int // with requests in flight
}

func (s *evictionCounter) Load(ctx context.Context, key string) (ratelimit.Bucket, error) {
	b, err := s.MemoryStore.Load(ctx, key)
	s.mu.Lock()
	if b == (ratelimit.Bucket{}) && s.stored[key] {
		s.evicted++
		if s.inFlight[key] {
			s.forgotten++
		}
		s.stored[key], s.inFlight[key] = false, false
	}
	s.mu.Unlock()
	return b, err
}

func (s *evictionCounter) CompareAndSwap(ctx context.Context, key string, old, new ratelimit.Bucket) (bool, error) {
	ok, err := s.MemoryStore.CompareAndSwap(ctx, key, old, new)
	if ok {
		s.mu.Lock()
		s.stored[key] = new != (ratelimit.Bucket{})
		s.inFlight[key] = new.InFlight > 0
		s.mu.Unlock()
	}
	return ok, err
}

func TestBucketEvictionRacesRequestsInFlight(t *testing.T) {
	const (
		limit = 5
		per   = 20 * time.Millisecond
	)
	store := &evictionCounter{MemoryStore: &ratelimit.MemoryStore{IdleTimeout: 5 * time.Millisecond}, stored: map[string]bool{}, inFlight: map[string]bool{}}
	srv, c, g, _ := setupServer(t, []discordtest.Option{
		discordtest.WithRateLimit(limit, per),
		discordtest.WithGlobalRateLimit(0, time.Second),
	}, 0, rest.WithRateLimiter(ratelimit.New(ratelimit.WithStore(store), ratelimit.WithGlobalLimit(0))))
	channels := []discord.Snowflake{g.SystemChannelID}
	for range 7 {
		channels = append(channels, srv.AddGuild("other guild").SystemChannelID)
	}
	// Slow responses keep requests in flight past the idle timeout.
	srv.DelayResponses("get_channel", 8*time.Millisecond)

	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	var wg sync.WaitGroup
	var mu sync.Mutex
	var failed []error
	deadline := time.Now().Add(1500 * time.Millisecond)
	for w := range 8 {
		wg.Go(func() {
			for i := 0; time.Now().Before(deadline); i++ {
				var err error
				ch := channels[(w+i)%len(channels)]
				if w%2 == 0 {
					_, err = c.Channels.Get(ctx, ch)
				} else {
					_, err = c.Messages.Create(ctx, ch, &discord.CreateMessageRequest{Content: "x"})
				}
				if err != nil {
					mu.Lock()
					failed = append(failed, err)
					mu.Unlock()
					return
				}
				// Let the buckets go idle now and then, so the store
				// forgets them while other requests are in flight.
				time.Sleep(time.Duration((w+i)%4) * 2 * time.Millisecond)
			}
		})
	}
	wg.Wait()
	for _, err := range failed {
		t.Error(err)
	}
	total, limited := 0, 0
	for _, r := range srv.Requests() {
		total++
		if r.Status == http.StatusTooManyRequests {
			limited++
		}
	}
	store.mu.Lock()
	evicted, forgotten := store.evicted, store.forgotten
	store.mu.Unlock()
	t.Logf("%d requests, %d 429s; %d buckets forgotten, %d of them with requests in flight", total, limited, evicted, forgotten)
	if evicted == 0 {
		t.Error("the store forgot no bucket")
	}
	if limited > 0 {
		t.Errorf("emulator answered %d of %d requests with 429", limited, total)
	}
	if total < 100 {
		t.Errorf("only %d requests went through", total)
	}
}

package rest_test

import (
	"context"
	"errors"
	"net"
	"net/http"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/cordage/cordage/discord"
	"github.com/cordage/cordage/discordtest"
	"github.com/cordage/cordage/internal/leakcheck"
	"github.com/cordage/cordage/rest"
)

// countingTransport counts the requests that reach the network.
type countingTransport struct {
	http.RoundTripper
	n atomic.Int32
}

func (t *countingTransport) RoundTrip(r *http.Request) (*http.Response, error) {
	t.n.Add(1)
	return t.RoundTripper.RoundTrip(r)
}

// setupServer is setup with options for the emulator and a client whose
// transport counts the requests it sends; timeout is the http.Client's.
func setupServer(t *testing.T, srvOpts []discordtest.Option, timeout time.Duration, opts ...rest.Option) (*discordtest.Server, *rest.Client, discord.Guild, *countingTransport) {
	t.Helper()
	leakcheck.Check(t)
	srv, err := discordtest.NewServer(srvOpts...)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { srv.Close() })
	tr := &http.Transport{}
	ct := &countingTransport{RoundTripper: tr}
	hc := &http.Client{Transport: ct, Timeout: timeout}
	t.Cleanup(tr.CloseIdleConnections)
	c := rest.New(srv.Token(), append([]rest.Option{rest.WithBaseURL(srv.URL()), rest.WithHTTPClient(hc)}, opts...)...)
	return srv, c, srv.AddGuild("test guild"), ct
}

// statuses returns the statuses of the logged requests of a route.
func statuses(srv *discordtest.Server, route string) []int {
	var out []int
	for _, r := range srv.Requests() {
		if r.Route == route {
			out = append(out, r.Status)
		}
	}
	return out
}

func equalInts(a, b []int) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

const getChannel = "GET /channels/{channel_id}"

// first429 waits for the emulator to log a 429 and returns when it arrived.
func first429(t *testing.T, srv *discordtest.Server) time.Time {
	t.Helper()
	deadline := time.Now().Add(5 * time.Second)
	for time.Now().Before(deadline) {
		for _, r := range srv.Requests() {
			if r.Status == http.StatusTooManyRequests {
				return r.Time
			}
		}
		time.Sleep(2 * time.Millisecond)
	}
	t.Fatal("the emulator never answered 429")
	return time.Time{}
}

// otherRouteWaits checks that a call of another route, made just after a
// 429, reaches the emulator only after pause has passed since the 429.
func otherRouteWaits(t *testing.T, srv *discordtest.Server, c *rest.Client, pause time.Duration, first func() error) {
	t.Helper()
	var wg sync.WaitGroup
	var firstErr error
	wg.Go(func() { firstErr = first() })
	at := first429(t, srv)
	time.Sleep(20 * time.Millisecond) // let the client read the 429
	if _, err := c.Users.GetCurrent(context.Background()); err != nil {
		t.Errorf("other route: %v", err)
	}
	wg.Wait()
	if firstErr != nil {
		t.Fatalf("rate-limited call: %v", firstErr)
	}
	for _, r := range srv.Requests() {
		if r.Route == "GET /users/@me" {
			if gap := r.Time.Sub(at); gap < pause-10*time.Millisecond {
				t.Errorf("another route was sent %v after the 429, want at least %v", gap, pause)
			}
		}
	}
}

func TestUserScope429PausesTheBucketThenSucceeds(t *testing.T) {
	srv, c, g, _ := setupServer(t, nil, 0)
	srv.ForceRateLimit("get_channel", 1, discordtest.ScopeUser, 150*time.Millisecond)
	if _, err := c.Channels.Get(context.Background(), g.SystemChannelID); err != nil {
		t.Fatal(err)
	}
	reqs := srv.Requests()
	if got := statuses(srv, getChannel); !equalInts(got, []int{429, 200}) {
		t.Fatalf("statuses %v, want [429 200]", got)
	}
	if gap := reqs[1].Time.Sub(reqs[0].Time); gap < 140*time.Millisecond {
		t.Errorf("retried after %v, want at least the 150ms retry_after", gap)
	}
	if n := srv.InvalidRequests(); n != 1 {
		t.Errorf("emulator counted %d invalid requests, want 1", n)
	}
}

func TestGlobal429PausesEveryRoute(t *testing.T) {
	srv, c, g, _ := setupServer(t, nil, 0)
	srv.ForceRateLimit("get_channel", 1, discordtest.ScopeGlobal, 300*time.Millisecond)
	otherRouteWaits(t, srv, c, 300*time.Millisecond, func() error {
		_, err := c.Channels.Get(context.Background(), g.SystemChannelID)
		return err
	})
	if got := statuses(srv, getChannel); !equalInts(got, []int{429, 200}) {
		t.Errorf("statuses %v, want [429 200]", got)
	}
	// The pause lasts retry_after, not to the end of the client's own
	// one-second window of the global limit.
	var got []time.Time
	for _, r := range srv.Requests() {
		if r.Route == getChannel {
			got = append(got, r.Time)
		}
	}
	if gap := got[1].Sub(got[0]); gap > 800*time.Millisecond {
		t.Errorf("retried %v after a global 429 with retry_after 300ms", gap)
	}
}

func TestSharedScope429IsRetriedAndNotInvalid(t *testing.T) {
	srv, c, g, _ := setupServer(t, nil, 0)
	srv.ForceRateLimit("get_channel", 1, discordtest.ScopeShared, 100*time.Millisecond)
	start := time.Now()
	if _, err := c.Channels.Get(context.Background(), g.SystemChannelID); err != nil {
		t.Fatal(err)
	}
	if d := time.Since(start); d < 90*time.Millisecond {
		t.Errorf("retried after %v, want at least the 100ms retry_after", d)
	}
	if got := statuses(srv, getChannel); !equalInts(got, []int{429, 200}) {
		t.Errorf("statuses %v, want [429 200]", got)
	}
	if n := srv.InvalidRequests(); n != 0 {
		t.Errorf("a shared 429 counted as %d invalid requests", n)
	}
}

func TestCloudflare429PausesEverything(t *testing.T) {
	srv, c, g, _ := setupServer(t, nil, 0)
	// Retry-After is in whole seconds: 100ms is sent as 1.
	srv.ForceRateLimit("get_channel", 1, discordtest.ScopeCloudflare, 100*time.Millisecond)
	start := time.Now()
	otherRouteWaits(t, srv, c, time.Second, func() error {
		_, err := c.Channels.Get(context.Background(), g.SystemChannelID)
		return err
	})
	if d := time.Since(start); d < 990*time.Millisecond {
		t.Errorf("done after %v, want the 1s Retry-After", d)
	}
	if got := statuses(srv, getChannel); !equalInts(got, []int{429, 200}) {
		t.Errorf("statuses %v, want [429 200]", got)
	}
}

func TestTransient5xxIsRetried(t *testing.T) {
	srv, c, g, _ := setupServer(t, nil, 0)
	srv.ForceStatus("get_channel", 2, http.StatusBadGateway)
	if _, err := c.Channels.Get(context.Background(), g.SystemChannelID); err != nil {
		t.Fatal(err)
	}
	if got := statuses(srv, getChannel); !equalInts(got, []int{502, 502, 200}) {
		t.Errorf("statuses %v, want [502 502 200]", got)
	}
}

func TestPermanent5xxGivesUpAfterTheRetries(t *testing.T) {
	const retries = 2
	srv, c, g, tr := setupServer(t, nil, 0, rest.WithRetries(retries))
	srv.ForceStatus("get_channel", 0, http.StatusInternalServerError)
	defer srv.ClearRESTFaults()
	_, err := c.Channels.Get(context.Background(), g.SystemChannelID)
	var apiErr *rest.Error
	if !errors.As(err, &apiErr) || apiErr.Status != 500 {
		t.Fatalf("error %v (%T), want the 500", err, err)
	}
	if got := statuses(srv, getChannel); len(got) != 1+retries {
		t.Errorf("emulator saw %v, want %d attempts", got, 1+retries)
	}
	if n := tr.n.Load(); n != 1+retries {
		t.Errorf("client sent %d requests, want %d", n, 1+retries)
	}
}

func TestSlowResponseWithContextTimeout(t *testing.T) {
	srv, c, g, tr := setupServer(t, nil, 0)
	srv.DelayResponses("get_channel", 2*time.Second)
	ctx, cancel := context.WithTimeout(context.Background(), 100*time.Millisecond)
	defer cancel()
	start := time.Now()
	_, err := c.Channels.Get(ctx, g.SystemChannelID)
	if !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("error %v, want the context's deadline", err)
	}
	if d := time.Since(start); d > time.Second {
		t.Errorf("returned after %v", d)
	}
	if n := tr.n.Load(); n != 1 {
		t.Errorf("client sent %d requests, want 1", n)
	}
	// The abandoned request leaves the bucket usable.
	srv.ClearRESTFaults()
	if _, err := c.Channels.Get(context.Background(), g.SystemChannelID); err != nil {
		t.Fatalf("after the timeout: %v", err)
	}
}

func TestSlowResponseWithHTTPClientTimeout(t *testing.T) {
	const retries = 1
	srv, c, g, tr := setupServer(t, nil, 100*time.Millisecond, rest.WithRetries(retries))
	srv.DelayResponses("", 2*time.Second)

	// A GET is retried, but only WithRetries times.
	start := time.Now()
	_, err := c.Channels.Get(context.Background(), g.SystemChannelID)
	var ne net.Error
	if !errors.As(err, &ne) || !ne.Timeout() {
		t.Fatalf("GET: error %v, want a timeout", err)
	}
	if d := time.Since(start); d > 1500*time.Millisecond {
		t.Errorf("GET returned after %v", d)
	}
	if n := tr.n.Load(); n != 1+retries {
		t.Errorf("GET sent %d times, want %d", n, 1+retries)
	}

	// A POST whose outcome is unknown is never sent again.
	tr.n.Store(0)
	_, err = c.Messages.Create(context.Background(), g.SystemChannelID, &discord.CreateMessageRequest{Content: "slow"})
	if !errors.As(err, &ne) || !ne.Timeout() {
		t.Fatalf("POST: error %v, want a timeout", err)
	}
	if n := tr.n.Load(); n != 1 {
		t.Errorf("POST sent %d times, want once", n)
	}

	srv.ClearRESTFaults()
	if _, err := c.Channels.Get(context.Background(), g.SystemChannelID); err != nil {
		t.Fatalf("after the timeouts: %v", err)
	}
}

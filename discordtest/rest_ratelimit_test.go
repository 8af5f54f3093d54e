package discordtest

import (
	"net/http"
	"regexp"
	"strconv"
	"sync"
	"testing"
	"time"
)

// fakeClock is a clock a test moves by hand.
type fakeClock struct {
	mu  sync.Mutex
	now time.Time
}

func newFakeClock() *fakeClock { return &fakeClock{now: time.Unix(1_800_000_000, 0)} }

func (f *fakeClock) Now() time.Time {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.now
}

func (f *fakeClock) Advance(d time.Duration) {
	f.mu.Lock()
	f.now = f.now.Add(d)
	f.mu.Unlock()
}

var bucketID = regexp.MustCompile(`^[0-9a-f]{32}$`)

func TestEveryResponseCarriesItsBucketsHeaders(t *testing.T) {
	clock := newFakeClock()
	srv := newServer(t, WithClock(clock.Now))
	c := newREST(t, srv)
	r := c.do("GET", "/users/@me", nil).ok(nil)
	h := r.header
	if h.Get("X-RateLimit-Limit") != "5" || h.Get("X-RateLimit-Remaining") != "4" {
		t.Errorf("limit %q remaining %q, want 5 and 4", h.Get("X-RateLimit-Limit"), h.Get("X-RateLimit-Remaining"))
	}
	if h.Get("X-RateLimit-Reset-After") != "1.000" {
		t.Errorf("Reset-After %q, want 1.000", h.Get("X-RateLimit-Reset-After"))
	}
	reset, err := strconv.ParseFloat(h.Get("X-RateLimit-Reset"), 64)
	if err != nil || reset != float64(clock.Now().Unix()+1) {
		t.Errorf("Reset %q, want %d.000", h.Get("X-RateLimit-Reset"), clock.Now().Unix()+1)
	}
	if !bucketID.MatchString(h.Get("X-RateLimit-Bucket")) {
		t.Errorf("Bucket %q is not an opaque hash", h.Get("X-RateLimit-Bucket"))
	}
	if h.Get("X-RateLimit-Scope") != "" || h.Get("X-RateLimit-Global") != "" {
		t.Error("scope or global header on a response that is not a 429")
	}
	// Errors of a known route carry them too.
	if c.do("GET", "/users/1", nil).header.Get("X-RateLimit-Bucket") == "" {
		t.Error("a 404 of a known route has no bucket headers")
	}
}

func TestBucketsArePerRouteGroupAndMajorParameter(t *testing.T) {
	clock := newFakeClock()
	srv := newServer(t, WithClock(clock.Now), WithRateLimit(2, 2*time.Second))
	c := newREST(t, srv)
	g := srv.AddGuild("g")
	other, _ := srv.AddChannel(g.ID, "other", 0)
	send := func(channel string) *restResp {
		return c.do("POST", "/channels/"+channel+"/messages", map[string]any{"content": "hi"})
	}
	a := g.SystemChannelID.String()
	first := send(a).ok(nil)
	send(a).ok(nil)
	clock.Advance(500 * time.Millisecond)
	limited := send(a)
	var body struct {
		Message    string  `json:"message"`
		RetryAfter float64 `json:"retry_after"`
		Global     bool    `json:"global"`
	}
	if limited.status != http.StatusTooManyRequests {
		t.Fatalf("third request: status %d", limited.status)
	}
	limited.decode(&body)
	h := limited.header
	if body.Message != "You are being rate limited." || body.RetryAfter != 1.5 || body.Global {
		t.Errorf("429 body %s", limited.body)
	}
	if h.Get("X-RateLimit-Scope") != "user" || h.Get("Retry-After") != "2" || h.Get("X-RateLimit-Remaining") != "0" ||
		h.Get("X-RateLimit-Reset-After") != "1.500" || h.Get("X-RateLimit-Bucket") != first.header.Get("X-RateLimit-Bucket") {
		t.Errorf("429 headers %v", h)
	}
	if h.Get("X-RateLimit-Global") != "" {
		t.Error("a bucket 429 says global")
	}
	// Another channel: the same bucket hash, its own count.
	r := send(other.ID.String()).ok(nil)
	if r.header.Get("X-RateLimit-Bucket") != first.header.Get("X-RateLimit-Bucket") || r.header.Get("X-RateLimit-Remaining") != "1" {
		t.Errorf("other channel: bucket %q remaining %q", r.header.Get("X-RateLimit-Bucket"), r.header.Get("X-RateLimit-Remaining"))
	}
	// Another route has another bucket.
	if b := c.do("GET", "/channels/"+a+"/messages", nil).header.Get("X-RateLimit-Bucket"); b == first.header.Get("X-RateLimit-Bucket") {
		t.Error("GET and POST messages share a bucket")
	}
	// The window resets.
	clock.Advance(1500 * time.Millisecond)
	if r := send(a).ok(nil); r.header.Get("X-RateLimit-Remaining") != "1" {
		t.Errorf("after the reset: remaining %q", r.header.Get("X-RateLimit-Remaining"))
	}
	if n := srv.InvalidRequests(); n != 1 {
		t.Errorf("InvalidRequests = %d, want 1", n)
	}
}

func TestRoutesOfAGroupShareOneBucket(t *testing.T) {
	srv := newServer(t)
	c := newREST(t, srv)
	g := srv.AddGuild("g")
	m, _ := srv.SendMessage(g.OwnerID, g.SystemChannelID, "react to me")
	base := "/channels/" + g.SystemChannelID.String() + "/messages/" + m.ID.String() + "/reactions/%F0%9F%91%8D/@me"
	add := c.do("PUT", base, nil).ok(nil)
	remove := c.do("DELETE", base, nil).ok(nil)
	if add.header.Get("X-RateLimit-Bucket") != remove.header.Get("X-RateLimit-Bucket") || remove.header.Get("X-RateLimit-Remaining") != "3" {
		t.Errorf("add and remove reaction: buckets %q %q, remaining %q", add.header.Get("X-RateLimit-Bucket"),
			remove.header.Get("X-RateLimit-Bucket"), remove.header.Get("X-RateLimit-Remaining"))
	}
}

func TestRouteLimitsAreConfigurable(t *testing.T) {
	srv := newServer(t, WithRouteRateLimit("get_my_user", 1, time.Minute))
	c := newREST(t, srv)
	c.do("GET", "/users/@me", nil).ok(nil)
	if r := c.do("GET", "/users/@me", nil); r.status != http.StatusTooManyRequests {
		t.Errorf("second GET /users/@me: %d", r.status)
	}
	if r := c.do("GET", "/gateway/bot", nil).ok(nil); r.header.Get("X-RateLimit-Limit") != "5" {
		t.Errorf("other route limit %q", r.header.Get("X-RateLimit-Limit"))
	}
	if _, err := NewServer(WithRouteRateLimit("GET /nope", 1, time.Second)); err == nil {
		t.Error("an unknown route in WithRouteRateLimit is accepted")
	}
}

func TestGlobalLimitSpansRoutesButNotInteractionsOrWebhookTokens(t *testing.T) {
	clock := newFakeClock()
	srv := newServer(t, WithClock(clock.Now), WithGlobalRateLimit(3, time.Second), WithRateLimit(0, 0))
	c := newREST(t, srv)
	g := srv.AddGuild("g")
	var hook struct {
		ID    string `json:"id"`
		Token string `json:"token"`
	}
	c.do("POST", "/channels/"+g.SystemChannelID.String()+"/webhooks", map[string]any{"name": "h"}).ok(&hook)
	c.do("GET", "/users/@me", nil).ok(nil)
	c.do("GET", "/gateway/bot", nil).ok(nil)
	clock.Advance(250 * time.Millisecond)
	r := c.do("GET", "/guilds/"+g.ID.String(), nil)
	if r.status != http.StatusTooManyRequests {
		t.Fatalf("fourth request: status %d", r.status)
	}
	if r.header.Get("X-RateLimit-Global") != "true" || r.header.Get("X-RateLimit-Scope") != "global" || r.header.Get("Retry-After") != "1" {
		t.Errorf("global 429 headers %v", r.header)
	}
	var body struct {
		RetryAfter float64 `json:"retry_after"`
		Global     bool    `json:"global"`
	}
	r.decode(&body)
	if !body.Global || body.RetryAfter != 0.75 {
		t.Errorf("global 429 body %s", r.body)
	}
	// Webhook-token routes are outside the bot's global limit.
	c.anonymous().do("POST", "/webhooks/"+hook.ID+"/"+hook.Token, map[string]any{"content": "still works"}).ok(nil)
	clock.Advance(750 * time.Millisecond)
	c.do("GET", "/users/@me", nil).ok(nil)
}

package discordtest

import (
	"net/http"
	"strings"
	"testing"
	"time"
)

func TestForcedRateLimitsOfEachScope(t *testing.T) {
	srv := newServer(t)
	c := newREST(t, srv)
	srv.ForceRateLimit("GET /users/@me", 1, ScopeShared, 1500*time.Millisecond)
	r := c.do("GET", "/users/@me", nil)
	if r.status != http.StatusTooManyRequests || r.header.Get("X-RateLimit-Scope") != "shared" ||
		r.header.Get("X-RateLimit-Bucket") == "" || r.header.Get("Retry-After") != "2" || r.header.Get("X-RateLimit-Reset-After") != "1.500" {
		t.Errorf("shared 429: %d %v", r.status, r.header)
	}
	c.do("GET", "/users/@me", nil).ok(nil) // the fault is used up
	if n := srv.InvalidRequests(); n != 0 {
		t.Errorf("a shared 429 counted as invalid (%d)", n)
	}

	srv.ForceRateLimit("get_my_user", 1, ScopeGlobal, time.Second)
	r = c.do("GET", "/users/@me", nil)
	if r.status != http.StatusTooManyRequests || r.header.Get("X-RateLimit-Global") != "true" || r.header.Get("X-RateLimit-Scope") != "global" {
		t.Errorf("global 429: %d %v", r.status, r.header)
	}

	srv.ForceRateLimit("", 2, ScopeCloudflare, 3*time.Second)
	for range 2 {
		r = c.do("GET", "/gateway/bot", nil)
		if r.status != http.StatusTooManyRequests || r.header.Get("Retry-After") != "3" || strings.HasPrefix(r.header.Get("Content-Type"), "application/json") {
			t.Errorf("Cloudflare 429: %d %v %s", r.status, r.header, r.body)
		}
		for k := range r.header {
			if strings.HasPrefix(k, "X-Ratelimit") {
				t.Errorf("Cloudflare 429 carries %s", k)
			}
		}
	}
	c.do("GET", "/gateway/bot", nil).ok(nil)

	srv.ForceRateLimit("", 0, ScopeUser, time.Second) // until cleared
	for range 3 {
		if r := c.do("GET", "/users/@me", nil); r.status != 429 || r.header.Get("X-RateLimit-Scope") != "user" {
			t.Fatalf("forced user 429: %d %v", r.status, r.header)
		}
	}
	srv.ClearRESTFaults()
	c.do("GET", "/users/@me", nil).ok(nil)
}

func TestForcedServerErrors(t *testing.T) {
	srv := newServer(t)
	c := newREST(t, srv)
	srv.ForceStatus("", 1, http.StatusInternalServerError)
	srv.ForceStatus("GET /users/@me", 1, http.StatusBadGateway)
	srv.ForceStatus("GET /users/@me", 1, http.StatusServiceUnavailable)
	c.do("GET", "/users/@me", nil).fails(http.StatusInternalServerError, 0)
	r := c.do("GET", "/users/@me", nil)
	if r.status != http.StatusBadGateway || !strings.Contains(string(r.body), "502 Bad Gateway") {
		t.Errorf("502: %d %s", r.status, r.body)
	}
	c.do("GET", "/users/@me", nil).fails(http.StatusServiceUnavailable, 0)
	c.do("GET", "/users/@me", nil).ok(nil)
	defer func() {
		if recover() == nil {
			t.Error("an unknown route did not panic")
		}
	}()
	srv.ForceStatus("GET /nope", 1, 500)
}

func TestDelayedResponses(t *testing.T) {
	srv := newServer(t)
	c := newREST(t, srv)
	srv.DelayResponses("GET /users/@me", 150*time.Millisecond)
	start := time.Now()
	c.do("GET", "/users/@me", nil).ok(nil)
	if d := time.Since(start); d < 150*time.Millisecond {
		t.Errorf("delayed response took %v", d)
	}
	start = time.Now()
	c.do("GET", "/gateway/bot", nil).ok(nil)
	if d := time.Since(start); d > 100*time.Millisecond {
		t.Errorf("undelayed route took %v", d)
	}
	srv.DelayResponses("GET /users/@me", 0)
	start = time.Now()
	c.do("GET", "/users/@me", nil).ok(nil)
	if d := time.Since(start); d > 100*time.Millisecond {
		t.Errorf("cleared delay still %v", d)
	}
	// Close ends a delayed response instead of waiting for it.
	srv.DelayResponses("", time.Hour)
	done := make(chan struct{})
	go func() {
		defer close(done)
		if resp, err := c.hc.Get(srv.URL() + "/gateway"); err == nil {
			resp.Body.Close()
		}
	}()
	time.Sleep(50 * time.Millisecond)
	srv.Close()
	select {
	case <-done:
	case <-time.After(5 * time.Second):
		t.Fatal("Close waited for a delayed response")
	}
}

func TestRequestLogRecordsWhatTheEmulatorSaw(t *testing.T) {
	srv := newServer(t)
	c := newREST(t, srv)
	g := srv.AddGuild("g")
	c.extra = http.Header{"X-Audit-Log-Reason": {"testing"}}
	c.do("POST", "/channels/"+g.SystemChannelID.String()+"/messages?x=1", map[string]any{"content": "logged"}).ok(nil)
	c.do("GET", "/nope", nil)
	log := srv.Requests()
	if len(log) != 2 {
		t.Fatalf("%d requests logged", len(log))
	}
	r := log[0]
	if r.Method != "POST" || r.Path != "/api/v10/channels/"+g.SystemChannelID.String()+"/messages" ||
		r.Route != "POST /channels/{channel_id}/messages" || r.Query.Get("x") != "1" || r.Status != 200 ||
		r.Header.Get("X-Audit-Log-Reason") != "testing" || !strings.Contains(string(r.Body), "logged") {
		t.Errorf("logged %+v", r)
	}
	if log[1].Route != "" || log[1].Status != 404 {
		t.Errorf("unknown path logged as %+v", log[1])
	}
	srv.ClearRequests()
	if len(srv.Requests()) != 0 {
		t.Error("ClearRequests left requests")
	}
}

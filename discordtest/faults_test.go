package discordtest

import (
	"testing"
	"time"
)

func TestFaultsSendReconnectInvalidSessionAndCloseCodes(t *testing.T) {
	srv := newServer(t, WithHeartbeatInterval(200*time.Millisecond))
	c := dial(t, srv, "/", "")
	r := c.identify(srv, intentGuilds, nil)

	srv.SendReconnect()
	if p := c.next(); p.Op != opReconnect {
		t.Fatalf("got op %d, want RECONNECT", p.Op)
	}
	// A client that does not leave is closed with a resumable code.
	if code := c.expectClose(); code != closeUnknownError {
		t.Errorf("closed with %d after op 7, want 4000", code)
	}
	if n := len(srv.Sessions()); n != 1 {
		t.Errorf("%d sessions after op 7, want the session kept", n)
	}

	c2 := dial(t, srv, "/resume", "")
	c2.hello()
	c2.send(opResume, map[string]any{"token": srv.Token(), "session_id": r.SessionID, "seq": 1})
	if event, _, _ := c2.nextDispatch(); event != "RESUMED" {
		t.Fatalf("got %s, want RESUMED", event)
	}
	srv.SendInvalidSession(true)
	if p := c2.next(); p.Op != opInvalidSession || string(p.D) != "true" {
		t.Fatalf("got op %d %s, want INVALID_SESSION true", p.Op, p.D)
	}
	srv.SendInvalidSession(false)
	if p := c2.next(); p.Op != opInvalidSession || string(p.D) != "false" {
		t.Fatalf("got op %d %s, want INVALID_SESSION false", p.Op, p.D)
	}
	if n := len(srv.Sessions()); n != 0 {
		t.Errorf("%d sessions after op 9 false, want none", n)
	}
	srv.CloseConnections(4004, "authentication failed")
	if code := c2.expectClose(); code != closeAuthenticationFailed {
		t.Errorf("closed with %d, want 4004", code)
	}
}

func TestFaultsDelayHelloAndReady(t *testing.T) {
	srv := newServer(t)
	srv.DelayHello(150 * time.Millisecond)
	start := time.Now()
	c := dial(t, srv, "/", "")
	c.hello()
	if d := time.Since(start); d < 140*time.Millisecond {
		t.Errorf("HELLO after %v, want it delayed by 150ms", d)
	}
	srv.DelayReady(150 * time.Millisecond)
	start = time.Now()
	c.send(opIdentify, identifyPayload(srv.Token(), intentGuilds, nil))
	if event, _, _ := c.nextDispatch(); event != "READY" || time.Since(start) < 140*time.Millisecond {
		t.Errorf("got %s after %v, want READY delayed by 150ms", event, time.Since(start))
	}
}

func TestFaultsRequestHeartbeatAndRawFrames(t *testing.T) {
	srv := newServer(t)
	c := dial(t, srv, "/", "")
	c.identify(srv, intentGuilds, nil)
	srv.RequestHeartbeat()
	if p := c.next(); p.Op != opHeartbeat {
		t.Fatalf("got op %d, want HEARTBEAT (op 1)", p.Op)
	}
	srv.SendPayload([]byte(`{"op":0,"t":"SOMETHING_NEW","s":99,"d":{}}`))
	if event, seq, _ := c.nextDispatch(); event != "SOMETHING_NEW" || seq != 99 {
		t.Errorf("got %s seq %d from SendPayload", event, seq)
	}
}

func TestResumeFromTheFutureClosesWith4007(t *testing.T) {
	srv := newServer(t)
	c := dial(t, srv, "/", "")
	r := c.identify(srv, intentGuilds, nil)
	srv.DropConnections()
	c.expectClose()
	c2 := dial(t, srv, "/resume", "")
	c2.hello()
	c2.send(opResume, map[string]any{"token": srv.Token(), "session_id": r.SessionID, "seq": 1000})
	if code := c2.expectClose(); code != closeInvalidSeq {
		t.Fatalf("closed with %d, want 4007", code)
	}
	if n := len(srv.Sessions()); n != 0 {
		t.Errorf("%d sessions after 4007, want none", n)
	}
}

func TestTooManyGuildsOnAShardClosesWith4011(t *testing.T) {
	srv := newServer(t)
	for range maxGuildsPerShard + 1 {
		srv.AddGuild("g")
	}
	c := dial(t, srv, "/", "")
	c.hello()
	c.send(opIdentify, identifyPayload(srv.Token(), intentGuilds, nil))
	if code := c.expectClose(); code != closeShardingRequired {
		t.Fatalf("closed with %d, want 4011", code)
	}
	c2 := dial(t, srv, "/", "")
	c2.hello()
	c2.send(opIdentify, identifyPayload(srv.Token(), intentGuilds, []int{0, 2}))
	if event, _, _ := c2.nextDispatch(); event != "READY" {
		t.Fatalf("with two shards got %s, want READY", event)
	}
}

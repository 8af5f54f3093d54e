package gateway_test

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"os"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/cordage/cordage/discordtest"
	"github.com/cordage/cordage/events"
	"github.com/cordage/cordage/gateway"
)

// seqs checks that the dispatches of a session arrive exactly once and in
// order: each seq is the last plus one. A READY starts a new session.
type seqs struct{ last int64 }

func (q *seqs) check(t *testing.T, e gateway.Event) {
	t.Helper()
	if e.Name == "READY" {
		q.last = 0
	}
	if e.Seq != q.last+1 {
		t.Fatalf("%s has seq %d after %d: a gap or a duplicate", e.Name, e.Seq, q.last)
	}
	q.last = e.Seq
}

// expectSeq is expect with the seq check.
func (h *harness) expectSeq(t *testing.T, q *seqs, name string) gateway.Event {
	t.Helper()
	e := h.expect(t, name)
	q.check(t, e)
	return e
}

// expectAfterResumes is expectSeq, but lets RESUMED events go by: on a
// loaded machine the emulator, busy writing a large payload, may answer a
// heartbeat too late and the shard resumes. The seq check still holds.
func (h *harness) expectAfterResumes(t *testing.T, q *seqs, name string) gateway.Event {
	t.Helper()
	for {
		e := h.next(t)
		q.check(t, e)
		if e.Name == name {
			return e
		}
		if e.Name != "RESUMED" {
			t.Fatalf("got %s (seq %d), want %s", e.Name, e.Seq, name)
		}
	}
}

// fast are options that make a shard retry at once.
func fast() []gateway.Option {
	return []gateway.Option{gateway.WithBackoff(time.Millisecond, 5*time.Millisecond),
		gateway.WithIdentifyLimiter(gateway.NewIdentifyLimiterEvery(time.Millisecond), 1),
		gateway.WithTimeouts(time.Second, time.Second, time.Millisecond)}
}

func TestFiveResumesInARowDeliverEveryEventOnce(t *testing.T) {
	srv := newServer(t)
	g := srv.AddGuild("g")
	user := srv.AddUser("fi")
	h := start(t, srv, append(fast(), gateway.WithIntents(intents))...)
	var q seqs
	h.expectSeq(t, &q, "READY")
	h.expectSeq(t, &q, "GUILD_CREATE")
	id := h.shard.Session().ID
	for round := range 5 {
		srv.SendMessage(user.ID, g.SystemChannelID, "before")
		h.expectSeq(t, &q, "MESSAGE_CREATE")
		srv.DropConnections()
		for i := range 3 {
			srv.SendMessage(user.ID, g.SystemChannelID, fmt.Sprint(round, i))
		}
		for range 3 {
			h.expectSeq(t, &q, "MESSAGE_CREATE")
		}
		h.expectSeq(t, &q, "RESUMED")
	}
	if got := h.shard.Session().ID; got != id {
		t.Errorf("session %s, want %s resumed throughout", got, id)
	}
}

func TestWithheldACKsMakeTheShardResume(t *testing.T) {
	srv := newServer(t, discordtest.WithHeartbeatInterval(100*time.Millisecond))
	g := srv.AddGuild("g")
	user := srv.AddUser("za")
	h := start(t, srv, append(fast(), gateway.WithIntents(intents))...)
	var q seqs
	h.expectSeq(t, &q, "READY")
	h.expectSeq(t, &q, "GUILD_CREATE")
	id := h.shard.Session().ID
	srv.WithholdACKs(true)
	h.expectSeq(t, &q, "RESUMED")
	srv.WithholdACKs(false) // the emulator withholds on the new connection too
	srv.SendMessage(user.ID, g.SystemChannelID, "after")
	for {
		// A beat sent before the switch may cost one more resume.
		e := h.next(t)
		q.check(t, e)
		if e.Name == "MESSAGE_CREATE" {
			break
		}
		if e.Name != "RESUMED" {
			t.Fatalf("got %s", e.Name)
		}
	}
	if h.shard.Session().ID != id {
		t.Error("the zombie connection was not resumed")
	}
}

func TestNoFalseZombieWhileAGuildBurstMeetsASlowConsumer(t *testing.T) {
	srv := newServer(t, discordtest.WithHeartbeatInterval(250*time.Millisecond))
	out := make(chan gateway.Event) // unbuffered: each event waits for the consumer
	shard := gateway.NewShard(srv.Token(), out, gateway.WithURL(srv.GatewayURL()), gateway.WithIntents(intents),
		gateway.WithLogger(slog.New(slog.DiscardHandler)))
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- shard.Run(ctx) }()
	defer func() { cancel(); <-done }()
	var q seqs
	if e := <-out; e.Name != "READY" {
		t.Fatalf("got %s", e.Name)
	}
	q.last = 1
	// The burst is written from here, not from the emulator's read loop
	// (as a burst at IDENTIFY would be), so the emulator keeps answering
	// heartbeats while it goes out, as Discord does.
	added := make(chan struct{})
	go func() {
		defer close(added)
		for i := range 300 {
			srv.AddGuild(fmt.Sprint("g", i))
		}
	}()
	defer func() { <-added }()
	for i := range 300 {
		select {
		case e := <-out:
			q.check(t, e)
			if e.Name != "GUILD_CREATE" {
				t.Fatalf("event %d is %s, want GUILD_CREATE", i, e.Name)
			}
		case <-time.After(10 * time.Second):
			t.Fatalf("event %d did not arrive", i)
		}
		time.Sleep(5 * time.Millisecond) // 300 × 5ms: six heartbeat intervals
	}
	select {
	case e := <-out:
		t.Fatalf("unexpected %s: the shard took the connection for dead", e.Name)
	case <-time.After(150 * time.Millisecond):
	}
	if n := len(srv.Sessions()); n != 1 {
		t.Errorf("%d sessions, want 1", n)
	}
}

func TestServerHeartbeatRequestIsAnsweredAtOnce(t *testing.T) {
	// With a 10-minute interval, no heartbeat of the shard's own is due.
	srv := newServer(t, discordtest.WithHeartbeatInterval(10*time.Minute))
	h := start(t, srv, gateway.WithIntents(intents))
	h.expect(t, "READY")
	if h.shard.Latency() != 0 {
		t.Skip("the jittered first heartbeat went early")
	}
	srv.RequestHeartbeat()
	deadline := time.Now().Add(2 * time.Second)
	for h.shard.Latency() == 0 {
		if time.Now().After(deadline) {
			t.Fatal("op 1 was not answered")
		}
		time.Sleep(5 * time.Millisecond)
	}
}

func TestReconnectAtAnyPoint(t *testing.T) {
	t.Run("before HELLO", func(t *testing.T) {
		srv := newServer(t, discordtest.WithIdentifyWindow(time.Millisecond))
		srv.DelayHello(time.Minute)
		h := start(t, srv, append(fast(), gateway.WithIntents(intents),
			gateway.WithTimeouts(time.Minute, time.Minute, time.Millisecond))...)
		time.Sleep(100 * time.Millisecond)
		srv.DelayHello(0)
		srv.SendReconnect()
		h.expect(t, "READY")
	})
	t.Run("before READY", func(t *testing.T) {
		srv := newServer(t, discordtest.WithIdentifyWindow(time.Millisecond))
		srv.DelayReady(time.Minute)
		h := start(t, srv, append(fast(), gateway.WithIntents(intents),
			gateway.WithTimeouts(time.Minute, time.Minute, time.Millisecond))...)
		waitFor(t, func() bool { return len(srv.Sessions()) == 1 }) // IDENTIFY arrived
		srv.DelayReady(0)
		srv.SendReconnect()
		var q seqs
		h.expectSeq(t, &q, "READY")
		// The shard records the seq just after handing the event over.
		waitFor(t, func() bool { return h.shard.Session().Seq == 1 })
	})
	t.Run("after READY", func(t *testing.T) {
		srv := newServer(t)
		srv.AddGuild("g")
		h := start(t, srv, append(fast(), gateway.WithIntents(intents))...)
		var q seqs
		h.expectSeq(t, &q, "READY")
		h.expectSeq(t, &q, "GUILD_CREATE")
		for range 3 {
			srv.SendReconnect()
			h.expectSeq(t, &q, "RESUMED")
		}
	})
}

func waitFor(t *testing.T, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(5 * time.Second)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatal("condition not met within 5s")
		}
		time.Sleep(2 * time.Millisecond)
	}
}

func TestInvalidSession(t *testing.T) {
	for _, resumable := range []bool{true, false} {
		t.Run(fmt.Sprint(resumable), func(t *testing.T) {
			srv := newServer(t, discordtest.WithIdentifyWindow(time.Millisecond))
			g := srv.AddGuild("g")
			user := srv.AddUser("iv")
			h := start(t, srv, append(fast(), gateway.WithIntents(intents))...)
			var q seqs
			h.expectSeq(t, &q, "READY")
			h.expectSeq(t, &q, "GUILD_CREATE")
			id := h.shard.Session().ID
			srv.SendInvalidSession(resumable)
			if resumable {
				h.expectSeq(t, &q, "RESUMED")
				if h.shard.Session().ID != id {
					t.Error("op 9 true did not resume")
				}
			} else {
				h.expectSeq(t, &q, "READY")
				h.expectSeq(t, &q, "GUILD_CREATE")
				if h.shard.Session().ID == id {
					t.Error("op 9 false did not identify anew")
				}
			}
			srv.SendMessage(user.ID, g.SystemChannelID, "x")
			h.expectSeq(t, &q, "MESSAGE_CREATE")
		})
	}
}

func TestEveryCloseCodeHasItsOutcome(t *testing.T) {
	for code := 4000; code <= 4014; code++ {
		cc := gateway.CloseCode(code)
		t.Run(fmt.Sprint(code), func(t *testing.T) {
			srv := newServer(t, discordtest.WithIdentifyWindow(time.Millisecond))
			srv.AddGuild("g")
			h := start(t, srv, append(fast(), gateway.WithIntents(intents))...)
			var q seqs
			h.expectSeq(t, &q, "READY")
			h.expectSeq(t, &q, "GUILD_CREATE")
			id := h.shard.Session().ID
			srv.CloseConnections(code, "test")
			switch cc.Action() {
			case gateway.CloseFatal:
				select {
				case err := <-h.done:
					var ce *gateway.CloseError
					if !errors.As(err, &ce) || ce.Code != cc || !ce.Fatal() {
						t.Fatalf("Run returned %v, want a fatal %d", err, code)
					}
					h.done <- err
				case <-time.After(5 * time.Second):
					t.Fatal("shard did not stop")
				}
				if h.shard.Session().Valid() {
					t.Error("session kept after a fatal close")
				}
			case gateway.CloseIdentify:
				h.expectSeq(t, &q, "READY")
				if h.shard.Session().ID == id {
					t.Error("same session after", cc)
				}
			default: // resume, retry
				h.expectSeq(t, &q, "RESUMED")
				if h.shard.Session().ID != id {
					t.Error("new session after", cc)
				}
			}
		})
	}
}

func TestHelloOrReadyNeverArriving(t *testing.T) {
	t.Run("HELLO", func(t *testing.T) {
		srv := newServer(t)
		srv.DelayHello(time.Minute)
		h := start(t, srv, append(fast(), gateway.WithIntents(intents),
			gateway.WithTimeouts(50*time.Millisecond, time.Minute, time.Millisecond))...)
		time.Sleep(200 * time.Millisecond) // a few attempts time out
		srv.DelayHello(0)
		h.expect(t, "READY")
	})
	t.Run("READY", func(t *testing.T) {
		srv := newServer(t, discordtest.WithIdentifyWindow(time.Millisecond))
		srv.DelayReady(time.Minute)
		h := start(t, srv, append(fast(), gateway.WithIntents(intents),
			gateway.WithTimeouts(time.Minute, 50*time.Millisecond, time.Millisecond))...)
		waitFor(t, func() bool { return len(srv.Sessions()) >= 2 }) // a second IDENTIFY after the timeout
		srv.DelayReady(0)
		h.expect(t, "READY")
	})
}

func TestSendBurstStaysWithinTheSendLimit(t *testing.T) {
	srv := newServer(t, discordtest.WithHeartbeatInterval(time.Second))
	g := srv.AddGuild("g")
	user := srv.AddUser("sb")
	h := start(t, srv, gateway.WithIntents(intents))
	h.expect(t, "READY")
	h.expect(t, "GUILD_CREATE")
	id := h.shard.Session().ID
	ctx, cancel := context.WithTimeout(context.Background(), 1200*time.Millisecond)
	defer cancel()
	sent, limited := 0, 0
	for range 200 {
		err := h.shard.Send(ctx, gateway.UpdatePresence{Status: "online"})
		switch {
		case err == nil:
			sent++
		case errors.Is(err, context.DeadlineExceeded):
			limited++
		default:
			t.Fatalf("Send: %v", err)
		}
	}
	// IDENTIFY took one of the 117 the limiter leaves to commands.
	if sent != gateway.SendLimit-gateway.HeartbeatReserve-1 || limited != 200-sent {
		t.Errorf("%d sent, %d held back", sent, limited)
	}
	// The shard kept delivering events and beating its heart while the
	// burst waited: the wait is the callers', not the shard's.
	srv.SendMessage(user.ID, g.SystemChannelID, "after the burst")
	h.expect(t, "MESSAGE_CREATE")
	select {
	case e := <-h.events:
		t.Fatalf("unexpected %s: the connection was closed", e.Name)
	case err := <-h.done:
		t.Fatalf("shard stopped: %v", err)
	case <-time.After(200 * time.Millisecond):
	}
	if s := srv.Sessions(); len(s) != 1 || s[0].ID != id || !s[0].Connected {
		t.Errorf("sessions %+v, want %s still connected", s, id)
	}
}

func TestMalformedFramesAreSurvived(t *testing.T) {
	for _, comp := range []gateway.Compression{gateway.CompressionZstd, gateway.CompressionZlib, gateway.CompressionNone} {
		t.Run(string(comp)+"none", func(t *testing.T) {
			srv := newServer(t, discordtest.WithHeartbeatInterval(300*time.Millisecond))
			g := srv.AddGuild("g")
			user := srv.AddUser("mf")
			h := start(t, srv, append(fast(), gateway.WithIntents(intents), gateway.WithCompression(comp))...)
			var q seqs
			h.expectSeq(t, &q, "READY")
			h.expectSeq(t, &q, "GUILD_CREATE")
			message := func() {
				t.Helper()
				srv.SendMessage(user.ID, g.SystemChannelID, "m")
				h.expectAfterResumes(t, &q, "MESSAGE_CREATE")
			}
			// Unknown op: ignored.
			srv.SendPayload([]byte(`{"op":99,"d":{"x":1}}`))
			message()
			// Unknown event, undecodable known event, huge event: delivered
			// as *events.Unknown and counted.
			srv.Emit("BRAND_NEW_EVENT", 0, map[string]int{"x": 1})
			srv.Emit("MESSAGE_CREATE", g.ID, "not an object")
			srv.Emit("HUGE_EVENT", 0, map[string]string{"blob": strings.Repeat("x", 1<<20)})
			for _, name := range []string{"BRAND_NEW_EVENT", "MESSAGE_CREATE", "HUGE_EVENT"} {
				e := h.expectAfterResumes(t, &q, name)
				if u, ok := e.Event.(*events.Unknown); !ok || u.Err == nil {
					t.Errorf("%s decoded as %T", name, e.Event)
				}
			}
			if n := h.shard.UnknownEvents(); n != 3 {
				t.Errorf("UnknownEvents = %d, want 3", n)
			}
			message()
			// Corrupt streams: reconnect and resume.
			corrupt := [][]byte{[]byte(`{"op":0,"t":"MESS`), []byte("\xff\xfe not json")}
			raw := [][]byte{[]byte("\x28\xb5\x2f\xfd\x00garbage\x00\x00\xff\xff"), []byte("\x78\x9c\xde\xad\xbe\xef\x00\x00\xff\xff")}
			for _, b := range corrupt {
				srv.SendPayload(b)
				h.expectSeq(t, &q, "RESUMED")
				message()
			}
			if comp != gateway.CompressionNone {
				for _, b := range raw {
					srv.SendRaw(b)
					h.expectSeq(t, &q, "RESUMED")
					message()
				}
			}
		})
	}
}

func TestThousandReconnectCycles(t *testing.T) {
	n := 1000
	if raceEnabled && os.Getenv("CORDAGE_LONG") == "" {
		n = 200
	}
	if testing.Short() {
		n = 50
	}
	srv := newServer(t)
	g := srv.AddGuild("g")
	user := srv.AddUser("rc")
	h := start(t, srv, append(fast(), gateway.WithIntents(intents))...)
	var q seqs
	h.expectSeq(t, &q, "READY")
	h.expectSeq(t, &q, "GUILD_CREATE")
	id := h.shard.Session().ID
	var base int
	for i := range n {
		if i == 10 {
			base = settledGoroutines(0)
		}
		srv.DropConnections()
		if i%10 == 0 {
			srv.SendMessage(user.ID, g.SystemChannelID, "m")
			h.expectSeq(t, &q, "MESSAGE_CREATE")
		}
		h.expectSeq(t, &q, "RESUMED")
	}
	if got := settledGoroutines(base); got > base+2 {
		t.Errorf("%d goroutines after %d reconnects, %d after 10", got, n, base)
	}
	if h.shard.Session().ID != id {
		t.Error("session changed")
	}
	t.Logf("%d reconnect cycles", n)
}

// settledGoroutines waits a moment for goroutines to end, until there are at
// most want of them (or a second passed), and returns the count.
func settledGoroutines(want int) int {
	deadline := time.Now().Add(time.Second)
	for {
		n := runtime.NumGoroutine()
		if n <= want || time.Now().After(deadline) {
			return n
		}
		time.Sleep(10 * time.Millisecond)
	}
}

func TestRequestGuildMembersAssemblesChunks(t *testing.T) {
	srv := newServer(t, discordtest.WithPrivilegedIntents(uint64(gateway.IntentGuildMembers)))
	g := srv.AddGuild("g")
	for i := range 1500 {
		u := srv.AddUser(fmt.Sprint("u", i))
		srv.AddMember(g.ID, u.ID)
	}
	h := start(t, srv, gateway.WithIntents(intents|gateway.IntentGuildMembers))
	h.expect(t, "READY")
	h.expect(t, "GUILD_CREATE")
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	members, err := h.shard.RequestGuildMembers(ctx, gateway.RequestGuildMembers{GuildID: g.ID})
	if err != nil {
		t.Fatal(err)
	}
	seen := map[string]bool{}
	for _, m := range members {
		seen[m.User.Username] = true
	}
	for i := range 1500 {
		if !seen[fmt.Sprint("u", i)] {
			t.Fatalf("member u%d missing from %d", i, len(members))
		}
	}
	// The chunks also went out as events.
	for i := range 2 {
		c, ok := h.expect(t, "GUILD_MEMBERS_CHUNK").Event.(*events.GuildMembersChunk)
		if !ok || c.ChunkIndex != i || c.ChunkCount != 2 || c.Nonce == "" {
			t.Fatalf("chunk %d: %+v", i, c)
		}
	}

	// ctx is honoured: a guild of another bot never answers... the emulator
	// answers every request, so cancel before asking.
	cctx, ccancel := context.WithCancel(context.Background())
	ccancel()
	if _, err := h.shard.RequestGuildMembers(cctx, gateway.RequestGuildMembers{GuildID: g.ID}); !errors.Is(err, context.Canceled) {
		t.Errorf("cancelled request: %v", err)
	}
}

// TestZombieWhileWaitingOnTheConsumerLosesNoEvent: the connection dies
// while the shard waits for the consumer to take an event; that event was
// not delivered, so the resume must replay it.
func TestZombieWhileWaitingOnTheConsumerLosesNoEvent(t *testing.T) {
	srv := newServer(t, discordtest.WithHeartbeatInterval(100*time.Millisecond))
	g := srv.AddGuild("g")
	user := srv.AddUser("zw")
	out := make(chan gateway.Event) // unbuffered: the shard waits in emit
	shard := gateway.NewShard(srv.Token(), out, append(fast(), gateway.WithURL(srv.GatewayURL()), gateway.WithIntents(intents),
		gateway.WithLogger(slog.New(slog.DiscardHandler)))...)
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- shard.Run(ctx) }()
	defer func() { cancel(); <-done }()
	var q seqs
	next := func() gateway.Event {
		t.Helper()
		select {
		case e := <-out:
			q.check(t, e)
			return e
		case <-time.After(5 * time.Second):
			t.Fatal("no event within 5s")
		}
		return gateway.Event{}
	}
	next()
	next()
	srv.WithholdACKs(true)
	for i := range 3 {
		srv.SendMessage(user.ID, g.SystemChannelID, fmt.Sprint(i))
	}
	time.Sleep(400 * time.Millisecond) // the zombie is found while emit waits
	srv.WithholdACKs(false)
	got := 0
	for got < 3 {
		switch e := next(); e.Name {
		case "MESSAGE_CREATE":
			got++
		case "RESUMED":
		default:
			t.Fatalf("got %s", e.Name)
		}
	}
}

package gateway_test

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"testing"
	"time"

	"github.com/cordage/cordage/discord"
	"github.com/cordage/cordage/discordtest"
	"github.com/cordage/cordage/events"
	"github.com/cordage/cordage/gateway"
	"github.com/cordage/cordage/internal/leakcheck"
)

type harness struct {
	srv    *discordtest.Server
	events chan gateway.Event
	shard  *gateway.Shard
	done   chan error
	cancel context.CancelFunc
}

func newServer(t *testing.T, opts ...discordtest.Option) *discordtest.Server {
	t.Helper()
	leakcheck.Check(t)
	// Identify at once: these tests are about the shard, not about Discord's
	// five seconds between identifies.
	srv, err := discordtest.NewServer(append([]discordtest.Option{discordtest.WithIdentifyWindow(time.Millisecond)}, opts...)...)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { srv.Close() })
	return srv
}

// start runs a shard against srv until the test ends.
func start(t *testing.T, srv *discordtest.Server, opts ...gateway.Option) *harness {
	t.Helper()
	h := &harness{srv: srv, events: make(chan gateway.Event, 256), done: make(chan error, 1)}
	base := []gateway.Option{gateway.WithURL(srv.GatewayURL()), gateway.WithLogger(slog.New(slog.DiscardHandler)),
		gateway.WithBackoff(10*time.Millisecond, 100*time.Millisecond),
		gateway.WithTimeouts(5*time.Second, 5*time.Second, 50*time.Millisecond),
		gateway.WithIdentifyLimiter(gateway.NewIdentifyLimiterEvery(time.Millisecond), 1)}
	h.shard = gateway.NewShard(srv.Token(), h.events, append(base, opts...)...)
	ctx, cancel := context.WithCancel(context.Background())
	h.cancel = cancel
	go func() { h.done <- h.shard.Run(ctx) }()
	t.Cleanup(func() {
		cancel()
		select {
		case <-h.done:
		case <-time.After(5 * time.Second):
			t.Error("shard did not stop")
		}
	})
	return h
}

// next returns the next event, skipping those not named in skip.
func (h *harness) next(t *testing.T) gateway.Event {
	t.Helper()
	select {
	case e := <-h.events:
		return e
	case err := <-h.done:
		t.Fatalf("shard stopped: %v", err)
	case <-time.After(5 * time.Second):
		t.Fatal("no event within 5s")
	}
	return gateway.Event{}
}

func (h *harness) expect(t *testing.T, name string) gateway.Event {
	t.Helper()
	e := h.next(t)
	if e.Name != name {
		t.Fatalf("got %s (seq %d), want %s", e.Name, e.Seq, name)
	}
	return e
}

const intents = gateway.IntentGuilds | gateway.IntentGuildMessages

func TestShardIdentifiesAndDeliversDecodedEvents(t *testing.T) {
	for _, comp := range []gateway.Compression{gateway.CompressionZstd, gateway.CompressionZlib, gateway.CompressionNone} {
		t.Run(string(comp)+"none", func(t *testing.T) {
			srv := newServer(t)
			g := srv.AddGuild("g")
			user := srv.AddUser("ann")
			h := start(t, srv, gateway.WithIntents(intents), gateway.WithCompression(comp))
			ready := h.expect(t, "READY")
			if r, ok := ready.Event.(*events.Ready); !ok || r.SessionID == "" || ready.Shard != h.shard {
				t.Fatalf("READY = %#v", ready.Event)
			}
			gc := h.expect(t, "GUILD_CREATE").Event.(*events.GuildCreate)
			if gc.ID != g.ID || len(gc.Channels) != 1 {
				t.Errorf("GUILD_CREATE = %+v", gc.Guild)
			}
			srv.SendMessage(user.ID, g.SystemChannelID, "hi")
			m := h.expect(t, "MESSAGE_CREATE").Event.(*events.MessageCreate)
			if m.Author.ID != user.ID || m.GuildID != g.ID {
				t.Errorf("MESSAGE_CREATE = %+v", m.Message)
			}
			if !h.shard.Session().Valid() {
				t.Error("no valid session after READY")
			}
		})
	}
}

func TestShardResumesAfterADroppedConnectionWithoutLosingEvents(t *testing.T) {
	srv := newServer(t)
	g := srv.AddGuild("g")
	user := srv.AddUser("bo")
	h := start(t, srv, gateway.WithIntents(intents))
	h.expect(t, "READY")
	h.expect(t, "GUILD_CREATE")
	session := h.shard.Session()

	srv.DropConnections()
	for i := range 5 {
		srv.SendMessage(user.ID, g.SystemChannelID, fmt.Sprint(i))
	}
	for i := range 5 {
		m := h.expect(t, "MESSAGE_CREATE").Event.(*events.MessageCreate)
		if m.Content != "" {
			t.Errorf("content %q without MESSAGE_CONTENT", m.Content)
		}
		_ = i
	}
	h.expect(t, "RESUMED")
	if got := h.shard.Session().ID; got != session.ID {
		t.Errorf("session %s after resuming, want %s", got, session.ID)
	}
	if n := len(srv.Sessions()); n != 1 {
		t.Errorf("%d sessions on the server, want the resumed one", n)
	}
}

func TestShardResumesAfterZombieConnection(t *testing.T) {
	srv := newServer(t, discordtest.WithHeartbeatInterval(150*time.Millisecond))
	g := srv.AddGuild("g")
	user := srv.AddUser("cy")
	h := start(t, srv, gateway.WithIntents(intents))
	h.expect(t, "READY")
	h.expect(t, "GUILD_CREATE")
	time.Sleep(200 * time.Millisecond) // let a heartbeat round trip happen
	resume := srv.StallConnections()
	defer resume()
	srv.SendMessage(user.ID, g.SystemChannelID, "while stalled")
	m := h.expect(t, "MESSAGE_CREATE").Event.(*events.MessageCreate)
	if m.Author.ID != user.ID {
		t.Errorf("replayed %+v", m.Message)
	}
	h.expect(t, "RESUMED")
	if h.shard.Latency() <= 0 {
		t.Error("no heartbeat latency measured")
	}
}

func TestShardFollowsReconnectAndInvalidSession(t *testing.T) {
	srv := newServer(t)
	srv.AddGuild("g")
	h := start(t, srv, gateway.WithIntents(intents))
	h.expect(t, "READY")
	h.expect(t, "GUILD_CREATE")
	first := h.shard.Session().ID

	srv.SendReconnect()
	h.expect(t, "RESUMED")
	if h.shard.Session().ID != first {
		t.Error("op 7 did not resume the same session")
	}
	srv.SendInvalidSession(false)
	h.expect(t, "READY")
	if h.shard.Session().ID == first {
		t.Error("op 9 false did not start a new session")
	}
}

func TestFatalCloseCodesStopTheShard(t *testing.T) {
	srv := newServer(t)
	h := start(t, srv, gateway.WithIntents(intents|gateway.IntentGuildMembers))
	select {
	case err := <-h.done:
		var ce *gateway.CloseError
		if !errors.As(err, &ce) || ce.Code != gateway.CloseDisallowedIntents || !ce.Fatal() {
			t.Fatalf("Run returned %v, want a fatal 4014", err)
		}
		h.done <- err // for the cleanup
	case <-time.After(5 * time.Second):
		t.Fatal("shard did not stop")
	}
}

func TestSessionStoreResumesAfterARestart(t *testing.T) {
	srv := newServer(t)
	g := srv.AddGuild("g")
	user := srv.AddUser("di")
	store := &gateway.MemorySessionStore{}
	h := start(t, srv, gateway.WithIntents(intents), gateway.WithSessionStore(store))
	h.expect(t, "READY")
	h.expect(t, "GUILD_CREATE")
	id := h.shard.Session().ID
	h.cancel()
	if err := <-h.done; !errors.Is(err, context.Canceled) {
		t.Fatalf("Run: %v", err)
	}
	h.done <- nil
	srv.SendMessage(user.ID, g.SystemChannelID, "while down")

	h2 := start(t, srv, gateway.WithIntents(intents), gateway.WithSessionStore(store))
	h2.expect(t, "MESSAGE_CREATE")
	h2.expect(t, "RESUMED")
	if h2.shard.Session().ID != id {
		t.Error("restarted shard did not resume the saved session")
	}
}

func TestSlowConsumerDoesNotMakeTheConnectionLookDead(t *testing.T) {
	srv := newServer(t, discordtest.WithHeartbeatInterval(100*time.Millisecond), discordtest.WithPrivilegedIntents(1<<15))
	g := srv.AddGuild("g")
	user := srv.AddUser("ed")
	events := make(chan gateway.Event) // unbuffered: every event waits for the consumer
	shard := gateway.NewShard(srv.Token(), events, gateway.WithURL(srv.GatewayURL()), gateway.WithIntents(intents),
		gateway.WithLogger(slog.New(slog.DiscardHandler)))
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- shard.Run(ctx) }()
	defer func() { cancel(); <-done }()
	for _, want := range []string{"READY", "GUILD_CREATE"} {
		if e := <-events; e.Name != want {
			t.Fatalf("got %s", e.Name)
		}
	}
	for i := range 3 {
		srv.SendMessage(user.ID, g.SystemChannelID, fmt.Sprint(i))
	}
	time.Sleep(600 * time.Millisecond) // six heartbeat intervals without reading
	for range 3 {
		if e := <-events; e.Name != "MESSAGE_CREATE" {
			t.Fatalf("got %s, want the messages and no reconnect", e.Name)
		}
	}
	select {
	case e := <-events:
		t.Errorf("unexpected %s: the shard reconnected", e.Name)
	case <-time.After(150 * time.Millisecond):
	}
	_ = discord.Snowflake(0)
}

package cordage_test

import (
	"context"
	"errors"
	"log/slog"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/cordage/cordage"
	"github.com/cordage/cordage/discord"
	"github.com/cordage/cordage/discordtest"
	"github.com/cordage/cordage/dispatch"
	"github.com/cordage/cordage/events"
	"github.com/cordage/cordage/gateway"
	"github.com/cordage/cordage/internal/leakcheck"
	"github.com/cordage/cordage/rest"
)

func emulator(t *testing.T, opts ...discordtest.Option) *discordtest.Server {
	t.Helper()
	leakcheck.Check(t)
	srv, err := discordtest.NewServer(opts...)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { srv.Close() })
	return srv
}

func options(srv *discordtest.Server, more ...cordage.Option) []cordage.Option {
	return append([]cordage.Option{
		cordage.WithBaseURL(srv.URL()),
		cordage.WithLogger(slog.New(slog.DiscardHandler)),
		cordage.WithShutdownTimeout(2 * time.Second),
	}, more...)
}

func TestRunAnswersAMessageAndShutsDownResumably(t *testing.T) {
	srv := emulator(t, discordtest.WithPrivilegedIntents(1<<15))
	g := srv.AddGuild("g")
	user := srv.AddUser("alice")
	srv.AddMember(g.ID, user.ID)

	ctx, cancel := context.WithCancel(context.Background())
	var order []string
	answered := make(chan *discord.Message, 1)
	errc := make(chan error, 1)
	go func() {
		errc <- cordage.Run(ctx, srv.Token(), func(grp *cordage.Group) error {
			grp.OnStartup(func(context.Context) error { order = append(order, "startup"); return nil })
			grp.OnShutdown(func(context.Context) error { order = append(order, "shutdown 1"); return nil })
			grp.OnShutdown(func(context.Context) error { order = append(order, "shutdown 2"); return nil })
			dispatch.On(grp.Dispatcher, func(ctx context.Context, e *events.GuildCreate) error {
				srv.SendMessage(user.ID, g.SystemChannelID, "!ping")
				return nil
			})
			_, err := grp.Dispatcher.AddHandler(func(e *events.MessageCreate, ctx context.Context, c *rest.Client, s *gateway.Shard, groups cordage.Groups) error {
				if e.Content != "!ping" || e.Author.Bot {
					return nil
				}
				if s == nil || groups["main"] != grp {
					t.Error("shard or groups not injected")
				}
				m, err := c.Messages.Create(ctx, e.ChannelID, &discord.CreateMessageRequest{Content: "pong"})
				answered <- m
				return err
			})
			return err
		}, options(srv, cordage.WithIntents(gateway.IntentsDefault|gateway.IntentMessageContent))...)
	}()
	select {
	case m := <-answered:
		if m == nil || m.Content != "pong" {
			t.Fatalf("answer %+v", m)
		}
	case err := <-errc:
		t.Fatalf("Run stopped: %v", err)
	case <-time.After(5 * time.Second):
		t.Fatal("no answer within 5s")
	}
	cancel()
	if err := <-errc; err != nil {
		t.Fatalf("Run: %v", err)
	}
	if strings.Join(order, ",") != "startup,shutdown 2,shutdown 1" {
		t.Errorf("hooks ran as %v", order)
	}
	// The emulator sees the close a moment after Run returns.
	deadline := time.Now().Add(2 * time.Second)
	for {
		sessions := srv.Sessions()
		if len(sessions) == 1 && !sessions[0].Connected {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("sessions after shutdown %+v, want one resumable, disconnected", sessions)
		}
		time.Sleep(5 * time.Millisecond)
	}
}

func TestStartupHookErrorAbortsBeforeIdentify(t *testing.T) {
	srv := emulator(t)
	boom := errors.New("no database")
	err := cordage.Run(context.Background(), srv.Token(), func(g *cordage.Group) error {
		g.OnStartup(func(context.Context) error { return boom })
		return nil
	}, options(srv)...)
	if !errors.Is(err, boom) {
		t.Fatalf("Run: %v, want the hook's error", err)
	}
	if n := len(srv.Sessions()); n != 0 {
		t.Errorf("%d sessions: the gateway identified despite the failed hook", n)
	}
}

func TestHubRunsSeveralBotsWithUniqueNames(t *testing.T) {
	srv := emulator(t)
	srv.AddGuild("g")
	h := cordage.NewHub()
	a, err := h.NewGroup("a", srv.Token(), options(srv)...)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := h.NewGroup("a", srv.Token()); err == nil {
		t.Error("a second group named a was accepted")
	}
	b, err := h.NewGroup("b", srv.Token(), options(srv, cordage.WithoutGateway())...)
	if err != nil {
		t.Fatal(err)
	}
	if b.Gateway != nil {
		t.Error("a REST-only group has a gateway")
	}
	ctx, cancel := context.WithCancel(context.Background())
	readies := make(chan struct{}, 1)
	dispatch.On(a.Dispatcher, func(ctx context.Context, e *events.GuildCreate) error {
		readies <- struct{}{}
		return nil
	})
	errc := make(chan error, 1)
	go func() { errc <- h.Run(ctx) }()
	select {
	case <-readies:
	case <-time.After(5 * time.Second):
		t.Fatal("group a got no GUILD_CREATE")
	}
	me, err := b.Rest.Users.GetCurrent(ctx)
	if err != nil || me.ID != srv.Bot().ID {
		t.Errorf("REST-only group: %+v, %v", me, err)
	}
	cancel()
	if err := <-errc; err != nil {
		t.Errorf("Hub.Run: %v", err)
	}
}

func TestFatalGatewayErrorEndsRun(t *testing.T) {
	srv := emulator(t)
	err := cordage.Run(context.Background(), srv.Token(), nil,
		options(srv, cordage.WithIntents(gateway.IntentGuilds|gateway.IntentGuildPresences))...)
	var ce *gateway.CloseError
	if !errors.As(err, &ce) || ce.Code != gateway.CloseDisallowedIntents {
		t.Fatalf("Run: %v, want close 4014", err)
	}
}

func TestConnectReturnsOnceReady(t *testing.T) {
	srv := emulator(t)
	g, err := cordage.Connect(context.Background(), srv.Token(), options(srv)...)
	if err != nil {
		t.Fatal(err)
	}
	if s := g.Gateway.Shards(); len(s) != 1 || !s[0].Session().Valid() {
		t.Errorf("shards after Connect: %v", s)
	}
	if err := g.Close(); err != nil {
		t.Errorf("Close: %v", err)
	}
}

// logRecorder keeps the log records a group writes.
type logRecorder struct {
	mu      sync.Mutex
	records []string
}

func (l *logRecorder) Enabled(context.Context, slog.Level) bool { return true }
func (l *logRecorder) Handle(_ context.Context, r slog.Record) error {
	var b strings.Builder
	b.WriteString(r.Message)
	r.Attrs(func(a slog.Attr) bool { b.WriteString(" " + a.String()); return true })
	l.mu.Lock()
	l.records = append(l.records, b.String())
	l.mu.Unlock()
	return nil
}
func (l *logRecorder) WithAttrs(attrs []slog.Attr) slog.Handler {
	return &attrHandler{l, attrs}
}
func (l *logRecorder) WithGroup(string) slog.Handler { return l }

func (l *logRecorder) contains(s string) bool {
	l.mu.Lock()
	defer l.mu.Unlock()
	for _, r := range l.records {
		if strings.Contains(r, s) {
			return true
		}
	}
	return false
}

type attrHandler struct {
	*logRecorder
	attrs []slog.Attr
}

func (h *attrHandler) Handle(ctx context.Context, r slog.Record) error {
	r.AddAttrs(h.attrs...)
	return h.logRecorder.Handle(ctx, r)
}

func TestAPanickingHandlerLeavesOthersAndTheConnectionRunning(t *testing.T) {
	srv := emulator(t)
	g := srv.AddGuild("g")
	logs := &logRecorder{}
	if _, err := cordage.Connect(context.Background(), srv.Token(), options(srv, cordage.WithLogger(slog.New(logs)),
		cordage.WithIntents(gateway.IntentGuilds|gateway.IntentGuildMembers|gateway.IntentGuildMessages))...); err == nil {
		t.Fatal("Connect with an unapproved privileged intent succeeded")
	}
	grp, err := cordage.Connect(context.Background(), srv.Token(), options(srv, cordage.WithLogger(slog.New(logs)))...)
	if err != nil {
		t.Fatal(err)
	}
	defer grp.Close()
	created := make(chan string, 4)
	dispatch.On(grp.Dispatcher, func(ctx context.Context, e *events.ChannelCreate) error {
		if e.Name == "boom" {
			panic("handler bug")
		}
		return nil
	})
	var injected *slog.Logger
	if _, err := grp.Dispatcher.AddHandler(func(e *events.ChannelCreate, l *slog.Logger) {
		injected = l
		created <- e.Name
	}); err != nil {
		t.Fatal(err)
	}
	srv.AddChannel(g.ID, "boom", discord.ChannelTypeGuildText)
	srv.AddChannel(g.ID, "after", discord.ChannelTypeGuildText)
	for _, want := range []string{"boom", "after"} {
		select {
		case got := <-created:
			if got != want {
				t.Errorf("second handler saw %q, want %q", got, want)
			}
		case <-time.After(5 * time.Second):
			t.Fatalf("no CHANNEL_CREATE %q: the panic stopped the group", want)
		}
	}
	if injected == nil {
		t.Error("no logger injected")
	}
	if !logs.contains("handler failed") || !logs.contains("group=main") || !logs.contains("CHANNEL_CREATE") {
		t.Errorf("the panic was not logged with the group and event: %v", logs.records)
	}
}

func TestHandlersForUndeliveredEventsAreWarnedAbout(t *testing.T) {
	srv := emulator(t)
	logs := &logRecorder{}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	errc := make(chan error, 1)
	go func() {
		errc <- cordage.Run(ctx, srv.Token(), func(g *cordage.Group) error {
			dispatch.On(g.Dispatcher, func(ctx context.Context, e *events.TypingStart) error { return nil })
			g.OnStartup(func(context.Context) error { cancel(); return nil })
			return nil
		}, options(srv, cordage.WithLogger(slog.New(logs)), cordage.WithIntents(gateway.IntentGuilds))...)
	}()
	if err := <-errc; err != nil {
		t.Fatal(err)
	}
	if !logs.contains("never deliver") || !logs.contains("TYPING_START") {
		t.Errorf("no warning for TYPING_START without its intents: %v", logs.records)
	}
}

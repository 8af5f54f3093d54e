package cordage

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"reflect"
	"sync"
	"time"

	"github.com/cordage/cordage/discord"
	"github.com/cordage/cordage/dispatch"
	"github.com/cordage/cordage/events"
	"github.com/cordage/cordage/gateway"
	"github.com/cordage/cordage/interactions"
	"github.com/cordage/cordage/rest"
)

// Group is one bot: its REST client, its gateway shards, its dispatcher and
// its interactions router.
type Group struct {
	// Name names the group in a hub and in its log lines.
	Name string
	// Rest is the group's REST client.
	Rest *rest.Client
	// Gateway runs the group's shards; nil for a REST-only group.
	Gateway *gateway.Manager
	// Dispatcher runs the group's event handlers.
	Dispatcher *dispatch.Dispatcher
	// Interactions routes the INTERACTION_CREATE events of the gateway.
	Interactions *interactions.Router
	// Logger logs with the group's name on every line.
	Logger *slog.Logger

	cfg      config
	mu       sync.Mutex
	startup  []func(context.Context) error
	shutdown []func(context.Context) error
	groups   Groups

	closeFn   context.CancelFunc // for groups made by Connect
	done      chan error
	ready     chan struct{} // closed once every shard sent READY
	readyOnce sync.Once

	responder   interactions.Responder
	interacting chan struct{} // a slot per interaction being handled
	inflight    sync.WaitGroup
}

// Groups are the groups of a hub by name, injectable into handlers.
type Groups map[string]*Group

// DefaultShutdownTimeout is how long a stopping group waits for its
// handlers and shutdown hooks.
const DefaultShutdownTimeout = 10 * time.Second

type config struct {
	intents         gateway.Intents
	shardCount      int
	shardIDs        []int
	compression     gateway.Compression
	logger          *slog.Logger
	restURL         string
	gatewayURL      string
	httpClient      *http.Client
	executor        dispatch.Executor
	noGateway       bool
	shutdownTimeout time.Duration
	gatewayOptions  []gateway.Option
}

// Option configures a group.
type Option func(*config)

// WithIntents sets the gateway intents; the default is
// gateway.IntentsDefault, every intent that needs no approval.
func WithIntents(i gateway.Intents) Option { return func(c *config) { c.intents = i } }

// WithShards sets the shard count and the shards this process runs; a count
// of 0 takes Discord's recommendation from GET /gateway/bot, and no ids runs
// them all.
func WithShards(count int, ids ...int) Option {
	return func(c *config) { c.shardCount, c.shardIDs = count, ids }
}

// WithCompression sets the gateway's transport compression; the default is
// zstd-stream.
func WithCompression(comp gateway.Compression) Option {
	return func(c *config) { c.compression = comp }
}

// WithLogger sets the logger; the group adds its name to every line. The
// default is slog.Default().
func WithLogger(l *slog.Logger) Option { return func(c *config) { c.logger = l } }

// WithBaseURL sends REST requests to url instead of Discord, such as a
// discordtest server's URL.
func WithBaseURL(url string) Option { return func(c *config) { c.restURL = url } }

// WithGatewayURL connects the gateway to url instead of the one GET
// /gateway/bot returns.
func WithGatewayURL(url string) Option { return func(c *config) { c.gatewayURL = url } }

// WithHTTPClient sends REST requests with hc; groups of a hub share the
// hub's client unless told otherwise.
func WithHTTPClient(hc *http.Client) Option { return func(c *config) { c.httpClient = hc } }

// WithExecutor sets how events run relative to each other; the default is
// dispatch.PerGuild.
func WithExecutor(e dispatch.Executor) Option { return func(c *config) { c.executor = e } }

// WithoutGateway makes a REST-only group: no shards, no events.
func WithoutGateway() Option { return func(c *config) { c.noGateway = true } }

// WithShutdownTimeout sets how long a stopping group waits for handlers and
// shutdown hooks; the default is DefaultShutdownTimeout.
func WithShutdownTimeout(d time.Duration) Option { return func(c *config) { c.shutdownTimeout = d } }

// WithGatewayOptions passes options to every shard, such as a session store.
func WithGatewayOptions(opts ...gateway.Option) Option {
	return func(c *config) { c.gatewayOptions = append(c.gatewayOptions, opts...) }
}

// newGroup builds a group; it does not connect.
func newGroup(name, token string, groups Groups, opts []Option) *Group {
	cfg := config{intents: gateway.IntentsDefault, compression: gateway.CompressionZstd, shutdownTimeout: DefaultShutdownTimeout}
	for _, o := range opts {
		o(&cfg)
	}
	if cfg.logger == nil {
		cfg.logger = slog.Default()
	}
	logger := cfg.logger.With("group", name)
	restOpts := []rest.Option{rest.WithLogger(logger)}
	if cfg.restURL != "" {
		restOpts = append(restOpts, rest.WithBaseURL(cfg.restURL))
	}
	if cfg.httpClient != nil {
		restOpts = append(restOpts, rest.WithHTTPClient(cfg.httpClient))
	}
	dispOpts := []dispatch.Option{dispatch.WithLogger(logger)}
	if cfg.executor != nil {
		dispOpts = append(dispOpts, dispatch.WithExecutor(cfg.executor))
	}
	g := &Group{
		Name: name, cfg: cfg, Logger: logger, groups: groups,
		Rest:         rest.New(token, restOpts...),
		Dispatcher:   dispatch.New(dispOpts...),
		Interactions: interactions.NewRouter(interactions.WithLogger(logger)),
		ready:        make(chan struct{}),
		interacting:  make(chan struct{}, maxInteractions),
	}
	if !cfg.noGateway {
		g.Gateway = gateway.NewManager(gateway.ManagerConfig{
			Token: token, Info: g.botInfo, URL: cfg.gatewayURL, ShardCount: cfg.shardCount, ShardIDs: cfg.shardIDs,
			Options: append([]gateway.Option{
				gateway.WithIntents(cfg.intents), gateway.WithCompression(cfg.compression), gateway.WithLogger(logger),
				gateway.WithEventFilter(g.wants),
			}, cfg.gatewayOptions...),
		})
	}
	g.responder = interactions.RESTResponder(g.Rest)
	d := g.Dispatcher
	d.Provide(g.Rest)
	d.Provide(logger)
	dispatch.ProvideAs[Groups](d, groups)
	dispatch.ProvideFunc(d, func(_ context.Context, del *dispatch.Delivery) (*gateway.Shard, error) {
		s, _ := del.Source.(*gateway.Shard)
		return s, nil
	})
	return g
}

// Ready returns a channel closed once every shard of the group has received
// READY. For a REST-only group it is never closed.
func (g *Group) Ready() <-chan struct{} { return g.ready }

// OnStartup adds a hook that runs before the gateway identifies; an error
// aborts the start.
func (g *Group) OnStartup(f func(ctx context.Context) error) {
	g.mu.Lock()
	defer g.mu.Unlock()
	g.startup = append(g.startup, f)
}

// OnShutdown adds a hook that runs once when the group stops, after its
// handlers; hooks run in reverse order.
func (g *Group) OnShutdown(f func(ctx context.Context) error) {
	g.mu.Lock()
	defer g.mu.Unlock()
	g.shutdown = append(g.shutdown, f)
}

// botInfo asks the REST client for GET /gateway/bot.
func (g *Group) botInfo(ctx context.Context) (gateway.BotInfo, error) {
	b, err := g.Rest.Gateway.GetBot(ctx)
	if err != nil {
		return gateway.BotInfo{}, err
	}
	l := b.SessionStartLimit
	return gateway.BotInfo{URL: b.URL, Shards: b.Shards, SessionsTotal: l.Total, SessionsRemaining: l.Remaining,
		ResetAfter: int64(l.ResetAfter), MaxConcurrency: l.MaxConcurrency}, nil
}

// wants says which events the shards decode: those with handlers, and
// interactions.
func (g *Group) wants(name string) bool {
	return name == "INTERACTION_CREATE" || name == "READY" || g.Dispatcher.Wants(name)
}

// run runs the group until ctx ends or its gateway fails for good.
func (g *Group) run(ctx context.Context) error {
	g.mu.Lock()
	startup := append([]func(context.Context) error(nil), g.startup...)
	g.mu.Unlock()
	for _, f := range startup {
		if err := f(ctx); err != nil {
			// Hooks that ran may have set things up for shutdown hooks to
			// undo, and the dispatcher's workers must stop.
			return errors.Join(fmt.Errorf("cordage: group %s: startup hook: %w", g.Name, err), g.stop())
		}
	}
	g.warnIntents()
	var runErr error
	if g.Gateway != nil {
		gwCtx, cancel := context.WithCancel(ctx)
		done := make(chan error, 1)
		go func() { done <- g.Gateway.Run(gwCtx) }()
		g.consume(ctx)
		cancel()
		runErr = <-done
		g.inflight.Wait()
		if errors.Is(runErr, context.Canceled) {
			runErr = nil
		}
	} else {
		<-ctx.Done()
	}
	return errors.Join(runErr, g.stop())
}

// consume hands the gateway's events to the dispatcher and the router.
func (g *Group) consume(ctx context.Context) {
	readies := 0
	for ev := range g.Gateway.Events() {
		if ev.Name == "READY" {
			if readies++; readies >= len(g.Gateway.Shards()) {
				g.readyOnce.Do(func() { close(g.ready) })
			}
		}
		if ev.Event == nil {
			continue
		}
		if ic, ok := ev.Event.(*events.InteractionCreate); ok {
			g.startInteraction(ctx, &ic.Interaction)
		}
		err := g.Dispatcher.Dispatch(ctx, dispatch.Delivery{Event: ev.Event, GuildID: guildOf(ev.Event), Source: ev.Shard})
		if err != nil && ctx.Err() == nil {
			g.Logger.Error("cordage: dispatch", "event", ev.Name, "error", err)
		}
	}
}

// maxInteractions bounds the interactions a group handles at once; more
// wait, which slows the event stream down rather than piling up goroutines.
const maxInteractions = 256

// startInteraction routes an interaction on a goroutine of its own, so a
// handler that runs long (and is deferred) does not hold up events.
func (g *Group) startInteraction(ctx context.Context, i *discord.Interaction) {
	select {
	case g.interacting <- struct{}{}:
	case <-ctx.Done():
		return
	}
	g.inflight.Add(1)
	go func() {
		defer func() { <-g.interacting; g.inflight.Done() }()
		err := g.Interactions.Handle(ctx, i, g.responder)
		if err != nil && !errors.Is(err, interactions.ErrNoRoute) {
			g.Logger.Error("cordage: interaction", "id", i.ID, "error", err)
		}
	}()
}

// stop drains the handlers and runs the shutdown hooks with a deadline.
func (g *Group) stop() error {
	ctx, cancel := context.WithTimeout(context.Background(), g.cfg.shutdownTimeout)
	defer cancel()
	var errs []error
	if err := g.Dispatcher.Close(ctx); err != nil {
		errs = append(errs, fmt.Errorf("cordage: group %s: handlers still running at the shutdown deadline: %w", g.Name, err))
	}
	g.mu.Lock()
	hooks := g.shutdown
	g.shutdown = nil
	g.mu.Unlock()
	for i := len(hooks) - 1; i >= 0; i-- {
		if err := hooks[i](ctx); err != nil {
			errs = append(errs, fmt.Errorf("cordage: group %s: shutdown hook: %w", g.Name, err))
		}
	}
	return errors.Join(errs...)
}

// warnIntents logs handlers registered for events the group's intents
// never deliver.
func (g *Group) warnIntents() {
	if g.Gateway == nil {
		return
	}
	for _, name := range g.Dispatcher.EventNames() {
		if gateway.EventNeedsIntent(name, g.cfg.intents) {
			g.Logger.Warn("cordage: a handler listens to an event the group's intents never deliver",
				"event", name, "needs", gateway.EventIntents(name).String())
		}
	}
}

// guildOf finds an event's guild, which orders its handlers.
func guildOf(e events.Event) discord.Snowflake {
	switch x := e.(type) {
	case *events.GuildCreate:
		return x.ID
	case *events.GuildUpdate:
		return x.ID
	case *events.GuildDelete:
		return x.ID
	}
	v := reflect.ValueOf(e)
	if v.Kind() != reflect.Pointer || v.IsNil() {
		return 0
	}
	index, ok := guildField(v.Type().Elem())
	if !ok {
		return 0
	}
	return discord.Snowflake(v.Elem().FieldByIndex(index).Uint())
}

// guildFields caches, per event type, the index of its GuildID field.
var guildFields sync.Map // reflect.Type → []int (nil: none)

func guildField(t reflect.Type) ([]int, bool) {
	if index, ok := guildFields.Load(t); ok {
		return index.([]int), index.([]int) != nil
	}
	var index []int
	if f, ok := t.FieldByName("GuildID"); ok && f.Type == reflect.TypeFor[discord.Snowflake]() {
		index = f.Index
	}
	guildFields.Store(t, index)
	return index, index != nil
}

package discordtest

import (
	"context"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"strings"
	"sync"
	"time"

	"github.com/cordage/cordage/discord"
)

// Server is a running Discord emulator. Create it with NewServer and stop it
// with Close.
type Server struct {
	cfg      config
	world    *world
	listener net.Listener
	http     *http.Server
	base     string // http://127.0.0.1:port

	mu       sync.Mutex // guards the fields below
	sessions map[string]*session
	conns    map[*gatewayConn]struct{}
	identify map[int]time.Time // last identify per max_concurrency bucket
	faults   faults
	closed   bool
	stop     chan struct{} // closed by Close, ends delayed REST responses

	rest *restState

	wg sync.WaitGroup // connection goroutines
}

type config struct {
	token             string
	heartbeatInterval time.Duration
	identifyWindow    time.Duration
	maxConcurrency    int
	shards            int
	granted           uint64 // privileged intents the application may use
	replayBuffer      int
	sendLimit         int
	sendWindow        time.Duration
	sessionStarts     int
	sessionStartTotal int
	logger            *slog.Logger
	addr              string // to listen on; see WithAddr

	// REST: see rest_options.go.
	clock          func() time.Time
	rateLimit      limit
	routeLimits    map[string]limit
	globalLimit    limit
	botPermissions discord.Permissions
	interactionTTL time.Duration
	err            error // an invalid option
}

// Option configures a Server.
type Option func(*config)

// WithToken sets the bot token the server accepts; the default is
// DefaultToken.
func WithToken(token string) Option { return func(c *config) { c.token = token } }

// WithHeartbeatInterval sets the heartbeat_interval HELLO announces. Discord
// uses about 41 s; tests use a few hundred milliseconds.
func WithHeartbeatInterval(d time.Duration) Option {
	return func(c *config) { c.heartbeatInterval = d }
}

// WithMaxConcurrency sets max_concurrency: how many shards, one per bucket
// shard_id % max_concurrency, may identify in each identify window.
func WithMaxConcurrency(n int) Option { return func(c *config) { c.maxConcurrency = n } }

// WithIdentifyWindow sets the window in which each max_concurrency bucket may
// identify once; Discord's is 5 seconds. A second identify in a bucket within
// the window gets op 9 Invalid Session.
func WithIdentifyWindow(d time.Duration) Option { return func(c *config) { c.identifyWindow = d } }

// WithRecommendedShards sets the shard count GET /gateway/bot recommends; a
// session identifying with fewer shards than that is closed with 4011
// (sharding required) when the bot is in more than 2500 guilds per shard.
func WithRecommendedShards(n int) Option { return func(c *config) { c.shards = n } }

// WithPrivilegedIntents grants privileged intents (GUILD_MEMBERS 1<<1,
// GUILD_PRESENCES 1<<8, MESSAGE_CONTENT 1<<15) to the application. By
// default none is granted and asking for one closes the session with 4014.
func WithPrivilegedIntents(bits uint64) Option { return func(c *config) { c.granted = bits } }

// WithReplayBuffer sets how many dispatches a session keeps for RESUME; a
// resume from further back gets op 9 Invalid Session. The default is 4096.
func WithReplayBuffer(n int) Option { return func(c *config) { c.replayBuffer = n } }

// WithSendLimit sets the gateway send limit: at most n commands from a
// client per window, or the connection closes with 4008. Discord's is 120
// per 60 s.
func WithSendLimit(n int, window time.Duration) Option {
	return func(c *config) { c.sendLimit, c.sendWindow = n, window }
}

// WithSessionStartLimit sets session_start_limit.total and the remaining
// count GET /gateway/bot reports; each IDENTIFY uses one.
func WithSessionStartLimit(n int) Option { return func(c *config) { c.sessionStarts = n } }

// WithLogger logs the emulator's protocol events; the default discards them.
func WithLogger(l *slog.Logger) Option { return func(c *config) { c.logger = l } }

// DefaultToken is the bot token a Server accepts unless WithToken says
// otherwise.
const DefaultToken = "discordtest.bot.token"

// NewServer starts an emulator on 127.0.0.1 with a random port.
func NewServer(opts ...Option) (*Server, error) {
	cfg := config{
		token:             DefaultToken,
		addr:              "127.0.0.1:0",
		heartbeatInterval: 41250 * time.Millisecond,
		identifyWindow:    5 * time.Second,
		maxConcurrency:    1,
		shards:            1,
		replayBuffer:      4096,
		sendLimit:         120,
		sendWindow:        60 * time.Second,
		sessionStarts:     1000,
		logger:            slog.New(slog.DiscardHandler),
		clock:             time.Now,
		rateLimit:         limit{n: 5, per: time.Second},
		routeLimits:       map[string]limit{},
		globalLimit:       limit{n: 50, per: time.Second},
		botPermissions:    defaultBotPermissions,
		interactionTTL:    3 * time.Second,
	}
	for _, o := range opts {
		o(&cfg)
	}
	if cfg.err != nil {
		return nil, cfg.err
	}
	cfg.sessionStartTotal = cfg.sessionStarts
	ln, err := net.Listen("tcp", cfg.addr)
	if err != nil {
		return nil, fmt.Errorf("discordtest: listen: %w", err)
	}
	s := &Server{
		cfg:      cfg,
		world:    newWorld(time.Now()),
		listener: ln,
		base:     "http://" + ln.Addr().String(),
		sessions: map[string]*session{},
		conns:    map[*gatewayConn]struct{}{},
		identify: map[int]time.Time{},
		stop:     make(chan struct{}),
		rest:     newRESTState(&cfg),
	}
	s.world.botPermissions = cfg.botPermissions
	s.rest.handlers = s.restHandlers()
	mux := http.NewServeMux()
	mux.HandleFunc("/api/", s.serveREST)
	mux.HandleFunc("/attachments/", s.serveAttachment)
	mux.HandleFunc("/", s.serveGateway)
	s.http = &http.Server{Handler: mux, ReadHeaderTimeout: 10 * time.Second}
	s.wg.Add(1)
	go func() {
		defer s.wg.Done()
		s.http.Serve(ln)
	}()
	return s, nil
}

// URL is the base URL of the REST API, such as http://127.0.0.1:35817/api/v10.
func (s *Server) URL() string { return s.base + "/api/v10" }

// GatewayURL is the WebSocket URL GET /gateway returns, without query.
func (s *Server) GatewayURL() string { return "ws" + strings.TrimPrefix(s.base, "http") }

// resumeURL is the resume_gateway_url of every session. It differs from
// GatewayURL so tests can see that a client resumes where READY told it to.
func (s *Server) resumeURL() string { return s.GatewayURL() + "/resume" }

// Token returns the bot token the server accepts.
func (s *Server) Token() string { return s.cfg.token }

// Bot returns the bot's user.
func (s *Server) Bot() discord.User {
	s.world.mu.Lock()
	defer s.world.mu.Unlock()
	return s.world.bot
}

// ApplicationID returns the ID of the bot's application.
func (s *Server) ApplicationID() discord.Snowflake {
	s.world.mu.Lock()
	defer s.world.mu.Unlock()
	return s.world.app.ID
}

// Close closes every connection and stops the server. Sessions are lost.
func (s *Server) Close() error {
	s.mu.Lock()
	if s.closed {
		s.mu.Unlock()
		return nil
	}
	s.closed = true
	close(s.stop)
	conns := make([]*gatewayConn, 0, len(s.conns))
	for c := range s.conns {
		conns = append(conns, c)
	}
	s.mu.Unlock()
	for _, c := range conns {
		c.drop()
	}
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	err := s.http.Shutdown(ctx)
	s.wg.Wait()
	return err
}

package gateway

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"math/rand/v2"
	"net/url"
	"strings"
	"sync/atomic"
	"time"

	"github.com/coder/websocket"

	"github.com/cordage/cordage/events"
)

// Event is one dispatch a shard received, in the order the shard received
// it.
type Event struct {
	// Shard is the shard that received the event.
	Shard *Shard
	// Name is the event's name, such as "MESSAGE_CREATE".
	Name string
	// Seq is the event's sequence number in its session.
	Seq int64
	// Data is the event's undecoded d payload. It is not reused.
	Data json.RawMessage
	// Event is the decoded event, when the shard's filter wants the name;
	// nil otherwise. An event that failed to decode is an *events.Unknown.
	Event events.Event
}

// Option configures a Shard (and, through NewManager, every shard of a
// Manager).
type Option func(*config)

type config struct {
	url            string
	intents        Intents
	compression    Compression
	shardID        int
	shardCount     int
	largeThreshold int
	presence       *UpdatePresence
	store          SessionStore
	identify       IdentifyLimiter
	maxConcurrency int
	wants          func(name string) bool
	logger         *slog.Logger
	maxResumes     int
	backoff        Backoff
	properties     IdentifyProperties
}

// WithURL sets the gateway URL to connect to, without query; the default is
// wss://gateway.discord.gg. Point it at a discordtest server's GatewayURL.
func WithURL(u string) Option { return func(c *config) { c.url = strings.TrimSuffix(u, "/") } }

// WithIntents sets the intents to identify with; the default is
// IntentsDefault (every non-privileged intent).
func WithIntents(i Intents) Option { return func(c *config) { c.intents = i } }

// WithCompression sets the transport compression; the default is
// CompressionZstd.
func WithCompression(comp Compression) Option { return func(c *config) { c.compression = comp } }

// WithShard sets the shard's ID and the bot's shard count.
func WithShard(id, count int) Option {
	return func(c *config) { c.shardID, c.shardCount = id, count }
}

// WithLargeThreshold sets the member count (50 to 250) above which a
// guild's offline members are left out of GUILD_CREATE.
func WithLargeThreshold(n int) Option { return func(c *config) { c.largeThreshold = n } }

// WithPresence sets the presence the shard identifies with.
func WithPresence(p *UpdatePresence) Option { return func(c *config) { c.presence = p } }

// WithSessionStore keeps sessions in s, so a restarted process resumes
// them; the default is a MemorySessionStore of the shard's own.
func WithSessionStore(s SessionStore) Option { return func(c *config) { c.store = s } }

// WithIdentifyLimiter spaces identifies through l, with Discord's
// max_concurrency; the default is a LocalIdentifyLimiter of the shard's own
// with max_concurrency 1. Shards of one bot must share one limiter.
func WithIdentifyLimiter(l IdentifyLimiter, maxConcurrency int) Option {
	return func(c *config) { c.identify, c.maxConcurrency = l, maxConcurrency }
}

// WithEventFilter decodes only the events for which wants returns true;
// the others are passed on with Event nil. The default decodes every event.
func WithEventFilter(wants func(name string) bool) Option {
	return func(c *config) { c.wants = wants }
}

// WithLogger sets the logger; the default is slog.Default().
func WithLogger(l *slog.Logger) Option { return func(c *config) { c.logger = l } }

// WithMaxResumeAttempts sets how many failed resumes in a row a shard
// tries before it identifies anew; the default is 5.
func WithMaxResumeAttempts(n int) Option { return func(c *config) { c.maxResumes = n } }

// WithBackoff sets the bounds of the reconnect backoff; the default waits
// at most 1 s, then up to 60 s.
func WithBackoff(min, max time.Duration) Option {
	return func(c *config) { c.backoff = Backoff{Min: min, Max: max} }
}

// DefaultURL is Discord's gateway.
const DefaultURL = "wss://gateway.discord.gg"

// Shard is one gateway connection of a bot and the session it carries. One
// goroutine, Run's, owns its state: the read loop only reads, decompresses
// and splits payloads, the write loop only writes, and events go out on a
// channel, so a slow consumer never delays a heartbeat ACK.
type Shard struct {
	token  string
	cfg    config
	events chan<- Event
	cmds   chan outgoing

	session atomic.Pointer[Session]
	latency atomic.Int64 // nanoseconds of the last heartbeat round trip
}

type outgoing struct {
	cmd  Command
	done chan error
}

// NewShard returns a shard that sends the events it receives on out. The
// token is the bot token, with or without "Bot ".
func NewShard(token string, out chan<- Event, opts ...Option) *Shard {
	cfg := config{
		url: DefaultURL, intents: IntentsDefault, compression: CompressionZstd, shardCount: 1,
		maxResumes: 5, maxConcurrency: 1,
		properties: IdentifyProperties{OS: "linux", Browser: "cordage", Device: "cordage"},
	}
	for _, o := range opts {
		o(&cfg)
	}
	if cfg.store == nil {
		cfg.store = &MemorySessionStore{}
	}
	if cfg.identify == nil {
		cfg.identify = &LocalIdentifyLimiter{}
	}
	if cfg.logger == nil {
		cfg.logger = slog.Default()
	}
	cfg.logger = cfg.logger.With("shard", cfg.shardID)
	return &Shard{token: strings.TrimPrefix(token, "Bot "), cfg: cfg, events: out, cmds: make(chan outgoing)}
}

// ID returns the shard's ID.
func (s *Shard) ID() int { return s.cfg.shardID }

// Count returns the bot's shard count.
func (s *Shard) Count() int { return s.cfg.shardCount }

// String describes the shard for logs, such as "shard 0/1".
func (s *Shard) String() string { return fmt.Sprintf("shard %d/%d", s.cfg.shardID, s.cfg.shardCount) }

// Session returns the shard's current session; it is not Valid before the
// first READY.
func (s *Shard) Session() Session {
	if p := s.session.Load(); p != nil {
		return *p
	}
	return Session{}
}

// Latency returns the round trip of the last heartbeat.
func (s *Shard) Latency() time.Duration { return time.Duration(s.latency.Load()) }

// Send sends a command, such as UpdatePresence, on the shard's connection,
// within the gateway send limit. It blocks until the command is written, the
// shard has no connection to write it on, or ctx ends.
func (s *Shard) Send(ctx context.Context, cmd Command) error {
	o := outgoing{cmd: cmd, done: make(chan error, 1)}
	select {
	case s.cmds <- o:
	case <-ctx.Done():
		return ctx.Err()
	}
	select {
	case err := <-o.done:
		return err
	case <-ctx.Done():
		return ctx.Err()
	}
}

// errReconnect ends a connection that should be replaced: op 7, a zombie
// connection, a resumable op 9.
type reconnect struct {
	reason   string
	identify bool          // start a new session
	wait     time.Duration // before reconnecting
}

func (r *reconnect) Error() string { return "gateway: reconnect: " + r.reason }

// Run connects the shard and keeps it connected until ctx ends or the
// gateway closes it for good (a *CloseError with Fatal true). When ctx
// ends, the session stays resumable and is saved in the SessionStore; Run
// then returns ctx's error.
func (s *Shard) Run(ctx context.Context) error {
	if sess, ok, err := s.cfg.store.Load(ctx, s.cfg.shardID); err != nil {
		return fmt.Errorf("gateway: %s: load session: %w", s, err)
	} else if ok {
		s.session.Store(&sess)
	}
	defer func() {
		// Saving must work after ctx ended.
		save, cancel := context.WithTimeout(context.WithoutCancel(ctx), 5*time.Second)
		defer cancel()
		if err := s.cfg.store.Save(save, s.cfg.shardID, s.Session()); err != nil {
			s.cfg.logger.Error("gateway: save session", "error", err)
		}
	}()
	backoff := s.cfg.backoff
	resumes := 0
	var wait time.Duration
	for {
		if wait > 0 && !sleepCtx(ctx, wait) {
			return ctx.Err()
		}
		resume := s.Session().Valid() && resumes < s.cfg.maxResumes
		if !resume {
			s.session.Store(nil)
		}
		ready, err := s.connect(ctx, resume, &backoff)
		if ctx.Err() != nil {
			return ctx.Err()
		}
		var ce *CloseError
		var rc *reconnect
		switch {
		case errors.As(err, &ce):
			s.cfg.logger.Warn("gateway: connection closed", "code", int(ce.Code), "reason", ce.Reason, "action", ce.Code.Action())
			switch ce.Code.Action() {
			case CloseFatal:
				s.session.Store(nil)
				return ce
			case CloseIdentify:
				s.session.Store(nil)
				wait = 0
			case CloseRetry:
				wait = backoff.Next()
			default:
				wait = backoff.Next() / 4
			}
		case errors.As(err, &rc):
			s.cfg.logger.Info("gateway: reconnecting", "reason", rc.reason)
			if rc.identify {
				s.session.Store(nil)
			}
			wait = max(rc.wait, backoff.Next()/4)
		default:
			s.cfg.logger.Warn("gateway: connection failed", "error", err)
			wait = backoff.Next()
		}
		switch {
		case ready:
			resumes = 0
		case resume:
			resumes++
		}
	}
}

// connect runs one connection until it ends.
func (s *Shard) connect(ctx context.Context, resume bool, backoff *Backoff) (ready bool, err error) {
	base := s.cfg.url
	if sess := s.Session(); resume {
		base = sess.ResumeURL
	}
	q := url.Values{"v": {"10"}, "encoding": {"json"}}
	if s.cfg.compression != CompressionNone {
		q.Set("compress", string(s.cfg.compression))
	}
	u, err := url.Parse(base)
	if err != nil {
		return false, fmt.Errorf("gateway: %s: gateway URL %q: %w", s, base, err)
	}
	if u.Path == "" {
		u.Path = "/"
	}
	u.RawQuery = q.Encode()
	dialCtx, cancelDial := context.WithTimeout(ctx, 30*time.Second)
	ws, _, err := websocket.Dial(dialCtx, u.String(), &websocket.DialOptions{CompressionMode: websocket.CompressionDisabled})
	cancelDial()
	if err != nil {
		return false, fmt.Errorf("gateway: %s: dial: %w", s, err)
	}
	ws.SetReadLimit(64 << 20)
	dec, err := NewDecompressor(s.cfg.compression)
	if err != nil {
		ws.CloseNow()
		return false, err
	}
	c := &conn{shard: s, ws: ws, frames: make(chan Payload, 64), readErr: make(chan error, 1),
		writes: make(chan []byte, 16), writeErr: make(chan error, 1), limiter: NewSendLimiter()}
	connCtx, cancel := context.WithCancel(ctx)
	done := make(chan struct{}, 2)
	go func() { c.readLoop(connCtx, dec); done <- struct{}{} }()
	go func() { c.writeLoop(connCtx); done <- struct{}{} }()
	err = c.run(connCtx, resume, backoff)
	if ctx.Err() != nil {
		// Shutting down: close with a code other than 1000/1001 so the
		// session stays resumable.
		ws.Close(websocket.StatusCode(4900), "shutting down; will resume")
	}
	cancel()
	ws.CloseNow()
	<-done
	<-done
	dec.Close()
	return c.ready, err
}

// conn is the state of one connection, owned by Shard.connect's goroutine.
type conn struct {
	shard    *Shard
	ws       *websocket.Conn
	frames   chan Payload
	readErr  chan error
	writes   chan []byte
	writeErr chan error
	limiter  *SendLimiter

	interval time.Duration
	ready    bool // READY or RESUMED arrived on this connection
	acked    atomic.Bool
	sentBeat atomic.Int64 // unix nanos of the last heartbeat
	seq      int64
}

// readLoop reads messages, decompresses them and splits the envelope; it
// answers nothing itself but records heartbeat ACKs, so a slow event
// consumer never makes a live connection look dead.
func (c *conn) readLoop(ctx context.Context, dec Decompressor) {
	defer close(c.frames)
	for {
		_, msg, err := c.ws.Read(ctx)
		if err != nil {
			c.readErr <- err
			return
		}
		data, complete, err := dec.Decode(msg)
		if err != nil {
			c.readErr <- err
			return
		}
		if !complete {
			continue
		}
		var p Payload
		if err := json.Unmarshal(data, &p); err != nil {
			c.readErr <- fmt.Errorf("gateway: decode payload: %w", err)
			return
		}
		if p.Op == OpHeartbeatACK {
			c.acked.Store(true)
			if t := c.sentBeat.Load(); t != 0 {
				c.shard.latency.Store(time.Now().UnixNano() - t)
			}
			continue
		}
		// json.Unmarshal copied D out of data, which the decompressor reuses.
		select {
		case c.frames <- p:
		case <-ctx.Done():
			return
		}
	}
}

func (c *conn) writeLoop(ctx context.Context) {
	for {
		select {
		case b := <-c.writes:
			wctx, cancel := context.WithTimeout(ctx, 10*time.Second)
			err := c.ws.Write(wctx, websocket.MessageText, b)
			cancel()
			if err != nil {
				c.writeErr <- err
				return
			}
		case <-ctx.Done():
			return
		}
	}
}

// send queues a command within the send limit.
func (c *conn) send(ctx context.Context, cmd Command) error {
	b, err := MarshalCommand(cmd)
	if err != nil {
		return err
	}
	if err := c.limiter.Wait(ctx, cmd.Op() == OpHeartbeat); err != nil {
		return err
	}
	select {
	case c.writes <- b:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

// run is the connection's state machine: HELLO, IDENTIFY or RESUME,
// heartbeats, dispatches.
func (c *conn) run(ctx context.Context, resume bool, backoff *Backoff) error {
	s := c.shard
	var hello Hello
	select {
	case p, ok := <-c.frames:
		if !ok {
			return c.closed()
		}
		if p.Op == OpReconnect {
			return &reconnect{reason: "op 7 before HELLO"}
		}
		if p.Op != OpHello {
			return fmt.Errorf("gateway: %s: first payload is op %d, want HELLO", s, p.Op)
		}
		if err := json.Unmarshal(p.D, &hello); err != nil || hello.HeartbeatInterval <= 0 {
			return fmt.Errorf("gateway: %s: invalid HELLO %s", s, p.D)
		}
	case err := <-c.readErr:
		return c.closeError(err)
	case <-time.After(30 * time.Second):
		return &reconnect{reason: "no HELLO within 30s"}
	case <-ctx.Done():
		return ctx.Err()
	}

	interval := hello.Interval()
	c.interval = interval
	// The first heartbeat goes after interval × jitter, as Discord asks.
	beat := time.NewTimer(time.Duration(rand.Float64() * float64(interval)))
	defer beat.Stop()
	c.acked.Store(true)

	if resume {
		sess := s.Session()
		c.seq = sess.Seq
		if err := c.send(ctx, Resume{Token: s.token, SessionID: sess.ID, Seq: sess.Seq}); err != nil {
			return err
		}
	} else {
		if err := s.cfg.identify.Wait(ctx, s.cfg.shardID, s.cfg.maxConcurrency); err != nil {
			return err
		}
		id := Identify{Token: s.token, Properties: s.cfg.properties, LargeThreshold: s.cfg.largeThreshold,
			Shard: [2]int{s.cfg.shardID, s.cfg.shardCount}, Presence: s.cfg.presence, Intents: s.cfg.intents}
		if err := c.send(ctx, id); err != nil {
			return err
		}
	}

	for {
		select {
		case p, ok := <-c.frames:
			if !ok {
				return c.closed()
			}
			if err := c.handle(ctx, p, beat, backoff); err != nil {
				return err
			}
		case <-beat.C:
			if err := c.heartbeat(ctx, beat); err != nil {
				return err
			}
		case o := <-s.cmds:
			o.done <- c.send(ctx, o.cmd)
		case err := <-c.readErr:
			return c.closeError(err)
		case err := <-c.writeErr:
			return fmt.Errorf("gateway: %s: write: %w", s, err)
		case <-ctx.Done():
			return ctx.Err()
		}
	}
}

// heartbeat sends a heartbeat, or ends a zombie connection whose last
// heartbeat was never acknowledged.
func (c *conn) heartbeat(ctx context.Context, beat *time.Timer) error {
	if !c.acked.Load() {
		// The peer is not answering, so a close handshake would only wait:
		// drop the connection, which keeps the session resumable as a
		// non-1000 close does.
		c.ws.CloseNow()
		return &reconnect{reason: "no heartbeat ACK (zombie connection)"}
	}
	c.acked.Store(false)
	c.sentBeat.Store(time.Now().UnixNano())
	beat.Reset(c.interval)
	return c.send(ctx, Heartbeat(c.seq))
}

func (c *conn) handle(ctx context.Context, p Payload, beat *time.Timer, backoff *Backoff) error {
	s := c.shard
	switch p.Op {
	case OpDispatch:
		c.seq = p.S
		switch p.T {
		case "READY":
			var r struct {
				SessionID        string `json:"session_id"`
				ResumeGatewayURL string `json:"resume_gateway_url"`
			}
			if err := json.Unmarshal(p.D, &r); err != nil {
				return fmt.Errorf("gateway: %s: invalid READY: %w", s, err)
			}
			s.session.Store(&Session{ID: r.SessionID, Seq: p.S, ResumeURL: strings.TrimSuffix(r.ResumeGatewayURL, "/")})
			backoff.Reset()
			c.ready = true
			s.cfg.logger.Info("gateway: ready", "session", r.SessionID)
		case "RESUMED":
			backoff.Reset()
			c.ready = true
			s.cfg.logger.Info("gateway: resumed", "seq", p.S)
		}
		if sess := s.session.Load(); sess != nil {
			next := *sess
			next.Seq = p.S
			s.session.Store(&next)
		}
		return c.emit(ctx, p, beat)
	case OpHeartbeat:
		c.sentBeat.Store(time.Now().UnixNano())
		return c.send(ctx, Heartbeat(c.seq))
	case OpReconnect:
		return &reconnect{reason: "op 7 RECONNECT"}
	case OpInvalidSession:
		var resumable bool
		json.Unmarshal(p.D, &resumable)
		// Discord asks for a random wait of 1 to 5 seconds.
		return &reconnect{reason: fmt.Sprintf("op 9 INVALID_SESSION (resumable %v)", resumable),
			identify: !resumable, wait: time.Second + time.Duration(rand.Int64N(int64(4*time.Second)))}
	}
	return nil
}

// emit hands a dispatch to the consumer, keeping up heartbeats while the
// consumer is slow.
func (c *conn) emit(ctx context.Context, p Payload, beat *time.Timer) error {
	s := c.shard
	ev := Event{Shard: s, Name: p.T, Seq: p.S, Data: p.D}
	if s.cfg.wants == nil || s.cfg.wants(p.T) {
		e, err := events.Decode(p.T, p.D)
		if err != nil {
			s.cfg.logger.Warn("gateway: event not decoded", "event", p.T, "seq", p.S, "error", err)
		}
		ev.Event = e
	}
	for {
		select {
		case s.events <- ev:
			return nil
		case <-beat.C:
			if err := c.heartbeat(ctx, beat); err != nil {
				return err
			}
		case <-ctx.Done():
			return ctx.Err()
		}
	}
}

// closeError turns the error that ended the read loop into a *CloseError
// when the gateway sent a close frame.
func (c *conn) closeError(err error) error {
	var ce websocket.CloseError
	if errors.As(err, &ce) {
		return &CloseError{Code: CloseCode(ce.Code), Reason: ce.Reason}
	}
	return fmt.Errorf("gateway: %s: connection lost: %w", c.shard, err)
}

// closed reports why the read loop stopped.
func (c *conn) closed() error {
	select {
	case err := <-c.readErr:
		return c.closeError(err)
	default:
		return fmt.Errorf("gateway: %s: connection closed", c.shard)
	}
}

func sleepCtx(ctx context.Context, d time.Duration) bool {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return true
	case <-ctx.Done():
		return false
	}
}

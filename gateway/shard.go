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
	"sync"
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

	// Timeouts of the handshake; tests shorten them.
	helloTimeout time.Duration // from dial to HELLO
	readyTimeout time.Duration // from IDENTIFY or RESUME to a first dispatch
	// invalidWait returns the wait after op 9; Discord asks for 1 to 5 s.
	invalidWait func() time.Duration
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
	unknown atomic.Int64 // events that decoded to *events.Unknown

	members memberRequests
}

type outgoing struct {
	ctx  context.Context
	cmd  Command
	done chan error
}

// NewShard returns a shard that sends the events it receives on out. The
// token is the bot token, with or without "Bot ".
func NewShard(token string, out chan<- Event, opts ...Option) *Shard {
	cfg := config{
		url: DefaultURL, intents: IntentsDefault, compression: CompressionZstd, shardCount: 1,
		maxResumes: 5, maxConcurrency: 1,
		properties:   IdentifyProperties{OS: "linux", Browser: "cordage", Device: "cordage"},
		helloTimeout: 30 * time.Second, readyTimeout: 60 * time.Second,
		invalidWait: func() time.Duration { return time.Second + rand.N(4*time.Second) },
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

// UnknownEvents returns how many dispatches the shard could not decode: an
// unknown event name or a payload that did not decode. Each went out as an
// *events.Unknown.
func (s *Shard) UnknownEvents() int64 { return s.unknown.Load() }

// Send sends a command, such as UpdatePresence, on the shard's connection,
// within the gateway send limit. It blocks until the command is queued for
// writing, the connection it was meant for ends, or ctx ends. Waiting for
// the send limit happens on the caller's time: a burst of commands never
// holds up the shard's heartbeats or events.
func (s *Shard) Send(ctx context.Context, cmd Command) error {
	o := outgoing{ctx: ctx, cmd: cmd, done: make(chan error, 1)}
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
	c := &conn{shard: s, ws: ws, frames: newFrameQueue(),
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
	c.cmds.Wait()
	dec.Close()
	return c.ready, err
}

// conn is the state of one connection, owned by Shard.connect's goroutine.
type conn struct {
	shard    *Shard
	ws       *websocket.Conn
	frames   *frameQueue
	writes   chan []byte
	writeErr chan error
	limiter  *SendLimiter
	cmds     sync.WaitGroup // the Shard.Send calls in flight

	interval time.Duration
	ready    bool // READY or RESUMED arrived on this connection
	acked    atomic.Bool
	sentBeat atomic.Int64 // unix nanos of the last heartbeat
	seq      int64
}

// readLoop reads messages, decompresses them and splits the envelope; it
// answers nothing itself but records heartbeat ACKs. It never waits for the
// owner: payloads queue up without bound, so a slow event consumer never
// stops the reading of ACKs and never makes a live connection look dead.
func (c *conn) readLoop(ctx context.Context, dec Decompressor) {
	for {
		_, msg, err := c.ws.Read(ctx)
		if err != nil {
			c.frames.end(err)
			return
		}
		data, complete, err := dec.Decode(msg)
		if err != nil {
			c.frames.end(fmt.Errorf("gateway: decompress: %w", err))
			return
		}
		if !complete {
			continue
		}
		p, err := ParsePayload(data)
		if err != nil {
			c.frames.end(fmt.Errorf("gateway: decode payload: %w", err))
			return
		}
		if p.Op == OpHeartbeatACK {
			c.acked.Store(true)
			if t := c.sentBeat.Load(); t != 0 {
				c.shard.latency.Store(time.Now().UnixNano() - t)
			}
			continue
		}
		// ParsePayload copied D out of data, which the decompressor reuses.
		if !c.frames.push(p) {
			c.frames.end(errConsumerBehind)
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

// sendFor sends a command of Shard.Send. It runs on a goroutine of its own
// so the wait for the send limit is the caller's, not the owner's.
func (c *conn) sendFor(connCtx context.Context, o outgoing) {
	ctx, cancel := context.WithCancel(o.ctx)
	stop := context.AfterFunc(connCtx, cancel)
	err := c.send(ctx, o.cmd)
	stop()
	cancel()
	if err != nil && o.ctx.Err() == nil && connCtx.Err() != nil {
		err = fmt.Errorf("gateway: %s: connection ended before the command was sent", c.shard)
	}
	o.done <- err
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
	helloTimer := time.NewTimer(s.cfg.helloTimeout)
	defer helloTimer.Stop()
wait:
	select {
	case <-c.frames.ready:
		p, err := c.frames.pop()
		if err != nil {
			return c.closeError(err)
		}
		if p == nil {
			goto wait
		}
		if p.Op == OpHeartbeatACK {
			goto wait
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
	case <-helloTimer.C:
		return &reconnect{reason: fmt.Sprintf("no HELLO within %v", s.cfg.helloTimeout)}
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

	// A gateway that accepted the connection but never answers IDENTIFY or
	// RESUME gets readyTimeout; any dispatch (a resume replays first) ends
	// the wait.
	handshake := time.NewTimer(s.cfg.readyTimeout)
	defer handshake.Stop()
	for {
		select {
		case <-c.frames.ready:
			p, err := c.frames.pop()
			if err != nil {
				return c.closeError(err)
			}
			if p == nil {
				continue
			}
			if p.Op == OpDispatch {
				handshake.Stop()
			}
			if err := c.handle(ctx, *p, beat, backoff); err != nil {
				return err
			}
		case <-handshake.C:
			c.ws.CloseNow()
			return &reconnect{reason: fmt.Sprintf("no READY or RESUMED within %v", s.cfg.readyTimeout)}
		case <-beat.C:
			if err := c.heartbeat(ctx, beat); err != nil {
				return err
			}
		case o := <-s.cmds:
			c.cmds.Go(func() { c.sendFor(ctx, o) })
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
			// Seq moves to READY's once it is delivered, below.
			s.session.Store(&Session{ID: r.SessionID, Seq: p.S - 1, ResumeURL: strings.TrimSuffix(r.ResumeGatewayURL, "/")})
			backoff.Reset()
			c.ready = true
			s.cfg.logger.Info("gateway: ready", "session", r.SessionID)
		case "RESUMED":
			backoff.Reset()
			c.ready = true
			s.cfg.logger.Info("gateway: resumed", "seq", p.S)
		}
		sess := s.session.Load()
		if sess != nil && p.S != 0 && p.S <= sess.Seq {
			// Delivered already: a resume replayed it again.
			s.cfg.logger.Debug("gateway: duplicate dispatch dropped", "event", p.T, "seq", p.S)
			return nil
		}
		// The session's seq counts what the consumer got: an event lost
		// because the connection died while emit waited on the consumer
		// is replayed by the resume.
		if err := c.emit(ctx, p, beat); err != nil {
			return err
		}
		if sess := s.session.Load(); sess != nil && p.S != 0 {
			next := *sess
			next.Seq = p.S
			s.session.Store(&next)
		}
		return nil
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
			identify: !resumable, wait: s.cfg.invalidWait()}
	}
	return nil
}

// emit hands a dispatch to the consumer, keeping up heartbeats while the
// consumer is slow.
func (c *conn) emit(ctx context.Context, p Payload, beat *time.Timer) error {
	s := c.shard
	ev := Event{Shard: s, Name: p.T, Seq: p.S, Data: p.D}
	chunk := p.T == "GUILD_MEMBERS_CHUNK" && s.members.waiting()
	if s.cfg.wants == nil || s.cfg.wants(p.T) || chunk {
		e, err := events.Decode(p.T, p.D)
		if err != nil {
			s.unknown.Add(1)
			s.cfg.logger.Warn("gateway: event not decoded", "event", p.T, "seq", p.S, "error", err)
		}
		if gc, ok := e.(*events.GuildMembersChunk); ok && chunk {
			s.members.deliver(gc)
		}
		if s.cfg.wants == nil || s.cfg.wants(p.T) {
			ev.Event = e
		}
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

// maxQueuedBytes bounds the payloads waiting for the owner. A consumer that
// falls this far behind gets the connection dropped: the session resumes,
// and Discord replays what was not delivered, so nothing is lost and memory
// stays bounded.
const maxQueuedBytes = 64 << 20

// errConsumerBehind ends a connection whose events are not being taken.
var errConsumerBehind = errors.New("gateway: the event consumer fell 64 MiB behind; dropping the connection to resume later")

// frameQueue carries payloads from the read loop to the owner, so the read
// loop does not wait on a slow consumer (and heartbeat ACKs keep being
// read); it holds at most maxQueuedBytes. The error that ended the read loop
// comes after the last payload.
type frameQueue struct {
	ready chan struct{} // holds a token while the queue is not empty

	mu    sync.Mutex
	items []Payload
	head  int
	bytes int
	err   error
}

func newFrameQueue() *frameQueue { return &frameQueue{ready: make(chan struct{}, 1)} }

func (q *frameQueue) signal() {
	select {
	case q.ready <- struct{}{}:
	default:
	}
}

// push queues a payload, and reports false when the queue is full.
func (q *frameQueue) push(p Payload) bool {
	q.mu.Lock()
	if q.bytes+len(p.D) > maxQueuedBytes {
		q.mu.Unlock()
		return false
	}
	q.bytes += len(p.D)
	q.items = append(q.items, p)
	q.mu.Unlock()
	q.signal()
	return true
}

// end records why the read loop stopped.
func (q *frameQueue) end(err error) {
	q.mu.Lock()
	q.err = err
	q.mu.Unlock()
	q.signal()
}

// pop returns the next payload, or the read loop's error once the payloads
// are used up, or neither when the queue is empty. After a token of ready.
func (q *frameQueue) pop() (*Payload, error) {
	q.mu.Lock()
	defer q.mu.Unlock()
	if q.head == len(q.items) {
		if q.err != nil {
			q.signal() // the error stays
		}
		return nil, q.err
	}
	p := q.items[q.head]
	q.items[q.head] = Payload{}
	q.head++
	q.bytes -= len(p.D)
	switch {
	case q.head == len(q.items):
		q.items, q.head = q.items[:0], 0
	case q.head >= 1024 && q.head*2 >= len(q.items):
		// Never drained: drop the used front so the slice does not grow forever.
		n := copy(q.items, q.items[q.head:])
		clear(q.items[n:])
		q.items, q.head = q.items[:n], 0
	}
	if q.head < len(q.items) || q.err != nil {
		q.signal()
	}
	return &p, nil
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

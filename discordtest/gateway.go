package discordtest

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"net/http"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/coder/websocket"

	"github.com/cordage/cordage/discord"
)

// Gateway opcodes, as Discord numbers them.
const (
	opDispatch                = 0
	opHeartbeat               = 1
	opIdentify                = 2
	opPresenceUpdate          = 3
	opVoiceStateUpdate        = 4
	opResume                  = 6
	opReconnect               = 7
	opRequestGuildMembers     = 8
	opInvalidSession          = 9
	opHello                   = 10
	opHeartbeatACK            = 11
	opRequestSoundboardSounds = 31
	opRequestChannelInfo      = 43
)

// Close codes the gateway uses.
const (
	closeUnknownError         = 4000
	closeUnknownOpcode        = 4001
	closeDecodeError          = 4002
	closeNotAuthenticated     = 4003
	closeAuthenticationFailed = 4004
	closeAlreadyAuthenticated = 4005
	closeInvalidSeq           = 4007
	closeRateLimited          = 4008
	closeSessionTimedOut      = 4009
	closeInvalidShard         = 4010
	closeShardingRequired     = 4011
	closeInvalidAPIVersion    = 4012
	closeInvalidIntents       = 4013
	closeDisallowedIntents    = 4014
)

// maxPayload is the largest payload a client may send.
const maxPayload = 4096

// maxGuildsPerShard is how many guilds one shard may hold before Discord
// requires more shards.
const maxGuildsPerShard = 2500

// payload is the envelope of every gateway message.
type payload struct {
	Op int             `json:"op"`
	D  json.RawMessage `json:"d"`
	S  *int64          `json:"s"`
	T  *string         `json:"t"`
}

// session is a gateway session: it outlives connections so a client can
// resume it, and it keeps the dispatches it sent for replay.
type session struct {
	id      string
	shardID int
	shards  int
	intents uint64

	mu     sync.Mutex
	seq    int64
	replay []dispatch // the last cfg.replayBuffer dispatches
	conn   *gatewayConn
}

type dispatch struct {
	seq   int64
	event string
	data  json.RawMessage
}

// gatewayConn is one WebSocket connection of a client.
type gatewayConn struct {
	srv    *Server
	ws     *websocket.Conn
	ctx    context.Context
	cancel context.CancelFunc
	comp   compressor

	writeMu sync.Mutex
	stalled atomic.Bool
	unstall chan struct{}

	sess atomic.Pointer[session] // set once by IDENTIFY or RESUME

	// Owned by the read loop.
	sent      []time.Time
	heartbeat *time.Timer
}

func (s *Server) serveGateway(w http.ResponseWriter, r *http.Request) {
	if r.URL.Path != "/" && r.URL.Path != "/resume" {
		http.NotFound(w, r)
		return
	}
	q := r.URL.Query()
	comp, err := newCompressor(q.Get("compress"))
	if err != nil {
		http.Error(w, err.Error(), http.StatusBadRequest)
		return
	}
	ws, err := websocket.Accept(w, r, &websocket.AcceptOptions{CompressionMode: websocket.CompressionDisabled})
	if err != nil {
		return
	}
	ws.SetReadLimit(1 << 20) // larger than maxPayload, so oversized payloads get 4002, not a protocol error
	ctx, cancel := context.WithCancel(context.Background())
	c := &gatewayConn{srv: s, ws: ws, ctx: ctx, cancel: cancel, comp: comp, unstall: make(chan struct{})}

	s.mu.Lock()
	if s.closed {
		s.mu.Unlock()
		ws.CloseNow()
		cancel()
		return
	}
	s.conns[c] = struct{}{}
	s.wg.Add(1)
	s.mu.Unlock()
	defer s.wg.Done()
	defer c.finish()

	if v := q.Get("v"); v != "10" && v != "9" {
		c.close(closeInvalidAPIVersion, "invalid API version")
		return
	}
	if e := q.Get("encoding"); e != "" && e != "json" {
		c.close(closeDecodeError, "only encoding=json is supported")
		return
	}
	if d := s.fault().helloDelay; d > 0 {
		if !sleep(ctx, d) {
			return
		}
	}
	interval := s.cfg.heartbeatInterval
	if err := c.send(opHello, map[string]any{"heartbeat_interval": interval.Milliseconds()}, 0, ""); err != nil {
		return
	}
	c.heartbeat = time.AfterFunc(c.heartbeatDeadline(), func() {
		if !c.stalled.Load() {
			c.close(closeSessionTimedOut, "session timed out: no heartbeat")
		}
	})
	defer c.heartbeat.Stop()
	c.readLoop()
}

// heartbeatDeadline is how long the server waits for a heartbeat before it
// times the session out: the interval plus half of it for slack.
func (c *gatewayConn) heartbeatDeadline() time.Duration {
	return c.srv.cfg.heartbeatInterval * 3 / 2
}

func (c *gatewayConn) readLoop() {
	for {
		typ, msg, err := c.ws.Read(c.ctx)
		if err != nil {
			c.clientClosed(err)
			return
		}
		if c.stalled.Load() {
			select {
			case <-c.unstall:
			case <-c.ctx.Done():
				return
			}
			continue // a stalled server never saw this message
		}
		if typ != websocket.MessageText {
			c.close(closeDecodeError, "binary messages are not accepted")
			return
		}
		if len(msg) > maxPayload {
			c.close(closeDecodeError, "payload over 4096 bytes")
			return
		}
		if !c.countSend() {
			c.close(closeRateLimited, "you are being rate limited")
			return
		}
		var p payload
		if err := json.Unmarshal(msg, &p); err != nil {
			c.close(closeDecodeError, "error while decoding payload")
			return
		}
		if !c.handle(p) {
			return
		}
	}
}

// countSend applies the send limit and reports whether the client is within it.
func (c *gatewayConn) countSend() bool {
	now := time.Now()
	cut := now.Add(-c.srv.cfg.sendWindow)
	i := 0
	for i < len(c.sent) && c.sent[i].Before(cut) {
		i++
	}
	c.sent = append(c.sent[i:], now)
	return len(c.sent) <= c.srv.cfg.sendLimit
}

// handle acts on one payload and reports whether the connection stays open.
func (c *gatewayConn) handle(p payload) bool {
	switch p.Op {
	case opHeartbeat:
		c.heartbeat.Reset(c.heartbeatDeadline())
		if c.srv.fault().withholdACKs {
			return true
		}
		return c.send(opHeartbeatACK, nil, 0, "") == nil
	case opIdentify:
		if c.sess.Load() != nil {
			c.close(closeAlreadyAuthenticated, "already authenticated")
			return false
		}
		return c.identify(p.D)
	case opResume:
		if c.sess.Load() != nil {
			c.close(closeAlreadyAuthenticated, "already authenticated")
			return false
		}
		return c.resume(p.D)
	}
	if c.sess.Load() == nil {
		c.close(closeNotAuthenticated, "not authenticated")
		return false
	}
	switch p.Op {
	case opPresenceUpdate, opVoiceStateUpdate, opRequestChannelInfo:
		return true
	case opRequestGuildMembers:
		return c.requestGuildMembers(p.D)
	case opRequestSoundboardSounds:
		return c.requestSoundboardSounds(p.D)
	}
	c.close(closeUnknownOpcode, "unknown opcode")
	return false
}

type identifyData struct {
	Token      string  `json:"token"`
	Intents    *uint64 `json:"intents"`
	Shard      []int   `json:"shard"`
	Properties struct {
		OS      string `json:"os"`
		Browser string `json:"browser"`
		Device  string `json:"device"`
	} `json:"properties"`
	LargeThreshold int `json:"large_threshold"`
}

func (c *gatewayConn) identify(raw json.RawMessage) bool {
	var d identifyData
	if err := json.Unmarshal(raw, &d); err != nil || d.Intents == nil {
		c.close(closeDecodeError, "invalid identify payload")
		return false
	}
	s := c.srv
	if d.Token != s.cfg.token && d.Token != "Bot "+s.cfg.token {
		c.close(closeAuthenticationFailed, "authentication failed")
		return false
	}
	intents := *d.Intents
	var known uint64
	for _, bit := range intentBits {
		known |= bit
	}
	if intents&^known != 0 {
		c.close(closeInvalidIntents, "invalid intent(s)")
		return false
	}
	if intents&privilegedIntents&^s.cfg.granted != 0 {
		c.close(closeDisallowedIntents, "disallowed intent(s)")
		return false
	}
	shardID, shards := 0, 1
	if d.Shard != nil {
		if len(d.Shard) != 2 || d.Shard[1] < 1 || d.Shard[0] < 0 || d.Shard[0] >= d.Shard[1] {
			c.close(closeInvalidShard, "invalid shard")
			return false
		}
		shardID, shards = d.Shard[0], d.Shard[1]
	}
	s.world.mu.Lock()
	onShard := 0
	for _, id := range s.world.order {
		if shardOf(id, shards) == shardID {
			onShard++
		}
	}
	s.world.mu.Unlock()
	if onShard > maxGuildsPerShard {
		c.close(closeShardingRequired, "sharding required")
		return false
	}
	if !s.allowIdentify(shardID) {
		// Over max_concurrency: Discord answers op 9 and the client must wait.
		return c.send(opInvalidSession, false, 0, "") == nil
	}

	sess := &session{id: newSessionID(), shardID: shardID, shards: shards, intents: intents, conn: c}
	s.mu.Lock()
	s.sessions[sess.id] = sess
	s.mu.Unlock()
	c.sess.Store(sess)
	s.cfg.logger.Info("identify", "session", sess.id, "shard", shardID, "shards", shards, "intents", intents)

	if d := s.fault().readyDelay; d > 0 && !sleep(c.ctx, d) {
		return false
	}
	ready, creates := s.readyPayload(sess, d.Shard != nil)
	sess.mu.Lock()
	defer sess.mu.Unlock()
	if err := sess.emitLocked("READY", ready); err != nil {
		return false
	}
	if intents&intentBits["GUILDS"] != 0 {
		for _, gc := range creates {
			if err := sess.emitLocked("GUILD_CREATE", gc); err != nil {
				return false
			}
		}
	}
	return true
}

// allowIdentify applies max_concurrency: one identify per bucket per window.
func (s *Server) allowIdentify(shardID int) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	bucket := shardID % s.cfg.maxConcurrency
	now := time.Now()
	if last, ok := s.identify[bucket]; ok && now.Sub(last) < s.cfg.identifyWindow {
		return false
	}
	if s.cfg.sessionStarts <= 0 {
		return false
	}
	s.cfg.sessionStarts--
	s.identify[bucket] = now
	return true
}

func (s *Server) readyPayload(sess *session, sharded bool) (map[string]any, []guildCreate) {
	w := s.world
	w.mu.Lock()
	defer w.mu.Unlock()
	guilds := []discord.UnavailableGuild{}
	var creates []guildCreate
	for _, id := range w.order {
		if shardOf(id, sess.shards) != sess.shardID {
			continue
		}
		guilds = append(guilds, discord.UnavailableGuild{ID: id, Unavailable: true})
		gc, _ := w.fullGuild(id)
		creates = append(creates, gc)
	}
	ready := map[string]any{
		"v":                       10,
		"user":                    w.bot,
		"guilds":                  guilds,
		"session_id":              sess.id,
		"session_type":            "normal",
		"resume_gateway_url":      s.resumeURL(),
		"application":             map[string]any{"id": w.app.ID, "flags": w.app.Flags},
		"private_channels":        []any{},
		"presences":               []any{},
		"relationships":           []any{},
		"guild_join_requests":     []any{},
		"geo_ordered_rtc_regions": []string{"local"},
		"user_settings":           map[string]any{},
	}
	if sharded {
		ready["shard"] = []int{sess.shardID, sess.shards}
	}
	return ready, creates
}

type resumeData struct {
	Token     string `json:"token"`
	SessionID string `json:"session_id"`
	Seq       int64  `json:"seq"`
}

func (c *gatewayConn) resume(raw json.RawMessage) bool {
	var d resumeData
	if err := json.Unmarshal(raw, &d); err != nil {
		c.close(closeDecodeError, "invalid resume payload")
		return false
	}
	s := c.srv
	if d.Token != s.cfg.token && d.Token != "Bot "+s.cfg.token {
		c.close(closeAuthenticationFailed, "authentication failed")
		return false
	}
	s.mu.Lock()
	sess := s.sessions[d.SessionID]
	s.mu.Unlock()
	if sess == nil {
		return c.send(opInvalidSession, false, 0, "") == nil
	}
	sess.mu.Lock()
	defer sess.mu.Unlock()
	if d.Seq > sess.seq {
		// The session is gone: the client must identify anew.
		s.mu.Lock()
		delete(s.sessions, d.SessionID)
		s.mu.Unlock()
		c.close(closeInvalidSeq, "invalid seq")
		return false
	}
	// Replay needs every dispatch after d.Seq still in the buffer.
	if len(sess.replay) > 0 && d.Seq+1 < sess.replay[0].seq {
		return c.send(opInvalidSession, false, 0, "") == nil
	}
	if old := sess.conn; old != nil && old != c {
		go old.drop()
	}
	sess.conn = c
	c.sess.Store(sess)
	for _, ev := range sess.replay {
		if ev.seq <= d.Seq {
			continue
		}
		if err := c.send(opDispatch, ev.data, ev.seq, ev.event); err != nil {
			return false
		}
	}
	s.cfg.logger.Info("resume", "session", sess.id, "from", d.Seq, "to", sess.seq)
	return sess.emitLocked("RESUMED", map[string]any{}) == nil
}

// emitLocked assigns the next sequence number to a dispatch, keeps it for
// replay and sends it if a connection is attached. It holds sess.mu.
func (sess *session) emitLocked(event string, data any) error {
	raw, err := json.Marshal(data)
	if err != nil {
		return err
	}
	sess.seq++
	conn := sess.conn
	limit := 4096
	if conn != nil {
		limit = conn.srv.cfg.replayBuffer
	}
	sess.replay = append(sess.replay, dispatch{seq: sess.seq, event: event, data: raw})
	if len(sess.replay) > limit {
		sess.replay = append(sess.replay[:0], sess.replay[len(sess.replay)-limit:]...)
	}
	if conn == nil || conn.stalled.Load() {
		return nil
	}
	if err := conn.send(opDispatch, json.RawMessage(raw), sess.seq, event); err != nil {
		sess.conn = nil
		return err
	}
	return nil
}

// send writes one payload to the client.
func (c *gatewayConn) send(op int, d any, seq int64, event string) error {
	p := payload{Op: op}
	if d != nil {
		raw, ok := d.(json.RawMessage)
		if !ok {
			var err error
			if raw, err = json.Marshal(d); err != nil {
				return err
			}
		}
		p.D = raw
	} else {
		p.D = json.RawMessage("null")
	}
	if op == opDispatch {
		p.S, p.T = &seq, &event
	}
	msg, err := json.Marshal(p)
	if err != nil {
		return err
	}
	c.writeMu.Lock()
	defer c.writeMu.Unlock()
	typ := websocket.MessageText
	if c.comp != nil {
		if msg, err = c.comp.compress(msg); err != nil {
			return err
		}
		typ = websocket.MessageBinary
	}
	ctx, cancel := context.WithTimeout(c.ctx, 10*time.Second)
	defer cancel()
	return c.ws.Write(ctx, typ, msg)
}

// close closes the connection with a close code; a session it carried stays
// resumable unless the code says otherwise.
func (c *gatewayConn) close(code int, reason string) {
	c.srv.cfg.logger.Info("close", "code", code, "reason", reason)
	if code == closeSessionTimedOut || code == closeInvalidSeq {
		c.invalidateSession()
	}
	c.ws.Close(websocket.StatusCode(code), reason)
	c.cancel()
}

// drop ends the connection without a close frame, as a network failure does.
func (c *gatewayConn) drop() {
	c.ws.CloseNow()
	c.cancel()
}

// clientClosed handles the end of the read loop: a client that closes with
// 1000 or 1001 ends its session; any other end keeps it resumable.
func (c *gatewayConn) clientClosed(err error) {
	switch websocket.CloseStatus(err) {
	case websocket.StatusNormalClosure, websocket.StatusGoingAway:
		c.invalidateSession()
	}
	c.cancel()
}

func (c *gatewayConn) invalidateSession() {
	sess := c.sess.Load()
	if sess == nil {
		return
	}
	c.srv.mu.Lock()
	delete(c.srv.sessions, sess.id)
	c.srv.mu.Unlock()
}

// finish detaches the connection from the server and its session.
func (c *gatewayConn) finish() {
	c.cancel()
	c.ws.CloseNow()
	c.srv.mu.Lock()
	delete(c.srv.conns, c)
	c.srv.mu.Unlock()
	if sess := c.sess.Load(); sess != nil {
		sess.mu.Lock()
		if sess.conn == c {
			sess.conn = nil
		}
		sess.mu.Unlock()
	}
}

type requestMembersData struct {
	GuildID   discord.Snowflake `json:"guild_id"`
	Query     *string           `json:"query"`
	Limit     int               `json:"limit"`
	Presences bool              `json:"presences"`
	UserIDs   json.RawMessage   `json:"user_ids"`
	Nonce     string            `json:"nonce"`
}

// memberChunkSize is how many members one GUILD_MEMBERS_CHUNK carries.
const memberChunkSize = 1000

func (c *gatewayConn) requestGuildMembers(raw json.RawMessage) bool {
	var d requestMembersData
	if err := json.Unmarshal(raw, &d); err != nil {
		c.close(closeDecodeError, "invalid request guild members payload")
		return false
	}
	var ids []discord.Snowflake
	if len(d.UserIDs) > 0 && string(d.UserIDs) != "null" {
		if err := json.Unmarshal(d.UserIDs, &ids); err != nil {
			var one discord.Snowflake
			if err := json.Unmarshal(d.UserIDs, &one); err != nil {
				c.close(closeDecodeError, "invalid user_ids")
				return false
			}
			ids = []discord.Snowflake{one}
		}
	}
	if d.Query == nil && ids == nil {
		c.close(closeDecodeError, "request guild members needs query or user_ids")
		return false
	}
	sess := c.sess.Load()
	if d.Query != nil && *d.Query == "" && d.Limit == 0 && sess.intents&intentBits["GUILD_MEMBERS"] == 0 {
		c.close(closeDisallowedIntents, "requesting all members needs the GUILD_MEMBERS intent")
		return false
	}
	w := c.srv.world
	w.mu.Lock()
	g := w.guilds[d.GuildID]
	var members []discord.Member
	var notFound []discord.Snowflake
	if g != nil && shardOf(d.GuildID, sess.shards) == sess.shardID {
		if ids != nil {
			for _, id := range ids {
				if m, ok := g.members[id]; ok {
					members = append(members, *m)
				} else {
					notFound = append(notFound, id)
				}
			}
		} else {
			q := strings.ToLower(*d.Query)
			for _, uid := range g.memberOrder {
				m := g.members[uid]
				if q != "" && !strings.HasPrefix(strings.ToLower(m.User.Username), q) &&
					!strings.HasPrefix(strings.ToLower(m.Nick), q) {
					continue
				}
				members = append(members, *m)
				if d.Limit > 0 && len(members) == d.Limit || q != "" && len(members) == 100 {
					break
				}
			}
		}
	}
	w.mu.Unlock()
	count := (len(members) + memberChunkSize - 1) / memberChunkSize
	if count == 0 {
		count = 1
	}
	sess.mu.Lock()
	defer sess.mu.Unlock()
	for i := range count {
		chunk := members[min(i*memberChunkSize, len(members)):min((i+1)*memberChunkSize, len(members))]
		data := map[string]any{
			"guild_id":    d.GuildID,
			"members":     append([]discord.Member{}, chunk...),
			"chunk_index": i,
			"chunk_count": count,
		}
		if i == count-1 && len(notFound) > 0 {
			data["not_found"] = notFound
		}
		if d.Presences {
			data["presences"] = []any{}
		}
		if d.Nonce != "" && len(d.Nonce) <= 32 {
			data["nonce"] = d.Nonce
		}
		if err := sess.emitLocked("GUILD_MEMBERS_CHUNK", data); err != nil {
			return false
		}
	}
	return true
}

func (c *gatewayConn) requestSoundboardSounds(raw json.RawMessage) bool {
	var d struct {
		GuildIDs []discord.Snowflake `json:"guild_ids"`
	}
	if err := json.Unmarshal(raw, &d); err != nil {
		c.close(closeDecodeError, "invalid request soundboard sounds payload")
		return false
	}
	sess := c.sess.Load()
	sess.mu.Lock()
	defer sess.mu.Unlock()
	for _, id := range d.GuildIDs {
		if err := sess.emitLocked("SOUNDBOARD_SOUNDS", map[string]any{"guild_id": id, "soundboard_sounds": []any{}}); err != nil {
			return false
		}
	}
	return true
}

// shardOf is the shard that receives a guild's events; events without a
// guild go to shard 0.
func shardOf(guildID discord.Snowflake, shards int) int {
	if guildID == 0 || shards <= 1 {
		return 0
	}
	return int(uint64(guildID>>22) % uint64(shards))
}

// wants reports whether a session receives an event of a guild (or of a DM
// when guildID is 0): the guild must be on its shard and its intents must ask
// for the event.
func (sess *session) wants(event string, guildID discord.Snowflake) bool {
	if shardOf(guildID, sess.shards) != sess.shardID {
		return false
	}
	names, known := eventIntents[event]
	if !known || len(names) == 0 {
		return true
	}
	for _, n := range names {
		dm := strings.HasPrefix(n, "DIRECT_")
		if dm == (guildID == 0) && sess.intents&intentBits[n] != 0 {
			return true
		}
	}
	return false
}

// Emit sends a dispatch event to every session that should receive it: on
// the guild's shard (shard 0 for guildID 0, a DM) and with an intent that
// delivers the event. REST mutations and the user-action helpers call it; a
// test may call it to send any event, with any payload.
func (s *Server) Emit(event string, guildID discord.Snowflake, data any) {
	s.mu.Lock()
	targets := make([]*session, 0, len(s.sessions))
	for _, sess := range s.sessions {
		if sess.wants(event, guildID) {
			targets = append(targets, sess)
		}
	}
	s.mu.Unlock()
	for _, sess := range targets {
		sess.mu.Lock()
		sess.emitLocked(event, data)
		sess.mu.Unlock()
	}
}

func newSessionID() string {
	b := make([]byte, 16)
	rand.Read(b)
	return hex.EncodeToString(b)
}

// sleep waits for d or until ctx ends, and reports whether d passed.
func sleep(ctx context.Context, d time.Duration) bool {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return true
	case <-ctx.Done():
		return false
	}
}

package discordtest

import (
	"time"

	"github.com/coder/websocket"
)

// faults are the misbehaviours a test switched on.
type faults struct {
	withholdACKs bool
	helloDelay   time.Duration
	readyDelay   time.Duration
}

func (s *Server) fault() faults {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.faults
}

// connections returns the open gateway connections.
func (s *Server) connections() []*gatewayConn {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := make([]*gatewayConn, 0, len(s.conns))
	for c := range s.conns {
		out = append(out, c)
	}
	return out
}

// DropConnections ends every gateway connection without a close frame, as a
// network failure does. Sessions stay resumable.
func (s *Server) DropConnections() {
	for _, c := range s.connections() {
		c.drop()
	}
}

// CloseConnections closes every gateway connection with a close code, such
// as 4000 (unknown error, resumable) or 4004 (authentication failed, fatal).
func (s *Server) CloseConnections(code int, reason string) {
	for _, c := range s.connections() {
		if code == closeSessionTimedOut || code == closeInvalidSeq {
			c.invalidateSession()
		}
		c.ws.Close(websocket.StatusCode(code), reason)
		c.cancel()
	}
}

// StallConnections makes every open gateway connection go silent: the server
// stops reading and writing on it, but keeps the TCP connection open, so only
// a missing heartbeat ACK tells the client. Dispatches meant for it are kept
// for replay. The returned function ends the stall.
func (s *Server) StallConnections() (resume func()) {
	conns := s.connections()
	for _, c := range conns {
		c.stalled.Store(true)
	}
	return func() {
		for _, c := range conns {
			if c.stalled.CompareAndSwap(true, false) {
				close(c.unstall)
			}
		}
	}
}

// WithholdACKs makes the gateway stop (true) or resume (false) answering
// heartbeats with op 11 HEARTBEAT_ACK.
func (s *Server) WithholdACKs(on bool) {
	s.mu.Lock()
	s.faults.withholdACKs = on
	s.mu.Unlock()
}

// DelayHello makes new connections wait d before HELLO.
func (s *Server) DelayHello(d time.Duration) {
	s.mu.Lock()
	s.faults.helloDelay = d
	s.mu.Unlock()
}

// DelayReady makes IDENTIFY wait d before READY.
func (s *Server) DelayReady(d time.Duration) {
	s.mu.Lock()
	s.faults.readyDelay = d
	s.mu.Unlock()
}

// SendReconnect sends op 7 RECONNECT on every connection; Discord closes the
// connection a few seconds later if the client does not, and so does the
// emulator, after one heartbeat interval.
func (s *Server) SendReconnect() {
	for _, c := range s.connections() {
		c.send(opReconnect, nil, 0, "")
		time.AfterFunc(s.cfg.heartbeatInterval, func() {
			c.ws.Close(websocket.StatusCode(closeUnknownError), "reconnect requested")
			c.cancel()
		})
	}
}

// SendInvalidSession sends op 9 INVALID_SESSION on every connection. When
// resumable is false the sessions are forgotten, so a resume fails.
func (s *Server) SendInvalidSession(resumable bool) {
	for _, c := range s.connections() {
		if !resumable {
			c.invalidateSession()
		}
		c.send(opInvalidSession, resumable, 0, "")
	}
}

// SessionInfo describes a gateway session, for tests.
type SessionInfo struct {
	ID        string
	ShardID   int
	Shards    int
	Intents   uint64
	Seq       int64
	Connected bool
}

// Sessions lists the live gateway sessions.
func (s *Server) Sessions() []SessionInfo {
	s.mu.Lock()
	list := make([]*session, 0, len(s.sessions))
	for _, sess := range s.sessions {
		list = append(list, sess)
	}
	s.mu.Unlock()
	out := make([]SessionInfo, 0, len(list))
	for _, sess := range list {
		sess.mu.Lock()
		out = append(out, SessionInfo{ID: sess.id, ShardID: sess.shardID, Shards: sess.shards,
			Intents: sess.intents, Seq: sess.seq, Connected: sess.conn != nil})
		sess.mu.Unlock()
	}
	return out
}

package gateway

import (
	"context"
	"sync"
)

// Session is what a client needs to resume a gateway session on a new
// connection. It belongs to the session, not to a connection: it survives
// reconnects, and a saved Session lets a restarted process resume.
type Session struct {
	ID string
	// Seq is the sequence number of the last dispatch received.
	Seq int64
	// ResumeURL is the resume_gateway_url READY gave.
	ResumeURL string
}

// Valid reports whether the session can be resumed.
func (s Session) Valid() bool { return s.ID != "" && s.ResumeURL != "" }

// SessionStore keeps the sessions of shards so they can be resumed after a
// process restart. A shard loads its session before its first connection
// and saves it whenever it stops.
type SessionStore interface {
	// Load returns the saved session of a shard, and false when there is
	// none.
	Load(ctx context.Context, shardID int) (Session, bool, error)
	// Save stores the session of a shard; an invalid Session deletes it.
	Save(ctx context.Context, shardID int, s Session) error
}

// MemorySessionStore is a SessionStore in memory, for a bot that stops and
// starts its shards within one process. The zero value is ready to use.
type MemorySessionStore struct {
	mu       sync.Mutex
	sessions map[int]Session
}

// Load returns the session of shardID.
func (m *MemorySessionStore) Load(_ context.Context, shardID int) (Session, bool, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	s, ok := m.sessions[shardID]
	return s, ok, nil
}

// Save stores the session of shardID.
func (m *MemorySessionStore) Save(_ context.Context, shardID int, s Session) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	if !s.Valid() {
		delete(m.sessions, shardID)
		return nil
	}
	if m.sessions == nil {
		m.sessions = map[int]Session{}
	}
	m.sessions[shardID] = s
	return nil
}

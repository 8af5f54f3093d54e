package gateway

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"sync"

	"github.com/cordage/cordage/discord"
	"github.com/cordage/cordage/events"
)

// RequestGuildMembers sends op 8 REQUEST_GUILD_MEMBERS with a nonce of its
// own (replacing req.Nonce) and gathers the GUILD_MEMBERS_CHUNK events of
// the answer into one list, in chunk order. It returns when the last chunk
// arrived or ctx ends; a resume after a dropped connection replays missed
// chunks, so the answer survives reconnects within the session.
//
// The chunks are not consumed: they still go out on the shard's event
// stream like any event, so handlers and caches see the members too. The
// returned members share their slices with those events; do not modify
// them.
func (s *Shard) RequestGuildMembers(ctx context.Context, req RequestGuildMembers) ([]discord.Member, error) {
	var b [12]byte
	rand.Read(b[:])
	req.Nonce = hex.EncodeToString(b[:])
	r := s.members.add(req.Nonce)
	defer s.members.remove(req.Nonce)
	if err := s.Send(ctx, req); err != nil {
		return nil, err
	}
	select {
	case <-r.done:
		return r.assemble(), nil
	case <-ctx.Done():
		return nil, fmt.Errorf("gateway: %s: request guild members: %w", s, ctx.Err())
	}
}

// memberRequests are the RequestGuildMembers calls waiting for chunks, by
// nonce. The owner goroutine delivers chunks; callers add and remove.
type memberRequests struct {
	mu      sync.Mutex
	pending map[string]*memberRequest
}

type memberRequest struct {
	chunks [][]discord.Member // by chunk_index; nil until it arrived
	got    int
	done   chan struct{}
}

func (m *memberRequests) add(nonce string) *memberRequest {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.pending == nil {
		m.pending = map[string]*memberRequest{}
	}
	r := &memberRequest{done: make(chan struct{})}
	m.pending[nonce] = r
	return r
}

func (m *memberRequests) remove(nonce string) {
	m.mu.Lock()
	defer m.mu.Unlock()
	delete(m.pending, nonce)
}

// waiting reports whether a request waits for chunks.
func (m *memberRequests) waiting() bool {
	m.mu.Lock()
	defer m.mu.Unlock()
	return len(m.pending) > 0
}

// deliver hands a chunk to the request of its nonce, if any.
func (m *memberRequests) deliver(c *events.GuildMembersChunk) {
	m.mu.Lock()
	defer m.mu.Unlock()
	r := m.pending[c.Nonce]
	if r == nil || c.ChunkCount <= 0 || c.ChunkIndex < 0 || c.ChunkIndex >= c.ChunkCount {
		return
	}
	select {
	case <-r.done:
		return
	default:
	}
	if r.chunks == nil {
		r.chunks = make([][]discord.Member, c.ChunkCount)
	}
	if c.ChunkIndex >= len(r.chunks) || r.chunks[c.ChunkIndex] != nil {
		return // a replayed or inconsistent chunk
	}
	members := c.Members
	if members == nil {
		members = []discord.Member{}
	}
	r.chunks[c.ChunkIndex] = members
	r.got++
	if r.got == len(r.chunks) {
		close(r.done)
	}
}

// assemble joins the chunks; call it after done.
func (r *memberRequest) assemble() []discord.Member {
	n := 0
	for _, c := range r.chunks {
		n += len(c)
	}
	out := make([]discord.Member, 0, n)
	for _, c := range r.chunks {
		out = append(out, c...)
	}
	return out
}

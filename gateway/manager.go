package gateway

import (
	"context"
	"errors"
	"fmt"
	"sync"
)

// BotInfo is what GET /gateway/bot tells a bot: where to connect, how many
// shards Discord recommends, and how many sessions it may still start.
type BotInfo struct {
	URL               string
	Shards            int
	SessionsTotal     int
	SessionsRemaining int
	// ResetAfter is when SessionsRemaining resets, in milliseconds.
	ResetAfter     int64
	MaxConcurrency int
}

// BotInfoFunc fetches BotInfo; the root package passes one that calls the
// REST client, so this package makes no HTTP calls itself.
type BotInfoFunc func(ctx context.Context) (BotInfo, error)

// ErrSessionStartLimit is returned by Manager.Run when Discord's daily
// session start limit does not leave room for the shards to identify.
var ErrSessionStartLimit = errors.New("gateway: session start limit too low to start the shards")

// ManagerConfig configures a Manager.
type ManagerConfig struct {
	// Token is the bot token.
	Token string
	// Info fetches the gateway URL, the recommended shard count and the
	// session start limit. Required unless URL and ShardCount are set.
	Info BotInfoFunc
	// URL overrides the gateway URL Info returns.
	URL string
	// ShardCount is the bot's total shard count; 0 uses Discord's
	// recommendation.
	ShardCount int
	// ShardIDs are the shards this process runs, for bots split over
	// several processes; empty runs all of them.
	ShardIDs []int
	// Buffer is the capacity of the events channel; 0 means 1024.
	Buffer int
	// Options apply to every shard (intents, compression, session store,
	// identify limiter, ...).
	Options []Option
}

// Manager runs the shards of a bot and merges their events into one
// channel, each event tagged with its shard.
type Manager struct {
	cfg    ManagerConfig
	events chan Event

	mu     sync.Mutex
	shards []*Shard
}

// NewManager returns a Manager; Run starts its shards.
func NewManager(cfg ManagerConfig) *Manager {
	if cfg.Buffer <= 0 {
		cfg.Buffer = 1024
	}
	return &Manager{cfg: cfg, events: make(chan Event, cfg.Buffer)}
}

// Events returns the channel every shard's events arrive on. It is closed
// when Run returns.
func (m *Manager) Events() <-chan Event { return m.events }

// Shards returns the running shards.
func (m *Manager) Shards() []*Shard {
	m.mu.Lock()
	defer m.mu.Unlock()
	return append([]*Shard(nil), m.shards...)
}

// Shard returns the running shard of a guild, or nil when this process does
// not run it.
func (m *Manager) Shard(guildID uint64) *Shard {
	for _, s := range m.Shards() {
		if int(guildID>>22)%s.Count() == s.ID() {
			return s
		}
	}
	return nil
}

// Run starts the shards, identifying them through the identify limiter in
// bucket order, and keeps them running until ctx ends or one stops with a
// fatal error, which stops the others and is returned.
func (m *Manager) Run(ctx context.Context) error {
	defer close(m.events)
	info := BotInfo{URL: m.cfg.URL, Shards: m.cfg.ShardCount, MaxConcurrency: 1}
	if m.cfg.Info != nil {
		got, err := m.cfg.Info(ctx)
		if err != nil {
			return fmt.Errorf("gateway: get /gateway/bot: %w", err)
		}
		info = got
		if m.cfg.URL != "" {
			info.URL = m.cfg.URL
		}
		if m.cfg.ShardCount > 0 {
			info.Shards = m.cfg.ShardCount
		}
	}
	if info.Shards <= 0 {
		info.Shards = 1
	}
	if info.MaxConcurrency <= 0 {
		info.MaxConcurrency = 1
	}
	ids := m.cfg.ShardIDs
	if len(ids) == 0 {
		for i := range info.Shards {
			ids = append(ids, i)
		}
	}
	for _, id := range ids {
		if id < 0 || id >= info.Shards {
			return fmt.Errorf("gateway: shard %d outside 0..%d", id, info.Shards-1)
		}
	}
	if m.cfg.Info != nil && info.SessionsTotal > 0 && info.SessionsRemaining < len(ids) {
		return fmt.Errorf("%w: %d shards, %d session starts left (resets in %d ms)",
			ErrSessionStartLimit, len(ids), info.SessionsRemaining, info.ResetAfter)
	}

	limiter := IdentifyLimiter(&LocalIdentifyLimiter{})
	opts := []Option{WithIdentifyLimiter(limiter, info.MaxConcurrency)}
	if info.URL != "" {
		opts = append(opts, WithURL(info.URL))
	}
	opts = append(opts, m.cfg.Options...)
	m.mu.Lock()
	m.shards = nil
	for _, id := range ids {
		m.shards = append(m.shards, NewShard(m.cfg.Token, m.events, append(opts, WithShard(id, info.Shards))...))
	}
	shards := m.shards
	m.mu.Unlock()

	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	errs := make(chan error, len(shards))
	for _, s := range shards {
		go func() { errs <- s.Run(ctx) }()
	}
	var first error
	for range shards {
		err := <-errs
		if first == nil && err != nil && !errors.Is(err, context.Canceled) {
			first = err
			cancel()
		}
	}
	if first != nil {
		return first
	}
	return ctx.Err()
}

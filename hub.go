package cordage

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"os"
	"os/signal"
	"sync"
	"syscall"
	"time"
)

// Hub runs several bots (groups) in one process, sharing one HTTP
// transport. Create groups with NewGroup, then Run.
type Hub struct {
	mu     sync.Mutex
	groups Groups
	order  []*Group
	http   *http.Client
}

// NewHub returns an empty hub.
func NewHub() *Hub {
	return &Hub{groups: Groups{}, http: &http.Client{Timeout: 2 * time.Minute}}
}

// NewGroup adds a bot to the hub. Names are unique within a hub.
func (h *Hub) NewGroup(name, token string, opts ...Option) (*Group, error) {
	h.mu.Lock()
	defer h.mu.Unlock()
	if _, dup := h.groups[name]; dup {
		return nil, fmt.Errorf("cordage: a group named %q already exists", name)
	}
	g := newGroup(name, token, h.groups, append([]Option{WithHTTPClient(h.http)}, opts...))
	h.groups[name] = g
	h.order = append(h.order, g)
	return g, nil
}

// Groups returns the hub's groups by name.
func (h *Hub) Groups() Groups { return h.groups }

// Run runs every group until ctx ends or one of them fails, which stops the
// others; it returns the failures joined.
func (h *Hub) Run(ctx context.Context) error {
	h.mu.Lock()
	groups := append([]*Group(nil), h.order...)
	h.mu.Unlock()
	if len(groups) == 0 {
		return errors.New("cordage: the hub has no groups")
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	errs := make(chan error, len(groups))
	for _, g := range groups {
		go func() {
			err := g.run(ctx)
			if err != nil {
				cancel()
			}
			errs <- err
		}()
	}
	var all []error
	for range groups {
		if err := <-errs; err != nil {
			all = append(all, err)
		}
	}
	h.http.CloseIdleConnections()
	return errors.Join(all...)
}

// Run runs one bot until ctx ends, SIGINT or SIGTERM arrives, or the bot
// fails for good. setup registers handlers and hooks before it connects.
func Run(ctx context.Context, token string, setup func(*Group) error, opts ...Option) error {
	ctx, stop := signal.NotifyContext(ctx, os.Interrupt, syscall.SIGTERM)
	defer stop()
	h := NewHub()
	g, err := h.NewGroup("main", token, opts...)
	if err != nil {
		return err
	}
	if setup != nil {
		if err := setup(g); err != nil {
			return fmt.Errorf("cordage: setup: %w", err)
		}
	}
	return h.Run(ctx)
}

// Connect starts one bot in the background and returns its group once every
// shard is READY (at once for WithoutGateway); Close stops it. Handlers
// registered after Connect returns miss what came before, such as the first
// GUILD_CREATEs: use Run's setup when they matter.
func Connect(ctx context.Context, token string, opts ...Option) (*Group, error) {
	h := NewHub()
	g, err := h.NewGroup("main", token, opts...)
	if err != nil {
		return nil, err
	}
	runCtx, cancel := context.WithCancel(context.WithoutCancel(ctx))
	g.closeFn = cancel
	g.done = make(chan error, 1)
	go func() { g.done <- h.Run(runCtx) }()
	if g.Gateway == nil {
		return g, nil
	}
	select {
	case <-g.ready:
		return g, nil
	case err := <-g.done:
		g.done <- err
		return nil, err
	case <-ctx.Done():
		g.Close()
		return nil, ctx.Err()
	}
}

// Close stops a group started with Connect and waits for it to stop: its
// handlers finish, its sessions stay resumable, its shutdown hooks run.
func (g *Group) Close() error {
	if g.closeFn == nil {
		return errors.New("cordage: Close is for groups started with Connect")
	}
	g.closeFn()
	err := <-g.done
	g.done <- err
	if errors.Is(err, context.Canceled) {
		return nil
	}
	return err
}

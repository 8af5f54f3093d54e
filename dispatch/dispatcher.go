package dispatch

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"runtime/debug"
	"sync"
	"sync/atomic"

	"github.com/cordage/cordage/discord"
	"github.com/cordage/cordage/events"
)

// Delivery is one event on its way to the handlers, with where it came from.
type Delivery struct {
	Event events.Event
	// GuildID orders the event: the default executor runs events of one
	// guild in order. Zero for events without a guild.
	GuildID discord.Snowflake
	// Source is what received the event, such as the gateway shard; a
	// ProvideFunc may hand it to handlers.
	Source any
}

// HandlerFunc is a handler after injection: it takes the delivery.
type HandlerFunc func(ctx context.Context, d *Delivery) error

// Middleware wraps every handler call, for example to add tracing or
// timeouts. Middleware added first runs outermost.
type Middleware func(next HandlerFunc) HandlerFunc

// HandlerError describes a handler that failed.
type HandlerError struct {
	// Event is the event's name, such as "MESSAGE_CREATE".
	Event  string
	Source any
	// Err is what the handler returned, or the recovered panic as an error.
	Err error
	// Panic is the value the handler panicked with, or nil.
	Panic any
	// Stack is the stack of a panicking handler.
	Stack []byte
}

// Error describes the failure.
func (e *HandlerError) Error() string {
	if e.Panic != nil {
		return fmt.Sprintf("dispatch: handler for %s panicked: %v", e.Event, e.Panic)
	}
	return fmt.Sprintf("dispatch: handler for %s: %v", e.Event, e.Err)
}

// Unwrap returns the handler's error.
func (e *HandlerError) Unwrap() error { return e.Err }

// ErrClosed is returned by Dispatch after Close.
var ErrClosed = errors.New("dispatch: dispatcher closed")

// Dispatcher runs handlers for events. Its methods are safe for concurrent
// use. Create one with New.
type Dispatcher struct {
	exec    Executor
	logger  *slog.Logger
	onError func(ctx context.Context, err *HandlerError)

	mu        sync.Mutex // serialises registration
	table     atomic.Pointer[table]
	nextID    uint64
	providers map[any]provider // keyed by reflect.Type, see inject.go

	closed  atomic.Bool
	waiting waiters
}

// table is an immutable snapshot of the handlers by event name; registration
// replaces it, so Dispatch reads it without a lock.
type table struct {
	byName map[string][]*handler
	wrap   []Middleware
}

type handler struct {
	id   uint64
	call HandlerFunc
}

// Option configures a Dispatcher.
type Option func(*Dispatcher)

// WithExecutor sets how events run; the default is PerGuild(0, 0).
func WithExecutor(e Executor) Option { return func(d *Dispatcher) { d.exec = e } }

// WithLogger sets the logger failed handlers are reported to; the default is
// slog.Default().
func WithLogger(l *slog.Logger) Option { return func(d *Dispatcher) { d.logger = l } }

// WithErrorHandler sets a function called for every failed handler, after it
// is logged.
func WithErrorHandler(f func(ctx context.Context, err *HandlerError)) Option {
	return func(d *Dispatcher) { d.onError = f }
}

// New returns a Dispatcher with no handlers.
func New(opts ...Option) *Dispatcher {
	d := &Dispatcher{providers: map[any]provider{}}
	for _, o := range opts {
		o(d)
	}
	if d.exec == nil {
		d.exec = PerGuild(0, 0)
	}
	if d.logger == nil {
		d.logger = slog.Default()
	}
	d.table.Store(&table{byName: map[string][]*handler{}})
	return d
}

// On registers a handler for the event type E, such as *events.MessageCreate,
// and returns a function that removes it.
func On[E events.Event](d *Dispatcher, fn func(ctx context.Context, e E) error) (remove func()) {
	var zero E
	return d.add(zero.EventName(), func(ctx context.Context, del *Delivery) error {
		return fn(ctx, del.Event.(E))
	})
}

// OnAny registers a handler for every event, including *events.Unknown, and
// returns a function that removes it.
func OnAny(d *Dispatcher, fn func(ctx context.Context, e events.Event) error) (remove func()) {
	return d.add(anyEvent, func(ctx context.Context, del *Delivery) error {
		return fn(ctx, del.Event)
	})
}

// anyEvent is the table key of handlers for every event.
const anyEvent = "*"

// Use adds middleware around every handler, registered before or after.
func (d *Dispatcher) Use(m Middleware) {
	d.mu.Lock()
	defer d.mu.Unlock()
	t := d.table.Load()
	d.table.Store(&table{byName: t.byName, wrap: append(append([]Middleware(nil), t.wrap...), m)})
}

func (d *Dispatcher) add(name string, call HandlerFunc) (remove func()) {
	d.mu.Lock()
	defer d.mu.Unlock()
	d.nextID++
	h := &handler{id: d.nextID, call: call}
	d.update(func(m map[string][]*handler) {
		m[name] = append(append([]*handler(nil), m[name]...), h)
	})
	var once sync.Once
	return func() {
		once.Do(func() {
			d.mu.Lock()
			defer d.mu.Unlock()
			d.update(func(m map[string][]*handler) {
				list := m[name]
				kept := make([]*handler, 0, len(list))
				for _, x := range list {
					if x != h {
						kept = append(kept, x)
					}
				}
				if len(kept) == 0 {
					delete(m, name)
				} else {
					m[name] = kept
				}
			})
		})
	}
}

// update copies the handler table, changes the copy and publishes it. It
// runs with d.mu held.
func (d *Dispatcher) update(change func(map[string][]*handler)) {
	old := d.table.Load()
	m := make(map[string][]*handler, len(old.byName)+1)
	for k, v := range old.byName {
		m[k] = v
	}
	change(m)
	d.table.Store(&table{byName: m, wrap: old.wrap})
}

// EventNames lists the names of the events that have handlers; "*" stands
// for handlers of every event. The gateway decodes only these events.
func (d *Dispatcher) EventNames() []string {
	t := d.table.Load()
	names := make([]string, 0, len(t.byName))
	for n := range t.byName {
		names = append(names, n)
	}
	return names
}

// Wants reports whether any handler listens to the event name.
func (d *Dispatcher) Wants(name string) bool {
	t := d.table.Load()
	return len(t.byName[name]) > 0 || len(t.byName[anyEvent]) > 0 || d.waiting.wants(name)
}

// Dispatch queues an event for its handlers. It returns once the event is
// queued, blocking while the executor's queue is full until ctx ends; the
// handlers run later with a context that is not canceled when ctx is.
// Events without handlers are dropped at once.
func (d *Dispatcher) Dispatch(ctx context.Context, del Delivery) error {
	if d.closed.Load() {
		return ErrClosed
	}
	t := d.table.Load()
	name := del.Event.EventName()
	d.waiting.offer(name, del.Event)
	hs, all := t.byName[name], t.byName[anyEvent]
	if len(hs) == 0 && len(all) == 0 {
		return nil
	}
	return d.exec.Submit(ctx, uint64(del.GuildID), func(runCtx context.Context) {
		d.run(runCtx, t, name, hs, all, &del)
	})
}

// run calls each handler of one event in registration order.
func (d *Dispatcher) run(ctx context.Context, t *table, name string, hs, all []*handler, del *Delivery) {
	for _, list := range [2][]*handler{hs, all} {
		for _, h := range list {
			call := h.call
			for i := len(t.wrap) - 1; i >= 0; i-- {
				call = t.wrap[i](call)
			}
			d.call(ctx, name, call, del)
		}
	}
}

// call runs one handler, recovering a panic.
func (d *Dispatcher) call(ctx context.Context, name string, call HandlerFunc, del *Delivery) {
	var herr *HandlerError
	func() {
		defer func() {
			if p := recover(); p != nil {
				herr = &HandlerError{Event: name, Source: del.Source, Panic: p, Stack: debug.Stack(),
					Err: fmt.Errorf("panic: %v", p)}
			}
		}()
		if err := call(ctx, del); err != nil {
			herr = &HandlerError{Event: name, Source: del.Source, Err: err}
		}
	}()
	if herr == nil {
		return
	}
	attrs := []any{"event", name, "error", herr.Err}
	if del.Source != nil {
		attrs = append(attrs, "source", del.Source)
	}
	if herr.Panic != nil {
		attrs = append(attrs, "stack", string(herr.Stack))
	}
	d.logger.ErrorContext(ctx, "dispatch: handler failed", attrs...)
	if d.onError != nil {
		d.onError(ctx, herr)
	}
}

// Close stops taking events and waits, until ctx ends, for the queued ones
// to be handled. Events still queued when ctx ends are not handled; Close
// then returns ctx's error.
func (d *Dispatcher) Close(ctx context.Context) error {
	if !d.closed.CompareAndSwap(false, true) {
		return nil
	}
	return d.exec.Close(ctx)
}

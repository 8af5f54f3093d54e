package dispatch

import (
	"context"
	"sync"
	"sync/atomic"

	"github.com/cordage/cordage/events"
)

// waiter is a WaitFor call waiting for its event.
type waiter struct {
	name  string
	match func(events.Event) bool
	found chan events.Event // buffered: 1
}

// waiters are the pending WaitFor calls. They are checked when an event is
// dispatched, before it is queued, so a handler may wait for the next event
// of its own guild without deadlocking its executor.
type waiters struct {
	n    atomic.Int32 // len(list), read without the lock on every dispatch
	mu   sync.Mutex
	list []*waiter
}

// WaitFor blocks until an event of type E for which match returns true is
// dispatched, and returns it; or until ctx ends. A nil match accepts the
// first event of the type. match runs on the goroutine calling Dispatch, so
// it must be quick and must not block.
//
//	reply, err := dispatch.WaitFor(ctx, d, func(e *events.MessageCreate) bool {
//		return e.Author.ID == userID && e.ChannelID == channelID
//	})
func WaitFor[E events.Event](ctx context.Context, d *Dispatcher, match func(E) bool) (E, error) {
	var zero E
	w := &waiter{name: zero.EventName(), found: make(chan events.Event, 1)}
	w.match = func(e events.Event) bool {
		typed, ok := e.(E)
		return ok && (match == nil || match(typed))
	}
	d.waiting.mu.Lock()
	d.waiting.list = append(d.waiting.list, w)
	d.waiting.n.Store(int32(len(d.waiting.list)))
	d.waiting.mu.Unlock()
	defer d.waiting.remove(w)
	select {
	case e := <-w.found:
		return e.(E), nil
	case <-ctx.Done():
		return zero, ctx.Err()
	}
}

// offer hands an event to the first waiter that matches it.
func (ws *waiters) offer(name string, e events.Event) {
	if ws.n.Load() == 0 {
		return
	}
	ws.mu.Lock()
	defer ws.mu.Unlock()
	for i, w := range ws.list {
		if w.name == name && w.match(e) {
			w.found <- e
			ws.list = append(ws.list[:i:i], ws.list[i+1:]...)
			ws.n.Store(int32(len(ws.list)))
			return
		}
	}
}

func (ws *waiters) remove(w *waiter) {
	ws.mu.Lock()
	defer ws.mu.Unlock()
	for i, x := range ws.list {
		if x == w {
			ws.list = append(ws.list[:i:i], ws.list[i+1:]...)
			ws.n.Store(int32(len(ws.list)))
			return
		}
	}
}

func (ws *waiters) wants(name string) bool {
	if ws.n.Load() == 0 {
		return false
	}
	ws.mu.Lock()
	defer ws.mu.Unlock()
	for _, w := range ws.list {
		if w.name == name {
			return true
		}
	}
	return false
}

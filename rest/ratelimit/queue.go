package ratelimit

import (
	"context"
	"slices"
	"time"
)

// A queue lines up the requests waiting on one Store key, so that they go
// in the order they came. Only the request at the head talks to the Store;
// the others wait for their turn on a channel of their own.
//
// A queue holds one entry per goroutine blocked in Wait, and each of those
// has a context to give up with, so its length is the caller's to bound.
type queue struct {
	busy    bool            // a request is at the head
	waiters []chan struct{} // the rest, oldest first; closing one hands it the head
	until   time.Time       // when the head's known wait ends, or zero
	wake    chan struct{}   // tells the head that the bucket may have changed
}

// maxFree is how many emptied queues a Limiter keeps for reuse.
const maxFree = 16

// join puts the caller in the queue for key and returns once it is at the
// head, and whether it waited behind others. The caller must leave the queue
// when done with it.
func (l *Limiter) join(ctx context.Context, r Route, key string) (q *queue, waited bool, err error) {
	l.mu.Lock()
	q = l.queues[key]
	if q == nil {
		if n := len(l.free); n > 0 {
			q, l.free = l.free[n-1], l.free[:n-1]
		} else {
			q = &queue{wake: make(chan struct{}, 1)}
		}
		l.queues[key] = q
	}
	if !q.busy {
		q.busy = true
		l.mu.Unlock()
		return q, false, nil
	}
	if deadline, ok := ctx.Deadline(); ok && deadline.Before(q.until) {
		// The request ahead already waits past the deadline.
		wait := time.Until(q.until)
		l.mu.Unlock()
		return nil, false, &WaitError{Route: r, RetryAfter: wait, Err: context.DeadlineExceeded}
	}
	turn := make(chan struct{})
	q.waiters = append(q.waiters, turn)
	l.mu.Unlock()

	select {
	case <-turn:
		return q, true, nil
	case <-ctx.Done():
	}
	l.mu.Lock()
	if i := slices.Index(q.waiters, turn); i >= 0 {
		q.waiters = slices.Delete(q.waiters, i, i+1)
		l.mu.Unlock()
	} else {
		// The turn came as the context ended: hand it on.
		l.mu.Unlock()
		l.leave(key, q)
	}
	return nil, false, ctxError(r, ctx.Err())
}

// leave hands the head of q to the next waiter, or drops the empty queue.
func (l *Limiter) leave(key string, q *queue) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if len(q.waiters) > 0 {
		close(q.waiters[0])
		q.waiters[0] = nil
		q.waiters = q.waiters[1:]
		return
	}
	delete(l.queues, key)
	q.busy = false
	q.until = time.Time{}
	select {
	case <-q.wake:
	default:
	}
	if len(l.free) < maxFree {
		l.free = append(l.free, q)
	}
}

// wake tells the head of the queue for key, if any, that the bucket changed.
func (l *Limiter) wake(key string) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if q := l.queues[key]; q != nil {
		select {
		case q.wake <- struct{}{}:
		default:
		}
	}
}

// setUntil records when the head's known wait ends, so that a request
// joining the queue with an earlier deadline can fail at once.
func (l *Limiter) setUntil(q *queue, t time.Time) {
	l.mu.Lock()
	q.until = t
	l.mu.Unlock()
}

// sleep waits for d to pass, for a wake-up, or for the context to end.
func (q *queue) sleep(ctx context.Context, d time.Duration) error {
	timer := time.NewTimer(d)
	defer timer.Stop()
	select {
	case <-timer.C:
		return nil
	case <-q.wake:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

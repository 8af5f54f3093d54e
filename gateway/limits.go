package gateway

import (
	"context"
	"math/rand/v2"
	"sync"
	"time"
)

// Discord's limits on what a client sends.
const (
	// SendLimit is how many payloads a connection may send in any
	// SendWindow; Discord closes a connection that sends more with 4008.
	SendLimit  = 120
	SendWindow = 60 * time.Second
	// HeartbeatReserve is how many of SendLimit only heartbeats may use, so
	// a burst of commands never delays a heartbeat.
	HeartbeatReserve = 3
	// IdentifyInterval is how long a shard bucket waits between identifies.
	IdentifyInterval = 5 * time.Second
)

// SendLimiter keeps one connection under Discord's send limit: at most
// SendLimit payloads in any SendWindow, counted over a sliding window, with
// HeartbeatReserve of them kept for heartbeats. Commands go in the order
// they asked; a heartbeat goes ahead of waiting commands. Each connection
// has its own SendLimiter. It is safe for concurrent use.
type SendLimiter struct {
	limit, reserved int
	window          time.Duration

	mu       sync.Mutex
	sent     ring // the times of the sends within the window, oldest first
	beats    []*sendWaiter
	commands []*sendWaiter
	timer    *time.Timer // wakes the first waiter when a send leaves the window
}

type sendWaiter struct {
	heartbeat bool
	ready     chan struct{} // closed when the send may go
	granted   bool
}

// NewSendLimiter returns a SendLimiter with Discord's limits.
func NewSendLimiter() *SendLimiter {
	return newSendLimiter(SendLimit, SendWindow, HeartbeatReserve)
}

func newSendLimiter(limit int, window time.Duration, reserved int) *SendLimiter {
	return &SendLimiter{limit: limit, reserved: reserved, window: window, sent: ring{t: make([]time.Time, limit)}}
}

// Wait blocks until the connection may send a payload, a heartbeat if
// heartbeat is set, and counts it as sent. It returns ctx's error if ctx
// ends first.
func (l *SendLimiter) Wait(ctx context.Context, heartbeat bool) error {
	l.mu.Lock()
	l.expire(time.Now())
	queue := &l.commands
	if heartbeat {
		queue = &l.beats
	}
	if len(*queue) == 0 && l.free(heartbeat) {
		l.sent.push(time.Now())
		l.mu.Unlock()
		return nil
	}
	if err := ctx.Err(); err != nil {
		l.mu.Unlock()
		return err
	}
	w := &sendWaiter{heartbeat: heartbeat, ready: make(chan struct{})}
	*queue = append(*queue, w)
	l.schedule()
	l.mu.Unlock()

	select {
	case <-w.ready:
		return nil
	case <-ctx.Done():
		l.mu.Lock()
		defer l.mu.Unlock()
		if w.granted {
			return nil // the send was counted; the caller may as well make it
		}
		for i, q := range *queue {
			if q == w {
				*queue = append((*queue)[:i], (*queue)[i+1:]...)
				break
			}
		}
		l.schedule()
		return ctx.Err()
	}
}

// free reports whether a send may go now.
func (l *SendLimiter) free(heartbeat bool) bool {
	if heartbeat {
		return l.sent.n < l.limit
	}
	return l.sent.n < l.limit-l.reserved
}

// expire drops the sends that left the window.
func (l *SendLimiter) expire(now time.Time) {
	for l.sent.n > 0 && !now.Before(l.sent.oldest(0).Add(l.window)) {
		l.sent.pop()
	}
}

// wake lets the waiters go that may, and sets the timer for the rest.
func (l *SendLimiter) wake() {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.expire(time.Now())
	for _, queue := range []*[]*sendWaiter{&l.beats, &l.commands} {
		for len(*queue) > 0 && l.free((*queue)[0].heartbeat) {
			w := (*queue)[0]
			*queue = (*queue)[1:]
			l.sent.push(time.Now())
			w.granted = true
			close(w.ready)
		}
	}
	l.schedule()
}

// schedule sets the timer to wake the first waiter when enough sends have
// left the window for it to go.
func (l *SendLimiter) schedule() {
	var at time.Time
	for _, queue := range [][]*sendWaiter{l.beats, l.commands} {
		if len(queue) == 0 {
			continue
		}
		room := l.limit
		if !queue[0].heartbeat {
			room -= l.reserved
		}
		// The send that must leave the window for a free place.
		t := time.Now()
		if i := l.sent.n - room; i >= 0 {
			t = l.sent.oldest(i).Add(l.window)
		}
		if at.IsZero() || t.Before(at) {
			at = t
		}
	}
	switch {
	case at.IsZero() && l.timer != nil:
		l.timer.Stop()
	case at.IsZero():
	case l.timer == nil:
		l.timer = time.AfterFunc(time.Until(at), l.wake)
	default:
		l.timer.Reset(time.Until(at))
	}
}

// ring is a queue of times of fixed capacity.
type ring struct {
	t        []time.Time
	first, n int
}

func (r *ring) push(t time.Time) {
	r.t[(r.first+r.n)%len(r.t)] = t
	r.n++
}

func (r *ring) pop() {
	r.first = (r.first + 1) % len(r.t)
	r.n--
}

// oldest returns the i-th oldest time.
func (r *ring) oldest(i int) time.Time { return r.t[(r.first+i)%len(r.t)] }

// IdentifyLimiter spaces out the identifies of a bot's shards as Discord
// requires: shards fall into max_concurrency buckets (shard ID modulo
// max_concurrency, from GET /gateway/bot), and each bucket may identify once
// every IdentifyInterval. Every process that runs shards of one bot must
// share one IdentifyLimiter: LocalIdentifyLimiter serves a single process;
// one backed by NATS or Redis serves several.
type IdentifyLimiter interface {
	// Wait blocks until shard shardID may identify, and counts the
	// identify. It returns ctx's error if ctx ends first.
	Wait(ctx context.Context, shardID, maxConcurrency int) error
}

// IdentifyLimiterFunc adapts a function to an IdentifyLimiter.
type IdentifyLimiterFunc func(ctx context.Context, shardID, maxConcurrency int) error

// Wait calls f(ctx, shardID, maxConcurrency).
func (f IdentifyLimiterFunc) Wait(ctx context.Context, shardID, maxConcurrency int) error {
	return f(ctx, shardID, maxConcurrency)
}

// LocalIdentifyLimiter is the IdentifyLimiter of a bot whose shards all run
// in one process. Shards of one bucket identify in the order they asked
// (unless late timers reorder them), never closer than the interval. The
// zero value is ready to use; it is safe for concurrent use.
type LocalIdentifyLimiter struct {
	interval time.Duration // IdentifyInterval when zero; tests shorten it

	mu   sync.Mutex
	next map[int]time.Time // per bucket, when its next identify may go
	last map[int]time.Time // per bucket, when its last identify went
}

// Wait blocks until shard shardID may identify. A maxConcurrency below 1
// counts as 1.
func (l *LocalIdentifyLimiter) Wait(ctx context.Context, shardID, maxConcurrency int) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	bucket := shardID % max(maxConcurrency, 1)
	l.mu.Lock()
	if l.next == nil {
		l.next, l.last = map[int]time.Time{}, map[int]time.Time{}
	}
	now := time.Now()
	at := l.next[bucket]
	if at.Before(now) {
		at = now
	}
	every := l.interval
	if every <= 0 {
		every = IdentifyInterval
	}
	if !at.After(now) && !l.last[bucket].Add(every).After(now) {
		l.next[bucket] = at.Add(every)
		l.last[bucket] = now
		l.mu.Unlock()
		return nil
	}
	if !at.After(now) {
		at = l.last[bucket].Add(every)
	}
	l.next[bucket] = at.Add(every)
	l.mu.Unlock()

	t := time.NewTimer(at.Sub(now))
	defer t.Stop()
	for {
		select {
		case <-t.C:
			// A late timer must not bring two identifies closer than the
			// interval: wait out the rest after the bucket's last one.
			l.mu.Lock()
			now := time.Now()
			if wait := l.last[bucket].Add(every).Sub(now); wait > 0 {
				l.mu.Unlock()
				t.Reset(wait)
				continue
			}
			l.last[bucket] = now
			l.mu.Unlock()
			return nil
		case <-ctx.Done():
			l.mu.Lock()
			// Give the turn back, unless another shard queued behind it.
			if l.next[bucket].Equal(at.Add(every)) {
				l.next[bucket] = at
			}
			l.mu.Unlock()
			return ctx.Err()
		}
	}
}

// Backoff computes the waits between reconnect attempts: capped exponential
// backoff with full jitter. The n-th wait since the last Reset is random
// between 0 and min(Max, Min·2ⁿ⁻¹), which spreads out many shards that lost
// their connections at once. The zero value waits at most 1s, then 2s, 4s,
// ... up to 60s. A Backoff is not safe for concurrent use.
type Backoff struct {
	// Min caps the first wait; 1s when zero.
	Min time.Duration
	// Max caps every wait; 60s when zero.
	Max time.Duration

	attempt int
	jitter  func(ceil time.Duration) time.Duration // rand.N, but for tests
}

// Next returns the wait before the next attempt.
func (b *Backoff) Next() time.Duration {
	lo, hi := b.Min, b.Max
	if lo <= 0 {
		lo = time.Second
	}
	if hi <= 0 {
		hi = 60 * time.Second
	}
	ceil := min(lo, hi)
	for i := 0; i < b.attempt && ceil < hi; i++ {
		ceil = min(2*ceil, hi)
	}
	b.attempt++
	if b.jitter != nil {
		return b.jitter(ceil)
	}
	return rand.N(ceil + 1)
}

// Attempts returns how many waits Next returned since the last Reset.
func (b *Backoff) Attempts() int { return b.attempt }

// Reset starts over from the first wait, as after a successful connection.
func (b *Backoff) Reset() { b.attempt = 0 }

package ratelimit

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"sync"
	"time"
)

// Route identifies the route of one request.
type Route struct {
	// Method is the HTTP method, like "POST".
	Method string

	// Path is the path template, like "/channels/{channel_id}/messages".
	Path string

	// Major is the value of the route's major parameter in the request's
	// URL: the channel, guild or webhook id, or a webhook id and token, or ""
	// if the route has none. Discord counts each value on its own. The
	// limiter uses Major to tell buckets apart and never prints it, so a
	// webhook token in it stays out of errors.
	Major string

	// Interaction marks the routes that answer an interaction: the callback,
	// and the original response and follow-up messages sent with the
	// interaction's token. Discord does not count them towards the global
	// limit, so neither does the limiter.
	Interaction bool
}

// String returns the route's method and path template, like
// "POST /channels/{channel_id}/messages".
func (r Route) String() string { return r.Method + " " + r.Path }

// Ticket is the permission [Limiter.Wait] gives to send one request. Pass it
// to [Limiter.Done] when the request is over. The zero Ticket is valid, and
// Done ignores it.
type Ticket struct {
	route Route
	hash  string    // the route's bucket hash when the ticket was taken
	key   string    // the Store key of the bucket it was taken from
	reset time.Time // that bucket's Reset just after the take: names the window
	probe bool      // the request goes first, to learn the bucket's window
}

// ErrInvalidRequestBudget is the error inside the [*WaitError] that
// [Limiter.Wait] returns while the invalid-request breaker is tripped.
var ErrInvalidRequestBudget = errors.New("ratelimit: invalid request budget spent")

// WaitError reports a request that [Limiter.Wait] would not let through: the
// limit holding it back still has RetryAfter to run, and either the context's
// deadline comes sooner (Err is [context.DeadlineExceeded]) or the
// invalid-request breaker is tripped (Err is [ErrInvalidRequestBudget]).
type WaitError struct {
	Route      Route
	RetryAfter time.Duration
	Err        error
}

// Error says which limit held the request back, and for how long.
func (e *WaitError) Error() string {
	switch e.Err {
	case context.DeadlineExceeded:
		return fmt.Sprintf("ratelimit: %v: rate limited for another %v, past the context deadline", e.Route, e.RetryAfter)
	case ErrInvalidRequestBudget:
		return fmt.Sprintf("ratelimit: %v: invalid request budget spent; it frees up in %v", e.Route, e.RetryAfter)
	}
	return fmt.Sprintf("ratelimit: %v: %v (for another %v)", e.Route, e.Err, e.RetryAfter)
}

// Unwrap returns e.Err.
func (e *WaitError) Unwrap() error { return e.Err }

// Option configures a [Limiter].
type Option func(*Limiter)

// WithStore keeps the limiter's bucket state in s instead of in a new
// [MemoryStore]. Limiters in several processes can share one Store.
func WithStore(s Store) Option {
	return func(l *Limiter) { l.store = s }
}

// WithGlobalLimit sets how many requests per second the limiter lets through
// across all routes. The default is 50, Discord's global limit for a bot;
// Discord grants some large bots more. A value of 0 or less stops counting,
// but a 429 for the global limit still pauses every route it applies to.
func WithGlobalLimit(perSecond int) Option {
	return func(l *Limiter) { l.perSecond = max(perSecond, 0) }
}

// WithInvalidRequestLimit sets how many invalid responses (401, 403, and 429
// but for shared-resource 429s) in ten minutes trip the breaker. The default
// is 9,000; Discord bans the IP address at 10,000. A value of 0 or less turns
// the breaker off.
func WithInvalidRequestLimit(n int) Option {
	return func(l *Limiter) { l.invalidLimit = max(n, 0) }
}

// WithProxy switches the limiter off, for a client that sends its requests
// through a rate-limit proxy such as nirn-proxy, which keeps to Discord's
// limits itself. Wait then returns at once and Done ignores the response.
func WithProxy() Option {
	return func(l *Limiter) { l.off = true }
}

// Limiter keeps a REST client within Discord's rate limits. Create one
// with [New]; it is safe for concurrent use.
type Limiter struct {
	store        Store
	perSecond    int
	invalidLimit int
	off          bool

	mu      sync.Mutex
	queues  map[string]*queue // the waiters for each Store key
	free    []*queue          // emptied queues, kept for reuse
	pause   time.Time         // end of the pause after a 429 without rate-limit headers
	invalid invalidCounter
}

// New returns a Limiter with Discord's defaults: bucket state in a
// [MemoryStore], a global limit of 50 requests per second and an
// invalid-request breaker at 9,000 per ten minutes.
func New(opts ...Option) *Limiter {
	l := &Limiter{
		perSecond:    50,
		invalidLimit: 9000,
		queues:       make(map[string]*queue),
	}
	for _, opt := range opts {
		opt(l)
	}
	if l.store == nil {
		l.store = &MemoryStore{}
	}
	return l
}

// The Store key of the global limit. Bucket keys always hold a space.
const globalKey = "global"

// errMoved tells Wait that the route's bucket was learned while it waited.
var errMoved = errors.New("ratelimit: route moved to another bucket")

// Wait blocks until a request on r may be sent, and returns the ticket to
// pass to [Limiter.Done] when the request is over, whether or not it was
// sent. Requests counted against the same bucket leave in the order they
// called Wait.
//
// Wait returns early with the context's error when it is done, and at once
// with a [*WaitError] when the limit holding the request back runs past the
// context's deadline or the invalid-request breaker is tripped.
func (l *Limiter) Wait(ctx context.Context, r Route) (Ticket, error) {
	if l.off {
		return Ticket{}, nil
	}
	if err := ctx.Err(); err != nil {
		return Ticket{}, ctxError(r, err)
	}
	t, q, err := l.waitBucket(ctx, r)
	if err != nil {
		return Ticket{}, err
	}
	// Keep the bucket's queue until the global limit lets the request go,
	// so the next in line cannot overtake it there.
	defer l.leave(t.key, q)
	if !r.Interaction {
		if err := l.waitGlobal(ctx, r); err != nil {
			l.update(context.Background(), t.key, func(b Bucket) Bucket { b.abandon(t, false); return b })
			return Ticket{}, err
		}
	}
	return t, nil
}

// waitBucket waits for the bucket r counts against and takes a request from
// it. It returns with the bucket's queue held.
func (l *Limiter) waitBucket(ctx context.Context, r Route) (Ticket, *queue, error) {
	route := r.String()
	for {
		hash, err := l.store.BucketHash(ctx, route)
		if err != nil {
			return Ticket{}, nil, storeError(r, err)
		}
		t := Ticket{route: r, hash: hash, key: bucketKey(r, hash)}
		q, waited, err := l.join(ctx, r, t.key)
		if err != nil {
			return Ticket{}, nil, err
		}
		recheck := waited
		err = l.hold(ctx, r, q, func(now time.Time) (time.Duration, bool, error) {
			if recheck {
				// A response may have named the route's bucket meanwhile.
				h, err := l.store.BucketHash(ctx, route)
				if err != nil {
					return 0, false, storeError(r, err)
				}
				if h != hash {
					return 0, false, errMoved
				}
			}
			recheck = true
			var wait time.Duration
			var known bool
			b, err := l.update(ctx, t.key, func(b Bucket) Bucket { wait, known, t.probe = b.take(now); return b })
			if err != nil {
				return 0, false, storeError(r, err)
			}
			t.reset = b.Reset
			return wait, known, nil
		})
		if err == nil {
			return t, q, nil
		}
		l.leave(t.key, q)
		if err != errMoved {
			return Ticket{}, nil, err
		}
	}
}

// waitGlobal waits for the global limit and takes a request from it.
func (l *Limiter) waitGlobal(ctx context.Context, r Route) error {
	q, _, err := l.join(ctx, r, globalKey)
	if err != nil {
		return err
	}
	defer l.leave(globalKey, q)
	return l.hold(ctx, r, q, func(now time.Time) (time.Duration, bool, error) {
		var wait time.Duration
		if _, err := l.update(ctx, globalKey, func(b Bucket) Bucket { wait = b.takeGlobal(now, l.perSecond); return b }); err != nil {
			return 0, false, storeError(r, err)
		}
		return wait, true, nil
	})
}

// hold waits, at the head of q, until try lets a request through. try
// returns how long to wait before trying again, or 0 if it took a request,
// and whether that wait is known or only an upper bound.
func (l *Limiter) hold(ctx context.Context, r Route, q *queue, try func(now time.Time) (time.Duration, bool, error)) error {
	for {
		now := time.Now()
		wait, err := l.blocked(r, now)
		known := true
		if err == nil && wait == 0 {
			wait, known, err = try(now)
		}
		if err != nil || wait <= 0 {
			return err
		}
		if deadline, ok := ctx.Deadline(); ok && known && deadline.Before(now.Add(wait)) {
			return &WaitError{Route: r, RetryAfter: wait, Err: context.DeadlineExceeded}
		}
		if known {
			l.setUntil(q, now.Add(wait))
		}
		err = q.sleep(ctx, wait)
		l.setUntil(q, time.Time{})
		if err != nil {
			return ctxError(r, err)
		}
	}
}

// blocked returns an error if the invalid-request breaker is tripped, or
// else how long the pause after a Cloudflare 429 still runs.
func (l *Limiter) blocked(r Route, now time.Time) (time.Duration, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.invalidLimit > 0 {
		if wait := l.invalid.wait(now, l.invalidLimit); wait > 0 {
			return 0, &WaitError{Route: r, RetryAfter: wait, Err: ErrInvalidRequestBudget}
		}
	}
	return max(l.pause.Sub(now), 0), nil
}

// Done records how the request allowed by t went. resp is its response, or
// nil if none came. Call Done once for every ticket, even for a request that
// was never sent: until then, the limiter counts the request as in flight.
//
// Done reads the rate-limit headers. For a 429 it also reads the body, for
// retry_after and global, and puts back what it read so the caller can still
// read the whole body; if the caller read the body first, Done goes by the
// headers alone.
func (l *Limiter) Done(t Ticket, resp *http.Response) {
	if l.off || t.key == "" {
		return
	}
	ctx := context.Background() // Store errors here lose what one response taught
	if resp == nil {
		l.update(ctx, t.key, func(b Bucket) Bucket { b.abandon(t, true); return b })
		l.wake(t.key)
		return
	}
	now := time.Now()
	rl := parseResponse(resp, now)
	l.note(rl, now)
	if rl.global && !t.route.Interaction {
		l.update(ctx, globalKey, func(b Bucket) Bucket { b.pauseGlobal(now.Add(rl.retry(time.Second))); return b })
		l.wake(globalKey) // the pause may end before the window it replaces
	}

	key := t.key
	if rl.bucket != "" && rl.bucket != t.hash {
		if l.store.SetBucketHash(ctx, t.route.String(), rl.bucket) == nil {
			key = bucketKey(t.route, rl.bucket)
		}
	}
	if key == t.key {
		l.update(ctx, key, func(b Bucket) Bucket { b.finish(t, rl, now, false); return b })
	} else {
		// The response named the route's bucket: it teaches the named
		// bucket, and the request leaves the provisional one.
		l.update(ctx, t.key, func(b Bucket) Bucket { b.abandon(t, true); return b })
		l.update(ctx, key, func(b Bucket) Bucket { b.finish(t, rl, now, true); return b })
		l.wake(t.key)
	}
	l.wake(key)
}

// note counts an invalid response, and pauses everything after a 429 that
// did not come from Discord's rate limiter.
func (l *Limiter) note(rl response, now time.Time) {
	if !rl.invalid() {
		return
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	l.invalid.add(now)
	if rl.cloudflare {
		if until := now.Add(rl.retry(time.Minute)); until.After(l.pause) {
			l.pause = until
		}
	}
}

// update replaces the bucket stored under key with what f returns for it,
// retrying while other updates interfere, and returns the bucket as stored.
func (l *Limiter) update(ctx context.Context, key string, f func(Bucket) Bucket) (Bucket, error) {
	for {
		old, err := l.store.Load(ctx, key)
		if err != nil {
			return Bucket{}, err
		}
		b := f(old)
		if b.equal(old) {
			return b, nil
		}
		ok, err := l.store.CompareAndSwap(ctx, key, old, b)
		if err != nil {
			return Bucket{}, err
		}
		if ok {
			return b, nil
		}
	}
}

// bucketKey returns the Store key of the bucket a request on r counts
// against: the bucket's hash and the major parameter once Discord has named
// the bucket, and the route and major parameter before.
func bucketKey(r Route, hash string) string {
	if hash == "" {
		return r.Method + " " + r.Path + " " + r.Major
	}
	return hash + " " + r.Major
}

func storeError(r Route, err error) error {
	return fmt.Errorf("ratelimit: %v: store: %w", r, err)
}

func ctxError(r Route, err error) error {
	return fmt.Errorf("ratelimit: %v: %w", r, err)
}

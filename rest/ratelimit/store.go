package ratelimit

import (
	"context"
	"sync"
	"time"
)

// A Store keeps the state limiters share: which bucket each route belongs
// to, and each bucket's [Bucket]. Limiters in several processes that share
// one Store keep to one set of limits together. [MemoryStore] is the
// in-process default; a Store backed by a database such as Redis could
// share it between processes.
//
// The limiter decides everything: it loads a bucket, works out the new
// state, and swaps it in only if nobody changed the bucket meanwhile,
// trying again otherwise. A Store needs no rate-limit logic of its own.
//
// Bucket keys are opaque strings that hold a route's major parameter, which
// can be a webhook token. The global limit's state is the bucket under the
// key "global". The order of waiting requests stays in each process.
//
// A Store may forget a bucket that has not changed for a while and whose
// Reset has passed: that costs the next request on it a probe. Methods are
// called from Limiter.Done with a background context, so a Store that does
// I/O should bound its own operations with timeouts.
type Store interface {
	// BucketHash returns the bucket hash Discord last reported for route, a
	// method and path template like "GET /channels/{channel_id}/messages",
	// or "" if none is known.
	BucketHash(ctx context.Context, route string) (string, error)

	// SetBucketHash records hash as the bucket hash of route.
	SetBucketHash(ctx context.Context, route, hash string) error

	// Load returns the bucket stored under key, or the zero Bucket if there
	// is none.
	Load(ctx context.Context, key string) (Bucket, error)

	// CompareAndSwap stores new under key if the bucket stored there is
	// still old, and reports whether it did. A missing bucket counts as the
	// zero Bucket, and storing the zero Bucket may delete the key.
	CompareAndSwap(ctx context.Context, key string, old, new Bucket) (bool, error)
}

// MemoryStore is a [Store] in the process's memory. Its zero value is ready
// to use. It forgets a bucket between one and two IdleTimeouts after its last
// change and Reset, so its size follows the buckets in use rather than every
// channel and guild ever seen. It keeps route hashes for good: there is one
// per route of Discord's API.
type MemoryStore struct {
	// IdleTimeout is how long a bucket goes unused before the store may
	// forget it. Zero means ten minutes.
	IdleTimeout time.Duration

	mu      sync.Mutex
	hashes  map[string]string
	buckets map[string]memoryBucket
	swept   time.Time // when idle buckets were last dropped
}

type memoryBucket struct {
	Bucket
	changed time.Time
}

// BucketHash implements [Store].
func (s *MemoryStore) BucketHash(_ context.Context, route string) (string, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.hashes[route], nil
}

// SetBucketHash implements [Store].
func (s *MemoryStore) SetBucketHash(_ context.Context, route, hash string) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.hashes == nil {
		s.hashes = make(map[string]string)
	}
	s.hashes[route] = hash
	return nil
}

// Load implements [Store].
func (s *MemoryStore) Load(_ context.Context, key string) (Bucket, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.buckets[key].Bucket, nil
}

// CompareAndSwap implements [Store].
func (s *MemoryStore) CompareAndSwap(_ context.Context, key string, old, new Bucket) (bool, error) {
	now := time.Now()
	s.mu.Lock()
	defer s.mu.Unlock()
	if !s.buckets[key].equal(old) {
		return false, nil
	}
	if new.equal(Bucket{}) {
		delete(s.buckets, key)
	} else {
		if s.buckets == nil {
			s.buckets = make(map[string]memoryBucket)
		}
		s.buckets[key] = memoryBucket{new, now}
	}
	s.sweep(now)
	return true, nil
}

// sweep drops the buckets idle for IdleTimeout, at most once per
// IdleTimeout, so that its cost spreads over many calls.
func (s *MemoryStore) sweep(now time.Time) {
	idle := s.IdleTimeout
	if idle <= 0 {
		idle = 10 * time.Minute
	}
	if now.Sub(s.swept) < idle {
		return
	}
	s.swept = now
	for key, b := range s.buckets {
		last := b.changed
		if b.Reset.After(last) {
			last = b.Reset
		}
		if now.Sub(last) >= idle {
			delete(s.buckets, key)
		}
	}
}

// len returns the number of buckets the store holds.
func (s *MemoryStore) len() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return len(s.buckets)
}

package gateway

import "time"

// WithTimeouts sets the handshake timeouts (HELLO, READY/RESUMED) and the
// wait after op 9, so tests need not wait for Discord's.
func WithTimeouts(hello, ready, invalidSession time.Duration) Option {
	return func(c *config) {
		c.helloTimeout, c.readyTimeout = hello, ready
		c.invalidWait = func() time.Duration { return invalidSession }
	}
}

// NewIdentifyLimiterEvery returns a LocalIdentifyLimiter whose buckets
// identify once every d instead of IdentifyInterval.
func NewIdentifyLimiterEvery(d time.Duration) *LocalIdentifyLimiter {
	return &LocalIdentifyLimiter{interval: d}
}

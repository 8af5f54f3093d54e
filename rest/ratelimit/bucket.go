package ratelimit

import (
	"net/http"
	"time"
)

// Bucket is what a [Store] keeps for one rate-limit bucket: Discord's
// numbers as last learned, and the requests counted against them since.
// The zero Bucket is a bucket nothing is known about.
type Bucket struct {
	// Limit is the number of requests a window allows, as Discord last
	// reported it: 0 while unknown, and -1 when the route's responses carry
	// no limit.
	Limit int

	// Remaining is the number of requests that may still start before
	// Reset.
	Remaining int

	// Reset is when the current window ends. While Probing, it is only how
	// long the others wait for the probe's response.
	Reset time.Time

	// InFlight is the number of requests let through whose responses have
	// not come back.
	InFlight int

	// Probing reports that one request is out to learn the window, and the
	// others wait for its response.
	Probing bool
}

// probeTimeout is how long the requests behind a probe wait for its
// response before another request may go first. It bounds the wait if the
// probe's response is lost, for instance with a process that crashed.
const probeTimeout = 10 * time.Second

// take counts a request against b at now, if b allows it. Otherwise it
// returns how long to wait before trying again, and whether that wait is
// known or only bounded by a probe's timeout. probe reports that the request
// goes first to learn the window.
func (b *Bucket) take(now time.Time) (wait time.Duration, known, probe bool) {
	switch {
	case b.Limit < 0:
		// The route has no limit of its own.
	case now.Before(b.Reset):
		if b.Remaining <= 0 {
			return b.Reset.Sub(now), !b.Probing, false
		}
		b.Remaining--
	default:
		// The bucket is new or its window is over: one request goes first,
		// and its response opens the window.
		b.Remaining = 0
		b.Reset = now.Add(probeTimeout)
		b.Probing = true
		probe = true
	}
	b.InFlight++
	return 0, true, probe
}

// finish records the response rl to the request allowed by t. moved
// reports that the request was counted against another bucket, because
// this response is the first to name the route's bucket.
func (b *Bucket) finish(t Ticket, rl response, now time.Time, moved bool) {
	if !moved {
		b.InFlight = max(b.InFlight-1, 0)
	}
	switch {
	case rl.status == http.StatusTooManyRequests && !rl.global:
		// The route's limit, or the shared resource's, is spent.
		if b.Probing {
			b.Probing = false
			b.Reset = time.Time{}
		}
		if rl.hasLimit {
			b.Limit = rl.limit
		}
		b.pause(now.Add(max(rl.retry(time.Second), rl.resetAfter)))
	case rl.hasLimit:
		// Requests still in flight may not be in Discord's count yet.
		remaining := max(rl.remaining-b.InFlight, 0)
		b.Limit = rl.limit
		if !now.Before(b.Reset) || b.Probing && (t.probe || moved) {
			b.Remaining = remaining
			b.Reset = now.Add(rl.resetAfter)
			b.Probing = false
		} else if moved || t.reset.Equal(b.Reset) {
			b.Remaining = min(b.Remaining, remaining)
		}
		// Otherwise the request belongs to an earlier window, and its
		// numbers are out of date.
	case t.probe && b.Probing:
		b.Probing = false
		b.Reset = time.Time{}
		if rl.status/100 == 2 {
			// A success without rate-limit headers: the route has no
			// limit of its own.
			b.Limit = -1
		}
	}
}

// abandon records that the request allowed by t is over without a response
// to learn from. sent reports whether it may have reached Discord; if not,
// it gives its place in the window back.
func (b *Bucket) abandon(t Ticket, sent bool) {
	b.InFlight = max(b.InFlight-1, 0)
	if !b.Reset.Equal(t.reset) {
		return // the window the request was counted in is over
	}
	switch {
	case t.probe && b.Probing:
		// Nothing learned: the next request goes first instead.
		b.Probing = false
		b.Reset = time.Time{}
	case !sent && b.Limit > 0:
		b.Remaining++
	}
}

// takeGlobal counts a request against the global limit of perSecond
// requests per second, in windows of one second, or returns how long to
// wait. With perSecond 0 it only keeps to pauses.
func (b *Bucket) takeGlobal(now time.Time, perSecond int) time.Duration {
	switch {
	case now.Before(b.Reset):
		if b.Remaining <= 0 {
			return b.Reset.Sub(now)
		}
		if perSecond > 0 {
			b.Remaining--
		}
	case perSecond > 0:
		b.Limit = perSecond
		b.Remaining = perSecond - 1
		b.Reset = now.Add(time.Second)
	}
	return 0
}

// pause lets nothing through b until until.
func (b *Bucket) pause(until time.Time) {
	b.Remaining = 0
	if until.After(b.Reset) {
		b.Reset = until
	}
}

// pauseGlobal lets nothing through the global limit b until until, as a
// 429 for the global limit asks. Discord's retry_after ends the pause even
// before the end of the window the limiter counts in, which the 429 shows
// to be out of step with Discord's; a pause already running to a later
// time stays. Limit 0 marks the pause.
func (b *Bucket) pauseGlobal(until time.Time) {
	b.Remaining = 0
	if b.Limit > 0 || until.After(b.Reset) {
		b.Limit = 0
		b.Reset = until
	}
}

// equal reports whether b and c hold the same state.
func (b Bucket) equal(c Bucket) bool {
	return b.Limit == c.Limit && b.Remaining == c.Remaining && b.Reset.Equal(c.Reset) &&
		b.InFlight == c.InFlight && b.Probing == c.Probing
}

// Package ratelimit keeps a Discord REST client within Discord's rate limits:
// it says when each request may be sent and learns the limits from the
// responses. It sends no requests itself and knows nothing of the API's
// routes beyond the [Route] it is given.
//
// A client calls [Limiter.Wait] before each request and [Limiter.Done] with
// its response:
//
//	t, err := limiter.Wait(ctx, route)
//	if err != nil {
//		return err
//	}
//	resp, err := httpClient.Do(req)
//	limiter.Done(t, resp) // resp is nil if err is not
//
// # Buckets
//
// Discord groups routes into buckets, and names a route's bucket in the
// X-RateLimit-Bucket header of its responses. Each bucket counts every value
// of the major parameter (channel, guild or webhook) on its own. Until a
// route's first response, its requests count against a provisional bucket of
// the route's method, path template and major parameter; afterwards, against
// the named bucket and the major parameter, which every route with that
// bucket shares. Requests queued on the provisional bucket move to the named
// one; only a request that starts at the very moment the name is learned can
// still go first on the provisional bucket.
//
// # Windows
//
// A bucket allows X-RateLimit-Limit requests per window. The limiter times
// windows with X-RateLimit-Reset-After, measured from the moment the response
// arrives, so the clocks of Discord and the host need not agree, and windows
// end a little late rather than early. X-RateLimit-Reset stands in only when
// Reset-After is missing.
//
// When nothing is known about a bucket, or its window is over, one request
// goes first and its response opens the next window; the others wait for it.
// Then no more requests start than the window has left, and a response lowers
// that count by the requests still in flight, since Discord may not have
// counted them yet. A late response to a request of an earlier window
// changes nothing. This costs one round trip at the start of each busy
// window, and keeps a burst from overrunning a window it cannot see. A route
// whose successful responses carry no limit has no limit of its own.
//
// # 429 Too Many Requests
//
// A 429 stops its bucket for the longer of the body's retry_after and
// X-RateLimit-Reset-After. A 429 for the global limit (X-RateLimit-Global,
// X-RateLimit-Scope "global" or the body's global) stops every route that
// counts towards the global limit, for retry_after. A 429 without any
// X-RateLimit header does not come from Discord's rate limiter but from
// Cloudflare, in front of it, and usually means the IP address is banned for
// too many invalid requests: the limiter then stops everything, interactions
// included, for Retry-After (a minute if absent), and counts the 429 as an
// invalid request like any other.
//
// # The global limit
//
// The limiter lets through at most 50 requests per second in all (see
// [WithGlobalLimit]), in windows of one second. Requests answering
// interactions (see [Route.Interaction]) do not count, as on Discord.
//
// # Invalid requests
//
// Discord bans, at Cloudflare, an IP address that makes 10,000 invalid
// requests (responses 401, 403 and 429, except a 429 with X-RateLimit-Scope
// "shared") in ten minutes. The limiter counts them over a sliding window of
// ten minutes and, from 9,000 on (see [WithInvalidRequestLimit]), fails every
// Wait at once with a [*WaitError] holding [ErrInvalidRequestBudget] until
// the count drops. The count belongs to the IP address, not to the bot, so it
// stays in the process even when the bucket state is shared: limiters on one
// host each count their own.
//
// # Waiting
//
// Requests that count against the same bucket leave in the order they called
// Wait. Only the first in line checks the bucket, and it sleeps on a timer
// until the bucket resets or until a response changes the bucket; the others
// wait for their turn on a channel, so nothing polls. The line holds one
// entry per goroutine blocked in Wait; each has a context to give up with, so
// the caller bounds its length. Wait fails at once with a [*WaitError] when
// the limit holding the request back runs past the context's deadline.
//
// # Shared state
//
// The buckets sit behind a [Store]: a [MemoryStore] by default, which forgets
// idle buckets so its memory stays bounded. Limiters in several processes can
// share a Store, and then keep to one set of limits together; the order of
// waiting requests holds within each process only. A request that never
// reaches [Limiter.Done] counts as in flight until its bucket is forgotten,
// and a probe whose response never comes holds its bucket for ten seconds.
//
// # Proxy mode
//
// With [WithProxy], for requests sent through a rate-limit proxy such as
// nirn-proxy, the limiter is off: Wait returns at once and Done does nothing.
//
// # Testing
//
// The limiter reads the time from the time package, so tests run it inside a
// testing/synctest bubble, where time is fake and a test that waits for a
// ten-second limit runs at once.
package ratelimit

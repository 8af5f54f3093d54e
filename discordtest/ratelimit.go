package discordtest

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"math"
	"net/http"
	"strconv"
	"sync"
	"time"
)

// RateLimitScope is the X-RateLimit-Scope of a 429: which limit was hit.
type RateLimitScope string

// The scopes of Discord's 429s, and the Cloudflare ban the fault API can
// imitate.
const (
	// ScopeUser is a per-route bucket of the bot: the 429 carries the
	// bucket's headers and X-RateLimit-Scope: user.
	ScopeUser RateLimitScope = "user"
	// ScopeGlobal is the bot's global limit (50 requests per second): the
	// 429 carries X-RateLimit-Global: true and X-RateLimit-Scope: global.
	ScopeGlobal RateLimitScope = "global"
	// ScopeShared is a limit on the resource shared by every user of it;
	// it does not count as an invalid request.
	ScopeShared RateLimitScope = "shared"
	// ScopeCloudflare is a 429 from Cloudflare in front of Discord: no
	// X-RateLimit-* headers, only Retry-After, and a body that is not JSON.
	ScopeCloudflare RateLimitScope = "cloudflare"
)

// limit is n requests per window.
type limit struct {
	n   int
	per time.Duration
}

// bucketGroups names the routes that share one limit, and so one
// X-RateLimit-Bucket; every other route is its own group. Discord shares the
// reaction limit between adding and removing reactions.
var bucketGroups = map[string]string{
	"PUT /channels/{channel_id}/messages/{message_id}/reactions/{emoji_name}/@me":          "reactions",
	"DELETE /channels/{channel_id}/messages/{message_id}/reactions/{emoji_name}/@me":       "reactions",
	"DELETE /channels/{channel_id}/messages/{message_id}/reactions/{emoji_name}/{user_id}": "reactions",
	"DELETE /channels/{channel_id}/messages/{message_id}/reactions/{emoji_name}":           "reactions",
	"DELETE /channels/{channel_id}/messages/{message_id}/reactions":                        "reactions",
}

// rateLimiter applies Discord's limits: a bucket per route group and major
// parameter, and a global limit per credential. Windows are fixed: the first
// request of a bucket opens one, and it resets when the window has passed.
type rateLimiter struct {
	now    func() time.Time
	def    limit
	routes map[string]limit // by route name
	global limit

	mu      sync.Mutex
	buckets map[string]*window // bucket hash + major value
	globals map[string]*window // by credential
}

type window struct {
	reset time.Time
	used  int
}

// bucketState is what the X-RateLimit-* headers report after a request.
type bucketState struct {
	hash       string
	limit      int
	remaining  int
	reset      time.Time
	resetAfter time.Duration
}

func newRateLimiter(cfg *config) *rateLimiter {
	return &rateLimiter{
		now: cfg.clock, def: cfg.rateLimit, routes: cfg.routeLimits, global: cfg.globalLimit,
		buckets: map[string]*window{}, globals: map[string]*window{},
	}
}

// bucketHash is the opaque X-RateLimit-Bucket of a route: the same for every
// route of a group and every value of the major parameter.
func bucketHash(rt *route) string {
	group, ok := bucketGroups[rt.name()]
	if !ok {
		group = rt.name()
	}
	sum := sha256.Sum256([]byte(group))
	return hex.EncodeToString(sum[:16])
}

// take counts a request against its bucket. The state is empty when per-route
// limits are off.
func (l *rateLimiter) take(rt *route, major string) (bucketState, bool) {
	lim := l.def
	if r, ok := l.routes[rt.name()]; ok {
		lim = r
	}
	if lim.n <= 0 {
		return bucketState{}, true
	}
	hash := bucketHash(rt)
	now := l.now()
	l.mu.Lock()
	defer l.mu.Unlock()
	w := l.buckets[hash+":"+major]
	if w == nil || !now.Before(w.reset) {
		w = &window{reset: now.Add(lim.per)}
		l.buckets[hash+":"+major] = w
	}
	st := bucketState{hash: hash, limit: lim.n, reset: w.reset, resetAfter: w.reset.Sub(now)}
	if w.used >= lim.n {
		return st, false
	}
	w.used++
	st.remaining = lim.n - w.used
	return st, true
}

// takeGlobal counts a request against the global limit of a credential and
// returns how long to wait when it is spent.
func (l *rateLimiter) takeGlobal(identity string) (time.Duration, bool) {
	if l.global.n <= 0 {
		return 0, true
	}
	now := l.now()
	l.mu.Lock()
	defer l.mu.Unlock()
	w := l.globals[identity]
	if w == nil || !now.Before(w.reset) {
		w = &window{reset: now.Add(l.global.per)}
		l.globals[identity] = w
	}
	if w.used >= l.global.n {
		return w.reset.Sub(now), false
	}
	w.used++
	return 0, true
}

// write sets the X-RateLimit-* headers of a bucket.
func (st bucketState) write(h http.Header) {
	h.Set("X-RateLimit-Limit", strconv.Itoa(st.limit))
	h.Set("X-RateLimit-Remaining", strconv.Itoa(st.remaining))
	h.Set("X-RateLimit-Reset", strconv.FormatFloat(float64(st.reset.UnixMilli())/1000, 'f', 3, 64))
	h.Set("X-RateLimit-Reset-After", seconds(st.resetAfter))
	h.Set("X-RateLimit-Bucket", st.hash)
}

// seconds formats a duration as fractional seconds to the millisecond.
func seconds(d time.Duration) string {
	return strconv.FormatFloat(roundSeconds(d), 'f', 3, 64)
}

func roundSeconds(d time.Duration) float64 {
	return math.Round(float64(d.Milliseconds())) / 1000
}

// retryAfterHeader is the standard Retry-After header: whole seconds,
// rounded up.
func retryAfterHeader(d time.Duration) string {
	return strconv.FormatInt(int64(math.Ceil(d.Seconds())), 10)
}

// rateLimitBody is the body of a 429.
type rateLimitBody struct {
	Message    string  `json:"message"`
	RetryAfter float64 `json:"retry_after"`
	Global     bool    `json:"global"`
}

// bucketLimited is a 429 of a route bucket (scope user or shared); header
// already holds the bucket's headers.
func bucketLimited(header http.Header, retry time.Duration, scope RateLimitScope) response {
	header.Set("X-RateLimit-Scope", string(scope))
	header.Set("Retry-After", retryAfterHeader(retry))
	b, _ := json.Marshal(rateLimitBody{Message: "You are being rate limited.", RetryAfter: roundSeconds(retry)})
	return response{status: http.StatusTooManyRequests, header: header, contentType: "application/json", body: b, scope: scope}
}

// globalLimited is a 429 of the global limit.
func globalLimited(header http.Header, retry time.Duration) response {
	header.Set("X-RateLimit-Global", "true")
	header.Set("X-RateLimit-Scope", string(ScopeGlobal))
	header.Set("Retry-After", retryAfterHeader(retry))
	b, _ := json.Marshal(rateLimitBody{Message: "You are being rate limited.", RetryAfter: roundSeconds(retry), Global: true})
	return response{status: http.StatusTooManyRequests, header: header, contentType: "application/json", body: b, scope: ScopeGlobal}
}

// cloudflareLimited is a 429 from Cloudflare: Retry-After only.
func cloudflareLimited(header http.Header, retry time.Duration) response {
	header.Set("Retry-After", retryAfterHeader(retry))
	return response{status: http.StatusTooManyRequests, header: header, contentType: "text/plain; charset=UTF-8",
		body: []byte("error code: 1015"), scope: ScopeCloudflare}
}

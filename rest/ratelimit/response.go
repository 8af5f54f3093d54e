package ratelimit

import (
	"bytes"
	"encoding/json"
	"io"
	"math"
	"net/http"
	"strconv"
	"strings"
	"time"
)

// The rate-limit headers, in canonical form.
const (
	headerLimit      = "X-Ratelimit-Limit"
	headerRemaining  = "X-Ratelimit-Remaining"
	headerReset      = "X-Ratelimit-Reset"
	headerResetAfter = "X-Ratelimit-Reset-After"
	headerBucket     = "X-Ratelimit-Bucket"
	headerGlobal     = "X-Ratelimit-Global"
	headerScope      = "X-Ratelimit-Scope"
	headerRetryAfter = "Retry-After"
)

// maxBody is how much of a 429's body Done reads.
const maxBody = 64 << 10

// response is what a response tells the limiter.
type response struct {
	status     int
	bucket     string        // X-RateLimit-Bucket
	hasLimit   bool          // limit, remaining and resetAfter were all sent
	limit      int           // X-RateLimit-Limit
	remaining  int           // X-RateLimit-Remaining
	resetAfter time.Duration // X-RateLimit-Reset-After, or else X-RateLimit-Reset
	global     bool          // a 429 for the global limit
	shared     bool          // a 429 for a shared resource's limit
	cloudflare bool          // a 429 without any rate-limit header
	retryAfter time.Duration // a 429's retry_after, or else its Retry-After
}

// parseResponse reads what resp tells the limiter, at now.
func parseResponse(resp *http.Response, now time.Time) response {
	h := resp.Header
	rl := response{status: resp.StatusCode, bucket: header(h, headerBucket)}

	limit, errLimit := strconv.Atoi(header(h, headerLimit))
	remaining, errRemaining := strconv.Atoi(header(h, headerRemaining))
	resetAfter, ok := seconds(header(h, headerResetAfter))
	if !ok {
		// X-RateLimit-Reset depends on the clocks agreeing, so it only
		// stands in for X-RateLimit-Reset-After.
		var reset time.Duration
		if reset, ok = seconds(header(h, headerReset)); ok {
			resetAfter = max(time.Unix(0, int64(reset)).Sub(now), 0)
		}
	}
	if errLimit == nil && errRemaining == nil && ok && limit > 0 && remaining >= 0 {
		rl.hasLimit, rl.limit, rl.remaining, rl.resetAfter = true, limit, remaining, resetAfter
	}
	if rl.status != http.StatusTooManyRequests {
		return rl
	}

	scope := header(h, headerScope)
	rl.global, _ = strconv.ParseBool(header(h, headerGlobal))
	rl.global = rl.global || scope == "global"
	rl.shared = scope == "shared"
	rl.cloudflare = true
	for k := range h {
		if strings.HasPrefix(k, "X-Ratelimit-") {
			rl.cloudflare = false
			break
		}
	}
	rl.retryAfter, _ = seconds(header(h, headerRetryAfter))

	var body struct {
		RetryAfter *float64 `json:"retry_after"`
		Global     bool     `json:"global"`
	}
	if resp.Body != nil {
		data, _ := io.ReadAll(io.LimitReader(resp.Body, maxBody))
		resp.Body = struct {
			io.Reader
			io.Closer
		}{io.MultiReader(bytes.NewReader(data), resp.Body), resp.Body}
		if json.Unmarshal(data, &body) == nil {
			rl.global = rl.global || body.Global
			if body.RetryAfter != nil && *body.RetryAfter >= 0 {
				rl.retryAfter = duration(*body.RetryAfter)
			}
		}
	}
	return rl
}

// header returns the first value of h under key, which is in canonical
// form already: this skips the work of Header.Get on every response.
func header(h http.Header, key string) string {
	if v := h[key]; len(v) > 0 {
		return v[0]
	}
	return ""
}

// invalid reports whether Discord counts the response towards the
// invalid-request limit.
func (rl response) invalid() bool {
	switch rl.status {
	case http.StatusUnauthorized, http.StatusForbidden:
		return true
	case http.StatusTooManyRequests:
		return !rl.shared
	}
	return false
}

// retry returns how long a 429 asks to wait, or def if it does not say.
func (rl response) retry(def time.Duration) time.Duration {
	if rl.retryAfter > 0 {
		return rl.retryAfter
	}
	return def
}

// seconds parses a count of seconds with an optional fraction, like "1.234".
func seconds(s string) (time.Duration, bool) {
	if s == "" {
		return 0, false
	}
	f, err := strconv.ParseFloat(s, 64)
	if err != nil || f < 0 || math.IsInf(f, 0) || math.IsNaN(f) {
		return 0, false
	}
	return duration(f), true
}

// duration converts seconds to a Duration, rounded to the nanosecond.
func duration(seconds float64) time.Duration {
	if seconds >= math.MaxInt64/float64(time.Second) {
		return math.MaxInt64
	}
	return time.Duration(math.Round(seconds * float64(time.Second)))
}

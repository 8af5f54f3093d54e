package discordtest

import (
	"fmt"
	"net/http"
	"net/url"
	"slices"
	"time"
)

// RecordedRequest is a REST request as the emulator saw it.
type RecordedRequest struct {
	Method string
	// Path is the request path, such as /api/v10/channels/123/messages.
	Path string
	// Route is the matched route, such as
	// "POST /channels/{channel_id}/messages"; empty when none matched.
	Route  string
	Query  url.Values
	Header http.Header
	// Body is the raw request body: JSON, form or multipart.
	Body []byte
	// Status is the status the emulator answered with.
	Status int
	Time   time.Time

	scope RateLimitScope // of a 429
}

// Requests returns the REST requests the emulator received, oldest first
// (the last 10,000).
func (s *Server) Requests() []RecordedRequest {
	s.rest.mu.Lock()
	defer s.rest.mu.Unlock()
	return slices.Clone(s.rest.log)
}

// ClearRequests empties the request log.
func (s *Server) ClearRequests() {
	s.rest.mu.Lock()
	s.rest.log = nil
	s.rest.mu.Unlock()
}

// InvalidRequests counts the responses Discord counts toward its limit of
// 10,000 invalid requests per 10 minutes: 401, 403 and 429, except 429s of
// scope shared.
func (s *Server) InvalidRequests() int {
	s.rest.mu.Lock()
	defer s.rest.mu.Unlock()
	return s.rest.invalid
}

// restFault is a forced response for a route or for every route.
type restFault struct {
	route      string // route name, "" for every route
	left       int    // responses still to force; negative: until cleared
	status     int
	scope      RateLimitScope
	retryAfter time.Duration
}

// ForceRateLimit makes the next n responses of a route 429s of the given
// scope, with retry_after set to retryAfter; n <= 0 forces them until
// ClearRESTFaults. The route is named by method and path template, such as
// "POST /channels/{channel_id}/messages", or by the spec's operation ID
// ("create_message"); "" means every route. ScopeUser and ScopeShared carry
// the route's bucket headers, ScopeGlobal the global headers, and
// ScopeCloudflare only Retry-After. It panics on an unknown route.
func (s *Server) ForceRateLimit(route string, n int, scope RateLimitScope, retryAfter time.Duration) {
	s.addFault(&restFault{route: s.routeName(route), left: count(n), status: http.StatusTooManyRequests, scope: scope, retryAfter: retryAfter})
}

// ForceStatus makes the next n responses of a route (or of every route, for
// "") answer with an HTTP status, such as 500, 502 or 503; n <= 0 forces it
// until ClearRESTFaults. A 502 has Cloudflare's HTML body, other statuses
// Discord's JSON error body. It panics on an unknown route.
func (s *Server) ForceStatus(route string, n int, status int) {
	s.addFault(&restFault{route: s.routeName(route), left: count(n), status: status})
}

// DelayResponses makes every response of a route (or of every route, for
// "") wait d before the emulator handles the request; 0 removes the delay.
// It panics on an unknown route.
func (s *Server) DelayResponses(route string, d time.Duration) {
	name := s.routeName(route)
	s.rest.mu.Lock()
	defer s.rest.mu.Unlock()
	if d <= 0 {
		delete(s.rest.delays, name)
		return
	}
	s.rest.delays[name] = d
}

// ClearRESTFaults removes every forced response and delay.
func (s *Server) ClearRESTFaults() {
	s.rest.mu.Lock()
	defer s.rest.mu.Unlock()
	s.rest.faults = nil
	clear(s.rest.delays)
}

func count(n int) int {
	if n <= 0 {
		return -1
	}
	return n
}

// routeName resolves a route given by name or operation ID.
func (s *Server) routeName(name string) string {
	if name == "" {
		return ""
	}
	rt, ok := s.rest.router.lookup(name)
	if !ok {
		panic(fmt.Sprintf("discordtest: unknown route %q", name))
	}
	return rt.name()
}

func (s *Server) addFault(f *restFault) {
	s.rest.mu.Lock()
	defer s.rest.mu.Unlock()
	s.rest.faults = append(s.rest.faults, f)
}

// takeFault returns the first fault that applies to a route and uses up one
// of its responses.
func (rs *restState) takeFault(rt *route) *restFault {
	rs.mu.Lock()
	defer rs.mu.Unlock()
	for i, f := range rs.faults {
		if f.route != "" && f.route != rt.name() {
			continue
		}
		if f.left > 0 {
			f.left--
			if f.left == 0 {
				rs.faults = slices.Delete(rs.faults, i, i+1)
			}
		}
		return f
	}
	return nil
}

// delay is how long a route's responses wait.
func (rs *restState) delay(rt *route) time.Duration {
	rs.mu.Lock()
	defer rs.mu.Unlock()
	if d, ok := rs.delays[rt.name()]; ok {
		return d
	}
	return rs.delays[""]
}

// faultResponse builds a forced response.
func (s *Server) faultResponse(header http.Header, rt *route, f *restFault) response {
	if f.status != http.StatusTooManyRequests {
		if f.status == http.StatusBadGateway {
			return response{status: f.status, header: header, contentType: "text/html",
				body: []byte("<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>cloudflare</center>\r\n</body>\r\n</html>\r\n")}
		}
		return errorResponse(header, &apiError{status: f.status, Message: fmt.Sprintf("%d: %s", f.status, http.StatusText(f.status))})
	}
	switch f.scope {
	case ScopeGlobal:
		return globalLimited(header, f.retryAfter)
	case ScopeCloudflare:
		return cloudflareLimited(header, f.retryAfter)
	}
	lim := s.rest.limiter.def
	if r, ok := s.rest.limiter.routes[rt.name()]; ok {
		lim = r
	}
	now := s.cfg.clock()
	bucketState{hash: bucketHash(rt), limit: max(lim.n, 1), reset: now.Add(f.retryAfter), resetAfter: f.retryAfter}.write(header)
	return bucketLimited(header, f.retryAfter, f.scope)
}

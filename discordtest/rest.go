package discordtest

//go:generate go run ../internal/gen/emulatorgen -shared ../../shared

import (
	"encoding/json"
	"errors"
	"io"
	"net"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/cordage/cordage/discord"
)

// maxRequestBody is the largest request body the emulator reads: Discord's
// 10 MiB per file times ten files, and room for the JSON.
const maxRequestBody = 110 << 20

// DefaultOAuth2Token is the Bearer token the emulator accepts on routes that
// take OAuth2 credentials. The emulator has no OAuth2 flow: the token acts as
// the bot's own user.
const DefaultOAuth2Token = "discordtest.oauth2.token"

// restState is the REST side of a Server: the route table, the rate limiter,
// the handlers of the routes kept with state, the faults and the request log.
type restState struct {
	router   *router
	limiter  *rateLimiter
	handlers map[string]handler

	mu      sync.Mutex // guards the fields below
	faults  []*restFault
	delays  map[string]time.Duration
	log     []RecordedRequest
	invalid int
}

// handler serves one operation with state. It returns the response body (nil
// for none) or an *apiError.
type handler func(c *call) (any, error)

// call is one REST request on its way through the emulator.
type call struct {
	s      *Server
	r      *http.Request
	route  *route
	params map[string]string
	auth   authFlags   // the credential the request carried
	body   any         // the JSON body decoded with UseNumber, or nil
	files  []upload    // multipart file parts
	status int         // the success status a handler chose, or 0 for the route's first
	header http.Header // extra response headers
}

// upload is one file part of a multipart body.
type upload struct {
	index       int // n of files[n]
	field       string
	filename    string
	contentType string
	data        []byte
}

// rawBody is a response body that is not JSON.
type rawBody struct {
	contentType string
	data        []byte
}

func newRESTState(cfg *config) *restState {
	return &restState{router: newRouter(routeTable), limiter: newRateLimiter(cfg), delays: map[string]time.Duration{}}
}

// serveREST answers the REST API under /api/v10 (and /api/v9).
func (s *Server) serveREST(w http.ResponseWriter, r *http.Request) {
	rec := RecordedRequest{Method: r.Method, Path: r.URL.Path, Query: r.URL.Query(), Header: r.Header.Clone(), Time: time.Now()}
	resp := s.handleREST(r, &rec)
	rec.Status, rec.scope = resp.status, resp.scope
	s.rest.record(rec)
	for k, v := range resp.header {
		w.Header()[k] = v
	}
	if resp.contentType != "" {
		w.Header().Set("Content-Type", resp.contentType)
	}
	w.WriteHeader(resp.status)
	w.Write(resp.body)
}

// response is what the emulator answers.
type response struct {
	status      int
	header      http.Header
	contentType string
	body        []byte
	scope       RateLimitScope // of a 429
}

func (s *Server) handleREST(r *http.Request, rec *RecordedRequest) response {
	header := http.Header{}
	path, ok := strings.CutPrefix(r.URL.EscapedPath(), "/api/v10")
	if !ok {
		path, ok = strings.CutPrefix(r.URL.EscapedPath(), "/api/v9")
	}
	ok = ok && (path == "" || path[0] == '/') // not /api/v10x
	body, err := io.ReadAll(http.MaxBytesReader(nil, r.Body, maxRequestBody))
	rec.Body = body
	if err != nil {
		return errorResponse(header, discordError(40005))
	}
	if !ok {
		return errorResponse(header, notFound())
	}
	rt, params, found := s.rest.router.match(r.Method, path)
	if rt == nil {
		if found {
			header.Set("Allow", strings.Join(s.rest.router.allowed(path), ", "))
			return errorResponse(header, &apiError{status: http.StatusMethodNotAllowed, Message: "405: Method Not Allowed"})
		}
		return errorResponse(header, notFound())
	}
	rec.Route = rt.name()
	c := &call{s: s, r: r, route: rt, params: params, header: header}
	var authorized bool
	if c.auth, authorized = s.authenticate(r, rt); !authorized {
		return errorResponse(header, &apiError{status: http.StatusUnauthorized, Message: "401: Unauthorized"})
	}
	if d := s.rest.delay(rt); d > 0 {
		t := time.NewTimer(d)
		select {
		case <-t.C:
		case <-r.Context().Done():
		case <-s.stop:
		}
		t.Stop()
	}
	if f := s.rest.takeFault(rt); f != nil {
		return s.faultResponse(header, rt, f)
	}
	if !s.exemptFromGlobal(c) {
		identity := "bot"
		if c.auth == authNone {
			identity, _, _ = net.SplitHostPort(r.RemoteAddr)
		} else if c.auth == authOAuth2 {
			identity = "oauth2"
		}
		if retry, ok := s.rest.limiter.takeGlobal(identity); !ok {
			return globalLimited(header, retry)
		}
	}
	if st, ok := s.rest.limiter.take(rt, c.majorKey()); st.hash != "" {
		st.write(header)
		if !ok {
			return bucketLimited(header, st.resetAfter, ScopeUser)
		}
	}
	if err := c.parse(body); err != nil {
		return failure(header, err)
	}
	h := s.rest.handlers[rt.Operation]
	if h == nil {
		h = (*call).schemaReply
	}
	out, err := h(c)
	if err != nil {
		return failure(header, err)
	}
	return c.encode(out)
}

// encode writes a handler's result: raw bytes as they are, nil as 204 (or
// an empty body with the chosen status), anything else as JSON completed
// with the fields the spec requires.
func (c *call) encode(out any) response {
	status := c.status
	if status == 0 {
		status = c.route.Success[0]
	}
	if raw, ok := out.(rawBody); ok {
		return response{status: status, header: c.header, contentType: raw.contentType, body: raw.data}
	}
	if out == nil {
		if c.status == 0 {
			status = http.StatusNoContent
		}
		return response{status: status, header: c.header}
	}
	b, err := json.Marshal(out)
	if err != nil {
		return errorResponse(c.header, &apiError{status: http.StatusInternalServerError, Message: "500: Internal Server Error"})
	}
	if op := spec().Operations[c.route.Operation]; op != nil {
		if sch := op.Responses[strconv.Itoa(status)]; sch != nil {
			if v := decodeJSON(b); v != nil {
				if fixed, err := json.Marshal(spec().conform(sch, v)); err == nil {
					b = fixed
				}
			}
		}
	}
	return response{status: status, header: c.header, contentType: "application/json", body: b}
}

// authenticate checks the Authorization header against what the route
// accepts: "Bot <token>", "Bearer <DefaultOAuth2Token>" or none.
func (s *Server) authenticate(r *http.Request, rt *route) (authFlags, bool) {
	h := r.Header.Get("Authorization")
	switch {
	case h == "":
		return authNone, rt.Auth&authNone != 0
	case h == "Bot "+s.cfg.token:
		return authBot, rt.Auth&authBot != 0
	case h == "Bearer "+DefaultOAuth2Token:
		return authOAuth2, rt.Auth&authOAuth2 != 0
	}
	return 0, false
}

// exemptFromGlobal reports whether a request is outside the bot's global
// limit: interaction callbacks and the routes that authenticate with a
// webhook token (interaction follow-ups among them).
func (s *Server) exemptFromGlobal(c *call) bool {
	return c.route.Operation == "create_interaction_response" || c.route.Major == "webhook_id+webhook_token"
}

// majorKey is the value of the route's major parameter, which keys its
// rate-limit bucket.
func (c *call) majorKey() string {
	switch c.route.Major {
	case "":
		return ""
	case "webhook_id+webhook_token":
		return c.params["webhook_id"] + "/" + c.params["webhook_token"]
	}
	return c.params[c.route.Major]
}

// snowflake returns a path parameter as a snowflake, 0 when it is not one.
func (c *call) snowflake(name string) discord.Snowflake {
	id, err := discord.ParseSnowflake(c.params[name])
	if err != nil {
		return 0
	}
	return id
}

// errorResponse writes Discord's JSON error body.
func errorResponse(header http.Header, e *apiError) response {
	b, _ := json.Marshal(e)
	return response{status: e.status, header: header, contentType: "application/json", body: b}
}

// failure answers with an error a handler returned.
func failure(header http.Header, err error) response {
	var ae *apiError
	if !errors.As(err, &ae) {
		ae = &apiError{status: http.StatusInternalServerError, Message: "500: Internal Server Error"}
	}
	return errorResponse(header, ae)
}

func notFound() *apiError {
	return &apiError{status: http.StatusNotFound, Message: "404: Not Found"}
}

// record keeps a request in the log, the newest last.
func (rs *restState) record(rec RecordedRequest) {
	rs.mu.Lock()
	defer rs.mu.Unlock()
	switch {
	case rec.Status == http.StatusUnauthorized || rec.Status == http.StatusForbidden:
		rs.invalid++
	case rec.Status == http.StatusTooManyRequests && rec.scope != ScopeShared:
		rs.invalid++
	}
	rs.log = append(rs.log, rec)
	if len(rs.log) > maxRecorded {
		rs.log = append(rs.log[:0], rs.log[len(rs.log)-maxRecorded:]...)
	}
}

// maxRecorded is how many requests the log keeps.
const maxRecorded = 10000

package rest

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"math/rand/v2"
	"net/http"
	"net/url"
	"reflect"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/cordage/cordage/internal/codec"
	"github.com/cordage/cordage/rest/ratelimit"
)

// Version is cordage's version, sent in the User-Agent.
const Version = "0.1.0"

// DefaultBaseURL is Discord's API, version 10.
const DefaultBaseURL = "https://discord.com/api/v10"

// maxResponseError is how much of an error response the client reads.
const maxResponseError = 64 << 10

// Client calls Discord's REST API. It is safe for concurrent use; create one
// per bot with New and share it.
type Client struct {
	auth       string // the Authorization header
	base       string
	http       *http.Client
	limiter    *ratelimit.Limiter
	userAgent  string
	maxRetries int
	logger     *slog.Logger

	// fatal holds the error of a 401: the token is invalid and every later
	// request fails with it instead of counting against the invalid-request
	// budget.
	fatal atomic.Pointer[Error]

	resources
}

// Option configures a Client.
type Option func(*Client)

// WithBaseURL sends requests to base instead of Discord, such as a
// discordtest server's URL or a rate-limit proxy (then also use
// WithoutRateLimiter).
func WithBaseURL(base string) Option {
	return func(c *Client) { c.base = strings.TrimSuffix(base, "/") }
}

// WithHTTPClient sends requests with hc; the default is a client of its own
// with sane timeouts.
func WithHTTPClient(hc *http.Client) Option { return func(c *Client) { c.http = hc } }

// WithRateLimiter uses l, for example to share one limiter between clients
// of the same bot; the default is a new ratelimit.Limiter.
func WithRateLimiter(l *ratelimit.Limiter) Option { return func(c *Client) { c.limiter = l } }

// WithoutRateLimiter switches the local rate limiter off, for a base URL
// that is a rate-limit proxy which does the limiting.
func WithoutRateLimiter() Option {
	return func(c *Client) { c.limiter = ratelimit.New(ratelimit.WithProxy()) }
}

// WithUserAgent appends text to the User-Agent Discord requires,
// "DiscordBot (https://github.com/cordage/cordage, <version>)".
func WithUserAgent(text string) Option {
	return func(c *Client) { c.userAgent += " " + text }
}

// WithRetries sets how often a request is retried after a 5xx response or a
// network error (idempotent requests only) or a 429 (any request); the
// default is 3.
func WithRetries(n int) Option { return func(c *Client) { c.maxRetries = n } }

// WithLogger logs retries; the default is slog.Default().
func WithLogger(l *slog.Logger) Option { return func(c *Client) { c.logger = l } }

// New returns a client authorised by a bot token. A token that starts with
// "Bot " or "Bearer " is used as the whole Authorization header, so New
// also makes an OAuth2 client from "Bearer <token>".
func New(token string, opts ...Option) *Client {
	auth := token
	if !strings.HasPrefix(token, "Bot ") && !strings.HasPrefix(token, "Bearer ") {
		auth = "Bot " + token
	}
	c := &Client{
		auth:       auth,
		base:       DefaultBaseURL,
		userAgent:  "DiscordBot (https://github.com/cordage/cordage, " + Version + ")",
		maxRetries: 3,
	}
	for _, o := range opts {
		o(c)
	}
	if c.http == nil {
		c.http = &http.Client{Timeout: 2 * time.Minute}
	}
	if c.limiter == nil {
		c.limiter = ratelimit.New()
	}
	if c.logger == nil {
		c.logger = slog.Default()
	}
	c.resources = newResources(c)
	return c
}

// Request is one call of a route.
type Request struct {
	// Params fill the route's path parameters, in order.
	Params []string
	// Query is the query string.
	Query url.Values
	// Body is encoded as JSON; if it has a Validate method, it runs first.
	Body any
	// Files are uploaded with the body as multipart/form-data: files[n]
	// parts and the JSON in payload_json.
	Files []File
	// Reason is written to the guild's audit log (X-Audit-Log-Reason).
	Reason string
	// Interaction marks a call with an interaction token, which does not
	// count against the global rate limit.
	Interaction bool
	// NoAuth leaves the Authorization header out, for routes authorised by a
	// token in the path.
	NoAuth bool
}

// ErrUnauthorized is wrapped by the error of every request after Discord
// answered 401: the token is invalid, and the client stops sending.
var ErrUnauthorized = errors.New("rest: the token was rejected (401); no more requests are sent")

// ErrWrongAuth is wrapped by the error of a call to a route that does not
// accept the client's kind of token, such as an OAuth2-only route called
// with a bot token. Such a call is never sent: Discord would answer 401,
// which would stop the client.
var ErrWrongAuth = errors.New("the route does not accept this kind of token")

// checkAuth refuses routes that do not accept the client's token.
func (c *Client) checkAuth(route *Route, req Request) error {
	if req.NoAuth || route.Auth.Has(AuthNone) || route.Auth == 0 {
		return nil
	}
	kind := AuthBot
	if strings.HasPrefix(c.auth, "Bearer ") {
		kind = AuthBearer
	}
	if !route.Auth.Has(kind) {
		return fmt.Errorf("rest: %s: %w (it accepts %s)", route, ErrWrongAuth, route.Auth)
	}
	return nil
}

// Do calls route and decodes the JSON response into out, unless out is nil.
// It validates the body, waits for the rate limiter, and retries 429s, and
// 5xx responses and network errors of idempotent requests, with backoff.
func (c *Client) Do(ctx context.Context, route *Route, req Request, out any) error {
	if e := c.fatal.Load(); e != nil {
		return fmt.Errorf("%w: %w", ErrUnauthorized, e)
	}
	if err := c.checkAuth(route, req); err != nil {
		return err
	}
	if isNil(req.Body) {
		req.Body = nil
	}
	if v, ok := req.Body.(interface{ Validate() error }); ok {
		if err := v.Validate(); err != nil {
			return err
		}
	}
	target, err := route.URL(c.base, req.Params...)
	if err != nil {
		return fmt.Errorf("rest: %s: %w", route, err)
	}
	if len(req.Query) > 0 {
		target += "?" + req.Query.Encode()
	}
	major, err := route.MajorValue(req.Params...)
	if err != nil {
		return fmt.Errorf("rest: %s: %w", route, err)
	}
	var payload []byte
	if req.Body != nil {
		if payload, err = json.Marshal(req.Body); err != nil {
			return fmt.Errorf("rest: %s: encode body: %w", route, err)
		}
	}
	rl := ratelimit.Route{Method: route.Method, Path: route.Path, Major: major, Interaction: req.Interaction}

	for attempt := 0; ; attempt++ {
		if attempt > 0 && !rewindable(req.Files) {
			return fmt.Errorf("rest: %s: %w", route, errNotRewindable)
		}
		resp, err := c.send(ctx, route, rl, target, req, payload)
		if err != nil {
			if ctx.Err() != nil || !idempotent(route.Method) || attempt >= c.maxRetries || isPermanent(err) {
				return err
			}
			c.retry(ctx, route, attempt, err)
			continue
		}
		if resp.StatusCode < 300 {
			return decode(route, resp, out)
		}
		body, _ := io.ReadAll(io.LimitReader(resp.Body, maxResponseError))
		resp.Body.Close()
		apiErr := parseError(route.Method, route.Path, route.redactedURL(c.base, req.Params...), resp.StatusCode, resp.Header, body)
		switch {
		case resp.StatusCode == http.StatusUnauthorized && !req.NoAuth && !route.Auth.Has(AuthNone):
			// Only a route that needs the token can reject it; on a route
			// authorised by a token in its path (webhooks, interactions),
			// a 401 is about that token.
			c.fatal.Store(apiErr)
			return fmt.Errorf("%w: %w", ErrUnauthorized, apiErr)
		case resp.StatusCode == http.StatusTooManyRequests && attempt < c.maxRetries:
			// The limiter learned the pause from the response; waiting
			// for it again is the backoff.
			c.logger.DebugContext(ctx, "rest: rate limited, retrying", "route", route.String(), "retry_after", apiErr.RetryAfter)
			continue
		case resp.StatusCode >= 500 && idempotent(route.Method) && attempt < c.maxRetries:
			c.retry(ctx, route, attempt, apiErr)
			continue
		}
		return apiErr
	}
}

// send makes one attempt: wait for the limiter, send, tell the limiter.
func (c *Client) send(ctx context.Context, route *Route, rl ratelimit.Route, target string, req Request, payload []byte) (*http.Response, error) {
	ticket, err := c.limiter.Wait(ctx, rl)
	if err != nil {
		return nil, fmt.Errorf("rest: %s: %w", route, err)
	}
	hreq, err := c.newRequest(ctx, route, target, req, payload)
	if err != nil {
		c.limiter.Done(ticket, nil)
		return nil, err
	}
	resp, err := c.http.Do(hreq)
	if err != nil {
		c.limiter.Done(ticket, nil)
		return nil, fmt.Errorf("rest: %s: %w", route, err)
	}
	c.limiter.Done(ticket, resp)
	return resp, nil
}

func (c *Client) newRequest(ctx context.Context, route *Route, target string, req Request, payload []byte) (*http.Request, error) {
	var body io.Reader
	contentType := ""
	switch {
	case len(req.Files) > 0:
		r, ct, err := multipartBody(payload, req.Files)
		if err != nil {
			return nil, fmt.Errorf("rest: %s: %w", route, err)
		}
		body, contentType = r, ct
	case payload != nil:
		body, contentType = bytes.NewReader(payload), "application/json"
	}
	hreq, err := http.NewRequestWithContext(ctx, route.Method, target, body)
	if err != nil {
		return nil, fmt.Errorf("rest: %s: %w", route, err)
	}
	if !req.NoAuth {
		hreq.Header.Set("Authorization", c.auth)
	}
	hreq.Header.Set("User-Agent", c.userAgent)
	if contentType != "" {
		hreq.Header.Set("Content-Type", contentType)
	}
	if req.Reason != "" {
		hreq.Header.Set("X-Audit-Log-Reason", url.PathEscape(req.Reason))
	}
	return hreq, nil
}

// retry waits before the next attempt: exponential backoff with full jitter.
func (c *Client) retry(ctx context.Context, route *Route, attempt int, cause error) {
	d := time.Duration(rand.Int64N(int64(250*time.Millisecond) << attempt))
	c.logger.DebugContext(ctx, "rest: retrying", "route", route.String(), "attempt", attempt+1, "wait", d, "error", cause)
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
	case <-ctx.Done():
	}
}

func decode(route *Route, resp *http.Response, out any) error {
	defer resp.Body.Close()
	if out == nil || resp.StatusCode == http.StatusNoContent {
		io.Copy(io.Discard, io.LimitReader(resp.Body, maxResponseError))
		return nil
	}
	if b, ok := out.(*[]byte); ok {
		data, err := io.ReadAll(resp.Body)
		*b = data
		return err
	}
	buf := bodyBuffers.Get().(*bytes.Buffer)
	defer func() {
		if buf.Cap() <= maxPooledBody {
			bodyBuffers.Put(buf)
		}
	}()
	buf.Reset()
	if resp.ContentLength > 0 && resp.ContentLength <= maxPrealloc {
		buf.Grow(int(resp.ContentLength))
	}
	if _, err := buf.ReadFrom(resp.Body); err != nil {
		return fmt.Errorf("rest: %s: read response: %w", route, err)
	}
	data := bytes.TrimSpace(buf.Bytes())
	if len(data) == 0 {
		return nil
	}
	// The decoded value keeps no reference to data, so buf is reused.
	if err := codec.Unmarshal(data, out); err != nil {
		return fmt.Errorf("rest: %s: decode response: %w", route, err)
	}
	return nil
}

const (
	// maxPrealloc bounds the buffer sized from a response's Content-Length.
	maxPrealloc = 8 << 20
	// maxPooledBody bounds the buffers kept for reuse.
	maxPooledBody = 1 << 20
)

// bodyBuffers holds the buffers responses are read into before decoding.
var bodyBuffers = sync.Pool{New: func() any { return new(bytes.Buffer) }}

// idempotent reports whether a request may be sent again after a failure
// whose outcome is unknown.
func idempotent(method string) bool {
	switch method {
	case http.MethodGet, http.MethodHead, http.MethodPut, http.MethodDelete, http.MethodOptions:
		return true
	}
	return false
}

// isPermanent reports errors that a retry cannot fix: the rate limiter's
// refusals and an unrewindable upload.
func isPermanent(err error) bool {
	var we *ratelimit.WaitError
	return errors.As(err, &we) || errors.Is(err, errNotRewindable)
}

// isNil reports a nil body, including a typed nil pointer.
func isNil(v any) bool {
	rv := reflect.ValueOf(v)
	return !rv.IsValid() || rv.Kind() == reflect.Pointer && rv.IsNil()
}

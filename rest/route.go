package rest

import (
	"fmt"
	"net/url"
	"strings"
)

//go:generate go run ../internal/gen/restgen -shared ../../shared

// Route is one endpoint of Discord's API: an operation of Discord's OpenAPI
// spec. Every request the client sends goes through a Route, so the table of
// routes ([Routes], and one Route variable per operation such as
// [RouteCreateMessage]) is the single truth about the endpoints: the
// resources are thin typed methods over it, and the rate limiter keys its
// buckets on it.
//
// The routes are generated from the spec; treat them as constants.
type Route struct {
	// Method is the HTTP method, like "POST".
	Method string

	// Path is the path template below the API's base URL, written as the
	// spec writes it, like "/channels/{channel_id}/messages". Each
	// {name} is a parameter that [Route.URL] fills in.
	Path string

	// Major names the route's top-level parameter for rate limits:
	// "channel_id", "guild_id", "webhook_id", "webhook_id+webhook_token",
	// or "" when the route has none. Discord counts each value of the major
	// parameter against its own bucket. Only a path that starts with
	// /channels/{channel_id}, /guilds/{guild_id} or /webhooks/{webhook_id}
	// has one.
	Major string

	// OperationID is the operation's id in Discord's OpenAPI spec, like
	// "create_message".
	OperationID string

	// Resource and Action name the method of the REST client that calls the
	// route: Resource is the field of the client, one per Discord area
	// ("Messages"), and Action the method on it ("Create"), so
	// RouteCreateMessage is called by c.Messages.Create. No two routes
	// share a Resource and Action.
	Resource, Action string

	// Auth is the set of credentials the route accepts. [AuthNone] in it
	// means the route works without an Authorization header, like the
	// routes of webhooks authorised by their token in the path.
	Auth Auth

	// JSON reports that the route takes an application/json body, and
	// Multipart that it takes a multipart/form-data body with files. A route
	// may take either. Request names the body's Go type.
	JSON, Multipart bool

	// Request is the Go type of the request body, like
	// "discord.CreateMessageRequest", or "" when the route takes no body or
	// its body has no Go type yet. A route that takes one of several bodies
	// lists them the way a Go type set does, the usual one first:
	// "discord.UpdateChannelRequest | discord.UpdateThreadRequest | ...".
	Request string

	// Response is the Go type of the response body, like "discord.Message"
	// or "[]discord.Channel", or "" when the route answers with no body.
	// Routes with several success statuses may answer some with no body
	// (see Success), and may list several types like Request.
	Response string

	// Success lists the statuses Discord answers a successful request with,
	// the usual one first.
	Success []int

	// Query lists the names of the query parameters the route accepts; the
	// resource method takes them as the route's options struct, named after
	// the route: RouteListMessages has ListMessagesOptions.
	Query []string
}

// Auth is a set of the credentials a route accepts.
type Auth uint8

// The credentials a route may accept.
const (
	// AuthBot is a bot token: "Authorization: Bot <token>".
	AuthBot Auth = 1 << iota
	// AuthBearer is an OAuth2 access token: "Authorization: Bearer <token>".
	AuthBearer
	// AuthNone is no Authorization header at all.
	AuthNone
)

// Has reports whether a holds every credential of b.
func (a Auth) Has(b Auth) bool { return a&b == b }

// String returns the credentials, like "Bot|None".
func (a Auth) String() string {
	var parts []string
	for _, c := range [...]struct {
		a    Auth
		name string
	}{{AuthBot, "Bot"}, {AuthBearer, "Bearer"}, {AuthNone, "None"}} {
		if a&c.a != 0 {
			parts = append(parts, c.name)
			a &^= c.a
		}
	}
	if a != 0 {
		parts = append(parts, fmt.Sprintf("Auth(%#x)", uint8(a)))
	}
	if len(parts) == 0 {
		return "Auth(0)"
	}
	return strings.Join(parts, "|")
}

// String returns the route's method and path template, like
// "POST /channels/{channel_id}/messages".
func (r Route) String() string { return r.Method + " " + r.Path }

// Name returns the client method that calls the route, like
// "Messages.Create".
func (r Route) Name() string { return r.Resource + "." + r.Action }

// Params returns the names of the route's path parameters in the order they
// appear, like ["channel_id", "message_id"].
func (r Route) Params() []string {
	var names []string
	for rest := r.Path; ; {
		i := strings.IndexByte(rest, '{')
		if i < 0 {
			return names
		}
		j := strings.IndexByte(rest[i:], '}')
		if j < 0 {
			return names
		}
		names = append(names, rest[i+1:i+j])
		rest = rest[i+j+1:]
	}
}

// URL returns the URL of a request on the route: base (the API's base URL,
// like "https://discord.com/api/v10"), then the path with each parameter
// replaced, in order, by params. Each value is escaped as one path segment,
// so pass values as they are: an emoji as "🔥" or "name:id", not
// percent-encoded. URL fails when the number of values is wrong, or when a
// value is empty, "." or "..", which would send the request to another
// route than the one it was rate-limited as.
func (r Route) URL(base string, params ...string) (string, error) {
	return r.fill(base, params, false)
}

// redactedURL is URL with the values of token parameters (webhook and
// interaction tokens) left as their {name}, for errors and logs.
func (r Route) redactedURL(base string, params ...string) string {
	u, err := r.fill(base, params, true)
	if err != nil {
		return strings.TrimSuffix(base, "/") + r.Path
	}
	return u
}

func (r Route) fill(base string, params []string, redact bool) (string, error) {
	var b strings.Builder
	b.Grow(len(base) + len(r.Path) + 24*len(params))
	b.WriteString(strings.TrimSuffix(base, "/"))
	n := 0
	for rest := r.Path; ; {
		i := strings.IndexByte(rest, '{')
		if i < 0 {
			b.WriteString(rest)
			break
		}
		j := strings.IndexByte(rest[i:], '}')
		if j < 0 {
			return "", fmt.Errorf("rest: %v: unterminated parameter in path", r)
		}
		name := rest[i+1 : i+j]
		b.WriteString(rest[:i])
		rest = rest[i+j+1:]
		if n >= len(params) {
			n++
			continue // counted, reported below
		}
		v := params[n]
		n++
		switch v {
		case "", ".", "..":
			return "", fmt.Errorf("rest: %v: %s is %q", r, name, v)
		}
		if redact && strings.HasSuffix(name, "token") {
			b.WriteString("{" + name + "}")
			continue
		}
		b.WriteString(url.PathEscape(v))
	}
	if n != len(params) {
		return "", fmt.Errorf("rest: %v: %d path parameters given, want %d", r, len(params), n)
	}
	return b.String(), nil
}

// MajorValue returns the value of the route's major parameter among params
// (given in path order, as to [Route.URL]): the channel, guild or webhook
// ID, or for "webhook_id+webhook_token" the ID and token joined by "/". It
// returns "" for a route without a major parameter, and fails when params
// has no value for it.
func (r Route) MajorValue(params ...string) (string, error) {
	if r.Major == "" {
		return "", nil
	}
	names := r.Params()
	value := func(name string) (string, error) {
		for i, n := range names {
			if n == name {
				if i >= len(params) || params[i] == "" {
					break
				}
				return params[i], nil
			}
		}
		return "", fmt.Errorf("rest: %v: no value for the major parameter %s", r, name)
	}
	id, token, both := strings.Cut(r.Major, "+")
	v, err := value(id)
	if err != nil || !both {
		return v, err
	}
	t, err := value(token)
	if err != nil {
		return "", err
	}
	return v + "/" + t, nil
}

// Key returns the rate-limit key of a request on the route with the given
// value of its major parameter (see [Route.MajorValue]): the method, the path
// template and the value, like "POST /channels/{channel_id}/messages 1234".
// Requests with the same key count against the same bucket until Discord
// names the bucket, which may then be shared by several routes.
func (r Route) Key(major string) string {
	return r.Method + " " + r.Path + " " + major
}

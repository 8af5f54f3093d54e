package rest

import (
	"context"
	"errors"
	"fmt"
	"net/url"
	"strings"
)

// RequestOption adds to a call of a resource method: an audit log reason,
// files, query parameters.
type RequestOption func(*Request)

// WithReason writes reason to the guild's audit log for this action.
func WithReason(reason string) RequestOption { return func(r *Request) { r.Reason = reason } }

// WithFiles uploads files with the request; the request body's attachments
// refer to them by their index.
func WithFiles(files ...File) RequestOption {
	return func(r *Request) { r.Files = append(r.Files, files...) }
}

// WithQuery sets a query parameter; several values repeat the key, as Discord
// expects for lists.
func WithQuery(key string, values ...string) RequestOption {
	return func(r *Request) {
		if r.Query == nil {
			r.Query = url.Values{}
		}
		r.Query[key] = append(r.Query[key], values...)
	}
}

// WithInteraction marks a call made with an interaction token (follow-ups,
// edits of the original response), which Discord does not count against the
// global rate limit. Calls of interaction routes are marked already.
func WithInteraction() RequestOption { return func(r *Request) { r.Interaction = true } }

// ErrInvalidQuery is wrapped by the error of a call whose query options
// break the rules of Discord's spec: a required parameter left out, a limit
// out of range, too many values in a list. Such a call is never sent.
var ErrInvalidQuery = errors.New("invalid query parameters")

// queryOptions is implemented by the options structs of the routes with
// query parameters (ListMessagesOptions, ...); a nil pointer sends none.
type queryOptions interface {
	values() (url.Values, error)
}

// call runs a resource method's request.
func (c *Client) call(ctx context.Context, route *Route, params []string, query queryOptions, body, out any, opts []RequestOption) error {
	req := Request{Params: params, Body: body}
	if query != nil {
		q, err := query.values()
		if err != nil {
			return fmt.Errorf("rest: %s: %w", route, err)
		}
		req.Query = q
	}
	if strings.Contains(route.Path, "{interaction_token}") {
		req.Interaction = true
	}
	for _, o := range opts {
		o(&req)
	}
	return c.Do(ctx, route, req, out)
}

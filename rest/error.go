package rest

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math"
	"net/http"
	"strconv"
	"strings"
	"time"
)

// Code is a JSON error code of Discord's API: the "code" of an error body,
// like 50013 ([CodeMissingPermissions]). Each code Discord's docs list has a
// constant.
//
// A Code is an error, so the constants serve as sentinels: errors.Is(err,
// rest.CodeUnknownChannel) reports whether err is, or wraps, an [*Error]
// with that code. Codes Discord adds later keep their number and still
// compare equal.
type Code int

// String returns the meaning Discord's docs give the code, like "Unknown
// channel", or "Code(n)" for a code they do not list.
func (c Code) String() string {
	if m, ok := codeMeanings[c]; ok {
		return m
	}
	return "Code(" + strconv.Itoa(int(c)) + ")"
}

// Error returns the code and its meaning, like "rest: 10003 Unknown channel".
func (c Code) Error() string {
	return "rest: " + strconv.Itoa(int(c)) + " " + c.String()
}

// FieldError is one problem Discord found in one field of a request body.
type FieldError struct {
	// Path is the field, like "embeds[0].description": object keys joined
	// by dots, array indexes in brackets. It is "" for a problem with the
	// body as a whole.
	Path string

	// Code is Discord's name for the problem, like "BASE_TYPE_MAX_LENGTH".
	Code string

	// Message explains the problem, like "Must be 2000 or fewer in length."
	Message string
}

// String returns the path, the code and the message, like
// "content: BASE_TYPE_MAX_LENGTH Must be 2000 or fewer in length.".
func (f FieldError) String() string {
	s := f.Message
	if f.Code != "" {
		s = strings.TrimSpace(f.Code + " " + s)
	}
	if f.Path != "" {
		s = f.Path + ": " + s
	}
	return s
}

// Error is a request that failed with an HTTP status Discord (or a proxy in
// front of it) answered: a 4xx or 5xx. It says what was being done (Method
// and Route), what Discord said (Status, Code, Message, Fields), and for a
// 429 how long the rate limit still runs. Use errors.As to get it, and
// errors.Is with a [Code] to test for one code:
//
//	var restErr *rest.Error
//	if errors.As(err, &restErr) && restErr.Status == http.StatusNotFound { ... }
//	if errors.Is(err, rest.CodeMissingPermissions) { ... }
type Error struct {
	// Method is the request's HTTP method, like "POST".
	Method string

	// Route is the route's path template, like
	// "/channels/{channel_id}/messages": the same for every request of the
	// route, so it groups errors in logs and metrics.
	Route string

	// URL is the request's URL. The client puts webhook and interaction
	// tokens in it back as their {name}, so it is safe to log.
	URL string

	// Status is the HTTP status of the response, like 403.
	Status int

	// Code is Discord's JSON error code. It is 0 ([CodeGeneralError]) when
	// the response carried no code, as for a body that is not Discord's
	// JSON.
	Code Code

	// Message is Discord's message, like "Missing Permissions", or "" when
	// the response carried none.
	Message string

	// Fields are the problems Discord found in the fields of the request
	// body (code 50035, Invalid Form Body), in the order Discord listed
	// them.
	Fields []FieldError

	// RetryAfter is how long to wait before trying again, from a 429's
	// retry_after or the Retry-After header; 0 when the response named no
	// wait.
	RetryAfter time.Duration

	// Global reports a 429 for the global rate limit rather than a route's.
	Global bool

	// Scope is the X-RateLimit-Scope of a 429: "user" (the route's limit),
	// "global" or "shared" (a limit on the resource, shared with others,
	// which does not count as an invalid request). It is "" when absent.
	Scope string

	// Body holds the start of a response body that is not Discord's JSON,
	// like a proxy's HTML error page, for diagnosis; it is nil otherwise.
	Body []byte
}

// maxErrorBody is how much of a body that is not Discord's JSON an Error
// keeps.
const maxErrorBody = 1024

// maxPrintedFields is how many field errors Error prints.
const maxPrintedFields = 5

// Error says what was being done and what Discord answered, like
// "rest: POST /channels/{channel_id}/messages: 50035 Invalid Form Body:
// content: BASE_TYPE_MAX_LENGTH Must be 2000 or fewer in length.".
func (e *Error) Error() string {
	var b strings.Builder
	b.WriteString("rest: ")
	if what := strings.TrimSpace(e.Method + " " + e.Route); what != "" {
		b.WriteString(what + ": ")
	}
	status := strconv.Itoa(e.Status)
	switch {
	case e.Code != 0:
		msg := e.Message
		if msg == "" {
			msg = e.Code.String()
		}
		b.WriteString(strconv.Itoa(int(e.Code)) + " " + msg)
	case e.Message != "":
		// Discord's messages without a code already start with the status,
		// like "404: Not Found".
		if !strings.HasPrefix(e.Message, status) {
			b.WriteString(status + " ")
		}
		b.WriteString(e.Message)
	default:
		b.WriteString(status)
		if t := http.StatusText(e.Status); t != "" {
			b.WriteString(" " + t)
		}
	}
	for i, f := range e.Fields {
		if i == maxPrintedFields {
			fmt.Fprintf(&b, "; and %d more", len(e.Fields)-i)
			break
		}
		if i == 0 {
			b.WriteString(": ")
		} else {
			b.WriteString("; ")
		}
		b.WriteString(f.String())
	}
	if e.Status == http.StatusTooManyRequests || e.RetryAfter > 0 {
		b.WriteString(" (")
		switch {
		case e.Global:
			b.WriteString("global rate limit, ")
		case e.Scope == "shared":
			b.WriteString("shared rate limit, ")
		}
		b.WriteString("retry after " + e.RetryAfter.String() + ")")
	}
	return b.String()
}

// Is reports whether target is the Code of e, so that errors.Is(err,
// CodeUnknownChannel) works.
func (e *Error) Is(target error) bool {
	c, ok := target.(Code)
	return ok && e.Code == c
}

// parseError builds the Error of a failed request from its response:
// Discord's JSON error body (code, message, the nested errors of an Invalid
// Form Body), the 429 body (retry_after, global) and the rate-limit
// headers. A body that is not Discord's JSON, or no body, leaves Code,
// Message and Fields empty and keeps the status; parseError never fails.
// url should already have its tokens redacted (see Route.redactedURL).
func parseError(method, route, url string, status int, header http.Header, body []byte) *Error {
	e := &Error{Method: method, Route: route, URL: url, Status: status}
	if !decodeErrorBody(e, body) {
		if b := bytes.TrimSpace(body); len(b) > 0 {
			e.Body = bytes.Clone(b[:min(len(b), maxErrorBody)])
		}
	}
	if header != nil {
		e.Scope = header.Get("X-RateLimit-Scope")
		if e.Scope == "global" || strings.EqualFold(header.Get("X-RateLimit-Global"), "true") {
			e.Global = true
		}
		if e.RetryAfter == 0 {
			d, ok := seconds(header.Get("Retry-After"))
			if !ok && status == http.StatusTooManyRequests {
				d, _ = seconds(header.Get("X-RateLimit-Reset-After"))
			}
			e.RetryAfter = d
		}
	}
	return e
}

// decodeErrorBody fills e from a JSON error body and reports whether the
// body was one. Each field is decoded on its own, so a field of an
// unexpected type spoils only itself.
func decodeErrorBody(e *Error, body []byte) bool {
	var top map[string]json.RawMessage
	if json.Unmarshal(body, &top) != nil {
		return false
	}
	known := false
	if raw, ok := top["code"]; ok {
		var n json.Number
		if json.Unmarshal(raw, &n) == nil {
			if v, err := n.Int64(); err == nil && v >= math.MinInt32 && v <= math.MaxInt32 {
				e.Code = Code(v)
				known = true
			}
		}
	}
	if raw, ok := top["message"]; ok {
		known = json.Unmarshal(raw, &e.Message) == nil || known
	}
	if raw, ok := top["retry_after"]; ok {
		var n json.Number
		if json.Unmarshal(raw, &n) == nil {
			if f, err := n.Float64(); err == nil {
				e.RetryAfter = duration(f)
				known = true
			}
		}
	}
	if raw, ok := top["global"]; ok {
		known = json.Unmarshal(raw, &e.Global) == nil || known
	}
	if raw, ok := top["errors"]; ok {
		e.Fields = flattenFieldErrors(raw)
		known = true
	}
	return known
}

// seconds parses a header value in seconds, which may have a fraction.
func seconds(s string) (time.Duration, bool) {
	if s == "" {
		return 0, false
	}
	f, err := strconv.ParseFloat(strings.TrimSpace(s), 64)
	if err != nil {
		return 0, false
	}
	return duration(f), true
}

// duration converts seconds to a Duration, clamped to [0, 24h]: a wait
// outside that range is not one Discord means.
func duration(seconds float64) time.Duration {
	switch {
	case math.IsNaN(seconds) || seconds <= 0:
		return 0
	case seconds >= (24 * time.Hour).Seconds():
		return 24 * time.Hour
	}
	return time.Duration(math.Round(seconds * float64(time.Second)))
}

// maxFieldDepth bounds how deep flattenFieldErrors descends.
const maxFieldDepth = 32

// flattenFieldErrors turns Discord's nested "errors" object into a list of
// field errors in document order. Every leaf holds an "_errors" array of
// {code, message}; the keys above it name the field, with array indexes as
// string keys: {"embeds": {"0": {"description": {"_errors": [...]}}}} is
// the field "embeds[0].description". A malformed tree yields what could be
// read before the problem.
func flattenFieldErrors(raw json.RawMessage) []FieldError {
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.UseNumber()
	var out []FieldError
	_ = walkFieldErrors(dec, "", 0, &out)
	return out
}

func walkFieldErrors(dec *json.Decoder, path string, depth int, out *[]FieldError) error {
	if depth > maxFieldDepth {
		var skip json.RawMessage
		return dec.Decode(&skip)
	}
	tok, err := dec.Token()
	if err != nil {
		return err
	}
	switch tok {
	case json.Delim('{'):
		for dec.More() {
			tok, err := dec.Token()
			if err != nil {
				return err
			}
			key, _ := tok.(string)
			if key == "_errors" {
				err = readErrorList(dec, path, out)
			} else {
				err = walkFieldErrors(dec, joinPath(path, key), depth+1, out)
			}
			if err != nil {
				return err
			}
		}
		_, err = dec.Token() // }
		return err
	case json.Delim('['):
		for i := 0; dec.More(); i++ {
			if err := walkFieldErrors(dec, path+"["+strconv.Itoa(i)+"]", depth+1, out); err != nil {
				return err
			}
		}
		_, err = dec.Token() // ]
		return err
	case nil:
		return nil
	}
	// An older form puts a message straight at the leaf.
	if s, ok := tok.(string); ok {
		*out = append(*out, FieldError{Path: path, Message: s})
	}
	return nil
}

// readErrorList reads the "_errors" array of the field at path.
func readErrorList(dec *json.Decoder, path string, out *[]FieldError) error {
	var list []json.RawMessage
	if err := dec.Decode(&list); err != nil {
		// Not an array: skip it whatever it is. The decoder has already
		// consumed the value or failed for good.
		return nil
	}
	for _, raw := range list {
		var fe struct {
			Code    string `json:"code"`
			Message string `json:"message"`
		}
		if json.Unmarshal(raw, &fe) == nil {
			*out = append(*out, FieldError{Path: path, Code: fe.Code, Message: fe.Message})
			continue
		}
		var s string
		if json.Unmarshal(raw, &s) == nil {
			*out = append(*out, FieldError{Path: path, Message: s})
		}
	}
	return nil
}

// joinPath appends key to path: an index (all digits) in brackets, a name
// after a dot.
func joinPath(path, key string) string {
	if key != "" && strings.Trim(key, "0123456789") == "" {
		return path + "[" + key + "]"
	}
	if path == "" {
		return key
	}
	return path + "." + key
}

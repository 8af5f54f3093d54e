package rest

import (
	"errors"
	"fmt"
	"net/http"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/cordage/cordage/internal/specdata"
)

func payload(t *testing.T, name string) []byte {
	t.Helper()
	return specdata.ReadFile(t, "discord-spec", "payloads", name)
}

func TestParseErrorDecodesJSONCode(t *testing.T) {
	e := parseError("GET", "/users/@me", "https://discord.com/api/v10/users/@me",
		http.StatusUnauthorized, nil, payload(t, "http_error_json_code.json"))
	want := &Error{
		Method:  "GET",
		Route:   "/users/@me",
		URL:     "https://discord.com/api/v10/users/@me",
		Status:  401,
		Code:    CodeInvalidToken,
		Message: "Invalid authentication token",
	}
	if !reflect.DeepEqual(e, want) {
		t.Errorf("parseError =\n%#v\nwant\n%#v", e, want)
	}
	if got, want := e.Error(), "rest: GET /users/@me: 50014 Invalid authentication token"; got != want {
		t.Errorf("Error() = %q, want %q", got, want)
	}
}

func TestParseErrorFlattensInvalidFormBody(t *testing.T) {
	e := parseError("PATCH", "/users/@me", "", http.StatusBadRequest, nil,
		payload(t, "http_error_invalid_form_body_array.json"))
	if e.Status != 400 || e.Code != CodeInvalidFormBody || e.Message != "Invalid Form Body" {
		t.Errorf("Status, Code, Message = %d, %d, %q", e.Status, e.Code, e.Message)
	}
	want := []FieldError{
		{Path: "activities[0].platform", Code: "BASE_TYPE_CHOICES", Message: "Value must be one of ('desktop', 'android', 'ios')."},
		{Path: "activities[0].type", Code: "BASE_TYPE_CHOICES", Message: "Value must be one of (0, 1, 2, 3, 4, 5)."},
	}
	if !reflect.DeepEqual(e.Fields, want) {
		t.Errorf("Fields =\n%#v\nwant\n%#v", e.Fields, want)
	}
	if e.RetryAfter != 0 || e.Global || e.Body != nil {
		t.Errorf("RetryAfter, Global, Body = %v, %v, %q; want none", e.RetryAfter, e.Global, e.Body)
	}
	wantMsg := "rest: PATCH /users/@me: 50035 Invalid Form Body: " +
		"activities[0].platform: BASE_TYPE_CHOICES Value must be one of ('desktop', 'android', 'ios').; " +
		"activities[0].type: BASE_TYPE_CHOICES Value must be one of (0, 1, 2, 3, 4, 5)."
	if got := e.Error(); got != wantMsg {
		t.Errorf("Error() =\n%s\nwant\n%s", got, wantMsg)
	}
}

func TestParseErrorDecodesGlobalRateLimit(t *testing.T) {
	h := http.Header{}
	h.Set("Retry-After", "65")
	h.Set("X-RateLimit-Global", "true")
	h.Set("X-RateLimit-Scope", "global")
	e := parseError("POST", "/channels/{channel_id}/messages", "", http.StatusTooManyRequests, h,
		payload(t, "http_429_global_rate_limit_body.json"))
	want := &Error{
		Method:     "POST",
		Route:      "/channels/{channel_id}/messages",
		Status:     429,
		Message:    "You are being rate limited.",
		RetryAfter: 64570 * time.Millisecond, // the body's float wins over the header
		Global:     true,
		Scope:      "global",
	}
	if !reflect.DeepEqual(e, want) {
		t.Errorf("parseError =\n%#v\nwant\n%#v", e, want)
	}
	wantMsg := "rest: POST /channels/{channel_id}/messages: 429 You are being rate limited. (global rate limit, retry after 1m4.57s)"
	if got := e.Error(); got != wantMsg {
		t.Errorf("Error() = %q, want %q", got, wantMsg)
	}
}

func TestParseErrorFieldPaths(t *testing.T) {
	tests := []struct {
		name string
		body string
		want []FieldError
	}{
		{
			name: "top-level field",
			body: `{"code":50035,"message":"Invalid Form Body","errors":{"content":{"_errors":[{"code":"BASE_TYPE_MAX_LENGTH","message":"Must be 2000 or fewer in length."}]}}}`,
			want: []FieldError{{"content", "BASE_TYPE_MAX_LENGTH", "Must be 2000 or fewer in length."}},
		},
		{
			name: "objects within arrays within objects",
			body: `{"code":50035,"errors":{"embeds":{"0":{"fields":{"2":{"value":{"_errors":[{"code":"BASE_TYPE_REQUIRED","message":"This field is required"}]}}},"description":{"_errors":[{"code":"BASE_TYPE_MAX_LENGTH","message":"Too long"}]}},"10":{"title":{"_errors":[{"code":"A","message":"a"},{"code":"B","message":"b"}]}}}}}`,
			want: []FieldError{
				{"embeds[0].fields[2].value", "BASE_TYPE_REQUIRED", "This field is required"},
				{"embeds[0].description", "BASE_TYPE_MAX_LENGTH", "Too long"},
				{"embeds[10].title", "A", "a"},
				{"embeds[10].title", "B", "b"},
			},
		},
		{
			name: "array at the top, as for bulk command overwrites",
			body: `{"code":50035,"errors":{"0":{"options":{"1":{"name":{"_errors":[{"code":"APPLICATION_COMMAND_INVALID_NAME","message":"Command name is invalid"}]}}}}}}`,
			want: []FieldError{{"[0].options[1].name", "APPLICATION_COMMAND_INVALID_NAME", "Command name is invalid"}},
		},
		{
			name: "error on the body as a whole and on a parent",
			body: `{"code":50035,"errors":{"_errors":[{"code":"DICT_TYPE_CONVERT","message":"Only dictionaries may be used in a DictType"}],"components":{"_errors":[{"code":"X","message":"x"}],"0":{"type":{"_errors":[{"code":"Y","message":"y"}]}}}}}`,
			want: []FieldError{
				{"", "DICT_TYPE_CONVERT", "Only dictionaries may be used in a DictType"},
				{"components", "X", "x"},
				{"components[0].type", "Y", "y"},
			},
		},
		{
			name: "real JSON arrays and bare messages",
			body: `{"code":50035,"errors":{"roles":[{"_errors":[{"code":"A","message":"a"}]},{"id":["not a snowflake"]}],"nick":"too long"}}`,
			want: []FieldError{
				{"roles[0]", "A", "a"},
				{"roles[1].id[0]", "", "not a snowflake"},
				{"nick", "", "too long"},
			},
		},
		{
			name: "_errors of strings",
			body: `{"code":50035,"errors":{"name":{"_errors":["bad name"]}}}`,
			want: []FieldError{{"name", "", "bad name"}},
		},
		{
			name: "truncated tree keeps what came first",
			body: `{"code":50035,"errors":{"a":{"_errors":[{"code":"A","message":"a"}]},"b":{"_errors":[{"code":"B"`,
			want: nil, // the body is not valid JSON at all
		},
		{
			name: "errors of the wrong shape",
			body: `{"code":50035,"errors":{"a":{"_errors":{"code":"A"}},"b":{"_errors":[1,{"code":"B","message":"b"}]},"c":42}}`,
			want: []FieldError{{"b", "B", "b"}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := parseError("POST", "/x", "", 400, nil, []byte(tt.body))
			if !reflect.DeepEqual(e.Fields, tt.want) {
				t.Errorf("Fields =\n%#v\nwant\n%#v", e.Fields, tt.want)
			}
		})
	}
}

func TestParseErrorWithoutDiscordJSON(t *testing.T) {
	html := "<!DOCTYPE html>\n<html><head><title>Access denied | discord.com used Cloudflare to restrict access</title></head><body>" +
		strings.Repeat("x", 2000) + "</body></html>"
	tests := []struct {
		name     string
		status   int
		header   http.Header
		body     string
		wantBody string
		wantMsg  string
		retry    time.Duration
	}{
		{
			name: "Cloudflare HTML", status: 403,
			header:   http.Header{"Content-Type": {"text/html; charset=UTF-8"}},
			body:     html,
			wantBody: html[:maxErrorBody],
			wantMsg:  "rest: GET /gateway: 403 Forbidden",
		},
		{
			name: "Cloudflare 429 without rate-limit headers", status: 429,
			header:   http.Header{"Retry-After": {"1800"}},
			body:     "error code: 1015",
			wantBody: "error code: 1015",
			wantMsg:  "rest: GET /gateway: 429 Too Many Requests (retry after 30m0s)",
			retry:    30 * time.Minute,
		},
		{name: "empty body", status: 502, wantMsg: "rest: GET /gateway: 502 Bad Gateway"},
		{name: "blank body", status: 500, body: " \n", wantMsg: "rest: GET /gateway: 500 Internal Server Error"},
		{name: "JSON array", status: 400, body: `[1,2]`, wantBody: `[1,2]`, wantMsg: "rest: GET /gateway: 400 Bad Request"},
		{name: "JSON null", status: 400, body: `null`, wantBody: `null`, wantMsg: "rest: GET /gateway: 400 Bad Request"},
		{name: "unknown status", status: 599, body: `{}`, wantBody: `{}`, wantMsg: "rest: GET /gateway: 599"},
		{
			name: "Discord's message without a code", status: 404,
			body:    `{"message": "404: Not Found", "code": 0}`,
			wantMsg: "rest: GET /gateway: 404: Not Found",
		},
		{
			name: "message without the status", status: 405,
			body:    `{"message": "Method Not Allowed", "code": 0}`,
			wantMsg: "rest: GET /gateway: 405 Method Not Allowed",
		},
		{
			name: "code of the wrong type", status: 400,
			body:    `{"message": ["x"], "code": "50035"}`,
			wantMsg: "rest: GET /gateway: 50035 Invalid form body (returned for both application/json and multipart/form-data bodies), or invalid Content-Type provided",
		},
		{
			name: "route 429 with Reset-After only", status: 429,
			header:  http.Header{"X-Ratelimit-Reset-After": {"2.5"}, "X-Ratelimit-Scope": {"shared"}},
			body:    `{"message": "You are being rate limited.", "global": false, "code": 0}`,
			wantMsg: "rest: GET /gateway: 429 You are being rate limited. (shared rate limit, retry after 2.5s)",
			retry:   2500 * time.Millisecond,
		},
		{
			name: "absurd retry_after", status: 429,
			body:    `{"message": "x", "retry_after": 1e300}`,
			wantMsg: "rest: GET /gateway: 429 x (retry after 24h0m0s)",
			retry:   24 * time.Hour,
		},
		{
			name: "negative retry_after", status: 429,
			body:    `{"message": "x", "retry_after": -3}`,
			wantMsg: "rest: GET /gateway: 429 x (retry after 0s)",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := parseError("GET", "/gateway", "", tt.status, tt.header, []byte(tt.body))
			if e.Status != tt.status {
				t.Errorf("Status = %d, want %d", e.Status, tt.status)
			}
			if string(e.Body) != tt.wantBody {
				t.Errorf("Body = %q, want %q", e.Body, tt.wantBody)
			}
			if e.RetryAfter != tt.retry {
				t.Errorf("RetryAfter = %v, want %v", e.RetryAfter, tt.retry)
			}
			if got := e.Error(); got != tt.wantMsg {
				t.Errorf("Error() = %q, want %q", got, tt.wantMsg)
			}
		})
	}
}

func TestErrorPrintsAtMostFiveFields(t *testing.T) {
	e := &Error{Method: "POST", Route: "/x", Status: 400, Code: CodeInvalidFormBody, Message: "Invalid Form Body"}
	for i := range 7 {
		e.Fields = append(e.Fields, FieldError{Path: fmt.Sprintf("f%d", i), Code: "C", Message: "m"})
	}
	want := "rest: POST /x: 50035 Invalid Form Body: f0: C m; f1: C m; f2: C m; f3: C m; f4: C m; and 2 more"
	if got := e.Error(); got != want {
		t.Errorf("Error() = %q, want %q", got, want)
	}
	e = &Error{Route: "/y", Status: 403, Code: CodeMissingPermissions}
	if got, want := e.Error(), "rest: /y: 50013 You lack permissions to perform that action"; got != want {
		t.Errorf("Error() without a message = %q, want %q", got, want)
	}
	e = &Error{Status: 502}
	if got, want := e.Error(), "rest: 502 Bad Gateway"; got != want {
		t.Errorf("Error() without a message = %q, want %q", got, want)
	}
}

func TestErrorIsItsCode(t *testing.T) {
	body := []byte(`{"message": "Unknown Channel", "code": 10003}`)
	err := fmt.Errorf("create message in channel 1: %w", parseError("POST", "/channels/{channel_id}/messages", "", 404, nil, body))
	if !errors.Is(err, CodeUnknownChannel) {
		t.Error("errors.Is(err, CodeUnknownChannel) = false")
	}
	if errors.Is(err, CodeUnknownMessage) {
		t.Error("errors.Is(err, CodeUnknownMessage) = true")
	}
	if errors.Is(err, errors.New("rest: 10003 Unknown channel")) {
		t.Error("errors.Is matched an unrelated error with the same text")
	}
	var restErr *Error
	if !errors.As(err, &restErr) || restErr.Status != 404 || restErr.Code != 10003 {
		t.Errorf("errors.As = %v", restErr)
	}
	if got, want := err.Error(), "create message in channel 1: rest: POST /channels/{channel_id}/messages: 10003 Unknown Channel"; got != want {
		t.Errorf("Error() = %q, want %q", got, want)
	}
}

func TestCodeStringAndError(t *testing.T) {
	if got, want := CodeUnknownChannel.String(), "Unknown channel"; got != want {
		t.Errorf("String() = %q, want %q", got, want)
	}
	if got, want := Code(12345).String(), "Code(12345)"; got != want {
		t.Errorf("String() = %q, want %q", got, want)
	}
	if got, want := CodeMissingPermissions.Error(), "rest: 50013 You lack permissions to perform that action"; got != want {
		t.Errorf("Error() = %q, want %q", got, want)
	}
	var err error = CodeInvalidFormBody
	if !errors.Is(err, CodeInvalidFormBody) {
		t.Error("a Code is not itself")
	}
}

func FuzzParseError(f *testing.F) {
	for _, s := range []string{
		`{"code":50035,"message":"Invalid Form Body","errors":{"a":{"0":{"b":{"_errors":[{"code":"X","message":"y"}]}}}}}`,
		`{"message":"You are being rate limited.","retry_after":64.57,"global":true}`,
		`<html></html>`,
		``,
		`{"errors":[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[["x"]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]}`,
		`{"code":1e99,"retry_after":"NaN","errors":{"_errors":null}}`,
	} {
		f.Add(429, s)
	}
	f.Fuzz(func(t *testing.T, status int, body string) {
		e := parseError("GET", "/x", "", status, http.Header{"Retry-After": {"1"}}, []byte(body))
		if e.Status != status {
			t.Fatalf("Status = %d, want %d", e.Status, status)
		}
		if len(e.Body) > maxErrorBody {
			t.Fatalf("Body holds %d bytes", len(e.Body))
		}
		if e.RetryAfter < 0 || e.RetryAfter > 24*time.Hour {
			t.Fatalf("RetryAfter = %v", e.RetryAfter)
		}
		_ = e.Error()
	})
}

package ratelimit

import (
	"io"
	"testing"
	"time"
)

func TestParseResponse(t *testing.T) {
	now := time.Unix(1_700_000_000, 0)
	tests := []struct {
		name string
		resp response // only its status is used
		body string
		hdr  []string
		want response
	}{
		{
			name: "bucket headers",
			resp: response{status: 200},
			hdr: []string{"X-RateLimit-Bucket", "abcd", "X-RateLimit-Limit", "5", "X-RateLimit-Remaining", "3",
				"X-RateLimit-Reset-After", "1.234", "X-RateLimit-Reset", "1700000001.234"},
			want: response{status: 200, bucket: "abcd", hasLimit: true, limit: 5, remaining: 3, resetAfter: 1234 * time.Millisecond},
		},
		{
			name: "Reset stands in for Reset-After",
			resp: response{status: 200},
			hdr:  []string{"X-RateLimit-Limit", "5", "X-RateLimit-Remaining", "3", "X-RateLimit-Reset", "1700000002.5"},
			want: response{status: 200, hasLimit: true, limit: 5, remaining: 3, resetAfter: 2500 * time.Millisecond},
		},
		{
			name: "malformed numbers",
			resp: response{status: 200},
			hdr:  []string{"X-RateLimit-Limit", "five", "X-RateLimit-Remaining", "3", "X-RateLimit-Reset-After", "-1"},
			want: response{status: 200},
		},
		{
			name: "no headers",
			resp: response{status: 204},
			want: response{status: 204},
		},
		{
			name: "429 body beats Retry-After",
			resp: response{status: 429},
			body: `{"message": "You are being rate limited.", "retry_after": 64.57, "global": false}`,
			hdr:  []string{"Retry-After", "65", "X-RateLimit-Scope", "user"},
			want: response{status: 429, retryAfter: 64570 * time.Millisecond},
		},
		{
			name: "429 global in body",
			resp: response{status: 429},
			body: `{"retry_after": 1.5, "global": true}`,
			hdr:  []string{"X-RateLimit-Limit", "5"},
			want: response{status: 429, global: true, retryAfter: 1500 * time.Millisecond},
		},
		{
			name: "429 global header",
			resp: response{status: 429},
			body: `{"retry_after": 1.5}`,
			hdr:  []string{"X-RateLimit-Global", "true"},
			want: response{status: 429, global: true, retryAfter: 1500 * time.Millisecond},
		},
		{
			name: "429 shared",
			resp: response{status: 429},
			body: `{"retry_after": 3}`,
			hdr:  []string{"X-RateLimit-Scope", "shared"},
			want: response{status: 429, shared: true, retryAfter: 3 * time.Second},
		},
		{
			name: "429 from Cloudflare",
			resp: response{status: 429},
			body: "<html>error 1015</html>",
			hdr:  []string{"Retry-After", "120"},
			want: response{status: 429, cloudflare: true, retryAfter: 2 * time.Minute},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			resp := reply(tt.resp.status, tt.body, tt.hdr...)
			if got := parseResponse(resp, now); got != tt.want {
				t.Errorf("parseResponse =\n%+v, want\n%+v", got, tt.want)
			}
			// The caller can still read the whole body.
			body, err := io.ReadAll(resp.Body)
			if err != nil || string(body) != tt.body {
				t.Errorf("body after parseResponse = %q, %v; want %q", body, err, tt.body)
			}
		})
	}
}

func TestInvalidCounterSlidesOverTenMinutes(t *testing.T) {
	start := time.Unix(1_700_000_000, 0)
	var c invalidCounter
	for i := range 10 {
		c.add(start.Add(time.Duration(i) * time.Minute)) // one a minute
	}
	tests := []struct {
		at    time.Duration
		limit int
		want  time.Duration
	}{
		// A response leaves the window between 10m and 10m10s after it came.
		{9 * time.Minute, 11, 0},
		{9 * time.Minute, 10, 70 * time.Second},
		{9 * time.Minute, 9, 130 * time.Second},
		{10*time.Minute + 30*time.Second, 10, 0},
		{10*time.Minute + 30*time.Second, 9, 40 * time.Second},
		{30 * time.Minute, 1, 0},
	}
	for _, tt := range tests {
		if got := c.wait(start.Add(tt.at), tt.limit); got != tt.want {
			t.Errorf("at %v with limit %d: wait = %v, want %v", tt.at, tt.limit, got, tt.want)
		}
	}
}

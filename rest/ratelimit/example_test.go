package ratelimit_test

import (
	"context"
	"fmt"
	"log"
	"net/http"
	"net/http/httptest"
	"strings"

	"github.com/cordage/cordage/rest/ratelimit"
)

func Example() {
	// A stand-in for Discord, answering with its rate-limit headers.
	discord := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("X-RateLimit-Bucket", "abcd1234")
		w.Header().Set("X-RateLimit-Limit", "5")
		w.Header().Set("X-RateLimit-Remaining", "4")
		w.Header().Set("X-RateLimit-Reset-After", "1.000")
		fmt.Fprint(w, `{"id": "1", "content": "hello"}`)
	}))
	defer discord.Close()

	limiter := ratelimit.New()
	ctx := context.Background()
	route := ratelimit.Route{
		Method: http.MethodPost,
		Path:   "/channels/{channel_id}/messages",
		Major:  "123",
	}

	ticket, err := limiter.Wait(ctx, route)
	if err != nil {
		log.Fatal(err)
	}
	req, err := http.NewRequestWithContext(ctx, route.Method, discord.URL+"/channels/123/messages", strings.NewReader(`{"content": "hello"}`))
	if err != nil {
		limiter.Done(ticket, nil)
		log.Fatal(err)
	}
	resp, err := http.DefaultClient.Do(req)
	limiter.Done(ticket, resp) // resp is nil if err is not
	if err != nil {
		log.Fatal(err)
	}
	defer resp.Body.Close()
	fmt.Println(resp.Status)
	// Output: 200 OK
}

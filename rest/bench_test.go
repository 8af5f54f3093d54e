package rest_test

import (
	"bytes"
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/cordage/cordage/discord"
	"github.com/cordage/cordage/internal/leakcheck"
	"github.com/cordage/cordage/rest"
	"github.com/cordage/cordage/rest/ratelimit"
)

// benchMessage is the answer to every request: a message as Discord
// returns it.
const benchMessage = `{"id":"1234567890123456789","type":0,"content":"hello","channel_id":"1234567890123456780",` +
	`"author":{"id":"1234567890123456001","username":"bot","avatar":null,"discriminator":"0","public_flags":0,"flags":0,"bot":true,"global_name":null},` +
	`"attachments":[],"embeds":[],"mentions":[],"mention_roles":[],"pinned":false,"mention_everyone":false,"tts":false,` +
	`"timestamp":"2026-01-01T00:00:00.000000+00:00","edited_timestamp":null,"flags":0,"components":[],"nonce":null}`

// BenchmarkCreateMessage measures the client's own cost of a request:
// validation, encoding, the rate limiter, the HTTP round trip over loopback
// and decoding, against a server that only answers like Discord, with a
// limit so large that nothing waits.
// discordLike is a server that answers every request with benchMessage and
// the rate-limit headers of a bucket so large that nothing waits.
func discordLike(b *testing.B) *httptest.Server {
	body := []byte(benchMessage)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		io.Copy(io.Discard, r.Body)
		h := w.Header()
		h["Content-Type"] = []string{"application/json"}
		h["X-Ratelimit-Bucket"] = []string{"80c17d2f203122d936070c88c8d10f33"}
		h["X-Ratelimit-Limit"] = []string{"1000000000"}
		h["X-Ratelimit-Remaining"] = []string{"999999999"}
		h["X-Ratelimit-Reset-After"] = []string{"3600.000"}
		w.Write(body)
	}))
	b.Cleanup(srv.Close)
	hc := srv.Client()
	b.Cleanup(hc.CloseIdleConnections)
	return srv
}

// BenchmarkCreateMessage measures the cost of c.Messages.Create: validation,
// encoding, the rate limiter, the HTTP round trip over loopback and
// decoding. The figures include the server's side of the round trip, which
// BenchmarkCreateMessageRawHTTP measures alone.
func BenchmarkCreateMessage(b *testing.B) {
	leakcheck.Check(b)
	srv := discordLike(b)
	c := rest.New("token", rest.WithBaseURL(srv.URL), rest.WithHTTPClient(srv.Client()),
		rest.WithRateLimiter(ratelimit.New(ratelimit.WithGlobalLimit(1<<30))))
	ctx := context.Background()
	req := &discord.CreateMessageRequest{Content: "hello"}
	const channel = discord.Snowflake(1234567890123456780)

	b.ReportAllocs()
	for b.Loop() {
		msg, err := c.Messages.Create(ctx, channel, req)
		if err != nil {
			b.Fatal(err)
		}
		if msg.ID == 0 {
			b.Fatal("no message")
		}
	}
}

// BenchmarkCreateMessageRawHTTP is the same request sent with net/http
// alone and its body discarded: the baseline that BenchmarkCreateMessage
// adds cordage's cost to.
func BenchmarkCreateMessageRawHTTP(b *testing.B) {
	leakcheck.Check(b)
	srv := discordLike(b)
	hc := srv.Client()
	url := srv.URL + "/channels/1234567890123456780/messages"
	payload := []byte(`{"content":"hello"}`)

	b.ReportAllocs()
	for b.Loop() {
		req, err := http.NewRequest(http.MethodPost, url, bytes.NewReader(payload))
		if err != nil {
			b.Fatal(err)
		}
		req.Header.Set("Authorization", "Bot token")
		req.Header.Set("Content-Type", "application/json")
		resp, err := hc.Do(req)
		if err != nil {
			b.Fatal(err)
		}
		io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
	}
}

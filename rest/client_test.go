package rest_test

import (
	"bytes"
	"context"
	"errors"
	"io"
	"mime"
	"mime/multipart"
	"net/http"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/cordage/cordage/discord"
	"github.com/cordage/cordage/discordtest"
	"github.com/cordage/cordage/internal/leakcheck"
	"github.com/cordage/cordage/rest"
)

func setup(t *testing.T, opts ...rest.Option) (*discordtest.Server, *rest.Client, discord.Guild) {
	t.Helper()
	leakcheck.Check(t)
	srv, err := discordtest.NewServer()
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { srv.Close() })
	hc := &http.Client{Transport: &http.Transport{}}
	t.Cleanup(hc.CloseIdleConnections)
	c := rest.New(srv.Token(), append([]rest.Option{rest.WithBaseURL(srv.URL()), rest.WithHTTPClient(hc)}, opts...)...)
	return srv, c, srv.AddGuild("test guild")
}

func TestCreateMessageRoundTrip(t *testing.T) {
	srv, c, g := setup(t)
	msg, err := c.Messages.Create(context.Background(), g.SystemChannelID, &discord.CreateMessageRequest{Content: "hello"},
		rest.WithReason("greeting"))
	if err != nil {
		t.Fatal(err)
	}
	if msg.ID == 0 || msg.Content != "hello" || msg.Author == nil || msg.Author.ID != srv.Bot().ID {
		t.Errorf("created %+v", msg)
	}
	got, err := c.Messages.Get(context.Background(), g.SystemChannelID, msg.ID)
	if err != nil || got.Content != "hello" {
		t.Fatalf("get: %+v, %v", got, err)
	}
	reqs := srv.Requests()
	first := reqs[0]
	if first.Route != "POST /channels/{channel_id}/messages" || first.Header.Get("Authorization") != "Bot "+srv.Token() ||
		first.Header.Get("X-Audit-Log-Reason") != "greeting" || !strings.HasPrefix(first.Header.Get("User-Agent"), "DiscordBot (") {
		t.Errorf("emulator saw %s %v", first.Route, first.Header)
	}
}

func TestInvalidRequestsAreNeverSent(t *testing.T) {
	srv, c, g := setup(t)
	_, err := c.Messages.Create(context.Background(), g.SystemChannelID, &discord.CreateMessageRequest{Content: strings.Repeat("x", 2001)})
	var ve *discord.ValidationError
	if !errors.As(err, &ve) || !ve.Has("content") {
		t.Fatalf("error %v, want a validation error on content", err)
	}
	if n := len(srv.Requests()); n != 0 {
		t.Errorf("emulator saw %d requests", n)
	}
}

func TestDiscordErrorsAreTyped(t *testing.T) {
	_, c, g := setup(t)
	_, err := c.Messages.Get(context.Background(), g.SystemChannelID, 12345)
	var apiErr *rest.Error
	if !errors.As(err, &apiErr) || apiErr.Status != 404 || !errors.Is(err, rest.CodeUnknownMessage) {
		t.Fatalf("error %v (%T), want 404 Unknown Message", err, err)
	}
	if !strings.Contains(err.Error(), "GET /channels/{channel_id}/messages/{message_id}") {
		t.Errorf("error %q does not name the route", err)
	}
}

func TestUnauthorizedStopsTheClient(t *testing.T) {
	srv, err := discordtest.NewServer()
	if err != nil {
		t.Fatal(err)
	}
	defer srv.Close()
	leakcheck.Check(t)
	hc := &http.Client{Transport: &http.Transport{}}
	defer hc.CloseIdleConnections()
	c := rest.New("wrong token", rest.WithBaseURL(srv.URL()), rest.WithHTTPClient(hc))
	if _, err := c.Users.GetCurrent(context.Background()); !errors.Is(err, rest.ErrUnauthorized) {
		t.Fatalf("first call: %v", err)
	}
	if _, err := c.Users.GetCurrent(context.Background()); !errors.Is(err, rest.ErrUnauthorized) {
		t.Fatalf("second call: %v", err)
	}
	if n := len(srv.Requests()); n != 1 {
		t.Errorf("emulator saw %d requests after a 401, want 1", n)
	}
}

func TestRateLimitedRequestsAreRetried(t *testing.T) {
	srv, c, g := setup(t)
	srv.ForceRateLimit("create_message", 1, discordtest.ScopeUser, 50*time.Millisecond)
	start := time.Now()
	if _, err := c.Messages.Create(context.Background(), g.SystemChannelID, &discord.CreateMessageRequest{Content: "again"}); err != nil {
		t.Fatal(err)
	}
	if time.Since(start) < 40*time.Millisecond {
		t.Error("the retry did not wait for retry_after")
	}
	if n := len(srv.Requests()); n != 2 {
		t.Errorf("emulator saw %d requests, want 2", n)
	}
}

func TestServerErrorsAreRetriedOnlyForIdempotentRequests(t *testing.T) {
	srv, c, g := setup(t)
	srv.ForceStatus("get_channel", 2, 502)
	if _, err := c.Channels.Get(context.Background(), g.SystemChannelID); err != nil {
		t.Fatalf("GET after two 502s: %v", err)
	}
	srv.ClearRequests()
	srv.ForceStatus("create_message", 1, 500)
	_, err := c.Messages.Create(context.Background(), g.SystemChannelID, &discord.CreateMessageRequest{Content: "once"})
	var apiErr *rest.Error
	if !errors.As(err, &apiErr) || apiErr.Status != 500 {
		t.Fatalf("POST after a 500: %v, want the 500", err)
	}
	if n := len(srv.Requests()); n != 1 {
		t.Errorf("POST was sent %d times, want once", n)
	}
}

// oneShot is a reader that is not an io.Seeker.
type oneShot struct{ io.Reader }

func TestUploadsStreamAsMultipart(t *testing.T) {
	srv, c, g := setup(t)
	content := bytes.Repeat([]byte("0123456789"), 10000)
	msg, err := c.Messages.Create(context.Background(), g.SystemChannelID,
		&discord.CreateMessageRequest{Content: "a file", Attachments: []discord.AttachmentRequest{{ID: 0, Description: "digits"}}},
		rest.WithFiles(rest.File{Name: "digits.txt", ContentType: "text/plain", Reader: bytes.NewReader(content)}))
	if err != nil {
		t.Fatal(err)
	}
	if len(msg.Attachments) != 1 || msg.Attachments[0].Filename != "digits.txt" || msg.Attachments[0].Size != len(content) {
		t.Fatalf("attachments %+v", msg.Attachments)
	}
	req := srv.Requests()[0]
	_, params, err := mime.ParseMediaType(req.Header.Get("Content-Type"))
	if err != nil {
		t.Fatal(err)
	}
	mr := multipart.NewReader(bytes.NewReader(req.Body), params["boundary"])
	var names []string
	for {
		p, err := mr.NextPart()
		if err != nil {
			break
		}
		names = append(names, p.FormName())
	}
	if !reflect.DeepEqual(names, []string{"payload_json", "files[0]"}) {
		t.Errorf("parts %v", names)
	}

	// A retry needs the file again: a reader that cannot rewind fails.
	srv.ForceRateLimit("create_message", 1, discordtest.ScopeUser, time.Millisecond)
	_, err = c.Messages.Create(context.Background(), g.SystemChannelID, &discord.CreateMessageRequest{Content: "again"},
		rest.WithFiles(rest.File{Name: "x.txt", Reader: oneShot{bytes.NewReader(content)}}))
	if err == nil || !strings.Contains(err.Error(), "io.Seeker") {
		t.Errorf("retry of a one-shot upload: %v", err)
	}
}

func TestARejectedWebhookTokenDoesNotStopTheClient(t *testing.T) {
	_, c, g := setup(t)
	ctx := context.Background()
	hook, err := c.Webhooks.Create(ctx, g.SystemChannelID, &discord.CreateWebhookRequest{Name: "hook"})
	if err != nil {
		t.Fatal(err)
	}
	_, err = c.Webhooks.Execute(ctx, hook.ID, "not-its-token", &discord.ExecuteWebhookRequest{Content: discord.Some("hi")}, nil)
	var apiErr *rest.Error
	if !errors.As(err, &apiErr) || apiErr.Status != 401 || errors.Is(err, rest.ErrUnauthorized) {
		t.Fatalf("execute with a wrong token: %v, want a plain 401 error", err)
	}
	if _, err := c.Users.GetCurrent(ctx); err != nil {
		t.Errorf("the client stopped after a webhook token was rejected: %v", err)
	}
}

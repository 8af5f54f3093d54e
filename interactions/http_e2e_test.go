package interactions_test

import (
	"context"
	"crypto/ed25519"
	"log/slog"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/cordage/cordage/discord"
	"github.com/cordage/cordage/discordtest"
	"github.com/cordage/cordage/interactions"
)

// TestHTTPEndpointAnswersDeferredAndFollowsUpThroughREST runs a bot on the
// HTTP interactions endpoint: the emulator posts signed interactions to it,
// takes the HTTP response as the callback, and the edits and follow-ups
// arrive through the REST client.
func TestHTTPEndpointAnswersDeferredAndFollowsUpThroughREST(t *testing.T) {
	srv, client := syncSetup(t)
	g := srv.AddGuild("g")
	alice := srv.AddUser("alice")
	srv.AddMember(g.ID, alice.ID)
	pub, priv, err := ed25519.GenerateKey(nil)
	if err != nil {
		t.Fatal(err)
	}

	r := interactions.NewRouter(interactions.WithLogger(slog.New(slog.DiscardHandler)), interactions.WithAutoDefer(30*time.Millisecond))
	r.Command(interactions.Command{Name: "hello", Description: "Greets", Handle: func(ctx context.Context, c *interactions.Context) (*discord.InteractionResponse, error) {
		return interactions.Reply("hello " + c.Interaction.Invoker().Username), nil
	}})
	r.Command(interactions.Command{Name: "slow", Description: "Takes its time", Handle: func(ctx context.Context, c *interactions.Context) (*discord.InteractionResponse, error) {
		time.Sleep(150 * time.Millisecond)
		if err := c.Respond(ctx, interactions.Reply("done")); err != nil {
			return nil, err
		}
		_, err := c.Followup(ctx, &discord.ExecuteWebhookRequest{Content: discord.Some("and more")})
		return nil, err
	}})
	endpoint := httptest.NewServer(r.Handler(pub, interactions.RESTResponder(client)))
	defer endpoint.Close()
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()

	hello := srv.RunCommand(alice.ID, g.SystemChannelID, "hello")
	if err := hello.PostTo(ctx, endpoint.URL, priv); err != nil {
		t.Fatal(err)
	}
	a, err := hello.Response(ctx)
	if err != nil || a.Message == nil || a.Message.Content != "hello alice" || a.Message.ChannelID != g.SystemChannelID {
		t.Fatalf("answer %+v, %v", a.Message, err)
	}

	slow := srv.RunCommand(alice.ID, g.SystemChannelID, "slow")
	if err := slow.PostTo(ctx, endpoint.URL, priv); err != nil {
		t.Fatal(err)
	}
	a, err = slow.Wait(ctx, func(a discordtest.Answer) bool { return !a.Loading() && len(a.Followups) == 1 })
	if err != nil {
		t.Fatal(err)
	}
	if a.Type != discord.InteractionResponseTypeDeferredChannelMessageWithSource || a.Message.Content != "done" || a.Followups[0].Content != "and more" {
		t.Fatalf("answer type %d, message %q, follow-ups %+v", a.Type, a.Message.Content, a.Followups)
	}

	_, wrongKey, _ := ed25519.GenerateKey(nil)
	err = srv.RunCommand(alice.ID, g.SystemChannelID, "hello").PostTo(ctx, endpoint.URL, wrongKey)
	if err == nil || !strings.Contains(err.Error(), "401") {
		t.Fatalf("wrongly signed request: %v", err)
	}
}

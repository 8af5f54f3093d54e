package interactions

import (
	"bytes"
	"context"
	"crypto/ed25519"
	"encoding/hex"
	"encoding/json"
	"errors"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/cordage/cordage/discord"
	"github.com/cordage/cordage/internal/leakcheck"
)

// recorder is a Responder that records what the router sends.
type recorder struct {
	mu        sync.Mutex
	responses []*discord.InteractionResponse
	edits     []*discord.EditWebhookMessageRequest
}

func (r *recorder) Respond(_ context.Context, _ *discord.Interaction, resp *discord.InteractionResponse) error {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.responses = append(r.responses, resp)
	return nil
}

func (r *recorder) EditOriginal(_ context.Context, _ *discord.Interaction, req *discord.EditWebhookMessageRequest) (*discord.Message, error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.edits = append(r.edits, req)
	return &discord.Message{}, nil
}

func (r *recorder) Followup(context.Context, *discord.Interaction, *discord.ExecuteWebhookRequest) (*discord.Message, error) {
	return &discord.Message{}, nil
}

func newRouter(t *testing.T, opts ...Option) *Router {
	leakcheck.Check(t)
	return NewRouter(append([]Option{WithLogger(slog.New(slog.DiscardHandler))}, opts...)...)
}

func option(name string, typ discord.ApplicationCommandOptionType, value string, sub ...discord.ApplicationCommandDataOption) discord.ApplicationCommandDataOption {
	o := discord.ApplicationCommandDataOption{Name: name, Type: typ, Options: sub}
	if value != "" {
		o.Value = json.RawMessage(value)
	}
	return o
}

func command(name string, opts ...discord.ApplicationCommandDataOption) *discord.Interaction {
	return &discord.Interaction{ID: 1, Type: discord.InteractionTypeApplicationCommand, Token: "t",
		Data: &discord.InteractionData{Name: name, Options: opts}}
}

func TestCommandsRouteBySubcommandPathWithTheirOptions(t *testing.T) {
	r := newRouter(t)
	var got string
	r.Command(Command{Name: "config", Description: "Settings", Subcommands: []Command{
		{Name: "show", Description: "Show", Handle: func(ctx context.Context, c *Context) (*discord.InteractionResponse, error) {
			got = "show"
			return Reply("shown"), nil
		}},
		{Name: "set", Description: "Change", Subcommands: []Command{{
			Name: "limit", Description: "Set the limit",
			Options: []discord.ApplicationCommandOption{{Type: discord.ApplicationCommandOptionTypeInteger, Name: "value", Description: "v", Required: true}},
			Handle: func(ctx context.Context, c *Context) (*discord.InteractionResponse, error) {
				n, err := c.Int("value")
				if err != nil {
					return nil, err
				}
				if _, err := c.String("missing"); err == nil || !strings.Contains(err.Error(), `"missing"`) {
					t.Errorf("missing option error = %v", err)
				}
				if _, err := c.String("value"); err == nil {
					t.Error("an integer option read as a string did not fail")
				}
				got = "limit " + strings.Repeat("x", int(n))
				return ReplyEphemeral("ok"), nil
			},
		}}},
	}})
	rec := &recorder{}
	i := command("config", option("set", discord.ApplicationCommandOptionTypeSubCommandGroup, "",
		option("limit", discord.ApplicationCommandOptionTypeSubCommand, "",
			option("value", discord.ApplicationCommandOptionTypeInteger, "3"))))
	if err := r.Handle(context.Background(), i, rec); err != nil {
		t.Fatal(err)
	}
	if got != "limit xxx" || len(rec.responses) != 1 || rec.responses[0].Data.Flags != discord.MessageFlagEphemeral {
		t.Errorf("got %q, responses %+v", got, rec.responses)
	}
	cmds := r.Commands()
	if len(cmds) != 1 || cmds[0].Options[1].Type != discord.ApplicationCommandOptionTypeSubCommandGroup ||
		cmds[0].Options[1].Options[0].Options[0].Name != "value" {
		t.Fatalf("declared commands %+v", cmds)
	}
	if err := cmds[0].Validate(); err != nil {
		t.Errorf("declared command does not validate: %v", err)
	}
}

func TestAutocompleteRoutesToTheCommandWithTheFocusedOption(t *testing.T) {
	r := newRouter(t)
	r.Command(Command{Name: "fruit", Description: "Pick",
		Handle: func(ctx context.Context, c *Context) (*discord.InteractionResponse, error) { return Reply("x"), nil },
		Autocomplete: func(ctx context.Context, c *Context) ([]discord.ApplicationCommandOptionChoice, error) {
			typed, _ := c.Focused().String()
			return []discord.ApplicationCommandOptionChoice{Choice(typed+"berry", typed+"berry")}, nil
		}})
	rec := &recorder{}
	i := command("fruit", discord.ApplicationCommandDataOption{Name: "name", Type: discord.ApplicationCommandOptionTypeString, Value: json.RawMessage(`"straw"`), Focused: true})
	i.Type = discord.InteractionTypeApplicationCommandAutocomplete
	if err := r.Handle(context.Background(), i, rec); err != nil {
		t.Fatal(err)
	}
	resp := rec.responses[0]
	if resp.Type != discord.InteractionResponseTypeApplicationCommandAutocompleteResult || resp.Data.Choices[0].Name != "strawberry" {
		t.Errorf("response %+v", resp)
	}
}

func TestComponentsAndModalsRouteByCustomIDPattern(t *testing.T) {
	r := newRouter(t)
	var params []string
	r.Component("vote/{poll}/{choice}", func(ctx context.Context, c *Context) (*discord.InteractionResponse, error) {
		params = append(params, c.Param("poll"), c.Param("choice"))
		return Update(discord.InteractionResponseData{Content: "voted"}), nil
	})
	r.Modal("feedback/{id}", func(ctx context.Context, c *Context) (*discord.InteractionResponse, error) {
		v, ok := c.ModalValue("text")
		if !ok {
			return nil, errors.New("no text")
		}
		return ReplyEphemeral("thanks for " + v + " on " + c.Param("id")), nil
	})
	rec := &recorder{}
	click := &discord.Interaction{Type: discord.InteractionTypeMessageComponent, Data: &discord.InteractionData{CustomID: "vote/7/yes", ComponentType: discord.ComponentTypeButton}}
	if err := r.Handle(context.Background(), click, rec); err != nil {
		t.Fatal(err)
	}
	submit := &discord.Interaction{Type: discord.InteractionTypeModalSubmit, Data: &discord.InteractionData{CustomID: "feedback/42",
		Components: discord.Components{&discord.Label{Label: "Text", Component: &discord.TextInput{CustomID: "text", Value: "great"}}}}}
	if err := r.Handle(context.Background(), submit, rec); err != nil {
		t.Fatal(err)
	}
	if strings.Join(params, ",") != "7,yes" || rec.responses[0].Type != discord.InteractionResponseTypeUpdateMessage ||
		rec.responses[1].Data.Content != "thanks for great on 42" {
		t.Errorf("params %v responses %+v %+v", params, rec.responses[0], rec.responses[1].Data)
	}
	unrouted := &discord.Interaction{Type: discord.InteractionTypeMessageComponent, Data: &discord.InteractionData{CustomID: "other"}}
	if err := r.Handle(context.Background(), unrouted, rec); !errors.Is(err, ErrNoRoute) {
		t.Errorf("unrouted component: %v", err)
	}
}

func TestSlowHandlersAreDeferredAndTheirAnswerEditsTheResponse(t *testing.T) {
	r := newRouter(t, WithAutoDefer(20*time.Millisecond))
	r.Command(Command{Name: "slow", Description: "Slow", Handle: func(ctx context.Context, c *Context) (*discord.InteractionResponse, error) {
		time.Sleep(80 * time.Millisecond)
		return Reply("finally"), nil
	}})
	r.Component("slow", func(ctx context.Context, c *Context) (*discord.InteractionResponse, error) {
		time.Sleep(80 * time.Millisecond)
		return Update(discord.InteractionResponseData{Content: "updated"}), nil
	})
	rec := &recorder{}
	if err := r.Handle(context.Background(), command("slow"), rec); err != nil {
		t.Fatal(err)
	}
	click := &discord.Interaction{Type: discord.InteractionTypeMessageComponent, Data: &discord.InteractionData{CustomID: "slow"}}
	if err := r.Handle(context.Background(), click, rec); err != nil {
		t.Fatal(err)
	}
	if len(rec.responses) != 2 || rec.responses[0].Type != discord.InteractionResponseTypeDeferredChannelMessageWithSource ||
		rec.responses[1].Type != discord.InteractionResponseTypeDeferredUpdateMessage {
		t.Fatalf("responses %+v", rec.responses)
	}
	if len(rec.edits) != 2 || rec.edits[0].Content.Or("") != "finally" || rec.edits[1].Content.Or("") != "updated" {
		t.Errorf("edits %+v", rec.edits)
	}
}

func TestHandlerPanicsAndInvalidAnswersAreErrors(t *testing.T) {
	r := newRouter(t)
	r.Command(Command{Name: "boom", Description: "b", Handle: func(ctx context.Context, c *Context) (*discord.InteractionResponse, error) {
		panic("oops")
	}})
	r.Command(Command{Name: "long", Description: "l", Handle: func(ctx context.Context, c *Context) (*discord.InteractionResponse, error) {
		return Reply(strings.Repeat("a", 2001)), nil
	}})
	rec := &recorder{}
	if err := r.Handle(context.Background(), command("boom"), rec); err == nil || !strings.Contains(err.Error(), "oops") {
		t.Errorf("panic: %v", err)
	}
	var ve *discord.ValidationError
	if err := r.Handle(context.Background(), command("long"), rec); !errors.As(err, &ve) {
		t.Errorf("oversized answer: %v, want a validation error", err)
	}
	if len(rec.responses) != 0 {
		t.Errorf("sent %d responses", len(rec.responses))
	}
}

func signed(t *testing.T, priv ed25519.PrivateKey, url string, body []byte, tamper bool) *http.Response {
	t.Helper()
	ts := "1700000000"
	sig := ed25519.Sign(priv, append([]byte(ts), body...))
	if tamper {
		sig[0] ^= 1
	}
	req, _ := http.NewRequest(http.MethodPost, url, bytes.NewReader(body))
	req.Header.Set("X-Signature-Ed25519", hex.EncodeToString(sig))
	req.Header.Set("X-Signature-Timestamp", ts)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { resp.Body.Close() })
	return resp
}

func TestHTTPEndpointChecksSignaturesAndAnswersInTheResponse(t *testing.T) {
	pub, priv, err := ed25519.GenerateKey(nil)
	if err != nil {
		t.Fatal(err)
	}
	r := newRouter(t)
	r.Command(Command{Name: "ping", Description: "p", Handle: func(ctx context.Context, c *Context) (*discord.InteractionResponse, error) {
		return Reply("pong"), nil
	}})
	srv := httptest.NewServer(r.Handler(pub, nil))
	defer srv.Close()
	defer srv.Client().CloseIdleConnections()
	defer http.DefaultClient.CloseIdleConnections()

	ping := signed(t, priv, srv.URL, []byte(`{"id":"1","type":1,"token":"t","version":1}`), false)
	if b, _ := io.ReadAll(ping.Body); ping.StatusCode != 200 || strings.TrimSpace(string(b)) != `{"type":1}` {
		t.Errorf("PING answered %d %s", ping.StatusCode, b)
	}
	bad := signed(t, priv, srv.URL, []byte(`{"id":"1","type":1}`), true)
	if bad.StatusCode != http.StatusUnauthorized {
		t.Errorf("tampered signature answered %d, want 401", bad.StatusCode)
	}
	unsigned, err := http.Post(srv.URL, "application/json", strings.NewReader(`{"type":1}`))
	if err != nil {
		t.Fatal(err)
	}
	unsigned.Body.Close()
	if unsigned.StatusCode != http.StatusUnauthorized {
		t.Errorf("unsigned request answered %d, want 401", unsigned.StatusCode)
	}
	cmd := signed(t, priv, srv.URL, []byte(`{"id":"2","type":2,"token":"t","data":{"id":"9","name":"ping","type":1}}`), false)
	var resp discord.InteractionResponse
	json.NewDecoder(cmd.Body).Decode(&resp)
	if cmd.StatusCode != 200 || resp.Type != discord.InteractionResponseTypeChannelMessageWithSource || resp.Data.Content != "pong" {
		t.Errorf("command answered %d %+v", cmd.StatusCode, resp)
	}
}

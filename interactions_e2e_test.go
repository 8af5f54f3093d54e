package cordage_test

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/cordage/cordage"
	"github.com/cordage/cordage/discord"
	"github.com/cordage/cordage/discordtest"
	"github.com/cordage/cordage/dispatch"
	"github.com/cordage/cordage/events"
	"github.com/cordage/cordage/interactions"
)

// pollBot declares the commands, components and modal of the end-to-end
// test on grp.
func pollBot(grp *cordage.Group, appID, guildID discord.Snowflake, synced chan<- interactions.SyncResult) {
	r := grp.Interactions
	r.SetAutoDefer(30 * time.Millisecond)
	r.Command(interactions.Command{
		Name: "poll", Description: "Polls",
		Subcommands: []interactions.Command{{
			Name: "create", Description: "Start a poll",
			Options: []discord.ApplicationCommandOption{
				{Type: discord.ApplicationCommandOptionTypeString, Name: "question", Description: "What to ask", Required: true},
				{Type: discord.ApplicationCommandOptionTypeChannel, Name: "where", Description: "Channel"},
				{Type: discord.ApplicationCommandOptionTypeUser, Name: "who", Description: "Who decides"},
			},
			Handle: func(ctx context.Context, c *interactions.Context) (*discord.InteractionResponse, error) {
				q, err := c.String("question")
				if err != nil {
					return nil, err
				}
				ch, err := c.Channel("where")
				if err != nil {
					return nil, err
				}
				u, m, err := c.User("who")
				if err != nil {
					return nil, err
				}
				if m == nil {
					return nil, errors.New("no member resolved")
				}
				return interactions.Message(discord.InteractionResponseData{
					Content: fmt.Sprintf("%s in #%s, %s decides", q, ch.Name, u.Username),
					Components: discord.Components{
						discord.NewActionRow(discord.NewButton(discord.ButtonStylePrimary, "Yes", "vote/1/yes")),
						discord.NewActionRow(discord.NewStringSelect("pick/1",
							discord.SelectOption{Label: "Pizza", Value: "pizza"}, discord.SelectOption{Label: "Soup", Value: "soup"})),
					},
				}), nil
			},
		}, {
			Name: "show", Description: "Show a poll",
			Options: []discord.ApplicationCommandOption{
				{Type: discord.ApplicationCommandOptionTypeString, Name: "name", Description: "Poll", Required: true, Autocomplete: true},
			},
			Handle: func(ctx context.Context, c *interactions.Context) (*discord.InteractionResponse, error) {
				return interactions.Reply("shown"), nil
			},
			Autocomplete: func(ctx context.Context, c *interactions.Context) ([]discord.ApplicationCommandOptionChoice, error) {
				typed, _ := c.Focused().String()
				var out []discord.ApplicationCommandOptionChoice
				for _, n := range []string{"lunch", "lunar", "dinner"} {
					if strings.HasPrefix(n, typed) {
						out = append(out, interactions.Choice(n, n))
					}
				}
				return out, nil
			},
		}},
	})
	r.Command(interactions.Command{
		Type: discord.ApplicationCommandTypeUser, Name: "Profile",
		Handle: func(ctx context.Context, c *interactions.Context) (*discord.InteractionResponse, error) {
			u := c.Interaction.Data.Resolved.Users[c.Interaction.Data.TargetID]
			return interactions.ReplyEphemeral("profile of " + u.Username), nil
		},
	})
	r.Command(interactions.Command{
		Type: discord.ApplicationCommandTypeMessage, Name: "Quote",
		Handle: func(ctx context.Context, c *interactions.Context) (*discord.InteractionResponse, error) {
			m, ok := c.Interaction.Data.Resolved.Messages[c.Interaction.Data.TargetID]
			if !ok {
				return nil, fmt.Errorf("target message %d not resolved", c.Interaction.Data.TargetID)
			}
			return interactions.Reply("> " + m.Content), nil
		},
	})
	r.Command(interactions.Command{
		Name: "feedback", Description: "Send feedback",
		Handle: func(ctx context.Context, c *interactions.Context) (*discord.InteractionResponse, error) {
			return interactions.Modal("feedback/docs", "Feedback",
				discord.NewLabel("Your feedback", &discord.TextInput{CustomID: "text", Style: discord.TextInputStyleShort})), nil
		},
	})
	r.Command(interactions.Command{
		Name: "slow", Description: "Takes its time",
		Handle: func(ctx context.Context, c *interactions.Context) (*discord.InteractionResponse, error) {
			time.Sleep(150 * time.Millisecond) // past the auto-defer threshold
			if err := c.Respond(ctx, interactions.Reply("done")); err != nil {
				return nil, err
			}
			if _, err := c.Followup(ctx, &discord.ExecuteWebhookRequest{Content: discord.Some("and more")}); err != nil {
				return nil, err
			}
			_, err := c.EditOriginal(ctx, &discord.EditWebhookMessageRequest{Content: discord.Some("done (edited)")})
			return nil, err
		},
	})
	r.Component("vote/{poll}/{choice}", func(ctx context.Context, c *interactions.Context) (*discord.InteractionResponse, error) {
		return interactions.Update(discord.InteractionResponseData{
			Content: fmt.Sprintf("%s voted %s in poll %s", c.Interaction.Invoker().Username, c.Param("choice"), c.Param("poll")),
		}), nil
	})
	r.Component("pick/{poll}", func(ctx context.Context, c *interactions.Context) (*discord.InteractionResponse, error) {
		return interactions.Reply("picked " + strings.Join(c.Values(), ",")), nil
	})
	r.Modal("feedback/{topic}", func(ctx context.Context, c *interactions.Context) (*discord.InteractionResponse, error) {
		v, _ := c.ModalValue("text")
		return interactions.Reply(c.Param("topic") + ": " + v), nil
	})
	grp.OnStartup(func(ctx context.Context) error {
		res, err := r.Sync(ctx, interactions.RESTCommands(grp.Rest), appID, guildID)
		synced <- res
		return err
	})
}

func TestInteractionsEndToEndAgainstTheEmulator(t *testing.T) {
	srv := emulator(t)
	g := srv.AddGuild("g")
	alice, bob := srv.AddUser("alice"), srv.AddUser("bob")
	srv.AddMember(g.ID, alice.ID)
	srv.AddMember(g.ID, bob.ID)
	general := g.SystemChannelID

	ctx, cancel := context.WithCancel(context.Background())
	ready := make(chan struct{}, 1)
	synced := make(chan interactions.SyncResult, 1)
	errc := make(chan error, 1)
	go func() {
		errc <- cordage.Run(ctx, srv.Token(), func(grp *cordage.Group) error {
			pollBot(grp, srv.ApplicationID(), g.ID, synced)
			dispatch.On(grp.Dispatcher, func(ctx context.Context, e *events.GuildCreate) error {
				ready <- struct{}{}
				return nil
			})
			return nil
		}, options(srv)...)
	}()
	defer func() {
		cancel()
		if err := <-errc; err != nil && !errors.Is(err, context.Canceled) {
			t.Errorf("Run: %v", err)
		}
	}()
	select {
	case <-ready:
	case err := <-errc:
		t.Fatalf("Run stopped: %v", err)
	case <-time.After(5 * time.Second):
		t.Fatal("no GUILD_CREATE")
	}
	res := <-synced
	if !res.Wrote || len(res.Added) != 5 {
		t.Fatalf("sync at startup: %+v", res)
	}
	if n := len(srv.Commands(g.ID)); n != 5 {
		t.Fatalf("%d guild commands registered, want 5", n)
	}

	wait, stop := context.WithTimeout(context.Background(), 5*time.Second)
	defer stop()

	t.Run("slash command with subcommand and resolved options", func(t *testing.T) {
		a, err := srv.RunCommand(alice.ID, general, "poll",
			discordtest.Sub("create", discordtest.Opt("question", "Lunch?"), discordtest.Opt("where", general), discordtest.Opt("who", bob.ID)),
		).Response(wait)
		if err != nil {
			t.Fatal(err)
		}
		if a.Type != discord.InteractionResponseTypeChannelMessageWithSource || a.Message == nil ||
			a.Message.Content != "Lunch? in #general, bob decides" || a.Message.ChannelID != general {
			t.Fatalf("answer %+v, message %+v", a, a.Message)
		}
		if a.Message.Type != discord.MessageTypeChatInputCommand || a.Message.InteractionMetadata == nil ||
			a.Message.InteractionMetadata.User.ID != alice.ID {
			t.Errorf("message type %d, metadata %+v", a.Message.Type, a.Message.InteractionMetadata)
		}
		poll := *a.Message

		clicked, err := srv.ClickButton(bob.ID, poll, "vote/1/yes").Response(wait)
		if err != nil {
			t.Fatal(err)
		}
		if clicked.Type != discord.InteractionResponseTypeUpdateMessage || clicked.Message == nil ||
			clicked.Message.ID != poll.ID || clicked.Message.Content != "bob voted yes in poll 1" {
			t.Fatalf("button answer %+v, message %+v", clicked, clicked.Message)
		}

		picked, err := srv.SelectValues(alice.ID, poll, "pick/1", "pizza", "soup").Response(wait)
		if err != nil {
			t.Fatal(err)
		}
		if picked.Message == nil || picked.Message.Content != "picked pizza,soup" {
			t.Fatalf("select answer %+v", picked.Message)
		}
	})

	t.Run("autocomplete", func(t *testing.T) {
		a, err := srv.Autocomplete(alice.ID, general, "poll", discordtest.Sub("show", discordtest.Typing("name", "lun"))).Response(wait)
		if err != nil {
			t.Fatal(err)
		}
		var names []string
		for _, c := range a.Choices() {
			names = append(names, c.Name)
		}
		if a.Type != discord.InteractionResponseTypeApplicationCommandAutocompleteResult || !slices.Equal(names, []string{"lunch", "lunar"}) {
			t.Fatalf("choices %v (type %d)", names, a.Type)
		}
	})

	t.Run("user command answers ephemerally", func(t *testing.T) {
		a, err := srv.RunUserCommand(alice.ID, general, "Profile", bob.ID).Response(wait)
		if err != nil {
			t.Fatal(err)
		}
		if a.Message == nil || a.Message.Content != "profile of bob" || !a.Message.Flags.Has(discord.MessageFlagEphemeral) {
			t.Fatalf("answer %+v", a.Message)
		}
		if a.Message.Type != discord.MessageTypeContextMenuCommand {
			t.Errorf("message type %d", a.Message.Type)
		}
	})

	t.Run("message command quotes its target", func(t *testing.T) {
		target, ok := srv.SendMessage(bob.ID, general, "worth quoting")
		if !ok {
			t.Fatal("could not post the target message")
		}
		a, err := srv.RunMessageCommand(alice.ID, general, "Quote", target.ID).Response(wait)
		if err != nil {
			t.Fatal(err)
		}
		if a.Message == nil || a.Message.Content != "> worth quoting" {
			t.Fatalf("answer %+v", a.Message)
		}
	})

	t.Run("modal", func(t *testing.T) {
		a, err := srv.RunCommand(alice.ID, general, "feedback").Response(wait)
		if err != nil {
			t.Fatal(err)
		}
		if id, title := a.Modal(); a.Type != discord.InteractionResponseTypeModal || id != "feedback/docs" || title != "Feedback" {
			t.Fatalf("modal %q %q (type %d)", id, title, a.Type)
		}
		sub, err := srv.SubmitModal(alice.ID, general, "feedback/docs", map[string]string{"text": "great"}).Response(wait)
		if err != nil {
			t.Fatal(err)
		}
		if sub.Message == nil || sub.Message.Content != "docs: great" {
			t.Fatalf("submit answer %+v", sub.Message)
		}
	})

	t.Run("slow handler is deferred, then edited and followed up", func(t *testing.T) {
		a, err := srv.RunCommand(alice.ID, general, "slow").Wait(wait, func(a discordtest.Answer) bool {
			return !a.Loading() && len(a.Followups) == 1 && a.Message.Content == "done (edited)"
		})
		if err != nil {
			t.Fatalf("%v: %+v", err, a.Message)
		}
		if a.Type != discord.InteractionResponseTypeDeferredChannelMessageWithSource {
			t.Errorf("callback type %d, want a deferral", a.Type)
		}
		if a.Followups[0].Content != "and more" || a.Followups[0].ChannelID != general {
			t.Errorf("follow-up %+v", a.Followups[0])
		}
	})
}

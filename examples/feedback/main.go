// Command feedback is a bot with every kind of interaction: /feedback takes
// a topic with autocomplete, answers with a rating select and a button, and
// the button opens a modal whose text the bot acknowledges.
//
// With DISCORD_TOKEN set it runs against Discord until interrupted (the
// command goes to the guild DISCORD_GUILD, or is global without it). Without
// it, it starts the built-in Discord emulator, has a simulated user go
// through every step, prints what the user sees and exits:
//
//	go run ./examples/feedback
package main

import (
	"context"
	"errors"
	"fmt"
	"log"
	"os"
	"strconv"
	"strings"
	"time"

	"github.com/cordage/cordage"
	"github.com/cordage/cordage/discord"
	"github.com/cordage/cordage/discordtest"
	"github.com/cordage/cordage/examples/internal/sandbox"
	"github.com/cordage/cordage/interactions"
)

var topics = []string{"documentation", "dispatch", "gateway", "interactions", "rate limits", "rest"}

// setup declares the command, its autocomplete, the select, the button and
// the modal, and syncs the command at start.
func setup(g *cordage.Group, guildID discord.Snowflake) error {
	r := g.Interactions
	r.Command(interactions.Command{
		Name: "feedback", Description: "Tell us what you think",
		Options: []discord.ApplicationCommandOption{{
			Type: discord.ApplicationCommandOptionTypeString, Name: "topic", Description: "What about",
			Required: true, Autocomplete: true,
		}},
		Handle: func(ctx context.Context, c *interactions.Context) (*discord.InteractionResponse, error) {
			topic, err := c.String("topic")
			if err != nil {
				return nil, err
			}
			rating := &discord.StringSelect{CustomID: "rate/" + topic, Placeholder: "Rate it"}
			for n := 1; n <= 5; n++ {
				rating.Options = append(rating.Options, discord.SelectOption{Label: strings.Repeat("★", n), Value: strconv.Itoa(n)})
			}
			return interactions.Message(discord.InteractionResponseData{
				Content: "Feedback on " + topic,
				Components: discord.Components{
					discord.NewActionRow(rating),
					discord.NewActionRow(discord.NewButton(discord.ButtonStylePrimary, "Write a comment", "comment/"+topic)),
				},
			}), nil
		},
		Autocomplete: func(ctx context.Context, c *interactions.Context) ([]discord.ApplicationCommandOptionChoice, error) {
			typed, _ := c.Focused().String()
			var out []discord.ApplicationCommandOptionChoice
			for _, t := range topics {
				if strings.HasPrefix(t, strings.ToLower(typed)) {
					out = append(out, interactions.Choice(t, t))
				}
			}
			return out, nil
		},
	})
	r.Component("rate/{topic}", func(ctx context.Context, c *interactions.Context) (*discord.InteractionResponse, error) {
		return interactions.ReplyEphemeral(fmt.Sprintf("Thanks: %s stars for %s", c.Values()[0], c.Param("topic"))), nil
	})
	r.Component("comment/{topic}", func(ctx context.Context, c *interactions.Context) (*discord.InteractionResponse, error) {
		return interactions.Modal("comment/"+c.Param("topic"), "Comment on "+c.Param("topic"),
			discord.NewLabel("Your comment", &discord.TextInput{CustomID: "text", Style: discord.TextInputStyleParagraph})), nil
	})
	r.Modal("comment/{topic}", func(ctx context.Context, c *interactions.Context) (*discord.InteractionResponse, error) {
		text, _ := c.ModalValue("text")
		return interactions.ReplyEphemeral(fmt.Sprintf("Noted on %s: %q", c.Param("topic"), text)), nil
	})
	g.OnStartup(func(ctx context.Context) error {
		app, err := g.Rest.Applications.GetCurrent(ctx)
		if err != nil {
			return err
		}
		_, err = r.Sync(ctx, interactions.RESTCommands(g.Rest), app.ID, guildID)
		return err
	})
	return nil
}

func main() {
	if token := os.Getenv("DISCORD_TOKEN"); token != "" {
		guild, _ := strconv.ParseUint(os.Getenv("DISCORD_GUILD"), 10, 64)
		err := cordage.Run(context.Background(), token, func(g *cordage.Group) error {
			return setup(g, discord.Snowflake(guild))
		})
		if err != nil {
			log.Fatal(err)
		}
		return
	}
	if err := offline(); err != nil {
		log.Fatal(err)
	}
}

// offline runs the bot against the emulator while a simulated user goes
// through autocomplete, the command, the select, the button and the modal.
func offline() error {
	sb, err := sandbox.Start(0)
	if err != nil {
		return err
	}
	defer sb.Close()
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	g, err := cordage.Connect(ctx, sb.Server.Token(), sb.Options()...)
	if err != nil {
		return err
	}
	defer g.Close()
	if err := setup(g, sb.Guild.ID); err != nil {
		return err
	}
	// Connect ran before setup, so sync the command now.
	app, err := g.Rest.Applications.GetCurrent(ctx)
	if err != nil {
		return err
	}
	if _, err := g.Interactions.Sync(ctx, interactions.RESTCommands(g.Rest), app.ID, sb.Guild.ID); err != nil {
		return err
	}
	return play(ctx, sb.Server, sb.Alice.ID, sb.Guild.SystemChannelID)
}

func play(ctx context.Context, srv *discordtest.Server, alice, channel discord.Snowflake) error {
	fmt.Println(`alice types /feedback topic: "re"`)
	a, err := srv.Autocomplete(alice, channel, "feedback", discordtest.Typing("topic", "re")).Response(ctx)
	if err != nil {
		return err
	}
	var names []string
	for _, c := range a.Choices() {
		names = append(names, c.Name)
	}
	fmt.Printf("  suggestions: %s\n", strings.Join(names, ", "))

	fmt.Println("alice runs /feedback topic: rest")
	a, err = srv.RunCommand(alice, channel, "feedback", discordtest.Opt("topic", "rest")).Response(ctx)
	if err != nil {
		return err
	}
	if a.Message == nil {
		return errors.New("no message for /feedback")
	}
	fmt.Printf("#general  bot: %s  [Rate it ▾] [Write a comment]\n", a.Message.Content)
	msg := *a.Message

	fmt.Println("alice picks ★★★★")
	a, err = srv.SelectValues(alice, msg, "rate/rest", "4").Response(ctx)
	if err != nil {
		return err
	}
	fmt.Printf("  (only alice sees) bot: %s\n", a.Message.Content)

	fmt.Println("alice clicks [Write a comment]")
	a, err = srv.ClickButton(alice, msg, "comment/rest").Response(ctx)
	if err != nil {
		return err
	}
	id, title := a.Modal()
	fmt.Printf("  a modal opens: %q\n", title)

	fmt.Println(`alice writes "fast and clear" and submits`)
	a, err = srv.SubmitModal(alice, channel, id, map[string]string{"text": "fast and clear"}).Response(ctx)
	if err != nil {
		return err
	}
	fmt.Printf("  (only alice sees) bot: %s\n", a.Message.Content)
	if a.Message.Content != `Noted on rest: "fast and clear"` {
		return fmt.Errorf("unexpected answer %q", a.Message.Content)
	}
	return nil
}

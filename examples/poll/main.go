// Command poll is a bot with a slash command and buttons: /poll question
// posts the question with Yes and No buttons, and a click updates the
// message with the tally. At start it syncs its commands, writing them only
// when they changed.
//
// With DISCORD_TOKEN set it runs against Discord until interrupted (the
// commands go to the guild DISCORD_GUILD, or are global without it). Without
// it, it starts the built-in Discord emulator, has a simulated user run
// /poll and click a button, prints what the user sees and exits:
//
//	go run ./examples/poll
package main

import (
	"context"
	"errors"
	"fmt"
	"log"
	"os"
	"strconv"
	"sync"
	"time"

	"github.com/cordage/cordage"
	"github.com/cordage/cordage/discord"
	"github.com/cordage/cordage/discordtest"
	"github.com/cordage/cordage/dispatch"
	"github.com/cordage/cordage/events"
	"github.com/cordage/cordage/examples/internal/sandbox"
	"github.com/cordage/cordage/interactions"
)

// tally counts the votes of every poll, by question.
type tally struct {
	mu    sync.Mutex
	votes map[string]map[string]int // question -> choice -> count
}

func (t *tally) vote(question, choice string) (yes, no int) {
	t.mu.Lock()
	defer t.mu.Unlock()
	if t.votes[question] == nil {
		t.votes[question] = map[string]int{}
	}
	t.votes[question][choice]++
	return t.votes[question]["yes"], t.votes[question]["no"]
}

// pollMessage is a poll as its message shows it.
func pollMessage(question string, yes, no int) discord.InteractionResponseData {
	return discord.InteractionResponseData{
		Content: fmt.Sprintf("📊 %s (yes %d, no %d)", question, yes, no),
		Components: discord.Components{discord.NewActionRow(
			discord.NewButton(discord.ButtonStyleSuccess, "Yes", "vote/yes/"+question),
			discord.NewButton(discord.ButtonStyleDanger, "No", "vote/no/"+question),
		)},
	}
}

// setup declares the bot's command and buttons and syncs the command with
// Discord at start; it is the same for Discord and for the emulator.
func setup(g *cordage.Group, guildID discord.Snowflake) error {
	t := &tally{votes: map[string]map[string]int{}}
	g.Interactions.Command(interactions.Command{
		Name: "poll", Description: "Ask a yes/no question",
		Options: []discord.ApplicationCommandOption{{
			Type: discord.ApplicationCommandOptionTypeString, Name: "question", Description: "The question", Required: true, MaxLength: 80,
		}},
		Handle: func(ctx context.Context, c *interactions.Context) (*discord.InteractionResponse, error) {
			q, err := c.String("question")
			if err != nil {
				return nil, err
			}
			return interactions.Message(pollMessage(q, 0, 0)), nil
		},
	})
	g.Interactions.Component("vote/{choice}/{question}", func(ctx context.Context, c *interactions.Context) (*discord.InteractionResponse, error) {
		yes, no := t.vote(c.Param("question"), c.Param("choice"))
		return interactions.Update(pollMessage(c.Param("question"), yes, no)), nil
	})
	g.OnStartup(func(ctx context.Context) error {
		app, err := g.Rest.Applications.GetCurrent(ctx)
		if err != nil {
			return err
		}
		res, err := g.Interactions.Sync(ctx, interactions.RESTCommands(g.Rest), app.ID, guildID)
		if err != nil {
			return err
		}
		g.Logger.Info("commands synced", "wrote", res.Wrote, "added", res.Added, "changed", res.Changed, "removed", res.Removed)
		return nil
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

// offline runs the bot against the emulator while a simulated user runs
// /poll and votes.
func offline() error {
	sb, err := sandbox.Start(0)
	if err != nil {
		return err
	}
	defer sb.Close()
	srv, general := sb.Server, sb.Guild.SystemChannelID

	ctx, cancel := context.WithCancel(context.Background())
	ready := make(chan struct{}, 1)
	done := make(chan error, 1)
	go func() {
		done <- cordage.Run(ctx, srv.Token(), func(g *cordage.Group) error {
			dispatch.On(g.Dispatcher, func(ctx context.Context, e *events.GuildCreate) error {
				ready <- struct{}{}
				return nil
			})
			return setup(g, sb.Guild.ID)
		}, sb.Options()...)
	}()
	stop := func() error {
		cancel()
		if err := <-done; err != nil && !errors.Is(err, context.Canceled) {
			return err
		}
		return nil
	}
	select {
	case <-ready:
	case err := <-done:
		return err
	case <-time.After(10 * time.Second):
		stop()
		return errors.New("the bot did not connect")
	}
	if err := play(srv, sb.Alice.ID, general); err != nil {
		stop()
		return err
	}
	return stop()
}

// play runs /poll and clicks Yes twice as Alice, printing what she sees.
func play(srv *discordtest.Server, alice, channel discord.Snowflake) error {
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	fmt.Println("alice: /poll question: Pizza tonight?")
	a, err := srv.RunCommand(alice, channel, "poll", discordtest.Opt("question", "Pizza tonight?")).Response(ctx)
	if err != nil {
		return err
	}
	if a.Message == nil {
		return fmt.Errorf("the bot answered with callback type %d, not a message", a.Type)
	}
	fmt.Printf("#general  bot: %s  [Yes] [No]\n", a.Message.Content)
	poll := *a.Message
	for range 2 {
		fmt.Println("alice clicks [Yes]")
		a, err = srv.ClickButton(alice, poll, "vote/yes/Pizza tonight?").Response(ctx)
		if err != nil {
			return err
		}
		fmt.Printf("#general  bot (edited): %s\n", a.Message.Content)
	}
	if a.Message.Content != "📊 Pizza tonight? (yes 2, no 0)" {
		return fmt.Errorf("unexpected tally %q", a.Message.Content)
	}
	return nil
}

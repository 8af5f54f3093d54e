// Command ping is the smallest cordage bot: it answers "!ping" with "pong".
//
// With DISCORD_TOKEN set it runs against Discord until interrupted. Without
// it, it starts the built-in Discord emulator (package discordtest), lets a
// simulated user say "!ping" a few times, prints the conversation and exits:
//
//	go run ./examples/ping
package main

import (
	"context"
	"fmt"
	"log"
	"os"
	"time"

	"github.com/cordage/cordage"
	"github.com/cordage/cordage/discord"
	"github.com/cordage/cordage/dispatch"
	"github.com/cordage/cordage/events"
	"github.com/cordage/cordage/examples/internal/sandbox"
	"github.com/cordage/cordage/gateway"
)

// setup registers the bot's handlers; it is the same for Discord and for the
// emulator.
func setup(g *cordage.Group) error {
	dispatch.On(g.Dispatcher, func(ctx context.Context, e *events.MessageCreate) error {
		if e.Author == nil || e.Author.Bot || e.Content != "!ping" {
			return nil
		}
		_, err := g.Rest.Messages.Create(ctx, e.ChannelID, &discord.CreateMessageRequest{
			Content:          "pong",
			MessageReference: &discord.MessageReference{MessageID: e.ID},
		})
		return err
	})
	return nil
}

const intents = gateway.IntentsDefault | gateway.IntentMessageContent

func main() {
	if token := os.Getenv("DISCORD_TOKEN"); token != "" {
		if err := cordage.Run(context.Background(), token, setup, cordage.WithIntents(intents)); err != nil {
			log.Fatal(err)
		}
		return
	}
	if err := offline(); err != nil {
		log.Fatal(err)
	}
}

// offline runs the bot against the emulator and plays a short conversation.
func offline() error {
	sb, err := sandbox.Start(gateway.IntentMessageContent)
	if err != nil {
		return err
	}
	defer sb.Close()
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	g, err := cordage.Connect(ctx, sb.Server.Token(), sb.Options(cordage.WithIntents(intents))...)
	if err != nil {
		return err
	}
	defer g.Close()
	if err := setup(g); err != nil {
		return err
	}
	sb.Watch(g)
	for range 3 {
		sb.Say("!ping")
		if err := sb.Expect(2); err != nil { // alice's message, then the answer
			return err
		}
	}
	fmt.Println("the bot answered every ping; stopping")
	return nil
}

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
	"log/slog"
	"os"
	"time"

	"github.com/cordage/cordage"
	"github.com/cordage/cordage/discord"
	"github.com/cordage/cordage/discordtest"
	"github.com/cordage/cordage/dispatch"
	"github.com/cordage/cordage/events"
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
	if err := sandbox(); err != nil {
		log.Fatal(err)
	}
}

// sandbox runs the bot against the emulator and plays a short conversation.
func sandbox() error {
	srv, err := discordtest.NewServer(discordtest.WithPrivilegedIntents(uint64(gateway.IntentMessageContent)))
	if err != nil {
		return err
	}
	defer srv.Close()
	guild := srv.AddGuild("Sandbox")
	alice := srv.AddUser("alice")
	srv.AddMember(guild.ID, alice.ID)
	fmt.Printf("emulator on %s; bot %s in guild %q\n", srv.URL(), srv.Bot().Username, guild.Name)

	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	quiet := slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: slog.LevelWarn}))
	g, err := cordage.Connect(ctx, srv.Token(), cordage.WithBaseURL(srv.URL()), cordage.WithIntents(intents), cordage.WithLogger(quiet))
	if err != nil {
		return err
	}
	defer g.Close()
	if err := setup(g); err != nil {
		return err
	}

	// Show every message of the channel as the emulator's users would see it.
	seen := make(chan *events.MessageCreate, 16)
	dispatch.On(g.Dispatcher, func(ctx context.Context, e *events.MessageCreate) error {
		seen <- e
		return nil
	})
	for i := range 3 {
		srv.SendMessage(alice.ID, guild.SystemChannelID, "!ping")
		for range 2 { // alice's message, then the bot's answer
			select {
			case m := <-seen:
				fmt.Printf("#general  %-18s %s\n", m.Author.Username+":", m.Content)
			case <-ctx.Done():
				return fmt.Errorf("exchange %d: no answer: %w", i+1, ctx.Err())
			}
		}
	}
	fmt.Println("the bot answered every ping; stopping")
	return nil
}

// Command multibot runs two bots in one process with a cordage.Hub: the
// "listener" bot hears "!ask" on the gateway, and answers through the
// "speaker" bot's REST client, which it gets from the injected
// cordage.Groups.
//
// With DISCORD_TOKEN (the listener) and DISCORD_TOKEN_2 (the speaker) set, it
// runs against Discord until interrupted. Without them it runs against the
// built-in emulator, where both groups use the emulator's one bot, plays a
// short conversation and exits:
//
//	go run ./examples/multibot
package main

import (
	"context"
	"fmt"
	"log"
	"os"
	"os/signal"
	"time"

	"github.com/cordage/cordage"
	"github.com/cordage/cordage/discord"
	"github.com/cordage/cordage/events"
	"github.com/cordage/cordage/examples/internal/sandbox"
	"github.com/cordage/cordage/gateway"
)

const intents = gateway.IntentsDefault | gateway.IntentMessageContent

// build adds the two groups to the hub.
func build(h *cordage.Hub, listenerToken, speakerToken string, opts ...cordage.Option) (*cordage.Group, error) {
	listener, err := h.NewGroup("listener", listenerToken, append(opts, cordage.WithIntents(intents))...)
	if err != nil {
		return nil, err
	}
	if _, err := h.NewGroup("speaker", speakerToken, append(opts, cordage.WithoutGateway())...); err != nil {
		return nil, err
	}
	_, err = listener.Dispatcher.AddHandler(func(e *events.MessageCreate, ctx context.Context, groups cordage.Groups) error {
		if e.Author == nil || e.Author.Bot || e.Content != "!ask" {
			return nil
		}
		_, err := groups["speaker"].Rest.Messages.Create(ctx, e.ChannelID, &discord.CreateMessageRequest{
			Content: "the speaker answers for the listener",
		})
		return err
	})
	return listener, err
}

func main() {
	if t1, t2 := os.Getenv("DISCORD_TOKEN"), os.Getenv("DISCORD_TOKEN_2"); t1 != "" && t2 != "" {
		ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
		defer stop()
		h := cordage.NewHub()
		if _, err := build(h, t1, t2); err != nil {
			log.Fatal(err)
		}
		if err := h.Run(ctx); err != nil {
			log.Fatal(err)
		}
		return
	}
	if err := offline(); err != nil {
		log.Fatal(err)
	}
}

func offline() error {
	sb, err := sandbox.Start(gateway.IntentMessageContent)
	if err != nil {
		return err
	}
	defer sb.Close()
	h := cordage.NewHub()
	listener, err := build(h, sb.Server.Token(), sb.Server.Token(), sb.Options()...)
	if err != nil {
		return err
	}
	sb.Watch(listener)
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- h.Run(ctx) }()
	defer func() { cancel(); <-done }()

	// Ask once the listener is connected.
	select {
	case <-listener.Ready():
	case <-time.After(10 * time.Second):
		return fmt.Errorf("the listener did not connect")
	}
	sb.Say("!ask")
	if err := sb.Expect(2); err != nil {
		return err
	}
	fmt.Println("the speaker answered what the listener heard; stopping")
	return nil
}

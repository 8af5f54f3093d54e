// Command hooks shows a bot's lifecycle: startup hooks run before the bot
// connects (here, checking the token works and announcing the bot), a
// handler counts messages, and shutdown hooks run once, in reverse order,
// when the bot stops: the last one posts a goodbye with the count.
//
// With DISCORD_TOKEN and HOOKS_CHANNEL_ID set it runs against Discord until
// interrupted. Without them it runs against the built-in emulator, lets a
// simulated user talk, stops the bot, prints what happened and exits:
//
//	go run ./examples/hooks
package main

import (
	"context"
	"fmt"
	"log"
	"net/http"
	"os"
	"sync/atomic"
	"time"

	"github.com/cordage/cordage"
	"github.com/cordage/cordage/discord"
	"github.com/cordage/cordage/dispatch"
	"github.com/cordage/cordage/events"
	"github.com/cordage/cordage/examples/internal/sandbox"
	"github.com/cordage/cordage/gateway"
	"github.com/cordage/cordage/rest"
)

// setup registers the hooks and the handler; channel is where the bot says
// hello and goodbye.
func setup(channel discord.Snowflake) func(*cordage.Group) error {
	return func(g *cordage.Group) error {
		var count atomic.Int64
		g.OnStartup(func(ctx context.Context) error {
			me, err := g.Rest.Users.GetCurrent(ctx)
			if err != nil {
				return fmt.Errorf("checking the token: %w", err)
			}
			fmt.Printf("startup: logged in as %s\n", me.Username)
			return nil
		})
		g.OnShutdown(func(ctx context.Context) error {
			fmt.Println("shutdown: goodbye sent; last hook done")
			return nil
		})
		g.OnShutdown(func(ctx context.Context) error {
			_, err := g.Rest.Messages.Create(ctx, channel, &discord.CreateMessageRequest{
				Content: fmt.Sprintf("going offline after %d messages", count.Load()),
			})
			return err
		})
		dispatch.On(g.Dispatcher, func(ctx context.Context, e *events.MessageCreate) error {
			if e.Author != nil && !e.Author.Bot {
				count.Add(1)
			}
			return nil
		})
		return nil
	}
}

func main() {
	if token := os.Getenv("DISCORD_TOKEN"); token != "" {
		channel, err := discord.ParseSnowflake(os.Getenv("HOOKS_CHANNEL_ID"))
		if err != nil {
			log.Fatal("HOOKS_CHANNEL_ID: ", err)
		}
		if err := cordage.Run(context.Background(), token, setup(channel), cordage.WithIntents(gateway.IntentsDefault|gateway.IntentMessageContent)); err != nil {
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
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	started := make(chan *cordage.Group, 1)
	done := make(chan error, 1)
	go func() {
		done <- cordage.Run(ctx, sb.Server.Token(), func(g *cordage.Group) error {
			sb.Watch(g)
			started <- g
			return setup(sb.Guild.SystemChannelID)(g)
		}, sb.Options(cordage.WithIntents(gateway.IntentsDefault|gateway.IntentMessageContent))...)
	}()
	g := <-started
	select {
	case <-g.Ready():
	case err := <-done:
		return err
	case <-time.After(10 * time.Second):
		return fmt.Errorf("the bot did not connect")
	}
	sb.Say("hello bot")
	sb.Say("are you counting?")
	if err := sb.Expect(2); err != nil {
		return err
	}
	cancel()
	if err := <-done; err != nil {
		return err
	}
	// Read the channel as a user would, to see the goodbye.
	hc := &http.Client{Transport: &http.Transport{}}
	defer hc.CloseIdleConnections()
	c := rest.New(sb.Server.Token(), rest.WithBaseURL(sb.Server.URL()), rest.WithHTTPClient(hc))
	msgs, err := c.Messages.List(context.Background(), sb.Guild.SystemChannelID, nil)
	if err != nil {
		return err
	}
	fmt.Printf("#general  %-18s %s\n", msgs[0].Author.Username+":", msgs[0].Content)
	return nil
}

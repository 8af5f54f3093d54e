// Package sandbox runs the examples against the built-in Discord emulator
// when no DISCORD_TOKEN is set: it starts discordtest with a guild and a
// user, and prints a channel's messages as a Discord client would show them.
package sandbox

import (
	"context"
	"fmt"
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

// Sandbox is a running emulator with a guild and a user, Alice, in it.
type Sandbox struct {
	Server *discordtest.Server
	Guild  discord.Guild
	Alice  discord.User
	seen   chan *events.MessageCreate
}

// Start starts the emulator, granting the privileged intents the example
// asks for.
func Start(privileged gateway.Intents) (*Sandbox, error) {
	srv, err := discordtest.NewServer(discordtest.WithPrivilegedIntents(uint64(privileged)))
	if err != nil {
		return nil, err
	}
	s := &Sandbox{Server: srv, Guild: srv.AddGuild("Sandbox"), Alice: srv.AddUser("alice"), seen: make(chan *events.MessageCreate, 64)}
	srv.AddMember(s.Guild.ID, s.Alice.ID)
	fmt.Printf("emulator on %s; bot %s in guild %q\n", srv.URL(), srv.Bot().Username, s.Guild.Name)
	return s, nil
}

// Close stops the emulator.
func (s *Sandbox) Close() error { return s.Server.Close() }

// Options point a group at the emulator and keep its log quiet.
func (s *Sandbox) Options(opts ...cordage.Option) []cordage.Option {
	quiet := slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: slog.LevelWarn}))
	return append([]cordage.Option{cordage.WithBaseURL(s.Server.URL()), cordage.WithLogger(quiet)}, opts...)
}

// Watch records the messages a group sees, for Expect.
func (s *Sandbox) Watch(g *cordage.Group) {
	dispatch.On(g.Dispatcher, func(ctx context.Context, e *events.MessageCreate) error {
		s.seen <- e
		return nil
	})
}

// Say posts a message as Alice in #general.
func (s *Sandbox) Say(content string) {
	s.Server.SendMessage(s.Alice.ID, s.Guild.SystemChannelID, content)
}

// Expect prints the next n messages of the watched group, failing after a
// timeout.
func (s *Sandbox) Expect(n int) error {
	for i := range n {
		select {
		case m := <-s.seen:
			fmt.Printf("#general  %-18s %s\n", m.Author.Username+":", m.Content)
		case <-time.After(10 * time.Second):
			return fmt.Errorf("message %d of %d did not arrive", i+1, n)
		}
	}
	return nil
}

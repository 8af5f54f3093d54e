package interactions_test

import (
	"context"
	"log/slog"
	"net/http"
	"slices"
	"strings"
	"testing"

	"github.com/cordage/cordage/discord"
	"github.com/cordage/cordage/discordtest"
	"github.com/cordage/cordage/interactions"
	"github.com/cordage/cordage/internal/leakcheck"
	"github.com/cordage/cordage/rest"
)

func syncSetup(t *testing.T) (*discordtest.Server, *rest.Client) {
	t.Helper()
	leakcheck.Check(t)
	srv, err := discordtest.NewServer()
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { srv.Close() })
	hc := &http.Client{Transport: &http.Transport{}}
	t.Cleanup(hc.CloseIdleConnections)
	c := rest.New(srv.Token(), rest.WithBaseURL(srv.URL()), rest.WithHTTPClient(hc), rest.WithLogger(slog.New(slog.DiscardHandler)))
	return srv, c
}

func noop(context.Context, *interactions.Context) (*discord.InteractionResponse, error) {
	return nil, nil
}

// declare returns a router declaring a slash command with a subcommand and
// options, and a user command; describe is the subcommand's description.
func declare(describe string) *interactions.Router {
	r := interactions.NewRouter()
	r.Command(interactions.Command{
		Name: "poll", Description: "Polls",
		Subcommands: []interactions.Command{{
			Name: "create", Description: describe, Handle: noop,
			Options: []discord.ApplicationCommandOption{
				{Type: discord.ApplicationCommandOptionTypeString, Name: "question", Description: "What to ask", Required: true},
				{Type: discord.ApplicationCommandOptionTypeInteger, Name: "hours", Description: "How long",
					MinValue: discord.Some(1.0), MaxValue: discord.Some(48.0),
					Choices: []discord.ApplicationCommandOptionChoice{interactions.Choice("one", 1), interactions.Choice("day", 24)}},
			},
		}},
	})
	r.Command(interactions.Command{Type: discord.ApplicationCommandTypeUser, Name: "Profile", Handle: noop})
	return r
}

// writes counts the bulk overwrites the emulator received.
func writes(srv *discordtest.Server) int {
	n := 0
	for _, req := range srv.Requests() {
		if req.Method == "PUT" && strings.Contains(req.Route, "/commands") {
			n++
		}
	}
	return n
}

func TestSyncWritesOnceThenNotWhenUnchanged(t *testing.T) {
	srv, c := syncSetup(t)
	api := interactions.RESTCommands(c)
	ctx := context.Background()
	app := srv.ApplicationID()

	res, err := declare("Start a poll").Sync(ctx, api, app, 0)
	if err != nil {
		t.Fatal(err)
	}
	if !res.Wrote || !slices.Equal(res.Added, []string{"poll", "user:Profile"}) || writes(srv) != 1 {
		t.Fatalf("first sync %+v, %d writes", res, writes(srv))
	}
	if n := len(srv.Commands(0)); n != 2 {
		t.Fatalf("%d global commands", n)
	}

	// A new router declaring the same commands, as after a restart.
	res, err = declare("Start a poll").Sync(ctx, api, app, 0)
	if err != nil {
		t.Fatal(err)
	}
	if res.Wrote || len(res.Added)+len(res.Changed)+len(res.Removed) != 0 || writes(srv) != 1 {
		t.Fatalf("unchanged sync %+v, %d writes", res, writes(srv))
	}
}

func TestSyncOverwritesChangedAndRemovedCommands(t *testing.T) {
	srv, c := syncSetup(t)
	api := interactions.RESTCommands(c)
	ctx := context.Background()
	app := srv.ApplicationID()
	if _, err := declare("Start a poll").Sync(ctx, api, app, 0); err != nil {
		t.Fatal(err)
	}
	r := interactions.NewRouter()
	r.Command(interactions.Command{Name: "poll", Description: "Polls", Subcommands: []interactions.Command{{
		Name: "create", Description: "Start a new poll", Handle: noop}}})
	r.Command(interactions.Command{Name: "ping", Description: "Pong", Handle: noop})
	res, err := r.Sync(ctx, api, app, 0)
	if err != nil {
		t.Fatal(err)
	}
	if !res.Wrote || !slices.Equal(res.Added, []string{"ping"}) || !slices.Equal(res.Changed, []string{"poll"}) ||
		!slices.Equal(res.Removed, []string{"user:Profile"}) || writes(srv) != 2 {
		t.Fatalf("sync %+v, %d writes", res, writes(srv))
	}
	var names []string
	for _, c := range srv.Commands(0) {
		names = append(names, c.Name)
	}
	slices.Sort(names)
	if !slices.Equal(names, []string{"ping", "poll"}) {
		t.Fatalf("registered %v", names)
	}
}

func TestSyncKeepsGuildCommandsApartFromGlobalOnes(t *testing.T) {
	srv, c := syncSetup(t)
	api := interactions.RESTCommands(c)
	ctx := context.Background()
	app := srv.ApplicationID()
	g1, g2 := srv.AddGuild("one"), srv.AddGuild("two")

	if _, err := declare("Start a poll").Sync(ctx, api, app, g1.ID); err != nil {
		t.Fatal(err)
	}
	if len(srv.Commands(g1.ID)) != 2 || len(srv.Commands(0)) != 0 || len(srv.Commands(g2.ID)) != 0 {
		t.Fatalf("guild 1: %d, global: %d, guild 2: %d", len(srv.Commands(g1.ID)), len(srv.Commands(0)), len(srv.Commands(g2.ID)))
	}
	res, err := declare("Start a poll").Sync(ctx, api, app, g1.ID)
	if err != nil || res.Wrote {
		t.Fatalf("unchanged guild sync %+v, %v", res, err)
	}
	res, err = declare("Start a poll").Sync(ctx, api, app, g2.ID)
	if err != nil || !res.Wrote || len(res.Added) != 2 || writes(srv) != 2 {
		t.Fatalf("second guild sync %+v, %v, %d writes", res, err, writes(srv))
	}
}

func TestSyncTellsEveryoneFromAdministratorsOnly(t *testing.T) {
	srv, c := syncSetup(t)
	api := interactions.RESTCommands(c)
	ctx := context.Background()
	app := srv.ApplicationID()
	router := func(perms discord.Optional[discord.Permissions]) *interactions.Router {
		r := interactions.NewRouter()
		r.Command(interactions.Command{Name: "ban", Description: "Ban someone", DefaultMemberPermissions: perms,
			Handle: func(ctx context.Context, c *interactions.Context) (*discord.InteractionResponse, error) {
				return nil, nil
			}})
		return r
	}
	if _, err := router(discord.Optional[discord.Permissions]{}).Sync(ctx, api, app, 0); err != nil {
		t.Fatal(err)
	}
	res, err := router(discord.Some[discord.Permissions](0)).Sync(ctx, api, app, 0)
	if err != nil {
		t.Fatal(err)
	}
	if !res.Wrote || !slices.Equal(res.Changed, []string{"ban"}) {
		t.Fatalf("restricting to administrators: %+v", res)
	}
	res, err = router(discord.Some[discord.Permissions](0)).Sync(ctx, api, app, 0)
	if err != nil || res.Wrote {
		t.Fatalf("unchanged administrators-only command: %+v, %v", res, err)
	}
}

package interactions_test

import (
	"context"
	"fmt"
	"log/slog"
	"net/http"

	"github.com/cordage/cordage/discord"
	"github.com/cordage/cordage/discordtest"
	"github.com/cordage/cordage/interactions"
	"github.com/cordage/cordage/rest"
)

// Sync registers the declared commands at start, writing only when they
// changed since the last start.
func ExampleRouter_Sync() {
	srv, _ := discordtest.NewServer()
	defer srv.Close()
	hc := &http.Client{Transport: &http.Transport{}}
	defer hc.CloseIdleConnections()
	client := rest.New(srv.Token(), rest.WithBaseURL(srv.URL()), rest.WithHTTPClient(hc), rest.WithLogger(slog.New(slog.DiscardHandler)))
	ctx := context.Background()

	for range 2 { // two starts of the bot
		r := interactions.NewRouter()
		r.Command(interactions.Command{Name: "ping", Description: "Check the bot is alive",
			Handle: func(ctx context.Context, c *interactions.Context) (*discord.InteractionResponse, error) {
				return interactions.Reply("pong"), nil
			}})
		res, err := r.Sync(ctx, interactions.RESTCommands(client), srv.ApplicationID(), 0)
		if err != nil {
			fmt.Println(err)
			return
		}
		fmt.Printf("wrote %v, added %v\n", res.Wrote, res.Added)
	}
	// Output:
	// wrote true, added [ping]
	// wrote false, added []
}

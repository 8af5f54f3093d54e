package gateway_test

import (
	"context"
	"errors"
	"log/slog"
	"testing"
	"time"

	"github.com/cordage/cordage/discord"
	"github.com/cordage/cordage/discordtest"
	"github.com/cordage/cordage/events"
	"github.com/cordage/cordage/gateway"
)

func TestManagerRunsEveryShardOnOneStream(t *testing.T) {
	srv := newServer(t, discordtest.WithMaxConcurrency(2), discordtest.WithRecommendedShards(2))
	want := map[discord.Snowflake]int{}
	for range 6 {
		g := srv.AddGuild("g")
		want[g.ID] = int(uint64(g.ID>>22) % 2)
	}
	m := gateway.NewManager(gateway.ManagerConfig{
		Token: srv.Token(),
		Info: func(ctx context.Context) (gateway.BotInfo, error) {
			return gateway.BotInfo{URL: srv.GatewayURL(), Shards: 2, SessionsTotal: 1000, SessionsRemaining: 1000, MaxConcurrency: 2}, nil
		},
		Options: []gateway.Option{gateway.WithIntents(gateway.IntentGuilds), gateway.WithLogger(slog.New(slog.DiscardHandler))},
	})
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- m.Run(ctx) }()
	seen := 0
	timeout := time.After(5 * time.Second)
	for seen < len(want) {
		select {
		case ev := <-m.Events():
			if gc, ok := ev.Event.(*events.GuildCreate); ok {
				if ev.Shard.ID() != want[gc.ID] || ev.Shard.Count() != 2 {
					t.Errorf("guild %d arrived on %s, want shard %d", gc.ID, ev.Shard, want[gc.ID])
				}
				if m.Shard(uint64(gc.ID)) != ev.Shard {
					t.Errorf("Manager.Shard(%d) disagrees", gc.ID)
				}
				seen++
			}
		case <-timeout:
			t.Fatalf("saw %d of %d guilds", seen, len(want))
		}
	}
	cancel()
	if err := <-done; !errors.Is(err, context.Canceled) {
		t.Errorf("Run: %v", err)
	}
	if _, open := <-m.Events(); open {
		// Drain: the channel closes when Run returns.
		for range m.Events() {
		}
	}
}

func TestManagerRefusesToStartPastTheSessionStartLimit(t *testing.T) {
	m := gateway.NewManager(gateway.ManagerConfig{
		Token: "t",
		Info: func(ctx context.Context) (gateway.BotInfo, error) {
			return gateway.BotInfo{URL: "ws://127.0.0.1:1", Shards: 4, SessionsTotal: 1000, SessionsRemaining: 2, ResetAfter: 3600000}, nil
		},
	})
	if err := m.Run(context.Background()); !errors.Is(err, gateway.ErrSessionStartLimit) {
		t.Fatalf("Run: %v, want ErrSessionStartLimit", err)
	}
}

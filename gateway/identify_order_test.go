package gateway_test

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"sync"
	"testing"
	"time"

	"github.com/cordage/cordage/discordtest"
	"github.com/cordage/cordage/gateway"
)

// identifyLog records when each shard was let through the identify limiter.
type identifyLog struct {
	mu  sync.Mutex
	at  map[int][]time.Time // by bucket
	ids []int
}

func (l *identifyLog) limiter(inner gateway.IdentifyLimiter) gateway.IdentifyLimiter {
	return gateway.IdentifyLimiterFunc(func(ctx context.Context, shardID, maxConcurrency int) error {
		if err := inner.Wait(ctx, shardID, maxConcurrency); err != nil {
			return err
		}
		l.mu.Lock()
		defer l.mu.Unlock()
		if l.at == nil {
			l.at = map[int][]time.Time{}
		}
		b := shardID % maxConcurrency
		l.at[b] = append(l.at[b], time.Now())
		l.ids = append(l.ids, shardID)
		return nil
	})
}

// TestManagerIdentifiesSixtyFourShards runs 64 shards against the emulator
// with max_concurrency 1 and 16: every shard gets READY once, and every
// identify went through the limiter given as an option, in its bucket. The
// spacing itself is checked in fake time (identify_order_internal_test.go):
// on a loaded machine, when a goroutine runs after its release is too
// uneven to measure here.
func TestManagerIdentifiesSixtyFourShards(t *testing.T) {
	for _, mc := range []int{16, 1} {
		t.Run(fmt.Sprint("max_concurrency ", mc), func(t *testing.T) {
			const shards, every = 64, 40 * time.Millisecond
			srv := newServer(t, discordtest.WithMaxConcurrency(mc), discordtest.WithRecommendedShards(shards),
				discordtest.WithIdentifyWindow(every/4))
			var log identifyLog
			m := gateway.NewManager(gateway.ManagerConfig{
				Token: srv.Token(),
				Info: func(ctx context.Context) (gateway.BotInfo, error) {
					return gateway.BotInfo{URL: srv.GatewayURL(), Shards: shards, SessionsTotal: 1000, SessionsRemaining: 1000, MaxConcurrency: mc}, nil
				},
				Options: []gateway.Option{gateway.WithIntents(gateway.IntentGuilds), gateway.WithLogger(slog.New(slog.DiscardHandler)),
					gateway.WithIdentifyLimiter(log.limiter(gateway.NewIdentifyLimiterEvery(every)), mc),
					// An op 9 would cost a second; the test would see it as a slow READY.
					gateway.WithTimeouts(time.Minute, time.Minute, time.Second)},
			})
			ctx, cancel := context.WithCancel(context.Background())
			done := make(chan error, 1)
			go func() { done <- m.Run(ctx) }()
			ready := map[int]bool{}
			timeout := time.After(10 * time.Second)
			for len(ready) < shards {
				select {
				case ev := <-m.Events():
					if ev.Name == "READY" {
						if ready[ev.Shard.ID()] {
							t.Errorf("%s got READY twice", ev.Shard)
						}
						ready[ev.Shard.ID()] = true
					}
				case <-timeout:
					t.Fatalf("%d of %d shards READY", len(ready), shards)
				}
			}
			cancel()
			if err := <-done; !errors.Is(err, context.Canceled) {
				t.Errorf("Run: %v", err)
			}
			for range m.Events() {
			}
			if n := len(srv.Sessions()); n != shards {
				t.Errorf("%d sessions on the server, want %d", n, shards)
			}
			log.mu.Lock()
			defer log.mu.Unlock()
			if len(log.at) != mc || len(log.ids) < shards {
				t.Errorf("%d buckets, %d identifies", len(log.at), len(log.ids))
			}
			if extra := len(log.ids) - shards; extra > 0 {
				// The limiter spaced them, but on a loaded
				// machine the emulator may receive two closer than its
				// window and answer op 9; the shard then identifies again.
				t.Logf("%d identifies refused by the emulator", extra)
			}
			for b, times := range log.at {
				if len(times) < shards/mc {
					t.Errorf("bucket %d identified %d times, want %d", b, len(times), shards/mc)
				}
			}
		})
	}
}

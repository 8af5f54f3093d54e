package gateway

import (
	"context"
	"fmt"
	"sync"
	"testing"
	"testing/synctest"
	"time"
)

// TestLocalIdentifyLimiterOrdersSixtyFourShards lets 64 shards ask in
// order with max_concurrency 1 and 16: each bucket lets its shards through
// in the order they asked, one per IdentifyInterval, and the buckets go
// side by side.
func TestLocalIdentifyLimiterOrdersSixtyFourShards(t *testing.T) {
	for _, mc := range []int{1, 16} {
		t.Run(fmt.Sprint(mc), func(t *testing.T) {
			synctest.Test(t, func(t *testing.T) {
				var l LocalIdentifyLimiter
				start := time.Now()
				got := make([]time.Duration, 64)
				var wg sync.WaitGroup
				for shard := range got {
					wg.Go(func() {
						if err := l.Wait(context.Background(), shard, mc); err != nil {
							t.Error(err)
						}
						got[shard] = time.Since(start)
					})
					synctest.Wait() // shards ask in order
				}
				wg.Wait()
				for shard, at := range got {
					if want := time.Duration(shard/mc) * IdentifyInterval; at != want {
						t.Fatalf("shard %d identified at %v, want %v", shard, at, want)
					}
				}
			})
		})
	}
}

// TestLocalIdentifyLimiterKeepsTheIntervalAfterALateIdentify: when an
// identify goes later than its turn, the next one still waits a whole
// interval after it.
func TestLocalIdentifyLimiterKeepsTheIntervalAfterALateIdentify(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		l := LocalIdentifyLimiter{interval: time.Second}
		ctx := context.Background()
		start := time.Now()
		l.Wait(ctx, 0, 1)
		// The bucket's next turn is at 1s; a shard that asked for it but
		// whose timer fired late, at 1.5s, is recorded as going at 1.5s.
		l.mu.Lock()
		l.last[0] = start.Add(1500 * time.Millisecond)
		l.next[0] = start.Add(2 * time.Second)
		l.mu.Unlock()
		l.Wait(ctx, 1, 1)
		if d := time.Since(start); d != 2500*time.Millisecond {
			t.Fatalf("identified at %v, want 2.5s: an interval after the late one", d)
		}
	})
}

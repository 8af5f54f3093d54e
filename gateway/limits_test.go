package gateway

import (
	"context"
	"errors"
	"sync"
	"testing"
	"testing/synctest"
	"time"
)

// The tests run in synctest bubbles: time is fake and moves on only when
// every goroutine of the bubble is blocked, so minutes pass at once, and
// the bubble fails the test if a goroutine is left behind.

func TestSendLimiterAllowsLimitPerWindow(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		ctx := context.Background()
		l := NewSendLimiter()
		start := time.Now()
		for range SendLimit - HeartbeatReserve {
			if err := l.Wait(ctx, false); err != nil {
				t.Fatal(err)
			}
		}
		if d := time.Since(start); d != 0 {
			t.Fatalf("the first %d commands waited %v", SendLimit-HeartbeatReserve, d)
		}
		// The window is full for commands: the next one waits for the
		// first send to leave it.
		if err := l.Wait(ctx, false); err != nil {
			t.Fatal(err)
		}
		if d := time.Since(start); d != SendWindow {
			t.Fatalf("command %d waited %v, want %v", SendLimit-HeartbeatReserve+1, d, SendWindow)
		}
	})
}

func TestSendLimiterKeepsRoomForHeartbeats(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		ctx := context.Background()
		l := NewSendLimiter()
		for range SendLimit - HeartbeatReserve {
			l.Wait(ctx, false)
		}
		start := time.Now()
		for range HeartbeatReserve {
			if err := l.Wait(ctx, true); err != nil {
				t.Fatal(err)
			}
		}
		if d := time.Since(start); d != 0 {
			t.Fatalf("heartbeats waited %v with the window full of commands", d)
		}
		// Now the window is full for heartbeats too.
		l.Wait(ctx, true)
		if d := time.Since(start); d != SendWindow {
			t.Fatalf("heartbeat %d waited %v, want %v", HeartbeatReserve+1, d, SendWindow)
		}
	})
}

func TestSendLimiterSlidesWindow(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		ctx := context.Background()
		l := newSendLimiter(4, time.Minute, 1)
		start := time.Now()
		for i := range 3 { // at 0s, 10s, 20s
			l.Wait(ctx, false)
			if i < 2 {
				time.Sleep(10 * time.Second)
			}
		}
		var got []time.Duration
		for range 3 {
			l.Wait(ctx, false)
			got = append(got, time.Since(start))
		}
		// Each waits for the oldest send to leave the window.
		want := []time.Duration{60 * time.Second, 70 * time.Second, 80 * time.Second}
		for i := range want {
			if got[i] != want[i] {
				t.Fatalf("sends went at %v, want %v", got, want)
			}
		}
	})
}

func TestSendLimiterServesCommandsInOrderAndHeartbeatsFirst(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		ctx := context.Background()
		l := newSendLimiter(3, time.Minute, 1)
		start := time.Now()
		// Commands at 0s and 1s and a heartbeat at 2s fill the window.
		for _, heartbeat := range []bool{false, false, true} {
			l.Wait(ctx, heartbeat)
			time.Sleep(time.Second)
		}
		var mu sync.Mutex
		got := map[string]time.Duration{}
		var wg sync.WaitGroup
		for _, name := range []string{"command 1", "command 2", "command 3", "heartbeat"} {
			wg.Go(func() {
				if err := l.Wait(ctx, name == "heartbeat"); err != nil {
					t.Error(err)
				}
				mu.Lock()
				got[name] = time.Since(start)
				mu.Unlock()
			})
			synctest.Wait() // each is queued before the next asks
		}
		wg.Wait()
		// The heartbeat, though last, takes the first place that frees
		// up (at 60s); commands need two free places, the reserved one
		// being the heartbeats', and go in the order they asked.
		want := map[string]time.Duration{
			"heartbeat": 60 * time.Second,
			"command 1": 62 * time.Second,
			"command 2": 120 * time.Second,
			"command 3": 122 * time.Second,
		}
		for name, at := range want {
			if got[name] != at {
				t.Fatalf("sends went at %v, want %v", got, want)
			}
		}
	})
}

func TestSendLimiterWaitEndsWithContext(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		l := newSendLimiter(2, time.Minute, 1)
		l.Wait(context.Background(), false)

		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		if err := l.Wait(ctx, false); !errors.Is(err, context.DeadlineExceeded) {
			t.Fatalf("err = %v, want the deadline", err)
		}
		// The cancelled waiter gave up its place: the next command goes
		// when the first send leaves the window.
		start := time.Now()
		l.Wait(context.Background(), false)
		if d := time.Since(start); d != 50*time.Second {
			t.Fatalf("waited %v, want 50s", d)
		}

		done, stop := context.WithCancel(context.Background())
		stop()
		if err := l.Wait(done, false); !errors.Is(err, context.Canceled) {
			t.Fatalf("err = %v with a cancelled context", err)
		}
	})
}

func TestLocalIdentifyLimiterSpacesBuckets(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		var l LocalIdentifyLimiter
		ctx := context.Background()
		start := time.Now()
		const maxConcurrency = 2
		got := make([]time.Duration, 6)
		var wg sync.WaitGroup
		for shard := range got {
			wg.Go(func() {
				if err := l.Wait(ctx, shard, maxConcurrency); err != nil {
					t.Error(err)
				}
				got[shard] = time.Since(start)
			})
			synctest.Wait() // shards ask in order
		}
		wg.Wait()
		// Buckets 0 (shards 0, 2, 4) and 1 (shards 1, 3, 5) each identify
		// once per 5s, side by side.
		want := []time.Duration{0, 0, 5 * time.Second, 5 * time.Second, 10 * time.Second, 10 * time.Second}
		for i := range want {
			if got[i] != want[i] {
				t.Fatalf("shards identified at %v, want %v", got, want)
			}
		}
	})
}

func TestLocalIdentifyLimiterGivesTurnBackOnCancel(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		var l LocalIdentifyLimiter
		l.Wait(context.Background(), 0, 1)
		ctx, cancel := context.WithTimeout(context.Background(), time.Second)
		defer cancel()
		if err := l.Wait(ctx, 1, 1); !errors.Is(err, context.DeadlineExceeded) {
			t.Fatalf("err = %v", err)
		}
		start := time.Now()
		l.Wait(context.Background(), 2, 0) // max_concurrency 0 counts as 1
		if d := time.Since(start); d != 4*time.Second {
			t.Fatalf("waited %v, want the 4s left of the first shard's turn", d)
		}
	})
}

func TestIdentifyLimiterFunc(t *testing.T) {
	var got [2]int
	var l IdentifyLimiter = IdentifyLimiterFunc(func(ctx context.Context, shardID, maxConcurrency int) error {
		got = [2]int{shardID, maxConcurrency}
		return nil
	})
	if err := l.Wait(context.Background(), 3, 16); err != nil || got != [2]int{3, 16} {
		t.Fatalf("got %v, %v", got, err)
	}
}

func TestBackoffGrowsToCapAndResets(t *testing.T) {
	b := Backoff{Min: time.Second, Max: 10 * time.Second}
	b.jitter = func(ceil time.Duration) time.Duration { return ceil } // the largest wait
	var got []time.Duration
	for range 6 {
		got = append(got, b.Next())
	}
	want := []time.Duration{1, 2, 4, 8, 10, 10}
	for i := range want {
		if got[i] != want[i]*time.Second {
			t.Fatalf("waits %v, want %v seconds", got, want)
		}
	}
	if b.Attempts() != 6 {
		t.Errorf("Attempts() = %d", b.Attempts())
	}
	b.Reset()
	if d := b.Next(); d != time.Second {
		t.Errorf("after Reset: %v", d)
	}
}

func TestBackoffJitterStaysInRange(t *testing.T) {
	var b Backoff // the defaults: 1s doubling to 60s
	for i := range 200 {
		ceil := min(time.Second<<min(i, 10), 60*time.Second)
		if d := b.Next(); d < 0 || d > ceil {
			t.Fatalf("wait %d is %v, outside [0, %v]", i, d, ceil)
		}
	}
	// Full jitter: the waits are spread, not all at the cap.
	seen := map[time.Duration]bool{}
	for range 20 {
		seen[b.Next()] = true
	}
	if len(seen) < 10 {
		t.Errorf("only %d distinct waits of 20", len(seen))
	}
}

// TestSendLimiterNeverExceedsLimit lets many goroutines send at once and
// checks every window of the sends they were allowed.
func TestSendLimiterNeverExceedsLimit(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		l := NewSendLimiter()
		var mu sync.Mutex
		var sends []time.Time
		var beats int
		var wg sync.WaitGroup
		for g := range 40 {
			wg.Go(func() {
				for i := range 10 {
					heartbeat := (g+i)%17 == 0
					if err := l.Wait(context.Background(), heartbeat); err != nil {
						t.Error(err)
						return
					}
					mu.Lock()
					sends = append(sends, time.Now())
					if heartbeat {
						beats++
					}
					mu.Unlock()
					time.Sleep(time.Duration(g%7) * time.Second)
				}
			})
		}
		wg.Wait()
		if len(sends) != 400 || beats == 0 {
			t.Fatalf("%d sends, %d heartbeats", len(sends), beats)
		}
		for i, from := range sends {
			in := 0
			for _, s := range sends[i:] {
				if s.Sub(from) < SendWindow {
					in++
				}
			}
			if in > SendLimit {
				t.Fatalf("%d sends in the %v from %v", in, SendWindow, from)
			}
		}
	})
}

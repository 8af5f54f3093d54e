package dispatch

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/cordage/cordage/discord"
	"github.com/cordage/cordage/events"
	"github.com/cordage/cordage/internal/leakcheck"
)

func newDispatcher(t *testing.T, opts ...Option) *Dispatcher {
	t.Helper()
	leakcheck.Check(t)
	d := New(append([]Option{WithLogger(slog.New(slog.DiscardHandler))}, opts...)...)
	t.Cleanup(func() { d.Close(context.Background()) })
	return d
}

func message(guild discord.Snowflake, content string) Delivery {
	return Delivery{Event: &events.MessageCreate{Message: discord.Message{GuildID: guild, Content: content}}, GuildID: guild}
}

func TestOnInfersTheEventTypeAndRunsHandlersInRegistrationOrder(t *testing.T) {
	d := newDispatcher(t, WithExecutor(Sequential(0)))
	var mu sync.Mutex
	var got []string
	record := func(s string) {
		mu.Lock()
		got = append(got, s)
		mu.Unlock()
	}
	On(d, func(ctx context.Context, e *events.MessageCreate) error { record("first " + e.Content); return nil })
	On(d, func(ctx context.Context, e *events.MessageCreate) error { record("second " + e.Content); return nil })
	On(d, func(ctx context.Context, e *events.GuildDelete) error { record("guild delete"); return nil })
	if !d.Wants("MESSAGE_CREATE") || d.Wants("TYPING_START") {
		t.Error("Wants disagrees with the registered handlers")
	}
	d.Dispatch(context.Background(), message(1, "hi"))
	d.Dispatch(context.Background(), Delivery{Event: &events.TypingStart{}})
	d.Close(context.Background())
	if want := []string{"first hi", "second hi"}; !slices.Equal(got, want) {
		t.Errorf("got %q, want %q", got, want)
	}
}

func TestRemovedHandlersStopReceivingEvents(t *testing.T) {
	d := newDispatcher(t, WithExecutor(Sequential(0)))
	calls := 0
	remove := On(d, func(ctx context.Context, e *events.MessageCreate) error { calls++; return nil })
	d.Dispatch(context.Background(), message(1, "a"))
	remove()
	remove() // twice is harmless
	d.Dispatch(context.Background(), message(1, "b"))
	d.Close(context.Background())
	if calls != 1 || d.Wants("MESSAGE_CREATE") {
		t.Errorf("calls = %d, Wants = %v", calls, d.Wants("MESSAGE_CREATE"))
	}
}

type shard struct{ id int }

type greeter interface{ Greet() string }

type english struct{}

func (english) Greet() string { return "hello" }

func TestAddHandlerInjectsByType(t *testing.T) {
	d := newDispatcher(t, WithExecutor(Sequential(0)))
	logger := slog.New(slog.NewTextHandler(io.Discard, nil))
	d.Provide(logger)
	ProvideAs[greeter](d, english{})
	ProvideFunc(d, func(ctx context.Context, del *Delivery) (*shard, error) { return del.Source.(*shard), nil })

	done := make(chan string, 1)
	_, err := d.AddHandler(func(e *events.MessageCreate, ctx context.Context, l *slog.Logger, g greeter, s *shard) error {
		if ctx == nil || l != logger {
			return errors.New("context or logger not injected")
		}
		done <- fmt.Sprintf("%s %s from shard %d", g.Greet(), e.Content, s.id)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	del := message(1, "world")
	del.Source = &shard{id: 3}
	d.Dispatch(context.Background(), del)
	if got := <-done; got != "hello world from shard 3" {
		t.Errorf("handler saw %q", got)
	}
}

func TestAddHandlerRejectsBadHandlersAtRegistration(t *testing.T) {
	d := newDispatcher(t)
	for _, tc := range []struct {
		fn   any
		want string
	}{
		{42, "is not a function"},
		{func() {}, "first parameter"},
		{func(ctx context.Context) {}, "first parameter"},
		{func(e *events.MessageCreate) int { return 0 }, "must return nothing or an error"},
		{func(e *events.MessageCreate, s *shard) {}, "nothing provides parameter 2 (*dispatch.shard)"},
	} {
		if _, err := d.AddHandler(tc.fn); err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("AddHandler(%T) error %v, want %q", tc.fn, err, tc.want)
		}
	}
	if _, err := d.AddHandler(func(e events.Event) {}); err != nil {
		t.Errorf("handler for every event: %v", err)
	}
}

func TestFailingHandlersAreReportedAndDoNotStopOthers(t *testing.T) {
	var mu sync.Mutex
	var failures []*HandlerError
	d := newDispatcher(t, WithExecutor(Sequential(0)), WithErrorHandler(func(ctx context.Context, err *HandlerError) {
		mu.Lock()
		failures = append(failures, err)
		mu.Unlock()
	}))
	boom := errors.New("boom")
	On(d, func(ctx context.Context, e *events.MessageCreate) error { panic("kaput") })
	On(d, func(ctx context.Context, e *events.MessageCreate) error { return boom })
	ran := false
	On(d, func(ctx context.Context, e *events.MessageCreate) error { ran = true; return nil })
	d.Dispatch(context.Background(), Delivery{Event: &events.MessageCreate{}, Source: &shard{id: 7}})
	d.Close(context.Background())
	if !ran || len(failures) != 2 {
		t.Fatalf("third handler ran: %v; failures: %d", ran, len(failures))
	}
	if failures[0].Panic != "kaput" || len(failures[0].Stack) == 0 || failures[0].Event != "MESSAGE_CREATE" {
		t.Errorf("panic report = %+v", failures[0])
	}
	if !errors.Is(failures[1], boom) || failures[1].Source.(*shard).id != 7 {
		t.Errorf("error report = %+v", failures[1])
	}
}

func TestPerGuildKeepsEachGuildInOrderAndRunsGuildsInParallel(t *testing.T) {
	d := newDispatcher(t, WithExecutor(PerGuild(8, 16)))
	var mu sync.Mutex
	seen := map[discord.Snowflake][]int{}
	inFlight, maxInFlight := 0, 0
	On(d, func(ctx context.Context, e *events.MessageCreate) error {
		mu.Lock()
		inFlight++
		maxInFlight = max(maxInFlight, inFlight)
		mu.Unlock()
		time.Sleep(time.Millisecond)
		var n int
		fmt.Sscan(e.Content, &n)
		mu.Lock()
		seen[e.GuildID] = append(seen[e.GuildID], n)
		inFlight--
		mu.Unlock()
		return nil
	})
	for i := range 400 {
		guild := discord.Snowflake(1+i%20) << 22
		if err := d.Dispatch(context.Background(), message(guild, fmt.Sprint(i))); err != nil {
			t.Fatal(err)
		}
	}
	if err := d.Close(context.Background()); err != nil {
		t.Fatal(err)
	}
	for g, list := range seen {
		if !slices.IsSorted(list) || len(list) != 20 {
			t.Errorf("guild %d saw %v", g, list)
		}
	}
	if maxInFlight < 2 {
		t.Errorf("at most %d handlers ran at once; want guilds in parallel", maxInFlight)
	}
}

func TestDispatchBlocksOnAFullQueueUntilItsContextEnds(t *testing.T) {
	d := newDispatcher(t, WithExecutor(Sequential(1)))
	release := make(chan struct{})
	On(d, func(ctx context.Context, e *events.MessageCreate) error { <-release; return nil })
	d.Dispatch(context.Background(), message(1, "running")) // taken by the worker
	time.Sleep(10 * time.Millisecond)
	d.Dispatch(context.Background(), message(1, "queued"))
	ctx, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
	defer cancel()
	if err := d.Dispatch(ctx, message(1, "blocked")); !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("Dispatch on a full queue: %v, want DeadlineExceeded", err)
	}
	close(release)
}

func TestCloseDrainsQueuedEventsThenRefusesNewOnes(t *testing.T) {
	d := newDispatcher(t, WithExecutor(Sequential(0)))
	var mu sync.Mutex
	n := 0
	On(d, func(ctx context.Context, e *events.MessageCreate) error { mu.Lock(); n++; mu.Unlock(); return nil })
	for range 100 {
		d.Dispatch(context.Background(), message(1, "x"))
	}
	if err := d.Close(context.Background()); err != nil {
		t.Fatal(err)
	}
	if n != 100 {
		t.Errorf("%d of 100 queued events handled before Close returned", n)
	}
	if err := d.Dispatch(context.Background(), message(1, "late")); !errors.Is(err, ErrClosed) {
		t.Errorf("Dispatch after Close: %v", err)
	}
}

func TestCloseGivesUpAtItsDeadline(t *testing.T) {
	d := newDispatcher(t, WithExecutor(Sequential(0)))
	handled := make(chan struct{}, 10)
	On(d, func(ctx context.Context, e *events.MessageCreate) error {
		select {
		case <-ctx.Done():
		case <-time.After(time.Second):
		}
		handled <- struct{}{}
		return nil
	})
	for range 5 {
		d.Dispatch(context.Background(), message(1, "slow"))
	}
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Millisecond)
	defer cancel()
	if err := d.Close(ctx); !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("Close: %v, want DeadlineExceeded", err)
	}
	waitFor(t, func() bool { return len(handled) == 1 })
	time.Sleep(20 * time.Millisecond)
	if len(handled) != 1 {
		t.Errorf("%d events handled after Close gave up, want only the running one", len(handled))
	}
}

func TestMiddlewareWrapsEveryHandler(t *testing.T) {
	d := newDispatcher(t, WithExecutor(Sequential(0)))
	var trace []string
	d.Use(func(next HandlerFunc) HandlerFunc {
		return func(ctx context.Context, del *Delivery) error {
			trace = append(trace, "outer "+del.Event.EventName())
			return next(ctx, del)
		}
	})
	d.Use(func(next HandlerFunc) HandlerFunc {
		return func(ctx context.Context, del *Delivery) error { trace = append(trace, "inner"); return next(ctx, del) }
	})
	On(d, func(ctx context.Context, e *events.MessageCreate) error { trace = append(trace, "handler"); return nil })
	d.Dispatch(context.Background(), message(1, ""))
	d.Close(context.Background())
	if want := []string{"outer MESSAGE_CREATE", "inner", "handler"}; !slices.Equal(trace, want) {
		t.Errorf("trace %q, want %q", trace, want)
	}
}

func TestOnAnyReceivesUnknownEvents(t *testing.T) {
	d := newDispatcher(t, WithExecutor(Sequential(0)))
	var names []string
	OnAny(d, func(ctx context.Context, e events.Event) error { names = append(names, e.EventName()); return nil })
	unknown, _ := events.Decode("BRAND_NEW", []byte(`{}`))
	d.Dispatch(context.Background(), Delivery{Event: unknown})
	d.Dispatch(context.Background(), message(1, ""))
	d.Close(context.Background())
	if !slices.Equal(names, []string{"BRAND_NEW", "MESSAGE_CREATE"}) {
		t.Errorf("names %q", names)
	}
}

func waitFor(t *testing.T, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(2 * time.Second)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatal("condition not met within 2s")
		}
		time.Sleep(time.Millisecond)
	}
}

func BenchmarkDispatchTypedHandler(b *testing.B) {
	d := New(WithExecutor(Sequential(1024)))
	defer d.Close(context.Background())
	On(d, func(ctx context.Context, e *events.MessageCreate) error { return nil })
	del := message(1, "x")
	b.ReportAllocs()
	for b.Loop() {
		d.Dispatch(context.Background(), del)
	}
}

func TestWaitForReturnsTheNextMatchingEventEvenFromAHandlerOfTheSameGuild(t *testing.T) {
	d := newDispatcher(t, WithExecutor(Sequential(0)))
	answer := make(chan string, 1)
	On(d, func(ctx context.Context, e *events.MessageCreate) error {
		if e.Content != "question" {
			return nil
		}
		ctx, cancel := context.WithTimeout(ctx, 2*time.Second)
		defer cancel()
		reply, err := WaitFor(ctx, d, func(m *events.MessageCreate) bool { return strings.HasPrefix(m.Content, "answer") })
		if err != nil {
			answer <- err.Error()
			return err
		}
		answer <- reply.Content
		return nil
	})
	d.Dispatch(context.Background(), message(1, "question"))
	time.Sleep(20 * time.Millisecond) // the handler is now waiting
	d.Dispatch(context.Background(), message(1, "noise"))
	d.Dispatch(context.Background(), message(1, "answer 42"))
	if got := <-answer; got != "answer 42" {
		t.Errorf("WaitFor returned %q", got)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Millisecond)
	defer cancel()
	if _, err := WaitFor[*events.GuildDelete](ctx, d, nil); !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("WaitFor without an event: %v", err)
	}
}

func BenchmarkDispatchInjectedHandler(b *testing.B) {
	d := New(WithExecutor(Sequential(1024)))
	defer d.Close(context.Background())
	d.Provide(slog.New(slog.DiscardHandler))
	ProvideFunc(d, func(ctx context.Context, del *Delivery) (*shard, error) { return nil, nil })
	if _, err := d.AddHandler(func(e *events.MessageCreate, ctx context.Context, l *slog.Logger, s *shard) error { return nil }); err != nil {
		b.Fatal(err)
	}
	del := message(1, "x")
	b.ReportAllocs()
	for b.Loop() {
		d.Dispatch(context.Background(), del)
	}
}

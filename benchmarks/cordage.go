package benchmarks

import (
	"context"
	"errors"
	"fmt"

	"github.com/cordage/cordage/dispatch"
	"github.com/cordage/cordage/events"
)

// cordage decodes with events.Decode and dispatches with a
// dispatch.Dispatcher, the path the cordage gateway feeds.
type cordage struct {
	d *dispatch.Dispatcher
	n int // handler calls; written by the executor, read after Close
}

// newCordageSequential uses the shipped Sequential executor: handlers run on
// one worker goroutine, behind a bounded queue.
func newCordageSequential() library { return newCordage(dispatch.Sequential(0)) }

// newCordageInline runs handlers on the caller's goroutine, as the peers
// measured here do, to show what the goroutine hand-off of Sequential costs.
func newCordageInline() library { return newCordage(inline{}) }

func newCordage(exec dispatch.Executor) *cordage {
	c := &cordage{d: dispatch.New(dispatch.WithExecutor(exec))}
	on[*events.Ready](c)
	on[*events.GuildCreate](c)
	on[*events.GuildUpdate](c)
	on[*events.GuildMemberAdd](c)
	on[*events.GuildMemberUpdate](c)
	on[*events.GuildMemberRemove](c)
	on[*events.GuildBanAdd](c)
	on[*events.GuildRoleCreate](c)
	on[*events.GuildRoleUpdate](c)
	on[*events.GuildEmojisUpdate](c)
	on[*events.ChannelCreate](c)
	on[*events.ChannelUpdate](c)
	on[*events.ChannelDelete](c)
	on[*events.ThreadMembersUpdate](c)
	on[*events.MessageCreate](c)
	on[*events.MessageUpdate](c)
	on[*events.MessageDelete](c)
	on[*events.MessageReactionAdd](c)
	on[*events.MessageReactionRemove](c)
	on[*events.VoiceStateUpdate](c)
	on[*events.InviteCreate](c)
	on[*events.ApplicationCommandPermissionsUpdate](c)
	return c
}

// on registers the no-op handler of event type E.
func on[E events.Event](c *cordage) {
	dispatch.On(c.d, func(context.Context, E) error {
		c.n++
		return nil
	})
}

func (c *cordage) Handle(name string, d []byte) error {
	e, err := events.Decode(name, d)
	if errors.Is(err, events.ErrUnknownEvent) {
		return fmt.Errorf("cordage: %s: %w", name, errNotDecoded)
	}
	if err != nil {
		return err
	}
	return c.d.Dispatch(context.Background(), dispatch.Delivery{Event: e})
}

func (c *cordage) Wait() int {
	if err := c.d.Close(context.Background()); err != nil {
		panic(err) // cannot happen: the context never ends
	}
	return c.n
}

// inline is a dispatch.Executor that runs each task at once on the caller's
// goroutine.
type inline struct{}

func (inline) Submit(ctx context.Context, _ uint64, task func(context.Context)) error {
	task(ctx)
	return nil
}

func (inline) Close(context.Context) error { return nil }

package dispatch_test

import (
	"context"
	"fmt"

	"github.com/cordage/cordage/discord"
	"github.com/cordage/cordage/dispatch"
	"github.com/cordage/cordage/events"
)

func ExampleOn() {
	d := dispatch.New(dispatch.WithExecutor(dispatch.Sequential(0)))
	dispatch.On(d, func(ctx context.Context, e *events.MessageCreate) error {
		fmt.Println("message:", e.Content)
		return nil
	})
	d.Dispatch(context.Background(), dispatch.Delivery{
		Event: &events.MessageCreate{Message: discord.Message{Content: "hello"}},
	})
	d.Close(context.Background())
	// Output: message: hello
}

type Counter struct{ n int }

func ExampleDispatcher_AddHandler() {
	d := dispatch.New(dispatch.WithExecutor(dispatch.Sequential(0)))
	counter := &Counter{}
	d.Provide(counter)
	_, err := d.AddHandler(func(e *events.MessageCreate, c *Counter) {
		c.n++
		fmt.Println("messages so far:", c.n)
	})
	if err != nil {
		panic(err)
	}
	d.Dispatch(context.Background(), dispatch.Delivery{Event: &events.MessageCreate{}})
	d.Close(context.Background())
	// Output: messages so far: 1
}

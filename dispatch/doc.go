// Package dispatch hands gateway events to the handlers registered for them.
// It knows events only through package events; it imports neither the REST
// client nor the gateway, which the root package wires in as injectable
// values.
//
// # Handlers
//
// A typed handler names its event by its parameter type, checked by the
// compiler, and is called without reflection:
//
//	dispatch.On(d, func(ctx context.Context, e *events.MessageCreate) error { ... })
//
// AddHandler takes any function whose first parameter is an event type; every
// other parameter is injected by its type: context.Context, and any value
// registered with Provide or ProvideFunc (the root package registers the REST
// client, the shard that received the event, the hub's groups and the
// logger). The injection plan is built once, when the handler is added, and a
// parameter nothing provides is an error then, not when an event arrives.
//
// # Order and concurrency
//
// Handlers of one event run in registration order. An Executor decides how
// events run relative to each other: the default, PerGuild, keeps the events
// of one guild in order and runs different guilds in parallel; Sequential and
// Pool are the other choices. Every queue is bounded: Dispatch blocks while
// its queue is full, until its context ends.
//
// # Failures
//
// A handler that returns an error or panics does not stop the other
// handlers, the executor or the connection: the failure is recovered, logged
// with the event name and its source, and passed to the error handler.
package dispatch

// Package cordage runs Discord bots: it wires the REST client (package
// rest), the gateway's shards (package gateway), the dispatcher of event
// handlers (package dispatch) and the interactions router (package
// interactions) into a Group, one per bot, and a Hub runs several groups in
// one process. It adds nothing of its own to the protocol; each package
// below works alone.
//
// The shortest bot:
//
//	err := cordage.Run(ctx, token, func(g *cordage.Group) error {
//		dispatch.On(g.Dispatcher, func(ctx context.Context, e *events.MessageCreate) error {
//			if e.Content == "!ping" {
//				_, err := g.Rest.Messages.Create(ctx, e.ChannelID, &discord.CreateMessageRequest{Content: "pong"})
//				return err
//			}
//			return nil
//		})
//		return nil
//	}, cordage.WithIntents(gateway.IntentsDefault|gateway.IntentMessageContent))
//
// # Injection
//
// Handlers added with Dispatcher.AddHandler may take, besides their event:
// context.Context, *rest.Client (the group's), *gateway.Shard (the shard
// that received the event), cordage.Groups (every group of the hub by name)
// and *slog.Logger (the group's, which names the group on every line), and
// anything given to Dispatcher.Provide.
//
// # Lifecycle
//
// Startup hooks run in order before the gateway identifies; an error aborts
// the start. When the context ends (Run also stops on SIGINT and SIGTERM)
// the group stops taking events, lets its handlers finish up to
// ShutdownTimeout, closes its gateway connections so that their sessions
// stay resumable, and runs its shutdown hooks once, in reverse order, with
// the same deadline.
package cordage

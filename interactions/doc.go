// Package interactions routes Discord interactions — application commands,
// autocomplete, components and modals — to handlers, and answers them. The
// same Router serves interactions from the gateway (INTERACTION_CREATE) and
// from an HTTP interactions endpoint (Handler, which checks Discord's Ed25519
// signature). It does not open connections itself: answers go through a
// Responder; RESTResponder adapts the REST client.
//
// # Handlers return the answer
//
// A handler returns the response to send — a message, an update of the
// component's message, a modal, autocomplete choices, a deferral — built with
// the helpers of this package:
//
//	r.Command(interactions.Command{
//		Name: "ping", Description: "Check the bot is alive",
//		Handle: func(ctx context.Context, c *interactions.Context) (*discord.InteractionResponse, error) {
//			return interactions.Reply("pong"), nil
//		},
//	})
//
// Discord needs an answer within 3 seconds. A handler that has not returned
// after DefaultAutoDefer (2.5 s; see WithAutoDefer and Router.SetAutoDefer)
// is deferred automatically; what it returns later becomes an edit of the
// deferred response. Handlers may send more messages with Context.Followup
// and change the first one with Context.EditOriginal.
//
// # Routing
//
// Commands route by name, subcommand group and subcommand ("config set");
// autocomplete by command and focused option; components and modals by their
// custom_id, matched against patterns with path parameters such as
// "vote/{poll}/{choice}", read with Context.Param.
//
// # Registering commands
//
// The declared commands are also what Router.Sync registers, so one
// declaration routes the interactions and defines the commands. Sync
// compares them with the registered ones (global, or a guild's) and writes
// them, in one bulk overwrite, only when they differ:
//
//	res, err := r.Sync(ctx, interactions.RESTCommands(client), appID, guildID)
package interactions

// Package events has one Go type per dispatch event of Discord's gateway and
// decodes an event's d payload by the event's name. It does no I/O: the
// gateway package reads the events off the wire and the dispatch package
// hands them to handlers.
//
// Event types are Discord's event names in Go case (MESSAGE_CREATE is
// MessageCreate). An event that carries one of Discord's objects embeds the
// discord type, so a *MessageCreate is used like a discord.Message:
//
//	func onMessage(ctx context.Context, e *events.MessageCreate) error {
//		fmt.Println(e.Author.Username, e.Content)
//		return nil
//	}
//
// # Unknown and malformed events
//
// Decode never fails silently and never panics. An event name this version
// does not know, or a payload that does not decode into its type, comes back
// as an *Unknown holding the name, the raw JSON and the error, next to the
// error itself, so the gateway can log and count it and carry on: a bad event
// never closes a connection.
package events

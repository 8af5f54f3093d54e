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
//
// # Decoding
//
// Decode gives the same value encoding/json gives for the event's type, but
// with decoders generated from the Go types: one pass over the bytes and no
// reflection. A payload the generated decoder does not take (malformed JSON, a
// value of the wrong JSON type, a key repeated or matched only without regard
// to case) is decoded again with encoding/json, so the value or the error is
// always encoding/json's. A differential fuzz test holds the two to that.
//
// The strings of one decoded event share a few backing arrays of at most
// 16 KiB, cut to the event's size, instead of one allocation per string. A
// string kept after the event is dropped keeps its array alive;
// strings.Clone detaches it, which matters only for a bot that keeps a few
// strings of many large events.
package events

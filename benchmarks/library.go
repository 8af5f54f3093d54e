package benchmarks

import (
	"errors"
	"fmt"
	"slices"
)

// library decodes gateway dispatch events the way one Discord library does
// and hands each to one no-op handler registered for its type, counting the
// calls. A library is used by one goroutine.
type library interface {
	// Handle decodes the d payload of the dispatch event name and
	// dispatches it. For an event the library has no type for it returns an
	// error wrapping errNotDecoded; any other error is a decode failure.
	Handle(name string, d []byte) error
	// Wait waits until every dispatched event has reached its handler and
	// returns how many handler calls there were. The library is unusable
	// afterwards.
	Wait() int
}

// errNotDecoded reports an event type a library does not know. It is
// counted, not fatal: the library would drop the event too.
var errNotDecoded = errors.New("event type not known to this library")

// A contender is one row of the comparison: a library, or a floor that only
// parses the JSON.
type contender struct {
	// Name is the benchmark name, such as "Cordage"; cmd/compare uses it.
	Name string
	// New returns a library with its handlers registered.
	New func() library
	// KnownFailure, if set, reports whether a decode error is one this
	// library is known to return for some recorded payloads. Those are
	// counted and reported; any other error fails the benchmark.
	KnownFailure func(error) bool
}

// contenders lists every row of the comparison, cordage first.
var contenders = []contender{
	{Name: "Cordage", New: newCordageSequential},
	{Name: "CordageInline", New: newCordageInline},
	{Name: "Disgo", New: newDisgo, KnownFailure: disgoKnownFailure},
	{Name: "Discordgo", New: newDiscordgo},
	{Name: "Arikawa", New: newArikawa},
	{Name: "FloorValid", New: newFloorValid},
	{Name: "FloorTokens", New: newFloorTokens},
	{Name: "FloorStdTokens", New: newFloorStdTokens},
	{Name: "FloorAny", New: newFloorAny},
}

func contenderNamed(name string) contender {
	for _, c := range contenders {
		if c.Name == name {
			return c
		}
	}
	panic("benchmarks: no contender " + name)
}

// outcome says what became of one event handed to a library.
type outcome int

const (
	handled   outcome = iota // decoded and dispatched
	undecoded                // the library has no type for it
	failed                   // a known decode failure of the library
)

// classify sorts the result of Handle, and returns a non-nil error only for
// an unexpected decode failure.
func (c contender) classify(name string, err error) (outcome, error) {
	switch {
	case err == nil:
		return handled, nil
	case errors.Is(err, errNotDecoded):
		return undecoded, nil
	case c.KnownFailure != nil && c.KnownFailure(err):
		return failed, nil
	}
	return failed, fmt.Errorf("%s: decode %s: %s", c.Name, name, shorten(err.Error()))
}

// shorten cuts a long error message; some libraries quote the whole payload.
func shorten(s string) string {
	const max = 300
	if len(s) <= max {
		return s
	}
	return s[:max/2] + " … " + s[len(s)-max/2:]
}

// handledEvents are the dispatch event types of the recorded corpus; every
// library registers one handler for each. A test checks that the list covers
// the corpus.
var handledEvents = []string{
	"READY", "GUILD_CREATE", "GUILD_UPDATE",
	"GUILD_MEMBER_ADD", "GUILD_MEMBER_UPDATE", "GUILD_MEMBER_REMOVE", "GUILD_BAN_ADD",
	"GUILD_ROLE_CREATE", "GUILD_ROLE_UPDATE", "GUILD_EMOJIS_UPDATE",
	"CHANNEL_CREATE", "CHANNEL_UPDATE", "CHANNEL_DELETE", "THREAD_MEMBERS_UPDATE",
	"MESSAGE_CREATE", "MESSAGE_UPDATE", "MESSAGE_DELETE",
	"MESSAGE_REACTION_ADD", "MESSAGE_REACTION_REMOVE",
	"VOICE_STATE_UPDATE", "INVITE_CREATE", "APPLICATION_COMMAND_PERMISSIONS_UPDATE",
}

func isHandled(name string) bool { return slices.Contains(handledEvents, name) }

package events

//go:generate go run ../internal/gen/eventsgen -shared ../../shared
//go:generate go run -tags codecgen ../internal/gen/codecgen -root ..

import (
	"encoding/json"
	"errors"
	"fmt"
	"sync"

	"github.com/cordage/cordage/internal/codec"
)

// decoderPool keeps the codec's decoders, and their scratch space, between
// events.
var decoderPool = sync.Pool{New: func() any { return new(codec.Decoder) }}

// Event is a decoded gateway dispatch event.
type Event interface {
	// EventName returns Discord's name of the event, such as "MESSAGE_CREATE".
	EventName() string
}

// ErrUnknownEvent reports an event name this version of cordage does not
// know. Decode wraps it in the error it returns for such an event.
var ErrUnknownEvent = errors.New("unknown event")

// Unknown is an event Decode could not turn into its type: its name is not
// known, or its payload did not decode. Err says which.
type Unknown struct {
	Name string
	Raw  json.RawMessage
	Err  error
}

// EventName returns the event's name as Discord sent it.
func (u *Unknown) EventName() string { return u.Name }

// Decode decodes the d payload of the dispatch event name into its Go type.
// For an unknown name or a payload that fails to decode it returns an
// *Unknown carrying the raw payload, together with an error that says what
// went wrong; data is not retained otherwise. See the package documentation
// for how it decodes.
func Decode(name string, data []byte) (Event, error) {
	// Every known name has a generated decoder, so a known event that
	// decodes costs one lookup.
	if fast, ok := decoders[name]; ok {
		d := decoderPool.Get().(*codec.Decoder)
		d.Reset(data)
		e := fast(d)
		err := d.Finish()
		d.Reset(nil)
		decoderPool.Put(d)
		if err == nil {
			return e, nil
		}
		// The fast path left this payload to encoding/json, which gives the
		// same value or the error to report.
	}
	newEvent, ok := registry[name]
	if !ok {
		err := fmt.Errorf("events: %w %q", ErrUnknownEvent, name)
		return &Unknown{Name: name, Raw: json.RawMessage(data), Err: err}, err
	}
	e := newEvent()
	if err := json.Unmarshal(data, e); err != nil {
		err = fmt.Errorf("events: decode %s: %w", name, err)
		return &Unknown{Name: name, Raw: json.RawMessage(data), Err: err}, err
	}
	return e, nil
}

// Known reports whether name is a dispatch event this version decodes. The
// gateway uses it with the set of subscribed names to skip decoding events
// nobody listens to.
func Known(name string) bool {
	_, ok := registry[name]
	return ok
}

// Names lists every dispatch event name Decode knows, in no particular order.
func Names() []string {
	names := make([]string, 0, len(registry))
	for n := range registry {
		names = append(names, n)
	}
	return names
}

// New returns a new, empty event of the given name, or nil for an unknown
// name. The dispatch package uses it to map handler types to names.
func New(name string) Event {
	if f, ok := registry[name]; ok {
		return f()
	}
	return nil
}

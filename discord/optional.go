package discord

import (
	"bytes"
	"encoding/json"
)

// Optional is a request field that can be left out, sent as null, or set.
// Its zero value leaves the field out of the request body: fields of type
// Optional carry the `omitzero` JSON option, and Optional's IsZero reports
// true when the field is unset. [Null] sends null, which clears a field in an
// update request; [Some] sends a value.
//
//	req := discord.UpdateGuildChannelRequest{
//		Topic:    discord.Null[string](),  // clear the topic
//		NSFW:     discord.Some(false),     // set nsfw to false
//		// Position is left unchanged.
//	}
//
// Decoding null yields a null Optional; decoding any other value a set one.
type Optional[T any] struct {
	value T
	state optionalState
}

type optionalState uint8

const (
	optionalOmitted optionalState = iota
	optionalNull
	optionalSet
)

// Some returns an Optional that sends v.
func Some[T any](v T) Optional[T] { return Optional[T]{value: v, state: optionalSet} }

// Null returns an Optional that sends null.
func Null[T any]() Optional[T] { return Optional[T]{state: optionalNull} }

// Get returns the value and whether it is set (neither omitted nor null).
func (o Optional[T]) Get() (T, bool) { return o.value, o.state == optionalSet }

// Or returns the value if it is set, and def otherwise.
func (o Optional[T]) Or(def T) T {
	if o.state == optionalSet {
		return o.value
	}
	return def
}

// IsSet reports whether the Optional holds a value.
func (o Optional[T]) IsSet() bool { return o.state == optionalSet }

// IsNull reports whether the Optional sends null.
func (o Optional[T]) IsNull() bool { return o.state == optionalNull }

// IsZero reports whether the Optional is left out, its zero value.
func (o Optional[T]) IsZero() bool { return o.state == optionalOmitted }

// String formats the Optional for debugging: "<omitted>", "null", or the value
// as JSON.
func (o Optional[T]) String() string {
	switch o.state {
	case optionalOmitted:
		return "<omitted>"
	case optionalNull:
		return "null"
	}
	b, err := json.Marshal(o.value)
	if err != nil {
		return "<invalid: " + err.Error() + ">"
	}
	return string(b)
}

// MarshalJSON encodes the value, or null when the Optional is null or left
// out. A field left out never reaches MarshalJSON when it carries `omitzero`.
func (o Optional[T]) MarshalJSON() ([]byte, error) {
	if o.state != optionalSet {
		return []byte("null"), nil
	}
	return json.Marshal(o.value)
}

// UnmarshalJSON decodes null into a null Optional and anything else into a
// set one.
func (o *Optional[T]) UnmarshalJSON(b []byte) error {
	if string(bytes.TrimSpace(b)) == "null" {
		*o = Optional[T]{state: optionalNull}
		return nil
	}
	var v T
	if err := json.Unmarshal(b, &v); err != nil {
		return err
	}
	*o = Optional[T]{value: v, state: optionalSet}
	return nil
}

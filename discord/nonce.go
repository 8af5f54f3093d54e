package discord

import (
	"bytes"
	"encoding/json"
	"fmt"
)

// Nonce is the value a bot sends with a message to recognise it when the
// MESSAGE_CREATE event comes back (with enforce_nonce, also to avoid sending
// it twice). Discord accepts an integer or a string of at most 25 characters
// and echoes it in the same form; Nonce holds either as text and decodes both.
type Nonce string

// UnmarshalJSON accepts a JSON string or integer; null decodes to "".
func (n *Nonce) UnmarshalJSON(b []byte) error {
	b = bytes.TrimSpace(b)
	switch {
	case string(b) == "null":
		*n = ""
	case len(b) > 0 && b[0] == '"':
		var s string
		if err := json.Unmarshal(b, &s); err != nil {
			return fmt.Errorf("discord: invalid nonce %s: %w", b, err)
		}
		*n = Nonce(s)
	default:
		var num json.Number
		if err := json.Unmarshal(b, &num); err != nil {
			return fmt.Errorf("discord: invalid nonce %s: want a string or an integer", b)
		}
		*n = Nonce(num.String())
	}
	return nil
}

// Present is a flag Discord expresses by the presence of a field whose value
// is null, such as a role tag's premium_subscriber. It decodes to true when
// the field is present, and encodes as null when true; false leaves the field
// out (fields of type Present carry `omitzero`).
type Present bool

// IsZero reports whether the field is absent.
func (p Present) IsZero() bool { return !bool(p) }

// MarshalJSON encodes the flag as null.
func (p Present) MarshalJSON() ([]byte, error) { return []byte("null"), nil }

// UnmarshalJSON sets the flag: the field is present.
func (p *Present) UnmarshalJSON([]byte) error {
	*p = true
	return nil
}

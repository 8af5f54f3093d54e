//go:build codecgen

package events

import "github.com/cordage/cordage/internal/codec"

// decoders is empty in the build codecgen runs in, which leaves out the
// generated decoders: every event then decodes with encoding/json.
var decoders map[string]func(*codec.Decoder) Event

package benchmarks

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"

	"github.com/go-json-experiment/json/jsontext"
)

// The floors only parse the JSON of each event, without a Go type and
// without handlers: no Discord library can decode the same bytes faster than
// its JSON parser can read them.

// floor counts the events a parse function accepted.
type floor struct {
	parse func(d []byte) error
	n     int
}

func (f *floor) Handle(_ string, d []byte) error {
	if err := f.parse(d); err != nil {
		return err
	}
	f.n++
	return nil
}

func (f *floor) Wait() int { return f.n }

// newFloorValid runs encoding/json's scanner over the bytes (json.Valid).
// json.Unmarshal runs this same scan before it decodes, so it is a lower
// bound for every library here, which all decode with encoding/json.
func newFloorValid() library {
	return &floor{parse: func(d []byte) error {
		if !json.Valid(d) {
			return errors.New("invalid JSON")
		}
		return nil
	}}
}

// newFloorTokens reads every token with the streaming tokenizer of
// encoding/json/v2 (github.com/go-json-experiment/json/jsontext), reusing one
// decoder, without checking duplicate names or UTF-8.
func newFloorTokens() library {
	var r bytes.Reader
	dec := jsontext.NewDecoder(&r)
	opts := []jsontext.Options{jsontext.AllowDuplicateNames(true), jsontext.AllowInvalidUTF8(true)}
	return &floor{parse: func(d []byte) error {
		r.Reset(d)
		dec.Reset(&r, opts...)
		for {
			if _, err := dec.ReadToken(); err == io.EOF {
				return nil
			} else if err != nil {
				return err
			}
		}
	}}
}

// newFloorStdTokens reads every token with encoding/json's Decoder.Token, the
// tokenizer of the standard library's v1 API.
func newFloorStdTokens() library {
	return &floor{parse: func(d []byte) error {
		dec := json.NewDecoder(bytes.NewReader(d))
		for {
			if _, err := dec.Token(); err == io.EOF {
				return nil
			} else if err != nil {
				return err
			}
		}
	}}
}

// newFloorAny decodes into an any (maps, slices, float64s and strings) with
// json.Unmarshal: the generic tree, without Discord's types.
func newFloorAny() library {
	return &floor{parse: func(d []byte) error {
		var v any
		return json.Unmarshal(d, &v)
	}}
}

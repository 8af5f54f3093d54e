package gateway

import (
	"bytes"
	"encoding/json"
	"strconv"

	"github.com/cordage/cordage/events"
	"github.com/cordage/cordage/internal/codec"
)

// eventNames maps each known event name to one shared string, so that
// parsing a dispatch does not allocate its name.
var eventNames = func() map[string]string {
	m := make(map[string]string)
	for _, n := range events.Names() {
		m[n] = n
	}
	return m
}()

var payloadFields = []string{"op", "d", "s", "t"}

// ParsePayload splits a gateway message into a Payload, as the shard does
// with every message it reads. D is a copy, so data may be reused.
//
// The envelope is decoded as encoding/json would decode it into a Payload.
// D's brackets and strings are checked only enough to find where it ends;
// its content is checked in full when it is decoded, as events.Decode does.
// This saves a full pass over every payload.
func ParsePayload(data []byte) (Payload, error) {
	var d codec.Decoder
	d.Reset(data)
	if p, ok := parsePayload(&d); ok && d.Finish() == nil {
		return p, nil
	}
	// Left to encoding/json, which gives the same Payload or the error.
	var p Payload
	if err := json.Unmarshal(data, &p); err != nil {
		return Payload{}, err
	}
	return p, nil
}

func parsePayload(d *codec.Decoder) (Payload, bool) {
	var p Payload
	if !d.Object() {
		return p, false
	}
	var seen uint8
	for k, ok := d.Key(); ok; k, ok = d.Key() {
		var bit uint8
		switch string(k) {
		case "op":
			bit = 1
			if n, ok := d.Int(strconv.IntSize); ok {
				p.Op = Opcode(n)
			}
		case "d":
			bit = 2
			p.D = bytes.Clone(d.Span())
		case "s":
			bit = 4
			if n, ok := d.Int(64); ok {
				p.S = n
			}
		case "t":
			bit = 8
			if b, ok := d.StringBytes(); ok {
				if n, known := eventNames[string(b)]; known {
					p.T = n
				} else {
					p.T = string(b)
				}
			}
		default:
			d.Unknown(k, payloadFields)
			continue
		}
		if seen&bit != 0 {
			return p, false // encoding/json's rules for repeated keys apply
		}
		seen |= bit
	}
	return p, !d.Failed()
}

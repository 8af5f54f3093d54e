package gateway_test

import (
	"bytes"
	"encoding/json"
	"reflect"
	"testing"

	"github.com/cordage/cordage/gateway"
)

func TestParsePayload(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want gateway.Payload
	}{
		{`{"op":0,"s":42,"t":"MESSAGE_CREATE","d":{"id":"1","content":"a\"}"}}`,
			gateway.Payload{Op: 0, S: 42, T: "MESSAGE_CREATE", D: json.RawMessage(`{"id":"1","content":"a\"}"}`)}},
		{`{"t":null,"s":null,"op":11,"d":null}`, gateway.Payload{Op: 11, D: json.RawMessage(`null`)}},
		{` { "op" : 10 , "d" : { "heartbeat_interval" : 41250 } } `, gateway.Payload{Op: 10, D: json.RawMessage(`{ "heartbeat_interval" : 41250 }`)}},
		{`{"op":7}`, gateway.Payload{Op: 7}},
		{`{"OP":9,"d":false}`, gateway.Payload{Op: 9, D: json.RawMessage(`false`)}},
		{`{"op":0,"t":"NEW_EVENT","d":[1,[2],{"x":"]"}]}`, gateway.Payload{T: "NEW_EVENT", D: json.RawMessage(`[1,[2],{"x":"]"}]`)}},
		{`{"op":1,"op":2,"d":{"a":1},"d":{}}`, gateway.Payload{Op: 2, D: json.RawMessage(`{}`)}},
	} {
		got, err := gateway.ParsePayload([]byte(tc.in))
		if err != nil {
			t.Errorf("%s: %v", tc.in, err)
			continue
		}
		if !reflect.DeepEqual(got, tc.want) {
			t.Errorf("%s:\n got %+v (d %s)\nwant %+v (d %s)", tc.in, got, got.D, tc.want, tc.want.D)
		}
	}
	for _, in := range []string{``, `{`, `{"op":"0"}`, `{"op":0,"d":{"a":1}`, `{"op":0,"d":"\x01"}`, `[]`, `{"op":0} x`, `{"d":{"a":"}}`} {
		if _, err := gateway.ParsePayload([]byte(in)); err == nil {
			t.Errorf("%q: no error", in)
		}
	}
}

// TestParsePayloadCopies checks that D does not alias the message, which
// the decompressor reuses.
func TestParsePayloadCopies(t *testing.T) {
	msg := []byte(`{"op":0,"s":1,"t":"X","d":{"a":1}}`)
	p, err := gateway.ParsePayload(msg)
	if err != nil {
		t.Fatal(err)
	}
	for i := range msg {
		msg[i] = ' '
	}
	if string(p.D) != `{"a":1}` || p.T != "X" {
		t.Errorf("payload changed with the message: %+v", p)
	}
}

// FuzzParsePayload compares ParsePayload with encoding/json: the same
// Payload whenever encoding/json succeeds, and success where encoding/json
// fails only when what it rejects is inside d, which ParsePayload leaves to
// the decoder of d.
func FuzzParsePayload(f *testing.F) {
	for _, s := range []string{
		`{"op":0,"s":42,"t":"MESSAGE_CREATE","d":{"id":"1"}}`, `{"op":11}`, `{"op":10,"d":{"heartbeat_interval":1}}`,
		`{"Op":1,"d":null}`, `{"op":0,"d":[{"a":"\\"},{"b":[]}]}`, `{"t":"\u0041","s":1e2}`, `{"op":1,"op":2}`,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		got, err := gateway.ParsePayload(data)
		var want gateway.Payload
		stdErr := json.Unmarshal(data, &want)
		switch {
		case stdErr == nil && err != nil:
			t.Fatalf("%q: encoding/json succeeds, ParsePayload fails: %v", data, err)
		case stdErr == nil:
			if got.Op != want.Op || got.S != want.S || got.T != want.T || !bytes.Equal(got.D, want.D) || (got.D == nil) != (want.D == nil) {
				t.Fatalf("%q: got %+v, encoding/json %+v", data, got, want)
			}
		case err == nil:
			if json.Valid(got.D) {
				t.Fatalf("%q: ParsePayload succeeds where encoding/json fails (%v), and d is valid", data, stdErr)
			}
		}
	})
}

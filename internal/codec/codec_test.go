package codec

import (
	"encoding/json"
	"reflect"
	"testing"
)

var lexerSeeds = []string{
	`""`, `"a"`, `"\u00e9\ud83d\ude00"`, `"\ud800"`, `"\ud800\u0041"`, `"\udc00\ud800"`, "\"\xff\xfe\"", "\"a\xc3\"",
	`"\n\t\/\\\""`, `"\x"`, `"abc`, "\"a\x01\"", `0`, `-0`, `01`, `1.5`, `1e3`, `-1E-2`, `1.`, `.5`, `-`, `18446744073709551615`,
	`18446744073709551616`, `9223372036854775807`, `-9223372036854775808`, `127`, `-129`, `1e400`, `true`, `false`, `null`, `nul`,
	`{}`, `[]`, `{"a":[1,{"b":null}]}`, `[1,]`, `{"a":1,}`, `{"a" 1}`, ` [ 1 , 2 ] `, `{"a":1}x`, `[[[[]]]]`, `{"é":"\u0000"}`,
}

// FuzzSkip checks the lexer against encoding/json: a value skips cleanly
// exactly when it is valid JSON.
func FuzzSkip(f *testing.F) {
	for _, s := range lexerSeeds {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		var d Decoder
		d.Reset(data)
		d.Skip()
		err := d.Finish()
		if valid := json.Valid(data); valid != (err == nil) {
			t.Fatalf("%q: json.Valid %v, Skip error %v", data, valid, err)
		}
	})
}

// decodeWith runs one of the Decoder's readers on data and reports the
// value and whether the fast path took it.
func decodeWith[T any](data []byte, read func(*Decoder, *T)) (T, bool) {
	var d Decoder
	d.Reset(data)
	var v T
	read(&d, &v)
	return v, d.Finish() == nil
}

// same checks one reader against encoding/json on data: where the reader
// succeeds, encoding/json must succeed with the same value.
func same[T any](t *testing.T, data []byte, read func(*Decoder, *T)) {
	t.Helper()
	got, ok := decodeWith(data, read)
	if !ok {
		return
	}
	var want T
	if err := json.Unmarshal(data, &want); err != nil {
		t.Fatalf("%T %q: fast path took what encoding/json rejects: %v", want, data, err)
	}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("%T %q: fast %#v, encoding/json %#v", want, data, got, want)
	}
}

// FuzzScalars compares the readers of strings, numbers and booleans, and the
// hand-written decoders of package discord's JSON types, with encoding/json.
func FuzzScalars(f *testing.F) {
	for _, s := range lexerSeeds {
		f.Add([]byte(s))
	}
	for _, s := range []string{`"123"`, `"0123"`, `"12a"`, `"\u0031"`, `"-1"`, `16777215`, `16777216`, `"8"`, `12345678901234567890123`} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		same(t, data, func(d *Decoder, v *string) {
			if s, ok := d.String(); ok {
				*v = s
			}
		})
		same(t, data, func(d *Decoder, v *bool) {
			if b, ok := d.Bool(); ok {
				*v = b
			}
		})
		same(t, data, func(d *Decoder, v *int8) {
			if n, ok := d.Int(8); ok {
				*v = int8(n)
			}
		})
		same(t, data, func(d *Decoder, v *int64) {
			if n, ok := d.Int(64); ok {
				*v = n
			}
		})
		same(t, data, func(d *Decoder, v *uint16) {
			if n, ok := d.Uint(16); ok {
				*v = uint16(n)
			}
		})
		same(t, data, func(d *Decoder, v *uint64) {
			if n, ok := d.Uint(64); ok {
				*v = n
			}
		})
		same(t, data, func(d *Decoder, v *float32) {
			if x, ok := d.Float(32); ok {
				*v = float32(x)
			}
		})
		same(t, data, func(d *Decoder, v *float64) {
			if x, ok := d.Float(64); ok {
				*v = x
			}
		})
		same(t, data, DecodeSnowflake)
		same(t, data, DecodePermissions)
		same(t, data, DecodeColor)
		same(t, data, DecodeNonce)
		same(t, data, DecodePresent)
		same(t, data, DecodeSnowflakes)
	})
}

// FuzzComponents compares the component decoder with
// (*discord.Components).UnmarshalJSON.
func FuzzComponents(f *testing.F) {
	for _, s := range []string{
		`[{"type":1,"components":[{"type":2,"style":1,"label":"a","custom_id":"b"},{"type":3,"custom_id":"s","options":[{"label":"l","value":"v"}]}]}]`,
		`[{"type":9,"components":[{"type":10,"content":"x"}],"accessory":{"type":11,"media":{"url":"u"}}}]`,
		`[{"type":17,"components":[{"type":14,"spacing":2},{"type":12,"items":[{"media":{"url":"u"}}]}]}]`,
		`[{"type":99,"x":1}]`, `[{"x":1}]`, `[{"type":"1"}]`, `[null]`, `null`, `[]`, `[{"type":1,"type":2}]`, `[{"typ\u0065":2}]`,
		`[{"type":18,"label":"l","component":{"type":4,"custom_id":"t","style":1}}]`,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		same(t, data, DecodeComponents)
	})
}

func TestSpan(t *testing.T) {
	for in, want := range map[string]string{
		`{"a":"}"}`:           `{"a":"}"}`,
		`[1,[2],{"b":"\\"}]`:  `[1,[2],{"b":"\\"}]`,
		`{"a":"\"}"} , 1`:     `{"a":"\"}"}`,
		` "x" `:               `"x"`,
		`null`:                `null`,
		`[{"a":"\\\""},"]"]x`: `[{"a":"\\\""},"]"]`,
	} {
		var d Decoder
		d.Reset([]byte(in))
		if got := d.Span(); string(got) != want || d.Err() != nil {
			t.Errorf("Span(%s) = %s, %v; want %s", in, got, d.Err(), want)
		}
	}
	for _, in := range []string{`{"a":"}`, `[1,2`, `{"a":[}`, `"abc`} {
		var d Decoder
		d.Reset([]byte(in))
		if got := d.Span(); d.Err() == nil {
			t.Errorf("Span(%s) = %s, no error", in, got)
		}
	}
}

// TestStringsShareArrays checks the allocation the package documents: the
// strings of one value come from one backing array, not one each.
func TestStringsShareArrays(t *testing.T) {
	data := []byte(`["alpha","beta","gamma","delta","epsilon","zeta","eta","theta"]`)
	var got []string
	allocs := testing.AllocsPerRun(100, func() {
		var d Decoder
		d.Reset(data)
		got = got[:0]
		if d.Array() {
			for d.More() {
				s, _ := d.String()
				got = append(got, s)
			}
		}
		if err := d.Finish(); err != nil {
			t.Fatal(err)
		}
	})
	if allocs > 1 {
		t.Errorf("%v allocations for 8 strings, want 1", allocs)
	}
	if len(got) != 8 || got[7] != "theta" {
		t.Errorf("decoded %q", got)
	}
}

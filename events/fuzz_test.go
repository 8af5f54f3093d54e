package events_test

import (
	"bytes"
	"slices"
	"testing"

	"github.com/cordage/cordage/events"
)

// FuzzDecode decodes arbitrary bytes as each known event: Decode never
// panics, an error always comes with an *events.Unknown carrying the bytes,
// and success gives the event of the name.
func FuzzDecode(f *testing.F) {
	names := events.Names()
	slices.Sort(names)
	for i, seed := range []string{`{}`, `null`, `{"id":"1","guild_id":"2"}`, `{"members":[{"user":{"id":"3"}}],"chunk_index":0,"chunk_count":1}`,
		`[]`, `"x"`, `{"id":1e999}`, `{"user":{"id":"x"}}`, ``, `{"content":"\ud800"}`} {
		f.Add(uint16(i*37), []byte(seed))
	}
	f.Fuzz(func(t *testing.T, pick uint16, data []byte) {
		name := names[int(pick)%len(names)]
		in := bytes.Clone(data)
		e, err := events.Decode(name, data)
		if e == nil {
			t.Fatalf("%s: nil event (err %v)", name, err)
		}
		if e.EventName() != name {
			t.Fatalf("%s decoded as %s", name, e.EventName())
		}
		u, isUnknown := e.(*events.Unknown)
		if err != nil {
			if !isUnknown || u.Err == nil || !bytes.Equal(u.Raw, in) {
				t.Fatalf("%s: error %v with %T", name, err, e)
			}
		} else if isUnknown {
			t.Fatalf("%s: *events.Unknown without an error", name)
		}
		if !bytes.Equal(data, in) {
			t.Fatalf("%s: Decode modified its input", name)
		}
	})
}

package events

import (
	"encoding/json"
	"reflect"
	"sort"
	"testing"

	"github.com/cordage/cordage/internal/codec"
)

// fastDecode runs only the generated decoder of name on data.
func fastDecode(name string, data []byte) (Event, error) {
	var d codec.Decoder
	d.Reset(data)
	e := decoders[name](&d)
	return e, d.Finish()
}

// TestFastDecoderCoversEveryEvent checks that every event Decode knows has a
// generated decoder.
func TestFastDecoderCoversEveryEvent(t *testing.T) {
	for _, name := range Names() {
		if decoders[name] == nil {
			t.Errorf("%s: no generated decoder", name)
		}
	}
}

// TestFastDecodeCorpus decodes every recorded event with the generated
// decoders alone: none may need the encoding/json fallback, and each must
// give exactly the value encoding/json gives.
func TestFastDecodeCorpus(t *testing.T) {
	corpus := readCorpus(t)
	n := 0
	for i, p := range corpus {
		if p.Op != 0 {
			continue
		}
		got, err := fastDecode(p.T, p.D)
		if err != nil {
			t.Errorf("payload %d (%s): fast path failed: %v", i, p.T, err)
			continue
		}
		want := New(p.T)
		if err := json.Unmarshal(p.D, want); err != nil {
			t.Fatalf("payload %d (%s): encoding/json: %v", i, p.T, err)
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("payload %d (%s): fast and encoding/json values differ", i, p.T)
		}
		n++
	}
	t.Logf("%d dispatches decoded by the fast path, equal to encoding/json", n)
}

// FuzzFastDecodeEquivalence is the differential test of the codec: whenever
// the fast path succeeds, encoding/json must succeed too and give the same
// value. When the fast path fails, Decode falls back to encoding/json, so
// failures need no comparison.
func FuzzFastDecodeEquivalence(f *testing.F) {
	names := Names()
	sort.Strings(names)
	seeds := map[string][]string{
		"MESSAGE_CREATE": {
			`{"id":"1","channel_id":"2","author":{"id":"3","username":"a\u00e9\ud83d\ude00","bot":true},"content":"hi\n","embeds":[{"title":"t","color":255,"fields":[{"name":"n","value":"v","inline":true}]}],"mentions":[],"nonce":12,"timestamp":"2024-01-02T03:04:05.678+00:00","components":[{"type":1,"components":[{"type":2,"style":1,"label":"x","custom_id":"y"}]}]}`,
			`{"id":1,"ID":2}`, `{"content":"\ud800x"}`, `{"id":"1","id":"2"}`, `null`, `{"mentions":null}`, `{"embeds":[{"color":"1"}]}`,
		},
		"GUILD_CREATE": {
			`{"id":"1","name":"g","roles":[{"id":"2","permissions":"8","color":0,"tags":{"premium_subscriber":null}}],"members":[{"user":{"id":"3"},"roles":["2"],"joined_at":"2024-01-02T03:04:05Z","nick":null}],"channels":[{"id":"4","type":0,"permission_overwrites":[{"id":"2","type":0,"allow":"0","deny":"1024"}]}],"presences":[{"user":{"id":"3"},"status":"online","activities":[{"name":"x","type":0,"created_at":1}]}]}`,
		},
		"READY":               {`{"v":10,"user":{"id":"1"},"guilds":[{"id":"2","unavailable":true}],"session_id":"s","resume_gateway_url":"wss://x","application":{"id":"5","flags":0}}`},
		"GUILD_MEMBER_UPDATE": {`{"guild_id":"1","roles":[],"user":{"id":"2","avatar_decoration_data":null},"communication_disabled_until":null,"flags":0}`},
		"INTERACTION_CREATE":  {`{"id":"1","type":2,"data":{"id":"2","name":"x","options":[{"name":"o","type":3,"value":"v"}],"resolved":{"users":{"3":{"id":"3"}}}},"locale":"en-US"}`},
	}
	for i, name := range names {
		for _, s := range seeds[name] {
			f.Add(uint16(i), []byte(s))
		}
	}
	f.Add(uint16(0), []byte(`{}`))
	f.Fuzz(func(t *testing.T, which uint16, data []byte) {
		name := names[int(which)%len(names)]
		got, err := fastDecode(name, data)
		if err != nil {
			return
		}
		want := New(name)
		if err := json.Unmarshal(data, want); err != nil {
			t.Fatalf("%s %q: fast path succeeded where encoding/json fails: %v", name, data, err)
		}
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("%s %q: values differ\nfast: %+v\njson: %+v", name, data, got, want)
		}
	})
}

// TestDecodeFallsBack checks that Decode gives encoding/json's value for a
// payload the generated decoder leaves alone.
func TestDecodeFallsBack(t *testing.T) {
	data := []byte(`{"id":"1","content":"a","Content":"b"}`)
	if _, err := fastDecode("MESSAGE_CREATE", data); err == nil {
		t.Fatal("the fast path took a key that matches only without regard to case")
	}
	e, err := Decode("MESSAGE_CREATE", data)
	if err != nil {
		t.Fatal(err)
	}
	if m := e.(*MessageCreate); m.Content != "b" || m.ID != 1 {
		t.Errorf("decoded %q, id %d; encoding/json gives \"b\", 1", m.Content, m.ID)
	}
}

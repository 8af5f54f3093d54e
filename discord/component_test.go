package discord

import (
	"bytes"
	"encoding/json"
	"reflect"
	"strings"
	"testing"
)

// v1MessageComponents is a classic message's components as Discord sends
// them: a row of buttons of every kind and rows with select menus.
const v1MessageComponents = `[
 {"type":1,"id":1,"components":[
  {"type":2,"id":2,"style":1,"label":"Accept","custom_id":"accept","emoji":{"name":"✅"}},
  {"type":2,"id":3,"style":4,"label":"Decline","custom_id":"decline","disabled":true},
  {"type":2,"id":4,"style":5,"label":"Docs","url":"https://discord.com/developers/docs"},
  {"type":2,"id":5,"style":6,"sku_id":"1088510058284990888"}
 ]},
 {"type":1,"id":6,"components":[
  {"type":3,"id":7,"custom_id":"class","placeholder":"Choose a class","min_values":1,"max_values":2,"options":[
   {"label":"Rogue","value":"rogue","description":"Sneak n stab","emoji":{"id":"625891304148303894","name":"rogue"}},
   {"label":"Mage","value":"mage","default":true,"emoji":{"id":"625891304081063986","name":"mage","animated":true}}
  ]}
 ]},
 {"type":1,"id":8,"components":[
  {"type":8,"id":9,"custom_id":"channel","channel_types":[0,5],"min_values":0,"max_values":3,
   "default_values":[{"id":"41771983423143937","type":"channel"}]}
 ]},
 {"type":1,"id":10,"components":[
  {"type":7,"id":11,"custom_id":"who","required":false,"default_values":[{"id":"1","type":"user"},{"id":"2","type":"role"}],"max_values":2}
 ]}
]`

// v2MessageComponents is a message sent with IS_COMPONENTS_V2: a container
// with a section and its thumbnail, a separator, a media gallery, a file and
// a row of buttons, then a text display and a section with a button.
const v2MessageComponents = `[
 {"type":17,"id":1,"accent_color":703487,"spoiler":true,"components":[
  {"type":10,"id":2,"content":"# Weekly digest"},
  {"type":9,"id":3,"components":[{"type":10,"id":4,"content":"New release"},{"type":10,"id":5,"content":"v1.2.0 is out"}],
   "accessory":{"type":11,"id":6,"media":{"url":"https://example.com/t.png","proxy_url":"https://media.discordapp.net/t.png",
    "width":128,"height":128,"content_type":"image/png","id":"1355254331219705966","attachment_id":"1355254331219705967"},
    "description":"Project logo","spoiler":true}},
  {"type":14,"id":7,"divider":false,"spacing":2},
  {"type":12,"id":8,"items":[
   {"media":{"url":"https://example.com/a.png"},"description":"Screenshot"},
   {"media":{"url":"https://example.com/b.mp4"},"spoiler":true}
  ]},
  {"type":13,"id":9,"file":{"url":"attachment://report.pdf"},"name":"report.pdf","size":1024,"spoiler":true},
  {"type":1,"id":10,"components":[{"type":2,"id":11,"style":2,"label":"More","custom_id":"more"}]}
 ]},
 {"type":10,"id":12,"content":"-# sent by the digest bot"},
 {"type":9,"id":13,"components":[{"type":10,"id":14,"content":"Subscribe?"}],
  "accessory":{"type":2,"id":15,"style":1,"label":"Go","custom_id":"subscribe"}}
]`

// modalComponents is a modal's components: labels around every modal
// input, a text display, and a legacy action row with a text input.
const modalComponents = `[
 {"type":10,"id":1,"content":"Tell us about yourself"},
 {"type":18,"id":2,"label":"Name","description":"Your display name","component":
  {"type":4,"id":3,"custom_id":"name","style":1,"min_length":2,"max_length":32,"required":true,"placeholder":"Wumpus","value":"Wump"}},
 {"type":18,"id":4,"label":"Avatar","component":{"type":19,"id":5,"custom_id":"avatar","min_values":0,"max_values":2,"required":false}},
 {"type":18,"id":6,"label":"Pet","component":{"type":21,"id":7,"custom_id":"pet","required":true,"options":[
  {"label":"Cat","value":"cat","default":true},{"label":"Dog","value":"dog","description":"Woof"}]}},
 {"type":18,"id":8,"label":"Hobbies","component":{"type":22,"id":9,"custom_id":"hobbies","min_values":0,"max_values":2,"options":[
  {"label":"Chess","value":"chess"},{"label":"Go","value":"go","default":true}]}},
 {"type":18,"id":10,"label":"Agree","component":{"type":23,"id":11,"custom_id":"agree","default":true}},
 {"type":18,"id":12,"label":"Role","component":{"type":6,"id":13,"custom_id":"role","placeholder":"Pick","min_values":1}},
 {"type":1,"id":14,"components":[{"type":4,"id":15,"custom_id":"bio","style":2,"label":"Bio"}]}
]`

func decodeComponents(t testing.TB, s string) Components {
	t.Helper()
	var cs Components
	if err := json.Unmarshal([]byte(s), &cs); err != nil {
		t.Fatalf("decode: %v", err)
	}
	return cs
}

// assertSameJSON fails unless a and b hold the same JSON value.
func assertSameJSON(t *testing.T, got []byte, want string) {
	t.Helper()
	var g, w any
	if err := json.Unmarshal(got, &g); err != nil {
		t.Fatalf("decode output: %v\n%s", err, got)
	}
	if err := json.Unmarshal([]byte(want), &w); err != nil {
		t.Fatalf("decode want: %v", err)
	}
	if !reflect.DeepEqual(g, w) {
		t.Errorf("JSON differs\n got: %s\nwant: %s", got, compact(want))
	}
}

func compact(s string) string {
	var b bytes.Buffer
	if err := json.Compact(&b, []byte(s)); err != nil {
		return s
	}
	return b.String()
}

// roundTrip decodes s, encodes it, and checks that the JSON is unchanged and
// that decoding the output again gives an equal value.
func roundTrip(t *testing.T, s string) Components {
	t.Helper()
	cs := decodeComponents(t, s)
	out, err := json.Marshal(cs)
	if err != nil {
		t.Fatalf("encode: %v", err)
	}
	assertSameJSON(t, out, s)
	again := decodeComponents(t, string(out))
	if !reflect.DeepEqual(cs, again) {
		t.Errorf("decode(encode(x)) != x")
	}
	return cs
}

func TestComponentsRoundTripV1Message(t *testing.T) {
	cs := roundTrip(t, v1MessageComponents)
	if len(cs) != 4 {
		t.Fatalf("got %d rows, want 4", len(cs))
	}
	row := cs[0].(*ActionRow)
	if row.ID != 1 || len(row.Components) != 4 {
		t.Fatalf("row 0 = %+v", row)
	}
	accept := row.Components[0].(*Button)
	want := &Button{ID: 2, Style: ButtonStylePrimary, Label: "Accept", CustomID: "accept", Emoji: &ComponentEmoji{Name: "✅"}}
	if !reflect.DeepEqual(accept, want) {
		t.Errorf("button = %+v, want %+v", accept, want)
	}
	if b := row.Components[3].(*Button); b.Style != ButtonStylePremium || b.SKUID != 1088510058284990888 {
		t.Errorf("premium button = %+v", b)
	}
	sel := cs[1].(*ActionRow).Components[0].(*StringSelect)
	if got, _ := sel.MinValues.Get(); got != 1 || sel.MaxValues != 2 || len(sel.Options) != 2 || !sel.Options[1].Emoji.Animated {
		t.Errorf("string select = %+v", sel)
	}
	ch := cs[2].(*ActionRow).Components[0].(*ChannelSelect)
	if min, ok := ch.MinValues.Get(); !ok || min != 0 {
		t.Errorf("channel select min_values = %v, want Some(0)", ch.MinValues)
	}
	if !reflect.DeepEqual(ch.ChannelTypes, []ChannelType{ChannelTypeGuildText, ChannelTypeGuildAnnouncement}) {
		t.Errorf("channel types = %v", ch.ChannelTypes)
	}
	if ch.DefaultValues[0] != (SelectDefaultValue{ID: 41771983423143937, Type: SelectDefaultValueTypeChannel}) {
		t.Errorf("default value = %+v", ch.DefaultValues[0])
	}
	m := cs[3].(*ActionRow).Components[0].(*MentionableSelect)
	if req, ok := m.Required.Get(); !ok || req {
		t.Errorf("mentionable select required = %v, want Some(false)", m.Required)
	}
}

func TestComponentsRoundTripV2Message(t *testing.T) {
	cs := roundTrip(t, v2MessageComponents)
	c := cs[0].(*Container)
	if c.AccentColor != 703487 || !c.Spoiler || len(c.Components) != 6 {
		t.Fatalf("container = %+v", c)
	}
	sec := c.Components[1].(*Section)
	if len(sec.Components) != 2 || sec.Components[1].(*TextDisplay).Content != "v1.2.0 is out" {
		t.Errorf("section texts = %+v", sec.Components)
	}
	th, ok := sec.Accessory.(*Thumbnail)
	if !ok {
		t.Fatalf("accessory is %T, want *Thumbnail", sec.Accessory)
	}
	wantMedia := UnfurledMedia{URL: "https://example.com/t.png", ProxyURL: "https://media.discordapp.net/t.png",
		Width: 128, Height: 128, ContentType: "image/png", ID: 1355254331219705966, AttachmentID: 1355254331219705967}
	if th.Media != wantMedia || th.Description != "Project logo" || !th.Spoiler {
		t.Errorf("thumbnail = %+v", th)
	}
	sep := c.Components[2].(*Separator)
	if d, ok := sep.Divider.Get(); !ok || d || sep.Spacing != SeparatorSpacingLarge {
		t.Errorf("separator = %+v, want divider Some(false), spacing large", sep)
	}
	if g := c.Components[3].(*MediaGallery); len(g.Items) != 2 || !g.Items[1].Spoiler {
		t.Errorf("gallery = %+v", g)
	}
	if f := c.Components[4].(*FileComponent); f.File.URL != "attachment://report.pdf" || f.Name != "report.pdf" || f.Size != 1024 {
		t.Errorf("file = %+v", f)
	}
	if b, ok := cs[2].(*Section).Accessory.(*Button); !ok || b.CustomID != "subscribe" {
		t.Errorf("section accessory = %#v", cs[2].(*Section).Accessory)
	}
}

func TestComponentsRoundTripModal(t *testing.T) {
	cs := roundTrip(t, modalComponents)
	name := cs[1].(*Label)
	ti, ok := name.Component.(*TextInput)
	if !ok {
		t.Fatalf("label component is %T, want *TextInput", name.Component)
	}
	if ti.Style != TextInputStyleShort || ti.MinLength != 2 || ti.MaxLength != 32 || !ti.Required.Or(false) || ti.Value != "Wump" {
		t.Errorf("text input = %+v", ti)
	}
	up := cs[2].(*Label).Component.(*FileUpload)
	if min, _ := up.MinValues.Get(); min != 0 || !up.MinValues.IsSet() || up.Required.Or(true) {
		t.Errorf("file upload = %+v", up)
	}
	if rg := cs[3].(*Label).Component.(*RadioGroup); len(rg.Options) != 2 || !rg.Options[0].Default {
		t.Errorf("radio group = %+v", rg)
	}
	if cg := cs[4].(*Label).Component.(*CheckboxGroup); cg.MaxValues != 2 || !cg.Options[1].Default {
		t.Errorf("checkbox group = %+v", cg)
	}
	if cb := cs[5].(*Label).Component.(*Checkbox); !cb.Default {
		t.Errorf("checkbox = %+v", cb)
	}
	if _, ok := cs[6].(*Label).Component.(*RoleSelect); !ok {
		t.Errorf("label component is %T, want *RoleSelect", cs[6].(*Label).Component)
	}
}

func TestComponentsEncodeSetsTypeFromGoType(t *testing.T) {
	cs := Components{
		NewActionRow(
			NewButton(ButtonStyleSuccess, "Yes", "vote/yes"),
			NewLinkButton("Docs", "https://example.com"),
		),
		&Container{AccentColor: ColorBlurple, Components: Components{
			NewTextDisplay("hello"),
			&Separator{Divider: Some(false)},
			&Section{Components: Components{NewTextDisplay("s")}, Accessory: &Thumbnail{Media: UnfurledMedia{URL: "https://e/x.png"}}},
		}},
	}
	got, err := json.Marshal(cs)
	if err != nil {
		t.Fatal(err)
	}
	want := `[{"type":1,"components":[{"type":2,"style":3,"label":"Yes","custom_id":"vote/yes"},` +
		`{"type":2,"style":5,"label":"Docs","url":"https://example.com"}]},` +
		`{"type":17,"components":[{"type":10,"content":"hello"},{"type":14,"divider":false},` +
		`{"type":9,"components":[{"type":10,"content":"s"}],"accessory":{"type":11,"media":{"url":"https://e/x.png"}}}],` +
		`"accent_color":5793266}]`
	if string(got) != want {
		t.Errorf("encode\n got: %s\nwant: %s", got, want)
	}

	// A single component encodes its type too, and a modal label its input.
	b, err := json.Marshal(NewLabel("Name", &TextInput{CustomID: "n", Style: TextInputStyleShort, Required: Some(false)}))
	if err != nil {
		t.Fatal(err)
	}
	if want := `{"type":18,"label":"Name","component":{"type":4,"custom_id":"n","style":1,"required":false}}`; string(b) != want {
		t.Errorf("label\n got: %s\nwant: %s", b, want)
	}
}

func TestComponentsEncodeEmptyAndNil(t *testing.T) {
	for _, tc := range []struct {
		in   any
		want string
	}{
		{Components(nil), `[]`},
		{&ActionRow{}, `{"type":1,"components":[]}`},
		{&Section{}, `{"type":9,"components":[]}`},
		{&Label{Label: "x"}, `{"type":18,"label":"x"}`},
		{&Separator{}, `{"type":14}`},
		{struct {
			C Components `json:"components,omitzero"`
		}{}, `{}`},
	} {
		got, err := json.Marshal(tc.in)
		if err != nil {
			t.Errorf("%T: %v", tc.in, err)
			continue
		}
		if string(got) != tc.want {
			t.Errorf("%T: got %s, want %s", tc.in, got, tc.want)
		}
	}
	for _, cs := range []Components{{nil}, {(*Button)(nil)}, {NewActionRow(nil)}, {&Section{Accessory: (*Button)(nil)}}} {
		if _, err := json.Marshal(cs); err == nil || !strings.Contains(err.Error(), "nil component") {
			t.Errorf("encode %#v: err = %v, want a nil component error", cs, err)
		}
	}
}

// foreignComponent is a Component implemented outside the package's kinds.
type foreignComponent struct {
	Label string `json:"label"`
}

func (foreignComponent) Type() ComponentType { return 40 }

func TestComponentsEncodeAddsTypeToForeignComponent(t *testing.T) {
	got, err := json.Marshal(Components{foreignComponent{Label: "x"}, &UnknownComponent{ComponentType: 41}})
	if err != nil {
		t.Fatal(err)
	}
	if want := `[{"type":40,"label":"x"},{"type":41}]`; string(got) != want {
		t.Errorf("got %s, want %s", got, want)
	}
}

func TestUnknownComponentRoundTripsUnchanged(t *testing.T) {
	const top = `{"type":99,"id":1,"foo":{"bar":[1,"]}",{"type":2}]},"custom_id":"x"}`
	const nested = `{"type":42,"weird":true,"components":[{"type":2}]}`
	in := `[` + top + `,{"type":1,"components":[` + nested + `,{"type":2,"style":1,"custom_id":"a","label":"A"}]}]`
	cs := roundTrip(t, in)

	u, ok := cs[0].(*UnknownComponent)
	if !ok {
		t.Fatalf("top level is %T, want *UnknownComponent", cs[0])
	}
	if u.Type() != 99 || string(u.Raw) != top {
		t.Errorf("unknown = %d %s", u.Type(), u.Raw)
	}
	if got := u.Type().String(); got != "ComponentType(99)" {
		t.Errorf("String() = %q", got)
	}
	inner, ok := cs[1].(*ActionRow).Components[0].(*UnknownComponent)
	if !ok || inner.Type() != 42 || string(inner.Raw) != nested {
		t.Errorf("nested unknown = %#v", cs[1].(*ActionRow).Components[0])
	}
	out, err := json.Marshal(cs)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(out, []byte(top)) || !bytes.Contains(out, []byte(nested)) {
		t.Errorf("unknown components not kept byte for byte: %s", out)
	}
	// Validation leaves unknown kinds alone.
	v := newValidator("test")
	validateMessageComponents(v, "components", cs, true)
	if len(v.violations) != 0 {
		t.Errorf("violations on unknown components: %v", v.violations)
	}
}

func TestComponentsDecodeNull(t *testing.T) {
	cs := Components{NewTextDisplay("x")}
	if err := json.Unmarshal([]byte(` null `), &cs); err != nil || cs != nil {
		t.Errorf("null: cs=%v err=%v", cs, err)
	}
	var s Section
	if err := json.Unmarshal([]byte(`{"type":9,"components":[],"accessory":null}`), &s); err != nil || s.Accessory != nil {
		t.Errorf("null accessory: %+v %v", s, err)
	}
	var l Label
	if err := json.Unmarshal([]byte(`{"type":18,"label":"x","component":null}`), &l); err != nil || l.Component != nil {
		t.Errorf("null label component: %+v %v", l, err)
	}
}

func TestComponentsDecodeErrorsNameTheComponent(t *testing.T) {
	for _, tc := range []struct {
		name, in string
		want     []string // substrings of the error
	}{
		{"wrong field type", `[{"type":2,"style":"big"}]`, []string{"components[0]", "style"}},
		{"nested wrong field type", `[{"type":1,"components":[{"type":2,"style":1},{"type":2,"custom_id":5}]}]`,
			[]string{"components[0].components[1]", "custom_id"}},
		{"type missing", `[{"type":10,"content":"x"},{"style":1}]`, []string{"components[1]", `missing "type"`}},
		{"type not an integer", `[{"type":"2"}]`, []string{"components[0]", `"type" is not an integer`}},
		{"element not an object", `[{"type":10},1]`, []string{"components[1]", "not a JSON object"}},
		{"null element", `[null]`, []string{"components[0]", "not a JSON object"}},
		{"accessory without type", `[{"type":17,"components":[{"type":9,"components":[],"accessory":{"label":"x"}}]}]`,
			[]string{"components[0].components[0].accessory", `missing "type"`}},
		{"label component wrong field", `[{"type":18,"label":"x","component":{"type":4,"style":[]}}]`,
			[]string{"components[0].component", "style"}},
		{"nested list not an array", `[{"type":1,"components":{"type":2}}]`, []string{"components[0]", "not a JSON array"}},
		{"select options wrong type", `[{"type":1,"components":[{"type":3,"custom_id":"s","options":"x"}]}]`,
			[]string{"components[0].components[0]", "options"}},
		{"unknown kind", `[{"type":1,"components":[{"type":77,"x":}]}]`, []string{"invalid character"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var cs Components
			err := json.Unmarshal([]byte(tc.in), &cs)
			if err == nil {
				t.Fatalf("decoded %#v, want an error", cs)
			}
			for _, w := range tc.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error %q does not mention %q", err, w)
				}
			}
		})
	}
	var cs Components
	if err := json.Unmarshal([]byte(`{"type":1}`), &cs); err == nil {
		t.Error("decoding an object into Components succeeded")
	}
}

func TestComponentsDecodeInsideStruct(t *testing.T) {
	var msg struct {
		Components Components `json:"components"`
		Embeds     []Embed    `json:"embeds"`
	}
	in := `{"components":` + v2MessageComponents + `,"embeds":[{"type":"rich","title":"t"}]}`
	if err := json.Unmarshal([]byte(in), &msg); err != nil {
		t.Fatal(err)
	}
	if len(msg.Components) != 3 || msg.Embeds[0].Title != "t" {
		t.Errorf("decoded %+v", msg)
	}
	err := json.Unmarshal([]byte(`{"components":[{"type":1,"components":[{"type":3,"min_values":"x"}]}]}`), &msg)
	if err == nil || !strings.Contains(err.Error(), "components[0].components[0]") {
		t.Errorf("err = %v", err)
	}
}

func TestComponentsDecodeEveryKindIntoItsType(t *testing.T) {
	for typ := range componentTypeNames {
		in := `[{"type":` + itoa(int(typ)) + `}]`
		var cs Components
		if err := json.Unmarshal([]byte(in), &cs); err != nil {
			t.Errorf("%v: %v", typ, err)
			continue
		}
		if _, unknown := cs[0].(*UnknownComponent); unknown || cs[0].Type() != typ {
			t.Errorf("%v decoded as %T", typ, cs[0])
		}
		out, err := json.Marshal(cs)
		if err != nil {
			t.Errorf("%v: encode: %v", typ, err)
			continue
		}
		if !strings.HasPrefix(string(out), `[{"type":`+itoa(int(typ))) {
			t.Errorf("%v: encoded %s", typ, out)
		}
	}
}

func itoa(n int) string {
	b, _ := json.Marshal(n)
	return string(b)
}

func TestComponentJSONScannerNeverPanics(t *testing.T) {
	inputs := []string{"", "[", "[{", `[{"`, `[{"type"`, `[{"type":`, `[{"type":1`, `[{"type":1,`, `[{"type":1}`,
		`[{"type":1}x`, `[,]`, `[1,]`, `["\`, `[{"a":"\"}]`, `{`, `{"type":1,`, `{"type"}`, `[}`, "\x00", "[\"\\\"]"}
	for _, in := range inputs {
		var cs Components
		_ = cs.UnmarshalJSON([]byte(in))
		var u UnknownComponent
		_ = u.UnmarshalJSON([]byte(in))
		_, _, _ = peekType([]byte(in))
	}
}

func FuzzComponentsUnmarshal(f *testing.F) {
	for _, s := range []string{v1MessageComponents, v2MessageComponents, modalComponents, `[{"type":99,"x":[1,{"y":"}"}]}]`, `[{"type":9,"accessory":null}]`} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		var raw Components
		_ = raw.UnmarshalJSON(b) // arbitrary, unvalidated input must not panic
		var cs Components
		if json.Unmarshal(b, &cs) != nil {
			return
		}
		out, err := json.Marshal(cs)
		if err != nil {
			// A decoded value always encodes, except a colour above
			// 0xFFFFFF, which Color rejects when decoding anyway.
			t.Fatalf("encode decoded value: %v", err)
		}
		var again Components
		if err := json.Unmarshal(out, &again); err != nil {
			t.Fatalf("decode own output %s: %v", out, err)
		}
		out2, err := json.Marshal(again)
		if err != nil || !bytes.Equal(out, out2) {
			t.Fatalf("encoding not stable:\n%s\n%s (%v)", out, out2, err)
		}
	})
}

func BenchmarkComponentsUnmarshal(b *testing.B) {
	data := []byte(v2MessageComponents)
	b.ReportAllocs()
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		var cs Components
		if err := json.Unmarshal(data, &cs); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkComponentsMarshal(b *testing.B) {
	cs := decodeComponents(b, v2MessageComponents)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := json.Marshal(cs); err != nil {
			b.Fatal(err)
		}
	}
}

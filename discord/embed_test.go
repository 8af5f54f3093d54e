package discord

import (
	"encoding/json"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"
)

// receivedEmbed is an embed as Discord sends it in a message, with every
// field set.
const receivedEmbed = `{
 "type":"rich","url":"https://example.com/release","title":"Release 1.2","description":"Notes",
 "color":5793266,"timestamp":"2024-05-01T12:00:00.123Z","flags":32,
 "fields":[{"name":"Added","value":"Buttons","inline":true},{"name":"Fixed","value":"Bugs"}],
 "author":{"name":"cordage","url":"https://example.com","icon_url":"https://example.com/i.png","proxy_icon_url":"https://images-ext-1.discordapp.net/i.png"},
 "provider":{"name":"GitHub","url":"https://github.com"},
 "image":{"url":"https://example.com/a.png","proxy_url":"https://media.discordapp.net/a.png","width":640,"height":480,
  "content_type":"image/png","placeholder":"3PcNNYSFeXh/d3eld0iHZoZgVwh2","placeholder_version":1,"description":"Screenshot","flags":32},
 "thumbnail":{"url":"https://example.com/t.png","width":80,"height":80,"is_animated":true},
 "video":{"url":"https://example.com/v.mp4","width":1280,"height":720},
 "footer":{"text":"cordage bot","icon_url":"https://example.com/f.png","proxy_icon_url":"https://images-ext-1.discordapp.net/f.png"},
 "components":[{"type":17,"id":1,"components":[{"type":10,"id":2,"content":"Poll ended"}]}]
}`

func TestEmbedRoundTrip(t *testing.T) {
	var e Embed
	if err := json.Unmarshal([]byte(receivedEmbed), &e); err != nil {
		t.Fatal(err)
	}
	if e.Type != EmbedTypeRich || e.Color != ColorBlurple || len(e.Fields) != 2 || !e.Fields[0].Inline {
		t.Errorf("decoded %+v", e)
	}
	if want := time.Date(2024, 5, 1, 12, 0, 0, 123e6, time.UTC); !e.Timestamp.Equal(want) {
		t.Errorf("timestamp = %v, want %v", e.Timestamp, want)
	}
	if e.Image.Width != 640 || e.Image.PlaceholderVersion != 1 || e.Image.Flags != 32 || !e.Thumbnail.IsAnimated {
		t.Errorf("media = %+v %+v", e.Image, e.Thumbnail)
	}
	if c, ok := e.Components[0].(*Container); !ok || c.Components[0].(*TextDisplay).Content != "Poll ended" {
		t.Errorf("components = %#v", e.Components)
	}
	out, err := json.Marshal(e)
	if err != nil {
		t.Fatal(err)
	}
	assertSameJSON(t, out, receivedEmbed)
	var again Embed
	if err := json.Unmarshal(out, &again); err != nil || !reflect.DeepEqual(e, again) {
		t.Errorf("decode(encode(e)) != e (%v)", err)
	}
}

func TestEmbedDecodesDiscordTimestamps(t *testing.T) {
	var e Embed
	if err := json.Unmarshal([]byte(`{"timestamp":"2024-05-01T12:00:00.123000+00:00","type":"poll_result"}`), &e); err != nil {
		t.Fatal(err)
	}
	if !e.Timestamp.Equal(time.Date(2024, 5, 1, 12, 0, 0, 123e6, time.UTC)) || e.Type != EmbedTypePollResult {
		t.Errorf("decoded %+v", e)
	}
	// Unknown embed types decode as they are.
	if err := json.Unmarshal([]byte(`{"type":"hologram"}`), &e); err != nil || e.Type != "hologram" {
		t.Errorf("unknown type: %q %v", e.Type, err)
	}
}

func TestEmbedEncodesOnlyWhatIsSet(t *testing.T) {
	e := Embed{
		Title:  "Hi",
		Color:  ColorBlurple,
		Fields: []EmbedField{{Name: "a", Value: "b", Inline: true}},
		Footer: &EmbedFooter{Text: "f"},
		Image:  &EmbedMedia{URL: "attachment://chart.png"},
	}
	got, err := json.Marshal(e)
	if err != nil {
		t.Fatal(err)
	}
	want := `{"title":"Hi","color":5793266,"footer":{"text":"f"},"image":{"url":"attachment://chart.png"},"fields":[{"name":"a","value":"b","inline":true}]}`
	if string(got) != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
	if got, _ := json.Marshal(Embed{}); string(got) != `{}` {
		t.Errorf("zero embed = %s", got)
	}
}

func TestEmbedLengthCountsCharacters(t *testing.T) {
	e := Embed{
		Title:       "héllo", // 5
		Description: "日本語",   // 3
		URL:         "https://not-counted.example",
		Fields:      []EmbedField{{Name: "ab", Value: "cde"}, {Name: "f", Value: "g"}}, // 7
		Footer:      &EmbedFooter{Text: "foot", IconURL: "https://not-counted"},        // 4
		Author:      &EmbedAuthor{Name: "me"},                                          // 2
		Provider:    &EmbedProvider{Name: "not counted"},
	}
	if got := e.Length(); got != 21 {
		t.Errorf("Length() = %d, want 21", got)
	}
	if got := (Embed{}).Length(); got != 0 {
		t.Errorf("zero Length() = %d", got)
	}
}

func TestValidateEmbeds(t *testing.T) {
	fields := func(n int) []EmbedField {
		out := make([]EmbedField, n)
		for i := range out {
			out[i] = EmbedField{Name: "n", Value: "v"}
		}
		return out
	}
	tests := []struct {
		name   string
		embeds []Embed
		want   []string
	}{
		{"no embeds", nil, nil},
		{"valid embed", []Embed{{
			Title: "t", Description: "d", URL: "https://e", Color: MaxColor, Timestamp: time.Now(),
			Fields: fields(25), Footer: &EmbedFooter{Text: "f"}, Author: &EmbedAuthor{Name: "a"},
			Image: &EmbedMedia{URL: "https://e/i.png"}, Thumbnail: &EmbedMedia{URL: "attachment://t.png"},
		}}, nil},
		{"every limit of one embed", []Embed{{
			Title:       strings.Repeat("t", 257),
			Description: strings.Repeat("d", 4097),
			URL:         "https://e/" + strings.Repeat("u", 2039),
			Color:       MaxColor + 1,
			Fields:      []EmbedField{{Value: strings.Repeat("v", 1025)}, {Name: strings.Repeat("n", 257)}},
			Footer:      &EmbedFooter{IconURL: "https://e/f.png"},
			Author:      &EmbedAuthor{Name: strings.Repeat("a", 257)},
			Image:       &EmbedMedia{},
			Thumbnail:   &EmbedMedia{URL: "https://e/t.png", Description: strings.Repeat("d", 4097)},
		}}, []string{
			"embeds[0].title",
			"embeds[0].description",
			"embeds[0].url",
			"embeds[0].color",
			"embeds[0].fields[0].name",
			"embeds[0].fields[0].value",
			"embeds[0].fields[1].name",
			"embeds[0].fields[1].value",
			"embeds[0].footer.text",
			"embeds[0].author.name",
			"embeds[0].image.url",
			"embeds[0].thumbnail.description",
		}},
		{"26 fields", []Embed{{Fields: fields(26)}}, []string{"embeds[0].fields"}},
		{"6001 characters across two embeds", []Embed{
			{Description: strings.Repeat("a", 4000)},
			{Description: strings.Repeat("b", 1995), Fields: []EmbedField{{Name: "n", Value: "v"}}, Footer: &EmbedFooter{Text: "fff"}, Author: &EmbedAuthor{Name: "x"}},
		}, []string{"embeds"}},
		{"6000 characters across two embeds", []Embed{
			{Description: strings.Repeat("a", 4000)},
			{Description: strings.Repeat("b", 2000)},
		}, nil},
		{"11 embeds", make([]Embed, 11), []string{"embeds"}},
		{"second embed broken", []Embed{{Title: "ok"}, {Fields: []EmbedField{{Name: "n"}}}}, []string{"embeds[1].fields[0].value"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, all := violationPaths(func(v *validator) { validateEmbeds(v, "embeds", tc.embeds) })
			if !slices.Equal(got, tc.want) {
				t.Errorf("violations:\n got %q\nwant %q\n%v", got, tc.want, all)
			}
		})
	}
	_, all := violationPaths(func(v *validator) {
		validateEmbeds(v, "embeds", []Embed{{Description: strings.Repeat("é", 4096)}, {Description: strings.Repeat("b", 1905)}})
	})
	if want := []Violation{{Field: "embeds", Problem: "more than 6000 characters in total across all embeds (6001)"}}; !slices.Equal(all, want) {
		t.Errorf("got %v, want %v", all, want)
	}
}

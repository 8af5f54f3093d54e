package discord

import (
	"testing"
	"time"
)

func TestFormatTimestamp(t *testing.T) {
	at := time.Unix(1618953630, 900_000_000) // fractions of a second are dropped
	tests := []struct {
		style TimestampStyle
		want  string
	}{
		{0, "<t:1618953630>"},
		{TimestampShortTime, "<t:1618953630:t>"},
		{TimestampMediumTime, "<t:1618953630:T>"},
		{TimestampShortDate, "<t:1618953630:d>"},
		{TimestampLongDate, "<t:1618953630:D>"},
		{TimestampLongDateShortTime, "<t:1618953630:f>"},
		{TimestampFullDateShortTime, "<t:1618953630:F>"},
		{TimestampShortDateShortTime, "<t:1618953630:s>"},
		{TimestampShortDateMediumTime, "<t:1618953630:S>"},
		{TimestampRelative, "<t:1618953630:R>"},
	}
	for _, tt := range tests {
		if got := FormatTimestamp(at, tt.style); got != tt.want {
			t.Errorf("FormatTimestamp(%q) = %q, want %q", tt.style, got, tt.want)
		}
	}
	if got := FormatTimestamp(time.Unix(-60, 0), TimestampRelative); got != "<t:-60:R>" {
		t.Errorf("before 1970: %q", got)
	}
	zone := time.FixedZone("UTC+5", 5*3600)
	if got := FormatTimestamp(at.In(zone), 0); got != "<t:1618953630>" {
		t.Errorf("time zone changed the timestamp: %q", got)
	}
}

func TestMentions(t *testing.T) {
	tests := []struct {
		got, want string
	}{
		{UserMention(80351110224678912), "<@80351110224678912>"},
		{ChannelMention(103735883630395392), "<#103735883630395392>"},
		{RoleMention(165511591545143296), "<@&165511591545143296>"},
		{SlashCommandMention("airhorn", 816437322781949972), "</airhorn:816437322781949972>"},
		{SlashCommandMention("foo group bar", 123456789012345678), "</foo group bar:123456789012345678>"},
		{EmojiMarkdown("mmLol", 216154654256398347, false), "<:mmLol:216154654256398347>"},
		{EmojiMarkdown("b1nzy", 392938283556143104, true), "<a:b1nzy:392938283556143104>"},
	}
	for _, tt := range tests {
		if tt.got != tt.want {
			t.Errorf("got %q, want %q", tt.got, tt.want)
		}
	}
}

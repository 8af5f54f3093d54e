package discord

import (
	"encoding/json"
	"errors"
	"slices"
	"strings"
	"testing"
)

// violations returns the field paths of a Validate error, failing the test
// when the error is not a *ValidationError.
func violations(t *testing.T, err error) []string {
	t.Helper()
	if err == nil {
		return nil
	}
	var ve *ValidationError
	if !errors.As(err, &ve) {
		t.Fatalf("error %v is %T, want *ValidationError", err, err)
	}
	var fields []string
	for _, v := range ve.Violations {
		fields = append(fields, v.Field)
	}
	return fields
}

func TestValidateReportsEveryViolationWithItsPath(t *testing.T) {
	req := CreateMessageRequest{
		Content:    strings.Repeat("a", 2001),
		StickerIDs: []Snowflake{1, 2, 3, 4},
		Poll: &CreatePollRequest{
			Question: PollMedia{Text: strings.Repeat("q", 301)},
			Answers:  []PollAnswer{{PollMedia: PollMedia{Text: strings.Repeat("a", 56)}}},
		},
		MessageReference: &MessageReference{MessageID: 1},
		Nonce:            Nonce(strings.Repeat("n", 26)),
	}
	got := violations(t, req.Validate())
	want := []string{"content", "sticker_ids", "poll.question.text", "poll.answers[0].poll_media.text", "nonce"}
	for _, w := range want {
		if !slices.Contains(got, w) {
			t.Errorf("violations %q lack %q", got, w)
		}
	}
	if err := req.Validate(); !strings.HasPrefix(err.Error(), "discord: invalid CreateMessageRequest: content: longer than 2000 characters (2001)") {
		t.Errorf("error text = %q", err)
	}
}

func TestValidateAcceptsAValidMessage(t *testing.T) {
	req := CreateMessageRequest{
		Content: "hello",
		Embeds:  []Embed{{Title: "t", Description: "d"}},
		Components: Components{NewActionRow(
			NewButton(ButtonStylePrimary, "Yes", "vote/yes"),
			NewButton(ButtonStyleDanger, "No", "vote/no"),
		)},
	}
	if err := req.Validate(); err != nil {
		t.Fatalf("Validate: %v", err)
	}
}

func TestValidateChecksComponentsAndEmbedsOfAMessage(t *testing.T) {
	req := CreateMessageRequest{
		Embeds: []Embed{{Title: strings.Repeat("t", 257)}},
		Components: Components{NewActionRow(
			NewButton(ButtonStylePrimary, "ok", strings.Repeat("c", 101)),
		)},
	}
	got := violations(t, req.Validate())
	for _, w := range []string{"embeds[0].title", "components[0].components[0].custom_id"} {
		if !slices.Contains(got, w) {
			t.Errorf("violations %q lack %q", got, w)
		}
	}
}

func TestValidateApplicationCommand(t *testing.T) {
	tests := []struct {
		name string
		req  CreateApplicationCommandRequest
		want []string
	}{
		{"valid slash command", CreateApplicationCommandRequest{
			Name: "roll", Description: "Roll a die",
			Options: []ApplicationCommandOption{{Type: ApplicationCommandOptionTypeInteger, Name: "sides", Description: "How many sides", Required: true}},
		}, nil},
		{"uppercase and spaces in the name", CreateApplicationCommandRequest{Name: "Roll Dice", Description: "d"}, []string{"name"}},
		{"slash command without a description", CreateApplicationCommandRequest{Name: "roll"}, []string{"description"}},
		{"user command with a description", CreateApplicationCommandRequest{Type: ApplicationCommandTypeUser, Name: "Report", Description: "no"}, []string{"description"}},
		{"required option after an optional one", CreateApplicationCommandRequest{
			Name: "roll", Description: "d",
			Options: []ApplicationCommandOption{
				{Type: ApplicationCommandOptionTypeString, Name: "a", Description: "a"},
				{Type: ApplicationCommandOptionTypeString, Name: "b", Description: "b", Required: true},
			},
		}, []string{"options[1]"}},
		{"26 choices and a long choice value", CreateApplicationCommandRequest{
			Name: "pick", Description: "d",
			Options: []ApplicationCommandOption{{
				Type: ApplicationCommandOptionTypeString, Name: "x", Description: "x",
				Choices: append(make([]ApplicationCommandOptionChoice, 25),
					ApplicationCommandOptionChoice{Name: "long", Value: strings.Repeat("v", 101)}),
			}},
		}, []string{"options[0].choices", "options[0].choices[0].name", "options[0].choices[0].value", "options[0].choices[25].value"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := violations(t, tt.req.Validate())
			for _, w := range tt.want {
				if !slices.Contains(got, w) {
					t.Errorf("violations %q lack %q", got, w)
				}
			}
			if tt.want == nil && got != nil {
				t.Errorf("unexpected violations %q", got)
			}
		})
	}
}

func TestUpdateRequestLeavesClearsOrSetsEachField(t *testing.T) {
	req := UpdateChannelRequest{
		Name:     "general",
		Topic:    Null[string](),
		NSFW:     Some(false),
		Position: Some(0),
	}
	b, err := json.Marshal(req)
	if err != nil {
		t.Fatal(err)
	}
	want := `{"name":"general","position":0,"topic":null,"nsfw":false}`
	if string(b) != want {
		t.Errorf("encoded %s, want %s", b, want)
	}
	var back UpdateChannelRequest
	if err := json.Unmarshal(b, &back); err != nil {
		t.Fatal(err)
	}
	if !back.Topic.IsNull() || back.NSFW.Or(true) || !back.RateLimitPerUser.IsZero() {
		t.Errorf("decoded %+v", back)
	}
}

func TestUnknownEnumValuesDecodeAndAreKept(t *testing.T) {
	var c Channel
	if err := json.Unmarshal([]byte(`{"id":"1","type":99,"flags":1099511627776}`), &c); err != nil {
		t.Fatal(err)
	}
	if c.Type != 99 || c.Type.String() != "ChannelType(99)" {
		t.Errorf("type = %d %q", c.Type, c.Type)
	}
	if c.Flags != 1<<40 || c.Flags.String() != "1<<40" {
		t.Errorf("flags = %d %q", c.Flags, c.Flags)
	}
	var g Guild
	if err := json.Unmarshal([]byte(`{"id":"1","features":["A_FEATURE_FROM_2030","COMMUNITY"]}`), &g); err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(g.Features, []GuildFeature{"A_FEATURE_FROM_2030", GuildFeatureCommunity}) {
		t.Errorf("features = %q", g.Features)
	}
	b, _ := json.Marshal(c)
	if !strings.Contains(string(b), `"type":99`) || !strings.Contains(string(b), `"flags":1099511627776`) {
		t.Errorf("re-encoded %s", b)
	}
}

func TestEnumNamesFollowDiscordsDocs(t *testing.T) {
	for _, tc := range []struct {
		got, want string
	}{
		{ChannelTypeGuildMedia.String(), "GUILD_MEDIA"},
		{ApplicationCommandTypeChatInput.String(), "CHAT_INPUT"},
		{MessageReferenceTypeForward.String(), "FORWARD"},
		{(MessageFlagEphemeral | MessageFlagIsComponentsV2).String(), "EPHEMERAL|IS_COMPONENTS_V2"},
	} {
		if tc.got != tc.want {
			t.Errorf("got %q, want %q", tc.got, tc.want)
		}
	}
}

func TestNonceAcceptsStringsAndIntegers(t *testing.T) {
	var m Message
	if err := json.Unmarshal([]byte(`{"nonce":1234567890123}`), &m); err != nil || m.Nonce != "1234567890123" {
		t.Errorf("integer nonce: %q, %v", m.Nonce, err)
	}
	if err := json.Unmarshal([]byte(`{"nonce":"abc"}`), &m); err != nil || m.Nonce != "abc" {
		t.Errorf("string nonce: %q, %v", m.Nonce, err)
	}
	if err := json.Unmarshal([]byte(`{"nonce":{}}`), &m); err == nil || !strings.Contains(err.Error(), "nonce") {
		t.Errorf("object nonce: error %v, want one naming the nonce", err)
	}
}

func TestRoleTagsPresenceFlags(t *testing.T) {
	var r Role
	in := `{"id":"1","name":"Booster","tags":{"premium_subscriber":null}}`
	if err := json.Unmarshal([]byte(in), &r); err != nil {
		t.Fatal(err)
	}
	if r.Tags == nil || !bool(r.Tags.PremiumSubscriber) || bool(r.Tags.AvailableForPurchase) {
		t.Fatalf("tags = %+v", r.Tags)
	}
	b, _ := json.Marshal(r.Tags)
	if string(b) != `{"premium_subscriber":null}` {
		t.Errorf("re-encoded tags %s", b)
	}
}

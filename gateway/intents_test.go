package gateway

import (
	"strconv"
	"strings"
	"testing"
)

func TestIntentsMatchDiscordTable(t *testing.T) {
	rows := readTable(t, "intents.tsv")
	consts := constsOf(t, "Intents")
	var all, privileged Intents
	for _, row := range rows {
		bit, err := strconv.Atoi(row["bit"])
		if err != nil {
			t.Fatal(err)
		}
		value, err := strconv.ParseUint(row["value"], 10, 64)
		if err != nil || value != 1<<bit {
			t.Fatalf("%s: value %s is not 1<<%d", row["name"], row["value"], bit)
		}
		intent := Intents(value)
		name := "Intent" + goCase(row["name"])
		if v, ok := consts[name]; !ok {
			t.Errorf("intent %s: no constant %s", row["name"], name)
		} else if v != int64(value) {
			t.Errorf("%s = %d, want %d", name, v, value)
		}
		if got := intent.String(); got != row["name"] {
			t.Errorf("Intents(%d).String() = %q, want %q", value, got, row["name"])
		}
		all |= intent
		if row["privileged"] == "yes" {
			privileged |= intent
		}
	}
	if IntentsAll != all {
		t.Errorf("IntentsAll = %v, want %v", IntentsAll, all)
	}
	if IntentsPrivileged != privileged {
		t.Errorf("IntentsPrivileged = %v, want %v", IntentsPrivileged, privileged)
	}
	if IntentsDefault != all&^privileged {
		t.Errorf("IntentsDefault = %v, want %v", IntentsDefault, all&^privileged)
	}
	// The intent constants, and the three sets.
	if len(consts) != len(rows)+3 {
		t.Errorf("%d Intents constants for %d intents in the table", len(consts), len(rows))
	}
}

func TestEventIntentsMatchDiscordTable(t *testing.T) {
	dispatch := 0
	for _, row := range readTable(t, "gateway-events.tsv") {
		event := row["event"]
		if row["kind"] != "dispatch" {
			if _, ok := eventIntents[event]; ok {
				t.Errorf("%s is not a dispatch event but has intents", event)
			}
			continue
		}
		dispatch++
		if _, ok := eventIntents[event]; !ok {
			t.Errorf("%s: no entry", event)
			continue
		}
		var want Intents
		if row["intents"] != "none(always sent)" {
			for _, name := range strings.Split(row["intents"], ",") {
				want |= intentByName(t, name)
			}
		}
		if got := EventIntents(event); got != want {
			t.Errorf("EventIntents(%q) = %v, want %v", event, got, want)
		}
		if want == 0 && EventNeedsIntent(event, 0) {
			t.Errorf("%s is always sent, but EventNeedsIntent says it needs an intent", event)
		}
		if want != 0 && (!EventNeedsIntent(event, IntentsAll&^want) || EventNeedsIntent(event, want)) {
			t.Errorf("EventNeedsIntent(%q) disagrees with its intents %v", event, want)
		}
	}
	if len(eventIntents) != dispatch {
		t.Errorf("%d events in the table, want the %d dispatch events", len(eventIntents), dispatch)
	}
}

// TestIntentEventsAgreeWithEventTable checks the events column of
// intents.tsv against gateway-events.tsv, through EventIntents.
func TestIntentEventsAgreeWithEventTable(t *testing.T) {
	for _, row := range readTable(t, "intents.tsv") {
		if row["events"] == "-" {
			continue
		}
		intent := intentByName(t, row["name"])
		for _, event := range strings.Split(row["events"], ",") {
			if !EventIntents(event).Has(intent) {
				t.Errorf("intents.tsv: %s delivers %s, but EventIntents(%q) = %v", row["name"], event, event, EventIntents(event))
			}
		}
	}
}

func TestMessageContentDeliversNoEvent(t *testing.T) {
	for event, intents := range eventIntents {
		if intents.Has(IntentMessageContent) {
			t.Errorf("%s is delivered by MESSAGE_CONTENT", event)
		}
	}
}

func TestEventNeedsIntent(t *testing.T) {
	for _, tt := range []struct {
		event string
		have  Intents
		want  bool
	}{
		{"MESSAGE_CREATE", IntentGuilds, true},
		{"MESSAGE_CREATE", IntentDirectMessages, false},
		{"MESSAGE_CREATE", IntentGuildMessages, false},
		{"PRESENCE_UPDATE", IntentsDefault, true},
		{"READY", 0, false},
		{"INTERACTION_CREATE", 0, false},
		{"NOT_AN_EVENT", 0, false},
		{"HELLO", 0, false},
	} {
		if got := EventNeedsIntent(tt.event, tt.have); got != tt.want {
			t.Errorf("EventNeedsIntent(%q, %v) = %v, want %v", tt.event, tt.have, got, tt.want)
		}
	}
}

func TestIntentsString(t *testing.T) {
	for in, want := range map[Intents]string{
		0:                                  "0",
		IntentGuilds | IntentGuildMessages: "GUILDS|GUILD_MESSAGES",
		IntentDirectMessagePolls | 1<<17:   "0x20000|DIRECT_MESSAGE_POLLS",
		IntentsPrivileged:                  "GUILD_MEMBERS|GUILD_PRESENCES|MESSAGE_CONTENT",
		1 << 63:                            "0x8000000000000000",
	} {
		if got := in.String(); got != want {
			t.Errorf("String() = %q, want %q", got, want)
		}
	}
}

func TestIntentsHasAndPrivileged(t *testing.T) {
	i := IntentGuilds | IntentGuildMembers | IntentMessageContent
	if !i.Has(IntentGuilds|IntentMessageContent) || i.Has(IntentGuilds|IntentGuildPresences) {
		t.Error("Has is wrong")
	}
	if got := i.Privileged(); got != IntentGuildMembers|IntentMessageContent {
		t.Errorf("Privileged() = %v", got)
	}
	if IntentsDefault.Privileged() != 0 {
		t.Error("IntentsDefault holds privileged intents")
	}
}

func intentByName(t *testing.T, name string) Intents {
	t.Helper()
	for bit, n := range intentNames {
		if n == name {
			return 1 << bit
		}
	}
	t.Fatalf("no intent named %q", name)
	return 0
}

package codec

import (
	"encoding/json"
	"reflect"
	"testing"

	"github.com/cordage/cordage/discord"
)

func TestUnmarshal(t *testing.T) {
	msg := `{"id":"5","channel_id":"6","content":"hi","author":{"id":"7","username":"u"},"mentions":[],"embeds":[{"title":"t","color":16711680}]}`
	members := `[{"user":{"id":"1","username":"a"},"roles":["2","3"],"joined_at":"2024-01-02T03:04:05Z"},{"user":{"id":"4"},"roles":[]}]`
	check := func(data string, fresh func() any) {
		t.Helper()
		got, want := fresh(), fresh()
		errGot := Unmarshal([]byte(data), got)
		errWant := json.Unmarshal([]byte(data), want)
		if (errGot == nil) != (errWant == nil) || errGot != nil && errGot.Error() != errWant.Error() {
			t.Errorf("%s into %T: error %v, encoding/json %v", data, got, errGot, errWant)
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%s into %T: %+v, encoding/json %+v", data, got, got, want)
		}
	}
	check(msg, func() any { return new(discord.Message) })
	check(members, func() any { return new([]discord.Member) })
	check(`{"id":"1","name":"x"}`, func() any { return new(discord.Invite) }) // no generated decoder
	check(`{"id":"x"}`, func() any { return new(discord.Message) })           // fast path fails, same error
	check(`{"content":"a","Content":"b"}`, func() any { return new(discord.Message) })

	// A value that is not zero is decoded into as encoding/json does.
	got := &discord.Message{Content: "kept", ID: 1}
	if err := Unmarshal([]byte(`{"id":"2"}`), got); err != nil || got.Content != "kept" || got.ID != 2 {
		t.Errorf("into a set value: %+v, %v", got, err)
	}
}

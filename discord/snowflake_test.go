package discord

import (
	"encoding/json"
	"strconv"
	"testing"
	"time"
)

func TestSnowflakeDecodesStringNumberAndNull(t *testing.T) {
	tests := []struct {
		in   string
		want Snowflake
	}{
		{`"175928847299117063"`, 175928847299117063},
		{`175928847299117063`, 175928847299117063},
		{`"0"`, 0},
		{`0`, 0},
		{`null`, 0},
		{`"18446744073709551615"`, 18446744073709551615},
		{`123123`, 123123}, // small ids may come back as numbers (GUILD_MEMBERS_CHUNK not_found)
	}
	for _, tt := range tests {
		s := Snowflake(99)
		if err := json.Unmarshal([]byte(tt.in), &s); err != nil {
			t.Errorf("Unmarshal(%s): %v", tt.in, err)
			continue
		}
		if s != tt.want {
			t.Errorf("Unmarshal(%s) = %d, want %d", tt.in, s, tt.want)
		}
	}
}

func TestSnowflakeRejectsInvalidJSON(t *testing.T) {
	for _, in := range []string{
		`""`, `"abc"`, `-1`, `"-1"`, `1.5`, `"18446744073709551616"`, `true`, `{}`, `[]`, `"1 "`, `" 1"`,
	} {
		var s Snowflake
		if err := json.Unmarshal([]byte(in), &s); err == nil {
			t.Errorf("Unmarshal(%s) = %d, want an error", in, s)
		}
	}
}

func TestSnowflakeEncodesAsString(t *testing.T) {
	b, err := json.Marshal(struct {
		ID Snowflake `json:"id"`
	}{175928847299117063})
	if err != nil {
		t.Fatal(err)
	}
	if got, want := string(b), `{"id":"175928847299117063"}`; got != want {
		t.Errorf("Marshal = %s, want %s", got, want)
	}
}

func TestSnowflakeTime(t *testing.T) {
	s := Snowflake(175928847299117063)
	want := time.Date(2016, 4, 30, 11, 18, 25, 796*int(time.Millisecond), time.UTC)
	if got := s.Time(); !got.Equal(want) || got.Location() != time.UTC {
		t.Errorf("Time() = %v, want %v", got, want)
	}
	if got := s.WorkerID(); got != 1 {
		t.Errorf("WorkerID() = %d, want 1", got)
	}
	if got := s.ProcessID(); got != 0 {
		t.Errorf("ProcessID() = %d, want 0", got)
	}
	if got := s.Increment(); got != 7 {
		t.Errorf("Increment() = %d, want 7", got)
	}
	if got := Snowflake(0).Time(); !got.Equal(time.UnixMilli(DiscordEpoch)) {
		t.Errorf("Snowflake(0).Time() = %v, want the Discord epoch", got)
	}
}

func TestSnowflakeFromTime(t *testing.T) {
	at := time.Date(2016, 4, 30, 11, 18, 25, 796*int(time.Millisecond), time.UTC)
	s := SnowflakeFromTime(at)
	if want := Snowflake(175928847299117063) &^ (1<<22 - 1); s != want {
		t.Errorf("SnowflakeFromTime = %d, want %d", s, want)
	}
	if !s.Time().Equal(at) {
		t.Errorf("SnowflakeFromTime(t).Time() = %v, want %v", s.Time(), at)
	}
	if got := SnowflakeFromTime(time.Date(2010, 1, 1, 0, 0, 0, 0, time.UTC)); got != 0 {
		t.Errorf("SnowflakeFromTime(before epoch) = %d, want 0", got)
	}
	if got := SnowflakeFromTime(time.UnixMilli(DiscordEpoch)); got != 0 {
		t.Errorf("SnowflakeFromTime(epoch) = %d, want 0", got)
	}
}

func TestParseSnowflake(t *testing.T) {
	s, err := ParseSnowflake("175928847299117063")
	if err != nil || s != 175928847299117063 {
		t.Errorf("ParseSnowflake = %d, %v", s, err)
	}
	for _, in := range []string{"", "x", "-5", "1e3", "18446744073709551616"} {
		if _, err := ParseSnowflake(in); err == nil {
			t.Errorf("ParseSnowflake(%q) succeeded, want an error", in)
		}
	}
	if s.String() != "175928847299117063" {
		t.Errorf("String() = %q", s.String())
	}
	if !Snowflake(0).IsZero() || s.IsZero() {
		t.Error("IsZero is wrong")
	}
}

func TestSnowflakeAsMapKey(t *testing.T) {
	in := map[Snowflake]string{1: "a", 175928847299117063: "b"}
	b, err := json.Marshal(in)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := string(b), `{"1":"a","175928847299117063":"b"}`; got != want {
		t.Errorf("Marshal(map) = %s, want %s", got, want)
	}
	var out map[Snowflake]string
	if err := json.Unmarshal(b, &out); err != nil {
		t.Fatal(err)
	}
	if len(out) != 2 || out[1] != "a" || out[175928847299117063] != "b" {
		t.Errorf("Unmarshal(map) = %v", out)
	}
	if err := json.Unmarshal([]byte(`{"x":"a"}`), &out); err == nil {
		t.Error("Unmarshal of a non-numeric key succeeded, want an error")
	}
}

func FuzzSnowflakeJSON(f *testing.F) {
	for _, seed := range []string{
		`"175928847299117063"`, `175928847299117063`, `null`, `"0"`, `0`, `""`,
		`"18446744073709551615"`, `18446744073709551616`, `"-1"`, `1.5`, `"abc`, `{}`, `[1]`,
		`"\u0031"`, ` "1" `, `"1"x`, `1e3`, `true`,
	} {
		f.Add([]byte(seed))
	}
	f.Fuzz(func(t *testing.T, in []byte) {
		var s Snowflake
		if err := json.Unmarshal(in, &s); err != nil {
			return
		}
		b, err := json.Marshal(s)
		if err != nil {
			t.Fatalf("Marshal(%d): %v", s, err)
		}
		var again Snowflake
		if err := json.Unmarshal(b, &again); err != nil {
			t.Fatalf("Unmarshal(Marshal(%d)) = %v", s, err)
		}
		if again != s {
			t.Fatalf("round trip of %s: %d became %d", in, s, again)
		}
		parsed, err := ParseSnowflake(s.String())
		if err != nil || parsed != s {
			t.Fatalf("ParseSnowflake(%q) = %d, %v; want %d", s.String(), parsed, err, s)
		}
		if want := strconv.Quote(s.String()); string(b) != want {
			t.Fatalf("Marshal(%d) = %s, want %s", s, b, want)
		}
	})
}

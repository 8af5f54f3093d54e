package gateway

import (
	"bytes"
	"encoding/json"
	"errors"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/cordage/cordage/discord"
	"github.com/cordage/cordage/internal/specdata"
)

// voiceServerUpdate stands in for the events package's type of the
// VOICE_SERVER_UPDATE example.
type voiceServerUpdate struct {
	Token    string            `json:"token"`
	GuildID  discord.Snowflake `json:"guild_id"`
	Endpoint string            `json:"endpoint"`
}

// TestPayloadsRoundTrip decodes every gateway example of Discord's docs
// into Payload and its d into the type for it, rejecting unknown fields,
// encodes both again and compares the JSON with the example.
func TestPayloadsRoundTrip(t *testing.T) {
	dir := specdata.Path(t, "discord-spec", "payloads")
	files, err := filepath.Glob(filepath.Join(dir, "gateway_*.json"))
	if err != nil {
		t.Fatal(err)
	}
	if len(files) < 15 {
		t.Fatalf("found %d gateway examples, want 15", len(files))
	}
	for _, file := range files {
		t.Run(strings.TrimSuffix(filepath.Base(file), ".json"), func(t *testing.T) {
			src := specdata.ReadFile(t, "discord-spec", "payloads", filepath.Base(file))
			var p Payload
			strictDecode(t, src, &p)

			var d any // a pointer to the type of p.D, nil when p has none
			switch p.Op {
			case OpDispatch:
				switch p.T {
				case "VOICE_SERVER_UPDATE":
					d = new(voiceServerUpdate)
				case "GATEWAY_EVENT_NAME": // the generic example, d = {}
					d = new(struct{})
				default:
					t.Fatalf("no type for event %s", p.T)
				}
			case OpHeartbeat:
				d = new(Heartbeat)
			case OpIdentify:
				d = new(Identify)
			case OpPresenceUpdate:
				d = new(UpdatePresence)
			case OpVoiceStateUpdate:
				d = new(UpdateVoiceState)
			case OpResume:
				d = new(Resume)
			case OpRequestGuildMembers:
				d = new(RequestGuildMembers)
			case OpInvalidSession:
				d = new(InvalidSession)
			case OpHello:
				d = new(Hello)
			case OpRequestSoundboardSounds:
				d = new(RequestSoundboardSounds)
			case OpRequestChannelInfo:
				d = new(RequestChannelInfo)
			case OpReconnect, OpHeartbeatACK:
			default:
				t.Fatalf("no type for %v", p.Op)
			}
			if d == nil {
				if len(p.D) != 0 && string(p.D) != "null" {
					t.Fatalf("%v carries d %s", p.Op, p.D)
				}
			} else {
				strictDecode(t, p.D, d)
				raw, err := json.Marshal(d)
				if err != nil {
					t.Fatal(err)
				}
				p.D = raw
				if c, ok := d.(Command); ok && c.Op() != p.Op {
					t.Errorf("%T.Op() = %v, want %v", d, c.Op(), p.Op)
				}
			}
			out, err := json.Marshal(p)
			if err != nil {
				t.Fatal(err)
			}
			if want, got := envelope(t, src), envelope(t, out); !reflect.DeepEqual(got, want) {
				t.Errorf("round trip changed the payload\n got: %s\nwant: %s", out, src)
			}
		})
	}
}

func strictDecode(t *testing.T, src []byte, v any) {
	t.Helper()
	dec := json.NewDecoder(bytes.NewReader(src))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		t.Fatalf("decode %T: %v\n%s", v, err, src)
	}
}

// envelope decodes a payload for comparison. The protocol treats a null d,
// s or t as absent, so those members are dropped.
func envelope(t *testing.T, b []byte) map[string]any {
	t.Helper()
	var m map[string]any
	if err := json.Unmarshal(b, &m); err != nil {
		t.Fatal(err)
	}
	for _, k := range []string{"d", "s", "t"} {
		if v, ok := m[k]; ok && v == nil {
			delete(m, k)
		}
	}
	return m
}

func TestPayloadDecodesDiscordNulls(t *testing.T) {
	var p Payload
	if err := json.Unmarshal([]byte(`{"t":null,"s":null,"op":11,"d":null}`), &p); err != nil {
		t.Fatal(err)
	}
	if p.Op != OpHeartbeatACK || p.S != 0 || p.T != "" {
		t.Errorf("got %+v", p)
	}
	out, err := json.Marshal(Payload{Op: OpHeartbeatACK})
	if err != nil {
		t.Fatal(err)
	}
	if string(out) != `{"op":11,"d":null}` {
		t.Errorf("encoded %s", out)
	}
}

// TestMarshalCommand pins the bytes a client sends for each command,
// including the fields Discord needs even when they are empty.
func TestMarshalCommand(t *testing.T) {
	for _, tt := range []struct {
		cmd  Command
		want string
	}{
		{Heartbeat(0), `{"op":1,"d":null}`},
		{Heartbeat(251), `{"op":1,"d":251}`},
		{Identify{Token: "t", Properties: IdentifyProperties{"linux", "cordage", "cordage"}, Intents: IntentsDefault},
			`{"op":2,"d":{"token":"t","properties":{"os":"linux","browser":"cordage","device":"cordage"},"intents":53575421}}`},
		{Identify{Token: "t", Shard: [2]int{0, 1}, Presence: &UpdatePresence{Status: discord.StatusIdle, Since: discord.Some[int64](5)}},
			`{"op":2,"d":{"token":"t","properties":{"os":"","browser":"","device":""},"shard":[0,1],"presence":{"since":5,"activities":[],"status":"idle","afk":false},"intents":0}}`},
		{UpdatePresence{}, `{"op":3,"d":{"since":null,"activities":[],"status":"online","afk":false}}`},
		{UpdateVoiceState{GuildID: 1}, `{"op":4,"d":{"guild_id":"1","channel_id":null,"self_mute":false,"self_deaf":false}}`},
		{UpdateVoiceState{GuildID: 1, ChannelID: discord.Some[discord.Snowflake](2), SelfDeaf: true},
			`{"op":4,"d":{"guild_id":"1","channel_id":"2","self_mute":false,"self_deaf":true}}`},
		{Resume{Token: "t", SessionID: "s", Seq: 9}, `{"op":6,"d":{"token":"t","session_id":"s","seq":9}}`},
		{RequestGuildMembers{GuildID: 1}, `{"op":8,"d":{"guild_id":"1","query":"","limit":0}}`},
		{RequestGuildMembers{GuildID: 1, Query: "ab", Limit: 10, Presences: true, Nonce: "n"},
			`{"op":8,"d":{"guild_id":"1","query":"ab","limit":10,"presences":true,"nonce":"n"}}`},
		{RequestGuildMembers{GuildID: 1, UserIDs: []discord.Snowflake{2, 3}},
			`{"op":8,"d":{"guild_id":"1","user_ids":["2","3"]}}`},
		{RequestSoundboardSounds{GuildIDs: []discord.Snowflake{1}}, `{"op":31,"d":{"guild_ids":["1"]}}`},
		{RequestChannelInfo{GuildID: 1, Fields: []ChannelInfoField{ChannelInfoStatus, ChannelInfoVoiceStartTime}},
			`{"op":43,"d":{"guild_id":"1","fields":["status","voice_start_time"]}}`},
	} {
		got, err := MarshalCommand(tt.cmd)
		if err != nil {
			t.Errorf("%T: %v", tt.cmd, err)
			continue
		}
		if string(got) != tt.want {
			t.Errorf("%T:\n got %s\nwant %s", tt.cmd, got, tt.want)
		}
	}
}

func TestMarshalCommandRejectsOversizedPayload(t *testing.T) {
	ids := make([]discord.Snowflake, 300)
	for i := range ids {
		ids[i] = 1 << 60
	}
	_, err := MarshalCommand(RequestGuildMembers{GuildID: 1, UserIDs: ids})
	if !errors.Is(err, ErrPayloadTooLarge) {
		t.Fatalf("err = %v, want ErrPayloadTooLarge", err)
	}
}

func TestInvalidSessionAndHeartbeatDecode(t *testing.T) {
	s := InvalidSession{Resumable: true}
	if err := json.Unmarshal([]byte("null"), &s); err != nil || s.Resumable {
		t.Errorf("null: %+v, %v", s, err)
	}
	if err := json.Unmarshal([]byte("true"), &s); err != nil || !s.Resumable {
		t.Errorf("true: %+v, %v", s, err)
	}
	h := Heartbeat(7)
	if err := json.Unmarshal([]byte("null"), &h); err != nil || h != 0 {
		t.Errorf("null: %d, %v", h, err)
	}
	if err := json.Unmarshal([]byte(`"x"`), &h); err == nil {
		t.Error("a string decoded as a heartbeat")
	}
}

func TestHelloInterval(t *testing.T) {
	if got := (Hello{HeartbeatInterval: 41250}).Interval().String(); got != "41.25s" {
		t.Errorf("Interval() = %s", got)
	}
}

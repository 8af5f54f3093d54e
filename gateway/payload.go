package gateway

import (
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"time"

	"github.com/cordage/cordage/discord"
)

// MaxPayloadSize is the size in bytes of the largest payload Discord
// accepts from a client; a larger one closes the connection with 4002.
const MaxPayloadSize = 4096

// ErrPayloadTooLarge is the error of MarshalCommand for a command larger
// than MaxPayloadSize.
var ErrPayloadTooLarge = errors.New("gateway: payload larger than 4096 bytes")

// Payload is one gateway message: an opcode and its data d. Dispatch
// payloads (op 0) also carry the event name t and the sequence number s.
//
// Discord sends "s":null and "t":null in every other payload; Payload holds
// them as 0 and "" and leaves them out when encoding, as clients do.
type Payload struct {
	Op Opcode `json:"op"`
	// D is the payload's data, undecoded: decode it into the type its
	// opcode (or, for dispatch, its event name) calls for. It is null, or
	// nil, when the payload has none.
	D json.RawMessage `json:"d"`
	// S is the sequence number of a dispatch payload; 0 in others.
	S int64 `json:"s,omitzero"`
	// T is the event name of a dispatch payload, such as "MESSAGE_CREATE";
	// empty in others.
	T string `json:"t,omitzero"`
}

// Command is the data of a payload a client sends: Heartbeat, Identify,
// Resume, UpdatePresence, UpdateVoiceState, RequestGuildMembers,
// RequestSoundboardSounds or RequestChannelInfo.
type Command interface {
	// Op returns the opcode of the payload that carries the command.
	Op() Opcode
}

// MarshalCommand encodes c as a whole payload, {"op":...,"d":...}, ready
// to be sent. It fails with ErrPayloadTooLarge if the payload is larger than
// Discord accepts.
func MarshalCommand(c Command) ([]byte, error) {
	b, err := json.Marshal(struct {
		Op Opcode  `json:"op"`
		D  Command `json:"d"`
	}{c.Op(), c})
	if err != nil {
		return nil, fmt.Errorf("gateway: encode %v: %w", c.Op(), err)
	}
	if len(b) > MaxPayloadSize {
		return nil, fmt.Errorf("%w: %v is %d bytes", ErrPayloadTooLarge, c.Op(), len(b))
	}
	return b, nil
}

// Hello is the data of op 10, the first payload Discord sends on a
// connection.
type Hello struct {
	// HeartbeatInterval is the time between heartbeats, in milliseconds.
	HeartbeatInterval int64 `json:"heartbeat_interval"`
}

// Interval returns the heartbeat interval as a time.Duration.
func (h Hello) Interval() time.Duration {
	return time.Duration(h.HeartbeatInterval) * time.Millisecond
}

// Heartbeat is the data of op 1: the sequence number of the last dispatch
// the client received. 0, before any dispatch, is sent as null.
type Heartbeat int64

// Op returns OpHeartbeat.
func (Heartbeat) Op() Opcode { return OpHeartbeat }

// MarshalJSON encodes the sequence number, or null when it is 0.
func (h Heartbeat) MarshalJSON() ([]byte, error) {
	if h == 0 {
		return []byte("null"), nil
	}
	return strconv.AppendInt(nil, int64(h), 10), nil
}

// UnmarshalJSON decodes a sequence number; null decodes to 0.
func (h *Heartbeat) UnmarshalJSON(b []byte) error {
	var seq *int64
	if err := json.Unmarshal(b, &seq); err != nil {
		return err
	}
	*h = 0
	if seq != nil {
		*h = Heartbeat(*seq)
	}
	return nil
}

// Identify is the data of op 2, which starts a new session.
type Identify struct {
	// Token is the bot token, without the "Bot " prefix.
	Token      string             `json:"token"`
	Properties IdentifyProperties `json:"properties"`
	// Compress asks for payload compression, which this package does not
	// support; use transport compression (Compression) instead.
	Compress bool `json:"compress,omitzero"`
	// LargeThreshold is the member count, 50 to 250, above which a guild's
	// offline members are left out of GUILD_CREATE. 0 leaves Discord's
	// default, 50.
	LargeThreshold int `json:"large_threshold,omitzero"`
	// Shard is [shard ID, shard count]; the zero value, an unsharded bot,
	// is left out.
	Shard [2]int `json:"shard,omitzero"`
	// Presence is the presence the bot starts with; nil leaves it online.
	Presence *UpdatePresence `json:"presence,omitzero"`
	Intents  Intents         `json:"intents"`
}

// Op returns OpIdentify.
func (Identify) Op() Opcode { return OpIdentify }

// IdentifyProperties describe the client connecting.
type IdentifyProperties struct {
	// OS is the operating system, such as "linux".
	OS string `json:"os"`
	// Browser and Device name the library, such as "cordage".
	Browser string `json:"browser"`
	Device  string `json:"device"`
}

// Resume is the data of op 6, which continues a session on a new
// connection.
type Resume struct {
	Token     string `json:"token"`
	SessionID string `json:"session_id"`
	// Seq is the sequence number of the last dispatch received.
	Seq int64 `json:"seq"`
}

// Op returns OpResume.
func (Resume) Op() Opcode { return OpResume }

// UpdatePresence is the data of op 3, which sets the bot's presence, and the
// presence Identify starts with.
type UpdatePresence struct {
	// Since is when the bot went idle, in Unix milliseconds; leave it unset
	// (sent as null) when the bot is not idle.
	Since discord.Optional[int64] `json:"since"`
	// Activities are the bot's activities; nil is sent as [].
	Activities []discord.Activity `json:"activities"`
	// Status is the bot's status; empty is sent as online.
	Status discord.Status `json:"status"`
	AFK    bool           `json:"afk"`
}

// Op returns OpPresenceUpdate.
func (UpdatePresence) Op() Opcode { return OpPresenceUpdate }

// MarshalJSON encodes the presence with the defaults above filled in, as
// Discord requires every field.
func (p UpdatePresence) MarshalJSON() ([]byte, error) {
	type plain UpdatePresence
	if p.Activities == nil {
		p.Activities = []discord.Activity{}
	}
	if p.Status == "" {
		p.Status = discord.StatusOnline
	}
	return json.Marshal(plain(p))
}

// UpdateVoiceState is the data of op 4, which joins, moves between or leaves
// voice channels.
type UpdateVoiceState struct {
	GuildID discord.Snowflake `json:"guild_id"`
	// ChannelID is the voice channel to join; leave it unset (or
	// discord.Null) to disconnect: it is sent as null.
	ChannelID discord.Optional[discord.Snowflake] `json:"channel_id"`
	SelfMute  bool                                `json:"self_mute"`
	SelfDeaf  bool                                `json:"self_deaf"`
}

// Op returns OpVoiceStateUpdate.
func (UpdateVoiceState) Op() Opcode { return OpVoiceStateUpdate }

// RequestGuildMembers is the data of op 8, which asks for members of one
// guild; they arrive as GUILD_MEMBERS_CHUNK events.
//
// Discord needs a query or user IDs. Without UserIDs, Query is always sent,
// even empty: Query "" with Limit 0 asks for every member, which needs the
// GUILD_MEMBERS intent and may be done once per guild every 30 seconds.
// Otherwise at most 100 members come back.
type RequestGuildMembers struct {
	GuildID discord.Snowflake `json:"guild_id"`
	// Query matches the start of usernames and nicknames.
	Query string `json:"query"`
	// Limit caps the members returned for Query; 0 with Query "" means all.
	Limit int `json:"limit"`
	// Presences asks for the members' presences too; it needs the
	// GUILD_PRESENCES intent.
	Presences bool `json:"presences,omitzero"`
	// UserIDs asks for these members, at most 100, instead of a query.
	UserIDs []discord.Snowflake `json:"user_ids,omitzero"`
	// Nonce, at most 32 bytes, comes back in the chunks of the reply.
	Nonce string `json:"nonce,omitzero"`
}

// Op returns OpRequestGuildMembers.
func (RequestGuildMembers) Op() Opcode { return OpRequestGuildMembers }

// MarshalJSON encodes the request, sending query and limit whenever there
// are no user IDs or the query is not empty.
func (r RequestGuildMembers) MarshalJSON() ([]byte, error) {
	type plain RequestGuildMembers
	if len(r.UserIDs) == 0 || r.Query != "" {
		return json.Marshal(plain(r))
	}
	return json.Marshal(struct {
		plain
		Query string `json:"query,omitzero"`
		Limit int    `json:"limit,omitzero"`
	}{plain: plain(r)})
}

// RequestSoundboardSounds is the data of op 31, which asks for the
// soundboard sounds of guilds; they arrive as a SOUNDBOARD_SOUNDS event per
// guild.
type RequestSoundboardSounds struct {
	GuildIDs []discord.Snowflake `json:"guild_ids"`
}

// Op returns OpRequestSoundboardSounds.
func (RequestSoundboardSounds) Op() Opcode { return OpRequestSoundboardSounds }

// RequestChannelInfo is the data of op 43, which asks for ephemeral fields
// of a guild's channels; they arrive as a CHANNEL_INFO event.
type RequestChannelInfo struct {
	GuildID discord.Snowflake  `json:"guild_id"`
	Fields  []ChannelInfoField `json:"fields"`
}

// Op returns OpRequestChannelInfo.
func (RequestChannelInfo) Op() Opcode { return OpRequestChannelInfo }

// ChannelInfoField is a channel field RequestChannelInfo can ask for.
type ChannelInfoField string

// Values of ChannelInfoField.
const (
	// ChannelInfoStatus is a voice channel's status text.
	ChannelInfoStatus ChannelInfoField = "status"
	// ChannelInfoVoiceStartTime is when a voice channel's call started.
	ChannelInfoVoiceStartTime ChannelInfoField = "voice_start_time"
)

// InvalidSession is the data of op 9: the session is gone, and Resumable
// says whether a resume may still work. Otherwise the client identifies
// anew.
type InvalidSession struct {
	Resumable bool
}

// MarshalJSON encodes the bare boolean Discord sends.
func (s InvalidSession) MarshalJSON() ([]byte, error) { return json.Marshal(s.Resumable) }

// UnmarshalJSON decodes the bare boolean Discord sends; null is false.
func (s *InvalidSession) UnmarshalJSON(b []byte) error {
	*s = InvalidSession{}
	return json.Unmarshal(b, &s.Resumable)
}

package gateway

import "strconv"

// Opcode is the op field of a gateway payload: what the payload is. Discord
// sends Dispatch, Heartbeat, Reconnect, InvalidSession, Hello and
// HeartbeatACK; a client sends the others, and Heartbeat too.
type Opcode int

// Values of Opcode, one for each of Discord's gateway opcodes.
const (
	// OpDispatch carries an event; its payload's t names it and s numbers it.
	OpDispatch Opcode = 0
	// OpHeartbeat keeps the connection alive. Discord may also send it to ask
	// for a heartbeat at once.
	OpHeartbeat Opcode = 1
	// OpIdentify starts a new session.
	OpIdentify Opcode = 2
	// OpPresenceUpdate sets the bot's status and activities.
	OpPresenceUpdate Opcode = 3
	// OpVoiceStateUpdate joins, moves between or leaves voice channels.
	OpVoiceStateUpdate Opcode = 4
	// OpResume continues a session on a new connection.
	OpResume Opcode = 6
	// OpReconnect tells the client to reconnect and resume.
	OpReconnect Opcode = 7
	// OpRequestGuildMembers asks for a guild's members, which arrive as
	// GUILD_MEMBERS_CHUNK events.
	OpRequestGuildMembers Opcode = 8
	// OpInvalidSession says the session is gone; its d says whether it can
	// still be resumed.
	OpInvalidSession Opcode = 9
	// OpHello is the first payload of a connection, with the heartbeat
	// interval.
	OpHello Opcode = 10
	// OpHeartbeatACK acknowledges a heartbeat.
	OpHeartbeatACK Opcode = 11
	// OpRequestSoundboardSounds asks for guilds' soundboard sounds, which
	// arrive as a SOUNDBOARD_SOUNDS event.
	OpRequestSoundboardSounds Opcode = 31
	// OpRequestChannelInfo asks for ephemeral channel fields (voice status,
	// voice start time), which arrive as a CHANNEL_INFO event.
	OpRequestChannelInfo Opcode = 43
)

var opcodeNames = map[Opcode]string{
	OpDispatch:                "DISPATCH",
	OpHeartbeat:               "HEARTBEAT",
	OpIdentify:                "IDENTIFY",
	OpPresenceUpdate:          "PRESENCE_UPDATE",
	OpVoiceStateUpdate:        "VOICE_STATE_UPDATE",
	OpResume:                  "RESUME",
	OpReconnect:               "RECONNECT",
	OpRequestGuildMembers:     "REQUEST_GUILD_MEMBERS",
	OpInvalidSession:          "INVALID_SESSION",
	OpHello:                   "HELLO",
	OpHeartbeatACK:            "HEARTBEAT_ACK",
	OpRequestSoundboardSounds: "REQUEST_SOUNDBOARD_SOUNDS",
	OpRequestChannelInfo:      "REQUEST_CHANNEL_INFO",
}

// String returns Discord's name of the opcode, such as "HEARTBEAT_ACK", or
// "Opcode(12)" for an opcode this package does not know.
func (op Opcode) String() string {
	if s, ok := opcodeNames[op]; ok {
		return s
	}
	return "Opcode(" + strconv.Itoa(int(op)) + ")"
}

package events

import (
	"time"

	"github.com/cordage/cordage/discord"
)

// ChannelCreate says a guild channel was created.
type ChannelCreate struct{ discord.Channel }

// ChannelUpdate says a channel changed.
type ChannelUpdate struct{ discord.Channel }

// ChannelDelete says a channel was deleted.
type ChannelDelete struct{ discord.Channel }

// ChannelPinsUpdate says a message was pinned or unpinned. Deleting a pinned
// message does not send it.
type ChannelPinsUpdate struct {
	GuildID          discord.Snowflake `json:"guild_id,omitzero"`
	ChannelID        discord.Snowflake `json:"channel_id"`
	LastPinTimestamp time.Time         `json:"last_pin_timestamp,omitzero"`
}

// ChannelInfo answers a Request Channel Info command.
type ChannelInfo struct {
	GuildID  discord.Snowflake    `json:"guild_id"`
	Channels []ChannelInfoChannel `json:"channels"`
}

// ChannelInfoChannel is the requested information of one channel.
type ChannelInfoChannel struct {
	ID     discord.Snowflake `json:"id"`
	Status string            `json:"status,omitzero"`
	// VoiceStartTime is the Unix time in seconds the voice channel's call
	// started.
	VoiceStartTime int64 `json:"voice_start_time,omitzero"`
}

// ThreadCreate says a thread was created, or the bot was added to a private
// thread.
type ThreadCreate struct {
	discord.Channel
	// NewlyCreated is true when the thread was just created, false when the
	// bot was added to an existing one.
	NewlyCreated bool `json:"newly_created,omitzero"`
}

// ThreadUpdate says a thread changed.
type ThreadUpdate struct{ discord.Channel }

// ThreadDelete says a thread was deleted; only ID, GuildID, ParentID and Type
// are set.
type ThreadDelete struct{ discord.Channel }

// ThreadListSync carries the active threads of channels the bot gained access
// to.
type ThreadListSync struct {
	GuildID    discord.Snowflake      `json:"guild_id"`
	ChannelIDs []discord.Snowflake    `json:"channel_ids,omitzero"`
	Threads    []discord.Channel      `json:"threads"`
	Members    []discord.ThreadMember `json:"members"`
}

// ThreadMemberUpdate says the bot's thread membership changed.
type ThreadMemberUpdate struct {
	discord.ThreadMember
	GuildID discord.Snowflake `json:"guild_id"`
}

// ThreadMembersUpdate says users were added to or removed from a thread.
// Changes of other users need GUILD_MEMBERS.
type ThreadMembersUpdate struct {
	ID               discord.Snowflake          `json:"id"`
	GuildID          discord.Snowflake          `json:"guild_id"`
	MemberCount      int                        `json:"member_count"`
	AddedMembers     []ThreadMemberWithPresence `json:"added_members,omitzero"`
	RemovedMemberIDs []discord.Snowflake        `json:"removed_member_ids,omitzero"`
}

// ThreadMemberWithPresence is a thread member added to a thread, with the
// guild member and presence when Discord sends them.
type ThreadMemberWithPresence struct {
	discord.ThreadMember
	Presence *discord.Presence `json:"presence,omitzero"`
}

// TypingStart says a user started typing.
type TypingStart struct {
	ChannelID discord.Snowflake `json:"channel_id"`
	GuildID   discord.Snowflake `json:"guild_id,omitzero"`
	UserID    discord.Snowflake `json:"user_id"`
	// Timestamp is the Unix time in seconds typing started.
	Timestamp int64           `json:"timestamp"`
	Member    *discord.Member `json:"member,omitzero"`
}

// VoiceChannelEffectSend says a user sent an emoji or soundboard effect in a
// voice channel.
type VoiceChannelEffectSend struct {
	ChannelID     discord.Snowflake     `json:"channel_id"`
	GuildID       discord.Snowflake     `json:"guild_id"`
	UserID        discord.Snowflake     `json:"user_id"`
	Emoji         *discord.Emoji        `json:"emoji,omitzero"`
	AnimationType discord.AnimationType `json:"animation_type,omitzero"`
	AnimationID   int                   `json:"animation_id,omitzero"`
	SoundID       discord.Snowflake     `json:"sound_id,omitzero"`
	SoundVolume   float64               `json:"sound_volume,omitzero"`
}

// VoiceChannelStartTimeUpdate says when a voice channel's call started.
type VoiceChannelStartTimeUpdate struct {
	ID      discord.Snowflake `json:"id"`
	GuildID discord.Snowflake `json:"guild_id"`
	// VoiceStartTime is the Unix time in seconds; zero when the call ended.
	VoiceStartTime int64 `json:"voice_start_time,omitzero"`
}

// VoiceChannelStatusUpdate says a voice channel's status changed.
type VoiceChannelStatusUpdate struct {
	ID      discord.Snowflake `json:"id"`
	GuildID discord.Snowflake `json:"guild_id"`
	Status  string            `json:"status,omitzero"`
}

// VoiceStateUpdate says a user joined, left or moved between voice channels,
// or changed their voice state.
type VoiceStateUpdate struct{ discord.VoiceState }

// VoiceServerUpdate gives the voice server to connect to after the bot
// joined a voice channel.
type VoiceServerUpdate struct {
	Token   string            `json:"token"`
	GuildID discord.Snowflake `json:"guild_id"`
	// Endpoint is empty while the voice server is being reallocated.
	Endpoint string `json:"endpoint,omitzero"`
}

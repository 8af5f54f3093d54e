package events

import (
	"time"

	"github.com/cordage/cordage/discord"
)

// GuildCreate delivers a guild: after READY for each guild of the shard,
// when a guild becomes available again, and when the bot joins a guild. It
// carries the guild and its channels, threads, members, voice states,
// presences, stage instances, scheduled events and soundboard sounds. When
// Unavailable is true only ID is set.
type GuildCreate struct {
	discord.Guild
	JoinedAt         time.Time                 `json:"joined_at,omitzero"`
	Large            bool                      `json:"large,omitzero"`
	Unavailable      bool                      `json:"unavailable,omitzero"`
	MemberCount      int                       `json:"member_count,omitzero"`
	VoiceStates      []discord.VoiceState      `json:"voice_states,omitzero"`
	Members          []discord.Member          `json:"members,omitzero"`
	Channels         []discord.Channel         `json:"channels,omitzero"`
	Threads          []discord.Channel         `json:"threads,omitzero"`
	Presences        []discord.Presence        `json:"presences,omitzero"`
	StageInstances   []discord.StageInstance   `json:"stage_instances,omitzero"`
	ScheduledEvents  []discord.ScheduledEvent  `json:"guild_scheduled_events,omitzero"`
	SoundboardSounds []discord.SoundboardSound `json:"soundboard_sounds,omitzero"`
}

// GuildUpdate says a guild's settings changed.
type GuildUpdate struct{ discord.Guild }

// GuildDelete says a guild became unavailable (an outage, Unavailable is
// true) or the bot left or was removed from it (Unavailable is false).
type GuildDelete struct{ discord.UnavailableGuild }

// GuildAuditLogEntryCreate is a new audit log entry; it needs the
// VIEW_AUDIT_LOG permission.
type GuildAuditLogEntryCreate struct {
	discord.AuditLogEntry
	GuildID discord.Snowflake `json:"guild_id"`
}

// GuildBanAdd says a user was banned.
type GuildBanAdd struct {
	GuildID discord.Snowflake `json:"guild_id"`
	User    discord.User      `json:"user"`
}

// GuildBanRemove says a user was unbanned.
type GuildBanRemove struct {
	GuildID discord.Snowflake `json:"guild_id"`
	User    discord.User      `json:"user"`
}

// GuildEmojisUpdate carries a guild's emojis after a change.
type GuildEmojisUpdate struct {
	GuildID discord.Snowflake `json:"guild_id"`
	Emojis  []discord.Emoji   `json:"emojis"`
}

// GuildStickersUpdate carries a guild's stickers after a change.
type GuildStickersUpdate struct {
	GuildID  discord.Snowflake `json:"guild_id"`
	Stickers []discord.Sticker `json:"stickers"`
}

// GuildIntegrationsUpdate says a guild's integrations changed.
type GuildIntegrationsUpdate struct {
	GuildID discord.Snowflake `json:"guild_id"`
}

// GuildMemberAdd says a user joined a guild; it needs GUILD_MEMBERS.
type GuildMemberAdd struct {
	discord.Member
	GuildID discord.Snowflake `json:"guild_id"`
}

// GuildMemberRemove says a user left or was removed from a guild.
type GuildMemberRemove struct {
	GuildID discord.Snowflake `json:"guild_id"`
	User    discord.User      `json:"user"`
}

// GuildMemberUpdate carries a member after a change. The bot's own member
// updates arrive even without GUILD_MEMBERS.
type GuildMemberUpdate struct {
	discord.Member
	GuildID discord.Snowflake `json:"guild_id"`
}

// GuildMembersChunk is one chunk of the answer to a Request Guild Members
// command.
type GuildMembersChunk struct {
	GuildID    discord.Snowflake `json:"guild_id"`
	Members    []discord.Member  `json:"members"`
	ChunkIndex int               `json:"chunk_index"`
	ChunkCount int               `json:"chunk_count"`
	// NotFound lists requested user IDs that are not members.
	NotFound  []discord.Snowflake `json:"not_found,omitzero"`
	Presences []discord.Presence  `json:"presences,omitzero"`
	Nonce     string              `json:"nonce,omitzero"`
}

// GuildRoleCreate says a role was created.
type GuildRoleCreate struct {
	GuildID discord.Snowflake `json:"guild_id"`
	Role    discord.Role      `json:"role"`
}

// GuildRoleUpdate says a role changed.
type GuildRoleUpdate struct {
	GuildID discord.Snowflake `json:"guild_id"`
	Role    discord.Role      `json:"role"`
}

// GuildRoleDelete says a role was deleted.
type GuildRoleDelete struct {
	GuildID discord.Snowflake `json:"guild_id"`
	RoleID  discord.Snowflake `json:"role_id"`
}

// GuildScheduledEventCreate says a scheduled event was created.
type GuildScheduledEventCreate struct{ discord.ScheduledEvent }

// GuildScheduledEventUpdate says a scheduled event changed.
type GuildScheduledEventUpdate struct{ discord.ScheduledEvent }

// GuildScheduledEventDelete says a scheduled event was deleted.
type GuildScheduledEventDelete struct{ discord.ScheduledEvent }

// GuildScheduledEventUserAdd says a user subscribed to a scheduled event.
type GuildScheduledEventUserAdd struct {
	GuildScheduledEventID discord.Snowflake `json:"guild_scheduled_event_id"`
	UserID                discord.Snowflake `json:"user_id"`
	GuildID               discord.Snowflake `json:"guild_id"`
	// GuildScheduledEventExceptionID is set when the user subscribed to one
	// occurrence of a recurring event.
	GuildScheduledEventExceptionID discord.Snowflake `json:"guild_scheduled_event_exception_id,omitzero"`
}

// GuildScheduledEventUserRemove says a user unsubscribed from a scheduled
// event.
type GuildScheduledEventUserRemove struct {
	GuildScheduledEventID          discord.Snowflake `json:"guild_scheduled_event_id"`
	UserID                         discord.Snowflake `json:"user_id"`
	GuildID                        discord.Snowflake `json:"guild_id"`
	GuildScheduledEventExceptionID discord.Snowflake `json:"guild_scheduled_event_exception_id,omitzero"`
}

// GuildSoundboardSoundCreate says a soundboard sound was added.
type GuildSoundboardSoundCreate struct{ discord.SoundboardSound }

// GuildSoundboardSoundUpdate says a soundboard sound changed.
type GuildSoundboardSoundUpdate struct{ discord.SoundboardSound }

// GuildSoundboardSoundDelete says a soundboard sound was deleted.
type GuildSoundboardSoundDelete struct {
	SoundID discord.Snowflake `json:"sound_id"`
	GuildID discord.Snowflake `json:"guild_id"`
}

// GuildSoundboardSoundsUpdate carries several changed soundboard sounds.
type GuildSoundboardSoundsUpdate struct {
	SoundboardSounds []discord.SoundboardSound `json:"soundboard_sounds"`
	GuildID          discord.Snowflake         `json:"guild_id"`
}

// SoundboardSounds answers a Request Soundboard Sounds command for one guild.
type SoundboardSounds struct {
	SoundboardSounds []discord.SoundboardSound `json:"soundboard_sounds"`
	GuildID          discord.Snowflake         `json:"guild_id"`
}

// IntegrationCreate says an integration was added to a guild.
type IntegrationCreate struct {
	discord.Integration
	GuildID discord.Snowflake `json:"guild_id"`
}

// IntegrationUpdate says an integration changed.
type IntegrationUpdate struct {
	discord.Integration
	GuildID discord.Snowflake `json:"guild_id"`
}

// IntegrationDelete says an integration was removed.
type IntegrationDelete struct {
	ID            discord.Snowflake `json:"id"`
	GuildID       discord.Snowflake `json:"guild_id"`
	ApplicationID discord.Snowflake `json:"application_id,omitzero"`
}

// AutoModerationRuleCreate says an auto moderation rule was created.
type AutoModerationRuleCreate struct{ discord.AutoModerationRule }

// AutoModerationRuleUpdate says an auto moderation rule changed.
type AutoModerationRuleUpdate struct{ discord.AutoModerationRule }

// AutoModerationRuleDelete says an auto moderation rule was deleted.
type AutoModerationRuleDelete struct{ discord.AutoModerationRule }

// AutoModerationActionExecution says a rule triggered and an action ran.
// Content, MatchedKeyword and MatchedContent need MESSAGE_CONTENT.
type AutoModerationActionExecution struct {
	GuildID              discord.Snowflake                 `json:"guild_id"`
	Action               discord.AutoModerationAction      `json:"action"`
	RuleID               discord.Snowflake                 `json:"rule_id"`
	RuleTriggerType      discord.AutoModerationTriggerType `json:"rule_trigger_type"`
	UserID               discord.Snowflake                 `json:"user_id"`
	ChannelID            discord.Snowflake                 `json:"channel_id,omitzero"`
	MessageID            discord.Snowflake                 `json:"message_id,omitzero"`
	AlertSystemMessageID discord.Snowflake                 `json:"alert_system_message_id,omitzero"`
	Content              string                            `json:"content"`
	MatchedKeyword       string                            `json:"matched_keyword,omitzero"`
	MatchedContent       string                            `json:"matched_content,omitzero"`
}

// InviteCreate says an invite was created.
type InviteCreate struct {
	ChannelID         discord.Snowflake        `json:"channel_id"`
	Code              string                   `json:"code"`
	CreatedAt         time.Time                `json:"created_at"`
	GuildID           discord.Snowflake        `json:"guild_id,omitzero"`
	Inviter           *discord.User            `json:"inviter,omitzero"`
	MaxAge            int                      `json:"max_age"`
	MaxUses           int                      `json:"max_uses"`
	TargetType        discord.InviteTargetType `json:"target_type,omitzero"`
	TargetUser        *discord.User            `json:"target_user,omitzero"`
	TargetApplication *discord.Application     `json:"target_application,omitzero"`
	Temporary         bool                     `json:"temporary"`
	Uses              int                      `json:"uses"`
	ExpiresAt         time.Time                `json:"expires_at,omitzero"`
	RoleIDs           []discord.Snowflake      `json:"role_ids,omitzero"`
}

// InviteDelete says an invite was deleted.
type InviteDelete struct {
	ChannelID discord.Snowflake `json:"channel_id"`
	GuildID   discord.Snowflake `json:"guild_id,omitzero"`
	Code      string            `json:"code"`
}

// WebhooksUpdate says a channel's webhooks changed.
type WebhooksUpdate struct {
	GuildID   discord.Snowflake `json:"guild_id"`
	ChannelID discord.Snowflake `json:"channel_id"`
}

// PresenceUpdate carries a member's new status and activities; it needs
// GUILD_PRESENCES.
type PresenceUpdate struct{ discord.Presence }

// StageInstanceCreate says a stage went live.
type StageInstanceCreate struct{ discord.StageInstance }

// StageInstanceUpdate says a stage changed.
type StageInstanceUpdate struct{ discord.StageInstance }

// StageInstanceDelete says a stage ended.
type StageInstanceDelete struct{ discord.StageInstance }

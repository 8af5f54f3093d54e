package events

import "github.com/cordage/cordage/discord"

// MessageCreate is a new message. Content, Embeds, Attachments, Components
// and Poll are empty without MESSAGE_CONTENT, except in DMs, in messages that
// mention the bot and in the bot's own messages. In guilds, GuildID and
// Member (without User) are set, and each mentioned user has Member set.
type MessageCreate struct{ discord.Message }

// MessageUpdate is an edited message; like Discord, it carries the whole
// message.
type MessageUpdate struct{ discord.Message }

// MessageDelete says a message was deleted.
type MessageDelete struct {
	ID        discord.Snowflake `json:"id"`
	ChannelID discord.Snowflake `json:"channel_id"`
	GuildID   discord.Snowflake `json:"guild_id,omitzero"`
}

// MessageDeleteBulk says several messages were deleted at once.
type MessageDeleteBulk struct {
	IDs       []discord.Snowflake `json:"ids"`
	ChannelID discord.Snowflake   `json:"channel_id"`
	GuildID   discord.Snowflake   `json:"guild_id,omitzero"`
}

// MessageReactionAdd says a user reacted to a message.
type MessageReactionAdd struct {
	UserID    discord.Snowflake `json:"user_id"`
	ChannelID discord.Snowflake `json:"channel_id"`
	MessageID discord.Snowflake `json:"message_id"`
	GuildID   discord.Snowflake `json:"guild_id,omitzero"`
	Member    *discord.Member   `json:"member,omitzero"`
	// Emoji is partial: ID and Name for a custom emoji, Name for a Unicode one.
	Emoji           discord.Emoji        `json:"emoji"`
	MessageAuthorID discord.Snowflake    `json:"message_author_id,omitzero"`
	Burst           bool                 `json:"burst"`
	BurstColors     []string             `json:"burst_colors,omitzero"`
	Type            discord.ReactionType `json:"type"`
}

// MessageReactionRemove says a user removed a reaction.
type MessageReactionRemove struct {
	UserID    discord.Snowflake    `json:"user_id"`
	ChannelID discord.Snowflake    `json:"channel_id"`
	MessageID discord.Snowflake    `json:"message_id"`
	GuildID   discord.Snowflake    `json:"guild_id,omitzero"`
	Emoji     discord.Emoji        `json:"emoji"`
	Burst     bool                 `json:"burst"`
	Type      discord.ReactionType `json:"type"`
}

// MessageReactionRemoveAll says every reaction was removed from a message.
type MessageReactionRemoveAll struct {
	ChannelID discord.Snowflake `json:"channel_id"`
	MessageID discord.Snowflake `json:"message_id"`
	GuildID   discord.Snowflake `json:"guild_id,omitzero"`
}

// MessageReactionRemoveEmoji says every reaction with one emoji was removed
// from a message.
type MessageReactionRemoveEmoji struct {
	ChannelID discord.Snowflake `json:"channel_id"`
	GuildID   discord.Snowflake `json:"guild_id,omitzero"`
	MessageID discord.Snowflake `json:"message_id"`
	Emoji     discord.Emoji     `json:"emoji"`
}

// MessagePollVoteAdd says a user voted on a poll.
type MessagePollVoteAdd struct {
	UserID    discord.Snowflake `json:"user_id"`
	ChannelID discord.Snowflake `json:"channel_id"`
	MessageID discord.Snowflake `json:"message_id"`
	GuildID   discord.Snowflake `json:"guild_id,omitzero"`
	AnswerID  int               `json:"answer_id"`
}

// MessagePollVoteRemove says a user removed a vote from a poll.
type MessagePollVoteRemove struct {
	UserID    discord.Snowflake `json:"user_id"`
	ChannelID discord.Snowflake `json:"channel_id"`
	MessageID discord.Snowflake `json:"message_id"`
	GuildID   discord.Snowflake `json:"guild_id,omitzero"`
	AnswerID  int               `json:"answer_id"`
}

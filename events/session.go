package events

import "github.com/cordage/cordage/discord"

// Ready is the first dispatch of a new session: the bot's user, its guilds
// (as unavailable stubs, each followed by a GUILD_CREATE) and what is needed
// to resume the session.
type Ready struct {
	// Version is the gateway API version.
	Version int                        `json:"v"`
	User    discord.User               `json:"user"`
	Guilds  []discord.UnavailableGuild `json:"guilds"`
	// SessionID and ResumeGatewayURL resume the session on a new connection.
	SessionID        string `json:"session_id"`
	ResumeGatewayURL string `json:"resume_gateway_url"`
	// Shard is [shard_id, num_shards] when the session identified with a shard.
	Shard       []int            `json:"shard,omitzero"`
	Application ReadyApplication `json:"application"`
	// PrivateChannels and Presences are empty for bots.
	PrivateChannels []discord.Channel  `json:"private_channels,omitzero"`
	Presences       []discord.Presence `json:"presences,omitzero"`
	SessionType     string             `json:"session_type,omitzero"`
}

// ReadyApplication is the partial application READY carries.
type ReadyApplication struct {
	ID    discord.Snowflake        `json:"id"`
	Flags discord.ApplicationFlags `json:"flags"`
}

// Resumed ends the replay of missed events after a RESUME.
type Resumed struct{}

// RateLimited says a gateway command was rate limited, such as a request for
// all members of a guild sent more often than once per 30 seconds.
type RateLimited struct {
	// Opcode is the gateway opcode of the limited command.
	Opcode int `json:"opcode"`
	// RetryAfter is how many seconds to wait before sending it again.
	RetryAfter float64         `json:"retry_after"`
	Meta       RateLimitedMeta `json:"meta"`
}

// RateLimitedMeta identifies the request a RATE_LIMITED event is about; for
// Request Guild Members, its guild and nonce.
type RateLimitedMeta struct {
	GuildID discord.Snowflake `json:"guild_id,omitzero"`
	Nonce   string            `json:"nonce,omitzero"`
}

// UserUpdate says the bot's user changed.
type UserUpdate struct{ discord.User }

// InteractionCreate is a user's command, component use, modal submit or
// autocomplete request. Answer it within 3 seconds.
type InteractionCreate struct{ discord.Interaction }

// ApplicationCommandPermissionsUpdate says the permissions of a command in a
// guild changed.
type ApplicationCommandPermissionsUpdate struct {
	discord.GuildApplicationCommandPermissions
}

// EntitlementCreate says a user or guild got an entitlement.
type EntitlementCreate struct{ discord.Entitlement }

// EntitlementUpdate says an entitlement changed, such as a subscription renewed.
type EntitlementUpdate struct{ discord.Entitlement }

// EntitlementDelete says an entitlement was removed.
type EntitlementDelete struct{ discord.Entitlement }

// SubscriptionCreate says a user subscribed to an SKU.
type SubscriptionCreate struct{ discord.Subscription }

// SubscriptionUpdate says a subscription changed.
type SubscriptionUpdate struct{ discord.Subscription }

// SubscriptionDelete says a subscription was deleted.
type SubscriptionDelete struct{ discord.Subscription }

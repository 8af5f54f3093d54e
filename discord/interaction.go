package discord

import (
	"encoding/json"
	"fmt"
	"strconv"
)

// Interaction is what Discord sends when a user runs an application command,
// uses a component, submits a modal or types into an autocomplete option. It
// arrives in an INTERACTION_CREATE gateway event or as the body of a request
// to an HTTP interactions endpoint. Answer it within 3 seconds with an
// InteractionResponse; Token then stays valid for 15 minutes of follow-ups.
type Interaction struct {
	ID            Snowflake       `json:"id"`
	ApplicationID Snowflake       `json:"application_id,omitzero"`
	Type          InteractionType `json:"type"`
	// Data is absent from PING interactions.
	Data *InteractionData `json:"data,omitzero"`
	// Guild is a partial guild, present when the interaction comes from one.
	Guild   *Guild    `json:"guild,omitzero"`
	GuildID Snowflake `json:"guild_id,omitzero"`
	// Channel is a partial channel the interaction was sent from.
	Channel   *Channel  `json:"channel,omitzero"`
	ChannelID Snowflake `json:"channel_id,omitzero"`
	// Member is the invoking member, in a guild; Member.User is set.
	Member *Member `json:"member,omitzero"`
	// User is the invoking user, in a DM.
	User *User `json:"user,omitzero"`
	// Token answers the interaction and sends follow-ups for 15 minutes.
	Token   string `json:"token"`
	Version int    `json:"version"`
	// Message is the message a component belongs to.
	Message *Message `json:"message,omitzero"`
	// AppPermissions are the bot's permissions in the channel.
	AppPermissions Permissions `json:"app_permissions,omitzero"`
	// Locale is the invoking user's language; absent from PING interactions.
	Locale Locale `json:"locale,omitzero"`
	// GuildLocale is the guild's preferred locale.
	GuildLocale  Locale        `json:"guild_locale,omitzero"`
	Entitlements []Entitlement `json:"entitlements,omitzero"`
	// AuthorizingIntegrationOwners maps each installation context that
	// authorised the interaction to the ID of its owner (a guild or a user).
	AuthorizingIntegrationOwners map[ApplicationIntegrationType]Snowflake `json:"authorizing_integration_owners,omitzero"`
	Context                      InteractionContextType                   `json:"context,omitzero"`
	// AttachmentSizeLimit is the largest file, in bytes, a response may attach.
	AttachmentSizeLimit int64 `json:"attachment_size_limit,omitzero"`
}

// Invoker returns the user who triggered the interaction, from Member in a
// guild or User in a DM. It returns nil for PING interactions.
func (i *Interaction) Invoker() *User {
	if i.Member != nil && i.Member.User != nil {
		return i.Member.User
	}
	return i.User
}

// InteractionData is the data of an interaction. Which fields are set
// depends on the interaction's type: ID, Name, CommandType, Options, Resolved
// and TargetID for application commands and autocomplete; CustomID,
// ComponentType and Values for components; CustomID and Components for modal
// submits.
type InteractionData struct {
	ID          Snowflake                      `json:"id,omitzero"`
	Name        string                         `json:"name,omitzero"`
	CommandType ApplicationCommandType         `json:"type,omitzero"`
	Resolved    *ResolvedData                  `json:"resolved,omitzero"`
	Options     []ApplicationCommandDataOption `json:"options,omitzero"`
	GuildID     Snowflake                      `json:"guild_id,omitzero"`
	// TargetID is the user or message a user or message command targets.
	TargetID Snowflake `json:"target_id,omitzero"`

	CustomID      string        `json:"custom_id,omitzero"`
	ComponentType ComponentType `json:"component_type,omitzero"`
	// Values are the chosen options of a select menu.
	Values []string `json:"values,omitzero"`
	// Components are the submitted components of a modal, with their values.
	Components Components `json:"components,omitzero"`
}

// ApplicationCommandDataOption is an option a user filled in, or the
// subcommand or group they chose, with its own options.
type ApplicationCommandDataOption struct {
	Name string                       `json:"name"`
	Type ApplicationCommandOptionType `json:"type"`
	// Value is the raw JSON value: a string, a number, a boolean or a
	// snowflake string. Use the typed accessors.
	Value   json.RawMessage                `json:"value,omitzero"`
	Options []ApplicationCommandDataOption `json:"options,omitzero"`
	// Focused marks the option a user is typing into, in autocomplete.
	Focused bool `json:"focused,omitzero"`
}

// String returns a string option's value; for autocomplete, whatever the user
// typed so far.
func (o *ApplicationCommandDataOption) String() (string, error) {
	var s string
	if err := json.Unmarshal(o.Value, &s); err != nil {
		return "", o.valueError("string", err)
	}
	return s, nil
}

// Int returns an integer option's value.
func (o *ApplicationCommandDataOption) Int() (int64, error) {
	var n json.Number
	if err := json.Unmarshal(o.Value, &n); err != nil {
		return 0, o.valueError("integer", err)
	}
	v, err := strconv.ParseInt(n.String(), 10, 64)
	if err != nil {
		return 0, o.valueError("integer", err)
	}
	return v, nil
}

// Float returns a number option's value.
func (o *ApplicationCommandDataOption) Float() (float64, error) {
	var v float64
	if err := json.Unmarshal(o.Value, &v); err != nil {
		return 0, o.valueError("number", err)
	}
	return v, nil
}

// Bool returns a boolean option's value.
func (o *ApplicationCommandDataOption) Bool() (bool, error) {
	var v bool
	if err := json.Unmarshal(o.Value, &v); err != nil {
		return false, o.valueError("boolean", err)
	}
	return v, nil
}

// Snowflake returns the ID a user, channel, role, mentionable or attachment
// option holds; look it up in the interaction's ResolvedData.
func (o *ApplicationCommandDataOption) Snowflake() (Snowflake, error) {
	var v Snowflake
	if err := json.Unmarshal(o.Value, &v); err != nil {
		return 0, o.valueError("snowflake", err)
	}
	return v, nil
}

func (o *ApplicationCommandDataOption) valueError(want string, err error) error {
	return fmt.Errorf("discord: option %q: value %s is not a %s: %w", o.Name, o.Value, want, err)
}

// Option returns the option named name among opts, or nil.
func Option(opts []ApplicationCommandDataOption, name string) *ApplicationCommandDataOption {
	for i := range opts {
		if opts[i].Name == name {
			return &opts[i]
		}
	}
	return nil
}

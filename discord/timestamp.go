package discord

import (
	"strconv"
	"time"
)

// TimestampStyle chooses how a Discord client renders a timestamp written
// with [FormatTimestamp]. Clients render it in the reader's own time zone
// and locale; the examples below are for en-US.
type TimestampStyle byte

// The timestamp styles Discord documents. The zero TimestampStyle writes no
// style, which clients render like [TimestampLongDateShortTime].
const (
	// TimestampShortTime renders like "16:20".
	TimestampShortTime TimestampStyle = 't'
	// TimestampMediumTime renders like "16:20:30".
	TimestampMediumTime TimestampStyle = 'T'
	// TimestampShortDate renders like "20/04/2021".
	TimestampShortDate TimestampStyle = 'd'
	// TimestampLongDate renders like "April 20, 2021".
	TimestampLongDate TimestampStyle = 'D'
	// TimestampLongDateShortTime renders like "April 20, 2021 at 16:20"; it
	// is the default.
	TimestampLongDateShortTime TimestampStyle = 'f'
	// TimestampFullDateShortTime renders like "Tuesday, April 20, 2021 at
	// 16:20".
	TimestampFullDateShortTime TimestampStyle = 'F'
	// TimestampShortDateShortTime renders like "20/04/2021, 16:20".
	TimestampShortDateShortTime TimestampStyle = 's'
	// TimestampShortDateMediumTime renders like "20/04/2021, 16:20:30".
	TimestampShortDateMediumTime TimestampStyle = 'S'
	// TimestampRelative renders like "4 years ago" or "in 5 minutes", and
	// updates as time passes.
	TimestampRelative TimestampStyle = 'R'
)

// FormatTimestamp returns the message markdown that shows t in the reader's
// time zone, such as "<t:1618953630:R>". Discord counts whole seconds, so t
// is truncated to the second. A zero style writes "<t:1618953630>".
func FormatTimestamp(t time.Time, style TimestampStyle) string {
	b := make([]byte, 0, 24)
	b = append(b, "<t:"...)
	b = strconv.AppendInt(b, t.Unix(), 10)
	if style != 0 {
		b = append(b, ':', byte(style))
	}
	return string(append(b, '>'))
}

// UserMention returns the markdown that mentions a user, "<@id>". Whether the
// user is notified depends on the message's allowed_mentions.
func UserMention(id Snowflake) string { return "<@" + id.String() + ">" }

// ChannelMention returns the markdown that links a channel, "<#id>".
func ChannelMention(id Snowflake) string { return "<#" + id.String() + ">" }

// RoleMention returns the markdown that mentions a role, "<@&id>". Whether
// the role's members are notified depends on the message's allowed_mentions.
func RoleMention(id Snowflake) string { return "<@&" + id.String() + ">" }

// SlashCommandMention returns the markdown that shows a clickable slash
// command, "</name:id>". For a subcommand, name holds the command, the
// subcommand group if any and the subcommand, separated by spaces
// ("config set"); id is always the top-level command's.
func SlashCommandMention(name string, id Snowflake) string {
	return "</" + name + ":" + id.String() + ">"
}

// EmojiMarkdown returns the markdown that shows a custom emoji, "<:name:id>",
// or "<a:name:id>" when the emoji is animated.
func EmojiMarkdown(name string, id Snowflake, animated bool) string {
	prefix := "<:"
	if animated {
		prefix = "<a:"
	}
	return prefix + name + ":" + id.String() + ">"
}

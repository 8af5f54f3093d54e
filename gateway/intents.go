package gateway

import (
	"math/bits"
	"strconv"
	"strings"
)

//go:generate go run ../internal/gen/gatewaygen -shared ../../shared -out intents_gen.go

// Intents is a set of gateway intents: the groups of events a connection
// asks Discord for. A connection receives a dispatch event only if it
// identified with one of the intents that deliver the event (see
// [EventIntents]); a few events are always sent.
//
// The privileged intents, GUILD_MEMBERS, GUILD_PRESENCES and
// MESSAGE_CONTENT, must also be switched on in the Developer Portal (and,
// for verified bots, approved by Discord); asking for one the application is
// not allowed closes the connection with 4014.
type Intents uint64

// Values of Intents, one for each of Discord's intents.
const (
	IntentGuilds Intents = 1 << 0
	// IntentGuildMembers is privileged. Without it, GUILD_MEMBER_UPDATE
	// still arrives for the bot's own member, and THREAD_MEMBERS_UPDATE
	// leaves out other users.
	IntentGuildMembers      Intents = 1 << 1
	IntentGuildModeration   Intents = 1 << 2
	IntentGuildExpressions  Intents = 1 << 3
	IntentGuildIntegrations Intents = 1 << 4
	IntentGuildWebhooks     Intents = 1 << 5
	IntentGuildInvites      Intents = 1 << 6
	IntentGuildVoiceStates  Intents = 1 << 7
	// IntentGuildPresences is privileged.
	IntentGuildPresences         Intents = 1 << 8
	IntentGuildMessages          Intents = 1 << 9
	IntentGuildMessageReactions  Intents = 1 << 10
	IntentGuildMessageTyping     Intents = 1 << 11
	IntentDirectMessages         Intents = 1 << 12
	IntentDirectMessageReactions Intents = 1 << 13
	IntentDirectMessageTyping    Intents = 1 << 14
	// IntentMessageContent is privileged. It delivers no event: it fills the
	// content, embeds, attachments, components and poll of messages, which
	// otherwise arrive empty except in DMs, in messages that mention the
	// bot or that the bot sent, and in a message command's target.
	IntentMessageContent              Intents = 1 << 15
	IntentGuildScheduledEvents        Intents = 1 << 16
	IntentAutoModerationConfiguration Intents = 1 << 20
	IntentAutoModerationExecution     Intents = 1 << 21
	IntentGuildMessagePolls           Intents = 1 << 24
	IntentDirectMessagePolls          Intents = 1 << 25
)

// Sets of intents.
const (
	// IntentsPrivileged are the intents that must be switched on in the
	// Developer Portal.
	IntentsPrivileged = IntentGuildMembers | IntentGuildPresences | IntentMessageContent

	// IntentsAll is every intent.
	IntentsAll = IntentGuilds | IntentGuildMembers | IntentGuildModeration |
		IntentGuildExpressions | IntentGuildIntegrations | IntentGuildWebhooks |
		IntentGuildInvites | IntentGuildVoiceStates | IntentGuildPresences |
		IntentGuildMessages | IntentGuildMessageReactions | IntentGuildMessageTyping |
		IntentDirectMessages | IntentDirectMessageReactions | IntentDirectMessageTyping |
		IntentMessageContent | IntentGuildScheduledEvents |
		IntentAutoModerationConfiguration | IntentAutoModerationExecution |
		IntentGuildMessagePolls | IntentDirectMessagePolls

	// IntentsDefault is every intent that is not privileged: all a bot
	// may ask for without the Developer Portal.
	IntentsDefault = IntentsAll &^ IntentsPrivileged
)

// intentNames are Discord's names of the intents, by bit.
var intentNames = [...]string{
	0: "GUILDS", 1: "GUILD_MEMBERS", 2: "GUILD_MODERATION", 3: "GUILD_EXPRESSIONS",
	4: "GUILD_INTEGRATIONS", 5: "GUILD_WEBHOOKS", 6: "GUILD_INVITES",
	7: "GUILD_VOICE_STATES", 8: "GUILD_PRESENCES", 9: "GUILD_MESSAGES",
	10: "GUILD_MESSAGE_REACTIONS", 11: "GUILD_MESSAGE_TYPING", 12: "DIRECT_MESSAGES",
	13: "DIRECT_MESSAGE_REACTIONS", 14: "DIRECT_MESSAGE_TYPING", 15: "MESSAGE_CONTENT",
	16: "GUILD_SCHEDULED_EVENTS", 20: "AUTO_MODERATION_CONFIGURATION",
	21: "AUTO_MODERATION_EXECUTION", 24: "GUILD_MESSAGE_POLLS", 25: "DIRECT_MESSAGE_POLLS",
}

// Has reports whether i holds every intent of want.
func (i Intents) Has(want Intents) bool { return i&want == want }

// Privileged returns the privileged intents of i.
func (i Intents) Privileged() Intents { return i & IntentsPrivileged }

// String returns Discord's names of the intents joined by "|", such as
// "GUILDS|GUILD_MESSAGES", with bits that are no intent in hexadecimal;
// the empty set is "0".
func (i Intents) String() string {
	if i == 0 {
		return "0"
	}
	var b strings.Builder
	for rest := i; rest != 0; rest &= rest - 1 {
		bit := bits.TrailingZeros64(uint64(rest))
		if b.Len() > 0 {
			b.WriteByte('|')
		}
		if bit < len(intentNames) && intentNames[bit] != "" {
			b.WriteString(intentNames[bit])
		} else {
			b.WriteString("0x")
			b.WriteString(strconv.FormatUint(1<<bit, 16))
		}
	}
	return b.String()
}

// EventIntents returns the intents that deliver the dispatch event named
// event, such as "MESSAGE_CREATE". Any one of them is enough: MESSAGE_CREATE
// comes with GUILD_MESSAGES for guild messages and DIRECT_MESSAGES for DMs.
// It returns 0 for an event Discord always sends (READY, INTERACTION_CREATE,
// GUILD_MEMBERS_CHUNK, ...) and for a name that is no dispatch event.
//
// MESSAGE_CONTENT is never among them: it decides what a message event
// holds, not whether it arrives.
func EventIntents(event string) Intents { return eventIntents[event] }

// EventNeedsIntent reports whether the dispatch event named event never
// arrives on a connection identified with have: the event is delivered only
// through intents, and have holds none of them. It reports false for events
// that are always sent and for names it does not know.
//
// It follows Discord's table strictly: GUILD_MEMBER_UPDATE needs
// GUILD_MEMBERS, although Discord still sends it for the bot's own member.
func EventNeedsIntent(event string, have Intents) bool {
	need := eventIntents[event]
	return need != 0 && have&need == 0
}

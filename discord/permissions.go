package discord

import (
	"fmt"
	"math/bits"
	"strconv"
	"strings"
)

// Permissions is a set of Discord permission flags, one bit each, as found on
// roles, channel permission overwrites, members of an interaction and
// application command defaults.
//
// Discord sends permissions as a decimal string, since they outgrow the
// integers some JavaScript clients can hold. Permissions encodes as such a
// string and decodes from a string, a JSON number, or null (which decodes to
// no permissions).
//
// Permissions marked "needs 2FA" require the acting bot's owner to have
// two-factor authentication enabled when the guild's MFA level requires it.
// Permissions that also apply to channel permission overwrites name the
// channel types they apply to (text, voice, stage); the others apply only to
// roles. Bit 47 is not documented by Discord.
type Permissions uint64

// The permission flags Discord documents, in bit order.
const (
	// PermissionCreateInstantInvite allows creating invites. Channels: text,
	// voice, stage.
	PermissionCreateInstantInvite Permissions = 1 << 0
	// PermissionKickMembers allows kicking members. Needs 2FA.
	PermissionKickMembers Permissions = 1 << 1
	// PermissionBanMembers allows banning members. Needs 2FA.
	PermissionBanMembers Permissions = 1 << 2
	// PermissionAdministrator grants every permission and bypasses channel
	// permission overwrites. Needs 2FA.
	PermissionAdministrator Permissions = 1 << 3
	// PermissionManageChannels allows creating, editing and deleting
	// channels. Needs 2FA. Channels: text, voice, stage.
	PermissionManageChannels Permissions = 1 << 4
	// PermissionManageGuild allows changing the guild's settings. Needs 2FA.
	PermissionManageGuild Permissions = 1 << 5
	// PermissionAddReactions allows adding new reactions to messages; adding
	// to an existing reaction needs no permission. Channels: text, voice,
	// stage.
	PermissionAddReactions Permissions = 1 << 6
	// PermissionViewAuditLog allows reading the guild's audit log.
	PermissionViewAuditLog Permissions = 1 << 7
	// PermissionPrioritySpeaker allows being heard over others in a voice
	// channel. Channels: voice.
	PermissionPrioritySpeaker Permissions = 1 << 8
	// PermissionStream allows streaming video (Go Live) in a voice channel.
	// Channels: voice, stage.
	PermissionStream Permissions = 1 << 9
	// PermissionViewChannel allows seeing a channel, and reading its messages
	// for text channels. Channels: text, voice, stage.
	PermissionViewChannel Permissions = 1 << 10
	// PermissionSendMessages allows sending messages and creating forum
	// posts; it does not cover messages in threads. Channels: text, voice,
	// stage.
	PermissionSendMessages Permissions = 1 << 11
	// PermissionSendTTSMessages allows sending text-to-speech messages.
	// Channels: text, voice, stage.
	PermissionSendTTSMessages Permissions = 1 << 12
	// PermissionManageMessages allows deleting other members' messages.
	// Needs 2FA. Channels: text, voice, stage.
	PermissionManageMessages Permissions = 1 << 13
	// PermissionEmbedLinks makes links a member posts show an embed.
	// Channels: text, voice, stage.
	PermissionEmbedLinks Permissions = 1 << 14
	// PermissionAttachFiles allows uploading files. Channels: text, voice,
	// stage.
	PermissionAttachFiles Permissions = 1 << 15
	// PermissionReadMessageHistory allows reading messages sent before the
	// member opened the channel. Channels: text, voice, stage.
	PermissionReadMessageHistory Permissions = 1 << 16
	// PermissionMentionEveryone allows mentioning @everyone, @here and every
	// role, mentionable or not. Channels: text, voice, stage.
	PermissionMentionEveryone Permissions = 1 << 17
	// PermissionUseExternalEmojis allows using custom emojis from other
	// guilds. Channels: text, voice, stage.
	PermissionUseExternalEmojis Permissions = 1 << 18
	// PermissionViewGuildInsights allows viewing the guild's insights.
	PermissionViewGuildInsights Permissions = 1 << 19
	// PermissionConnect allows joining a voice channel. Channels: voice,
	// stage.
	PermissionConnect Permissions = 1 << 20
	// PermissionSpeak allows speaking in a voice channel. Channels: voice.
	PermissionSpeak Permissions = 1 << 21
	// PermissionMuteMembers allows muting members in voice. Channels: voice,
	// stage.
	PermissionMuteMembers Permissions = 1 << 22
	// PermissionDeafenMembers allows deafening members in voice. Channels:
	// voice.
	PermissionDeafenMembers Permissions = 1 << 23
	// PermissionMoveMembers allows moving members between voice channels.
	// Channels: voice, stage.
	PermissionMoveMembers Permissions = 1 << 24
	// PermissionUseVAD allows speaking with voice activity detection instead
	// of push-to-talk. Channels: voice.
	PermissionUseVAD Permissions = 1 << 25
	// PermissionChangeNickname allows changing one's own nickname.
	PermissionChangeNickname Permissions = 1 << 26
	// PermissionManageNicknames allows changing other members' nicknames.
	PermissionManageNicknames Permissions = 1 << 27
	// PermissionManageRoles allows managing roles below the member's highest
	// role, and channel permission overwrites. Needs 2FA. Channels: text,
	// voice, stage.
	PermissionManageRoles Permissions = 1 << 28
	// PermissionManageWebhooks allows creating, editing and deleting
	// webhooks. Needs 2FA. Channels: text, voice, stage.
	PermissionManageWebhooks Permissions = 1 << 29
	// PermissionManageGuildExpressions allows editing and deleting any
	// emoji, sticker and soundboard sound. Needs 2FA.
	PermissionManageGuildExpressions Permissions = 1 << 30
	// PermissionUseApplicationCommands allows using application commands and
	// context-menu commands. Channels: text, voice, stage.
	PermissionUseApplicationCommands Permissions = 1 << 31
	// PermissionRequestToSpeak allows asking to speak in a stage channel.
	// Channels: stage.
	PermissionRequestToSpeak Permissions = 1 << 32
	// PermissionManageEvents allows editing and deleting any scheduled
	// event. Channels: voice, stage.
	PermissionManageEvents Permissions = 1 << 33
	// PermissionManageThreads allows deleting and archiving threads and
	// seeing private threads. Needs 2FA. Channels: text.
	PermissionManageThreads Permissions = 1 << 34
	// PermissionCreatePublicThreads allows creating public and announcement
	// threads. Channels: text.
	PermissionCreatePublicThreads Permissions = 1 << 35
	// PermissionCreatePrivateThreads allows creating private threads.
	// Channels: text.
	PermissionCreatePrivateThreads Permissions = 1 << 36
	// PermissionUseExternalStickers allows using custom stickers from other
	// guilds. Channels: text, voice, stage.
	PermissionUseExternalStickers Permissions = 1 << 37
	// PermissionSendMessagesInThreads allows sending messages in threads.
	// Channels: text.
	PermissionSendMessagesInThreads Permissions = 1 << 38
	// PermissionUseEmbeddedActivities allows starting activities in a voice
	// channel. Channels: text, voice.
	PermissionUseEmbeddedActivities Permissions = 1 << 39
	// PermissionModerateMembers allows timing out members, so they cannot
	// send messages, react, join voice or speak in stage channels.
	PermissionModerateMembers Permissions = 1 << 40
	// PermissionViewCreatorMonetizationAnalytics allows viewing role
	// subscription insights. Needs 2FA.
	PermissionViewCreatorMonetizationAnalytics Permissions = 1 << 41
	// PermissionUseSoundboard allows playing soundboard sounds in a voice
	// channel. Channels: voice.
	PermissionUseSoundboard Permissions = 1 << 42
	// PermissionCreateGuildExpressions allows creating emojis, stickers and
	// soundboard sounds, and editing and deleting one's own.
	PermissionCreateGuildExpressions Permissions = 1 << 43
	// PermissionCreateEvents allows creating scheduled events, and editing
	// and deleting one's own. Channels: voice, stage.
	PermissionCreateEvents Permissions = 1 << 44
	// PermissionUseExternalSounds allows playing soundboard sounds from other
	// guilds. Channels: voice.
	PermissionUseExternalSounds Permissions = 1 << 45
	// PermissionSendVoiceMessages allows sending voice messages. Channels:
	// text, voice, stage.
	PermissionSendVoiceMessages Permissions = 1 << 46
	// PermissionSetVoiceChannelStatus allows setting a voice channel's
	// status. Channels: voice.
	PermissionSetVoiceChannelStatus Permissions = 1 << 48
	// PermissionSendPolls allows sending polls. Channels: text, voice, stage.
	PermissionSendPolls Permissions = 1 << 49
	// PermissionUseExternalApps allows user-installed apps to send public
	// responses; without it their responses are ephemeral. Channels: text,
	// voice, stage.
	PermissionUseExternalApps Permissions = 1 << 50
	// PermissionPinMessages allows pinning and unpinning messages. Channels:
	// text.
	PermissionPinMessages Permissions = 1 << 51
	// PermissionBypassSlowmode allows sending messages without waiting for a
	// channel's slowmode. Channels: text, voice, stage.
	PermissionBypassSlowmode Permissions = 1 << 52
)

// Groups of permissions. They are fixed at the flags Discord documents, so a
// flag Discord adds later joins them only when this package learns it.
const (
	// PermissionsNone is the empty set.
	PermissionsNone Permissions = 0

	// PermissionsAll holds every documented permission flag.
	PermissionsAll = PermissionsAllText | PermissionsAllVoice | PermissionsAllStage |
		PermissionKickMembers | PermissionBanMembers | PermissionAdministrator |
		PermissionManageGuild | PermissionViewAuditLog | PermissionViewGuildInsights |
		PermissionChangeNickname | PermissionManageNicknames |
		PermissionManageGuildExpressions | PermissionModerateMembers |
		PermissionViewCreatorMonetizationAnalytics | PermissionCreateGuildExpressions

	// PermissionsAllText holds every permission that applies to text
	// channels (including forum and announcement channels and threads).
	PermissionsAllText = PermissionCreateInstantInvite | PermissionManageChannels |
		PermissionAddReactions | PermissionViewChannel | PermissionSendMessages |
		PermissionSendTTSMessages | PermissionManageMessages | PermissionEmbedLinks |
		PermissionAttachFiles | PermissionReadMessageHistory | PermissionMentionEveryone |
		PermissionUseExternalEmojis | PermissionManageRoles | PermissionManageWebhooks |
		PermissionUseApplicationCommands | PermissionManageThreads |
		PermissionCreatePublicThreads | PermissionCreatePrivateThreads |
		PermissionUseExternalStickers | PermissionSendMessagesInThreads |
		PermissionUseEmbeddedActivities | PermissionSendVoiceMessages |
		PermissionSendPolls | PermissionUseExternalApps | PermissionPinMessages |
		PermissionBypassSlowmode

	// PermissionsAllVoice holds every permission that applies to voice
	// channels, including those for their text chat.
	PermissionsAllVoice = PermissionCreateInstantInvite | PermissionManageChannels |
		PermissionAddReactions | PermissionPrioritySpeaker | PermissionStream |
		PermissionViewChannel | PermissionSendMessages | PermissionSendTTSMessages |
		PermissionManageMessages | PermissionEmbedLinks | PermissionAttachFiles |
		PermissionReadMessageHistory | PermissionMentionEveryone |
		PermissionUseExternalEmojis | PermissionConnect | PermissionSpeak |
		PermissionMuteMembers | PermissionDeafenMembers | PermissionMoveMembers |
		PermissionUseVAD | PermissionManageRoles | PermissionManageWebhooks |
		PermissionUseApplicationCommands | PermissionManageEvents |
		PermissionUseExternalStickers | PermissionUseEmbeddedActivities |
		PermissionUseSoundboard | PermissionCreateEvents | PermissionUseExternalSounds |
		PermissionSendVoiceMessages | PermissionSetVoiceChannelStatus |
		PermissionSendPolls | PermissionUseExternalApps | PermissionBypassSlowmode

	// PermissionsAllStage holds every permission that applies to stage
	// channels, including those for their text chat.
	PermissionsAllStage = PermissionCreateInstantInvite | PermissionManageChannels |
		PermissionAddReactions | PermissionStream | PermissionViewChannel |
		PermissionSendMessages | PermissionSendTTSMessages | PermissionManageMessages |
		PermissionEmbedLinks | PermissionAttachFiles | PermissionReadMessageHistory |
		PermissionMentionEveryone | PermissionUseExternalEmojis | PermissionConnect |
		PermissionMuteMembers | PermissionMoveMembers | PermissionManageRoles |
		PermissionManageWebhooks | PermissionUseApplicationCommands |
		PermissionRequestToSpeak | PermissionManageEvents |
		PermissionUseExternalStickers | PermissionCreateEvents |
		PermissionSendVoiceMessages | PermissionSendPolls | PermissionUseExternalApps |
		PermissionBypassSlowmode
)

// permissionNames holds Discord's name of each documented bit; undocumented
// bits are empty.
var permissionNames = [64]string{
	0: "CREATE_INSTANT_INVITE", 1: "KICK_MEMBERS", 2: "BAN_MEMBERS",
	3: "ADMINISTRATOR", 4: "MANAGE_CHANNELS", 5: "MANAGE_GUILD",
	6: "ADD_REACTIONS", 7: "VIEW_AUDIT_LOG", 8: "PRIORITY_SPEAKER",
	9: "STREAM", 10: "VIEW_CHANNEL", 11: "SEND_MESSAGES",
	12: "SEND_TTS_MESSAGES", 13: "MANAGE_MESSAGES", 14: "EMBED_LINKS",
	15: "ATTACH_FILES", 16: "READ_MESSAGE_HISTORY", 17: "MENTION_EVERYONE",
	18: "USE_EXTERNAL_EMOJIS", 19: "VIEW_GUILD_INSIGHTS", 20: "CONNECT",
	21: "SPEAK", 22: "MUTE_MEMBERS", 23: "DEAFEN_MEMBERS",
	24: "MOVE_MEMBERS", 25: "USE_VAD", 26: "CHANGE_NICKNAME",
	27: "MANAGE_NICKNAMES", 28: "MANAGE_ROLES", 29: "MANAGE_WEBHOOKS",
	30: "MANAGE_GUILD_EXPRESSIONS", 31: "USE_APPLICATION_COMMANDS",
	32: "REQUEST_TO_SPEAK", 33: "MANAGE_EVENTS", 34: "MANAGE_THREADS",
	35: "CREATE_PUBLIC_THREADS", 36: "CREATE_PRIVATE_THREADS",
	37: "USE_EXTERNAL_STICKERS", 38: "SEND_MESSAGES_IN_THREADS",
	39: "USE_EMBEDDED_ACTIVITIES", 40: "MODERATE_MEMBERS",
	41: "VIEW_CREATOR_MONETIZATION_ANALYTICS", 42: "USE_SOUNDBOARD",
	43: "CREATE_GUILD_EXPRESSIONS", 44: "CREATE_EVENTS",
	45: "USE_EXTERNAL_SOUNDS", 46: "SEND_VOICE_MESSAGES",
	48: "SET_VOICE_CHANNEL_STATUS", 49: "SEND_POLLS", 50: "USE_EXTERNAL_APPS",
	51: "PIN_MESSAGES", 52: "BYPASS_SLOWMODE",
}

// Has reports whether p holds every permission of q. Has(0) is true.
//
// Has looks at the bits only: a member with [PermissionAdministrator] holds
// every permission in Discord's eyes, but Has reports only what is set.
func (p Permissions) Has(q Permissions) bool { return p&q == q }

// HasAny reports whether p holds at least one permission of q. HasAny(0) is
// false.
func (p Permissions) HasAny(q Permissions) bool { return p&q != 0 }

// Add returns p with every permission of qs added.
func (p Permissions) Add(qs ...Permissions) Permissions {
	for _, q := range qs {
		p |= q
	}
	return p
}

// Remove returns p with every permission of qs removed.
func (p Permissions) Remove(qs ...Permissions) Permissions {
	for _, q := range qs {
		p &^= q
	}
	return p
}

// Names returns Discord's names of the documented permissions in p, in bit
// order, such as ["VIEW_CHANNEL", "SEND_MESSAGES"]. Undocumented bits are
// left out.
func (p Permissions) Names() []string {
	names := make([]string, 0, bits.OnesCount64(uint64(p&PermissionsAll)))
	for rest := uint64(p & PermissionsAll); rest != 0; rest &= rest - 1 {
		names = append(names, permissionNames[bits.TrailingZeros64(rest)])
	}
	return names
}

// String formats p as Discord's permission names joined by "|", in bit
// order, such as "VIEW_CHANNEL|SEND_MESSAGES". An undocumented bit n is
// written "1<<n"; no permissions at all is "0".
func (p Permissions) String() string {
	if p == 0 {
		return "0"
	}
	var b strings.Builder
	for rest := uint64(p); rest != 0; rest &= rest - 1 {
		bit := bits.TrailingZeros64(rest)
		if b.Len() > 0 {
			b.WriteByte('|')
		}
		if name := permissionNames[bit]; name != "" {
			b.WriteString(name)
		} else {
			b.WriteString("1<<")
			b.WriteString(strconv.Itoa(bit))
		}
	}
	return b.String()
}

// ParsePermissions parses permissions in Discord's decimal string form, such
// as "3072" (VIEW_CHANNEL|SEND_MESSAGES). Undocumented bits are kept.
func ParsePermissions(s string) (Permissions, error) {
	n, err := strconv.ParseUint(s, 10, 64)
	if err != nil {
		return 0, fmt.Errorf("discord: parse permissions %q: want a decimal integer", s)
	}
	return Permissions(n), nil
}

// MarshalJSON encodes p as a JSON string holding the decimal value, as
// Discord does.
func (p Permissions) MarshalJSON() ([]byte, error) {
	b := make([]byte, 0, 22)
	b = append(b, '"')
	b = strconv.AppendUint(b, uint64(p), 10)
	return append(b, '"'), nil
}

// UnmarshalJSON decodes permissions from a JSON string holding a decimal
// value, or from a JSON number; null decodes to no permissions.
func (p *Permissions) UnmarshalJSON(b []byte) error {
	if string(b) == "null" {
		*p = 0
		return nil
	}
	digits := b
	if len(digits) >= 2 && digits[0] == '"' && digits[len(digits)-1] == '"' {
		digits = digits[1 : len(digits)-1]
	}
	n, err := strconv.ParseUint(string(digits), 10, 64)
	if err != nil {
		return fmt.Errorf("discord: invalid permissions %s: want a decimal string or number", rawJSONSnippet(b))
	}
	*p = Permissions(n)
	return nil
}

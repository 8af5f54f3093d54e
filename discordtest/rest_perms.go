package discordtest

import (
	"github.com/cordage/cordage/discord"
)

// dmPermissions are what the bot may do in a DM.
const dmPermissions = discord.PermissionViewChannel | discord.PermissionSendMessages |
	discord.PermissionReadMessageHistory | discord.PermissionAddReactions | discord.PermissionEmbedLinks |
	discord.PermissionAttachFiles | discord.PermissionUseExternalEmojis

// guildPermissions computes a member's guild-wide permissions as Discord
// does: the owner has all, else @everyone's and the member's roles' combined,
// and Administrator grants all.
func (w *world) guildPermissions(g *guildState, userID discord.Snowflake) discord.Permissions {
	if g.guild.OwnerID == userID {
		return discord.PermissionsAll
	}
	m, ok := g.members[userID]
	if !ok {
		return 0
	}
	var perms discord.Permissions
	if everyone, _, err := g.role(g.guild.ID); err == nil {
		perms = everyone.Permissions
	}
	for _, id := range m.Roles {
		if r, _, err := g.role(id); err == nil {
			perms |= r.Permissions
		}
	}
	if perms.Has(discord.PermissionAdministrator) {
		return discord.PermissionsAll
	}
	return perms
}

// channelPermissions applies a channel's overwrites to a member's guild
// permissions, in Discord's order: @everyone, then the member's roles
// (denies, then allows), then the member. A thread takes its parent's
// overwrites. Without VIEW_CHANNEL a member has no permission in the channel.
func (w *world) channelPermissions(cs *channelState, userID discord.Snowflake) discord.Permissions {
	if cs.channel.GuildID == 0 {
		return dmPermissions
	}
	g, ok := w.guilds[cs.channel.GuildID]
	if !ok {
		return 0
	}
	perms := w.guildPermissions(g, userID)
	if perms.Has(discord.PermissionAdministrator) {
		return perms
	}
	overwrites := cs.channel.PermissionOverwrites
	if isThread(cs.channel.Type) {
		if parent, ok := w.channels[cs.channel.ParentID]; ok {
			overwrites = parent.channel.PermissionOverwrites
		}
	}
	m := g.members[userID]
	var allow, deny discord.Permissions
	for _, o := range overwrites {
		switch {
		case o.ID == g.guild.ID:
			perms = perms&^o.Deny | o.Allow
		case m != nil && o.Type == discord.PermissionOverwriteTypeRole && containsID(m.Roles, o.ID):
			allow |= o.Allow
			deny |= o.Deny
		}
	}
	perms = perms&^deny | allow
	for _, o := range overwrites {
		if o.Type == discord.PermissionOverwriteTypeMember && o.ID == userID {
			perms = perms&^o.Deny | o.Allow
		}
	}
	if !perms.Has(discord.PermissionViewChannel) {
		return 0
	}
	if !perms.Has(discord.PermissionSendMessages) {
		// Without SEND_MESSAGES the permissions that extend it do not apply.
		perms &^= discord.PermissionMentionEveryone | discord.PermissionSendTTSMessages |
			discord.PermissionAttachFiles | discord.PermissionEmbedLinks
	}
	return perms
}

// highestRole is the position of a member's highest role; the owner is above
// every role.
func (w *world) highestRole(g *guildState, userID discord.Snowflake) int {
	if g.guild.OwnerID == userID {
		return 1 << 30
	}
	top := 0
	if m, ok := g.members[userID]; ok {
		for _, id := range m.Roles {
			if r, _, err := g.role(id); err == nil && r.Position > top {
				top = r.Position
			}
		}
	}
	return top
}

// requireGuild checks the bot's guild-wide permissions: 50013 Missing
// Permissions when it lacks one.
func (w *world) requireGuild(g *guildState, perms discord.Permissions) error {
	if !w.guildPermissions(g, w.bot.ID).Has(perms) {
		return discordError(50013)
	}
	return nil
}

// requireChannel checks the bot's permissions in a channel.
func (w *world) requireChannel(cs *channelState, perms discord.Permissions) error {
	if !w.channelPermissions(cs, w.bot.ID).Has(perms) {
		return discordError(50013)
	}
	return nil
}

// requireAbove checks that the bot may act on a member: the target is not
// the owner and its highest role is below the bot's.
func (w *world) requireAbove(g *guildState, target discord.Snowflake) error {
	if target == g.guild.OwnerID || w.highestRole(g, target) >= w.highestRole(g, w.bot.ID) {
		return discordError(50013)
	}
	return nil
}

// requireRoleBelow checks that a role is below the bot's highest role.
func (w *world) requireRoleBelow(g *guildState, r *discord.Role) error {
	if g.guild.OwnerID != w.bot.ID && r.Position >= w.highestRole(g, w.bot.ID) {
		return discordError(50013)
	}
	return nil
}

func isThread(t discord.ChannelType) bool {
	return t == discord.ChannelTypeAnnouncementThread || t == discord.ChannelTypePublicThread || t == discord.ChannelTypePrivateThread
}

func containsID(ids []discord.Snowflake, id discord.Snowflake) bool {
	for _, x := range ids {
		if x == id {
			return true
		}
	}
	return false
}

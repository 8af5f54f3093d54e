package discordtest

import (
	"time"

	"github.com/cordage/cordage/discord"
)

// The methods in this file seed the world and act as users. Each emits the
// gateway events Discord would send for the change.

// everyonePermissions are the permissions of a new guild's @everyone role.
const everyonePermissions = discord.PermissionViewChannel | discord.PermissionSendMessages |
	discord.PermissionReadMessageHistory | discord.PermissionAddReactions | discord.PermissionEmbedLinks |
	discord.PermissionAttachFiles | discord.PermissionUseApplicationCommands | discord.PermissionConnect |
	discord.PermissionSpeak | discord.PermissionCreateInstantInvite | discord.PermissionChangeNickname

// AddUser creates a user who is not a bot.
func (s *Server) AddUser(username string) discord.User {
	w := s.world
	w.mu.Lock()
	defer w.mu.Unlock()
	u := &discord.User{ID: w.newID(), Username: username, Discriminator: "0", GlobalName: username}
	w.users[u.ID] = u
	return *u
}

// AddGuild creates a guild owned by a new user, with the @everyone role, a
// #general text channel and the bot as a member, and sends GUILD_CREATE to
// the sessions of its shard.
func (s *Server) AddGuild(name string) discord.Guild {
	owner := s.AddUser(name + " owner")
	w := s.world
	w.mu.Lock()
	id := w.newID()
	g := &guildState{
		guild: discord.Guild{
			ID: id, Name: name, OwnerID: owner.ID,
			Roles:                       []discord.Role{{ID: id, Name: "@everyone", Permissions: everyonePermissions}},
			Features:                    []discord.GuildFeature{},
			Emojis:                      []discord.Emoji{},
			Stickers:                    []discord.Sticker{},
			PreferredLocale:             discord.LocaleEnglishUS,
			VerificationLevel:           discord.VerificationLevelNone,
			DefaultMessageNotifications: discord.MessageNotificationLevelOnlyMentions,
		},
		members: map[discord.Snowflake]*discord.Member{},
		bans:    map[discord.Snowflake]discord.Ban{},
	}
	// The bot joins with a managed role, as an invite with permissions
	// gives it.
	botRole := discord.Role{ID: w.newID(), Name: w.bot.Username, Permissions: w.botPermissions, Position: 1,
		Managed: true, Tags: &discord.RoleTags{BotID: w.bot.ID}}
	g.guild.Roles = append(g.guild.Roles, botRole)
	w.guilds[id] = g
	w.order = append(w.order, id)
	channel := discord.Channel{ID: w.newID(), Type: discord.ChannelTypeGuildText, GuildID: id, Name: "general"}
	w.channels[channel.ID] = &channelState{channel: channel}
	g.channels = append(g.channels, channel.ID)
	g.guild.SystemChannelID = channel.ID
	now := time.Now().UTC().Truncate(time.Millisecond)
	for _, u := range []discord.User{owner, w.bot} {
		user := u
		roles := []discord.Snowflake{}
		if u.ID == w.bot.ID {
			roles = append(roles, botRole.ID)
		}
		g.members[u.ID] = &discord.Member{User: &user, JoinedAt: now, Roles: roles}
		g.memberOrder = append(g.memberOrder, u.ID)
	}
	gc, _ := w.fullGuild(id)
	w.mu.Unlock()
	s.Emit("GUILD_CREATE", id, gc)
	return gc.Guild
}

// AddMember adds a user to a guild and sends GUILD_MEMBER_ADD.
func (s *Server) AddMember(guildID, userID discord.Snowflake) (discord.Member, bool) {
	w := s.world
	w.mu.Lock()
	g, ok := w.guilds[guildID]
	u, uok := w.users[userID]
	if !ok || !uok {
		w.mu.Unlock()
		return discord.Member{}, false
	}
	user := *u
	m := &discord.Member{User: &user, JoinedAt: time.Now().UTC().Truncate(time.Millisecond), Roles: []discord.Snowflake{}}
	if _, dup := g.members[userID]; !dup {
		g.memberOrder = append(g.memberOrder, userID)
	}
	g.members[userID] = m
	member := *m
	w.mu.Unlock()
	s.Emit("GUILD_MEMBER_ADD", guildID, memberEvent{Member: member, GuildID: guildID})
	return member, true
}

// memberEvent is a member with its guild, as GUILD_MEMBER_ADD sends it.
type memberEvent struct {
	discord.Member
	GuildID discord.Snowflake `json:"guild_id"`
}

// AddChannel creates a guild channel and sends CHANNEL_CREATE.
func (s *Server) AddChannel(guildID discord.Snowflake, name string, typ discord.ChannelType) (discord.Channel, bool) {
	w := s.world
	w.mu.Lock()
	g, ok := w.guilds[guildID]
	if !ok {
		w.mu.Unlock()
		return discord.Channel{}, false
	}
	c := discord.Channel{ID: w.newID(), Type: typ, GuildID: guildID, Name: name, Position: len(g.channels)}
	w.channels[c.ID] = &channelState{channel: c}
	g.channels = append(g.channels, c.ID)
	w.mu.Unlock()
	s.Emit("CHANNEL_CREATE", guildID, c)
	return c, true
}

// SendMessage posts a message as a user, as if typed in the Discord client,
// and sends MESSAGE_CREATE. Sessions without the MESSAGE_CONTENT intent get
// the message with empty content, embeds, attachments, components and poll,
// unless it mentions the bot, as Discord does.
func (s *Server) SendMessage(authorID, channelID discord.Snowflake, content string) (discord.Message, bool) {
	w := s.world
	w.mu.Lock()
	cs, ok := w.channels[channelID]
	u, uok := w.users[authorID]
	if !ok || !uok {
		w.mu.Unlock()
		return discord.Message{}, false
	}
	author := *u
	m := &discord.Message{
		ID: w.newID(), ChannelID: channelID, Author: &author, Content: content,
		Timestamp: time.Now().UTC().Truncate(time.Millisecond), Type: discord.MessageTypeDefault,
		Attachments: []discord.Attachment{}, Embeds: []discord.Embed{}, Components: discord.Components{},
	}
	m.Mentions, m.MentionRoles, m.MentionEveryone = w.mentions(cs, content, nil, true)
	cs.messages = append(cs.messages, m)
	cs.channel.LastMessageID = m.ID
	msg := *m
	guildID := cs.channel.GuildID
	event := msg
	event.GuildID = guildID
	if g, ok := w.guilds[guildID]; ok {
		if member, ok := g.members[authorID]; ok {
			mm := *member
			mm.User = nil
			event.Member = &mm
		}
	}
	w.mu.Unlock()
	s.emitMessage("MESSAGE_CREATE", guildID, event)
	return msg, true
}

// emitMessage sends a message event, blanking the content fields for
// sessions without the MESSAGE_CONTENT intent, except in DMs, in messages
// the bot or its application sent and in messages that mention the bot.
func (s *Server) emitMessage(event string, guildID discord.Snowflake, m discord.Message) {
	bot := s.Bot()
	exempt := m.Author != nil && m.Author.ID == bot.ID || m.ApplicationID == s.ApplicationID() && m.ApplicationID != 0
	for _, u := range m.Mentions {
		exempt = exempt || u.ID == bot.ID
	}
	blank := m
	blank.Content, blank.Embeds, blank.Attachments, blank.Components, blank.Poll = "", []discord.Embed{}, []discord.Attachment{}, discord.Components{}, nil
	s.mu.Lock()
	var full, empty []*session
	for _, sess := range s.sessions {
		if !sess.wants(event, guildID) {
			continue
		}
		if sess.intents&intentBits["MESSAGE_CONTENT"] != 0 || guildID == 0 || exempt {
			full = append(full, sess)
		} else {
			empty = append(empty, sess)
		}
	}
	s.mu.Unlock()
	for _, group := range []struct {
		sessions []*session
		msg      discord.Message
	}{{full, m}, {empty, blank}} {
		for _, sess := range group.sessions {
			sess.mu.Lock()
			sess.emitLocked(event, group.msg)
			sess.mu.Unlock()
		}
	}
}

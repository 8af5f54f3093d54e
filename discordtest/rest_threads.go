package discordtest

import (
	"github.com/cordage/cordage/discord"
)

// The handlers in this file create threads: from a message (the thread takes
// the message's ID), without one in a text channel, or as a forum post with
// its starter message, and list a guild's active threads. Each creation
// sends THREAD_CREATE. The thread member routes answer from the schema.

// threadBody is the body of a thread creation.
type threadBody struct {
	Name                string                      `json:"name"`
	AutoArchiveDuration discord.AutoArchiveDuration `json:"auto_archive_duration"`
	RateLimitPerUser    int                         `json:"rate_limit_per_user"`
	Type                discord.ChannelType         `json:"type"`
	Invitable           *bool                       `json:"invitable"`
	AppliedTags         []discord.Snowflake         `json:"applied_tags"`
}

// newThread makes a thread of a parent channel with the bot as its owner
// and first member. It holds w.mu.
func (w *world) newThread(parent *channelState, id discord.Snowflake, typ discord.ChannelType, b threadBody) *channelState {
	archive := b.AutoArchiveDuration
	if archive == 0 {
		archive = parent.channel.DefaultAutoArchiveDuration
	}
	if archive == 0 {
		archive = 1440
	}
	now := timestamp()
	md := &discord.ThreadMetadata{AutoArchiveDuration: archive, ArchiveTimestamp: now, CreateTimestamp: now}
	if b.Invitable != nil {
		md.Invitable = *b.Invitable
	} else if typ == discord.ChannelTypePrivateThread {
		md.Invitable = true
	}
	th := discord.Channel{ID: id, Type: typ, GuildID: parent.channel.GuildID, ParentID: parent.channel.ID, Name: b.Name,
		OwnerID: w.bot.ID, RateLimitPerUser: b.RateLimitPerUser, ThreadMetadata: md, MemberCount: 1,
		AppliedTags: b.AppliedTags, Member: &discord.ThreadMember{ID: id, UserID: w.bot.ID, JoinTimestamp: now}}
	cs := &channelState{channel: th}
	w.channels[id] = cs
	if g, ok := w.guilds[th.GuildID]; ok {
		g.channels = append(g.channels, id)
	}
	return cs
}

// threadCreate is the payload of THREAD_CREATE for a new thread.
type threadCreate struct {
	discord.Channel
	NewlyCreated bool `json:"newly_created"`
}

func (c *call) createThreadFromMessage() (any, error) {
	var b threadBody
	c.decode(&b)
	w := c.s.world
	w.mu.Lock()
	cs, err := w.channel(c.snowflake("channel_id"))
	var m *discord.Message
	if err == nil {
		m, _, err = cs.message(c.snowflake("message_id"))
	}
	typ := discord.ChannelTypePublicThread
	switch {
	case err != nil:
	case cs.channel.Type == discord.ChannelTypeGuildAnnouncement:
		typ = discord.ChannelTypeAnnouncementThread
	case cs.channel.Type != discord.ChannelTypeGuildText:
		err = discordError(50024)
	}
	if err == nil {
		err = w.requireChannel(cs, discord.PermissionCreatePublicThreads)
	}
	if err == nil && m.Flags.Has(discord.MessageFlagHasThread) {
		err = discordError(160004)
	}
	if err != nil {
		w.mu.Unlock()
		return nil, err
	}
	th := w.newThread(cs, m.ID, typ, b).channel
	m.Flags |= discord.MessageFlagHasThread
	m.Thread = &th
	updated := w.withGuild(cs, w.render(cs, m))
	w.mu.Unlock()
	c.s.Emit("THREAD_CREATE", th.GuildID, threadCreate{Channel: th, NewlyCreated: true})
	c.s.emitMessage("MESSAGE_UPDATE", th.GuildID, updated)
	return th, nil
}

// createThread starts a thread without a message in a text channel, or a
// post with its starter message in a forum or media channel.
func (c *call) createThread() (any, error) {
	var b threadBody
	c.decode(&b)
	w := c.s.world
	w.mu.Lock()
	cs, err := w.channel(c.snowflake("channel_id"))
	forum := err == nil && (cs.channel.Type == discord.ChannelTypeGuildForum || cs.channel.Type == discord.ChannelTypeGuildMedia)
	typ := b.Type
	switch {
	case err != nil:
	case forum:
		typ = discord.ChannelTypePublicThread
		if !c.has("message") {
			err = fieldFail("BASE_TYPE_REQUIRED", "This field is required", "message")
		}
	case cs.channel.Type != discord.ChannelTypeGuildText && cs.channel.Type != discord.ChannelTypeGuildAnnouncement:
		err = discordError(50024)
	case typ == 0:
		typ = discord.ChannelTypePrivateThread
	}
	if err == nil {
		need := discord.PermissionCreatePublicThreads
		if typ == discord.ChannelTypePrivateThread {
			need = discord.PermissionCreatePrivateThreads
		}
		if forum {
			need = discord.PermissionSendMessages
		}
		err = w.requireChannel(cs, need)
	}
	if err != nil {
		w.mu.Unlock()
		return nil, err
	}
	thread := w.newThread(cs, w.newID(), typ, b)
	var starter *discord.Message
	if forum {
		post := c.sub(c.obj()["message"])
		post.files = c.files
		in := post.input()
		if in.empty(c.files) {
			delete(w.channels, thread.channel.ID)
			w.mu.Unlock()
			return nil, discordError(50006)
		}
		m, err := c.s.newMessage(w, thread, w.bot, in, c.files)
		if err != nil {
			delete(w.channels, thread.channel.ID)
			w.mu.Unlock()
			return nil, err
		}
		// A forum post's starter message has the thread's ID.
		m.ID = thread.channel.ID
		thread.channel.LastMessageID, thread.channel.MessageCount, thread.channel.TotalMessageSent = m.ID, 1, 1
		ev := w.withGuild(thread, w.render(thread, m))
		starter = &ev
	}
	th := thread.channel
	w.mu.Unlock()
	c.s.Emit("THREAD_CREATE", th.GuildID, threadCreate{Channel: th, NewlyCreated: true})
	if starter != nil {
		c.s.emitMessage("MESSAGE_CREATE", th.GuildID, *starter)
		return struct {
			discord.Channel
			Message discord.Message `json:"message"`
		}{th, *starter}, nil
	}
	return th, nil
}

// activeThreads answers GET /guilds/{guild_id}/threads/active.
func (c *call) activeThreads() (any, error) {
	w := c.s.world
	w.mu.Lock()
	defer w.mu.Unlock()
	g, err := c.botGuild(w)
	if err != nil {
		return nil, err
	}
	threads, members := []discord.Channel{}, []discord.ThreadMember{}
	for _, id := range g.channels {
		cs := w.channels[id]
		if cs == nil || !isThread(cs.channel.Type) || cs.channel.ThreadMetadata != nil && cs.channel.ThreadMetadata.Archived {
			continue
		}
		if w.channelPermissions(cs, w.bot.ID).Has(discord.PermissionViewChannel) {
			threads = append(threads, cs.channel)
			if cs.channel.Member != nil {
				members = append(members, *cs.channel.Member)
			}
		}
	}
	return map[string]any{"threads": threads, "members": members, "has_more": false}, nil
}

package discordtest

import (
	"encoding/json"
	"slices"

	"github.com/cordage/cordage/discord"
)

// The handlers in this file serve channels: get, modify, delete, permission
// overwrites, and a guild's channel list. Each change sends CHANNEL_* (or
// THREAD_* for threads).

// patch overlays the fields of a PATCH body on a value through JSON: a field
// set to a value replaces the value's, a field set to null clears it, and
// fields outside keys are left alone.
func patch[T any](v *T, body map[string]any, keys ...string) error {
	raw, err := json.Marshal(v)
	if err != nil {
		return err
	}
	var m map[string]any
	if err := json.Unmarshal(raw, &m); err != nil {
		return err
	}
	for _, k := range keys {
		x, ok := body[k]
		switch {
		case !ok:
		case x == nil:
			delete(m, k)
		default:
			m[k] = x
		}
	}
	var out T
	if err := jsonOf(m, &out); err != nil {
		return err
	}
	*v = out
	return nil
}

// channelKeys are the fields PATCH /channels/{channel_id} changes on guild
// channels; threadKeys those it changes on threads.
var (
	channelKeys = []string{"name", "type", "position", "topic", "nsfw", "rate_limit_per_user", "bitrate",
		"user_limit", "permission_overwrites", "parent_id", "rtc_region", "video_quality_mode",
		"default_auto_archive_duration", "flags", "available_tags", "default_reaction_emoji",
		"default_thread_rate_limit_per_user", "default_sort_order", "default_forum_layout", "default_tag_setting"}
	threadKeys = []string{"name", "rate_limit_per_user", "flags", "applied_tags"}
)

func (c *call) getChannel() (any, error) {
	w := c.s.world
	w.mu.Lock()
	defer w.mu.Unlock()
	cs, err := w.channel(c.snowflake("channel_id"))
	if err != nil {
		return nil, err
	}
	return cs.channel, nil
}

// channelEvent names the event of a channel change: THREAD_* for threads.
func channelEvent(t discord.ChannelType, verb string) string {
	if isThread(t) {
		return "THREAD_" + verb
	}
	return "CHANNEL_" + verb
}

func (c *call) updateChannel() (any, error) {
	w := c.s.world
	w.mu.Lock()
	cs, err := w.channel(c.snowflake("channel_id"))
	if err != nil {
		w.mu.Unlock()
		return nil, err
	}
	variant, keys, perm := "UpdateGuildChannelRequestPartial", channelKeys, discord.PermissionManageChannels
	switch {
	case cs.channel.GuildID == 0:
		w.mu.Unlock()
		return cs.channel, nil // nothing of a DM changes
	case isThread(cs.channel.Type):
		variant, keys, perm = "UpdateThreadRequestPartial", threadKeys, discord.PermissionManageThreads
	}
	if errs := (&checker{d: spec()}).validate(spec().Schemas[variant], c.obj(), nil); len(errs) > 0 {
		w.mu.Unlock()
		return nil, formError(errs)
	}
	err = w.requireChannel(cs, perm)
	if err == nil && c.has("permission_overwrites") {
		err = w.requireChannel(cs, discord.PermissionManageRoles)
	}
	if err == nil {
		err = patch(&cs.channel, c.obj(), keys...)
	}
	if isThread(cs.channel.Type) && err == nil {
		md := cs.channel.ThreadMetadata
		if md == nil {
			md = &discord.ThreadMetadata{}
		}
		err = patch(md, c.obj(), "archived", "auto_archive_duration", "locked", "invitable")
		cs.channel.ThreadMetadata = md
	}
	if err != nil {
		w.mu.Unlock()
		return nil, err
	}
	ch := cs.channel
	w.mu.Unlock()
	c.s.Emit(channelEvent(ch.Type, "UPDATE"), ch.GuildID, ch)
	return ch, nil
}

func (c *call) deleteChannel() (any, error) {
	w := c.s.world
	w.mu.Lock()
	cs, err := w.channel(c.snowflake("channel_id"))
	if err == nil && cs.channel.GuildID != 0 {
		perm := discord.PermissionManageChannels
		if isThread(cs.channel.Type) {
			perm = discord.PermissionManageThreads
		}
		err = w.requireChannel(cs, perm)
	}
	if err != nil {
		w.mu.Unlock()
		return nil, err
	}
	ch := cs.channel
	if ch.GuildID == 0 {
		w.mu.Unlock()
		return ch, nil // closing a DM keeps it
	}
	delete(w.channels, ch.ID)
	if g, ok := w.guilds[ch.GuildID]; ok {
		g.channels = slices.DeleteFunc(g.channels, func(id discord.Snowflake) bool { return id == ch.ID })
	}
	w.mu.Unlock()
	if isThread(ch.Type) {
		c.s.Emit("THREAD_DELETE", ch.GuildID, map[string]any{"id": ch.ID, "guild_id": ch.GuildID, "parent_id": ch.ParentID, "type": ch.Type})
	} else {
		c.s.Emit("CHANNEL_DELETE", ch.GuildID, ch)
	}
	return ch, nil
}

// setOverwrite creates or replaces a permission overwrite. The bot can only
// allow or deny permissions it has itself.
func (c *call) setOverwrite() (any, error) {
	var body struct {
		Type  discord.PermissionOverwriteType `json:"type"`
		Allow discord.Permissions             `json:"allow"`
		Deny  discord.Permissions             `json:"deny"`
	}
	c.decode(&body)
	w := c.s.world
	w.mu.Lock()
	cs, err := w.channel(c.snowflake("channel_id"))
	if err == nil {
		err = w.requireChannel(cs, discord.PermissionManageRoles)
	}
	if err == nil && !w.channelPermissions(cs, w.bot.ID).Has(body.Allow|body.Deny) {
		err = discordError(50013)
	}
	if err != nil {
		w.mu.Unlock()
		return nil, err
	}
	o := discord.PermissionOverwrite{ID: c.snowflake("overwrite_id"), Type: body.Type, Allow: body.Allow, Deny: body.Deny}
	list := cs.channel.PermissionOverwrites
	if i := slices.IndexFunc(list, func(x discord.PermissionOverwrite) bool { return x.ID == o.ID }); i >= 0 {
		list[i] = o
	} else {
		cs.channel.PermissionOverwrites = append(list, o)
	}
	ch := cs.channel
	w.mu.Unlock()
	c.s.Emit(channelEvent(ch.Type, "UPDATE"), ch.GuildID, ch)
	return nil, nil
}

func (c *call) deleteOverwrite() (any, error) {
	w := c.s.world
	w.mu.Lock()
	cs, err := w.channel(c.snowflake("channel_id"))
	if err == nil {
		err = w.requireChannel(cs, discord.PermissionManageRoles)
	}
	if err != nil {
		w.mu.Unlock()
		return nil, err
	}
	id := c.snowflake("overwrite_id")
	before := len(cs.channel.PermissionOverwrites)
	cs.channel.PermissionOverwrites = slices.DeleteFunc(cs.channel.PermissionOverwrites, func(o discord.PermissionOverwrite) bool { return o.ID == id })
	ch := cs.channel
	w.mu.Unlock()
	if len(ch.PermissionOverwrites) != before {
		c.s.Emit(channelEvent(ch.Type, "UPDATE"), ch.GuildID, ch)
	}
	return nil, nil
}

// botGuild returns a guild the bot is in, from the guild_id parameter. It
// holds w.mu.
func (c *call) botGuild(w *world) (*guildState, error) {
	g, err := w.guild(c.snowflake("guild_id"))
	if err == nil && g.members[w.bot.ID] == nil {
		err = discordError(10004)
	}
	return g, err
}

func (c *call) listGuildChannels() (any, error) {
	w := c.s.world
	w.mu.Lock()
	defer w.mu.Unlock()
	g, err := c.botGuild(w)
	if err != nil {
		return nil, err
	}
	out := []discord.Channel{}
	for _, id := range g.channels {
		if cs := w.channels[id]; cs != nil && !isThread(cs.channel.Type) {
			out = append(out, cs.channel)
		}
	}
	return out, nil
}

// maxGuildChannels is how many channels a guild may have.
const maxGuildChannels = 500

func (c *call) createGuildChannel() (any, error) {
	w := c.s.world
	w.mu.Lock()
	g, err := c.botGuild(w)
	if err == nil {
		err = w.requireGuild(g, discord.PermissionManageChannels)
	}
	if err == nil && len(g.channels) >= maxGuildChannels {
		err = discordError(30013)
	}
	ch := discord.Channel{Type: discord.ChannelTypeGuildText, Position: 0}
	if err == nil {
		err = patch(&ch, c.obj(), channelKeys...)
	}
	if err != nil {
		w.mu.Unlock()
		return nil, err
	}
	ch.ID, ch.GuildID = w.newID(), g.guild.ID
	if !c.has("position") {
		ch.Position = len(g.channels)
	}
	w.channels[ch.ID] = &channelState{channel: ch}
	g.channels = append(g.channels, ch.ID)
	w.mu.Unlock()
	c.s.Emit("CHANNEL_CREATE", ch.GuildID, ch)
	return ch, nil
}

// moveGuildChannels applies PATCH /guilds/{guild_id}/channels: new
// positions and parents, each change a CHANNEL_UPDATE.
func (c *call) moveGuildChannels() (any, error) {
	var moves []struct {
		ID       discord.Snowflake  `json:"id"`
		Position *int               `json:"position"`
		ParentID *discord.Snowflake `json:"parent_id"`
	}
	c.decode(&moves)
	w := c.s.world
	w.mu.Lock()
	g, err := c.botGuild(w)
	if err == nil {
		err = w.requireGuild(g, discord.PermissionManageChannels)
	}
	if err != nil {
		w.mu.Unlock()
		return nil, err
	}
	var changed []discord.Channel
	for _, mv := range moves {
		cs, ok := w.channels[mv.ID]
		if !ok || cs.channel.GuildID != g.guild.ID {
			w.mu.Unlock()
			return nil, discordError(10003)
		}
		if mv.Position != nil {
			cs.channel.Position = *mv.Position
		}
		if mv.ParentID != nil {
			cs.channel.ParentID = *mv.ParentID
		}
		changed = append(changed, cs.channel)
	}
	w.mu.Unlock()
	for _, ch := range changed {
		c.s.Emit("CHANNEL_UPDATE", ch.GuildID, ch)
	}
	return nil, nil
}

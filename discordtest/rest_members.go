package discordtest

import (
	"slices"
	"strings"
	"time"

	"github.com/cordage/cordage/discord"
)

// The handlers in this file serve guild members and bans. Each change sends
// GUILD_MEMBER_* or GUILD_BAN_*.

// memberTarget finds the guild and member of a member route. It holds w.mu.
func (c *call) memberTarget(w *world) (*guildState, *discord.Member, error) {
	g, err := c.botGuild(w)
	if err != nil {
		return nil, nil, err
	}
	m, err := g.member(c.snowflake("user_id"))
	return g, m, err
}

func (c *call) getMember() (any, error) {
	w := c.s.world
	w.mu.Lock()
	defer w.mu.Unlock()
	_, m, err := c.memberTarget(w)
	if err != nil {
		return nil, err
	}
	return *m, nil
}

// listMembers answers members in user ID order, after the after query.
func (c *call) listMembers() (any, error) {
	limit, after := c.queryInt("limit", 1), c.querySnowflake("after")
	query := strings.ToLower(c.r.URL.Query().Get("query"))
	search := c.route.Operation == "search_guild_members"
	w := c.s.world
	w.mu.Lock()
	defer w.mu.Unlock()
	g, err := c.botGuild(w)
	if err != nil {
		return nil, err
	}
	ids := slices.Clone(g.memberOrder)
	slices.Sort(ids)
	out := []discord.Member{}
	for _, id := range ids {
		m := g.members[id]
		if m == nil || id <= after || len(out) == limit {
			continue
		}
		if search && !strings.HasPrefix(strings.ToLower(m.User.Username), query) &&
			!strings.HasPrefix(strings.ToLower(m.Nick), query) && !strings.HasPrefix(strings.ToLower(m.User.GlobalName), query) {
			continue
		}
		out = append(out, *m)
	}
	return out, nil
}

// addMember answers PUT /guilds/{guild_id}/members/{user_id}: 201 with the
// member when the user joins, 204 when already a member.
func (c *call) addMember() (any, error) {
	w := c.s.world
	w.mu.Lock()
	g, err := c.botGuild(w)
	var u *discord.User
	if err == nil {
		err = w.requireGuild(g, discord.PermissionCreateInstantInvite)
	}
	if err == nil {
		u, err = w.user(c.snowflake("user_id"))
	}
	if err == nil {
		if _, banned := g.bans[u.ID]; banned {
			err = discordError(40007)
		}
	}
	if err != nil {
		w.mu.Unlock()
		return nil, err
	}
	if _, ok := g.members[u.ID]; ok {
		w.mu.Unlock()
		c.status = 204
		return nil, nil
	}
	var body struct {
		Nick  string              `json:"nick"`
		Roles []discord.Snowflake `json:"roles"`
		Mute  bool                `json:"mute"`
		Deaf  bool                `json:"deaf"`
	}
	c.decode(&body)
	user := *u
	m := &discord.Member{User: &user, JoinedAt: timestamp(), Roles: orEmpty(body.Roles), Nick: body.Nick, Mute: body.Mute, Deaf: body.Deaf}
	g.members[u.ID] = m
	g.memberOrder = append(g.memberOrder, u.ID)
	out := *m
	w.mu.Unlock()
	c.s.Emit("GUILD_MEMBER_ADD", g.guild.ID, memberEvent{Member: out, GuildID: g.guild.ID})
	c.status = 201
	return out, nil
}

// updateMember answers PATCH /guilds/{guild_id}/members/{user_id} and
// /members/@me, checking the permission of each field it changes.
func (c *call) updateMember() (any, error) {
	me := c.route.Operation == "update_my_guild_member"
	w := c.s.world
	w.mu.Lock()
	var g *guildState
	var m *discord.Member
	var err error
	if me {
		if g, err = c.botGuild(w); err == nil {
			m, err = g.member(w.bot.ID)
		}
	} else {
		g, m, err = c.memberTarget(w)
	}
	if err == nil {
		err = w.memberEditAllowed(g, m, c, me)
	}
	if err == nil {
		err = patch(m, c.obj(), "nick", "roles", "mute", "deaf", "communication_disabled_until", "flags")
	}
	if err != nil {
		w.mu.Unlock()
		return nil, err
	}
	if m.Roles == nil {
		m.Roles = []discord.Snowflake{}
	}
	out := *m
	w.mu.Unlock()
	c.s.Emit("GUILD_MEMBER_UPDATE", g.guild.ID, memberEvent{Member: out, GuildID: g.guild.ID})
	return out, nil
}

// memberEditAllowed checks the permissions of a member edit: nicknames need
// CHANGE_NICKNAME for the bot itself and MANAGE_NICKNAMES for others, roles
// MANAGE_ROLES and roles below the bot's, voice state MUTE/DEAFEN/MOVE and
// timeouts MODERATE_MEMBERS. Acting on another member needs a higher role.
// It holds w.mu.
func (w *world) memberEditAllowed(g *guildState, m *discord.Member, c *call, me bool) error {
	self := me || m.User.ID == w.bot.ID
	need := discord.Permissions(0)
	if c.has("nick") {
		if self {
			need |= discord.PermissionChangeNickname
		} else {
			need |= discord.PermissionManageNicknames
		}
	}
	for field, p := range map[string]discord.Permissions{"roles": discord.PermissionManageRoles,
		"mute": discord.PermissionMuteMembers, "deaf": discord.PermissionDeafenMembers,
		"channel_id": discord.PermissionMoveMembers, "communication_disabled_until": discord.PermissionModerateMembers} {
		if c.has(field) {
			need |= p
		}
	}
	if err := w.requireGuild(g, need); err != nil {
		return err
	}
	if !self && (c.has("nick") || c.has("roles") || c.has("communication_disabled_until")) {
		if err := w.requireAbove(g, m.User.ID); err != nil {
			return err
		}
	}
	if c.has("communication_disabled_until") && w.guildPermissions(g, m.User.ID).Has(discord.PermissionAdministrator) {
		return discordError(50013)
	}
	var roles []discord.Snowflake
	c.field("roles", &roles)
	for _, id := range roles {
		r, _, err := g.role(id)
		if err != nil {
			return err
		}
		if !containsID(m.Roles, id) && (r.Managed || w.requireRoleBelow(g, r) != nil) {
			return discordError(50013)
		}
	}
	return nil
}

// memberRole adds (on true) or removes a role of a member.
func (c *call) memberRole(add bool) (any, error) {
	w := c.s.world
	w.mu.Lock()
	g, m, err := c.memberTarget(w)
	var r *discord.Role
	if err == nil {
		err = w.requireGuild(g, discord.PermissionManageRoles)
	}
	if err == nil {
		r, _, err = g.role(c.snowflake("role_id"))
	}
	if err == nil && (r.Managed || r.ID == g.guild.ID) {
		err = discordError(50013)
	}
	if err == nil {
		err = w.requireRoleBelow(g, r)
	}
	if err != nil {
		w.mu.Unlock()
		return nil, err
	}
	has := containsID(m.Roles, r.ID)
	switch {
	case add && !has:
		m.Roles = append(m.Roles, r.ID)
	case !add && has:
		m.Roles = slices.DeleteFunc(m.Roles, func(id discord.Snowflake) bool { return id == r.ID })
	default:
		w.mu.Unlock()
		return nil, nil
	}
	out := *m
	w.mu.Unlock()
	c.s.Emit("GUILD_MEMBER_UPDATE", g.guild.ID, memberEvent{Member: out, GuildID: g.guild.ID})
	return nil, nil
}

func (c *call) addMemberRole() (any, error)    { return c.memberRole(true) }
func (c *call) removeMemberRole() (any, error) { return c.memberRole(false) }

// removeMember deletes a member from a guild; it holds w.mu and returns the
// event to send.
func (g *guildState) removeMember(id discord.Snowflake) map[string]any {
	m := g.members[id]
	delete(g.members, id)
	g.memberOrder = slices.DeleteFunc(g.memberOrder, func(x discord.Snowflake) bool { return x == id })
	return map[string]any{"guild_id": g.guild.ID, "user": m.User}
}

func (c *call) kickMember() (any, error) {
	w := c.s.world
	w.mu.Lock()
	g, m, err := c.memberTarget(w)
	if err == nil {
		err = w.requireGuild(g, discord.PermissionKickMembers)
	}
	if err == nil && m.User.ID != w.bot.ID {
		err = w.requireAbove(g, m.User.ID)
	}
	if err != nil {
		w.mu.Unlock()
		return nil, err
	}
	ev := g.removeMember(m.User.ID)
	w.mu.Unlock()
	c.s.Emit("GUILD_MEMBER_REMOVE", g.guild.ID, ev)
	return nil, nil
}

func (c *call) listBans() (any, error) {
	limit := c.queryInt("limit", 1000)
	before, after := c.querySnowflake("before"), c.querySnowflake("after")
	w := c.s.world
	w.mu.Lock()
	defer w.mu.Unlock()
	g, err := c.botGuild(w)
	if err == nil {
		err = w.requireGuild(g, discord.PermissionBanMembers)
	}
	if err != nil {
		return nil, err
	}
	ids := make([]discord.Snowflake, 0, len(g.bans))
	for id := range g.bans {
		if (before == 0 || id < before) && id > after {
			ids = append(ids, id)
		}
	}
	slices.Sort(ids)
	if before != 0 && len(ids) > limit {
		ids = ids[len(ids)-limit:]
	}
	out := []discord.Ban{}
	for _, id := range ids[:min(limit, len(ids))] {
		out = append(out, g.bans[id])
	}
	return out, nil
}

func (c *call) getBan() (any, error) {
	w := c.s.world
	w.mu.Lock()
	defer w.mu.Unlock()
	g, err := c.botGuild(w)
	if err == nil {
		err = w.requireGuild(g, discord.PermissionBanMembers)
	}
	if err != nil {
		return nil, err
	}
	b, ok := g.bans[c.snowflake("user_id")]
	if !ok {
		return nil, discordError(10026)
	}
	return b, nil
}

// banEvents are the events of one ban, sent once the world is unlocked.
type banEvents struct {
	removed  map[string]any // GUILD_MEMBER_REMOVE, if the user was a member
	ban      map[string]any // GUILD_BAN_ADD
	deletion []map[string]any
}

// ban bans a user: the member leaves, its recent messages go, and the ban is
// kept with the audit-log reason. It holds w.mu.
func (w *world) ban(g *guildState, id discord.Snowflake, deleteSeconds int, reason string) (banEvents, error) {
	u, err := w.user(id)
	if err != nil {
		return banEvents{}, err
	}
	if _, ok := g.members[id]; ok && w.requireAbove(g, id) != nil {
		return banEvents{}, discordError(50013)
	}
	var ev banEvents
	if _, ok := g.members[id]; ok {
		ev.removed = g.removeMember(id)
	}
	g.bans[id] = discord.Ban{User: *u, Reason: reason}
	ev.ban = map[string]any{"guild_id": g.guild.ID, "user": *u}
	if deleteSeconds > 0 {
		cut := time.Now().Add(-time.Duration(deleteSeconds) * time.Second)
		for _, cid := range g.channels {
			cs := w.channels[cid]
			var ids []discord.Snowflake
			for i := len(cs.messages) - 1; i >= 0; i-- {
				if m := cs.messages[i]; m.Author != nil && m.Author.ID == id && m.Timestamp.After(cut) {
					ids = append(ids, m.ID)
					cs.removeMessage(i)
				}
			}
			if len(ids) > 0 {
				ev.deletion = append(ev.deletion, map[string]any{"ids": ids, "channel_id": cid, "guild_id": g.guild.ID})
			}
		}
	}
	return ev, nil
}

func (s *Server) sendBanEvents(guildID discord.Snowflake, ev banEvents) {
	for _, d := range ev.deletion {
		s.Emit("MESSAGE_DELETE_BULK", guildID, d)
	}
	if ev.removed != nil {
		s.Emit("GUILD_MEMBER_REMOVE", guildID, ev.removed)
	}
	s.Emit("GUILD_BAN_ADD", guildID, ev.ban)
}

func (c *call) banUser() (any, error) {
	var body struct {
		DeleteMessageSeconds int `json:"delete_message_seconds"`
		DeleteMessageDays    int `json:"delete_message_days"`
	}
	c.decode(&body)
	seconds := max(body.DeleteMessageSeconds, body.DeleteMessageDays*86400)
	w := c.s.world
	w.mu.Lock()
	g, err := c.botGuild(w)
	if err == nil {
		err = w.requireGuild(g, discord.PermissionBanMembers)
	}
	var ev banEvents
	if err == nil {
		ev, err = w.ban(g, c.snowflake("user_id"), seconds, c.r.Header.Get("X-Audit-Log-Reason"))
	}
	w.mu.Unlock()
	if err != nil {
		return nil, err
	}
	c.s.sendBanEvents(g.guild.ID, ev)
	return nil, nil
}

func (c *call) unbanUser() (any, error) {
	w := c.s.world
	w.mu.Lock()
	g, err := c.botGuild(w)
	if err == nil {
		err = w.requireGuild(g, discord.PermissionBanMembers)
	}
	var b discord.Ban
	if err == nil {
		var ok bool
		if b, ok = g.bans[c.snowflake("user_id")]; !ok {
			err = discordError(10026)
		}
	}
	if err != nil {
		w.mu.Unlock()
		return nil, err
	}
	delete(g.bans, b.User.ID)
	w.mu.Unlock()
	c.s.Emit("GUILD_BAN_REMOVE", g.guild.ID, map[string]any{"guild_id": g.guild.ID, "user": b.User})
	return nil, nil
}

func (c *call) bulkBan() (any, error) {
	var body struct {
		UserIDs              []discord.Snowflake `json:"user_ids"`
		DeleteMessageSeconds int                 `json:"delete_message_seconds"`
	}
	c.decode(&body)
	w := c.s.world
	w.mu.Lock()
	g, err := c.botGuild(w)
	if err == nil {
		err = w.requireGuild(g, discord.PermissionBanMembers|discord.PermissionManageGuild)
	}
	if err != nil {
		w.mu.Unlock()
		return nil, err
	}
	result := discord.BulkBanResult{BannedUsers: []discord.Snowflake{}, FailedUsers: []discord.Snowflake{}}
	var events []banEvents
	for _, id := range body.UserIDs {
		if _, already := g.bans[id]; already {
			result.FailedUsers = append(result.FailedUsers, id)
			continue
		}
		ev, err := w.ban(g, id, body.DeleteMessageSeconds, c.r.Header.Get("X-Audit-Log-Reason"))
		if err != nil {
			result.FailedUsers = append(result.FailedUsers, id)
			continue
		}
		result.BannedUsers = append(result.BannedUsers, id)
		events = append(events, ev)
	}
	w.mu.Unlock()
	for _, ev := range events {
		c.s.sendBanEvents(g.guild.ID, ev)
	}
	return result, nil
}

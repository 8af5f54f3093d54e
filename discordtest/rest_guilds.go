package discordtest

import (
	"slices"
	"sort"

	"github.com/cordage/cordage/discord"
)

// The handlers in this file serve guilds and their roles. Each change sends
// GUILD_UPDATE or GUILD_ROLE_*.

// guildKeys are the fields PATCH /guilds/{guild_id} changes directly.
var guildKeys = []string{"name", "verification_level", "default_message_notifications", "explicit_content_filter",
	"afk_channel_id", "afk_timeout", "system_channel_id", "system_channel_flags", "rules_channel_id",
	"public_updates_channel_id", "safety_alerts_channel_id", "preferred_locale", "features", "description",
	"premium_progress_bar_enabled"}

// guildWithCounts is a guild as GET /guilds/{guild_id} returns it.
type guildWithCounts struct {
	discord.Guild
	ApproximateMemberCount   *int `json:"approximate_member_count,omitempty"`
	ApproximatePresenceCount *int `json:"approximate_presence_count,omitempty"`
}

func (c *call) getGuild() (any, error) {
	w := c.s.world
	w.mu.Lock()
	defer w.mu.Unlock()
	g, err := c.botGuild(w)
	if err != nil {
		return nil, err
	}
	out := guildWithCounts{Guild: g.guild}
	if c.queryBool("with_counts") {
		n, zero := len(g.members), 0
		out.ApproximateMemberCount, out.ApproximatePresenceCount = &n, &zero
	}
	return out, nil
}

func (c *call) updateGuild() (any, error) {
	w := c.s.world
	w.mu.Lock()
	g, err := c.botGuild(w)
	if err == nil {
		err = w.requireGuild(g, discord.PermissionManageGuild)
	}
	if err == nil && c.has("owner_id") && g.guild.OwnerID != w.bot.ID {
		err = discordError(50013)
	}
	if err == nil {
		err = patch(&g.guild, c.obj(), append(slices.Clone(guildKeys), "owner_id")...)
	}
	if err != nil {
		w.mu.Unlock()
		return nil, err
	}
	for field, dst := range map[string]*string{"icon": &g.guild.Icon, "banner": &g.guild.Banner,
		"splash": &g.guild.Splash, "discovery_splash": &g.guild.DiscoverySplash} {
		if c.has(field) {
			*dst = imageHash(c.str(field))
		}
	}
	out := g.guild
	w.mu.Unlock()
	c.s.Emit("GUILD_UPDATE", out.ID, out)
	return out, nil
}

// roleEvent is the payload of GUILD_ROLE_CREATE and GUILD_ROLE_UPDATE.
type roleEvent struct {
	GuildID discord.Snowflake `json:"guild_id"`
	Role    discord.Role      `json:"role"`
}

// roleKeys are the fields of a role a request sets.
var roleKeys = []string{"name", "permissions", "color", "colors", "hoist", "unicode_emoji", "mentionable"}

func (c *call) listRoles() (any, error) {
	w := c.s.world
	w.mu.Lock()
	defer w.mu.Unlock()
	g, err := c.botGuild(w)
	if err != nil {
		return nil, err
	}
	return sortedRoles(g), nil
}

func sortedRoles(g *guildState) []discord.Role {
	out := slices.Clone(g.guild.Roles)
	sort.SliceStable(out, func(i, j int) bool { return out[i].Position < out[j].Position })
	return out
}

func (c *call) getRole() (any, error) {
	w := c.s.world
	w.mu.Lock()
	defer w.mu.Unlock()
	g, err := c.botGuild(w)
	if err != nil {
		return nil, err
	}
	r, _, err := g.role(c.snowflake("role_id"))
	if err != nil {
		return nil, err
	}
	return *r, nil
}

// maxRoles is how many roles a guild may have.
const maxRoles = 250

// rolePermissionsAllowed checks that the bot may set a role's permissions:
// only ones it has itself.
func (w *world) rolePermissionsAllowed(g *guildState, c *call) error {
	var p discord.Permissions
	if c.field("permissions", &p) && !w.guildPermissions(g, w.bot.ID).Has(p) {
		return discordError(50013)
	}
	return nil
}

func (c *call) createRole() (any, error) {
	w := c.s.world
	w.mu.Lock()
	g, err := c.botGuild(w)
	if err == nil {
		err = w.requireGuild(g, discord.PermissionManageRoles)
	}
	if err == nil {
		err = w.rolePermissionsAllowed(g, c)
	}
	if err == nil && len(g.guild.Roles) >= maxRoles {
		err = discordError(30005)
	}
	// A new role starts with @everyone's permissions.
	r := discord.Role{Name: "new role"}
	if err == nil {
		if everyone, _, e := g.role(g.guild.ID); e == nil {
			r.Permissions = everyone.Permissions
		}
		err = patch(&r, c.obj(), roleKeys...)
	}
	if err != nil {
		w.mu.Unlock()
		return nil, err
	}
	r.ID, r.Position = w.newID(), 1
	for i := range g.guild.Roles {
		if g.guild.Roles[i].ID != g.guild.ID {
			g.guild.Roles[i].Position++
		}
	}
	g.guild.Roles = append(g.guild.Roles, r)
	w.mu.Unlock()
	c.s.Emit("GUILD_ROLE_CREATE", g.guild.ID, roleEvent{GuildID: g.guild.ID, Role: r})
	return r, nil
}

func (c *call) updateRole() (any, error) {
	w := c.s.world
	w.mu.Lock()
	g, err := c.botGuild(w)
	var r *discord.Role
	if err == nil {
		err = w.requireGuild(g, discord.PermissionManageRoles)
	}
	if err == nil {
		r, _, err = g.role(c.snowflake("role_id"))
	}
	if err == nil {
		err = w.requireRoleBelow(g, r)
	}
	if err == nil {
		err = w.rolePermissionsAllowed(g, c)
	}
	if err == nil {
		err = patch(r, c.obj(), roleKeys...)
	}
	if err != nil {
		w.mu.Unlock()
		return nil, err
	}
	if c.has("icon") {
		r.Icon = imageHash(c.str("icon"))
	}
	out := *r
	w.mu.Unlock()
	c.s.Emit("GUILD_ROLE_UPDATE", g.guild.ID, roleEvent{GuildID: g.guild.ID, Role: out})
	return out, nil
}

// moveRoles applies PATCH /guilds/{guild_id}/roles: new positions, each
// change a GUILD_ROLE_UPDATE.
func (c *call) moveRoles() (any, error) {
	var moves []struct {
		ID       discord.Snowflake `json:"id"`
		Position *int              `json:"position"`
	}
	c.decode(&moves)
	w := c.s.world
	w.mu.Lock()
	g, err := c.botGuild(w)
	if err == nil {
		err = w.requireGuild(g, discord.PermissionManageRoles)
	}
	var changed []discord.Role
	for _, mv := range moves {
		if err != nil {
			break
		}
		var r *discord.Role
		if r, _, err = g.role(mv.ID); err != nil {
			break
		}
		if err = w.requireRoleBelow(g, r); err == nil && mv.Position != nil && *mv.Position != r.Position {
			if *mv.Position >= w.highestRole(g, w.bot.ID) && g.guild.OwnerID != w.bot.ID {
				err = discordError(50013)
				break
			}
			r.Position = *mv.Position
			changed = append(changed, *r)
		}
	}
	if err != nil {
		w.mu.Unlock()
		return nil, err
	}
	out := sortedRoles(g)
	w.mu.Unlock()
	for _, r := range changed {
		c.s.Emit("GUILD_ROLE_UPDATE", g.guild.ID, roleEvent{GuildID: g.guild.ID, Role: r})
	}
	return out, nil
}

func (c *call) deleteRole() (any, error) {
	w := c.s.world
	w.mu.Lock()
	g, err := c.botGuild(w)
	var r *discord.Role
	var i int
	if err == nil {
		err = w.requireGuild(g, discord.PermissionManageRoles)
	}
	if err == nil {
		r, i, err = g.role(c.snowflake("role_id"))
	}
	if err == nil && (r.ID == g.guild.ID || r.Managed) {
		err = discordError(50013)
	}
	if err == nil {
		err = w.requireRoleBelow(g, r)
	}
	if err != nil {
		w.mu.Unlock()
		return nil, err
	}
	id := r.ID
	g.guild.Roles = slices.Delete(g.guild.Roles, i, i+1)
	for _, m := range g.members {
		m.Roles = slices.DeleteFunc(m.Roles, func(x discord.Snowflake) bool { return x == id })
	}
	w.mu.Unlock()
	c.s.Emit("GUILD_ROLE_DELETE", g.guild.ID, map[string]any{"guild_id": g.guild.ID, "role_id": id})
	return nil, nil
}

// roleMemberCounts answers GET /guilds/{guild_id}/roles/member-counts: how
// many members hold each role.
func (c *call) roleMemberCounts() (any, error) {
	w := c.s.world
	w.mu.Lock()
	defer w.mu.Unlock()
	g, err := c.botGuild(w)
	if err != nil {
		return nil, err
	}
	out := map[string]int{}
	for _, r := range g.guild.Roles {
		if r.ID != g.guild.ID {
			out[r.ID.String()] = 0
		}
	}
	for _, m := range g.members {
		for _, id := range m.Roles {
			if _, ok := out[id.String()]; ok {
				out[id.String()]++
			}
		}
	}
	return out, nil
}

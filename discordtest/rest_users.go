package discordtest

import (
	"crypto/md5"
	"encoding/hex"
	"sort"

	"github.com/cordage/cordage/discord"
)

// The handlers in this file serve the gateway URLs and users: the bot's own
// user, other users, DMs and the bot's guilds.

func (c *call) getGateway() (any, error) {
	return map[string]any{"url": c.s.GatewayURL()}, nil
}

func (c *call) getBotGateway() (any, error) {
	s := c.s
	s.mu.Lock()
	remaining := s.cfg.sessionStarts
	s.mu.Unlock()
	return map[string]any{
		"url":    s.GatewayURL(),
		"shards": s.cfg.shards,
		"session_start_limit": map[string]any{
			"total": s.cfg.sessionStartTotal, "remaining": remaining, "reset_after": 86400000,
			"max_concurrency": s.cfg.maxConcurrency,
		},
	}, nil
}

// me is the bot's user as GET /users/@me returns it.
func (w *world) me() discord.User {
	u := w.bot
	u.Verified, u.Locale = true, discord.LocaleEnglishUS
	return u
}

func (c *call) getMe() (any, error) {
	w := c.s.world
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.me(), nil
}

func (c *call) updateMe() (any, error) {
	w := c.s.world
	w.mu.Lock()
	if name := c.str("username"); name != "" {
		w.bot.Username = name
	}
	for field, dst := range map[string]*string{"avatar": &w.bot.Avatar, "banner": &w.bot.Banner} {
		if c.has(field) {
			*dst = imageHash(c.str(field))
		}
	}
	w.users[w.bot.ID] = &w.bot
	me := w.me()
	w.mu.Unlock()
	c.s.Emit("USER_UPDATE", 0, me)
	return me, nil
}

// imageHash is the hash Discord gives an uploaded image: "" clears it.
func imageHash(data string) string {
	if data == "" {
		return ""
	}
	sum := md5.Sum([]byte(data))
	return hex.EncodeToString(sum[:])
}

func (c *call) getUser() (any, error) {
	w := c.s.world
	w.mu.Lock()
	defer w.mu.Unlock()
	u, err := w.user(c.snowflake("user_id"))
	if err != nil {
		return nil, err
	}
	out := *u
	out.Email, out.Verified, out.MFAEnabled, out.Locale, out.Flags = "", false, false, "", 0
	return out, nil
}

func (c *call) createDM() (any, error) {
	var id discord.Snowflake
	c.field("recipient_id", &id)
	w := c.s.world
	w.mu.Lock()
	defer w.mu.Unlock()
	u, err := w.user(id)
	if err != nil {
		return nil, err
	}
	if u.Bot {
		return nil, discordError(50007)
	}
	return w.dmChannel(u).channel, nil
}

// myGuild is a guild as GET /users/@me/guilds lists it.
type myGuild struct {
	ID                       discord.Snowflake      `json:"id"`
	Name                     string                 `json:"name"`
	Icon                     *string                `json:"icon"`
	Banner                   *string                `json:"banner"`
	Owner                    bool                   `json:"owner"`
	Permissions              discord.Permissions    `json:"permissions"`
	Features                 []discord.GuildFeature `json:"features"`
	ApproximateMemberCount   *int                   `json:"approximate_member_count,omitempty"`
	ApproximatePresenceCount *int                   `json:"approximate_presence_count,omitempty"`
}

func (c *call) listMyGuilds() (any, error) {
	before, after := c.querySnowflake("before"), c.querySnowflake("after")
	limit := c.queryInt("limit", 200)
	counts := c.queryBool("with_counts")
	w := c.s.world
	w.mu.Lock()
	defer w.mu.Unlock()
	ids := make([]discord.Snowflake, 0, len(w.order))
	for _, id := range w.order {
		if g := w.guilds[id]; g != nil && g.members[w.bot.ID] != nil {
			ids = append(ids, id)
		}
	}
	sort.Slice(ids, func(i, j int) bool { return ids[i] < ids[j] })
	out := []myGuild{}
	for _, id := range ids {
		if before != 0 && id >= before || after != 0 && id <= after {
			continue
		}
		g := w.guilds[id]
		mg := myGuild{ID: id, Name: g.guild.Name, Owner: g.guild.OwnerID == w.bot.ID,
			Permissions: w.guildPermissions(g, w.bot.ID), Features: g.guild.Features}
		if counts {
			n, zero := len(g.members), 0
			mg.ApproximateMemberCount, mg.ApproximatePresenceCount = &n, &zero
		}
		out = append(out, mg)
	}
	if before != 0 && len(out) > limit {
		out = out[len(out)-limit:]
	}
	return out[:min(limit, len(out))], nil
}

func (c *call) leaveGuild() (any, error) {
	id := c.snowflake("guild_id")
	w := c.s.world
	w.mu.Lock()
	g, err := w.guild(id)
	if err == nil && g.members[w.bot.ID] == nil {
		err = discordError(10004)
	}
	if err != nil {
		w.mu.Unlock()
		return nil, err
	}
	if g.guild.OwnerID == w.bot.ID {
		w.mu.Unlock()
		return nil, discordError(50055)
	}
	bot := w.bot
	// The bot no longer sees the guild: it leaves the world.
	for _, cid := range g.channels {
		delete(w.channels, cid)
	}
	delete(w.guilds, id)
	for i, gid := range w.order {
		if gid == id {
			w.order = append(w.order[:i:i], w.order[i+1:]...)
			break
		}
	}
	w.mu.Unlock()
	c.s.Emit("GUILD_MEMBER_REMOVE", id, map[string]any{"guild_id": id, "user": bot})
	c.s.Emit("GUILD_DELETE", id, map[string]any{"id": id})
	return nil, nil
}

// getApplication answers GET /applications/@me, /applications/{id} and
// /oauth2/applications/@me with the bot's application.
func (c *call) getApplication() (any, error) {
	w := c.s.world
	w.mu.Lock()
	defer w.mu.Unlock()
	if _, ok := c.params["application_id"]; ok {
		if err := c.ownApplication(w); err != nil {
			return nil, err
		}
	}
	app := w.app
	bot := w.bot
	app.Bot = &bot
	app.BotPublic = true
	app.ApproximateGuildCount = len(w.order)
	return app, nil
}

package discordtest

import (
	"slices"
	"strings"

	"github.com/cordage/cordage/discord"
)

// The handlers in this file serve custom emojis of guilds (each change sends
// GUILD_EMOJIS_UPDATE) and of the application (no event).

// newEmoji builds an emoji from a create request.
func (c *call) newEmoji(w *world) discord.Emoji {
	var body struct {
		Name  string              `json:"name"`
		Image string              `json:"image"`
		Roles []discord.Snowflake `json:"roles"`
	}
	c.decode(&body)
	bot := w.bot
	return discord.Emoji{ID: w.newID(), Name: body.Name, Roles: orEmpty(body.Roles), User: &bot, RequireColons: true,
		Animated: strings.HasPrefix(body.Image, "data:image/gif"), Available: true}
}

// guildEmojis finds the guild of an emoji route and checks the bot may
// manage its emojis when manage is true. It holds w.mu.
func (c *call) guildEmojis(w *world, manage bool) (*guildState, error) {
	g, err := c.botGuild(w)
	if err == nil && manage && w.requireGuild(g, discord.PermissionManageGuildExpressions) != nil {
		err = w.requireGuild(g, discord.PermissionCreateGuildExpressions)
	}
	return g, err
}

func findEmoji(list []discord.Emoji, id discord.Snowflake) (int, error) {
	i := slices.IndexFunc(list, func(e discord.Emoji) bool { return e.ID == id })
	if i < 0 {
		return -1, discordError(10014)
	}
	return i, nil
}

func (c *call) listGuildEmojis() (any, error) {
	w := c.s.world
	w.mu.Lock()
	defer w.mu.Unlock()
	g, err := c.guildEmojis(w, false)
	if err != nil {
		return nil, err
	}
	return orEmpty(slices.Clone(g.guild.Emojis)), nil
}

func (c *call) getGuildEmoji() (any, error) {
	w := c.s.world
	w.mu.Lock()
	defer w.mu.Unlock()
	g, err := c.guildEmojis(w, false)
	if err != nil {
		return nil, err
	}
	i, err := findEmoji(g.guild.Emojis, c.snowflake("emoji_id"))
	if err != nil {
		return nil, err
	}
	return g.guild.Emojis[i], nil
}

// changeGuildEmoji creates (no emoji_id), updates or deletes a guild emoji
// and sends GUILD_EMOJIS_UPDATE with the guild's emojis.
func (c *call) changeGuildEmoji() (any, error) {
	w := c.s.world
	w.mu.Lock()
	g, err := c.guildEmojis(w, true)
	if err != nil {
		w.mu.Unlock()
		return nil, err
	}
	var out any
	switch c.r.Method {
	case "POST":
		e := c.newEmoji(w)
		g.guild.Emojis = append(g.guild.Emojis, e)
		out = e
	default:
		i, err := findEmoji(g.guild.Emojis, c.snowflake("emoji_id"))
		if err != nil {
			w.mu.Unlock()
			return nil, err
		}
		if c.r.Method == "DELETE" {
			g.guild.Emojis = slices.Delete(g.guild.Emojis, i, i+1)
		} else {
			if err := patch(&g.guild.Emojis[i], c.obj(), "name", "roles"); err != nil {
				w.mu.Unlock()
				return nil, err
			}
			out = g.guild.Emojis[i]
		}
	}
	emojis := orEmpty(slices.Clone(g.guild.Emojis))
	w.mu.Unlock()
	c.s.Emit("GUILD_EMOJIS_UPDATE", g.guild.ID, map[string]any{"guild_id": g.guild.ID, "emojis": emojis})
	return out, nil
}

// ownApplication checks the application_id parameter names the bot's
// application: 50001 Missing Access otherwise. It holds w.mu.
func (c *call) ownApplication(w *world) error {
	if c.snowflake("application_id") != w.app.ID {
		return discordError(50001)
	}
	return nil
}

func (c *call) listAppEmojis() (any, error) {
	w := c.s.world
	w.mu.Lock()
	defer w.mu.Unlock()
	if err := c.ownApplication(w); err != nil {
		return nil, err
	}
	return map[string]any{"items": orEmpty(slices.Clone(w.rest.appEmojis))}, nil
}

func (c *call) getAppEmoji() (any, error) {
	w := c.s.world
	w.mu.Lock()
	defer w.mu.Unlock()
	if err := c.ownApplication(w); err != nil {
		return nil, err
	}
	i, err := findEmoji(w.rest.appEmojis, c.snowflake("emoji_id"))
	if err != nil {
		return nil, err
	}
	return w.rest.appEmojis[i], nil
}

func (c *call) changeAppEmoji() (any, error) {
	w := c.s.world
	w.mu.Lock()
	defer w.mu.Unlock()
	if err := c.ownApplication(w); err != nil {
		return nil, err
	}
	if c.r.Method == "POST" {
		e := c.newEmoji(w)
		w.rest.appEmojis = append(w.rest.appEmojis, e)
		return e, nil
	}
	i, err := findEmoji(w.rest.appEmojis, c.snowflake("emoji_id"))
	if err != nil {
		return nil, err
	}
	if c.r.Method == "DELETE" {
		w.rest.appEmojis = slices.Delete(w.rest.appEmojis, i, i+1)
		return nil, nil
	}
	if err := patch(&w.rest.appEmojis[i], c.obj(), "name"); err != nil {
		return nil, err
	}
	return w.rest.appEmojis[i], nil
}

package discordtest

import (
	"crypto/rand"
	"encoding/base64"
	"sort"
	"time"

	"github.com/cordage/cordage/discord"
)

// restWorld is the world state only the REST side uses. It lives in world
// and is guarded by world.mu.
type restWorld struct {
	dms          map[discord.Snowflake]discord.Snowflake // recipient → DM channel
	webhooks     map[discord.Snowflake]*discord.Webhook  // with their tokens
	commands     map[discord.Snowflake]*storedCommand
	commandOrder []discord.Snowflake
	appEmojis    []discord.Emoji
	interactions map[discord.Snowflake]*interactionState
	files        map[string]storedFile // attachment URL path → content
}

// reaction is one emoji's reactions on a message.
type reaction struct {
	emoji discord.Emoji
	users []discord.Snowflake
}

// storedFile is an uploaded attachment the emulator serves.
type storedFile struct {
	contentType string
	data        []byte
}

func newRESTWorld() restWorld {
	return restWorld{
		dms:          map[discord.Snowflake]discord.Snowflake{},
		webhooks:     map[discord.Snowflake]*discord.Webhook{},
		commands:     map[discord.Snowflake]*storedCommand{},
		interactions: map[discord.Snowflake]*interactionState{},
		files:        map[string]storedFile{},
	}
}

// The lookups below hold w.mu and answer with Discord's unknown-resource
// errors.

func (w *world) guild(id discord.Snowflake) (*guildState, error) {
	g, ok := w.guilds[id]
	if !ok {
		return nil, discordError(10004)
	}
	return g, nil
}

func (w *world) user(id discord.Snowflake) (*discord.User, error) {
	u, ok := w.users[id]
	if !ok {
		return nil, discordError(10013)
	}
	return u, nil
}

// channel returns a channel the bot can see: a DM of the bot, or a channel
// of a guild the bot is in with VIEW_CHANNEL (50001 Missing Access without).
func (w *world) channel(id discord.Snowflake) (*channelState, error) {
	cs, ok := w.channels[id]
	if !ok {
		return nil, discordError(10003)
	}
	if cs.channel.GuildID == 0 {
		return cs, nil
	}
	g, ok := w.guilds[cs.channel.GuildID]
	if !ok || g.members[w.bot.ID] == nil {
		return nil, discordError(10003)
	}
	if !w.channelPermissions(cs, w.bot.ID).Has(discord.PermissionViewChannel) {
		return nil, discordError(50001)
	}
	return cs, nil
}

// message finds a message of a channel by ID.
func (cs *channelState) message(id discord.Snowflake) (*discord.Message, int, error) {
	i := sort.Search(len(cs.messages), func(i int) bool { return cs.messages[i].ID >= id })
	if i == len(cs.messages) || cs.messages[i].ID != id {
		return nil, -1, discordError(10008)
	}
	return cs.messages[i], i, nil
}

// member finds a member of a guild.
func (g *guildState) member(id discord.Snowflake) (*discord.Member, error) {
	m, ok := g.members[id]
	if !ok {
		return nil, discordError(10007)
	}
	return m, nil
}

// role finds a role of a guild and its index in guild.Roles.
func (g *guildState) role(id discord.Snowflake) (*discord.Role, int, error) {
	for i := range g.guild.Roles {
		if g.guild.Roles[i].ID == id {
			return &g.guild.Roles[i], i, nil
		}
	}
	return nil, -1, discordError(10011)
}

// render returns a message as Discord sends it: with its reactions, seen
// from the bot.
func (w *world) render(cs *channelState, m *discord.Message) discord.Message {
	out := *m
	out.Reactions = nil
	for _, r := range cs.reactions[m.ID] {
		me := false
		for _, u := range r.users {
			me = me || u == w.bot.ID
		}
		out.Reactions = append(out.Reactions, discord.Reaction{
			Emoji: r.emoji, Count: len(r.users), Me: me, BurstColors: []string{},
			CountDetails: discord.ReactionCountDetails{Normal: len(r.users)},
		})
	}
	return out
}

// withGuild adds guild_id and the author's member to a message, as the
// gateway's MESSAGE_CREATE and MESSAGE_UPDATE carry them.
func (w *world) withGuild(cs *channelState, m discord.Message) discord.Message {
	m.GuildID = cs.channel.GuildID
	if g, ok := w.guilds[cs.channel.GuildID]; ok && m.Author != nil && m.WebhookID == 0 {
		if member, ok := g.members[m.Author.ID]; ok {
			mm := *member
			mm.User = nil
			m.Member = &mm
		}
	}
	return m
}

// dmChannel returns the DM channel between the bot and a user, creating it.
func (w *world) dmChannel(u *discord.User) *channelState {
	if id, ok := w.rest.dms[u.ID]; ok {
		return w.channels[id]
	}
	c := discord.Channel{ID: w.newID(), Type: discord.ChannelTypeDM, Recipients: []discord.User{*u}}
	cs := &channelState{channel: c}
	w.channels[c.ID] = cs
	w.rest.dms[u.ID] = c.ID
	return cs
}

// DMChannel returns the DM channel between the bot and a user, opening it if
// needed, so a test can send a direct message to the bot with SendMessage. It
// reports false for an unknown user.
func (s *Server) DMChannel(userID discord.Snowflake) (discord.Channel, bool) {
	w := s.world
	w.mu.Lock()
	defer w.mu.Unlock()
	u, ok := w.users[userID]
	if !ok {
		return discord.Channel{}, false
	}
	return w.dmChannel(u).channel, true
}

// now is the emulator's clock, set by WithClock.
func (s *Server) now() time.Time { return s.cfg.clock() }

// newToken returns a random token for webhooks and interactions.
func newToken(n int) string {
	b := make([]byte, n)
	rand.Read(b)
	return base64.RawURLEncoding.EncodeToString(b)
}

// timestamp is the current time as Discord's timestamps carry it.
func timestamp() time.Time { return time.Now().UTC().Truncate(time.Millisecond) }

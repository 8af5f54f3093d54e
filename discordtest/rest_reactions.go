package discordtest

import (
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/cordage/cordage/discord"
)

// The handlers in this file serve reactions, pins and the typing indicator.

// maxReactions is how many different emojis a message may carry.
const maxReactions = 20

// parseEmoji reads the emoji of a reaction route: a Unicode emoji, or
// name:id for a custom emoji of a guild the bot is in (10014 Unknown Emoji
// otherwise). It holds w.mu.
func (w *world) parseEmoji(s string) (discord.Emoji, error) {
	_, idText, custom := strings.Cut(strings.TrimPrefix(s, "a:"), ":")
	if !custom {
		if s == "" || !hasNonASCII(s) {
			return discord.Emoji{}, discordError(10014)
		}
		return discord.Emoji{Name: s}, nil
	}
	id, err := discord.ParseSnowflake(idText)
	if err != nil {
		return discord.Emoji{}, discordError(10014)
	}
	for _, g := range w.guilds {
		for _, e := range g.guild.Emojis {
			if e.ID == id {
				return discord.Emoji{ID: id, Name: e.Name, Animated: e.Animated}, nil
			}
		}
	}
	for _, e := range w.rest.appEmojis {
		if e.ID == id {
			return discord.Emoji{ID: id, Name: e.Name, Animated: e.Animated}, nil
		}
	}
	return discord.Emoji{}, discordError(10014)
}

func hasNonASCII(s string) bool {
	for _, r := range s {
		if r >= utf8.RuneSelf {
			return true
		}
	}
	return false
}

// eventEmoji is an emoji as reaction events carry it: id null for a Unicode
// emoji.
func eventEmoji(e discord.Emoji) map[string]any {
	out := map[string]any{"id": nil, "name": e.Name}
	if e.ID != 0 {
		out["id"] = e.ID
	}
	if e.Animated {
		out["animated"] = true
	}
	return out
}

func sameEmoji(a, b discord.Emoji) bool {
	if a.ID != 0 || b.ID != 0 {
		return a.ID == b.ID
	}
	return a.Name == b.Name
}

// reactionTarget finds the channel, message and emoji of a reaction route.
// It holds w.mu.
func (c *call) reactionTarget(w *world, withEmoji bool) (*channelState, *discord.Message, discord.Emoji, error) {
	cs, err := w.channel(c.snowflake("channel_id"))
	if err != nil {
		return nil, nil, discord.Emoji{}, err
	}
	if err := w.requireChannel(cs, discord.PermissionReadMessageHistory); err != nil {
		return nil, nil, discord.Emoji{}, err
	}
	m, _, err := cs.message(c.snowflake("message_id"))
	if err != nil {
		return nil, nil, discord.Emoji{}, err
	}
	var e discord.Emoji
	if withEmoji {
		if e, err = w.parseEmoji(c.params["emoji_name"]); err != nil {
			return nil, nil, discord.Emoji{}, err
		}
	}
	return cs, m, e, nil
}

// reactionEvent is the payload of MESSAGE_REACTION_ADD and _REMOVE.
type reactionEvent struct {
	UserID          discord.Snowflake `json:"user_id"`
	ChannelID       discord.Snowflake `json:"channel_id"`
	MessageID       discord.Snowflake `json:"message_id"`
	GuildID         discord.Snowflake `json:"guild_id,omitzero"`
	Member          *discord.Member   `json:"member,omitempty"`
	Emoji           map[string]any    `json:"emoji"`
	MessageAuthorID discord.Snowflake `json:"message_author_id,omitzero"`
	Burst           bool              `json:"burst"`
	BurstColors     []string          `json:"burst_colors,omitempty"`
	Type            int               `json:"type"`
}

func (c *call) addReaction() (any, error) {
	w := c.s.world
	w.mu.Lock()
	cs, m, e, err := c.reactionTarget(w, true)
	if err != nil {
		w.mu.Unlock()
		return nil, err
	}
	list := cs.reactions[m.ID]
	i := slices.IndexFunc(list, func(r *reaction) bool { return sameEmoji(r.emoji, e) })
	if i < 0 {
		if err := w.requireChannel(cs, discord.PermissionAddReactions); err != nil {
			w.mu.Unlock()
			return nil, err
		}
		if len(list) >= maxReactions {
			w.mu.Unlock()
			return nil, discordError(30010)
		}
		if cs.reactions == nil {
			cs.reactions = map[discord.Snowflake][]*reaction{}
		}
		cs.reactions[m.ID] = append(list, &reaction{emoji: e})
		i = len(list)
	}
	r := cs.reactions[m.ID][i]
	if containsID(r.users, w.bot.ID) {
		w.mu.Unlock()
		return nil, nil
	}
	r.users = append(r.users, w.bot.ID)
	ev := reactionEvent{UserID: w.bot.ID, ChannelID: cs.channel.ID, MessageID: m.ID, GuildID: cs.channel.GuildID, Emoji: eventEmoji(e), BurstColors: []string{}}
	if m.Author != nil {
		ev.MessageAuthorID = m.Author.ID
	}
	if g, ok := w.guilds[cs.channel.GuildID]; ok {
		if member, ok := g.members[w.bot.ID]; ok {
			mm := *member
			ev.Member = &mm
		}
	}
	w.mu.Unlock()
	c.s.Emit("MESSAGE_REACTION_ADD", ev.GuildID, ev)
	return nil, nil
}

// removeReaction removes one user's reaction: the bot's own for "@me",
// anyone's with MANAGE_MESSAGES.
func (c *call) removeReaction() (any, error) {
	w := c.s.world
	w.mu.Lock()
	cs, m, e, err := c.reactionTarget(w, true)
	user := w.bot.ID
	if err == nil && c.params["user_id"] != "" {
		user = c.snowflake("user_id")
		if user != w.bot.ID {
			err = w.requireChannel(cs, discord.PermissionManageMessages)
		}
	}
	if err != nil {
		w.mu.Unlock()
		return nil, err
	}
	list := cs.reactions[m.ID]
	i := slices.IndexFunc(list, func(r *reaction) bool { return sameEmoji(r.emoji, e) })
	if i < 0 || !containsID(list[i].users, user) {
		w.mu.Unlock()
		return nil, nil
	}
	r := list[i]
	r.users = slices.DeleteFunc(r.users, func(id discord.Snowflake) bool { return id == user })
	if len(r.users) == 0 {
		cs.reactions[m.ID] = slices.Delete(list, i, i+1)
	}
	ev := reactionEvent{UserID: user, ChannelID: cs.channel.ID, MessageID: m.ID, GuildID: cs.channel.GuildID, Emoji: eventEmoji(e)}
	w.mu.Unlock()
	c.s.Emit("MESSAGE_REACTION_REMOVE", ev.GuildID, ev)
	return nil, nil
}

// removeReactions removes every reaction of a message, or of one emoji.
func (c *call) removeReactions() (any, error) {
	_, oneEmoji := c.params["emoji_name"]
	w := c.s.world
	w.mu.Lock()
	cs, m, e, err := c.reactionTarget(w, oneEmoji)
	if err == nil {
		err = w.requireChannel(cs, discord.PermissionManageMessages)
	}
	if err != nil {
		w.mu.Unlock()
		return nil, err
	}
	base := map[string]any{"channel_id": cs.channel.ID, "message_id": m.ID}
	if cs.channel.GuildID != 0 {
		base["guild_id"] = cs.channel.GuildID
	}
	event := "MESSAGE_REACTION_REMOVE_ALL"
	if oneEmoji {
		event = "MESSAGE_REACTION_REMOVE_EMOJI"
		base["emoji"] = eventEmoji(e)
		if list := cs.reactions[m.ID]; list != nil {
			cs.reactions[m.ID] = slices.DeleteFunc(list, func(r *reaction) bool { return sameEmoji(r.emoji, e) })
		}
	} else {
		delete(cs.reactions, m.ID)
	}
	guildID := cs.channel.GuildID
	w.mu.Unlock()
	c.s.Emit(event, guildID, base)
	return nil, nil
}

func (c *call) listReactions() (any, error) {
	after := c.querySnowflake("after")
	limit := c.queryInt("limit", 25)
	w := c.s.world
	w.mu.Lock()
	defer w.mu.Unlock()
	cs, m, e, err := c.reactionTarget(w, true)
	if err != nil {
		return nil, err
	}
	out := []discord.User{}
	if c.queryInt("type", 0) != 0 {
		return out, nil // no super reactions in the emulator
	}
	for _, r := range cs.reactions[m.ID] {
		if !sameEmoji(r.emoji, e) {
			continue
		}
		ids := slices.Clone(r.users)
		slices.Sort(ids)
		for _, id := range ids {
			if id > after && len(out) < limit {
				if u, ok := w.users[id]; ok {
					out = append(out, *u)
				}
			}
		}
	}
	return out, nil
}

// pin pins (on true) or unpins a message: MESSAGE_UPDATE, CHANNEL_PINS_UPDATE
// and, for a pin, the "pinned a message" system message.
func (c *call) pin(on bool) (any, error) {
	w := c.s.world
	w.mu.Lock()
	cs, err := w.channel(c.snowflake("channel_id"))
	var m *discord.Message
	if err == nil {
		m, _, err = cs.message(c.snowflake("message_id"))
	}
	if err == nil && cs.channel.GuildID != 0 && w.requireChannel(cs, discord.PermissionPinMessages) != nil {
		err = w.requireChannel(cs, discord.PermissionManageMessages)
	}
	if err != nil {
		w.mu.Unlock()
		return nil, err
	}
	if m.Pinned == on {
		w.mu.Unlock()
		return nil, nil
	}
	m.Pinned = on
	if cs.pins == nil {
		cs.pins = map[discord.Snowflake]time.Time{}
	}
	if on {
		cs.pins[m.ID] = timestamp()
	} else {
		delete(cs.pins, m.ID)
	}
	var last *time.Time
	for _, t := range cs.pins {
		if last == nil || t.After(*last) {
			last = &t
		}
	}
	updated := w.withGuild(cs, w.render(cs, m))
	var system *discord.Message
	if on {
		sys, _ := c.s.newMessage(w, cs, w.bot, messageInput{}, nil)
		sys.Type = discord.MessageTypeChannelPinnedMessage
		sys.MessageReference = &discord.MessageReference{ChannelID: cs.channel.ID, MessageID: m.ID, GuildID: cs.channel.GuildID}
		ev := w.withGuild(cs, w.render(cs, sys))
		system = &ev
	}
	guildID := cs.channel.GuildID
	w.mu.Unlock()
	c.s.emitMessage("MESSAGE_UPDATE", guildID, updated)
	pins := map[string]any{"channel_id": cs.channel.ID, "last_pin_timestamp": last}
	if guildID != 0 {
		pins["guild_id"] = guildID
	}
	c.s.Emit("CHANNEL_PINS_UPDATE", guildID, pins)
	if system != nil {
		c.s.emitMessage("MESSAGE_CREATE", guildID, *system)
	}
	return nil, nil
}

func (c *call) createPin() (any, error) { return c.pin(true) }
func (c *call) deletePin() (any, error) { return c.pin(false) }

// pinnedMessages lists a channel's pins, newest pin first.
func (c *call) pinnedMessages() ([]discord.Message, []time.Time, error) {
	w := c.s.world
	w.mu.Lock()
	defer w.mu.Unlock()
	cs, err := w.channel(c.snowflake("channel_id"))
	if err != nil {
		return nil, nil, err
	}
	ids := make([]discord.Snowflake, 0, len(cs.pins))
	for id := range cs.pins {
		ids = append(ids, id)
	}
	slices.SortFunc(ids, func(a, b discord.Snowflake) int { return cs.pins[b].Compare(cs.pins[a]) })
	msgs, times := []discord.Message{}, []time.Time{}
	for _, id := range ids {
		if m, _, err := cs.message(id); err == nil {
			msgs = append(msgs, w.render(cs, m))
			times = append(times, cs.pins[id])
		}
	}
	return msgs, times, nil
}

func (c *call) listPinsDeprecated() (any, error) {
	msgs, _, err := c.pinnedMessages()
	if err != nil {
		return nil, err
	}
	return msgs, nil
}

func (c *call) listPins() (any, error) {
	msgs, times, err := c.pinnedMessages()
	if err != nil {
		return nil, err
	}
	limit := c.queryInt("limit", 50)
	var before time.Time
	if b := c.r.URL.Query().Get("before"); b != "" {
		before, _ = time.Parse(time.RFC3339, b)
	}
	items := []map[string]any{}
	hasMore := false
	for i, m := range msgs {
		if !before.IsZero() && !times[i].Before(before) {
			continue
		}
		if len(items) == limit {
			hasMore = true
			break
		}
		items = append(items, map[string]any{"pinned_at": times[i], "message": m})
	}
	return map[string]any{"items": items, "has_more": hasMore}, nil
}

func (c *call) triggerTyping() (any, error) {
	w := c.s.world
	w.mu.Lock()
	cs, err := w.channel(c.snowflake("channel_id"))
	if err == nil {
		err = w.requireChannel(cs, discord.PermissionSendMessages)
	}
	if err != nil {
		w.mu.Unlock()
		return nil, err
	}
	ev := map[string]any{"channel_id": cs.channel.ID, "user_id": w.bot.ID, "timestamp": time.Now().Unix()}
	if g, ok := w.guilds[cs.channel.GuildID]; ok {
		ev["guild_id"] = g.guild.ID
		if m, ok := g.members[w.bot.ID]; ok {
			ev["member"] = *m
		}
	}
	guildID := cs.channel.GuildID
	w.mu.Unlock()
	c.s.Emit("TYPING_START", guildID, ev)
	return nil, nil
}

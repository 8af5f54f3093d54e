package discordtest

import (
	"fmt"
	"slices"
	"strings"

	"github.com/cordage/cordage/discord"
)

// The handlers in this file serve webhooks: create, list, get, modify and
// delete (with the bot's token or the webhook's), execute with wait=true or
// not, and the webhook's messages. Changes to webhooks send WEBHOOKS_UPDATE;
// executions send MESSAGE_*. A webhook route whose webhook_id is the
// application's ID serves an interaction's follow-ups instead
// (rest_interactions.go).

// maxWebhooks is how many webhooks a channel may have.
const maxWebhooks = 15

// hookView is a webhook as an answer shows it: with its token and URL for
// the bot's token, without its user for the webhook's token.
func (s *Server) hookView(h *discord.Webhook, byToken bool) discord.Webhook {
	out := *h
	out.URL = fmt.Sprintf("%s/webhooks/%d/%s", s.URL(), h.ID, h.Token)
	if byToken {
		out.User = nil
	}
	return out
}

// webhook finds the webhook of a route. With a token in the path the token
// must match (50027); with the bot's token the bot needs MANAGE_WEBHOOKS in
// the webhook's channel. It holds w.mu.
func (c *call) webhook(w *world) (*discord.Webhook, error) {
	h, ok := w.rest.webhooks[c.snowflake("webhook_id")]
	if !ok {
		return nil, discordError(10015)
	}
	if token, byToken := c.params["webhook_token"]; byToken {
		if token != h.Token {
			return nil, discordError(50027)
		}
		return h, nil
	}
	cs, err := w.channel(h.ChannelID)
	if err != nil {
		return nil, discordError(10015)
	}
	return h, w.requireChannel(cs, discord.PermissionManageWebhooks)
}

// checkWebhookName applies Discord's rule on webhook names.
func checkWebhookName(name string) error {
	lower := strings.ToLower(name)
	for _, bad := range []string{"clyde", "discord"} {
		if strings.Contains(lower, bad) {
			return fieldFail("USERNAME_INVALID_CONTAINS", fmt.Sprintf("Username cannot contain %q", bad), "name")
		}
	}
	return nil
}

func (c *call) createWebhook() (any, error) {
	name := c.str("name")
	if err := checkWebhookName(name); err != nil {
		return nil, err
	}
	w := c.s.world
	w.mu.Lock()
	cs, err := w.channel(c.snowflake("channel_id"))
	if err == nil && cs.channel.GuildID == 0 {
		err = discordError(50003)
	}
	if err == nil {
		err = w.requireChannel(cs, discord.PermissionManageWebhooks)
	}
	if err == nil {
		n := 0
		for _, h := range w.rest.webhooks {
			if h.ChannelID == cs.channel.ID {
				n++
			}
		}
		if n >= maxWebhooks {
			err = discordError(30007)
		}
	}
	if err != nil {
		w.mu.Unlock()
		return nil, err
	}
	bot := w.bot
	h := &discord.Webhook{ID: w.newID(), Type: discord.WebhookTypeIncoming, Name: name, ChannelID: cs.channel.ID,
		GuildID: cs.channel.GuildID, ApplicationID: w.app.ID, User: &bot, Token: newToken(51), Avatar: imageHash(c.str("avatar"))}
	w.rest.webhooks[h.ID] = h
	out := c.s.hookView(h, false)
	w.mu.Unlock()
	c.s.Emit("WEBHOOKS_UPDATE", h.GuildID, map[string]any{"guild_id": h.GuildID, "channel_id": h.ChannelID})
	return out, nil
}

// listWebhooks answers a channel's or a guild's webhooks.
func (c *call) listWebhooks() (any, error) {
	w := c.s.world
	w.mu.Lock()
	defer w.mu.Unlock()
	var keep func(h *discord.Webhook) bool
	if _, ok := c.params["channel_id"]; ok {
		cs, err := w.channel(c.snowflake("channel_id"))
		if err == nil {
			err = w.requireChannel(cs, discord.PermissionManageWebhooks)
		}
		if err != nil {
			return nil, err
		}
		keep = func(h *discord.Webhook) bool { return h.ChannelID == cs.channel.ID }
	} else {
		g, err := c.botGuild(w)
		if err == nil {
			err = w.requireGuild(g, discord.PermissionManageWebhooks)
		}
		if err != nil {
			return nil, err
		}
		keep = func(h *discord.Webhook) bool { return h.GuildID == g.guild.ID }
	}
	out := []discord.Webhook{}
	for _, h := range w.rest.webhooks {
		if keep(h) {
			out = append(out, c.s.hookView(h, false))
		}
	}
	slices.SortFunc(out, func(a, b discord.Webhook) int { return int(min(max(int64(a.ID)-int64(b.ID), -1), 1)) })
	return out, nil
}

func (c *call) getWebhook() (any, error) {
	w := c.s.world
	w.mu.Lock()
	defer w.mu.Unlock()
	h, err := c.webhook(w)
	if err != nil {
		return nil, err
	}
	_, byToken := c.params["webhook_token"]
	return c.s.hookView(h, byToken), nil
}

func (c *call) updateWebhook() (any, error) {
	_, byToken := c.params["webhook_token"]
	if c.has("name") {
		if err := checkWebhookName(c.str("name")); err != nil {
			return nil, err
		}
	}
	w := c.s.world
	w.mu.Lock()
	h, err := c.webhook(w)
	oldChannel := discord.Snowflake(0)
	if err == nil && !byToken && c.has("channel_id") {
		var to discord.Snowflake
		c.field("channel_id", &to)
		cs, e := w.channel(to)
		if e == nil && cs.channel.GuildID != h.GuildID {
			e = discordError(10003)
		}
		if e == nil {
			e = w.requireChannel(cs, discord.PermissionManageWebhooks)
		}
		if err = e; err == nil {
			oldChannel, h.ChannelID = h.ChannelID, to
		}
	}
	if err != nil {
		w.mu.Unlock()
		return nil, err
	}
	if c.has("name") {
		h.Name = c.str("name")
	}
	if c.has("avatar") {
		h.Avatar = imageHash(c.str("avatar"))
	}
	out := c.s.hookView(h, byToken)
	w.mu.Unlock()
	c.s.Emit("WEBHOOKS_UPDATE", h.GuildID, map[string]any{"guild_id": h.GuildID, "channel_id": h.ChannelID})
	if oldChannel != 0 {
		c.s.Emit("WEBHOOKS_UPDATE", h.GuildID, map[string]any{"guild_id": h.GuildID, "channel_id": oldChannel})
	}
	return out, nil
}

func (c *call) deleteWebhook() (any, error) {
	w := c.s.world
	w.mu.Lock()
	h, err := c.webhook(w)
	if err != nil {
		w.mu.Unlock()
		return nil, err
	}
	delete(w.rest.webhooks, h.ID)
	w.mu.Unlock()
	c.s.Emit("WEBHOOKS_UPDATE", h.GuildID, map[string]any{"guild_id": h.GuildID, "channel_id": h.ChannelID})
	return nil, nil
}

// isInteractionHook reports whether a webhook route addresses an
// interaction's webhook (the application's ID and an interaction token).
func (c *call) isInteractionHook() bool {
	return c.snowflake("webhook_id") == c.s.ApplicationID()
}

func (c *call) executeWebhook() (any, error) {
	if c.isInteractionHook() {
		return c.createFollowup()
	}
	in := c.input()
	if err := in.checkV2(); err != nil {
		return nil, err
	}
	w := c.s.world
	w.mu.Lock()
	h, err := c.webhook(w)
	var cs *channelState
	if err == nil {
		cs, err = w.channel(h.ChannelID)
		if tid := c.querySnowflake("thread_id"); err == nil && tid != 0 {
			cs, err = w.channel(tid)
		}
	}
	if err == nil && in.empty(c.files) {
		err = discordError(50006)
	}
	if err != nil {
		w.mu.Unlock()
		return nil, err
	}
	author := discord.User{ID: h.ID, Username: h.Name, Avatar: h.Avatar, Discriminator: "0000", Bot: true}
	if in.Username != "" {
		author.Username = in.Username
	}
	m, err := c.s.newMessage(w, cs, author, in, c.files)
	if err != nil {
		w.mu.Unlock()
		return nil, err
	}
	m.WebhookID = h.ID
	if h.Type == discord.WebhookTypeApplication {
		m.ApplicationID = h.ApplicationID
	}
	out := w.render(cs, m)
	event := w.withGuild(cs, out)
	w.mu.Unlock()
	c.s.emitMessage("MESSAGE_CREATE", event.GuildID, event)
	if !c.queryBool("wait") {
		return nil, nil
	}
	c.status = 200
	return out, nil
}

// hookMessage finds a message a webhook sent. It holds w.mu.
func (c *call) hookMessage(w *world) (*channelState, *discord.Message, int, error) {
	h, err := c.webhook(w)
	if err != nil {
		return nil, nil, -1, err
	}
	if c.params["message_id"] == "@original" {
		return nil, nil, -1, discordError(10008)
	}
	channelID := h.ChannelID
	if tid := c.querySnowflake("thread_id"); tid != 0 {
		channelID = tid
	}
	cs, ok := w.channels[channelID]
	if !ok {
		return nil, nil, -1, discordError(10003)
	}
	m, i, err := cs.message(c.snowflake("message_id"))
	if err != nil || m.WebhookID != h.ID {
		return nil, nil, -1, discordError(10008)
	}
	return cs, m, i, nil
}

func (c *call) getWebhookMessage() (any, error) {
	if c.isInteractionHook() {
		return c.getInteractionMessage()
	}
	w := c.s.world
	w.mu.Lock()
	defer w.mu.Unlock()
	cs, m, _, err := c.hookMessage(w)
	if err != nil {
		return nil, err
	}
	return w.render(cs, m), nil
}

func (c *call) updateWebhookMessage() (any, error) {
	if c.isInteractionHook() {
		return c.updateInteractionMessage()
	}
	w := c.s.world
	w.mu.Lock()
	cs, m, _, err := c.hookMessage(w)
	if err == nil {
		err = c.s.editMessage(w, cs, m, c)
	}
	if err != nil {
		w.mu.Unlock()
		return nil, err
	}
	out := w.render(cs, m)
	event := w.withGuild(cs, out)
	w.mu.Unlock()
	c.s.emitMessage("MESSAGE_UPDATE", event.GuildID, event)
	return out, nil
}

func (c *call) deleteWebhookMessage() (any, error) {
	if c.isInteractionHook() {
		return c.deleteInteractionMessage()
	}
	w := c.s.world
	w.mu.Lock()
	cs, m, i, err := c.hookMessage(w)
	if err != nil {
		w.mu.Unlock()
		return nil, err
	}
	cs.removeMessage(i)
	guildID := cs.channel.GuildID
	w.mu.Unlock()
	c.s.Emit("MESSAGE_DELETE", guildID, messageDelete{ID: m.ID, ChannelID: cs.channel.ID, GuildID: guildID})
	return nil, nil
}

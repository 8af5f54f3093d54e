package discordtest

import (
	"encoding/json"
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"time"

	"github.com/cordage/cordage/discord"
)

// The handlers in this file serve messages: list, get, create (JSON or
// multipart with files), edit, delete, bulk delete and crosspost. Each
// change sends its MESSAGE_* event.

// messageInput is the body of a request that creates or edits a message:
// channel messages, webhook executions and interaction responses.
type messageInput struct {
	Content          string                     `json:"content"`
	Embeds           []discord.Embed            `json:"embeds"`
	Components       discord.Components         `json:"components"`
	Flags            discord.MessageFlags       `json:"flags"`
	TTS              bool                       `json:"tts"`
	Nonce            discord.Nonce              `json:"nonce"`
	EnforceNonce     bool                       `json:"enforce_nonce"`
	StickerIDs       []discord.Snowflake        `json:"sticker_ids"`
	AllowedMentions  *allowedMentions           `json:"allowed_mentions"`
	MessageReference *discord.MessageReference  `json:"message_reference"`
	Attachments      []attachmentMeta           `json:"attachments"`
	Poll             *discord.CreatePollRequest `json:"poll"`
	// Webhook executions only.
	Username  string `json:"username"`
	AvatarURL string `json:"avatar_url"`
}

type allowedMentions struct {
	Parse       []string            `json:"parse"`
	Users       []discord.Snowflake `json:"users"`
	Roles       []discord.Snowflake `json:"roles"`
	RepliedUser bool                `json:"replied_user"`
}

// input decodes the body as a message, as Discord stores it: embeds are
// rich unless they say otherwise, components are numbered and selects have
// their default bounds.
func (c *call) input() messageInput {
	var in messageInput
	if comps, ok := c.obj()["components"].([]any); ok {
		next := 0
		numberComponents(comps, &next)
	}
	c.decode(&in)
	if c.has("attachments") && in.Attachments == nil {
		in.Attachments = []attachmentMeta{}
	}
	for i := range in.Embeds {
		if in.Embeds[i].Type == "" {
			in.Embeds[i].Type = "rich"
		}
	}
	return in
}

// numberComponents gives every component without an id the next number,
// depth first, and select menus their default min_values and max_values of
// 1, as Discord does when it stores a message.
func numberComponents(list []any, next *int) {
	for _, x := range list {
		comp, ok := x.(map[string]any)
		if !ok {
			continue
		}
		*next++
		if id, ok := comp["id"]; !ok || id == nil || fmt.Sprint(id) == "0" {
			comp["id"] = json.Number(strconv.Itoa(*next))
		}
		switch fmt.Sprint(comp["type"]) {
		case "3", "5", "6", "7", "8":
			for _, k := range []string{"min_values", "max_values"} {
				if _, ok := comp[k]; !ok {
					comp[k] = json.Number("1")
				}
			}
		}
		for _, k := range []string{"components", "accessory"} {
			switch child := comp[k].(type) {
			case []any:
				numberComponents(child, next)
			case map[string]any:
				numberComponents([]any{child}, next)
			}
		}
	}
}

// empty reports whether a new message would have nothing to show.
func (in *messageInput) empty(files []upload) bool {
	return in.Content == "" && len(in.Embeds) == 0 && len(in.StickerIDs) == 0 && len(in.Components) == 0 &&
		in.Poll == nil && len(files) == 0
}

// checkV2 rejects the fields a Components V2 message may not have.
func (in *messageInput) checkV2() error {
	if !in.Flags.Has(discord.MessageFlagIsComponentsV2) {
		return nil
	}
	for field, set := range map[string]bool{"content": in.Content != "", "embeds": len(in.Embeds) > 0,
		"poll": in.Poll != nil, "sticker_ids": len(in.StickerIDs) > 0} {
		if set {
			return fieldFail("MESSAGE_CANNOT_USE_LEGACY_FIELDS_WITH_COMPONENTS_V2",
				"The 'content', 'embeds', 'sticker_ids' and 'poll' fields cannot be used when using MessageFlags.IS_COMPONENTS_V2", field)
		}
	}
	return nil
}

var (
	userMention     = regexp.MustCompile(`<@!?(\d+)>`)
	roleMention     = regexp.MustCompile(`<@&(\d+)>`)
	everyoneMention = regexp.MustCompile(`@(everyone|here)\b`)
)

// mentions parses the mentions of a message's content, as allowed_mentions
// permits. It holds w.mu.
func (w *world) mentions(cs *channelState, content string, allowed *allowedMentions, canEveryone bool) ([]discord.User, []discord.Snowflake, bool) {
	parse := func(kind string, id discord.Snowflake, list []discord.Snowflake) bool {
		return allowed == nil || slices.Contains(allowed.Parse, kind) || slices.Contains(list, id)
	}
	users, roles := []discord.User{}, []discord.Snowflake{}
	for _, m := range userMention.FindAllStringSubmatch(content, -1) {
		id, _ := discord.ParseSnowflake(m[1])
		if u, ok := w.users[id]; ok && parse("users", id, allowedList(allowed, true)) &&
			!slices.ContainsFunc(users, func(x discord.User) bool { return x.ID == id }) {
			users = append(users, *u)
		}
	}
	if g, ok := w.guilds[cs.channel.GuildID]; ok {
		for _, m := range roleMention.FindAllStringSubmatch(content, -1) {
			id, _ := discord.ParseSnowflake(m[1])
			if _, _, err := g.role(id); err == nil && parse("roles", id, allowedList(allowed, false)) && !containsID(roles, id) {
				roles = append(roles, id)
			}
		}
	}
	everyone := canEveryone && (allowed == nil || slices.Contains(allowed.Parse, "everyone")) &&
		everyoneMention.MatchString(content)
	return users, roles, everyone
}

func allowedList(a *allowedMentions, users bool) []discord.Snowflake {
	if a == nil {
		return nil
	}
	if users {
		return a.Users
	}
	return a.Roles
}

// newMessage builds a message from an input, stores it in the channel and
// returns it. It holds w.mu; the caller sends MESSAGE_CREATE.
func (s *Server) newMessage(w *world, cs *channelState, author discord.User, in messageInput, files []upload) (*discord.Message, error) {
	canEveryone := w.channelPermissions(cs, author.ID).Has(discord.PermissionMentionEveryone)
	users, roles, everyone := w.mentions(cs, in.Content, in.AllowedMentions, canEveryone || author.ID != w.bot.ID)
	m := &discord.Message{
		ID: w.newID(), ChannelID: cs.channel.ID, Author: &author, Content: in.Content, Timestamp: timestamp(),
		Type: discord.MessageTypeDefault, Mentions: users, MentionRoles: roles, MentionEveryone: everyone,
		Attachments: s.storeAttachments(w, cs.channel.ID, files, in.Attachments),
		Embeds:      orEmpty(in.Embeds), Components: in.Components, Nonce: in.Nonce,
		Flags: in.Flags & (discord.MessageFlagSuppressEmbeds | discord.MessageFlagSuppressNotifications |
			discord.MessageFlagIsComponentsV2 | discord.MessageFlagEphemeral | discord.MessageFlagIsVoiceMessage),
	}
	if m.Components == nil {
		m.Components = discord.Components{}
	}
	if in.TTS && w.channelPermissions(cs, author.ID).Has(discord.PermissionSendTTSMessages) {
		m.TTS = true
	}
	if in.Poll != nil {
		m.Poll = newPoll(in.Poll)
	}
	if ref := in.MessageReference; ref != nil && ref.MessageID != 0 {
		target, ok := w.channels[ref.ChannelID]
		if ref.ChannelID == 0 {
			target, ok = cs, true
		}
		var refMsg *discord.Message
		if ok {
			refMsg, _, _ = target.message(ref.MessageID)
		}
		if refMsg == nil {
			if fail, set := ref.FailIfNotExists.Get(); !set || fail {
				return nil, fieldFail("MESSAGE_REFERENCE_UNKNOWN_MESSAGE", "Unknown message", "message_reference")
			}
		} else {
			m.Type = discord.MessageTypeReply
			m.MessageReference = &discord.MessageReference{Type: ref.Type, ChannelID: target.channel.ID,
				MessageID: refMsg.ID, GuildID: target.channel.GuildID}
			referenced := w.render(target, refMsg)
			m.ReferencedMessage = &referenced
		}
	}
	cs.messages = append(cs.messages, m)
	cs.channel.LastMessageID = m.ID
	if isThread(cs.channel.Type) {
		cs.channel.MessageCount++
		cs.channel.TotalMessageSent++
	}
	return m, nil
}

// newPoll turns a poll request into the poll a message carries.
func newPoll(p *discord.CreatePollRequest) *discord.Poll {
	hours := p.Duration
	if hours == 0 {
		hours = 24
	}
	poll := &discord.Poll{Question: p.Question, AllowMultiselect: p.AllowMultiselect, LayoutType: p.LayoutType,
		Expiry: timestamp().Add(time.Duration(hours) * time.Hour), Results: discord.PollResults{AnswerCounts: []discord.PollAnswerCount{}}}
	if poll.LayoutType == 0 {
		poll.LayoutType = 1
	}
	for i, a := range p.Answers {
		a.AnswerID = i + 1
		poll.Answers = append(poll.Answers, a)
	}
	return poll
}

func orEmpty[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}

// textChannel reports whether a channel type holds messages.
func textChannel(t discord.ChannelType) bool {
	switch t {
	case discord.ChannelTypeGuildCategory, discord.ChannelTypeGuildForum, discord.ChannelTypeGuildMedia, discord.ChannelTypeGuildDirectory:
		return false
	}
	return true
}

func (c *call) createMessage() (any, error) {
	in := c.input()
	if err := in.checkV2(); err != nil {
		return nil, err
	}
	w := c.s.world
	w.mu.Lock()
	cs, err := w.channel(c.snowflake("channel_id"))
	if err != nil {
		w.mu.Unlock()
		return nil, err
	}
	send := discord.PermissionSendMessages
	if isThread(cs.channel.Type) {
		send = discord.PermissionSendMessagesInThreads
	}
	switch {
	case !textChannel(cs.channel.Type):
		err = discordError(50008)
	case w.requireChannel(cs, send) != nil:
		err = discordError(50013)
	case len(c.files) > 0 && w.requireChannel(cs, discord.PermissionAttachFiles) != nil,
		len(in.Embeds) > 0 && w.requireChannel(cs, discord.PermissionEmbedLinks) != nil:
		err = discordError(50013)
	case in.empty(c.files):
		err = discordError(50006)
	}
	if err != nil {
		w.mu.Unlock()
		return nil, err
	}
	if in.EnforceNonce && in.Nonce != "" {
		for i := len(cs.messages) - 1; i >= 0 && time.Since(cs.messages[i].Timestamp) < 5*time.Minute; i-- {
			if m := cs.messages[i]; m.Nonce == in.Nonce && m.Author != nil && m.Author.ID == w.bot.ID {
				out := w.render(cs, m)
				w.mu.Unlock()
				return out, nil
			}
		}
	}
	m, err := c.s.newMessage(w, cs, w.bot, in, c.files)
	if err != nil {
		w.mu.Unlock()
		return nil, err
	}
	out := w.render(cs, m)
	event := w.withGuild(cs, out)
	w.mu.Unlock()
	c.s.emitMessage("MESSAGE_CREATE", event.GuildID, event)
	return out, nil
}

func (c *call) getMessage() (any, error) {
	w := c.s.world
	w.mu.Lock()
	defer w.mu.Unlock()
	cs, err := w.channel(c.snowflake("channel_id"))
	if err != nil {
		return nil, err
	}
	if err := w.requireChannel(cs, discord.PermissionReadMessageHistory); err != nil {
		return nil, discordError(50001)
	}
	m, _, err := cs.message(c.snowflake("message_id"))
	if err != nil {
		return nil, err
	}
	return w.render(cs, m), nil
}

// listMessages answers newest first, as Discord does, for before, after,
// around or none of them.
func (c *call) listMessages() (any, error) {
	limit := c.queryInt("limit", 50)
	w := c.s.world
	w.mu.Lock()
	defer w.mu.Unlock()
	cs, err := w.channel(c.snowflake("channel_id"))
	if err != nil {
		return nil, err
	}
	out := []discord.Message{}
	if w.requireChannel(cs, discord.PermissionReadMessageHistory) != nil {
		return out, nil // Discord returns no messages without READ_MESSAGE_HISTORY
	}
	msgs := cs.messages
	var picked []*discord.Message
	switch {
	case c.querySnowflake("around") != 0:
		// limit/2 newer messages, the message itself and older ones.
		at := c.querySnowflake("around")
		start := searchID(msgs, at)
		if start < len(msgs) && msgs[start].ID == at {
			start++
		}
		end := start + min(limit/2, len(msgs)-start)
		picked = msgs[max(0, end-limit):end]
	case c.querySnowflake("after") != 0:
		i := searchID(msgs, c.querySnowflake("after")+1)
		picked = msgs[i:min(len(msgs), i+limit)]
	default:
		end := len(msgs)
		if before := c.querySnowflake("before"); before != 0 {
			end = searchID(msgs, before)
		}
		picked = msgs[max(0, end-limit):end]
	}
	for i := len(picked) - 1; i >= 0; i-- {
		out = append(out, w.render(cs, picked[i]))
	}
	return out, nil
}

// searchID is the index of the first message with an ID at or after id.
func searchID(msgs []*discord.Message, id discord.Snowflake) int {
	i, _ := slices.BinarySearchFunc(msgs, id, func(m *discord.Message, id discord.Snowflake) int {
		return int(min(max(int64(m.ID)-int64(id), -1), 1))
	})
	return i
}

func (c *call) updateMessage() (any, error) {
	w := c.s.world
	w.mu.Lock()
	cs, err := w.channel(c.snowflake("channel_id"))
	var m *discord.Message
	if err == nil {
		m, _, err = cs.message(c.snowflake("message_id"))
	}
	if err != nil {
		w.mu.Unlock()
		return nil, err
	}
	if m.Author == nil || m.Author.ID != w.bot.ID {
		// Others' messages only take SUPPRESS_EMBEDS, with MANAGE_MESSAGES.
		onlyFlags := len(c.obj()) == 1 && c.has("flags")
		if !onlyFlags {
			w.mu.Unlock()
			return nil, discordError(50005)
		}
		if err := w.requireChannel(cs, discord.PermissionManageMessages); err != nil {
			w.mu.Unlock()
			return nil, err
		}
	}
	if err := c.s.editMessage(w, cs, m, c); err != nil {
		w.mu.Unlock()
		return nil, err
	}
	out := w.render(cs, m)
	event := w.withGuild(cs, out)
	w.mu.Unlock()
	c.s.emitMessage("MESSAGE_UPDATE", event.GuildID, event)
	return out, nil
}

// editMessage applies an edit request to a message: the fields it sets
// replace the message's, attachments keeps the listed ones and adds the new
// uploads. It holds w.mu.
func (s *Server) editMessage(w *world, cs *channelState, m *discord.Message, c *call) error {
	in := c.input()
	if c.has("flags") {
		keep := m.Flags &^ (discord.MessageFlagSuppressEmbeds | discord.MessageFlagIsComponentsV2)
		m.Flags = keep | in.Flags&(discord.MessageFlagSuppressEmbeds|discord.MessageFlagIsComponentsV2)
	}
	in.Flags = m.Flags
	if !c.has("content") {
		in.Content = m.Content
	}
	if !c.has("embeds") {
		in.Embeds = m.Embeds
	}
	if err := in.checkV2(); err != nil {
		return err
	}
	if c.has("content") {
		m.Content = in.Content
		canEveryone := m.Author == nil || m.Author.ID != w.bot.ID || w.channelPermissions(cs, w.bot.ID).Has(discord.PermissionMentionEveryone)
		m.Mentions, m.MentionRoles, m.MentionEveryone = w.mentions(cs, in.Content, in.AllowedMentions, canEveryone)
	}
	if c.has("embeds") {
		m.Embeds = orEmpty(in.Embeds)
	}
	if c.has("components") {
		m.Components = in.Components
		if m.Components == nil {
			m.Components = discord.Components{}
		}
	}
	if c.has("attachments") || len(c.files) > 0 {
		// The attachments array lists every attachment to keep after the
		// edit: existing ones by ID, new uploads by their files[n] index.
		// Without it, uploads are added to the existing attachments.
		kept := slices.Clone(m.Attachments)
		var fresh []attachmentMeta
		if c.has("attachments") {
			kept, fresh = []discord.Attachment{}, []attachmentMeta{}
			for _, a := range in.Attachments {
				if i := slices.IndexFunc(m.Attachments, func(x discord.Attachment) bool { return x.ID == a.ID }); i >= 0 {
					kept = append(kept, m.Attachments[i])
				} else {
					fresh = append(fresh, a)
				}
			}
		}
		m.Attachments = append(kept, s.storeAttachments(w, cs.channel.ID, c.files, fresh)...)
	}
	m.EditedTimestamp = timestamp()
	return nil
}

func (c *call) deleteMessage() (any, error) {
	w := c.s.world
	w.mu.Lock()
	cs, err := w.channel(c.snowflake("channel_id"))
	var m *discord.Message
	var i int
	if err == nil {
		m, i, err = cs.message(c.snowflake("message_id"))
	}
	if err == nil && (m.Author == nil || m.Author.ID != w.bot.ID) {
		if cs.channel.GuildID == 0 {
			err = discordError(50003)
		} else {
			err = w.requireChannel(cs, discord.PermissionManageMessages)
		}
	}
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

// messageDelete is the payload of MESSAGE_DELETE.
type messageDelete struct {
	ID        discord.Snowflake `json:"id"`
	ChannelID discord.Snowflake `json:"channel_id"`
	GuildID   discord.Snowflake `json:"guild_id,omitzero"`
}

// removeMessage deletes the message at index i with its reactions and pin.
func (cs *channelState) removeMessage(i int) {
	id := cs.messages[i].ID
	cs.messages = slices.Delete(cs.messages, i, i+1)
	delete(cs.reactions, id)
	delete(cs.pins, id)
}

// bulkDeleteAge is how old a message may be for bulk delete: two weeks.
const bulkDeleteAge = 14 * 24 * time.Hour

func (c *call) bulkDeleteMessages() (any, error) {
	var body struct {
		Messages []discord.Snowflake `json:"messages"`
	}
	c.decode(&body)
	w := c.s.world
	w.mu.Lock()
	cs, err := w.channel(c.snowflake("channel_id"))
	if err == nil {
		err = w.requireChannel(cs, discord.PermissionManageMessages)
	}
	if err == nil && (len(body.Messages) < 2 || len(body.Messages) > 100) {
		err = discordError(50016)
	}
	if err == nil {
		for _, id := range body.Messages {
			if time.Since(id.Time()) > bulkDeleteAge {
				err = discordError(50034)
				break
			}
		}
	}
	if err != nil {
		w.mu.Unlock()
		return nil, err
	}
	var deleted []discord.Snowflake
	for _, id := range body.Messages {
		if _, i, err := cs.message(id); err == nil {
			cs.removeMessage(i)
			deleted = append(deleted, id)
		}
	}
	guildID := cs.channel.GuildID
	w.mu.Unlock()
	if len(deleted) > 0 {
		c.s.Emit("MESSAGE_DELETE_BULK", guildID, map[string]any{"ids": deleted, "channel_id": cs.channel.ID, "guild_id": guildID})
	}
	return nil, nil
}

func (c *call) crosspostMessage() (any, error) {
	w := c.s.world
	w.mu.Lock()
	cs, err := w.channel(c.snowflake("channel_id"))
	var m *discord.Message
	if err == nil {
		m, _, err = cs.message(c.snowflake("message_id"))
	}
	if err == nil && cs.channel.Type != discord.ChannelTypeGuildAnnouncement {
		err = discordError(50024)
	}
	if err == nil && (m.Author == nil || m.Author.ID != w.bot.ID) {
		err = w.requireChannel(cs, discord.PermissionManageMessages)
	}
	if err != nil {
		w.mu.Unlock()
		return nil, err
	}
	m.Flags |= discord.MessageFlagCrossposted
	out := w.render(cs, m)
	event := w.withGuild(cs, out)
	w.mu.Unlock()
	c.s.emitMessage("MESSAGE_UPDATE", event.GuildID, event)
	return out, nil
}

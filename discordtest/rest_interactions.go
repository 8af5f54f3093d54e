package discordtest

import (
	"encoding/json"
	"slices"
	"time"

	"github.com/cordage/cordage/discord"
)

// The emulator keeps every interaction it delivered, so the bot can answer
// it through POST /interactions/{id}/{token}/callback within the deadline
// (3 seconds by default), then follow up through the interaction's webhook,
// /webhooks/{application_id}/{token}, for 15 minutes. Tests read the answer
// with InteractionResponse.

// followupWindow is how long an interaction token works for follow-ups.
const followupWindow = 15 * time.Minute

// interactionState is an interaction waiting for, or past, its response.
type interactionState struct {
	i        discord.Interaction
	created  time.Time // on the emulator's clock
	response *InteractionResponse
	messages map[discord.Snowflake]*discord.Message // original response and follow-ups
}

// InteractionResponse is how the bot answered an interaction.
type InteractionResponse struct {
	// Type is the callback type: 4 a message, 5 a deferred message, 6 a
	// deferred update, 7 an updated message, 8 autocomplete choices, 9 a
	// modal, 1 a pong.
	Type discord.InteractionResponseType
	// Data is the callback's data as the bot sent it: the message, the
	// choices or the modal.
	Data json.RawMessage
	// MessageID is the original response's message, for types 4, 5, 6
	// and 7.
	MessageID discord.Snowflake
	// Followups are the follow-up messages, oldest first.
	Followups []discord.Snowflake
}

// StartInteraction delivers an interaction as if a user had triggered it:
// it fills the ID, application ID, token, version, the app's permissions and,
// from the world, the member or user and the channel, keeps the interaction
// for its callback and sends INTERACTION_CREATE. It returns the interaction
// as the bot receives it. Set at least Type, Data and GuildID or ChannelID,
// and Member.User or User for who acts.
func (s *Server) StartInteraction(i discord.Interaction) discord.Interaction {
	w := s.world
	w.mu.Lock()
	i.ID, i.ApplicationID, i.Token, i.Version = w.newID(), w.app.ID, "aW50ZXJhY3Rpb24"+newToken(48), 1
	if i.Locale == "" {
		i.Locale = discord.LocaleEnglishUS
	}
	invoker := i.Invoker()
	if cs, ok := w.channels[i.ChannelID]; ok {
		if i.Channel == nil {
			ch := cs.channel
			i.Channel = &ch
		}
		i.GuildID = cs.channel.GuildID
		i.AppPermissions = w.channelPermissions(cs, w.bot.ID)
	}
	if g, ok := w.guilds[i.GuildID]; ok {
		i.GuildLocale = g.guild.PreferredLocale
		i.Context = discord.InteractionContextTypeGuild
		i.AuthorizingIntegrationOwners = map[discord.ApplicationIntegrationType]discord.Snowflake{discord.ApplicationIntegrationTypeGuildInstall: g.guild.ID}
		if invoker != nil && i.Member == nil {
			if m, ok := g.members[invoker.ID]; ok {
				mm := *m
				mm.Permissions = w.guildPermissions(g, invoker.ID)
				i.Member, i.User = &mm, nil
			}
		}
	} else if invoker != nil {
		i.Context = discord.InteractionContextTypeBotDM
		i.AuthorizingIntegrationOwners = map[discord.ApplicationIntegrationType]discord.Snowflake{discord.ApplicationIntegrationTypeUserInstall: invoker.ID}
	}
	w.rest.interactions[i.ID] = &interactionState{i: i, created: s.now(), messages: map[discord.Snowflake]*discord.Message{}}
	w.mu.Unlock()
	s.Emit("INTERACTION_CREATE", i.GuildID, i)
	return i
}

// InteractionResponse returns how the bot answered an interaction; false
// when the interaction is unknown or not answered yet.
func (s *Server) InteractionResponse(id discord.Snowflake) (InteractionResponse, bool) {
	w := s.world
	w.mu.Lock()
	defer w.mu.Unlock()
	st, ok := w.rest.interactions[id]
	if !ok || st.response == nil {
		return InteractionResponse{}, false
	}
	out := *st.response
	out.Followups = slices.Clone(out.Followups)
	return out, true
}

// allowedCallbacks are the callback types each interaction type accepts.
var allowedCallbacks = map[discord.InteractionType][]discord.InteractionResponseType{
	discord.InteractionTypePing:                           {1},
	discord.InteractionTypeApplicationCommand:             {4, 5, 9, 10, 12},
	discord.InteractionTypeMessageComponent:               {4, 5, 6, 7, 9, 10, 12},
	discord.InteractionTypeApplicationCommandAutocomplete: {8},
	discord.InteractionTypeModalSubmit:                    {4, 5, 6, 7, 10},
}

// sub is the call with another body, for the data of a callback.
func (c *call) sub(body any) *call {
	cc := *c
	cc.body = body
	return &cc
}

// scratch is a channel to hold an interaction's message: the real one, or a
// stand-in when the channel is not in the world or the message is
// ephemeral, so the message stays out of the channel. It holds w.mu.
func (w *world) scratch(st *interactionState, ephemeral bool) (*channelState, bool) {
	if cs, ok := w.channels[st.i.ChannelID]; ok && !ephemeral {
		return cs, true
	}
	return &channelState{channel: discord.Channel{ID: st.i.ChannelID, GuildID: st.i.GuildID}}, false
}

// interactionMessage creates a message answering an interaction. It holds
// w.mu and returns the MESSAGE_CREATE to send, if any.
func (c *call) interactionMessage(w *world, st *interactionState, data *call, flags discord.MessageFlags) (*discord.Message, *discord.Message, error) {
	in := data.input()
	in.Flags |= flags
	ephemeral := in.Flags.Has(discord.MessageFlagEphemeral)
	if err := in.checkV2(); err != nil {
		return nil, nil, err
	}
	if flags == 0 && in.empty(data.files) {
		return nil, nil, discordError(50006)
	}
	cs, real := w.scratch(st, ephemeral)
	m, err := c.s.newMessage(w, cs, w.bot, in, data.files)
	if err != nil {
		return nil, nil, err
	}
	m.Flags |= flags & discord.MessageFlagLoading
	m.WebhookID, m.ApplicationID = w.app.ID, w.app.ID
	m.InteractionMetadata = &discord.InteractionMetadata{ID: st.i.ID, Type: st.i.Type, User: st.i.Invoker(),
		AuthorizingIntegrationOwners: st.i.AuthorizingIntegrationOwners}
	if st.i.Type == discord.InteractionTypeApplicationCommand && st.i.Data != nil {
		m.Type = discord.MessageTypeChatInputCommand
		if st.i.Data.CommandType > discord.ApplicationCommandTypeChatInput {
			m.Type = discord.MessageTypeContextMenuCommand
		}
	}
	if st.i.Message != nil {
		m.InteractionMetadata.InteractedMessageID = st.i.Message.ID
	}
	st.messages[m.ID] = m
	if !real {
		return m, nil, nil
	}
	ev := w.withGuild(cs, w.render(cs, m))
	return m, &ev, nil
}

func (c *call) interactionCallback() (any, error) {
	var body struct {
		Type discord.InteractionResponseType `json:"type"`
	}
	c.decode(&body)
	data := c.sub(c.obj()["data"])
	w := c.s.world
	w.mu.Lock()
	st, ok := w.rest.interactions[c.snowflake("interaction_id")]
	switch {
	case !ok || st.i.Token != c.params["interaction_token"]:
		w.mu.Unlock()
		return nil, discordError(10062)
	case st.response != nil:
		w.mu.Unlock()
		return nil, discordError(40060)
	case c.s.now().Sub(st.created) > c.s.cfg.interactionTTL:
		w.mu.Unlock()
		return nil, discordError(10062)
	case !slices.Contains(allowedCallbacks[st.i.Type], body.Type):
		w.mu.Unlock()
		choices := make([]any, 0)
		for _, t := range allowedCallbacks[st.i.Type] {
			choices = append(choices, int(t))
		}
		return nil, formError([]fieldError{choicesError([]string{"type"}, choices)})
	}
	resp := &InteractionResponse{Type: body.Type, Data: mustJSON(data.body)}
	var created, updated *discord.Message
	var msg *discord.Message
	var err error
	switch body.Type {
	case discord.InteractionResponseTypeChannelMessageWithSource:
		msg, created, err = c.interactionMessage(w, st, data, 0)
	case discord.InteractionResponseTypeDeferredChannelMessageWithSource:
		var flags struct {
			Flags discord.MessageFlags `json:"flags"`
		}
		data.decode(&flags)
		msg, created, err = c.interactionMessage(w, st, data.sub(map[string]any{}), discord.MessageFlagLoading|flags.Flags&discord.MessageFlagEphemeral)
	case discord.InteractionResponseTypeDeferredUpdateMessage, discord.InteractionResponseTypeUpdateMessage:
		msg, err = w.componentMessage(st)
		if err == nil && body.Type == discord.InteractionResponseTypeUpdateMessage {
			cs, _ := w.scratch(st, false)
			if target, ok := w.channels[msg.ChannelID]; ok {
				cs = target
			}
			if err = c.s.editMessage(w, cs, msg, data); err == nil {
				ev := w.withGuild(cs, w.render(cs, msg))
				updated = &ev
			}
		}
	}
	if err != nil {
		w.mu.Unlock()
		return nil, err
	}
	if msg != nil {
		resp.MessageID = msg.ID
	}
	st.response = resp
	callback := discord.InteractionCallbackResponse{Interaction: discord.InteractionCallback{ID: st.i.ID, Type: st.i.Type,
		ChannelID: st.i.ChannelID, GuildID: st.i.GuildID}}
	if msg != nil {
		callback.Interaction.ResponseMessageID = msg.ID
		callback.Interaction.ResponseMessageLoading = msg.Flags.Has(discord.MessageFlagLoading)
		callback.Interaction.ResponseMessageEphemeral = msg.Flags.Has(discord.MessageFlagEphemeral)
		if body.Type == 4 || body.Type == 7 {
			m := *msg
			callback.Resource = &discord.InteractionCallbackResource{Type: body.Type, Message: &m}
		}
	}
	w.mu.Unlock()
	for _, ev := range []struct {
		name string
		m    *discord.Message
	}{{"MESSAGE_CREATE", created}, {"MESSAGE_UPDATE", updated}} {
		if ev.m != nil {
			c.s.emitMessage(ev.name, ev.m.GuildID, *ev.m)
		}
	}
	if !c.queryBool("with_response") {
		return nil, nil
	}
	c.status = 200
	return callback, nil
}

// componentMessage is the message holding the component of an interaction,
// for the update callbacks. It holds w.mu.
func (w *world) componentMessage(st *interactionState) (*discord.Message, error) {
	if st.i.Message == nil {
		return nil, discordError(10008)
	}
	if cs, ok := w.channels[st.i.Message.ChannelID]; ok {
		if m, _, err := cs.message(st.i.Message.ID); err == nil {
			return m, nil
		}
	}
	if m, ok := st.messages[st.i.Message.ID]; ok {
		return m, nil
	}
	m := *st.i.Message
	st.messages[m.ID] = &m
	return &m, nil
}

// followup finds the interaction of a follow-up route by its token: it must
// have been answered, within the last 15 minutes. It holds w.mu.
func (c *call) followup(w *world) (*interactionState, error) {
	token := c.params["webhook_token"]
	for _, st := range w.rest.interactions {
		if st.i.Token != token {
			continue
		}
		if st.response == nil {
			return nil, discordError(10015)
		}
		if c.s.now().Sub(st.created) > followupWindow {
			return nil, discordError(50027)
		}
		return st, nil
	}
	return nil, discordError(10015)
}

func (c *call) createFollowup() (any, error) {
	w := c.s.world
	w.mu.Lock()
	st, err := c.followup(w)
	var m, ev *discord.Message
	if err == nil {
		m, ev, err = c.interactionMessage(w, st, c, 0)
	}
	if err != nil {
		w.mu.Unlock()
		return nil, err
	}
	st.response.Followups = append(st.response.Followups, m.ID)
	out := *m
	w.mu.Unlock()
	if ev != nil {
		c.s.emitMessage("MESSAGE_CREATE", ev.GuildID, *ev)
	}
	c.status = 200
	return out, nil
}

// interactionTarget finds the message of an @original or message_id route.
// It holds w.mu.
func (c *call) interactionTarget(w *world) (*interactionState, *discord.Message, error) {
	st, err := c.followup(w)
	if err != nil {
		return nil, nil, err
	}
	id := st.response.MessageID
	if p := c.params["message_id"]; p != "@original" && p != "" {
		id, _ = discord.ParseSnowflake(p)
	}
	m, ok := st.messages[id]
	if !ok {
		return nil, nil, discordError(10008)
	}
	return st, m, nil
}

func (c *call) getInteractionMessage() (any, error) {
	w := c.s.world
	w.mu.Lock()
	defer w.mu.Unlock()
	_, m, err := c.interactionTarget(w)
	if err != nil {
		return nil, err
	}
	return *m, nil
}

func (c *call) updateInteractionMessage() (any, error) {
	w := c.s.world
	w.mu.Lock()
	st, m, err := c.interactionTarget(w)
	if err != nil {
		w.mu.Unlock()
		return nil, err
	}
	cs, real := w.scratch(st, m.Flags.Has(discord.MessageFlagEphemeral))
	if target, ok := w.channels[m.ChannelID]; ok && real {
		cs = target
	}
	if err := c.s.editMessage(w, cs, m, c); err != nil {
		w.mu.Unlock()
		return nil, err
	}
	m.Flags &^= discord.MessageFlagLoading
	out := *m
	var ev *discord.Message
	if real {
		e := w.withGuild(cs, w.render(cs, m))
		ev = &e
	}
	w.mu.Unlock()
	if ev != nil {
		c.s.emitMessage("MESSAGE_UPDATE", ev.GuildID, *ev)
	}
	return out, nil
}

func (c *call) deleteInteractionMessage() (any, error) {
	w := c.s.world
	w.mu.Lock()
	st, m, err := c.interactionTarget(w)
	if err != nil {
		w.mu.Unlock()
		return nil, err
	}
	delete(st.messages, m.ID)
	real := false
	if cs, ok := w.channels[m.ChannelID]; ok {
		if _, i, err := cs.message(m.ID); err == nil {
			cs.removeMessage(i)
			real = true
		}
	}
	w.mu.Unlock()
	if real {
		c.s.Emit("MESSAGE_DELETE", st.i.GuildID, messageDelete{ID: m.ID, ChannelID: m.ChannelID, GuildID: st.i.GuildID})
	}
	return nil, nil
}

package discordtest

import (
	"context"
	"encoding/json"
	"fmt"
	"slices"
	"sort"
	"time"

	"github.com/cordage/cordage/discord"
)

// Simulated users: the helpers below act as a user does in the Discord
// client — run a command, click a button, pick from a select menu, submit a
// modal, type into an autocomplete option — and return an Interaction whose
// Response waits for the bot's answer as Discord would show it.

// Interaction is an interaction a simulated user started.
type Interaction struct {
	// Interaction is the interaction as the bot received it.
	discord.Interaction
	srv *Server
}

// Answer is how the bot answered an interaction, as the user sees it.
type Answer struct {
	// Type is the callback type: 4 a message, 5 a deferred message, 6 a
	// deferred update, 7 an updated message, 8 choices, 9 a modal.
	Type discord.InteractionResponseType
	// Data is the callback's data as the bot sent it.
	Data json.RawMessage
	// Message is the original response now: the created (or deferred, then
	// edited) message, or the component's message after an update. Nil for
	// choices and modals.
	Message *discord.Message
	// Followups are the follow-up messages, oldest first, as they are now.
	Followups []discord.Message
}

// Loading reports whether the original response is still a deferred
// "thinking..." message.
func (a *Answer) Loading() bool {
	return a.Message != nil && a.Message.Flags.Has(discord.MessageFlagLoading)
}

// Choices decodes the choices of an autocomplete answer.
func (a *Answer) Choices() []discord.ApplicationCommandOptionChoice {
	var d struct {
		Choices []discord.ApplicationCommandOptionChoice `json:"choices"`
	}
	json.Unmarshal(a.Data, &d)
	return d.Choices
}

// Modal decodes the custom_id and title of a modal answer.
func (a *Answer) Modal() (customID, title string) {
	var d struct {
		CustomID string `json:"custom_id"`
		Title    string `json:"title"`
	}
	json.Unmarshal(a.Data, &d)
	return d.CustomID, d.Title
}

// answer reads the current answer; false when there is none yet.
func (i *Interaction) answer() (Answer, bool) {
	w := i.srv.world
	w.mu.Lock()
	defer w.mu.Unlock()
	st, ok := w.rest.interactions[i.ID]
	if !ok || st.response == nil {
		return Answer{}, false
	}
	a := Answer{Type: st.response.Type, Data: slices.Clone(st.response.Data)}
	if id := st.response.MessageID; id != 0 {
		// The message shown in the channel wins: a component's message
		// lives only there, and edits of a real message show there.
		channels := []discord.Snowflake{st.i.ChannelID}
		if st.i.Message != nil {
			channels = append(channels, st.i.Message.ChannelID)
		}
		for _, ch := range channels {
			if cs, ok := w.channels[ch]; ok && a.Message == nil {
				if m, _, err := cs.message(id); err == nil {
					mm := w.render(cs, m)
					a.Message = &mm
				}
			}
		}
		if m := st.messages[id]; m != nil && a.Message == nil {
			mm := *m
			a.Message = &mm
		}
	}
	for _, id := range st.response.Followups {
		if m := st.messages[id]; m != nil {
			a.Followups = append(a.Followups, *m)
		}
	}
	return a, true
}

// Response waits until the bot has answered the interaction and returns the
// answer; it fails when ctx ends first.
func (i *Interaction) Response(ctx context.Context) (Answer, error) {
	return i.Wait(ctx, func(Answer) bool { return true })
}

// Wait waits until the bot's answer satisfies done, such as a deferred
// response that was edited (!a.Loading()) or a number of follow-ups, and
// returns it. It fails when ctx ends first, with the last answer seen.
func (i *Interaction) Wait(ctx context.Context, done func(Answer) bool) (Answer, error) {
	t := time.NewTicker(2 * time.Millisecond)
	defer t.Stop()
	for {
		a, ok := i.answer()
		if ok && done(a) {
			return a, nil
		}
		select {
		case <-ctx.Done():
			if !ok {
				return a, fmt.Errorf("discordtest: interaction %d not answered: %w", i.ID, ctx.Err())
			}
			return a, fmt.Errorf("discordtest: interaction %d answered with type %d but not as awaited: %w", i.ID, a.Type, ctx.Err())
		case <-t.C:
		}
	}
}

// Opt is an option value a user fills in: a string, a number, a boolean, or
// a discord.Snowflake for user, channel, role and mentionable options. Its
// type is taken from the registered command when left zero.
func Opt(name string, value any) discord.ApplicationCommandDataOption {
	if id, ok := value.(discord.Snowflake); ok {
		value = id.String()
	}
	return discord.ApplicationCommandDataOption{Name: name, Value: mustJSON(value)}
}

// Sub chooses a subcommand or subcommand group, with its options.
func Sub(name string, options ...discord.ApplicationCommandDataOption) discord.ApplicationCommandDataOption {
	return discord.ApplicationCommandDataOption{Name: name, Type: discord.ApplicationCommandOptionTypeSubCommand, Options: options}
}

// Typing is the option a user is typing into during autocomplete, with what
// they typed so far.
func Typing(name, typed string) discord.ApplicationCommandDataOption {
	o := Opt(name, typed)
	o.Focused = true
	return o
}

// RunCommand runs the slash command name in channelID as userID, with the
// given options (see Opt and Sub). The command is looked up among the
// guild's commands, then the global ones; when registered, its ID and the
// option types are filled in. Users, members, channels and roles the options
// name are resolved from the world.
func (s *Server) RunCommand(userID, channelID discord.Snowflake, name string, options ...discord.ApplicationCommandDataOption) *Interaction {
	return s.command(discord.InteractionTypeApplicationCommand, userID, channelID, discord.ApplicationCommandTypeChatInput, name, 0, options)
}

// Autocomplete types into an option of the slash command name, as userID in
// channelID: one of options is Typing(...), the others are filled in already.
func (s *Server) Autocomplete(userID, channelID discord.Snowflake, name string, options ...discord.ApplicationCommandDataOption) *Interaction {
	return s.command(discord.InteractionTypeApplicationCommandAutocomplete, userID, channelID, discord.ApplicationCommandTypeChatInput, name, 0, options)
}

// RunUserCommand runs the user (context menu) command name on targetID.
func (s *Server) RunUserCommand(userID, channelID discord.Snowflake, name string, targetID discord.Snowflake) *Interaction {
	return s.command(discord.InteractionTypeApplicationCommand, userID, channelID, discord.ApplicationCommandTypeUser, name, targetID, nil)
}

// RunMessageCommand runs the message (context menu) command name on the
// message targetID of channelID.
func (s *Server) RunMessageCommand(userID, channelID discord.Snowflake, name string, targetID discord.Snowflake) *Interaction {
	return s.command(discord.InteractionTypeApplicationCommand, userID, channelID, discord.ApplicationCommandTypeMessage, name, targetID, nil)
}

func (s *Server) command(typ discord.InteractionType, userID, channelID discord.Snowflake, ctype discord.ApplicationCommandType,
	name string, target discord.Snowflake, options []discord.ApplicationCommandDataOption) *Interaction {
	w := s.world
	w.mu.Lock()
	data := &discord.InteractionData{Name: name, CommandType: ctype, TargetID: target}
	var guildID discord.Snowflake
	if cs, ok := w.channels[channelID]; ok {
		guildID = cs.channel.GuildID
	}
	var declared []discord.ApplicationCommandOption
	scopes := []discord.Snowflake{0}
	if guildID != 0 {
		scopes = []discord.Snowflake{guildID, 0}
	}
	for _, scope := range scopes {
		i := slices.IndexFunc(w.commandsIn(scope), func(c *storedCommand) bool { return c.Name == name && c.Type == ctype })
		if i >= 0 {
			cmd := w.commandsIn(scope)[i]
			data.ID, data.GuildID, declared = cmd.ID, cmd.GuildID, cmd.Options
			break
		}
	}
	data.Options = fillOptionTypes(slices.Clone(options), declared)
	res := &discord.ResolvedData{}
	w.resolveOptions(res, guildID, data.Options)
	switch ctype {
	case discord.ApplicationCommandTypeUser:
		w.resolveUser(res, guildID, target)
	case discord.ApplicationCommandTypeMessage:
		if cs, ok := w.channels[channelID]; ok {
			if m, _, err := cs.message(target); err == nil {
				res.Messages = map[discord.Snowflake]discord.Message{m.ID: w.render(cs, m)}
			}
		}
	}
	if len(res.Users)+len(res.Members)+len(res.Channels)+len(res.Roles)+len(res.Messages) > 0 {
		data.Resolved = res
	}
	user := s.userLocked(userID)
	w.mu.Unlock()
	return &Interaction{Interaction: s.StartInteraction(discord.Interaction{Type: typ, ChannelID: channelID, User: user, Data: data}), srv: s}
}

// ClickButton clicks the button customID of message as userID.
func (s *Server) ClickButton(userID discord.Snowflake, message discord.Message, customID string) *Interaction {
	return s.component(userID, message, customID, discord.ComponentTypeButton, nil)
}

// SelectValues picks values in the select menu customID of message as
// userID. The menu's type is read from the message (a string select when it
// is not found); for user, role, channel and mentionable selects, the values
// are snowflakes and are resolved from the world.
func (s *Server) SelectValues(userID discord.Snowflake, message discord.Message, customID string, values ...string) *Interaction {
	typ := componentType(message.Components, customID)
	if typ == 0 {
		typ = discord.ComponentTypeStringSelect
	}
	if values == nil {
		values = []string{}
	}
	return s.component(userID, message, customID, typ, values)
}

func (s *Server) component(userID discord.Snowflake, message discord.Message, customID string, typ discord.ComponentType, values []string) *Interaction {
	w := s.world
	w.mu.Lock()
	data := &discord.InteractionData{CustomID: customID, ComponentType: typ, Values: values}
	guildID := message.GuildID
	if cs, ok := w.channels[message.ChannelID]; ok {
		guildID = cs.channel.GuildID
		if m, _, err := cs.message(message.ID); err == nil {
			message = w.render(cs, m)
		}
	}
	if typ != discord.ComponentTypeButton && typ != discord.ComponentTypeStringSelect {
		res := &discord.ResolvedData{}
		for _, v := range values {
			if id, err := discord.ParseSnowflake(v); err == nil {
				w.resolveID(res, guildID, id)
			}
		}
		data.Resolved = res
	}
	user := s.userLocked(userID)
	w.mu.Unlock()
	return &Interaction{Interaction: s.StartInteraction(discord.Interaction{Type: discord.InteractionTypeMessageComponent,
		ChannelID: message.ChannelID, User: user, Data: data, Message: &message}), srv: s}
}

// SubmitModal submits the modal customID in channelID as userID, with the
// values entered in its text inputs, by the inputs' custom_id. Each input
// comes back in a label, as Discord sends modals today.
func (s *Server) SubmitModal(userID, channelID discord.Snowflake, customID string, values map[string]string) *Interaction {
	ids := make([]string, 0, len(values))
	for id := range values {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	data := &discord.InteractionData{CustomID: customID, Components: discord.Components{}}
	for _, id := range ids {
		data.Components = append(data.Components, &discord.Label{Component: &discord.TextInput{CustomID: id, Value: values[id]}})
	}
	s.world.mu.Lock()
	user := s.userLocked(userID)
	s.world.mu.Unlock()
	return &Interaction{Interaction: s.StartInteraction(discord.Interaction{Type: discord.InteractionTypeModalSubmit,
		ChannelID: channelID, User: user, Data: data}), srv: s}
}

// userLocked returns the user, or a stand-in when unknown. It holds w.mu.
func (s *Server) userLocked(id discord.Snowflake) *discord.User {
	if u, ok := s.world.users[id]; ok {
		uu := *u
		return &uu
	}
	return &discord.User{ID: id, Username: "unknown", Discriminator: "0"}
}

// fillOptionTypes gives each option without a type the type of its
// declaration, recursively.
func fillOptionTypes(opts []discord.ApplicationCommandDataOption, declared []discord.ApplicationCommandOption) []discord.ApplicationCommandDataOption {
	for k := range opts {
		o := &opts[k]
		i := slices.IndexFunc(declared, func(d discord.ApplicationCommandOption) bool { return d.Name == o.Name })
		if i < 0 {
			if o.Type == 0 {
				o.Type = discord.ApplicationCommandOptionTypeString
			}
			continue
		}
		if o.Type == 0 || o.Type == discord.ApplicationCommandOptionTypeSubCommand {
			o.Type = declared[i].Type
		}
		o.Options = fillOptionTypes(slices.Clone(o.Options), declared[i].Options)
	}
	return opts
}

// resolveOptions adds what user, channel, role and mentionable options name
// to res. It holds w.mu.
func (w *world) resolveOptions(res *discord.ResolvedData, guildID discord.Snowflake, opts []discord.ApplicationCommandDataOption) {
	for _, o := range opts {
		switch o.Type {
		case discord.ApplicationCommandOptionTypeSubCommand, discord.ApplicationCommandOptionTypeSubCommandGroup:
			w.resolveOptions(res, guildID, o.Options)
		case discord.ApplicationCommandOptionTypeUser, discord.ApplicationCommandOptionTypeChannel,
			discord.ApplicationCommandOptionTypeRole, discord.ApplicationCommandOptionTypeMentionable:
			if id, err := o.Snowflake(); err == nil {
				w.resolveID(res, guildID, id)
			}
		}
	}
}

// resolveID adds the user, channel or role id to res. It holds w.mu.
func (w *world) resolveID(res *discord.ResolvedData, guildID, id discord.Snowflake) {
	if cs, ok := w.channels[id]; ok {
		if res.Channels == nil {
			res.Channels = map[discord.Snowflake]discord.Channel{}
		}
		ch := cs.channel
		ch.Permissions = w.channelPermissions(cs, w.bot.ID)
		res.Channels[id] = ch
		return
	}
	if g, ok := w.guilds[guildID]; ok {
		for _, r := range g.guild.Roles {
			if r.ID == id {
				if res.Roles == nil {
					res.Roles = map[discord.Snowflake]discord.Role{}
				}
				res.Roles[id] = r
				return
			}
		}
	}
	w.resolveUser(res, guildID, id)
}

// resolveUser adds the user id and its member in guildID to res. It holds
// w.mu.
func (w *world) resolveUser(res *discord.ResolvedData, guildID, id discord.Snowflake) {
	u, ok := w.users[id]
	if !ok {
		return
	}
	if res.Users == nil {
		res.Users = map[discord.Snowflake]discord.User{}
	}
	res.Users[id] = *u
	if g, ok := w.guilds[guildID]; ok {
		if m, ok := g.members[id]; ok {
			if res.Members == nil {
				res.Members = map[discord.Snowflake]discord.Member{}
			}
			mm := *m
			mm.User = nil // members in resolved data have no user
			mm.Permissions = w.guildPermissions(g, id)
			res.Members[id] = mm
		}
	}
}

// componentType finds the type of the component customID in cs.
func componentType(cs discord.Components, customID string) discord.ComponentType {
	var tree any
	if json.Unmarshal(mustJSON(cs), &tree) != nil {
		return 0
	}
	var find func(v any) discord.ComponentType
	find = func(v any) discord.ComponentType {
		switch x := v.(type) {
		case []any:
			for _, e := range x {
				if t := find(e); t != 0 {
					return t
				}
			}
		case map[string]any:
			if x["custom_id"] == customID {
				if t, ok := x["type"].(float64); ok {
					return discord.ComponentType(t)
				}
			}
			for _, e := range x {
				if t := find(e); t != 0 {
					return t
				}
			}
		}
		return 0
	}
	return find(tree)
}

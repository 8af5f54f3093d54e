package discordtest

import (
	"encoding/json"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/cordage/cordage/discord"
)

// The handlers in this file serve application commands, global and per
// guild: list, create (201 for a new name, 200 when it replaces a command of
// the same name and type), get, edit, delete and bulk overwrite, which keeps
// the IDs of commands whose name and type it finds again. Every change gives
// the command a new version. Discord sends no gateway event for these.

// storedCommand is a command as the emulator keeps it. The fields beside the
// embedded command keep null apart from zero, as Discord does.
type storedCommand struct {
	discord.ApplicationCommand
	DefaultMemberPermissions *string          `json:"default_member_permissions"`
	DMPermission             *bool            `json:"dm_permission,omitempty"`
	Contexts                 *json.RawMessage `json:"contexts"`
}

// commandName is Discord's pattern for CHAT_INPUT command and option names.
var commandName = regexp.MustCompile(`^[-_\p{L}\p{N}\p{Devanagari}\p{Thai}]{1,32}$`)

// checkCommand applies the rules the schema cannot state: CHAT_INPUT names
// match Discord's pattern in lowercase and need a description; USER and
// MESSAGE commands have no description and no options; required options
// come first.
func checkCommand(cmd map[string]any, path []string) []fieldError {
	typ := 1
	if t, ok := cmd["type"].(json.Number); ok {
		n, _ := t.Int64()
		typ = int(n)
	}
	name, _ := cmd["name"].(string)
	desc, _ := cmd["description"].(string)
	var errs []fieldError
	at := func(p ...string) []string { return append(slices.Clone(path), p...) }
	switch typ {
	case 1:
		if !commandName.MatchString(name) || strings.ToLower(name) != name {
			errs = append(errs, fieldError{at("name"), "APPLICATION_COMMAND_INVALID_NAME", "Command name is invalid"})
		}
		if desc == "" {
			errs = append(errs, fieldError{at("description"), "BASE_TYPE_REQUIRED", "This field is required"})
		}
		errs = append(errs, checkOptions(cmd["options"], at("options"))...)
	default:
		if desc != "" {
			errs = append(errs, fieldError{at("description"), "APPLICATION_COMMAND_CONTEXT_MENU_DESCRIPTION_INVALID", "Context menu commands cannot have description"})
		}
		if opts, _ := cmd["options"].([]any); len(opts) > 0 {
			errs = append(errs, fieldError{at("options"), "APPLICATION_COMMAND_CONTEXT_MENU_OPTIONS_INVALID", "Context menu commands cannot have options"})
		}
	}
	return errs
}

func checkOptions(v any, path []string) []fieldError {
	opts, _ := v.([]any)
	var errs []fieldError
	optional := false
	for i, o := range opts {
		opt, ok := o.(map[string]any)
		if !ok {
			continue
		}
		at := append(slices.Clone(path), strconv.Itoa(i))
		name, _ := opt["name"].(string)
		if !commandName.MatchString(name) || strings.ToLower(name) != name {
			errs = append(errs, fieldError{append(at, "name"), "APPLICATION_COMMAND_INVALID_NAME", "Command name is invalid"})
		}
		if req, _ := opt["required"].(bool); req && optional {
			errs = append(errs, fieldError{append(at, "required"), "APPLICATION_COMMAND_OPTIONS_REQUIRED_INVALID", "Required options must be placed before non-required options"})
		} else if !req {
			optional = true
		}
		errs = append(errs, checkOptions(opt["options"], append(at, "options"))...)
	}
	return errs
}

// commandScope checks the application and, for guild commands, the guild,
// and returns the guild's ID (0 for global commands). It holds w.mu.
func (c *call) commandScope(w *world) (discord.Snowflake, error) {
	if err := c.ownApplication(w); err != nil {
		return 0, err
	}
	if _, ok := c.params["guild_id"]; !ok {
		return 0, nil
	}
	g, ok := w.guilds[c.snowflake("guild_id")]
	if !ok || g.members[w.bot.ID] == nil {
		return 0, discordError(50001)
	}
	return g.guild.ID, nil
}

// commandsIn lists the commands of a scope in ID order. It holds w.mu.
func (w *world) commandsIn(guildID discord.Snowflake) []*storedCommand {
	var out []*storedCommand
	for _, id := range w.rest.commandOrder {
		if cmd := w.rest.commands[id]; cmd != nil && cmd.GuildID == guildID {
			out = append(out, cmd)
		}
	}
	return out
}

// buildCommand makes a stored command from a request body, keeping the ID of
// an existing command. It holds w.mu.
func (w *world) buildCommand(body map[string]any, guildID discord.Snowflake, old *storedCommand) (*storedCommand, error) {
	cmd := &storedCommand{}
	if err := jsonOf(body, &cmd.ApplicationCommand); err != nil {
		return nil, err
	}
	if cmd.Type == 0 {
		cmd.Type = discord.ApplicationCommandTypeChatInput
	}
	cmd.ApplicationID, cmd.GuildID, cmd.Version = w.app.ID, guildID, w.newID()
	if old != nil {
		cmd.ID = old.ID
	} else {
		cmd.ID = w.newID()
		w.rest.commandOrder = append(w.rest.commandOrder, cmd.ID)
	}
	if p, ok := body["default_member_permissions"]; ok && p != nil {
		s := strings.Trim(string(mustJSON(p)), `"`)
		cmd.DefaultMemberPermissions = &s
	}
	if b, ok := body["dm_permission"].(bool); ok && guildID == 0 {
		cmd.DMPermission = &b
	}
	if ctx, ok := body["contexts"]; ok && ctx != nil {
		raw := json.RawMessage(mustJSON(ctx))
		cmd.Contexts = &raw
	}
	if len(cmd.IntegrationTypes) == 0 {
		cmd.IntegrationTypes = []discord.ApplicationIntegrationType{0}
	}
	if old != nil {
		// An unchanged command keeps its version.
		v := cmd.Version
		cmd.Version = old.Version
		if string(mustJSON(cmd)) != string(mustJSON(old)) {
			cmd.Version = v
		}
	}
	w.rest.commands[cmd.ID] = cmd
	return cmd, nil
}

func mustJSON(v any) []byte {
	b, _ := json.Marshal(v)
	return b
}

func (c *call) listCommands() (any, error) {
	w := c.s.world
	w.mu.Lock()
	defer w.mu.Unlock()
	guildID, err := c.commandScope(w)
	if err != nil {
		return nil, err
	}
	out := []storedCommand{}
	for _, cmd := range w.commandsIn(guildID) {
		out = append(out, *cmd)
	}
	return out, nil
}

func (c *call) createCommand() (any, error) {
	if errs := checkCommand(c.obj(), nil); len(errs) > 0 {
		return nil, formError(errs)
	}
	w := c.s.world
	w.mu.Lock()
	defer w.mu.Unlock()
	guildID, err := c.commandScope(w)
	if err != nil {
		return nil, err
	}
	var old *storedCommand
	typ := discord.ApplicationCommandTypeChatInput
	c.field("type", &typ)
	for _, cmd := range w.commandsIn(guildID) {
		if cmd.Name == c.str("name") && cmd.Type == typ {
			old = cmd
		}
	}
	cmd, err := w.buildCommand(c.obj(), guildID, old)
	if err != nil {
		return nil, err
	}
	c.status = 201
	if old != nil {
		c.status = 200
	}
	return *cmd, nil
}

// command finds the command of a route. It holds w.mu.
func (c *call) command(w *world) (*storedCommand, error) {
	guildID, err := c.commandScope(w)
	if err != nil {
		return nil, err
	}
	cmd, ok := w.rest.commands[c.snowflake("command_id")]
	if !ok || cmd.GuildID != guildID {
		return nil, discordError(10063)
	}
	return cmd, nil
}

func (c *call) getCommand() (any, error) {
	w := c.s.world
	w.mu.Lock()
	defer w.mu.Unlock()
	cmd, err := c.command(w)
	if err != nil {
		return nil, err
	}
	return *cmd, nil
}

func (c *call) updateCommand() (any, error) {
	w := c.s.world
	w.mu.Lock()
	defer w.mu.Unlock()
	cmd, err := c.command(w)
	if err != nil {
		return nil, err
	}
	merged := map[string]any{}
	if err := jsonOf(cmd, &merged); err != nil {
		return nil, err
	}
	for k, v := range c.obj() {
		merged[k] = v
	}
	merged = decodeJSON(mustJSON(merged)).(map[string]any)
	if errs := checkCommand(merged, nil); len(errs) > 0 {
		return nil, formError(errs)
	}
	updated, err := w.buildCommand(merged, cmd.GuildID, cmd)
	if err != nil {
		return nil, err
	}
	return *updated, nil
}

func (c *call) deleteCommand() (any, error) {
	w := c.s.world
	w.mu.Lock()
	defer w.mu.Unlock()
	cmd, err := c.command(w)
	if err != nil {
		return nil, err
	}
	delete(w.rest.commands, cmd.ID)
	w.rest.commandOrder = slices.DeleteFunc(w.rest.commandOrder, func(id discord.Snowflake) bool { return id == cmd.ID })
	return nil, nil
}

// overwriteCommands answers the bulk PUT: the scope's commands become the
// body's, those with a known name and type keep their ID.
func (c *call) overwriteCommands() (any, error) {
	list, _ := c.body.([]any)
	var errs []fieldError
	seen := map[string]bool{}
	for i, x := range list {
		cmd, _ := x.(map[string]any)
		errs = append(errs, checkCommand(cmd, []string{strconv.Itoa(i)})...)
		key := string(mustJSON(cmd["type"])) + "/" + string(mustJSON(cmd["name"]))
		if seen[key] {
			errs = append(errs, fieldError{[]string{strconv.Itoa(i), "name"}, "APPLICATION_COMMANDS_DUPLICATE_NAME", "Application command names must be unique"})
		}
		seen[key] = true
	}
	if len(errs) > 0 {
		return nil, formError(errs)
	}
	w := c.s.world
	w.mu.Lock()
	defer w.mu.Unlock()
	guildID, err := c.commandScope(w)
	if err != nil {
		return nil, err
	}
	existing := w.commandsIn(guildID)
	keep := map[discord.Snowflake]bool{}
	out := []storedCommand{}
	for _, x := range list {
		body := x.(map[string]any)
		typ := discord.ApplicationCommandTypeChatInput
		if t, ok := body["type"]; ok && t != nil {
			jsonOf(t, &typ)
		}
		var old *storedCommand
		for _, cmd := range existing {
			if cmd.Name == body["name"] && cmd.Type == typ {
				old = cmd
			}
		}
		cmd, err := w.buildCommand(body, guildID, old)
		if err != nil {
			return nil, err
		}
		keep[cmd.ID] = true
		out = append(out, *cmd)
	}
	for _, cmd := range existing {
		if !keep[cmd.ID] {
			delete(w.rest.commands, cmd.ID)
			w.rest.commandOrder = slices.DeleteFunc(w.rest.commandOrder, func(id discord.Snowflake) bool { return id == cmd.ID })
		}
	}
	return out, nil
}

// Commands returns the bot's registered application commands: the global
// ones for guildID 0, else those of the guild.
func (s *Server) Commands(guildID discord.Snowflake) []discord.ApplicationCommand {
	w := s.world
	w.mu.Lock()
	defer w.mu.Unlock()
	var out []discord.ApplicationCommand
	for _, cmd := range w.commandsIn(guildID) {
		out = append(out, cmd.ApplicationCommand)
	}
	return out
}

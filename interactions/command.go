package interactions

import (
	"fmt"
	"sort"

	"github.com/cordage/cordage/discord"
)

// Command declares an application command: what Discord shows and registers,
// and the handlers that answer it. A command with Subcommands routes to them;
// a subcommand with Subcommands of its own is a subcommand group.
type Command struct {
	// Type is the kind of command; zero means a slash (CHAT_INPUT) command.
	Type                     discord.ApplicationCommandType
	Name                     string
	NameLocalizations        map[discord.Locale]string
	Description              string
	DescriptionLocalizations map[discord.Locale]string
	// Options are the parameters of a command without subcommands.
	Options     []discord.ApplicationCommandOption
	Subcommands []Command
	// DefaultMemberPermissions restricts who may use the command by default;
	// Some(0) allows only administrators.
	DefaultMemberPermissions discord.Optional[discord.Permissions]
	Contexts                 []discord.InteractionContextType
	IntegrationTypes         []discord.ApplicationIntegrationType

	// Handle answers the command (or this subcommand).
	Handle HandlerFunc
	// Autocomplete returns choices for options declared with Autocomplete.
	Autocomplete AutocompleteFunc
}

// Request returns the command as it is registered with Discord.
func (c *Command) Request() discord.CreateApplicationCommandRequest {
	typ := c.Type
	if typ == 0 {
		typ = discord.ApplicationCommandTypeChatInput
	}
	return discord.CreateApplicationCommandRequest{
		Type:                     typ,
		Name:                     c.Name,
		NameLocalizations:        c.NameLocalizations,
		Description:              c.Description,
		DescriptionLocalizations: c.DescriptionLocalizations,
		Options:                  c.options(),
		DefaultMemberPermissions: c.DefaultMemberPermissions,
		Contexts:                 c.Contexts,
		IntegrationTypes:         c.IntegrationTypes,
	}
}

// options returns the options of a command, turning subcommands into
// options of type SUB_COMMAND or SUB_COMMAND_GROUP.
func (c *Command) options() []discord.ApplicationCommandOption {
	if len(c.Subcommands) == 0 {
		return c.Options
	}
	out := make([]discord.ApplicationCommandOption, 0, len(c.Subcommands))
	for i := range c.Subcommands {
		sub := &c.Subcommands[i]
		typ := discord.ApplicationCommandOptionTypeSubCommand
		if len(sub.Subcommands) > 0 {
			typ = discord.ApplicationCommandOptionTypeSubCommandGroup
		}
		out = append(out, discord.ApplicationCommandOption{
			Type: typ, Name: sub.Name, NameLocalizations: sub.NameLocalizations,
			Description: sub.Description, DescriptionLocalizations: sub.DescriptionLocalizations,
			Options: sub.options(),
		})
	}
	return out
}

func sortCommands(cs []discord.CreateApplicationCommandRequest) {
	sort.Slice(cs, func(i, j int) bool {
		if cs[i].Type != cs[j].Type {
			return cs[i].Type < cs[j].Type
		}
		return cs[i].Name < cs[j].Name
	})
}

// Option returns the option name of the routed command, or nil.
func (c *Context) Option(name string) *discord.ApplicationCommandDataOption {
	return discord.Option(c.Options, name)
}

// OptionError reports a missing or mistyped option.
type OptionError struct {
	Name string
	Err  error
}

// Error names the option.
func (e *OptionError) Error() string {
	return fmt.Sprintf("interactions: option %q: %v", e.Name, e.Err)
}

// Unwrap returns the cause.
func (e *OptionError) Unwrap() error { return e.Err }

func (c *Context) option(name string) (*discord.ApplicationCommandDataOption, error) {
	o := c.Option(name)
	if o == nil {
		return nil, &OptionError{Name: name, Err: fmt.Errorf("not given")}
	}
	return o, nil
}

// String returns a string option.
func (c *Context) String(name string) (string, error) {
	o, err := c.option(name)
	if err != nil {
		return "", err
	}
	s, err := o.String()
	if err != nil {
		return "", &OptionError{Name: name, Err: err}
	}
	return s, nil
}

// Int returns an integer option.
func (c *Context) Int(name string) (int64, error) {
	o, err := c.option(name)
	if err != nil {
		return 0, err
	}
	n, err := o.Int()
	if err != nil {
		return 0, &OptionError{Name: name, Err: err}
	}
	return n, nil
}

// Float returns a number option.
func (c *Context) Float(name string) (float64, error) {
	o, err := c.option(name)
	if err != nil {
		return 0, err
	}
	f, err := o.Float()
	if err != nil {
		return 0, &OptionError{Name: name, Err: err}
	}
	return f, nil
}

// Bool returns a boolean option.
func (c *Context) Bool(name string) (bool, error) {
	o, err := c.option(name)
	if err != nil {
		return false, err
	}
	b, err := o.Bool()
	if err != nil {
		return false, &OptionError{Name: name, Err: err}
	}
	return b, nil
}

// User returns a user option from the interaction's resolved data, with the
// member when the command ran in a guild.
func (c *Context) User(name string) (*discord.User, *discord.Member, error) {
	id, err := c.snowflake(name)
	if err != nil {
		return nil, nil, err
	}
	r := c.resolved()
	u, ok := r.Users[id]
	if !ok {
		return nil, nil, &OptionError{Name: name, Err: fmt.Errorf("user %d not in resolved data", id)}
	}
	var m *discord.Member
	if mm, ok := r.Members[id]; ok {
		m = &mm
	}
	return &u, m, nil
}

// Channel returns a channel option from the resolved data.
func (c *Context) Channel(name string) (*discord.Channel, error) {
	id, err := c.snowflake(name)
	if err != nil {
		return nil, err
	}
	ch, ok := c.resolved().Channels[id]
	if !ok {
		return nil, &OptionError{Name: name, Err: fmt.Errorf("channel %d not in resolved data", id)}
	}
	return &ch, nil
}

// Role returns a role option from the resolved data.
func (c *Context) Role(name string) (*discord.Role, error) {
	id, err := c.snowflake(name)
	if err != nil {
		return nil, err
	}
	role, ok := c.resolved().Roles[id]
	if !ok {
		return nil, &OptionError{Name: name, Err: fmt.Errorf("role %d not in resolved data", id)}
	}
	return &role, nil
}

// Attachment returns an attachment option from the resolved data.
func (c *Context) Attachment(name string) (*discord.Attachment, error) {
	id, err := c.snowflake(name)
	if err != nil {
		return nil, err
	}
	a, ok := c.resolved().Attachments[id]
	if !ok {
		return nil, &OptionError{Name: name, Err: fmt.Errorf("attachment %d not in resolved data", id)}
	}
	return &a, nil
}

func (c *Context) snowflake(name string) (discord.Snowflake, error) {
	o, err := c.option(name)
	if err != nil {
		return 0, err
	}
	id, err := o.Snowflake()
	if err != nil {
		return 0, &OptionError{Name: name, Err: err}
	}
	return id, nil
}

func (c *Context) resolved() *discord.ResolvedData {
	if c.Interaction.Data != nil && c.Interaction.Data.Resolved != nil {
		return c.Interaction.Data.Resolved
	}
	return &discord.ResolvedData{}
}

// Focused returns the option a user is typing into during autocomplete, or
// nil.
func (c *Context) Focused() *discord.ApplicationCommandDataOption {
	for i := range c.Options {
		if c.Options[i].Focused {
			return &c.Options[i]
		}
	}
	return nil
}

// Values returns the selected values of a select menu interaction.
func (c *Context) Values() []string {
	if c.Interaction.Data == nil {
		return nil
	}
	return c.Interaction.Data.Values
}

// ModalValue returns the value a user entered in the text input with the
// given custom_id of a submitted modal, and whether it was found.
func (c *Context) ModalValue(customID string) (string, bool) {
	if c.Interaction.Data == nil {
		return "", false
	}
	var find func(cs discord.Components) (string, bool)
	find = func(cs discord.Components) (string, bool) {
		for _, comp := range cs {
			switch x := comp.(type) {
			case *discord.TextInput:
				if x.CustomID == customID {
					return x.Value, true
				}
			case *discord.ActionRow:
				if v, ok := find(x.Components); ok {
					return v, true
				}
			case *discord.Label:
				if v, ok := find(discord.Components{x.Component}); ok {
					return v, true
				}
			}
		}
		return "", false
	}
	return find(c.Interaction.Data.Components)
}

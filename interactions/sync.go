package interactions

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"slices"

	"github.com/cordage/cordage/discord"
	"github.com/cordage/cordage/rest"
)

// CommandsAPI is what Sync needs of Discord: list the registered commands
// and replace them all at once. guildID 0 means the global commands.
// RESTCommands adapts a *rest.Client.
type CommandsAPI interface {
	List(ctx context.Context, appID, guildID discord.Snowflake) ([]discord.ApplicationCommand, error)
	Overwrite(ctx context.Context, appID, guildID discord.Snowflake, cmds []discord.OverwriteApplicationCommandRequest) ([]discord.ApplicationCommand, error)
}

// RESTCommands adapts a REST client to CommandsAPI.
func RESTCommands(c *rest.Client) CommandsAPI { return restCommands{c} }

type restCommands struct{ c *rest.Client }

func (r restCommands) List(ctx context.Context, appID, guildID discord.Snowflake) ([]discord.ApplicationCommand, error) {
	// Localizations are part of what Sync compares.
	if guildID == 0 {
		return r.c.Commands.ListGlobal(ctx, appID, &rest.ListApplicationCommandsOptions{WithLocalizations: true})
	}
	return r.c.Commands.ListGuild(ctx, appID, guildID, &rest.ListGuildApplicationCommandsOptions{WithLocalizations: true})
}

func (r restCommands) Overwrite(ctx context.Context, appID, guildID discord.Snowflake, cmds []discord.OverwriteApplicationCommandRequest) ([]discord.ApplicationCommand, error) {
	if guildID == 0 {
		return r.c.Commands.BulkOverwriteGlobal(ctx, appID, cmds)
	}
	return r.c.Commands.BulkOverwriteGuild(ctx, appID, guildID, cmds)
}

// SyncResult says what Sync changed, by command name ("name" for slash
// commands, "user:name" and "message:name" for context menu commands).
type SyncResult struct {
	Added, Changed, Removed []string
	// Wrote is whether Sync overwrote the registered commands.
	Wrote bool
}

// Sync makes the commands registered with Discord (the global ones when
// guildID is 0, else the guild's) those the router declares. It compares
// them as Discord means them — ignoring IDs and versions, with defaults made
// explicit — and writes them with one bulk overwrite only when they differ,
// so a bot can call it at every start without spending Discord's daily
// limit of command creations. No DefaultMemberPermissions (everyone) and
// Some(0) (administrators only) are different commands.
func (r *Router) Sync(ctx context.Context, api CommandsAPI, appID, guildID discord.Snowflake) (SyncResult, error) {
	var res SyncResult
	registered, err := api.List(ctx, appID, guildID)
	if err != nil {
		return res, fmt.Errorf("interactions: sync: list commands of guild %d: %w", guildID, err)
	}
	have := map[string][]byte{}
	for i := range registered {
		have[commandLabel(registered[i].Type, registered[i].Name)] = canonical(fromRegistered(&registered[i]))
	}
	declared := r.Commands()
	for i := range declared {
		label := commandLabel(declared[i].Type, declared[i].Name)
		old, ok := have[label]
		switch {
		case !ok:
			res.Added = append(res.Added, label)
		case !bytes.Equal(old, canonical(fromDeclared(&declared[i]))):
			res.Changed = append(res.Changed, label)
		}
		delete(have, label)
	}
	for label := range have {
		res.Removed = append(res.Removed, label)
	}
	slices.Sort(res.Removed)
	if len(res.Added)+len(res.Changed)+len(res.Removed) == 0 {
		return res, nil
	}
	body := make([]discord.OverwriteApplicationCommandRequest, len(declared))
	for i, c := range declared {
		body[i] = discord.OverwriteApplicationCommandRequest{
			Name: c.Name, NameLocalizations: c.NameLocalizations,
			Description: c.Description, DescriptionLocalizations: c.DescriptionLocalizations,
			Options: c.Options, DefaultMemberPermissions: c.DefaultMemberPermissions, DMPermission: c.DMPermission,
			Contexts: c.Contexts, IntegrationTypes: c.IntegrationTypes, Handler: c.Handler, Type: c.Type,
		}
		if err := body[i].Validate(); err != nil {
			return res, fmt.Errorf("interactions: sync: command %q: %w", c.Name, err)
		}
	}
	if _, err := api.Overwrite(ctx, appID, guildID, body); err != nil {
		return res, fmt.Errorf("interactions: sync: overwrite commands of guild %d: %w", guildID, err)
	}
	res.Wrote = true
	return res, nil
}

func commandLabel(t discord.ApplicationCommandType, name string) string {
	switch t {
	case discord.ApplicationCommandTypeUser:
		return "user:" + name
	case discord.ApplicationCommandTypeMessage:
		return "message:" + name
	case 0, discord.ApplicationCommandTypeChatInput:
		return name
	}
	return fmt.Sprintf("%d:%s", t, name)
}

// commandShape is a command reduced to what Discord shows and enforces, with
// defaults made explicit.
type commandShape struct {
	Type        discord.ApplicationCommandType
	Name        string
	NameL10n    map[discord.Locale]string
	Description string
	DescL10n    map[discord.Locale]string
	Options     []optionShape
	Perms       *discord.Permissions // nil: no restriction; 0: administrators only
	Contexts    []discord.InteractionContextType
	Integration []discord.ApplicationIntegrationType
	NSFW        bool
}

type optionShape struct {
	Type         discord.ApplicationCommandOptionType
	Name         string
	NameL10n     map[discord.Locale]string
	Description  string
	DescL10n     map[discord.Locale]string
	Required     bool
	Autocomplete bool
	Choices      []any
	MinLength    int
	MaxLength    int
	MinValue     *float64
	MaxValue     *float64
	ChannelTypes []discord.ChannelType
	Options      []optionShape
}

func fromRegistered(c *discord.ApplicationCommand) commandShape {
	return normal(commandShape{Type: c.Type, Name: c.Name, NameL10n: c.NameLocalizations, Description: c.Description,
		DescL10n: c.DescriptionLocalizations, Options: optionShapes(c.Options), Perms: permsOf(c.DefaultMemberPermissions),
		Contexts: c.Contexts, Integration: c.IntegrationTypes, NSFW: c.NSFW})
}

// permsOf tells "no restriction" (nil) from a permission set, 0 included.
func permsOf(o discord.Optional[discord.Permissions]) *discord.Permissions {
	if p, ok := o.Get(); ok {
		return &p
	}
	return nil
}

func fromDeclared(c *discord.CreateApplicationCommandRequest) commandShape {
	return normal(commandShape{Type: c.Type, Name: c.Name, NameL10n: c.NameLocalizations, Description: c.Description,
		DescL10n: c.DescriptionLocalizations, Options: optionShapes(c.Options), Perms: permsOf(c.DefaultMemberPermissions),
		Contexts: c.Contexts, Integration: c.IntegrationTypes})
}

func optionShapes(os []discord.ApplicationCommandOption) []optionShape {
	out := make([]optionShape, 0, len(os))
	for _, o := range os {
		co := optionShape{Type: o.Type, Name: o.Name, NameL10n: o.NameLocalizations, Description: o.Description,
			DescL10n: o.DescriptionLocalizations, Required: o.Required, Autocomplete: o.Autocomplete,
			MinLength: o.MinLength, MaxLength: o.MaxLength, ChannelTypes: o.ChannelTypes, Options: optionShapes(o.Options)}
		for _, ch := range o.Choices {
			co.Choices = append(co.Choices, map[string]any{"name": ch.Name, "l10n": emptyNil(ch.NameLocalizations), "value": ch.Value})
		}
		if v, ok := o.MinValue.Get(); ok {
			co.MinValue = &v
		}
		if v, ok := o.MaxValue.Get(); ok {
			co.MaxValue = &v
		}
		co.NameL10n, co.DescL10n = emptyNil(co.NameL10n), emptyNil(co.DescL10n)
		if len(co.ChannelTypes) == 0 {
			co.ChannelTypes = nil
		}
		out = append(out, co)
	}
	return out
}

func normal(c commandShape) commandShape {
	if c.Type == 0 {
		c.Type = discord.ApplicationCommandTypeChatInput
	}
	c.NameL10n, c.DescL10n = emptyNil(c.NameL10n), emptyNil(c.DescL10n)
	if len(c.Contexts) == 0 {
		c.Contexts = nil
	}
	// Discord installs a command for guilds when no integration type is
	// given.
	if len(c.Integration) == 0 {
		c.Integration = []discord.ApplicationIntegrationType{discord.ApplicationIntegrationTypeGuildInstall}
	}
	return c
}

func emptyNil(m map[discord.Locale]string) map[discord.Locale]string {
	if len(m) == 0 {
		return nil
	}
	return m
}

// canonical is c in JSON, so that choice values compare by their JSON form
// (an int 1 equals a float64 1 decoded from Discord).
func canonical(c commandShape) []byte {
	b, err := json.Marshal(c)
	if err != nil {
		panic(err)
	}
	return b
}

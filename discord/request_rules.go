package discord

import (
	"regexp"
	"strings"
)

// The rules in this file are Discord's documented limits that the OpenAPI
// spec does not state; the generated validate methods call validateMore.

// commandName matches the names of slash commands and their options: 1 to 32
// letters, digits, '-' or '_' in any script (Discord's pattern,
// ^[-_\p{L}\p{N}\p{sc=Deva}\p{sc=Thai}]{1,32}$).
var commandName = regexp.MustCompile(`^[-_\p{L}\p{N}\p{Devanagari}\p{Thai}]{1,32}$`)

// Discord's limits on application commands.
const (
	// MaxCommandCharacters is the largest combined length of a command's
	// name, description and its options' names, descriptions and choices.
	MaxCommandCharacters = 8000
	// MaxCommandOptions is the largest number of options of a command or a
	// subcommand, and of choices of an option.
	MaxCommandOptions = 25
)

// An empty message is not checked here: files uploaded with the request
// make it valid, and they are not part of the body. Discord answers an empty
// message with error 50006.
func (r *CreateMessageRequest) validateMore(v *validator, path string) {
	if n := chars(string(r.Nonce)); n > 25 {
		v.add(field(path, "nonce"), "longer than 25 characters (%d)", n)
	}
	if r.Flags.Has(MessageFlagIsComponentsV2) && (r.Content != "" || len(r.Embeds) > 0 || r.Poll != nil || len(r.StickerIDs) > 0) {
		v.add(field(path, "flags"), "IS_COMPONENTS_V2 messages cannot have content, embeds, stickers or a poll")
	}
}

func (r *CreateApplicationCommandRequest) validateMore(v *validator, path string) {
	validateCommand(v, path, r.Type, r.Name, r.Description, r.Options)
}

func (r *OverwriteApplicationCommandRequest) validateMore(v *validator, path string) {
	validateCommand(v, path, r.Type, r.Name, r.Description, r.Options)
}

func (r *UpdateApplicationCommandRequest) validateMore(v *validator, path string) {
	if r.Name != "" {
		validateName(v, field(path, "name"), r.Name, true)
	}
	validateOptionOrder(v, path, r.Options)
}

// validateCommand checks the rules that depend on the command's type, the
// naming rules and the 8000-character total.
func validateCommand(v *validator, path string, typ ApplicationCommandType, name, description string, opts []ApplicationCommandOption) {
	slash := typ == 0 || typ == ApplicationCommandTypeChatInput
	validateName(v, field(path, "name"), name, slash)
	switch {
	case slash && description == "":
		v.add(field(path, "description"), "required for CHAT_INPUT commands")
	case !slash && description != "":
		v.add(field(path, "description"), "must be empty for USER and MESSAGE commands")
	case !slash && len(opts) > 0:
		v.add(field(path, "options"), "only CHAT_INPUT commands take options")
	}
	validateOptionOrder(v, path, opts)
	total := chars(name) + chars(description)
	for i := range opts {
		total += opts[i].characters()
	}
	if total > MaxCommandCharacters {
		v.add(path, "name, description and options total more than %d characters (%d)", MaxCommandCharacters, total)
	}
}

// validateName checks a command or option name; slash command names must
// also be lowercase.
func validateName(v *validator, path, name string, lowercase bool) {
	if name == "" {
		return // reported as required by the generated checks
	}
	if !commandName.MatchString(name) {
		v.add(path, "must be 1 to 32 letters, digits, '-' or '_' (%q)", name)
	} else if lowercase && strings.ToLower(name) != name {
		v.add(path, "must be lowercase (%q)", name)
	}
}

// validateOptionOrder checks that required options come before optional
// ones, as Discord requires.
func validateOptionOrder(v *validator, path string, opts []ApplicationCommandOption) {
	optional := false
	for i, o := range opts {
		if o.Type == ApplicationCommandOptionTypeSubCommand || o.Type == ApplicationCommandOptionTypeSubCommandGroup {
			continue
		}
		if !o.Required {
			optional = true
		} else if optional {
			v.add(index(path, "options", i), "required options must come before optional ones")
		}
	}
}

func (o *ApplicationCommandOption) validateMore(v *validator, path string) {
	validateName(v, field(path, "name"), o.Name, true)
	v.required(field(path, "description"), o.Description != "")
	switch o.Type {
	case ApplicationCommandOptionTypeSubCommandGroup:
		for i, sub := range o.Options {
			if sub.Type != ApplicationCommandOptionTypeSubCommand {
				v.add(index(path, "options", i), "a subcommand group holds only subcommands")
			}
		}
	case ApplicationCommandOptionTypeSubCommand:
		for i, sub := range o.Options {
			if sub.Type == ApplicationCommandOptionTypeSubCommand || sub.Type == ApplicationCommandOptionTypeSubCommandGroup {
				v.add(index(path, "options", i), "a subcommand cannot hold subcommands or groups")
			}
		}
		validateOptionOrder(v, path, o.Options)
	default:
		if len(o.Options) > 0 {
			v.add(field(path, "options"), "only subcommands and groups hold options")
		}
	}
	if o.Autocomplete && len(o.Choices) > 0 {
		v.add(field(path, "autocomplete"), "cannot be set together with choices")
	}
	if len(o.Choices) > 0 && o.Type != ApplicationCommandOptionTypeString &&
		o.Type != ApplicationCommandOptionTypeInteger && o.Type != ApplicationCommandOptionTypeNumber {
		v.add(field(path, "choices"), "only string, integer and number options have choices")
	}
	if o.MinLength > 6000 {
		v.add(field(path, "min_length"), "must be between 0 and 6000 (%d)", o.MinLength)
	}
	if o.MaxLength != 0 && (o.MaxLength < 1 || o.MaxLength > 6000) {
		v.add(field(path, "max_length"), "must be between 1 and 6000 (%d)", o.MaxLength)
	}
}

// characters counts the option toward the 8000-character command total.
func (o *ApplicationCommandOption) characters() int {
	n := chars(o.Name) + chars(o.Description)
	for _, c := range o.Choices {
		n += chars(c.Name)
		if s, ok := c.Value.(string); ok {
			n += chars(s)
		}
	}
	for i := range o.Options {
		n += o.Options[i].characters()
	}
	return n
}

func (c *ApplicationCommandOptionChoice) validateMore(v *validator, path string) {
	v.required(field(path, "name"), c.Name != "")
	switch x := c.Value.(type) {
	case string:
		v.length(field(path, "value"), x, 1, 100)
	case nil:
		v.add(field(path, "value"), "required")
	case float64, int, int64, int32, float32:
	default:
		v.add(field(path, "value"), "must be a string, an integer or a number (%T)", c.Value)
	}
}

func (r *CreatePollRequest) validateMore(v *validator, path string) {
	if r.Question.Text == "" {
		v.add(field(field(path, "question"), "text"), "required")
	}
	if len(r.Answers) == 0 {
		v.add(field(path, "answers"), "a poll needs at least one answer")
	}
	for i, a := range r.Answers {
		switch n := chars(a.PollMedia.Text); {
		case n == 0:
			v.add(field(index(path, "answers", i), "poll_media.text"), "required")
		case n > 55:
			v.add(field(index(path, "answers", i), "poll_media.text"), "longer than 55 characters (%d)", n)
		}
	}
}

package interactions

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"strings"
	"sync"
	"time"

	"github.com/cordage/cordage/discord"
)

// Responder sends answers to interactions. The REST client implements it;
// the HTTP endpoint wraps it to send the first answer as the HTTP response.
type Responder interface {
	// Respond sends the first answer to an interaction (the callback).
	Respond(ctx context.Context, i *discord.Interaction, r *discord.InteractionResponse) error
	// EditOriginal edits the first answer.
	EditOriginal(ctx context.Context, i *discord.Interaction, req *discord.EditWebhookMessageRequest) (*discord.Message, error)
	// Followup sends another message.
	Followup(ctx context.Context, i *discord.Interaction, req *discord.ExecuteWebhookRequest) (*discord.Message, error)
}

// HandlerFunc handles a command, component or modal interaction and returns
// the answer. Returning nil after answering with Context.Respond is allowed.
type HandlerFunc func(ctx context.Context, c *Context) (*discord.InteractionResponse, error)

// AutocompleteFunc returns the choices for the option a user is typing into;
// Context.Focused names it and holds what was typed.
type AutocompleteFunc func(ctx context.Context, c *Context) ([]discord.ApplicationCommandOptionChoice, error)

// Middleware wraps every handler the router calls.
type Middleware func(next HandlerFunc) HandlerFunc

// ErrNoRoute is returned by Router.Handle for an interaction no handler
// matches.
var ErrNoRoute = errors.New("interactions: no handler")

// DefaultAutoDefer is how long a handler may run before the router defers
// the interaction for it; Discord's limit for the first answer is 3 s.
const DefaultAutoDefer = 2500 * time.Millisecond

// Router routes interactions to handlers. Register everything before the
// router handles its first interaction.
type Router struct {
	commands   map[commandKey]*Command
	routes     map[commandKey]route // by full path "group sub"
	components []pattern
	modals     []pattern
	middleware []Middleware
	autoDefer  time.Duration
	logger     *slog.Logger
}

type commandKey struct {
	typ  discord.ApplicationCommandType
	name string // top-level name, or "name group sub" for routes
}

type route struct {
	handle       HandlerFunc
	autocomplete AutocompleteFunc
}

// Option configures a Router.
type Option func(*Router)

// WithAutoDefer sets how long a handler may run before the router defers its
// interaction; 0 turns automatic deferral off.
func WithAutoDefer(d time.Duration) Option { return func(r *Router) { r.autoDefer = d } }

// WithLogger sets the logger of failed handlers; the default is slog.Default().
func WithLogger(l *slog.Logger) Option { return func(r *Router) { r.logger = l } }

// NewRouter returns an empty router.
func NewRouter(opts ...Option) *Router {
	r := &Router{commands: map[commandKey]*Command{}, routes: map[commandKey]route{}, autoDefer: DefaultAutoDefer, logger: slog.Default()}
	for _, o := range opts {
		o(r)
	}
	return r
}

// SetAutoDefer sets how long a handler may run before the router defers its
// interaction, as WithAutoDefer does, for a router created by someone else
// (such as cordage.Group's); 0 turns automatic deferral off. Call it before
// the router handles its first interaction.
func (r *Router) SetAutoDefer(d time.Duration) { r.autoDefer = d }

// Use adds middleware around every handler.
func (r *Router) Use(m Middleware) { r.middleware = append(r.middleware, m) }

// Command declares an application command and routes it. A command with
// Subcommands routes each of them (and their own subcommands, for groups)
// instead of Handle. It panics if the declaration is invalid (a duplicate
// name, a handler missing), which is a programming error found at start.
func (r *Router) Command(c Command) {
	if c.Type == 0 {
		c.Type = discord.ApplicationCommandTypeChatInput
	}
	key := commandKey{c.Type, c.Name}
	if _, dup := r.commands[key]; dup {
		panic(fmt.Sprintf("interactions: command %q declared twice", c.Name))
	}
	r.commands[key] = &c
	r.addRoutes(c.Type, c.Name, &c)
}

func (r *Router) addRoutes(typ discord.ApplicationCommandType, path string, c *Command) {
	if len(c.Subcommands) == 0 {
		if c.Handle == nil {
			panic(fmt.Sprintf("interactions: command %q has no handler", path))
		}
		r.routes[commandKey{typ, path}] = route{handle: c.Handle, autocomplete: c.Autocomplete}
		return
	}
	for i := range c.Subcommands {
		sub := &c.Subcommands[i]
		r.addRoutes(typ, path+" "+sub.Name, sub)
	}
}

// Component routes component interactions whose custom_id matches pattern,
// such as "vote/{poll}/{choice}"; Context.Param reads the parameters. The
// first matching pattern wins.
func (r *Router) Component(pattern string, h HandlerFunc) {
	r.components = append(r.components, compile(pattern, h))
}

// Modal routes modal submits whose custom_id matches pattern.
func (r *Router) Modal(pattern string, h HandlerFunc) {
	r.modals = append(r.modals, compile(pattern, h))
}

// Commands returns the declarations of every command, for registration.
func (r *Router) Commands() []discord.CreateApplicationCommandRequest {
	out := make([]discord.CreateApplicationCommandRequest, 0, len(r.commands))
	for _, c := range r.commands {
		out = append(out, c.Request())
	}
	sortCommands(out)
	return out
}

// Handle routes one interaction and answers it through resp. It returns once
// the handler has returned and its answer was sent. A PING is answered with
// PONG.
func (r *Router) Handle(ctx context.Context, i *discord.Interaction, resp Responder) error {
	c := &Context{Interaction: i, responder: resp}
	if i.Data != nil {
		c.Options = i.Data.Options
	}
	var h HandlerFunc
	switch i.Type {
	case discord.InteractionTypePing:
		return resp.Respond(ctx, i, &discord.InteractionResponse{Type: discord.InteractionResponseTypePong})
	case discord.InteractionTypeApplicationCommand, discord.InteractionTypeApplicationCommandAutocomplete:
		rt, opts, ok := r.commandRoute(i)
		if !ok {
			return fmt.Errorf("%w for command %q", ErrNoRoute, i.Data.Name)
		}
		c.Options = opts
		if i.Type == discord.InteractionTypeApplicationCommandAutocomplete {
			if rt.autocomplete == nil {
				return fmt.Errorf("%w for autocomplete of %q", ErrNoRoute, i.Data.Name)
			}
			h = func(ctx context.Context, c *Context) (*discord.InteractionResponse, error) {
				choices, err := rt.autocomplete(ctx, c)
				if err != nil {
					return nil, err
				}
				return Choices(choices...), nil
			}
		} else {
			h = rt.handle
		}
	case discord.InteractionTypeMessageComponent:
		h = match(r.components, i.Data, c)
	case discord.InteractionTypeModalSubmit:
		h = match(r.modals, i.Data, c)
	}
	if h == nil {
		id := ""
		if i.Data != nil {
			id = i.Data.CustomID
		}
		return fmt.Errorf("%w for %s interaction %q", ErrNoRoute, i.Type, id)
	}
	for k := len(r.middleware) - 1; k >= 0; k-- {
		h = r.middleware[k](h)
	}
	return r.run(ctx, c, h)
}

// commandRoute finds the handler of a command interaction and the options of
// the chosen subcommand.
func (r *Router) commandRoute(i *discord.Interaction) (route, []discord.ApplicationCommandDataOption, bool) {
	if i.Data == nil {
		return route{}, nil, false
	}
	typ := i.Data.CommandType
	if typ == 0 {
		typ = discord.ApplicationCommandTypeChatInput
	}
	path, opts := i.Data.Name, i.Data.Options
	for len(opts) == 1 && (opts[0].Type == discord.ApplicationCommandOptionTypeSubCommand ||
		opts[0].Type == discord.ApplicationCommandOptionTypeSubCommandGroup) {
		path += " " + opts[0].Name
		opts = opts[0].Options
	}
	rt, ok := r.routes[commandKey{typ, path}]
	return rt, opts, ok
}

// run calls the handler, deferring the interaction if it runs long, and
// sends what it returns.
func (r *Router) run(ctx context.Context, c *Context, h HandlerFunc) error {
	type result struct {
		resp *discord.InteractionResponse
		err  error
	}
	done := make(chan result, 1)
	go func() {
		defer func() {
			if p := recover(); p != nil {
				done <- result{err: fmt.Errorf("interactions: handler panicked: %v", p)}
			}
		}()
		resp, err := h(ctx, c)
		done <- result{resp, err}
	}()

	var timer <-chan time.Time
	if r.autoDefer > 0 && c.Interaction.Type != discord.InteractionTypeApplicationCommandAutocomplete {
		t := time.NewTimer(r.autoDefer)
		defer t.Stop()
		timer = t.C
	}
	for {
		select {
		case res := <-done:
			if res.err != nil {
				r.logger.ErrorContext(ctx, "interactions: handler failed", "interaction", c.Interaction.ID,
					"type", c.Interaction.Type, "error", res.err)
				return res.err
			}
			if res.resp != nil {
				if err := c.answer(ctx, res.resp); err != nil {
					return err
				}
			}
			if c.panicked != nil { // answered by Recover
				r.logger.ErrorContext(ctx, "interactions: handler panicked", "interaction", c.Interaction.ID, "error", c.panicked)
				return c.panicked
			}
			return nil
		case <-timer:
			timer = nil
			if err := c.deferNow(ctx); err != nil {
				r.logger.WarnContext(ctx, "interactions: automatic deferral failed", "interaction", c.Interaction.ID, "error", err)
			}
		}
	}
}

// Context is one interaction on its way through a handler.
type Context struct {
	Interaction *discord.Interaction
	// Options are the options of the routed command or subcommand.
	Options []discord.ApplicationCommandDataOption
	params  map[string]string

	responder Responder
	panicked  error // set by Recover
	mu        sync.Mutex
	state     answerState
}

type answerState uint8

const (
	unanswered answerState = iota
	deferred
	answered
)

// Param returns a path parameter of the matched custom_id pattern.
func (c *Context) Param(name string) string { return c.params[name] }

// Respond sends resp now instead of returning it, for a handler that wants
// to keep working after answering. After an automatic deferral, a message
// becomes an edit of the deferred response.
func (c *Context) Respond(ctx context.Context, resp *discord.InteractionResponse) error {
	return c.answer(ctx, resp)
}

func (c *Context) answer(ctx context.Context, resp *discord.InteractionResponse) error {
	if err := resp.Validate(); err != nil {
		return err
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	switch c.state {
	case unanswered:
		if err := c.responder.Respond(ctx, c.Interaction, resp); err != nil {
			return err
		}
		c.state = answered
		if resp.Type == discord.InteractionResponseTypeDeferredChannelMessageWithSource ||
			resp.Type == discord.InteractionResponseTypeDeferredUpdateMessage {
			c.state = deferred
		}
		return nil
	case deferred:
		if resp.Data == nil {
			return nil
		}
		_, err := c.responder.EditOriginal(ctx, c.Interaction, editFrom(resp.Data))
		if err == nil {
			c.state = answered
		}
		return err
	}
	return errors.New("interactions: interaction already answered; use Followup or EditOriginal")
}

// deferNow defers an unanswered interaction: a deferred message for
// commands and modals, a deferred update for components.
func (c *Context) deferNow(ctx context.Context) error {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.state != unanswered {
		return nil
	}
	resp := &discord.InteractionResponse{Type: discord.InteractionResponseTypeDeferredChannelMessageWithSource}
	if c.Interaction.Type == discord.InteractionTypeMessageComponent {
		resp.Type = discord.InteractionResponseTypeDeferredUpdateMessage
	}
	if err := c.responder.Respond(ctx, c.Interaction, resp); err != nil {
		return err
	}
	c.state = deferred
	return nil
}

// EditOriginal edits the first answer.
func (c *Context) EditOriginal(ctx context.Context, req *discord.EditWebhookMessageRequest) (*discord.Message, error) {
	if err := req.Validate(); err != nil {
		return nil, err
	}
	return c.responder.EditOriginal(ctx, c.Interaction, req)
}

// Followup sends another message; it needs the interaction to be answered
// (or deferred) first.
func (c *Context) Followup(ctx context.Context, req *discord.ExecuteWebhookRequest) (*discord.Message, error) {
	if err := req.Validate(); err != nil {
		return nil, err
	}
	return c.responder.Followup(ctx, c.Interaction, req)
}

// editFrom turns a message answer into an edit of the deferred response.
func editFrom(d *discord.InteractionResponseData) *discord.EditWebhookMessageRequest {
	e := &discord.EditWebhookMessageRequest{
		Embeds: d.Embeds, Components: d.Components, Attachments: d.Attachments,
	}
	if d.Content != "" {
		e.Content = discord.Some(d.Content)
	}
	if d.AllowedMentions != nil {
		e.AllowedMentions = discord.Some(*d.AllowedMentions)
	}
	if d.Poll != nil {
		e.Poll = discord.Some(*d.Poll)
	}
	if d.Flags != 0 {
		e.Flags = discord.Some(d.Flags &^ discord.MessageFlagEphemeral)
	}
	return e
}

// pattern is a compiled custom_id pattern.
type pattern struct {
	parts   []string // literal segments, or "{name}"
	handler HandlerFunc
}

func compile(p string, h HandlerFunc) pattern {
	if h == nil {
		panic("interactions: nil handler for " + p)
	}
	return pattern{parts: strings.Split(p, "/"), handler: h}
}

// match finds the first pattern matching the custom_id of data and records
// its parameters in c.
func match(patterns []pattern, data *discord.InteractionData, c *Context) HandlerFunc {
	if data == nil {
		return nil
	}
	segs := strings.Split(data.CustomID, "/")
	for _, p := range patterns {
		if len(p.parts) != len(segs) {
			continue
		}
		params := map[string]string{}
		ok := true
		for k, part := range p.parts {
			if strings.HasPrefix(part, "{") && strings.HasSuffix(part, "}") {
				params[part[1:len(part)-1]] = segs[k]
			} else if part != segs[k] {
				ok = false
				break
			}
		}
		if ok {
			c.params = params
			return p.handler
		}
	}
	return nil
}

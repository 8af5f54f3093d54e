package interactions

import (
	"context"
	"fmt"
	"log/slog"
	"time"

	"github.com/cordage/cordage/discord"
)

// Logging logs every interaction the router handles: its kind, command or
// custom_id, the invoking user, how long the handler took and its error.
func Logging(l *slog.Logger) Middleware {
	return func(next HandlerFunc) HandlerFunc {
		return func(ctx context.Context, c *Context) (*discord.InteractionResponse, error) {
			start := time.Now()
			resp, err := next(ctx, c)
			i := c.Interaction
			attrs := []any{"type", i.Type.String(), "took", time.Since(start)}
			if i.Data != nil {
				attrs = append(attrs, "name", i.Data.Name, "custom_id", i.Data.CustomID)
			}
			if u := i.Invoker(); u != nil {
				attrs = append(attrs, "user", u.ID)
			}
			if err != nil {
				l.ErrorContext(ctx, "interaction failed", append(attrs, "error", err)...)
			} else {
				l.InfoContext(ctx, "interaction", attrs...)
			}
			return resp, err
		}
	}
}

// RequirePermissions answers, only to the invoking user, that they lack
// permissions when they do not have every bit of p in the channel (from
// Member.Permissions, which Discord sends with guild interactions). DMs have
// no member and are refused too.
func RequirePermissions(p discord.Permissions) Middleware {
	return func(next HandlerFunc) HandlerFunc {
		return func(ctx context.Context, c *Context) (*discord.InteractionResponse, error) {
			m := c.Interaction.Member
			if m == nil || !m.Permissions.Has(p) {
				return ReplyEphemeral(fmt.Sprintf("You need these permissions here: %s.", p)), nil
			}
			return next(ctx, c)
		}
	}
}

// Recover answers the user with an ephemeral apology when a handler panics,
// instead of letting the interaction fail in their client; the panic is
// still returned as an error, so it is logged.
func Recover() Middleware {
	return func(next HandlerFunc) (h HandlerFunc) {
		return func(ctx context.Context, c *Context) (resp *discord.InteractionResponse, err error) {
			defer func() {
				if p := recover(); p != nil {
					resp = ReplyEphemeral("Something went wrong; the bot's developers have been told.")
					err = nil
					c.panicked = fmt.Errorf("interactions: handler panicked: %v", p)
				}
			}()
			return next(ctx, c)
		}
	}
}

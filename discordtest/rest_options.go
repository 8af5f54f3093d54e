package discordtest

import (
	"fmt"
	"time"

	"github.com/cordage/cordage/discord"
)

// defaultBotPermissions are the permissions of the bot's managed role in a
// new guild: everything but Administrator, so a bot under test can act, and
// a test takes a permission away (a channel overwrite, a role edit) to see
// 50013 Missing Permissions.
const defaultBotPermissions = discord.PermissionsAll &^ discord.PermissionAdministrator

// WithRateLimit sets the per-route limit of every bucket: n requests per
// window, for each route group and value of its major parameter (channel,
// guild or webhook). The default is 5 per second. n <= 0 turns per-route
// limits off, and with them the X-RateLimit-* headers.
func WithRateLimit(n int, per time.Duration) Option {
	return func(c *config) { c.rateLimit = limit{n: n, per: per} }
}

// WithRouteRateLimit sets the limit of one route, named by method and path
// template ("POST /channels/{channel_id}/messages") or by the spec's
// operation ID ("create_message"). NewServer fails on an unknown route.
func WithRouteRateLimit(route string, n int, per time.Duration) Option {
	return func(c *config) {
		rt, ok := newRouter(routeTable).lookup(route)
		if !ok {
			c.err = fmt.Errorf("discordtest: WithRouteRateLimit: unknown route %q", route)
			return
		}
		c.routeLimits[rt.name()] = limit{n: n, per: per}
	}
}

// WithGlobalRateLimit sets the global limit of each credential: n requests
// per window across every route, except interaction callbacks and routes
// that authenticate with a webhook token. Discord's, and the default, is 50
// per second; n <= 0 turns it off.
func WithGlobalRateLimit(n int, per time.Duration) Option {
	return func(c *config) { c.globalLimit = limit{n: n, per: per} }
}

// WithClock sets the clock of rate-limit windows and interaction deadlines,
// so a test can move time forward instead of sleeping. The default is
// time.Now.
func WithClock(now func() time.Time) Option {
	return func(c *config) { c.clock = now }
}

// WithBotPermissions sets the permissions of the managed role the bot gets
// in every guild AddGuild creates. The default is every permission but
// Administrator.
func WithBotPermissions(p discord.Permissions) Option {
	return func(c *config) { c.botPermissions = p }
}

// WithInteractionDeadline sets how long after an interaction is created its
// callback is accepted; Discord's, and the default, is 3 seconds. Follow-ups
// through the interaction's webhook work for 15 minutes after it.
func WithInteractionDeadline(d time.Duration) Option {
	return func(c *config) { c.interactionTTL = d }
}

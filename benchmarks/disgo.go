package benchmarks

import (
	"fmt"
	"strings"

	"github.com/disgoorg/disgo/bot"
	"github.com/disgoorg/disgo/gateway"
)

// disgo decodes with gateway.UnmarshalEventData, the function disgo's
// gateway calls for every dispatch (through gateway.Message.UnmarshalJSON),
// and dispatches with a bot.EventManager whose gateway handlers are the
// no-op handlers. disgo's default gateway handlers (package handlers), which
// update its caches and build the events.* values listeners get, are left
// out: cordage has no cache in this path either.
type disgo struct {
	m bot.EventManager
	n int
}

func newDisgo() library {
	g := &disgo{}
	hs := map[gateway.EventType]bot.GatewayEventHandler{}
	disgoOn[gateway.EventReady](g, hs, gateway.EventTypeReady)
	disgoOn[gateway.EventGuildCreate](g, hs, gateway.EventTypeGuildCreate)
	disgoOn[gateway.EventGuildUpdate](g, hs, gateway.EventTypeGuildUpdate)
	disgoOn[gateway.EventGuildMemberAdd](g, hs, gateway.EventTypeGuildMemberAdd)
	disgoOn[gateway.EventGuildMemberUpdate](g, hs, gateway.EventTypeGuildMemberUpdate)
	disgoOn[gateway.EventGuildMemberRemove](g, hs, gateway.EventTypeGuildMemberRemove)
	disgoOn[gateway.EventGuildBanAdd](g, hs, gateway.EventTypeGuildBanAdd)
	disgoOn[gateway.EventGuildRoleCreate](g, hs, gateway.EventTypeGuildRoleCreate)
	disgoOn[gateway.EventGuildRoleUpdate](g, hs, gateway.EventTypeGuildRoleUpdate)
	disgoOn[gateway.EventGuildEmojisUpdate](g, hs, gateway.EventTypeGuildEmojisUpdate)
	disgoOn[gateway.EventChannelCreate](g, hs, gateway.EventTypeChannelCreate)
	disgoOn[gateway.EventChannelUpdate](g, hs, gateway.EventTypeChannelUpdate)
	disgoOn[gateway.EventChannelDelete](g, hs, gateway.EventTypeChannelDelete)
	disgoOn[gateway.EventThreadMembersUpdate](g, hs, gateway.EventTypeThreadMembersUpdate)
	disgoOn[gateway.EventMessageCreate](g, hs, gateway.EventTypeMessageCreate)
	disgoOn[gateway.EventMessageUpdate](g, hs, gateway.EventTypeMessageUpdate)
	disgoOn[gateway.EventMessageDelete](g, hs, gateway.EventTypeMessageDelete)
	disgoOn[gateway.EventMessageReactionAdd](g, hs, gateway.EventTypeMessageReactionAdd)
	disgoOn[gateway.EventMessageReactionRemove](g, hs, gateway.EventTypeMessageReactionRemove)
	disgoOn[gateway.EventVoiceStateUpdate](g, hs, gateway.EventTypeVoiceStateUpdate)
	disgoOn[gateway.EventInviteCreate](g, hs, gateway.EventTypeInviteCreate)
	disgoOn[gateway.EventApplicationCommandPermissionsUpdate](g, hs, gateway.EventTypeApplicationCommandPermissionsUpdate)
	// The handlers ignore the client, so the manager needs none.
	g.m = bot.NewEventManager(nil, bot.WithGatewayHandlers(hs))
	return g
}

// disgoOn registers the no-op gateway handler of event data type E.
func disgoOn[E gateway.EventData](g *disgo, hs map[gateway.EventType]bot.GatewayEventHandler, t gateway.EventType) {
	hs[t] = bot.NewGatewayEventHandler(t, func(bot.Client, int, int, E) { g.n++ })
}

func (g *disgo) Handle(name string, d []byte) error {
	t := gateway.EventType(name)
	e, err := gateway.UnmarshalEventData(d, t)
	if err != nil {
		return err
	}
	if _, ok := e.(gateway.EventUnknown); ok {
		// disgo's gateway logs and drops these.
		return fmt.Errorf("disgo: %s: %w", name, errNotDecoded)
	}
	g.m.HandleGatewayEvent(t, 0, 0, e)
	return nil
}

func (g *disgo) Wait() int { return g.n }

// disgoKnownFailure matches the error disgo returns for a guild with a store
// channel (type 6, which Discord retired in 2022): it rejects the whole
// GUILD_CREATE, and its gateway logs and drops the event. One guild of the
// corpus has one.
func disgoKnownFailure(err error) bool {
	return strings.Contains(err.Error(), "unknown channel with type 6 received")
}

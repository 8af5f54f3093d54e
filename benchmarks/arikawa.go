package benchmarks

import (
	"fmt"

	"github.com/diamondburned/arikawa/v3/gateway"
	"github.com/diamondburned/arikawa/v3/utils/handler"
	"github.com/diamondburned/arikawa/v3/utils/json"
	"github.com/diamondburned/arikawa/v3/utils/ws"
)

// arikawa decodes the way its ws.Codec.DecodeInto does after reading the
// envelope: it looks the constructor up in gateway.OpUnmarshalers by opcode
// and event type and unmarshals d with json.Raw.UnmarshalTo. It dispatches
// with a handler.Handler, as session.Session does, calling sync handlers.
type arikawa struct {
	h *handler.Handler
	n int
}

func newArikawa() library {
	a := &arikawa{h: handler.New()}
	arikawaOn[*gateway.ReadyEvent](a)
	arikawaOn[*gateway.GuildCreateEvent](a)
	arikawaOn[*gateway.GuildUpdateEvent](a)
	arikawaOn[*gateway.GuildMemberAddEvent](a)
	arikawaOn[*gateway.GuildMemberUpdateEvent](a)
	arikawaOn[*gateway.GuildMemberRemoveEvent](a)
	arikawaOn[*gateway.GuildBanAddEvent](a)
	arikawaOn[*gateway.GuildRoleCreateEvent](a)
	arikawaOn[*gateway.GuildRoleUpdateEvent](a)
	arikawaOn[*gateway.GuildEmojisUpdateEvent](a)
	arikawaOn[*gateway.ChannelCreateEvent](a)
	arikawaOn[*gateway.ChannelUpdateEvent](a)
	arikawaOn[*gateway.ChannelDeleteEvent](a)
	arikawaOn[*gateway.ThreadMembersUpdateEvent](a)
	arikawaOn[*gateway.MessageCreateEvent](a)
	arikawaOn[*gateway.MessageUpdateEvent](a)
	arikawaOn[*gateway.MessageDeleteEvent](a)
	arikawaOn[*gateway.MessageReactionAddEvent](a)
	arikawaOn[*gateway.MessageReactionRemoveEvent](a)
	arikawaOn[*gateway.VoiceStateUpdateEvent](a)
	arikawaOn[*gateway.InviteCreateEvent](a)
	// arikawa v3.6.0 has no type for APPLICATION_COMMAND_PERMISSIONS_UPDATE.
	return a
}

// arikawaOn registers the no-op sync handler of event type E.
func arikawaOn[E gateway.Event](a *arikawa) {
	a.h.AddSyncHandler(func(E) { a.n++ })
}

const dispatchOp ws.OpCode = 0

func (a *arikawa) Handle(name string, d []byte) error {
	newEvent := gateway.OpUnmarshalers.Lookup(dispatchOp, ws.EventType(name))
	if newEvent == nil {
		return fmt.Errorf("arikawa: %s: %w", name, errNotDecoded)
	}
	e := newEvent()
	if err := json.Raw(d).UnmarshalTo(e); err != nil {
		return err
	}
	a.h.Call(e)
	return nil
}

func (a *arikawa) Wait() int { return a.n }

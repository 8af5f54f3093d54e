package benchmarks

import (
	"encoding/json"
	"fmt"

	"github.com/bwmarrin/discordgo"
)

// discordgo decodes the way discordgo's Session.onEvent does: it makes the
// typed struct registered for the event name and calls json.Unmarshal on d.
// discordgo exports neither that name-to-type table nor its handler
// dispatch (Session.handleEvent), so the table below is built from the
// exported event types and handlers are called as discordgo does with
// SyncEvents set: a map lookup by name, then the handler, which checks the
// type. Its state cache (State.OnInterface) is left out, like disgo's.
type discordGo struct {
	types    map[string]func() any
	handlers map[string][]func(any)
	n        int
}

func newDiscordgo() library {
	g := &discordGo{types: map[string]func() any{}, handlers: map[string][]func(any){}}
	discordgoOn[discordgo.Ready](g, "READY")
	discordgoOn[discordgo.GuildCreate](g, "GUILD_CREATE")
	discordgoOn[discordgo.GuildUpdate](g, "GUILD_UPDATE")
	discordgoOn[discordgo.GuildMemberAdd](g, "GUILD_MEMBER_ADD")
	discordgoOn[discordgo.GuildMemberUpdate](g, "GUILD_MEMBER_UPDATE")
	discordgoOn[discordgo.GuildMemberRemove](g, "GUILD_MEMBER_REMOVE")
	discordgoOn[discordgo.GuildBanAdd](g, "GUILD_BAN_ADD")
	discordgoOn[discordgo.GuildRoleCreate](g, "GUILD_ROLE_CREATE")
	discordgoOn[discordgo.GuildRoleUpdate](g, "GUILD_ROLE_UPDATE")
	discordgoOn[discordgo.GuildEmojisUpdate](g, "GUILD_EMOJIS_UPDATE")
	discordgoOn[discordgo.ChannelCreate](g, "CHANNEL_CREATE")
	discordgoOn[discordgo.ChannelUpdate](g, "CHANNEL_UPDATE")
	discordgoOn[discordgo.ChannelDelete](g, "CHANNEL_DELETE")
	discordgoOn[discordgo.ThreadMembersUpdate](g, "THREAD_MEMBERS_UPDATE")
	discordgoOn[discordgo.MessageCreate](g, "MESSAGE_CREATE")
	discordgoOn[discordgo.MessageUpdate](g, "MESSAGE_UPDATE")
	discordgoOn[discordgo.MessageDelete](g, "MESSAGE_DELETE")
	discordgoOn[discordgo.MessageReactionAdd](g, "MESSAGE_REACTION_ADD")
	discordgoOn[discordgo.MessageReactionRemove](g, "MESSAGE_REACTION_REMOVE")
	discordgoOn[discordgo.VoiceStateUpdate](g, "VOICE_STATE_UPDATE")
	discordgoOn[discordgo.InviteCreate](g, "INVITE_CREATE")
	discordgoOn[discordgo.ApplicationCommandPermissionsUpdate](g, "APPLICATION_COMMAND_PERMISSIONS_UPDATE")
	return g
}

// discordgoOn registers event type E under Discord's name for it, with a
// no-op handler.
func discordgoOn[E any](g *discordGo, name string) {
	g.types[name] = func() any { return new(E) }
	g.handlers[name] = append(g.handlers[name], func(i any) {
		if _, ok := i.(*E); ok {
			g.n++
		}
	})
}

func (g *discordGo) Handle(name string, d []byte) error {
	newEvent, ok := g.types[name]
	if !ok {
		return fmt.Errorf("discordgo: %s: %w", name, errNotDecoded)
	}
	e := newEvent()
	if err := json.Unmarshal(d, e); err != nil {
		return err
	}
	for _, h := range g.handlers[name] {
		h(e)
	}
	return nil
}

func (g *discordGo) Wait() int { return g.n }

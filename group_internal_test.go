package cordage

import (
	"testing"

	"github.com/cordage/cordage/discord"
	"github.com/cordage/cordage/events"
)

func TestGuildOfFindsTheGuildThatOrdersAnEvent(t *testing.T) {
	for _, tc := range []struct {
		e    events.Event
		want discord.Snowflake
	}{
		{&events.MessageCreate{Message: discord.Message{GuildID: 7}}, 7},
		{&events.GuildCreate{Guild: discord.Guild{ID: 8}}, 8},
		{&events.TypingStart{GuildID: 9}, 9},
		{&events.MessageReactionAdd{GuildID: 10}, 10},
		{&events.Ready{}, 0},
		{&events.UserUpdate{}, 0},
	} {
		for range 2 { // the second call reads the cache
			if got := guildOf(tc.e); got != tc.want {
				t.Errorf("guildOf(%T) = %d, want %d", tc.e, got, tc.want)
			}
		}
	}
}

func BenchmarkGuildOf(b *testing.B) {
	e := &events.MessageCreate{Message: discord.Message{GuildID: 7}}
	b.ReportAllocs()
	for b.Loop() {
		guildOf(e)
	}
}

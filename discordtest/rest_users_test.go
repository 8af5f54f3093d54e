package discordtest

import (
	"net/http"
	"testing"

	"github.com/cordage/cordage/discord"
)

func TestUsersDMsAndTheBotsGuilds(t *testing.T) {
	srv := eventServer(t, WithRateLimit(0, 0))
	g1, g2 := srv.AddGuild("one"), srv.AddGuild("two")
	alice := srv.AddUser("alice")
	gw := listen(t, srv, 2)
	c := newREST(t, srv)

	var me discord.User
	c.do("GET", "/users/@me", nil).ok(&me)
	if me.ID != srv.Bot().ID || !me.Bot {
		t.Errorf("me %+v", me)
	}
	c.do("PATCH", "/users/@me", map[string]any{"username": "renamed", "avatar": "data:image/png;base64,AAAA"}).ok(&me)
	if me.Username != "renamed" || me.Avatar == "" {
		t.Errorf("patched me %+v", me)
	}
	if ev := gw.expect("USER_UPDATE"); ev["username"] != "renamed" {
		t.Errorf("USER_UPDATE %v", ev)
	}
	c.do("PATCH", "/users/@me", map[string]any{"username": "x"}).fails(http.StatusBadRequest, 50035)

	var app discord.Application
	c.do("GET", "/applications/@me", nil).ok(&app)
	if app.ID != srv.ApplicationID() || app.Bot == nil || app.Bot.ID != srv.Bot().ID {
		t.Errorf("application %+v", app)
	}
	var u discord.User
	c.do("GET", "/users/"+alice.ID.String(), nil).ok(&u)
	if u.ID != alice.ID || u.Username != "alice" {
		t.Errorf("user %+v", u)
	}

	var dm, again discord.Channel
	c.do("POST", "/users/@me/channels", map[string]any{"recipient_id": alice.ID}).ok(&dm)
	c.do("POST", "/users/@me/channels", map[string]any{"recipient_id": alice.ID.String()}).ok(&again)
	if dm.Type != discord.ChannelTypeDM || dm.ID != again.ID || len(dm.Recipients) != 1 || dm.Recipients[0].ID != alice.ID {
		t.Errorf("DM %+v, again %+v", dm, again)
	}
	var m discord.Message
	c.do("POST", "/channels/"+dm.ID.String()+"/messages", map[string]any{"content": "psst"}).ok(&m)
	if ev := gw.expect("MESSAGE_CREATE"); ev["content"] != "psst" || ev["guild_id"] != nil {
		t.Errorf("DM MESSAGE_CREATE %v", ev)
	}
	// A user writes back through the DM the test opened.
	if ch, ok := srv.DMChannel(alice.ID); !ok || ch.ID != dm.ID {
		t.Errorf("DMChannel = %+v", ch)
	}
	srv.SendMessage(alice.ID, dm.ID, "hi bot")
	gw.expect("MESSAGE_CREATE")

	var guilds []struct {
		ID                     string `json:"id"`
		Name                   string `json:"name"`
		Permissions            string `json:"permissions"`
		ApproximateMemberCount int    `json:"approximate_member_count"`
	}
	c.do("GET", "/users/@me/guilds?with_counts=true", nil).ok(&guilds)
	if len(guilds) != 2 || guilds[0].ApproximateMemberCount != 2 || guilds[0].Permissions == "" {
		t.Errorf("guilds %+v", guilds)
	}
	c.do("GET", "/users/@me/guilds?limit=1&after="+g1.ID.String(), nil).ok(&guilds)
	if len(guilds) != 1 || guilds[0].ID != g2.ID.String() {
		t.Errorf("guilds after %+v", guilds)
	}
	c.do("DELETE", "/users/@me/guilds/"+g1.ID.String(), nil).ok(nil)
	gw.expect("GUILD_MEMBER_REMOVE")
	if ev := gw.expect("GUILD_DELETE"); ev["id"] != g1.ID.String() || ev["unavailable"] != nil {
		t.Errorf("GUILD_DELETE %v", ev)
	}
	c.do("GET", "/guilds/"+g1.ID.String(), nil).fails(http.StatusNotFound, 10004)

	var bot struct {
		SessionStartLimit struct {
			Total     int `json:"total"`
			Remaining int `json:"remaining"`
		} `json:"session_start_limit"`
	}
	c.do("GET", "/gateway/bot", nil).ok(&bot)
	if bot.SessionStartLimit.Total != 1000 || bot.SessionStartLimit.Remaining != 999 {
		t.Errorf("session_start_limit after one identify: %+v", bot.SessionStartLimit)
	}
}

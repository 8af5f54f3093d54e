package discordtest

import (
	"net/http"
	"testing"

	"github.com/cordage/cordage/discord"
)

func TestWebhooksLifecycleAndExecution(t *testing.T) {
	srv := eventServer(t, WithRateLimit(0, 0))
	g := srv.AddGuild("g")
	other, _ := srv.AddChannel(g.ID, "other", discord.ChannelTypeGuildText)
	gw := listen(t, srv, 1)
	c := newREST(t, srv)
	anon := c.anonymous()
	ch := g.SystemChannelID.String()

	var h discord.Webhook
	c.do("POST", "/channels/"+ch+"/webhooks", map[string]any{"name": "announcer"}).ok(&h)
	if h.Name != "announcer" || h.Token == "" || h.Type != discord.WebhookTypeIncoming || h.User == nil || h.ChannelID != g.SystemChannelID {
		t.Errorf("webhook %+v", h)
	}
	if ev := gw.expect("WEBHOOKS_UPDATE"); ev["channel_id"] != ch {
		t.Errorf("WEBHOOKS_UPDATE %v", ev)
	}
	c.do("POST", "/channels/"+ch+"/webhooks", map[string]any{"name": "my discord hook"}).fails(http.StatusBadRequest, 50035)
	var list []discord.Webhook
	c.do("GET", "/guilds/"+g.ID.String()+"/webhooks", nil).ok(&list)
	if len(list) != 1 {
		t.Errorf("guild webhooks %+v", list)
	}

	byToken := "/webhooks/" + h.ID.String() + "/" + h.Token
	var viaToken discord.Webhook
	anon.do("GET", byToken, nil).ok(&viaToken)
	if viaToken.ID != h.ID || viaToken.User != nil {
		t.Errorf("by token %+v", viaToken)
	}
	anon.do("GET", "/webhooks/"+h.ID.String()+"/wrong", nil).fails(http.StatusUnauthorized, 50027)
	anon.do("GET", "/webhooks/"+h.ID.String(), nil).fails(http.StatusUnauthorized, 0)

	if r := anon.do("POST", byToken, map[string]any{"content": "no wait"}); r.status != http.StatusNoContent {
		t.Errorf("execute without wait: %d %s", r.status, r.body)
	}
	gw.expect("MESSAGE_CREATE")
	var m discord.Message
	anon.do("POST", byToken+"?wait=true", map[string]any{"content": "waited", "username": "someone else"}).ok(&m)
	if m.WebhookID != h.ID || m.Author.ID != h.ID || m.Author.Username != "someone else" || !m.Author.Bot {
		t.Errorf("webhook message %+v", m)
	}
	if ev := gw.expect("MESSAGE_CREATE"); ev["webhook_id"] != h.ID.String() || ev["member"] != nil {
		t.Errorf("webhook MESSAGE_CREATE %v", ev)
	}
	anon.do("POST", byToken, map[string]any{}).fails(http.StatusBadRequest, 50006)

	msg := byToken + "/messages/" + m.ID.String()
	var edited discord.Message
	anon.do("PATCH", msg, map[string]any{"content": "edited"}).ok(&edited)
	if edited.Content != "edited" {
		t.Errorf("edited %+v", edited)
	}
	gw.expect("MESSAGE_UPDATE")
	anon.do("GET", msg, nil).ok(&edited)
	anon.do("GET", byToken+"/messages/@original", nil).fails(http.StatusNotFound, 10008)
	anon.do("DELETE", msg, nil).ok(nil)
	gw.expect("MESSAGE_DELETE")

	c.do("PATCH", "/webhooks/"+h.ID.String(), map[string]any{"name": "moved", "channel_id": other.ID}).ok(&h)
	if h.Name != "moved" || h.ChannelID != other.ID {
		t.Errorf("moved webhook %+v", h)
	}
	gw.expect("WEBHOOKS_UPDATE")
	gw.expect("WEBHOOKS_UPDATE")
	anon.do("DELETE", byToken, nil).ok(nil)
	gw.expect("WEBHOOKS_UPDATE")
	c.do("GET", "/webhooks/"+h.ID.String(), nil).fails(http.StatusNotFound, 10015)
}

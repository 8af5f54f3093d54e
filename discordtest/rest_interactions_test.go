package discordtest

import (
	"net/http"
	"testing"
	"time"

	"github.com/cordage/cordage/discord"
)

func TestApplicationCommandsGlobalAndGuild(t *testing.T) {
	srv := newServer(t, WithRateLimit(0, 0))
	g := srv.AddGuild("g")
	c := newREST(t, srv)
	global := "/applications/" + srv.ApplicationID().String() + "/commands"
	guild := "/applications/" + srv.ApplicationID().String() + "/guilds/" + g.ID.String() + "/commands"

	var ping discord.ApplicationCommand
	r := c.do("POST", global, map[string]any{"name": "ping", "description": "pong"}).ok(&ping)
	if r.status != http.StatusCreated || ping.ID == 0 || ping.Version == 0 || ping.ApplicationID != srv.ApplicationID() || ping.Type != discord.ApplicationCommandTypeChatInput {
		t.Errorf("created %d %+v", r.status, ping)
	}
	var again discord.ApplicationCommand
	if r := c.do("POST", global, map[string]any{"name": "ping", "description": "pong!"}).ok(&again); r.status != http.StatusOK || again.ID != ping.ID || again.Version == ping.Version {
		t.Errorf("same name again: %d %+v", r.status, again)
	}
	e := c.do("POST", global, map[string]any{"name": "Bad Name", "description": "x"}).fails(http.StatusBadRequest, 50035)
	if leaf(t, e.Errors, "name")[0].(map[string]any)["code"] != "APPLICATION_COMMAND_INVALID_NAME" {
		t.Errorf("bad name: %v", e.Errors)
	}
	c.do("POST", global, map[string]any{"name": "nodesc"}).fails(http.StatusBadRequest, 50035)
	c.do("POST", global, map[string]any{"name": "User Info", "type": 2}).ok(nil)

	var cmds []discord.ApplicationCommand
	c.do("PUT", global, []any{
		map[string]any{"name": "ping", "description": "pong!"},
		map[string]any{"name": "help", "description": "helps", "options": []any{
			map[string]any{"type": 3, "name": "topic", "description": "what", "required": true},
		}},
	}).ok(&cmds)
	if len(cmds) != 2 || cmds[0].ID != ping.ID || cmds[0].Version != again.Version || cmds[1].ID == 0 || len(cmds[1].Options) != 1 {
		t.Errorf("bulk overwrite %+v", cmds)
	}
	var listed []discord.ApplicationCommand
	c.do("GET", global, nil).ok(&listed)
	if len(listed) != 2 || len(srv.Commands(0)) != 2 {
		t.Errorf("after overwrite: %d listed", len(listed))
	}
	c.do("PUT", global, []any{map[string]any{"name": "a", "description": "x"}, map[string]any{"name": "a", "description": "y"}}).fails(http.StatusBadRequest, 50035)

	var patched discord.ApplicationCommand
	c.do("PATCH", global+"/"+ping.ID.String(), map[string]any{"description": "changed"}).ok(&patched)
	if patched.Description != "changed" || patched.Name != "ping" || patched.Version == again.Version {
		t.Errorf("patched %+v", patched)
	}
	c.do("DELETE", global+"/"+ping.ID.String(), nil).ok(nil)
	c.do("GET", global+"/"+ping.ID.String(), nil).fails(http.StatusNotFound, 10063)

	var gc discord.ApplicationCommand
	c.do("POST", guild, map[string]any{"name": "local", "description": "guild only"}).ok(&gc)
	if gc.GuildID != g.ID || len(srv.Commands(g.ID)) != 1 {
		t.Errorf("guild command %+v", gc)
	}
	c.do("GET", global+"/"+gc.ID.String(), nil).fails(http.StatusNotFound, 10063)
	c.do("GET", "/applications/1/commands", nil).fails(http.StatusForbidden, 50001)
}

func TestInteractionCallbackAndFollowups(t *testing.T) {
	clock := newFakeClock()
	srv := eventServer(t, WithRateLimit(0, 0), WithClock(clock.Now))
	g := srv.AddGuild("g")
	alice := srv.AddUser("alice")
	srv.AddMember(g.ID, alice.ID)
	gw := listen(t, srv, 1)
	c := newREST(t, srv)
	anon := c.anonymous()

	i := srv.StartInteraction(discord.Interaction{Type: discord.InteractionTypeApplicationCommand, ChannelID: g.SystemChannelID,
		User: &alice, Data: &discord.InteractionData{Name: "ping", CommandType: discord.ApplicationCommandTypeChatInput}})
	ev := gw.expect("INTERACTION_CREATE")
	if ev["id"] != i.ID.String() || ev["token"] != i.Token || ev["guild_id"] != g.ID.String() || ev["member"] == nil {
		t.Errorf("INTERACTION_CREATE %v", ev)
	}
	if i.Member == nil || i.Member.User.ID != alice.ID || i.User != nil || i.ApplicationID != srv.ApplicationID() {
		t.Errorf("interaction %+v", i)
	}
	callback := "/interactions/" + i.ID.String() + "/" + i.Token + "/callback"
	anon.do("POST", "/interactions/"+i.ID.String()+"/wrong/callback", map[string]any{"type": 4}).fails(http.StatusNotFound, 10062)
	e := anon.do("POST", callback, map[string]any{"type": 8, "data": map[string]any{"choices": []any{}}}).fails(http.StatusBadRequest, 50035)
	if leaf(t, e.Errors, "type")[0].(map[string]any)["code"] != "BASE_TYPE_CHOICES" {
		t.Errorf("wrong callback type: %v", e.Errors)
	}

	var res struct {
		Interaction struct {
			ID                string `json:"id"`
			ResponseMessageID string `json:"response_message_id"`
		} `json:"interaction"`
		Resource struct {
			Type    int             `json:"type"`
			Message discord.Message `json:"message"`
		} `json:"resource"`
	}
	anon.do("POST", callback+"?with_response=true", map[string]any{"type": 4, "data": map[string]any{"content": "pong"}}).ok(&res)
	if res.Interaction.ID != i.ID.String() || res.Resource.Type != 4 || res.Resource.Message.Content != "pong" ||
		res.Interaction.ResponseMessageID != res.Resource.Message.ID.String() {
		t.Errorf("with_response %+v", res)
	}
	msg := gw.expect("MESSAGE_CREATE")
	if msg["content"] != "pong" || msg["type"] != float64(discord.MessageTypeChatInputCommand) || msg["interaction_metadata"] == nil {
		t.Errorf("response MESSAGE_CREATE %v", msg)
	}
	anon.do("POST", callback, map[string]any{"type": 4, "data": map[string]any{"content": "again"}}).fails(http.StatusBadRequest, 40060)
	resp, ok := srv.InteractionResponse(i.ID)
	if !ok || resp.Type != 4 || resp.MessageID != res.Resource.Message.ID {
		t.Errorf("InteractionResponse %+v", resp)
	}

	hook := "/webhooks/" + srv.ApplicationID().String() + "/" + i.Token
	var original discord.Message
	anon.do("PATCH", hook+"/messages/@original", map[string]any{"content": "pong, edited"}).ok(&original)
	if original.Content != "pong, edited" || original.ID != resp.MessageID {
		t.Errorf("edited original %+v", original)
	}
	gw.expect("MESSAGE_UPDATE")
	var follow discord.Message
	anon.do("POST", hook, map[string]any{"content": "secret", "flags": 64}).ok(&follow)
	if !follow.Flags.Has(discord.MessageFlagEphemeral) {
		t.Errorf("ephemeral follow-up %+v", follow)
	}
	anon.do("GET", hook+"/messages/"+follow.ID.String(), nil).ok(&follow)
	anon.do("DELETE", hook+"/messages/"+follow.ID.String(), nil).ok(nil)
	gw.quiet() // ephemeral messages send no event
	if resp, _ := srv.InteractionResponse(i.ID); len(resp.Followups) != 1 {
		t.Errorf("follow-ups %+v", resp.Followups)
	}
	anon.do("DELETE", hook+"/messages/@original", nil).ok(nil)
	gw.expect("MESSAGE_DELETE")
	clock.Advance(16 * time.Minute)
	anon.do("POST", hook, map[string]any{"content": "too late"}).fails(http.StatusUnauthorized, 50027)

	// A deferred response shows a loading message until it is edited, and an
	// interaction not answered within the deadline is gone.
	late := srv.StartInteraction(discord.Interaction{Type: discord.InteractionTypeApplicationCommand, ChannelID: g.SystemChannelID, User: &alice})
	gw.expect("INTERACTION_CREATE")
	clock.Advance(4 * time.Second)
	anon.do("POST", "/interactions/"+late.ID.String()+"/"+late.Token+"/callback", map[string]any{"type": 5}).fails(http.StatusNotFound, 10062)

	deferred := srv.StartInteraction(discord.Interaction{Type: discord.InteractionTypeApplicationCommand, ChannelID: g.SystemChannelID, User: &alice})
	gw.expect("INTERACTION_CREATE")
	anon.do("POST", "/webhooks/"+srv.ApplicationID().String()+"/"+deferred.Token, map[string]any{"content": "early"}).fails(http.StatusNotFound, 10015)
	anon.do("POST", "/interactions/"+deferred.ID.String()+"/"+deferred.Token+"/callback", map[string]any{"type": 5}).ok(nil)
	if ev := gw.expect("MESSAGE_CREATE"); ev["flags"] != float64(discord.MessageFlagLoading) {
		t.Errorf("deferred MESSAGE_CREATE %v", ev)
	}
	anon.do("PATCH", "/webhooks/"+srv.ApplicationID().String()+"/"+deferred.Token+"/messages/@original", map[string]any{"content": "done"}).ok(&original)
	if original.Flags.Has(discord.MessageFlagLoading) || original.Content != "done" {
		t.Errorf("deferred original after edit %+v", original)
	}
	gw.expect("MESSAGE_UPDATE")
}

func TestComponentInteractionUpdatesItsMessage(t *testing.T) {
	srv := eventServer(t, WithRateLimit(0, 0))
	g := srv.AddGuild("g")
	alice := srv.AddUser("alice")
	srv.AddMember(g.ID, alice.ID)
	gw := listen(t, srv, 1)
	c := newREST(t, srv)
	var m discord.Message
	c.do("POST", "/channels/"+g.SystemChannelID.String()+"/messages", map[string]any{"content": "click", "components": []any{
		map[string]any{"type": 1, "components": []any{map[string]any{"type": 2, "style": 1, "label": "Go", "custom_id": "go"}}},
	}}).ok(&m)
	gw.expect("MESSAGE_CREATE")
	i := srv.StartInteraction(discord.Interaction{Type: discord.InteractionTypeMessageComponent, ChannelID: g.SystemChannelID,
		User: &alice, Message: &m, Data: &discord.InteractionData{CustomID: "go", ComponentType: discord.ComponentTypeButton}})
	gw.expect("INTERACTION_CREATE")
	c.anonymous().do("POST", "/interactions/"+i.ID.String()+"/"+i.Token+"/callback", map[string]any{"type": 7, "data": map[string]any{"content": "clicked", "components": []any{}}}).ok(nil)
	if ev := gw.expect("MESSAGE_UPDATE"); ev["id"] != m.ID.String() || ev["content"] != "clicked" {
		t.Errorf("UPDATE_MESSAGE MESSAGE_UPDATE %v", ev)
	}
	var got discord.Message
	c.do("GET", "/channels/"+g.SystemChannelID.String()+"/messages/"+m.ID.String(), nil).ok(&got)
	if got.Content != "clicked" || len(got.Components) != 0 {
		t.Errorf("message after the update %+v", got)
	}
}

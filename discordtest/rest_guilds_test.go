package discordtest

import (
	"fmt"
	"net/http"
	"testing"

	"github.com/cordage/cordage/discord"
)

func TestGuildAndChannelsSendEvents(t *testing.T) {
	srv := eventServer(t, WithRateLimit(0, 0))
	g := srv.AddGuild("g")
	gw := listen(t, srv, 1)
	c := newREST(t, srv)
	gid := g.ID.String()

	var counted struct {
		discord.Guild
		ApproximateMemberCount int `json:"approximate_member_count"`
	}
	c.do("GET", "/guilds/"+gid+"?with_counts=true", nil).ok(&counted)
	if counted.ID != g.ID || counted.ApproximateMemberCount != 2 || len(counted.Roles) != 2 {
		t.Errorf("guild %+v", counted)
	}
	var updated discord.Guild
	c.do("PATCH", "/guilds/"+gid, map[string]any{"name": "renamed", "description": "d"}).ok(&updated)
	if updated.Name != "renamed" || updated.Description != "d" {
		t.Errorf("updated %+v", updated)
	}
	if ev := gw.expect("GUILD_UPDATE"); ev["name"] != "renamed" {
		t.Errorf("GUILD_UPDATE %v", ev)
	}

	var ch discord.Channel
	r := c.do("POST", "/guilds/"+gid+"/channels", map[string]any{"name": "new", "topic": "t"}).ok(&ch)
	if r.status != http.StatusCreated || ch.Name != "new" || ch.GuildID != g.ID || ch.Type != discord.ChannelTypeGuildText {
		t.Errorf("created channel %d %+v", r.status, ch)
	}
	if ev := gw.expect("CHANNEL_CREATE"); ev["id"] != ch.ID.String() {
		t.Errorf("CHANNEL_CREATE %v", ev)
	}
	var list []discord.Channel
	c.do("GET", "/guilds/"+gid+"/channels", nil).ok(&list)
	if len(list) != 2 {
		t.Errorf("%d channels", len(list))
	}
	var patched discord.Channel
	c.do("PATCH", "/channels/"+ch.ID.String(), map[string]any{"topic": nil, "nsfw": true}).ok(&patched)
	if patched.Topic != "" || !patched.NSFW || patched.Name != "new" {
		t.Errorf("patched channel %+v", patched)
	}
	if ev := gw.expect("CHANNEL_UPDATE"); ev["nsfw"] != true {
		t.Errorf("CHANNEL_UPDATE %v", ev)
	}
	c.do("PATCH", "/guilds/"+gid+"/channels", []any{map[string]any{"id": ch.ID, "position": 5}}).ok(nil)
	if ev := gw.expect("CHANNEL_UPDATE"); ev["position"] != float64(5) {
		t.Errorf("position CHANNEL_UPDATE %v", ev)
	}
	c.do("DELETE", "/channels/"+ch.ID.String(), nil).ok(nil)
	gw.expect("CHANNEL_DELETE")
	c.do("GET", "/channels/"+ch.ID.String(), nil).fails(http.StatusNotFound, 10003)
}

func TestMembersRolesAndBans(t *testing.T) {
	srv := eventServer(t, WithRateLimit(0, 0))
	g := srv.AddGuild("g")
	var users []discord.User
	for i := range 3 {
		u := srv.AddUser(fmt.Sprint("user", i))
		srv.AddMember(g.ID, u.ID)
		users = append(users, u)
	}
	gw := listen(t, srv, 1)
	c := newREST(t, srv)
	gid := "/guilds/" + g.ID.String()

	var members []discord.Member
	c.do("GET", gid+"/members?limit=2", nil).ok(&members)
	if len(members) != 2 {
		t.Fatalf("%d members", len(members))
	}
	var rest []discord.Member
	c.do("GET", gid+"/members?limit=10&after="+members[1].User.ID.String(), nil).ok(&rest)
	if len(rest) != 3 {
		t.Errorf("after: %d members, want 3", len(rest))
	}
	c.do("GET", gid+"/members/search?query=user1", nil).ok(&members)
	if len(members) != 1 || members[0].User.ID != users[1].ID {
		t.Errorf("search %+v", members)
	}

	var role discord.Role
	c.do("POST", gid+"/roles", map[string]any{"name": "mods", "color": 255, "hoist": true}).ok(&role)
	if role.Name != "mods" || role.Position != 1 || role.Color != 255 {
		t.Errorf("role %+v", role)
	}
	if ev := gw.expect("GUILD_ROLE_CREATE"); ev["role"].(map[string]any)["name"] != "mods" {
		t.Errorf("GUILD_ROLE_CREATE %v", ev)
	}
	c.do("PATCH", gid+"/roles/"+role.ID.String(), map[string]any{"name": "moderators"}).ok(&role)
	if ev := gw.expect("GUILD_ROLE_UPDATE"); ev["role"].(map[string]any)["name"] != "moderators" {
		t.Errorf("GUILD_ROLE_UPDATE %v", ev)
	}
	var roles []discord.Role
	c.do("PATCH", gid+"/roles", []any{map[string]any{"id": role.ID, "position": 1}}).ok(&roles)
	if len(roles) != 3 {
		t.Errorf("%d roles", len(roles))
	}

	member := "/members/" + users[0].ID.String()
	c.do("PUT", gid+member+"/roles/"+role.ID.String(), nil).ok(nil)
	if ev := gw.expect("GUILD_MEMBER_UPDATE"); len(ev["roles"].([]any)) != 1 || ev["guild_id"] != g.ID.String() {
		t.Errorf("GUILD_MEMBER_UPDATE %v", ev)
	}
	var m discord.Member
	c.do("PATCH", gid+member, map[string]any{"nick": "zero"}).ok(&m)
	if m.Nick != "zero" || len(m.Roles) != 1 {
		t.Errorf("member %+v", m)
	}
	gw.expect("GUILD_MEMBER_UPDATE")
	c.do("PATCH", gid+"/members/@me", map[string]any{"nick": "bot nick"}).ok(&m)
	if m.Nick != "bot nick" {
		t.Errorf("own nick %+v", m)
	}
	gw.expect("GUILD_MEMBER_UPDATE")
	c.do("DELETE", gid+member+"/roles/"+role.ID.String(), nil).ok(nil)
	gw.expect("GUILD_MEMBER_UPDATE")
	var counts map[string]int
	c.do("GET", gid+"/roles/member-counts", nil).ok(&counts)
	if counts[role.ID.String()] != 0 {
		t.Errorf("member counts %v", counts)
	}
	c.do("DELETE", gid+"/roles/"+role.ID.String(), nil).ok(nil)
	if ev := gw.expect("GUILD_ROLE_DELETE"); ev["role_id"] != role.ID.String() {
		t.Errorf("GUILD_ROLE_DELETE %v", ev)
	}

	c.do("DELETE", gid+member, nil).ok(nil)
	if ev := gw.expect("GUILD_MEMBER_REMOVE"); ev["user"].(map[string]any)["id"] != users[0].ID.String() {
		t.Errorf("GUILD_MEMBER_REMOVE %v", ev)
	}
	c.do("GET", gid+member, nil).fails(http.StatusNotFound, 10007)
	r := c.do("PUT", gid+member, map[string]any{"access_token": "x"}).ok(&m)
	if r.status != http.StatusCreated || m.User.ID != users[0].ID {
		t.Errorf("add member: %d %+v", r.status, m)
	}
	gw.expect("GUILD_MEMBER_ADD")
	if r := c.do("PUT", gid+member, map[string]any{"access_token": "x"}).ok(nil); r.status != http.StatusNoContent {
		t.Errorf("adding a member twice: %d", r.status)
	}

	c.extra = http.Header{"X-Audit-Log-Reason": {"spam"}}
	c.do("PUT", gid+"/bans/"+users[1].ID.String(), map[string]any{"delete_message_seconds": 60}).ok(nil)
	gw.expect("GUILD_MEMBER_REMOVE")
	if ev := gw.expect("GUILD_BAN_ADD"); ev["user"].(map[string]any)["id"] != users[1].ID.String() {
		t.Errorf("GUILD_BAN_ADD %v", ev)
	}
	var ban discord.Ban
	c.do("GET", gid+"/bans/"+users[1].ID.String(), nil).ok(&ban)
	if ban.Reason != "spam" || ban.User.ID != users[1].ID {
		t.Errorf("ban %+v", ban)
	}
	c.do("PUT", gid+"/members/"+users[1].ID.String(), map[string]any{"access_token": "x"}).fails(http.StatusForbidden, 40007)
	var result discord.BulkBanResult
	c.do("POST", gid+"/bulk-ban", map[string]any{"user_ids": []string{users[1].ID.String(), users[2].ID.String()}}).ok(&result)
	if len(result.BannedUsers) != 1 || len(result.FailedUsers) != 1 {
		t.Errorf("bulk ban %+v", result)
	}
	gw.expect("GUILD_MEMBER_REMOVE")
	gw.expect("GUILD_BAN_ADD")
	var bans []discord.Ban
	c.do("GET", gid+"/bans", nil).ok(&bans)
	if len(bans) != 2 {
		t.Errorf("%d bans", len(bans))
	}
	c.do("DELETE", gid+"/bans/"+users[1].ID.String(), nil).ok(nil)
	gw.expect("GUILD_BAN_REMOVE")
	c.do("DELETE", gid+"/bans/"+users[1].ID.String(), nil).fails(http.StatusNotFound, 10026)
}

func TestEmojisGuildAndApplication(t *testing.T) {
	srv := eventServer(t, WithRateLimit(0, 0))
	g := srv.AddGuild("g")
	gw := listen(t, srv, 1)
	c := newREST(t, srv)
	gid := "/guilds/" + g.ID.String()
	var e discord.Emoji
	r := c.do("POST", gid+"/emojis", map[string]any{"name": "party", "image": "data:image/gif;base64,R0lG"}).ok(&e)
	if r.status != http.StatusCreated || e.Name != "party" || !e.Animated || e.User == nil {
		t.Errorf("emoji %d %+v", r.status, e)
	}
	if ev := gw.expect("GUILD_EMOJIS_UPDATE"); len(ev["emojis"].([]any)) != 1 {
		t.Errorf("GUILD_EMOJIS_UPDATE %v", ev)
	}
	c.do("PATCH", gid+"/emojis/"+e.ID.String(), map[string]any{"name": "fiesta"}).ok(&e)
	gw.expect("GUILD_EMOJIS_UPDATE")
	// The custom emoji now works as a reaction.
	m, _ := srv.SendMessage(g.OwnerID, g.SystemChannelID, "x")
	gw.expect("MESSAGE_CREATE")
	c.do("PUT", "/channels/"+g.SystemChannelID.String()+"/messages/"+m.ID.String()+"/reactions/fiesta:"+e.ID.String()+"/@me", nil).ok(nil)
	if ev := gw.expect("MESSAGE_REACTION_ADD"); ev["emoji"].(map[string]any)["id"] != e.ID.String() {
		t.Errorf("custom reaction %v", ev)
	}
	c.do("DELETE", gid+"/emojis/"+e.ID.String(), nil).ok(nil)
	if ev := gw.expect("GUILD_EMOJIS_UPDATE"); len(ev["emojis"].([]any)) != 0 {
		t.Errorf("GUILD_EMOJIS_UPDATE after delete %v", ev)
	}

	app := "/applications/" + srv.ApplicationID().String() + "/emojis"
	c.do("POST", app, map[string]any{"name": "appemoji", "image": "data:image/png;base64,AAAA"}).ok(&e)
	var items struct {
		Items []discord.Emoji `json:"items"`
	}
	c.do("GET", app, nil).ok(&items)
	if len(items.Items) != 1 || items.Items[0].ID != e.ID {
		t.Errorf("application emojis %+v", items)
	}
	c.do("DELETE", app+"/"+e.ID.String(), nil).ok(nil)
	c.do("GET", app+"/"+e.ID.String(), nil).fails(http.StatusNotFound, 10014)
	c.do("GET", "/applications/1/emojis", nil).fails(http.StatusForbidden, 50001)
	gw.quiet()
}

func TestThreadsFromMessagesWithoutAndInForums(t *testing.T) {
	srv := eventServer(t, WithRateLimit(0, 0))
	g := srv.AddGuild("g")
	forum, _ := srv.AddChannel(g.ID, "forum", discord.ChannelTypeGuildForum)
	gw := listen(t, srv, 1)
	c := newREST(t, srv)
	ch := "/channels/" + g.SystemChannelID.String()
	m, _ := srv.SendMessage(g.OwnerID, g.SystemChannelID, "start here")
	gw.expect("MESSAGE_CREATE")

	var th discord.Channel
	r := c.do("POST", ch+"/messages/"+m.ID.String()+"/threads", map[string]any{"name": "talk"}).ok(&th)
	if r.status != http.StatusCreated || th.ID != m.ID || th.Type != discord.ChannelTypePublicThread || th.ParentID != g.SystemChannelID ||
		th.ThreadMetadata == nil || th.ThreadMetadata.AutoArchiveDuration != 1440 {
		t.Errorf("thread from message %d %+v", r.status, th)
	}
	if ev := gw.expect("THREAD_CREATE"); ev["newly_created"] != true || ev["parent_id"] != g.SystemChannelID.String() {
		t.Errorf("THREAD_CREATE %v", ev)
	}
	if ev := gw.expect("MESSAGE_UPDATE"); ev["thread"] == nil {
		t.Errorf("MESSAGE_UPDATE without the thread %v", ev)
	}
	c.do("POST", ch+"/messages/"+m.ID.String()+"/threads", map[string]any{"name": "again"}).fails(http.StatusBadRequest, 160004)
	c.do("POST", "/channels/"+th.ID.String()+"/messages", map[string]any{"content": "in the thread"}).ok(nil)
	gw.expect("MESSAGE_CREATE")
	c.do("GET", "/channels/"+th.ID.String(), nil).ok(&th)
	if th.MessageCount != 1 {
		t.Errorf("thread message count %d", th.MessageCount)
	}

	var private discord.Channel
	c.do("POST", ch+"/threads", map[string]any{"name": "secret"}).ok(&private)
	if private.Type != discord.ChannelTypePrivateThread {
		t.Errorf("thread without message %+v", private)
	}
	gw.expect("THREAD_CREATE")

	var post struct {
		discord.Channel
		Message discord.Message `json:"message"`
	}
	c.do("POST", "/channels/"+forum.ID.String()+"/threads", map[string]any{"name": "post", "message": map[string]any{"content": "first"}}).ok(&post)
	if post.Type != discord.ChannelTypePublicThread || post.Message.ID != post.ID || post.Message.Content != "first" {
		t.Errorf("forum post %+v", post)
	}
	gw.expect("THREAD_CREATE")
	gw.expect("MESSAGE_CREATE")
	c.do("POST", "/channels/"+forum.ID.String()+"/threads", map[string]any{"name": "no message"}).fails(http.StatusBadRequest, 50035)

	var active struct {
		Threads []discord.Channel `json:"threads"`
	}
	c.do("GET", "/guilds/"+g.ID.String()+"/threads/active", nil).ok(&active)
	if len(active.Threads) != 3 {
		t.Errorf("%d active threads", len(active.Threads))
	}
	var channels []discord.Channel
	c.do("GET", "/guilds/"+g.ID.String()+"/channels", nil).ok(&channels)
	if len(channels) != 2 {
		t.Errorf("the channel list holds threads: %d channels", len(channels))
	}
}

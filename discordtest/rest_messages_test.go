package discordtest

import (
	"encoding/json"
	"fmt"
	"io"
	"mime/multipart"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/cordage/cordage/discord"
)

func TestMessagesLifecycleSendsEvents(t *testing.T) {
	srv := eventServer(t, WithRateLimit(0, 0))
	g := srv.AddGuild("g")
	alice := srv.AddUser("alice")
	srv.AddMember(g.ID, alice.ID)
	gw := listen(t, srv, 1)
	c := newREST(t, srv)
	ch := "/channels/" + g.SystemChannelID.String() + "/messages"

	var m discord.Message
	c.do("POST", ch, map[string]any{"content": "hello <@" + alice.ID.String() + ">", "nonce": "n1"}).ok(&m)
	if m.Content != "hello <@"+alice.ID.String()+">" || m.Author.ID != srv.Bot().ID || len(m.Mentions) != 1 || m.Nonce != "n1" {
		t.Errorf("created %+v", m)
	}
	ev := gw.expect("MESSAGE_CREATE")
	if ev["id"] != m.ID.String() || ev["guild_id"] != g.ID.String() || ev["content"] != m.Content || ev["member"] == nil {
		t.Errorf("MESSAGE_CREATE %v", ev)
	}

	var got discord.Message
	c.do("GET", ch+"/"+m.ID.String(), nil).ok(&got)
	if got.ID != m.ID || got.Content != m.Content {
		t.Errorf("GET %+v", got)
	}

	var edited discord.Message
	c.do("PATCH", ch+"/"+m.ID.String(), map[string]any{"content": "edited"}).ok(&edited)
	if edited.Content != "edited" || edited.EditedTimestamp.IsZero() || len(edited.Mentions) != 0 {
		t.Errorf("edited %+v", edited)
	}
	if ev := gw.expect("MESSAGE_UPDATE"); ev["content"] != "edited" || ev["edited_timestamp"] == nil {
		t.Errorf("MESSAGE_UPDATE %v", ev)
	}

	c.do("DELETE", ch+"/"+m.ID.String(), nil).ok(nil)
	if ev := gw.expect("MESSAGE_DELETE"); ev["id"] != m.ID.String() || ev["channel_id"] != g.SystemChannelID.String() {
		t.Errorf("MESSAGE_DELETE %v", ev)
	}
	c.do("GET", ch+"/"+m.ID.String(), nil).fails(http.StatusNotFound, 10008)

	var ids []string
	for i := range 3 {
		var m discord.Message
		c.do("POST", ch, map[string]any{"content": fmt.Sprint(i)}).ok(&m)
		gw.expect("MESSAGE_CREATE")
		ids = append(ids, m.ID.String())
	}
	c.do("POST", ch+"/bulk-delete", map[string]any{"messages": ids[:2]}).ok(nil)
	if ev := gw.expect("MESSAGE_DELETE_BULK"); len(ev["ids"].([]any)) != 2 {
		t.Errorf("MESSAGE_DELETE_BULK %v", ev)
	}
	c.do("POST", ch+"/bulk-delete", map[string]any{"messages": ids[2:]}).fails(http.StatusBadRequest, 50035)
	old := discord.SnowflakeFromTime(time.Now().Add(-15 * 24 * time.Hour)).String()
	c.do("POST", ch+"/bulk-delete", map[string]any{"messages": []string{ids[2], old}}).fails(http.StatusBadRequest, 50034)

	// A reply references its message.
	var reply discord.Message
	c.do("POST", ch, map[string]any{"content": "re", "message_reference": map[string]any{"message_id": ids[2]}}).ok(&reply)
	if reply.Type != discord.MessageTypeReply || reply.ReferencedMessage == nil || reply.ReferencedMessage.ID.String() != ids[2] {
		t.Errorf("reply %+v", reply)
	}
	e := c.do("POST", ch, map[string]any{"content": "re", "message_reference": map[string]any{"message_id": "1"}}).fails(http.StatusBadRequest, 50035)
	if leaf(t, e.Errors, "message_reference")[0].(map[string]any)["code"] != "MESSAGE_REFERENCE_UNKNOWN_MESSAGE" {
		t.Errorf("unknown reply target: %v", e.Errors)
	}
}

func TestListMessagesPaginatesNewestFirst(t *testing.T) {
	srv := newServer(t, WithRateLimit(0, 0))
	g := srv.AddGuild("g")
	var ids []discord.Snowflake
	for i := range 10 {
		m, _ := srv.SendMessage(g.OwnerID, g.SystemChannelID, fmt.Sprint(i))
		ids = append(ids, m.ID)
	}
	c := newREST(t, srv)
	list := func(query string) []string {
		var ms []discord.Message
		c.do("GET", "/channels/"+g.SystemChannelID.String()+"/messages"+query, nil).ok(&ms)
		var out []string
		for _, m := range ms {
			out = append(out, m.Content)
		}
		return out
	}
	for _, tc := range []struct{ query, want string }{
		{"", "[9 8 7 6 5 4 3 2 1 0]"},
		{"?limit=3", "[9 8 7]"},
		{"?before=" + ids[5].String() + "&limit=2", "[4 3]"},
		{"?after=" + ids[5].String() + "&limit=2", "[7 6]"},
		{"?after=" + ids[7].String(), "[9 8]"},
		{"?around=" + ids[5].String() + "&limit=3", "[6 5 4]"},
		{"?around=" + ids[5].String() + "&limit=4", "[7 6 5 4]"},
	} {
		if got := fmt.Sprint(list(tc.query)); got != tc.want {
			t.Errorf("%q: %s, want %s", tc.query, got, tc.want)
		}
	}
}

func TestMultipartUploadsBecomeServedAttachments(t *testing.T) {
	srv := eventServer(t)
	g := srv.AddGuild("g")
	c := newREST(t, srv)
	body := newMultipart(t, map[string]any{
		"content":     "files",
		"attachments": []any{map[string]any{"id": 0, "description": "a cat"}, map[string]any{"id": 1, "filename": "renamed.txt"}},
	}, map[string]string{"files[0]": "cat.png:PNGDATA", "files[1]": "notes.txt:some notes"})
	var m discord.Message
	c.do("POST", "/channels/"+g.SystemChannelID.String()+"/messages", body).ok(&m)
	if len(m.Attachments) != 2 {
		t.Fatalf("attachments %+v", m.Attachments)
	}
	a, b := m.Attachments[0], m.Attachments[1]
	if a.Filename != "cat.png" || a.Description != "a cat" || a.Size != 7 || a.ContentType != "image/png" || a.ID == 0 {
		t.Errorf("first attachment %+v", a)
	}
	if b.Filename != "renamed.txt" {
		t.Errorf("second attachment %+v", b)
	}
	resp, err := c.hc.Get(a.URL)
	if err != nil {
		t.Fatal(err)
	}
	data, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != 200 || string(data) != "PNGDATA" || resp.Header.Get("Content-Type") != "image/png" {
		t.Errorf("GET %s: %d %q %q", a.URL, resp.StatusCode, data, resp.Header.Get("Content-Type"))
	}
	// Files alone make a message.
	c.do("POST", "/channels/"+g.SystemChannelID.String()+"/messages", newMultipart(t, nil, map[string]string{"files[0]": "x.bin:1234"})).ok(&m)
	if len(m.Attachments) != 1 || m.Content != "" {
		t.Errorf("file-only message %+v", m)
	}
	// Editing keeps the listed attachments and adds new uploads.
	edit := newMultipart(t, map[string]any{"attachments": []any{map[string]any{"id": m.Attachments[0].ID}, map[string]any{"id": 0}}},
		map[string]string{"files[0]": "y.txt:new"})
	var edited discord.Message
	c.do("PATCH", "/channels/"+g.SystemChannelID.String()+"/messages/"+m.ID.String(), edit).ok(&edited)
	if len(edited.Attachments) != 2 || edited.Attachments[0].ID != m.Attachments[0].ID || edited.Attachments[1].Filename != "y.txt" {
		t.Errorf("edited attachments %+v", edited.Attachments)
	}
}

func TestReactionsPinsAndTyping(t *testing.T) {
	srv := eventServer(t, WithRateLimit(0, 0))
	g := srv.AddGuild("g")
	alice := srv.AddUser("alice")
	srv.AddMember(g.ID, alice.ID)
	gw := listen(t, srv, 1)
	c := newREST(t, srv)
	m, _ := srv.SendMessage(alice.ID, g.SystemChannelID, "react")
	gw.expect("MESSAGE_CREATE")
	base := "/channels/" + g.SystemChannelID.String() + "/messages/" + m.ID.String()
	thumbs := "/reactions/%F0%9F%91%8D"

	c.do("PUT", base+thumbs+"/@me", nil).ok(nil)
	ev := gw.expect("MESSAGE_REACTION_ADD")
	if ev["user_id"] != srv.Bot().ID.String() || ev["emoji"].(map[string]any)["name"] != "👍" || ev["message_author_id"] != alice.ID.String() {
		t.Errorf("MESSAGE_REACTION_ADD %v", ev)
	}
	c.do("PUT", base+thumbs+"/@me", nil).ok(nil) // already there: no event
	var users []discord.User
	c.do("GET", base+thumbs, nil).ok(&users)
	if len(users) != 1 || users[0].ID != srv.Bot().ID {
		t.Errorf("reaction users %+v", users)
	}
	var got discord.Message
	c.do("GET", base, nil).ok(&got)
	if len(got.Reactions) != 1 || got.Reactions[0].Count != 1 || !got.Reactions[0].Me {
		t.Errorf("reactions on the message %+v", got.Reactions)
	}
	c.do("PUT", base+"/reactions/nope/@me", nil).fails(http.StatusNotFound, 10014)
	c.do("DELETE", base+thumbs+"/@me", nil).ok(nil)
	if ev := gw.expect("MESSAGE_REACTION_REMOVE"); ev["user_id"] != srv.Bot().ID.String() {
		t.Errorf("MESSAGE_REACTION_REMOVE %v", ev)
	}
	c.do("PUT", base+thumbs+"/@me", nil).ok(nil)
	gw.expect("MESSAGE_REACTION_ADD")
	c.do("DELETE", base+"/reactions", nil).ok(nil)
	if ev := gw.expect("MESSAGE_REACTION_REMOVE_ALL"); ev["message_id"] != m.ID.String() {
		t.Errorf("MESSAGE_REACTION_REMOVE_ALL %v", ev)
	}

	c.do("PUT", "/channels/"+g.SystemChannelID.String()+"/messages/pins/"+m.ID.String(), nil).ok(nil)
	if ev := gw.expect("MESSAGE_UPDATE"); ev["pinned"] != true {
		t.Errorf("pin MESSAGE_UPDATE %v", ev)
	}
	if ev := gw.expect("CHANNEL_PINS_UPDATE"); ev["last_pin_timestamp"] == nil {
		t.Errorf("CHANNEL_PINS_UPDATE %v", ev)
	}
	if ev := gw.expect("MESSAGE_CREATE"); ev["type"] != float64(discord.MessageTypeChannelPinnedMessage) {
		t.Errorf("pin system message %v", ev)
	}
	var pins struct {
		Items []struct {
			PinnedAt time.Time       `json:"pinned_at"`
			Message  discord.Message `json:"message"`
		} `json:"items"`
		HasMore bool `json:"has_more"`
	}
	c.do("GET", "/channels/"+g.SystemChannelID.String()+"/messages/pins", nil).ok(&pins)
	if len(pins.Items) != 1 || pins.Items[0].Message.ID != m.ID || pins.HasMore {
		t.Errorf("pins %+v", pins)
	}
	var old []discord.Message
	c.do("GET", "/channels/"+g.SystemChannelID.String()+"/pins", nil).ok(&old)
	if len(old) != 1 {
		t.Errorf("deprecated pins %+v", old)
	}
	c.do("DELETE", "/channels/"+g.SystemChannelID.String()+"/pins/"+m.ID.String(), nil).ok(nil)
	gw.expect("MESSAGE_UPDATE")
	if ev := gw.expect("CHANNEL_PINS_UPDATE"); ev["last_pin_timestamp"] != nil {
		t.Errorf("unpin CHANNEL_PINS_UPDATE %v", ev)
	}

	c.do("POST", "/channels/"+g.SystemChannelID.String()+"/typing", nil).ok(nil)
	if ev := gw.expect("TYPING_START"); ev["user_id"] != srv.Bot().ID.String() || ev["guild_id"] != g.ID.String() {
		t.Errorf("TYPING_START %v", ev)
	}
}

func TestMessagesMentioningTheBotKeepTheirContent(t *testing.T) {
	srv := newServer(t)
	g := srv.AddGuild("g")
	alice := srv.AddUser("alice")
	gw := dial(t, srv, "/", "")
	gw.identify(srv, intentGuilds|intentGuildMessages, nil)
	gw.expect("GUILD_CREATE")
	srv.SendMessage(alice.ID, g.SystemChannelID, "no mention")
	if ev := gw.expect("MESSAGE_CREATE"); ev["content"] != "" {
		t.Errorf("content without MESSAGE_CONTENT: %v", ev["content"])
	}
	srv.SendMessage(alice.ID, g.SystemChannelID, "hey <@"+srv.Bot().ID.String()+">")
	if ev := gw.expect("MESSAGE_CREATE"); ev["content"] == "" || len(ev["mentions"].([]any)) != 1 {
		t.Errorf("a mention of the bot lost its content: %v", ev)
	}
	newREST(t, srv).do("POST", "/channels/"+g.SystemChannelID.String()+"/messages", map[string]any{"content": "the bot's own"}).ok(nil)
	if ev := gw.expect("MESSAGE_CREATE"); ev["content"] != "the bot's own" {
		t.Errorf("the bot's own message lost its content: %v", ev)
	}
}

func TestFormAndMultipartFieldsWithoutPayloadJSON(t *testing.T) {
	srv := newServer(t)
	g := srv.AddGuild("g")
	c := newREST(t, srv)
	path := srv.URL() + "/channels/" + g.SystemChannelID.String() + "/messages"
	req, _ := http.NewRequest("POST", path, strings.NewReader("content=from+a+form&tts=false"))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set("Authorization", "Bot "+srv.Token())
	resp, err := c.hc.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	var m discord.Message
	json.NewDecoder(resp.Body).Decode(&m)
	resp.Body.Close()
	if resp.StatusCode != 200 || m.Content != "from a form" {
		t.Errorf("form body: %d %+v", resp.StatusCode, m)
	}

	mp := &multipartBody{}
	mp.w = multipart.NewWriter(&mp.buf)
	mp.w.WriteField("content", "with a file")
	fw, _ := mp.w.CreateFormFile("file", "a.txt")
	fw.Write([]byte("abc"))
	mp.w.Close()
	c.do("POST", "/channels/"+g.SystemChannelID.String()+"/messages", mp).ok(&m)
	if m.Content != "with a file" || len(m.Attachments) != 1 || m.Attachments[0].Filename != "a.txt" {
		t.Errorf("multipart fields: %+v", m)
	}
}

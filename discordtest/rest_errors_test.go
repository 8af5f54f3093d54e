package discordtest

import (
	"net/http"
	"reflect"
	"strconv"
	"strings"
	"testing"

	"github.com/cordage/cordage/discord"
	"github.com/cordage/cordage/internal/specdata"
)

// TestErrorCodesAreDiscords proves every JSON error code the emulator answers
// with is in Discord's table.
func TestErrorCodesAreDiscords(t *testing.T) {
	known := map[int]bool{}
	for _, row := range strings.Split(strings.TrimSpace(string(specdata.ReadFile(t, "discord-spec", "json-error-codes.tsv"))), "\n")[1:] {
		code, _ := strconv.Atoi(strings.Split(row, "\t")[0])
		known[code] = true
	}
	for code := range discordErrors {
		if !known[code] {
			t.Errorf("code %d is not in json-error-codes.tsv", code)
		}
	}
}

// leaf digs into a nested errors object.
func leaf(t *testing.T, errs map[string]any, path ...string) []any {
	t.Helper()
	node := errs
	for _, p := range path {
		next, ok := node[p].(map[string]any)
		if !ok {
			t.Fatalf("no errors at %v in %v", path, errs)
		}
		node = next
	}
	list, _ := node["_errors"].([]any)
	if len(list) == 0 {
		t.Fatalf("no _errors at %v in %v", path, errs)
	}
	return list
}

func TestInvalidBodiesGetNestedFormErrors(t *testing.T) {
	srv := newServer(t, WithRateLimit(0, 0))
	c := newREST(t, srv)
	g := srv.AddGuild("g")
	messages := "/channels/" + g.SystemChannelID.String() + "/messages"

	e := c.do("POST", messages, map[string]any{"content": strings.Repeat("x", 2001)}).fails(http.StatusBadRequest, 50035)
	want := map[string]any{"code": "BASE_TYPE_MAX_LENGTH", "message": "Must be 2000 or fewer in length."}
	if e.Message != "Invalid Form Body" || !reflect.DeepEqual(leaf(t, e.Errors, "content")[0], want) {
		t.Errorf("content too long: %+v", e)
	}

	e = c.do("POST", messages, map[string]any{"embeds": []any{
		map[string]any{"title": "fine"},
		map[string]any{"title": strings.Repeat("t", 257), "color": "red"},
	}}).fails(http.StatusBadRequest, 50035)
	if got := leaf(t, e.Errors, "embeds", "1", "title")[0].(map[string]any)["code"]; got != "BASE_TYPE_MAX_LENGTH" {
		t.Errorf("embeds.1.title: %v", got)
	}
	if got := leaf(t, e.Errors, "embeds", "1", "color")[0].(map[string]any)["code"]; got != "NUMBER_TYPE_COERCE" {
		t.Errorf("embeds.1.color: %v", got)
	}

	e = c.do("POST", "/guilds/"+g.ID.String()+"/channels", map[string]any{"type": 99}).fails(http.StatusBadRequest, 50035)
	if got := leaf(t, e.Errors, "name")[0].(map[string]any)["code"]; got != "BASE_TYPE_REQUIRED" {
		t.Errorf("missing name: %v", got)
	}
	if got := leaf(t, e.Errors, "type")[0].(map[string]any)["code"]; got != "BASE_TYPE_CHOICES" {
		t.Errorf("channel type 99: %v", got)
	}

	e = c.do("GET", messages+"?limit=500", nil).fails(http.StatusBadRequest, 50035)
	if got := leaf(t, e.Errors, "limit")[0].(map[string]any)["message"]; got != "int value should be less than or equal to 100." {
		t.Errorf("limit=500: %v", got)
	}

	e = c.do("PUT", "/applications/"+srv.ApplicationID().String()+"/commands", []any{"not an object"}).fails(http.StatusBadRequest, 50035)
	if got := leaf(t, e.Errors, "0")[0].(map[string]any)["code"]; got != "MODEL_TYPE_CONVERT" {
		t.Errorf("array body item: %v", got)
	}

	c.do("POST", messages, jsonText(`{"content": "x"`)).fails(http.StatusBadRequest, 50109)
	raw := c.do("POST", messages, []byte("content=hi"))
	if raw.status != http.StatusBadRequest {
		t.Errorf("a body without Content-Type: %d", raw.status)
	}
	c.do("POST", messages, map[string]any{}).fails(http.StatusBadRequest, 50006)
	c.do("POST", messages, map[string]any{"content": "", "embeds": []any{}}).fails(http.StatusBadRequest, 50006)
	// Numbers as strings are coerced, as Discord does.
	c.do("POST", messages, map[string]any{"content": "ok", "flags": "4"}).ok(nil)
}

func TestUnknownResourcesAnswerTheirCodes(t *testing.T) {
	srv := newServer(t, WithRateLimit(0, 0))
	c := newREST(t, srv)
	g := srv.AddGuild("g")
	gid, ch, app := g.ID.String(), g.SystemChannelID.String(), srv.ApplicationID().String()
	for _, tc := range []struct {
		method, path string
		code         int
	}{
		{"GET", "/channels/1", 10003},
		{"GET", "/channels/" + ch + "/messages/1", 10008},
		{"GET", "/guilds/1", 10004},
		{"GET", "/users/1", 10013},
		{"GET", "/guilds/" + gid + "/members/1", 10007},
		{"GET", "/guilds/" + gid + "/roles/1", 10011},
		{"GET", "/guilds/" + gid + "/emojis/1", 10014},
		{"GET", "/guilds/" + gid + "/bans/1", 10026},
		{"GET", "/webhooks/1", 10015},
		{"POST", "/interactions/1/token/callback", 10062},
		{"GET", "/applications/" + app + "/commands/1", 10063},
		{"PUT", "/channels/" + ch + "/messages/1/reactions/%F0%9F%91%8D/@me", 10008},
	} {
		var body any
		if tc.method == "POST" {
			body = map[string]any{"type": 1}
		}
		e := c.do(tc.method, tc.path, body).fails(http.StatusNotFound, tc.code)
		if e.Message == "" {
			t.Errorf("%s %s: no message", tc.method, tc.path)
		}
	}
}

func TestMissingPermissionsAnswer50013(t *testing.T) {
	srv := newServer(t, WithRateLimit(0, 0))
	c := newREST(t, srv)
	g := srv.AddGuild("g")
	alice := srv.AddUser("alice")
	srv.AddMember(g.ID, alice.ID)
	ch := g.SystemChannelID.String()
	theirs, _ := srv.SendMessage(alice.ID, g.SystemChannelID, "mine")

	// The bot's role has every permission but Administrator by default.
	c.do("POST", "/channels/"+ch+"/messages", map[string]any{"content": "allowed"}).ok(nil)
	// Editing someone else's message is never allowed.
	c.do("PATCH", "/channels/"+ch+"/messages/"+theirs.ID.String(), map[string]any{"content": "x"}).fails(http.StatusForbidden, 50005)

	// Deny SEND_MESSAGES to @everyone in the channel: the bot has no
	// overwrite of its own, so it cannot send.
	deny := map[string]any{"type": 0, "allow": "0", "deny": strconv.FormatUint(uint64(discord.PermissionSendMessages), 10)}
	c.do("PUT", "/channels/"+ch+"/permissions/"+g.ID.String(), deny).ok(nil)
	e := c.do("POST", "/channels/"+ch+"/messages", map[string]any{"content": "denied"}).fails(http.StatusForbidden, 50013)
	if e.Message != "Missing Permissions" {
		t.Errorf("message %q", e.Message)
	}
	c.do("POST", "/channels/"+ch+"/typing", nil).fails(http.StatusForbidden, 50013)

	// Hiding the channel from the bot's role makes it Missing Access.
	var roles []discord.Role
	c.do("GET", "/guilds/"+g.ID.String()+"/roles", nil).ok(&roles)
	botRole := roles[len(roles)-1]
	hide := map[string]any{"type": 0, "deny": strconv.FormatUint(uint64(discord.PermissionViewChannel), 10)}
	c.do("PUT", "/channels/"+ch+"/permissions/"+botRole.ID.String(), hide).ok(nil)
	c.do("GET", "/channels/"+ch+"/messages", nil).fails(http.StatusForbidden, 50001)

	// Take MANAGE_MESSAGES and KICK_MEMBERS from the bot's role.
	srv2 := newServer(t, WithBotPermissions(everyonePermissions))
	c2 := newREST(t, srv2)
	g2 := srv2.AddGuild("g2")
	bob := srv2.AddUser("bob")
	srv2.AddMember(g2.ID, bob.ID)
	msg, _ := srv2.SendMessage(bob.ID, g2.SystemChannelID, "bob's")
	c2.do("DELETE", "/channels/"+g2.SystemChannelID.String()+"/messages/"+msg.ID.String(), nil).fails(http.StatusForbidden, 50013)
	c2.do("DELETE", "/guilds/"+g2.ID.String()+"/members/"+bob.ID.String(), nil).fails(http.StatusForbidden, 50013)
	c2.do("PUT", "/guilds/"+g2.ID.String()+"/bans/"+bob.ID.String(), map[string]any{}).fails(http.StatusForbidden, 50013)

	// Even with KICK_MEMBERS, the owner is above the bot.
	c.do("DELETE", "/guilds/"+g.ID.String()+"/members/"+g.OwnerID.String(), nil).fails(http.StatusForbidden, 50013)
}

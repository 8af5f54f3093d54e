package discordtest

import (
	"encoding/json"
	"fmt"
	"mime/multipart"
	"net/http"
	"strconv"
	"strings"
	"testing"

	"github.com/cordage/cordage/discord"
)

// seeded holds the IDs a test world offers for path parameters.
type seeded map[string]string

// seedWorld builds a guild with a member, a message, a role, an emoji, a
// webhook with a message, a command and an interaction.
func seedWorld(t *testing.T, srv *Server, c *restClient) seeded {
	t.Helper()
	g := srv.AddGuild("seeded")
	user := srv.AddUser("alice")
	srv.AddMember(g.ID, user.ID)
	msg, _ := srv.SendMessage(user.ID, g.SystemChannelID, "hello")
	ids := seeded{
		"guild_id": g.ID.String(), "channel_id": g.SystemChannelID.String(), "user_id": user.ID.String(),
		"message_id": msg.ID.String(), "application_id": srv.ApplicationID().String(), "emoji_name": "👍",
	}
	var role, emoji, hook, cmd struct {
		ID    discord.Snowflake `json:"id"`
		Token string            `json:"token"`
	}
	c.do("POST", "/guilds/"+ids["guild_id"]+"/roles", map[string]any{"name": "r"}).ok(&role)
	c.do("POST", "/guilds/"+ids["guild_id"]+"/emojis", map[string]any{"name": "emo", "image": "data:image/png;base64,AAAA"}).ok(&emoji)
	c.do("POST", "/channels/"+ids["channel_id"]+"/webhooks", map[string]any{"name": "hook"}).ok(&hook)
	c.do("POST", "/applications/"+ids["application_id"]+"/commands", map[string]any{"name": "ping", "description": "pong"}).ok(&cmd)
	var hookMsg struct {
		ID discord.Snowflake `json:"id"`
	}
	c.do("POST", "/webhooks/"+hook.ID.String()+"/"+hook.Token+"?wait=true", map[string]any{"content": "from a hook"}).ok(&hookMsg)
	i := srv.StartInteraction(discord.Interaction{Type: discord.InteractionTypeApplicationCommand, ChannelID: g.SystemChannelID,
		User: &user, Data: &discord.InteractionData{ID: cmd.ID, Name: "ping", CommandType: discord.ApplicationCommandTypeChatInput}})
	ids["role_id"], ids["overwrite_id"] = role.ID.String(), role.ID.String()
	ids["emoji_id"], ids["command_id"] = emoji.ID.String(), cmd.ID.String()
	ids["webhook_id"], ids["webhook_token"], ids["webhook_message_id"] = hook.ID.String(), hook.Token, hookMsg.ID.String()
	ids["interaction_id"], ids["interaction_token"] = i.ID.String(), i.Token
	return ids
}

// path fills a route template with seeded IDs, and "1" where none is seeded.
func (ids seeded) path(template string) string {
	segs := strings.Split(template, "/")
	for i, seg := range segs {
		if !strings.HasPrefix(seg, "{") {
			continue
		}
		name := strings.Trim(seg, "{}")
		v, ok := ids[name]
		if name == "message_id" && strings.HasPrefix(template, "/webhooks/") {
			v, ok = ids["webhook_message_id"]
		}
		if !ok {
			v = "1"
		}
		segs[i] = v
	}
	return strings.Join(segs, "/")
}

// TestEveryRouteOfTheSpecAnswers calls every route of the route table (which
// a test proves equal to endpoints.tsv) with seeded path parameters and the
// smallest valid body of its request schema. No route answers 404 with code
// 0 or 405, no valid body is refused with 50035, every error body is
// Discord's, and every success body is valid for the route's response
// schema.
func TestEveryRouteOfTheSpecAnswers(t *testing.T) {
	for i := range routeTable {
		rt := &routeTable[i]
		t.Run(rt.name(), func(t *testing.T) {
			srv := newServer(t, WithRateLimit(0, 0), WithGlobalRateLimit(0, 0))
			c := newREST(t, srv)
			ids := seedWorld(t, srv, c)
			if rt.Auth&authBot == 0 && rt.Auth&authOAuth2 != 0 {
				c.auth = "Bearer " + DefaultOAuth2Token
			}
			op := spec().Operations[rt.Operation]
			var body any
			switch {
			case beyondSchema[rt.Operation] != nil:
				body = beyondSchema[rt.Operation]
			case op.Request != nil:
				body = spec().example(op.Request)
			case op.Multipart != nil:
				fields, _ := spec().example(op.Multipart).(map[string]any)
				mp := &multipartBody{}
				mp.w = multipart.NewWriter(&mp.buf)
				for k, v := range fields {
					if s, ok := v.(string); ok && !strings.Contains(k, "file") {
						mp.w.WriteField(k, s)
					} else {
						fw, _ := mp.w.CreateFormFile(k, "f.png")
						fw.Write(onePixelPNG)
					}
				}
				mp.w.Close()
				body = mp
			}
			path := ids.path(rt.Path)
			for i, name := range op.QueryRequired {
				sep := map[bool]string{true: "?", false: "&"}[i == 0]
				path += sep + name + "=" + fmt.Sprint(spec().example(op.Query[name]))
			}
			resp := c.do(rt.Method, path, body)
			checkAnswer(t, rt, resp)
		})
	}
}

// beyondSchema are bodies for routes where Discord asks more than the
// schema says: a slash command needs a description, and an application
// command interaction cannot be answered with autocomplete choices.
var beyondSchema = map[string]any{
	"create_application_command":       map[string]any{"name": "x", "description": "x"},
	"create_guild_application_command": map[string]any{"name": "x", "description": "x"},
	"create_interaction_response":      map[string]any{"type": 5},
}

// checkAnswer checks one answer of TestEveryRouteOfTheSpecAnswers.
func checkAnswer(t *testing.T, rt *route, resp *restResp) {
	t.Helper()
	ctype := resp.header.Get("Content-Type")
	if resp.status >= 400 {
		var e apiErr
		if err := json.Unmarshal(resp.body, &e); err != nil || e.Message == "" {
			t.Fatalf("status %d with a body that is not Discord's error: %s", resp.status, resp.body)
		}
		switch {
		case resp.status == http.StatusNotFound && e.Code == 0, resp.status == http.StatusMethodNotAllowed:
			t.Fatalf("status %d: the route is not served: %s", resp.status, resp.body)
		case e.Code == 50035:
			t.Fatalf("the smallest valid body was refused: %s", resp.body)
		case resp.status >= 500:
			t.Fatalf("status %d: %s", resp.status, resp.body)
		}
		return
	}
	if !containsInt(rt.Success, resp.status) {
		t.Errorf("status %d, the spec lists %v", resp.status, rt.Success)
	}
	if resp.status == http.StatusNoContent {
		if len(resp.body) != 0 {
			t.Errorf("204 with a body: %s", resp.body)
		}
		return
	}
	sch := spec().Operations[rt.Operation].Responses[strconv.Itoa(resp.status)]
	if !strings.HasPrefix(ctype, "application/json") {
		if r := spec().resolve(sch); r == nil || !r.Type.has("string") {
			t.Errorf("Content-Type %q for a JSON response", ctype)
		}
		return
	}
	if !json.Valid(resp.body) {
		t.Fatalf("invalid JSON: %s", resp.body)
	}
	if errs := (&checker{d: spec()}).validate(sch, decodeJSON(resp.body), nil); len(errs) > 0 {
		t.Errorf("the response breaks the spec's schema: %s\n%s", fmtErrors(errs), resp.body)
	}
}

func containsInt(xs []int, x int) bool {
	for _, y := range xs {
		if x == y {
			return true
		}
	}
	return false
}

func fmtErrors(errs []fieldError) string {
	var b strings.Builder
	for _, e := range errs {
		fmt.Fprintf(&b, "  %s: %s %s\n", strings.Join(e.path, "."), e.code, e.message)
	}
	return b.String()
}

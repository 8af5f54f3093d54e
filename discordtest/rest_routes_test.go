package discordtest

import (
	"fmt"
	"net/http"
	"slices"
	"strings"
	"testing"

	"github.com/cordage/cordage/internal/specdata"
)

// TestRouteTableMatchesEndpointsTSV proves the generated route table holds
// every operation of endpoints.tsv once, with its operation ID, credentials,
// major parameter, success statuses and body encodings.
func TestRouteTableMatchesEndpointsTSV(t *testing.T) {
	rows := strings.Split(strings.TrimSpace(string(specdata.ReadFile(t, "discord-spec", "endpoints.tsv"))), "\n")
	head := strings.Split(rows[0], "\t")
	col := func(name string) int { return slices.Index(head, name) }
	byName := map[string]*route{}
	for i := range routeTable {
		r := &routeTable[i]
		if byName[r.name()] != nil {
			t.Errorf("%s is in the table twice", r.name())
		}
		byName[r.name()] = r
	}
	seen := map[string]bool{}
	for _, row := range rows[1:] {
		c := strings.Split(row, "\t")
		name := c[col("method")] + " " + c[col("path")]
		if seen[name] {
			t.Errorf("%s twice in endpoints.tsv", name)
		}
		seen[name] = true
		r := byName[name]
		if r == nil {
			t.Errorf("%s missing from the route table", name)
			continue
		}
		if r.Operation != c[col("operationId")] {
			t.Errorf("%s: operation %s, want %s", name, r.Operation, c[col("operationId")])
		}
		var auth []string
		for _, a := range []struct {
			flag authFlags
			name string
		}{{authBot, "BotToken"}, {authOAuth2, "OAuth2"}, {authNone, "none"}} {
			if r.Auth&a.flag != 0 {
				auth = append(auth, a.name)
			}
		}
		want := strings.Split(c[col("security")], "|")
		slices.Sort(want)
		slices.Sort(auth)
		if !slices.Equal(auth, want) {
			t.Errorf("%s: security %v, want %v", name, auth, want)
		}
		if major := c[col("major_param")]; (major == "-") != (r.Major == "") || major != "-" && major != r.Major {
			t.Errorf("%s: major %q, want %q", name, r.Major, major)
		}
		var statuses []string
		for _, s := range r.Success {
			statuses = append(statuses, fmt.Sprint(s))
		}
		if got := strings.Join(statuses, ","); got != c[col("success_status")] {
			t.Errorf("%s: success %s, want %s", name, got, c[col("success_status")])
		}
		if (r.Body&bodyMultipart != 0) != (c[col("multipart_files")] == "yes") {
			t.Errorf("%s: multipart %v, want %s", name, r.Body&bodyMultipart != 0, c[col("multipart_files")])
		}
		if (r.Body != 0) != (c[col("has_request_body")] == "yes") {
			t.Errorf("%s: body %v, want %s", name, r.Body, c[col("has_request_body")])
		}
		if r.Deprecated != (c[col("deprecated")] == "yes") {
			t.Errorf("%s: deprecated %v", name, r.Deprecated)
		}
	}
	if len(seen) != len(routeTable) {
		t.Errorf("the table has %d routes, endpoints.tsv %d", len(routeTable), len(seen))
	}
}

func TestRequestsMatchRouteTemplates(t *testing.T) {
	srv := newServer(t)
	c := newREST(t, srv)
	bot := srv.Bot()
	for _, tc := range []struct{ method, path, want string }{
		{"GET", "/users/@me", "GET /users/@me"},
		{"GET", "/users/" + bot.ID.String(), "GET /users/{user_id}"},
		{"GET", "/channels/1/messages/pins", "GET /channels/{channel_id}/messages/pins"},
		{"GET", "/channels/1/messages/2", "GET /channels/{channel_id}/messages/{message_id}"},
		{"GET", "/guilds/templates/abc", "GET /guilds/templates/{code}"},
		{"PUT", "/channels/1/messages/2/reactions/%F0%9F%91%8D/@me", "PUT /channels/{channel_id}/messages/{message_id}/reactions/{emoji_name}/@me"},
		{"GET", "/guilds/1/widget.json", "GET /guilds/{guild_id}/widget.json"},
	} {
		c.do(tc.method, tc.path, nil)
		log := srv.Requests()
		if got := log[len(log)-1].Route; got != tc.want {
			t.Errorf("%s %s matched %q, want %q", tc.method, tc.path, got, tc.want)
		}
	}
}

func TestUnknownPathsAnswer404AndWrongMethods405(t *testing.T) {
	srv := newServer(t)
	c := newREST(t, srv)
	for _, path := range []string{"/nope", "/users/@me/nope", "/channels", "/channels/1/messages/2/nope"} {
		e := c.do("GET", path, nil).fails(http.StatusNotFound, 0)
		if e.Message != "404: Not Found" {
			t.Errorf("GET %s: message %q", path, e.Message)
		}
	}
	r := c.do("POST", "/users/@me", nil)
	e := r.fails(http.StatusMethodNotAllowed, 0)
	if e.Message != "405: Method Not Allowed" || r.header.Get("Allow") != "GET, PATCH" {
		t.Errorf("405: %q, Allow %q", e.Message, r.header.Get("Allow"))
	}
	// Outside /api/v10 nothing answers JSON routes.
	resp, err := c.hc.Get(srv.base + "/api/v5/users/@me")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusNotFound {
		t.Errorf("/api/v5: status %d", resp.StatusCode)
	}
}

func TestAuthorizationIsCheckedPerRoute(t *testing.T) {
	srv := newServer(t)
	c := newREST(t, srv)
	anon := c.anonymous()
	e := anon.do("GET", "/users/@me", nil).fails(http.StatusUnauthorized, 0)
	if e.Message != "401: Unauthorized" {
		t.Errorf("message %q", e.Message)
	}
	wrong := *c
	wrong.auth = "Bot wrong"
	wrong.do("GET", "/users/@me", nil).fails(http.StatusUnauthorized, 0)
	raw := *c
	raw.auth = srv.Token() // without the "Bot " prefix
	raw.do("GET", "/users/@me", nil).fails(http.StatusUnauthorized, 0)

	// Routes whose security allows none work without a token.
	var gw struct{ URL string }
	anon.do("GET", "/gateway", nil).ok(&gw)
	if gw.URL != srv.GatewayURL() {
		t.Errorf("GET /gateway url %q", gw.URL)
	}
	anon.do("GET", "/sticker-packs", nil).ok(nil)
	// A route for OAuth2 only refuses the bot token, and takes a Bearer.
	c.do("GET", "/users/@me/guilds/1/member", nil).fails(http.StatusUnauthorized, 0)
	bearer := *c
	bearer.auth = "Bearer " + DefaultOAuth2Token
	bearer.do("GET", "/users/@me/guilds/1/member", nil).ok(nil)
	if n := srv.InvalidRequests(); n != 4 {
		t.Errorf("InvalidRequests = %d, want 4 (the 401s)", n)
	}
}

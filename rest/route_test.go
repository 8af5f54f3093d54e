package rest

import (
	"bytes"
	"encoding/csv"
	"maps"
	"slices"
	"strconv"
	"strings"
	"testing"
	"unicode"

	"github.com/cordage/cordage/internal/specdata"
)

// endpoint is one row of endpoints.tsv.
type endpoint map[string]string

func readEndpoints(t *testing.T) []endpoint {
	t.Helper()
	r := csv.NewReader(bytes.NewReader(specdata.ReadFile(t, "discord-spec", "endpoints.tsv")))
	r.Comma = '\t'
	r.LazyQuotes = true
	recs, err := r.ReadAll()
	if err != nil {
		t.Fatalf("endpoints.tsv: %v", err)
	}
	var rows []endpoint
	for _, rec := range recs[1:] {
		row := endpoint{}
		for i, h := range recs[0] {
			row[h] = rec[i]
		}
		rows = append(rows, row)
	}
	return rows
}

func TestRoutesHaveEveryEndpointOnce(t *testing.T) {
	rows := readEndpoints(t)
	if len(rows) != 242 {
		t.Errorf("endpoints.tsv has %d operations, want 242", len(rows))
	}
	routes := map[string]*Route{}
	for _, r := range Routes {
		if prev, dup := routes[r.String()]; dup {
			t.Errorf("%v is in Routes twice (%s, %s)", r, prev.OperationID, r.OperationID)
		}
		routes[r.String()] = r
	}
	for _, row := range rows {
		key := row["method"] + " " + row["path"]
		r, ok := routes[key]
		if !ok {
			t.Errorf("%s (%s) has no route", key, row["operationId"])
			continue
		}
		delete(routes, key)
		major := row["major_param"]
		if major == "-" {
			major = ""
		}
		if r.Major != major {
			t.Errorf("%v: Major = %q, want %q", r, r.Major, major)
		}
		if r.OperationID != row["operationId"] {
			t.Errorf("%v: OperationID = %q, want %q", r, r.OperationID, row["operationId"])
		}
		var success []int
		for _, s := range strings.Split(row["success_status"], ",") {
			n, _ := strconv.Atoi(s)
			success = append(success, n)
		}
		if !slices.Equal(r.Success, success) {
			t.Errorf("%v: Success = %v, want %v", r, r.Success, success)
		}
		var auth Auth
		for _, s := range strings.Split(row["security"], "|") {
			auth |= map[string]Auth{"BotToken": AuthBot, "OAuth2": AuthBearer, "none": AuthNone}[s]
		}
		if r.Auth != auth {
			t.Errorf("%v: Auth = %v, want %v (%s)", r, r.Auth, auth, row["security"])
		}
		ct := row["request_content_types"]
		if r.JSON != strings.Contains(ct, "application/json") || r.Multipart != strings.Contains(ct, "multipart/form-data") {
			t.Errorf("%v: JSON, Multipart = %v, %v; the spec takes %s", r, r.JSON, r.Multipart, ct)
		}
		var query []string
		if q := row["query_params"]; q != "-" {
			query = strings.Split(q, ",")
		}
		if !slices.Equal(r.Query, query) {
			t.Errorf("%v: Query = %v, want %v", r, r.Query, query)
		}
	}
	for key, r := range routes {
		t.Errorf("%s (%s) is not an operation of endpoints.tsv", key, r.OperationID)
	}
}

// resourceNames are the resources of the client, one per Discord area.
var resourceNames = []string{
	"Applications", "Commands", "Channels", "Messages", "Reactions", "Threads",
	"Guilds", "Members", "Roles", "Bans", "Emojis", "Stickers", "Invites",
	"Webhooks", "Interactions", "ScheduledEvents", "StageInstances",
	"GuildTemplates", "AuditLogs", "AutoModeration", "Soundboard",
	"Entitlements", "SKUs", "Subscriptions", "Polls", "Users", "Voice",
	"Gateway", "OAuth2", "Lobbies", "PartnerSDK",
}

func TestEveryRouteHasOneResourceMethod(t *testing.T) {
	names := map[string]string{}
	perResource := map[string]int{}
	for _, r := range Routes {
		if !slices.Contains(resourceNames, r.Resource) {
			t.Errorf("%v: resource %q is not one of the client's", r, r.Resource)
		}
		if r.Action == "" || !unicode.IsUpper(rune(r.Action[0])) {
			t.Errorf("%v: action %q is not an exported method name", r, r.Action)
		}
		if prev, dup := names[r.Name()]; dup {
			t.Errorf("%s calls both %s and %s", r.Name(), prev, r.OperationID)
		}
		names[r.Name()] = r.OperationID
		perResource[r.Resource]++
	}
	for _, res := range slices.Sorted(maps.Keys(perResource)) {
		t.Logf("%-16s %d", res, perResource[res])
	}
}

func TestRouteOperationIDsAreUnique(t *testing.T) {
	seen := map[string]bool{}
	for _, r := range Routes {
		if seen[r.OperationID] {
			t.Errorf("operationId %s is in Routes twice", r.OperationID)
		}
		seen[r.OperationID] = true
	}
}

func TestRouteTypesAreDiscordTypes(t *testing.T) {
	for _, r := range Routes {
		for _, field := range []struct{ name, types string }{{"Request", r.Request}, {"Response", r.Response}} {
			if field.types == "" {
				continue
			}
			for _, name := range strings.Split(field.types, " | ") {
				typ, ok := routeGoTypes[name]
				if !ok {
					t.Errorf("%v: %s type %q is not in routeGoTypes", r, field.name, name)
					continue
				}
				// reflect spells byte as uint8.
				if typ.String() != strings.ReplaceAll(name, "[]byte", "[]uint8") {
					t.Errorf("%v: %s type %q is %v", r, field.name, name, typ)
				}
			}
		}
		if r.Request != "" && !r.JSON && !r.Multipart {
			t.Errorf("%v: has a request type %s but takes no body", r, r.Request)
		}
	}
}

func TestRouteParamsAndMajor(t *testing.T) {
	for _, r := range Routes {
		params := r.Params()
		if strings.Count(r.Path, "{") != len(params) {
			t.Errorf("%v: Params() = %v", r, params)
		}
		seen := map[string]bool{}
		for _, p := range params {
			if seen[p] || p == "" {
				t.Errorf("%v: parameter %q repeats or is empty", r, p)
			}
			seen[p] = true
		}
		if r.Major == "" {
			continue
		}
		id, token, _ := strings.Cut(r.Major, "+")
		prefix := "/" + map[string]string{"channel_id": "channels", "guild_id": "guilds", "webhook_id": "webhooks"}[id] + "/{" + id + "}"
		if token != "" {
			prefix += "/{" + token + "}"
		}
		if !strings.HasPrefix(r.Path, prefix) {
			t.Errorf("%v: Major %q, but the path does not start with %s", r, r.Major, prefix)
		}
	}
}

func TestRouteURL(t *testing.T) {
	const base = "https://discord.com/api/v10"
	tests := []struct {
		route  Route
		params []string
		want   string
	}{
		{RouteCreateMessage, []string{"123"}, base + "/channels/123/messages"},
		{RouteGetCurrentUser, nil, base + "/users/@me"},
		{RouteAddMessageReaction, []string{"1", "2", "🔥"}, base + "/channels/1/messages/2/reactions/%F0%9F%94%A5/@me"},
		{RouteAddMessageReaction, []string{"1", "2", "party:1234"}, base + "/channels/1/messages/2/reactions/party:1234/@me"},
		{RouteGetInvite, []string{"a/b?c#d"}, base + "/invites/a%2Fb%3Fc%23d"},
		{RouteGetInvite, []string{"50%"}, base + "/invites/50%25"},
		{RouteExecuteWebhook, []string{"9", "tok-en_1"}, base + "/webhooks/9/tok-en_1"},
		{RouteGetGuildWidget, []string{"7"}, base + "/guilds/7/widget.json"},
	}
	for _, tt := range tests {
		got, err := tt.route.URL(base+"/", tt.params...)
		if err != nil || got != tt.want {
			t.Errorf("%v.URL(%q) = %q, %v; want %q", tt.route, tt.params, got, err, tt.want)
		}
	}
}

func TestRouteURLRefusesBadParams(t *testing.T) {
	tests := []struct {
		route  Route
		params []string
		want   string
	}{
		{RouteCreateMessage, nil, "0 path parameters given, want 1"},
		{RouteCreateMessage, []string{"1", "2"}, "2 path parameters given, want 1"},
		{RouteGetMessage, []string{"1"}, "1 path parameters given, want 2"},
		{RouteCreateMessage, []string{""}, `channel_id is ""`},
		{RouteGetMessage, []string{"1", ".."}, `message_id is ".."`},
		{RouteGetInvite, []string{"."}, `code is "."`},
	}
	for _, tt := range tests {
		got, err := tt.route.URL("https://discord.com/api/v10", tt.params...)
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%v.URL(%q) = %q, %v; want an error saying %q", tt.route, tt.params, got, err, tt.want)
		}
	}
}

func TestRedactedURLHidesTokens(t *testing.T) {
	got := RouteUpdateWebhookMessage.redactedURL("https://discord.com/api/v10", "9", "secret", "5")
	want := "https://discord.com/api/v10/webhooks/9/{webhook_token}/messages/5"
	if got != want {
		t.Errorf("redactedURL = %q, want %q", got, want)
	}
	got = RouteUpdateWebhookMessage.redactedURL("https://discord.com/api/v10", "9")
	want = "https://discord.com/api/v10/webhooks/{webhook_id}/{webhook_token}/messages/{message_id}"
	if got != want {
		t.Errorf("redactedURL with missing params = %q, want %q", got, want)
	}
}

func TestRouteMajorValueAndKey(t *testing.T) {
	tests := []struct {
		route  Route
		params []string
		major  string
	}{
		{RouteCreateMessage, []string{"123"}, "123"},
		{RouteGetGuildMember, []string{"55", "66"}, "55"},
		{RouteGetWebhook, []string{"9"}, "9"},
		{RouteExecuteWebhook, []string{"9", "tok"}, "9/tok"},
		{RouteGetCurrentUser, nil, ""},
		{RouteGetStageInstance, []string{"1"}, ""},
	}
	for _, tt := range tests {
		got, err := tt.route.MajorValue(tt.params...)
		if err != nil || got != tt.major {
			t.Errorf("%v.MajorValue(%q) = %q, %v; want %q", tt.route, tt.params, got, err, tt.major)
		}
		if key, want := tt.route.Key(got), tt.route.Method+" "+tt.route.Path+" "+tt.major; key != want {
			t.Errorf("%v.Key(%q) = %q, want %q", tt.route, got, key, want)
		}
	}
	if _, err := RouteExecuteWebhook.MajorValue("9"); err == nil {
		t.Error("MajorValue without the webhook token succeeded")
	}
	if _, err := RouteCreateMessage.MajorValue(); err == nil {
		t.Error("MajorValue without the channel ID succeeded")
	}
	if a, b := RouteCreateMessage.Key("1"), RouteCreateMessage.Key("2"); a == b {
		t.Errorf("two channels share the key %q", a)
	}
}

func TestAuth(t *testing.T) {
	tests := []struct {
		auth Auth
		want string
	}{
		{AuthBot, "Bot"},
		{AuthBot | AuthNone, "Bot|None"},
		{AuthBot | AuthBearer, "Bot|Bearer"},
		{0, "Auth(0)"},
		{AuthBearer | 0x10, "Bearer|Auth(0x10)"},
	}
	for _, tt := range tests {
		if got := tt.auth.String(); got != tt.want {
			t.Errorf("Auth(%d).String() = %q, want %q", uint8(tt.auth), got, tt.want)
		}
	}
	if !RouteExecuteWebhook.Auth.Has(AuthNone) || RouteCreateMessage.Auth.Has(AuthNone) {
		t.Error("Has(AuthNone) is wrong for the webhook or message route")
	}
	if !RouteGetCurrentUser.Auth.Has(AuthBot | AuthBearer) {
		t.Error("GET /users/@me does not take both bot and bearer tokens")
	}
}

func TestRouteNames(t *testing.T) {
	tests := []struct {
		route     Route
		str, name string
	}{
		{RouteCreateMessage, "POST /channels/{channel_id}/messages", "Messages.Create"},
		{RouteGetGuild, "GET /guilds/{guild_id}", "Guilds.Get"},
		{RouteBulkOverwriteApplicationCommands, "PUT /applications/{application_id}/commands", "Commands.BulkOverwriteGlobal"},
		{RouteCreateInteractionResponse, "POST /interactions/{interaction_id}/{interaction_token}/callback", "Interactions.Respond"},
	}
	for _, tt := range tests {
		if got := tt.route.String(); got != tt.str {
			t.Errorf("String() = %q, want %q", got, tt.str)
		}
		if got := tt.route.Name(); got != tt.name {
			t.Errorf("%v.Name() = %q, want %q", tt.route, got, tt.name)
		}
	}
}

package discordtest

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/coder/websocket"

	"github.com/cordage/cordage/discord"
	"github.com/cordage/cordage/internal/leakcheck"
	"github.com/cordage/cordage/internal/specdata"
)

const (
	intentGuilds         = 1 << 0
	intentGuildMembers   = 1 << 1
	intentGuildMessages  = 1 << 9
	intentDirectMessages = 1 << 12
	intentMessageContent = 1 << 15
)

func newServer(t *testing.T, opts ...Option) *Server {
	t.Helper()
	leakcheck.Check(t)
	srv, err := NewServer(opts...)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { srv.Close() })
	return srv
}

func TestIdentifyGetsReadyThenAGuildCreatePerGuild(t *testing.T) {
	srv := newServer(t)
	g1, g2 := srv.AddGuild("one"), srv.AddGuild("two")
	c := dial(t, srv, "/", "")
	if c.hello() != 41250*time.Millisecond {
		t.Error("HELLO does not carry Discord's default heartbeat interval")
	}
	c.send(opIdentify, identifyPayload(srv.Token(), intentGuilds, nil))
	event, seq, d := c.nextDispatch()
	if event != "READY" || seq != 1 {
		t.Fatalf("got %s seq %d, want READY seq 1", event, seq)
	}
	var r readyData
	json.Unmarshal(d, &r)
	if r.SessionID == "" || r.ResumeGatewayURL != srv.GatewayURL()+"/resume" || !r.User.Bot || r.Shard != nil {
		t.Errorf("READY = %+v", r)
	}
	if len(r.Guilds) != 2 || !r.Guilds[0].Unavailable {
		t.Errorf("READY guilds = %+v, want two unavailable stubs", r.Guilds)
	}
	for i, want := range []discord.Guild{g1, g2} {
		event, seq, d := c.nextDispatch()
		var g discord.Guild
		json.Unmarshal(d, &g)
		if event != "GUILD_CREATE" || seq != int64(i+2) || g.ID != want.ID {
			t.Errorf("dispatch %d: %s seq %d guild %d, want GUILD_CREATE seq %d guild %d", i, event, seq, g.ID, i+2, want.ID)
		}
		var extra struct {
			Channels []discord.Channel `json:"channels"`
			Members  []discord.Member  `json:"members"`
		}
		json.Unmarshal(d, &extra)
		if len(extra.Channels) != 1 || len(extra.Members) != 2 {
			t.Errorf("GUILD_CREATE carries %d channels and %d members, want 1 and 2", len(extra.Channels), len(extra.Members))
		}
	}
}

func TestHeartbeatIsAcknowledged(t *testing.T) {
	srv := newServer(t)
	c := dial(t, srv, "/", "")
	c.hello()
	c.send(opHeartbeat, nil)
	if p := c.next(); p.Op != opHeartbeatACK {
		t.Fatalf("got op %d, want HEARTBEAT_ACK", p.Op)
	}
}

func TestResumeReplaysMissedEventsInOrderThenResumed(t *testing.T) {
	srv := newServer(t, WithPrivilegedIntents(intentMessageContent))
	g := srv.AddGuild("g")
	user := srv.AddUser("alice")
	srv.AddMember(g.ID, user.ID)
	channel := g.SystemChannelID
	c := dial(t, srv, "/", "")
	r := c.identify(srv, intentGuilds|intentGuildMessages|intentMessageContent, nil)
	_, last, _ := c.nextDispatch() // GUILD_CREATE
	srv.SendMessage(user.ID, channel, "before the drop")
	if _, seq, _ := c.nextDispatch(); seq != last+1 {
		t.Fatalf("seq %d, want %d", seq, last+1)
	}
	last++

	srv.DropConnections()
	c.expectClose()
	for i := range 3 {
		srv.SendMessage(user.ID, channel, fmt.Sprint("missed ", i))
	}

	c2 := dial(t, srv, "/resume", "")
	c2.hello()
	c2.send(opResume, map[string]any{"token": srv.Token(), "session_id": r.SessionID, "seq": last})
	for i := range 3 {
		event, seq, d := c2.nextDispatch()
		var m discord.Message
		json.Unmarshal(d, &m)
		if event != "MESSAGE_CREATE" || seq != last+int64(i)+1 || m.Content != fmt.Sprint("missed ", i) {
			t.Errorf("replay %d: %s seq %d %q", i, event, seq, m.Content)
		}
	}
	if event, seq, _ := c2.nextDispatch(); event != "RESUMED" || seq != last+4 {
		t.Errorf("got %s seq %d, want RESUMED seq %d", event, seq, last+4)
	}
	srv.SendMessage(user.ID, channel, "live again")
	if event, _, _ := c2.nextDispatch(); event != "MESSAGE_CREATE" {
		t.Errorf("got %s after resuming, want MESSAGE_CREATE", event)
	}
}

func TestResumeOfAnUnknownSessionGetsInvalidSession(t *testing.T) {
	srv := newServer(t)
	c := dial(t, srv, "/resume", "")
	c.hello()
	c.send(opResume, map[string]any{"token": srv.Token(), "session_id": "nope", "seq": 3})
	p := c.next()
	if p.Op != opInvalidSession || string(p.D) != "false" {
		t.Fatalf("got op %d d %s, want INVALID_SESSION false", p.Op, p.D)
	}
}

func TestProtocolViolationsCloseWithDiscordsCodes(t *testing.T) {
	tests := []struct {
		name  string
		query string
		opts  []Option
		act   func(t *testing.T, srv *Server, c *testClient)
		want  int
	}{
		{name: "bad token", want: closeAuthenticationFailed, act: func(t *testing.T, srv *Server, c *testClient) {
			c.send(opIdentify, identifyPayload("wrong", intentGuilds, nil))
		}},
		{name: "undocumented intent", want: closeInvalidIntents, act: func(t *testing.T, srv *Server, c *testClient) {
			c.send(opIdentify, identifyPayload(srv.Token(), 1<<30, nil))
		}},
		{name: "privileged intent not granted", want: closeDisallowedIntents, act: func(t *testing.T, srv *Server, c *testClient) {
			c.send(opIdentify, identifyPayload(srv.Token(), intentGuilds|intentGuildMembers, nil))
		}},
		{name: "shard id past the count", want: closeInvalidShard, act: func(t *testing.T, srv *Server, c *testClient) {
			c.send(opIdentify, identifyPayload(srv.Token(), intentGuilds, []int{2, 2}))
		}},
		{name: "command before identify", want: closeNotAuthenticated, act: func(t *testing.T, srv *Server, c *testClient) {
			c.send(opPresenceUpdate, map[string]any{"status": "online"})
		}},
		{name: "unknown opcode", want: closeUnknownOpcode, act: func(t *testing.T, srv *Server, c *testClient) {
			c.send(opIdentify, identifyPayload(srv.Token(), intentGuilds, nil))
			c.nextDispatch()
			c.send(99, nil)
		}},
		{name: "identify twice", want: closeAlreadyAuthenticated, act: func(t *testing.T, srv *Server, c *testClient) {
			c.send(opIdentify, identifyPayload(srv.Token(), intentGuilds, nil))
			c.nextDispatch()
			c.send(opIdentify, identifyPayload(srv.Token(), intentGuilds, nil))
		}},
		{name: "payload over 4096 bytes", want: closeDecodeError, act: func(t *testing.T, srv *Server, c *testClient) {
			c.send(opHeartbeat, strings.Repeat("x", 4100))
		}},
		{name: "invalid JSON", want: closeDecodeError, act: func(t *testing.T, srv *Server, c *testClient) {
			c.sendRaw([]byte(`{"op":1,`))
		}},
		{name: "over the send limit", want: closeRateLimited, opts: []Option{WithSendLimit(5, time.Minute)}, act: func(t *testing.T, srv *Server, c *testClient) {
			for range 6 {
				c.send(opHeartbeat, nil)
			}
		}},
		{name: "API version 8", query: "v=8", want: closeInvalidAPIVersion},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv := newServer(t, tt.opts...)
			var c *testClient
			if tt.query != "" {
				// dial adds v=10; build the URL by hand for other versions.
				c = dialURL(t, srv.GatewayURL()+"/?"+tt.query+"&encoding=json")
			} else {
				c = dial(t, srv, "/", "")
				c.hello()
			}
			if tt.act != nil {
				tt.act(t, srv, c)
			}
			if got := c.expectClose(); int(got) != tt.want {
				t.Errorf("closed with %d, want %d", got, tt.want)
			}
		})
	}
}

func TestTransportCompression(t *testing.T) {
	for _, kind := range []string{"zlib-stream", "zstd-stream"} {
		t.Run(kind, func(t *testing.T) {
			srv := newServer(t)
			for i := range 20 {
				srv.AddGuild(fmt.Sprint("guild ", i))
			}
			c := dial(t, srv, "/", "compress="+kind)
			r := c.identify(srv, intentGuilds, nil)
			if len(r.Guilds) != 20 {
				t.Fatalf("READY has %d guilds", len(r.Guilds))
			}
			for range 20 {
				if event, _, _ := c.nextDispatch(); event != "GUILD_CREATE" {
					t.Fatalf("got %s", event)
				}
			}
		})
	}
}

func TestIntentsDecideWhichEventsASessionGets(t *testing.T) {
	srv := newServer(t, WithPrivilegedIntents(intentMessageContent), WithMaxConcurrency(3), WithIdentifyWindow(time.Millisecond))
	g := srv.AddGuild("g")
	user := srv.AddUser("bob")
	guildsOnly := dial(t, srv, "/", "")
	guildsOnly.identify(srv, intentGuilds, []int{0, 1})
	guildsOnly.nextDispatch()
	time.Sleep(2 * time.Millisecond)
	noContent := dial(t, srv, "/", "")
	noContent.identify(srv, intentGuilds|intentGuildMessages, []int{0, 1})
	noContent.nextDispatch()
	time.Sleep(2 * time.Millisecond)
	withContent := dial(t, srv, "/", "")
	withContent.identify(srv, intentGuilds|intentGuildMessages|intentMessageContent, []int{0, 1})
	withContent.nextDispatch()

	srv.SendMessage(user.ID, g.SystemChannelID, "secret")
	srv.AddChannel(g.ID, "later", discord.ChannelTypeGuildText)

	if event, _, _ := guildsOnly.nextDispatch(); event != "CHANNEL_CREATE" {
		t.Errorf("GUILDS-only session got %s first, want CHANNEL_CREATE (no MESSAGE_CREATE)", event)
	}
	for _, tc := range []struct {
		c    *testClient
		want string
	}{{noContent, ""}, {withContent, "secret"}} {
		event, _, d := tc.c.nextDispatch()
		var m discord.Message
		json.Unmarshal(d, &m)
		if event != "MESSAGE_CREATE" || m.Content != tc.want || m.GuildID != g.ID {
			t.Errorf("got %s content %q guild %d, want MESSAGE_CREATE %q", event, m.Content, m.GuildID, tc.want)
		}
	}
}

func TestEventsGoToTheShardOfTheirGuild(t *testing.T) {
	srv := newServer(t, WithMaxConcurrency(2), WithRecommendedShards(2))
	var byShard [2][]discord.Snowflake
	for len(byShard[0]) < 2 || len(byShard[1]) < 2 {
		g := srv.AddGuild("g")
		s := int(uint64(g.ID>>22) % 2)
		byShard[s] = append(byShard[s], g.ID)
	}
	for shard := range 2 {
		c := dial(t, srv, "/", "")
		r := c.identify(srv, intentGuilds|intentDirectMessages, []int{shard, 2})
		if len(r.Shard) != 2 || r.Shard[0] != shard {
			t.Errorf("READY shard = %v", r.Shard)
		}
		if len(r.Guilds) != len(byShard[shard]) {
			t.Errorf("shard %d: READY lists %d guilds, want %d", shard, len(r.Guilds), len(byShard[shard]))
		}
		for _, want := range byShard[shard] {
			_, _, d := c.nextDispatch()
			var g discord.Guild
			json.Unmarshal(d, &g)
			if g.ID != want {
				t.Errorf("shard %d got guild %d, want %d", shard, g.ID, want)
			}
		}
		srv.Emit("MESSAGE_CREATE", 0, map[string]any{"id": "1", "content": "dm"})
		srv.AddChannel(byShard[1][0], "on shard 1", discord.ChannelTypeGuildText)
		want := map[int]string{0: "MESSAGE_CREATE", 1: "CHANNEL_CREATE"}[shard]
		if event, _, _ := c.nextDispatch(); event != want {
			t.Errorf("shard %d got %s, want %s", shard, event, want)
		}
	}
}

func TestSecondIdentifyInABucketWithinTheWindowGetsInvalidSession(t *testing.T) {
	srv := newServer(t, WithMaxConcurrency(1), WithIdentifyWindow(time.Hour))
	first := dial(t, srv, "/", "")
	first.identify(srv, intentGuilds, []int{0, 2})
	second := dial(t, srv, "/", "")
	second.hello()
	second.send(opIdentify, identifyPayload(srv.Token(), intentGuilds, []int{1, 2}))
	if p := second.next(); p.Op != opInvalidSession || string(p.D) != "false" {
		t.Fatalf("got op %d %s, want INVALID_SESSION false", p.Op, p.D)
	}
}

func TestMissingHeartbeatsTimeTheSessionOut(t *testing.T) {
	srv := newServer(t, WithHeartbeatInterval(100*time.Millisecond))
	c := dial(t, srv, "/", "")
	c.identify(srv, intentGuilds, nil)
	if code := c.expectClose(); code != closeSessionTimedOut {
		t.Fatalf("closed with %d, want 4009", code)
	}
	if n := len(srv.Sessions()); n != 0 {
		t.Errorf("%d sessions left, want the timed-out one gone", n)
	}
}

func TestWithheldACKsAndStalledConnections(t *testing.T) {
	srv := newServer(t, WithHeartbeatInterval(300*time.Millisecond))
	g := srv.AddGuild("g")
	user := srv.AddUser("carol")
	c := dial(t, srv, "/", "")
	r := c.identify(srv, intentGuilds|intentGuildMessages, nil)
	_, last, _ := c.nextDispatch()

	srv.WithholdACKs(true)
	c.send(opHeartbeat, last)
	select {
	case p := <-c.in:
		t.Fatalf("got op %d while ACKs are withheld", p.Op)
	case <-time.After(150 * time.Millisecond):
	}
	srv.WithholdACKs(false)

	resume := srv.StallConnections()
	defer resume()
	srv.SendMessage(user.ID, g.SystemChannelID, "during the stall")
	select {
	case p := <-c.in:
		t.Fatalf("got op %d from a stalled connection", p.Op)
	case <-time.After(100 * time.Millisecond):
	}
	// The client gives up on the zombie connection and resumes elsewhere.
	c.ws.Close(websocket.StatusCode(4900), "zombie")
	c2 := dial(t, srv, "/resume", "")
	c2.hello()
	c2.send(opResume, map[string]any{"token": srv.Token(), "session_id": r.SessionID, "seq": last})
	if event, seq, _ := c2.nextDispatch(); event != "MESSAGE_CREATE" || seq != last+1 {
		t.Errorf("got %s seq %d, want the stalled MESSAGE_CREATE seq %d", event, seq, last+1)
	}
}

func TestRequestGuildMembersAnswersInChunks(t *testing.T) {
	srv := newServer(t, WithPrivilegedIntents(intentGuildMembers))
	g := srv.AddGuild("big")
	for i := range 1500 {
		u := srv.AddUser(fmt.Sprint("user", i))
		srv.AddMember(g.ID, u.ID)
	}
	c := dial(t, srv, "/", "")
	c.identify(srv, intentGuilds|intentGuildMembers, nil)
	c.nextDispatch()
	c.send(opRequestGuildMembers, map[string]any{"guild_id": g.ID, "query": "", "limit": 0, "nonce": "n1"})
	total := 0
	for i := range 2 {
		event, _, d := c.nextDispatch()
		var chunk struct {
			Members    []discord.Member `json:"members"`
			ChunkIndex int              `json:"chunk_index"`
			ChunkCount int              `json:"chunk_count"`
			Nonce      string           `json:"nonce"`
		}
		json.Unmarshal(d, &chunk)
		if event != "GUILD_MEMBERS_CHUNK" || chunk.ChunkIndex != i || chunk.ChunkCount != 2 || chunk.Nonce != "n1" {
			t.Fatalf("chunk %d: %s %+v", i, event, chunk.ChunkIndex)
		}
		total += len(chunk.Members)
	}
	if total != 1502 {
		t.Errorf("%d members in chunks, want 1502", total)
	}
	c.send(opRequestGuildMembers, map[string]any{"guild_id": g.ID, "query": "user14", "limit": 5})
	_, _, d := c.nextDispatch()
	var chunk struct {
		Members []discord.Member `json:"members"`
	}
	json.Unmarshal(d, &chunk)
	if len(chunk.Members) != 5 {
		t.Errorf("query user14 limit 5 returned %d members", len(chunk.Members))
	}
}

func dialURL(t *testing.T, url string) *testClient {
	t.Helper()
	ctx, cancel := contextWithTimeout()
	defer cancel()
	ws, _, err := websocket.Dial(ctx, url, nil)
	if err != nil {
		t.Fatalf("dial: %v", err)
	}
	c := &testClient{t: t, ws: ws, in: make(chan payload, 16), done: make(chan error, 1)}
	go c.read("")
	t.Cleanup(func() { ws.CloseNow() })
	return c
}

// TestIntentTablesMatchDiscordsDocs proves the generated event and intent
// tables hold every row of gateway-events.tsv and intents.tsv.
func TestIntentTablesMatchDiscordsDocs(t *testing.T) {
	rows := strings.Split(strings.TrimSpace(string(specdata.ReadFile(t, "discord-spec", "gateway-events.tsv"))), "\n")
	dispatches := 0
	for _, row := range rows[1:] {
		c := strings.Split(row, "\t")
		if c[1] != "dispatch" {
			continue
		}
		dispatches++
		got, ok := eventIntents[c[0]]
		if !ok {
			t.Errorf("event %s missing", c[0])
			continue
		}
		want := []string(nil)
		if !strings.HasPrefix(c[3], "none") {
			want = strings.Split(c[3], ",")
		}
		if strings.Join(got, ",") != strings.Join(want, ",") {
			t.Errorf("%s: intents %v, want %v", c[0], got, want)
		}
	}
	if dispatches != len(eventIntents) {
		t.Errorf("table has %d events, docs %d", len(eventIntents), dispatches)
	}
	for _, row := range strings.Split(strings.TrimSpace(string(specdata.ReadFile(t, "discord-spec", "intents.tsv"))), "\n")[1:] {
		c := strings.Split(row, "\t")
		if fmt.Sprint(intentBits[c[1]]) != c[2] {
			t.Errorf("intent %s = %d, want %s", c[1], intentBits[c[1]], c[2])
		}
		if (privilegedIntents&intentBits[c[1]] != 0) != (c[3] == "yes") {
			t.Errorf("intent %s privileged mismatch", c[1])
		}
	}
}

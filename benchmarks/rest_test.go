package benchmarks

import (
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"runtime"
	"strconv"
	"sync"
	"testing"

	"github.com/bwmarrin/discordgo"
	arikawaapi "github.com/diamondburned/arikawa/v3/api"
	arikawadiscord "github.com/diamondburned/arikawa/v3/discord"
	"github.com/diamondburned/arikawa/v3/utils/httputil"
	"github.com/diamondburned/arikawa/v3/utils/httputil/httpdriver"
	disgodiscord "github.com/disgoorg/disgo/discord"
	disgorest "github.com/disgoorg/disgo/rest"
	"github.com/disgoorg/snowflake/v2"

	"github.com/cordage/cordage/discord"
	"github.com/cordage/cordage/rest"
	"github.com/cordage/cordage/rest/ratelimit"
)

// Workload 4, REST: one create-message request, sent through each
// library's client to a local server that answers like Discord.

// restMessage is the answer to every request: a message as Discord returns
// it (the body of cordage's rest.BenchmarkCreateMessage).
const restMessage = `{"id":"1234567890123456789","type":0,"content":"hello","channel_id":"1234567890123456780",` +
	`"author":{"id":"1234567890123456001","username":"bot","avatar":null,"discriminator":"0","public_flags":0,"flags":0,"bot":true,"global_name":null},` +
	`"attachments":[],"embeds":[],"mentions":[],"mention_roles":[],"pinned":false,"mention_everyone":false,"tts":false,` +
	`"timestamp":"2026-01-01T00:00:00.000000+00:00","edited_timestamp":null,"flags":0,"components":[],"nonce":null}`

const restChannel = 1234567890123456780

var discordServer = sync.OnceValue(func() *httptest.Server {
	body := []byte(restMessage)
	// The test binary's one server, shared by every library (discordgo's and
	// arikawa's endpoints are package variables); it lives until the
	// process exits.
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		io.Copy(io.Discard, r.Body)
		h := w.Header()
		h["Content-Type"] = []string{"application/json"}
		h["X-Ratelimit-Bucket"] = []string{"80c17d2f203122d936070c88c8d10f33"}
		h["X-Ratelimit-Limit"] = []string{"1000000000"}
		h["X-Ratelimit-Remaining"] = []string{"999999999"}
		h["X-Ratelimit-Reset-After"] = []string{"3600.000"}
		h["X-Ratelimit-Reset"] = []string{"4102444800.000"}
		w.Write(body)
	}))
	pointDiscordgoAt(srv.URL)
	pointArikawaAt(srv.URL)
	return srv
})

// A sendFunc sends one create-message request with content "hello" and
// returns the id of the message in the answer.
type sendFunc func() (uint64, error)

// restClients makes each library's client, pointed at the server.
var restClients = map[string]func(srv *httptest.Server) sendFunc{
	"Cordage": func(srv *httptest.Server) sendFunc {
		// cordage's limiter keeps to Discord's global 50 requests per
		// second before any answer says so; the peers' limiters only react
		// to a global 429. Raised here, as in rest.BenchmarkCreateMessage,
		// so that nothing waits.
		c := rest.New("x", rest.WithBaseURL(srv.URL+"/api/v10"), rest.WithHTTPClient(srv.Client()),
			rest.WithRateLimiter(ratelimit.New(ratelimit.WithGlobalLimit(1<<30))))
		req := &discord.CreateMessageRequest{Content: "hello"}
		return func() (uint64, error) {
			m, err := c.Messages.Create(context.Background(), restChannel, req)
			if err != nil {
				return 0, err
			}
			return uint64(m.ID), nil
		}
	},
	"Disgo": func(srv *httptest.Server) sendFunc {
		c := disgorest.New(disgorest.NewClient("x", disgorest.WithURL(srv.URL+"/api/v10"),
			disgorest.WithHTTPClient(srv.Client())))
		return func() (uint64, error) {
			m, err := c.CreateMessage(snowflake.ID(restChannel), disgodiscord.MessageCreate{Content: "hello"})
			if err != nil {
				return 0, err
			}
			return uint64(m.ID), nil
		}
	},
	"Discordgo": func(srv *httptest.Server) sendFunc {
		s, err := discordgo.New("Bot x")
		if err != nil {
			panic(err)
		}
		s.Client = srv.Client()
		return func() (uint64, error) {
			m, err := s.ChannelMessageSend("1234567890123456780", "hello")
			if err != nil {
				return 0, err
			}
			return strconv.ParseUint(m.ID, 10, 64)
		}
	},
	"Arikawa": func(srv *httptest.Server) sendFunc {
		hc := httputil.NewClient()
		hc.Client = httpdriver.WrapClient(*srv.Client())
		c := arikawaapi.NewCustomClient("Bot x", hc)
		return func() (uint64, error) {
			m, err := c.SendMessage(arikawadiscord.ChannelID(restChannel), "hello")
			if err != nil {
				return 0, err
			}
			return uint64(m.ID), nil
		}
	},
}

// pointDiscordgoAt reassigns discordgo's endpoint variables, which it
// computes at init from EndpointDiscord, to the server at base. Its endpoint
// functions, such as EndpointChannelMessages, read them when called.
func pointDiscordgoAt(base string) {
	discordgo.EndpointDiscord = base + "/"
	discordgo.EndpointAPI = discordgo.EndpointDiscord + "api/v" + discordgo.APIVersion + "/"
	discordgo.EndpointGuilds = discordgo.EndpointAPI + "guilds/"
	discordgo.EndpointChannels = discordgo.EndpointAPI + "channels/"
	discordgo.EndpointUsers = discordgo.EndpointAPI + "users/"
	discordgo.EndpointGateway = discordgo.EndpointAPI + "gateway"
	discordgo.EndpointGatewayBot = discordgo.EndpointGateway + "/bot"
	discordgo.EndpointWebhooks = discordgo.EndpointAPI + "webhooks/"
	discordgo.EndpointStickers = discordgo.EndpointAPI + "stickers/"
	discordgo.EndpointStageInstances = discordgo.EndpointAPI + "stage-instances"
	discordgo.EndpointSKUs = discordgo.EndpointAPI + "skus"
	discordgo.EndpointVoice = discordgo.EndpointAPI + "/voice/"
	discordgo.EndpointVoiceRegions = discordgo.EndpointVoice + "regions"
}

// pointArikawaAt does the same for arikawa's api package.
func pointArikawaAt(base string) {
	arikawaapi.BaseEndpoint = base
	arikawaapi.Endpoint = arikawaapi.BaseEndpoint + arikawaapi.Path + "/"
	arikawaapi.EndpointGateway = arikawaapi.Endpoint + "gateway"
	arikawaapi.EndpointGatewayBot = arikawaapi.EndpointGateway + "/bot"
	arikawaapi.EndpointApplications = arikawaapi.Endpoint + "applications/"
	arikawaapi.EndpointChannels = arikawaapi.Endpoint + "channels/"
	arikawaapi.EndpointGuilds = arikawaapi.Endpoint + "guilds/"
	arikawaapi.EndpointInteractions = arikawaapi.Endpoint + "interactions/"
	arikawaapi.EndpointInvites = arikawaapi.Endpoint + "invites/"
	arikawaapi.EndpointAuth = arikawaapi.Endpoint + "auth/"
	arikawaapi.EndpointLogin = arikawaapi.EndpointAuth + "login"
	arikawaapi.EndpointTOTP = arikawaapi.EndpointAuth + "mfa/totp"
	arikawaapi.EndpointStageInstances = arikawaapi.Endpoint + "stage-instances/"
	arikawaapi.EndpointUsers = arikawaapi.Endpoint + "users/"
	arikawaapi.EndpointMe = arikawaapi.EndpointUsers + "@me"
	arikawaapi.EndpointWebhooks = arikawaapi.Endpoint + "webhooks/"
}

// benchREST sends one request per op through the client send makes, and
// reports the per-request figures under the per-event units of the other
// workloads, so that cmd/compare tabulates them alike.
func benchREST(b *testing.B, newSend func(*httptest.Server) sendFunc) {
	srv := discordServer()
	send := newSend(srv)
	b.ReportAllocs()
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	b.ResetTimer()
	for range b.N {
		id, err := send()
		if err != nil {
			b.Fatal(err)
		}
		if id == 0 {
			b.Fatal("no message id in the answer")
		}
	}
	b.StopTimer()
	runtime.ReadMemStats(&after)
	n := float64(b.N)
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/n, "ns/event")
	b.ReportMetric(n/b.Elapsed().Seconds(), "events/s")
	b.ReportMetric(float64(after.TotalAlloc-before.TotalAlloc)/n, "B/event")
	b.ReportMetric(float64(after.Mallocs-before.Mallocs)/n, "allocs/event")
}

// TestREST checks that every library's client gets the message back from
// the server.
func TestREST(t *testing.T) {
	srv := discordServer()
	for name, newSend := range restClients {
		id, err := newSend(srv)()
		if err != nil || id == 0 {
			t.Errorf("%s: id %d, %v", name, id, err)
		}
	}
}

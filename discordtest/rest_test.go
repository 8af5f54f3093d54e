package discordtest

import (
	"bytes"
	"encoding/json"
	"io"
	"mime/multipart"
	"net/http"
	"net/textproto"
	"strings"
	"testing"
	"time"
)

// restClient is a minimal REST client written for these tests only, on
// net/http, so the emulator is checked against the protocol rather than
// against cordage's own rest package.
type restClient struct {
	t     *testing.T
	srv   *Server
	hc    *http.Client
	auth  string // the Authorization header, "" for none
	extra http.Header
}

func newREST(t *testing.T, srv *Server) *restClient {
	t.Helper()
	tr := &http.Transport{}
	t.Cleanup(tr.CloseIdleConnections)
	return &restClient{t: t, srv: srv, hc: &http.Client{Transport: tr, Timeout: 10 * time.Second}, auth: "Bot " + srv.Token()}
}

// anonymous returns a client that sends no Authorization header.
func (c *restClient) anonymous() *restClient {
	cc := *c
	cc.auth = ""
	return &cc
}

// jsonText is a request body sent as it is, as application/json.
type jsonText string

type restResp struct {
	t      *testing.T
	status int
	header http.Header
	body   []byte
}

// do sends a request; body is JSON-encoded unless it is a []byte.
func (c *restClient) do(method, path string, body any) *restResp {
	c.t.Helper()
	var rd io.Reader
	ctype := ""
	switch b := body.(type) {
	case nil:
	case []byte:
		rd = bytes.NewReader(b)
	case jsonText:
		rd, ctype = strings.NewReader(string(b)), "application/json"
	case *multipartBody:
		rd, ctype = bytes.NewReader(b.buf.Bytes()), b.w.FormDataContentType()
	default:
		raw, err := json.Marshal(b)
		if err != nil {
			c.t.Fatal(err)
		}
		rd, ctype = bytes.NewReader(raw), "application/json"
	}
	req, err := http.NewRequest(method, c.srv.URL()+path, rd)
	if err != nil {
		c.t.Fatal(err)
	}
	if ctype != "" {
		req.Header.Set("Content-Type", ctype)
	}
	if c.auth != "" {
		req.Header.Set("Authorization", c.auth)
	}
	for k, v := range c.extra {
		req.Header[k] = v
	}
	req.Header.Set("User-Agent", "DiscordBot (https://github.com/cordage/cordage, test)")
	resp, err := c.hc.Do(req)
	if err != nil {
		c.t.Fatalf("%s %s: %v", method, path, err)
	}
	defer resp.Body.Close()
	data, err := io.ReadAll(resp.Body)
	if err != nil {
		c.t.Fatal(err)
	}
	return &restResp{t: c.t, status: resp.StatusCode, header: resp.Header, body: data}
}

// decode decodes the JSON body into v.
func (r *restResp) decode(v any) {
	r.t.Helper()
	if err := json.Unmarshal(r.body, v); err != nil {
		r.t.Fatalf("decode %s: %v", r.body, err)
	}
}

// ok fails the test unless the status is 2xx, and decodes the body into v
// when v is not nil.
func (r *restResp) ok(v any) *restResp {
	r.t.Helper()
	if r.status < 200 || r.status > 299 {
		r.t.Fatalf("status %d: %s", r.status, r.body)
	}
	if v != nil {
		r.decode(v)
	}
	return r
}

// apiErr is Discord's error body.
type apiErr struct {
	Code    int            `json:"code"`
	Message string         `json:"message"`
	Errors  map[string]any `json:"errors"`
}

// fails checks the status and JSON error code of an error response.
func (r *restResp) fails(status, code int) apiErr {
	r.t.Helper()
	var e apiErr
	if r.status != status {
		r.t.Fatalf("status %d (%s), want %d", r.status, r.body, status)
	}
	r.decode(&e)
	if e.Code != code {
		r.t.Fatalf("code %d (%s), want %d", e.Code, r.body, code)
	}
	return e
}

// multipartBody builds a multipart/form-data body.
type multipartBody struct {
	buf bytes.Buffer
	w   *multipart.Writer
}

func newMultipart(t *testing.T, payload any, files map[string]string) *multipartBody {
	t.Helper()
	m := &multipartBody{}
	m.w = multipart.NewWriter(&m.buf)
	if payload != nil {
		raw, _ := json.Marshal(payload)
		h := textproto.MIMEHeader{}
		h.Set("Content-Disposition", `form-data; name="payload_json"`)
		h.Set("Content-Type", "application/json")
		pw, _ := m.w.CreatePart(h)
		pw.Write(raw)
	}
	for _, field := range sortedKeys(files) {
		name, content, _ := strings.Cut(files[field], ":")
		fw, err := m.w.CreateFormFile(field, name)
		if err != nil {
			t.Fatal(err)
		}
		fw.Write([]byte(content))
	}
	m.w.Close()
	return m
}

// eventServer starts an emulator whose application has every privileged
// intent, for tests that watch the gateway.
func eventServer(t *testing.T, opts ...Option) *Server {
	t.Helper()
	return newServer(t, append([]Option{WithPrivilegedIntents(privilegedIntents)}, opts...)...)
}

// listen connects a gateway session with every intent and reads the
// GUILD_CREATE of each of the guilds guilds.
func listen(t *testing.T, srv *Server, guilds int) *testClient {
	t.Helper()
	var all uint64
	for _, bit := range intentBits {
		all |= bit
	}
	c := dial(t, srv, "/", "")
	c.identify(srv, all, nil)
	for range guilds {
		c.expect("GUILD_CREATE")
	}
	return c
}

// expect reads the next dispatch, checks its name and decodes it.
func (c *testClient) expect(event string) map[string]any {
	c.t.Helper()
	got, _, d := c.nextDispatch()
	if got != event {
		c.t.Fatalf("got %s %s, want %s", got, d, event)
	}
	var m map[string]any
	if err := json.Unmarshal(d, &m); err != nil {
		c.t.Fatal(err)
	}
	return m
}

// quiet checks that no dispatch arrives for a moment.
func (c *testClient) quiet() {
	c.t.Helper()
	select {
	case p := <-c.in:
		if p.Op == opDispatch {
			c.t.Fatalf("unexpected %s: %s", *p.T, p.D)
		}
	case <-time.After(100 * time.Millisecond):
	}
}

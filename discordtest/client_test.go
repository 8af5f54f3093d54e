package discordtest

import (
	"compress/zlib"
	"context"
	"encoding/json"
	"errors"
	"io"
	"testing"
	"time"

	"github.com/coder/websocket"
	"github.com/klauspost/compress/zstd"
)

// testClient is a minimal gateway client written for these tests only, so the
// emulator is checked against the protocol rather than against cordage's
// own gateway package.
type testClient struct {
	t    *testing.T
	ws   *websocket.Conn
	in   chan payload
	done chan error // the read error that ended the connection
}

// dial connects to the emulator's gateway; path is "/" or "/resume", and
// compress is "", "zlib-stream" or "zstd-stream".
func dial(t *testing.T, srv *Server, path, query string) *testClient {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	url := srv.GatewayURL() + path + "?v=10&encoding=json"
	if query != "" {
		url += "&" + query
	}
	ws, _, err := websocket.Dial(ctx, url, nil)
	if err != nil {
		t.Fatalf("dial %s: %v", url, err)
	}
	ws.SetReadLimit(64 << 20)
	c := &testClient{t: t, ws: ws, in: make(chan payload, 1024), done: make(chan error, 1)}
	compress := ""
	for _, kv := range []string{"compress=zlib-stream", "compress=zstd-stream"} {
		if query == kv {
			compress = kv[len("compress="):]
		}
	}
	go c.read(compress)
	t.Cleanup(func() { ws.CloseNow() })
	return c
}

func (c *testClient) read(compress string) {
	defer close(c.in)
	if compress == "" {
		for {
			_, msg, err := c.ws.Read(context.Background())
			if err != nil {
				c.done <- err
				return
			}
			var p payload
			if err := json.Unmarshal(msg, &p); err != nil {
				c.done <- err
				return
			}
			c.in <- p
		}
	}
	// Compressed: feed the frames through one decompression context.
	pr, pw := io.Pipe()
	go func() {
		for {
			_, msg, err := c.ws.Read(context.Background())
			if err != nil {
				c.done <- err
				pw.CloseWithError(err)
				return
			}
			if _, err := pw.Write(msg); err != nil {
				return
			}
		}
	}()
	var r io.Reader
	var err error
	switch compress {
	case "zlib-stream":
		r, err = zlib.NewReader(pr)
	case "zstd-stream":
		var d *zstd.Decoder
		d, err = zstd.NewReader(pr)
		if err == nil {
			defer d.Close()
			r = d
		}
	}
	if err != nil {
		pr.CloseWithError(err)
		return
	}
	dec := json.NewDecoder(r)
	for {
		var p payload
		if err := dec.Decode(&p); err != nil {
			pr.CloseWithError(err)
			return
		}
		c.in <- p
	}
}

// next returns the next payload, failing the test after a timeout.
func (c *testClient) next() payload {
	c.t.Helper()
	select {
	case p, ok := <-c.in:
		if !ok {
			c.t.Fatalf("connection closed: %v", c.closeErr())
		}
		return p
	case <-time.After(5 * time.Second):
		c.t.Fatal("no payload within 5s")
	}
	return payload{}
}

// nextDispatch skips heartbeat ACKs and returns the next dispatch.
func (c *testClient) nextDispatch() (event string, seq int64, d json.RawMessage) {
	c.t.Helper()
	for {
		p := c.next()
		if p.Op == opHeartbeatACK {
			continue
		}
		if p.Op != opDispatch {
			c.t.Fatalf("got op %d, want a dispatch", p.Op)
		}
		return *p.T, *p.S, p.D
	}
}

// expectClose waits for the server to close the connection and returns the
// close code.
func (c *testClient) expectClose() websocket.StatusCode {
	c.t.Helper()
	timeout := time.After(5 * time.Second)
	for {
		select {
		case _, ok := <-c.in:
			if !ok {
				return websocket.CloseStatus(c.closeErr())
			}
		case <-timeout:
			c.t.Fatal("connection not closed within 5s")
		}
	}
}

func (c *testClient) closeErr() error {
	select {
	case err := <-c.done:
		c.done <- err
		return err
	case <-time.After(time.Second):
		return errors.New("no read error")
	}
}

// send writes a payload.
func (c *testClient) send(op int, d any) {
	c.t.Helper()
	raw, err := json.Marshal(map[string]any{"op": op, "d": d})
	if err != nil {
		c.t.Fatal(err)
	}
	c.sendRaw(raw)
}

func (c *testClient) sendRaw(raw []byte) {
	c.t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if err := c.ws.Write(ctx, websocket.MessageText, raw); err != nil {
		c.t.Fatalf("write: %v", err)
	}
}

// hello reads HELLO and returns the heartbeat interval.
func (c *testClient) hello() time.Duration {
	c.t.Helper()
	p := c.next()
	if p.Op != opHello {
		c.t.Fatalf("first payload op %d, want HELLO", p.Op)
	}
	var d struct {
		HeartbeatInterval int64 `json:"heartbeat_interval"`
	}
	json.Unmarshal(p.D, &d)
	return time.Duration(d.HeartbeatInterval) * time.Millisecond
}

func identifyPayload(token string, intents uint64, shard []int) map[string]any {
	d := map[string]any{
		"token":      token,
		"intents":    intents,
		"properties": map[string]string{"os": "linux", "browser": "test", "device": "test"},
	}
	if shard != nil {
		d["shard"] = shard
	}
	return d
}

type readyData struct {
	SessionID        string `json:"session_id"`
	ResumeGatewayURL string `json:"resume_gateway_url"`
	Guilds           []struct {
		ID          string `json:"id"`
		Unavailable bool   `json:"unavailable"`
	} `json:"guilds"`
	Shard []int `json:"shard"`
	User  struct {
		ID  string `json:"id"`
		Bot bool   `json:"bot"`
	} `json:"user"`
}

// identify performs HELLO and IDENTIFY and returns READY.
func (c *testClient) identify(srv *Server, intents uint64, shard []int) readyData {
	c.t.Helper()
	c.hello()
	c.send(opIdentify, identifyPayload(srv.Token(), intents, shard))
	event, _, d := c.nextDispatch()
	if event != "READY" {
		c.t.Fatalf("got %s, want READY", event)
	}
	var r readyData
	if err := json.Unmarshal(d, &r); err != nil {
		c.t.Fatal(err)
	}
	return r
}

func contextWithTimeout() (context.Context, context.CancelFunc) {
	return context.WithTimeout(context.Background(), 5*time.Second)
}

package discordtest

import (
	"context"
	"time"

	"github.com/coder/websocket"
)

// RequestHeartbeat sends op 1 HEARTBEAT on every gateway connection, as
// Discord does to ask for a heartbeat at once.
func (s *Server) RequestHeartbeat() {
	for _, c := range s.connections() {
		c.send(opHeartbeat, nil, 0, "")
	}
}

// SendRaw writes msg to every gateway connection as it is: a binary message
// when the connection is compressed, text otherwise, bypassing the
// compression stream. It lets a test send a corrupt or truncated frame.
func (s *Server) SendRaw(msg []byte) {
	for _, c := range s.connections() {
		typ := websocket.MessageText
		if c.comp != nil {
			typ = websocket.MessageBinary
		}
		c.writeMu.Lock()
		ctx, cancel := context.WithTimeout(c.ctx, 10*time.Second)
		c.ws.Write(ctx, typ, msg)
		cancel()
		c.writeMu.Unlock()
	}
}

// SendPayload writes msg, which need not be valid JSON, to every gateway
// connection through its compression stream, as if it were a payload.
func (s *Server) SendPayload(msg []byte) {
	for _, c := range s.connections() {
		out, typ := msg, websocket.MessageText
		c.writeMu.Lock()
		if c.comp != nil {
			var err error
			if out, err = c.comp.compress(msg); err != nil {
				c.writeMu.Unlock()
				continue
			}
			typ = websocket.MessageBinary
		}
		ctx, cancel := context.WithTimeout(c.ctx, 10*time.Second)
		c.ws.Write(ctx, typ, out)
		cancel()
		c.writeMu.Unlock()
	}
}

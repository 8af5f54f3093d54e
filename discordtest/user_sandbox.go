package discordtest

import "github.com/cordage/cordage/discord"

// WithAddr makes the server listen on addr, such as "127.0.0.1:8080", instead
// of a random loopback port, for an emulator other programs connect to (the
// `cordage sandbox` command).
func WithAddr(addr string) Option { return func(c *config) { c.addr = addr } }

// Messages returns the messages of a channel as GET
// /channels/{id}/messages shows them, oldest first; nil for an unknown
// channel.
func (s *Server) Messages(channelID discord.Snowflake) []discord.Message {
	w := s.world
	w.mu.Lock()
	defer w.mu.Unlock()
	cs, ok := w.channels[channelID]
	if !ok {
		return nil
	}
	out := make([]discord.Message, 0, len(cs.messages))
	for _, m := range cs.messages {
		out = append(out, w.render(cs, m))
	}
	return out
}

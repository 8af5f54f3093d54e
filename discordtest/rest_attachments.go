package discordtest

import (
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"github.com/cordage/cordage/discord"
)

// Uploaded files are served by the emulator itself, at URLs shaped like
// Discord's CDN: /attachments/{channel_id}/{attachment_id}/{filename}, with
// the signature parameters ex, is and hm that Discord's attachment URLs
// carry (the emulator does not check them).

// storeAttachments turns the uploads of a request into attachments of a
// message in a channel. The attachments field of the body, when present,
// names which uploads to keep (by their files[n] index) and sets their
// filename and description; without it every upload is attached. It holds
// w.mu.
func (s *Server) storeAttachments(w *world, channelID discord.Snowflake, files []upload, meta []attachmentMeta) []discord.Attachment {
	out := []discord.Attachment{}
	byIndex := map[int]upload{}
	for _, f := range files {
		byIndex[f.index] = f
	}
	if meta == nil {
		for _, f := range files {
			meta = append(meta, attachmentMeta{ID: discord.Snowflake(f.index)})
		}
	}
	for _, m := range meta {
		f, ok := byIndex[int(m.ID)]
		if !ok {
			continue
		}
		name := f.filename
		if m.Filename != "" {
			name = m.Filename
		}
		if m.IsSpoiler && !strings.HasPrefix(name, "SPOILER_") {
			name = "SPOILER_" + name
		}
		a := discord.Attachment{ID: w.newID(), Filename: name, Size: len(f.data), Description: m.Description,
			ContentType: f.contentType, Title: m.Title}
		path := fmt.Sprintf("/attachments/%d/%d/%s", channelID, a.ID, url.PathEscape(name))
		now := s.now()
		sig := newToken(16)
		a.URL = fmt.Sprintf("%s%s?ex=%x&is=%x&hm=%s&", s.base, path, now.Add(24*3600e9).Unix(), now.Unix(), sig)
		a.ProxyURL = a.URL
		w.rest.files[path] = storedFile{contentType: f.contentType, data: f.data}
		out = append(out, a)
	}
	return out
}

// attachmentMeta is one entry of a request's attachments array.
type attachmentMeta struct {
	ID          discord.Snowflake `json:"id"`
	Filename    string            `json:"filename"`
	Description string            `json:"description"`
	Title       string            `json:"title"`
	IsSpoiler   bool              `json:"is_spoiler"`
}

// serveAttachment serves an uploaded file.
func (s *Server) serveAttachment(w http.ResponseWriter, r *http.Request) {
	s.world.mu.Lock()
	f, ok := s.world.rest.files[r.URL.EscapedPath()]
	s.world.mu.Unlock()
	if !ok {
		http.NotFound(w, r)
		return
	}
	if f.contentType != "" {
		w.Header().Set("Content-Type", f.contentType)
	}
	w.Header().Set("Content-Length", strconv.Itoa(len(f.data)))
	w.Write(f.data)
}

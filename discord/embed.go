package discord

import "time"

// EmbedType is the kind of an [Embed]. Bots send rich embeds (the default
// when Type is empty); Discord makes the other kinds from links and for its
// own system messages.
//
// Values Discord adds later decode as they are.
type EmbedType string

// Values of EmbedType.
const (
	// EmbedTypeRich is a generic embed made from the embed's fields; the
	// only kind a bot sends.
	EmbedTypeRich EmbedType = "rich"
	// EmbedTypeImage is an image embed.
	EmbedTypeImage EmbedType = "image"
	// EmbedTypeVideo is a video embed.
	EmbedTypeVideo EmbedType = "video"
	// EmbedTypeGIFV is an animated GIF shown as a video.
	EmbedTypeGIFV EmbedType = "gifv"
	// EmbedTypeArticle is an article embed.
	EmbedTypeArticle EmbedType = "article"
	// EmbedTypeLink is a link embed.
	EmbedTypeLink EmbedType = "link"
	// EmbedTypePollResult is the result of a finished poll; its fields name
	// the poll and the winning answer.
	EmbedTypePollResult EmbedType = "poll_result"
	// EmbedTypeAutoModerationMessage is the embed of an auto moderation
	// alert message.
	EmbedTypeAutoModerationMessage EmbedType = "auto_moderation_message"
)

// Limits of embeds, as Discord counts them in characters.
const (
	// MaxEmbeds is the most embeds a message holds.
	MaxEmbeds = 10
	// MaxEmbedsLength is the most characters all embeds of a message hold
	// together, counted by [Embed.Length].
	MaxEmbedsLength = 6000
)

// Embed is rich content in a message: a coloured card with a title,
// description, fields, images, an author and a footer. One type serves both
// for sending and for receiving.
//
// A message holds up to [MaxEmbeds] embeds, together at most
// [MaxEmbedsLength] characters of title, description, field names and
// values, footer text and author name (see [Embed.Length]).
type Embed struct {
	// Title is at most 256 characters.
	Title string `json:"title,omitzero"`
	// Type is the kind of embed; leave it empty (rich) when sending.
	Type EmbedType `json:"type,omitzero"`
	// Description is markdown text; at most 4096 characters.
	Description string `json:"description,omitzero"`
	// URL makes the title a link; at most 2048 characters.
	URL string `json:"url,omitzero"`
	// Timestamp is shown in the footer, in the reader's time zone.
	Timestamp time.Time `json:"timestamp,omitzero"`
	// Color is the colour of the embed's edge; zero means Discord's default.
	Color Color `json:"color,omitzero"`
	// Footer is shown at the bottom.
	Footer *EmbedFooter `json:"footer,omitzero"`
	// Image is the large image under the description. Its URL may be an
	// "attachment://<filename>" reference to a file uploaded with the
	// message.
	Image *EmbedMedia `json:"image,omitzero"`
	// Thumbnail is the small image in the top right corner.
	Thumbnail *EmbedMedia `json:"thumbnail,omitzero"`
	// Video is the embedded video; Discord ignores it in bot requests.
	Video *EmbedMedia `json:"video,omitzero"`
	// Provider names the site a link embed comes from; Discord ignores it in
	// bot requests.
	Provider *EmbedProvider `json:"provider,omitzero"`
	// Author is shown at the top.
	Author *EmbedAuthor `json:"author,omitzero"`
	// Fields are name/value pairs under the description; at most 25.
	Fields []EmbedField `json:"fields,omitzero"`
	// Flags are bits Discord sets on received embeds; Discord does not
	// document their values.
	Flags int `json:"flags,omitzero"`
	// Components are containers Discord attaches to some received embeds.
	Components Components `json:"components,omitzero"`
}

// EmbedFooter is the footer of an [Embed].
type EmbedFooter struct {
	// Text is at most 2048 characters. Required.
	Text string `json:"text"`
	// IconURL is a small image before the text: an http(s) URL or an
	// "attachment://<filename>" reference; at most 2048 characters.
	IconURL string `json:"icon_url,omitzero"`
	// ProxyIconURL is Discord's cached copy of the icon, in received embeds.
	ProxyIconURL string `json:"proxy_icon_url,omitzero"`
}

// EmbedAuthor is the author line at the top of an [Embed].
type EmbedAuthor struct {
	// Name is at most 256 characters. Required.
	Name string `json:"name"`
	// URL makes the name a link; at most 2048 characters.
	URL string `json:"url,omitzero"`
	// IconURL is a small image before the name: an http(s) URL or an
	// "attachment://<filename>" reference; at most 2048 characters.
	IconURL string `json:"icon_url,omitzero"`
	// ProxyIconURL is Discord's cached copy of the icon, in received embeds.
	ProxyIconURL string `json:"proxy_icon_url,omitzero"`
}

// EmbedField is a name/value pair of an [Embed].
type EmbedField struct {
	// Name is at most 256 characters. Required.
	Name string `json:"name"`
	// Value is markdown text; at most 1024 characters. Required.
	Value string `json:"value"`
	// Inline places the field beside its neighbours rather than under them.
	Inline bool `json:"inline,omitzero"`
}

// EmbedMedia is the image, thumbnail or video of an [Embed]. A request sets
// only URL (and perhaps Description); Discord fills in the rest.
type EmbedMedia struct {
	// URL is an http(s) URL or an "attachment://<filename>" reference to a
	// file uploaded with the message; at most 2048 characters. Required.
	URL string `json:"url,omitzero"`
	// ProxyURL is Discord's cached copy of the media, in received embeds.
	ProxyURL string `json:"proxy_url,omitzero"`
	// Width is the media's width in pixels.
	Width int `json:"width,omitzero"`
	// Height is the media's height in pixels.
	Height int `json:"height,omitzero"`
	// ContentType is the media's MIME type, in received embeds.
	ContentType string `json:"content_type,omitzero"`
	// Placeholder is a ThumbHash of the media, shown while it loads; at
	// most 64 characters.
	Placeholder string `json:"placeholder,omitzero"`
	// PlaceholderVersion is the version of the placeholder's format.
	PlaceholderVersion int `json:"placeholder_version,omitzero"`
	// Description is the alt text; at most 4096 characters.
	Description string `json:"description,omitzero"`
	// Flags are bits about the media Discord sets on received embeds (bit
	// 5 marks animated media).
	Flags int `json:"flags,omitzero"`
	// IsAnimated reports whether the media is animated.
	IsAnimated bool `json:"is_animated,omitzero"`
}

// EmbedProvider is the site a link [Embed] comes from.
type EmbedProvider struct {
	// Name is the site's name; at most 256 characters.
	Name string `json:"name,omitzero"`
	// URL is the site's address; at most 2048 characters.
	URL string `json:"url,omitzero"`
}

// Length returns the number of characters of e that count toward the
// [MaxEmbedsLength] characters all embeds of a message may hold: its title,
// description, field names and values, footer text and author name.
func (e Embed) Length() int {
	n := chars(e.Title) + chars(e.Description)
	for _, f := range e.Fields {
		n += chars(f.Name) + chars(f.Value)
	}
	if e.Footer != nil {
		n += chars(e.Footer.Text)
	}
	if e.Author != nil {
		n += chars(e.Author.Name)
	}
	return n
}

// validateEmbeds checks the embeds of a message request at path (the path
// of the embeds field itself, such as "embeds"): at most 10, each within
// its limits, and together at most 6000 characters.
func validateEmbeds(v *validator, path string, embeds []Embed) {
	v.items(path, len(embeds), 0, MaxEmbeds)
	total := 0
	for i := range embeds {
		embeds[i].validate(v, at(path, i))
		total += embeds[i].Length()
	}
	if total > MaxEmbedsLength {
		v.add(path, "more than %d characters in total across all embeds (%d)", MaxEmbedsLength, total)
	}
}

const maxEmbedURLLength = 2048

func (e *Embed) validate(v *validator, path string) {
	v.length(field(path, "title"), e.Title, 0, 256)
	v.length(field(path, "description"), e.Description, 0, 4096)
	v.length(field(path, "url"), e.URL, 0, maxEmbedURLLength)
	if !e.Color.IsValid() {
		v.add(field(path, "color"), "must be at most 0xFFFFFF (%d)", uint32(e.Color))
	}
	p := field(path, "fields")
	v.items(p, len(e.Fields), 0, 25)
	for i, f := range e.Fields {
		fp := at(p, i)
		v.required(field(fp, "name"), f.Name != "")
		v.length(field(fp, "name"), f.Name, 0, 256)
		v.required(field(fp, "value"), f.Value != "")
		v.length(field(fp, "value"), f.Value, 0, 1024)
	}
	if f := e.Footer; f != nil {
		fp := field(path, "footer")
		v.required(field(fp, "text"), f.Text != "")
		v.length(field(fp, "text"), f.Text, 0, 2048)
		v.length(field(fp, "icon_url"), f.IconURL, 0, maxEmbedURLLength)
	}
	if a := e.Author; a != nil {
		ap := field(path, "author")
		v.required(field(ap, "name"), a.Name != "")
		v.length(field(ap, "name"), a.Name, 0, 256)
		v.length(field(ap, "url"), a.URL, 0, maxEmbedURLLength)
		v.length(field(ap, "icon_url"), a.IconURL, 0, maxEmbedURLLength)
	}
	for _, m := range []struct {
		name  string
		media *EmbedMedia
	}{{"image", e.Image}, {"thumbnail", e.Thumbnail}, {"video", e.Video}} {
		if m.media == nil {
			continue
		}
		mp := field(path, m.name)
		if m.name != "video" {
			v.required(field(mp, "url"), m.media.URL != "")
		}
		v.length(field(mp, "url"), m.media.URL, 0, maxEmbedURLLength)
		v.length(field(mp, "placeholder"), m.media.Placeholder, 0, 64)
		v.length(field(mp, "description"), m.media.Description, 0, 4096)
	}
	if pr := e.Provider; pr != nil {
		pp := field(path, "provider")
		v.length(field(pp, "name"), pr.Name, 0, 256)
		v.length(field(pp, "url"), pr.URL, 0, maxEmbedURLLength)
	}
}

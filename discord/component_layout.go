package discord

import "encoding/json"

// The layout and content components: what arranges and displays. All but
// ActionRow, TextDisplay and Label need a message sent with the
// IS_COMPONENTS_V2 flag ([MessageFlagIsComponentsV2]).

// ActionRow is a row (type 1) of up to 5 buttons, or of exactly one select
// menu (or, in a modal, one text input). Without the IS_COMPONENTS_V2 flag a
// message holds up to 5 action rows and nothing else.
type ActionRow struct {
	// ID identifies the component within its message or modal.
	ID int `json:"id,omitzero"`
	// Components are the row's buttons, or its one select menu or text
	// input; 1 to 5. Required.
	Components Components `json:"components"`
}

// NewActionRow returns an action row holding components.
func NewActionRow(components ...Component) *ActionRow {
	return &ActionRow{Components: components}
}

// Section is text (type 9) beside an accessory: 1 to 3 [TextDisplay]
// components and a [Button] or [Thumbnail].
type Section struct {
	// ID identifies the component within its message.
	ID int `json:"id,omitzero"`
	// Components are the section's texts, each a [*TextDisplay]; 1 to 3.
	// Required.
	Components Components `json:"components"`
	// Accessory is shown beside the text: a [*Button] or a [*Thumbnail].
	// Required.
	Accessory Component `json:"accessory"`
}

// TextDisplay is markdown text (type 10), in a v2 message, a container, a
// section or a modal.
type TextDisplay struct {
	// ID identifies the component within its message or modal.
	ID int `json:"id,omitzero"`
	// Content is the markdown text; 1 to 4000 characters. Required.
	Content string `json:"content"`
}

// NewTextDisplay returns a text display showing content.
func NewTextDisplay(content string) *TextDisplay {
	return &TextDisplay{Content: content}
}

// Thumbnail is a small image (type 11), the accessory of a [Section].
type Thumbnail struct {
	// ID identifies the component within its message.
	ID int `json:"id,omitzero"`
	// Media is the image: an https URL or an "attachment://<filename>"
	// reference to an uploaded file. Required.
	Media UnfurledMedia `json:"media"`
	// Description is the alt text; 1 to 1024 characters.
	Description string `json:"description,omitzero"`
	// Spoiler blurs the image until clicked.
	Spoiler bool `json:"spoiler,omitzero"`
}

// MediaGallery is a grid (type 12) of 1 to 10 images and videos.
type MediaGallery struct {
	// ID identifies the component within its message.
	ID int `json:"id,omitzero"`
	// Items are the gallery's images and videos; 1 to 10. Required.
	Items []MediaGalleryItem `json:"items"`
}

// MediaGalleryItem is one image or video of a [MediaGallery].
type MediaGalleryItem struct {
	// Media is the image or video: an https URL or an
	// "attachment://<filename>" reference. Required.
	Media UnfurledMedia `json:"media"`
	// Description is the alt text; 1 to 1024 characters.
	Description string `json:"description,omitzero"`
	// Spoiler blurs the item until clicked.
	Spoiler bool `json:"spoiler,omitzero"`
}

// FileComponent is a file uploaded with the message and shown in it (type
// 13, Discord's "File" component). It is named FileComponent so that File
// stays free for uploads.
type FileComponent struct {
	// ID identifies the component within its message.
	ID int `json:"id,omitzero"`
	// File is the file: requests must use an "attachment://<filename>"
	// reference to a file uploaded with the message. Required.
	File UnfurledMedia `json:"file"`
	// Spoiler blurs the file until clicked.
	Spoiler bool `json:"spoiler,omitzero"`
	// Name is the file's name, set by Discord in received messages.
	Name string `json:"name,omitzero"`
	// Size is the file's size in bytes, set by Discord in received messages.
	Size int `json:"size,omitzero"`
}

// Separator is vertical space (type 14) between components, with or without
// a line.
type Separator struct {
	// ID identifies the component within its message.
	ID int `json:"id,omitzero"`
	// Divider draws a line; Discord's default is true, so Some(false) is
	// how to get space without a line.
	Divider Optional[bool] `json:"divider,omitzero"`
	// Spacing is the amount of space; zero means Discord's default,
	// [SeparatorSpacingSmall].
	Spacing SeparatorSpacing `json:"spacing,omitzero"`
}

// Container is a box (type 17) around action rows, text displays,
// sections, media galleries, separators and files, with an optional accent
// colour on its edge.
type Container struct {
	// ID identifies the component within its message.
	ID int `json:"id,omitzero"`
	// Components are the container's children; at least 1, and they count
	// toward the message's limit of 40 components. Required.
	Components Components `json:"components"`
	// AccentColor is the colour of the container's edge; zero means none.
	AccentColor Color `json:"accent_color,omitzero"`
	// Spoiler blurs the whole container until clicked.
	Spoiler bool `json:"spoiler,omitzero"`
}

// Label is a title and description (type 18) around one input of a modal: a
// [*TextInput], a select menu, a [*FileUpload], a [*RadioGroup], a
// [*CheckboxGroup] or a [*Checkbox].
type Label struct {
	// ID identifies the component within its modal.
	ID int `json:"id,omitzero"`
	// Label is the title above the input; 1 to 45 characters. Required.
	Label string `json:"label"`
	// Description is shown under the title; 1 to 100 characters.
	Description string `json:"description,omitzero"`
	// Component is the input the label describes. Required.
	Component Component `json:"component"`
}

// NewLabel returns a label titled label around the input c.
func NewLabel(label string, c Component) *Label {
	return &Label{Label: label, Component: c}
}

// UnfurledMedia is the image, video or file of a [Thumbnail],
// [MediaGalleryItem] or [FileComponent]. A request sets only URL; Discord
// fills in the rest when it resolves the media.
type UnfurledMedia struct {
	// URL is an https URL or an "attachment://<filename>" reference to a
	// file uploaded with the message; at most 2048 characters. Required.
	URL string `json:"url"`
	// ProxyURL is Discord's cached copy of the media.
	ProxyURL string `json:"proxy_url,omitzero"`
	// Width is the media's width in pixels, when known.
	Width int `json:"width,omitzero"`
	// Height is the media's height in pixels, when known.
	Height int `json:"height,omitzero"`
	// ContentType is the media's MIME type, when known.
	ContentType string `json:"content_type,omitzero"`
	// AttachmentID is the ID of the attachment the media is, when it is
	// one.
	AttachmentID Snowflake `json:"attachment_id,omitzero"`
	// ID is Discord's ID of the resolved media.
	ID Snowflake `json:"id,omitzero"`
}

// Type returns [ComponentTypeActionRow].
func (*ActionRow) Type() ComponentType { return ComponentTypeActionRow }

// Type returns [ComponentTypeSection].
func (*Section) Type() ComponentType { return ComponentTypeSection }

// Type returns [ComponentTypeTextDisplay].
func (*TextDisplay) Type() ComponentType { return ComponentTypeTextDisplay }

// Type returns [ComponentTypeThumbnail].
func (*Thumbnail) Type() ComponentType { return ComponentTypeThumbnail }

// Type returns [ComponentTypeMediaGallery].
func (*MediaGallery) Type() ComponentType { return ComponentTypeMediaGallery }

// Type returns [ComponentTypeFile].
func (*FileComponent) Type() ComponentType { return ComponentTypeFile }

// Type returns [ComponentTypeSeparator].
func (*Separator) Type() ComponentType { return ComponentTypeSeparator }

// Type returns [ComponentTypeContainer].
func (*Container) Type() ComponentType { return ComponentTypeContainer }

// Type returns [ComponentTypeLabel].
func (*Label) Type() ComponentType { return ComponentTypeLabel }

// MarshalJSON encodes the row with "type": 1.
func (r *ActionRow) MarshalJSON() ([]byte, error) {
	type actionRow ActionRow
	return marshalComponent(ComponentTypeActionRow, (*actionRow)(r))
}

// MarshalJSON encodes the text display with "type": 10.
func (t *TextDisplay) MarshalJSON() ([]byte, error) {
	type textDisplay TextDisplay
	return marshalComponent(ComponentTypeTextDisplay, (*textDisplay)(t))
}

// MarshalJSON encodes the thumbnail with "type": 11.
func (t *Thumbnail) MarshalJSON() ([]byte, error) {
	type thumbnail Thumbnail
	return marshalComponent(ComponentTypeThumbnail, (*thumbnail)(t))
}

// MarshalJSON encodes the gallery with "type": 12.
func (g *MediaGallery) MarshalJSON() ([]byte, error) {
	type mediaGallery MediaGallery
	return marshalComponent(ComponentTypeMediaGallery, (*mediaGallery)(g))
}

// MarshalJSON encodes the file with "type": 13.
func (f *FileComponent) MarshalJSON() ([]byte, error) {
	type fileComponent FileComponent
	return marshalComponent(ComponentTypeFile, (*fileComponent)(f))
}

// MarshalJSON encodes the separator with "type": 14.
func (s *Separator) MarshalJSON() ([]byte, error) {
	type separator Separator
	return marshalComponent(ComponentTypeSeparator, (*separator)(s))
}

// MarshalJSON encodes the container with "type": 17.
func (c *Container) MarshalJSON() ([]byte, error) {
	type container Container
	return marshalComponent(ComponentTypeContainer, (*container)(c))
}

// Section and Label hold one component in an interface field, which
// encoding/json cannot decode by itself: their JSON methods shadow that
// field with a componentField, which goes through the same code as
// Components.

type sectionFields Section

type sectionJSON struct {
	sectionFields
	Accessory *componentField `json:"accessory,omitzero"`
}

// MarshalJSON encodes the section with "type": 9; a nil Accessory is left
// out.
func (s *Section) MarshalJSON() ([]byte, error) {
	if s == nil {
		return nil, errNilComponent
	}
	return marshalComponent(ComponentTypeSection, &sectionJSON{
		sectionFields: sectionFields(*s),
		Accessory:     fieldOf("accessory", s.Accessory),
	})
}

// UnmarshalJSON decodes a section, its accessory into the Go type of its
// kind.
func (s *Section) UnmarshalJSON(b []byte) error {
	r := sectionJSON{Accessory: &componentField{name: "accessory"}}
	if err := json.Unmarshal(b, &r); err != nil {
		return err
	}
	*s = Section(r.sectionFields)
	if r.Accessory != nil {
		s.Accessory = r.Accessory.c
	}
	return nil
}

type labelFields Label

type labelJSON struct {
	labelFields
	Component *componentField `json:"component,omitzero"`
}

// MarshalJSON encodes the label with "type": 18; a nil Component is left
// out.
func (l *Label) MarshalJSON() ([]byte, error) {
	if l == nil {
		return nil, errNilComponent
	}
	return marshalComponent(ComponentTypeLabel, &labelJSON{
		labelFields: labelFields(*l),
		Component:   fieldOf("component", l.Component),
	})
}

// UnmarshalJSON decodes a label, its component into the Go type of its
// kind.
func (l *Label) UnmarshalJSON(b []byte) error {
	r := labelJSON{Component: &componentField{name: "component"}}
	if err := json.Unmarshal(b, &r); err != nil {
		return err
	}
	*l = Label(r.labelFields)
	if r.Component != nil {
		l.Component = r.Component.c
	}
	return nil
}

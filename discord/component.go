package discord

import (
	"bytes"
	"encoding/json"
	"errors"
	"strconv"
)

// This file holds what every component shares: the kinds and the enums, the
// Component interface, the Components list and its JSON encoding. The kinds
// themselves live in component_interactive.go (what a user clicks or fills
// in) and component_layout.go (what arranges and displays); their limits are
// checked in component_validate.go.
//
// One Go type per kind serves both directions: it carries the union of the
// JSON properties of Discord's request schemas (for messages and for modals)
// and of its response schema.

// ComponentType is the kind of a message or modal component.
//
// Values Discord adds later decode as they are; such components decode into
// [UnknownComponent]. String shows unknown values as numbers.
type ComponentType int

// Values of ComponentType.
const (
	// ComponentTypeActionRow is an [ActionRow], a row of up to 5 buttons or
	// one select menu or text input.
	ComponentTypeActionRow ComponentType = 1
	// ComponentTypeButton is a [Button].
	ComponentTypeButton ComponentType = 2
	// ComponentTypeStringSelect is a [StringSelect], a select menu of options
	// the bot defines.
	ComponentTypeStringSelect ComponentType = 3
	// ComponentTypeTextInput is a [TextInput], a text field in a modal.
	ComponentTypeTextInput ComponentType = 4
	// ComponentTypeUserSelect is a [UserSelect], a select menu of users.
	ComponentTypeUserSelect ComponentType = 5
	// ComponentTypeRoleSelect is a [RoleSelect], a select menu of roles.
	ComponentTypeRoleSelect ComponentType = 6
	// ComponentTypeMentionableSelect is a [MentionableSelect], a select menu
	// of users and roles.
	ComponentTypeMentionableSelect ComponentType = 7
	// ComponentTypeChannelSelect is a [ChannelSelect], a select menu of
	// channels.
	ComponentTypeChannelSelect ComponentType = 8
	// ComponentTypeSection is a [Section]: text beside an accessory.
	ComponentTypeSection ComponentType = 9
	// ComponentTypeTextDisplay is a [TextDisplay], markdown text.
	ComponentTypeTextDisplay ComponentType = 10
	// ComponentTypeThumbnail is a [Thumbnail], a small image in a section.
	ComponentTypeThumbnail ComponentType = 11
	// ComponentTypeMediaGallery is a [MediaGallery], a grid of images and
	// videos.
	ComponentTypeMediaGallery ComponentType = 12
	// ComponentTypeFile is a [FileComponent], an uploaded file shown in the
	// message.
	ComponentTypeFile ComponentType = 13
	// ComponentTypeSeparator is a [Separator], vertical space and an
	// optional line.
	ComponentTypeSeparator ComponentType = 14
	// ComponentTypeContainer is a [Container], a box around components with
	// an optional accent colour.
	ComponentTypeContainer ComponentType = 17
	// ComponentTypeLabel is a [Label], a title and description around one
	// modal input.
	ComponentTypeLabel ComponentType = 18
	// ComponentTypeFileUpload is a [FileUpload], a file picker in a modal.
	ComponentTypeFileUpload ComponentType = 19
	// ComponentTypeRadioGroup is a [RadioGroup], a single choice in a modal.
	ComponentTypeRadioGroup ComponentType = 21
	// ComponentTypeCheckboxGroup is a [CheckboxGroup], a multiple choice in
	// a modal.
	ComponentTypeCheckboxGroup ComponentType = 22
	// ComponentTypeCheckbox is a [Checkbox], a yes/no choice in a modal.
	ComponentTypeCheckbox ComponentType = 23
)

var componentTypeNames = map[ComponentType]string{
	1:  "ACTION_ROW",
	2:  "BUTTON",
	3:  "STRING_SELECT",
	4:  "TEXT_INPUT",
	5:  "USER_SELECT",
	6:  "ROLE_SELECT",
	7:  "MENTIONABLE_SELECT",
	8:  "CHANNEL_SELECT",
	9:  "SECTION",
	10: "TEXT_DISPLAY",
	11: "THUMBNAIL",
	12: "MEDIA_GALLERY",
	13: "FILE",
	14: "SEPARATOR",
	17: "CONTAINER",
	18: "LABEL",
	19: "FILE_UPLOAD",
	21: "RADIO_GROUP",
	22: "CHECKBOX_GROUP",
	23: "CHECKBOX",
}

// String returns Discord's name of the kind, such as "ACTION_ROW", or
// "ComponentType(99)" for a kind this version does not know.
func (t ComponentType) String() string { return enumString(t, componentTypeNames, "ComponentType") }

// ButtonStyle is the look and behaviour of a [Button].
//
// Values Discord adds later decode as they are.
type ButtonStyle int

// Values of ButtonStyle.
const (
	// ButtonStylePrimary is blurple; the button sends an interaction.
	ButtonStylePrimary ButtonStyle = 1
	// ButtonStyleSecondary is grey; the button sends an interaction.
	ButtonStyleSecondary ButtonStyle = 2
	// ButtonStyleSuccess is green; the button sends an interaction.
	ButtonStyleSuccess ButtonStyle = 3
	// ButtonStyleDanger is red; the button sends an interaction.
	ButtonStyleDanger ButtonStyle = 4
	// ButtonStyleLink is grey and opens Button.URL; it sends no interaction.
	ButtonStyleLink ButtonStyle = 5
	// ButtonStylePremium shows the SKU Button.SKUID for purchase; it sends no
	// interaction and takes no label, emoji, URL or custom ID.
	ButtonStylePremium ButtonStyle = 6
)

var buttonStyleNames = map[ButtonStyle]string{
	1: "PRIMARY",
	2: "SECONDARY",
	3: "SUCCESS",
	4: "DANGER",
	5: "LINK",
	6: "PREMIUM",
}

// String returns Discord's name of the style, such as "PRIMARY".
func (s ButtonStyle) String() string { return enumString(s, buttonStyleNames, "ButtonStyle") }

// TextInputStyle is the size of a [TextInput].
//
// Values Discord adds later decode as they are.
type TextInputStyle int

// Values of TextInputStyle.
const (
	// TextInputStyleShort is a single-line input.
	TextInputStyleShort TextInputStyle = 1
	// TextInputStyleParagraph is a multi-line input.
	TextInputStyleParagraph TextInputStyle = 2
)

var textInputStyleNames = map[TextInputStyle]string{
	1: "SHORT",
	2: "PARAGRAPH",
}

// String returns Discord's name of the style, such as "SHORT".
func (s TextInputStyle) String() string {
	return enumString(s, textInputStyleNames, "TextInputStyle")
}

// SeparatorSpacing is the vertical space a [Separator] takes.
//
// Values Discord adds later decode as they are.
type SeparatorSpacing int

// Values of SeparatorSpacing.
const (
	// SeparatorSpacingSmall is small padding, Discord's default.
	SeparatorSpacingSmall SeparatorSpacing = 1
	// SeparatorSpacingLarge is large padding.
	SeparatorSpacingLarge SeparatorSpacing = 2
)

var separatorSpacingNames = map[SeparatorSpacing]string{
	1: "SMALL",
	2: "LARGE",
}

// String returns Discord's name of the spacing, such as "SMALL".
func (s SeparatorSpacing) String() string {
	return enumString(s, separatorSpacingNames, "SeparatorSpacing")
}

// SelectDefaultValueType is the kind of entity a [SelectDefaultValue]
// preselects.
//
// Values Discord adds later decode as they are.
type SelectDefaultValueType string

// Values of SelectDefaultValueType.
const (
	// SelectDefaultValueTypeUser preselects a user (user and mentionable
	// selects).
	SelectDefaultValueTypeUser SelectDefaultValueType = "user"
	// SelectDefaultValueTypeRole preselects a role (role and mentionable
	// selects).
	SelectDefaultValueTypeRole SelectDefaultValueType = "role"
	// SelectDefaultValueTypeChannel preselects a channel (channel selects).
	SelectDefaultValueTypeChannel SelectDefaultValueType = "channel"
)

// Component is one message or modal component. Every kind is a pointer to
// its struct type: [*ActionRow], [*Button], [*StringSelect], [*TextInput],
// [*UserSelect], [*RoleSelect], [*MentionableSelect], [*ChannelSelect],
// [*Section], [*TextDisplay], [*Thumbnail], [*MediaGallery],
// [*FileComponent], [*Separator], [*Container], [*Label], [*FileUpload],
// [*RadioGroup], [*CheckboxGroup], [*Checkbox], and [*UnknownComponent] for a
// kind this version does not know. Use a type switch to tell them apart.
//
// Type reports the kind; it is what goes into the "type" JSON field, so the
// structs have no Type field to set. A Component implemented outside this
// package is encoded with encoding/json, and the "type" field is added when
// its encoding lacks one.
type Component interface {
	Type() ComponentType
}

// Components is a list of components, such as a message's components or a
// container's children. It encodes each element with its "type" field and
// decodes each element straight into the Go type of its kind; a kind this
// version does not know becomes an [*UnknownComponent] that encodes back
// unchanged.
//
// Decoding fails, with the index of the element (for example
// "components[0].components[2]"), when an element is not a JSON object, has
// no integer "type", or does not fit its kind. Encoding fails on a nil
// element.
type Components []Component

// UnknownComponent is a component of a kind this version of cordage does not
// know. It keeps the JSON object as Discord sent it and encodes it back
// unchanged, so a bot can pass on (for example, edit a message with) newer
// components it does not understand. Validation leaves it alone.
type UnknownComponent struct {
	// ComponentType is the kind Discord sent.
	ComponentType ComponentType
	// Raw is the component's JSON object, "type" included. When Raw has no
	// "type" field, encoding adds ComponentType; an empty Raw encodes as an
	// object holding only the type.
	Raw json.RawMessage
}

// Type returns u.ComponentType.
func (u *UnknownComponent) Type() ComponentType { return u.ComponentType }

// MarshalJSON returns u.Raw, with the "type" field added when Raw lacks it.
func (u *UnknownComponent) MarshalJSON() ([]byte, error) {
	if len(bytes.TrimSpace(u.Raw)) == 0 {
		return withType(u.ComponentType, []byte("{}")), nil
	}
	if _, found, err := peekType(u.Raw); err != nil {
		return nil, err
	} else if !found {
		return withType(u.ComponentType, u.Raw), nil
	}
	return u.Raw, nil
}

// UnmarshalJSON keeps a copy of b and reads its "type" field.
func (u *UnknownComponent) UnmarshalJSON(b []byte) error {
	t, found, err := peekType(b)
	if err != nil {
		return err
	}
	if !found {
		return errNoType
	}
	if !json.Valid(b) {
		return errors.New("invalid JSON")
	}
	*u = UnknownComponent{ComponentType: t, Raw: bytes.Clone(b)}
	return nil
}

// newComponent returns a new zero component of kind t, or nil when this
// version does not know t.
func newComponent(t ComponentType) Component {
	switch t {
	case ComponentTypeActionRow:
		return new(ActionRow)
	case ComponentTypeButton:
		return new(Button)
	case ComponentTypeStringSelect:
		return new(StringSelect)
	case ComponentTypeTextInput:
		return new(TextInput)
	case ComponentTypeUserSelect:
		return new(UserSelect)
	case ComponentTypeRoleSelect:
		return new(RoleSelect)
	case ComponentTypeMentionableSelect:
		return new(MentionableSelect)
	case ComponentTypeChannelSelect:
		return new(ChannelSelect)
	case ComponentTypeSection:
		return new(Section)
	case ComponentTypeTextDisplay:
		return new(TextDisplay)
	case ComponentTypeThumbnail:
		return new(Thumbnail)
	case ComponentTypeMediaGallery:
		return new(MediaGallery)
	case ComponentTypeFile:
		return new(FileComponent)
	case ComponentTypeSeparator:
		return new(Separator)
	case ComponentTypeContainer:
		return new(Container)
	case ComponentTypeLabel:
		return new(Label)
	case ComponentTypeFileUpload:
		return new(FileUpload)
	case ComponentTypeRadioGroup:
		return new(RadioGroup)
	case ComponentTypeCheckboxGroup:
		return new(CheckboxGroup)
	case ComponentTypeCheckbox:
		return new(Checkbox)
	}
	return nil
}

// MarshalJSON encodes the list as a JSON array, each element with its "type"
// field. A nil list encodes as [] since Discord expects an array wherever
// Components appears.
func (cs Components) MarshalJSON() ([]byte, error) {
	buf := make([]byte, 0, 2+64*len(cs))
	buf = append(buf, '[')
	for i, c := range cs {
		if i > 0 {
			buf = append(buf, ',')
		}
		var err error
		if buf, err = appendComponent(buf, c); err != nil {
			return nil, &componentError{op: "encode", path: "components[" + strconv.Itoa(i) + "]", err: err}
		}
	}
	return append(buf, ']'), nil
}

// UnmarshalJSON decodes a JSON array of components; null decodes to a nil
// list. The array is walked once; each element's "type" is read without
// decoding the element, which is then decoded straight into its kind.
func (cs *Components) UnmarshalJSON(b []byte) error {
	if isJSONNull(b) {
		*cs = nil
		return nil
	}
	n, err := countElements(b)
	if err != nil {
		return &componentError{op: "decode", path: "components", err: err}
	}
	out := make(Components, 0, n)
	err = forEachElement(b, func(i int, elem []byte) error {
		c, err := decodeComponent(elem)
		if err != nil {
			return wrapComponentError("components["+strconv.Itoa(i)+"]", err)
		}
		out = append(out, c)
		return nil
	})
	if err != nil {
		return err
	}
	*cs = out
	return nil
}

// decodeComponent decodes one JSON object into the Go type of its kind.
func decodeComponent(b []byte) (Component, error) {
	t, found, err := peekType(b)
	if err != nil {
		return nil, err
	}
	if !found {
		return nil, errNoType
	}
	c := newComponent(t)
	if c == nil {
		u := new(UnknownComponent)
		if err := u.UnmarshalJSON(b); err != nil {
			return nil, err
		}
		return u, nil
	}
	if err := json.Unmarshal(b, c); err != nil {
		return nil, err
	}
	return c, nil
}

// appendComponent appends the JSON encoding of c, with its "type" field, to
// dst.
func appendComponent(dst []byte, c Component) ([]byte, error) {
	if c == nil {
		return nil, errNilComponent
	}
	var b []byte
	var err error
	if m, ok := c.(json.Marshaler); ok {
		// The package's kinds encode their own "type"; calling the method
		// directly skips a compaction pass of encoding/json.
		b, err = m.MarshalJSON()
	} else {
		b, err = json.Marshal(c)
	}
	if err != nil {
		return nil, err
	}
	_, found, err := peekType(b)
	if err != nil {
		if isJSONNull(b) {
			return nil, errNilComponent
		}
		return nil, err
	}
	if !found {
		return append(dst, withType(c.Type(), b)...), nil
	}
	return append(dst, b...), nil
}

// marshalComponent encodes v, the struct of a component of kind t converted
// to a method-less alias type, with "type" as its first field.
func marshalComponent(t ComponentType, v any) ([]byte, error) {
	b, err := json.Marshal(v)
	if err != nil {
		return nil, err
	}
	if len(b) < 2 || b[0] != '{' {
		// A nil pointer encodes as null.
		return nil, errNilComponent
	}
	return withType(t, b), nil
}

// withType returns the JSON object obj with "type":t inserted as its first
// field.
func withType(t ComponentType, obj []byte) []byte {
	i := skipSpace(obj, 0)
	out := make([]byte, 0, len(obj)+12)
	out = append(out, `{"type":`...)
	out = strconv.AppendInt(out, int64(t), 10)
	rest := obj[i+1:]
	if j := skipSpace(rest, 0); j < len(rest) && rest[j] != '}' {
		out = append(out, ',')
	}
	return append(out, rest...)
}

// componentField is the JSON form of a field that holds one component, such
// as Section.Accessory and Label.Component: it encodes and decodes through
// the same code as Components.
type componentField struct {
	name string
	c    Component
}

func (f *componentField) MarshalJSON() ([]byte, error) {
	b, err := appendComponent(nil, f.c)
	if err != nil {
		return nil, &componentError{op: "encode", path: f.name, err: err}
	}
	return b, nil
}

func (f *componentField) UnmarshalJSON(b []byte) error {
	if isJSONNull(b) {
		f.c = nil
		return nil
	}
	c, err := decodeComponent(b)
	if err != nil {
		return wrapComponentError(f.name, err)
	}
	f.c = c
	return nil
}

// fieldOf returns the JSON form of a component field, or nil (left out) when
// the field holds no component.
func fieldOf(name string, c Component) *componentField {
	if c == nil {
		return nil
	}
	return &componentField{name: name, c: c}
}

var (
	errNoType       = errors.New(`missing "type"`)
	errNilComponent = errors.New("nil component")
)

// componentError is an error encoding or decoding a component, with the path
// of the component inside the outermost list, such as
// "components[0].components[2]".
type componentError struct {
	op   string // "encode" or "decode"
	path string
	err  error
}

func (e *componentError) Error() string {
	return "discord: " + e.op + " " + e.path + ": " + e.err.Error()
}

func (e *componentError) Unwrap() error { return e.err }

// wrapComponentError puts path in front of the path of err, so that nested
// lists report one path ("components[0].accessory") rather than a chain.
func wrapComponentError(path string, err error) error {
	if ce, ok := err.(*componentError); ok && ce.op == "decode" {
		return &componentError{op: "decode", path: path + "." + ce.path, err: ce.err}
	}
	return &componentError{op: "decode", path: path, err: err}
}

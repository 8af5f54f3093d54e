package discord

// The interactive components: what a user clicks, picks or fills in. Each
// one that sends an interaction has a CustomID the bot chooses (1 to 100
// characters, unique within its message or modal) to recognise it by.

// Button is a clickable button (type 2), placed in an [ActionRow] (up to 5
// per row) or as a [Section]'s accessory.
//
// What a button needs depends on its Style: [ButtonStyleLink] needs URL and
// takes no CustomID; [ButtonStylePremium] needs SKUID and takes nothing else;
// every other style needs CustomID. Every style but premium needs a Label,
// an Emoji, or both.
type Button struct {
	// ID identifies the component within its message; Discord assigns one
	// when it is zero.
	ID int `json:"id,omitzero"`
	// Style is the look of the button and decides what it does. Required.
	Style ButtonStyle `json:"style"`
	// Label is the text on the button; at most 80 characters.
	Label string `json:"label,omitzero"`
	// Emoji is shown on the button before the label.
	Emoji *ComponentEmoji `json:"emoji,omitzero"`
	// CustomID comes back in the interaction when the button is clicked;
	// 1 to 100 characters. Link and premium buttons have none.
	CustomID string `json:"custom_id,omitzero"`
	// SKUID is the SKU a premium button offers.
	SKUID Snowflake `json:"sku_id,omitzero"`
	// URL is the address a link button opens; at most 512 characters.
	URL string `json:"url,omitzero"`
	// Disabled greys the button out.
	Disabled bool `json:"disabled,omitzero"`
}

// NewButton returns a button of the given style (any style but link and
// premium) that sends an interaction with customID when clicked.
func NewButton(style ButtonStyle, label, customID string) *Button {
	return &Button{Style: style, Label: label, CustomID: customID}
}

// NewLinkButton returns a button that opens url.
func NewLinkButton(label, url string) *Button {
	return &Button{Style: ButtonStyleLink, Label: label, URL: url}
}

// StringSelect is a select menu (type 3) of up to 25 options the bot
// defines. In a message it sits alone in an [ActionRow]; in a modal, inside a
// [Label].
type StringSelect struct {
	// ID identifies the component within its message or modal.
	ID int `json:"id,omitzero"`
	// CustomID comes back in the interaction; 1 to 100 characters. Required.
	CustomID string `json:"custom_id"`
	// Options are the choices; 1 to 25. Required.
	Options []SelectOption `json:"options"`
	// Placeholder is shown when nothing is selected; at most 150 characters.
	Placeholder string `json:"placeholder,omitzero"`
	// MinValues is the least number of options to pick, 0 to 25; Discord's
	// default is 1. Some(0) makes the choice optional.
	MinValues Optional[int] `json:"min_values,omitzero"`
	// MaxValues is the most options to pick, 1 to 25 and at most the number
	// of options; zero means Discord's default, 1.
	MaxValues int `json:"max_values,omitzero"`
	// Disabled greys the menu out (messages only).
	Disabled bool `json:"disabled,omitzero"`
	// Required tells whether the menu must be answered in a modal; Discord's
	// default is true.
	Required Optional[bool] `json:"required,omitzero"`
}

// NewStringSelect returns a select menu with customID and options.
func NewStringSelect(customID string, options ...SelectOption) *StringSelect {
	return &StringSelect{CustomID: customID, Options: options}
}

// SelectOption is one choice of a [StringSelect].
type SelectOption struct {
	// Label is the text the user sees; 1 to 100 characters. Required.
	Label string `json:"label"`
	// Value comes back in the interaction when the option is picked; 1 to
	// 100 characters, unique within the menu. Required.
	Value string `json:"value"`
	// Description is shown under the label; at most 100 characters.
	Description string `json:"description,omitzero"`
	// Emoji is shown before the label.
	Emoji *ComponentEmoji `json:"emoji,omitzero"`
	// Default preselects the option.
	Default bool `json:"default,omitzero"`
}

// ComponentEmoji is the emoji on a [Button] or [SelectOption]: a Unicode
// emoji by Name, or a custom emoji by ID (Name and Animated are then
// informative).
type ComponentEmoji struct {
	// ID is the custom emoji's ID; zero for a Unicode emoji.
	ID Snowflake `json:"id,omitzero"`
	// Name is the Unicode emoji itself, or the custom emoji's name; at most
	// 32 characters.
	Name string `json:"name,omitzero"`
	// Animated reports whether the custom emoji is animated.
	Animated bool `json:"animated,omitzero"`
}

// SelectDefaultValue preselects a user, role or channel in a [UserSelect],
// [RoleSelect], [MentionableSelect] or [ChannelSelect].
type SelectDefaultValue struct {
	// ID is the ID of the user, role or channel. Required.
	ID Snowflake `json:"id"`
	// Type is the kind of entity ID names; it must match the menu: users for
	// a user select, roles for a role select, either for a mentionable
	// select, channels for a channel select. Required.
	Type SelectDefaultValueType `json:"type"`
}

// UserSelect is a select menu (type 5) of the guild's users, or the users
// of the channel. In a message it sits alone in an [ActionRow]; in a modal,
// inside a [Label].
type UserSelect struct {
	// ID identifies the component within its message or modal.
	ID int `json:"id,omitzero"`
	// CustomID comes back in the interaction; 1 to 100 characters. Required.
	CustomID string `json:"custom_id"`
	// Placeholder is shown when nothing is selected; at most 150 characters.
	Placeholder string `json:"placeholder,omitzero"`
	// DefaultValues preselect users; at most 25 and at most MaxValues, each
	// of type "user".
	DefaultValues []SelectDefaultValue `json:"default_values,omitzero"`
	// MinValues is the least number of users to pick, 0 to 25; Discord's
	// default is 1.
	MinValues Optional[int] `json:"min_values,omitzero"`
	// MaxValues is the most users to pick, 1 to 25; zero means Discord's
	// default, 1.
	MaxValues int `json:"max_values,omitzero"`
	// Disabled greys the menu out (messages only).
	Disabled bool `json:"disabled,omitzero"`
	// Required tells whether the menu must be answered in a modal; Discord's
	// default is true.
	Required Optional[bool] `json:"required,omitzero"`
}

// RoleSelect is a select menu (type 6) of the guild's roles. In a message it
// sits alone in an [ActionRow]; in a modal, inside a [Label].
type RoleSelect struct {
	// ID identifies the component within its message or modal.
	ID int `json:"id,omitzero"`
	// CustomID comes back in the interaction; 1 to 100 characters. Required.
	CustomID string `json:"custom_id"`
	// Placeholder is shown when nothing is selected; at most 150 characters.
	Placeholder string `json:"placeholder,omitzero"`
	// DefaultValues preselect roles; at most 25 and at most MaxValues, each
	// of type "role".
	DefaultValues []SelectDefaultValue `json:"default_values,omitzero"`
	// MinValues is the least number of roles to pick, 0 to 25; Discord's
	// default is 1.
	MinValues Optional[int] `json:"min_values,omitzero"`
	// MaxValues is the most roles to pick, 1 to 25; zero means Discord's
	// default, 1.
	MaxValues int `json:"max_values,omitzero"`
	// Disabled greys the menu out (messages only).
	Disabled bool `json:"disabled,omitzero"`
	// Required tells whether the menu must be answered in a modal; Discord's
	// default is true.
	Required Optional[bool] `json:"required,omitzero"`
}

// MentionableSelect is a select menu (type 7) of users and roles. In a
// message it sits alone in an [ActionRow]; in a modal, inside a [Label].
type MentionableSelect struct {
	// ID identifies the component within its message or modal.
	ID int `json:"id,omitzero"`
	// CustomID comes back in the interaction; 1 to 100 characters. Required.
	CustomID string `json:"custom_id"`
	// Placeholder is shown when nothing is selected; at most 150 characters.
	Placeholder string `json:"placeholder,omitzero"`
	// DefaultValues preselect users and roles; at most 25 and at most
	// MaxValues, each of type "user" or "role".
	DefaultValues []SelectDefaultValue `json:"default_values,omitzero"`
	// MinValues is the least number of entries to pick, 0 to 25; Discord's
	// default is 1.
	MinValues Optional[int] `json:"min_values,omitzero"`
	// MaxValues is the most entries to pick, 1 to 25; zero means Discord's
	// default, 1.
	MaxValues int `json:"max_values,omitzero"`
	// Disabled greys the menu out (messages only).
	Disabled bool `json:"disabled,omitzero"`
	// Required tells whether the menu must be answered in a modal; Discord's
	// default is true.
	Required Optional[bool] `json:"required,omitzero"`
}

// ChannelSelect is a select menu (type 8) of the guild's channels. In a
// message it sits alone in an [ActionRow]; in a modal, inside a [Label].
type ChannelSelect struct {
	// ID identifies the component within its message or modal.
	ID int `json:"id,omitzero"`
	// CustomID comes back in the interaction; 1 to 100 characters. Required.
	CustomID string `json:"custom_id"`
	// ChannelTypes limits the menu to channels of these types; empty means
	// every type.
	ChannelTypes []ChannelType `json:"channel_types,omitzero"`
	// Placeholder is shown when nothing is selected; at most 150 characters.
	Placeholder string `json:"placeholder,omitzero"`
	// DefaultValues preselect channels; at most 25 and at most MaxValues,
	// each of type "channel".
	DefaultValues []SelectDefaultValue `json:"default_values,omitzero"`
	// MinValues is the least number of channels to pick, 0 to 25; Discord's
	// default is 1.
	MinValues Optional[int] `json:"min_values,omitzero"`
	// MaxValues is the most channels to pick, 1 to 25; zero means Discord's
	// default, 1.
	MaxValues int `json:"max_values,omitzero"`
	// Disabled greys the menu out (messages only).
	Disabled bool `json:"disabled,omitzero"`
	// Required tells whether the menu must be answered in a modal; Discord's
	// default is true.
	Required Optional[bool] `json:"required,omitzero"`
}

// TextInput is a text field (type 4) in a modal, placed inside a [Label]
// or, the older way, alone in an [ActionRow] with its own Label.
type TextInput struct {
	// ID identifies the component within its modal.
	ID int `json:"id,omitzero"`
	// CustomID comes back in the modal submission; 1 to 100 characters.
	// Required.
	CustomID string `json:"custom_id"`
	// Style is a single line or a paragraph. Required.
	Style TextInputStyle `json:"style"`
	// Label is the field's title when it sits in an action row, where it is
	// required; 1 to 45 characters. Inside a [Label] leave it empty: the
	// Label component carries the title.
	Label string `json:"label,omitzero"`
	// MinLength is the least number of characters to enter, 0 to 4000.
	MinLength int `json:"min_length,omitzero"`
	// MaxLength is the most characters to enter, 1 to 4000; zero means
	// Discord's default, 4000.
	MaxLength int `json:"max_length,omitzero"`
	// Required tells whether the field must be filled in; Discord's default
	// is true.
	Required Optional[bool] `json:"required,omitzero"`
	// Value prefills the field, and holds what the user entered in a modal
	// submission; at most 4000 characters.
	Value string `json:"value,omitzero"`
	// Placeholder is shown while the field is empty; at most 100 characters.
	Placeholder string `json:"placeholder,omitzero"`
}

// FileUpload is a file picker (type 19) in a modal, placed inside a [Label].
type FileUpload struct {
	// ID identifies the component within its modal.
	ID int `json:"id,omitzero"`
	// CustomID comes back in the modal submission; 1 to 100 characters.
	// Required.
	CustomID string `json:"custom_id"`
	// MinValues is the least number of files to upload, 0 to 10; Discord's
	// default is 1.
	MinValues Optional[int] `json:"min_values,omitzero"`
	// MaxValues is the most files to upload, 1 to 10; zero means Discord's
	// default, 1.
	MaxValues int `json:"max_values,omitzero"`
	// Required tells whether a file must be uploaded; Discord's default is
	// true.
	Required Optional[bool] `json:"required,omitzero"`
}

// Checkbox is a single yes/no box (type 23) in a modal, placed inside a
// [Label].
type Checkbox struct {
	// ID identifies the component within its modal.
	ID int `json:"id,omitzero"`
	// CustomID comes back in the modal submission; 1 to 100 characters.
	// Required.
	CustomID string `json:"custom_id"`
	// Default ticks the box initially.
	Default bool `json:"default,omitzero"`
}

// CheckboxGroup is a list of checkboxes (type 22) in a modal, of which the
// user ticks any number; it is placed inside a [Label].
type CheckboxGroup struct {
	// ID identifies the component within its modal.
	ID int `json:"id,omitzero"`
	// CustomID comes back in the modal submission; 1 to 100 characters.
	// Required.
	CustomID string `json:"custom_id"`
	// Options are the boxes; 1 to 10. Required.
	Options []CheckboxGroupOption `json:"options"`
	// MinValues is the least number of boxes to tick, 0 to 10; Discord's
	// default is 1.
	MinValues Optional[int] `json:"min_values,omitzero"`
	// MaxValues is the most boxes to tick, 1 to 10 and at most the number of
	// options; zero means no limit beyond the number of options.
	MaxValues int `json:"max_values,omitzero"`
	// Required tells whether a box must be ticked; Discord's default is
	// true.
	Required Optional[bool] `json:"required,omitzero"`
}

// CheckboxGroupOption is one box of a [CheckboxGroup].
type CheckboxGroupOption struct {
	// Label is the text beside the box; 1 to 100 characters. Required.
	Label string `json:"label"`
	// Value comes back in the submission when the box is ticked; 1 to 100
	// characters, unique within the group. Required.
	Value string `json:"value"`
	// Description is shown under the label; at most 100 characters.
	Description string `json:"description,omitzero"`
	// Default ticks the box initially.
	Default bool `json:"default,omitzero"`
}

// RadioGroup is a list of choices (type 21) in a modal, of which the user
// picks exactly one; it is placed inside a [Label].
type RadioGroup struct {
	// ID identifies the component within its modal.
	ID int `json:"id,omitzero"`
	// CustomID comes back in the modal submission; 1 to 100 characters.
	// Required.
	CustomID string `json:"custom_id"`
	// Options are the choices; 2 to 10, at most one of them Default.
	// Required.
	Options []RadioGroupOption `json:"options"`
	// Required tells whether a choice must be made; Discord's default is
	// true.
	Required Optional[bool] `json:"required,omitzero"`
}

// RadioGroupOption is one choice of a [RadioGroup].
type RadioGroupOption struct {
	// Label is the text beside the choice; 1 to 100 characters. Required.
	Label string `json:"label"`
	// Value comes back in the submission when the choice is picked; 1 to
	// 100 characters, unique within the group. Required.
	Value string `json:"value"`
	// Description is shown under the label; at most 100 characters.
	Description string `json:"description,omitzero"`
	// Default preselects the choice.
	Default bool `json:"default,omitzero"`
}

// Type returns [ComponentTypeButton].
func (*Button) Type() ComponentType { return ComponentTypeButton }

// Type returns [ComponentTypeStringSelect].
func (*StringSelect) Type() ComponentType { return ComponentTypeStringSelect }

// Type returns [ComponentTypeUserSelect].
func (*UserSelect) Type() ComponentType { return ComponentTypeUserSelect }

// Type returns [ComponentTypeRoleSelect].
func (*RoleSelect) Type() ComponentType { return ComponentTypeRoleSelect }

// Type returns [ComponentTypeMentionableSelect].
func (*MentionableSelect) Type() ComponentType { return ComponentTypeMentionableSelect }

// Type returns [ComponentTypeChannelSelect].
func (*ChannelSelect) Type() ComponentType { return ComponentTypeChannelSelect }

// Type returns [ComponentTypeTextInput].
func (*TextInput) Type() ComponentType { return ComponentTypeTextInput }

// Type returns [ComponentTypeFileUpload].
func (*FileUpload) Type() ComponentType { return ComponentTypeFileUpload }

// Type returns [ComponentTypeCheckbox].
func (*Checkbox) Type() ComponentType { return ComponentTypeCheckbox }

// Type returns [ComponentTypeCheckboxGroup].
func (*CheckboxGroup) Type() ComponentType { return ComponentTypeCheckboxGroup }

// Type returns [ComponentTypeRadioGroup].
func (*RadioGroup) Type() ComponentType { return ComponentTypeRadioGroup }

// The MarshalJSON methods encode through a method-less copy of the type and
// put the "type" field first.

// MarshalJSON encodes the button with "type": 2.
func (b *Button) MarshalJSON() ([]byte, error) {
	type button Button
	return marshalComponent(ComponentTypeButton, (*button)(b))
}

// MarshalJSON encodes the menu with "type": 3.
func (s *StringSelect) MarshalJSON() ([]byte, error) {
	type stringSelect StringSelect
	return marshalComponent(ComponentTypeStringSelect, (*stringSelect)(s))
}

// MarshalJSON encodes the menu with "type": 5.
func (s *UserSelect) MarshalJSON() ([]byte, error) {
	type userSelect UserSelect
	return marshalComponent(ComponentTypeUserSelect, (*userSelect)(s))
}

// MarshalJSON encodes the menu with "type": 6.
func (s *RoleSelect) MarshalJSON() ([]byte, error) {
	type roleSelect RoleSelect
	return marshalComponent(ComponentTypeRoleSelect, (*roleSelect)(s))
}

// MarshalJSON encodes the menu with "type": 7.
func (s *MentionableSelect) MarshalJSON() ([]byte, error) {
	type mentionableSelect MentionableSelect
	return marshalComponent(ComponentTypeMentionableSelect, (*mentionableSelect)(s))
}

// MarshalJSON encodes the menu with "type": 8.
func (s *ChannelSelect) MarshalJSON() ([]byte, error) {
	type channelSelect ChannelSelect
	return marshalComponent(ComponentTypeChannelSelect, (*channelSelect)(s))
}

// MarshalJSON encodes the text input with "type": 4.
func (t *TextInput) MarshalJSON() ([]byte, error) {
	type textInput TextInput
	return marshalComponent(ComponentTypeTextInput, (*textInput)(t))
}

// MarshalJSON encodes the file upload with "type": 19.
func (f *FileUpload) MarshalJSON() ([]byte, error) {
	type fileUpload FileUpload
	return marshalComponent(ComponentTypeFileUpload, (*fileUpload)(f))
}

// MarshalJSON encodes the checkbox with "type": 23.
func (c *Checkbox) MarshalJSON() ([]byte, error) {
	type checkbox Checkbox
	return marshalComponent(ComponentTypeCheckbox, (*checkbox)(c))
}

// MarshalJSON encodes the checkbox group with "type": 22.
func (g *CheckboxGroup) MarshalJSON() ([]byte, error) {
	type checkboxGroup CheckboxGroup
	return marshalComponent(ComponentTypeCheckboxGroup, (*checkboxGroup)(g))
}

// MarshalJSON encodes the radio group with "type": 21.
func (g *RadioGroup) MarshalJSON() ([]byte, error) {
	type radioGroup RadioGroup
	return marshalComponent(ComponentTypeRadioGroup, (*radioGroup)(g))
}

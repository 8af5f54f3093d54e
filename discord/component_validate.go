package discord

import (
	"reflect"
	"strconv"
	"strings"
)

// Validation of components. Each kind checks its own limits and the kinds
// of its children in validate; where a component may appear as a whole (a
// message without or with IS_COMPONENTS_V2, a modal) is checked by
// validateMessageComponents and validateModalComponents, which also count
// components and check that IDs and custom IDs are unique.
//
// UnknownComponent is never checked: Discord knows its rules, cordage does
// not.

// Limits of messages and modals.
const (
	maxMessageActionRows      = 5  // top-level action rows without IS_COMPONENTS_V2
	maxMessageComponentsV2    = 40 // components in total, nested ones included
	maxModalComponents        = 5  // top-level components of a modal
	maxActionRowComponents    = 5
	maxSectionTextDisplays    = 3
	maxMediaGalleryItems      = 10
	maxSelectOptions          = 25
	maxSelectValues           = 25
	maxModalChoiceValues      = 10 // file uploads and checkbox groups
	maxTextInputLength        = 4000
	maxTextDisplayContent     = 4000
	maxMediaDescription       = 1024
	maxUnfurledMediaURLLength = 2048
)

// at returns the path of element i of the list at path.
func at(path string, i int) string { return path + "[" + strconv.Itoa(i) + "]" }

// validateMessageComponents checks the components of a message request at
// path (the path of the components field itself, such as "components").
// Without the IS_COMPONENTS_V2 flag the message holds up to 5 action rows
// and nothing else at the top level; with it, up to 40 components in total,
// nested ones included, and the layout kinds may appear at the top level.
// Modal-only kinds may appear nowhere. IDs and custom IDs must be unique
// within the message.
func validateMessageComponents(v *validator, path string, cs Components, componentsV2 bool) {
	if componentsV2 {
		if n := countComponents(cs); n > maxMessageComponentsV2 {
			v.add(path, "more than %d components in total, nested ones included (%d)", maxMessageComponentsV2, n)
		}
	} else {
		v.items(path, len(cs), 0, maxMessageActionRows)
	}
	for i, c := range cs {
		p := at(path, i)
		if isNilComponent(c) {
			v.add(p, "missing component (nil)")
			continue
		}
		switch c.(type) {
		case *ActionRow, *UnknownComponent:
		case *Section, *TextDisplay, *MediaGallery, *Separator, *FileComponent, *Container:
			if !componentsV2 {
				v.add(p, "a %s component needs the IS_COMPONENTS_V2 message flag; without it only action rows are allowed at the top level", c.Type())
			}
		default:
			v.add(p, "a %s component cannot be placed at the top level of a message", c.Type())
		}
		validateComponent(v, p, c)
	}
	checkContext(v, path, cs, false)
}

// validateModalComponents checks the components of a modal at path (the
// path of the components field itself): 1 to 5 labels, text displays, or
// action rows each holding one text input. Message-only kinds may appear
// nowhere, a select menu only inside a label, and IDs and custom IDs must be
// unique within the modal.
func validateModalComponents(v *validator, path string, cs Components) {
	v.required(path, len(cs) > 0)
	v.items(path, len(cs), 1, maxModalComponents)
	for i, c := range cs {
		p := at(path, i)
		if isNilComponent(c) {
			v.add(p, "missing component (nil)")
			continue
		}
		switch c.(type) {
		case *Label, *ActionRow, *TextDisplay, *UnknownComponent:
		default:
			v.add(p, "a %s component cannot be placed at the top level of a modal", c.Type())
		}
		validateComponent(v, p, c)
	}
	checkContext(v, path, cs, true)
}

// checkContext walks every nested component and reports IDs and custom IDs
// used twice, and the children of action rows that do not belong in a
// message (modal false) or a modal (modal true). Top-level kinds are the
// callers' business.
func checkContext(v *validator, path string, cs Components, modal bool) {
	customIDs := map[string]string{}
	ids := map[int]string{}
	walkComponents(cs, path, nil, func(p string, c, parent Component) {
		id, customID := componentKeys(c)
		if id < 0 {
			v.add(field(p, "id"), "must not be negative (%d)", id)
		} else if id > 0 {
			if prev, dup := ids[id]; dup {
				v.add(field(p, "id"), "duplicate id %d (also used at %s)", id, prev)
			} else {
				ids[id] = p
			}
		}
		if customID != "" {
			if prev, dup := customIDs[customID]; dup {
				v.add(field(p, "custom_id"), "duplicate custom_id %q (also used at %s)", customID, prev)
			} else {
				customIDs[customID] = p
			}
		}
		// The kinds a parent takes are its own validate's business; only
		// an action row holds different kinds in messages and modals.
		if _, inRow := parent.(*ActionRow); !inRow {
			return
		}
		switch c := c.(type) {
		case *Button:
			if modal {
				v.add(p, "a button is not allowed in a modal")
			}
		case *StringSelect, *UserSelect, *RoleSelect, *MentionableSelect, *ChannelSelect:
			if modal {
				v.add(p, "in a modal, a select menu belongs in a label, not an action row")
			}
		case *TextInput:
			if !modal {
				v.add(p, "a text input is only allowed in modals")
			} else if c.Label == "" {
				v.add(field(p, "label"), "required for a text input in an action row (or place the text input in a label)")
			}
		}
	})
}

// walkComponents calls fn for every non-nil component of cs and of its
// descendants, depth first, with the component's path and its parent (nil
// at the top level).
func walkComponents(cs Components, path string, parent Component, fn func(path string, c, parent Component)) {
	for i, c := range cs {
		walkComponent(at(path, i), c, parent, fn)
	}
}

func walkComponent(path string, c, parent Component, fn func(path string, c, parent Component)) {
	if isNilComponent(c) {
		return
	}
	fn(path, c, parent)
	switch c := c.(type) {
	case *ActionRow:
		walkComponents(c.Components, field(path, "components"), c, fn)
	case *Container:
		walkComponents(c.Components, field(path, "components"), c, fn)
	case *Section:
		walkComponents(c.Components, field(path, "components"), c, fn)
		walkComponent(field(path, "accessory"), c.Accessory, c, fn)
	case *Label:
		walkComponent(field(path, "component"), c.Component, c, fn)
	}
}

// countComponents returns the number of components in cs, nested ones
// included, as Discord counts them toward a message's limit.
func countComponents(cs Components) int {
	n := 0
	walkComponents(cs, "", nil, func(string, Component, Component) { n++ })
	return n
}

// componentKeys returns the numeric ID and the custom ID of c.
func componentKeys(c Component) (id int, customID string) {
	switch c := c.(type) {
	case *ActionRow:
		return c.ID, ""
	case *Button:
		return c.ID, c.CustomID
	case *StringSelect:
		return c.ID, c.CustomID
	case *TextInput:
		return c.ID, c.CustomID
	case *UserSelect:
		return c.ID, c.CustomID
	case *RoleSelect:
		return c.ID, c.CustomID
	case *MentionableSelect:
		return c.ID, c.CustomID
	case *ChannelSelect:
		return c.ID, c.CustomID
	case *Section:
		return c.ID, ""
	case *TextDisplay:
		return c.ID, ""
	case *Thumbnail:
		return c.ID, ""
	case *MediaGallery:
		return c.ID, ""
	case *FileComponent:
		return c.ID, ""
	case *Separator:
		return c.ID, ""
	case *Container:
		return c.ID, ""
	case *Label:
		return c.ID, ""
	case *FileUpload:
		return c.ID, c.CustomID
	case *RadioGroup:
		return c.ID, c.CustomID
	case *CheckboxGroup:
		return c.ID, c.CustomID
	case *Checkbox:
		return c.ID, c.CustomID
	}
	return 0, ""
}

func isNilComponent(c Component) bool {
	if c == nil {
		return true
	}
	rv := reflect.ValueOf(c)
	return rv.Kind() == reflect.Pointer && rv.IsNil()
}

// validateComponent checks c, a component at path, if cordage knows its
// kind.
func validateComponent(v *validator, path string, c Component) {
	if isNilComponent(c) {
		v.add(path, "missing component (nil)")
		return
	}
	if cv, ok := c.(interface{ validate(*validator, string) }); ok {
		cv.validate(v, path)
	}
}

// validateChildren checks the child list of a component at path: its size,
// the kind of each child (allowed reports whether a kind may be a child),
// and each child itself.
func validateChildren(v *validator, path string, cs Components, min, max int, where string, allowed func(Component) bool) {
	p := field(path, "components")
	v.required(p, len(cs) > 0)
	v.items(p, len(cs), min, max)
	for i, c := range cs {
		cp := at(p, i)
		if !isNilComponent(c) && !allowed(c) {
			if _, unknown := c.(*UnknownComponent); !unknown {
				v.add(cp, "a %s component cannot be placed in %s", c.Type(), where)
			}
		}
		validateComponent(v, cp, c)
	}
}

func validateCustomID(v *validator, path, customID string) {
	p := field(path, "custom_id")
	v.required(p, customID != "")
	v.length(p, customID, 1, 100)
}

// validateValueRange checks min_values and max_values of a component whose
// Discord defaults are 1 and defMax, and whose limit is limit. options is
// the number of choices the user has, or -1 when it is open.
func validateValueRange(v *validator, path string, minValues Optional[int], maxValues, defMax, limit, options int) {
	minOK, maxOK := true, true
	lo, loSet := minValues.Get()
	if loSet {
		v.between(field(path, "min_values"), int64(lo), 0, int64(limit))
		minOK = lo >= 0 && lo <= limit
	} else {
		lo = 1
	}
	hi := defMax
	if maxValues != 0 {
		v.between(field(path, "max_values"), int64(maxValues), 1, int64(limit))
		maxOK = maxValues >= 1 && maxValues <= limit
		hi = maxValues
	}
	if options >= 0 {
		if maxValues != 0 && maxOK && maxValues > options {
			v.add(field(path, "max_values"), "more than the number of options (%d > %d)", maxValues, options)
			maxOK = false
		}
		if loSet && minOK && lo > options {
			v.add(field(path, "min_values"), "more than the number of options (%d > %d)", lo, options)
			minOK = false
		}
	}
	if minOK && maxOK && hi > 0 && lo > hi {
		v.add(field(path, "min_values"), "greater than max_values (%d > %d)", lo, hi)
	}
}

func (r *ActionRow) validate(v *validator, path string) {
	validateChildren(v, path, r.Components, 1, maxActionRowComponents, "an action row", func(c Component) bool {
		switch c.(type) {
		case *Button, *StringSelect, *UserSelect, *RoleSelect, *MentionableSelect, *ChannelSelect, *TextInput:
			return true
		}
		return false
	})
	if len(r.Components) > 1 {
		for _, c := range r.Components {
			switch c.(type) {
			case *StringSelect, *UserSelect, *RoleSelect, *MentionableSelect, *ChannelSelect, *TextInput:
				v.add(field(path, "components"), "a select menu or text input must be alone in its action row")
				return
			}
		}
	}
}

func (b *Button) validate(v *validator, path string) {
	notAllowed := func(name, style string) {
		v.add(field(path, name), "not allowed on a %s button", style)
	}
	switch b.Style {
	case 0:
		v.required(field(path, "style"), false)
	case ButtonStyleLink:
		v.required(field(path, "url"), b.URL != "")
		if b.CustomID != "" {
			notAllowed("custom_id", "link")
		}
		if b.SKUID != 0 {
			notAllowed("sku_id", "link")
		}
	case ButtonStylePremium:
		v.required(field(path, "sku_id"), b.SKUID != 0)
		if b.CustomID != "" {
			notAllowed("custom_id", "premium")
		}
		if b.URL != "" {
			notAllowed("url", "premium")
		}
		if b.Label != "" {
			notAllowed("label", "premium")
		}
		if b.Emoji != nil {
			notAllowed("emoji", "premium")
		}
	default:
		validateCustomID(v, path, b.CustomID)
		if b.URL != "" {
			v.add(field(path, "url"), "only allowed on a link button")
		}
		if b.SKUID != 0 {
			v.add(field(path, "sku_id"), "only allowed on a premium button")
		}
	}
	if b.Style != ButtonStylePremium && b.Style != 0 && b.Label == "" && b.Emoji == nil {
		v.add(field(path, "label"), "required unless the button has an emoji")
	}
	v.length(field(path, "label"), b.Label, 0, 80)
	v.length(field(path, "url"), b.URL, 0, 512)
	if b.Emoji != nil {
		b.Emoji.validate(v, field(path, "emoji"))
	}
}

func (e *ComponentEmoji) validate(v *validator, path string) {
	if e.ID == 0 && e.Name == "" {
		v.add(path, "needs an id or a name")
	}
	v.length(field(path, "name"), e.Name, 0, 32)
}

func (s *StringSelect) validate(v *validator, path string) {
	validateCustomID(v, path, s.CustomID)
	v.length(field(path, "placeholder"), s.Placeholder, 0, 150)
	p := field(path, "options")
	v.required(p, len(s.Options) > 0)
	v.items(p, len(s.Options), 1, maxSelectOptions)
	seen := make(map[string]bool, len(s.Options))
	for i := range s.Options {
		o := &s.Options[i]
		op := at(p, i)
		validateChoice(v, op, o.Label, o.Value, o.Description, seen)
		if o.Emoji != nil {
			o.Emoji.validate(v, field(op, "emoji"))
		}
	}
	validateValueRange(v, path, s.MinValues, s.MaxValues, 1, maxSelectValues, len(s.Options))
}

// validateChoice checks one option of a select menu, radio group or
// checkbox group; seen collects the values of the earlier options.
func validateChoice(v *validator, path, label, value, description string, seen map[string]bool) {
	v.required(field(path, "label"), label != "")
	v.length(field(path, "label"), label, 1, 100)
	v.required(field(path, "value"), value != "")
	v.length(field(path, "value"), value, 1, 100)
	v.length(field(path, "description"), description, 0, 100)
	if value != "" {
		if seen[value] {
			v.add(field(path, "value"), "duplicate value %q", value)
		}
		seen[value] = true
	}
}

// validateEntitySelect checks what user, role, mentionable and channel
// selects share; allowed lists the default value types the menu takes.
func validateEntitySelect(v *validator, path, customID, placeholder string, defaults []SelectDefaultValue, minValues Optional[int], maxValues int, allowed ...SelectDefaultValueType) {
	validateCustomID(v, path, customID)
	v.length(field(path, "placeholder"), placeholder, 0, 150)
	validateValueRange(v, path, minValues, maxValues, 1, maxSelectValues, -1)
	p := field(path, "default_values")
	v.items(p, len(defaults), 0, maxSelectValues)
	hi := maxValues
	if hi == 0 {
		hi = 1
	}
	if len(defaults) > hi && len(defaults) <= maxSelectValues {
		v.add(p, "more default values than max_values (%d > %d)", len(defaults), hi)
	}
	for i, d := range defaults {
		dp := at(p, i)
		v.required(field(dp, "id"), d.ID != 0)
		ok := false
		for _, t := range allowed {
			ok = ok || d.Type == t
		}
		if !ok {
			names := make([]string, len(allowed))
			for j, t := range allowed {
				names[j] = strconv.Quote(string(t))
			}
			v.add(field(dp, "type"), "must be %s (%q)", strings.Join(names, " or "), d.Type)
		}
	}
}

func (s *UserSelect) validate(v *validator, path string) {
	validateEntitySelect(v, path, s.CustomID, s.Placeholder, s.DefaultValues, s.MinValues, s.MaxValues,
		SelectDefaultValueTypeUser)
}

func (s *RoleSelect) validate(v *validator, path string) {
	validateEntitySelect(v, path, s.CustomID, s.Placeholder, s.DefaultValues, s.MinValues, s.MaxValues,
		SelectDefaultValueTypeRole)
}

func (s *MentionableSelect) validate(v *validator, path string) {
	validateEntitySelect(v, path, s.CustomID, s.Placeholder, s.DefaultValues, s.MinValues, s.MaxValues,
		SelectDefaultValueTypeUser, SelectDefaultValueTypeRole)
}

func (s *ChannelSelect) validate(v *validator, path string) {
	validateEntitySelect(v, path, s.CustomID, s.Placeholder, s.DefaultValues, s.MinValues, s.MaxValues,
		SelectDefaultValueTypeChannel)
}

func (t *TextInput) validate(v *validator, path string) {
	validateCustomID(v, path, t.CustomID)
	v.required(field(path, "style"), t.Style != 0)
	v.length(field(path, "label"), t.Label, 1, 45)
	v.length(field(path, "value"), t.Value, 0, maxTextInputLength)
	v.length(field(path, "placeholder"), t.Placeholder, 0, 100)
	v.between(field(path, "min_length"), int64(t.MinLength), 0, maxTextInputLength)
	if t.MaxLength != 0 {
		v.between(field(path, "max_length"), int64(t.MaxLength), 1, maxTextInputLength)
		if t.MaxLength > 0 && t.MinLength > t.MaxLength && t.MinLength <= maxTextInputLength {
			v.add(field(path, "min_length"), "greater than max_length (%d > %d)", t.MinLength, t.MaxLength)
		}
	}
}

func (f *FileUpload) validate(v *validator, path string) {
	validateCustomID(v, path, f.CustomID)
	validateValueRange(v, path, f.MinValues, f.MaxValues, 1, maxModalChoiceValues, -1)
}

func (c *Checkbox) validate(v *validator, path string) {
	validateCustomID(v, path, c.CustomID)
}

func (g *CheckboxGroup) validate(v *validator, path string) {
	validateCustomID(v, path, g.CustomID)
	p := field(path, "options")
	v.required(p, len(g.Options) > 0)
	v.items(p, len(g.Options), 1, 10)
	seen := make(map[string]bool, len(g.Options))
	for i, o := range g.Options {
		validateChoice(v, at(p, i), o.Label, o.Value, o.Description, seen)
	}
	// With max_values left out the user may tick every box.
	validateValueRange(v, path, g.MinValues, g.MaxValues, len(g.Options), maxModalChoiceValues, len(g.Options))
}

func (g *RadioGroup) validate(v *validator, path string) {
	validateCustomID(v, path, g.CustomID)
	p := field(path, "options")
	v.required(p, len(g.Options) > 0)
	v.items(p, len(g.Options), 2, 10)
	seen := make(map[string]bool, len(g.Options))
	defaults := 0
	for i, o := range g.Options {
		validateChoice(v, at(p, i), o.Label, o.Value, o.Description, seen)
		if o.Default {
			defaults++
		}
	}
	if defaults > 1 {
		v.add(p, "more than one default option (%d)", defaults)
	}
}

func (s *Section) validate(v *validator, path string) {
	validateChildren(v, path, s.Components, 1, maxSectionTextDisplays, "a section; only text displays can", func(c Component) bool {
		_, ok := c.(*TextDisplay)
		return ok
	})
	p := field(path, "accessory")
	if s.Accessory == nil {
		v.required(p, false)
		return
	}
	switch s.Accessory.(type) {
	case *Button, *Thumbnail, *UnknownComponent:
	default:
		v.add(p, "a %s component cannot be an accessory; only a button or a thumbnail can", s.Accessory.Type())
	}
	validateComponent(v, p, s.Accessory)
}

func (t *TextDisplay) validate(v *validator, path string) {
	p := field(path, "content")
	v.required(p, t.Content != "")
	v.length(p, t.Content, 1, maxTextDisplayContent)
}

func (m *UnfurledMedia) validate(v *validator, path string) {
	p := field(path, "url")
	v.required(p, m.URL != "")
	v.length(p, m.URL, 0, maxUnfurledMediaURLLength)
}

func (t *Thumbnail) validate(v *validator, path string) {
	t.Media.validate(v, field(path, "media"))
	v.length(field(path, "description"), t.Description, 1, maxMediaDescription)
}

func (g *MediaGallery) validate(v *validator, path string) {
	p := field(path, "items")
	v.required(p, len(g.Items) > 0)
	v.items(p, len(g.Items), 1, maxMediaGalleryItems)
	for i := range g.Items {
		ip := at(p, i)
		g.Items[i].Media.validate(v, field(ip, "media"))
		v.length(field(ip, "description"), g.Items[i].Description, 1, maxMediaDescription)
	}
}

func (f *FileComponent) validate(v *validator, path string) {
	f.File.validate(v, field(path, "file"))
	if f.File.URL != "" && !strings.HasPrefix(f.File.URL, "attachment://") {
		v.add(field(path, "file.url"), "must be an attachment://<filename> reference to a file uploaded with the message")
	}
}

func (s *Separator) validate(v *validator, path string) {
	if s.Spacing < 0 {
		v.add(field(path, "spacing"), "must not be negative (%d)", s.Spacing)
	}
}

func (c *Container) validate(v *validator, path string) {
	validateChildren(v, path, c.Components, 1, maxMessageComponentsV2, "a container", func(c Component) bool {
		switch c.(type) {
		case *ActionRow, *TextDisplay, *Section, *MediaGallery, *Separator, *FileComponent:
			return true
		}
		return false
	})
	if !c.AccentColor.IsValid() {
		v.add(field(path, "accent_color"), "must be at most 0xFFFFFF (%d)", uint32(c.AccentColor))
	}
}

func (l *Label) validate(v *validator, path string) {
	p := field(path, "label")
	v.required(p, l.Label != "")
	v.length(p, l.Label, 1, 45)
	v.length(field(path, "description"), l.Description, 1, 100)
	cp := field(path, "component")
	if l.Component == nil {
		v.required(cp, false)
		return
	}
	switch l.Component.(type) {
	case *TextInput, *StringSelect, *UserSelect, *RoleSelect, *MentionableSelect, *ChannelSelect,
		*FileUpload, *RadioGroup, *CheckboxGroup, *Checkbox, *UnknownComponent:
	default:
		v.add(cp, "a %s component cannot be placed in a label", l.Component.Type())
	}
	validateComponent(v, cp, l.Component)
}

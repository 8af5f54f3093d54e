package discord

import (
	"slices"
	"strings"
	"testing"
)

// violationPaths runs check on a fresh validator and returns the field paths
// of the violations, in order.
func violationPaths(check func(v *validator)) ([]string, []Violation) {
	v := newValidator("test")
	check(v)
	paths := make([]string, len(v.violations))
	for i, x := range v.violations {
		paths[i] = x.Field
	}
	return paths, v.violations
}

func texts(n int) Components {
	cs := make(Components, n)
	for i := range cs {
		cs[i] = NewTextDisplay("text")
	}
	return cs
}

func buttonRows(n int) Components {
	cs := make(Components, n)
	for i := range cs {
		cs[i] = NewActionRow(NewButton(ButtonStylePrimary, "b", "b"+strings.Repeat("x", i)))
	}
	return cs
}

func options(n int) []SelectOption {
	out := make([]SelectOption, n)
	for i := range out {
		out[i] = SelectOption{Label: "label", Value: "v" + strings.Repeat("x", i)}
	}
	return out
}

func TestValidateMessageComponents(t *testing.T) {
	tests := []struct {
		name string
		cs   Components
		v2   bool
		want []string
	}{
		{"valid v1 message as Discord sends it", decodeComponents(t, v1MessageComponents), false, nil},
		{"valid v2 message as Discord sends it", decodeComponents(t, v2MessageComponents), true, nil},
		{"no components", nil, false, nil},
		{"v2 layout without the flag", decodeComponents(t, v2MessageComponents), false,
			[]string{"components[0]", "components[1]", "components[2]"}},
		{"6 action rows", buttonRows(6), false, []string{"components"}},
		{"5 action rows", buttonRows(5), false, nil},
		{"41 components in a v2 message", Components{&Container{Components: texts(40)}}, true, []string{"components"}},
		{"40 components in a v2 message", Components{&Container{Components: texts(39)}}, true, nil},
		{"duplicate custom_id across rows", Components{
			NewActionRow(NewButton(ButtonStylePrimary, "a", "same")),
			NewActionRow(NewButton(ButtonStyleSecondary, "b", "other"), NewButton(ButtonStyleDanger, "c", "same")),
		}, false, []string{"components[1].components[1].custom_id"}},
		{"duplicate custom_id in a section accessory", Components{
			NewActionRow(NewStringSelect("pick", options(2)...)),
			&Section{Components: texts(1), Accessory: NewButton(ButtonStylePrimary, "go", "pick")},
		}, true, []string{"components[1].accessory.custom_id"}},
		{"several violations at once", Components{
			NewActionRow(
				&Button{Style: ButtonStylePrimary, Label: strings.Repeat("l", 81)},
				&Button{Style: ButtonStyleLink, Label: "Docs", CustomID: "l"},
			),
			NewActionRow(&StringSelect{CustomID: "s", Placeholder: strings.Repeat("p", 151), MinValues: Some(26)}),
		}, false, []string{
			"components[0].components[0].custom_id",
			"components[0].components[0].label",
			"components[0].components[1].url",
			"components[0].components[1].custom_id",
			"components[1].components[0].placeholder",
			"components[1].components[0].options",
			"components[1].components[0].min_values",
		}},
		{"custom_id longer than 100", Components{NewActionRow(NewButton(ButtonStylePrimary, "x", strings.Repeat("c", 101)))}, false,
			[]string{"components[0].components[0].custom_id"}},
		{"select shares its row with a button", Components{
			NewActionRow(NewStringSelect("s", options(1)...), NewButton(ButtonStylePrimary, "b", "b")),
		}, false, []string{"components[0].components"}},
		{"six buttons in a row", Components{NewActionRow(
			NewButton(1, "1", "1"), NewButton(1, "2", "2"), NewButton(1, "3", "3"),
			NewButton(1, "4", "4"), NewButton(1, "5", "5"), NewButton(1, "6", "6"),
		)}, false, []string{"components[0].components"}},
		{"empty action row", Components{NewActionRow()}, false, []string{"components[0].components"}},
		{"text input in a message", Components{NewActionRow(&TextInput{CustomID: "t", Style: TextInputStyleShort, Label: "T"})}, false,
			[]string{"components[0].components[0]"}},
		{"label at the top of a message", Components{NewLabel("x", &Checkbox{CustomID: "c"})}, true, []string{"components[0]"}},
		{"premium button with a label and a custom_id", Components{NewActionRow(
			&Button{Style: ButtonStylePremium, Label: "x", CustomID: "c"},
		)}, false, []string{
			"components[0].components[0].sku_id",
			"components[0].components[0].custom_id",
			"components[0].components[0].label",
		}},
		{"button without style, button without label or emoji", Components{NewActionRow(
			&Button{CustomID: "a", Label: "a"},
			&Button{Style: ButtonStyleSecondary, CustomID: "b"},
			&Button{Style: ButtonStyleSecondary, CustomID: "c", Emoji: &ComponentEmoji{Name: "🔥"}},
		)}, false, []string{"components[0].components[0].style", "components[0].components[1].label"}},
		{"link button with a url too long and an empty emoji", Components{NewActionRow(
			&Button{Style: ButtonStyleLink, Label: "x", URL: "https://e/" + strings.Repeat("u", 503), Emoji: &ComponentEmoji{}},
		)}, false, []string{"components[0].components[0].url", "components[0].components[0].emoji"}},
		{"string select: duplicate value and more max_values than options", Components{NewActionRow(
			&StringSelect{CustomID: "s", Options: []SelectOption{{Label: "A", Value: "a"}, {Label: "B", Value: "a"}}, MinValues: Some(2), MaxValues: 3},
		)}, false, []string{"components[0].components[0].options[1].value", "components[0].components[0].max_values"}},
		{"string select: min_values above the default max_values", Components{NewActionRow(
			&StringSelect{CustomID: "s", Options: options(3), MinValues: Some(2)},
		)}, false, []string{"components[0].components[0].min_values"}},
		{"string select: 26 options, option without label", Components{NewActionRow(
			&StringSelect{CustomID: "s", Options: append(options(25), SelectOption{Value: "z"})},
		)}, false, []string{"components[0].components[0].options", "components[0].components[0].options[25].label"}},
		{"string select: min_values 0 is valid", Components{NewActionRow(
			&StringSelect{CustomID: "s", Options: options(3), MinValues: Some(0), MaxValues: 3},
		)}, false, nil},
		{"user select: default values", Components{NewActionRow(
			&UserSelect{CustomID: "u", DefaultValues: []SelectDefaultValue{{ID: 1, Type: SelectDefaultValueTypeRole}, {Type: SelectDefaultValueTypeUser}}},
		)}, false, []string{
			"components[0].components[0].default_values",
			"components[0].components[0].default_values[0].type",
			"components[0].components[0].default_values[1].id",
		}},
		{"mentionable and channel selects: default value types", Components{
			NewActionRow(&MentionableSelect{CustomID: "m", MaxValues: 2, DefaultValues: []SelectDefaultValue{
				{ID: 1, Type: SelectDefaultValueTypeRole}, {ID: 2, Type: SelectDefaultValueTypeChannel}}}),
			NewActionRow(&ChannelSelect{CustomID: "c", MaxValues: 26, DefaultValues: []SelectDefaultValue{{ID: 1, Type: SelectDefaultValueTypeChannel}}}),
			NewActionRow(&RoleSelect{CustomID: "r", MinValues: Some(-1)}),
		}, false, []string{
			"components[0].components[0].default_values[1].type",
			"components[1].components[0].max_values",
			"components[2].components[0].min_values",
		}},
		{"v2 layout limits", Components{
			&Section{Components: texts(4), Accessory: NewStringSelect("s", options(1)...)},
			&MediaGallery{Items: make([]MediaGalleryItem, 11)},
			&FileComponent{File: UnfurledMedia{URL: "https://example.com/f.pdf"}},
			&Container{AccentColor: 0x1000000, Components: Components{&TextDisplay{}}},
		}, true, []string{
			"components[0].components",
			"components[0].accessory",
			"components[1].items",
			"components[1].items[0].media.url",
			"components[1].items[1].media.url",
			"components[1].items[2].media.url",
			"components[1].items[3].media.url",
			"components[1].items[4].media.url",
			"components[1].items[5].media.url",
			"components[1].items[6].media.url",
			"components[1].items[7].media.url",
			"components[1].items[8].media.url",
			"components[1].items[9].media.url",
			"components[1].items[10].media.url",
			"components[2].file.url",
			"components[3].components[0].content",
			"components[3].accent_color",
		}},
		{"section without accessory, text display too long, thumbnail description too long", Components{
			&Section{Components: Components{NewTextDisplay(strings.Repeat("é", 4001))}},
			&Section{Components: texts(1), Accessory: &Thumbnail{Media: UnfurledMedia{URL: "https://e/x.png"}, Description: strings.Repeat("d", 1025)}},
		}, true, []string{
			"components[0].components[0].content",
			"components[0].accessory",
			"components[1].accessory.description",
		}},
		{"container holding a button and a label", Components{&Container{Components: Components{
			NewButton(ButtonStylePrimary, "b", "b"), NewLabel("l", &Checkbox{CustomID: "c"}),
		}}}, true, []string{"components[0].components[0]", "components[0].components[1]"}},
		{"nil components", Components{nil, NewActionRow(nil), NewActionRow((*Button)(nil))}, false,
			[]string{"components[0]", "components[1].components[0]", "components[2].components[0]"}},
		{"duplicate and negative ids", Components{
			&ActionRow{ID: 1, Components: Components{&Button{ID: 1, Style: ButtonStylePrimary, Label: "a", CustomID: "a"}}},
			&ActionRow{ID: -2, Components: Components{NewButton(ButtonStylePrimary, "b", "b")}},
		}, false, []string{"components[0].components[0].id", "components[1].id"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, all := violationPaths(func(v *validator) { validateMessageComponents(v, "components", tc.cs, tc.v2) })
			if !slices.Equal(got, tc.want) {
				t.Errorf("violations:\n got %q\nwant %q\n%v", got, tc.want, all)
			}
		})
	}
}

func TestValidateMessageComponentsReportsTheProblem(t *testing.T) {
	_, all := violationPaths(func(v *validator) {
		validateMessageComponents(v, "data.components", Components{
			NewActionRow(NewButton(ButtonStylePrimary, "a", "x")),
			NewActionRow(NewButton(ButtonStylePrimary, "b", "x")),
		}, false)
	})
	want := []Violation{{
		Field:   "data.components[1].components[0].custom_id",
		Problem: `duplicate custom_id "x" (also used at data.components[0].components[0])`,
	}}
	if !slices.Equal(all, want) {
		t.Errorf("got %v, want %v", all, want)
	}
}

func TestValidateModalComponents(t *testing.T) {
	tests := []struct {
		name string
		cs   Components
		want []string
	}{
		{"valid modal", Components{
			NewTextDisplay("Tell us about yourself"),
			NewLabel("Name", &TextInput{CustomID: "name", Style: TextInputStyleShort, MaxLength: 32, Required: Some(false)}),
			NewLabel("Files", &FileUpload{CustomID: "files", MinValues: Some(0), MaxValues: 3}),
			NewLabel("Pet", &RadioGroup{CustomID: "pet", Options: []RadioGroupOption{{Label: "Cat", Value: "cat"}, {Label: "Dog", Value: "dog"}}}),
			NewActionRow(&TextInput{CustomID: "bio", Style: TextInputStyleParagraph, Label: "Bio"}),
		}, nil},
		{"every modal input in a label", Components{
			NewLabel("a", NewStringSelect("a", options(2)...)),
			NewLabel("b", &ChannelSelect{CustomID: "b", ChannelTypes: []ChannelType{ChannelTypeGuildText}}),
			NewLabel("c", &CheckboxGroup{CustomID: "c", Options: []CheckboxGroupOption{{Label: "x", Value: "x"}}}),
			NewLabel("d", &Checkbox{CustomID: "d", Default: true}),
			NewLabel("e", &MentionableSelect{CustomID: "e"}),
		}, nil},
		{"6 components", texts(6), []string{"components"}},
		{"no components", nil, []string{"components"}},
		{"message kinds in a modal", Components{
			&Container{Components: texts(1)},
			NewActionRow(NewButton(ButtonStylePrimary, "b", "b")),
			NewActionRow(NewStringSelect("s", options(1)...)),
			NewActionRow(&TextInput{CustomID: "t", Style: TextInputStyleShort}),
		}, []string{
			"components[0]",
			"components[1].components[0]",
			"components[2].components[0]",
			"components[3].components[0].label",
		}},
		{"label problems", Components{
			NewLabel(strings.Repeat("l", 46), NewButton(ButtonStylePrimary, "b", "b")),
			&Label{Label: "x", Description: strings.Repeat("d", 101)},
			NewLabel("", &TextInput{CustomID: "t", Style: TextInputStyleShort, MinLength: 10, MaxLength: 5}),
		}, []string{
			"components[0].label",
			"components[0].component",
			"components[1].description",
			"components[1].component",
			"components[2].label",
			"components[2].component.min_length",
		}},
		{"modal input limits", Components{
			NewLabel("a", &RadioGroup{CustomID: "a", Options: []RadioGroupOption{{Label: "a", Value: "a", Default: true}}}),
			NewLabel("b", &CheckboxGroup{CustomID: "b", Options: []CheckboxGroupOption{{Label: "x", Value: "x"}, {Label: "y", Value: "y"}}, MinValues: Some(3)}),
			NewLabel("c", &FileUpload{CustomID: "c", MaxValues: 11}),
			NewLabel("d", &Checkbox{}),
			NewLabel("e", &RadioGroup{CustomID: "e", Options: []RadioGroupOption{
				{Label: "a", Value: "a", Default: true}, {Label: "b", Value: "b", Default: true}, {Label: "c", Value: "a"}}}),
		}, []string{
			"components[0].component.options",
			"components[1].component.min_values",
			"components[2].component.max_values",
			"components[3].component.custom_id",
			"components[4].component.options[2].value",
			"components[4].component.options",
		}},
		{"text input limits", Components{
			NewLabel("a", &TextInput{CustomID: "a", Value: strings.Repeat("v", 4001), Placeholder: strings.Repeat("p", 101), MinLength: -1, MaxLength: 4001}),
		}, []string{
			"components[0].component.style",
			"components[0].component.value",
			"components[0].component.placeholder",
			"components[0].component.min_length",
			"components[0].component.max_length",
		}},
		{"duplicate custom_id", Components{
			NewLabel("a", &TextInput{CustomID: "x", Style: TextInputStyleShort}),
			NewLabel("b", &TextInput{CustomID: "x", Style: TextInputStyleParagraph}),
		}, []string{"components[1].component.custom_id"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, all := violationPaths(func(v *validator) { validateModalComponents(v, "components", tc.cs) })
			if !slices.Equal(got, tc.want) {
				t.Errorf("violations:\n got %q\nwant %q\n%v", got, tc.want, all)
			}
		})
	}
}

package discord

import (
	"encoding/json"
	"reflect"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/cordage/cordage/internal/specdata"
)

// componentSchemaTypes maps each spec schema of a component, embed or their
// helper objects to the one Go type that carries the union of its fields.
var componentSchemaTypes = map[string]reflect.Type{
	"ActionRowComponentForMessageRequest":                 reflect.TypeFor[ActionRow](),
	"ActionRowComponentForModalRequest":                   reflect.TypeFor[ActionRow](),
	"ActionRowComponentResponse":                          reflect.TypeFor[ActionRow](),
	"ButtonComponentForMessageRequest":                    reflect.TypeFor[Button](),
	"ButtonComponentResponse":                             reflect.TypeFor[Button](),
	"StringSelectComponentForMessageRequest":              reflect.TypeFor[StringSelect](),
	"StringSelectComponentForModalRequest":                reflect.TypeFor[StringSelect](),
	"StringSelectComponentResponse":                       reflect.TypeFor[StringSelect](),
	"TextInputComponentForModalRequest":                   reflect.TypeFor[TextInput](),
	"TextInputComponentResponse":                          reflect.TypeFor[TextInput](),
	"UserSelectComponentForMessageRequest":                reflect.TypeFor[UserSelect](),
	"UserSelectComponentForModalRequest":                  reflect.TypeFor[UserSelect](),
	"UserSelectComponentResponse":                         reflect.TypeFor[UserSelect](),
	"RoleSelectComponentForMessageRequest":                reflect.TypeFor[RoleSelect](),
	"RoleSelectComponentForModalRequest":                  reflect.TypeFor[RoleSelect](),
	"RoleSelectComponentResponse":                         reflect.TypeFor[RoleSelect](),
	"MentionableSelectComponentForMessageRequest":         reflect.TypeFor[MentionableSelect](),
	"MentionableSelectComponentForModalRequest":           reflect.TypeFor[MentionableSelect](),
	"MentionableSelectComponentResponse":                  reflect.TypeFor[MentionableSelect](),
	"ChannelSelectComponentForMessageRequest":             reflect.TypeFor[ChannelSelect](),
	"ChannelSelectComponentForModalRequest":               reflect.TypeFor[ChannelSelect](),
	"ChannelSelectComponentResponse":                      reflect.TypeFor[ChannelSelect](),
	"SectionComponentForMessageRequest":                   reflect.TypeFor[Section](),
	"SectionComponentResponse":                            reflect.TypeFor[Section](),
	"TextDisplayComponentForMessageRequest":               reflect.TypeFor[TextDisplay](),
	"TextDisplayComponentForModalRequest":                 reflect.TypeFor[TextDisplay](),
	"TextDisplayComponentResponse":                        reflect.TypeFor[TextDisplay](),
	"ThumbnailComponentForMessageRequest":                 reflect.TypeFor[Thumbnail](),
	"ThumbnailComponentResponse":                          reflect.TypeFor[Thumbnail](),
	"MediaGalleryComponentForMessageRequest":              reflect.TypeFor[MediaGallery](),
	"MediaGalleryComponentResponse":                       reflect.TypeFor[MediaGallery](),
	"FileComponentForMessageRequest":                      reflect.TypeFor[FileComponent](),
	"FileComponentResponse":                               reflect.TypeFor[FileComponent](),
	"SeparatorComponentForMessageRequest":                 reflect.TypeFor[Separator](),
	"SeparatorComponentResponse":                          reflect.TypeFor[Separator](),
	"ContainerComponentForMessageRequest":                 reflect.TypeFor[Container](),
	"ContainerComponentResponse":                          reflect.TypeFor[Container](),
	"LabelComponentForModalRequest":                       reflect.TypeFor[Label](),
	"FileUploadComponentForModalRequest":                  reflect.TypeFor[FileUpload](),
	"CheckboxComponentForModalRequest":                    reflect.TypeFor[Checkbox](),
	"CheckboxGroupComponentForModalRequest":               reflect.TypeFor[CheckboxGroup](),
	"RadioGroupComponentForModalRequest":                  reflect.TypeFor[RadioGroup](),
	"CheckboxGroupOptionForRequest":                       reflect.TypeFor[CheckboxGroupOption](),
	"RadioGroupOptionForRequest":                          reflect.TypeFor[RadioGroupOption](),
	"StringSelectOptionForRequest":                        reflect.TypeFor[SelectOption](),
	"StringSelectOptionResponse":                          reflect.TypeFor[SelectOption](),
	"UserSelectDefaultValue":                              reflect.TypeFor[SelectDefaultValue](),
	"UserSelectDefaultValueResponse":                      reflect.TypeFor[SelectDefaultValue](),
	"RoleSelectDefaultValue":                              reflect.TypeFor[SelectDefaultValue](),
	"RoleSelectDefaultValueResponse":                      reflect.TypeFor[SelectDefaultValue](),
	"ChannelSelectDefaultValue":                           reflect.TypeFor[SelectDefaultValue](),
	"ChannelSelectDefaultValueResponse":                   reflect.TypeFor[SelectDefaultValue](),
	"ComponentEmojiForRequest":                            reflect.TypeFor[ComponentEmoji](),
	"ComponentEmojiResponse":                              reflect.TypeFor[ComponentEmoji](),
	"UnfurledMediaRequest":                                reflect.TypeFor[UnfurledMedia](),
	"UnfurledMediaRequestWithAttachmentReferenceRequired": reflect.TypeFor[UnfurledMedia](),
	"UnfurledMediaResponse":                               reflect.TypeFor[UnfurledMedia](),
	"MediaGalleryItemRequest":                             reflect.TypeFor[MediaGalleryItem](),
	"MediaGalleryItemResponse":                            reflect.TypeFor[MediaGalleryItem](),
	"RichEmbed":                                           reflect.TypeFor[Embed](),
	"MessageEmbedResponse":                                reflect.TypeFor[Embed](),
	"RichEmbedAuthor":                                     reflect.TypeFor[EmbedAuthor](),
	"MessageEmbedAuthorResponse":                          reflect.TypeFor[EmbedAuthor](),
	"RichEmbedFooter":                                     reflect.TypeFor[EmbedFooter](),
	"MessageEmbedFooterResponse":                          reflect.TypeFor[EmbedFooter](),
	"RichEmbedField":                                      reflect.TypeFor[EmbedField](),
	"MessageEmbedFieldResponse":                           reflect.TypeFor[EmbedField](),
	"RichEmbedProvider":                                   reflect.TypeFor[EmbedProvider](),
	"MessageEmbedProviderResponse":                        reflect.TypeFor[EmbedProvider](),
	"RichEmbedImage":                                      reflect.TypeFor[EmbedMedia](),
	"RichEmbedThumbnail":                                  reflect.TypeFor[EmbedMedia](),
	"RichEmbedVideo":                                      reflect.TypeFor[EmbedMedia](),
	"MessageEmbedImageResponse":                           reflect.TypeFor[EmbedMedia](),
	"MessageEmbedVideoResponse":                           reflect.TypeFor[EmbedMedia](),
}

// componentSchemaName matches the spec schemas componentSchemaTypes must
// cover, so a schema Discord adds fails the test until it has a Go type.
var componentSchemaName = regexp.MustCompile(`ComponentFor(Message|Modal)Request$|ComponentResponse$|^RichEmbed|^MessageEmbed.*Response$|` +
	`^UnfurledMedia|^StringSelectOption|SelectDefaultValue|^ComponentEmoji|^MediaGalleryItem|^(CheckboxGroup|RadioGroup)Option`)

type specSchema struct {
	Properties map[string]json.RawMessage `json:"properties"`
	OneOf      []struct {
		Title string          `json:"title"`
		Const json.RawMessage `json:"const"`
	} `json:"oneOf"`
}

func readComponentSchemas(t *testing.T) map[string]specSchema {
	t.Helper()
	var doc struct {
		Components struct {
			Schemas map[string]specSchema `json:"schemas"`
		} `json:"components"`
	}
	if err := json.Unmarshal(specdata.ReadFile(t, "discord-spec", "openapi.json"), &doc); err != nil {
		t.Fatalf("parse openapi.json: %v", err)
	}
	return doc.Components.Schemas
}

// goJSONFields lists the JSON names of typ's fields; a component kind also
// has "type", which it takes from its Type method.
func goJSONFields(typ reflect.Type) map[string]bool {
	out := map[string]bool{}
	for i := range typ.NumField() {
		f := typ.Field(i)
		name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
		if !f.IsExported() || name == "-" {
			continue
		}
		if name == "" {
			name = f.Name
		}
		out[name] = true
	}
	if reflect.PointerTo(typ).Implements(reflect.TypeFor[Component]()) {
		out["type"] = true
	}
	return out
}

func TestComponentAndEmbedTypesCarryEverySpecProperty(t *testing.T) {
	schemas := readComponentSchemas(t)
	used := map[reflect.Type]map[string]bool{} // JSON fields the spec knows, per Go type
	for name, s := range schemas {
		if !componentSchemaName.MatchString(name) || len(s.Properties) == 0 {
			continue
		}
		typ, ok := componentSchemaTypes[name]
		if !ok {
			t.Errorf("spec schema %s has no Go type in componentSchemaTypes", name)
			continue
		}
		fields := goJSONFields(typ)
		if used[typ] == nil {
			used[typ] = map[string]bool{}
		}
		for prop := range s.Properties {
			used[typ][prop] = true
			if !fields[prop] {
				t.Errorf("%s.%s: no field of %s has JSON name %q", name, prop, typ.Name(), prop)
			}
		}
	}
	for name := range componentSchemaTypes {
		if _, ok := schemas[name]; !ok {
			t.Errorf("componentSchemaTypes names %s, which the spec does not have", name)
		}
	}
	// The other way round: a JSON name no schema has is a typo.
	for typ, known := range used {
		for f := range goJSONFields(typ) {
			if !known[f] {
				t.Errorf("%s has JSON field %q, which none of its spec schemas has", typ.Name(), f)
			}
		}
	}
}

func TestComponentEnumsHaveEverySpecValue(t *testing.T) {
	schemas := readComponentSchemas(t)
	intEnums := []struct {
		schema string
		name   func(n int) string // Discord's name of the Go constant n
	}{
		{"MessageComponentTypes", func(n int) string { return componentTypeNames[ComponentType(n)] }},
		{"ButtonStyleTypes", func(n int) string { return buttonStyleNames[ButtonStyle(n)] }},
		{"TextInputStyleTypes", func(n int) string { return textInputStyleNames[TextInputStyle(n)] }},
		{"MessageComponentSeparatorSpacingSize", func(n int) string { return separatorSpacingNames[SeparatorSpacing(n)] }},
	}
	for _, e := range intEnums {
		s, ok := schemas[e.schema]
		if !ok || len(s.OneOf) == 0 {
			t.Errorf("spec has no enum %s", e.schema)
			continue
		}
		for _, v := range s.OneOf {
			n, err := strconv.Atoi(string(v.Const))
			if err != nil {
				t.Errorf("%s: const %s is not an integer", e.schema, v.Const)
				continue
			}
			if got := e.name(n); got != v.Title {
				t.Errorf("%s %d (%s): Go constant named %q", e.schema, n, v.Title, got)
			}
		}
	}
	// Every component kind decodes into its own Go type.
	for _, v := range schemas["MessageComponentTypes"].OneOf {
		n, _ := strconv.Atoi(string(v.Const))
		if c := newComponent(ComponentType(n)); c == nil || c.Type() != ComponentType(n) {
			t.Errorf("component kind %d (%s) has no Go type", n, v.Title)
		}
	}

	var spec []string
	for _, v := range schemas["SnowflakeSelectDefaultValueTypes"].OneOf {
		var s string
		if err := json.Unmarshal(v.Const, &s); err != nil {
			t.Fatalf("SnowflakeSelectDefaultValueTypes const %s: %v", v.Const, err)
		}
		spec = append(spec, s)
	}
	sort.Strings(spec)
	goValues := []string{string(SelectDefaultValueTypeChannel), string(SelectDefaultValueTypeRole), string(SelectDefaultValueTypeUser)}
	if !reflect.DeepEqual(spec, goValues) {
		t.Errorf("SnowflakeSelectDefaultValueTypes = %v, Go constants %v", spec, goValues)
	}
}

func TestComponentEnumsHaveEveryDocsValue(t *testing.T) {
	tables := map[string]func(n int) string{
		"Component Types":   func(n int) string { return ComponentType(n).String() },
		"Button Styles":     func(n int) string { return ButtonStyle(n).String() },
		"Text Input Styles": func(n int) string { return TextInputStyle(n).String() },
	}
	seen := map[string]int{}
	for _, line := range strings.Split(string(specdata.ReadFile(t, "discord-spec", "docs-enums.tsv")), "\n") {
		cols := strings.Split(line, "\t")
		if len(cols) != 4 || cols[0] != "components/reference.mdx" {
			continue
		}
		name, ok := tables[cols[1]]
		if !ok {
			continue
		}
		n, err := strconv.Atoi(cols[3])
		if err != nil {
			t.Errorf("docs-enums.tsv: %q", line)
			continue
		}
		seen[cols[1]]++
		want := strings.ToUpper(strings.ReplaceAll(cols[2], " ", "_"))
		if got := name(n); got != want {
			t.Errorf("%s %d: Go name %q, docs %q", cols[1], n, got, cols[2])
		}
	}
	for table := range tables {
		if seen[table] == 0 {
			t.Errorf("docs-enums.tsv has no %s table", table)
		}
	}
}

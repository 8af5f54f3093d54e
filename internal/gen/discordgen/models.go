package main

import (
	"encoding/json"
	"fmt"
	"path/filepath"
	"sort"
	"strings"
)

// field is one field of a generated struct.
type field struct {
	JSON     string
	Go       string
	Type     string // Go type without Optional/pointer wrapping
	Kind     string // bool, number, string, time, struct, slice, map, any, components, component
	Required bool   // in every variant, never null
	Nullable bool
	Optional bool // wrapped in Optional[T]
	Pointer  bool
	Doc      string
	Limits   limits
	Elem     string // element type of a slice or map
	ElemKind string
}

type limits struct {
	MinLen, MaxLen, MinItems, MaxItems *int
	Min, Max                           *float64
}

func (l limits) any() bool {
	return l.MinLen != nil || l.MaxLen != nil || l.MinItems != nil || l.MaxItems != nil || l.Min != nil || l.Max != nil
}

type genType struct {
	model
	Request bool // follows the request-body rules
	Patch   bool // an update: nullable, boolean and number fields are Optional
	Fields  []*field
	Schemas []string
}

type generator struct {
	spec     *Spec
	enumOf   map[string]string // spec enum schema → Go name
	goOf     map[string]string // spec object schema → Go name
	hand     map[string]bool   // Go names written by hand
	types    map[string]*genType
	order    []*genType
	inline   map[string]*Schema // inline body Go name → schema
	validate map[string]bool    // Go types with a validate method
}

func generateModels(spec *Spec, enumTypes []enumType, out string) error {
	g := &generator{spec: spec, enumOf: map[string]string{}, goOf: map[string]string{}, hand: map[string]bool{},
		types: map[string]*genType{}, inline: map[string]*Schema{}, validate: map[string]bool{}}
	for _, e := range enumTypes {
		if e.Schema != "" {
			g.enumOf[e.Schema] = e.Name
		}
	}
	// Enums written by hand.
	for k, v := range map[string]string{
		"AvailableLocalesEnum": "Locale", "MessageComponentTypes": "ComponentType", "ButtonStyleTypes": "ButtonStyle",
		"TextInputStyleTypes": "TextInputStyle", "MessageComponentSeparatorSpacingSize": "SeparatorSpacing",
		"SnowflakeSelectDefaultValueTypes": "SelectDefaultValueType", "WidgetUserDiscriminator": "string",
		"ActionTypes": "string",
	} {
		g.enumOf[k] = v
	}
	all := append([]model(nil), models...)
	for id, m := range inlineBodies {
		s, err := g.inlineBody(id)
		if err != nil {
			return err
		}
		m.Schemas = "inline:" + id
		g.inline["inline:"+id] = s
		all = append(all, m)
	}
	sort.SliceStable(all[len(models):], func(i, j int) bool { return all[len(models)+i].Name < all[len(models)+j].Name })
	for _, m := range all {
		for _, s := range strings.Fields(m.Schemas) {
			if _, dup := g.goOf[s]; dup {
				return fmt.Errorf("schema %s mapped twice", s)
			}
			if g.schema(s) == nil {
				return fmt.Errorf("model %s: no schema %s", m.Name, s)
			}
			g.goOf[s] = m.Name
		}
		if m.Hand {
			g.hand[m.Name] = true
			continue
		}
		t := &genType{model: m, Schemas: strings.Fields(m.Schemas)}
		t.Request = strings.HasSuffix(m.Name, "Request") || requestTypes[m.Name]
		for _, s := range t.Schemas {
			if strings.HasSuffix(s, "Partial") {
				t.Patch = true
			}
		}
		if strings.HasPrefix(m.Name, "Update") || strings.HasPrefix(m.Name, "Edit") {
			t.Patch = true
		}
		if patchTypes[m.Name] {
			t.Patch = true
		}
		if notPatch[m.Name] {
			t.Patch = false
		}
		g.types[m.Name] = t
		g.order = append(g.order, t)
	}
	// Every object schema with properties must have a Go home.
	var missing []string
	for name, s := range spec.Components.Schemas {
		if len(s.Properties) > 0 && g.goOf[name] == "" && g.enumOf[name] == "" && !ignored[name] {
			missing = append(missing, name)
		}
	}
	if len(missing) > 0 {
		sort.Strings(missing)
		return fmt.Errorf("schemas with no Go type: %s", strings.Join(missing, " "))
	}
	for _, t := range g.order {
		if err := g.buildFields(t); err != nil {
			return err
		}
	}
	g.markValidated()
	files := map[string]*strings.Builder{}
	var names []string
	for _, t := range g.order {
		b := files[t.File]
		if b == nil {
			b = new(strings.Builder)
			files[t.File] = b
			names = append(names, t.File)
		}
		g.writeType(b, t)
	}
	for _, f := range names {
		body := files[f].String()
		var imports []string
		if strings.Contains(body, "json.RawMessage") {
			imports = append(imports, `"encoding/json"`)
		}
		if strings.Contains(body, "time.Time") {
			imports = append(imports, `"time"`)
		}
		if len(imports) > 0 {
			body = "import (\n" + strings.Join(imports, "\n") + "\n)\n\n" + body
		}
		if err := writeFile(filepath.Join(out, f+"_gen.go"), body); err != nil {
			return err
		}
	}
	return writeSchemaMap(g, out)
}

// ignored are spec schemas that are not part of the data model: error
// bodies, which the rest package decodes.
var ignored = map[string]bool{"Error": true, "InnerErrors": true}

func (g *generator) schema(name string) *Schema {
	if s, ok := g.inline[name]; ok {
		return s
	}
	return g.spec.Components.Schemas[name]
}

func (g *generator) inlineBody(opID string) (*Schema, error) {
	for _, ops := range g.spec.Paths {
		for method, raw := range ops {
			if method == "parameters" {
				continue
			}
			var op Operation
			if err := json.Unmarshal(raw, &op); err != nil {
				return nil, err
			}
			if op.OperationID != opID || op.RequestBody == nil {
				continue
			}
			for _, ct := range []string{"application/json", "multipart/form-data"} {
				if c, ok := op.RequestBody.Content[ct]; ok && c.Schema != nil && c.Schema.Ref == "" {
					// A body that is a list (channel positions) names the
					// type of its elements.
					if c.Schema.Type.has("array") && c.Schema.Items != nil {
						return c.Schema.Items, nil
					}
					return c.Schema, nil
				}
			}
		}
	}
	return nil, fmt.Errorf("no inline request body for operation %s", opID)
}

func (g *generator) buildFields(t *genType) error {
	byName := map[string]*field{}
	count := map[string]int{}
	for _, sn := range t.Schemas {
		s := g.schema(sn)
		for _, p := range s.Properties {
			count[p.Name]++
			typ, kind, elem, elemKind, nullable, err := g.goType(p.Schema)
			if err != nil {
				return fmt.Errorf("%s.%s (%s): %w", t.Name, p.Name, sn, err)
			}
			if o, ok := fieldTypes[t.Name+"."+p.Name]; ok {
				typ, kind = o, kindOf(o)
				elem, elemKind = strings.TrimPrefix(o, "[]"), kindOf(strings.TrimPrefix(o, "[]"))
			} else if o, ok := fieldTypes["*."+p.Name]; ok && (kind == "string" || kind == "number" || kind == "map" || kind == "any") {
				typ, kind = o, kindOf(o)
			}
			f := byName[p.Name]
			if f == nil {
				f = &field{JSON: p.Name, Go: fieldName(p.Name), Type: typ, Kind: kind, Elem: elem, ElemKind: elemKind, Required: true}
				byName[p.Name] = f
				t.Fields = append(t.Fields, f)
			} else if f.Type != typ && !(f.Kind == "struct" && kind == "struct") {
				// Variants disagree (a choice's string, integer or number
				// value): keep the first unless an override decides.
				if _, ok := fieldTypes[t.Name+"."+p.Name]; !ok && f.Kind != kind {
					f.Type, f.Kind = "any", "any"
				}
			}
			if !s.required(p.Name) {
				f.Required = false
			}
			if nullable {
				f.Nullable = true
			}
			if f.Doc == "" {
				f.Doc = p.Schema.Description
			}
			if strings.Contains(sn, "Request") || t.Request || !hasLimits(f.Limits) {
				mergeLimits(&f.Limits, p.Schema)
			}
		}
	}
	for _, x := range extraFields[t.Name] {
		t.Fields = append(t.Fields, &field{JSON: x[0], Go: fieldName(x[0]), Type: x[1], Kind: kindOf(x[1]), Doc: x[2]})
		count[x[0]] = -1
	}
	for _, f := range t.Fields {
		if n, ok := maxLength[t.Name+"."+f.JSON]; ok {
			f.Limits.MaxLen = &n
		}
		if count[f.JSON] < len(t.Schemas) {
			f.Required = false
		}
		g.decideWrapping(t, f)
	}
	return nil
}

func hasLimits(l limits) bool { return l.any() }

func mergeLimits(l *limits, s *Schema) {
	if s.Items != nil {
		if l.MaxLen == nil {
			l.MaxLen, l.MinLen = s.Items.MaxLength, s.Items.MinLength
		}
	}
	if s.MaxLength != nil {
		l.MaxLen = s.MaxLength
	}
	if s.MinLength != nil {
		l.MinLen = s.MinLength
	}
	if s.MaxItems != nil {
		l.MaxItems = s.MaxItems
	}
	if s.MinItems != nil {
		l.MinItems = s.MinItems
	}
	if s.Minimum != nil {
		l.Min = s.Minimum
	}
	if s.Maximum != nil {
		l.Max = s.Maximum
	}
}

// decideWrapping applies the package's rule for omitted, null and set fields
// (see the package documentation).
func (g *generator) decideWrapping(t *genType, f *field) {
	key := t.Name + "." + f.JSON
	switch {
	case optionalFields[key]:
		f.Optional = true
	case t.Request && t.Patch && f.Kind != "slice" && f.Kind != "map" && f.Kind != "any" && f.Kind != "components" &&
		(f.Nullable || f.Kind == "bool" || f.Kind == "number"):
		f.Optional = true
	case f.Kind == "struct" && (!f.Required || f.Nullable):
		f.Pointer = true
	case f.Kind == "struct" && f.Type == t.Name:
		f.Pointer = true
	}
}

func kindOf(goType string) string {
	switch {
	case strings.HasPrefix(goType, "[]"):
		return "slice"
	case strings.HasPrefix(goType, "map["):
		return "map"
	case goType == "string" || goType == "Locale" || goType == "ImageData":
		return "string"
	case goType == "Permissions" || goType == "Color" || goType == "int" || goType == "int64" || goType == "float64" || strings.HasSuffix(goType, "Flags"):
		return "number"
	case goType == "any" || goType == "json.RawMessage":
		return "any"
	case goType == "Present":
		return "bool"
	}
	return "other"
}

// goType maps a property schema to a Go type.
func (g *generator) goType(s *Schema) (typ, kind, elem, elemKind string, nullable bool, err error) {
	if s.Ref != "" {
		name := refName(s.Ref)
		switch name {
		case "SnowflakeType":
			return "Snowflake", "snowflake", "", "", false, nil
		case "Int53Type", "UInt32Type":
			return "int64", "number", "", "", false, nil
		}
		if e, ok := g.enumOf[name]; ok {
			k := "number"
			if rs := g.spec.Components.Schemas[name]; rs != nil && rs.Type.base() == "string" {
				k = "string"
			}
			return e, k, "", "", false, nil
		}
		if goName, ok := g.goOf[name]; ok {
			return goName, "struct", "", "", false, nil
		}
		return "", "", "", "", false, fmt.Errorf("no Go type for $ref %s", name)
	}
	variants := s.OneOf
	if len(variants) == 0 {
		variants = s.AnyOf
	}
	if len(variants) == 0 && len(s.AllOf) == 1 {
		variants = s.AllOf
	}
	if len(variants) > 0 {
		var types []string
		var first struct{ typ, kind, elem, elemKind string }
		for _, v := range variants {
			if v.Type.has("null") && len(v.Type) == 1 {
				nullable = true
				continue
			}
			t, k, e, ek, n, err := g.goType(v)
			if err != nil {
				return "", "", "", "", false, err
			}
			if n {
				nullable = true
			}
			if len(types) == 0 {
				first.typ, first.kind, first.elem, first.elemKind = t, k, e, ek
			}
			if !contains(types, t) {
				types = append(types, t)
			}
		}
		switch {
		case len(types) == 1:
			return first.typ, first.kind, first.elem, first.elemKind, nullable || s.Type.has("null"), nil
		case g.allComponents(types):
			return "Component", "component", "", "", nullable, nil
		default:
			return "json.RawMessage", "any", "", "", nullable, nil
		}
	}
	nullable = s.Type.has("null")
	switch s.Type.base() {
	case "string":
		switch {
		case s.Format == "date-time":
			return "time.Time", "time", "", "", nullable, nil
		case s.ContentEncoding == "base64":
			return "ImageData", "string", "", "", nullable, nil
		}
		return "string", "string", "", "", nullable, nil
	case "integer":
		if s.Format == "int64" {
			return "int64", "number", "", "", nullable, nil
		}
		return "int", "number", "", "", nullable, nil
	case "number":
		return "float64", "number", "", "", nullable, nil
	case "boolean":
		return "bool", "bool", "", "", nullable, nil
	case "array":
		et, ek, _, _, _, err := g.goType(s.Items)
		if err != nil {
			return "", "", "", "", false, err
		}
		if ek == "component" {
			return "Components", "components", "", "", nullable, nil
		}
		return "[]" + et, "slice", et, ek, nullable, nil
	case "object":
		if s.AdditionalProperties != nil && s.AdditionalProperties.Schema != nil {
			et, ek, _, _, _, err := g.goType(s.AdditionalProperties.Schema)
			if err != nil {
				return "", "", "", "", false, err
			}
			return "map[string]" + et, "map", et, ek, nullable, nil
		}
		return "json.RawMessage", "any", "", "", nullable, nil
	case "null":
		return "Present", "bool", "", "", false, nil
	case "":
		return "json.RawMessage", "any", "", "", true, nil
	}
	return "", "", "", "", false, fmt.Errorf("unsupported schema type %v", s.Type)
}

func (g *generator) allComponents(types []string) bool {
	for _, t := range types {
		if !g.hand[t] || strings.HasPrefix(t, "Embed") || t == "SelectOption" || t == "ComponentEmoji" || t == "UnfurledMedia" {
			return false
		}
	}
	return true
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// fieldName is the Go name of a JSON field.
func fieldName(json string) string {
	if n, ok := fieldNames[json]; ok {
		return n
	}
	return goName(json)
}

var fieldNames = map[string]string{
	"_errors":                  "Errors",
	"approximate_member_count": "ApproximateMemberCount",
	"msg_activity_bins":        "MessageActivityBins",
	"last_updated_ts":          "LastUpdated",
	"kty":                      "KeyType",
	"kid":                      "KeyID",
	"alg":                      "Algorithm",
	"n":                        "N",
	"e":                        "E",
	"sub":                      "Subject",
}

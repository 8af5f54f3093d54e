package discordtest

import (
	_ "embed"
	"encoding/json"
	"fmt"
	"math"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"
)

// schemas_gen.json holds the spec's schemas, trimmed by emulatorgen to the
// keywords checked here. The emulator checks request bodies and query
// parameters against them, builds the responses of routes it keeps no state
// for from them, and fills the fields Discord always sends into the
// responses of routes it does keep state for.
//
//go:embed schemas_gen.json
var schemaJSON []byte

// schema is the part of an OpenAPI 3.1 schema the emulator reads.
type schema struct {
	Ref             string             `json:"$ref"`
	Type            typeSet            `json:"type"`
	Format          string             `json:"format"`
	Pattern         string             `json:"pattern"`
	Const           json.RawMessage    `json:"const"`
	Enum            []any              `json:"enum"`
	OneOf           []*schema          `json:"oneOf"`
	AnyOf           []*schema          `json:"anyOf"`
	AllOf           []*schema          `json:"allOf"`
	Items           *schema            `json:"items"`
	Properties      map[string]*schema `json:"properties"`
	Required        []string           `json:"required"`
	Additional      json.RawMessage    `json:"additionalProperties"`
	MinLength       *int               `json:"minLength"`
	MaxLength       *int               `json:"maxLength"`
	MinItems        *int               `json:"minItems"`
	MaxItems        *int               `json:"maxItems"`
	MinProperties   *int               `json:"minProperties"`
	MaxProperties   *int               `json:"maxProperties"`
	Minimum         *float64           `json:"minimum"`
	Maximum         *float64           `json:"maximum"`
	ContentEncoding string             `json:"contentEncoding"`
	// ContentMediaType is set by emulatorgen on responses that are not
	// JSON, such as image/png.
	ContentMediaType string `json:"contentMediaType"`

	constVal   any
	hasConst   bool
	additional *schema
	pattern    *regexp.Regexp
}

// typeSet is the OpenAPI 3.1 "type": one name or a list of names.
type typeSet []string

func (t *typeSet) UnmarshalJSON(b []byte) error {
	if len(b) > 0 && b[0] == '[' {
		return json.Unmarshal(b, (*[]string)(t))
	}
	var s string
	if err := json.Unmarshal(b, &s); err != nil {
		return err
	}
	*t = typeSet{s}
	return nil
}

func (t typeSet) has(name string) bool { return slices.Contains(t, name) }

// specData is the decoded schemas_gen.json.
type specData struct {
	Schemas    map[string]*schema    `json:"schemas"`
	Operations map[string]*opSchemas `json:"operations"`
}

// opSchemas are the schemas of one operation.
type opSchemas struct {
	Request   *schema            `json:"request"`
	Multipart *schema            `json:"multipart"`
	Query     map[string]*schema `json:"query"`
	// QueryRequired names the query parameters a request must carry.
	QueryRequired []string           `json:"queryRequired"`
	Responses     map[string]*schema `json:"responses"`
}

// spec returns the emulator's schema data, decoded on first use.
var spec = sync.OnceValue(func() *specData {
	dec := json.NewDecoder(strings.NewReader(string(schemaJSON)))
	dec.UseNumber()
	var d specData
	if err := dec.Decode(&d); err != nil {
		panic("discordtest: schemas_gen.json: " + err.Error())
	}
	var prepare func(s *schema)
	prepare = func(s *schema) {
		if s == nil {
			return
		}
		if len(s.Const) > 0 {
			s.hasConst = true
			s.constVal = decodeJSON(s.Const)
		}
		if len(s.Additional) > 0 && s.Additional[0] == '{' {
			s.additional = new(schema)
			if err := json.Unmarshal(s.Additional, s.additional); err != nil {
				panic("discordtest: schemas_gen.json: " + err.Error())
			}
			prepare(s.additional)
		}
		if s.Pattern != "" {
			s.pattern = regexp.MustCompile(s.Pattern)
		}
		for i := range s.Enum {
			s.Enum[i] = normalize(s.Enum[i])
		}
		for _, list := range [][]*schema{s.OneOf, s.AnyOf, s.AllOf} {
			for _, x := range list {
				prepare(x)
			}
		}
		prepare(s.Items)
		for _, p := range s.Properties {
			prepare(p)
		}
	}
	for _, s := range d.Schemas {
		prepare(s)
	}
	for _, op := range d.Operations {
		prepare(op.Request)
		prepare(op.Multipart)
		for _, q := range op.Query {
			prepare(q)
		}
		for _, r := range op.Responses {
			prepare(r)
		}
	}
	return &d
})

// decodeJSON decodes JSON keeping numbers exact.
func decodeJSON(b []byte) any {
	dec := json.NewDecoder(strings.NewReader(string(b)))
	dec.UseNumber()
	var v any
	if dec.Decode(&v) != nil {
		return nil
	}
	return v
}

// normalize turns a number into its canonical text so values compare equal.
func normalize(v any) any {
	if n, ok := v.(json.Number); ok {
		if f, err := n.Float64(); err == nil {
			return json.Number(strconv.FormatFloat(f, 'f', -1, 64))
		}
	}
	return v
}

// resolve follows references that stand alone.
func (d *specData) resolve(s *schema) *schema {
	for s != nil && s.refOnly() {
		s = d.Schemas[s.Ref]
	}
	return s
}

// refOnly reports whether s is a bare $ref, with no keywords beside it.
func (s *schema) refOnly() bool {
	return s.Ref != "" && s.Type == nil && s.Properties == nil && s.AllOf == nil && s.OneOf == nil &&
		s.AnyOf == nil && s.Enum == nil && !s.hasConst && s.Items == nil && s.MinLength == nil &&
		s.MaxLength == nil && s.MinItems == nil && s.MaxItems == nil && s.Minimum == nil && s.Maximum == nil
}

// fieldError is one violation of a request schema at a field path.
type fieldError struct {
	path    []string
	code    string
	message string
}

// checker validates JSON values (decoded with UseNumber) against schemas.
type checker struct {
	d *specData
	// lenient accepts strings for numbers and booleans, as Discord does for
	// query parameters and form fields.
	lenient bool
	// partial skips required properties; conform uses it to pick a variant.
	partial bool
	depth   int
}

func (c *checker) validate(s *schema, v any, path []string) []fieldError {
	if s == nil || c.depth > 64 {
		return nil
	}
	c.depth++
	defer func() { c.depth-- }()
	var errs []fieldError
	if s.Ref != "" {
		errs = append(errs, c.validate(c.d.Schemas[s.Ref], v, path)...)
		if s.refOnly() {
			return errs
		}
	}
	if v == nil {
		if c.nullable(s) {
			return errs
		}
		return append(errs, fieldError{path, "BASE_TYPE_REQUIRED", "This field is required"})
	}
	// A wrong type or a value outside the schema's own enum is the one
	// error to report; the members of allOf and unions come after.
	if len(s.Type) > 0 {
		if e, ok := c.checkType(s, v, path); !ok {
			return append(errs, e)
		}
	}
	if len(s.Enum) > 0 && !slices.Contains(s.Enum, normalize(c.coerceScalar(s, v))) {
		return append(errs, choicesError(path, s.Enum))
	}
	if s.hasConst && !equalJSON(s.constVal, normalize(c.coerceScalar(s, v))) {
		return append(errs, choicesError(path, []any{s.constVal}))
	}
	for _, sub := range s.AllOf {
		errs = append(errs, c.validate(sub, v, path)...)
	}
	for _, union := range [][]*schema{s.OneOf, s.AnyOf} {
		if len(union) > 0 {
			errs = append(errs, c.union(union, v, path)...)
		}
	}
	switch v := v.(type) {
	case string:
		n := utf8.RuneCountInString(v)
		if e, bad := lengthError(path, n, s.MinLength, s.MaxLength); bad && s.ContentEncoding == "" {
			errs = append(errs, e)
		}
		if s.pattern != nil && !s.pattern.MatchString(v) {
			if s.Format == "snowflake" {
				errs = append(errs, fieldError{path, "NUMBER_TYPE_COERCE", fmt.Sprintf("Value %q is not snowflake.", v)})
			} else {
				errs = append(errs, fieldError{path, "STRING_TYPE_REGEX", fmt.Sprintf("String value did not match validation regex %q.", s.Pattern)})
			}
		}
		if !s.Type.has("string") && (s.Type.has("integer") || s.Type.has("number")) {
			if f, err := strconv.ParseFloat(v, 64); err == nil {
				errs = append(errs, boundsError(s, f, path)...)
			}
		}
	case json.Number:
		if f, err := v.Float64(); err == nil {
			errs = append(errs, boundsError(s, f, path)...)
		}
	case []any:
		if e, bad := lengthError(path, len(v), s.MinItems, s.MaxItems); bad {
			errs = append(errs, e)
		}
		for i, item := range v {
			errs = append(errs, c.validate(s.Items, item, append(slices.Clip(path), strconv.Itoa(i)))...)
		}
	case map[string]any:
		if !c.partial {
			for _, name := range s.Required {
				if x, ok := v[name]; !ok || x == nil && !c.nullable(s.Properties[name]) {
					errs = append(errs, fieldError{append(slices.Clip(path), name), "BASE_TYPE_REQUIRED", "This field is required"})
				}
			}
		}
		if e, bad := lengthError(path, len(v), s.MinProperties, s.MaxProperties); bad {
			errs = append(errs, e)
		}
		for _, name := range sortedKeys(v) {
			x := v[name]
			p, known := s.Properties[name]
			if !known {
				p = s.additional
			}
			if p == nil || x == nil {
				continue // unknown fields are ignored; null leaves an optional field out
			}
			errs = append(errs, c.validate(p, x, append(slices.Clip(path), name))...)
		}
	}
	return errs
}

// union checks a oneOf or anyOf: the value must match one variant. When none
// matches, the errors are those of the closest variant.
func (c *checker) union(variants []*schema, v any, path []string) []fieldError {
	var consts []any
	for _, x := range variants {
		x = c.d.resolve(x)
		if x == nil || !x.hasConst {
			consts = nil
			break
		}
		consts = append(consts, x.constVal)
	}
	if consts != nil {
		for _, x := range consts {
			if equalJSON(x, normalize(v)) {
				return nil
			}
		}
		return []fieldError{choicesError(path, consts)}
	}
	var best []fieldError
	for _, x := range variants {
		if r := c.d.resolve(x); v != nil && r != nil && len(r.Type) == 1 && r.Type[0] == "null" {
			continue // null is no near miss for a value
		}
		errs := c.validate(x, v, path)
		if len(errs) == 0 {
			return nil
		}
		if best == nil || len(errs) < len(best) {
			best = errs
		}
	}
	return best
}

// nullable reports whether null is a valid value of s.
func (c *checker) nullable(s *schema) bool {
	if s == nil {
		return true
	}
	if len(s.Type) > 0 {
		return s.Type.has("null")
	}
	if variants := append(slices.Clip(s.OneOf), s.AnyOf...); len(variants) > 0 {
		for _, x := range variants {
			if c.nullable(x) {
				return true
			}
		}
		return false
	}
	if s.Ref != "" {
		return c.nullable(c.d.Schemas[s.Ref])
	}
	for _, x := range s.AllOf {
		if !c.nullable(x) {
			return false
		}
	}
	return !s.hasConst && len(s.Enum) == 0
}

// coerceScalar turns a numeric string into the number an enum lists, as
// Discord coerces it.
func (c *checker) coerceScalar(s *schema, v any) any {
	if str, ok := v.(string); ok && !s.Type.has("string") && (s.Type.has("integer") || s.Type.has("number")) {
		if _, err := strconv.ParseFloat(str, 64); err == nil {
			return json.Number(str)
		}
	}
	return v
}

// checkType checks the JSON type of v against s.Type.
func (c *checker) checkType(s *schema, v any, path []string) (fieldError, bool) {
	switch v := v.(type) {
	case map[string]any:
		if s.Type.has("object") {
			return fieldError{}, true
		}
	case []any:
		if s.Type.has("array") {
			return fieldError{}, true
		}
	case bool:
		if s.Type.has("boolean") {
			return fieldError{}, true
		}
	case json.Number:
		if s.Type.has("number") {
			return fieldError{}, true
		}
		if s.Type.has("integer") && isInteger(string(v)) {
			return fieldError{}, true
		}
		if s.Type.has("string") && s.Format == "snowflake" && isInteger(string(v)) {
			return fieldError{}, true // Discord takes snowflakes as numbers too
		}
	case string:
		if s.Type.has("string") {
			return fieldError{}, true
		}
		// Discord coerces numeric strings to numbers; query and form values
		// are strings of every type.
		if s.Type.has("integer") && isInteger(v) || s.Type.has("number") && isFloat(v) {
			return fieldError{}, true
		}
		if c.lenient {
			if s.Type.has("boolean") && slices.Contains([]string{"true", "True", "1", "false", "False", "0"}, v) {
				return fieldError{}, true
			}
		}
	}
	return typeError(s, v, path), false
}

func typeError(s *schema, v any, path []string) fieldError {
	shown := fmt.Sprint(v)
	if b, err := json.Marshal(v); err == nil {
		shown = strings.Trim(string(b), `"`)
	}
	switch {
	case s.Type.has("object"):
		return fieldError{path, "MODEL_TYPE_CONVERT", "Expected an object/dictionary."}
	case s.Type.has("array"):
		return fieldError{path, "LIST_TYPE_CONVERT", "Only iterables may be used in a ListType."}
	case s.Format == "snowflake":
		return fieldError{path, "NUMBER_TYPE_COERCE", fmt.Sprintf("Value %q is not snowflake.", shown)}
	case s.Type.has("integer"):
		return fieldError{path, "NUMBER_TYPE_COERCE", fmt.Sprintf("Value %q is not int.", shown)}
	case s.Type.has("number"):
		return fieldError{path, "NUMBER_TYPE_COERCE", fmt.Sprintf("Value %q is not float.", shown)}
	case s.Type.has("boolean"):
		return fieldError{path, "BOOLEAN_TYPE_CONVERT", "Must be either true or false."}
	}
	return fieldError{path, "STRING_TYPE_CONVERT", fmt.Sprintf("Could not interpret %q as string.", shown)}
}

func isInteger(s string) bool {
	if _, err := strconv.ParseInt(s, 10, 64); err == nil {
		return true
	}
	_, err := strconv.ParseUint(s, 10, 64)
	return err == nil
}

func isFloat(s string) bool {
	f, err := strconv.ParseFloat(s, 64)
	return err == nil && !math.IsNaN(f) && !math.IsInf(f, 0)
}

// lengthError reports a length outside [min, max] in Discord's words.
func lengthError(path []string, n int, min, max *int) (fieldError, bool) {
	tooShort := min != nil && n < *min
	tooLong := max != nil && n > *max
	switch {
	case !tooShort && !tooLong:
		return fieldError{}, false
	case min != nil && *min > 0 && max != nil:
		return fieldError{path, "BASE_TYPE_BAD_LENGTH", fmt.Sprintf("Must be between %d and %d in length.", *min, *max)}, true
	case tooLong:
		return fieldError{path, "BASE_TYPE_MAX_LENGTH", fmt.Sprintf("Must be %d or fewer in length.", *max)}, true
	}
	return fieldError{path, "BASE_TYPE_MIN_LENGTH", fmt.Sprintf("Must be %d or more in length.", *min)}, true
}

// boundsError reports a number outside [minimum, maximum].
func boundsError(s *schema, f float64, path []string) []fieldError {
	kind := "int"
	if s.Type.has("number") {
		kind = "float"
	}
	if s.Minimum != nil && f < *s.Minimum {
		return []fieldError{{path, "NUMBER_TYPE_MIN", fmt.Sprintf("%s value should be greater than or equal to %s.", kind, formatNumber(*s.Minimum))}}
	}
	if s.Maximum != nil && f > *s.Maximum {
		return []fieldError{{path, "NUMBER_TYPE_MAX", fmt.Sprintf("%s value should be less than or equal to %s.", kind, formatNumber(*s.Maximum))}}
	}
	return nil
}

func formatNumber(f float64) string { return strconv.FormatFloat(f, 'f', -1, 64) }

// choicesError is Discord's error for a value outside an enum.
func choicesError(path []string, choices []any) fieldError {
	parts := make([]string, len(choices))
	for i, c := range choices {
		if s, ok := c.(string); ok {
			parts[i] = "'" + s + "'"
		} else {
			parts[i] = fmt.Sprint(c)
		}
	}
	return fieldError{path, "BASE_TYPE_CHOICES", fmt.Sprintf("Value must be one of (%s).", strings.Join(parts, ", "))}
}

func equalJSON(a, b any) bool {
	x, _ := json.Marshal(normalize(a))
	y, _ := json.Marshal(normalize(b))
	return string(x) == string(y)
}

// errorTree nests field errors as Discord does: {"content": {"_errors":
// [...]}}, with array indexes as string keys.
func errorTree(errs []fieldError) map[string]any {
	root := map[string]any{}
	for _, e := range errs {
		node := root
		for _, p := range e.path {
			next, ok := node[p].(map[string]any)
			if !ok {
				next = map[string]any{}
				node[p] = next
			}
			node = next
		}
		list, _ := node["_errors"].([]any)
		node["_errors"] = append(list, map[string]any{"code": e.code, "message": e.message})
	}
	return root
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

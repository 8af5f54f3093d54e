package rest_test

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"math/big"
	"reflect"
	"regexp"
	"slices"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/cordage/cordage/discord"
	"github.com/cordage/cordage/internal/specdata"
	"github.com/cordage/cordage/rest"
)

// TestRequestBodiesMatchTheSpec fills the request body of every route that
// takes JSON with a plausible value in every field, sends it through the
// route's resource method to the emulator, and checks the JSON the emulator
// received against the operation's request schema in Discord's OpenAPI spec:
// types, null, required and known properties, arrays, enums and the
// alternatives of oneOf, anyOf and allOf.
func TestRequestBodiesMatchTheSpec(t *testing.T) {
	if testing.Short() {
		t.Skip("sends a request per route")
	}
	spec := loadSpec(t)
	srv, c, _ := setup(t, rest.WithRetries(0))
	ctx := context.Background()
	client := reflect.ValueOf(c).Elem()
	checked, refused, enumMisses := 0, 0, 0
	known := map[string]int{}
	for _, r := range rest.Routes {
		if !r.JSON || r.Request == "" {
			continue
		}
		op := spec.operation(r.Method, r.Path)
		if op == nil {
			t.Errorf("%s: not in the spec", r)
			continue
		}
		method := client.FieldByName(r.Resource).MethodByName(r.Action)
		mt := method.Type()
		args := []reflect.Value{reflect.ValueOf(ctx)}
		for i := 1; i < mt.NumIn(); i++ {
			in := mt.In(i)
			switch {
			case mt.IsVariadic() && i == mt.NumIn()-1:
			case in == reflect.TypeFor[discord.Snowflake]():
				args = append(args, reflect.ValueOf(discord.Snowflake(1000+i)))
			case in.Kind() == reflect.String:
				args = append(args, reflect.ValueOf("x"))
			case in.Kind() == reflect.Pointer && in.Elem().PkgPath() == "github.com/cordage/cordage/discord",
				in.Kind() == reflect.Slice:
				v := reflect.New(in).Elem()
				(&filler{spec: spec}).fill(v, op.requestSchema())
				args = append(args, v)
			default:
				args = append(args, reflect.Zero(in)) // nil query options
			}
		}
		srv.ClearRequests()
		out := method.Call(args)
		err, _ := out[len(out)-1].Interface().(error)
		var ve *discord.ValidationError
		if errors.As(err, &ve) || errors.Is(err, rest.ErrWrongAuth) {
			refused++
			t.Logf("%s.%s: the filled body was refused before sending: %v", r.Resource, r.Action, err)
			continue
		}
		reqs := srv.Requests()
		if len(reqs) == 0 {
			t.Errorf("%s.%s: nothing reached the emulator (%v)", r.Resource, r.Action, err)
			continue
		}
		body := reqs[len(reqs)-1].Body
		var doc any
		dec := json.NewDecoder(bytes.NewReader(body))
		dec.UseNumber()
		if err := dec.Decode(&doc); err != nil {
			t.Errorf("%s.%s: body %q: %v", r.Resource, r.Action, body, err)
			continue
		}
		v := &validator{spec: spec}
		v.check("body", doc, op.requestSchema())
		checked++
		enumMisses += len(v.enumMisses)
		for _, m := range v.enumMisses {
			t.Logf("%s.%s: %s (the filler does not know the enum's values)", r.Resource, r.Action, m)
		}
		for _, e := range v.errs {
			if reason := knownDeviation(e); reason != "" {
				known[reason]++
				continue
			}
			t.Errorf("%s.%s (%s): %s", r.Resource, r.Action, r.OperationID, e)
		}
	}
	t.Logf("%d bodies checked against the spec; %d refused by Validate before sending; %d enum values the filler guessed wrong (logged, not failed)",
		checked, refused, enumMisses)
	for _, d := range knownDeviations {
		if known[d.reason] == 0 {
			t.Errorf("the known deviation %q no longer shows; remove it", d.reason)
			continue
		}
		t.Logf("%d × known: %s", known[d.reason], d.reason)
	}
	if checked == 0 {
		t.Fatal("no body checked")
	}
}

// knownDeviations are the differences between the bodies cordage sends and
// the spec's request schemas that are known and accepted, each matched by a
// pattern of the error (indices written as []).
var knownDeviations = []struct {
	pattern *regexp.Regexp
	reason  string
}{
	{regexp.MustCompile(`(permissions|\.allow|\.deny): string "1", want integer or null$`),
		"permissions are sent as strings, as Discord's docs say; the spec types them as integers"},
	{regexp.MustCompile(`embeds\[\](\.(image|thumbnail|video): property (proxy_url|content_type|flags)|\.(author|footer): property proxy_icon_url|: property flags) is not in the schema$`),
		"discord.Embed serves requests and responses: its response-only fields are in request bodies' Go type (left empty, they are not sent)"},
	{regexp.MustCompile(`emoji: property (available|managed|require_colons|roles|user) is not in the schema$`),
		"discord.Emoji in a poll's media carries the response-only fields of a guild emoji (left empty, they are not sent)"},
	{regexp.MustCompile(`poll\.answers\[\]: property answer_id is not in the schema$`),
		"discord.PollAnswer serves requests and responses: answer_id is response-only (left 0, it is not sent)"},
	{regexp.MustCompile(`options\[\](\.choices\[\])?: property (name|description)_localized is not in the schema$`),
		"discord.ApplicationCommandOption serves requests and responses: name_localized and description_localized are response-only (left empty, they are not sent)"},
	{regexp.MustCompile(`members\[\]: property additional_name is not in the schema$`),
		"a lobby member's additional_name is not in the spec's LobbyMemberRequest"},
}

func knownDeviation(msg string) string {
	msg = regexp.MustCompile(`\[\d+\]`).ReplaceAllString(msg, "[]")
	for _, d := range knownDeviations {
		if d.pattern.MatchString(msg) {
			return d.reason
		}
	}
	return ""
}

// filler fills a Go value with plausible values, guided by the schema the
// value is sent as: a field is filled when the schema has its property (or
// when no schema knows it, so that an unknown field shows), enums get their
// first value, numbers their minimum, strings their minimum length, and of a
// oneOf the first alternative of the value's JSON type is followed, so a Go
// struct that carries a union fills only the fields of one of its members.
type filler struct {
	spec *spec
	path []reflect.Type // struct types being filled, against recursion
}

func (f *filler) fill(v reflect.Value, s *jsonSchema) {
	s, union := f.pick(v.Type(), s)
	t := v.Type()
	switch {
	case t == reflect.TypeFor[time.Time]():
		v.Set(reflect.ValueOf(time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)))
		return
	case t == reflect.TypeFor[discord.Snowflake]():
		v.SetUint(123456789012345678)
		return
	case t == reflect.TypeFor[json.RawMessage]():
		b, _ := json.Marshal(f.sample(s))
		v.SetBytes(b)
		return
	case t.Kind() == reflect.Struct && strings.HasPrefix(t.Name(), "Optional["):
		// Set it through its JSON: the value of its type parameter,
		// filled, then decoded into the Optional.
		get, _ := t.MethodByName("Get")
		inner := reflect.New(get.Type.Out(0)).Elem()
		f.fill(inner, s)
		if b, err := json.Marshal(inner.Interface()); err == nil {
			_ = json.Unmarshal(b, v.Addr().Interface())
		}
		return
	}
	if e := enumValue(f.spec, s); e != nil {
		switch t.Kind() {
		case reflect.String:
			if str, ok := e.(string); ok {
				v.SetString(str)
				return
			}
		case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
			if n, ok := e.(json.Number); ok {
				if i, err := n.Int64(); err == nil {
					v.SetInt(i)
					return
				}
			}
		}
	}
	switch t.Kind() {
	case reflect.Pointer:
		p := reflect.New(t.Elem())
		f.fill(p.Elem(), s)
		v.Set(p)
	case reflect.Struct:
		if slices.Contains(f.path, t) {
			return
		}
		f.path = append(f.path, t)
		defer func() { f.path = f.path[:len(f.path)-1] }()
		props, all := f.properties(s)
		for n := range union {
			all[n] = true
		}
		for i := range t.NumField() {
			field := t.Field(i)
			name, _, _ := strings.Cut(field.Tag.Get("json"), ",")
			if !field.IsExported() || name == "-" {
				continue
			}
			if name == "" {
				name = field.Name
			}
			prop, ok := props[name]
			if !ok && all[name] {
				continue // a property of another member of the union
			}
			f.fill(v.Field(i), prop)
		}
	case reflect.Slice:
		if t.Elem().Kind() == reflect.Uint8 {
			v.SetBytes([]byte("sample"))
			return
		}
		if t.Elem().Kind() == reflect.Interface {
			return // components and the like have no plausible zero
		}
		n := 1
		if s != nil && s.MinItems > 1 {
			n = s.MinItems
		}
		list := reflect.MakeSlice(t, n, n)
		var items *jsonSchema
		if s != nil {
			items = s.Items
		}
		for i := range n {
			f.fill(list.Index(i), items)
			if i > 0 && list.Index(i).Kind() == reflect.Uint64 {
				list.Index(i).SetUint(list.Index(i-1).Uint() + 1)
			}
		}
		v.Set(list)
	case reflect.Map:
		m := reflect.MakeMap(t)
		k, e := reflect.New(t.Key()).Elem(), reflect.New(t.Elem()).Elem()
		var elem *jsonSchema
		key := "en-US"
		if s != nil {
			if len(s.Required) > 0 {
				key = s.Required[0]
				elem = s.Properties[key]
			} else if sub, ok := s.AddProps.(map[string]any); ok {
				elem = schemaOf(sub)
			}
		}
		if k.Kind() == reflect.String {
			k.SetString(key)
		} else {
			f.fill(k, nil)
		}
		f.fill(e, elem)
		m.SetMapIndex(k, e)
		v.Set(m)
	case reflect.String:
		n := 6
		if s != nil && s.MaxLength != nil && *s.MaxLength < n {
			n = *s.MaxLength
		}
		v.SetString("sample"[:n])
	case reflect.Bool:
		v.SetBool(true)
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		v.SetInt(f.number(s))
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		v.SetUint(uint64(f.number(s)))
	case reflect.Float32, reflect.Float64:
		v.SetFloat(float64(f.number(s)))
	case reflect.Interface:
		if t.NumMethod() == 0 && s != nil {
			v.Set(reflect.ValueOf(f.sample(s)))
		}
		// Other interfaces (components) are left nil.
	}
}

// number is a plausible number for a schema: its minimum, or 1.
func (f *filler) number(s *jsonSchema) int64 {
	if s != nil && s.Minimum != nil {
		if n, err := s.Minimum.Float64(); err == nil && n > 1 {
			return int64(n)
		}
	}
	return 1
}

// pick resolves a schema to the alternative a Go type is filled by: of a
// oneOf or anyOf, one whose JSON type fits the Go type, and of several
// objects the one that has the most of a Go struct's fields. It also returns
// the properties of every alternative, so fields of the other members of a
// union are left out.
func (f *filler) pick(t reflect.Type, s *jsonSchema) (*jsonSchema, map[string]bool) {
	all := map[string]bool{}
	for range 8 {
		s = resolve(f.spec, s)
		if s == nil {
			return nil, all
		}
		alts := slices.Concat(s.OneOf, s.AnyOf)
		if len(alts) == 0 || enumValue(f.spec, s) != nil {
			return s, all
		}
		want := goJSONType(t)
		var next *jsonSchema
		bestScore := -1
		for _, alt := range alts {
			props, _ := f.properties(alt)
			for n := range props {
				all[n] = true
			}
			types := schemaTypes(resolve(f.spec, alt))
			if !(slices.Contains(types, want) || want == "integer" && slices.Contains(types, "number") || len(types) == 0 && want == "object") {
				continue
			}
			if score := overlap(t, props); score > bestScore {
				next, bestScore = alt, score
			}
		}
		if next == nil {
			next = alts[0]
		}
		s = next
	}
	return s, all
}

// overlap counts the JSON fields of a struct type that are among props.
func overlap(t reflect.Type, props map[string]*jsonSchema) int {
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	if t.Kind() != reflect.Struct {
		return 0
	}
	n := 0
	for i := range t.NumField() {
		name, _, _ := strings.Cut(t.Field(i).Tag.Get("json"), ",")
		if _, ok := props[name]; ok {
			n++
		}
	}
	return n
}

// properties returns the properties of an object schema (with its allOf),
// and the names of the properties of every alternative of its union.
func (f *filler) properties(s *jsonSchema) (map[string]*jsonSchema, map[string]bool) {
	props, all := map[string]*jsonSchema{}, map[string]bool{}
	if s == nil {
		return props, all
	}
	var add func(s *jsonSchema, into map[string]*jsonSchema)
	add = func(s *jsonSchema, into map[string]*jsonSchema) {
		s = resolve(f.spec, s)
		if s == nil {
			return
		}
		for n, p := range s.Properties {
			into[n] = p
		}
		for _, sub := range s.AllOf {
			add(sub, into)
		}
	}
	add(s, props)
	for n := range props {
		all[n] = true
	}
	return props, all
}

// sample is a JSON value of a schema, for a json.RawMessage field.
func (f *filler) sample(s *jsonSchema) any {
	s = resolve(f.spec, s)
	if s == nil {
		return map[string]any{}
	}
	if e := enumValue(f.spec, s); e != nil {
		return e
	}
	if alts := slices.Concat(s.OneOf, s.AnyOf); len(alts) > 0 {
		for _, alt := range alts {
			if !slices.Contains(schemaTypes(resolve(f.spec, alt)), "null") {
				return f.sample(alt)
			}
		}
	}
	types := schemaTypes(s)
	switch {
	case slices.Contains(types, "array"):
		return []any{f.sample(s.Items)}
	case slices.Contains(types, "string"):
		if s.Format == "snowflake" {
			return "123456789012345678"
		}
		return "sample"
	case slices.Contains(types, "integer"), slices.Contains(types, "number"):
		return f.number(s)
	case slices.Contains(types, "boolean"):
		return true
	}
	obj := map[string]any{}
	for _, name := range s.Required {
		obj[name] = f.sample(s.Properties[name])
	}
	return obj
}

// goJSONType is the JSON type a Go type encodes as.
func goJSONType(t reflect.Type) string {
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	switch {
	case t == reflect.TypeFor[discord.Snowflake](), t == reflect.TypeFor[time.Time]():
		return "string"
	case strings.HasPrefix(t.Name(), "Optional["):
		get, _ := t.MethodByName("Get")
		return goJSONType(get.Type.Out(0))
	}
	switch t.Kind() {
	case reflect.String:
		return "string"
	case reflect.Bool:
		return "boolean"
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		return "integer"
	case reflect.Float32, reflect.Float64:
		return "number"
	case reflect.Slice, reflect.Array:
		return "array"
	}
	return "object"
}

// enumValue is the first value of an enum schema: enum, const, or a oneOf
// of consts.
func enumValue(sp *spec, s *jsonSchema) any {
	s = resolve(sp, s)
	switch {
	case s == nil:
		return nil
	case len(s.Enum) > 0:
		return s.Enum[0]
	case s.Const != nil:
		return s.Const
	}
	alts := slices.Concat(s.OneOf, s.AnyOf, s.AllOf)
	for _, alt := range alts {
		if e := enumValue(sp, alt); e != nil {
			return e
		}
	}
	return nil
}

func resolve(sp *spec, s *jsonSchema) *jsonSchema {
	for s != nil && s.Ref != "" {
		s = sp.Components.Schemas[strings.TrimPrefix(s.Ref, "#/components/schemas/")]
	}
	return s
}

func schemaOf(m map[string]any) *jsonSchema {
	b, _ := json.Marshal(m)
	var s jsonSchema
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.UseNumber()
	if dec.Decode(&s) != nil {
		return nil
	}
	return &s
}

// spec is the part of openapi.json the test reads.
type spec struct {
	Paths      map[string]map[string]json.RawMessage `json:"paths"`
	Components struct {
		Schemas map[string]*jsonSchema `json:"schemas"`
	} `json:"components"`
}

type operation struct {
	RequestBody struct {
		Content map[string]struct {
			Schema *jsonSchema `json:"schema"`
		} `json:"content"`
	} `json:"requestBody"`
}

func (o *operation) requestSchema() *jsonSchema {
	return o.RequestBody.Content["application/json"].Schema
}

type jsonSchema struct {
	Ref        string                 `json:"$ref"`
	Type       any                    `json:"type"` // a string or a list
	Enum       []any                  `json:"enum"`
	Const      any                    `json:"const"`
	Properties map[string]*jsonSchema `json:"properties"`
	Required   []string               `json:"required"`
	AddProps   any                    `json:"additionalProperties"`
	Items      *jsonSchema            `json:"items"`
	MinItems   int                    `json:"minItems"`
	Minimum    *json.Number           `json:"minimum"`
	MaxLength  *int                   `json:"maxLength"`
	Format     string                 `json:"format"`
	OneOf      []*jsonSchema          `json:"oneOf"`
	AnyOf      []*jsonSchema          `json:"anyOf"`
	AllOf      []*jsonSchema          `json:"allOf"`
}

func loadSpec(t *testing.T) *spec {
	var s spec
	dec := json.NewDecoder(bytes.NewReader(specdata.ReadFile(t, "discord-spec", "openapi.json")))
	dec.UseNumber()
	if err := dec.Decode(&s); err != nil {
		t.Fatal(err)
	}
	return &s
}

func (s *spec) operation(method, path string) *operation {
	raw, ok := s.Paths[path][strings.ToLower(method)]
	if !ok {
		return nil
	}
	var op operation
	if err := json.Unmarshal(raw, &op); err != nil {
		return nil
	}
	return &op
}

// validator checks a JSON value against a schema, collecting every error.
type validator struct {
	spec       *spec
	errs       []string
	enumMisses []string
}

func (v *validator) resolve(s *jsonSchema) *jsonSchema { return resolve(v.spec, s) }

func (v *validator) check(path string, val any, s *jsonSchema) {
	s = v.resolve(s)
	if s == nil {
		return
	}
	for _, sub := range s.AllOf {
		v.check(path, val, sub)
	}
	if alts := slices.Concat(s.OneOf, s.AnyOf); len(alts) > 0 {
		v.alternatives(path, val, alts)
	}
	if types := schemaTypes(s); len(types) > 0 && !slices.Contains(types, jsonType(val)) &&
		!(jsonType(val) == "integer" && slices.Contains(types, "number")) {
		v.errs = append(v.errs, fmt.Sprintf("%s: %s %s, want %s", path, jsonType(val), short(val), strings.Join(types, " or ")))
		return
	}
	if s.Const != nil && !sameJSON(val, s.Const) {
		v.enumMisses = append(v.enumMisses, fmt.Sprintf("%s: %s, want the constant %v", path, short(val), s.Const))
	}
	if len(s.Enum) > 0 && val != nil && !slices.ContainsFunc(s.Enum, func(e any) bool { return sameJSON(val, e) }) {
		v.enumMisses = append(v.enumMisses, fmt.Sprintf("%s: %s, want one of %v", path, short(val), s.Enum))
	}
	switch val := val.(type) {
	case map[string]any:
		for _, name := range s.Required {
			if _, ok := val[name]; !ok {
				v.errs = append(v.errs, fmt.Sprintf("%s: the required property %s is missing", path, name))
			}
		}
		names := make([]string, 0, len(val))
		for name := range val {
			names = append(names, name)
		}
		sort.Strings(names)
		for _, name := range names {
			prop, ok := s.Properties[name]
			switch {
			case ok:
				v.check(path+"."+name, val[name], prop)
			case s.AddProps != nil && s.AddProps != false:
				if sub, ok := s.AddProps.(map[string]any); ok {
					v.check(path+"."+name, val[name], schemaOf(sub))
				}
			case len(s.Properties) > 0 || s.AddProps == false:
				v.errs = append(v.errs, fmt.Sprintf("%s: property %s is not in the schema", path, name))
			}
		}
	case []any:
		if s.Items != nil {
			for i, e := range val {
				v.check(fmt.Sprintf("%s[%d]", path, i), e, s.Items)
			}
		}
	}
}

// alternatives checks a oneOf or anyOf: val must match at least one. When
// none matches, the errors of the closest are reported: an alternative of the
// value's JSON type before one of another type, then the fewest errors.
func (v *validator) alternatives(path string, val any, alts []*jsonSchema) {
	var best *validator
	bestFits := false
	for _, alt := range alts {
		try := &validator{spec: v.spec}
		try.check(path, val, alt)
		if len(try.errs) == 0 && len(try.enumMisses) == 0 {
			return
		}
		types := schemaTypes(v.resolve(alt))
		fits := len(types) == 0 || slices.Contains(types, jsonType(val))
		better := best == nil ||
			len(try.errs) == 0 && (len(best.errs) > 0 || len(try.enumMisses) < len(best.enumMisses)) ||
			len(best.errs) > 0 && (fits && !bestFits || fits == bestFits && len(try.errs) < len(best.errs))
		if better {
			best, bestFits = try, fits
		}
	}
	if best == nil {
		return
	}
	if len(best.errs) > 0 {
		v.errs = append(v.errs, best.errs...)
		return
	}
	v.enumMisses = append(v.enumMisses, best.enumMisses...)
}

func schemaTypes(s *jsonSchema) []string {
	switch t := s.Type.(type) {
	case string:
		return []string{t}
	case []any:
		var out []string
		for _, e := range t {
			out = append(out, fmt.Sprint(e))
		}
		return out
	}
	return nil
}

func jsonType(val any) string {
	switch val := val.(type) {
	case nil:
		return "null"
	case bool:
		return "boolean"
	case string:
		return "string"
	case json.Number:
		if _, ok := new(big.Int).SetString(val.String(), 10); ok {
			return "integer"
		}
		return "number"
	case []any:
		return "array"
	case map[string]any:
		return "object"
	}
	return fmt.Sprintf("%T", val)
}

func sameJSON(a, b any) bool { return fmt.Sprint(a) == fmt.Sprint(b) }

func short(val any) string {
	b, _ := json.Marshal(val)
	if len(b) > 60 {
		return string(b[:60]) + "…"
	}
	return string(b)
}

package main

import (
	"encoding/json"
	"fmt"
	"maps"
	"os"
	"sort"
	"strconv"
	"strings"
)

// queryParam is a query parameter of an operation as a field of the route's
// options struct.
type queryParam struct {
	Name     string // as Discord spells it, like "with_counts"
	Field    string // the Go field, like "WithCounts"
	Type     string // the Go type, like "discord.Snowflake"
	Kind     string // how it is encoded: see encodeQuery
	Required bool
	Min, Max *float64 // bounds of an integer
	MaxLen   *int     // of a string
	MaxItems *int     // of a list
	Enum     []string // allowed values, for a doc comment
}

// queryKinds: how a field is encoded and which zero value is left out.
const (
	kindSnowflake = "snowflake" // left out when 0
	kindInt       = "int"       // left out when 0
	kindBool      = "bool"      // left out when false
	kindOptBool   = "optbool"   // discord.Optional[bool]: left out unless set
	kindString    = "string"    // left out when ""
	kindTime      = "time"      // RFC 3339, left out when zero
	kindList      = "list"      // repeated key
	kindCommaList = "commalist" // one comma-separated value
)

// queryTypes names the Go types of the spec's enum schemas used as query
// parameters; an enum not listed here is its underlying int or string.
var queryTypes = map[string]string{
	"ReactionTypes":       "discord.ReactionType",
	"AuditLogActionTypes": "discord.AuditLogEvent",
}

// queryOverrides corrects the spec's type of a query parameter
// (operationId.name → kind).
var queryOverrides = map[string]string{
	// The spec types it as an integer; it is the user ID to page after.
	"list_guild_members.after": kindSnowflake,
}

// optionalBools are the boolean query parameters whose false differs from
// leaving them out: Discord's default is true, or absent means "either".
// They are discord.Optional[bool]; every other boolean is a plain bool whose
// false is Discord's default and is left out.
var optionalBools = map[string]bool{
	"get_entitlements.exclude_deleted":                           true,
	"get_current_user_application_entitlements.exclude_consumed": true,
	"thread_search.archived":                                     true,
	"guild_search.pinned":                                        true,
	"guild_search.mention_everyone":                              true,
	"guild_search.include_nsfw":                                  true,
}

// queryKeys are the keys of the tables of query parameters.
func queryKeys() map[string]bool {
	keys := maps.Clone(optionalBools)
	for k := range queryOverrides {
		keys[k] = true
	}
	return keys
}

type schema struct {
	Ref       string    `json:"$ref"`
	Type      any       `json:"type"`
	Format    string    `json:"format"`
	Minimum   *float64  `json:"minimum"`
	Maximum   *float64  `json:"maximum"`
	MaxLength *int      `json:"maxLength"`
	MinLength *int      `json:"minLength"`
	MaxItems  *int      `json:"maxItems"`
	Items     *schema   `json:"items"`
	OneOf     []*schema `json:"oneOf"`
	AllOf     []*schema `json:"allOf"`
	Const     any       `json:"const"`
}

// specQueries reads the query parameters of each operation of openapi.json.
func specQueries(path string) (map[string][]queryParam, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var doc struct {
		Paths      map[string]map[string]json.RawMessage `json:"paths"`
		Components struct {
			Schemas map[string]*schema `json:"schemas"`
		} `json:"components"`
	}
	if err := json.Unmarshal(b, &doc); err != nil {
		return nil, fmt.Errorf("openapi.json: %w", err)
	}
	type param struct {
		Name     string  `json:"name"`
		In       string  `json:"in"`
		Required bool    `json:"required"`
		Schema   *schema `json:"schema"`
	}
	out := map[string][]queryParam{}
	for _, ops := range doc.Paths {
		var common []param
		if raw, ok := ops["parameters"]; ok {
			if err := json.Unmarshal(raw, &common); err != nil {
				return nil, err
			}
		}
		for method, raw := range ops {
			if method == "parameters" {
				continue
			}
			var op struct {
				OperationID string  `json:"operationId"`
				Parameters  []param `json:"parameters"`
			}
			if err := json.Unmarshal(raw, &op); err != nil {
				return nil, err
			}
			for _, p := range append(op.Parameters, common...) {
				if p.In != "query" {
					continue
				}
				q, err := newQueryParam(op.OperationID, p.Name, p.Required, p.Schema, doc.Components.Schemas)
				if err != nil {
					return nil, fmt.Errorf("%s: query %s: %w", op.OperationID, p.Name, err)
				}
				out[op.OperationID] = append(out[op.OperationID], q)
			}
		}
	}
	return out, nil
}

func refName(ref string) string { return strings.TrimPrefix(ref, "#/components/schemas/") }

func typeName(s *schema) string {
	if t, ok := s.Type.(string); ok {
		return t
	}
	return ""
}

// enumOf reports the base type and values of an enum schema made of consts.
func enumOf(s *schema) (string, []string) {
	var values []string
	for _, m := range s.OneOf {
		if m.Const == nil {
			return "", nil
		}
		values = append(values, fmt.Sprint(m.Const))
	}
	return typeName(s), values
}

func newQueryParam(id, name string, required bool, s *schema, comps map[string]*schema) (queryParam, error) {
	q := queryParam{Name: name, Field: queryField(name), Required: required,
		Min: s.Minimum, Max: s.Maximum, MaxLen: s.MaxLength, MaxItems: s.MaxItems}
	// scalar gives the Go type and kind of a non-list schema.
	scalar := func(s *schema) (string, string, []string, error) {
		if s.Ref != "" {
			n := refName(s.Ref)
			if n == "SnowflakeType" {
				return "discord.Snowflake", kindSnowflake, nil, nil
			}
			c, ok := comps[n]
			if !ok {
				return "", "", nil, fmt.Errorf("unknown schema %s", n)
			}
			base, values := enumOf(c)
			if values == nil {
				return "", "", nil, fmt.Errorf("schema %s is not an enum", n)
			}
			goType := queryTypes[n]
			switch {
			case base == "integer" && goType == "":
				return "int", kindInt, values, nil
			case base == "integer":
				return goType, kindInt, values, nil
			case goType == "":
				return "string", kindString, values, nil
			default:
				return goType, kindString, values, nil
			}
		}
		if len(s.AllOf) == 1 && s.AllOf[0].Ref != "" {
			return scalarRef(s.AllOf[0], comps)
		}
		switch typeName(s) {
		case "boolean":
			return "bool", kindBool, nil, nil
		case "integer":
			return "int", kindInt, nil, nil
		case "string":
			if s.Format == "date-time" {
				return "time.Time", kindTime, nil, nil
			}
			return "string", kindString, nil, nil
		}
		return "", "", nil, fmt.Errorf("unsupported schema %+v", s)
	}
	var err error
	switch {
	case typeName(s) == "array":
		var elem string
		elem, _, q.Enum, err = scalar(s.Items)
		q.Type, q.Kind = "[]"+elem, kindList
	case len(s.OneOf) == 2 && typeName(s.OneOf[0]) == "string" && typeName(s.OneOf[1]) == "array":
		// A list written as one comma-separated value.
		items := s.OneOf[1].Items
		for _, alt := range items.OneOf {
			if alt.Ref != "" {
				items = alt
			}
		}
		var elem string
		elem, _, q.Enum, err = scalar(items)
		q.Type, q.Kind, q.MaxItems = "[]"+elem, kindCommaList, s.OneOf[1].MaxItems
	default:
		q.Type, q.Kind, q.Enum, err = scalar(s)
	}
	if err != nil {
		return q, err
	}
	if k, ok := queryOverrides[id+"."+name]; ok {
		q.Kind = k
		q.Type = map[string]string{kindSnowflake: "discord.Snowflake"}[k]
		q.Min, q.Max = nil, nil
	}
	if q.Kind == kindBool && optionalBools[id+"."+name] {
		q.Type, q.Kind = "discord.Optional[bool]", kindOptBool
	}
	return q, nil
}

func scalarRef(s *schema, comps map[string]*schema) (string, string, []string, error) {
	n := refName(s.Ref)
	c, ok := comps[n]
	if !ok {
		return "", "", nil, fmt.Errorf("unknown schema %s", n)
	}
	base, values := enumOf(c)
	if base == "integer" {
		return "int", kindInt, values, nil
	}
	return "string", kindString, values, nil
}

// queryField is the Go name of a query parameter: sku_ids is SKUIDs.
func queryField(name string) string {
	var b strings.Builder
	for _, w := range strings.Split(name, "_") {
		switch {
		case w == "ids":
			b.WriteString("IDs")
		case w == "nsfw":
			b.WriteString("NSFW")
		case initialisms[w] != "":
			b.WriteString(initialisms[w])
		case w != "":
			b.WriteString(strings.ToUpper(w[:1]) + w[1:])
		}
	}
	return b.String()
}

// queryMeanings says what the common query parameters ask Discord for.
var queryMeanings = map[string]string{
	"before":             "asks for the items before this one",
	"after":              "asks for the items after this one",
	"around":             "asks for the items around this one",
	"limit":              "is how many items to return at most",
	"with_counts":        "adds the approximate member and presence counts",
	"with_member":        "adds each user's guild member",
	"with_user_count":    "adds the number of interested users",
	"with_localizations": "adds every localization of names and descriptions",
	"with_components":    "allows components in a message of a webhook not owned by an application",
	"with_response":      "returns the interaction callback's resource",
	"wait":               "waits for the message and returns it; without it Discord answers 204",
	"thread_id":          "acts in this thread of the webhook's channel",
}

func (q queryParam) doc() string {
	s := fmt.Sprintf("%s, sent as %s,", q.Field, q.Name)
	if m, ok := queryMeanings[q.Name]; ok {
		s += " " + m
	} else {
		s = fmt.Sprintf("%s is sent as %s", q.Field, q.Name)
	}
	var notes []string
	if q.Required {
		notes = append(notes, "required")
	}
	if q.Min != nil && q.Max != nil {
		notes = append(notes, fmt.Sprintf("%v to %v", *q.Min, *q.Max))
	} else if q.Min != nil && *q.Min > 0 {
		notes = append(notes, fmt.Sprintf("at least %v", *q.Min))
	}
	if q.MaxLen != nil {
		notes = append(notes, fmt.Sprintf("at most %d characters", *q.MaxLen))
	}
	if q.MaxItems != nil {
		notes = append(notes, fmt.Sprintf("at most %d values", *q.MaxItems))
	}
	if len(notes) > 0 {
		s += " (" + strings.Join(notes, ", ") + ")"
	}
	s += "."
	if len(q.Enum) > 0 && !strings.Contains(q.Type, "discord.") {
		s += " Discord accepts " + strings.Join(q.Enum, ", ") + "."
	}
	switch q.Kind {
	case kindList:
		s += " Each value is sent as its own " + q.Name + "."
	case kindCommaList:
		s += " The values are sent comma-separated."
	case kindOptBool:
		s += " Left unset, Discord's default applies; false is sent as false."
	case kindTime:
		s += " It is sent in RFC 3339."
	}
	return s
}

// writeQueryOptions writes the options struct of a route with query
// parameters and its encoder.
func writeQueryOptions(b *strings.Builder, r *route) {
	name := r.GoName + "Options"
	wrap(b, fmt.Sprintf("%s are the query parameters of Route%s (%s %s), for %s.%s. A nil *%s sends none. Zero values are left out of the query, so Discord's default applies to them.",
		name, r.GoName, r.Method, r.Path, r.Resource, r.Action, name))
	fmt.Fprintf(b, "type %s struct {\n", name)
	for _, q := range r.QueryParams {
		wrap(b, q.doc())
		fmt.Fprintf(b, "%s %s\n", q.Field, q.Type)
	}
	b.WriteString("}\n\n")

	fmt.Fprintf(b, "func (o *%s) values() (url.Values, error) {\n", name)
	required := false
	for _, q := range r.QueryParams {
		required = required || q.Required
	}
	if required {
		var names []string
		for _, q := range r.QueryParams {
			if q.Required {
				names = append(names, q.Name)
			}
		}
		fmt.Fprintf(b, "if o == nil {\nreturn nil, fmt.Errorf(\"%%w: %s is required\", ErrInvalidQuery)\n}\n", strings.Join(names, ", "))
	} else {
		b.WriteString("if o == nil {\nreturn nil, nil\n}\n")
	}
	b.WriteString("q := url.Values{}\n")
	for _, q := range r.QueryParams {
		f := "o." + q.Field
		if q.Required {
			fmt.Fprintf(b, "if %s {\nreturn nil, fmt.Errorf(\"%%w: %s is required\", ErrInvalidQuery)\n}\n", zeroTest(q, f), q.Name)
		}
		if q.Kind == kindInt && q.Min != nil && q.Max != nil && q.Type == "int" {
			fmt.Fprintf(b, "if %s != 0 {\nif %s < %v || %s > %v {\nreturn nil, fmt.Errorf(\"%%w: %s is %%d, want %v to %v\", ErrInvalidQuery, %s)\n}\nq.Set(%q, strconv.Itoa(%s))\n}\n",
				f, f, *q.Min, f, *q.Max, q.Name, *q.Min, *q.Max, f, q.Name, f)
			continue
		}
		if q.MaxItems != nil && (q.Kind == kindList || q.Kind == kindCommaList) {
			fmt.Fprintf(b, "if len(%s) > %d {\nreturn nil, fmt.Errorf(\"%%w: %s has %%d values, want at most %d\", ErrInvalidQuery, len(%s))\n}\n",
				f, *q.MaxItems, q.Name, *q.MaxItems, f)
		}
		b.WriteString(encodeQuery(q, f))
	}
	b.WriteString("return q, nil\n}\n\n")
}

// zeroTest is the Go condition that f holds its zero value.
func zeroTest(q queryParam, f string) string {
	switch q.Kind {
	case kindSnowflake, kindInt:
		return f + " == 0"
	case kindString:
		return f + ` == ""`
	case kindBool:
		return "!" + f
	case kindOptBool:
		return "!" + f + ".IsSet()"
	case kindTime:
		return f + ".IsZero()"
	}
	return "len(" + f + ") == 0"
}

// encodeQuery is the Go code that adds f to q unless it is zero.
func encodeQuery(q queryParam, f string) string {
	key := strconv.Quote(q.Name)
	str := func(v, typ string) string {
		switch {
		case typ == "discord.Snowflake":
			return v + ".String()"
		case typ == "int":
			return "strconv.Itoa(" + v + ")"
		case typ == "string":
			return v
		case strings.HasPrefix(typ, "discord.") && q.Kind == kindInt:
			return "strconv.Itoa(int(" + v + "))"
		case strings.HasPrefix(typ, "discord."):
			return "string(" + v + ")"
		}
		return v
	}
	switch q.Kind {
	case kindList:
		elem := strings.TrimPrefix(q.Type, "[]")
		return fmt.Sprintf("for _, v := range %s {\nq.Add(%s, %s)\n}\n", f, key, str("v", elem))
	case kindCommaList:
		elem := strings.TrimPrefix(q.Type, "[]")
		return fmt.Sprintf("if len(%s) > 0 {\nparts := make([]string, len(%s))\nfor i, v := range %s {\nparts[i] = %s\n}\nq.Set(%s, strings.Join(parts, \",\"))\n}\n",
			f, f, f, str("v", elem), key)
	case kindBool:
		return fmt.Sprintf("if %s {\nq.Set(%s, \"true\")\n}\n", f, key)
	case kindOptBool:
		return fmt.Sprintf("if v, ok := %s.Get(); ok {\nq.Set(%s, strconv.FormatBool(v))\n}\n", f, key)
	case kindTime:
		return fmt.Sprintf("if !%s.IsZero() {\nq.Set(%s, %s.Format(time.RFC3339Nano))\n}\n", f, key, f)
	}
	return fmt.Sprintf("if %s {\nq.Set(%s, %s)\n}\n", strings.Replace(zeroTest(q, f), "==", "!=", 1), key, str(f, q.Type))
}

// sortedQueryRoutes returns the routes with query parameters, by Go name.
func sortedQueryRoutes(routes []*route) []*route {
	var out []*route
	for _, r := range routes {
		if len(r.QueryParams) > 0 {
			out = append(out, r)
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].GoName < out[j].GoName })
	return out
}

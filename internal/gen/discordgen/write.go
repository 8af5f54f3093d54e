package main

import (
	"fmt"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
)

// markValidated finds the types that need a validate method: request types
// and every generated type a request body can hold that has a limit to check.
func (g *generator) markValidated() {
	reach := map[string]bool{}
	var visit func(name string)
	visit = func(name string) {
		t := g.types[name]
		if t == nil || reach[name] {
			return
		}
		reach[name] = true
		for _, f := range t.Fields {
			if f.Kind == "struct" {
				visit(f.Type)
			}
			if f.Kind == "slice" && f.ElemKind == "struct" {
				visit(f.Elem)
			}
		}
	}
	for _, t := range g.order {
		if t.Request {
			visit(t.Name)
		}
	}
	// A reachable type needs validate when it checks something itself or
	// holds a type that does; iterate until nothing changes.
	for changed := true; changed; {
		changed = false
		for name := range reach {
			if g.validate[name] {
				continue
			}
			t := g.types[name]
			if t.Request || extraValidation[name] || g.checksOwnFields(t) {
				g.validate[name], changed = true, true
			}
		}
	}
}

// checksOwnFields reports whether validate of t has anything to do.
func (g *generator) checksOwnFields(t *genType) bool {
	var b strings.Builder
	g.writeChecks(&b, t)
	return b.Len() > 0
}

func (g *generator) writeType(b *strings.Builder, t *genType) {
	b.WriteString(comment("", t.Name+" "+t.Doc))
	if len(t.Schemas) > 0 && !strings.HasPrefix(t.Schemas[0], "inline:") {
		b.WriteString("//\n" + comment("", "Spec schemas: "+strings.Join(t.Schemas, ", ")+"."))
	} else if len(t.Schemas) > 0 {
		b.WriteString("//\n// Spec request body of operation " + strings.TrimPrefix(t.Schemas[0], "inline:") + ".\n")
	}
	fmt.Fprintf(b, "type %s struct {\n", t.Name)
	for _, f := range t.Fields {
		doc := fieldDoc(f)
		if doc != "" {
			b.WriteString(comment("\t", f.Go+" "+doc))
		}
		typ := f.Type
		switch {
		case f.Optional:
			typ = "Optional[" + typ + "]"
		case f.Pointer:
			typ = "*" + typ
		}
		tag := f.JSON
		// A zero snowflake is never an ID Discord sends, so in received
		// objects it always means "absent". In requests an ID of 0 can be
		// meant (the first uploaded file), so required ones are encoded.
		if !(f.Required && !f.Nullable && !f.Optional) || f.Type == "Snowflake" && !t.Request {
			tag += ",omitzero"
		}
		fmt.Fprintf(b, "\t%s %s `json:%q`\n", f.Go, typ, tag)
	}
	b.WriteString("}\n\n")
	if g.validate[t.Name] {
		g.writeValidate(b, t)
	}
}

// fieldDoc is the comment of a field: the spec's description and the limits.
func fieldDoc(f *field) string {
	d := f.Doc
	if d != "" && (strings.HasPrefix(d, "is ") || strings.HasPrefix(d, "are ")) {
		return d
	}
	if d != "" {
		d = strings.TrimSuffix(strings.Join(strings.Fields(d), " "), ".")
		first, _, _ := strings.Cut(strings.ToLower(d), " ")
		if verbLike(first) {
			d = strings.ToLower(d[:1]) + d[1:] + "."
		} else {
			d = "is " + strings.ToLower(d[:1]) + d[1:] + "."
		}
		if strings.HasPrefix(strings.ToLower(f.Doc), "whether") || strings.HasPrefix(strings.ToLower(f.Doc), "if ") {
			d = "reports " + strings.ToLower(f.Doc[:1]) + strings.TrimSuffix(f.Doc[1:], ".") + "."
		}
	}
	var lim []string
	l := f.Limits
	if f.Type == "string" || f.Optional && f.Type == "string" {
		switch {
		case l.MinLen != nil && l.MaxLen != nil && *l.MinLen > 0:
			lim = append(lim, fmt.Sprintf("%d to %d characters", *l.MinLen, *l.MaxLen))
		case l.MaxLen != nil && *l.MaxLen < 100000:
			lim = append(lim, fmt.Sprintf("at most %d characters", *l.MaxLen))
		}
	}
	if f.Kind == "slice" || f.Kind == "components" {
		if l.MaxItems != nil && *l.MaxItems < 100000 {
			lim = append(lim, fmt.Sprintf("at most %d items", *l.MaxItems))
		}
	}
	if f.Kind == "number" && isInt(f.Type) && l.Min != nil && l.Max != nil && *l.Max < 1e15 {
		lim = append(lim, fmt.Sprintf("between %s and %s", num(*l.Min), num(*l.Max)))
	}
	if len(lim) > 0 {
		s := strings.Join(lim, ", ")
		if d == "" {
			d = "is " + s + "."
		} else {
			d += " " + strings.ToUpper(s[:1]) + s[1:] + "."
		}
	}
	return d
}

func isInt(t string) bool { return t == "int" || t == "int64" }

func num(f float64) string { return strconv.FormatInt(int64(f), 10) }

// writeValidate emits validate (and Validate for request types) from the
// spec's limits. Limits the spec does not state (the embed total, component
// layout rules) are checked by the hand-written helpers it calls.
func (g *generator) writeValidate(b *strings.Builder, t *genType) {
	if t.Request {
		fmt.Fprintf(b, "// Validate checks the request against Discord's documented limits and\n// reports every violation, each with its field path.\n")
		fmt.Fprintf(b, "func (r *%s) Validate() error {\n\tv := newValidator(%q)\n\tr.validate(v, \"\")\n\treturn v.err()\n}\n\n", t.Name, t.Name)
	}
	var body strings.Builder
	g.writeChecks(&body, t)
	if body.Len() == 0 && !extraValidation[t.Name] {
		fmt.Fprintf(b, "func (r *%s) validate(*validator, string) {}\n\n", t.Name)
		return
	}
	fmt.Fprintf(b, "func (r *%s) validate(v *validator, path string) {\n", t.Name)
	b.WriteString(body.String())
	if extraValidation[t.Name] {
		b.WriteString("\tr.validateMore(v, path)\n")
	}
	b.WriteString("}\n\n")
}

// writeChecks emits the checks of validate for t's own fields.
func (g *generator) writeChecks(body *strings.Builder, t *genType) {
	has := func(json string) *field {
		for _, f := range t.Fields {
			if f.JSON == json {
				return f
			}
		}
		return nil
	}
	for _, f := range t.Fields {
		path := fmt.Sprintf("field(path, %q)", f.JSON)
		get := "r." + f.Go
		var inner strings.Builder
		val := get
		if f.Optional {
			val = "x"
		}
		l := f.Limits
		switch {
		case f.Kind == "components":
			switch {
			case has("title") != nil && has("custom_id") != nil:
				fmt.Fprintf(body, "\tif r.Title != \"\" {\n\t\tvalidateModalComponents(v, %s, r.Components)\n\t} else {\n\t\tvalidateMessageComponents(v, %s, r.Components, %s)\n\t}\n", path, path, g.v2(t))
			case strings.Contains(t.Name, "Modal"):
				fmt.Fprintf(body, "\tvalidateModalComponents(v, %s, r.Components)\n", path)
			default:
				fmt.Fprintf(body, "\tvalidateMessageComponents(v, %s, r.Components, %s)\n", path, g.v2(t))
			}
			continue
		case f.Kind == "slice" && f.Elem == "Embed":
			fmt.Fprintf(body, "\tvalidateEmbeds(v, %s, r.Embeds)\n", path)
			continue
		case f.Type == "string":
			if t.Request && f.Required && !f.Optional {
				fmt.Fprintf(&inner, "\tv.required(%s, %s != \"\")\n", path, val)
			}
			if l.MaxLen != nil || (l.MinLen != nil && *l.MinLen > 0) {
				fmt.Fprintf(&inner, "\tv.length(%s, %s, %d, %d)\n", path, val, intOr(l.MinLen), intOr(l.MaxLen))
			}
		case f.Kind == "number" && isInt(f.Type) && (l.Min != nil || l.Max != nil):
			lo, hi := "math.MinInt64", "math.MaxInt64"
			if l.Min != nil && *l.Min > -1e15 {
				lo = num(*l.Min)
			}
			if l.Max != nil && *l.Max < 1e15 {
				hi = num(*l.Max)
			}
			if lo == "math.MinInt64" && hi == "math.MaxInt64" {
				break
			}
			if lo == "math.MinInt64" {
				lo = "-1 << 53"
			}
			if hi == "math.MaxInt64" {
				hi = "1 << 53"
			}
			cond := ""
			if !f.Optional {
				cond = val + " != 0"
			}
			if cond != "" {
				fmt.Fprintf(&inner, "\tif %s {\n\t\tv.between(%s, int64(%s), %s, %s)\n\t}\n", cond, path, val, lo, hi)
			} else {
				fmt.Fprintf(&inner, "\tv.between(%s, int64(%s), %s, %s)\n", path, val, lo, hi)
			}
		case f.Kind == "slice":
			if l.MaxItems != nil || (l.MinItems != nil && *l.MinItems > 0) {
				fmt.Fprintf(&inner, "\tv.items(%s, len(%s), %d, %d)\n", path, val, intOr(l.MinItems), intOr(l.MaxItems))
			}
			if f.ElemKind == "struct" && g.validate[f.Elem] {
				fmt.Fprintf(&inner, "\tfor i := range %s {\n\t\t%s[i].validate(v, index(path, %q, i))\n\t}\n", val, val, f.JSON)
			}
			if f.Elem == "string" && l.MaxLen != nil {
				fmt.Fprintf(&inner, "\tfor i, s := range %s {\n\t\tv.length(index(path, %q, i), s, %d, %d)\n\t}\n", val, f.JSON, intOr(l.MinLen), intOr(l.MaxLen))
			}
		case f.Kind == "struct" && g.validate[f.Type]:
			switch {
			case f.Optional:
				fmt.Fprintf(&inner, "\t%s.validate(v, %s)\n", val, path)
			case f.Pointer:
				fmt.Fprintf(&inner, "\tif %s != nil {\n\t\t%s.validate(v, %s)\n\t}\n", val, val, path)
			default:
				fmt.Fprintf(&inner, "\t%s.validate(v, %s)\n", val, path)
			}
		}
		if inner.Len() == 0 {
			continue
		}
		if f.Optional {
			fmt.Fprintf(body, "\tif x, ok := %s.Get(); ok {\n%s\t}\n", get, indent(inner.String()))
		} else {
			body.WriteString(inner.String())
		}
	}
}

// extraValidation are types with hand-written rules beyond the spec's
// limits, in a validateMore method.
var extraValidation = map[string]bool{
	"CreateMessageRequest":               true,
	"CreateApplicationCommandRequest":    true,
	"OverwriteApplicationCommandRequest": true,
	"UpdateApplicationCommandRequest":    true,
	"ApplicationCommandOption":           true,
	"ApplicationCommandOptionChoice":     true,
	"CreatePollRequest":                  true,
}

// v2 is the expression telling whether a message request uses components v2.
func (g *generator) v2(t *genType) string {
	for _, f := range t.Fields {
		if f.JSON == "flags" && f.Type == "MessageFlags" {
			if f.Optional {
				return "r.Flags.Or(0).Has(MessageFlagIsComponentsV2)"
			}
			return "r.Flags.Has(MessageFlagIsComponentsV2)"
		}
	}
	return "false"
}

func indent(s string) string {
	lines := strings.Split(strings.TrimSuffix(s, "\n"), "\n")
	for i := range lines {
		lines[i] = "\t" + lines[i]
	}
	return strings.Join(lines, "\n") + "\n"
}

func intOr(p *int) int {
	if p == nil {
		return 0
	}
	return *p
}

// writeSchemaMap emits the test table that maps every spec schema to its Go
// type, which the coverage test reads.
func writeSchemaMap(g *generator, out string) error {
	var b strings.Builder
	b.WriteString("import \"reflect\"\n\n")
	b.WriteString("// specTypes maps each object schema of Discord's OpenAPI spec to the Go type\n// that carries its fields.\nvar specTypes = map[string]reflect.Type{\n")
	var names []string
	for s := range g.goOf {
		if !strings.HasPrefix(s, "inline:") {
			names = append(names, s)
		}
	}
	sort.Strings(names)
	for _, s := range names {
		fmt.Fprintf(&b, "\t%q: reflect.TypeFor[%s](),\n", s, g.goOf[s])
	}
	b.WriteString("}\n")
	return writeFile(filepath.Join(out, "spec_types_gen_test.go"), b.String())
}

// verbLike reports whether a description starts with a verb ("determines
// whether ...") rather than a noun phrase ("the user's id").
func verbLike(w string) bool {
	switch w {
	case "is", "are", "has", "can", "will", "should", "must", "may":
		return true
	case "users", "roles", "ids", "channels", "guilds", "members", "options", "settings", "tags",
		"stickers", "emojis", "permissions", "keys", "flags", "details", "contents", "its", "this", "was", "as":
		return false
	}
	return len(w) > 4 && strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss")
}

//go:build codecgen

// Command codecgen writes the decode functions of package codec: one per
// struct type of package discord that an event reaches
// (internal/codec/discord_gen.go), and one per event type with the table
// events.Decode uses (events/decode_gen.go).
//
// It reads the Go types by reflection, so it applies encoding/json's own rules
// for field names, tags and embedded structs to the types as compiled. It is
// built with the codecgen tag, which leaves the generated files out, so a
// stale generated file never stops it from building:
//
//	go run -tags codecgen ./internal/gen/codecgen
package main

import (
	"bytes"
	"encoding"
	"encoding/json"
	"flag"
	"fmt"
	"go/format"
	"log"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"sort"
	"strings"

	"github.com/cordage/cordage/discord"
	"github.com/cordage/cordage/events"
)

const (
	discordPath = "github.com/cordage/cordage/discord"
	eventsPath  = "github.com/cordage/cordage/events"
)

var (
	unmarshalerType     = reflect.TypeFor[json.Unmarshaler]()
	textUnmarshalerType = reflect.TypeFor[encoding.TextUnmarshaler]()
)

// special maps types with a hand-written decoder in package codec to it.
var special = map[reflect.Type]string{
	reflect.TypeFor[discord.Snowflake]():   "DecodeSnowflake",
	reflect.TypeFor[discord.Permissions](): "DecodePermissions",
	reflect.TypeFor[discord.Color]():       "DecodeColor",
	reflect.TypeFor[discord.Nonce]():       "DecodeNonce",
	reflect.TypeFor[discord.Present]():     "DecodePresent",
	reflect.TypeFor[discord.Components]():  "DecodeComponents",
	reflect.TypeFor[[]discord.Snowflake](): "DecodeSnowflakes",
}

func main() {
	root := flag.String("root", ".", "module root")
	flag.Parse()
	log.SetFlags(0)
	log.SetPrefix("codecgen: ")

	names := events.Names()
	sort.Strings(names)
	g := &gen{queued: map[reflect.Type]bool{}}
	var evs []reflect.Type
	for _, n := range names {
		t := reflect.TypeOf(events.New(n)).Elem()
		evs = append(evs, t)
		g.need(t)
	}
	kinds := componentKinds()
	for _, k := range kinds {
		if ownStruct(k.typ) {
			g.need(k.typ)
		}
	}
	g.componentSwitch(kinds)
	for len(g.queue) > 0 {
		t := g.queue[0]
		g.queue = g.queue[1:]
		g.structFunc(t)
	}

	g.knownSwitch()
	codecFile := g.file("codec", &g.discordOut, []string{"github.com/cordage/cordage/discord"})
	write(filepath.Join(*root, "internal/codec/discord_gen.go"), codecFile)

	var tab bytes.Buffer
	tab.WriteString("// decoders maps each event name to the fast decoder of its type.\n")
	tab.WriteString("var decoders = map[string]func(*codec.Decoder) Event{\n")
	for i, n := range names {
		fmt.Fprintf(&tab, "%q: func(d *codec.Decoder) Event { v := new(%s); decode%s(d, v); return v },\n", n, evs[i].Name(), evs[i].Name())
	}
	tab.WriteString("}\n\n")
	tab.Write(g.eventsOut.Bytes())
	eventsFile := g.file("events", &tab, []string{"github.com/cordage/cordage/discord", "github.com/cordage/cordage/internal/codec"})
	write(filepath.Join(*root, "events/decode_gen.go"), eventsFile)
}

// knownSwitch writes decodeKnown, the entry point of Unmarshal, for every
// struct type of package discord with a decoder, and for slices of them.
func (g *gen) knownSwitch() {
	var types []reflect.Type
	for t := range g.queued {
		if t.PkgPath() == discordPath {
			types = append(types, t)
		}
	}
	sort.Slice(types, func(i, j int) bool { return types[i].Name() < types[j].Name() })
	out := &g.discordOut
	out.WriteString("// decodeKnown decodes into v and reports true when v points to a type of\n// package discord with a generated decoder, or to a slice of one.\n")
	out.WriteString("func decodeKnown(d *Decoder, v any) bool {\nswitch v := v.(type) {\n")
	for _, t := range types {
		fmt.Fprintf(out, "case *%s:\n%s(d, v)\n", g.spell(t, "codec"), funcName(t, "codec"))
		st := reflect.SliceOf(t)
		fmt.Fprintf(out, "case *%s:\n", g.spell(st, "codec"))
		g.value(out, "codec", "(*v)", st)
	}
	out.WriteString("default:\nreturn false\n}\nreturn true\n}\n\n")
}

// componentKind is a component type number and the Go type it decodes to.
type componentKind struct {
	n   int
	typ reflect.Type
}

// componentKinds asks package discord which Go type each component type
// number decodes to.
func componentKinds() []componentKind {
	var out []componentKind
	for n := 1; n < 256; n++ {
		var cs discord.Components
		if err := json.Unmarshal([]byte(fmt.Sprintf(`[{"type":%d}]`, n)), &cs); err != nil {
			log.Fatalf("component type %d: %v", n, err)
		}
		if _, unknown := cs[0].(*discord.UnknownComponent); unknown {
			continue
		}
		out = append(out, componentKind{n, reflect.TypeOf(cs[0]).Elem()})
	}
	return out
}

// componentSwitch writes decodeComponentKind.
func (g *gen) componentSwitch(kinds []componentKind) {
	out := &g.discordOut
	out.WriteString("// decodeComponentKind decodes a component of kind t, or returns nil for a\n// kind package discord does not know.\n")
	out.WriteString("func decodeComponentKind(d *Decoder, t discord.ComponentType) discord.Component {\nswitch t {\n")
	for _, k := range kinds {
		fmt.Fprintf(out, "case %d:\nc := new(%s)\n", k.n, g.spell(k.typ, "codec"))
		g.value(out, "codec", "(*c)", k.typ)
		out.WriteString("return c\n")
	}
	out.WriteString("}\nreturn nil\n}\n\n")
}

func write(path string, src []byte) {
	out, err := format.Source(src)
	if err != nil {
		os.WriteFile(path+".broken", src, 0o644)
		log.Fatalf("%s: %v", path, err)
	}
	if err := os.WriteFile(path, out, 0o644); err != nil {
		log.Fatal(err)
	}
}

type gen struct {
	queue      []reflect.Type
	queued     map[reflect.Type]bool
	discordOut bytes.Buffer
	eventsOut  bytes.Buffer
	imports    map[string]map[string]bool // file package → import paths
	scratches  map[string]map[reflect.Type]string
	tmp        int
}

func (g *gen) file(pkg string, body *bytes.Buffer, base []string) []byte {
	var b bytes.Buffer
	b.WriteString("// Code generated by codecgen; DO NOT EDIT.\n\n//go:build !codecgen\n\n")
	fmt.Fprintf(&b, "package %s\n\nimport (\n", pkg)
	imports := slices.Clone(base)
	for p := range g.imports[pkg] {
		if !slices.Contains(imports, p) {
			imports = append(imports, p)
		}
	}
	sort.Strings(imports)
	for _, p := range imports {
		fmt.Fprintf(&b, "%q\n", p)
	}
	b.WriteString(")\n\n")
	b.Write(g.scratchVars(pkg))
	b.Write(body.Bytes())
	return b.Bytes()
}

func (g *gen) addImport(pkg, path string) {
	if g.imports == nil {
		g.imports = map[string]map[string]bool{}
	}
	if g.imports[pkg] == nil {
		g.imports[pkg] = map[string]bool{}
	}
	g.imports[pkg][path] = true
}

// need queues a named struct type for a decode function of its own.
func (g *gen) need(t reflect.Type) {
	if !g.queued[t] {
		g.queued[t] = true
		g.queue = append(g.queue, t)
	}
}

func isOptional(t reflect.Type) bool {
	return t.PkgPath() == discordPath && strings.HasPrefix(t.Name(), "Optional[")
}

// ownStruct reports whether t gets a decode function of its own.
func ownStruct(t reflect.Type) bool {
	return t.Kind() == reflect.Struct && t.Name() != "" && !isOptional(t) &&
		(t.PkgPath() == discordPath || t.PkgPath() == eventsPath) &&
		!reflect.PointerTo(t).Implements(unmarshalerType) &&
		!reflect.PointerTo(t).Implements(textUnmarshalerType)
}

// funcName returns the name of t's decode function as called from pkg.
func funcName(t reflect.Type, pkg string) string {
	if t.PkgPath() == eventsPath {
		return "decode" + t.Name()
	}
	if pkg == "codec" {
		return "Decode" + t.Name()
	}
	return "codec.Decode" + t.Name()
}

// spell writes t as Go source in package pkg.
func (g *gen) spell(t reflect.Type, pkg string) string {
	if isOptional(t) {
		get, _ := t.MethodByName("Get")
		return "discord.Optional[" + g.spell(get.Type.Out(0), pkg) + "]"
	}
	if t.Name() != "" {
		switch t.PkgPath() {
		case "":
			return t.Name()
		case eventsPath:
			if pkg == "events" {
				return t.Name()
			}
			log.Fatalf("%v used outside package events", t)
		}
		g.addImport(pkg, t.PkgPath())
		return t.String()
	}
	switch t.Kind() {
	case reflect.Pointer:
		return "*" + g.spell(t.Elem(), pkg)
	case reflect.Slice:
		return "[]" + g.spell(t.Elem(), pkg)
	case reflect.Array:
		return fmt.Sprintf("[%d]%s", t.Len(), g.spell(t.Elem(), pkg))
	case reflect.Map:
		return "map[" + g.spell(t.Key(), pkg) + "]" + g.spell(t.Elem(), pkg)
	case reflect.Interface:
		if t.NumMethod() == 0 {
			return "any"
		}
	}
	log.Fatalf("cannot spell %v", t)
	return ""
}

// scratch returns the name of the Scratch for slices of t in package pkg.
func (g *gen) scratch(pkg string, t reflect.Type) string {
	if g.scratches == nil {
		g.scratches = map[string]map[reflect.Type]string{}
	}
	if g.scratches[pkg] == nil {
		g.scratches[pkg] = map[reflect.Type]string{}
	}
	if name, ok := g.scratches[pkg][t]; ok {
		return name
	}
	name := fmt.Sprintf("scratch%d", len(g.scratches[pkg]))
	g.scratches[pkg][t] = name
	return name
}

// scratchVars declares the Scratch variables of package pkg.
func (g *gen) scratchVars(pkg string) []byte {
	var b bytes.Buffer
	names := map[string]reflect.Type{}
	var order []string
	for t, name := range g.scratches[pkg] {
		names[name] = t
		order = append(order, name)
	}
	sort.Slice(order, func(i, j int) bool {
		return len(order[i]) < len(order[j]) || len(order[i]) == len(order[j]) && order[i] < order[j]
	})
	b.WriteString("// Buffers for the elements of arrays, one per element type.\nvar (\n")
	for _, name := range order {
		fmt.Fprintf(&b, "%s %s[%s]\n", name, qual(pkg, "Scratch"), g.spell(names[name], pkg))
	}
	b.WriteString(")\n\n")
	return b.Bytes()
}

func (g *gen) newTmp() string {
	g.tmp++
	return fmt.Sprintf("x%d", g.tmp)
}

// field is a JSON field of a struct: its key and the path of Go fields to it.
type field struct {
	name   string
	index  []int
	typ    reflect.Type
	tagged bool
}

// fields lists t's JSON fields with encoding/json's rules: exported fields and
// the fields promoted from embedded structs, names from tags, and, for a name
// given more than once, the shallowest field, or the one tagged field at that
// depth; otherwise the name is dropped.
func fields(t reflect.Type) []field {
	type level struct {
		typ   reflect.Type
		index []int
	}
	var all []field
	current := []level{{typ: t}}
	visited := map[reflect.Type]bool{}
	for len(current) > 0 {
		var next []level
		var found []field
		for _, l := range current {
			if visited[l.typ] {
				continue
			}
			visited[l.typ] = true
			for i := range l.typ.NumField() {
				sf := l.typ.Field(i)
				if sf.Anonymous {
					ft := sf.Type
					if ft.Kind() == reflect.Pointer {
						ft = ft.Elem()
					}
					if !sf.IsExported() && ft.Kind() != reflect.Struct {
						continue
					}
				} else if !sf.IsExported() {
					continue
				}
				tag := sf.Tag.Get("json")
				if tag == "-" {
					continue
				}
				name, opts, _ := strings.Cut(tag, ",")
				if strings.Contains(","+opts+",", ",string,") {
					log.Fatalf("%v.%s: the string option is not supported", l.typ, sf.Name)
				}
				index := append(slices.Clone(l.index), i)
				ft := sf.Type
				if ft.Name() == "" && ft.Kind() == reflect.Pointer {
					ft = ft.Elem()
				}
				if name != "" || !sf.Anonymous || ft.Kind() != reflect.Struct {
					tagged := name != ""
					if name == "" {
						name = sf.Name
					}
					found = append(found, field{name: name, index: index, typ: sf.Type, tagged: tagged})
					continue
				}
				next = append(next, level{typ: ft, index: index})
			}
		}
		// Names already taken at a shallower depth shadow these.
		byName := map[string][]field{}
		for _, f := range found {
			byName[f.name] = append(byName[f.name], f)
		}
		for name, fs := range byName {
			if slices.ContainsFunc(all, func(f field) bool { return f.name == name }) {
				continue
			}
			if len(fs) == 1 {
				all = append(all, fs[0])
				continue
			}
			var tagged []field
			for _, f := range fs {
				if f.tagged {
					tagged = append(tagged, f)
				}
			}
			if len(tagged) == 1 {
				all = append(all, tagged[0])
			}
			// Otherwise the name is ambiguous and encoding/json drops it; so
			// must we, and no deeper field may take it either.
			if len(tagged) != 1 {
				all = append(all, field{name: name})
			}
		}
		current = next
	}
	var out []field
	for _, f := range all {
		if f.typ != nil {
			out = append(out, f)
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].name < out[j].name })
	return out
}

// structFunc writes the decode function of struct type t.
func (g *gen) structFunc(t reflect.Type) {
	pkg, out := "codec", &g.discordOut
	if t.PkgPath() == eventsPath {
		pkg, out = "events", &g.eventsOut
	}
	fs := fields(t)
	fn := funcName(t, pkg)
	namesVar := "names" + t.Name()
	if pkg == "codec" {
		fmt.Fprintf(out, "// %s decodes a %s.\n", fn, t.Name())
	} else {
		fmt.Fprintf(out, "// %s decodes a %s event.\n", fn, t.Name())
	}
	fmt.Fprintf(out, "func %s(d *%s, v *%s) {\n", fn, qual(pkg, "Decoder"), g.spell(t, pkg))
	// A struct that only embeds another decodes as that struct does.
	if t.NumField() == 1 && t.Field(0).Anonymous && t.Field(0).Tag.Get("json") == "" && ownStruct(t.Field(0).Type) {
		g.need(t.Field(0).Type)
		fmt.Fprintf(out, "%s(d, &v.%s)\n}\n\n", funcName(t.Field(0).Type, pkg), t.Field(0).Name)
		return
	}
	if len(fs) == 0 {
		fmt.Fprintf(out, "if !d.Object() { return }\nfor _, ok := d.Key(); ok; _, ok = d.Key() { d.Skip() }\n}\n\n")
		return
	}
	fmt.Fprintf(out, "if !d.Object() { return }\n")
	words := (len(fs) + 63) / 64
	fmt.Fprintf(out, "var seen [%d]uint64\n", max(words, 1))
	fmt.Fprintf(out, "for k, ok := d.Key(); ok; k, ok = d.Key() {\nswitch string(k) {\n")
	for i, f := range fs {
		fmt.Fprintf(out, "case %q:\n", f.name)
		fmt.Fprintf(out, "if seen[%d]&(1<<%d) != 0 { d.Duplicate(%q); return }\nseen[%d] |= 1<<%d\n", i/64, i%64, f.name, i/64, i%64)
		target := "v"
		cur := t
		for j, idx := range f.index {
			sf := cur.Field(idx)
			target += "." + sf.Name
			if j < len(f.index)-1 {
				cur = sf.Type
				if cur.Kind() == reflect.Pointer {
					fmt.Fprintf(out, "if %s == nil { %s = new(%s) }\n", target, target, g.spell(cur.Elem(), pkg))
					cur = cur.Elem()
				}
			}
		}
		g.value(out, pkg, target, f.typ)
	}
	fmt.Fprintf(out, "default:\nd.Unknown(k, %s)\n}\n}\n}\n\n", namesVar)
	var names []string
	for _, f := range fs {
		names = append(names, fmt.Sprintf("%q", f.name))
	}
	fmt.Fprintf(out, "var %s = []string{%s}\n\n", namesVar, strings.Join(names, ", "))
}

// addr returns the address of target: &x, or p for a target (*p).
func addr(target string) string {
	if strings.HasPrefix(target, "(*") && strings.HasSuffix(target, ")") && !strings.ContainsAny(target[2:len(target)-1], "()") {
		return target[2 : len(target)-1]
	}
	return "&" + target
}

func qual(pkg, name string) string {
	if pkg == "codec" {
		return name
	}
	return "codec." + name
}

// value writes the code that decodes the next JSON value into target, an
// addressable expression of type t.
func (g *gen) value(out *bytes.Buffer, pkg, target string, t reflect.Type) {
	q := func(name string) string { return qual(pkg, name) }
	if fn, ok := special[t]; ok {
		fmt.Fprintf(out, "%s(d, %s)\n", q(fn), addr(target))
		return
	}
	if isOptional(t) {
		get, _ := t.MethodByName("Get")
		et := get.Type.Out(0)
		x := g.newTmp()
		fmt.Fprintf(out, "if d.Null() { %s = discord.Null[%s]() } else {\nvar %s %s\n", target, g.spell(et, pkg), x, g.spell(et, pkg))
		g.value(out, pkg, x, et)
		fmt.Fprintf(out, "if !d.Failed() { %s = discord.Some(%s) }\n}\n", target, x)
		return
	}
	if t.Kind() == reflect.Pointer {
		fmt.Fprintf(out, "if d.Null() { %s = nil } else {\nif %s == nil { %s = new(%s) }\n", target, target, target, g.spell(t.Elem(), pkg))
		g.value(out, pkg, "(*"+target+")", t.Elem())
		fmt.Fprintf(out, "}\n")
		return
	}
	if reflect.PointerTo(t).Implements(unmarshalerType) {
		fmt.Fprintf(out, "%s(d, %s)\n", q("Unmarshaler"), addr(target))
		return
	}
	if reflect.PointerTo(t).Implements(textUnmarshalerType) {
		fmt.Fprintf(out, "%s(d, %s)\n", q("Text"), addr(target))
		return
	}
	if ownStruct(t) {
		g.need(t)
		fmt.Fprintf(out, "%s(d, %s)\n", funcName(t, pkg), addr(target))
		return
	}
	conv := func(expr string) string {
		if t.Name() == "" || t.PkgPath() == "" {
			return expr
		}
		return g.spell(t, pkg) + "(" + expr + ")"
	}
	switch t.Kind() {
	case reflect.String:
		x := g.newTmp()
		fmt.Fprintf(out, "if %s, ok := d.String(); ok { %s = %s }\n", x, target, conv(x))
	case reflect.Bool:
		x := g.newTmp()
		fmt.Fprintf(out, "if %s, ok := d.Bool(); ok { %s = %s }\n", x, target, conv(x))
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		x := g.newTmp()
		fmt.Fprintf(out, "if %s, ok := d.Int(%d); ok { %s = %s(%s) }\n", x, t.Bits(), target, g.spell(t, pkg), x)
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		x := g.newTmp()
		fmt.Fprintf(out, "if %s, ok := d.Uint(%d); ok { %s = %s(%s) }\n", x, t.Bits(), target, g.spell(t, pkg), x)
	case reflect.Float32, reflect.Float64:
		x := g.newTmp()
		fmt.Fprintf(out, "if %s, ok := d.Float(%d); ok { %s = %s(%s) }\n", x, t.Bits(), target, g.spell(t, pkg), x)
	case reflect.Slice:
		if t.Elem().Kind() == reflect.Uint8 && !reflect.PointerTo(t.Elem()).Implements(unmarshalerType) && !reflect.PointerTo(t.Elem()).Implements(textUnmarshalerType) {
			fmt.Fprintf(out, "%s(d, %s)\n", q("Std"), addr(target))
			return
		}
		p, e := g.newTmp(), g.newTmp()
		et := g.spell(t.Elem(), pkg)
		sc := g.scratch(pkg, t.Elem())
		fmt.Fprintf(out, "if d.Array() {\n%s := %s.Get()\nfor d.More() {\n*%s = append(*%s, *new(%s))\n%s := &(*%s)[len(*%s)-1]\n", p, sc, p, p, et, e, p, p)
		g.value(out, pkg, "(*"+e+")", t.Elem())
		fmt.Fprintf(out, "}\n%s = %s.Slice(%s)\n} else if !d.Failed() { %s = nil }\n", target, sc, p, target)
	case reflect.Map:
		kt := t.Key()
		k, x := g.newTmp(), g.newTmp()
		fmt.Fprintf(out, "if d.Object() {\nif %s == nil { %s = make(%s) }\nfor %s, ok := d.Key(); ok; %s, ok = d.Key() {\n", target, target, g.spell(t, pkg), k, k)
		key := g.newTmp()
		switch {
		case reflect.PointerTo(kt).Implements(textUnmarshalerType):
			fmt.Fprintf(out, "var %s %s\n%s(d, %s, &%s)\n", key, g.spell(kt, pkg), q("TextKey"), k, key)
		case kt.Kind() == reflect.String:
			fmt.Fprintf(out, "%s := %s(d.KeyString(%s))\n", key, g.spell(kt, pkg), k)
		case kt.Kind() >= reflect.Int && kt.Kind() <= reflect.Int64:
			fmt.Fprintf(out, "%s := %s(%s(d, %s, %d))\n", key, g.spell(kt, pkg), q("IntKey"), k, kt.Bits())
		case kt.Kind() >= reflect.Uint && kt.Kind() <= reflect.Uintptr:
			fmt.Fprintf(out, "%s := %s(%s(d, %s, %d))\n", key, g.spell(kt, pkg), q("UintKey"), k, kt.Bits())
		default:
			log.Fatalf("map key type %v not supported", kt)
		}
		fmt.Fprintf(out, "var %s %s\n", x, g.spell(t.Elem(), pkg))
		g.value(out, pkg, x, t.Elem())
		fmt.Fprintf(out, "if d.Failed() { return }\n%s[%s] = %s\n}\n} else if !d.Failed() { %s = nil }\n", target, key, x, target)
	default: // interfaces, arrays, anonymous structs
		fmt.Fprintf(out, "%s(d, %s)\n", q("Std"), addr(target))
	}
}

package discordtest

import (
	"encoding/json"
	"maps"
	"strings"
)

// The functions in this file build JSON from response schemas: the smallest
// valid instance of a schema, for routes the emulator keeps no state for, and
// the completion of a value built from state with the fields Discord always
// sends (required in the spec) that the data model leaves out when zero.

// example returns a minimal valid instance of s: required properties only,
// null where null is allowed, zero-ish values of the right type otherwise,
// the first value of an enum, empty arrays and snowflakes as strings.
func (d *specData) example(s *schema) any {
	return d.exampleOf(s, map[string]int{})
}

func (d *specData) exampleOf(s *schema, seen map[string]int) any {
	if s == nil {
		return nil
	}
	if s.Ref != "" {
		if seen[s.Ref] > 1 {
			return nil // a cycle through required fields: stop with null
		}
		seen[s.Ref]++
		defer func() { seen[s.Ref]-- }()
		target := d.Schemas[s.Ref]
		if s.refOnly() {
			return d.exampleOf(target, seen)
		}
		base := d.exampleOf(target, seen)
		own := *s
		own.Ref = ""
		return mergeExample(base, d.exampleOf(&own, seen))
	}
	switch {
	case s.hasConst:
		return s.constVal
	case len(s.Enum) > 0:
		return s.Enum[0]
	}
	for _, union := range [][]*schema{s.OneOf, s.AnyOf} {
		for _, x := range union {
			if !(len(x.Type) == 1 && x.Type[0] == "null") {
				v := d.exampleOf(x, seen)
				if len(s.Type) > 0 || len(s.AllOf) > 0 || len(s.Properties) > 0 {
					own := *s
					own.OneOf, own.AnyOf = nil, nil
					return mergeExample(d.exampleOf(&own, seen), v)
				}
				return v
			}
		}
	}
	var out any
	for _, x := range s.AllOf {
		out = mergeExample(out, d.exampleOf(x, seen))
	}
	typ := ""
	for _, t := range s.Type {
		if t != "null" {
			typ = t
			break
		}
	}
	if typ == "" && len(s.Properties) > 0 {
		typ = "object"
	}
	switch typ {
	case "object":
		obj := map[string]any{}
		for _, name := range s.Required {
			p := s.Properties[name]
			if (&checker{d: d}).nullable(p) {
				obj[name] = nil
			} else {
				obj[name] = d.exampleOf(p, seen)
			}
		}
		return mergeExample(out, obj)
	case "array":
		list := []any{}
		if s.MinItems != nil {
			for range *s.MinItems {
				list = append(list, d.exampleOf(s.Items, seen))
			}
		}
		return list
	case "string":
		switch {
		case s.Format == "snowflake":
			return "0"
		case s.Format == "date-time":
			return "1970-01-01T00:00:00+00:00"
		case s.Format == "uri":
			return "https://discord.com/"
		case s.MinLength != nil:
			return strings.Repeat("x", *s.MinLength)
		}
		return ""
	case "integer", "number":
		n := 0.0
		if s.Minimum != nil && *s.Minimum > n {
			n = *s.Minimum
		}
		if s.Maximum != nil && *s.Maximum < n {
			n = *s.Maximum
		}
		return json.Number(formatNumber(n))
	case "boolean":
		return false
	}
	return out
}

// mergeExample combines the instances of allOf members: objects merge, any
// other value replaces nil.
func mergeExample(a, b any) any {
	ma, okA := a.(map[string]any)
	mb, okB := b.(map[string]any)
	switch {
	case okA && okB:
		out := maps.Clone(ma)
		for k, v := range mb {
			if _, exists := out[k]; !exists || out[k] == nil {
				out[k] = v
			}
		}
		return out
	case b == nil:
		return a
	}
	return b
}

// conform adds to v (decoded with UseNumber) every property s requires that
// v lacks, recursively: the data model leaves zero values out of received
// objects, Discord sends them.
func (d *specData) conform(s *schema, v any) any {
	return d.conformDepth(s, v, 0)
}

func (d *specData) conformDepth(s *schema, v any, depth int) any {
	if s == nil || v == nil || depth > 32 {
		return v
	}
	if s.Ref != "" {
		v = d.conformDepth(d.Schemas[s.Ref], v, depth+1)
		if s.refOnly() {
			return v
		}
	}
	for _, x := range s.AllOf {
		v = d.conformDepth(x, v, depth+1)
	}
	for _, union := range [][]*schema{s.OneOf, s.AnyOf} {
		if len(union) > 0 {
			v = d.conformDepth(d.pickVariant(union, v), v, depth+1)
		}
	}
	switch val := v.(type) {
	case map[string]any:
		for _, name := range s.Required {
			if _, ok := val[name]; !ok {
				p := s.Properties[name]
				if (&checker{d: d}).nullable(p) {
					val[name] = nil
				} else {
					val[name] = d.example(p)
				}
			}
		}
		for name, x := range val {
			if p, ok := s.Properties[name]; ok {
				val[name] = d.conformDepth(p, x, depth+1)
			} else if s.additional != nil {
				val[name] = d.conformDepth(s.additional, x, depth+1)
			}
		}
	case []any:
		for i, x := range val {
			val[i] = d.conformDepth(s.Items, x, depth+1)
		}
	}
	return v
}

// pickVariant chooses the member of a union a value belongs to: the first
// that accepts it when required properties are not asked for, else the
// closest.
func (d *specData) pickVariant(variants []*schema, v any) *schema {
	c := &checker{d: d, partial: true}
	var best *schema
	bestErrs := -1
	for _, x := range variants {
		if r := d.resolve(x); r != nil && len(r.Type) == 1 && r.Type[0] == "null" {
			continue
		}
		n := len(c.validate(x, v, nil))
		if n == 0 {
			return x
		}
		if bestErrs < 0 || n < bestErrs {
			best, bestErrs = x, n
		}
	}
	return best
}

// Package jsonequiv compares JSON documents the way cordage's round-trip
// tests define equivalence: an object member that is null, false, 0, "" or
// empty equals an absent one (the data model leaves such members out), and
// strings that are RFC 3339 timestamps compare as instants.
package jsonequiv

import (
	"fmt"
	"reflect"
	"sort"
	"strings"
	"time"
)

// Normalize makes a value decoded from JSON comparable: empty object
// members are dropped and timestamps become UTC RFC 3339.
func Normalize(v any) any {
	switch x := v.(type) {
	case map[string]any:
		out := map[string]any{}
		for k, e := range x {
			if n := Normalize(e); !Empty(n) {
				out[k] = n
			}
		}
		return out
	case []any:
		out := make([]any, len(x))
		for i, e := range x {
			out[i] = Normalize(e)
		}
		return out
	case string:
		if ts, err := time.Parse(time.RFC3339Nano, x); err == nil {
			return ts.UTC().Format(time.RFC3339Nano)
		}
	}
	return v
}

// Empty reports whether a decoded JSON value is null, false, 0, "", [] or {}.
func Empty(v any) bool {
	switch x := v.(type) {
	case nil:
		return true
	case bool:
		return !x
	case float64:
		return x == 0
	case string:
		return x == ""
	case []any:
		return len(x) == 0
	case map[string]any:
		return len(x) == 0
	}
	return false
}

// Diff describes where two normalized values differ, one line per
// difference, or returns "" when they are equal.
func Diff(path string, want, got any) string {
	switch w := want.(type) {
	case map[string]any:
		g, ok := got.(map[string]any)
		if !ok {
			return fmt.Sprintf("%s: want object, got %v\n", path, got)
		}
		keys := map[string]bool{}
		for k := range w {
			keys[k] = true
		}
		for k := range g {
			keys[k] = true
		}
		sorted := make([]string, 0, len(keys))
		for k := range keys {
			sorted = append(sorted, k)
		}
		sort.Strings(sorted)
		var b strings.Builder
		for _, k := range sorted {
			b.WriteString(Diff(path+"."+k, w[k], g[k]))
		}
		return b.String()
	case []any:
		g, ok := got.([]any)
		if !ok || len(g) != len(w) {
			return fmt.Sprintf("%s: want %v, got %v\n", path, want, got)
		}
		var b strings.Builder
		for i := range w {
			b.WriteString(Diff(fmt.Sprintf("%s[%d]", path, i), w[i], g[i]))
		}
		return b.String()
	}
	if !reflect.DeepEqual(want, got) {
		return fmt.Sprintf("%s: want %v, got %v\n", path, want, got)
	}
	return ""
}

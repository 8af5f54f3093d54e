package gateway

import (
	"go/ast"
	"go/constant"
	"go/parser"
	"go/token"
	"go/types"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode"

	"github.com/cordage/cordage/internal/specdata"
)

// readTable reads a table of the shared docs tables as one map per row, from
// column name to value.
func readTable(t *testing.T, name string) []map[string]string {
	t.Helper()
	lines := strings.Split(strings.TrimRight(string(specdata.ReadFile(t, "discord-spec", name)), "\n"), "\n")
	header := strings.Split(lines[0], "\t")
	var rows []map[string]string
	for i, line := range lines[1:] {
		cols := strings.Split(line, "\t")
		if len(cols) != len(header) {
			t.Fatalf("%s line %d: %d columns, want %d", name, i+2, len(cols), len(header))
		}
		row := map[string]string{}
		for j, h := range header {
			row[h] = cols[j]
		}
		rows = append(rows, row)
	}
	if len(rows) == 0 {
		t.Fatalf("%s has no rows", name)
	}
	return rows
}

// constsOf returns the constants of the named type declared in this
// package's non-test files, by name, with their values. The files are
// type-checked, so a value such as 1 << 5 is evaluated as the compiler does.
func constsOf(t *testing.T, typeName string) map[string]int64 {
	t.Helper()
	fset := token.NewFileSet()
	names, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	var files []*ast.File
	for _, name := range names {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		src, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		f, err := parser.ParseFile(fset, name, src, 0)
		if err != nil {
			t.Fatal(err)
		}
		files = append(files, f)
	}
	// Imports are not resolved: the constants do not depend on them, and
	// the errors that leaves are ignored.
	conf := types.Config{Importer: noImporter{}, Error: func(error) {}}
	pkg, _ := conf.Check("gateway", fset, files, nil)
	out := map[string]int64{}
	for _, name := range pkg.Scope().Names() {
		c, ok := pkg.Scope().Lookup(name).(*types.Const)
		if !ok {
			continue
		}
		if named, ok := c.Type().(*types.Named); ok && named.Obj().Name() == typeName {
			v, exact := constant.Int64Val(constant.ToInt(c.Val()))
			if !exact {
				t.Fatalf("constant %s has no exact integer value", name)
			}
			out[name] = v
		}
	}
	return out
}

type noImporter struct{}

func (noImporter) Import(path string) (*types.Package, error) { return nil, os.ErrNotExist }

// goCase turns one of Discord's names into Go case: HEARTBEAT_ACK is
// HeartbeatACK, "Invalid API version" is InvalidAPIVersion and
// "Disallowed intent(s)" is DisallowedIntents.
func goCase(name string) string {
	name = strings.ReplaceAll(name, "(s)", "s")
	var b strings.Builder
	for _, w := range strings.FieldsFunc(name, func(r rune) bool { return r == '_' || r == ' ' }) {
		switch up := strings.ToUpper(w); up {
		case "ACK", "API", "ID":
			b.WriteString(up)
		default:
			r := []rune(strings.ToLower(w))
			r[0] = unicode.ToUpper(r[0])
			b.WriteString(string(r))
		}
	}
	return b.String()
}

func TestGoCase(t *testing.T) {
	for in, want := range map[string]string{
		"HEARTBEAT_ACK":                 "HeartbeatACK",
		"Invalid API version":           "InvalidAPIVersion",
		"Disallowed intent(s)":          "DisallowedIntents",
		"AUTO_MODERATION_CONFIGURATION": "AutoModerationConfiguration",
	} {
		if got := goCase(in); got != want {
			t.Errorf("goCase(%q) = %q, want %q", in, got, want)
		}
	}
}

package rest

import (
	"bytes"
	"encoding/csv"
	"go/ast"
	"go/parser"
	"go/token"
	"strconv"
	"strings"
	"testing"

	"github.com/cordage/cordage/internal/specdata"
)

// TestEveryDocumentedCodeHasAConstant reads the constants of codes_gen.go
// from its source, so it proves what a reader of the package sees: every
// code of json-error-codes.tsv is a Code constant with that value, and none
// is made up.
func TestEveryDocumentedCodeHasAConstant(t *testing.T) {
	f, err := parser.ParseFile(token.NewFileSet(), "codes_gen.go", nil, 0)
	if err != nil {
		t.Fatal(err)
	}
	consts := map[int]string{}
	for _, decl := range f.Decls {
		gd, ok := decl.(*ast.GenDecl)
		if !ok || gd.Tok != token.CONST {
			continue
		}
		for _, spec := range gd.Specs {
			vs := spec.(*ast.ValueSpec)
			if id, ok := vs.Type.(*ast.Ident); !ok || id.Name != "Code" || len(vs.Values) != 1 {
				t.Errorf("constant %s is not a Code with one value", vs.Names[0])
				continue
			}
			lit, ok := vs.Values[0].(*ast.BasicLit)
			if !ok || lit.Kind != token.INT {
				t.Errorf("constant %s is not an integer literal", vs.Names[0])
				continue
			}
			v, _ := strconv.Atoi(lit.Value)
			if prev, dup := consts[v]; dup {
				t.Errorf("%s and %s are both %d", prev, vs.Names[0].Name, v)
			}
			if !strings.HasPrefix(vs.Names[0].Name, "Code") {
				t.Errorf("constant %s lacks the Code prefix", vs.Names[0].Name)
			}
			consts[v] = vs.Names[0].Name
		}
	}

	r := csv.NewReader(bytes.NewReader(specdata.ReadFile(t, "discord-spec", "json-error-codes.tsv")))
	r.Comma = '\t'
	r.LazyQuotes = true
	rows, err := r.ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	rows = rows[1:]
	if len(rows) != 240 {
		t.Errorf("json-error-codes.tsv has %d codes, want 240", len(rows))
	}
	for _, row := range rows {
		v, err := strconv.Atoi(row[0])
		if err != nil {
			t.Errorf("code %q: %v", row[0], err)
			continue
		}
		name, ok := consts[v]
		if !ok {
			t.Errorf("code %d (%s) has no constant", v, row[1])
			continue
		}
		delete(consts, v)
		if got := Code(v).String(); got != row[1] {
			t.Errorf("%s.String() = %q, want %q", name, got, row[1])
		}
	}
	for v, name := range consts {
		t.Errorf("%s = %d is not a code of Discord's docs", name, v)
	}
}

func TestNamedCodes(t *testing.T) {
	for _, tt := range []struct {
		code Code
		want int
	}{
		{CodeUnknownChannel, 10003},
		{CodeMissingPermissions, 50013},
		{CodeInvalidFormBody, 50035},
		{CodeInvalidToken, 50014},
		{CodeUnknownInteraction, 10062},
		{CodeInteractionAlreadyAcknowledged, 40060},
		{CodeCannotSendMessagesToUser, 50007},
	} {
		if int(tt.code) != tt.want {
			t.Errorf("%v = %d, want %d", tt.code, int(tt.code), tt.want)
		}
	}
}

package main

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"regexp"
	"strings"
)

// discordTypes is what the generator knows of package discord: its exported
// type names and the Go type carrying each spec schema.
type discordTypes struct {
	names   map[string]bool   // exported type names
	schemas map[string]string // spec schema → Go type name
	bodies  map[string]string // operationId → Go type of its inline request body
}

var requestBodyLine = regexp.MustCompile(`Spec request body of operation (\w+)\.`)

var specSchemasLine = regexp.MustCompile(`(?s)Spec schemas:\s*(.*?)\.(?:\s|$)`)

// loadDiscordTypes reads the doc comments of package discord's files: the
// "Spec schemas: A, B." line above a type names the schemas it carries.
func loadDiscordTypes(dir string) (*discordTypes, error) {
	files, err := filepath.Glob(filepath.Join(dir, "*.go"))
	if err != nil {
		return nil, err
	}
	dt := &discordTypes{names: map[string]bool{}, schemas: map[string]string{}, bodies: map[string]string{}}
	fset := token.NewFileSet()
	for _, path := range files {
		if strings.HasSuffix(path, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, path, nil, parser.ParseComments|parser.SkipObjectResolution)
		if err != nil {
			return nil, err
		}
		for _, decl := range f.Decls {
			gd, ok := decl.(*ast.GenDecl)
			if !ok || gd.Tok != token.TYPE {
				continue
			}
			for _, spec := range gd.Specs {
				ts := spec.(*ast.TypeSpec)
				if !ts.Name.IsExported() {
					continue
				}
				dt.names[ts.Name.Name] = true
				doc := ts.Doc
				if doc == nil && len(gd.Specs) == 1 {
					doc = gd.Doc
				}
				if doc == nil {
					continue
				}
				if b := requestBodyLine.FindStringSubmatch(doc.Text()); b != nil {
					dt.bodies[b[1]] = ts.Name.Name
					continue
				}
				m := specSchemasLine.FindStringSubmatch(doc.Text())
				if m == nil {
					continue
				}
				for _, s := range strings.Split(m[1], ",") {
					s = strings.TrimSpace(s)
					if prev, dup := dt.schemas[s]; dup && prev != ts.Name.Name {
						return nil, fmt.Errorf("schema %s is carried by both %s and %s", s, prev, ts.Name.Name)
					}
					dt.schemas[s] = ts.Name.Name
				}
			}
		}
	}
	if len(dt.schemas) == 0 {
		return nil, fmt.Errorf("no \"Spec schemas:\" lines in %s", dir)
	}
	return dt, nil
}

// Command restgen generates the route table and the JSON error codes of
// package rest from Discord's OpenAPI spec and the tables derived from
// Discord's docs.
//
// It runs from package rest through go generate:
//
//	//go:generate go run ../internal/gen/restgen -shared ../../shared
//
// and writes these files into the current directory:
//
//   - routes_gen.go: one Route variable per operation of the spec and the
//     Routes table, from endpoints.tsv, with the titles of docs-endpoints.tsv
//     and the descriptions of openapi.json as doc comments;
//   - routes_types_gen_test.go: the reflect.Type of every Go type the routes
//     name, so a test proves the names are real;
//   - codes_gen.go: a Code constant per row of json-error-codes.tsv;
//   - resources_gen.go: the client's resources, a typed method per route;
//   - queries_gen.go: an options struct per route with query parameters,
//     from the parameters of openapi.json.
//
// The Go types of request and response bodies come from the "Spec schemas:"
// lines of package discord's doc comments; the Go names, the resource
// methods and the few bodies the spec writes inline are in the tables of
// this command (config.go, codes.go). Every table is checked against the
// spec both ways: a row the spec lacks, or an operation a table misses, stops
// the generator.
package main

import (
	"flag"
	"fmt"
	"go/format"
	"log"
	"os"
	"path/filepath"
)

func main() {
	shared := flag.String("shared", "../../shared", "folder holding discord-spec/")
	discordDir := flag.String("discord", "../discord", "folder of package discord")
	out := flag.String("out", ".", "folder to write the generated files to")
	flag.Parse()
	log.SetFlags(0)
	log.SetPrefix("restgen: ")

	specDir := filepath.Join(*shared, "discord-spec")
	types, err := loadDiscordTypes(*discordDir)
	if err != nil {
		log.Fatal(err)
	}
	routes, err := buildRoutes(specDir, types)
	if err != nil {
		log.Fatal(err)
	}
	codes, err := buildCodes(filepath.Join(specDir, "json-error-codes.tsv"))
	if err != nil {
		log.Fatal(err)
	}
	files := map[string]string{
		"routes_gen.go":            writeRoutes(routes),
		"routes_types_gen_test.go": writeRouteTypes(routes),
		"codes_gen.go":             writeCodes(codes),
		"resources_gen.go":         writeResources(routes),
		"queries_gen.go":           writeQueries(routes),
	}
	for name, src := range files {
		if err := writeFile(filepath.Join(*out, name), src); err != nil {
			log.Fatal(err)
		}
	}
}

func writeFile(path, src string) error {
	formatted, err := format.Source([]byte(src))
	if err != nil {
		os.WriteFile(path, []byte(src), 0o644) // left for inspection
		return fmt.Errorf("format %s: %w", path, err)
	}
	return os.WriteFile(path, formatted, 0o644)
}

package main

import (
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strconv"
	"strings"
)

// route is one operation of the spec, ready to be written.
type route struct {
	GoName      string // without the Route prefix
	Method      string
	Path        string
	Major       string
	OperationID string
	Resource    string
	Action      string
	Auth        []string // Go names of the Auth constants
	JSON        bool
	Multipart   bool
	Request     []string
	Response    []string
	Success     []int
	Query       []string
	QueryParams []queryParam // from the spec, in its order
	Titles      []string     // from Discord's docs
	Description string       // from the spec
	Deprecated  string       // the Go name of the route that replaces it
}

// deprecatedBy names the route that replaces each deprecated operation.
var deprecatedBy = map[string]string{
	"deprecated_list_pins":  "list_pins",
	"deprecated_create_pin": "create_pin",
	"deprecated_delete_pin": "delete_pin",
}

// readTSV reads a table with a header row into one map per row.
func readTSV(path string) ([]map[string]string, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	r := csv.NewReader(f)
	r.Comma = '\t'
	r.LazyQuotes = true
	r.FieldsPerRecord = -1
	var header []string
	var rows []map[string]string
	for {
		rec, err := r.Read()
		if err == io.EOF {
			return rows, nil
		}
		if err != nil {
			return nil, fmt.Errorf("%s: %w", filepath.Base(path), err)
		}
		if header == nil {
			header = rec
			continue
		}
		if len(rec) != len(header) {
			return nil, fmt.Errorf("%s: row %q has %d columns, want %d", filepath.Base(path), rec[0], len(rec), len(header))
		}
		row := map[string]string{}
		for i, h := range header {
			row[h] = rec[i]
		}
		rows = append(rows, row)
	}
}

// specDescriptions reads the description of each operation of openapi.json.
func specDescriptions(path string) (map[string]string, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var doc struct {
		Paths map[string]map[string]json.RawMessage `json:"paths"`
	}
	if err := json.Unmarshal(b, &doc); err != nil {
		return nil, fmt.Errorf("openapi.json: %w", err)
	}
	out := map[string]string{}
	for _, ops := range doc.Paths {
		for method, raw := range ops {
			if method == "parameters" {
				continue
			}
			var op struct {
				OperationID string `json:"operationId"`
				Description string `json:"description"`
			}
			if err := json.Unmarshal(raw, &op); err != nil {
				return nil, fmt.Errorf("openapi.json: %s: %w", method, err)
			}
			if op.Description != "" {
				out[op.OperationID] = op.Description
			}
		}
	}
	return out, nil
}

func buildRoutes(specDir string, dt *discordTypes) ([]*route, error) {
	rows, err := readTSV(filepath.Join(specDir, "endpoints.tsv"))
	if err != nil {
		return nil, err
	}
	docRows, err := readTSV(filepath.Join(specDir, "docs-endpoints.tsv"))
	if err != nil {
		return nil, err
	}
	titles := map[string][]string{}
	for _, d := range docRows {
		id := d["spec_operationId"]
		if id != "-" && !slices.Contains(titles[id], d["doc_title"]) {
			titles[id] = append(titles[id], d["doc_title"])
		}
	}
	descriptions, err := specDescriptions(filepath.Join(specDir, "openapi.json"))
	if err != nil {
		return nil, err
	}

	queries, err := specQueries(filepath.Join(specDir, "openapi.json"))
	if err != nil {
		return nil, err
	}

	var routes []*route
	var errs []string
	fail := func(format string, args ...any) { errs = append(errs, fmt.Sprintf(format, args...)) }
	seen := map[string]bool{}
	for _, row := range rows {
		id := row["operationId"]
		seen[id] = true
		r := &route{
			GoName:      goName(id),
			Method:      row["method"],
			Path:        row["path"],
			OperationID: id,
			Titles:      titles[id],
			Description: descriptions[id],
		}
		if n, ok := routeNames[id]; ok {
			r.GoName = n
		}
		if row["major_param"] != "-" {
			r.Major = row["major_param"]
		}
		if m, ok := methods[id]; !ok {
			fail("%s: no resource method in the methods table", id)
		} else {
			r.Resource, r.Action, _ = strings.Cut(m, ".")
			if !slices.Contains(resources, r.Resource) {
				fail("%s: resource %s is not in the resources list", id, r.Resource)
			}
		}
		for _, s := range strings.Split(row["security"], "|") {
			switch s {
			case "BotToken":
				r.Auth = append(r.Auth, "AuthBot")
			case "OAuth2":
				r.Auth = append(r.Auth, "AuthBearer")
			case "none":
				r.Auth = append(r.Auth, "AuthNone")
			default:
				fail("%s: unknown security scheme %q", id, s)
			}
		}
		ct := row["request_content_types"]
		r.JSON = strings.Contains(ct, "application/json")
		r.Multipart = strings.Contains(ct, "multipart/form-data")
		if r.Multipart != (row["multipart_files"] == "yes") {
			fail("%s: multipart_files disagrees with the content types", id)
		}
		for _, s := range strings.Split(row["success_status"], ",") {
			n, err := strconv.Atoi(s)
			if err != nil {
				fail("%s: success status %q: %v", id, s, err)
			}
			r.Success = append(r.Success, n)
		}
		if q := row["query_params"]; q != "-" {
			r.Query = strings.Split(q, ",")
		}
		r.QueryParams = queries[id]
		var names []string
		for _, q := range r.QueryParams {
			names = append(names, q.Name)
		}
		if !slices.Equal(names, r.Query) {
			fail("%s: openapi.json has the query parameters %v, endpoints.tsv %v", id, names, r.Query)
		}
		if row["deprecated"] == "yes" || deprecatedBy[id] != "" {
			by := deprecatedBy[id]
			if by == "" {
				fail("%s: deprecated, but deprecatedBy names no replacement", id)
			}
			r.Deprecated = by
		}

		// Bodies.
		if r.Request, err = requestTypes(id, row["request_schema"], dt); err != nil {
			fail("%v", err)
		}
		if row["has_request_body"] == "yes" && len(r.Request) == 0 && !emptySchemas[row["request_schema"]] {
			fail("%s: the request body has no Go type", id)
		}
		if r.Response, err = responseTypes(id, row["response_schema"], dt); err != nil {
			fail("%v", err)
		}
		routes = append(routes, r)
	}

	// The tables name only operations of the spec, and names are unique.
	for _, table := range []map[string]string{routeNames, methods, requestOverrides, responseOverrides, deprecatedBy} {
		for id := range table {
			if !seen[id] {
				fail("table entry %s is not an operation of the spec", id)
			}
		}
	}
	for key := range queryKeys() {
		id, name, _ := strings.Cut(key, ".")
		if !slices.ContainsFunc(queries[id], func(q queryParam) bool { return q.Name == name }) {
			fail("table entry %s is not a query parameter of the spec", key)
		}
	}
	goNames, calls := map[string]string{}, map[string]string{}
	byID := map[string]*route{}
	for _, r := range routes {
		byID[r.OperationID] = r
		if prev, dup := goNames[r.GoName]; dup {
			fail("Route%s names both %s and %s", r.GoName, prev, r.OperationID)
		}
		goNames[r.GoName] = r.OperationID
		call := r.Resource + "." + r.Action
		if prev, dup := calls[call]; dup {
			fail("%s calls both %s and %s", call, prev, r.OperationID)
		}
		calls[call] = r.OperationID
	}
	for _, r := range routes {
		if r.Deprecated != "" {
			by, ok := byID[r.Deprecated]
			if !ok {
				fail("%s: replacement %s is not an operation", r.OperationID, r.Deprecated)
				continue
			}
			r.Deprecated = by.GoName
		}
	}
	if len(errs) > 0 {
		sort.Strings(errs)
		return nil, fmt.Errorf("%d problems:\n\t%s", len(errs), strings.Join(errs, "\n\t"))
	}
	return routes, nil
}

// goName turns an operationId into Go case: get_guild_vanity_url is
// GetGuildVanityURL.
func goName(id string) string {
	var b strings.Builder
	for _, w := range strings.Split(id, "_") {
		if s, ok := initialisms[w]; ok {
			b.WriteString(s)
		} else if w != "" {
			b.WriteString(strings.ToUpper(w[:1]) + w[1:])
		}
	}
	return b.String()
}

func requestTypes(id, schema string, dt *discordTypes) ([]string, error) {
	var types []string
	switch schema {
	case "-":
	case "inline-object":
		if name, ok := dt.bodies[id]; ok {
			types = []string{"discord." + name}
		}
	case "array<inline-object>":
		if name, ok := dt.bodies[id]; ok {
			types = []string{"[]discord." + name}
		}
	default:
		var err error
		if types, err = goTypes(schema, dt); err != nil {
			return nil, fmt.Errorf("%s: request: %w", id, err)
		}
	}
	if o, ok := requestOverrides[id]; ok {
		over := strings.Split(o, " | ")
		for _, t := range over {
			if !slices.Contains(types, t) {
				return nil, fmt.Errorf("%s: override %s is not a body the spec allows (%v)", id, t, types)
			}
		}
		types = over
	}
	return types, nil
}

func responseTypes(id, schema string, dt *discordTypes) ([]string, error) {
	if o, ok := responseOverrides[id]; ok {
		return []string{o}, nil
	}
	var types []string
	for _, part := range strings.Split(schema, ";") {
		if _, s, ok := strings.Cut(part, ":"); ok {
			part = s
		}
		ts, err := goTypes(part, dt)
		if err != nil {
			return nil, fmt.Errorf("%s: response: %w", id, err)
		}
		for _, t := range ts {
			if !slices.Contains(types, t) {
				types = append(types, t)
			}
		}
	}
	return types, nil
}

// goTypes turns a schema expression of endpoints.tsv (X, array<X>,
// oneOf<A|B>, anyOf<A|B>, -) into the distinct Go types it may hold.
func goTypes(expr string, dt *discordTypes) ([]string, error) {
	switch {
	case expr == "-":
		return nil, nil
	case strings.HasPrefix(expr, "array<") && strings.HasSuffix(expr, ">"):
		elems, err := goTypes(expr[len("array<"):len(expr)-1], dt)
		if err != nil {
			return nil, err
		}
		if len(elems) != 1 {
			return nil, fmt.Errorf("%s: an array of %d Go types", expr, len(elems))
		}
		return []string{"[]" + elems[0]}, nil
	case strings.HasPrefix(expr, "oneOf<") || strings.HasPrefix(expr, "anyOf<"):
		if !strings.HasSuffix(expr, ">") {
			return nil, fmt.Errorf("malformed %q", expr)
		}
		var out []string
		for _, alt := range splitUnion(expr[len("oneOf<") : len(expr)-1]) {
			ts, err := goTypes(alt, dt)
			if err != nil {
				return nil, err
			}
			for _, t := range ts {
				if !slices.Contains(out, t) {
					out = append(out, t)
				}
			}
		}
		return out, nil
	case emptySchemas[expr]:
		return nil, nil
	}
	name, ok := dt.schemas[expr]
	if !ok {
		return nil, fmt.Errorf("schema %s has no Go type in package discord", expr)
	}
	return []string{"discord." + name}, nil
}

// splitUnion splits A|B|array<C|D> at the top level.
func splitUnion(s string) []string {
	var out []string
	depth, start := 0, 0
	for i, c := range s {
		switch c {
		case '<':
			depth++
		case '>':
			depth--
		case '|':
			if depth == 0 {
				out = append(out, s[start:i])
				start = i + 1
			}
		}
	}
	return append(out, s[start:])
}

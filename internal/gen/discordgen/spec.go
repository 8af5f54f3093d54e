package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"strings"
)

// Schema is the part of an OpenAPI 3.1 schema object the generator reads.
type Schema struct {
	Ref                  string    `json:"$ref"`
	Type                 typeList  `json:"type"`
	Format               string    `json:"format"`
	Title                string    `json:"title"`
	Description          string    `json:"description"`
	Const                any       `json:"const"`
	Enum                 []any     `json:"enum"`
	OneOf                []*Schema `json:"oneOf"`
	AnyOf                []*Schema `json:"anyOf"`
	AllOf                []*Schema `json:"allOf"`
	Items                *Schema   `json:"items"`
	Properties           props     `json:"properties"`
	AdditionalProperties *addl     `json:"additionalProperties"`
	Required             []string  `json:"required"`
	MinLength            *int      `json:"minLength"`
	MaxLength            *int      `json:"maxLength"`
	MinItems             *int      `json:"minItems"`
	MaxItems             *int      `json:"maxItems"`
	Minimum              *float64  `json:"minimum"`
	Maximum              *float64  `json:"maximum"`
	ContentEncoding      string    `json:"contentEncoding"`
}

// addl is "additionalProperties": a schema, or false when absent.
type addl struct{ *Schema }

func (a *addl) UnmarshalJSON(b []byte) error {
	if string(b) == "true" || string(b) == "false" {
		return nil
	}
	a.Schema = new(Schema)
	return json.Unmarshal(b, a.Schema)
}

// typeList is the OpenAPI 3.1 "type": a name or a list of names.
type typeList []string

func (t *typeList) UnmarshalJSON(b []byte) error {
	if len(b) > 0 && b[0] == '[' {
		return json.Unmarshal(b, (*[]string)(t))
	}
	var s string
	if err := json.Unmarshal(b, &s); err != nil {
		return err
	}
	*t = typeList{s}
	return nil
}

func (t typeList) has(name string) bool {
	for _, s := range t {
		if s == name {
			return true
		}
	}
	return false
}

// base returns the type name that is not "null".
func (t typeList) base() string {
	for _, s := range t {
		if s != "null" {
			return s
		}
	}
	return ""
}

// prop is one property of an object schema, in spec order.
type prop struct {
	Name   string
	Schema *Schema
}

// props keeps the order of an object's properties, which a Go map loses.
type props []prop

func (p *props) UnmarshalJSON(b []byte) error {
	dec := json.NewDecoder(bytes.NewReader(b))
	if _, err := dec.Token(); err != nil {
		return err
	}
	for dec.More() {
		tok, err := dec.Token()
		if err != nil {
			return err
		}
		var s Schema
		if err := dec.Decode(&s); err != nil {
			return err
		}
		*p = append(*p, prop{Name: tok.(string), Schema: &s})
	}
	return nil
}

func (s *Schema) required(name string) bool {
	for _, r := range s.Required {
		if r == name {
			return true
		}
	}
	return false
}

// refName returns the schema name a $ref points to.
func refName(ref string) string { return ref[strings.LastIndexByte(ref, '/')+1:] }

// Spec is the part of the OpenAPI document the generator reads.
type Spec struct {
	Paths      map[string]map[string]json.RawMessage `json:"paths"`
	Components struct {
		Schemas map[string]*Schema `json:"schemas"`
	} `json:"components"`
}

// Operation is one operation of a path.
type Operation struct {
	OperationID string `json:"operationId"`
	RequestBody *struct {
		Required bool `json:"required"`
		Content  map[string]struct {
			Schema *Schema `json:"schema"`
		} `json:"content"`
	} `json:"requestBody"`
}

func loadSpec(path string) (*Spec, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var s Spec
	if err := json.Unmarshal(b, &s); err != nil {
		return nil, fmt.Errorf("parse %s: %w", path, err)
	}
	return &s, nil
}

// goName turns a snake_case or SCREAMING_CASE name into a Go identifier with
// Go's initialisms: guild_id → GuildID, icon_url → IconURL.
func goName(s string) string {
	s = strings.NewReplacer("-", "_", " ", "_", ".", "_", "/", "_").Replace(s)
	var b strings.Builder
	for _, w := range strings.Split(s, "_") {
		if w == "" {
			continue
		}
		lw := strings.ToLower(w)
		if up, ok := initialisms[lw]; ok {
			b.WriteString(up)
			continue
		}
		if w == strings.ToUpper(w) || w == lw {
			w = lw
		}
		b.WriteString(strings.ToUpper(w[:1]) + w[1:])
	}
	out := b.String()
	if out != "" && out[0] >= '0' && out[0] <= '9' {
		out = "N" + out
	}
	return out
}

var initialisms = map[string]string{
	"id": "ID", "ids": "IDs", "url": "URL", "urls": "URLs", "nsfw": "NSFW", "mfa": "MFA",
	"sku": "SKU", "skus": "SKUs", "afk": "AFK", "tts": "TTS", "dm": "DM", "dms": "DMs",
	"rpc": "RPC", "api": "API", "oauth2": "OAuth2", "json": "JSON", "http": "HTTP",
	"rtc": "RTC", "ip": "IP", "uri": "URI", "gif": "GIF", "png": "PNG", "apng": "APNG",
	"gifv": "GIFV", "tos": "TOS", "pii": "PII", "sdk": "SDK", "nux": "NUX", "oidc": "OIDC",
	"ml": "ML", "xbox": "Xbox", "mp3": "MP3", "ogg": "OGG", "utc": "UTC",
}

// comment wraps text as a Go comment with the given indent.
func comment(indent, text string) string {
	text = strings.Join(strings.Fields(text), " ")
	if text == "" {
		return ""
	}
	var b strings.Builder
	line := indent + "//"
	for _, w := range strings.Fields(text) {
		if len(line)+1+len(w) > 80 && line != indent+"//" {
			b.WriteString(line + "\n")
			line = indent + "//"
		}
		line += " " + w
	}
	b.WriteString(line + "\n")
	return b.String()
}

// sentence makes a spec description read as a sentence: capitalised, ending
// with a full stop.
func sentence(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	if s == "" {
		return ""
	}
	s = strings.ToUpper(s[:1]) + s[1:]
	if !strings.HasSuffix(s, ".") {
		s += "."
	}
	return s
}

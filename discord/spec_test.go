package discord

import (
	"bytes"
	"encoding/json"
	"reflect"
	"sort"
	"strings"
	"testing"

	"github.com/cordage/cordage/internal/jsonequiv"
	"github.com/cordage/cordage/internal/specdata"
)

// specSchemas reads the component schemas of Discord's OpenAPI spec.
func specSchemas(t *testing.T) map[string]struct {
	Properties map[string]json.RawMessage `json:"properties"`
} {
	t.Helper()
	var doc struct {
		Components struct {
			Schemas map[string]struct {
				Properties map[string]json.RawMessage `json:"properties"`
			} `json:"schemas"`
		} `json:"components"`
	}
	if err := json.Unmarshal(specdata.ReadFile(t, "discord-spec", "openapi.json"), &doc); err != nil {
		t.Fatalf("parse openapi.json: %v", err)
	}
	return doc.Components.Schemas
}

// jsonFields lists the JSON field names of a struct type, following
// embedded structs.
func jsonFields(t reflect.Type) map[string]bool {
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	out := map[string]bool{}
	if t.Kind() != reflect.Struct {
		return out
	}
	for i := range t.NumField() {
		f := t.Field(i)
		name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
		if f.Anonymous && name == "" {
			for k := range jsonFields(f.Type) {
				out[k] = true
			}
			continue
		}
		if name == "-" || !f.IsExported() {
			continue
		}
		if name == "" {
			name = f.Name
		}
		out[name] = true
	}
	return out
}

// fieldsOf returns the JSON fields a Go type carries for a schema. Component
// types get their "type" field from their Type method rather than a struct
// field.
func fieldsOf(typ reflect.Type) map[string]bool {
	fields := jsonFields(typ)
	if reflect.PointerTo(typ).Implements(reflect.TypeFor[Component]()) {
		fields["type"] = true
	}
	return fields
}

// TestSpecFieldCoverage measures how many properties of the spec's Response
// and Request schemas exist as JSON fields of the matching Go types, and
// requires at least 98% of each.
func TestSpecFieldCoverage(t *testing.T) {
	schemas := specSchemas(t)
	type tally struct{ have, total int }
	var resp, req tally
	var missing []string
	for name, s := range schemas {
		var tl *tally
		switch {
		case strings.HasSuffix(name, "Response"):
			tl = &resp
		case strings.Contains(name, "Request"):
			tl = &req
		default:
			continue
		}
		typ, mapped := specTypes[name]
		var fields map[string]bool
		if mapped {
			fields = fieldsOf(typ)
		}
		for prop := range s.Properties {
			tl.total++
			if fields[prop] {
				tl.have++
			} else {
				missing = append(missing, name+"."+prop)
			}
		}
	}
	sort.Strings(missing)
	pct := func(x tally) float64 { return 100 * float64(x.have) / float64(x.total) }
	t.Logf("Response schemas: %d of %d properties (%.1f%%)", resp.have, resp.total, pct(resp))
	t.Logf("Request schemas:  %d of %d properties (%.1f%%)", req.have, req.total, pct(req))
	if len(missing) > 0 {
		t.Logf("missing: %s", strings.Join(missing, " "))
	}
	if pct(resp) < 98 || pct(req) < 98 {
		t.Errorf("field coverage below 98%%: responses %.1f%%, requests %.1f%%", pct(resp), pct(req))
	}
}

// TestEveryObjectSchemaHasAGoType checks that the generated table maps each
// object schema with properties to a Go type; error bodies belong to package
// rest.
func TestEveryObjectSchemaHasAGoType(t *testing.T) {
	for name, s := range specSchemas(t) {
		if len(s.Properties) == 0 || name == "Error" || name == "InnerErrors" {
			continue
		}
		if _, ok := specTypes[name]; !ok {
			t.Errorf("schema %s has no Go type", name)
		}
	}
}

// payloadTypes names the Go type of each example object of Discord's docs.
var payloadTypes = map[string]func() any{
	"object_message__MESSAGE_CREATE_d.json":                       func() any { return new(Message) },
	"object_guild__GUILD_CREATE_d_base.json":                      func() any { return new(Guild) },
	"object_unavailable_guild__GUILD_DELETE_d.json":               func() any { return new(UnavailableGuild) },
	"object_guild_member.json":                                    func() any { return new(Member) },
	"object_interaction__INTERACTION_CREATE_d_slash_command.json": func() any { return new(Interaction) },
	"object_channel_guild_text.json":                              func() any { return new(Channel) },
	"object_channel_thread__THREAD_CREATE_d.json":                 func() any { return new(Channel) },
	"object_user__USER_UPDATE_d.json":                             func() any { return new(User) },
	"object_entitlement__ENTITLEMENT_CREATE_d.json":               func() any { return new(Entitlement) },
	"object_voice_state__VOICE_STATE_UPDATE_d.json":               func() any { return new(VoiceState) },
	"object_activity_rich_presence.json":                          func() any { return new(Activity) },
	"http_GET_gateway_bot_response.json":                          func() any { return new(GatewayBot) },
}

// TestDocPayloadsRoundTrip decodes every example object of Discord's docs
// into its Go type, rejecting fields the type does not have, encodes it
// again and checks that the result is equivalent JSON: the same members with
// the same values, where a member left out stands for a null or zero value
// (see the package documentation) and timestamps compare as instants.
func TestDocPayloadsRoundTrip(t *testing.T) {
	for file, newValue := range payloadTypes {
		t.Run(file, func(t *testing.T) {
			raw := specdata.ReadFile(t, "discord-spec", "payloads", file)
			first := newValue()
			dec := json.NewDecoder(bytes.NewReader(raw))
			dec.DisallowUnknownFields()
			if err := dec.Decode(first); err != nil {
				t.Fatalf("decode %T: %v", first, err)
			}
			encoded, err := json.Marshal(first)
			if err != nil {
				t.Fatalf("encode %T: %v", first, err)
			}
			var want, got any
			if err := json.Unmarshal(raw, &want); err != nil {
				t.Fatal(err)
			}
			if err := json.Unmarshal(encoded, &got); err != nil {
				t.Fatal(err)
			}
			if diff := jsonequiv.Diff("", jsonequiv.Normalize(want), jsonequiv.Normalize(got)); diff != "" {
				t.Errorf("re-encoded JSON differs:\n%s\nencoded: %s", diff, encoded)
			}
			// Encoding is a fixed point: decoding the encoded value and
			// encoding it again gives the same bytes.
			second := newValue()
			if err := json.Unmarshal(encoded, second); err != nil {
				t.Fatalf("decode re-encoded: %v", err)
			}
			again, err := json.Marshal(second)
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(encoded, again) {
				t.Errorf("encode(decode(encode(v))) differs:\n%s\n%s", encoded, again)
			}
		})
	}
}

package discordtest

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"mime"
	"mime/multipart"
	"net/url"
	"regexp"
	"strconv"
	"strings"

	"github.com/cordage/cordage/discord"
)

// maxFileSize is Discord's default upload limit per file.
const maxFileSize = 10 << 20

// filesField matches the name of a file part: files[n].
var filesField = regexp.MustCompile(`^files\[(\d+)\]$`)

// parse decodes the query and the body of a request and checks them against
// the operation's schemas: 50109 for JSON that does not parse, 50035 with
// the field errors for values the schemas reject.
func (c *call) parse(raw []byte) error {
	op := spec().Operations[c.route.Operation]
	if op == nil {
		return nil
	}
	var errs []fieldError
	q := c.r.URL.Query()
	for _, name := range op.QueryRequired {
		if !q.Has(name) {
			errs = append(errs, fieldError{[]string{name}, "BASE_TYPE_REQUIRED", "This field is required"})
		}
	}
	if len(op.Query) > 0 {
		lenient := &checker{d: spec(), lenient: true}
		for _, name := range sortedKeys(op.Query) {
			vals, ok := q[name]
			if !ok {
				continue
			}
			sch := op.Query[name]
			var v any = vals[0]
			if r := spec().resolve(sch); r != nil && r.Type.has("array") {
				list := make([]any, len(vals))
				for i, x := range vals {
					list[i] = x
				}
				v = list
			}
			errs = append(errs, lenient.validate(sch, v, []string{name})...)
		}
	}
	if c.route.Body == 0 || c.r.Method == "GET" {
		return formErrorOrNil(errs)
	}
	sch := op.Request
	ctype, params, _ := mime.ParseMediaType(c.r.Header.Get("Content-Type"))
	lenient := false
	switch {
	case len(bytes.TrimSpace(raw)) == 0:
		if c.route.BodyRequired && sch != nil {
			c.body = map[string]any{}
		}
	case ctype == "application/json":
		if !json.Valid(raw) {
			return discordError(50109)
		}
		c.body = decodeJSON(raw)
	case ctype == "application/x-www-form-urlencoded":
		form, err := url.ParseQuery(string(raw))
		if err != nil {
			return discordError(50109)
		}
		obj := map[string]any{}
		for k, v := range form {
			obj[k] = v[0]
		}
		c.body, lenient = obj, true
	case ctype == "multipart/form-data":
		obj, fromJSON, err := c.parseMultipart(raw, params["boundary"])
		if err != nil {
			return err
		}
		c.body, lenient = obj, !fromJSON
		if op.Request == nil && op.Multipart != nil {
			// Multipart-only routes describe their file parts in the schema.
			sch = op.Multipart
			for _, f := range c.files {
				obj[f.field] = f.filename
			}
		}
	default:
		return fieldFail("CONTENT_TYPE_INVALID",
			`Expected "Content-Type" header to be one of {'application/json', 'application/x-www-form-urlencoded', 'multipart/form-data'}.`)
	}
	if c.body != nil && sch != nil {
		errs = append(errs, (&checker{d: spec(), lenient: lenient}).validate(sch, c.body, nil)...)
	}
	return formErrorOrNil(errs)
}

func formErrorOrNil(errs []fieldError) error {
	if len(errs) == 0 {
		return nil
	}
	return formError(errs)
}

// parseMultipart reads the parts of a multipart body: payload_json holds the
// JSON (other fields are then ignored, as Discord does), files[n] and any
// other part with a filename are uploads, the rest are form fields. It
// reports whether the body came from payload_json.
func (c *call) parseMultipart(raw []byte, boundary string) (map[string]any, bool, error) {
	if boundary == "" {
		return nil, false, fieldFail("CONTENT_TYPE_INVALID", "Missing multipart boundary.")
	}
	mr := multipart.NewReader(bytes.NewReader(raw), boundary)
	fields := map[string]any{}
	var payload map[string]any
	next := 0
	for {
		part, err := mr.NextPart()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, false, fieldFail("MULTIPART_INVALID", "Invalid multipart body.")
		}
		data, err := io.ReadAll(part)
		if err != nil {
			return nil, false, fieldFail("MULTIPART_INVALID", "Invalid multipart body.")
		}
		name := part.FormName()
		switch {
		case name == "payload_json":
			if !json.Valid(data) {
				return nil, false, discordError(50109)
			}
			obj, ok := decodeJSON(data).(map[string]any)
			if !ok {
				return nil, false, fieldFail("MODEL_TYPE_CONVERT", "Expected an object/dictionary.", "payload_json")
			}
			payload = obj
		case part.FileName() != "":
			if len(data) > maxFileSize {
				return nil, false, discordError(40005)
			}
			idx := next
			if m := filesField.FindStringSubmatch(name); m != nil {
				idx, _ = strconv.Atoi(m[1])
			}
			next = max(next, idx) + 1
			ct := part.Header.Get("Content-Type")
			if ct == "" || ct == "application/octet-stream" {
				if guess := mime.TypeByExtension(fileExt(part.FileName())); guess != "" {
					ct = guess
				}
			}
			c.files = append(c.files, upload{index: idx, field: name, filename: part.FileName(), contentType: ct, data: data})
		default:
			fields[name] = string(data)
		}
	}
	if payload != nil {
		return payload, true, nil
	}
	return fields, false, nil
}

func fileExt(name string) string {
	if i := strings.LastIndexByte(name, '.'); i >= 0 {
		return name[i:]
	}
	return ""
}

// The helpers below read the decoded body of a call.

// obj returns the body as an object, empty when there is none.
func (c *call) obj() map[string]any {
	if m, ok := c.body.(map[string]any); ok {
		return m
	}
	return map[string]any{}
}

// has reports whether the body sets a field, to a value or to null.
func (c *call) has(name string) bool {
	_, ok := c.obj()[name]
	return ok
}

// str returns a string field ("" when absent or null).
func (c *call) str(name string) string {
	s, _ := c.obj()[name].(string)
	return s
}

// field decodes a field that is present and not null into out.
func (c *call) field(name string, out any) bool {
	v, ok := c.obj()[name]
	if !ok || v == nil {
		return false
	}
	return jsonOf(v, out) == nil
}

// decode decodes the whole body into out.
func (c *call) decode(out any) error {
	if c.body == nil {
		return nil
	}
	return jsonOf(c.body, out)
}

// queryInt returns an integer query parameter, or def.
func (c *call) queryInt(name string, def int) int {
	if n, err := strconv.Atoi(c.r.URL.Query().Get(name)); err == nil {
		return n
	}
	return def
}

// querySnowflake returns a snowflake query parameter, or 0.
func (c *call) querySnowflake(name string) discord.Snowflake {
	id, _ := discord.ParseSnowflake(c.r.URL.Query().Get(name))
	return id
}

// queryBool reads a boolean query parameter as Discord does: true, True or 1.
func (c *call) queryBool(name string) bool {
	switch c.r.URL.Query().Get(name) {
	case "true", "True", "1":
		return true
	}
	return false
}

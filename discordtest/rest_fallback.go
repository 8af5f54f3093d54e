package discordtest

import (
	"encoding/base64"
	"encoding/json"
	"strconv"
	"strings"
)

// Routes the emulator keeps no state for still answer as Discord would,
// with the smallest instance of the spec's response schema: their required
// properties with zero-ish values of the right type, null where allowed,
// empty arrays, snowflakes as strings and the path's IDs where the instance
// names them. No client call meets a 404 for a route Discord has.

// schemaReply answers a route from its response schema.
func (c *call) schemaReply() (any, error) {
	op := spec().Operations[c.route.Operation]
	status := c.route.Success[0]
	var sch *schema
	if op != nil {
		for _, st := range c.route.Success {
			if s := op.Responses[strconv.Itoa(st)]; s != nil && st != 202 {
				status, sch = st, s
				break
			}
		}
	}
	c.status = status
	if sch == nil {
		return nil, nil
	}
	if sch.ContentMediaType != "" {
		return c.textReply(sch.ContentMediaType), nil
	}
	inst := spec().example(sch)
	if obj, ok := inst.(map[string]any); ok {
		c.fillIDs(obj)
	}
	return inst, nil
}

// fillIDs puts the request's path parameters into an instance: a property
// named like a parameter takes its value, and id takes the last ID of the
// path, so GET /stickers/123 answers a sticker whose id is 123.
func (c *call) fillIDs(obj map[string]any) {
	last := ""
	for _, seg := range splitPath(c.route.Path) {
		if strings.HasPrefix(seg, "{") {
			name := strings.Trim(seg, "{}")
			if _, ok := obj[name]; ok && isInteger(c.params[name]) {
				obj[name] = c.params[name]
			}
			last = name
		}
	}
	if v, ok := c.params[last]; ok {
		if _, has := obj["id"]; has && strings.HasSuffix(last, "_id") && isInteger(v) {
			obj["id"] = v
		}
		if _, has := obj["code"]; has && last == "code" {
			obj["code"] = v
		}
	}
	if _, ok := obj["application_id"]; ok && c.params["application_id"] == "" {
		obj["application_id"] = c.s.ApplicationID().String()
	}
}

// textReply answers the routes whose response is not JSON: a widget image
// and a CSV of an invite's target users.
func (c *call) textReply(mediaType string) rawBody {
	switch mediaType {
	case "image/png":
		return rawBody{contentType: mediaType, data: onePixelPNG}
	case "text/csv":
		return rawBody{contentType: mediaType, data: []byte("user_id\n")}
	}
	return rawBody{contentType: mediaType}
}

// onePixelPNG is a transparent 1×1 PNG.
var onePixelPNG, _ = base64.StdEncoding.DecodeString(
	"iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==")

// jsonOf re-encodes a decoded value into a Go type.
func jsonOf(v any, out any) error {
	b, err := json.Marshal(v)
	if err != nil {
		return err
	}
	return json.Unmarshal(b, out)
}

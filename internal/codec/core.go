package codec

import (
	"encoding"
	"encoding/json"
	"fmt"
	"strconv"

	"github.com/cordage/cordage/discord"
)

// rawString reads a string and returns the bytes between its quotes as they
// are in the input, and whether they hold no escape.
func (d *Decoder) rawString() ([]byte, bool) {
	start := d.pos + 1
	d.stringBytes()
	if d.err != nil {
		return nil, false
	}
	raw := d.buf[start : d.pos-1]
	for _, c := range raw {
		if c == '\\' {
			return raw, false
		}
	}
	return raw, true
}

// decimal reads what Snowflake and Permissions accept: a decimal string or
// number, parsed as strconv.ParseUint does. what names the type for errors.
func (d *Decoder) decimal(what string) (uint64, bool) {
	var digits []byte
	switch c := d.peek(); {
	case c == '"':
		// Most snowflakes are plain digits: parse them in the same pass.
		b := d.buf
		i := d.pos + 1
		var n uint64
		for j := i; j < len(b) && j-i < 19; j++ {
			c := b[j]
			if c == '"' && j > i {
				d.pos = j + 1
				return n, true
			}
			if c < '0' || c > '9' {
				break
			}
			n = n*10 + uint64(c-'0')
		}
		raw, plain := d.rawString()
		if !plain {
			d.Failf("invalid %s: escaped string", what)
			return 0, false
		}
		digits = raw
	case isNumberStart(c):
		digits, _ = d.number()
	default:
		d.typeErr(what)
		return 0, false
	}
	if d.err != nil {
		return 0, false
	}
	n, ok := parseUint(digits)
	if !ok {
		d.Failf("invalid %s %q", what, digits)
		return 0, false
	}
	return n, true
}

// DecodeSnowflake decodes a snowflake as (*discord.Snowflake).UnmarshalJSON
// does: a decimal string or number; null is zero.
func DecodeSnowflake(d *Decoder, v *discord.Snowflake) {
	if d.Null() {
		*v = 0
		return
	}
	if n, ok := d.decimal("snowflake"); ok {
		*v = discord.Snowflake(n)
	}
}

// DecodePermissions decodes permissions as
// (*discord.Permissions).UnmarshalJSON does.
func DecodePermissions(d *Decoder, v *discord.Permissions) {
	if d.Null() {
		*v = 0
		return
	}
	if n, ok := d.decimal("permissions"); ok {
		*v = discord.Permissions(n)
	}
}

// DecodeColor decodes a colour as (*discord.Color).UnmarshalJSON does: an
// integer from 0 to 0xFFFFFF; null is zero.
func DecodeColor(d *Decoder, v *discord.Color) {
	if d.Null() {
		*v = 0
		return
	}
	if !isNumberStart(d.peek()) {
		d.typeErr("discord.Color")
		return
	}
	lit, _ := d.number()
	if d.err != nil {
		return
	}
	n, ok := parseUint(lit)
	if !ok || n > uint64(discord.MaxColor) {
		d.Failf("invalid color %s", lit)
		return
	}
	*v = discord.Color(n)
}

// DecodeNonce decodes a nonce as (*discord.Nonce).UnmarshalJSON does: a
// string, or an integer kept as its text; null is "".
func DecodeNonce(d *Decoder, v *discord.Nonce) {
	switch c := d.peek(); {
	case c == 'n':
		d.literal("null")
		*v = ""
	case c == '"':
		if s, ok := d.String(); ok {
			*v = discord.Nonce(s)
		}
	case isNumberStart(c):
		lit, _ := d.number()
		if d.err == nil {
			*v = discord.Nonce(d.intern(lit))
		}
	default:
		d.typeErr("discord.Nonce")
	}
}

// DecodePresent sets a presence flag: any value, null included, sets it.
func DecodePresent(d *Decoder, v *discord.Present) {
	d.Skip()
	if d.err == nil {
		*v = true
	}
}

// Unmarshaler hands the next value to u's UnmarshalJSON, as encoding/json
// does for a type with that method.
func Unmarshaler(d *Decoder, u json.Unmarshaler) {
	raw := d.Raw()
	if d.err != nil {
		return
	}
	if err := u.UnmarshalJSON(raw); err != nil {
		d.Fail(err)
	}
}

// Text decodes a string through u's UnmarshalText, as encoding/json does for
// a type with that method and no UnmarshalJSON. Anything but a string fails.
func Text(d *Decoder, u encoding.TextUnmarshaler) {
	if d.peek() != '"' {
		d.typeErr(fmt.Sprintf("%T", u))
		return
	}
	b := d.stringBytes()
	if d.err != nil {
		return
	}
	if err := u.UnmarshalText(b); err != nil {
		d.Fail(err)
	}
}

// TextKey decodes an object key through u's UnmarshalText. encoding/json
// hands a key with escapes to UnmarshalJSON still quoted when the type has
// that method too, so the fast path leaves such keys alone.
func TextKey(d *Decoder, key []byte, u encoding.TextUnmarshaler) {
	if d.keyUnquoted {
		d.Failf("escaped key %q for %T", key, u)
		return
	}
	if err := u.UnmarshalText(key); err != nil {
		d.Fail(err)
	}
}

// IntKey parses an object key for a map with integer keys of bits bits.
func IntKey(d *Decoder, key []byte, bits int) int64 {
	n, err := strconv.ParseInt(string(key), 10, 64)
	if err != nil || bits < 64 && (n < -1<<(bits-1) || n >= 1<<(bits-1)) {
		d.Failf("map key %q is not a %d-bit integer", key, bits)
	}
	return n
}

// UintKey parses an object key for a map with unsigned integer keys.
func UintKey(d *Decoder, key []byte, bits int) uint64 {
	n, err := strconv.ParseUint(string(key), 10, 64)
	if err != nil || bits < 64 && n>>bits != 0 {
		d.Failf("map key %q is not a %d-bit unsigned integer", key, bits)
	}
	return n
}

// KeyString returns an object key as a string, copied out of the input.
func (d *Decoder) KeyString(key []byte) string { return d.intern(key) }

// Std decodes the next value with encoding/json, for the Go types the
// generated code does not handle itself (interfaces, arrays, []byte).
func Std(d *Decoder, v any) {
	raw := d.Raw()
	if d.err != nil {
		return
	}
	if err := json.Unmarshal(raw, v); err != nil {
		d.Fail(err)
	}
}

// DecodeSnowflakes decodes an array of snowflakes, such as a member's roles,
// collecting them in the decoder's own buffer: such arrays never nest, and
// they are the most common arrays of all.
func DecodeSnowflakes(d *Decoder, v *[]discord.Snowflake) {
	if !d.Array() {
		if !d.Failed() {
			*v = nil
		}
		return
	}
	buf := d.ids[:0]
	for d.More() {
		var id discord.Snowflake
		DecodeSnowflake(d, &id)
		buf = append(buf, id)
	}
	d.ids = buf
	if d.err != nil {
		return
	}
	if len(buf) == 0 {
		*v = []discord.Snowflake{}
		return
	}
	*v = append([]discord.Snowflake(nil), buf...)
}

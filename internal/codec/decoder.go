// Package codec is cordage's JSON decoder for Discord payloads: a strict
// single-pass reader over a byte slice and, generated from the Go types of
// packages discord and events, one decode function per type. It is the seam
// DESIGN §7 asks for: callers go through it, and the codec behind it is chosen
// by measurement.
//
// # Equivalence with encoding/json
//
// A decode through this package gives the same Go value as encoding/json
// would, or it fails. It never succeeds where encoding/json fails, and every
// entry point falls back to encoding/json for the whole input when the fast
// path fails. So an error, and its message, is always the one encoding/json
// gives. The fast path fails, and leaves the case to the fallback, on:
//
//   - anything that is not valid JSON, or nested deeper than encoding/json
//     allows;
//   - a value whose JSON type does not fit the Go type;
//   - a key that matches a field only without regard to case, or a key
//     given twice in one object (where encoding/json's merge rules apply);
//   - an error from a type's own UnmarshalJSON.
//
// The differential fuzz tests of this package and of package events check
// the first sentence on every type.
//
// # Strings
//
// The strings of one decoded value share a few backing arrays of at most
// 16 KiB each, rather than one allocation per string. A string kept after the
// rest of the value is dropped keeps its backing array alive; strings.Clone
// detaches it.
package codec

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"math/bits"
	"strconv"
	"strings"
	"unicode/utf16"
	"unicode/utf8"
	"unsafe"

	"github.com/cordage/cordage/discord"
)

// maxDepth is encoding/json's limit on nesting.
const maxDepth = 10000

// chunkSize bounds the backing arrays strings are cut from.
const chunkSize = 16 << 10

// Decoder reads one JSON value from a byte slice. Its methods do nothing once
// it has failed; Err reports the first failure. The generated decode
// functions are its main users.
type Decoder struct {
	buf   []byte
	pos   int
	depth int
	err   error
	first bool // the next Key or More is the first of its object or array
	// keyUnquoted reports that the last key read had escapes or invalid
	// UTF-8, so its bytes differ from the input's.
	keyUnquoted bool
	unquoted    bool // the last string read went through unquoteSlow
	arena       []byte
	scratch     []byte
	ids         []discord.Snowflake // DecodeSnowflakes's buffer
}

// Reset makes d read data, keeping its scratch space.
func (d *Decoder) Reset(data []byte) {
	*d = Decoder{buf: data, scratch: d.scratch[:0], ids: d.ids[:0]}
}

// Err returns the first error d met, or nil.
func (d *Decoder) Err() error { return d.err }

// Failed reports whether d has met an error.
func (d *Decoder) Failed() bool { return d.err != nil }

// Finish checks that only white space follows the value read and returns the
// first error met.
func (d *Decoder) Finish() error {
	if d.err == nil {
		d.skipSpace()
		if d.pos != len(d.buf) {
			d.syntax("data after the top-level value")
		}
	}
	return d.err
}

// Fail records err unless an error is recorded already.
func (d *Decoder) Fail(err error) {
	if d.err == nil {
		d.err = err
		d.pos = len(d.buf)
	}
}

// Failf records a formatted error.
func (d *Decoder) Failf(format string, args ...any) {
	if d.err == nil {
		d.Fail(fmt.Errorf("codec: offset %d: "+format, append([]any{d.pos}, args...)...))
	}
}

func (d *Decoder) syntax(what string) {
	d.Failf("invalid JSON: %s", what)
}

func (d *Decoder) typeErr(want string) {
	d.Failf("cannot decode %s into %s", d.kindAt(), want)
}

func (d *Decoder) kindAt() string {
	if d.pos >= len(d.buf) {
		return "end of input"
	}
	switch c := d.buf[d.pos]; c {
	case '{':
		return "object"
	case '[':
		return "array"
	case '"':
		return "string"
	case 't', 'f':
		return "bool"
	case 'n':
		return "null"
	default:
		return "number"
	}
}

func (d *Decoder) skipSpace() {
	for d.pos < len(d.buf) {
		switch d.buf[d.pos] {
		case ' ', '\t', '\n', '\r':
			d.pos++
		default:
			return
		}
	}
}

// peek skips white space and returns the next byte, or 0 at the end.
func (d *Decoder) peek() byte {
	if d.pos < len(d.buf) && d.buf[d.pos] > ' ' {
		return d.buf[d.pos]
	}
	d.skipSpace()
	if d.pos < len(d.buf) {
		return d.buf[d.pos]
	}
	return 0
}

// Null consumes a null literal if one comes next and reports whether it did.
func (d *Decoder) Null() bool {
	if d.peek() != 'n' {
		return false
	}
	d.literal("null")
	return d.err == nil
}

func (d *Decoder) literal(lit string) {
	if len(d.buf)-d.pos >= len(lit) && string(d.buf[d.pos:d.pos+len(lit)]) == lit {
		d.pos += len(lit)
		return
	}
	d.syntax("bad literal")
}

// Object consumes the start of an object and reports true; on null it
// consumes it and reports false, on anything else it fails.
func (d *Decoder) Object() bool {
	switch d.peek() {
	case '{':
		if d.depth++; d.depth > maxDepth {
			d.syntax("exceeded max depth")
			return false
		}
		d.pos++
		d.first = true
		return true
	case 'n':
		d.literal("null")
		return false
	}
	d.typeErr("a Go struct or map")
	return false
}

// Key reads the next key of the object being read and the colon after it. It
// reports false at the end of the object, which it consumes. The key is valid
// until the next call into d.
func (d *Decoder) Key() ([]byte, bool) {
	if d.err != nil {
		return nil, false
	}
	c := d.peek()
	if !d.first {
		switch c {
		case '}':
			d.pos++
			d.depth--
			return nil, false
		case ',':
			d.pos++
			c = d.peek()
		default:
			d.syntax("want , or } after object value")
			return nil, false
		}
	} else if c == '}' {
		d.pos++
		d.depth--
		d.first = false
		return nil, false
	}
	d.first = false
	if c != '"' {
		d.syntax("want object key")
		return nil, false
	}
	d.unquoted = false
	key := d.stringBytes()
	d.keyUnquoted = d.unquoted
	if d.peek() != ':' {
		d.syntax("want : after object key")
		return nil, false
	}
	d.pos++
	return key, d.err == nil
}

// Array consumes the start of an array and reports true; on null it consumes
// it and reports false, on anything else it fails.
func (d *Decoder) Array() bool {
	switch d.peek() {
	case '[':
		if d.depth++; d.depth > maxDepth {
			d.syntax("exceeded max depth")
			return false
		}
		d.pos++
		d.first = true
		return true
	case 'n':
		d.literal("null")
		return false
	}
	d.typeErr("a Go slice")
	return false
}

// More reports whether the array being read has another element, consuming
// the comma before it or the closing bracket after the last.
func (d *Decoder) More() bool {
	if d.err != nil {
		return false
	}
	c := d.peek()
	if d.first {
		d.first = false
		if c == ']' {
			d.pos++
			d.depth--
			return false
		}
		return true
	}
	switch c {
	case ']':
		d.pos++
		d.depth--
		return false
	case ',':
		d.pos++
		return true
	}
	d.syntax("want , or ] after array element")
	return false
}

// stringBytes reads a string at d.pos and returns its unquoted bytes: a
// slice of the input when it has no escapes and is valid UTF-8, otherwise
// d.scratch.
func (d *Decoder) stringBytes() []byte {
	start := d.pos + 1
	i := start
	ascii := true
	b := d.buf
	for {
		// Eight bytes at a time while none of them is a quote, a backslash,
		// a control character or non-ASCII.
		for i+8 <= len(b) {
			if m := special(binary.LittleEndian.Uint64(b[i:])); m != 0 {
				// The lowest flagged byte is a true one.
				i += bits.TrailingZeros64(m) >> 3
				break
			}
			i += 8
		}
		if i >= len(b) {
			break
		}
		c := b[i]
		switch {
		case c == '"':
			d.pos = i + 1
			s := b[start:i]
			if !ascii && !utf8.Valid(s) {
				return d.unquoteSlow(s)
			}
			return s
		case c == '\\':
			return d.unquoteEscaped(start)
		case c < 0x20:
			d.pos = i
			d.syntax("control character in string")
			return nil
		case c >= 0x80:
			ascii = false
		}
		i++
	}
	d.pos = len(b)
	d.syntax("unterminated string")
	return nil
}

const (
	lsb = 0x0101010101010101
	msb = 0x8080808080808080
)

// special has a high bit set for a byte of w that is a quote, a backslash, a
// control character or non-ASCII, when there is one.
func special(w uint64) uint64 {
	quote := w ^ ('"' * lsb)
	backslash := w ^ ('\\' * lsb)
	return ((quote-lsb)&^quote | (backslash-lsb)&^backslash | (w - 0x20*lsb) | w) & msb
}

// unquoteEscaped finds the end of a string holding escapes, checking them,
// and unquotes it into d.scratch.
func (d *Decoder) unquoteEscaped(start int) []byte {
	i := start
	for i < len(d.buf) {
		c := d.buf[i]
		switch {
		case c == '"':
			d.pos = i + 1
			return d.unquoteSlow(d.buf[start:i])
		case c == '\\':
			if i+1 >= len(d.buf) {
				d.pos = len(d.buf)
				d.syntax("unterminated string")
				return nil
			}
			switch d.buf[i+1] {
			case '"', '\\', '/', 'b', 'f', 'n', 'r', 't':
				i += 2
			case 'u':
				if i+6 > len(d.buf) || !isHex4(d.buf[i+2:i+6]) {
					d.pos = i
					d.syntax("bad \\u escape in string")
					return nil
				}
				i += 6
			default:
				d.pos = i
				d.syntax("bad escape in string")
				return nil
			}
		case c < 0x20:
			d.pos = i
			d.syntax("control character in string")
			return nil
		default:
			i++
		}
	}
	d.pos = len(d.buf)
	d.syntax("unterminated string")
	return nil
}

func isHex4(b []byte) bool {
	for _, c := range b[:4] {
		if !('0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F') {
			return false
		}
	}
	return true
}

func hex4(b []byte) rune {
	var r rune
	for _, c := range b[:4] {
		switch {
		case c <= '9':
			c -= '0'
		case c <= 'F':
			c -= 'A' - 10
		default:
			c -= 'a' - 10
		}
		r = r<<4 | rune(c)
	}
	return r
}

// unquoteSlow decodes the escapes of s, already checked, into d.scratch and
// replaces invalid UTF-8 and lone surrogates with U+FFFD, as encoding/json
// does.
func (d *Decoder) unquoteSlow(s []byte) []byte {
	d.unquoted = true
	b := d.scratch[:0]
	for r := 0; r < len(s); {
		c := s[r]
		switch {
		case c == '\\':
			switch s[r+1] {
			case 'b':
				b = append(b, '\b')
			case 'f':
				b = append(b, '\f')
			case 'n':
				b = append(b, '\n')
			case 'r':
				b = append(b, '\r')
			case 't':
				b = append(b, '\t')
			case 'u':
				rr := hex4(s[r+2:])
				r += 6
				if utf16.IsSurrogate(rr) {
					if r+6 <= len(s) && s[r] == '\\' && s[r+1] == 'u' {
						if dec := utf16.DecodeRune(rr, hex4(s[r+2:])); dec != utf8.RuneError {
							b = utf8.AppendRune(b, dec)
							r += 6
							continue
						}
					}
					rr = utf8.RuneError
				}
				b = utf8.AppendRune(b, rr)
				continue
			default: // '"', '\\', '/'
				b = append(b, s[r+1])
			}
			r += 2
		case c < utf8.RuneSelf:
			b = append(b, c)
			r++
		default:
			rr, size := utf8.DecodeRune(s[r:])
			if rr == utf8.RuneError && size == 1 {
				b = utf8.AppendRune(b, utf8.RuneError)
			} else {
				b = append(b, s[r:r+size]...)
			}
			r += size
		}
	}
	d.scratch = b
	return b
}

// String reads a string. On null it reports false and leaves the target
// alone, as encoding/json does; on anything else it fails.
func (d *Decoder) String() (string, bool) {
	switch d.peek() {
	case '"':
		b := d.stringBytes()
		return d.intern(b), d.err == nil
	case 'n':
		d.literal("null")
		return "", false
	}
	d.typeErr("a Go string")
	return "", false
}

// intern copies b into the string arena.
func (d *Decoder) intern(b []byte) string {
	if len(b) == 0 {
		return ""
	}
	if cap(d.arena)-len(d.arena) < len(b) {
		n := min(max((len(d.buf)-d.pos)/4, 256)+len(b), chunkSize)
		d.arena = make([]byte, 0, max(n, len(b)))
	}
	start := len(d.arena)
	d.arena = append(d.arena, b...)
	return unsafe.String(&d.arena[start], len(b))
}

// Bool reads a boolean; on null it reports ok false.
func (d *Decoder) Bool() (v, ok bool) {
	switch d.peek() {
	case 't':
		d.literal("true")
		return true, d.err == nil
	case 'f':
		d.literal("false")
		return false, d.err == nil
	case 'n':
		d.literal("null")
		return false, false
	}
	d.typeErr("a Go bool")
	return false, false
}

// number reads a number literal, checking its grammar, and reports whether
// it is an integer (no fraction, no exponent).
func (d *Decoder) number() ([]byte, bool) {
	start := d.pos
	i := start
	b := d.buf
	if i < len(b) && b[i] == '-' {
		i++
	}
	switch {
	case i < len(b) && b[i] == '0':
		i++
	case i < len(b) && '1' <= b[i] && b[i] <= '9':
		for i++; i < len(b) && '0' <= b[i] && b[i] <= '9'; i++ {
		}
	default:
		d.pos = i
		d.syntax("bad number")
		return nil, false
	}
	integer := true
	if i < len(b) && b[i] == '.' {
		integer = false
		i++
		if i >= len(b) || b[i] < '0' || b[i] > '9' {
			d.pos = i
			d.syntax("bad number")
			return nil, false
		}
		for ; i < len(b) && '0' <= b[i] && b[i] <= '9'; i++ {
		}
	}
	if i < len(b) && (b[i] == 'e' || b[i] == 'E') {
		integer = false
		i++
		if i < len(b) && (b[i] == '+' || b[i] == '-') {
			i++
		}
		if i >= len(b) || b[i] < '0' || b[i] > '9' {
			d.pos = i
			d.syntax("bad number")
			return nil, false
		}
		for ; i < len(b) && '0' <= b[i] && b[i] <= '9'; i++ {
		}
	}
	d.pos = i
	return b[start:i], integer
}

func isNumberStart(c byte) bool { return c == '-' || '0' <= c && c <= '9' }

// Int reads an integer that fits in bits bits; on null it reports false.
func (d *Decoder) Int(bits int) (int64, bool) {
	c := d.peek()
	if c == 'n' {
		d.literal("null")
		return 0, false
	}
	if !isNumberStart(c) {
		d.typeErr("a Go int")
		return 0, false
	}
	lit, integer := d.number()
	if d.err != nil {
		return 0, false
	}
	if !integer {
		d.Failf("number %s is not an integer", lit)
		return 0, false
	}
	var n int64
	if len(lit) <= 18 {
		neg := lit[0] == '-'
		digits := lit
		if neg {
			digits = lit[1:]
		}
		for _, c := range digits {
			n = n*10 + int64(c-'0')
		}
		if neg {
			n = -n
		}
	} else {
		var err error
		if n, err = strconv.ParseInt(string(lit), 10, 64); err != nil {
			d.Failf("number %s overflows a Go int", lit)
			return 0, false
		}
	}
	if bits < 64 {
		if lim := int64(1) << (bits - 1); n < -lim || n >= lim {
			d.Failf("number %s overflows a %d-bit Go int", lit, bits)
			return 0, false
		}
	}
	return n, true
}

// Uint reads an unsigned integer that fits in bits bits; on null it reports
// false.
func (d *Decoder) Uint(bits int) (uint64, bool) {
	c := d.peek()
	if c == 'n' {
		d.literal("null")
		return 0, false
	}
	if !isNumberStart(c) {
		d.typeErr("a Go uint")
		return 0, false
	}
	lit, integer := d.number()
	if d.err != nil {
		return 0, false
	}
	n, ok := parseUint(lit)
	if !integer || !ok {
		d.Failf("number %s is not an unsigned integer", lit)
		return 0, false
	}
	if bits < 64 && n>>bits != 0 {
		d.Failf("number %s overflows a %d-bit Go uint", lit, bits)
		return 0, false
	}
	return n, true
}

// parseUint parses decimal digits as strconv.ParseUint(s, 10, 64) does.
func parseUint(s []byte) (uint64, bool) {
	if len(s) == 0 {
		return 0, false
	}
	if len(s) <= 19 {
		var n uint64
		for _, c := range s {
			if c < '0' || c > '9' {
				return 0, false
			}
			n = n*10 + uint64(c-'0')
		}
		return n, true
	}
	n, err := strconv.ParseUint(string(s), 10, 64)
	return n, err == nil
}

// Float reads a number into a float of bits bits; on null it reports false.
func (d *Decoder) Float(bits int) (float64, bool) {
	c := d.peek()
	if c == 'n' {
		d.literal("null")
		return 0, false
	}
	if !isNumberStart(c) {
		d.typeErr("a Go float")
		return 0, false
	}
	lit, _ := d.number()
	if d.err != nil {
		return 0, false
	}
	f, err := strconv.ParseFloat(unsafe.String(&lit[0], len(lit)), bits)
	if err != nil {
		d.Failf("number %s overflows a %d-bit Go float", lit, bits)
		return 0, false
	}
	return f, true
}

// Skip reads and checks one value of any type.
func (d *Decoder) Skip() {
	switch d.peek() {
	case '{':
		if d.Object() {
			for _, ok := d.Key(); ok; _, ok = d.Key() {
				d.Skip()
			}
		}
	case '[':
		if d.Array() {
			for d.More() {
				d.Skip()
			}
		}
	case '"':
		d.stringBytes()
	case 't':
		d.literal("true")
	case 'f':
		d.literal("false")
	case 'n':
		d.literal("null")
	default:
		if isNumberStart(d.peek()) {
			d.number()
			return
		}
		if d.pos >= len(d.buf) {
			d.syntax("unexpected end of input")
		} else {
			d.syntax(fmt.Sprintf("unexpected character %q", d.buf[d.pos]))
		}
	}
}

// Raw reads one value and returns its bytes, a slice of the input.
func (d *Decoder) Raw() []byte {
	start := d.pos
	d.Skip()
	if d.err != nil {
		return nil
	}
	raw := d.buf[start:d.pos]
	for len(raw) > 0 && isSpace(raw[0]) {
		raw = raw[1:]
	}
	return raw
}

func isSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }

// Unknown handles a key no field of a struct takes: when it matches one of
// names without regard to case, encoding/json would use it, so the fast path
// fails; otherwise the value is skipped.
func (d *Decoder) Unknown(key []byte, names []string) {
	ascii := true
	for _, c := range key {
		if c >= utf8.RuneSelf {
			ascii = false
			break
		}
	}
	k := unsafe.String(unsafe.SliceData(key), len(key))
	for _, n := range names {
		// Field names are ASCII; an ASCII key can fold to one only at the
		// same length.
		if (!ascii || len(n) == len(k)) && strings.EqualFold(k, n) {
			d.Failf("key %q matches field %q only without regard to case", key, n)
			return
		}
	}
	d.Skip()
}

// Duplicate fails on a key given twice in one object.
func (d *Decoder) Duplicate(key string) {
	d.Failf("key %q given twice", key)
}

// ErrFallback marks a value the fast path leaves to encoding/json.
var ErrFallback = errors.New("codec: left to encoding/json")

// Span reads one value and returns its bytes, a slice of the input, checking
// only that its brackets balance and its strings end: a cheap way to split
// out a value that is decoded, and checked in full, later. Scalars are
// checked in full.
func (d *Decoder) Span() []byte {
	c := d.peek()
	if c != '{' && c != '[' {
		return d.Raw()
	}
	b := d.buf
	start := d.pos
	depth := 0
	for i := start; i < len(b); i++ {
		switch b[i] {
		case '"':
			// Find the closing quote: one not escaped by an odd run of
			// backslashes.
			j := i + 1
			for {
				k := bytes.IndexByte(b[j:], '"')
				if k < 0 {
					d.pos = len(b)
					d.syntax("unterminated string")
					return nil
				}
				j += k
				n := 0
				for n < j-i-1 && b[j-1-n] == '\\' {
					n++
				}
				if n%2 == 0 {
					break
				}
				j++
			}
			i = j
		case '{', '[':
			if depth++; depth > maxDepth {
				d.pos = i
				d.syntax("exceeded max depth")
				return nil
			}
		case '}', ']':
			if depth--; depth == 0 {
				d.pos = i + 1
				return b[start:d.pos]
			}
		}
	}
	d.pos = len(b)
	d.syntax("unexpected end of input")
	return nil
}

// Peek returns the next byte after white space, or 0 at the end.
func (d *Decoder) Peek() byte { return d.peek() }

// StringBytes reads a string and returns its unquoted bytes, valid until
// the next call into d; on null it reports false.
func (d *Decoder) StringBytes() ([]byte, bool) {
	switch d.peek() {
	case '"':
		b := d.stringBytes()
		return b, d.err == nil
	case 'n':
		d.literal("null")
		return nil, false
	}
	d.typeErr("a Go string")
	return nil, false
}

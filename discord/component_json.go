package discord

import (
	"errors"
	"strconv"
)

// A minimal JSON walker for Components: it splits an array into its elements
// and finds an object's "type" without decoding anything, so each component
// is decoded once, straight into its Go type. encoding/json has validated
// the input before it calls an UnmarshalJSON method, but these functions are
// written for any input: they never index out of range and report malformed
// JSON as an error.

var errMalformed = errors.New("malformed JSON")

func isJSONNull(b []byte) bool {
	i := skipSpace(b, 0)
	return len(b)-i >= 4 && string(b[i:i+4]) == "null" && skipSpace(b, i+4) == len(b)
}

func skipSpace(b []byte, i int) int {
	for i < len(b) {
		switch b[i] {
		case ' ', '\t', '\n', '\r':
			i++
		default:
			return i
		}
	}
	return i
}

// skipString returns the index just past the string that starts at b[i],
// which must be '"'.
func skipString(b []byte, i int) (int, bool) {
	for i++; i < len(b); i++ {
		switch b[i] {
		case '\\':
			i++
		case '"':
			return i + 1, true
		}
	}
	return len(b), false
}

// skipValue returns the index just past the JSON value that starts at b[i].
func skipValue(b []byte, i int) (int, bool) {
	if i >= len(b) {
		return i, false
	}
	switch b[i] {
	case '"':
		return skipString(b, i)
	case '{', '[':
		depth := 0
		for i < len(b) {
			switch b[i] {
			case '"':
				end, ok := skipString(b, i)
				if !ok {
					return end, false
				}
				i = end
				continue
			case '{', '[':
				depth++
			case '}', ']':
				depth--
				if depth == 0 {
					return i + 1, true
				}
			}
			i++
		}
		return i, false
	case '}', ']', ',', ':':
		return i, false
	}
	start := i
	for i < len(b) {
		switch b[i] {
		case ',', '}', ']', ' ', '\t', '\n', '\r':
			return i, i > start
		}
		i++
	}
	return i, i > start
}

// forEachElement calls fn with the index and the bytes of each element of
// the JSON array b, in order, and stops at the first error.
func forEachElement(b []byte, fn func(i int, elem []byte) error) error {
	i := skipSpace(b, 0)
	if i >= len(b) || b[i] != '[' {
		return errors.New("not a JSON array")
	}
	i = skipSpace(b, i+1)
	if i < len(b) && b[i] == ']' {
		return nil
	}
	for n := 0; ; n++ {
		end, ok := skipValue(b, i)
		if !ok {
			return errMalformed
		}
		if err := fn(n, b[i:end]); err != nil {
			return err
		}
		i = skipSpace(b, end)
		if i >= len(b) {
			return errMalformed
		}
		switch b[i] {
		case ',':
			i = skipSpace(b, i+1)
		case ']':
			return nil
		default:
			return errMalformed
		}
	}
}

// countElements returns the number of elements of the JSON array b.
func countElements(b []byte) (int, error) {
	n := 0
	err := forEachElement(b, func(int, []byte) error { n++; return nil })
	return n, err
}

// peekType returns the value of the "type" field of the JSON object b,
// reading only its top level, and whether the field is there.
func peekType(b []byte) (t ComponentType, found bool, err error) {
	i := skipSpace(b, 0)
	if i >= len(b) || b[i] != '{' {
		return 0, false, errors.New("not a JSON object")
	}
	i = skipSpace(b, i+1)
	if i < len(b) && b[i] == '}' {
		return 0, false, nil
	}
	for {
		if i >= len(b) || b[i] != '"' {
			return 0, false, errMalformed
		}
		end, ok := skipString(b, i)
		if !ok {
			return 0, false, errMalformed
		}
		key := b[i+1 : end-1]
		i = skipSpace(b, end)
		if i >= len(b) || b[i] != ':' {
			return 0, false, errMalformed
		}
		i = skipSpace(b, i+1)
		vend, ok := skipValue(b, i)
		if !ok {
			return 0, false, errMalformed
		}
		if string(key) == "type" {
			n, ok := parseInt(b[i:vend])
			if !ok {
				return 0, true, errors.New(`"type" is not an integer: ` + jsonSnippet(b[i:vend]))
			}
			return ComponentType(n), true, nil
		}
		i = skipSpace(b, vend)
		if i >= len(b) {
			return 0, false, errMalformed
		}
		switch b[i] {
		case ',':
			i = skipSpace(b, i+1)
		case '}':
			return 0, false, nil
		default:
			return 0, false, errMalformed
		}
	}
}

// parseInt parses a JSON integer that fits an int32, the range of Discord's
// component fields.
func parseInt(b []byte) (int, bool) {
	if len(b) == 0 || len(b) > 11 {
		return 0, false
	}
	n, err := strconv.ParseInt(string(b), 10, 32)
	return int(n), err == nil
}

// jsonSnippet returns the start of a JSON value for an error message.
func jsonSnippet(b []byte) string {
	const max = 40
	if len(b) > max {
		return string(b[:max]) + "..."
	}
	return string(b)
}

package discord

import (
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"
)

// ValidationError reports every limit a request breaks. Request types return
// it from Validate; the rest client returns it, unwrapped, before sending
// anything.
type ValidationError struct {
	// Request names the request type, for example "CreateMessageRequest".
	Request string
	// Violations lists each broken limit in field order.
	Violations []Violation
}

// Violation is one broken limit of a request.
type Violation struct {
	// Field is the path of the field, such as "embeds[0].fields[2].name". It
	// is empty for a limit on the request as a whole.
	Field string
	// Problem says what is wrong, for example "longer than 2000 characters (2301)".
	Problem string
}

// String formats the violation as "field: problem".
func (v Violation) String() string {
	if v.Field == "" {
		return v.Problem
	}
	return v.Field + ": " + v.Problem
}

// Error lists the request's violations on one line.
func (e *ValidationError) Error() string {
	var b strings.Builder
	b.WriteString("discord: invalid ")
	b.WriteString(e.Request)
	for i, v := range e.Violations {
		if i == 0 {
			b.WriteString(": ")
		} else {
			b.WriteString("; ")
		}
		b.WriteString(v.String())
	}
	return b.String()
}

// Has reports whether the error holds a violation of field.
func (e *ValidationError) Has(field string) bool {
	for _, v := range e.Violations {
		if v.Field == field {
			return true
		}
	}
	return false
}

// validator collects the violations of one Validate call. Request and object
// types implement validate(*validator, path) so nested values report their
// problems with full field paths.
type validator struct {
	request    string
	violations []Violation
}

func newValidator(request string) *validator { return &validator{request: request} }

func (v *validator) err() error {
	if len(v.violations) == 0 {
		return nil
	}
	return &ValidationError{Request: v.request, Violations: v.violations}
}

func (v *validator) add(field, format string, args ...any) {
	v.violations = append(v.violations, Violation{Field: field, Problem: fmt.Sprintf(format, args...)})
}

// field joins a parent path and a field name.
func field(path, name string) string {
	if path == "" {
		return name
	}
	return path + "." + name
}

// index joins a parent path, a field name and an element index.
func index(path, name string, i int) string {
	return field(path, name) + "[" + strconv.Itoa(i) + "]"
}

// chars counts characters the way Discord does for its length limits.
func chars(s string) int { return utf8.RuneCountInString(s) }

// length checks that s has between min and max characters. An empty s is not
// checked against min: an empty field is left out of the body.
func (v *validator) length(field, s string, min, max int) {
	n := chars(s)
	switch {
	case max > 0 && n > max:
		v.add(field, "longer than %d characters (%d)", max, n)
	case n > 0 && n < min:
		v.add(field, "shorter than %d characters (%d)", min, n)
	}
}

// required reports a field that must be set but holds its zero value.
func (v *validator) required(field string, set bool) {
	if !set {
		v.add(field, "required")
	}
}

// items checks the number of elements of a list.
func (v *validator) items(field string, n, min, max int) {
	switch {
	case max > 0 && n > max:
		v.add(field, "more than %d items (%d)", max, n)
	case n > 0 && n < min:
		v.add(field, "fewer than %d items (%d)", min, n)
	}
}

// between checks that an integer lies in [min, max].
func (v *validator) between(field string, n, min, max int64) {
	if n < min || n > max {
		v.add(field, "must be between %d and %d (%d)", min, max, n)
	}
}

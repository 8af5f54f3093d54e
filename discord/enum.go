package discord

import (
	"math/bits"
	"strconv"
	"strings"
)

//go:generate go run ../internal/gen/discordgen -shared ../../shared

// enumString returns Discord's name of an enum value, or "Type(n)" for a
// value this version does not know.
func enumString[T ~int](v T, names map[T]string, typ string) string {
	if s, ok := names[v]; ok {
		return s
	}
	return typ + "(" + strconv.Itoa(int(v)) + ")"
}

// flagString lists the names of the set bits of f, joined by "|"; unknown
// bits are shown as 1<<n.
func flagString[T ~uint64](f T, names map[T]string) string {
	if f == 0 {
		return "0"
	}
	var b strings.Builder
	for rest := uint64(f); rest != 0; rest &= rest - 1 {
		bit := T(1) << bits.TrailingZeros64(rest)
		if b.Len() > 0 {
			b.WriteByte('|')
		}
		if s, ok := names[bit]; ok {
			b.WriteString(s)
		} else {
			b.WriteString("1<<" + strconv.Itoa(bits.TrailingZeros64(rest)))
		}
	}
	return b.String()
}

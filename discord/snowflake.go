package discord

import (
	"errors"
	"fmt"
	"strconv"
	"time"
)

// Snowflake is Discord's unique ID: a 64-bit integer whose top 42 bits are
// milliseconds since the Discord epoch (the first second of 2015). Discord
// sends it as a JSON string; Snowflake also accepts a JSON number and treats
// null as zero. The zero Snowflake means "no ID".
type Snowflake uint64

// DiscordEpoch is the start of Discord's snowflake clock, 2015-01-01T00:00:00Z,
// in Unix milliseconds.
const DiscordEpoch = 1420070400000

// ParseSnowflake parses a decimal snowflake such as "175928847299117063".
func ParseSnowflake(s string) (Snowflake, error) {
	n, err := strconv.ParseUint(s, 10, 64)
	if err != nil {
		return 0, fmt.Errorf("discord: parse snowflake %q: %w", s, errors.Unwrap(err))
	}
	return Snowflake(n), nil
}

// SnowflakeFromTime returns the smallest snowflake created at t. Discord
// accepts such values as the before and after bounds of paginated lists.
func SnowflakeFromTime(t time.Time) Snowflake {
	ms := t.UnixMilli() - DiscordEpoch
	if ms < 0 {
		return 0
	}
	return Snowflake(uint64(ms) << 22)
}

// String formats the snowflake in decimal.
func (s Snowflake) String() string { return strconv.FormatUint(uint64(s), 10) }

// IsZero reports whether s is the zero (absent) snowflake.
func (s Snowflake) IsZero() bool { return s == 0 }

// Time returns when the snowflake was created, in UTC.
func (s Snowflake) Time() time.Time {
	return time.UnixMilli(int64(s>>22) + DiscordEpoch).UTC()
}

// WorkerID returns the internal worker that generated the snowflake.
func (s Snowflake) WorkerID() uint8 { return uint8(s>>17) & 0x1f }

// ProcessID returns the internal process that generated the snowflake.
func (s Snowflake) ProcessID() uint8 { return uint8(s>>12) & 0x1f }

// Increment returns the per-process counter of the snowflake.
func (s Snowflake) Increment() uint16 { return uint16(s) & 0xfff }

// MarshalJSON encodes the snowflake as a JSON string, as Discord does.
func (s Snowflake) MarshalJSON() ([]byte, error) {
	b := make([]byte, 0, 22)
	b = append(b, '"')
	b = strconv.AppendUint(b, uint64(s), 10)
	return append(b, '"'), nil
}

// UnmarshalJSON decodes a snowflake from a JSON string or number; null
// decodes to zero.
func (s *Snowflake) UnmarshalJSON(b []byte) error {
	if string(b) == "null" {
		*s = 0
		return nil
	}
	if len(b) >= 2 && b[0] == '"' && b[len(b)-1] == '"' {
		b = b[1 : len(b)-1]
	}
	n, err := strconv.ParseUint(string(b), 10, 64)
	if err != nil {
		return fmt.Errorf("discord: invalid snowflake %s", strconv.Quote(string(b)))
	}
	*s = Snowflake(n)
	return nil
}

// MarshalText formats the snowflake in decimal, so snowflakes work as JSON
// object keys and in query strings.
func (s Snowflake) MarshalText() ([]byte, error) {
	return strconv.AppendUint(nil, uint64(s), 10), nil
}

// UnmarshalText parses a decimal snowflake.
func (s *Snowflake) UnmarshalText(b []byte) error {
	n, err := strconv.ParseUint(string(b), 10, 64)
	if err != nil {
		return fmt.Errorf("discord: invalid snowflake %s", strconv.Quote(string(b)))
	}
	*s = Snowflake(n)
	return nil
}

package discord

import (
	"fmt"
	"strconv"
	"strings"
)

// Color is an RGB colour packed as 0xRRGGBB, the form Discord uses for embed
// and role colours. Valid colours lie in 0 through 0xFFFFFF ([MaxColor]).
//
// In JSON a Color is an integer. Decoding accepts an integer or null (which
// decodes to 0); encoding a value above MaxColor fails with an error rather
// than sending Discord a colour it would reject.
//
// Zero is black, and it is also the zero value: a request field of type Color
// tagged omitzero leaves a zero colour out of the body, and Discord shows an
// embed without a colour in its default grey. Use [ColorBlack] through an
// [Optional] when a black colour must be sent.
type Color uint32

// MaxColor is the largest valid Color, white.
const MaxColor Color = 0xFFFFFF

// Discord's brand palette.
const (
	// ColorBlurple is Discord's brand blurple, #5865f2.
	ColorBlurple Color = 0x5865F2
	// ColorGreen is Discord's brand green, #57f287.
	ColorGreen Color = 0x57F287
	// ColorYellow is Discord's brand yellow, #fee75c.
	ColorYellow Color = 0xFEE75C
	// ColorFuchsia is Discord's brand fuchsia, #eb459e.
	ColorFuchsia Color = 0xEB459E
	// ColorRed is Discord's brand red, #ed4245.
	ColorRed Color = 0xED4245
	// ColorWhite is white, #ffffff.
	ColorWhite Color = 0xFFFFFF
	// ColorBlack is black, #000000. It equals the zero Color; see [Color].
	ColorBlack Color = 0x000000
)

// The classic embed palette that Discord bot libraries (discord.py,
// discord.js) have long shipped.
const (
	// ColorTeal is #1abc9c.
	ColorTeal Color = 0x1ABC9C
	// ColorDarkTeal is #11806a.
	ColorDarkTeal Color = 0x11806A
	// ColorDarkGreen is #1f8b4c.
	ColorDarkGreen Color = 0x1F8B4C
	// ColorBlue is #3498db.
	ColorBlue Color = 0x3498DB
	// ColorDarkBlue is #206694.
	ColorDarkBlue Color = 0x206694
	// ColorPurple is #9b59b6.
	ColorPurple Color = 0x9B59B6
	// ColorDarkPurple is #71368a.
	ColorDarkPurple Color = 0x71368A
	// ColorMagenta is #e91e63.
	ColorMagenta Color = 0xE91E63
	// ColorDarkMagenta is #ad1457.
	ColorDarkMagenta Color = 0xAD1457
	// ColorGold is #f1c40f.
	ColorGold Color = 0xF1C40F
	// ColorDarkGold is #c27c0e.
	ColorDarkGold Color = 0xC27C0E
	// ColorOrange is #e67e22.
	ColorOrange Color = 0xE67E22
	// ColorDarkOrange is #a84300.
	ColorDarkOrange Color = 0xA84300
	// ColorDarkRed is #992d22.
	ColorDarkRed Color = 0x992D22
	// ColorLighterGrey is #95a5a6.
	ColorLighterGrey Color = 0x95A5A6
	// ColorLightGrey is #979c9f.
	ColorLightGrey Color = 0x979C9F
	// ColorDarkGrey is #607d8b.
	ColorDarkGrey Color = 0x607D8B
	// ColorDarkerGrey is #546e7a.
	ColorDarkerGrey Color = 0x546E7A
	// ColorNavy is #34495e.
	ColorNavy Color = 0x34495E
	// ColorDarkNavy is #2c3e50.
	ColorDarkNavy Color = 0x2C3E50
	// ColorOldBlurple is Discord's blurple before the 2021 rebrand, #7289da.
	ColorOldBlurple Color = 0x7289DA
	// ColorGreyple is Discord's greyple, #99aab5.
	ColorGreyple Color = 0x99AAB5
	// ColorDarkTheme is the background of Discord's dark theme, #313338; an
	// embed in this colour shows no visible stripe there.
	ColorDarkTheme Color = 0x313338
	// ColorDarkEmbed is the background of an embed in Discord's dark theme,
	// #2b2d31.
	ColorDarkEmbed Color = 0x2B2D31
	// ColorLightEmbed is the background of an embed in Discord's light theme,
	// #eeeff1.
	ColorLightEmbed Color = 0xEEEFF1
)

// RGB returns the colour with red r, green g and blue b.
func RGB(r, g, b uint8) Color {
	return Color(r)<<16 | Color(g)<<8 | Color(b)
}

// RGB returns the red, green and blue components of the colour. Bits above
// 0xFFFFFF are ignored.
func (c Color) RGB() (r, g, b uint8) {
	return uint8(c >> 16), uint8(c >> 8), uint8(c)
}

// IsValid reports whether c lies in 0 through [MaxColor], the range Discord
// accepts.
func (c Color) IsValid() bool { return c <= MaxColor }

// ParseColor parses a colour written as "#rrggbb", "rrggbb", "0xrrggbb" or
// the short form "#rgb" (each digit doubled: "#f80" is "#ff8800"). Hex digits
// may be upper or lower case. Any other input, including a value above
// 0xFFFFFF, is an error that quotes the input.
func ParseColor(s string) (Color, error) {
	digits := s
	short := false
	switch {
	case strings.HasPrefix(digits, "#"):
		digits = digits[1:]
		short = len(digits) == 3
	case strings.HasPrefix(digits, "0x"), strings.HasPrefix(digits, "0X"):
		digits = digits[2:]
	}
	if short {
		digits = string([]byte{digits[0], digits[0], digits[1], digits[1], digits[2], digits[2]})
	}
	if len(digits) != 6 {
		return 0, parseColorError(s)
	}
	var c Color
	for i := 0; i < len(digits); i++ {
		d, ok := hexDigit(digits[i])
		if !ok {
			return 0, parseColorError(s)
		}
		c = c<<4 | Color(d)
	}
	return c, nil
}

func parseColorError(s string) error {
	return fmt.Errorf("discord: parse color %q: want hex digits as #rrggbb, rrggbb, 0xrrggbb or #rgb", s)
}

func hexDigit(b byte) (byte, bool) {
	switch {
	case '0' <= b && b <= '9':
		return b - '0', true
	case 'a' <= b && b <= 'f':
		return b - 'a' + 10, true
	case 'A' <= b && b <= 'F':
		return b - 'A' + 10, true
	}
	return 0, false
}

// Hex formats the colour as "#rrggbb" in lower case. A value above
// [MaxColor] keeps all its digits ("#1000000"), so it never passes for a
// valid colour.
func (c Color) Hex() string {
	const digits = "0123456789abcdef"
	if c > MaxColor {
		return "#" + strconv.FormatUint(uint64(c), 16)
	}
	b := [7]byte{'#'}
	for i := 6; i >= 1; i-- {
		b[i] = digits[c&0xF]
		c >>= 4
	}
	return string(b[:])
}

// String formats the colour as "#rrggbb", like [Color.Hex].
func (c Color) String() string { return c.Hex() }

// MarshalJSON encodes the colour as a JSON integer, as Discord expects. A
// colour above [MaxColor] is an error.
func (c Color) MarshalJSON() ([]byte, error) {
	if c > MaxColor {
		return nil, fmt.Errorf("discord: color %d is above 0xFFFFFF", uint32(c))
	}
	return strconv.AppendUint(nil, uint64(c), 10), nil
}

// UnmarshalJSON decodes a colour from a JSON integer in 0 through 0xFFFFFF;
// null decodes to 0.
func (c *Color) UnmarshalJSON(b []byte) error {
	if string(b) == "null" {
		*c = 0
		return nil
	}
	n, err := strconv.ParseUint(string(b), 10, 32)
	if err != nil || n > uint64(MaxColor) {
		return fmt.Errorf("discord: invalid color %s: want an integer from 0 to 16777215", rawJSONSnippet(b))
	}
	*c = Color(n)
	return nil
}

// rawJSONSnippet shortens raw JSON for an error message.
func rawJSONSnippet(b []byte) string {
	const max = 40
	if len(b) > max {
		return string(b[:max]) + "..."
	}
	return string(b)
}

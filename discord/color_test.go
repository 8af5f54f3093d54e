package discord

import (
	"encoding/json"
	"strings"
	"testing"
)

func TestRGB(t *testing.T) {
	c := RGB(0x58, 0x65, 0xF2)
	if c != ColorBlurple {
		t.Errorf("RGB(0x58, 0x65, 0xF2) = %#x, want %#x", uint32(c), uint32(ColorBlurple))
	}
	r, g, b := c.RGB()
	if r != 0x58 || g != 0x65 || b != 0xF2 {
		t.Errorf("RGB() = %#x, %#x, %#x", r, g, b)
	}
	if RGB(255, 255, 255) != ColorWhite || RGB(0, 0, 0) != ColorBlack {
		t.Error("RGB of white or black is wrong")
	}
}

func TestParseColorAcceptsDocumentedForms(t *testing.T) {
	tests := []struct {
		in   string
		want Color
	}{
		{"#5865f2", ColorBlurple},
		{"#5865F2", ColorBlurple},
		{"5865f2", ColorBlurple},
		{"0x5865f2", ColorBlurple},
		{"0X5865F2", ColorBlurple},
		{"#f80", 0xFF8800},
		{"#FFF", ColorWhite},
		{"#000", ColorBlack},
		{"000000", ColorBlack},
		{"#ffffff", ColorWhite},
	}
	for _, tt := range tests {
		got, err := ParseColor(tt.in)
		if err != nil || got != tt.want {
			t.Errorf("ParseColor(%q) = %#x, %v; want %#x", tt.in, uint32(got), err, uint32(tt.want))
		}
	}
}

func TestParseColorRejectsOtherInputNamingIt(t *testing.T) {
	for _, in := range []string{
		"", "#", "0x", "fff", "0xfff", "#ffff", "#fffffff", "1000000", "0x1000000", "#gggggg",
		"##abcdef", "#0xabcd", "red", " #ffffff", "#ffffff ", "+12345", "-12345", "#ab", "0xabcdeg",
	} {
		c, err := ParseColor(in)
		if err == nil {
			t.Errorf("ParseColor(%q) = %#x, want an error", in, uint32(c))
			continue
		}
		if !strings.Contains(err.Error(), "\""+in+"\"") {
			t.Errorf("ParseColor(%q) error %q does not name the input", in, err)
		}
	}
}

func TestColorHexAndString(t *testing.T) {
	tests := []struct {
		c    Color
		want string
	}{
		{ColorBlurple, "#5865f2"},
		{ColorBlack, "#000000"},
		{ColorWhite, "#ffffff"},
		{0x0000ff, "#0000ff"},
		{0x1000000, "#1000000"},
	}
	for _, tt := range tests {
		if got := tt.c.Hex(); got != tt.want {
			t.Errorf("Color(%#x).Hex() = %q, want %q", uint32(tt.c), got, tt.want)
		}
		if got := tt.c.String(); got != tt.want {
			t.Errorf("Color(%#x).String() = %q, want %q", uint32(tt.c), got, tt.want)
		}
	}
	if _, err := ParseColor(Color(0x1000000).Hex()); err == nil {
		t.Error("the Hex of an invalid colour parses")
	}
}

func TestColorIsValid(t *testing.T) {
	if !ColorWhite.IsValid() || !ColorBlack.IsValid() || Color(0x1000000).IsValid() {
		t.Error("IsValid is wrong at the range bounds")
	}
}

func TestColorJSONIsAnInteger(t *testing.T) {
	b, err := json.Marshal(struct {
		C Color `json:"color"`
	}{ColorBlurple})
	if err != nil {
		t.Fatal(err)
	}
	if got, want := string(b), `{"color":5793266}`; got != want {
		t.Errorf("Marshal = %s, want %s", got, want)
	}
	if _, err := json.Marshal(Color(0x1000000)); err == nil {
		t.Error("Marshal of a colour above 0xFFFFFF succeeded, want an error")
	}

	tests := []struct {
		in   string
		want Color
	}{
		{`5793266`, ColorBlurple},
		{`0`, 0},
		{`null`, 0},
		{`16777215`, ColorWhite},
	}
	for _, tt := range tests {
		c := Color(1)
		if err := json.Unmarshal([]byte(tt.in), &c); err != nil || c != tt.want {
			t.Errorf("Unmarshal(%s) = %#x, %v; want %#x", tt.in, uint32(c), err, uint32(tt.want))
		}
	}
	for _, in := range []string{`16777216`, `-1`, `1.5`, `"5793266"`, `"#5865f2"`, `true`, `{}`} {
		var c Color
		if err := json.Unmarshal([]byte(in), &c); err == nil {
			t.Errorf("Unmarshal(%s) = %#x, want an error", in, uint32(c))
		}
	}
}

func TestNamedColors(t *testing.T) {
	tests := []struct {
		c    Color
		want string
	}{
		{ColorBlurple, "#5865f2"},
		{ColorGreen, "#57f287"},
		{ColorYellow, "#fee75c"},
		{ColorFuchsia, "#eb459e"},
		{ColorRed, "#ed4245"},
		{ColorTeal, "#1abc9c"},
		{ColorDarkTheme, "#313338"},
		{ColorGreyple, "#99aab5"},
		{ColorOldBlurple, "#7289da"},
	}
	for _, tt := range tests {
		if got := tt.c.Hex(); got != tt.want {
			t.Errorf("got %s, want %s", got, tt.want)
		}
	}
}

func FuzzParseColor(f *testing.F) {
	for _, seed := range []string{
		"#5865f2", "5865F2", "0x5865f2", "0X00FF00", "#f80", "#FFF", "", "#", "#ffff", "0x", "zzzzzz",
		"#ffffff0", "1000000", "0x1000000", "#\xff\xfe\xfd", "#ab\x00",
	} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, s string) {
		c, err := ParseColor(s)
		if err != nil {
			return
		}
		if !c.IsValid() {
			t.Fatalf("ParseColor(%q) = %#x, above 0xFFFFFF", s, uint32(c))
		}
		hex := c.Hex()
		again, err := ParseColor(hex)
		if err != nil || again != c {
			t.Fatalf("ParseColor(%q) = %#x; ParseColor(Hex %q) = %#x, %v", s, uint32(c), hex, uint32(again), err)
		}
		if again.Hex() != hex {
			t.Fatalf("Hex is not stable: %q then %q", hex, again.Hex())
		}
		b, err := json.Marshal(c)
		if err != nil {
			t.Fatalf("Marshal(%#x): %v", uint32(c), err)
		}
		var decoded Color
		if err := json.Unmarshal(b, &decoded); err != nil || decoded != c {
			t.Fatalf("JSON round trip of %#x = %#x, %v", uint32(c), uint32(decoded), err)
		}
	})
}

package discord

import (
	"encoding/json"
	"slices"
	"testing"

	"github.com/cordage/cordage/internal/specdata"
)

// TestLocalesMatchOpenAPI proves that every value of the spec's
// AvailableLocalesEnum has a constant, and that there is no other.
func TestLocalesMatchOpenAPI(t *testing.T) {
	var spec struct {
		Components struct {
			Schemas struct {
				AvailableLocalesEnum struct {
					OneOf []struct {
						Const string `json:"const"`
					} `json:"oneOf"`
				} `json:"AvailableLocalesEnum"`
			} `json:"schemas"`
		} `json:"components"`
	}
	if err := json.Unmarshal(specdata.ReadFile(t, "discord-spec", "openapi.json"), &spec); err != nil {
		t.Fatal(err)
	}
	var want []Locale
	for _, v := range spec.Components.Schemas.AvailableLocalesEnum.OneOf {
		want = append(want, Locale(v.Const))
	}
	if len(want) == 0 {
		t.Fatal("openapi.json has no AvailableLocalesEnum values")
	}
	got := Locales()
	for _, l := range want {
		if !slices.Contains(got, l) {
			t.Errorf("locale %q of the spec has no constant", l)
		}
	}
	for _, l := range got {
		if !slices.Contains(want, l) {
			t.Errorf("locale %q is not in the spec", l)
		}
	}
}

func TestLocaleNames(t *testing.T) {
	tests := []struct {
		l            Locale
		name, native string
	}{
		{LocaleEnglishUS, "English, US", "English, US"},
		{LocaleGerman, "German", "Deutsch"},
		{LocaleJapanese, "Japanese", "日本語"},
		{LocaleSpanishLATAM, "Spanish, LATAM", "Español, LATAM"},
		{LocalePortugueseBR, "Portuguese, Brazilian", "Português do Brasil"},
		{Locale("xx-YY"), "", ""},
	}
	for _, tt := range tests {
		if got := tt.l.Name(); got != tt.name {
			t.Errorf("%q.Name() = %q, want %q", tt.l, got, tt.name)
		}
		if got := tt.l.NativeName(); got != tt.native {
			t.Errorf("%q.NativeName() = %q, want %q", tt.l, got, tt.native)
		}
	}
}

func TestEveryLocaleHasNamesAndIsKnown(t *testing.T) {
	seen := map[Locale]bool{}
	for _, l := range Locales() {
		if seen[l] {
			t.Errorf("locale %q listed twice", l)
		}
		seen[l] = true
		if !l.Known() || l.Name() == "" || l.NativeName() == "" || l.String() != string(l) {
			t.Errorf("locale %q: known %v, name %q, native %q", l, l.Known(), l.Name(), l.NativeName())
		}
	}
	for _, l := range []Locale{"", "en", "en-us", "EN-US", "xx"} {
		if l.Known() {
			t.Errorf("Locale(%q).Known() = true", l)
		}
	}
}

func TestLocalesReturnsACopy(t *testing.T) {
	a := Locales()
	a[0] = "changed"
	if Locales()[0] == "changed" {
		t.Error("Locales returns shared storage")
	}
}

func TestUnknownLocaleDecodes(t *testing.T) {
	var v struct {
		Locale Locale `json:"locale"`
	}
	if err := json.Unmarshal([]byte(`{"locale":"tlh"}`), &v); err != nil || v.Locale != "tlh" || v.Locale.Known() {
		t.Errorf("decode unknown locale: %q, %v", v.Locale, err)
	}
	b, _ := json.Marshal(map[Locale]string{LocaleFrench: "Bonjour"})
	if string(b) != `{"fr":"Bonjour"}` {
		t.Errorf("localizations map = %s", b)
	}
}

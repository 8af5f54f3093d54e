package discord

// Locale is a language Discord's clients can be set to, such as "en-US" or
// "de". Discord sends it as the locale of users, guilds and interactions,
// and accepts it as the key of localized command names and descriptions.
//
// Locale is a string type: a locale Discord adds later decodes without
// error, and [Locale.Known] reports whether this package knows it.
type Locale string

// The locales Discord supports, from the AvailableLocalesEnum of Discord's
// OpenAPI spec.
const (
	// LocaleArabic is Arabic, "ar".
	LocaleArabic Locale = "ar"
	// LocaleBulgarian is Bulgarian, "bg".
	LocaleBulgarian Locale = "bg"
	// LocaleCzech is Czech, "cs".
	LocaleCzech Locale = "cs"
	// LocaleDanish is Danish, "da".
	LocaleDanish Locale = "da"
	// LocaleGerman is German, "de".
	LocaleGerman Locale = "de"
	// LocaleGreek is Greek, "el".
	LocaleGreek Locale = "el"
	// LocaleEnglishGB is British English, "en-GB".
	LocaleEnglishGB Locale = "en-GB"
	// LocaleEnglishUS is American English, "en-US", Discord's default locale.
	LocaleEnglishUS Locale = "en-US"
	// LocaleSpanishLATAM is Latin American Spanish, "es-419".
	LocaleSpanishLATAM Locale = "es-419"
	// LocaleSpanish is Spanish as spoken in Spain, "es-ES".
	LocaleSpanish Locale = "es-ES"
	// LocaleFinnish is Finnish, "fi".
	LocaleFinnish Locale = "fi"
	// LocaleFrench is French, "fr".
	LocaleFrench Locale = "fr"
	// LocaleHebrew is Hebrew, "he".
	LocaleHebrew Locale = "he"
	// LocaleHindi is Hindi, "hi".
	LocaleHindi Locale = "hi"
	// LocaleCroatian is Croatian, "hr".
	LocaleCroatian Locale = "hr"
	// LocaleHungarian is Hungarian, "hu".
	LocaleHungarian Locale = "hu"
	// LocaleIndonesian is Indonesian, "id".
	LocaleIndonesian Locale = "id"
	// LocaleItalian is Italian, "it".
	LocaleItalian Locale = "it"
	// LocaleJapanese is Japanese, "ja".
	LocaleJapanese Locale = "ja"
	// LocaleKorean is Korean, "ko".
	LocaleKorean Locale = "ko"
	// LocaleLithuanian is Lithuanian, "lt".
	LocaleLithuanian Locale = "lt"
	// LocaleDutch is Dutch, "nl".
	LocaleDutch Locale = "nl"
	// LocaleNorwegian is Norwegian, "no".
	LocaleNorwegian Locale = "no"
	// LocalePolish is Polish, "pl".
	LocalePolish Locale = "pl"
	// LocalePortugueseBR is Brazilian Portuguese, "pt-BR".
	LocalePortugueseBR Locale = "pt-BR"
	// LocaleRomanian is Romanian, "ro".
	LocaleRomanian Locale = "ro"
	// LocaleRussian is Russian, "ru".
	LocaleRussian Locale = "ru"
	// LocaleSwedish is Swedish, "sv-SE".
	LocaleSwedish Locale = "sv-SE"
	// LocaleThai is Thai, "th".
	LocaleThai Locale = "th"
	// LocaleTurkish is Turkish, "tr".
	LocaleTurkish Locale = "tr"
	// LocaleUkrainian is Ukrainian, "uk".
	LocaleUkrainian Locale = "uk"
	// LocaleVietnamese is Vietnamese, "vi".
	LocaleVietnamese Locale = "vi"
	// LocaleChineseCN is Chinese as written in China (simplified), "zh-CN".
	LocaleChineseCN Locale = "zh-CN"
	// LocaleChineseTW is Chinese as written in Taiwan (traditional), "zh-TW".
	LocaleChineseTW Locale = "zh-TW"
)

type localeInfo struct {
	locale       Locale
	name, native string
}

// locales lists every known locale in the order of Discord's spec, with the
// English and native names Discord's client shows.
var locales = [...]localeInfo{
	{LocaleArabic, "Arabic", "العربية"},
	{LocaleBulgarian, "Bulgarian", "български"},
	{LocaleCzech, "Czech", "Čeština"},
	{LocaleDanish, "Danish", "Dansk"},
	{LocaleGerman, "German", "Deutsch"},
	{LocaleGreek, "Greek", "Ελληνικά"},
	{LocaleEnglishGB, "English, UK", "English, UK"},
	{LocaleEnglishUS, "English, US", "English, US"},
	{LocaleSpanishLATAM, "Spanish, LATAM", "Español, LATAM"},
	{LocaleSpanish, "Spanish", "Español"},
	{LocaleFinnish, "Finnish", "Suomi"},
	{LocaleFrench, "French", "Français"},
	{LocaleHebrew, "Hebrew", "עברית"},
	{LocaleHindi, "Hindi", "हिन्दी"},
	{LocaleCroatian, "Croatian", "Hrvatski"},
	{LocaleHungarian, "Hungarian", "Magyar"},
	{LocaleIndonesian, "Indonesian", "Bahasa Indonesia"},
	{LocaleItalian, "Italian", "Italiano"},
	{LocaleJapanese, "Japanese", "日本語"},
	{LocaleKorean, "Korean", "한국어"},
	{LocaleLithuanian, "Lithuanian", "Lietuviškai"},
	{LocaleDutch, "Dutch", "Nederlands"},
	{LocaleNorwegian, "Norwegian", "Norsk"},
	{LocalePolish, "Polish", "Polski"},
	{LocalePortugueseBR, "Portuguese, Brazilian", "Português do Brasil"},
	{LocaleRomanian, "Romanian, Romania", "Română"},
	{LocaleRussian, "Russian", "Русский"},
	{LocaleSwedish, "Swedish", "Svenska"},
	{LocaleThai, "Thai", "ไทย"},
	{LocaleTurkish, "Turkish", "Türkçe"},
	{LocaleUkrainian, "Ukrainian", "Українська"},
	{LocaleVietnamese, "Vietnamese", "Tiếng Việt"},
	{LocaleChineseCN, "Chinese, China", "中文"},
	{LocaleChineseTW, "Chinese, Taiwan", "繁體中文"},
}

func (l Locale) info() (localeInfo, bool) {
	for _, li := range locales {
		if li.locale == l {
			return li, true
		}
	}
	return localeInfo{}, false
}

// Locales returns every locale this package knows, in the order of Discord's
// spec. The caller may modify the returned slice.
func Locales() []Locale {
	out := make([]Locale, len(locales))
	for i, li := range locales {
		out[i] = li.locale
	}
	return out
}

// Known reports whether l is one of the locales Discord documents. Locale
// codes are case-sensitive: "en-us" is not known.
func (l Locale) Known() bool {
	_, ok := l.info()
	return ok
}

// Name returns the locale's English name, such as "German" for "de", or ""
// for an unknown locale.
func (l Locale) Name() string {
	li, _ := l.info()
	return li.name
}

// NativeName returns the locale's name in its own language, such as
// "Deutsch" for "de", or "" for an unknown locale.
func (l Locale) NativeName() string {
	li, _ := l.info()
	return li.native
}

// String returns the locale code, such as "en-US".
func (l Locale) String() string { return string(l) }

package discord

import (
	"strings"
	"testing"
)

const (
	testUser  Snowflake = 80351110224678912
	testGuild Snowflake = 197038439483310086
	testApp   Snowflake = 172150183260323840
	hashStill           = "1269e74af4df7417b13759eae50c83dc"
	hashAnim            = "a_1269e74af4df7417b13759eae50c83dc"
)

type cdnCase struct {
	name    string
	got     func() (string, error)
	want    string // the URL, when no error is expected
	wantErr string // a substring of the error
}

func runCDNCases(t *testing.T, cases []cdnCase) {
	t.Helper()
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got, err := tc.got()
			if tc.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tc.wantErr) {
					t.Fatalf("got %q, %v; want an error containing %q", got, err, tc.wantErr)
				}
				return
			}
			if err != nil || got != tc.want {
				t.Fatalf("got %q, %v\nwant %q", got, err, tc.want)
			}
		})
	}
}

func TestUserAvatarURL(t *testing.T) {
	base := "https://cdn.discordapp.com/avatars/80351110224678912/"
	runCDNCases(t, []cdnCase{
		{"default still is png", func() (string, error) { return UserAvatarURL(testUser, hashStill, ImageOptions{}) }, base + hashStill + ".png", ""},
		{"default animated is animated webp", func() (string, error) { return UserAvatarURL(testUser, hashAnim, ImageOptions{}) }, base + hashAnim + ".webp?animated=true", ""},
		{"animated webp with size", func() (string, error) {
			return UserAvatarURL(testUser, hashAnim, ImageOptions{Format: ImageFormatWebP, Size: 256})
		}, base + hashAnim + ".webp?size=256&animated=true", ""},
		{"animated gif", func() (string, error) { return UserAvatarURL(testUser, hashAnim, ImageOptions{Format: ImageFormatGIF}) }, base + hashAnim + ".gif", ""},
		{"first frame as png", func() (string, error) { return UserAvatarURL(testUser, hashAnim, ImageOptions{Format: ImageFormatPNG}) }, base + hashAnim + ".png", ""},
		{"jpeg uses .jpg", func() (string, error) {
			return UserAvatarURL(testUser, hashStill, ImageOptions{Format: ImageFormatJPEG, Size: 16})
		}, base + hashStill + ".jpg?size=16", ""},
		{"still webp has no animated flag", func() (string, error) {
			return UserAvatarURL(testUser, hashStill, ImageOptions{Format: ImageFormatWebP, Size: 4096})
		}, base + hashStill + ".webp?size=4096", ""},
		{"gif of a still hash", func() (string, error) {
			return UserAvatarURL(testUser, hashStill, ImageOptions{Format: ImageFormatGIF})
		}, "", "gif needs an animated image"},
		{"lottie", func() (string, error) {
			return UserAvatarURL(testUser, hashStill, ImageOptions{Format: ImageFormatLottie})
		}, "", `format "lottie" is not supported (want png, jpeg, webp, gif)`},
		{"unknown format", func() (string, error) { return UserAvatarURL(testUser, hashStill, ImageOptions{Format: "bmp"}) }, "", `format "bmp"`},
		{"size not a power of two", func() (string, error) { return UserAvatarURL(testUser, hashStill, ImageOptions{Size: 100}) }, "", "user avatar URL: size 100 is not a power of two"},
		{"size too small", func() (string, error) { return UserAvatarURL(testUser, hashStill, ImageOptions{Size: 8}) }, "", "size 8"},
		{"size too large", func() (string, error) { return UserAvatarURL(testUser, hashStill, ImageOptions{Size: 8192}) }, "", "size 8192"},
		{"negative size", func() (string, error) { return UserAvatarURL(testUser, hashStill, ImageOptions{Size: -16}) }, "", "size -16"},
		{"empty hash", func() (string, error) { return UserAvatarURL(testUser, "", ImageOptions{}) }, "", "empty image hash"},
		{"hash is escaped", func() (string, error) { return UserAvatarURL(testUser, "../x", ImageOptions{}) }, base + "..%2Fx.png", ""},
	})
}

func TestDefaultUserAvatarURL(t *testing.T) {
	base := "https://cdn.discordapp.com/embed/avatars/"
	// (80351110224678912 >> 22) % 6 == 5
	runCDNCases(t, []cdnCase{
		{"new username system", func() (string, error) { return DefaultUserAvatarURL(testUser, "0") }, base + "5.png", ""},
		{"no discriminator", func() (string, error) { return DefaultUserAvatarURL(testUser, "") }, base + "5.png", ""},
		{"index 0", func() (string, error) { return DefaultUserAvatarURL(6<<22, "0") }, base + "0.png", ""},
		{"index 5", func() (string, error) { return DefaultUserAvatarURL(5<<22, "0") }, base + "5.png", ""},
		{"legacy discriminator", func() (string, error) { return DefaultUserAvatarURL(testUser, "1337") }, base + "2.png", ""},
		{"legacy padded", func() (string, error) { return DefaultUserAvatarURL(testUser, "0004") }, base + "4.png", ""},
		{"legacy multiple of five", func() (string, error) { return DefaultUserAvatarURL(testUser, "0005") }, base + "0.png", ""},
		{"invalid discriminator", func() (string, error) { return DefaultUserAvatarURL(testUser, "abcd") }, "", `invalid discriminator "abcd"`},
	})
}

func TestGuildAndMemberImageURLs(t *testing.T) {
	cdn := "https://cdn.discordapp.com/"
	o := ImageOptions{Size: 512}
	runCDNCases(t, []cdnCase{
		{"member avatar", func() (string, error) { return GuildMemberAvatarURL(testGuild, testUser, hashStill, o) },
			cdn + "guilds/197038439483310086/users/80351110224678912/avatars/" + hashStill + ".png?size=512", ""},
		{"member avatar animated", func() (string, error) { return GuildMemberAvatarURL(testGuild, testUser, hashAnim, ImageOptions{}) },
			cdn + "guilds/197038439483310086/users/80351110224678912/avatars/" + hashAnim + ".webp?animated=true", ""},
		{"user banner", func() (string, error) { return UserBannerURL(testUser, hashAnim, ImageOptions{Format: ImageFormatGIF}) },
			cdn + "banners/80351110224678912/" + hashAnim + ".gif", ""},
		{"member banner", func() (string, error) {
			return GuildMemberBannerURL(testGuild, testUser, hashStill, ImageOptions{Format: ImageFormatWebP})
		},
			cdn + "guilds/197038439483310086/users/80351110224678912/banners/" + hashStill + ".webp", ""},
		{"guild icon", func() (string, error) { return GuildIconURL(testGuild, hashStill, ImageOptions{}) },
			cdn + "icons/197038439483310086/" + hashStill + ".png", ""},
		{"guild icon animated gif", func() (string, error) {
			return GuildIconURL(testGuild, hashAnim, ImageOptions{Format: ImageFormatGIF, Size: 64})
		},
			cdn + "icons/197038439483310086/" + hashAnim + ".gif?size=64", ""},
		{"guild splash", func() (string, error) {
			return GuildSplashURL(testGuild, hashStill, ImageOptions{Format: ImageFormatJPEG})
		},
			cdn + "splashes/197038439483310086/" + hashStill + ".jpg", ""},
		{"guild splash no gif", func() (string, error) {
			return GuildSplashURL(testGuild, hashAnim, ImageOptions{Format: ImageFormatGIF})
		},
			"", `guild splash URL: format "gif" is not supported (want png, jpeg, webp)`},
		{"guild splash a_ hash is not animated", func() (string, error) { return GuildSplashURL(testGuild, hashAnim, ImageOptions{}) },
			cdn + "splashes/197038439483310086/" + hashAnim + ".png", ""},
		{"discovery splash", func() (string, error) { return GuildDiscoverySplashURL(testGuild, hashStill, ImageOptions{Size: 1024}) },
			cdn + "discovery-splashes/197038439483310086/" + hashStill + ".png?size=1024", ""},
		{"guild banner", func() (string, error) {
			return GuildBannerURL(testGuild, hashAnim, ImageOptions{Format: ImageFormatWebP})
		},
			cdn + "banners/197038439483310086/" + hashAnim + ".webp?animated=true", ""},
		{"guild banner empty", func() (string, error) { return GuildBannerURL(testGuild, "", ImageOptions{}) }, "", "guild banner URL: empty image hash"},
		{"scheduled event cover", func() (string, error) { return GuildScheduledEventCoverURL(123, hashStill, ImageOptions{}) },
			cdn + "guild-events/123/" + hashStill + ".png", ""},
		{"guild tag badge", func() (string, error) {
			return GuildTagBadgeURL(testGuild, hashStill, ImageOptions{Format: ImageFormatWebP, Size: 32})
		},
			cdn + "guild-tag-badges/197038439483310086/" + hashStill + ".webp?size=32", ""},
		{"role icon", func() (string, error) { return RoleIconURL(42, hashStill, ImageOptions{}) },
			cdn + "role-icons/42/" + hashStill + ".png", ""},
		{"role icon no gif", func() (string, error) { return RoleIconURL(42, hashStill, ImageOptions{Format: ImageFormatGIF}) }, "", "role icon URL"},
	})
}

func TestEmojiURL(t *testing.T) {
	base := "https://cdn.discordapp.com/emojis/392938283556143104"
	runCDNCases(t, []cdnCase{
		{"still defaults to webp", func() (string, error) { return EmojiURL(392938283556143104, false, ImageOptions{}) }, base + ".webp", ""},
		{"animated defaults to animated webp", func() (string, error) { return EmojiURL(392938283556143104, true, ImageOptions{}) }, base + ".webp?animated=true", ""},
		{"animated webp sized", func() (string, error) { return EmojiURL(392938283556143104, true, ImageOptions{Size: 128}) }, base + ".webp?size=128&animated=true", ""},
		{"animated gif", func() (string, error) {
			return EmojiURL(392938283556143104, true, ImageOptions{Format: ImageFormatGIF})
		}, base + ".gif", ""},
		{"still png", func() (string, error) {
			return EmojiURL(392938283556143104, false, ImageOptions{Format: ImageFormatPNG})
		}, base + ".png", ""},
		{"gif of a still emoji", func() (string, error) {
			return EmojiURL(392938283556143104, false, ImageOptions{Format: ImageFormatGIF})
		}, "", "emoji URL: format gif needs an animated image"},
	})
}

func TestStickerURL(t *testing.T) {
	runCDNCases(t, []cdnCase{
		{"default png", func() (string, error) { return StickerURL(749054660769218631, "") }, "https://cdn.discordapp.com/stickers/749054660769218631.png", ""},
		{"png", func() (string, error) { return StickerURL(749054660769218631, ImageFormatPNG) }, "https://cdn.discordapp.com/stickers/749054660769218631.png", ""},
		{"lottie", func() (string, error) { return StickerURL(749054660769218631, ImageFormatLottie) }, "https://cdn.discordapp.com/stickers/749054660769218631.json", ""},
		{"gif from the media proxy", func() (string, error) { return StickerURL(749054660769218631, ImageFormatGIF) }, "https://media.discordapp.net/stickers/749054660769218631.gif", ""},
		{"webp", func() (string, error) { return StickerURL(749054660769218631, ImageFormatWebP) }, "", `sticker URL: format "webp" is not supported`},
		{"pack banner", func() (string, error) {
			return StickerPackBannerURL(761773777976819732, ImageOptions{Format: ImageFormatWebP})
		},
			"https://cdn.discordapp.com/app-assets/710982414301790216/store/761773777976819732.webp", ""},
		{"pack banner no gif", func() (string, error) {
			return StickerPackBannerURL(761773777976819732, ImageOptions{Format: ImageFormatGIF})
		}, "", "sticker pack banner URL"},
	})
}

func TestApplicationImageURLs(t *testing.T) {
	cdn := "https://cdn.discordapp.com/"
	runCDNCases(t, []cdnCase{
		{"icon", func() (string, error) { return ApplicationIconURL(testApp, hashStill, ImageOptions{}) },
			cdn + "app-icons/172150183260323840/" + hashStill + ".png", ""},
		{"cover", func() (string, error) {
			return ApplicationCoverURL(testApp, hashStill, ImageOptions{Format: ImageFormatJPEG, Size: 2048})
		},
			cdn + "app-icons/172150183260323840/" + hashStill + ".jpg?size=2048", ""},
		{"asset", func() (string, error) { return ApplicationAssetURL(testApp, "383435425849999361", ImageOptions{}) },
			cdn + "app-assets/172150183260323840/383435425849999361.png", ""},
		{"asset from the media proxy", func() (string, error) {
			return ApplicationAssetURL(testApp, "mp:external/abc/https/example.com/a.png", ImageOptions{Size: 64})
		}, "https://media.discordapp.net/external/abc/https/example.com/a.png", ""},
		{"media proxy traversal", func() (string, error) { return ApplicationAssetURL(testApp, "mp:../x", ImageOptions{}) }, "", "invalid media proxy asset"},
		{"media proxy query", func() (string, error) { return ApplicationAssetURL(testApp, "mp:x?y", ImageOptions{}) }, "", "invalid media proxy asset"},
		{"empty media proxy", func() (string, error) { return ApplicationAssetURL(testApp, "mp:", ImageOptions{}) }, "", "invalid media proxy asset"},
		{"empty asset", func() (string, error) { return ApplicationAssetURL(testApp, "", ImageOptions{}) }, "", "empty asset id"},
		{"asset no gif", func() (string, error) { return ApplicationAssetURL(testApp, "1", ImageOptions{Format: ImageFormatGIF}) }, "", "application asset URL"},
		{"achievement", func() (string, error) {
			return AchievementIconURL(testApp, 99, hashStill, ImageOptions{Format: ImageFormatWebP})
		},
			cdn + "app-assets/172150183260323840/achievements/99/icons/" + hashStill + ".webp", ""},
		{"store page asset", func() (string, error) { return StorePageAssetURL(testApp, 77, ImageOptions{}) },
			cdn + "app-assets/172150183260323840/store/77.png", ""},
		{"team icon", func() (string, error) { return TeamIconURL(5, hashStill, ImageOptions{Size: 16}) },
			cdn + "team-icons/5/" + hashStill + ".png?size=16", ""},
		{"avatar decoration", func() (string, error) {
			return AvatarDecorationURL("a_5087f7f988bd1b2819cac3e33d0150f5", ImageOptions{})
		},
			cdn + "avatar-decoration-presets/a_5087f7f988bd1b2819cac3e33d0150f5.png", ""},
		{"avatar decoration sized", func() (string, error) { return AvatarDecorationURL("abc", ImageOptions{Size: 128}) },
			cdn + "avatar-decoration-presets/abc.png?size=128", ""},
		{"avatar decoration png only", func() (string, error) { return AvatarDecorationURL("abc", ImageOptions{Format: ImageFormatWebP}) },
			"", `avatar decoration URL: format "webp" is not supported (want png)`},
		{"avatar decoration empty", func() (string, error) { return AvatarDecorationURL("", ImageOptions{}) }, "", "empty asset"},
	})
}

func TestSoundboardSoundURL(t *testing.T) {
	if got, want := SoundboardSoundURL(1106714396018884649), "https://cdn.discordapp.com/soundboard-sounds/1106714396018884649"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}

func TestImageFormatExtension(t *testing.T) {
	for f, want := range map[ImageFormat]string{
		ImageFormatPNG: ".png", ImageFormatJPEG: ".jpg", ImageFormatWebP: ".webp",
		ImageFormatGIF: ".gif", ImageFormatLottie: ".json", "bmp": "", "": "",
	} {
		if got := f.Extension(); got != want {
			t.Errorf("%q.Extension() = %q, want %q", f, got, want)
		}
	}
	if ImageFormatJPEG.String() != "jpeg" {
		t.Errorf("String() = %q", ImageFormatJPEG.String())
	}
}

func TestEveryPowerOfTwoSizeIsAccepted(t *testing.T) {
	for size := 16; size <= 4096; size *= 2 {
		if _, err := GuildIconURL(1, hashStill, ImageOptions{Size: size}); err != nil {
			t.Errorf("size %d: %v", size, err)
		}
	}
	for _, size := range []int{1, 2, 15, 17, 24, 1000, 4097, 1 << 13, 1 << 40} {
		if _, err := GuildIconURL(1, hashStill, ImageOptions{Size: size}); err == nil {
			t.Errorf("size %d accepted", size)
		}
	}
}

package discord

import (
	"fmt"
	"net/url"
	"strconv"
	"strings"
)

// CDNBaseURL is the base of Discord's image CDN. Its image URLs are not
// signed and do not expire.
const CDNBaseURL = "https://cdn.discordapp.com"

// MediaBaseURL is the base of Discord's media proxy, which serves GIF
// stickers and "mp:" activity assets.
const MediaBaseURL = "https://media.discordapp.net"

// stickerPackBannerApplication is the application that owns every sticker
// pack's banner asset.
const stickerPackBannerApplication = "710982414301790216"

// ImageFormat is the file format of a CDN image, chosen by the URL's
// extension. Each endpoint supports a subset; the URL builders return an
// error naming the supported formats when asked for another.
type ImageFormat string

// The image formats Discord's CDN serves.
const (
	// ImageFormatPNG is PNG (".png"), supported by every image endpoint and
	// the default for a still image. APNG stickers are served as PNG too.
	ImageFormatPNG ImageFormat = "png"
	// ImageFormatJPEG is JPEG (".jpg").
	ImageFormatJPEG ImageFormat = "jpeg"
	// ImageFormatWebP is WebP (".webp"). For an animated image the builders
	// add "animated=true", which Discord needs to serve an animated WebP;
	// this is the default for animated images.
	ImageFormatWebP ImageFormat = "webp"
	// ImageFormatGIF is GIF (".gif"), only for animated images: hashes that
	// start with "a_", animated emojis and GIF stickers. Discord cannot
	// always convert an animation uploaded as WebP or AVIF to GIF, so
	// ImageFormatWebP is the safer choice.
	ImageFormatGIF ImageFormat = "gif"
	// ImageFormatLottie is a Lottie animation (".json"), only for stickers
	// whose format_type is LOTTIE.
	ImageFormatLottie ImageFormat = "lottie"
)

// String returns the format's name, such as "png".
func (f ImageFormat) String() string { return string(f) }

// Extension returns the file extension the CDN expects for f, with its dot
// (".jpg" for JPEG, ".json" for Lottie), or "" for an unknown format.
func (f ImageFormat) Extension() string {
	switch f {
	case ImageFormatPNG, ImageFormatWebP, ImageFormatGIF:
		return "." + string(f)
	case ImageFormatJPEG:
		return ".jpg"
	case ImageFormatLottie:
		return ".json"
	}
	return ""
}

// ImageOptions chooses the format and size of a CDN image. The zero value
// asks for the default: PNG for a still image, animated WebP for an animated
// one, at the size Discord stores.
type ImageOptions struct {
	// Format is the file format; zero means the default. Request PNG or
	// JPEG to get the first frame of an animated image.
	Format ImageFormat
	// Size is the width and height in pixels: a power of two from 16 to
	// 4096. Zero leaves it to Discord.
	Size int
}

// formats is a set of ImageFormats.
type formats uint8

const (
	fmtPNG formats = 1 << iota
	fmtJPEG
	fmtWebP
	fmtGIF
	fmtLottie

	fmtStill    = fmtPNG | fmtJPEG | fmtWebP
	fmtAnimated = fmtStill | fmtGIF
)

func (s formats) has(f ImageFormat) bool {
	var bit formats
	switch f {
	case ImageFormatPNG:
		bit = fmtPNG
	case ImageFormatJPEG:
		bit = fmtJPEG
	case ImageFormatWebP:
		bit = fmtWebP
	case ImageFormatGIF:
		bit = fmtGIF
	case ImageFormatLottie:
		bit = fmtLottie
	}
	return s&bit != 0
}

func (s formats) String() string {
	var names []string
	for _, f := range []ImageFormat{ImageFormatPNG, ImageFormatJPEG, ImageFormatWebP, ImageFormatGIF, ImageFormatLottie} {
		if s.has(f) {
			names = append(names, string(f))
		}
	}
	return strings.Join(names, ", ")
}

// cdnImage describes one CDN endpoint.
type cdnImage struct {
	name    string  // for errors, such as "user avatar"
	formats formats // what the endpoint serves
	// def is the default format of a still image; an animated one defaults
	// to animated WebP.
	def ImageFormat
}

var (
	cdnUserAvatar          = cdnImage{"user avatar", fmtAnimated, ImageFormatPNG}
	cdnMemberAvatar        = cdnImage{"guild member avatar", fmtAnimated, ImageFormatPNG}
	cdnUserBanner          = cdnImage{"user banner", fmtAnimated, ImageFormatPNG}
	cdnMemberBanner        = cdnImage{"guild member banner", fmtAnimated, ImageFormatPNG}
	cdnGuildIcon           = cdnImage{"guild icon", fmtAnimated, ImageFormatPNG}
	cdnGuildSplash         = cdnImage{"guild splash", fmtStill, ImageFormatPNG}
	cdnGuildDiscovery      = cdnImage{"guild discovery splash", fmtStill, ImageFormatPNG}
	cdnGuildBanner         = cdnImage{"guild banner", fmtAnimated, ImageFormatPNG}
	cdnEmoji               = cdnImage{"emoji", fmtAnimated, ImageFormatWebP}
	cdnStickerPackBanner   = cdnImage{"sticker pack banner", fmtStill, ImageFormatPNG}
	cdnRoleIcon            = cdnImage{"role icon", fmtStill, ImageFormatPNG}
	cdnApplicationIcon     = cdnImage{"application icon", fmtStill, ImageFormatPNG}
	cdnApplicationCover    = cdnImage{"application cover", fmtStill, ImageFormatPNG}
	cdnApplicationAsset    = cdnImage{"application asset", fmtStill, ImageFormatPNG}
	cdnAchievementIcon     = cdnImage{"achievement icon", fmtStill, ImageFormatPNG}
	cdnStorePageAsset      = cdnImage{"store page asset", fmtStill, ImageFormatPNG}
	cdnTeamIcon            = cdnImage{"team icon", fmtStill, ImageFormatPNG}
	cdnScheduledEventCover = cdnImage{"guild scheduled event cover", fmtStill, ImageFormatPNG}
	cdnAvatarDecoration    = cdnImage{"avatar decoration", fmtPNG, ImageFormatPNG}
	cdnGuildTagBadge       = cdnImage{"guild tag badge", fmtStill, ImageFormatPNG}
)

// url builds base/path.ext?query for an image of the endpoint. animated says
// whether the image is animated (a hash starting with "a_", an animated
// emoji).
func (c cdnImage) url(path string, animated bool, o ImageOptions) (string, error) {
	if o.Size != 0 && !validImageSize(o.Size) {
		return "", fmt.Errorf("discord: %s URL: size %d is not a power of two from 16 to 4096", c.name, o.Size)
	}
	f := o.Format
	if f == "" {
		f = c.def
		if animated && c.formats.has(ImageFormatGIF) {
			f = ImageFormatWebP
		}
	}
	if !c.formats.has(f) {
		return "", fmt.Errorf("discord: %s URL: format %q is not supported (want %s)", c.name, string(f), c.formats)
	}
	if f == ImageFormatGIF && !animated {
		return "", fmt.Errorf("discord: %s URL: format gif needs an animated image (a hash starting with \"a_\")", c.name)
	}
	var b strings.Builder
	b.WriteString(CDNBaseURL)
	b.WriteByte('/')
	b.WriteString(path)
	b.WriteString(f.Extension())
	sep := byte('?')
	if o.Size != 0 {
		b.WriteString("?size=")
		b.WriteString(strconv.Itoa(o.Size))
		sep = '&'
	}
	if animated && f == ImageFormatWebP {
		b.WriteByte(sep)
		b.WriteString("animated=true")
	}
	return b.String(), nil
}

// hashed builds the URL of an image named by hash under dir, such as
// avatars/{user_id}/{hash}.
func (c cdnImage) hashed(dir, hash string, o ImageOptions) (string, error) {
	if hash == "" {
		return "", fmt.Errorf("discord: %s URL: empty image hash", c.name)
	}
	animated := c.formats.has(ImageFormatGIF) && strings.HasPrefix(hash, "a_")
	return c.url(dir+"/"+url.PathEscape(hash), animated, o)
}

func validImageSize(n int) bool {
	return n >= 16 && n <= 4096 && n&(n-1) == 0
}

// UserAvatarURL returns the URL of a user's avatar, given the avatar hash
// from the user object. A hash starting with "a_" is animated and defaults
// to animated WebP. A user without an avatar (empty hash) has a default
// avatar instead: see [DefaultUserAvatarURL].
func UserAvatarURL(userID Snowflake, hash string, o ImageOptions) (string, error) {
	return cdnUserAvatar.hashed("avatars/"+userID.String(), hash, o)
}

// DefaultUserAvatarURL returns the URL of the default avatar Discord shows
// for a user without one. Pass the user's discriminator: "0" or "" for a user
// on the new username system, whose avatar is chosen by (id >> 22) % 6; a
// legacy discriminator such as "1337" chooses by discriminator % 5. The
// image is always a PNG of fixed size. A non-numeric discriminator is an
// error.
func DefaultUserAvatarURL(userID Snowflake, discriminator string) (string, error) {
	var index uint64
	if discriminator == "" || discriminator == "0" {
		index = uint64(userID>>22) % 6
	} else {
		n, err := strconv.ParseUint(discriminator, 10, 16)
		if err != nil {
			return "", fmt.Errorf("discord: default user avatar URL: invalid discriminator %q", discriminator)
		}
		index = n % 5
	}
	return CDNBaseURL + "/embed/avatars/" + strconv.FormatUint(index, 10) + ".png", nil
}

// GuildMemberAvatarURL returns the URL of a member's guild-specific avatar,
// given the avatar hash from the guild member object. Hashes starting with
// "a_" are animated.
func GuildMemberAvatarURL(guildID, userID Snowflake, hash string, o ImageOptions) (string, error) {
	return cdnMemberAvatar.hashed("guilds/"+guildID.String()+"/users/"+userID.String()+"/avatars", hash, o)
}

// UserBannerURL returns the URL of a user's profile banner, given the banner
// hash from the user object. Hashes starting with "a_" are animated.
func UserBannerURL(userID Snowflake, hash string, o ImageOptions) (string, error) {
	return cdnUserBanner.hashed("banners/"+userID.String(), hash, o)
}

// GuildMemberBannerURL returns the URL of a member's guild-specific profile
// banner, given the banner hash from the guild member object. Hashes starting
// with "a_" are animated.
func GuildMemberBannerURL(guildID, userID Snowflake, hash string, o ImageOptions) (string, error) {
	return cdnMemberBanner.hashed("guilds/"+guildID.String()+"/users/"+userID.String()+"/banners", hash, o)
}

// GuildIconURL returns the URL of a guild's icon, given the icon hash from
// the guild object. Hashes starting with "a_" are animated.
func GuildIconURL(guildID Snowflake, hash string, o ImageOptions) (string, error) {
	return cdnGuildIcon.hashed("icons/"+guildID.String(), hash, o)
}

// GuildSplashURL returns the URL of a guild's invite splash image, given the
// splash hash from the guild object. Formats: PNG, JPEG, WebP.
func GuildSplashURL(guildID Snowflake, hash string, o ImageOptions) (string, error) {
	return cdnGuildSplash.hashed("splashes/"+guildID.String(), hash, o)
}

// GuildDiscoverySplashURL returns the URL of a guild's discovery splash
// image, given the discovery_splash hash from the guild object. Formats: PNG,
// JPEG, WebP.
func GuildDiscoverySplashURL(guildID Snowflake, hash string, o ImageOptions) (string, error) {
	return cdnGuildDiscovery.hashed("discovery-splashes/"+guildID.String(), hash, o)
}

// GuildBannerURL returns the URL of a guild's banner, given the banner hash
// from the guild object. Hashes starting with "a_" are animated.
func GuildBannerURL(guildID Snowflake, hash string, o ImageOptions) (string, error) {
	return cdnGuildBanner.hashed("banners/"+guildID.String(), hash, o)
}

// EmojiURL returns the URL of a custom emoji. Pass the emoji object's
// animated flag. Emojis default to WebP, as Discord recommends: it works
// whatever format the emoji was uploaded in (PNG, JPEG, GIF, WebP or AVIF).
func EmojiURL(emojiID Snowflake, animated bool, o ImageOptions) (string, error) {
	return cdnEmoji.url("emojis/"+emojiID.String(), animated, o)
}

// StickerURL returns the URL of a sticker in the given format, which follows
// the sticker's format_type: [ImageFormatPNG] for PNG and APNG stickers (the
// default, when format is zero), [ImageFormatLottie] for LOTTIE and
// [ImageFormatGIF] for GIF. Discord serves sticker images at a fixed size. As
// Discord documents, GIF stickers come from [MediaBaseURL] rather than the
// CDN.
func StickerURL(stickerID Snowflake, format ImageFormat) (string, error) {
	path := "/stickers/" + stickerID.String()
	switch format {
	case "", ImageFormatPNG, ImageFormatLottie:
		if format == "" {
			format = ImageFormatPNG
		}
		return CDNBaseURL + path + format.Extension(), nil
	case ImageFormatGIF:
		return MediaBaseURL + path + ".gif", nil
	}
	return "", fmt.Errorf("discord: sticker URL: format %q is not supported (want png, lottie, gif)", string(format))
}

// StickerPackBannerURL returns the URL of a sticker pack's banner, given the
// banner_asset_id of the sticker pack object. Formats: PNG, JPEG, WebP.
func StickerPackBannerURL(bannerAssetID Snowflake, o ImageOptions) (string, error) {
	return cdnStickerPackBanner.url("app-assets/"+stickerPackBannerApplication+"/store/"+bannerAssetID.String(), false, o)
}

// RoleIconURL returns the URL of a role's icon, given the icon hash from the
// role object. Formats: PNG, JPEG, WebP.
func RoleIconURL(roleID Snowflake, hash string, o ImageOptions) (string, error) {
	return cdnRoleIcon.hashed("role-icons/"+roleID.String(), hash, o)
}

// ApplicationIconURL returns the URL of an application's icon, given the icon
// hash from the application object. Formats: PNG, JPEG, WebP.
func ApplicationIconURL(applicationID Snowflake, hash string, o ImageOptions) (string, error) {
	return cdnApplicationIcon.hashed("app-icons/"+applicationID.String(), hash, o)
}

// ApplicationCoverURL returns the URL of an application's cover image, given
// the cover_image hash from the application object. Formats: PNG, JPEG,
// WebP.
func ApplicationCoverURL(applicationID Snowflake, hash string, o ImageOptions) (string, error) {
	return cdnApplicationCover.hashed("app-icons/"+applicationID.String(), hash, o)
}

// ApplicationAssetURL returns the URL of an application's asset, given an
// asset id from an activity's assets (large_image, small_image). Formats:
// PNG, JPEG, WebP.
//
// An asset id of the form "mp:{path}" names an image of the media proxy; its
// URL is [MediaBaseURL]/{path}, and o does not apply to it. Activity assets
// are set by the user's client and not sanitized by Discord, so a path with
// "..", "?", "#" or "\" is rejected.
func ApplicationAssetURL(applicationID Snowflake, assetID string, o ImageOptions) (string, error) {
	if path, ok := strings.CutPrefix(assetID, "mp:"); ok {
		if path == "" || strings.Contains(path, "..") || strings.ContainsAny(path, "?#\\") {
			return "", fmt.Errorf("discord: application asset URL: invalid media proxy asset %q", assetID)
		}
		return MediaBaseURL + "/" + path, nil
	}
	if assetID == "" {
		return "", fmt.Errorf("discord: %s URL: empty asset id", cdnApplicationAsset.name)
	}
	return cdnApplicationAsset.url("app-assets/"+applicationID.String()+"/"+url.PathEscape(assetID), false, o)
}

// AchievementIconURL returns the URL of an achievement's icon, given the
// application, the achievement and its icon hash. Formats: PNG, JPEG, WebP.
func AchievementIconURL(applicationID, achievementID Snowflake, hash string, o ImageOptions) (string, error) {
	return cdnAchievementIcon.hashed("app-assets/"+applicationID.String()+"/achievements/"+achievementID.String()+"/icons", hash, o)
}

// StorePageAssetURL returns the URL of an asset of an application's store
// page. Formats: PNG, JPEG, WebP.
func StorePageAssetURL(applicationID, assetID Snowflake, o ImageOptions) (string, error) {
	return cdnStorePageAsset.url("app-assets/"+applicationID.String()+"/store/"+assetID.String(), false, o)
}

// TeamIconURL returns the URL of a developer team's icon, given the icon
// hash from the team object. Formats: PNG, JPEG, WebP.
func TeamIconURL(teamID Snowflake, hash string, o ImageOptions) (string, error) {
	return cdnTeamIcon.hashed("team-icons/"+teamID.String(), hash, o)
}

// GuildScheduledEventCoverURL returns the URL of a scheduled event's cover
// image, given the image hash from the guild scheduled event object.
// Formats: PNG, JPEG, WebP.
func GuildScheduledEventCoverURL(eventID Snowflake, hash string, o ImageOptions) (string, error) {
	return cdnScheduledEventCover.hashed("guild-events/"+eventID.String(), hash, o)
}

// AvatarDecorationURL returns the URL of an avatar decoration, given the
// asset of the user's avatar_decoration_data. Avatar decorations are served
// as PNG only; o may set the size.
func AvatarDecorationURL(asset string, o ImageOptions) (string, error) {
	if asset == "" {
		return "", fmt.Errorf("discord: %s URL: empty asset", cdnAvatarDecoration.name)
	}
	return cdnAvatarDecoration.url("avatar-decoration-presets/"+url.PathEscape(asset), false, o)
}

// GuildTagBadgeURL returns the URL of a guild tag's badge, given the guild
// and the badge hash from a user's primary_guild. Formats: PNG, JPEG, WebP.
func GuildTagBadgeURL(guildID Snowflake, badgeHash string, o ImageOptions) (string, error) {
	return cdnGuildTagBadge.hashed("guild-tag-badges/"+guildID.String(), badgeHash, o)
}

// SoundboardSoundURL returns the URL of a soundboard sound's audio file (MP3
// or Ogg, as uploaded).
func SoundboardSoundURL(soundID Snowflake) string {
	return CDNBaseURL + "/soundboard-sounds/" + soundID.String()
}

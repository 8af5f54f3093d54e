package discord

import (
	"bytes"
	"encoding/base64"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"net/http"
	"os"
	"strings"
)

// ImageData is a file sent inside a JSON request body as a data URI, such as
// "data:image/png;base64,iVBORw0KGgo...". Discord takes it for avatars,
// banners, guild icons and splashes, role icons, emojis, scheduled-event
// covers, webhook avatars and, with an audio type, soundboard sounds. It
// encodes as a JSON string; the zero ImageData is empty and a field of this
// type tagged omitzero is left out. To clear an image, send
// Null[ImageData]() through an [Optional].
//
// Build one with [NewImageData] (images) or [NewSoundData] (soundboard
// sounds), which check the content and choose the media type; the reading
// helpers cap what they read at [MaxImageDataSize].
//
// Discord's own limits are smaller for some fields: an emoji may be at most
// 256 KiB, a sticker and a soundboard sound 512 KiB. Discord rejects a larger
// file with a form error.
type ImageData string

// MaxImageDataSize is the most [ReadImageData], [ImageDataFromFile],
// [ReadSoundData] and [SoundDataFromFile] read: 10 MiB, the largest file
// Discord accepts without Nitro or server boosts. [NewImageData] and
// [NewSoundData] do not check it.
const MaxImageDataSize = 10 << 20

// The media types ImageData can carry.
const (
	imagePNG  = "image/png"
	imageJPEG = "image/jpeg"
	imageGIF  = "image/gif"
	imageWebP = "image/webp"
	imageAVIF = "image/avif"
	audioMPEG = "audio/mpeg"
	audioOgg  = "audio/ogg"
)

// NewImageData returns b as a base64 data URI. The media type is detected
// from the content: PNG (including APNG), JPEG, GIF, WebP or AVIF. Any other
// content, or an empty b, is an error; use [NewSoundData] for sounds.
func NewImageData(b []byte) (ImageData, error) {
	ct := sniffImage(b)
	if ct == "" {
		return "", fmt.Errorf("discord: image data: %s", unsupported(b, "PNG, JPEG, GIF, WebP or AVIF"))
	}
	return newData(ct, b), nil
}

// NewSoundData returns b as a base64 data URI for a soundboard sound. The
// media type is detected from the content: MP3 ("audio/mpeg") or Ogg
// ("audio/ogg"), the two formats Discord accepts. Any other content is an
// error.
func NewSoundData(b []byte) (ImageData, error) {
	ct := sniffSound(b)
	if ct == "" {
		return "", fmt.Errorf("discord: sound data: %s", unsupported(b, "MP3 or Ogg"))
	}
	return newData(ct, b), nil
}

// ReadImageData reads an image from r, up to [MaxImageDataSize] bytes, and
// returns it like [NewImageData]. A larger image is an error; r is never
// read past the limit.
func ReadImageData(r io.Reader) (ImageData, error) {
	b, err := readCapped(r, "image data")
	if err != nil {
		return "", err
	}
	return NewImageData(b)
}

// ReadSoundData reads a sound from r, up to [MaxImageDataSize] bytes, and
// returns it like [NewSoundData].
func ReadSoundData(r io.Reader) (ImageData, error) {
	b, err := readCapped(r, "sound data")
	if err != nil {
		return "", err
	}
	return NewSoundData(b)
}

// ImageDataFromFile reads the image file at path like [ReadImageData]. The
// error names the path.
func ImageDataFromFile(path string) (ImageData, error) {
	return dataFromFile(path, ReadImageData)
}

// SoundDataFromFile reads the sound file at path like [ReadSoundData]. The
// error names the path.
func SoundDataFromFile(path string) (ImageData, error) {
	return dataFromFile(path, ReadSoundData)
}

// ContentType returns the media type of the data URI, such as "image/png",
// or "" when d is not a data URI.
func (d ImageData) ContentType() string {
	meta, _, ok := d.split()
	if !ok {
		return ""
	}
	ct, _, _ := strings.Cut(meta, ";")
	return ct
}

// Bytes decodes the file held by the data URI. It is an error when d is not
// a base64 data URI.
func (d ImageData) Bytes() ([]byte, error) {
	meta, payload, ok := d.split()
	if !ok || !strings.HasSuffix(meta, ";base64") {
		return nil, errors.New("discord: image data is not a base64 data URI")
	}
	b, err := base64.StdEncoding.DecodeString(payload)
	if err != nil {
		return nil, fmt.Errorf("discord: image data: %w", err)
	}
	return b, nil
}

// split cuts "data:<meta>,<payload>".
func (d ImageData) split() (meta, payload string, ok bool) {
	rest, ok := strings.CutPrefix(string(d), "data:")
	if !ok {
		return "", "", false
	}
	return strings.Cut(rest, ",")
}

func newData(contentType string, b []byte) ImageData {
	prefix := "data:" + contentType + ";base64,"
	buf := make([]byte, len(prefix)+base64.StdEncoding.EncodedLen(len(b)))
	copy(buf, prefix)
	base64.StdEncoding.Encode(buf[len(prefix):], b)
	return ImageData(buf)
}

func readCapped(r io.Reader, what string) ([]byte, error) {
	b, err := io.ReadAll(io.LimitReader(r, MaxImageDataSize+1))
	if err != nil {
		return nil, fmt.Errorf("discord: read %s: %w", what, err)
	}
	if len(b) > MaxImageDataSize {
		return nil, fmt.Errorf("discord: read %s: larger than %d bytes (10 MiB)", what, MaxImageDataSize)
	}
	return b, nil
}

func dataFromFile(path string, read func(io.Reader) (ImageData, error)) (ImageData, error) {
	f, err := os.Open(path)
	if err != nil {
		return "", fmt.Errorf("discord: %w", err)
	}
	defer f.Close()
	if fi, err := f.Stat(); err == nil && fi.Mode().IsRegular() && fi.Size() > MaxImageDataSize {
		return "", fmt.Errorf("discord: read %s: %d bytes is larger than %d bytes (10 MiB)", path, fi.Size(), MaxImageDataSize)
	}
	d, err := read(f)
	if err != nil {
		return "", fmt.Errorf("%w (file %s)", err, path)
	}
	return d, nil
}

// unsupported describes content of an unsupported type for an error.
func unsupported(b []byte, want string) string {
	if len(b) == 0 {
		return "empty; want " + want
	}
	return fmt.Sprintf("content type %s is not supported; want %s", http.DetectContentType(b), want)
}

func sniffImage(b []byte) string {
	if isAVIF(b) {
		return imageAVIF
	}
	switch ct := http.DetectContentType(b); ct {
	case imagePNG, imageJPEG, imageGIF, imageWebP:
		return ct
	}
	return ""
}

// isAVIF reports whether b starts with an ISO BMFF "ftyp" box whose major or
// compatible brands name AVIF ("avif" still image, "avis" sequence).
// net/http does not detect AVIF.
func isAVIF(b []byte) bool {
	if len(b) < 16 || string(b[4:8]) != "ftyp" {
		return false
	}
	size := int(binary.BigEndian.Uint32(b[:4]))
	if size < 16 || size > len(b) {
		size = len(b)
	}
	isAVIFBrand := func(brand []byte) bool {
		return string(brand) == "avif" || string(brand) == "avis"
	}
	if isAVIFBrand(b[8:12]) {
		return true
	}
	// Bytes 12–16 hold the minor version; compatible brands follow.
	for i := 16; i+4 <= size; i += 4 {
		if isAVIFBrand(b[i : i+4]) {
			return true
		}
	}
	return false
}

func sniffSound(b []byte) string {
	switch {
	case bytes.HasPrefix(b, []byte("OggS\x00")):
		return audioOgg
	case bytes.HasPrefix(b, []byte("ID3")), isMP3Frame(b):
		return audioMPEG
	}
	return ""
}

// isMP3Frame reports whether b starts with the header of an MPEG audio
// layer III frame, the start of an MP3 file without an ID3 tag.
func isMP3Frame(b []byte) bool {
	if len(b) < 4 || b[0] != 0xFF || b[1]&0xE0 != 0xE0 {
		return false
	}
	version := (b[1] >> 3) & 3 // 01 is reserved
	layer := (b[1] >> 1) & 3   // 01 is layer III
	bitrate := b[2] >> 4       // 1111 is invalid
	rate := (b[2] >> 2) & 3    // 11 is reserved
	return version != 1 && layer == 1 && bitrate != 0xF && rate != 3
}

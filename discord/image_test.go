package discord

import (
	"bytes"
	"encoding/json"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// Minimal file headers: enough for content sniffing, not valid files.
var (
	samplePNG  = []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00")
	sampleJPEG = []byte("\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00")
	sampleGIF  = []byte("GIF89a\x01\x00\x01\x00\x80\x00\x00\xff\xff\xff\x00\x00\x00!")
	sampleWebP = []byte("RIFF\x24\x00\x00\x00WEBPVP8 \x18\x00\x00\x000\x01\x00\x9d\x01\x2a")
	sampleAVIF = []byte("\x00\x00\x00\x1cftypavif\x00\x00\x00\x00avifmif1miaf\x00\x00\x00\x00meta")
	// An AVIF whose major brand is generic but whose compatible brands
	// name AVIF, as some encoders write.
	sampleAVIFCompat = []byte("\x00\x00\x00\x18ftypmif1\x00\x00\x00\x00mif1avif\x00\x00\x00\x00meta")
	sampleHEIC       = []byte("\x00\x00\x00\x18ftypheic\x00\x00\x00\x00mif1heic\x00\x00\x00\x00meta")
	sampleMP3ID3     = []byte("ID3\x04\x00\x00\x00\x00\x00\x00\xff\xfb\x90\x64")
	sampleMP3Frame   = []byte("\xff\xfb\x90\x64\x00\x00\x00\x00\x00\x00")
	sampleOgg        = []byte("OggS\x00\x02\x00\x00\x00\x00\x00\x00\x00\x00")
)

func TestNewImageDataSniffsTheContentType(t *testing.T) {
	tests := []struct {
		name string
		in   []byte
		want string
	}{
		{"png", samplePNG, "image/png"},
		{"jpeg", sampleJPEG, "image/jpeg"},
		{"gif", sampleGIF, "image/gif"},
		{"webp", sampleWebP, "image/webp"},
		{"avif", sampleAVIF, "image/avif"},
		{"avif compatible brand", sampleAVIFCompat, "image/avif"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, err := NewImageData(tt.in)
			if err != nil {
				t.Fatal(err)
			}
			if !strings.HasPrefix(string(d), "data:"+tt.want+";base64,") {
				t.Errorf("data URI starts %q", string(d)[:min(len(d), 40)])
			}
			if got := d.ContentType(); got != tt.want {
				t.Errorf("ContentType() = %q, want %q", got, tt.want)
			}
			b, err := d.Bytes()
			if err != nil || !bytes.Equal(b, tt.in) {
				t.Errorf("Bytes() = %q, %v; want the input", b, err)
			}
		})
	}
}

func TestNewImageDataRejectsOtherContent(t *testing.T) {
	for name, in := range map[string][]byte{
		"empty": nil,
		"text":  []byte("hello, world"),
		"heic":  sampleHEIC,
		"mp3":   sampleMP3ID3,
		"ogg":   sampleOgg,
		"pdf":   []byte("%PDF-1.7\n"),
		"ftyp":  []byte("\x00\x00\x00\x08ftyp"),
	} {
		if d, err := NewImageData(in); err == nil {
			t.Errorf("%s: NewImageData = %.40q, want an error", name, d)
		} else if !strings.Contains(err.Error(), "PNG, JPEG, GIF, WebP or AVIF") {
			t.Errorf("%s: error %q does not say what is accepted", name, err)
		}
	}
}

func TestNewSoundData(t *testing.T) {
	tests := []struct {
		name string
		in   []byte
		want string
	}{
		{"mp3 with id3", sampleMP3ID3, "audio/mpeg"},
		{"mp3 frame", sampleMP3Frame, "audio/mpeg"},
		{"ogg", sampleOgg, "audio/ogg"},
	}
	for _, tt := range tests {
		d, err := NewSoundData(tt.in)
		if err != nil || d.ContentType() != tt.want {
			t.Errorf("%s: NewSoundData = %.40q, %v; want %s", tt.name, d, err, tt.want)
		}
	}
	for name, in := range map[string][]byte{
		"empty":            nil,
		"png":              samplePNG,
		"reserved version": []byte("\xff\xeb\x90\x64"),
		"layer ii":         []byte("\xff\xfd\x90\x64"),
		"bad bitrate":      []byte("\xff\xfb\xf0\x64"),
		"short":            []byte("\xff\xfb"),
	} {
		if _, err := NewSoundData(in); err == nil {
			t.Errorf("%s: NewSoundData succeeded, want an error", name)
		}
	}
}

func TestImageDataAccessorsOnInvalidValues(t *testing.T) {
	for _, d := range []ImageData{"", "image/png;base64,AAAA", "data:image/png", "data:image/png,AAAA", "data:image/png;base64,!!!"} {
		if _, err := d.Bytes(); err == nil {
			t.Errorf("ImageData(%q).Bytes() succeeded, want an error", d)
		}
	}
	if got := ImageData("").ContentType(); got != "" {
		t.Errorf("ContentType of empty = %q", got)
	}
	if got := ImageData("data:image/gif;base64,R0lG").ContentType(); got != "image/gif" {
		t.Errorf("ContentType = %q", got)
	}
}

func TestImageDataEncodesAsJSONString(t *testing.T) {
	d, err := NewImageData(samplePNG)
	if err != nil {
		t.Fatal(err)
	}
	b, err := json.Marshal(struct {
		Avatar ImageData `json:"avatar,omitzero"`
		Banner ImageData `json:"banner,omitzero"`
	}{Avatar: d})
	if err != nil {
		t.Fatal(err)
	}
	if want := `{"avatar":"` + string(d) + `"}`; string(b) != want {
		t.Errorf("Marshal = %s, want %s", b, want)
	}
	b, err = json.Marshal(struct {
		Icon Optional[ImageData] `json:"icon,omitzero"`
	}{Null[ImageData]()})
	if err != nil || string(b) != `{"icon":null}` {
		t.Errorf("Marshal of a cleared icon = %s, %v", b, err)
	}
}

// countingReader counts the bytes read through it.
type countingReader struct {
	r io.Reader
	n int64
}

func (c *countingReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n += int64(n)
	return n, err
}

type zeros struct{}

func (zeros) Read(p []byte) (int, error) {
	clear(p)
	return len(p), nil
}

func TestReadImageDataStopsAtTheLimit(t *testing.T) {
	r := &countingReader{r: io.MultiReader(bytes.NewReader(samplePNG), zeros{})}
	if _, err := ReadImageData(r); err == nil || !strings.Contains(err.Error(), "larger than") {
		t.Fatalf("ReadImageData(endless) = %v, want a size error", err)
	}
	if r.n > MaxImageDataSize+1 {
		t.Errorf("read %d bytes, more than the limit + 1", r.n)
	}

	exact := io.MultiReader(bytes.NewReader(samplePNG), io.LimitReader(zeros{}, MaxImageDataSize-int64(len(samplePNG))))
	d, err := ReadImageData(exact)
	if err != nil || d.ContentType() != "image/png" {
		t.Errorf("ReadImageData(exactly the limit) = %v", err)
	}
}

type failingReader struct{}

func (failingReader) Read([]byte) (int, error) { return 0, io.ErrUnexpectedEOF }

func TestReadImageDataReportsReadErrors(t *testing.T) {
	if _, err := ReadImageData(failingReader{}); err == nil || !strings.Contains(err.Error(), "unexpected EOF") {
		t.Errorf("ReadImageData(failing) = %v", err)
	}
	d, err := ReadSoundData(bytes.NewReader(sampleOgg))
	if err != nil || d.ContentType() != "audio/ogg" {
		t.Errorf("ReadSoundData = %v", err)
	}
}

func TestImageDataFromFile(t *testing.T) {
	dir := t.TempDir()
	png := filepath.Join(dir, "icon.png")
	if err := os.WriteFile(png, samplePNG, 0o600); err != nil {
		t.Fatal(err)
	}
	d, err := ImageDataFromFile(png)
	if err != nil || d.ContentType() != "image/png" {
		t.Errorf("ImageDataFromFile = %v", err)
	}

	txt := filepath.Join(dir, "notes.txt")
	if err := os.WriteFile(txt, []byte("not an image"), 0o600); err != nil {
		t.Fatal(err)
	}
	if _, err := ImageDataFromFile(txt); err == nil || !strings.Contains(err.Error(), txt) {
		t.Errorf("ImageDataFromFile(text) = %v, want an error naming the file", err)
	}

	missing := filepath.Join(dir, "missing.png")
	if _, err := ImageDataFromFile(missing); err == nil || !strings.Contains(err.Error(), missing) {
		t.Errorf("ImageDataFromFile(missing) = %v, want an error naming the file", err)
	}

	big := filepath.Join(dir, "big.png")
	f, err := os.Create(big)
	if err != nil {
		t.Fatal(err)
	}
	if err := f.Truncate(MaxImageDataSize + 1); err != nil {
		t.Fatal(err)
	}
	f.Close()
	if _, err := ImageDataFromFile(big); err == nil || !strings.Contains(err.Error(), "larger than") {
		t.Errorf("ImageDataFromFile(big) = %v, want a size error", err)
	}

	ogg := filepath.Join(dir, "sound.ogg")
	if err := os.WriteFile(ogg, sampleOgg, 0o600); err != nil {
		t.Fatal(err)
	}
	if d, err := SoundDataFromFile(ogg); err != nil || d.ContentType() != "audio/ogg" {
		t.Errorf("SoundDataFromFile = %v", err)
	}
	if _, err := ImageDataFromFile(ogg); err == nil {
		t.Error("ImageDataFromFile(ogg) succeeded, want an error")
	}
}

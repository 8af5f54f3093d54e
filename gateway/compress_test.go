package gateway

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"compress/zlib"
	"encoding/json"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/klauspost/compress/zstd"

	"github.com/cordage/cordage/internal/leakcheck"
	"github.com/cordage/cordage/internal/specdata"
)

// corpus holds the first lines of the recorded gateway corpus, read once.
var corpus struct {
	sync.Mutex
	lines [][]byte
}

// corpusPayloads returns the payloads of the recorded gateway corpus whose
// line numbers (from 1) are in [from, to). It reads no further than it
// must: the corpus is 26 MB of JSON.
func corpusPayloads(tb testing.TB, from, to int) [][]byte {
	tb.Helper()
	path := specdata.Path(tb, "corpus", "gateway-shard0.jsonl.gz")
	corpus.Lock()
	defer corpus.Unlock()
	if len(corpus.lines) < to-1 {
		f, err := os.Open(path)
		if err != nil {
			tb.Fatal(err)
		}
		defer f.Close()
		gz, err := gzip.NewReader(f)
		if err != nil {
			tb.Fatal(err)
		}
		r := bufio.NewReaderSize(gz, 1<<20)
		corpus.lines = corpus.lines[:0]
		for len(corpus.lines) < to-1 {
			line, err := r.ReadBytes('\n')
			if err == io.EOF {
				break
			}
			if err != nil {
				tb.Fatal(err)
			}
			corpus.lines = append(corpus.lines, bytes.TrimSuffix(line, []byte("\n")))
		}
	}
	return corpus.lines[from-1 : min(to-1, len(corpus.lines))]
}

// testPayloads are the corpus's first payloads (HELLO, READY and
// GUILD_CREATEs, many larger than the 32 KiB deflate window) between the
// small examples of Discord's docs, three times over.
func testPayloads(tb testing.TB) [][]byte {
	tb.Helper()
	large := corpusPayloads(tb, 1, 41)
	files, err := filepath.Glob(filepath.Join(specdata.Path(tb, "discord-spec", "payloads"), "*.json"))
	if err != nil {
		tb.Fatal(err)
	}
	var small [][]byte
	for _, file := range files {
		src, err := os.ReadFile(file)
		if err != nil {
			tb.Fatal(err)
		}
		var b bytes.Buffer
		if err := json.Compact(&b, src); err != nil {
			tb.Fatal(err)
		}
		small = append(small, b.Bytes())
	}
	var out [][]byte
	for i := range 3 * len(large) {
		out = append(out, large[i%len(large)])
		for j := range 3 {
			out = append(out, small[(3*i+j)%len(small)])
		}
	}
	return out
}

// compressStream compresses payloads as Discord's gateway does: one stream,
// flushed after each payload, one message per payload.
func compressStream(tb testing.TB, c Compression, payloads [][]byte) [][]byte {
	tb.Helper()
	var buf bytes.Buffer
	var w interface {
		io.Writer
		Flush() error
	}
	switch c {
	case CompressionZlib:
		w = zlib.NewWriter(&buf)
	case CompressionZstd:
		enc, err := zstd.NewWriter(&buf, zstd.WithEncoderConcurrency(1))
		if err != nil {
			tb.Fatal(err)
		}
		defer enc.Close()
		w = enc
	default:
		tb.Fatalf("compression %q", c)
	}
	var msgs [][]byte
	for _, p := range payloads {
		if _, err := w.Write(p); err != nil {
			tb.Fatal(err)
		}
		if err := w.Flush(); err != nil {
			tb.Fatal(err)
		}
		msgs = append(msgs, bytes.Clone(buf.Bytes()))
		buf.Reset()
	}
	return msgs
}

// split cuts every fifth message into three, at varying places, as if a
// payload came in several WebSocket messages.
func split(msgs [][]byte) [][]byte {
	var out [][]byte
	for i, m := range msgs {
		if i%5 != 2 || len(m) < 8 {
			out = append(out, m)
			continue
		}
		a, b := 1+i%(len(m)/2), len(m)-1-i%3
		out = append(out, m[:a], m[a:b], m[b:])
	}
	return out
}

// decodeAll feeds msgs through d and returns copies of the payloads.
func decodeAll(t *testing.T, d Decompressor, msgs [][]byte) [][]byte {
	t.Helper()
	var out [][]byte
	for i, m := range msgs {
		p, complete, err := d.Decode(m)
		if err != nil {
			t.Fatalf("message %d: %v", i, err)
		}
		if complete {
			out = append(out, bytes.Clone(p))
		} else if p != nil {
			t.Fatalf("message %d: incomplete, but returned %d bytes", i, len(p))
		}
	}
	return out
}

func samePayloads(t *testing.T, got, want [][]byte) {
	t.Helper()
	if len(got) != len(want) {
		t.Fatalf("decoded %d payloads, want %d", len(got), len(want))
	}
	for i := range want {
		if !bytes.Equal(got[i], want[i]) {
			t.Fatalf("payload %d differs:\n got %.200s\nwant %.200s", i, got[i], want[i])
		}
	}
}

func TestDecompressorDecodesStream(t *testing.T) {
	leakcheck.Check(t)
	payloads := testPayloads(t)
	for _, c := range []Compression{CompressionZlib, CompressionZstd} {
		t.Run(string(c), func(t *testing.T) {
			d, err := NewDecompressor(c)
			if err != nil {
				t.Fatal(err)
			}
			defer d.Close()
			msgs := compressStream(t, c, payloads)
			samePayloads(t, decodeAll(t, d, msgs), payloads)

			// A new connection, so a new stream; the messages split.
			d.Reset()
			samePayloads(t, decodeAll(t, d, split(msgs)), payloads)
		})
	}
}

func TestZstdStreamDecodesSeveralFrames(t *testing.T) {
	leakcheck.Check(t)
	payloads := testPayloads(t)[:60]
	var buf bytes.Buffer
	enc, err := zstd.NewWriter(&buf, zstd.WithEncoderConcurrency(1), zstd.WithEncoderCRC(false))
	if err != nil {
		t.Fatal(err)
	}
	var msgs [][]byte
	for i, p := range payloads {
		enc.Write(p)
		if i%20 == 19 {
			enc.Close() // ends the frame; the next write starts another
			enc.Reset(&buf)
		} else {
			enc.Flush()
		}
		msgs = append(msgs, bytes.Clone(buf.Bytes()))
		buf.Reset()
	}
	d, err := NewDecompressor(CompressionZstd)
	if err != nil {
		t.Fatal(err)
	}
	defer d.Close()
	samePayloads(t, decodeAll(t, d, split(msgs)), payloads)
}

func TestNoCompressionPassesMessagesThrough(t *testing.T) {
	d, err := NewDecompressor(CompressionNone)
	if err != nil {
		t.Fatal(err)
	}
	p, complete, err := d.Decode([]byte(`{"op":11}`))
	if string(p) != `{"op":11}` || !complete || err != nil {
		t.Errorf("Decode = %q, %v, %v", p, complete, err)
	}
}

func TestNewDecompressorRejectsUnknownCompression(t *testing.T) {
	if _, err := NewDecompressor("gzip"); err == nil || !strings.Contains(err.Error(), `"gzip"`) {
		t.Errorf("err = %v", err)
	}
}

// TestDecompressorReportsCorruptInput feeds broken streams. Input that is
// not a stream at all fails with an error naming the compression. A flipped
// byte or a lost message may instead decode into wrong bytes: neither
// stream checks each payload, and the JSON decoder catches them. Either way
// nothing panics, and the decompressor works again after Reset.
func TestDecompressorReportsCorruptInput(t *testing.T) {
	leakcheck.Check(t)
	payloads := testPayloads(t)[30:50]
	for _, c := range []Compression{CompressionZlib, CompressionZstd} {
		good := compressStream(t, c, payloads)
		for _, tt := range []struct {
			name      string
			msgs      [][]byte
			mustError bool
		}{
			{"garbage", [][]byte{[]byte("not compressed at all\x00\x00\xff\xff")}, true},
			{"flipped bytes", append(slicesClone(good[:3]), flip(good[3]), good[4]), false},
			{"lost message", append(slicesClone(good[:3]), good[4:]...), false},
		} {
			t.Run(string(c)+"/"+tt.name, func(t *testing.T) {
				d, err := NewDecompressor(c)
				if err != nil {
					t.Fatal(err)
				}
				defer d.Close()
				err = decodeUntilError(d, tt.msgs, payloads)
				t.Logf("outcome: %v", err)
				switch {
				case err == nil:
					t.Fatal("the broken stream decoded into the right payloads")
				case errors.Is(err, errWrongPayload):
					if tt.mustError {
						t.Fatal("no error, and a wrong payload")
					}
				default:
					if !strings.HasPrefix(err.Error(), "gateway: "+string(c)+": ") {
						t.Errorf("error %q does not name the compression", err)
					}
					if _, _, again := d.Decode(good[0]); again == nil {
						t.Error("the decompressor works on after an error")
					}
				}
				d.Reset()
				if p, complete, err := d.Decode(good[0]); err != nil || !complete || !bytes.Equal(p, payloads[0]) {
					t.Errorf("after Reset: %v, %v", complete, err)
				}
			})
		}
	}
}

var errWrongPayload = errors.New("wrong payload")

// decodeUntilError decodes msgs and returns the first error, or
// errWrongPayload when a payload differs from want.
func decodeUntilError(d Decompressor, msgs, want [][]byte) error {
	n := 0
	for _, m := range msgs {
		p, complete, err := d.Decode(m)
		if err != nil {
			return err
		}
		if complete {
			if n >= len(want) || !bytes.Equal(p, want[n]) {
				return errWrongPayload
			}
			n++
		}
	}
	if n < len(want) {
		return errWrongPayload
	}
	return nil
}

func flip(b []byte) []byte {
	b = bytes.Clone(b)
	for i := len(b) / 3; i < len(b)/3+8 && i < len(b)-4; i++ {
		b[i] ^= 0x5a
	}
	return b
}

func slicesClone(msgs [][]byte) [][]byte { return append([][]byte(nil), msgs...) }

func TestDecompressorUsedAfterClose(t *testing.T) {
	for _, c := range []Compression{CompressionZlib, CompressionZstd} {
		d, err := NewDecompressor(c)
		if err != nil {
			t.Fatal(err)
		}
		d.Close()
		d.Reset()
		if _, _, err := d.Decode([]byte{1}); err == nil {
			t.Errorf("%s: Decode after Close works", c)
		}
		if err := d.Close(); err != nil {
			t.Errorf("%s: second Close: %v", c, err)
		}
	}
}

// TestDecompressorAllocations checks that decoding allocates nothing once
// the buffers have grown.
func TestDecompressorAllocations(t *testing.T) {
	if testing.Short() {
		t.Skip("short")
	}
	payloads := testPayloads(t)
	for _, c := range []Compression{CompressionZlib, CompressionZstd} {
		msgs := compressStream(t, c, payloads)
		d, err := NewDecompressor(c)
		if err != nil {
			t.Fatal(err)
		}
		i := 0
		decode := func() {
			if _, _, err := d.Decode(msgs[i]); err != nil {
				t.Fatal(err)
			}
			i++
		}
		for range 100 { // warm up
			decode()
		}
		if allocs := testing.AllocsPerRun(len(msgs)-101, decode); allocs > 0 {
			t.Errorf("%s: %.2f allocations per message", c, allocs)
		}
		d.Close()
	}
}

// FuzzDecompressor checks that no input makes a decompressor panic or hang.
func FuzzDecompressor(f *testing.F) {
	payloads := [][]byte{[]byte(`{"op":10,"d":{"heartbeat_interval":41250}}`), []byte(`{"op":11}`)}
	for _, c := range []Compression{CompressionZlib, CompressionZstd} {
		msgs := compressStream(f, c, payloads)
		f.Add(c == CompressionZstd, bytes.Join(msgs, nil), uint8(len(msgs[0])))
	}
	f.Add(false, []byte("x\x9c\x00\x00\xff\xff"), uint8(3))
	f.Add(true, []byte("\x28\xb5\x2f\xfd\x00\x00\x00"), uint8(5))
	f.Fuzz(func(t *testing.T, zstd bool, stream []byte, cut uint8) {
		c := CompressionZlib
		if zstd {
			c = CompressionZstd
		}
		d, err := NewDecompressor(c)
		if err != nil {
			t.Fatal(err)
		}
		defer d.Close()
		at := min(int(cut), len(stream))
		for _, m := range [][]byte{stream[:at], stream[at:]} {
			if _, _, err := d.Decode(m); err != nil {
				return
			}
		}
	})
}

func BenchmarkDecompressor(b *testing.B) {
	for _, traffic := range []struct {
		name     string
		from, to int
	}{
		{"steady", 1071, 7981}, // 6,910 payloads, 900 bytes on average
		{"startup", 1, 1071},   // READY and 1,065 GUILD_CREATEs, 18 KB on average
	} {
		payloads := corpusPayloads(b, traffic.from, traffic.to)
		var size int64
		for _, p := range payloads {
			size += int64(len(p))
		}
		for _, c := range []Compression{CompressionZlib, CompressionZstd} {
			b.Run(traffic.name+"/"+string(c), func(b *testing.B) {
				msgs := compressStream(b, c, payloads)
				d, err := NewDecompressor(c)
				if err != nil {
					b.Fatal(err)
				}
				defer d.Close()
				b.SetBytes(size / int64(len(msgs)))
				b.ReportAllocs()
				i := 0
				for b.Loop() {
					if i == len(msgs) {
						d.Reset()
						i = 0
					}
					if _, _, err := d.Decode(msgs[i]); err != nil {
						b.Fatal(err)
					}
					i++
				}
			})
		}
	}
}

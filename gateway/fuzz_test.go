package gateway_test

import (
	"bytes"
	"compress/zlib"
	"testing"

	"github.com/klauspost/compress/zstd"

	"github.com/cordage/cordage/gateway"
)

// compressStream compresses payloads as the gateway sends them: one stream
// for the connection, flushed after each payload, one message per payload.
func compressStream(tb testing.TB, comp gateway.Compression, payloads [][]byte) [][]byte {
	tb.Helper()
	var buf bytes.Buffer
	var w interface {
		Write([]byte) (int, error)
		Flush() error
	}
	switch comp {
	case gateway.CompressionZlib:
		w = zlib.NewWriter(&buf)
	case gateway.CompressionZstd:
		enc, err := zstd.NewWriter(&buf, zstd.WithEncoderConcurrency(1), zstd.WithWindowSize(1<<20))
		if err != nil {
			tb.Fatal(err)
		}
		defer enc.Close()
		w = enc
	default:
		return payloads
	}
	out := make([][]byte, 0, len(payloads))
	for _, p := range payloads {
		buf.Reset()
		if _, err := w.Write(p); err != nil {
			tb.Fatal(err)
		}
		if err := w.Flush(); err != nil {
			tb.Fatal(err)
		}
		out = append(out, bytes.Clone(buf.Bytes()))
	}
	return out
}

// FuzzDecompressorStream feeds arbitrary bytes, as one or two messages, to both
// stream decompressors: they never panic, and once one reports a corrupt
// stream it keeps failing.
func FuzzDecompressorStream(f *testing.F) {
	payloads := [][]byte{[]byte(`{"op":10,"d":{"heartbeat_interval":41250}}`), []byte(`{"op":11,"d":null}`),
		[]byte(`{"op":0,"t":"MESSAGE_CREATE","s":2,"d":{"content":"hello hello hello"}}`)}
	for kind, comp := range []gateway.Compression{gateway.CompressionZlib, gateway.CompressionZstd} {
		msgs := compressStream(f, comp, payloads)
		f.Add(uint8(kind), msgs[0], msgs[1], uint16(0))
		f.Add(uint8(kind), bytes.Join(msgs, nil), []byte{}, uint16(7))
		f.Add(uint8(kind), msgs[0][:len(msgs[0])/2], msgs[0][len(msgs[0])/2:], uint16(0))
		f.Add(uint8(kind), msgs[0], msgs[2][:len(msgs[2])-3], uint16(3))
	}
	f.Fuzz(func(t *testing.T, kind uint8, a, b []byte, cut uint16) {
		comp := []gateway.Compression{gateway.CompressionZlib, gateway.CompressionZstd}[kind%2]
		d, err := gateway.NewDecompressor(comp)
		if err != nil {
			t.Fatal(err)
		}
		defer d.Close()
		failed := false
		for _, msg := range [][]byte{a, b, a[:min(int(cut), len(a))]} {
			_, _, err := d.Decode(msg)
			if failed && err == nil {
				t.Fatal("a corrupt stream decoded again")
			}
			failed = failed || err != nil
		}
		d.Reset()
		if _, _, err := d.Decode(a); err != nil && !failed {
			// A fresh stream of the same bytes fails as the first did.
			t.Fatalf("after Reset: %v, before: none", err)
		}
	})
}

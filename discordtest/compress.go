package discordtest

import (
	"bytes"
	"compress/zlib"
	"fmt"

	"github.com/klauspost/compress/zstd"
)

// compressor applies a connection's transport compression to each message.
// One compression context lives as long as the connection, as Discord's does.
type compressor interface {
	compress(msg []byte) ([]byte, error)
}

func newCompressor(kind string) (compressor, error) {
	switch kind {
	case "":
		return nil, nil
	case "zlib-stream":
		c := &zlibStream{}
		c.w = zlib.NewWriter(&c.buf)
		return c, nil
	case "zstd-stream":
		c := &zstdStream{}
		w, err := zstd.NewWriter(&c.buf, zstd.WithEncoderConcurrency(1), zstd.WithWindowSize(1<<20))
		if err != nil {
			return nil, err
		}
		c.w = w
		return c, nil
	}
	return nil, fmt.Errorf("unknown compression %q", kind)
}

// zlibStream is compress=zlib-stream: one deflate stream, each message ended
// by a sync flush (the suffix 00 00 ff ff).
type zlibStream struct {
	buf bytes.Buffer
	w   *zlib.Writer
}

func (z *zlibStream) compress(msg []byte) ([]byte, error) {
	z.buf.Reset()
	if _, err := z.w.Write(msg); err != nil {
		return nil, err
	}
	if err := z.w.Flush(); err != nil {
		return nil, err
	}
	return bytes.Clone(z.buf.Bytes()), nil
}

// zstdStream is compress=zstd-stream: one zstd frame for the connection, each
// message flushed so it can be decoded on arrival.
type zstdStream struct {
	buf bytes.Buffer
	w   *zstd.Encoder
}

func (z *zstdStream) compress(msg []byte) ([]byte, error) {
	z.buf.Reset()
	if _, err := z.w.Write(msg); err != nil {
		return nil, err
	}
	if err := z.w.Flush(); err != nil {
		return nil, err
	}
	return bytes.Clone(z.buf.Bytes()), nil
}

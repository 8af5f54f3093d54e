package gateway

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"slices"

	"github.com/klauspost/compress/flate"
)

// Compression is the transport compression of a gateway connection: the
// value of the compress parameter of the gateway URL. The client asks for
// CompressionZstd unless told otherwise.
type Compression string

// Values of Compression.
const (
	// CompressionZstd is one zstd stream for the whole connection, flushed
	// after each payload. It is the client's default: it compresses better
	// and decodes faster than zlib.
	CompressionZstd Compression = "zstd-stream"
	// CompressionZlib is one zlib stream for the whole connection; each
	// payload ends with a sync flush, the bytes 00 00 ff ff.
	CompressionZlib Compression = "zlib-stream"
	// CompressionNone sends payloads as plain JSON.
	CompressionNone Compression = ""
)

// Decompressor turns the WebSocket messages of one connection back into
// gateway payloads. A Decompressor is not safe for concurrent use: the
// connection's read loop owns it.
type Decompressor interface {
	// Decode takes the next WebSocket message of the connection. When the
	// message completes a payload, Decode returns it and complete is true;
	// otherwise Decode keeps what it needs until the rest arrives. The
	// payload is valid until the next call of Decode, Reset or Close.
	// Decode does not hold on to msg, so the caller may reuse it, except
	// that without compression the payload is msg itself.
	//
	// An error means the stream is corrupt: every later call fails with it
	// until Reset. The connection cannot go on and must be replaced.
	Decode(msg []byte) (payload []byte, complete bool, err error)
	// Reset drops the stream's state, ready for a new connection, which
	// starts a new stream. It keeps the buffers for reuse.
	Reset()
	// Close releases the Decompressor's resources, including the goroutine
	// a zstd-stream decompressor runs while a stream is open (Reset stops
	// it too). After Close, Decode fails.
	Close() error
}

// NewDecompressor returns a Decompressor for the connection's compression.
func NewDecompressor(c Compression) (Decompressor, error) {
	switch c {
	case CompressionNone:
		return noDecompressor{}, nil
	case CompressionZlib:
		return newZlibStream(), nil
	case CompressionZstd:
		return newZstdStream()
	}
	return nil, fmt.Errorf("gateway: unknown compression %q", string(c))
}

// noDecompressor passes plain messages through: each is one payload.
type noDecompressor struct{}

func (noDecompressor) Decode(msg []byte) ([]byte, bool, error) { return msg, true, nil }
func (noDecompressor) Reset()                                  {}
func (noDecompressor) Close() error                            { return nil }

// errClosed is the error of a Decompressor used after Close.
var errClosed = errors.New("decompressor closed")

const (
	// zlibSuffix ends every payload of a zlib stream: the empty stored
	// block of a sync flush.
	zlibSuffix = "\x00\x00\xff\xff"
	// flateWindow is how far back a deflate stream may refer.
	flateWindow = 32 << 10
)

// zlibStream decodes compress=zlib-stream.
//
// After a sync flush, the only state a deflate stream carries into the next
// payload is its last 32 KiB of output: every block brings its own Huffman
// tables, and the flush leaves no bits pending. So each payload is inflated
// by a reader reset onto that window. (Feeding one reader message by message
// cannot work: a deflate reader that runs out of input fails for good.)
type zlibStream struct {
	in []byte // compressed bytes of the payload being assembled
	// out holds output: the last window of earlier payloads, then the
	// payload being decoded, which starts at out[start:].
	out    []byte
	start  int
	src    bytes.Reader
	fr     io.ReadCloser // a flate reader, also a flate.Resetter
	header bool          // the stream's 2-byte zlib header has been read
	err    error
	closed bool
}

func newZlibStream() *zlibStream {
	return &zlibStream{out: make([]byte, 0, 256<<10)}
}

func (z *zlibStream) Decode(msg []byte) ([]byte, bool, error) {
	if z.err != nil {
		return nil, false, z.err
	}
	z.in = append(z.in, msg...)
	if !bytes.HasSuffix(z.in, []byte(zlibSuffix)) {
		return nil, false, nil
	}
	in := z.in
	z.in = z.in[:0]
	if !z.header {
		if err := checkZlibHeader(in); err != nil {
			return nil, false, z.fail(err)
		}
		in = in[2:]
		z.header = true
	}

	// The window is the output's last 32 KiB; the payload is appended
	// after it.
	z.start = len(z.out)
	dict := z.out[max(0, z.start-flateWindow):]
	z.src.Reset(in)
	if z.fr == nil {
		z.fr = flate.NewReaderDict(&z.src, dict)
	} else if err := z.fr.(flate.Resetter).Reset(&z.src, dict); err != nil {
		return nil, false, z.fail(err)
	}
	for {
		if len(z.out) == cap(z.out) {
			z.grow()
		}
		n, err := z.fr.Read(z.out[len(z.out):cap(z.out)])
		z.out = z.out[:len(z.out)+n]
		switch {
		case err == nil:
			continue
		case err == io.ErrUnexpectedEOF && z.src.Len() == 0:
			// The reader wants the next block, which is the next
			// payload's: this one is whole.
			return z.out[z.start:], true, nil
		case err == io.EOF:
			return nil, false, z.fail(errors.New("the stream ended"))
		default:
			return nil, false, z.fail(err)
		}
	}
}

// grow makes room in out: it drops the output older than the window of the
// payload being decoded, or enlarges the buffer if that is not enough.
func (z *zlibStream) grow() {
	if keep := max(0, z.start-flateWindow); keep > 0 && len(z.out)-keep < cap(z.out)/2 {
		n := copy(z.out, z.out[keep:])
		z.out = z.out[:n]
		z.start -= keep
		return
	}
	z.out = slices.Grow(z.out, cap(z.out))
}

func (z *zlibStream) fail(err error) error {
	z.err = fmt.Errorf("gateway: zlib-stream: %w", err)
	return z.err
}

// checkZlibHeader checks the 2-byte header that starts a zlib stream
// (RFC 1950): deflate, a window of at most 32 KiB, no preset dictionary.
func checkZlibHeader(b []byte) error {
	if len(b) < 2 || b[0]&0x0f != 8 || b[0]>>4 > 7 || b[1]&0x20 != 0 || (uint(b[0])<<8|uint(b[1]))%31 != 0 {
		return errors.New("invalid zlib header")
	}
	return nil
}

func (z *zlibStream) Reset() {
	if z.closed {
		return
	}
	z.in, z.out, z.start = z.in[:0], z.out[:0], 0
	z.header, z.err = false, nil
}

func (z *zlibStream) Close() error {
	*z = zlibStream{err: fmt.Errorf("gateway: zlib-stream: %w", errClosed), closed: true}
	return nil
}

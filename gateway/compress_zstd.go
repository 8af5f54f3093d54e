package gateway

import (
	"encoding/binary"
	"errors"
	"fmt"
	"io"

	"github.com/klauspost/compress/zstd"
)

// zstdStream decodes compress=zstd-stream.
//
// The stream is one zstd frame that lasts as long as the connection, and
// its blocks depend on the blocks before them (window, entropy tables,
// repeated offsets), so it must go through one streaming decoder. That
// decoder fails for good when its input runs out, so it reads from a
// goroutine instead: the goroutine's input blocks until Decode hands it the
// next message, and tells Decode when it has used one up, by which time all
// the output of its blocks has been written.
type zstdStream struct {
	dec *zstd.Decoder
	in  zstdInput
	// out is the payload being decoded. The goroutine appends to it while
	// Decode waits.
	out      []byte
	returned bool // out was returned whole: the next payload starts anew
	// frames follows the block boundaries, to tell a payload that is whole
	// from one whose message was split inside a block.
	frames  zstdFrames
	running bool // the goroutine is waiting for input
	err     error
	closed  bool
}

// zstdInput is what the decoder reads: the messages Decode hands over.
type zstdInput struct {
	msg     []byte
	next    chan []byte // the next message; closed to end the stream
	drained chan error  // nil: a message is used up; else the goroutine ended
}

func newZstdStream() (*zstdStream, error) {
	// One decoder goroutine is all a stream can use, and with concurrency
	// 1 the decoder starts none of its own. Windows are capped as libzstd
	// caps them by default (128 MiB), so a stream libzstd decodes decodes
	// here too.
	dec, err := zstd.NewReader(nil, zstd.WithDecoderConcurrency(1), zstd.WithDecoderMaxWindow(1<<27))
	if err != nil {
		return nil, fmt.Errorf("gateway: zstd-stream: %w", err)
	}
	return &zstdStream{dec: dec, out: make([]byte, 0, 64<<10)}, nil
}

func (z *zstdStream) Decode(msg []byte) ([]byte, bool, error) {
	if z.err != nil {
		return nil, false, z.err
	}
	if err := z.frames.scan(msg); err != nil {
		return nil, false, z.fail(err)
	}
	if z.returned {
		z.out, z.returned = z.out[:0], false
	}
	if !z.running {
		if err := z.start(msg); err != nil {
			return nil, false, z.fail(err)
		}
	} else {
		z.in.next <- msg
	}
	if err := <-z.in.drained; err != nil {
		z.running = false
		return nil, false, z.fail(err)
	}
	if !z.frames.atBoundary() || len(z.out) == 0 {
		return nil, false, nil
	}
	z.returned = true
	return z.out, true, nil
}

// start starts the goroutine with the stream's first message.
func (z *zstdStream) start(msg []byte) error {
	z.in = zstdInput{msg: msg, next: make(chan []byte), drained: make(chan error)}
	if err := z.dec.Reset(&z.in); err != nil {
		return err
	}
	z.running = true
	go z.decode()
	return nil
}

func (z *zstdStream) decode() {
	_, err := z.dec.WriteTo(zstdOutput{z})
	if err == nil {
		err = errors.New("the stream ended")
	}
	z.in.drained <- err
}

// zstdOutput appends the decoder's output to the payload.
type zstdOutput struct{ z *zstdStream }

func (w zstdOutput) Write(p []byte) (int, error) {
	w.z.out = append(w.z.out, p...)
	return len(p), nil
}

// Read gives the decoder the message Decode handed over. When it is used
// up, Read tells Decode so and waits for the next one.
func (in *zstdInput) Read(p []byte) (int, error) {
	for len(in.msg) == 0 {
		in.drained <- nil
		msg, ok := <-in.next
		if !ok {
			return 0, io.EOF
		}
		in.msg = msg
	}
	n := copy(p, in.msg)
	in.msg = in.msg[n:]
	return n, nil
}

// stop ends the goroutine.
func (z *zstdStream) stop() {
	if z.running {
		close(z.in.next)
		<-z.in.drained
		z.running = false
	}
}

func (z *zstdStream) fail(err error) error {
	z.stop()
	z.err = fmt.Errorf("gateway: zstd-stream: %w", err)
	return z.err
}

func (z *zstdStream) Reset() {
	if z.closed {
		return
	}
	z.stop()
	z.out, z.returned = z.out[:0], false
	z.frames = zstdFrames{}
	z.err = nil
}

func (z *zstdStream) Close() error {
	if !z.closed {
		z.Reset()
		z.dec.Close()
		z.err = fmt.Errorf("gateway: zstd-stream: %w", errClosed)
		z.closed = true
	}
	return nil
}

// zstdFrames follows the frames and blocks of a zstd stream (RFC 8878)
// without decoding them, to know where the blocks end.
type zstdFrames struct {
	part zstdPart
	need int     // bytes the part still needs
	head [4]byte // the bytes of a header part
	n    int     // bytes in head
	last bool    // the block is the frame's last
	sum  bool    // the frame ends with a checksum
	init bool    // part and need are set
}

// zstdPart is a part of a zstd stream.
type zstdPart uint8

const (
	partMagic         zstdPart = iota // 4 bytes that start a frame
	partFrameHeader                   // the frame header's first byte
	partFrameRest                     // the rest of the frame header
	partBlockHeader                   // 3 bytes
	partBlock                         // a block's content
	partChecksum                      // 4 bytes after the last block
	partSkippableSize                 // 4 bytes
	partSkippable                     // a skippable frame's content
)

const maxZstdBlock = 128 << 10

// scan follows the stream through b.
func (f *zstdFrames) scan(b []byte) error {
	if !f.init {
		f.set(partMagic, 4)
		f.init = true
	}
	for {
		for f.need == 0 {
			if err := f.advance(); err != nil {
				return err
			}
		}
		if len(b) == 0 {
			return nil
		}
		n := min(f.need, len(b))
		switch f.part {
		case partMagic, partFrameHeader, partBlockHeader, partSkippableSize:
			f.n += copy(f.head[f.n:], b[:n])
		}
		b, f.need = b[n:], f.need-n
	}
}

func (f *zstdFrames) set(part zstdPart, need int) {
	f.part, f.need, f.n = part, need, 0
}

// advance moves on from the part just completed.
func (f *zstdFrames) advance() error {
	switch f.part {
	case partMagic:
		switch m := binary.LittleEndian.Uint32(f.head[:]); {
		case m == 0xfd2fb528:
			f.set(partFrameHeader, 1)
		case m&^0xf == 0x184d2a50:
			f.set(partSkippableSize, 4)
		default:
			return fmt.Errorf("not a zstd frame (magic number %#08x)", m)
		}
	case partFrameHeader:
		fhd := f.head[0]
		if fhd&0x08 != 0 {
			return errors.New("invalid zstd frame header")
		}
		single := fhd&0x20 != 0
		f.sum = fhd&0x04 != 0
		size := [4]int{0, 1, 2, 4}[fhd&3] + [4]int{0, 2, 4, 8}[fhd>>6]
		if !single || fhd>>6 == 0 && single {
			size++ // the window descriptor, or a 1-byte content size
		}
		f.set(partFrameRest, size)
	case partFrameRest:
		f.set(partBlockHeader, 3)
	case partBlockHeader:
		h := uint32(f.head[0]) | uint32(f.head[1])<<8 | uint32(f.head[2])<<16
		f.last = h&1 != 0
		size := int(h >> 3)
		switch h >> 1 & 3 {
		case 1: // RLE: one byte, repeated
			size = 1
		case 3:
			return errors.New("invalid zstd block type")
		}
		if size > maxZstdBlock {
			return fmt.Errorf("zstd block of %d bytes", size)
		}
		f.set(partBlock, size)
	case partBlock:
		switch {
		case !f.last:
			f.set(partBlockHeader, 3)
		case f.sum:
			f.set(partChecksum, 4)
		default:
			f.set(partMagic, 4)
		}
	case partChecksum, partSkippable:
		f.set(partMagic, 4)
	case partSkippableSize:
		f.set(partSkippable, int(binary.LittleEndian.Uint32(f.head[:])))
	}
	return nil
}

// atBoundary reports whether the stream so far ends with a whole block or
// frame.
func (f *zstdFrames) atBoundary() bool {
	return f.n == 0 && f.need > 0 && (f.part == partBlockHeader || f.part == partMagic)
}

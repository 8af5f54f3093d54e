package benchmarks

import (
	"bytes"
	"compress/zlib"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"runtime"
	"strings"
	"testing"

	discordgo "github.com/bwmarrin/discordgo"
	arikawagateway "github.com/diamondburned/arikawa/v3/gateway"
	"github.com/diamondburned/arikawa/v3/utils/ws"
	disgogateway "github.com/disgoorg/disgo/gateway"
	"github.com/klauspost/compress/zstd"

	"github.com/cordage/cordage/gateway"
)

// Workload 3, the full pipeline: every payload of the corpus, compressed as
// the gateway sends it (one stream for the connection, flushed after each
// payload), fed message by message from memory to a front end that
// decompresses it and splits the envelope, then, for dispatches, to the
// contender's library (decode + dispatch, as in workload 1).

// compressions are the gateway's transport compressions, by sub-benchmark
// name.
var compressions = []struct {
	name string
	c    gateway.Compression
}{
	{"pipeline-zstd", gateway.CompressionZstd},
	{"pipeline-zlib", gateway.CompressionZlib},
	{"pipeline-none", gateway.CompressionNone},
}

// A pipeline is one library's read path for the messages of one
// connection. Feed reads one WebSocket message; for a dispatch it decodes
// the event, hands it to the library's handlers and returns dispatched true
// with the event's name and the library's error (classified as in workload
// 1). For other payloads an error is a decompression or envelope failure.
type pipeline interface {
	Feed(msg []byte) (name string, dispatched bool, err error)
	// Reset starts a new connection.
	Reset()
	// Wait is library.Wait.
	Wait() int
}

// newPipeline returns the pipeline of contender name for compression c, or
// nil when the library cannot read that compression.
func newPipeline(name string, c gateway.Compression) (pipeline, error) {
	switch name {
	case "Cordage":
		return newCordagePipeline(c, newCordageSequential())
	case "CordageInline":
		return newCordagePipeline(c, newCordageInline())
	case "FloorDecompress":
		return newCordagePipeline(c, nil)
	case "FloorValid":
		p, err := newCordagePipeline(c, nil)
		if p != nil {
			p.valid = true
		}
		return p, err
	}
	if c != gateway.CompressionNone {
		// None of the peers reads zstd-stream or zlib-stream: see README.
		return nil, nil
	}
	switch name {
	case "Disgo":
		return &disgoPipeline{newDisgo().(*disgo)}, nil
	case "Discordgo":
		return &discordgoPipeline{newDiscordgo().(*discordGo)}, nil
	case "Arikawa":
		return newArikawaPipeline(), nil
	}
	return nil, nil
}

// cordagePipeline is cordage's shard read path: gateway.Decompressor, then
// gateway.ParsePayload, as the shard's read loop does, then lib.Handle
// (events.Decode and Dispatcher.Dispatch). Without lib it only
// decompresses, and checks the payload with json.Valid if valid is set.
type cordagePipeline struct {
	d     gateway.Decompressor
	lib   library
	valid bool
	n     int
}

func newCordagePipeline(c gateway.Compression, lib library) (*cordagePipeline, error) {
	d, err := gateway.NewDecompressor(c)
	if err != nil {
		return nil, err
	}
	return &cordagePipeline{d: d, lib: lib}, nil
}

func (p *cordagePipeline) Feed(msg []byte) (string, bool, error) {
	data, complete, err := p.d.Decode(msg)
	if err != nil {
		return "", false, err
	}
	if !complete {
		return "", false, errors.New("incomplete payload")
	}
	if p.valid && !json.Valid(data) {
		return "", false, errors.New("invalid JSON")
	}
	if p.lib == nil {
		return "", false, nil
	}
	pl, err := gateway.ParsePayload(data)
	if err != nil {
		return "", false, err
	}
	if pl.Op != gateway.OpDispatch {
		return "", false, nil
	}
	return pl.T, true, p.lib.Handle(pl.T, pl.D)
}

func (p *cordagePipeline) Reset() { p.d.Reset() }

func (p *cordagePipeline) Wait() int {
	p.d.Close()
	if p.lib == nil {
		return 0
	}
	return p.lib.Wait()
}

// disgoPipeline decodes each message as disgo's gateway does (the
// unexported gatewayImpl.parseMessage): json.NewDecoder(r).Decode into a
// gateway.Message, whose UnmarshalJSON decodes d with
// gateway.UnmarshalEventData; then HandleGatewayEvent, as in workload 1.
type disgoPipeline struct{ *disgo }

func (p *disgoPipeline) Feed(msg []byte) (string, bool, error) {
	var m disgogateway.Message
	err := json.NewDecoder(bytes.NewReader(msg)).Decode(&m)
	if m.Op != disgogateway.OpcodeDispatch {
		return "", false, err
	}
	if err != nil {
		return string(m.T), true, err
	}
	e, _ := m.D.(disgogateway.EventData)
	if _, ok := e.(disgogateway.EventUnknown); ok || e == nil {
		return string(m.T), true, fmt.Errorf("disgo: %s: %w", m.T, errNotDecoded)
	}
	p.m.HandleGatewayEvent(m.T, m.S, 0, e)
	return string(m.T), true, nil
}

func (p *disgoPipeline) Reset() {}

// discordgoPipeline decodes each message as discordgo's Session.onEvent
// does: json.NewDecoder(r).Decode into a *discordgo.Event, then, for a
// dispatch, the decode and handler call of workload 1 on its RawData.
type discordgoPipeline struct{ *discordGo }

func (p *discordgoPipeline) Feed(msg []byte) (string, bool, error) {
	var e *discordgo.Event
	if err := json.NewDecoder(bytes.NewBuffer(msg)).Decode(&e); err != nil {
		return "", false, err
	}
	if e.Operation != 0 {
		return "", false, nil
	}
	return e.Type, true, p.Handle(e.Type, e.RawData)
}

func (p *discordgoPipeline) Reset() {}

// arikawaPipeline decodes each message with ws.Codec.DecodeInto, with the
// codec arikawa's gateway builds (ws.NewCodec(gateway.OpUnmarshalers)), one
// DecodeBuffer reused, and hands the decoded event to handler.Handler.Call,
// as in workload 1.
type arikawaPipeline struct {
	*arikawa
	codec ws.Codec
	buf   ws.DecodeBuffer
	ops   chan ws.Op
}

func newArikawaPipeline() *arikawaPipeline {
	return &arikawaPipeline{
		arikawa: newArikawa().(*arikawa),
		codec:   ws.NewCodec(arikawagateway.OpUnmarshalers),
		buf:     ws.NewDecodeBuffer(4096),
		ops:     make(chan ws.Op, 1),
	}
}

func (p *arikawaPipeline) Feed(msg []byte) (string, bool, error) {
	if err := p.codec.DecodeInto(context.Background(), bytes.NewReader(msg), &p.buf, p.ops); err != nil {
		return "", false, err
	}
	op := <-p.ops
	if bg, ok := op.Data.(*ws.BackgroundErrorEvent); ok {
		var unknown ws.UnknownEventError
		if errors.As(bg.Err, &unknown) && unknown.Op == dispatchOp {
			return string(unknown.Type), true, fmt.Errorf("arikawa: %s: %w", unknown.Type, errNotDecoded)
		}
		return "", false, bg.Err
	}
	if op.Code != dispatchOp {
		return "", false, nil
	}
	p.h.Call(op.Data)
	return string(op.Type), true, nil
}

func (p *arikawaPipeline) Reset() {}

// compressStream compresses msgs as one stream of compression c flushed
// after each message, as the gateway does.
func compressStream(tb testing.TB, c gateway.Compression, msgs [][]byte) [][]byte {
	tb.Helper()
	if c == gateway.CompressionNone {
		return msgs
	}
	var buf bytes.Buffer
	var w interface {
		Write([]byte) (int, error)
		Flush() error
	}
	switch c {
	case gateway.CompressionZstd:
		enc, err := zstd.NewWriter(&buf)
		if err != nil {
			tb.Fatal(err)
		}
		defer enc.Close()
		w = enc
	case gateway.CompressionZlib:
		w = zlib.NewWriter(&buf)
	}
	out := make([][]byte, len(msgs))
	for i, m := range msgs {
		if _, err := w.Write(m); err != nil {
			tb.Fatal(err)
		}
		if err := w.Flush(); err != nil {
			tb.Fatal(err)
		}
		out[i] = bytes.Clone(buf.Bytes())
		buf.Reset()
	}
	return out
}

// benchPipeline runs workload 3 for contender c: b.N passes over msgs, each
// a new connection of the pipeline newPipeline returns.
func benchPipeline(b *testing.B, c contender, comp gateway.Compression, msgs [][]byte) {
	p, err := newPipeline(c.Name, comp)
	if err != nil {
		b.Fatal(err)
	}
	var counts [3]int
	var size int64
	for _, m := range msgs {
		size += int64(len(m))
	}
	b.SetBytes(size)
	b.ReportAllocs()
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	b.ResetTimer()
	for range b.N {
		p.Reset()
		for _, m := range msgs {
			name, dispatched, err := p.Feed(m)
			if !dispatched {
				if err != nil {
					b.Fatal(err)
				}
				continue
			}
			o, err := c.classify(name, err)
			if err != nil {
				b.Fatal(err)
			}
			counts[o]++
		}
	}
	calls := p.Wait()
	b.StopTimer()
	runtime.ReadMemStats(&after)
	if calls != counts[handled] {
		b.Fatalf("%d events decoded, but handlers ran %d times", counts[handled], calls)
	}
	// Per event means per dispatch of the corpus (7,850 a pass), as in
	// workload 1, even for the floors, which do not split the envelope.
	events := float64(b.N * recordedDispatches)
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/events, "ns/event")
	b.ReportMetric(events/b.Elapsed().Seconds(), "events/s")
	b.ReportMetric(float64(after.TotalAlloc-before.TotalAlloc)/events, "B/event")
	b.ReportMetric(float64(after.Mallocs-before.Mallocs)/events, "allocs/event")
	b.ReportMetric(float64(counts[undecoded])/float64(b.N), "undecoded/op")
	b.ReportMetric(float64(counts[failed])/float64(b.N), "failed/op")
}

// recordedDispatches is the number of dispatches in the corpus.
const recordedDispatches = 7850

// BenchmarkFloorDecompress only decompresses the messages of workload 3.
func BenchmarkFloorDecompress(b *testing.B) {
	w := corpus(b)
	benchPipelines(b, contender{Name: "FloorDecompress"}, w)
}

// benchPipelines runs workload 3 for c for every compression its library
// reads.
func benchPipelines(b *testing.B, c contender, w *workloads) {
	for _, comp := range compressions {
		if p, err := newPipeline(c.Name, comp.c); err != nil {
			b.Fatal(err)
		} else if p == nil {
			continue
		} else {
			p.Wait()
		}
		msgs := compressStream(b, comp.c, w.messages)
		b.Run(comp.name, func(b *testing.B) { benchPipeline(b, c, comp.c, msgs) })
	}
}

// TestPipeline checks that every pipeline reads the whole corpus, in every
// compression it supports, and dispatches its 7,850 events.
func TestPipeline(t *testing.T) {
	w := corpus(t)
	names := []string{"FloorDecompress"}
	for _, c := range contenders {
		names = append(names, c.Name)
	}
	for _, comp := range compressions {
		msgs := compressStream(t, comp.c, w.messages)
		for _, name := range names {
			p, err := newPipeline(name, comp.c)
			if err != nil {
				t.Fatal(err)
			}
			if p == nil {
				continue
			}
			c := contender{Name: name}
			if name != "FloorDecompress" {
				c = contenderNamed(name)
			}
			var counts [3]int
			for _, m := range msgs {
				ev, dispatched, err := p.Feed(m)
				if !dispatched {
					if err != nil {
						t.Fatalf("%s %s: %v", name, comp.name, err)
					}
					continue
				}
				o, err := c.classify(ev, err)
				if err != nil {
					t.Fatalf("%s: %v", comp.name, err)
				}
				counts[o]++
			}
			calls := p.Wait()
			if name == "Cordage" || name == "CordageInline" || comp.c == gateway.CompressionNone && !strings.HasPrefix(name, "Floor") {
				if n := counts[handled] + counts[undecoded] + counts[failed]; n != recordedDispatches {
					t.Errorf("%s %s: %d dispatches, want %d", name, comp.name, n, recordedDispatches)
				}
			}
			if calls != counts[handled] {
				t.Errorf("%s %s: %d decoded, %d handler calls", name, comp.name, counts[handled], calls)
			}
			t.Logf("%s %s: %d handled, %d not decoded, %d failed", name, comp.name, counts[handled], counts[undecoded], counts[failed])
		}
	}
}

package gateway

import (
	"encoding/json"
	"testing"

	"github.com/cordage/cordage/events"
)

// BenchmarkPipeline measures what a shard does per received payload, off the
// network: decompress (the corpus compressed as the gateway sends it, one
// stream flushed per payload), split the envelope, decode the event. It
// reports ns/event and allocs/event; one iteration is one payload.
func BenchmarkPipeline(b *testing.B) {
	for _, traffic := range []struct {
		name     string
		from, to int
	}{
		{"steady", 1071, 7981}, // 6,910 payloads, 900 bytes on average
		{"startup", 1, 1071},   // READY and 1,065 GUILD_CREATEs, 18 KB on average
	} {
		payloads := corpusPayloads(b, traffic.from, traffic.to)
		for _, c := range []Compression{CompressionZstd, CompressionZlib, CompressionNone} {
			name := string(c)
			if c == CompressionNone {
				name = "none"
			}
			b.Run(traffic.name+"/"+name, func(b *testing.B) {
				msgs := payloads
				if c != CompressionNone {
					msgs = compressStream(b, c, payloads)
				}
				d, err := NewDecompressor(c)
				if err != nil {
					b.Fatal(err)
				}
				defer d.Close()
				b.ReportAllocs()
				i, n := 0, 0
				for b.Loop() {
					if i == len(msgs) {
						d.Reset()
						i = 0
					}
					data, complete, err := d.Decode(msgs[i])
					if err != nil || !complete {
						b.Fatalf("payload %d: complete %v, %v", i, complete, err)
					}
					i++
					var p Payload
					if err := json.Unmarshal(data, &p); err != nil {
						b.Fatal(err)
					}
					if p.Op != OpDispatch {
						continue
					}
					if _, err := events.Decode(p.T, p.D); err != nil {
						b.Fatal(err)
					}
					n++
				}
				b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(max(n, 1)), "ns/event")
			})
		}
	}
}

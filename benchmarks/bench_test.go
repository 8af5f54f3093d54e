package benchmarks

import (
	"runtime"
	"testing"
)

// Each BenchmarkXxx runs one contender on every workload:
//
//	recorded              the 7,850 dispatches of the corpus, in order
//	guild-create-largest  the corpus's largest GUILD_CREATE
//	guild-create-10k      that guild with 10,000 members
//	pipeline-zstd, -zlib, -none  the whole corpus as the gateway sends it:
//	                      decompress, envelope, decode, dispatch (pipeline_test.go)
//	rest-create-message   one create-message request (rest_test.go)
//
// Besides the standard per-op numbers (one op is one pass over the
// workload), each reports ns/event, events/s, B/event and allocs/event, and
// per pass the events the library has no type for (undecoded/op) and those
// it failed to decode in a known way (failed/op). Any other decode error
// fails the benchmark.

func BenchmarkCordage(b *testing.B)        { benchWorkloads(b, "Cordage") }
func BenchmarkCordageInline(b *testing.B)  { benchWorkloads(b, "CordageInline") }
func BenchmarkDisgo(b *testing.B)          { benchWorkloads(b, "Disgo") }
func BenchmarkDiscordgo(b *testing.B)      { benchWorkloads(b, "Discordgo") }
func BenchmarkArikawa(b *testing.B)        { benchWorkloads(b, "Arikawa") }
func BenchmarkFloorValid(b *testing.B)     { benchWorkloads(b, "FloorValid") }
func BenchmarkFloorTokens(b *testing.B)    { benchWorkloads(b, "FloorTokens") }
func BenchmarkFloorStdTokens(b *testing.B) { benchWorkloads(b, "FloorStdTokens") }
func BenchmarkFloorAny(b *testing.B)       { benchWorkloads(b, "FloorAny") }

func benchWorkloads(b *testing.B, name string) {
	c := contenderNamed(name)
	w := corpus(b)
	b.Run("recorded", func(b *testing.B) { bench(b, c, w.recorded) })
	b.Run("guild-create-largest", func(b *testing.B) { bench(b, c, w.largest) })
	b.Run("guild-create-10k", func(b *testing.B) { bench(b, c, w.synthetic) })
	benchPipelines(b, c, w)
	if send := restClients[name]; send != nil {
		b.Run("rest-create-message", func(b *testing.B) { benchREST(b, send) })
	}
}

// bench hands every event of w to a new library of c b.N times, waits for
// the handlers and reports the per-event metrics. It fails on an unexpected
// decode error and when a decoded event did not reach its handler.
func bench(b *testing.B, c contender, w workload) {
	lib := c.New()
	var counts [3]int // by outcome
	b.SetBytes(w.bytes)
	b.ReportAllocs()
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	b.ResetTimer()
	for range b.N {
		for _, p := range w.payloads {
			o, err := c.classify(p.name, lib.Handle(p.name, p.d))
			if err != nil {
				b.Fatal(err)
			}
			counts[o]++
		}
	}
	calls := lib.Wait()
	b.StopTimer()
	runtime.ReadMemStats(&after)

	if calls != counts[handled] {
		b.Fatalf("%d events decoded, but handlers ran %d times", counts[handled], calls)
	}
	events := float64(b.N * len(w.payloads))
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/events, "ns/event")
	b.ReportMetric(events/b.Elapsed().Seconds(), "events/s")
	b.ReportMetric(float64(after.TotalAlloc-before.TotalAlloc)/events, "B/event")
	b.ReportMetric(float64(after.Mallocs-before.Mallocs)/events, "allocs/event")
	b.ReportMetric(float64(counts[undecoded])/float64(b.N), "undecoded/op")
	b.ReportMetric(float64(counts[failed])/float64(b.N), "failed/op")
}

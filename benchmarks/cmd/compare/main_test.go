package main

import (
	"bytes"
	"encoding/xml"
	"io"
	"strings"
	"testing"
)

const sample = `goos: linux
goarch: amd64
pkg: github.com/cordage/cordage/benchmarks
cpu: Test CPU
BenchmarkCordage/recorded-2 	 3	 400 ns/op	 10.0 MB/s	 100 B/event	 10.00 allocs/event	 100 events/s	 0 failed/op	 10000 ns/event	 0 undecoded/op	 800 B/op	 80 allocs/op
BenchmarkCordage/recorded-2 	 3	 400 ns/op	 10.0 MB/s	 100 B/event	 10.00 allocs/event	 100 events/s	 0 failed/op	 30000 ns/event	 0 undecoded/op	 800 B/op	 80 allocs/op
BenchmarkCordage/recorded-2 	 3	 400 ns/op	 10.0 MB/s	 100 B/event	 10.00 allocs/event	 100 events/s	 0 failed/op	 20000 ns/event	 0 undecoded/op	 800 B/op	 80 allocs/op
BenchmarkDisgo/recorded-2 	 3	 400 ns/op	 10.0 MB/s	 100 B/event	 25.00 allocs/event	 100 events/s	 1 failed/op	 50000 ns/event	 0 undecoded/op	 800 B/op	 80 allocs/op
BenchmarkFloorValid/recorded-2 	 3	 400 ns/op	 10.0 MB/s	 0 B/event	 0 allocs/event	 100 events/s	 0 failed/op	 5000 ns/event	 0 undecoded/op	 800 B/op	 80 allocs/op
BenchmarkNew/other-2
2026/11/23 10:00:00 a log line
    3	 400 ns/op	 7 ns/event
PASS
`

func TestParseTakesMediansPerContenderAndWorkload(t *testing.T) {
	r, err := parse(strings.NewReader(sample))
	if err != nil {
		t.Fatal(err)
	}
	if got, _ := r.median(key{"Cordage", "recorded"}, "ns/event"); got != 20000 {
		t.Errorf("median ns/event = %v, want 20000", got)
	}
	if got, _ := r.ratio(key{"Disgo", "recorded"}, "ns/event"); got != 2.5 {
		t.Errorf("disgo time ratio = %v, want 2.5", got)
	}
	if got := r.spread(key{"Cordage", "recorded"}, "ns/event"); got != 1 {
		t.Errorf("spread = %v, want 1", got)
	}
	if got := r.workloadNames(); strings.Join(got, ",") != "recorded,other" {
		t.Errorf("workloads = %v", got)
	}
}

func TestMarkdownHasRatiosToCordage(t *testing.T) {
	r, _ := parse(strings.NewReader(sample))
	var b bytes.Buffer
	writeMarkdown(&b, r)
	for _, want := range []string{
		"| cordage (Sequential executor) | 20 µs | ±50% | 100 | 100 B | 10.0 | 1.00× | 1.00× | 0 | 0 |",
		"| disgo | 50 µs | ±0% | 100 | 100 B | 25.0 | 2.50× | 2.50× | 0 | 1.00 |",
		"| floor: encoding/json scanner (json.Valid) | 5 µs |",
		"| New | 7 ns | ±0% | – |",
		"cpu: Test CPU",
	} {
		if !strings.Contains(b.String(), want) {
			t.Errorf("markdown lacks %q:\n%s", want, b.String())
		}
	}
}

func TestSVGIsWellFormed(t *testing.T) {
	r, _ := parse(strings.NewReader(sample))
	var b bytes.Buffer
	writeSVG(&b, r)
	d := xml.NewDecoder(&b)
	for {
		if _, err := d.Token(); err == io.EOF {
			break
		} else if err != nil {
			t.Fatalf("SVG is not well-formed XML: %v", err)
		}
	}
}

// Command compare runs the benchmarks of this module -count times, and
// prints for each workload a Markdown table of the medians with the ratio of
// each library to cordage; it also draws those ratios as an SVG bar chart.
//
// Run it from the benchmarks folder:
//
//	go run ./cmd/compare -count 10 -svg results.svg
//
// With -in it reads saved `go test -bench` output instead of running the
// benchmarks; with -raw it saves the output it ran, for benchstat.
package main

import (
	"bufio"
	"bytes"
	"flag"
	"fmt"
	"io"
	"log"
	"os"
	"os/exec"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"
)

// pkg is the package holding the benchmarks.
const pkg = "github.com/cordage/cordage/benchmarks"

// baseline is the contender the ratios are computed against.
const baseline = "Cordage"

// contenders names the benchmark functions (without "Benchmark") in table
// order, with the label a reader sees.
var contenders = []struct{ name, label string }{
	{"Cordage", "cordage (Sequential executor)"},
	{"CordageInline", "cordage (inline executor)"},
	{"Disgo", "disgo"},
	{"Discordgo", "discordgo"},
	{"Arikawa", "arikawa"},
	{"FloorDecompress", "floor: decompress only (gateway.Decompressor)"},
	{"FloorValid", "floor: encoding/json scanner (json.Valid)"},
	{"FloorTokens", "floor: jsontext.Decoder.ReadToken (json v2)"},
	{"FloorStdTokens", "ref: encoding/json Decoder.Token"},
	{"FloorAny", "ref: json.Unmarshal into any"},
}

// workloads names the sub-benchmarks in table order, with a title.
var workloads = []struct{ name, title string }{
	{"recorded", "Workload 1: recorded traffic (7,850 dispatches, decode + dispatch)"},
	{"guild-create-largest", "Workload 2a: the largest recorded GUILD_CREATE (208 kB)"},
	{"guild-create-10k", "Workload 2b: that GUILD_CREATE with 10,000 members (3.3 MB)"},
	{"pipeline-zstd", "Workload 3a: full pipeline, zstd-stream (7,980 messages, 7,850 dispatches; per dispatch)"},
	{"pipeline-zlib", "Workload 3b: full pipeline, zlib-stream (per dispatch)"},
	{"pipeline-none", "Workload 3c: full pipeline, uncompressed (per dispatch)"},
	{"rest-create-message", "Workload 4: REST create message against a local server (per request)"},
}

func main() {
	count := flag.Int("count", 5, "how many times to run each benchmark, in rounds of all of them")
	bench := flag.String("bench", ".", "which benchmarks to run (go test -bench)")
	benchtime := flag.String("benchtime", "", "go test -benchtime, if set")
	svgPath := flag.String("svg", "results.svg", "where to write the SVG chart; empty for none")
	in := flag.String("in", "", "read saved go test -bench output from this file instead of running")
	raw := flag.String("raw", "", "also save the go test output to this file")
	flag.Parse()
	log.SetFlags(0)

	out, err := benchOutput(*in, *bench, *benchtime, *count)
	if err != nil {
		log.Fatal(err)
	}
	if *raw != "" {
		if err := os.WriteFile(*raw, out, 0o644); err != nil {
			log.Fatal(err)
		}
	}
	res, err := parse(bytes.NewReader(out))
	if err != nil {
		log.Fatal(err)
	}
	if len(res.samples) == 0 {
		log.Fatal("compare: the output has no benchmark results (is the shared corpus present?)")
	}
	writeMarkdown(os.Stdout, res)
	if *svgPath != "" {
		var buf bytes.Buffer
		writeSVG(&buf, res)
		if err := os.WriteFile(*svgPath, buf.Bytes(), 0o644); err != nil {
			log.Fatal(err)
		}
		log.Printf("compare: wrote %s", *svgPath)
	}
}

// benchOutput reads the output of file, or runs the benchmarks count times,
// echoing their output to stderr as it comes. Each round runs every
// benchmark once (go test -count=1), so that a change in the machine's load
// during the run falls on all libraries alike rather than on whichever ran
// last.
func benchOutput(file, bench, benchtime string, count int) ([]byte, error) {
	if file != "" {
		return os.ReadFile(file)
	}
	args := []string{"test", "-run=^$", "-bench=" + bench, "-count=1"}
	if benchtime != "" {
		args = append(args, "-benchtime="+benchtime)
	}
	args = append(args, pkg)
	var out bytes.Buffer
	for i := range count {
		log.Printf("compare: round %d of %d: go %s", i+1, count, strings.Join(args, " "))
		cmd := exec.Command("go", args...)
		cmd.Stdout = io.MultiWriter(&out, os.Stderr)
		cmd.Stderr = os.Stderr
		if err := cmd.Run(); err != nil {
			return nil, fmt.Errorf("compare: go test: %w", err)
		}
	}
	return out.Bytes(), nil
}

// results are the samples of every benchmark, by contender and workload.
type results struct {
	// samples[key{contender, workload}][unit] lists one value per run.
	samples map[key]map[string][]float64
	// env is what go test printed about the machine (goos, goarch, cpu).
	env []string
}

type key struct{ contender, workload string }

// median returns the median of the unit's samples, and false when there are
// none.
func (r results) median(k key, unit string) (float64, bool) {
	v := slices.Clone(r.samples[k][unit])
	if len(v) == 0 {
		return 0, false
	}
	slices.Sort(v)
	if n := len(v); n%2 == 0 {
		return (v[n/2-1] + v[n/2]) / 2, true
	}
	return v[len(v)/2], true
}

// spread returns (max-min)/median of the unit's samples.
func (r results) spread(k key, unit string) float64 {
	v := r.samples[k][unit]
	m, ok := r.median(k, unit)
	if !ok || m == 0 {
		return 0
	}
	return (slices.Max(v) - slices.Min(v)) / m
}

// procSuffix is the -GOMAXPROCS suffix go test adds to benchmark names.
var procSuffix = regexp.MustCompile(`-\d+$`)

// parse reads go test -bench output: lines such as
// "BenchmarkCordage/recorded-2  5  123 ns/op  45.6 ns/event ...".
func parse(r io.Reader) (results, error) {
	res := results{samples: map[key]map[string][]float64{}}
	sc := bufio.NewScanner(r)
	pending := "" // a benchmark name whose results are on a later line
	for sc.Scan() {
		line := sc.Text()
		// A benchmark that logs splits its name from its results.
		if f := strings.Fields(line); len(f) == 1 && strings.HasPrefix(f[0], "Benchmark") {
			pending = f[0]
			continue
		} else if pending != "" && len(f) >= 3 && f[2] == "ns/op" {
			line, pending = pending+" "+line, ""
		}
		if env := strings.TrimSpace(line); isEnv(env) && !slices.Contains(res.env, env) {
			res.env = append(res.env, env)
		}
		f := strings.Fields(line)
		if len(f) < 4 || !strings.HasPrefix(f[0], "Benchmark") || len(f)%2 != 0 {
			continue
		}
		name := procSuffix.ReplaceAllString(strings.TrimPrefix(f[0], "Benchmark"), "")
		contender, workload, ok := strings.Cut(name, "/")
		if !ok {
			continue
		}
		k := key{contender, workload}
		if res.samples[k] == nil {
			res.samples[k] = map[string][]float64{}
		}
		for i := 2; i+1 < len(f); i += 2 {
			v, err := strconv.ParseFloat(f[i], 64)
			if err != nil {
				return res, fmt.Errorf("compare: %q: %w", line, err)
			}
			res.samples[k][f[i+1]] = append(res.samples[k][f[i+1]], v)
		}
	}
	return res, sc.Err()
}

// isEnv reports whether a line of go test output describes the machine.
func isEnv(line string) bool {
	for _, p := range []string{"goos:", "goarch:", "cpu:"} {
		if strings.HasPrefix(line, p) {
			return true
		}
	}
	return false
}

// label returns the reader's name of a contender.
func label(name string) string {
	for _, c := range contenders {
		if c.name == name {
			return c.label
		}
	}
	return name
}

// rows lists the contenders present for workload w, in table order, then
// any others by name.
func (r results) rows(w string) []string {
	var known, other []string
	for _, c := range contenders {
		if _, ok := r.samples[key{c.name, w}]; ok {
			known = append(known, c.name)
		}
	}
	for k := range r.samples {
		if k.workload == w && !slices.ContainsFunc(contenders, func(c struct{ name, label string }) bool { return c.name == k.contender }) {
			other = append(other, k.contender)
		}
	}
	slices.Sort(other)
	return append(known, other...)
}

// workloadNames lists the workloads present, in table order, then others.
func (r results) workloadNames() []string {
	var names []string
	for _, w := range workloads {
		names = append(names, w.name)
	}
	var other []string
	for k := range r.samples {
		if !slices.Contains(names, k.workload) && !slices.Contains(other, k.workload) {
			other = append(other, k.workload)
		}
	}
	slices.Sort(other)
	var present []string
	for _, w := range append(names, other...) {
		if len(r.rows(w)) > 0 {
			present = append(present, w)
		}
	}
	return present
}

func title(w string) string {
	for _, x := range workloads {
		if x.name == w {
			return x.title
		}
	}
	return w
}

// ratio returns the median of unit for k over cordage's, or false.
func (r results) ratio(k key, unit string) (float64, bool) {
	v, ok1 := r.median(k, unit)
	base, ok2 := r.median(key{baseline, k.workload}, unit)
	if !ok1 || !ok2 || base == 0 {
		return 0, false
	}
	return v / base, true
}

func writeMarkdown(w io.Writer, r results) {
	n := 0
	for _, s := range r.samples {
		n = max(n, len(s["ns/event"]))
	}
	fmt.Fprintf(w, "Medians of %d runs, %s, %s; %s.\n", n, time.Now().Format("2006-01-02"), goVersion(), strings.Join(r.env, ", "))
	fmt.Fprintf(w, "Ratios are the library's median over cordage's (Sequential executor): above 1 is slower or allocates more than cordage.\n")
	for _, wl := range r.workloadNames() {
		fmt.Fprintf(w, "\n### %s\n\n", title(wl))
		fmt.Fprintln(w, "| library | time/event | spread | events/s | bytes/event | allocs/event | time vs cordage | allocs vs cordage | not decoded | failed |")
		fmt.Fprintln(w, "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
		for _, c := range r.rows(wl) {
			k := key{c, wl}
			fmt.Fprintf(w, "| %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |\n", label(c),
				scaled(r, k, "ns/event", durationUnits), fmt.Sprintf("±%.0f%%", 50*r.spread(k, "ns/event")),
				num(r, k, "events/s"), scaled(r, k, "B/event", byteUnits), num(r, k, "allocs/event"),
				times(r, k, "ns/event"), times(r, k, "allocs/event"),
				num(r, k, "undecoded/op"), num(r, k, "failed/op"))
		}
	}
}

func num(r results, k key, unit string) string {
	v, ok := r.median(k, unit)
	if !ok {
		return "–"
	}
	return group(v)
}

var (
	durationUnits = []string{"ns", "µs", "ms", "s"}
	byteUnits     = []string{"B", "kB", "MB", "GB"}
)

// scaled formats the median of unit with three significant digits in the
// largest of units (each 1000 times the one before) that keeps it >= 1.
func scaled(r results, k key, unit string, units []string) string {
	v, ok := r.median(k, unit)
	if !ok {
		return "–"
	}
	i := 0
	for ; v >= 1000 && i < len(units)-1; i++ {
		v /= 1000
	}
	return fmt.Sprintf("%.3g %s", v, units[i])
}

func times(r results, k key, unit string) string {
	v, ok := r.ratio(k, unit)
	if !ok {
		return "–"
	}
	return fmt.Sprintf("%.2f×", v)
}

// group formats v with thousands separators, and with up to three
// significant digits when it is small.
func group(v float64) string {
	switch {
	case v == 0:
		return "0"
	case v < 10:
		return strconv.FormatFloat(v, 'f', 2, 64)
	case v < 100:
		return strconv.FormatFloat(v, 'f', 1, 64)
	}
	s := strconv.FormatInt(int64(v+0.5), 10)
	var b strings.Builder
	for i, c := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(c)
	}
	return b.String()
}

func goVersion() string {
	out, err := exec.Command("go", "version").Output()
	if err != nil {
		return "go version unknown"
	}
	return strings.TrimSpace(string(out))
}

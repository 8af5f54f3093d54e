// Package benchmarks runs cordage and its peer libraries (discordgo, disgo
// and arikawa) side by side on the same recorded gateway payloads, so that a
// claim about cordage's speed is a measurement against them, not a guess. It
// is a module of its own: the main module never depends on the peers.
//
// Each library is wrapped in a [library] that decodes an event's d payload
// through that library's public decode path and hands it to one no-op handler
// per event type. Workload 3 (pipeline_test.go) feeds the whole corpus,
// compressed as the gateway sends it, through each library's decompression
// and envelope decoding first; workload 4 (rest_test.go) sends one
// create-message request through each library's REST client to a local
// server. The benchmarks are in bench_test.go; cmd/compare runs them
// and prints medians and ratios to cordage. See README.md for what exactly is
// measured for each library.
package benchmarks

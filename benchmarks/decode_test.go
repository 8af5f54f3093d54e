package benchmarks

import (
	"bytes"
	"encoding/json"
	"maps"
	"slices"
	"testing"

	"github.com/cordage/cordage/events"
)

// TestEveryContenderHandlesTheCorpus hands the recorded corpus to every
// contender once, as the benchmarks do: no unexpected decode error, every
// decoded event reaches its handler, and the events a library has no type
// for or fails on in a known way are listed.
func TestEveryContenderHandlesTheCorpus(t *testing.T) {
	w := corpus(t)
	for _, c := range contenders {
		t.Run(c.Name, func(t *testing.T) {
			lib := c.New()
			byOutcome := [3]map[string]int{{}, {}, {}}
			for i, p := range w.recorded.payloads {
				o, err := c.classify(p.name, lib.Handle(p.name, p.d))
				if err != nil {
					t.Errorf("event %d: %v", i, err)
				}
				byOutcome[o][p.name]++
			}
			decoded := 0
			for _, n := range byOutcome[handled] {
				decoded += n
			}
			if calls := lib.Wait(); calls != decoded {
				t.Errorf("handlers ran %d times for %d decoded events", calls, decoded)
			}
			if m := byOutcome[undecoded]; len(m) > 0 {
				t.Logf("%s has no type for %v", c.Name, m)
			}
			if m := byOutcome[failed]; len(m) > 0 {
				t.Logf("%s failed, in a known way, to decode %v", c.Name, m)
			}
		})
	}
}

// TestHandlersCoverTheCorpus checks that handledEvents, the event types every
// library registers a handler for, are those of the corpus.
func TestHandlersCoverTheCorpus(t *testing.T) {
	seen := map[string]bool{}
	for _, p := range corpus(t).recorded.payloads {
		seen[p.name] = true
		if !isHandled(p.name) {
			t.Errorf("the corpus has %s, which handledEvents lacks", p.name)
		}
	}
	for _, name := range handledEvents {
		if !seen[name] {
			t.Errorf("handledEvents lists %s, which the corpus lacks", name)
		}
	}
	if got := len(corpus(t).recorded.payloads); got != 7850 {
		t.Errorf("the corpus has %d dispatches, want 7850", got)
	}
}

// TestSyntheticGuildHasDistinctMembers checks the synthetic GUILD_CREATE:
// it decodes, with syntheticMembers members of distinct ids, and building it
// again gives the same bytes.
func TestSyntheticGuildHasDistinctMembers(t *testing.T) {
	w := corpus(t)
	d := w.synthetic.payloads[0].d
	e, err := events.Decode("GUILD_CREATE", d)
	if err != nil {
		t.Fatal(err)
	}
	g := e.(*events.GuildCreate)
	ids := map[uint64]bool{}
	for _, m := range g.Members {
		ids[uint64(m.User.ID)] = true
	}
	if len(g.Members) != syntheticMembers || len(ids) != syntheticMembers {
		t.Errorf("%d members with %d distinct ids, want %d", len(g.Members), len(ids), syntheticMembers)
	}
	var largest map[string]json.RawMessage
	if err := json.Unmarshal(w.largest.payloads[0].d, &largest); err != nil {
		t.Fatal(err)
	}
	var synthetic map[string]json.RawMessage
	if err := json.Unmarshal(d, &synthetic); err != nil {
		t.Fatal(err)
	}
	if a, b := slices.Sorted(maps.Keys(largest)), slices.Sorted(maps.Keys(synthetic)); !slices.Equal(a, b) {
		t.Errorf("synthetic guild has members %v, the recorded one %v", b, a)
	}
	again, err := withMembers(w.largest.payloads[0].d, w.recorded.payloads, syntheticMembers)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(again, d) {
		t.Error("building the synthetic guild twice gave different bytes")
	}
	t.Logf("largest recorded GUILD_CREATE: %d bytes; synthetic: %d bytes", len(w.largest.payloads[0].d), len(d))
}

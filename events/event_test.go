package events

import (
	"errors"
	"strings"
	"testing"

	"github.com/cordage/cordage/internal/specdata"
)

func TestEveryDispatchEventOfTheDocsHasAType(t *testing.T) {
	rows := strings.Split(strings.TrimSpace(string(specdata.ReadFile(t, "discord-spec", "gateway-events.tsv"))), "\n")
	n := 0
	for _, row := range rows[1:] {
		c := strings.Split(row, "\t")
		if c[1] != "dispatch" {
			continue
		}
		n++
		e := New(c[0])
		if e == nil || e.EventName() != c[0] {
			t.Errorf("event %s has no type", c[0])
		}
	}
	if n != 79 || len(Names()) != n {
		t.Errorf("docs list %d dispatch events, package knows %d; want 79", n, len(Names()))
	}
}

func TestUnknownEventNameBecomesUnknown(t *testing.T) {
	e, err := Decode("SOMETHING_NEW", []byte(`{"a":1}`))
	if !errors.Is(err, ErrUnknownEvent) {
		t.Fatalf("error %v, want ErrUnknownEvent", err)
	}
	u, ok := e.(*Unknown)
	if !ok || u.Name != "SOMETHING_NEW" || string(u.Raw) != `{"a":1}` || u.Err != err {
		t.Fatalf("got %#v", e)
	}
}

func TestMalformedPayloadBecomesUnknownWithTheError(t *testing.T) {
	e, err := Decode("MESSAGE_CREATE", []byte(`{"id":"1","content":42}`))
	if err == nil || !strings.Contains(err.Error(), "MESSAGE_CREATE") {
		t.Fatalf("error %v, want one naming MESSAGE_CREATE", err)
	}
	if u, ok := e.(*Unknown); !ok || u.Err == nil || u.Name != "MESSAGE_CREATE" {
		t.Fatalf("got %#v", e)
	}
}

func TestDecodeFillsTheEmbeddedObject(t *testing.T) {
	e, err := Decode("MESSAGE_CREATE", []byte(`{"id":"5","channel_id":"6","guild_id":"7","content":"hi","author":{"id":"8","username":"u"},"member":{"roles":[]}}`))
	if err != nil {
		t.Fatal(err)
	}
	m := e.(*MessageCreate)
	if m.ID != 5 || m.GuildID != 7 || m.Content != "hi" || m.Author.Username != "u" || m.Member == nil {
		t.Errorf("decoded %+v", m.Message)
	}
}

func BenchmarkDecodeCorpus(b *testing.B) {
	var dispatches []corpusPayload
	for _, p := range readCorpus(b) {
		if p.Op == 0 {
			dispatches = append(dispatches, p)
		}
	}
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		for _, p := range dispatches {
			if _, err := Decode(p.T, p.D); err != nil {
				b.Fatal(err)
			}
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(dispatches)), "ns/event")
}

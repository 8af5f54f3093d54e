package gateway

import (
	"errors"
	"testing"
)

// TestFrameQueueKeepsOrderAndEndsWithTheError pushes and pops at uneven
// rates, so the queue both drains and compacts, then ends it.
func TestFrameQueueKeepsOrderAndEndsWithTheError(t *testing.T) {
	q := newFrameQueue()
	next, want := int64(1), int64(1)
	for round := range 50 {
		for range 100 + round {
			q.push(Payload{S: next})
			next++
		}
		for range 60 {
			<-q.ready
			p, err := q.pop()
			if err != nil || p == nil || p.S != want {
				t.Fatalf("pop = %v, %v; want seq %d", p, err, want)
			}
			want++
		}
	}
	end := errors.New("read loop ended")
	q.end(end)
	for want < next {
		<-q.ready
		p, err := q.pop()
		if err != nil || p == nil || p.S != want {
			t.Fatalf("pop = %v, %v; want seq %d", p, err, want)
		}
		want++
	}
	for range 2 { // the error stays
		<-q.ready
		if p, err := q.pop(); p != nil || err != end {
			t.Fatalf("pop after the last = %v, %v", p, err)
		}
	}
}

func TestFrameQueueIsBounded(t *testing.T) {
	q := newFrameQueue()
	big := Payload{D: make([]byte, maxQueuedBytes/4)}
	for i := range 4 {
		if !q.push(big) {
			t.Fatalf("push %d refused below the bound", i)
		}
	}
	if q.push(Payload{D: []byte("{}")}) {
		t.Fatal("push past the bound accepted")
	}
	if _, err := q.pop(); err != nil {
		t.Fatal(err)
	}
	if !q.push(Payload{D: []byte("{}")}) {
		t.Error("push refused after a pop made room")
	}
}

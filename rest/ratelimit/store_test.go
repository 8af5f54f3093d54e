package ratelimit

import (
	"context"
	"testing"
	"time"
)

func TestMemoryStoreSwapsOnlyWhatItHolds(t *testing.T) {
	ctx := context.Background()
	var s MemoryStore
	full := Bucket{Limit: 5, Remaining: 5, Reset: time.Unix(1_700_000_000, 0)}
	steps := []struct {
		name     string
		old, new Bucket
		want     bool
		wantLen  int
	}{
		{"a missing bucket is the zero bucket", Bucket{}, full, true, 1},
		{"a stale old bucket fails", Bucket{Limit: 5}, Bucket{}, false, 1},
		{"the stored bucket succeeds", full, Bucket{Limit: 5, Remaining: 4, Reset: full.Reset}, true, 1},
		{"storing the zero bucket deletes it", Bucket{Limit: 5, Remaining: 4, Reset: full.Reset}, Bucket{}, true, 0},
	}
	for _, step := range steps {
		ok, err := s.CompareAndSwap(ctx, "abcd 1", step.old, step.new)
		if err != nil || ok != step.want {
			t.Fatalf("%s: CompareAndSwap = %v, %v; want %v", step.name, ok, err, step.want)
		}
		if got, _ := s.Load(ctx, "abcd 1"); ok && !got.equal(step.new) {
			t.Fatalf("%s: Load = %+v, want %+v", step.name, got, step.new)
		}
		if n := s.len(); n != step.wantLen {
			t.Fatalf("%s: store holds %d buckets, want %d", step.name, n, step.wantLen)
		}
	}
}

func TestMemoryStoreKeepsRouteHashes(t *testing.T) {
	ctx := context.Background()
	var s MemoryStore
	if h, err := s.BucketHash(ctx, "GET /guilds/{guild_id}"); h != "" || err != nil {
		t.Fatalf("BucketHash of an unknown route = %q, %v; want \"\"", h, err)
	}
	s.SetBucketHash(ctx, "GET /guilds/{guild_id}", "abcd")
	if h, _ := s.BucketHash(ctx, "GET /guilds/{guild_id}"); h != "abcd" {
		t.Fatalf("BucketHash = %q, want abcd", h)
	}
}

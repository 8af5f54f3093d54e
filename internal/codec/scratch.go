package codec

import (
	"sync"
	"unsafe"
)

// maxScratchBytes bounds the buffers a Scratch keeps for reuse: enough for
// the members of a guild of some ten thousand. sync.Pool drops unused
// buffers after two garbage collections.
const maxScratchBytes = 8 << 20

// Scratch lends growable buffers of T in which the generated code collects
// the elements of a JSON array before it copies them into a slice of the
// exact length. Growing the result itself would allocate, copy and clear it
// several times over for arrays of large structs such as a guild's channels.
type Scratch[T any] struct{ pool sync.Pool }

// Get returns an empty buffer.
func (s *Scratch[T]) Get() *[]T {
	if p, _ := s.pool.Get().(*[]T); p != nil {
		return p
	}
	return new([]T)
}

// Slice returns a copy of the buffer's elements, a non-nil slice even when
// empty as encoding/json gives for [], and takes the buffer back.
func (s *Scratch[T]) Slice(p *[]T) []T {
	var out []T
	if len(*p) == 0 {
		out = []T{}
	} else {
		out = make([]T, len(*p))
		copy(out, *p)
	}
	clear(*p)
	*p = (*p)[:0]
	var zero T
	if uintptr(cap(*p))*unsafe.Sizeof(zero) <= maxScratchBytes {
		s.pool.Put(p)
	}
	return out
}

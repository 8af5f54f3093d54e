package codec

import (
	"encoding/json"
	"reflect"
	"sync"
)

var decoders = sync.Pool{New: func() any { return new(Decoder) }}

// Unmarshal decodes data into v as json.Unmarshal does. When v points to the
// zero value of a type of package discord that an event reaches, or a slice
// of one, the generated decoder does the work; otherwise, and whenever the
// generated decoder does not take data, json.Unmarshal does.
func Unmarshal(data []byte, v any) error {
	rv := reflect.ValueOf(v)
	if rv.Kind() != reflect.Pointer || rv.IsNil() || !rv.Elem().IsZero() {
		return json.Unmarshal(data, v)
	}
	d := decoders.Get().(*Decoder)
	d.Reset(data)
	known := decodeKnown(d, v)
	err := d.Finish()
	d.Reset(nil)
	decoders.Put(d)
	if known && err == nil {
		return nil
	}
	if known {
		rv.Elem().SetZero()
	}
	return json.Unmarshal(data, v)
}

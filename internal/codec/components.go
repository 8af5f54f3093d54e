package codec

import (
	"github.com/cordage/cordage/discord"
)

var scratchComponents Scratch[discord.Component]

// DecodeComponents decodes a list of components as
// (*discord.Components).UnmarshalJSON does: each element into the Go type of
// its "type", an unknown kind into a *discord.UnknownComponent; null is a nil
// list.
func DecodeComponents(d *Decoder, v *discord.Components) {
	if d.Null() {
		*v = nil
		return
	}
	if !d.Array() {
		return
	}
	p := scratchComponents.Get()
	for d.More() {
		c := d.component()
		if d.err != nil {
			break
		}
		*p = append(*p, c)
	}
	s := scratchComponents.Slice(p)
	if d.err == nil {
		*v = s
	}
}

// component decodes one component: it reads the object once to find its
// "type", then decodes the same bytes into the Go type of that kind.
func (d *Decoder) component() discord.Component {
	raw := d.Raw()
	if d.err != nil {
		return nil
	}
	sub := Decoder{buf: raw, arena: d.arena, scratch: d.scratch}
	defer func() { d.arena, d.scratch = sub.arena, sub.scratch }()
	kind, ok := sub.componentType()
	if !ok {
		d.Failf("component without an integer \"type\"")
		return nil
	}
	sub.Reset(raw)
	sub.arena = d.arena
	c := decodeComponentKind(&sub, discord.ComponentType(kind))
	if c == nil {
		u := new(discord.UnknownComponent)
		Unmarshaler(&sub, u)
		c = u
	}
	if err := sub.Finish(); err != nil {
		d.Fail(err)
		return nil
	}
	return c
}

// componentType finds the first key "type", spelt without escapes as the
// discord package looks for it, and reads its integer value.
func (d *Decoder) componentType() (int64, bool) {
	if !d.Object() {
		return 0, false
	}
	for k, ok := d.Key(); ok; k, ok = d.Key() {
		if string(k) == "type" && !d.keyUnquoted {
			return d.Int(64)
		}
		d.Skip()
	}
	return 0, false
}

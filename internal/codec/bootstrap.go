//go:build codecgen

package codec

import "github.com/cordage/cordage/discord"

// decodeComponentKind leaves every component to encoding/json in the build
// codecgen runs in, which has no generated decoders.
func decodeComponentKind(d *Decoder, _ discord.ComponentType) discord.Component {
	d.Fail(ErrFallback)
	return nil
}

// decodeKnown knows no type in the build codecgen runs in.
func decodeKnown(*Decoder, any) bool { return false }

// Package discord is the data model of the Discord API: snowflakes, colours,
// locales, permissions, image data, CDN URLs, enums, every object Discord sends
// or receives, and the request bodies with their validation. It does no I/O:
// the rest, gateway and discordtest packages move these values over the wire.
//
// # Received objects
//
// Types Discord sends (Guild, Channel, Message, ...) use plain Go values. A
// field Discord may omit or send as null holds its zero value in that case; an
// optional nested object is a pointer. Encoding a received value again omits
// zero-valued optional fields, so a value decoded, encoded and decoded again
// is unchanged.
//
// # Request bodies: leave, clear or set
//
// Request types follow one rule for omitted, null and set fields, built on
// [Optional]:
//
//   - A field Discord lets a request clear (a nullable field of an update
//     request) is an Optional[T]: its zero value leaves the field out of the
//     body, [Null] sends null to clear it, and [Some] sets it.
//   - A field whose zero value is itself a value a request may need to send,
//     where Discord's default differs (a text input that is not required, a
//     select with min_values 0), is an Optional[T] as well.
//   - Every other field is a plain value: its zero value leaves it out.
//
// Every request type has a Validate method that checks Discord's documented
// limits and reports every violation, each with its field path, in one
// [*ValidationError].
//
// # Enums
//
// Enums are typed constants. A value Discord adds later decodes without error
// and is kept as it is, so a bot built today keeps working tomorrow.
package discord

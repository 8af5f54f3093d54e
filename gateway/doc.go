// Package gateway is the client of Discord's gateway, the WebSocket that
// delivers a bot's events: shards and their sessions, intents, transport
// compression, and the limits Discord puts on connecting and sending. It
// makes no REST calls (package rest does) and hands events to no handlers
// (package dispatch does): it moves payloads, and decodes only the
// envelope and the protocol's own payloads.
//
// # Shards
//
// A [Shard] is one connection and the session it carries. One goroutine,
// Run's, owns its state machine; the read loop only reads, decompresses and
// splits the envelope into a queue without bound (noting heartbeat ACKs on
// the way, so a slow consumer of events never makes a live connection look
// dead), the write loop only writes.
// Dispatches go out on a channel as [Event]s, decoded into package events'
// types for the names a filter wants. The first heartbeat goes after
// HELLO's interval times a random jitter; a heartbeat whose ACK has not
// come by the next one marks a zombie connection, which is dropped and
// resumed. The [Session] (session_id, seq, resume_gateway_url) outlives
// connections and is saved in a [SessionStore] when Run stops, so a
// restarted process resumes it. Close codes decide what follows (see
// [CloseAction]); reconnects wait out a capped exponential backoff with
// jitter that READY and RESUMED reset; after WithMaxResumeAttempts failed
// resumes in a row the shard identifies anew. When Run's context ends the
// connection closes with code 4900, not 1000, so the session stays
// resumable. A connection that sends no HELLO within 30 seconds, or no
// dispatch within 60 seconds of IDENTIFY or RESUME, is given up and
// replaced. An event that fails to decode goes out as an *events.Unknown
// and is counted ([Shard.UnknownEvents]); a frame that does not decompress
// or is not JSON ends the connection, which is resumed.
//
// [Shard.RequestGuildMembers] sends op 8 with a nonce and gathers the
// GUILD_MEMBERS_CHUNK events of the answer into one list; the chunks still
// go out on the event stream too.
//
// # Payloads
//
// [Payload] is the envelope of every message, {op, d, s, t}. The data of
// each opcode a client sends is a [Command] type ([Identify], [Resume],
// [Heartbeat], [UpdatePresence], [UpdateVoiceState], [RequestGuildMembers],
// [RequestSoundboardSounds], [RequestChannelInfo]), encoded with
// [MarshalCommand], which also enforces Discord's 4096-byte limit; [Hello]
// and [InvalidSession] are what Discord sends besides dispatches. Dispatch
// events are typed in package events, not here. [ParsePayload] is how the
// shard reads every message: one strict pass over the envelope that finds
// d by its brackets and leaves d's content to be checked when it is decoded.
//
// Omitted, null and set follow the rule of package discord: a field
// Discord lets a client send as null (the since of a presence, the channel
// of a voice state) is a [discord.Optional], and left unset it is sent as
// null. Sequence numbers start at 1, so 0 stands for "none": [Payload.S]
// is 0 outside dispatches, and Heartbeat(0) is sent as null. Fields Discord
// requires are always sent, even empty: activities as [], status as
// online, and the query of a [RequestGuildMembers] without user IDs as ""
// (with limit 0, "every member").
//
// # Intents
//
// [Intents] are the event groups a connection asks for. [EventIntents]
// tells which intents deliver an event, from Discord's table (generated
// into intents_gen.go), and [EventNeedsIntent] whether a handler for an
// event could ever run. MESSAGE_CONTENT delivers no event: it fills the
// content of the message events other intents deliver.
//
// # Closing and reconnecting
//
// Each [CloseCode] has a [CloseAction]: resume, identify anew, retry after
// a backoff, or stop. The fatal codes (4004, 4010–4014) come back as a
// [*CloseError] whose Fatal method reports true; the client does not
// reconnect after them. A 1000 or 1001 that Discord sends is resumed like a
// dropped connection: only the client's own 1000 or 1001 ends a session,
// and if Discord did end it, its answer to the resume is op 9 and the client
// identifies anew. Unknown codes are retried with backoff. Reconnects wait
// out a [Backoff]: capped exponential with full jitter, reset once a
// session is ready again.
//
// # Compression
//
// A connection uses zstd-stream ([CompressionZstd], the default),
// zlib-stream ([CompressionZlib]) or none. A [Decompressor] turns its
// WebSocket messages back into payloads and reuses its buffers, so decoding
// allocates nothing once they have grown. A zlib-stream payload may span
// several messages and is inflated once its sync-flush suffix arrives; a
// zstd-stream payload comes whole in one message and is decoded as it
// arrives. Neither stream checks each payload, so some corruptions give a
// wrong payload instead of an error: the JSON decoder rejects it.
//
// # Limits
//
// A [SendLimiter] keeps each connection under 120 payloads in any 60
// seconds, with room kept for heartbeats. An [IdentifyLimiter] spaces out
// identifies, one per 5 seconds per max_concurrency bucket, across every
// process that runs shards of the bot: [LocalIdentifyLimiter] serves one
// process, and the interface is small enough for a NATS or Redis
// implementation to serve several.
package gateway

// Package discordtest is a Discord emulator for tests and offline bot
// development, the way net/http/httptest serves HTTP tests: a REST API under
// /api/v10 and a WebSocket gateway on a loopback port, backed by an in-memory
// world of users, guilds, channels, members, roles and messages. It speaks the
// protocol as Discord does and never imports cordage's client packages, so a
// client tested against it is tested against the protocol, not against itself.
//
// # Gateway
//
// The gateway sends HELLO, answers heartbeats, accepts IDENTIFY (checking the
// token, the shard, the intents and the identify rate of each max_concurrency
// bucket) and answers with READY and one GUILD_CREATE per guild of the shard.
// A session keeps the dispatches it sent, so a RESUME on a new connection
// replays every missed event in order before RESUMED. Dispatches go only to
// sessions whose shard holds the guild ((guild_id >> 22) % num_shards; events
// without a guild go to shard 0) and whose intents ask for the event.
// Transport compression zlib-stream and zstd-stream are supported, encoding
// json only. Clients that break the rules are closed with Discord's close
// codes: 4001 unknown opcode, 4002 decode error or a payload over 4096 bytes,
// 4003 not authenticated, 4004 authentication failed, 4005 already
// authenticated, 4008 over 120 commands in 60 s, 4009 session timed out
// (no heartbeat), 4010 invalid shard, 4011 sharding required, 4012 invalid API
// version, 4013 invalid intents, 4014 disallowed (privileged) intents.
//
// # Faults
//
// Tests make the network misbehave through the Server's fault methods: drop
// connections without a close frame, stall them, withhold heartbeat ACKs,
// send op 7 or op 9, close with a code, delay HELLO or READY.
package discordtest

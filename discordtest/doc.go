// Package discordtest is a Discord emulator for tests and offline bot
// development, the way net/http/httptest serves HTTP tests: a REST API under
// /api/v10 and a WebSocket gateway on a loopback port, backed by an in-memory
// world of users, guilds, channels, members, roles, messages, webhooks,
// commands and interactions. It speaks the
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
// # REST
//
// Every operation of Discord's OpenAPI spec is routed: the route table
// (routes_gen.go) and the schema data (schemas_gen.json) are generated from
// the spec by internal/gen/emulatorgen, and a test proves the table equal to
// the spec's endpoint list. A path matches a route template, literal
// segments before parameters (/users/@me before /users/{user_id}); other
// paths answer 404 {"message": "404: Not Found", "code": 0}, a known path
// with another method 405.
//
// Each request goes through the steps Discord takes, in this order:
//
//   - Authorization: "Bot <token>" (Server.Token), "Bearer
//     DefaultOAuth2Token" on routes that take OAuth2, or none on the routes
//     whose security allows it (GET /gateway, webhook-token routes,
//     interaction callbacks); otherwise 401 {"message": "401: Unauthorized",
//     "code": 0}.
//   - Faults the test forced (see Faults below).
//   - The global limit: 50 requests per second per credential (per IP
//     without one), except interaction callbacks and webhook-token routes,
//     which include interaction follow-ups. A 429 carries
//     X-RateLimit-Global: true and X-RateLimit-Scope: global.
//   - The route's bucket: by default 5 requests per second for each route
//     group and value of its major parameter (channel_id, guild_id,
//     webhook_id or webhook_id+webhook_token). Every response of a route
//     carries X-RateLimit-Limit, -Remaining, -Reset (epoch seconds with
//     milliseconds), -Reset-After and -Bucket, an opaque hash shared by the
//     routes of a group (the reaction routes form one) and independent of
//     the major parameter. A 429 adds X-RateLimit-Scope: user and
//     Retry-After, with the body {"message": "You are being rate limited.",
//     "retry_after": 0.5, "global": false}. Windows are fixed: the first
//     request opens one. WithRateLimit, WithRouteRateLimit,
//     WithGlobalRateLimit and WithClock change the limits and the clock.
//   - The query and the body, checked against the spec's schemas: types,
//     required fields, lengths in characters, item counts, bounds, enums,
//     unions and patterns, at any depth. Violations answer 50035 Invalid
//     Form Body with Discord's nested errors object ({"content":
//     {"_errors": [{"code": "BASE_TYPE_MAX_LENGTH", "message": "Must be
//     2000 or fewer in length."}]}}, array indexes as keys). JSON that does
//     not parse answers 50109, an unknown Content-Type 50035. Bodies come as
//     JSON, form fields or multipart with payload_json and files[n] parts;
//     numeric strings are taken as numbers, as Discord does. Where the docs
//     and the spec disagree the docs win (message content is 2000
//     characters, not the spec's 4000).
//   - The handler.
//
// Routes with state: the bot's application, users (the bot's own, others,
// DMs, the bot's guilds, leaving a guild), channels (get, modify, delete, permission overwrites),
// messages (list with before, after, around and limit, newest first; get;
// create with mentions, replies, polls, nonces and multipart uploads whose
// attachments the emulator serves under /attachments/...; edit; delete;
// bulk delete; crosspost), threads (from a message, without one, forum
// posts, the active list), reactions, pins (both pin APIs), typing, guilds
// (get with with_counts, modify, channel list, create and positions),
// members (get, list, search, add, modify, @me, roles, kick), roles (list,
// get, create, modify, positions, delete, member counts), bans (list, get,
// create with message deletion, delete, bulk), emojis of guilds and of the
// application, webhooks (create, list, get, modify, delete, with the bot's
// token or the webhook's; execute with or without wait; their messages),
// application commands global and per guild (list, create, get, edit,
// delete, bulk overwrite keeping IDs and versions), interaction callbacks
// (with with_response) and their follow-ups and @original, and GET
// /gateway/bot, whose session_start_limit counts identifies. Each change
// sends its gateway event (MESSAGE_*, MESSAGE_REACTION_*, CHANNEL_*,
// THREAD_CREATE, GUILD_UPDATE, GUILD_DELETE, GUILD_MEMBER_*, GUILD_ROLE_*,
// GUILD_BAN_*,
// GUILD_EMOJIS_UPDATE, WEBHOOKS_UPDATE, TYPING_START, CHANNEL_PINS_UPDATE,
// USER_UPDATE, INTERACTION_CREATE) to the sessions of the guild's shard.
// Unknown resources answer their codes (10003 Unknown Channel, 10004, 10007,
// 10008, 10011, 10013, 10014, 10015, 10026, 10062, 10063), and the bot's
// permissions are computed as Discord computes them (roles, @everyone,
// channel overwrites, Administrator, role hierarchy): 50001 Missing Access
// for a channel it cannot see, 50013 Missing Permissions for what it may
// not do, 50005 for editing another's message, 50006 for an empty message.
// In a guild AddGuild creates, the bot has a managed role with every
// permission but Administrator (WithBotPermissions changes it), so a test
// takes a permission away to see 50013.
//
// Every other route answers as the spec says with the smallest valid
// instance of its response schema (required properties, null where allowed,
// empty arrays, snowflakes as strings, the path's IDs where the instance
// names them), or 204 where the spec has no body, so no client call meets a
// 404 for a route Discord has. Responses built from state are completed the
// same way with the fields Discord always sends, and a test checks every
// route's answer against its response schema.
//
// StartInteraction delivers an interaction as a user's click or command
// would; the bot answers it within WithInteractionDeadline (3 seconds) and
// follows up for 15 minutes, and InteractionResponse shows the answer.
// Requests returns what the emulator saw: method, path, matched route,
// headers, body and status.
//
// # Faults
//
// Tests make the network misbehave through the Server's fault methods: drop
// connections without a close frame, stall them, withhold heartbeat ACKs,
// send op 7 or op 9, close with a code, delay HELLO or READY. On the REST
// side, ForceRateLimit answers the next requests of a route (or of all) with
// 429s of scope user, global or shared, or Cloudflare's 429 without
// X-RateLimit headers; ForceStatus answers 500, 502 (Cloudflare's HTML) or
// 503; DelayResponses slows a route down; ClearRESTFaults ends them all.
package discordtest

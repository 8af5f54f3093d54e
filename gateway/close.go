package gateway

import (
	"strconv"
	"strings"
)

// CloseCode is the code of a WebSocket close frame: Discord's 4000–4014, or
// one of the WebSocket protocol's own codes (RFC 6455).
type CloseCode int

// Values of CloseCode: the WebSocket codes a gateway client meets, and every
// one of Discord's gateway close codes.
const (
	// CloseNormal (1000) and CloseGoingAway (1001), sent by the client, end the
	// session: the bot goes offline and the session cannot be resumed.
	CloseNormal    CloseCode = 1000
	CloseGoingAway CloseCode = 1001
	// CloseAbnormal (1006) is never sent: it stands for a connection that
	// ended without a close frame.
	CloseAbnormal CloseCode = 1006

	CloseUnknownError     CloseCode = 4000
	CloseUnknownOpcode    CloseCode = 4001
	CloseDecodeError      CloseCode = 4002
	CloseNotAuthenticated CloseCode = 4003
	// CloseAuthenticationFailed means the token is wrong.
	CloseAuthenticationFailed CloseCode = 4004
	CloseAlreadyAuthenticated CloseCode = 4005
	// CloseInvalidSeq means a resume sent a sequence number Discord does not
	// know: the session cannot be resumed.
	CloseInvalidSeq CloseCode = 4007
	// CloseRateLimited means the client sent more than 120 payloads in 60
	// seconds.
	CloseRateLimited CloseCode = 4008
	// CloseSessionTimedOut means the session is too old to be resumed.
	CloseSessionTimedOut CloseCode = 4009
	// CloseInvalidShard means the shard ID or count of Identify is invalid,
	// or, for large bots, not a multiple of the count Discord assigned.
	CloseInvalidShard CloseCode = 4010
	// CloseShardingRequired means the bot is in too many guilds (2500 per
	// shard) to connect without sharding, or with so few shards.
	CloseShardingRequired  CloseCode = 4011
	CloseInvalidAPIVersion CloseCode = 4012
	// CloseInvalidIntents means Identify sent bits that are not intents.
	CloseInvalidIntents CloseCode = 4013
	// CloseDisallowedIntents means Identify asked for a privileged intent the
	// application is not allowed; switch it on in the Developer Portal.
	CloseDisallowedIntents CloseCode = 4014
)

// closeCodes holds each known close code's name and what a client does
// after it. The names of 4000–4014 are Discord's, with a lower-case first
// letter.
var closeCodes = map[CloseCode]struct {
	name   string
	action CloseAction
}{
	CloseNormal:    {"normal closure", CloseResume},
	CloseGoingAway: {"going away", CloseResume},
	CloseAbnormal:  {"abnormal closure", CloseResume},

	CloseUnknownError:         {"unknown error", CloseResume},
	CloseUnknownOpcode:        {"unknown opcode", CloseResume},
	CloseDecodeError:          {"decode error", CloseResume},
	CloseNotAuthenticated:     {"not authenticated", CloseResume},
	CloseAuthenticationFailed: {"authentication failed", CloseFatal},
	CloseAlreadyAuthenticated: {"already authenticated", CloseResume},
	CloseInvalidSeq:           {"invalid seq", CloseIdentify},
	CloseRateLimited:          {"rate limited", CloseRetry},
	CloseSessionTimedOut:      {"session timed out", CloseIdentify},
	CloseInvalidShard:         {"invalid shard", CloseFatal},
	CloseShardingRequired:     {"sharding required", CloseFatal},
	CloseInvalidAPIVersion:    {"invalid API version", CloseFatal},
	CloseInvalidIntents:       {"invalid intent(s)", CloseFatal},
	CloseDisallowedIntents:    {"disallowed intent(s)", CloseFatal},
}

// String returns the code's name, such as "disallowed intent(s)", or
// "CloseCode(4321)" for a code this package does not know.
func (c CloseCode) String() string {
	if k, ok := closeCodes[c]; ok {
		return k.name
	}
	return "CloseCode(" + strconv.Itoa(int(c)) + ")"
}

// Action returns what a client does after the connection closed with c. A
// code this package does not know is retried with backoff.
func (c CloseCode) Action() CloseAction {
	if k, ok := closeCodes[c]; ok {
		return k.action
	}
	return CloseRetry
}

// CloseAction is what a client does after the gateway closed its
// connection: one of CloseResume, CloseIdentify, CloseRetry and CloseFatal.
//
// Every reconnect goes through the client's backoff: the first attempt
// after CloseResume or CloseIdentify goes at once, and a run of failures
// waits longer each time until READY or RESUMED resets it. CloseRetry waits
// before the first attempt too.
type CloseAction int

// Values of CloseAction.
const (
	// CloseResume reconnects and resumes the session. It is the action for
	// the codes Discord marks as reconnectable, for a connection that ended
	// without a close frame (1006), and for 1000 and 1001 when Discord sent
	// them: only a client's own 1000 or 1001 ends the session, and if
	// Discord ended it after all, it answers the resume with op 9 and the
	// client identifies anew.
	CloseResume CloseAction = iota + 1
	// CloseIdentify reconnects and identifies anew: the session is gone
	// (4007 invalid seq, 4009 session timed out).
	CloseIdentify
	// CloseRetry waits out a backoff, then reconnects and resumes: the
	// client went too fast (4008 rate limited), or the code is one this
	// package does not know.
	CloseRetry
	// CloseFatal stops: reconnecting cannot help until the bot is fixed
	// (4004 authentication failed, 4010 invalid shard, 4011 sharding
	// required, 4012 invalid API version, 4013 invalid intents, 4014
	// disallowed intents). The client surfaces the *CloseError.
	CloseFatal
)

// String returns the action's name: "resume", "identify", "retry" or
// "fatal".
func (a CloseAction) String() string {
	switch a {
	case CloseResume:
		return "resume"
	case CloseIdentify:
		return "identify"
	case CloseRetry:
		return "retry"
	case CloseFatal:
		return "fatal"
	}
	return "CloseAction(" + strconv.Itoa(int(a)) + ")"
}

// CloseError is the error of a gateway connection that Discord closed: the
// close code and the reason Discord gave. Use errors.As to find it and
// Fatal to tell whether reconnecting can help:
//
//	var ce *gateway.CloseError
//	if errors.As(err, &ce) && ce.Fatal() {
//		log.Fatalf("gateway refused the bot: %v", ce)
//	}
type CloseError struct {
	Code   CloseCode
	Reason string
}

// Error describes the close, for example "gateway: closed with 4014
// disallowed intent(s): Disallowed intent(s).".
func (e *CloseError) Error() string {
	var b strings.Builder
	b.WriteString("gateway: closed with ")
	b.WriteString(strconv.Itoa(int(e.Code)))
	if _, ok := closeCodes[e.Code]; ok {
		b.WriteString(" ")
		b.WriteString(e.Code.String())
	}
	if e.Reason != "" {
		b.WriteString(": ")
		b.WriteString(e.Reason)
	}
	return b.String()
}

// Fatal reports whether reconnecting cannot help: the code's action is
// CloseFatal.
func (e *CloseError) Fatal() bool { return e.Code.Action() == CloseFatal }

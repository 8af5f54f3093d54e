package gateway

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"testing"
)

func TestCloseCodesMatchDiscordTable(t *testing.T) {
	rows := readTable(t, "gateway-close-codes.tsv")
	consts := constsOf(t, "CloseCode")
	for _, row := range rows {
		n, err := strconv.Atoi(row["code"])
		if err != nil {
			t.Fatal(err)
		}
		code := CloseCode(n)
		name := "Close" + goCase(row["name"])
		if v, ok := consts[name]; !ok {
			t.Errorf("close code %d %s: no constant %s", n, row["name"], name)
		} else if v != int64(n) {
			t.Errorf("%s = %d, want %d", name, v, n)
		}
		if want := strings.ToLower(row["name"][:1]) + row["name"][1:]; code.String() != want {
			t.Errorf("CloseCode(%d).String() = %q, want %q", n, code.String(), want)
		}
		switch reconnect := row["reconnect"]; {
		case reconnect == "no" && code.Action() != CloseFatal:
			t.Errorf("%d: Discord says do not reconnect, but the action is %v", n, code.Action())
		case reconnect == "yes" && code.Action() == CloseFatal:
			t.Errorf("%d: Discord says reconnect, but the action is fatal", n)
		case reconnect != "yes" && reconnect != "no":
			t.Errorf("%d: unexpected reconnect column %q", n, reconnect)
		}
	}
	// Besides Discord's codes, the three WebSocket codes a client meets.
	if want := len(rows) + 3; len(consts) != want || len(closeCodes) != want {
		t.Errorf("%d CloseCode constants and %d names, want %d", len(consts), len(closeCodes), want)
	}
}

func TestCloseActions(t *testing.T) {
	for code, want := range map[CloseCode]CloseAction{
		CloseNormal:               CloseResume,
		CloseGoingAway:            CloseResume,
		CloseAbnormal:             CloseResume,
		CloseUnknownError:         CloseResume,
		CloseDecodeError:          CloseResume,
		CloseInvalidSeq:           CloseIdentify,
		CloseSessionTimedOut:      CloseIdentify,
		CloseRateLimited:          CloseRetry,
		1011:                      CloseRetry,
		4006:                      CloseRetry,
		CloseAuthenticationFailed: CloseFatal,
		CloseInvalidShard:         CloseFatal,
		CloseShardingRequired:     CloseFatal,
		CloseInvalidAPIVersion:    CloseFatal,
		CloseInvalidIntents:       CloseFatal,
		CloseDisallowedIntents:    CloseFatal,
	} {
		if got := code.Action(); got != want {
			t.Errorf("CloseCode(%d).Action() = %v, want %v", code, got, want)
		}
	}
}

func TestCloseErrorMessage(t *testing.T) {
	for _, tt := range []struct {
		err  CloseError
		want string
	}{
		{CloseError{CloseDisallowedIntents, "Disallowed intent(s)."}, "gateway: closed with 4014 disallowed intent(s): Disallowed intent(s)."},
		{CloseError{CloseInvalidSeq, ""}, "gateway: closed with 4007 invalid seq"},
		{CloseError{4321, "new"}, "gateway: closed with 4321: new"},
	} {
		if got := tt.err.Error(); got != tt.want {
			t.Errorf("Error() = %q, want %q", got, tt.want)
		}
	}
}

func TestCloseErrorIsFoundAndFatal(t *testing.T) {
	err := fmt.Errorf("shard 3: %w", &CloseError{Code: CloseAuthenticationFailed})
	var ce *CloseError
	if !errors.As(err, &ce) || !ce.Fatal() {
		t.Fatalf("errors.As found %v, fatal %v", ce, ce != nil && ce.Fatal())
	}
	if (&CloseError{Code: CloseRateLimited}).Fatal() {
		t.Error("4008 is fatal")
	}
}

func TestCloseActionString(t *testing.T) {
	for a, want := range map[CloseAction]string{CloseResume: "resume", CloseIdentify: "identify", CloseRetry: "retry", CloseFatal: "fatal", 0: "CloseAction(0)"} {
		if got := a.String(); got != want {
			t.Errorf("%d.String() = %q, want %q", int(a), got, want)
		}
	}
}

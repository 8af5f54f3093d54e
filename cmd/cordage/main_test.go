package main

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"github.com/cordage/cordage/internal/leakcheck"
)

func TestSandboxPostsWhatIsTypedAndQuits(t *testing.T) {
	leakcheck.Check(t)
	var out bytes.Buffer
	in := strings.NewReader("hello there\nsay second\nmessages\nquit\n")
	if err := sandbox([]string{"-addr", "127.0.0.1:0", "-guilds", "2"}, in, &out); err != nil {
		t.Fatal(err)
	}
	got := out.String()
	for _, want := range []string{"token:        discordtest.bot.token", "REST URL:     http://127.0.0.1:", "gateway URL:  ws://127.0.0.1:",
		`guild "sandbox 2"`, "alice: hello there", "alice: second"} {
		if !strings.Contains(got, want) {
			t.Errorf("output lacks %q:\n%s", want, got)
		}
	}
}

func TestSandboxSeedsGuildsWithGeneralAndTheUser(t *testing.T) {
	leakcheck.Check(t)
	sb, err := startSandbox("127.0.0.1:0", 3, time.Second)
	if err != nil {
		t.Fatal(err)
	}
	defer sb.srv.Close()
	if len(sb.guilds) != 3 {
		t.Fatalf("%d guilds", len(sb.guilds))
	}
	var out bytes.Buffer
	if err := sb.do(&out, "channel "+sb.guilds[2].SystemChannelID.String()); err != nil {
		t.Fatal(err)
	}
	if err := sb.do(&out, "hi"); err != nil {
		t.Fatal(err)
	}
	if msgs := sb.srv.Messages(sb.guilds[2].SystemChannelID); len(msgs) != 1 || msgs[0].Author.ID != sb.user.ID {
		t.Fatalf("messages %+v", msgs)
	}
	if err := sb.do(&out, "channel 1"); err != nil {
		t.Fatal(err)
	}
	if err := sb.do(&out, "hi"); err == nil {
		t.Fatal("posted in an unknown channel")
	}
}

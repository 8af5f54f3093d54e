// Command cordage is cordage's tool. Its one command today, sandbox, serves
// the Discord emulator (package discordtest) standalone so that a bot — made
// with cordage or any other library — can be run and tried offline:
//
//	go run ./cmd/cordage sandbox [-addr 127.0.0.1:8080] [-guilds 1]
//
// The sandbox seeds guilds with a #general channel and a user, prints the
// token and URLs to point a bot at, and reads commands from stdin to act as
// the user (type "help"). Ctrl-C stops it.
package main

import (
	"bufio"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"strings"
	"syscall"
	"time"

	"github.com/cordage/cordage/discord"
	"github.com/cordage/cordage/discordtest"
)

func main() {
	if len(os.Args) < 2 || os.Args[1] != "sandbox" {
		fmt.Fprintln(os.Stderr, "usage: cordage sandbox [-addr 127.0.0.1:8080] [-guilds 1] [-heartbeat 41.25s]")
		os.Exit(2)
	}
	if err := sandbox(os.Args[2:], os.Stdin, os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "cordage sandbox:", err)
		os.Exit(1)
	}
}

// sandbox runs the emulator until stdin ends with "quit", or SIGINT or
// SIGTERM arrives.
func sandbox(args []string, in io.Reader, out io.Writer) error {
	fs := flag.NewFlagSet("sandbox", flag.ContinueOnError)
	addr := fs.String("addr", "127.0.0.1:8080", "address to listen on")
	guilds := fs.Int("guilds", 1, "number of guilds to seed")
	heartbeat := fs.Duration("heartbeat", 41250*time.Millisecond, "heartbeat interval HELLO announces")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *heartbeat <= 0 {
		return errors.New("-heartbeat must be positive")
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	sb, err := startSandbox(*addr, *guilds, *heartbeat)
	if err != nil {
		return err
	}
	defer sb.srv.Close()
	sb.banner(out)

	lines := make(chan string)
	go func() {
		defer close(lines)
		sc := bufio.NewScanner(in)
		for sc.Scan() {
			lines <- sc.Text()
		}
	}()
	for {
		fmt.Fprint(out, "> ")
		select {
		case <-ctx.Done():
			fmt.Fprintln(out, "\nstopping")
			return nil
		case line, ok := <-lines:
			if !ok {
				// stdin closed (e.g. started in the background): serve until
				// interrupted.
				<-ctx.Done()
				return nil
			}
			if err := sb.do(out, strings.TrimSpace(line)); errors.Is(err, errQuit) {
				return nil
			} else if err != nil {
				fmt.Fprintln(out, "error:", err)
			}
		}
	}
}

var errQuit = errors.New("quit")

type sandboxState struct {
	srv     *discordtest.Server
	guilds  []discord.Guild
	user    discord.User
	channel discord.Snowflake // where "say" posts
}

func startSandbox(addr string, guilds int, heartbeat time.Duration) (*sandboxState, error) {
	srv, err := discordtest.NewServer(discordtest.WithAddr(addr),
		discordtest.WithHeartbeatInterval(heartbeat),
		// A sandbox bot may ask for any intent.
		discordtest.WithPrivilegedIntents(1<<1|1<<8|1<<15))
	if err != nil {
		return nil, err
	}
	sb := &sandboxState{srv: srv, user: srv.AddUser("alice")}
	for k := range max(guilds, 1) {
		g := srv.AddGuild(fmt.Sprintf("sandbox %d", k+1))
		srv.AddMember(g.ID, sb.user.ID)
		sb.guilds = append(sb.guilds, g)
	}
	sb.channel = sb.guilds[0].SystemChannelID
	return sb, nil
}

func (sb *sandboxState) banner(out io.Writer) {
	fmt.Fprintf(out, "Discord emulator running\n")
	fmt.Fprintf(out, "  token:        %s\n", sb.srv.Token())
	fmt.Fprintf(out, "  REST URL:     %s\n", sb.srv.URL())
	fmt.Fprintf(out, "  gateway URL:  %s\n", sb.srv.GatewayURL())
	fmt.Fprintf(out, "  application:  %d, bot user %d\n", sb.srv.ApplicationID(), sb.srv.Bot().ID)
	for _, g := range sb.guilds {
		fmt.Fprintf(out, "  guild %q: %d, #general %d\n", g.Name, g.ID, g.SystemChannelID)
	}
	fmt.Fprintf(out, "  user %s: %d\n", sb.user.Username, sb.user.ID)
	fmt.Fprintln(out, `Type a line to post it in #general as the user, or "help".`)
}

const help = `commands:
  TEXT               post TEXT in the current channel as the user
  say TEXT           the same
  channel ID         post in channel ID from now on
  messages           show the last messages of the current channel
  drop               drop every gateway connection (the bot should resume)
  reconnect          send op 7 Reconnect to every connection
  sessions           list the gateway sessions
  quit               stop`

func (sb *sandboxState) do(out io.Writer, line string) error {
	cmd, rest, _ := strings.Cut(line, " ")
	switch cmd {
	case "":
		return nil
	case "help":
		fmt.Fprintln(out, help)
	case "quit", "exit":
		return errQuit
	case "channel":
		id, err := discord.ParseSnowflake(rest)
		if err != nil {
			return err
		}
		sb.channel = id
	case "drop":
		sb.srv.DropConnections()
	case "reconnect":
		sb.srv.SendReconnect()
	case "sessions":
		for _, s := range sb.srv.Sessions() {
			fmt.Fprintf(out, "%+v\n", s)
		}
	case "messages":
		msgs := sb.srv.Messages(sb.channel)
		for _, m := range msgs[max(0, len(msgs)-10):] {
			fmt.Fprintf(out, "%d %s: %s\n", m.ID, m.Author.Username, m.Content)
		}
	case "say":
		line = rest
		fallthrough
	default:
		m, ok := sb.srv.SendMessage(sb.user.ID, sb.channel, line)
		if !ok {
			return fmt.Errorf("no channel %d", sb.channel)
		}
		fmt.Fprintf(out, "posted message %d\n", m.ID)
	}
	return nil
}

package interactions

import (
	"bytes"
	"context"
	"log/slog"
	"strings"
	"testing"

	"github.com/cordage/cordage/discord"
)

func TestMiddlewareLogsChecksPermissionsAndRecovers(t *testing.T) {
	var logged bytes.Buffer
	r := newRouter(t)
	r.Use(Logging(slog.New(slog.NewTextHandler(&logged, nil))))
	r.Use(Recover())
	r.Command(Command{Name: "ban", Description: "b", Handle: func(ctx context.Context, c *Context) (*discord.InteractionResponse, error) {
		return Reply("banned"), nil
	}})
	r.Command(Command{Name: "crash", Description: "c", Handle: func(ctx context.Context, c *Context) (*discord.InteractionResponse, error) {
		panic("bug")
	}})
	guarded := RequirePermissions(discord.PermissionBanMembers)

	// RequirePermissions wraps one handler.
	call := func(perms discord.Permissions) *discord.InteractionResponse {
		i := command("ban")
		i.Member = &discord.Member{Permissions: perms}
		resp, err := guarded(func(ctx context.Context, c *Context) (*discord.InteractionResponse, error) {
			return Reply("banned"), nil
		})(context.Background(), &Context{Interaction: i})
		if err != nil {
			t.Fatal(err)
		}
		return resp
	}
	if resp := call(discord.PermissionSendMessages); resp.Data.Flags != discord.MessageFlagEphemeral || !strings.Contains(resp.Data.Content, "BAN_MEMBERS") {
		t.Errorf("without BAN_MEMBERS: %+v", resp.Data)
	}
	if resp := call(discord.PermissionBanMembers | discord.PermissionSendMessages); resp.Data.Content != "banned" {
		t.Errorf("with BAN_MEMBERS: %+v", resp.Data)
	}

	rec := &recorder{}
	if err := r.Handle(context.Background(), command("crash"), rec); err == nil || !strings.Contains(err.Error(), "bug") {
		t.Errorf("Handle of a panicking handler: %v", err)
	}
	if len(rec.responses) != 1 || rec.responses[0].Data.Flags != discord.MessageFlagEphemeral {
		t.Errorf("the user got %+v, want an ephemeral apology", rec.responses)
	}
	if err := r.Handle(context.Background(), command("ban"), rec); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(logged.String(), "name=ban") {
		t.Errorf("log %q lacks the command", logged.String())
	}
}

package discordtest

import (
	"context"
	"testing"
	"time"

	"github.com/cordage/cordage/discord"
)

func TestRunCommandResolvesAgainstRegisteredCommands(t *testing.T) {
	srv := newServer(t, WithRateLimit(0, 0))
	g := srv.AddGuild("g")
	alice, bob := srv.AddUser("alice"), srv.AddUser("bob")
	srv.AddMember(g.ID, alice.ID)
	srv.AddMember(g.ID, bob.ID)
	c := newREST(t, srv)
	var cmd discord.ApplicationCommand
	c.do("POST", "/applications/"+srv.ApplicationID().String()+"/guilds/"+g.ID.String()+"/commands", map[string]any{
		"name": "poll", "description": "polls", "options": []any{map[string]any{
			"type": 1, "name": "create", "description": "new", "options": []any{
				map[string]any{"type": 3, "name": "question", "description": "q"},
				map[string]any{"type": 4, "name": "hours", "description": "h"},
				map[string]any{"type": 6, "name": "who", "description": "u"},
				map[string]any{"type": 7, "name": "where", "description": "c"},
			},
		}},
	}).ok(&cmd)

	in := srv.RunCommand(alice.ID, g.SystemChannelID, "poll",
		Sub("create", Opt("question", "Lunch?"), Opt("hours", 2), Opt("who", bob.ID), Opt("where", g.SystemChannelID)))
	d := in.Data
	if in.Type != discord.InteractionTypeApplicationCommand || d.ID != cmd.ID || d.GuildID != g.ID || in.GuildID != g.ID ||
		d.CommandType != discord.ApplicationCommandTypeChatInput {
		t.Fatalf("interaction %+v, data %+v", in.Interaction, d)
	}
	if in.Member == nil || in.Member.User.ID != alice.ID || in.User != nil {
		t.Errorf("invoker: member %+v, user %+v", in.Member, in.User)
	}
	sub := d.Options[0]
	if sub.Type != discord.ApplicationCommandOptionTypeSubCommand || len(sub.Options) != 4 {
		t.Fatalf("subcommand %+v", sub)
	}
	for k, want := range []discord.ApplicationCommandOptionType{3, 4, 6, 7} {
		if sub.Options[k].Type != want {
			t.Errorf("option %s has type %d, want %d", sub.Options[k].Name, sub.Options[k].Type, want)
		}
	}
	if n, _ := sub.Options[1].Int(); n != 2 {
		t.Errorf("hours %s", sub.Options[1].Value)
	}
	r := d.Resolved
	if r == nil || r.Users[bob.ID].Username != "bob" || r.Members[bob.ID].User != nil || r.Channels[g.SystemChannelID].Name != "general" {
		t.Fatalf("resolved %+v", r)
	}
	if _, ok := r.Members[bob.ID]; !ok {
		t.Errorf("bob's member not resolved")
	}

	// Not answered yet: Response waits until ctx ends.
	short, cancel := context.WithTimeout(context.Background(), 20*time.Millisecond)
	defer cancel()
	if _, err := in.Response(short); err == nil {
		t.Fatal("an unanswered interaction has a response")
	}
	path := "/interactions/" + in.ID.String() + "/" + in.Token + "/callback"
	c.do("POST", path, map[string]any{"type": 4, "data": map[string]any{"content": "ok"}}).ok(nil)
	a, err := in.Response(context.Background())
	if err != nil || a.Type != 4 || a.Message == nil || a.Message.Content != "ok" || a.Message.ChannelID != g.SystemChannelID {
		t.Fatalf("answer %+v, %v", a, err)
	}
}

func TestSimulatedComponentModalAndAutocompleteInteractions(t *testing.T) {
	srv := newServer(t, WithRateLimit(0, 0))
	g := srv.AddGuild("g")
	alice := srv.AddUser("alice")
	srv.AddMember(g.ID, alice.ID)
	c := newREST(t, srv)
	var msg discord.Message
	c.do("POST", "/channels/"+g.SystemChannelID.String()+"/messages", map[string]any{"content": "pick", "components": []any{
		map[string]any{"type": 1, "components": []any{map[string]any{"type": 5, "custom_id": "who"}}},
		map[string]any{"type": 1, "components": []any{map[string]any{"type": 2, "style": 1, "label": "Go", "custom_id": "go"}}},
	}}).ok(&msg)

	sel := srv.SelectValues(alice.ID, msg, "who", alice.ID.String())
	if sel.Type != discord.InteractionTypeMessageComponent || sel.Data.ComponentType != discord.ComponentTypeUserSelect ||
		sel.Data.Resolved == nil || sel.Data.Resolved.Users[alice.ID].Username != "alice" || sel.Message.ID != msg.ID {
		t.Fatalf("select %+v", sel.Data)
	}
	click := srv.ClickButton(alice.ID, msg, "go")
	c.do("POST", "/interactions/"+click.ID.String()+"/"+click.Token+"/callback", map[string]any{"type": 7, "data": map[string]any{"content": "went"}}).ok(nil)
	a, err := click.Response(context.Background())
	if err != nil || a.Message == nil || a.Message.ID != msg.ID || a.Message.Content != "went" {
		t.Fatalf("click answer %+v, %v", a.Message, err)
	}

	modal := srv.SubmitModal(alice.ID, g.SystemChannelID, "form", map[string]string{"b": "2", "a": "1"})
	if modal.Type != discord.InteractionTypeModalSubmit || len(modal.Data.Components) != 2 {
		t.Fatalf("modal %+v", modal.Data)
	}
	if l, ok := modal.Data.Components[0].(*discord.Label); !ok || l.Component.(*discord.TextInput).CustomID != "a" {
		t.Errorf("first input %#v", modal.Data.Components[0])
	}

	ac := srv.Autocomplete(alice.ID, g.SystemChannelID, "search", Typing("q", "go"))
	if ac.Type != discord.InteractionTypeApplicationCommandAutocomplete || !ac.Data.Options[0].Focused || ac.Data.Options[0].Type != discord.ApplicationCommandOptionTypeString {
		t.Fatalf("autocomplete %+v", ac.Data)
	}
	c.do("POST", "/interactions/"+ac.ID.String()+"/"+ac.Token+"/callback", map[string]any{"type": 8, "data": map[string]any{
		"choices": []any{map[string]any{"name": "golang", "value": "golang"}}}}).ok(nil)
	if a, err := ac.Response(context.Background()); err != nil || len(a.Choices()) != 1 || a.Choices()[0].Name != "golang" {
		t.Fatalf("choices %+v, %v", a, err)
	}
}

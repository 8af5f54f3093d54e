package discord

import (
	"encoding/json"
	"go/ast"
	"go/parser"
	"go/token"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/cordage/cordage/internal/specdata"
)

// permissionConstants lists every Permission constant with its Go name; the
// compiler checks the names exist, and TestPermissionConstantsListIsComplete
// checks that the list holds them all.
var permissionConstants = []struct {
	p    Permissions
	name string
}{
	{PermissionCreateInstantInvite, "PermissionCreateInstantInvite"},
	{PermissionKickMembers, "PermissionKickMembers"},
	{PermissionBanMembers, "PermissionBanMembers"},
	{PermissionAdministrator, "PermissionAdministrator"},
	{PermissionManageChannels, "PermissionManageChannels"},
	{PermissionManageGuild, "PermissionManageGuild"},
	{PermissionAddReactions, "PermissionAddReactions"},
	{PermissionViewAuditLog, "PermissionViewAuditLog"},
	{PermissionPrioritySpeaker, "PermissionPrioritySpeaker"},
	{PermissionStream, "PermissionStream"},
	{PermissionViewChannel, "PermissionViewChannel"},
	{PermissionSendMessages, "PermissionSendMessages"},
	{PermissionSendTTSMessages, "PermissionSendTTSMessages"},
	{PermissionManageMessages, "PermissionManageMessages"},
	{PermissionEmbedLinks, "PermissionEmbedLinks"},
	{PermissionAttachFiles, "PermissionAttachFiles"},
	{PermissionReadMessageHistory, "PermissionReadMessageHistory"},
	{PermissionMentionEveryone, "PermissionMentionEveryone"},
	{PermissionUseExternalEmojis, "PermissionUseExternalEmojis"},
	{PermissionViewGuildInsights, "PermissionViewGuildInsights"},
	{PermissionConnect, "PermissionConnect"},
	{PermissionSpeak, "PermissionSpeak"},
	{PermissionMuteMembers, "PermissionMuteMembers"},
	{PermissionDeafenMembers, "PermissionDeafenMembers"},
	{PermissionMoveMembers, "PermissionMoveMembers"},
	{PermissionUseVAD, "PermissionUseVAD"},
	{PermissionChangeNickname, "PermissionChangeNickname"},
	{PermissionManageNicknames, "PermissionManageNicknames"},
	{PermissionManageRoles, "PermissionManageRoles"},
	{PermissionManageWebhooks, "PermissionManageWebhooks"},
	{PermissionManageGuildExpressions, "PermissionManageGuildExpressions"},
	{PermissionUseApplicationCommands, "PermissionUseApplicationCommands"},
	{PermissionRequestToSpeak, "PermissionRequestToSpeak"},
	{PermissionManageEvents, "PermissionManageEvents"},
	{PermissionManageThreads, "PermissionManageThreads"},
	{PermissionCreatePublicThreads, "PermissionCreatePublicThreads"},
	{PermissionCreatePrivateThreads, "PermissionCreatePrivateThreads"},
	{PermissionUseExternalStickers, "PermissionUseExternalStickers"},
	{PermissionSendMessagesInThreads, "PermissionSendMessagesInThreads"},
	{PermissionUseEmbeddedActivities, "PermissionUseEmbeddedActivities"},
	{PermissionModerateMembers, "PermissionModerateMembers"},
	{PermissionViewCreatorMonetizationAnalytics, "PermissionViewCreatorMonetizationAnalytics"},
	{PermissionUseSoundboard, "PermissionUseSoundboard"},
	{PermissionCreateGuildExpressions, "PermissionCreateGuildExpressions"},
	{PermissionCreateEvents, "PermissionCreateEvents"},
	{PermissionUseExternalSounds, "PermissionUseExternalSounds"},
	{PermissionSendVoiceMessages, "PermissionSendVoiceMessages"},
	{PermissionSetVoiceChannelStatus, "PermissionSetVoiceChannelStatus"},
	{PermissionSendPolls, "PermissionSendPolls"},
	{PermissionUseExternalApps, "PermissionUseExternalApps"},
	{PermissionPinMessages, "PermissionPinMessages"},
	{PermissionBypassSlowmode, "PermissionBypassSlowmode"},
}

type permissionRow struct {
	bit          int
	name         string
	hex, decimal string
	needs2FA     bool
	channels     string // "T,V,S" or "-"
}

func readPermissionsTSV(t *testing.T) []permissionRow {
	t.Helper()
	data := specdata.ReadFile(t, "discord-spec", "permissions.tsv")
	lines := strings.Split(strings.TrimSpace(string(data)), "\n")
	var rows []permissionRow
	for i, line := range lines[1:] {
		f := strings.Split(line, "\t")
		if len(f) < 6 {
			t.Fatalf("permissions.tsv line %d: %d columns", i+2, len(f))
		}
		bit, err := strconv.Atoi(f[0])
		if err != nil {
			t.Fatalf("permissions.tsv line %d: %v", i+2, err)
		}
		rows = append(rows, permissionRow{bit, f[1], f[2], f[3], f[4] == "yes", f[5]})
	}
	if len(rows) == 0 {
		t.Fatal("permissions.tsv has no rows")
	}
	return rows
}

// permissionGoName turns CREATE_INSTANT_INVITE into
// PermissionCreateInstantInvite, keeping acronyms upper case.
func permissionGoName(name string) string {
	var b strings.Builder
	b.WriteString("Permission")
	for _, w := range strings.Split(name, "_") {
		switch w {
		case "TTS", "VAD":
			b.WriteString(w)
		default:
			b.WriteString(w[:1] + strings.ToLower(w[1:]))
		}
	}
	return b.String()
}

// permissionDocs parses permissions.go and returns the doc comment of every
// declared Permission constant (not the Permissions groups), by name.
func permissionDocs(t *testing.T) map[string]string {
	t.Helper()
	file, err := parser.ParseFile(token.NewFileSet(), "permissions.go", nil, parser.ParseComments)
	if err != nil {
		t.Fatal(err)
	}
	docs := map[string]string{}
	for _, decl := range file.Decls {
		gen, ok := decl.(*ast.GenDecl)
		if !ok || gen.Tok != token.CONST {
			continue
		}
		for _, spec := range gen.Specs {
			vs := spec.(*ast.ValueSpec)
			for _, id := range vs.Names {
				if strings.HasPrefix(id.Name, "Permission") && !strings.HasPrefix(id.Name, "Permissions") {
					docs[id.Name] = vs.Doc.Text()
				}
			}
		}
	}
	return docs
}

func TestPermissionConstantsListIsComplete(t *testing.T) {
	docs := permissionDocs(t)
	if len(docs) != len(permissionConstants) {
		t.Errorf("permissions.go declares %d Permission constants, the test lists %d", len(docs), len(permissionConstants))
	}
	for _, c := range permissionConstants {
		if _, ok := docs[c.name]; !ok {
			t.Errorf("%s is listed but not declared in permissions.go", c.name)
		}
	}
}

// TestPermissionsMatchTable proves that every row of permissions.tsv has a
// constant with the right name, value and Discord name, documented with its
// 2FA requirement and channel types, and that there is no other constant.
func TestPermissionsMatchTable(t *testing.T) {
	rows := readPermissionsTSV(t)
	docs := permissionDocs(t)
	byName := map[string]Permissions{}
	for _, c := range permissionConstants {
		byName[c.name] = c.p
	}
	var all, text, voice, stage Permissions
	channelWords := map[string]string{"T": "text", "V": "voice", "S": "stage"}
	for _, row := range rows {
		goName := permissionGoName(row.name)
		p, ok := byName[goName]
		if !ok {
			t.Errorf("bit %d %s: no constant %s", row.bit, row.name, goName)
			continue
		}
		if p != 1<<row.bit {
			t.Errorf("%s = %#x, want 1<<%d", goName, uint64(p), row.bit)
		}
		if s := "0x" + strconv.FormatUint(uint64(p), 16); s != row.hex {
			t.Errorf("%s = %s, table says %s", goName, s, row.hex)
		}
		if s := strconv.FormatUint(uint64(p), 10); s != row.decimal {
			t.Errorf("%s = %s, table says %s", goName, s, row.decimal)
		}
		if got := p.String(); got != row.name {
			t.Errorf("%s.String() = %q, want %q", goName, got, row.name)
		}
		if got := p.Names(); !slices.Equal(got, []string{row.name}) {
			t.Errorf("%s.Names() = %q", goName, got)
		}
		doc := docs[goName]
		if !strings.HasPrefix(doc, goName+" ") {
			t.Errorf("%s: doc comment does not start with its name: %q", goName, doc)
		}
		if got := strings.Contains(doc, "Needs 2FA."); got != row.needs2FA {
			t.Errorf("%s: doc mentions 2FA = %v, table says %v", goName, got, row.needs2FA)
		}
		var words []string
		if row.channels != "-" {
			for _, c := range strings.Split(row.channels, ",") {
				words = append(words, channelWords[c])
			}
		}
		oneLine := strings.Join(strings.Fields(doc), " ")
		if len(words) > 0 {
			if want := "Channels: " + strings.Join(words, ", ") + "."; !strings.Contains(oneLine, want) {
				t.Errorf("%s: doc %q lacks %q", goName, oneLine, want)
			}
		} else if strings.Contains(oneLine, "Channels:") {
			t.Errorf("%s: doc names channel types the table does not", goName)
		}
		all |= p
		for _, c := range strings.Split(row.channels, ",") {
			switch c {
			case "T":
				text |= p
			case "V":
				voice |= p
			case "S":
				stage |= p
			}
		}
	}
	if len(rows) != len(permissionConstants) {
		t.Errorf("table has %d rows, package has %d constants", len(rows), len(permissionConstants))
	}
	for _, g := range []struct {
		name      string
		got, want Permissions
	}{
		{"PermissionsAll", PermissionsAll, all},
		{"PermissionsAllText", PermissionsAllText, text},
		{"PermissionsAllVoice", PermissionsAllVoice, voice},
		{"PermissionsAllStage", PermissionsAllStage, stage},
	} {
		if g.got != g.want {
			t.Errorf("%s = %s\nwant %s\nextra %s\nmissing %s", g.name, g.got, g.want, g.got&^g.want, g.want&^g.got)
		}
	}
	if PermissionsAll.Has(1 << 47) {
		t.Error("PermissionsAll holds the undocumented bit 47")
	}
}

func TestPermissionsHasAddRemove(t *testing.T) {
	p := PermissionViewChannel.Add(PermissionSendMessages, PermissionEmbedLinks)
	if !p.Has(PermissionViewChannel | PermissionSendMessages) {
		t.Error("Has(all set) = false")
	}
	if p.Has(PermissionViewChannel | PermissionBanMembers) {
		t.Error("Has(one missing) = true")
	}
	if !p.Has(0) || p.HasAny(0) {
		t.Error("Has(0) must be true and HasAny(0) false")
	}
	if !p.HasAny(PermissionBanMembers | PermissionEmbedLinks) {
		t.Error("HasAny(one set) = false")
	}
	if p.HasAny(PermissionBanMembers | PermissionKickMembers) {
		t.Error("HasAny(none set) = true")
	}
	q := p.Remove(PermissionEmbedLinks, PermissionBanMembers)
	if q != PermissionViewChannel|PermissionSendMessages {
		t.Errorf("Remove = %s", q)
	}
	if p.Add() != p || p.Remove() != p {
		t.Error("Add() or Remove() with no arguments changed the set")
	}
	if !PermissionsAll.Has(PermissionsAllText | PermissionsAllVoice | PermissionsAllStage) {
		t.Error("PermissionsAll lacks a channel permission")
	}
}

func TestPermissionsString(t *testing.T) {
	tests := []struct {
		p    Permissions
		want string
	}{
		{0, "0"},
		{PermissionViewChannel | PermissionSendMessages, "VIEW_CHANNEL|SEND_MESSAGES"},
		{PermissionSendMessages | PermissionViewChannel, "VIEW_CHANNEL|SEND_MESSAGES"},
		{1 << 47, "1<<47"},
		{PermissionAdministrator | 1<<47 | 1<<63, "ADMINISTRATOR|1<<47|1<<63"},
		{PermissionBypassSlowmode, "BYPASS_SLOWMODE"},
	}
	for _, tt := range tests {
		if got := tt.p.String(); got != tt.want {
			t.Errorf("Permissions(%d).String() = %q, want %q", uint64(tt.p), got, tt.want)
		}
	}
	if got := (PermissionAdministrator | 1<<47).Names(); !slices.Equal(got, []string{"ADMINISTRATOR"}) {
		t.Errorf("Names() = %q, want only documented names", got)
	}
	if got := Permissions(0).Names(); len(got) != 0 {
		t.Errorf("Permissions(0).Names() = %q", got)
	}
}

func TestParsePermissions(t *testing.T) {
	p, err := ParsePermissions("3072")
	if err != nil || p != PermissionViewChannel|PermissionSendMessages {
		t.Errorf("ParsePermissions(\"3072\") = %s, %v", p, err)
	}
	if p, err := ParsePermissions("18446744073709551615"); err != nil || p != ^Permissions(0) {
		t.Errorf("ParsePermissions(max) = %d, %v", uint64(p), err)
	}
	for _, in := range []string{"", "-1", "0x10", "1.0", "VIEW_CHANNEL", "18446744073709551616", " 1"} {
		_, err := ParsePermissions(in)
		if err == nil {
			t.Errorf("ParsePermissions(%q) succeeded, want an error", in)
		} else if !strings.Contains(err.Error(), strconv.Quote(in)) {
			t.Errorf("ParsePermissions(%q) error %q does not name the input", in, err)
		}
	}
}

func TestPermissionsJSON(t *testing.T) {
	b, err := json.Marshal(struct {
		P Permissions `json:"permissions"`
	}{PermissionViewChannel | PermissionSendMessages})
	if err != nil {
		t.Fatal(err)
	}
	if got, want := string(b), `{"permissions":"3072"}`; got != want {
		t.Errorf("Marshal = %s, want %s", got, want)
	}
	tests := []struct {
		in   string
		want Permissions
	}{
		{`"3072"`, 3072},
		{`3072`, 3072},
		{`null`, 0},
		{`"0"`, 0},
		{`"4503599627370496"`, PermissionBypassSlowmode},
	}
	for _, tt := range tests {
		p := Permissions(1)
		if err := json.Unmarshal([]byte(tt.in), &p); err != nil || p != tt.want {
			t.Errorf("Unmarshal(%s) = %d, %v; want %d", tt.in, uint64(p), err, uint64(tt.want))
		}
	}
	for _, in := range []string{`""`, `"x"`, `-1`, `1.5`, `true`, `{}`, `"VIEW_CHANNEL"`} {
		var p Permissions
		if err := json.Unmarshal([]byte(in), &p); err == nil {
			t.Errorf("Unmarshal(%s) = %d, want an error", in, uint64(p))
		}
	}
}

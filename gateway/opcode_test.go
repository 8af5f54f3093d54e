package gateway

import (
	"strconv"
	"testing"
)

func TestOpcodesMatchDiscordTable(t *testing.T) {
	rows := readTable(t, "gateway-opcodes.tsv")
	consts := constsOf(t, "Opcode")
	for _, row := range rows {
		code, err := strconv.Atoi(row["code"])
		if err != nil {
			t.Fatal(err)
		}
		name := "Op" + goCase(row["name"])
		if v, ok := consts[name]; !ok {
			t.Errorf("opcode %d %s: no constant %s", code, row["name"], name)
		} else if v != int64(code) {
			t.Errorf("%s = %d, want %d", name, v, code)
		}
		if got := Opcode(code).String(); got != row["name"] {
			t.Errorf("Opcode(%d).String() = %q, want %q", code, got, row["name"])
		}
	}
	if len(consts) != len(rows) {
		t.Errorf("%d Opcode constants for %d opcodes in the table", len(consts), len(rows))
	}
	if len(opcodeNames) != len(rows) {
		t.Errorf("%d opcode names for %d opcodes in the table", len(opcodeNames), len(rows))
	}
}

func TestOpcodeStringOfUnknownOpcode(t *testing.T) {
	if got := Opcode(12).String(); got != "Opcode(12)" {
		t.Errorf("Opcode(12).String() = %q", got)
	}
}

package discord

import (
	"encoding/json"
	"testing"
)

type optionalBody struct {
	Name  Optional[string]    `json:"name,omitzero"`
	Count Optional[int]       `json:"count,omitzero"`
	ID    Optional[Snowflake] `json:"id,omitzero"`
}

func TestOptionalOmittedNullAndSetInARequestBody(t *testing.T) {
	tests := []struct {
		name string
		body optionalBody
		want string
	}{
		{"all omitted", optionalBody{}, `{}`},
		{"null clears", optionalBody{Name: Null[string]()}, `{"name":null}`},
		{"set zero value", optionalBody{Count: Some(0), Name: Some("")}, `{"name":"","count":0}`},
		{"set", optionalBody{Name: Some("general"), Count: Some(3), ID: Some[Snowflake](42)}, `{"name":"general","count":3,"id":"42"}`},
		{"mixed", optionalBody{Name: Null[string](), ID: Some[Snowflake](7)}, `{"name":null,"id":"7"}`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b, err := json.Marshal(tt.body)
			if err != nil {
				t.Fatal(err)
			}
			if string(b) != tt.want {
				t.Errorf("Marshal = %s, want %s", b, tt.want)
			}
			var back optionalBody
			if err := json.Unmarshal(b, &back); err != nil {
				t.Fatal(err)
			}
			if back != tt.body {
				t.Errorf("Unmarshal(%s) = %+v, want %+v", b, back, tt.body)
			}
		})
	}
}

func TestOptionalDecodesState(t *testing.T) {
	var body optionalBody
	if err := json.Unmarshal([]byte(`{"name":null,"count":5}`), &body); err != nil {
		t.Fatal(err)
	}
	if !body.Name.IsNull() || body.Name.IsSet() || body.Name.IsZero() {
		t.Errorf("name = %v, want null", body.Name)
	}
	if v, ok := body.Count.Get(); !ok || v != 5 {
		t.Errorf("count.Get() = %d, %v; want 5, true", v, ok)
	}
	if !body.ID.IsZero() || body.ID.IsNull() || body.ID.IsSet() {
		t.Errorf("id = %v, want omitted", body.ID)
	}
	if err := json.Unmarshal([]byte(`{"count":"x"}`), &body); err == nil {
		t.Error("Unmarshal of a string into Optional[int] succeeded, want an error")
	}
}

func TestOptionalAccessors(t *testing.T) {
	tests := []struct {
		name            string
		o               Optional[int]
		set, null, zero bool
		get, or         int
		str             string
		marshal         string
	}{
		{"omitted", Optional[int]{}, false, false, true, 0, -1, "<omitted>", "null"},
		{"null", Null[int](), false, true, false, 0, -1, "null", "null"},
		{"some zero", Some(0), true, false, false, 0, 0, "0", "0"},
		{"some", Some(7), true, false, false, 7, 7, "7", "7"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.o.IsSet(); got != tt.set {
				t.Errorf("IsSet = %v", got)
			}
			if got := tt.o.IsNull(); got != tt.null {
				t.Errorf("IsNull = %v", got)
			}
			if got := tt.o.IsZero(); got != tt.zero {
				t.Errorf("IsZero = %v", got)
			}
			if v, ok := tt.o.Get(); v != tt.get || ok != tt.set {
				t.Errorf("Get = %d, %v", v, ok)
			}
			if got := tt.o.Or(-1); got != tt.or {
				t.Errorf("Or(-1) = %d, want %d", got, tt.or)
			}
			if got := tt.o.String(); got != tt.str {
				t.Errorf("String = %q, want %q", got, tt.str)
			}
			b, err := tt.o.MarshalJSON()
			if err != nil || string(b) != tt.marshal {
				t.Errorf("MarshalJSON = %s, %v; want %s", b, err, tt.marshal)
			}
		})
	}
}

func TestOptionalNullWithSurroundingSpace(t *testing.T) {
	var o Optional[string]
	if err := o.UnmarshalJSON([]byte(" null ")); err != nil || !o.IsNull() {
		t.Errorf("UnmarshalJSON(\" null \") = %v, state %v", err, o)
	}
}

// checkOptionalRoundTrip decodes in into an Optional[T] and, when that
// succeeds, proves that encoding it again yields JSON that decodes to the
// same state and value.
func checkOptionalRoundTrip[T comparable](t *testing.T, in []byte) {
	t.Helper()
	var o Optional[T]
	if err := json.Unmarshal(in, &o); err != nil {
		return
	}
	if o.IsZero() {
		t.Fatalf("Unmarshal(%q) left the Optional omitted", in)
	}
	b, err := json.Marshal(o)
	if err != nil {
		t.Fatalf("Marshal(%v): %v", o, err)
	}
	var again Optional[T]
	if err := json.Unmarshal(b, &again); err != nil {
		t.Fatalf("Unmarshal(Marshal(%v)) = %s: %v", o, b, err)
	}
	if again != o {
		t.Fatalf("round trip of %q: %v became %v (via %s)", in, o, again, b)
	}
}

func FuzzOptionalJSON(f *testing.F) {
	for _, seed := range []string{
		`null`, ` null`, `0`, `-12`, `1e3`, `1.5`, `"x"`, `""`, `"\u00e9"`, `"175928847299117063"`,
		`175928847299117063`, `true`, `{}`, `[]`, `"a\"b"`, `nul`, `"\ud800"`, "\"\xff\"",
	} {
		f.Add([]byte(seed))
	}
	f.Fuzz(func(t *testing.T, in []byte) {
		checkOptionalRoundTrip[int](t, in)
		checkOptionalRoundTrip[string](t, in)
		checkOptionalRoundTrip[Snowflake](t, in)
	})
}

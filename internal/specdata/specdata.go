// Package specdata locates Discord's reference data (the OpenAPI spec, the
// tables derived from Discord's docs and the recorded gateway corpus) for tests.
// It never copies that data into the module.
//
// The data lives in a folder named shared beside the checkout. A test that
// needs it calls [Dir] or [Path]: on a fresh clone without the folder the test
// is skipped with a clear message, but when CORDAGE_REQUIRE_SHARED is set (CI
// sets it) a missing folder fails the test instead. CORDAGE_SHARED overrides
// the folder's location.
package specdata

import (
	"os"
	"path/filepath"
	"testing"
)

// RequireEnv is the environment variable that turns a missing shared folder
// from a skip into a failure.
const RequireEnv = "CORDAGE_REQUIRE_SHARED"

// LocationEnv is the environment variable that names the shared folder
// explicitly.
const LocationEnv = "CORDAGE_SHARED"

// Dir returns the path of the shared folder, or skips (or fails, when
// CORDAGE_REQUIRE_SHARED is set) the test when it cannot be found.
func Dir(tb testing.TB) string {
	tb.Helper()
	if dir, ok := find(); ok {
		return dir
	}
	const msg = "the shared reference data (../shared beside the checkout, or $" + LocationEnv + ") is absent"
	if os.Getenv(RequireEnv) != "" {
		tb.Fatalf("%s, and $%s is set", msg, RequireEnv)
	}
	tb.Skipf("%s; skipping", msg)
	return ""
}

// Path returns the path of elem inside the shared folder, for example
// Path(t, "discord-spec", "openapi.json"). It skips or fails like [Dir], and
// fails when the named file does not exist.
func Path(tb testing.TB, elem ...string) string {
	tb.Helper()
	p := filepath.Join(append([]string{Dir(tb)}, elem...)...)
	if _, err := os.Stat(p); err != nil {
		tb.Fatalf("shared reference data: %v", err)
	}
	return p
}

// ReadFile reads a file of the shared folder, like [Path].
func ReadFile(tb testing.TB, elem ...string) []byte {
	tb.Helper()
	b, err := os.ReadFile(Path(tb, elem...))
	if err != nil {
		tb.Fatalf("shared reference data: %v", err)
	}
	return b
}

func find() (string, bool) {
	if dir := os.Getenv(LocationEnv); dir != "" {
		return dir, isDir(dir)
	}
	wd, err := os.Getwd()
	if err != nil {
		return "", false
	}
	// Walk up to the module root (the directory holding go.mod without a
	// parent module) and look for shared beside it. The benchmarks module
	// nests inside the main one, so keep walking past nested modules.
	for dir := wd; ; {
		if isDir(filepath.Join(dir, "..", "shared", "discord-spec")) {
			return filepath.Clean(filepath.Join(dir, "..", "shared")), true
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", false
		}
		dir = parent
	}
}

func isDir(p string) bool {
	fi, err := os.Stat(p)
	return err == nil && fi.IsDir()
}

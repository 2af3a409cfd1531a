package gvcache

import (
	"os/exec"
	"slices"
	"strings"
	"testing"
)

const wasm = "github.com/goccy/go-graphviz/internal/wasm"

// TestInitOrder: this package is initialised before go-graphviz's
// WebAssembly package in every program that has both. Go initialises
// the first package in import-path order whose imports are initialised;
// as long as this package's path sorts first and everything it imports
// is imported by go-graphviz's package too, it is ready whenever that
// one is, and goes first.
func TestInitOrder(t *testing.T) {
	const me = "github.com/dipgraph/dipgraph/internal/gvcache"
	if me >= wasm {
		t.Fatalf("%s does not sort before %s", me, wasm)
	}
	mine, theirs := deps(t, me), deps(t, wasm)
	for _, d := range mine {
		if d != me && !slices.Contains(theirs, d) {
			t.Errorf("gvcache imports %s, which go-graphviz's %s does not: go-graphviz could be initialised first", d, wasm)
		}
	}
}

// deps lists a package and everything it imports, for this platform.
func deps(t *testing.T, pkg string) []string {
	t.Helper()
	out, err := exec.Command("go", "list", "-deps", pkg).Output()
	if err != nil {
		t.Fatalf("go list -deps %s: %v", pkg, err)
	}
	return strings.Fields(string(out))
}

package arch

import (
	"testing"
)

// TestImportRules checks the module's own packages against the rules of
// its house (docs/architecture.md; the package comment lists them): each
// breach fails the test, naming the import chain that breaks the rule.
func TestImportRules(t *testing.T) {
	module, pkgs, err := List("")
	if err != nil {
		t.Fatal(err)
	}
	// The rooms the rules speak of must be there, or the rules pass for
	// want of anything to check.
	have := map[string]bool{}
	for _, p := range pkgs {
		have[p.ImportPath] = true
	}
	for _, room := range []string{"", "/internal/cli", "/render", "/render/graphviz", "/graph", "/graph/graphtest", "/data", "/data/export", "/data/importer"} {
		if !have[module+room] {
			t.Errorf("go list -deps ./... has no package %s%s", module, room)
		}
	}
	for _, b := range Check(module, pkgs) {
		t.Error(b)
	}
}

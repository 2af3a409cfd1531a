package arch

import (
	"slices"
	"strings"
	"testing"
)

const mod = "example.org/house"

// house is a package list as go list -deps prints it: the module's
// packages by path relative to the module ("" is its root) with their
// imports, in which a path that starts with "./" is the module's, and the
// standard and third-party packages those import.
func house(pkgs map[string][]string) []Package {
	abs := func(p string) string {
		switch {
		case p == ".":
			return mod
		case strings.HasPrefix(p, "./"):
			return mod + "/" + p[2:]
		}
		return p
	}
	seen := map[string]bool{}
	var out []Package
	var rels []string
	for r := range pkgs {
		rels = append(rels, r)
	}
	slices.Sort(rels)
	for _, r := range rels {
		p := Package{ImportPath: abs("./" + r), Module: &Module{Path: mod, Main: true}}
		if r == "" {
			p.ImportPath = mod
		}
		seen[p.ImportPath] = true
		for _, imp := range pkgs[r] {
			p.Imports = append(p.Imports, abs(imp))
		}
		out = append(out, p)
	}
	for _, r := range rels {
		for _, imp := range pkgs[r] {
			if a := abs(imp); !seen[a] {
				seen[a] = true
				first, _, _ := strings.Cut(a, "/")
				q := Package{ImportPath: a, Standard: !strings.Contains(first, ".")}
				if !q.Standard {
					q.Module = &Module{Path: a}
				}
				out = append(out, q)
			}
		}
	}
	return out
}

// target is the house the rules describe, breaking none of them.
func target() map[string][]string {
	return map[string][]string{
		"":                              {"context", "os", "os/signal", "./internal/cli"},
		"internal/cli":                  {"net/http", "os", "github.com/spf13/pflag", "github.com/fsnotify/fsnotify", "./data", "./data/export", "./data/importer", "./graph", "./render"},
		"render":                        {"fmt", "os", "./graph", "./render/graphviz"},
		"render/graphviz":               {"os/exec", "reflect", "github.com/goccy/go-graphviz/cgraph", "github.com/tetratelabs/wazero/api", "./render/graphviz/internal/wasm"},
		"render/graphviz/internal/wasm": {"github.com/tetratelabs/wazero"},
		"graph":                         {"fmt", "math/rand/v2", "slices", "./graph/louvain"},
		"graph/louvain":                 {"slices"},
		"graph/graphtest":               {"fmt", "reflect", "testing", "./graph"},
		"data":                          {"io/fs", "os", "github.com/goccy/go-yaml", "./graph"},
		"data/export":                   {"encoding/csv", "./data", "./graph"},
		"data/importer":                 {"bufio", "golang.org/x/text/encoding/charmap", "./data", "./graph"},
		"internal/tool":                 {"flag", "os/exec", "./data", "./graph/graphtest"},
	}
}

func TestCheck(t *testing.T) {
	for _, c := range []struct {
		name   string
		change func(h map[string][]string)
		want   []string // the breaches, "rule: chain" with the module written as M
	}{
		{"the target house", func(map[string][]string) {}, nil},
		{"graph opens files", func(h map[string][]string) { h["graph"] = append(h["graph"], "os") },
			[]string{ruleGraph + ": M/graph → os"}},
		{"graph walks directories", func(h map[string][]string) { h["graph/louvain"] = append(h["graph/louvain"], "path/filepath", "io/fs") },
			[]string{ruleGraph + ": M/graph/louvain → io/fs", ruleGraph + ": M/graph/louvain → path/filepath"}},
		{"graph runs processes", func(h map[string][]string) { h["graph"] = append(h["graph"], "os/exec") },
			[]string{ruleGraph + ": M/graph → os/exec"}},
		{"graph imports a third-party module", func(h map[string][]string) { h["graph"] = append(h["graph"], "gonum.org/v1/gonum/graph") },
			[]string{ruleGraph + ": M/graph → gonum.org/v1/gonum/graph"}},
		{"graph imports data", func(h map[string][]string) { h["graph/louvain"] = append(h["graph/louvain"], "./data") },
			[]string{ruleGraph + ": M/graph/louvain → M/data"}},
		{"graph imports its fixtures", func(h map[string][]string) { h["graph"] = append(h["graph"], "./graph/graphtest") },
			[]string{ruleGraph + ": M/graph → M/graph/graphtest"}},
		{"graph imports testing outside graphtest", func(h map[string][]string) { h["graph"] = append(h["graph"], "testing/quick") },
			[]string{ruleGraph + ": M/graph → testing/quick"}},
		{"data imports render", func(h map[string][]string) { h["data"] = append(h["data"], "./render") },
			// data/export and data/importer reach render through data: one breach.
			[]string{ruleData + ": M/data → M/render"}},
		{"data reaches render through another package", func(h map[string][]string) {
			h["data/export"] = append(h["data/export"], "./internal/svg")
			h["internal/svg"] = []string{"./render/graphviz"}
		}, []string{ruleData + ": M/data/export → M/internal/svg → M/render/graphviz"}},
		{"render imports go-graphviz", func(h map[string][]string) { h["render"] = append(h["render"], "github.com/goccy/go-graphviz/gvc") },
			[]string{ruleGraphviz + ": M/render → github.com/goccy/go-graphviz/gvc"}},
		{"a tool imports wazero", func(h map[string][]string) {
			h["internal/tool"] = append(h["internal/tool"], "github.com/tetratelabs/wazero")
		},
			[]string{ruleGraphviz + ": M/internal/tool → github.com/tetratelabs/wazero"}},
		{"render serves HTTP", func(h map[string][]string) { h["render"] = append(h["render"], "net/http", "net/http/httptest") },
			[]string{ruleCLI + ": M/render → net/http", ruleCLI + ": M/render → net/http/httptest"}},
		{"a room whose name starts like internal/cli's", func(h map[string][]string) { h["internal/clix"] = []string{"github.com/spf13/pflag"} },
			[]string{ruleCLI + ": M/internal/clix → github.com/spf13/pflag"}},
		{"data watches files", func(h map[string][]string) { h["data"] = append(h["data"], "github.com/fsnotify/fsnotify") },
			[]string{ruleCLI + ": M/data → github.com/fsnotify/fsnotify"}},
		{"main holds the command line (today's house)", func(h map[string][]string) {
			h[""] = []string{"os", "net/http", "github.com/spf13/pflag", "./data", "./graph", "./render"}
			h["render"] = append(h["render"], "github.com/goccy/go-graphviz/cgraph", "github.com/tetratelabs/wazero/api")
		}, []string{
			ruleGraphviz + ": M/render → github.com/goccy/go-graphviz/cgraph",
			ruleGraphviz + ": M/render → github.com/tetratelabs/wazero/api",
			ruleCLI + ": M → github.com/spf13/pflag",
			ruleCLI + ": M → net/http",
			ruleMain + ": M → M/data",
			ruleMain + ": M → M/graph",
			ruleMain + ": M → M/render",
		}},
	} {
		t.Run(c.name, func(t *testing.T) {
			h := target()
			c.change(h)
			var got []string
			for _, b := range Check(mod, house(h)) {
				got = append(got, strings.ReplaceAll(b.String(), mod, "M"))
			}
			if !slices.Equal(got, c.want) {
				t.Errorf("breaches:\n\t%s\nwant:\n\t%s", strings.Join(got, "\n\t"), strings.Join(c.want, "\n\t"))
			}
		})
	}
}

func TestDecode(t *testing.T) {
	const list = `{"ImportPath": "fmt", "Standard": true, "Imports": ["os"]}
{"ImportPath": "example.org/house/graph", "Imports": ["fmt"], "Module": {"Path": "example.org/house", "Main": true}}
{"ImportPath": "example.org/house", "Imports": ["example.org/house/graph"], "Module": {"Path": "example.org/house", "Main": true}}
`
	module, pkgs, err := Decode(strings.NewReader(list))
	if err != nil || module != mod || len(pkgs) != 3 || !pkgs[0].Standard || pkgs[2].Imports[0] != mod+"/graph" {
		t.Errorf("Decode = %q, %+v, %v", module, pkgs, err)
	}
	for _, bad := range []string{
		`{"ImportPath": "fmt", "Standard": true}`, // no package of the main module
		`{"ImportPath": "example.org/house", "Module": {"Path": "example.org/house", "Main": true}, "Error": {"Err": "no Go files"}}`,
		`{"ImportPath": `,
	} {
		if _, _, err := Decode(strings.NewReader(bad)); err == nil {
			t.Errorf("Decode(%s): no error", bad)
		}
	}
}

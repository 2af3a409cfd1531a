package arch

import (
	"bytes"
	"fmt"
	"slices"
	"strings"
)

// rooms colour the module's packages by the room they are in, the first
// match counting: fill and outline.
var rooms = []struct{ dir, fill, line string }{
	{"internal/cli", "#fde9c9", "#b7791f"},
	{"render", "#dbe8f7", "#3b6ea8"},
	{"graph", "#d9f0e3", "#2f855a"},
	{"data", "#efe2f5", "#805ad5"},
	{"internal", "#eeeeee", "#777777"}, // tools and test helpers
}

// drawnOutside are the packages from outside the module that are drawn
// (each with its subpackages folded into it): the ones a rule fences.
var drawnOutside = []string{"github.com/goccy/go-graphviz", "github.com/tetratelabs/wazero", "github.com/spf13/pflag", "github.com/fsnotify/fsnotify", "net/http"}

// DOT writes the import graph of module's packages as Graphviz DOT: a box
// for each package of the module, coloured by room, one for each package
// outside it that a rule fences (go-graphviz, wazero, pflag, fsnotify,
// net/http), and an arrow for each direct import between them. An import
// that breaks a rule (see Check) is drawn red, with the rule as its
// tooltip. The same list gives the same bytes.
func DOT(module string, pkgs []Package) []byte {
	inModule := func(p string) bool { return p == module || strings.HasPrefix(p, module+"/") }
	// node returns the box an import is drawn as, or "" when it is not drawn.
	node := func(imp string) string {
		if inModule(imp) {
			return imp
		}
		for _, s := range drawnOutside {
			if within(imp, s) {
				return s
			}
		}
		return ""
	}
	breach := map[[2]string]string{}
	for _, b := range Check(module, pkgs) {
		if len(b.Chain) == 2 {
			breach[[2]string{b.Chain[0], node(b.Chain[1])}] = b.Rule
		} else {
			// data reaching render: the first step of the chain is drawn red.
			breach[[2]string{b.Chain[0], node(b.Chain[1])}] = b.Rule + " (" + strings.Join(b.Chain, " → ") + ")"
		}
	}
	var ours, outside []string
	edges := map[[2]string]bool{}
	for _, p := range pkgs {
		if !inModule(p.ImportPath) {
			continue
		}
		ours = append(ours, p.ImportPath)
		for _, imp := range p.Imports {
			to := node(imp)
			if to == "" || to == p.ImportPath {
				continue
			}
			if !inModule(to) && !slices.Contains(outside, to) {
				outside = append(outside, to)
			}
			edges[[2]string{p.ImportPath, to}] = true
		}
	}
	slices.Sort(ours)
	slices.Sort(outside)
	var b bytes.Buffer
	fmt.Fprintf(&b, "digraph imports {\n")
	fmt.Fprintf(&b, "\tgraph [rankdir=TB, nodesep=0.25, ranksep=0.6, fontname=\"Helvetica,Arial,sans-serif\", fontsize=12, labelloc=b, label=%s];\n",
		quote("The packages of "+module+" and what they import (go list -deps -json ./..., not tests)\ndashed: outside the module, fenced by a rule; red: an import that breaks a rule"))
	fmt.Fprintf(&b, "\tnode [shape=box, style=\"rounded,filled\", fontname=\"Helvetica,Arial,sans-serif\", fontsize=11, penwidth=1.2];\n")
	fmt.Fprintf(&b, "\tedge [color=\"#7a8699\", arrowsize=0.6];\n")
	for _, p := range ours {
		rel := strings.TrimPrefix(strings.TrimPrefix(p, module), "/")
		label := rel
		if rel == "" {
			label = "main"
		}
		fill, line := "#ffffff", "#444444"
		if rel == "" {
			fill, line = "#fde9c9", "#b7791f"
		}
		for _, r := range rooms {
			if within(rel, r.dir) {
				fill, line = r.fill, r.line
				break
			}
		}
		fmt.Fprintf(&b, "\t%s [label=%s, tooltip=%s, fillcolor=%q, color=%q];\n", quote(p), quote(label), quote(p), fill, line)
	}
	for _, p := range outside {
		fmt.Fprintf(&b, "\t%s [label=%s, tooltip=%s, shape=box, style=\"dashed\", color=\"#999999\", fontcolor=\"#555555\", fontsize=10];\n", quote(p), quote(p), quote(p))
	}
	var list [][2]string
	for e := range edges {
		list = append(list, e)
	}
	slices.SortFunc(list, func(x, y [2]string) int {
		if c := strings.Compare(x[0], y[0]); c != 0 {
			return c
		}
		return strings.Compare(x[1], y[1])
	})
	for _, e := range list {
		if rule, bad := breach[e]; bad {
			fmt.Fprintf(&b, "\t%s -> %s [color=\"#c53030\", penwidth=1.6, tooltip=%s];\n", quote(e[0]), quote(e[1]), quote(rule))
			continue
		}
		fmt.Fprintf(&b, "\t%s -> %s;\n", quote(e[0]), quote(e[1]))
	}
	b.WriteString("}\n")
	return b.Bytes()
}

// quote writes s as a DOT string.
func quote(s string) string {
	return `"` + strings.NewReplacer(`\`, `\\`, `"`, `\"`, "\n", `\n`).Replace(s) + `"`
}

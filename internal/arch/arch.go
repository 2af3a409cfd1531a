// Package arch holds the import rules of dipgraph's house
// (docs/architecture.md): which package may import what. Check finds the
// breaches of those rules in a package list as "go list -deps -json"
// prints it, each with the import chain that breaks the rule; the test in
// arch_test.go runs it on the module. DOT draws the module's import graph
// for the architecture page (scripts/archgraph.sh). Neither is part of the
// command.
//
// The rules are about the packages' own files, not their tests (go list
// without -test), and about direct imports, except that data must not
// reach render by any path:
//   - graph and its subpackages import only the standard library (and
//     each other, but not graph/graphtest), and none of os, io/fs,
//     io/ioutil or path/filepath: the domain does no file access; only
//     graph/graphtest, the test fixtures, may import testing;
//   - data and its subpackages never import render, directly or not;
//   - only render/graphviz imports github.com/goccy/go-graphviz or
//     github.com/tetratelabs/wazero;
//   - only internal/cli imports github.com/spf13/pflag,
//     github.com/fsnotify/fsnotify and net/http;
//   - among the module's packages, main (the module's root) imports only
//     internal/cli.
package arch

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
)

// Package is what the rules need of one package of "go list -json".
type Package struct {
	ImportPath string
	Standard   bool     // in the standard library
	Imports    []string // direct imports, as the build resolves them
	Module     *Module  // nil for the standard library
	Error      *struct{ Err string }
}

// Module is the module a package belongs to.
type Module struct {
	Path string
	Main bool // the module go list was run in
}

// List runs "go list -deps -json ./..." in the module at dir ("" for the
// module of the working directory) and returns the module's path and every
// package: the module's and all they depend on.
func List(dir string) (module string, pkgs []Package, err error) {
	if dir == "" {
		out, err := exec.Command("go", "env", "GOMOD").Output()
		if err != nil {
			return "", nil, fmt.Errorf("go env GOMOD: %w", err)
		}
		gomod := strings.TrimSpace(string(out))
		if gomod == "" || gomod == "/dev/null" {
			return "", nil, errors.New("not inside a Go module")
		}
		dir = filepath.Dir(gomod)
	}
	cmd := exec.Command("go", "list", "-deps", "-json", "./...")
	cmd.Dir = dir
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		return "", nil, fmt.Errorf("go list -deps -json ./...: %w\n%s", err, stderr.Bytes())
	}
	return Decode(bytes.NewReader(out))
}

// Decode reads the output of "go list -deps -json": the main module's
// path and the packages.
func Decode(r io.Reader) (module string, pkgs []Package, err error) {
	dec := json.NewDecoder(r)
	for {
		var p Package
		if err := dec.Decode(&p); err == io.EOF {
			break
		} else if err != nil {
			return "", nil, fmt.Errorf("reading go list -json: %w", err)
		}
		if p.Error != nil {
			return "", nil, fmt.Errorf("go list: %s: %s", p.ImportPath, p.Error.Err)
		}
		if p.Module != nil && p.Module.Main {
			module = p.Module.Path
		}
		pkgs = append(pkgs, p)
	}
	if module == "" {
		return "", nil, errors.New("go list -json: no package of the main module")
	}
	return module, pkgs, nil
}

// A Breach is one import that breaks a rule.
type Breach struct {
	Rule  string   // the rule, in words
	Chain []string // import paths, the importer first, the forbidden package last
}

func (b Breach) String() string {
	return b.Rule + ": " + strings.Join(b.Chain, " → ")
}

// Rules are the rules Check checks, in the words it reports them with.
var Rules = []string{ruleGraph, ruleData, ruleGraphviz, ruleCLI, ruleMain}

const (
	ruleGraph    = "graph imports only the standard library, without file access (os, io/fs, path/filepath)"
	ruleData     = "data never imports render"
	ruleGraphviz = "only render/graphviz imports go-graphviz and wazero"
	ruleCLI      = "only internal/cli imports pflag, fsnotify and net/http"
	ruleMain     = "main imports only internal/cli"
)

// fenced are the packages (and their subpackages) only one room may
// import, the room's path relative to the module.
var fenced = []struct{ pkg, room, rule string }{
	{"github.com/goccy/go-graphviz", "render/graphviz", ruleGraphviz},
	{"github.com/tetratelabs/wazero", "render/graphviz", ruleGraphviz},
	{"github.com/spf13/pflag", "internal/cli", ruleCLI},
	{"github.com/fsnotify/fsnotify", "internal/cli", ruleCLI},
	{"net/http", "internal/cli", ruleCLI},
}

// fileAccess are the standard packages (and their subpackages) graph may
// not import.
var fileAccess = []string{"os", "io/fs", "io/ioutil", "path/filepath"}

// within reports whether path is dir or a package under it.
func within(path, dir string) bool {
	return path == dir || strings.HasPrefix(path, dir+"/")
}

// Check returns the breaches of the rules among the packages of module in
// pkgs (a "go list -deps" list: the module's packages and everything they
// import), sorted by rule and chain.
func Check(module string, pkgs []Package) []Breach {
	byPath := map[string]*Package{}
	for i := range pkgs {
		byPath[pkgs[i].ImportPath] = &pkgs[i]
	}
	// rel returns a module package's path relative to the module ("" for
	// its root); ok is false outside the module.
	rel := func(path string) (string, bool) {
		switch {
		case path == module:
			return "", true
		case strings.HasPrefix(path, module+"/"):
			return path[len(module)+1:], true
		}
		return "", false
	}
	standard := func(path string) bool {
		if p := byPath[path]; p != nil {
			return p.Standard
		}
		// Not in the list: guess as the go command does, by a dot in the
		// first element.
		first, _, _ := strings.Cut(path, "/")
		return !strings.Contains(first, ".")
	}
	var out []Breach
	add := func(rule string, chain ...string) { out = append(out, Breach{rule, chain}) }
	for _, p := range pkgs {
		r, ok := rel(p.ImportPath)
		if !ok {
			continue
		}
		for _, imp := range p.Imports {
			ir, internal := rel(imp)
			if within(r, "graph") {
				switch {
				case internal && within(ir, "graph") && ir != "graph/graphtest":
				case internal || !standard(imp):
					add(ruleGraph, p.ImportPath, imp)
				case slices.ContainsFunc(fileAccess, func(f string) bool { return within(imp, f) }):
					add(ruleGraph, p.ImportPath, imp)
				case within(imp, "testing") && r != "graph/graphtest":
					add(ruleGraph, p.ImportPath, imp)
				}
			}
			for _, f := range fenced {
				if within(imp, f.pkg) && !within(r, f.room) {
					add(f.rule, p.ImportPath, imp)
				}
			}
			if r == "" && internal && ir != "internal/cli" {
				add(ruleMain, p.ImportPath, imp)
			}
		}
		if within(r, "data") {
			if chain := path(byPath, p.ImportPath, func(q string) bool {
				qr, ok := rel(q)
				return ok && within(qr, "render")
			}); chain != nil {
				// A chain through another data package is that package's
				// breach, reported there.
				if cr, ok := rel(chain[1]); !ok || !within(cr, "data") {
					add(ruleData, chain...)
				}
			}
		}
	}
	slices.SortFunc(out, func(a, b Breach) int {
		if c := slices.Index(Rules, a.Rule) - slices.Index(Rules, b.Rule); c != 0 {
			return c
		}
		return slices.Compare(a.Chain, b.Chain)
	})
	return out
}

// path returns the shortest import chain from the package from to one for
// which to is true, or nil: breadth first, imports in their listed order.
func path(byPath map[string]*Package, from string, to func(string) bool) []string {
	prev := map[string]string{from: ""}
	queue := []string{from}
	for len(queue) > 0 {
		p := queue[0]
		queue = queue[1:]
		pkg := byPath[p]
		if pkg == nil {
			continue
		}
		for _, imp := range pkg.Imports {
			if _, seen := prev[imp]; seen {
				continue
			}
			prev[imp] = p
			if to(imp) {
				var chain []string
				for q := imp; q != ""; q = prev[q] {
					chain = append(chain, q)
				}
				slices.Reverse(chain)
				return chain
			}
			queue = append(queue, imp)
		}
	}
	return nil
}

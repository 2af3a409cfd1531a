package cli

import (
	"bytes"
	"context"
	"encoding/xml"
	"errors"
	"flag"
	"io"
	"os"
	"os/exec"
	"os/signal"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"

	"github.com/dipgraph/dipgraph/data"
	"github.com/dipgraph/dipgraph/graph/graphtest"
	"github.com/dipgraph/dipgraph/render/fonttest"
	"github.com/dipgraph/dipgraph/render/graphviz"
)

var update = flag.Bool("update", false, "rewrite expected output in testdata/script/*.txtar from the actual output (for cmp against a file in the archive)")

// TestMain lets the test binary act as the dipgraph command: testscript
// installs it on $PATH under that name and, when a script runs it, calls
// dipgraphMain. (Layout workers, which re-run this binary, are served by
// the render package's init before TestMain runs.)
func TestMain(m *testing.M) {
	testscript.Main(m, map[string]func(){
		"dipgraph": dipgraphMain,
	})
}

// dipgraphMain is what the dipgraph command's main does: Run with the
// process's arguments and streams, stopped by an interrupt, then os.Exit
// with its code.
func dipgraphMain() {
	if v := os.Getenv(graphvizVersionEnv); v != "" && graphviz.Version() == "unknown" {
		graphvizVersion = func() string { return v }
	}
	ctx, stop := signal.NotifyContext(context.Background(), StopSignals...)
	code := Run(ctx, os.Args[1:], os.Stdin, os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}

// goGraphviz is the module whose version dipgraph version prints.
const goGraphviz = "github.com/goccy/go-graphviz"

// graphvizVersionEnv passes go.mod's version of go-graphviz to the
// scripts' dipgraph: unlike the dipgraph command, a test binary of a
// package other than main does not know its dependencies' versions.
const graphvizVersionEnv = "DIPGRAPH_TEST_GO_GRAPHVIZ"

// requiredVersion is the version of a module go.mod requires.
func requiredVersion(t *testing.T, module string) string {
	t.Helper()
	src, err := os.ReadFile(filepath.Join(root, "go.mod"))
	if err != nil {
		t.Fatal(err)
	}
	for line := range strings.Lines(string(src)) {
		f := strings.Fields(strings.TrimPrefix(strings.TrimSpace(line), "require "))
		if len(f) >= 2 && f[0] == module {
			return f[1]
		}
	}
	t.Fatalf("go.mod does not require %s", module)
	return ""
}

// TestScripts runs the end-to-end scripts in testdata/script, each in a
// fresh working directory holding only the script's own files.
//
//	go test ./internal/cli -run TestScripts/render_usage   # one script
//	go test ./internal/cli -run TestScripts -update        # refresh cmp'd expected files
func TestScripts(t *testing.T) {
	t.Parallel()
	graphviz := requiredVersion(t, goGraphviz)
	// testscript gives each script HOME=/no-home: without a cache folder
	// the scripts' dipgraph would compile Graphviz's WebAssembly (about
	// 1 s) at every start (internal/gvcache). They share this user's.
	cache, err := os.UserCacheDir()
	if err != nil {
		cache = t.TempDir()
	}
	testscript.Run(t, testscript.Params{
		Dir:                 "testdata/script",
		UpdateScripts:       *update,
		RequireExplicitExec: true,
		RequireUniqueNames:  true,
		Setup: func(env *testscript.Env) error {
			env.Setenv(graphvizVersionEnv, graphviz)
			env.Setenv("XDG_CACHE_HOME", cache)
			return nil
		},
		Cmds: map[string]func(ts *testscript.TestScript, neg bool, args []string){
			"exits":   cmdExits,
			"svgtext": cmdSVGText,
			"mtime":   cmdMtime,
			// synthetic N FILE writes graph.Synthetic(N, 1) as a data file.
			"synthetic": cmdSynthetic,
			// badfont NAME FILE writes fonttest's malformed font NAME.
			"badfont": cmdBadFont,
		},
	})
}

// mtime FILE... prints each file's modification time (nanoseconds) on a
// line of stdout, so a script can show that a command left a file alone.
func cmdMtime(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) == 0 {
		ts.Fatalf("usage: mtime FILE...")
	}
	var b strings.Builder
	for _, a := range args {
		st, err := os.Stat(ts.MkAbs(a))
		ts.Check(err)
		b.WriteString(strconv.FormatInt(st.ModTime().UnixNano(), 10) + " " + a + "\n")
	}
	ts.Stdout().Write([]byte(b.String()))
}

// exits CODE PROGRAM [ARGS...] runs a program as exec does (stdout and
// stderr are then checked as usual) and fails unless it exits with CODE:
// "! exec" cannot tell a usage error (2) from a data error (1).
func cmdExits(ts *testscript.TestScript, neg bool, args []string) {
	if neg {
		ts.Fatalf("unsupported: ! exits")
	}
	if len(args) < 2 {
		ts.Fatalf("usage: exits CODE PROGRAM [ARGS...]")
	}
	want, err := strconv.Atoi(args[0])
	if err != nil {
		ts.Fatalf("exits: bad exit code %q", args[0])
	}
	got := 0
	var ee *exec.ExitError
	switch err := ts.Exec(args[1], args[2:]...); {
	case err == nil:
	case errors.As(err, &ee):
		got = ee.ExitCode()
	default:
		ts.Fatalf("exits: %v", err)
	}
	if got != want {
		ts.Fatalf("%s exited with status %d, want %d", args[1], got, want)
	}
}

// svgtext [-attr NAME] FILE parses FILE as XML, failing if it is not
// well-formed, and prints as stdout every piece of text in it — or, with
// -attr, every value of the attributes called NAME (xlink:title is
// "title") — with entities decoded, one per line. Scripts then check what a
// reader of the figure sees, whatever escaping the SVG uses.
func cmdSVGText(ts *testscript.TestScript, neg bool, args []string) {
	if neg {
		ts.Fatalf("unsupported: ! svgtext")
	}
	attr := ""
	if len(args) == 3 && args[0] == "-attr" {
		attr, args = args[1], args[2:]
	}
	if len(args) != 1 {
		ts.Fatalf("usage: svgtext [-attr NAME] FILE")
	}
	d := xml.NewDecoder(strings.NewReader(ts.ReadFile(args[0])))
	var out bytes.Buffer
	for {
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			ts.Fatalf("%s is not well-formed XML: %v", args[0], err)
		}
		switch tok := tok.(type) {
		case xml.CharData:
			if s := strings.TrimSpace(string(tok)); s != "" && attr == "" {
				out.WriteString(s + "\n")
			}
		case xml.StartElement:
			for _, a := range tok.Attr {
				if attr != "" && a.Name.Local == attr {
					out.WriteString(a.Value + "\n")
				}
			}
		}
	}
	ts.Stdout().Write(out.Bytes())
}

// synthetic N FILE writes a synthetic diplomatic dataset of N entities
// (graph.Synthetic(N, 1)) as a YAML data file, for scripts about large
// graphs.
func cmdSynthetic(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 2 {
		ts.Fatalf("usage: synthetic N FILE")
	}
	n, err := strconv.Atoi(args[0])
	ts.Check(err)
	ts.Check(os.WriteFile(ts.MkAbs(args[1]), data.EncodeYAML(graphtest.Synthetic(n, 1)), 0o644))
}

// badfont NAME FILE writes the malformed font NAME of fonttest.Set (the
// built-in font cut short, with bytes flipped in a table, its loca
// scrambled, its table directory zeroed, …) as FILE.
func cmdBadFont(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 2 {
		ts.Fatalf("usage: badfont NAME FILE")
	}
	var names []string
	for _, f := range fonttest.Set() {
		if f.Name == args[0] {
			ts.Check(os.WriteFile(ts.MkAbs(args[1]), f.TTF, 0o644))
			return
		}
		names = append(names, f.Name)
	}
	ts.Fatalf("badfont: no font %q; there are %s", args[0], strings.Join(names, ", "))
}

package main

import (
	"bytes"
	"encoding/xml"
	"errors"
	"flag"
	"io"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"

	"github.com/dipgraph/dipgraph/data"
	"github.com/dipgraph/dipgraph/graph/graphtest"
)

var update = flag.Bool("update", false, "rewrite expected output in testdata/script/*.txtar from the actual output (for cmp against a file in the archive)")

// TestMain lets the test binary act as the dipgraph command: testscript
// installs it on $PATH under that name and, when a script runs it, calls
// main — run with the process's arguments and streams, then os.Exit with
// its code. (Layout workers, which re-run this binary, are served by the
// render package's init before TestMain runs.)
func TestMain(m *testing.M) {
	testscript.Main(m, map[string]func(){
		"dipgraph": main,
	})
}

// TestScripts runs the end-to-end scripts in testdata/script, each in a
// fresh working directory holding only the script's own files.
//
//	go test -run TestScripts/render_usage   # one script
//	go test -run TestScripts -update        # refresh cmp'd expected files
func TestScripts(t *testing.T) {
	t.Parallel()
	testscript.Run(t, testscript.Params{
		Dir:                 "testdata/script",
		UpdateScripts:       *update,
		RequireExplicitExec: true,
		RequireUniqueNames:  true,
		Cmds: map[string]func(ts *testscript.TestScript, neg bool, args []string){
			"exits":   cmdExits,
			"svgtext": cmdSVGText,
			"mtime":   cmdMtime,
			// synthetic N FILE writes graph.Synthetic(N, 1) as a data file.
			"synthetic": cmdSynthetic,
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

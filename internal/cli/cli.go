// Package cli is dipgraph's command line: one file per command (render.go,
// build.go, watch.go with its preview server in preview.go, score.go,
// stats.go, import.go, export.go, validate.go, info.go), the flag groups
// they share (flags_*.go), reading DATA (input.go), writing outputs
// (output.go) and the progress bar (progress.go). Run is the whole program;
// main only gives it a context, the process's arguments and streams.
//
// The stats report's writers (stats_report.go) are here rather than in
// data/export because the report is the command's own output, not a
// format of the data for other tools: its shape follows the command's
// flags (--table, --json, --csv, the filters named at its head), nothing
// reads it back, and its accepted outputs are the command's golden files
// (testdata/stats).
//
// It is the only package that parses flags (pflag), watches files
// (fsnotify) or serves HTTP. Linking it links render, whose init serves
// layout workers: a worker is this binary, run again.
package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"runtime/debug"
	"slices"
	"strings"

	"github.com/spf13/pflag"

	"github.com/dipgraph/dipgraph/data"
	"github.com/dipgraph/dipgraph/graph"
	"github.com/dipgraph/dipgraph/render"
)

// Exit codes.
const (
	exitOK    = 0 // success
	exitData  = 1 // the data or the rendering failed
	exitUsage = 2 // the command line itself is wrong
)

// env is what a command may touch: its streams and the working directory's
// files. Tests run commands with their own.
type env struct {
	ctx    context.Context
	stdin  io.Reader
	stdout io.Writer
	stderr io.Writer
	// maxInput is the --max-input of a command that reads data (0:
	// data.MaxInput).
	maxInput int64
}

// A command is a row of the command table: its usage, what it runs, and
// the properties the program treats it by.
type command struct {
	name    string
	args    string // what follows the name in the usage line
	summary string
	run     func(e *env, args []string) int
	// maxInput: the command reads data files and takes --max-input.
	maxInput bool
	// longRunning: the command runs until interrupted (watch), so the
	// collector keeps Go's default pace (see Run).
	longRunning bool
}

// commands is the command table, in the order help lists it.
func commands() []command {
	return []command{
		{name: "render", args: "[flags] [DATA...]", summary: "render one figure (SVG, PNG, PDF, DOT or JSON)", run: runRender, maxInput: true},
		{name: "build", args: "[flags] [MANIFEST]", summary: "render every figure a manifest lists", run: runBuild, maxInput: true},
		{name: "score", args: "[flags] [DATA...]", summary: "measure a figure's legibility: misattributed text, lines through people, crossings, text size", run: runScore},
		{name: "watch", args: "[flags] [DATA...]", summary: "re-render a figure whenever its data changes, with a live preview", run: runWatch, maxInput: true, longRunning: true},
		{name: "stats", args: "[flags] [DATA...]", summary: "figures, structural balance and signed blocs of the graph", run: runStats, maxInput: true},
		{name: "import", args: "--from KIND FILE... -o DATA.yaml", summary: "convert CSV, COW, MID, GDELT or Archigos data into a data file", run: runImport, maxInput: true},
		{name: "export", args: "-f FORMAT [flags] [DATA...]", summary: "write the data as JSON, node-link JSON, GraphML, GEXF, CSV or DOT", run: runExport, maxInput: true},
		{name: "validate", args: "[DATA...]", summary: "check data files and report every problem", run: runValidate, maxInput: true},
		{name: "datasets", summary: "list the embedded datasets", run: runDatasets},
		{name: "version", summary: "print the version", run: runVersion},
		{name: "help", args: "[COMMAND]", summary: "show help for dipgraph or a command"},
	}
}

const overview = `dipgraph turns curated records of diplomatic relations into figures.

Usage:
  dipgraph COMMAND [flags] [DATA...]

Commands:
%s
DATA is a data file (.yaml, .yml or .json), - for standard input, or the name
of an embedded dataset (see "dipgraph datasets"). With no DATA, the embedded
dataset beijing-2025 is used. Several files are read as one dataset.

Exit status: 0 success, 1 the data or the rendering failed, 2 the command
line is wrong.

Run "dipgraph COMMAND -h" for a command's flags.
`

func overviewText() string {
	var b strings.Builder
	for _, c := range commands() {
		fmt.Fprintf(&b, "  %-9s %s\n", c.name, c.summary)
	}
	return fmt.Sprintf(overview, b.String())
}

// Run is the whole program: it runs the command args name (args without
// the program's own name) and returns the exit code, so that deferred
// cleanup runs and tests can call it.
func Run(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	// A command runs for seconds at most and most of what it allocates is
	// garbage at once (the YAML parser's tokens and tree): collecting when
	// the heap has grown fivefold, not twofold, takes a tenth off a
	// 1,000-entity figure and 0.7 s off a 3,000-entity one, for 80 MB more
	// at most (docs/performance.md). GOGC, when set, decides; a
	// long-running command (watch, which runs for hours) keeps Go's
	// default. The setting is put back when the command ends, for a caller
	// (a test) that goes on.
	if _, set := os.LookupEnv("GOGC"); !set && !longRunning(args) {
		defer debug.SetGCPercent(debug.SetGCPercent(400))
	}
	if _, ok := stderr.(*clipWriter); !ok {
		stderr = &clipWriter{stderr}
	}
	e := &env{ctx: ctx, stdin: stdin, stdout: stdout, stderr: stderr}
	if len(args) == 0 {
		fmt.Fprint(stderr, overviewText())
		return exitUsage
	}
	name := args[0]
	switch name {
	case "-h", "--help", "help":
		if name == "help" && len(args) > 1 {
			return Run(ctx, []string{args[1], "--help"}, stdin, stdout, stderr)
		}
		fmt.Fprint(stdout, overviewText())
		return exitOK
	case "-v", "--version":
		name = "version"
	}
	for _, c := range commands() {
		if c.name == name && c.run != nil {
			return c.run(e, args[1:])
		}
	}
	var names []string
	for _, c := range commands() {
		names = append(names, c.name)
	}
	fmt.Fprintf(stderr, "dipgraph: unknown command %q%s\nRun 'dipgraph help' for the list of commands.\n", name, graph.Suggest(name, names))
	return exitUsage
}

// newFlags makes a subcommand's flag set. Its own messages are silenced:
// parse reports errors in dipgraph's style.
func newFlags(name string) *pflag.FlagSet {
	fs := pflag.NewFlagSet(name, pflag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.Usage = func() {}
	fs.SortFlags = false
	return fs
}

// parse parses a subcommand's flags. It returns ok=false with the exit code
// when the command should stop: after -h (0) or a bad flag (2).
func parse(e *env, fs *pflag.FlagSet, c command, args []string, help string) (code int, ok bool) {
	addInputFlags(e, c, fs)
	err := fs.Parse(args)
	if errors.Is(err, pflag.ErrHelp) {
		fmt.Fprintf(e.stdout, "Usage: %s\n\n%s\n", strings.TrimSpace("dipgraph "+c.name+" "+c.args), help)
		if fs.HasFlags() {
			fmt.Fprintf(e.stdout, "\nFlags:\n%s", fs.FlagUsages())
		}
		return exitOK, false
	}
	if err != nil {
		return usageFail(e, c.name, err.Error()), false
	}
	return 0, true
}

// usageFail reports a command-line error with a pointer to the help.
func usageFail(e *env, name, msg string) int {
	fmt.Fprintf(e.stderr, "dipgraph %s: %s\nRun 'dipgraph %s --help' for usage.\n", name, msg, name)
	return exitUsage
}

// fail reports a data or runtime error.
func fail(e *env, name string, err error) int {
	fmt.Fprintf(e.stderr, "dipgraph %s: %v\n", name, err)
	return exitData
}

// usageError is a mistake on the command line found only once a command
// has started (for instance the same DATA given twice): it exits 2.
type usageError struct{ msg string }

func (u *usageError) Error() string { return u.msg }

// flagErrorf is a *render.FlagError about the flags named (without
// their dashes, space-separated, the one at fault first), its message as
// fmt.Errorf makes it.
func flagErrorf(flags, format string, args ...any) error {
	return &render.FlagError{Flags: strings.Fields(flags), Err: fmt.Errorf(format, args...)}
}

// formatErrorf is a flagErrorf about an option that does not apply to the
// output's format (--dpi for an SVG).
func formatErrorf(flag, format string, args ...any) error {
	return &render.FlagError{Flags: []string{flag}, FormatOnly: true, Err: fmt.Errorf(format, args...)}
}

// failLoad reports an error from loadData: a command-line mistake (exit 2),
// the data's problems one per line, sorted, then how many (exit 1), or a
// read error (exit 1). summary is the line after the problems.
func failLoad(e *env, name string, err error, summary string) int {
	var ue *usageError
	var ps data.Problems
	switch {
	case errors.As(err, &ue):
		return usageFail(e, name, ue.msg)
	case errors.As(err, &ps):
		fmt.Fprintln(e.stderr, ps.Error())
		fmt.Fprintf(e.stderr, summary+"\n", count(len(ps), "problem", "problems"))
		return exitData
	}
	return fail(e, name, err)
}

// count writes n with the singular or plural noun: "1 edge", "2 edges".
func count(n int, one, many string) string {
	if n == 1 {
		return fmt.Sprintf("%d %s", n, one)
	}
	return fmt.Sprintf("%d %s", n, many)
}

// noArgs refuses arguments to a command that takes none.
func noArgs(e *env, name string, fs *pflag.FlagSet) (code int, ok bool) {
	if fs.NArg() > 0 {
		return usageFail(e, name, fmt.Sprintf("unexpected argument %q", fs.Arg(0))), false
	}
	return 0, true
}

// longRunning reports whether args name a long-running command.
func longRunning(args []string) bool {
	if len(args) == 0 {
		return false
	}
	i := slices.IndexFunc(commands(), func(c command) bool { return c.name == args[0] })
	return i >= 0 && commands()[i].longRunning
}

func lookup(name string) command {
	for _, c := range commands() {
		if c.name == name {
			return c
		}
	}
	panic("no command " + name)
}

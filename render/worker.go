package render

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"strconv"
	"strings"
)

// A worker is a fresh copy of the running program, started with workerEnv
// set, that lays out one graph and exits. Workers serve two purposes:
//
//   - A layout that may have to be stopped (see Graphviz.WithTimeout) runs
//     in a worker, which is killed when its time is up; the parent's
//     Graphviz is never left mid-call.
//   - Graphviz's fdp lays out a graph with clusters differently once
//     another layout has run in the same process. Every layout normally
//     starts from Graphviz's starting memory (wasmreset.go), which makes
//     that moot; should this wazero keep its memory in a form that cannot
//     be reset, such fdp layouts after the first go to workers instead,
//     whose one layout is always a first.
//
// Workers lay out in parallel (build --jobs) while this process's Graphviz
// serves others.

// workerEnv names the engine and formats ("fdp:svg,json") a worker process
// is to use.
const workerEnv = "DIPGRAPH_LAYOUT_WORKER"

// needsFreshProcess reports whether a layout must run first in a process to
// be reproducible, when Graphviz's memory cannot be reset.
func needsFreshProcess(engine string, dot []byte) bool {
	return engine == "fdp" && bytes.Contains(dot, []byte("subgraph cluster_"))
}

// init turns any program that links this package — dipgraph, or a test
// binary — into a layout worker when it was started as one, before its
// main or TestMain runs. A worker that ran the program's own main instead
// would start workers of its own: a test binary would run its tests again
// in every worker, without end.
func init() {
	if code, worker := serveWorker(os.Stdin, os.Stdout, os.Stderr); worker {
		os.Exit(code)
	}
}

// serveWorker makes the running program act as a layout worker when it was
// started as one: it reads DOT on stdin, writes the layout on stdout, and
// reports Graphviz's warnings ("warning: …" lines) and errors on stderr. It
// returns false when the program is not a worker. The package's init calls
// it, before any main or TestMain.
func serveWorker(stdin io.Reader, stdout, stderr io.Writer) (code int, worker bool) {
	spec, ok := os.LookupEnv(workerEnv)
	if !ok {
		return 0, false
	}
	if spec == serveSpec {
		return serveLayouts(stdin, stdout, stderr), true
	}
	engine, list, _ := strings.Cut(spec, ":")
	formats := strings.Split(list, ",")
	dot, err := io.ReadAll(stdin)
	if err != nil {
		fmt.Fprintln(stderr, err)
		return 1, true
	}
	ctx := context.Background()
	gv, err := NewGraphviz(ctx)
	if err != nil {
		fmt.Fprintln(stderr, err)
		return 1, true
	}
	defer gv.Close()
	gv.Warn = func(msg string) { fmt.Fprintln(stderr, "warning: "+msg) }
	outs, err := gv.renderHere(ctx, dot, engine, formats)
	if err != nil {
		fmt.Fprintln(stderr, err)
		return 1, true
	}
	// Each rendering goes out as its length in bytes on a line, then the
	// bytes.
	var b bytes.Buffer
	for _, out := range outs {
		fmt.Fprintf(&b, "%d\n", len(out))
		b.Write(out)
	}
	if _, err := stdout.Write(b.Bytes()); err != nil {
		fmt.Fprintln(stderr, err)
		return 1, true
	}
	return 0, true
}

// renderInWorker lays out dot in a fresh process, stopping it after the
// handle's timeout; nodes and edges, the graph's size, go in the message.
func (g *Graphviz) renderInWorker(ctx context.Context, dot []byte, engine string, formats []string, nodes, edges int) ([][]byte, error) {
	if _, nested := os.LookupEnv(workerEnv); nested {
		// A worker's one layout is its first, so it never needs a worker;
		// refusing keeps a mistake from multiplying processes.
		return nil, fmt.Errorf("graphviz: a layout worker may not start another")
	}
	exe, err := os.Executable()
	if err != nil {
		return nil, fmt.Errorf("starting a layout worker: %w", err)
	}
	run := ctx
	if g.timeout > 0 {
		var cancel context.CancelFunc
		run, cancel = context.WithTimeout(ctx, g.timeout)
		defer cancel()
	}
	cmd := exec.CommandContext(run, exe)
	cmd.Env = append(os.Environ(), workerEnv+"="+engine+":"+strings.Join(formats, ","))
	cmd.Stdin = bytes.NewReader(dot)
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	runErr := cmd.Run()
	var msgs []string
	sc := bufio.NewScanner(&errb)
	for sc.Scan() {
		line := sc.Text()
		if w, ok := strings.CutPrefix(line, "warning: "); ok && runErr == nil {
			if g.Warn != nil {
				g.Warn(w)
			}
			continue
		}
		msgs = append(msgs, line)
	}
	if runErr != nil && run.Err() != nil {
		return nil, g.stopped(run.Err(), engine, nodes, edges)
	}
	var exitErr *exec.ExitError
	switch {
	case errors.As(runErr, &exitErr) && len(msgs) > 0:
		return nil, errors.New(strings.Join(msgs, "; "))
	case runErr != nil:
		return nil, fmt.Errorf("layout worker: %w", runErr)
	}
	return splitWorkerOutput(out.Bytes(), len(formats))
}

// splitWorkerOutput reads back the n renderings a worker wrote.
func splitWorkerOutput(b []byte, n int) ([][]byte, error) {
	outs := make([][]byte, 0, n)
	for range n {
		line, rest, ok := bytes.Cut(b, []byte("\n"))
		size, err := strconv.Atoi(string(line))
		if !ok || err != nil || size < 0 || size > len(rest) {
			return nil, errors.New("layout worker: garbled output")
		}
		outs = append(outs, rest[:size])
		b = rest[size:]
	}
	if len(b) != 0 {
		return nil, errors.New("layout worker: garbled output")
	}
	return outs, nil
}

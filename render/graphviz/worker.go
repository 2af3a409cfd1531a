package graphviz

import (
	"bytes"
	"context"
	"fmt"
	"os"

	"github.com/dipgraph/dipgraph/internal/gvcache"
)

// A worker is a fresh copy of the running program, started with workerEnv
// set, that lays out the graphs it is sent on its standard input, one after
// another, until that input ends (the protocol is in server.go). Workers
// serve three purposes:
//
//   - A layout that may have to be stopped (see Graphviz.WithTimeout) runs
//     in a worker, which is killed when its time is up; the parent's
//     Graphviz is never left mid-call.
//   - build and watch keep workers as layout servers (server.go), so their
//     large layouts run on every core without a new process each.
//   - Graphviz's fdp lays out a graph with clusters differently once
//     another layout has run in the same process. Every layout normally
//     starts from Graphviz's starting memory (wasmreset.go), which makes
//     that moot; should this wazero keep its memory in a form that cannot
//     be reset, such fdp layouts after the first go to a fresh worker
//     instead, whose one layout is always a first.

// workerEnv, set in a program's environment, makes it a worker.
const workerEnv = "DIPGRAPH_LAYOUT_WORKER"

// needsFreshProcess reports whether a layout must run first in a process to
// be reproducible, when Graphviz's memory cannot be reset.
func needsFreshProcess(engine string, dot []byte) bool {
	return engine == "fdp" && bytes.Contains(dot, []byte("subgraph cluster_"))
}

// init turns any program that links this package — dipgraph, or a test
// binary — into a worker when it was started as one, before its main or
// TestMain runs. A worker that ran the program's own main instead would
// start workers of its own: a test binary would run its tests again in
// every worker, without end.
func init() {
	gvcache.Restore() // go-graphviz's init has run: see internal/gvcache
	if _, worker := os.LookupEnv(workerEnv); worker {
		serveLayouts(os.Stdin, os.Stdout, os.Stderr, os.Exit)
		os.Exit(0)
	}
}

// renderInWorker lays out dot in a fresh worker, stopping it after the
// handle's timeout; nodes and edges, the graph's size when known, go in
// the message.
func (g *Graphviz) renderInWorker(ctx context.Context, dot []byte, engine string, formats []string, nodes, edges int) ([][]byte, error) {
	if _, nested := os.LookupEnv(workerEnv); nested {
		// A worker's layouts run in it, each from Graphviz's starting
		// state; refusing keeps a mistake from multiplying processes.
		return nil, fmt.Errorf("graphviz: a layout worker may not start another")
	}
	slot := &layoutSlot{}
	outs, warnings, err := g.renderOnServer(ctx, slot, dot, engine, formats, nodes, edges)
	if slot.srv != nil {
		slot.srv.stop()
	}
	if g.Warn != nil {
		for _, w := range warnings {
			g.Warn(w)
		}
	}
	return outs, err
}

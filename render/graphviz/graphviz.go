package graphviz

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"runtime/debug"
	"strings"
	"sync"
	"sync/atomic"
	"time"
	"unsafe" // for go:linkname to go-graphviz's error log, reader and module

	"github.com/goccy/go-graphviz/cgraph"
	"github.com/goccy/go-graphviz/gvc"
	"github.com/tetratelabs/wazero/api"
)

// Graphviz is one instance of Graphviz compiled to WebAssembly. Creating it
// costs the module's start-up (about 0.1 s warm, 0.75 s on a machine's
// first run), so a process makes one and lays out every figure with it.
// go-graphviz holds a single module per process: calls are serialised.
type Graphviz struct {
	gv *gvc.Context
	// Warn, if set, receives Graphviz's warnings (errors fail the render).
	Warn func(string)
	// timeout stops a layout that runs longer (see WithTimeout).
	timeout time.Duration
	// abandon lays out here even a layout that may be stopped, and leaves
	// it running when stopped (see AbandonOnTimeout).
	abandon bool
	// uncached lays out every time, never answering from the layouts kept
	// (layoutcache.go): for tests of Graphviz's own behaviour.
	uncached bool
	// pool holds the layout servers large layouts may go to (server.go);
	// nil: none.
	pool *Pool
}

// go-graphviz runs one WebAssembly module per process, whatever the number
// of Graphviz values: wasmMu serialises calls into it and wasmLayouts
// counts the layouts it has made.
var (
	wasmMu      sync.Mutex
	wasmLayouts int
)

// New returns the process's Graphviz, starting it on first use. It
// registers none of go-graphviz's own image renderers (its PNG drops edges
// and node outlines): dipgraph paints PNG and PDF itself from Graphviz's
// drawing operations (format "json").
//
// go-graphviz cannot start a second Graphviz context in a process once one
// has been closed, so there is one for the life of the process, shared by
// every figure it makes (build, watch, tests); each caller gets its own
// handle for its warnings.
func New(ctx context.Context) (*Graphviz, error) {
	wasmMu.Lock()
	defer wasmMu.Unlock()
	if processGVC == nil {
		gv, err := gvc.NewWithPlugins(ctx)
		if err != nil {
			return nil, fmt.Errorf("starting Graphviz: %w", err)
		}
		processGVC = gv
		// With the module's starting state recorded, every layout starts
		// from it (see wasmreset.go); without, fdp layouts after the
		// first go to worker processes.
		if graphvizModule != nil {
			freshState, _ = captureWasmState(graphvizModule.mod.Memory())
		}
	}
	return &Graphviz{gv: processGVC}, nil
}

// processGVC is the process's one Graphviz context, and freshState the
// WebAssembly memory as it was when it had just started.
var (
	processGVC *gvc.Context
	freshState *wasmState
)

// graphvizModule is go-graphviz's one WebAssembly module instance; its
// first field is wazero's module, whose memory wasmReset restores.
//
//go:linkname graphvizModule github.com/goccy/go-graphviz/internal/wasm.mod
var graphvizModule *struct{ mod api.Module }

// WithWarn returns a handle on the same Graphviz that sends its warnings to
// warn: figures built concurrently each get their own.
func (g *Graphviz) WithWarn(warn func(string)) *Graphviz {
	c := *g
	c.Warn = warn
	return &c
}

// Close releases the handle. The process's Graphviz itself stays up for
// the next figure (see New); the operating system reclaims it.
func (g *Graphviz) Close() error { return nil }

// Go-graphviz sets Graphviz's error level so that every error and warning
// goes to an in-memory log instead of standard error, and reads that log only
// when a call returns failure — but a layout that goes wrong (dot's "trouble
// in init_rank", which silently drops edges) still returns success. We read
// the log ourselves after each layout, through go-graphviz's bindings of
// Graphviz's aglasterr.
//
//go:linkname wasmLastError github.com/goccy/go-graphviz/internal/wasm.LastError
func wasmLastError(ctx context.Context) (string, error)

//go:linkname wasmResetErrors github.com/goccy/go-graphviz/internal/wasm.ResetErrors
func wasmResetErrors(ctx context.Context) (int, error)

//go:linkname wasmErrorNum github.com/goccy/go-graphviz/internal/wasm.ErrorNum
func wasmErrorNum(ctx context.Context) (int, error)

// readDOT reads DOT text into Graphviz, as cgraph.ParseBytes does without
// what ParseBytes then does for go-graphviz's own API: visit every node to
// set an empty label to "\N" (the node's name), a dozen calls into the
// WebAssembly module per node, each setting up a call stack — a fifth of a
// 20-figure build. dipgraph gives every node the label it should show, and
// Graphviz's own default for a node without one is "\N" already.
func readDOT(ctx context.Context, dot []byte) (*cgraph.Graph, error) {
	g, err := wasmMemRead(ctx, string(dot))
	if err != nil {
		return nil, err
	}
	if g == nil {
		if msg, _ := wasmLastError(ctx); msg != "" {
			return nil, errors.New(msg)
		}
		return nil, errors.New("no graph")
	}
	return cgraphToGraph(g), nil
}

//go:linkname wasmMemRead github.com/goccy/go-graphviz/internal/wasm.MemRead
func wasmMemRead(ctx context.Context, dot string) (unsafe.Pointer, error)

//go:linkname cgraphToGraph github.com/goccy/go-graphviz/cgraph.toGraph
func cgraphToGraph(g unsafe.Pointer) *cgraph.Graph

// agErr is Graphviz's AGERR level: what agerrors() returns once an error,
// not only warnings, has been logged since agreseterrors().
const agErr = 1

// graphvizLog returns Graphviz's latest logged message.
func graphvizLog(ctx context.Context) string {
	s, err := wasmLastError(ctx)
	if err != nil {
		return ""
	}
	return strings.TrimSpace(s)
}

// layoutMemoryLimit is the heap size at which Go's garbage collector runs
// during a layout. The collector is otherwise held off: a goroutine running
// WebAssembly cannot be preempted, so a collection cycle stalls until the
// layout yields and can double its time.
const layoutMemoryLimit = 4 << 30

// The largest graph dipgraph lays out. Past these, Graphviz's memory (which
// grows with the nodes times the edges for some engines) and time are out
// of proportion to any figure a reader can read; the limit is an error
// that says so, not a machine run out of memory.
const (
	MaxNodes = 20000
	MaxEdges = 100000
)

// Graphs up to these sizes lay out in this process whatever the engine (in
// well under two seconds with the embedded Graphviz, dot included); larger
// ones, when a timeout is set, run in a worker process that can be stopped
// (see WithTimeout).
const (
	isolateNodes = 60
	isolateEdges = 200
)

// DefaultTimeout is how long a figure's layout may run (--timeout): far
// more than any figure a reader can read needs (a 3,000-entity graph with
// sfdp takes about 10 s), far less than a user waits for a stuck one.
const DefaultTimeout = 60 * time.Second

// ErrTimeout matches (errors.Is) the error of a layout stopped by its
// timeout.
var ErrTimeout = errors.New("layout timed out")

// A TimeoutError is the error of a layout stopped by its timeout: which
// engine, how large the graph was (0 nodes: not yet read) and the limit.
// Its message ends with what to try, which depends on those: sfdp is not
// advised for a layout that already is sfdp, nor for a graph too small for
// its size to be the cause. A caller that knows the layout is a part of a
// figure (the legend) names it in Part.
type TimeoutError struct {
	Engine       string
	Nodes, Edges int
	// Small: the graph is small enough for its size not to be the cause
	// (up to 60 nodes and 200 edges; judged from the DOT text when the
	// size is not known), so very long text is.
	Small  bool
	Within string // "--timeout 1m0s", or "its time"
	Part   string // "" for the figure's graph; "legend"
}

func (e *TimeoutError) Error() string {
	size := "the graph"
	if e.Nodes > 0 {
		size = fmt.Sprintf("%d nodes and %d edges", e.Nodes, e.Edges)
	}
	if e.Part != "" {
		size = "the " + e.Part
		if e.Nodes > 0 {
			size += fmt.Sprintf(" (%d nodes)", e.Nodes)
		}
	}
	return fmt.Sprintf("graphviz %s layout of %s did not finish within %s and was stopped: %s", e.Engine, size, e.Within, e.hint())
}

// Is makes errors.Is(err, ErrTimeout) true.
func (e *TimeoutError) Is(target error) bool { return target == ErrTimeout }

// hint is what to try after a timeout.
func (e *TimeoutError) hint() string {
	switch {
	case e.Part == "legend":
		return "the legend has a few entries, so long text in it (a type's label) is what takes the time: shorten it, leave the legend out (--no-legend), or give a longer --timeout"
	case e.Small:
		return "the graph is small, so its size is not the cause: look for very long text (a name, label or note) and shorten it, or give a longer --timeout"
	case e.Engine == "sfdp":
		return "sfdp is already the fastest layout: narrow the graph (--types, --focus, --min-weight), or give a longer --timeout"
	}
	return "sfdp lays out large graphs fastest (--layout sfdp); or narrow the graph (--types, --focus, --min-weight), or give a longer --timeout"
}

// stopped turns the error of a layout stopped by its context into the
// message a user can act on: a timeout names the graph's size and faster
// choices; a cancellation stays as it is.
func (g *Graphviz) stopped(err error, dot []byte, engine string, nodes, edges int) error {
	if !errors.Is(err, context.DeadlineExceeded) {
		return err
	}
	within := "its time"
	if g.timeout > 0 {
		within = "--timeout " + g.timeout.String()
	}
	small := nodes <= isolateNodes && edges <= isolateEdges
	if nodes == 0 {
		small = !largeDOT(dot)
	}
	return &TimeoutError{Engine: engine, Nodes: nodes, Edges: edges, Small: small, Within: within}
}

// WithPool returns a handle on the same Graphviz whose large layouts that
// may be stopped go to p's layout servers while p has them in use
// (Pool.UseServers); nil: none.
func (g *Graphviz) WithPool(p *Pool) *Graphviz {
	c := *g
	c.pool = p
	return &c
}

// WithTimeout returns a handle on the same Graphviz that stops a layout
// still running after d (0: never). Graphviz in WebAssembly cannot be
// interrupted, and go-graphviz cannot be used again after a call into it
// is abandoned (go-graphviz#118), so a layout that might be stopped — one
// of a graph larger than a small figure — runs in a worker process, which
// is killed when time is up; this process's Graphviz is never touched by
// it and stays usable. Small graphs lay out here, in well under the
// smallest sensible timeout.
func (g *Graphviz) WithTimeout(d time.Duration) *Graphviz {
	c := *g
	c.timeout = d
	return &c
}

// withTimeout is ctx, ended also by the handle's timeout when it has one.
func (g *Graphviz) withTimeout(ctx context.Context) (context.Context, context.CancelFunc) {
	if g.timeout > 0 {
		return context.WithTimeout(ctx, g.timeout)
	}
	return ctx, func() {}
}

// Render lays out DOT text with the engine and renders it in format ("svg",
// "json" for Graphviz's drawing operations, or "dot" for DOT annotated with
// positions). It returns Graphviz's own messages as an error when Graphviz
// reports one, and an error when the output lost edges.
func (g *Graphviz) Render(ctx context.Context, dot []byte, engine, format string) ([]byte, error) {
	out, err := g.RenderFormats(ctx, dot, engine, format)
	if err != nil {
		return nil, err
	}
	return out[0], nil
}

// RenderFormats lays out DOT text once and renders that one layout in each
// of the formats, so that an SVG and the drawing operations a painter uses
// show the same positions. A small layout made before in this process is
// answered from memory (layoutcache.go).
func (g *Graphviz) RenderFormats(ctx context.Context, dot []byte, engine string, formats ...string) ([][]byte, error) {
	if len(formats) == 0 {
		return nil, fmt.Errorf("graphviz: no output format")
	}
	if err := ctx.Err(); err != nil {
		return nil, g.stopped(err, dot, engine, 0, 0)
	}
	key, keep := keyOf(dot, engine, formats)
	keep = keep && !g.uncached
	if keep {
		if outs, ok := layouts.get(key); ok {
			return outs, nil
		}
	}
	// A layout that warned is not kept: a repeat would not warn again.
	// (Atomic: an abandoned layout may still warn after lay returns.)
	var warned atomic.Bool
	h := *g
	h.Warn = func(msg string) {
		warned.Store(true)
		if g.Warn != nil {
			g.Warn(msg)
		}
	}
	outs, err := h.lay(ctx, dot, engine, formats)
	if err == nil && keep && !warned.Load() {
		layouts.put(key, outs)
	}
	return outs, err
}

// lay makes a layout where it should run: here; in a layout server or a
// worker process when it may have to be stopped (see WithTimeout) and is
// large; in a worker while an abandoned layout holds this process's
// Graphviz (see AbandonOnTimeout).
func (g *Graphviz) lay(ctx context.Context, dot []byte, engine string, formats []string) ([][]byte, error) {
	if abandoned.Load() {
		return g.renderInWorker(ctx, dot, engine, formats, 0, 0)
	}
	// nop2 keeps the positions it is given and only draws: it is never
	// the long part of a figure, and another process would cost more.
	_, deadline := ctx.Deadline()
	stoppable := (g.timeout > 0 || deadline) && engine != "nop2"
	slot, free, err := g.pool.take(ctx, stoppable && largeDOT(dot))
	if err != nil {
		return nil, g.stopped(err, dot, engine, 0, 0)
	}
	if slot != nil {
		defer func() { free <- slot }()
		if !slot.local {
			outs, warnings, err := g.renderOnServer(ctx, slot, dot, engine, formats, 0, 0)
			for _, w := range warnings { // as the server's layHere wrote them
				g.Warn(w)
			}
			return outs, err
		}
	}
	wasmMu.Lock()
	if freshState == nil && wasmLayouts > 0 && needsFreshProcess(engine, dot) {
		// A worker is its own process: several run at once (build
		// --jobs) while this process's Graphviz serves others.
		wasmMu.Unlock()
		return g.renderInWorker(ctx, dot, engine, formats, 0, 0)
	}
	gr, nodes, edges, err := parseDOT(ctx, dot)
	if err != nil {
		wasmMu.Unlock()
		return nil, err
	}
	if stoppable && (nodes > isolateNodes || edges > isolateEdges) {
		if g.abandon {
			return g.layAbandonable(ctx, gr, edges, engine, formats, nodes)
		}
		gr.Close()
		wasmMu.Unlock()
		return g.renderInWorker(ctx, dot, engine, formats, nodes, edges)
	}
	defer wasmMu.Unlock()
	return g.layHere(ctx, gr, edges, engine, formats)
}

// AbandonOnTimeout returns a handle on the same Graphviz for a process
// that ends with its figure (dipgraph render): a layout that may be
// stopped runs here rather than in a worker process, saving the worker's
// start (about 0.15 s for a 300-entity figure), and when its time is up the
// call returns the timeout error while Graphviz, which cannot be
// interrupted, runs on until the process exits. Until that layout ends,
// later layouts in the process run in workers.
func (g *Graphviz) AbandonOnTimeout() *Graphviz {
	c := *g
	c.abandon = true
	return &c
}

// abandoned is set while a stopped layout still runs in this process's
// Graphviz (see AbandonOnTimeout); abandonMu orders its setting by the
// caller against its clearing by the layout's end.
var (
	abandoned atomic.Bool
	abandonMu sync.Mutex
)

// layAbandonable lays out a parsed graph here, as layHere, but returns
// when the handle's timeout or ctx ends it, leaving the layout running.
// The caller holds wasmMu; it is released when the layout ends.
func (g *Graphviz) layAbandonable(ctx context.Context, gr *cgraph.Graph, wantEdges int, engine string, formats []string, nodes int) ([][]byte, error) {
	type result struct {
		outs [][]byte
		err  error
	}
	done := make(chan result, 1)
	finished := false
	// Once the caller has given up on the layout, its warnings go nowhere:
	// the caller may be writing its own message, or be gone.
	var warnMu sync.Mutex
	gaveUp := false
	h := *g
	h.Warn = func(msg string) {
		warnMu.Lock()
		defer warnMu.Unlock()
		if !gaveUp && g.Warn != nil {
			g.Warn(msg)
		}
	}
	go func() {
		outs, err := h.layHere(context.WithoutCancel(ctx), gr, wantEdges, engine, formats)
		abandonMu.Lock()
		finished = true
		abandoned.Store(false)
		abandonMu.Unlock()
		wasmMu.Unlock()
		done <- result{outs, err}
	}()
	run, cancel := g.withTimeout(ctx)
	defer cancel()
	select {
	case r := <-done:
		return r.outs, r.err
	case <-run.Done():
		warnMu.Lock()
		gaveUp = true
		warnMu.Unlock()
		abandonMu.Lock()
		if !finished {
			abandoned.Store(true)
		}
		abandonMu.Unlock()
		return nil, g.stopped(run.Err(), nil, engine, nodes, wantEdges)
	}
}

// renderHere lays out dot in this process's Graphviz; the caller holds
// wasmMu.
func (g *Graphviz) renderHere(ctx context.Context, dot []byte, engine string, formats []string) ([][]byte, error) {
	gr, _, edges, err := parseDOT(ctx, dot)
	if err != nil {
		return nil, err
	}
	return g.layHere(ctx, gr, edges, engine, formats)
}

// parseDOT puts Graphviz back in its starting state and reads dot into
// it, refusing graphs over MaxNodes or MaxEdges. The caller holds wasmMu and
// closes the graph.
func parseDOT(ctx context.Context, dot []byte) (gr *cgraph.Graph, nodes, edges int, err error) {
	if freshState != nil {
		if err := freshState.restore(); err != nil {
			return nil, 0, 0, err
		}
	}
	if _, err := wasmResetErrors(ctx); err != nil {
		return nil, 0, 0, fmt.Errorf("graphviz: %w", err)
	}
	gr, err = readDOT(ctx, dot)
	if err != nil {
		return nil, 0, 0, fmt.Errorf("graphviz could not read the DOT: %w", err)
	}
	if nodes, err = gr.NodeNum(); err == nil {
		edges, err = gr.EdgeNum()
	}
	if err != nil {
		gr.Close()
		return nil, 0, 0, fmt.Errorf("graphviz could not count the graph: %w", err)
	}
	if nodes > MaxNodes || edges > MaxEdges {
		gr.Close()
		return nil, 0, 0, fmt.Errorf("the graph has %d nodes and %d edges, more than dipgraph lays out (%d nodes, %d edges): narrow it with --types, --from/--to, --focus or --min-weight", nodes, edges, MaxNodes, MaxEdges)
	}
	return gr, nodes, edges, nil
}

// layHere lays out and renders a parsed graph in this process's Graphviz,
// then closes it; the caller holds wasmMu.
func (g *Graphviz) layHere(ctx context.Context, gr *cgraph.Graph, wantEdges int, engine string, formats []string) ([][]byte, error) {
	defer gr.Close()
	wasmLayouts++
	before := graphvizLog(ctx)

	gcPercent := debug.SetGCPercent(-1)
	limit := debug.SetMemoryLimit(layoutMemoryLimit)
	outs := make([][]byte, len(formats))
	err := g.gv.Layout(ctx, gr, engine)
	for i, format := range formats {
		if err != nil {
			break
		}
		var out bytes.Buffer
		err = g.gv.RenderData(ctx, gr, format, &out)
		outs[i] = out.Bytes()
	}
	if ferr := g.gv.FreeLayout(ctx, gr); err == nil {
		err = ferr
	}
	debug.SetMemoryLimit(limit)
	debug.SetGCPercent(gcPercent)

	// After agreseterrors, agerrors() is AGERR or more only if this layout
	// logged an error. A warning does not raise it, so a warning is known
	// to be new only when the log's last message changed.
	level, _ := wasmErrorNum(ctx)
	msg := graphvizLog(ctx)
	switch {
	case level >= agErr && degraded(msg):
		// Nothing to tell the user: the overlap removal that failed is
		// sfdp's own first attempt; the overlap mode dipgraph sets
		// (voronoi, or scale for large graphs) then removes the overlaps
		// (render's TestSfdpRemovesOverlaps).
	case level >= agErr && msg != "":
		return nil, fmt.Errorf("graphviz %s layout failed: %s", engine, oneLine(msg))
	case level >= agErr:
		return nil, fmt.Errorf("graphviz %s layout failed", engine)
	case msg != before && msg != "" && g.Warn != nil && !knownWarning(msg):
		g.Warn("graphviz: " + oneLine(msg))
	}
	if err != nil {
		return nil, fmt.Errorf("graphviz %s layout failed: %w", engine, err)
	}
	for i, format := range formats {
		if format != "svg" {
			continue
		}
		if got := bytes.Count(outs[i], []byte(`class="edge"`)); got != wantEdges {
			return nil, fmt.Errorf("graphviz %s layout lost %d of %d edges; try another --layout", engine, wantEdges-got, wantEdges)
		}
	}
	return outs, nil
}

// oneLine folds Graphviz's multi-line messages into one line.
func oneLine(msg string) string { return strings.Join(strings.Fields(msg), " ") }

// knownWarning reports warnings that say nothing a user can act on.
// Graphviz estimates text width from built-in Latin metrics and warns on the
// first byte of any non-ASCII text (Korean, Chinese, Cyrillic names); the
// estimate it falls back to (a space per UTF-8 byte) is close enough for
// the short native-script names dipgraph draws.
func knownWarning(msg string) bool {
	return strings.Contains(msg, "no value for width of non-ASCII character")
}

// degraded reports errors after which Graphviz still completes a usable
// layout: sfdp always tries its triangulation-based overlap removal, which
// the embedded build lacks, and goes on without it to the overlap mode the
// graph sets.
func degraded(msg string) bool {
	return strings.Contains(msg, "not built with triangulation library")
}

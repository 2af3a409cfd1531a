package render

import (
	"bytes"
	"context"
	"fmt"
	"runtime/debug"
	"strings"
	"sync"
	_ "unsafe" // for go:linkname to go-graphviz's error log

	graphviz "github.com/goccy/go-graphviz"
	"github.com/goccy/go-graphviz/gvc"
)

// Graphviz is one instance of Graphviz compiled to WebAssembly. Creating it
// costs the module's start-up (about 0.1 s warm, 0.75 s on a machine's
// first run), so a process makes one and lays out every figure with it.
// go-graphviz holds a single module per process: calls are serialised.
type Graphviz struct {
	gv *gvc.Context
	// Warn, if set, receives Graphviz's warnings (errors fail the render).
	Warn func(string)
}

// go-graphviz runs one WebAssembly module per process, whatever the number
// of Graphviz values: wasmMu serialises calls into it and wasmLayouts
// counts the layouts it has made.
var (
	wasmMu      sync.Mutex
	wasmLayouts int
)

// NewGraphviz returns the process's Graphviz, starting it on first use. It
// registers none of go-graphviz's own image renderers (its PNG drops edges
// and node outlines): dipgraph paints PNG and PDF itself from Graphviz's
// drawing operations (format "json").
//
// go-graphviz cannot start a second Graphviz context in a process once one
// has been closed, so there is one for the life of the process, shared by
// every figure it makes (build, watch, tests); each caller gets its own
// handle for its warnings.
func NewGraphviz(ctx context.Context) (*Graphviz, error) {
	wasmMu.Lock()
	defer wasmMu.Unlock()
	if processGVC == nil {
		gv, err := gvc.NewWithPlugins(ctx)
		if err != nil {
			return nil, fmt.Errorf("starting Graphviz: %w", err)
		}
		processGVC = gv
	}
	return &Graphviz{gv: processGVC}, nil
}

// processGVC is the process's one Graphviz context.
var processGVC *gvc.Context

// WithWarn returns a handle on the same Graphviz that sends its warnings to
// warn: figures built concurrently each get their own.
func (g *Graphviz) WithWarn(warn func(string)) *Graphviz {
	c := *g
	c.Warn = warn
	return &c
}

// Close releases the handle. The process's Graphviz itself stays up for
// the next figure (see NewGraphviz); the operating system reclaims it.
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
// show the same positions.
func (g *Graphviz) RenderFormats(ctx context.Context, dot []byte, engine string, formats ...string) ([][]byte, error) {
	if len(formats) == 0 {
		return nil, fmt.Errorf("graphviz: no output format")
	}
	wasmMu.Lock()
	if wasmLayouts > 0 && needsFreshProcess(engine, dot) {
		// A worker is its own process: several run at once (build
		// --jobs) while this process's Graphviz serves others.
		wasmMu.Unlock()
		return g.renderInWorker(ctx, dot, engine, formats)
	}
	defer wasmMu.Unlock()
	return g.renderHere(ctx, dot, engine, formats)
}

// renderHere lays out dot in this process's Graphviz.
func (g *Graphviz) renderHere(ctx context.Context, dot []byte, engine string, formats []string) ([][]byte, error) {
	wasmLayouts++

	before := graphvizLog(ctx)
	if _, err := wasmResetErrors(ctx); err != nil {
		return nil, fmt.Errorf("graphviz: %w", err)
	}
	gr, err := graphviz.ParseBytes(dot)
	if err != nil {
		return nil, fmt.Errorf("graphviz could not read the DOT: %w", err)
	}
	defer gr.Close()
	wantEdges, err := gr.EdgeNum()
	if err != nil {
		return nil, fmt.Errorf("graphviz could not count the edges: %w", err)
	}

	gcPercent := debug.SetGCPercent(-1)
	limit := debug.SetMemoryLimit(layoutMemoryLimit)
	outs := make([][]byte, len(formats))
	err = g.gv.Layout(ctx, gr, engine)
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
		if g.Warn != nil {
			g.Warn(fmt.Sprintf("graphviz %s: %s (this embedded Graphviz has no triangulation library, so %s cannot remove node overlaps; fdp or neato can)", engine, oneLine(msg), engine))
		}
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
// the embedded build lacks, and goes on without it.
func degraded(msg string) bool {
	return strings.Contains(msg, "not built with triangulation library")
}

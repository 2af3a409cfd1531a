package render

import (
	"context"

	"github.com/dipgraph/dipgraph/render/graphviz"
)

// Graphviz lays out the figures: Graphviz in WebAssembly, fenced in
// render/graphviz (DOT in, layouts out).
type Graphviz = graphviz.Graphviz

// DefaultTimeout is how long a figure's layout may run (--timeout).
const DefaultTimeout = graphviz.DefaultTimeout

// NewGraphviz returns the process's Graphviz, starting it on first use
// (graphviz.New).
func NewGraphviz(ctx context.Context) (*Graphviz, error) { return graphviz.New(ctx) }

// UseLayoutServers lets up to n layout servers lay out graphs beside this
// process's Graphviz (n = 0: none) until stop is called
// (graphviz.UseLayoutServers).
func UseLayoutServers(n int) (stop func()) { return graphviz.UseLayoutServers(n) }

// ForgetLayouts empties the process's kept layouts, for a benchmark that
// repeats one build in a process and means to measure the layouts.
func ForgetLayouts() { graphviz.ForgetLayouts() }

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

// layoutServers is the process's one pool of layout servers: every
// Graphviz handle from NewGraphviz lays out on its servers while
// UseLayoutServers has them in use.
var layoutServers graphviz.Pool

// NewGraphviz returns a handle on the process's Graphviz (graphviz.New),
// starting it on first use, that uses the process's layout servers.
func NewGraphviz(ctx context.Context) (*Graphviz, error) {
	gv, err := graphviz.New(ctx)
	if err != nil {
		return nil, err
	}
	return gv.WithPool(&layoutServers), nil
}

// UseLayoutServers lets up to n layout servers lay out graphs beside this
// process's Graphviz (n = 0: none) until stop is called: large layouts that
// may have to be stopped go to a server instead of a worker process each
// (graphviz.Pool.UseServers).
func UseLayoutServers(n int) (stop func()) { return layoutServers.UseServers(n) }

// ForgetLayouts empties the process's kept layouts, for a benchmark that
// repeats one build in a process and means to measure the layouts.
func ForgetLayouts() { graphviz.ForgetLayouts() }

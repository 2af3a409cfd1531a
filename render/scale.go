package render

import (
	"fmt"

	"github.com/dipgraph/dipgraph/graph"
)

// Settings for large graphs. A figure's engine settings are chosen for a
// deck-sized graph (tens of entities); some of them cost out of all
// proportion as a graph grows, measured with Graphviz 12 in WebAssembly
// and natively (docs/performance.md):
//
//   - Curved edges (splines=curved): Graphviz's curved-edge router slows
//     down steeply with the number of edges — a 300-entity graph with fdp
//     took over a minute with curved edges and 0.6 s with straight ones. So
//     above CurvedEdgesMax edges, edges are drawn straight.
//   - fdp: its cluster handling and force iterations grow fast; above
//     FdpNodesMax nodes dipgraph lays the graph out with sfdp, the
//     multilevel engine made for large graphs, and says so.
//   - dot: ranking and crossing reduction are slow on thousands of nodes;
//     above DotNodesSlow nodes dipgraph warns and suggests sfdp (the
//     --timeout stops a layout that runs too long).
const (
	CurvedEdgesMax = 120
	FdpNodesMax    = 300
	DotNodesSlow   = 1000
)

// ForGraph returns the options a graph is laid out with: o, with the
// engine changed from fdp to sfdp when the graph is over FdpNodesMax
// nodes, and a note for the user about any change or slow choice ("" when
// there is none). DOT and Lay apply it, so the DOT text render writes is
// the DOT that is laid out.
func (o Options) ForGraph(g *graph.Graph) (Options, string) {
	switch n := len(g.Nodes); {
	case o.Layout == "fdp" && n > FdpNodesMax:
		o.Layout = "sfdp"
		return o, fmt.Sprintf("%d entities: laid out with sfdp rather than fdp, which is slow past %d (sfdp does not frame countries with their people; --focus or --types make a smaller figure that fdp can lay out)", n, FdpNodesMax)
	case o.Layout == "dot" && n > DotNodesSlow:
		return o, fmt.Sprintf("%d entities: dot may take minutes on a graph this large (--timeout stops it); sfdp is made for large graphs (--layout sfdp)", n)
	}
	return o, ""
}

// sizedAttrs adjusts an engine's graph attributes to the graph's size:
// straight edges instead of curved ones above CurvedEdgesMax edges.
func sizedAttrs(attrs [][2]string, g *graph.Graph) [][2]string {
	if len(g.Edges) <= CurvedEdgesMax {
		return attrs
	}
	out := make([][2]string, len(attrs))
	for i, a := range attrs {
		if a[0] == "splines" && a[1] == "curved" {
			a[1] = "line"
		}
		out[i] = a
	}
	return out
}

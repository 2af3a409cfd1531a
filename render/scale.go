package render

import (
	"fmt"
	"strings"

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
//     above LargeEdges edges, edges are drawn straight.
//   - Overlap removal: the embedded Graphviz has no triangulation library,
//     so it removes overlaps by Voronoi adjustment, which took 7.5 s of a
//     300-entity sfdp layout; above LargeEdges edges, sfdp and neato scale
//     the layout up instead (0.15 s).
//   - neato's default stress majorization is quadratic and, in
//     WebAssembly, about five times slower than native: 14 s for 1,000
//     entities. Above LargeEdges edges neato uses stochastic gradient
//     descent (mode=sgd, Graphviz 2.44 and later): 1.8 s.
//   - fdp: its cluster handling and force iterations grow fast; above
//     FdpNodesMax nodes dipgraph lays the graph out with sfdp, the
//     multilevel engine made for large graphs, and says so.
//   - Edge text: above LabelEdgesMax edges, text on every edge covers the
//     figure rather than labelling it, and placing it clear of the rest
//     took 13 s and 1.5 GB of a 20 s, 2 GB figure of 3,000 entities; the
//     text is left out (each edge's tooltip keeps its records), with a note.
//   - dot: ranking and crossing reduction are slow on thousands of nodes;
//     above DotNodesSlow nodes dipgraph warns and suggests sfdp (the
//     --timeout stops a layout that runs too long).
const (
	LargeEdges    = 120
	FdpNodesMax   = 300
	LabelEdgesMax = 1000
	DotNodesSlow  = 1000
)

// ForGraph returns the options a graph is laid out with: o, with the
// engine changed from fdp to sfdp when the graph is over FdpNodesMax
// nodes and no edge text past LabelEdgesMax edges, and a note for the user about any change or slow choice ("" when
// there is none). DOT and Lay apply it, so the DOT text render writes is
// the DOT that is laid out.
func (o Options) ForGraph(g *graph.Graph) (Options, string) {
	var notes []string
	switch n := len(g.Nodes); {
	case o.Layout == "fdp" && n > FdpNodesMax:
		o.Layout = "sfdp"
		notes = append(notes, fmt.Sprintf("%d entities: laid out with sfdp rather than fdp, which is slow past %d (sfdp does not frame countries with their people; --focus or --types make a smaller figure that fdp can lay out)", n, FdpNodesMax))
	case o.Layout == "dot" && n > DotNodesSlow:
		notes = append(notes, fmt.Sprintf("%d entities: dot may take minutes on a graph this large (--timeout stops it); sfdp is made for large graphs (--layout sfdp)", n))
	}
	if n := len(g.Edges); n > LabelEdgesMax && o.EdgeLabels != "none" {
		o.EdgeLabels = "none"
		notes = append(notes, fmt.Sprintf("%d edges: no text on edges past %d (it would cover the figure); each edge's tooltip lists its records", n, LabelEdgesMax))
	}
	return o, strings.Join(notes, "; ")
}

// sizedAttrs adjusts an engine's graph attributes to the graph's size:
// above LargeEdges edges, straight edges instead of curved ones; overlaps
// removed by scaling instead of Voronoi adjustment; and neato lays out by
// stochastic gradient descent instead of stress majorization.
func sizedAttrs(attrs [][2]string, g *graph.Graph, o Options) [][2]string {
	if len(g.Edges) <= LargeEdges {
		return attrs
	}
	out := make([][2]string, 0, len(attrs)+1)
	for _, a := range attrs {
		switch {
		case a[0] == "splines" && a[1] == "curved":
			a[1] = "line"
		case a[0] == "overlap" && (a[1] == "voronoi" || o.Layout == "neato"):
			a[1] = "scale"
		}
		out = append(out, a)
	}
	if o.Layout == "neato" {
		out = append(out, [2]string{"mode", "sgd"})
	}
	return out
}

package render

import (
	"bytes"
	"context"
	"io"
	"regexp"
	"testing"

	"github.com/dipgraph/dipgraph/graph"
	"github.com/dipgraph/dipgraph/graph/graphtest"
)

// graphLine is the graph's attribute line of a DOT text, and its layout
// attribute when it is the first.
var graphLine = regexp.MustCompile(`(?m)^  graph \[(?:layout="([a-z0-9]+)", )?`)

// TestDOTNamesItsEngine: the DOT written for other tools names the engine
// it is made for in the graph's layout attribute — the layout asked for,
// sfdp where fdp gives way to it, nop2 (neato -n2) for a timeline's pinned
// frames — and the DOT dipgraph lays out itself does not, because Graphviz
// lets the attribute override the engine a layout is called with.
func TestDOTNamesItsEngine(t *testing.T) {
	g := graph.Build(loadDefault(t), graph.Filter{})
	big := graph.Build(graphtest.Synthetic(FdpNodesMax+20, 1), graph.Filter{})
	if len(big.Nodes) <= FdpNodesMax {
		t.Fatalf("the large graph has %d nodes; the test needs more than %d", len(big.Nodes), FdpNodesMax)
	}
	for _, c := range []struct {
		g      *graph.Graph
		layout string
		want   string
	}{
		{g, "fdp", "fdp"}, {g, "dot", "dot"}, {g, "neato", "neato"}, {g, "circo", "circo"}, {big, "fdp", "sfdp"},
	} {
		o := Options{Layout: c.layout, EdgeLabels: "none", Seed: DefaultSeed}
		if got := layoutAttr(t, DOT, c.g, o); got != c.want {
			t.Errorf("DOT of %d entities with %s: layout=%q, want %q", len(c.g.Nodes), c.layout, got, c.want)
		}
		if got := layoutAttr(t, graphvizDOT, c.g, o); got != "" {
			t.Errorf("graphvizDOT of %d entities with %s: layout=%q, want none", len(c.g.Nodes), c.layout, got)
		}
	}

	gv := sharedGraphviz(t)
	frames, err := PinnedDOT(context.Background(), gv, timelineOf(t, "2019", "2025-09-30"), Options{Layout: "fdp", EdgeLabels: "none", Seed: DefaultSeed})
	if err != nil {
		t.Fatal(err)
	}
	for i, f := range frames {
		if m := graphLine.FindSubmatch(f); m == nil || string(m[1]) != pinEngine {
			t.Errorf("pinned frame %d: layout=%q, want %q", i+1, m, pinEngine)
		}
	}

	// Why dipgraph's own layouts go without it: laid out "with nop2",
	// which needs every position given, the attribute's fdp runs instead.
	var named, bare bytes.Buffer
	o := Options{Layout: "fdp", EdgeLabels: "none", Seed: DefaultSeed}
	if err := DOT(&named, g, o); err != nil {
		t.Fatal(err)
	}
	if err := graphvizDOT(&bare, g, o); err != nil {
		t.Fatal(err)
	}
	if _, err := gv.Render(context.Background(), bare.Bytes(), pinEngine, "svg"); err == nil {
		t.Error("nop2 laid out a graph without positions; the test no longer shows the attribute's override")
	}
	if _, err := gv.Render(context.Background(), named.Bytes(), pinEngine, "svg"); err != nil {
		t.Errorf("Graphviz no longer lets layout=fdp override the engine it is called with (%v): graphvizDOT could name its engine too", err)
	}
}

// layoutAttr is the layout attribute write gives g's graph, or "".
func layoutAttr(t *testing.T, write func(io.Writer, *graph.Graph, Options) error, g *graph.Graph, o Options) string {
	t.Helper()
	var b bytes.Buffer
	if err := write(&b, g, o); err != nil {
		t.Fatal(err)
	}
	m := graphLine.FindSubmatch(b.Bytes())
	if m == nil {
		t.Fatalf("no graph attributes in\n%.300s", b.Bytes())
	}
	return string(m[1])
}

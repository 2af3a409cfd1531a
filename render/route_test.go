package render

import (
	"bytes"
	"context"
	"fmt"
	"html"
	"math"
	"os"
	"regexp"
	"strings"
	"testing"

	"github.com/dipgraph/dipgraph/data"
	"github.com/dipgraph/dipgraph/graph"
	"github.com/dipgraph/dipgraph/graph/graphtest"
)

// laidFixture is laid DOT as Graphviz writes it, by hand: n0 and n1 far
// apart with n2 on the straight line between them; edge-1 runs straight
// through n2 with an arrowhead at n1; edge-2 (n0 to n3) is clear; the
// membership line n0 -> n4 (no id) runs through the box n5.
const laidFixture = `digraph g {
	graph [bb="0,0,400,200", id=relations];
	node [label="\N"];
	n0	[height=0.5, id="node-a", pos="20,100", shape=ellipse, width=0.5];
	n1	[height=0.5, id="node-b", pos="380,100", shape=ellipse, width=0.5];
	n2	[height=0.5, id="node-c", pos="200,100", shape=ellipse, width=1];
	n3	[height=0.5, id="node-d", pos="20,180", shape=box, width=0.5];
	n4	[height=0.5, id="node-e", pos="20,20", shape=ellipse, width=0.5];
	n5	[height=0.3, id="node-f", pos="20,60", shape=box, width=0.6];
	n0 -> n1	[dir=forward, id="edge-1", pos="e,362,100 38,100 146,100 254,100 352,100", xlabel="x", xlp="200,112"];
	n0 -> n3	[dir=none, id="edge-2", pos="20,118 20,139 20,141 20,162"];
	n0 -> n4	[dir=none, pos="20,82 20,70 20,50 20,38"];
}
`

// TestEdgesThroughNodes: on a hand-built layout, the edge straight through
// a node and the membership line through a box are found, and the clear
// edge is not.
func TestEdgesThroughNodes(t *testing.T) {
	got := edgesThroughNodes([]byte(laidFixture))
	want := []throughHit{
		{Edge: "edge-1", From: "node-a", To: "node-b", Node: "node-c"},
		{Edge: "n0->n4#0", From: "node-a", To: "node-e", Node: "node-f"},
	}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("got %v, want %v", got, want)
	}
	// A line that only grazes a node (within its outer 1 pt) does not pass
	// through it.
	graze := strings.Replace(laidFixture, "38,100 146,100 254,100 352,100", "38,117 146,117 254,117 352,117", 1)
	for _, h := range edgesThroughNodes([]byte(graze)) {
		if h.Edge == "edge-1" {
			t.Errorf("a line 17 pt from the centre of a node 18 pt high: %v", h)
		}
	}
}

// TestRouteHandBuilt: the edge through a node is rerouted and then passes
// through none, its arrowhead's tip on its head's outline; the clear edge's
// text is untouched byte for byte; the same input gives the same bytes.
func TestRouteHandBuilt(t *testing.T) {
	laid := []byte(laidFixture)
	rt := routeEdges(laid)
	if len(rt.stuck) > 0 {
		t.Fatalf("stuck: %v", rt.stuck)
	}
	if len(rt.routes) != 2 {
		t.Fatalf("%d routes, want 2 (edge-1 and the membership line)", len(rt.routes))
	}
	if h := edgesThroughNodes(rt.dot); len(h) > 0 {
		t.Errorf("after routing: %v", h)
	}
	for _, clear := range []string{`n0 -> n3	[dir=none, id="edge-2", pos="20,118 20,139 20,141 20,162"];`, `n2	[height=0.5, id="node-c", pos="200,100", shape=ellipse, width=1];`} {
		if !bytes.Contains(rt.dot, []byte(clear)) {
			t.Errorf("%s: changed", clear)
		}
	}
	r := rt.routes["edge-1"]
	if r.head == nil || r.tail != nil {
		t.Fatalf("edge-1's arrowheads: head %v, tail %v", r.head, r.tail)
	}
	// The tip is on n1's outline (an ellipse of 18 × 18 pt), the line ends
	// 10 pt short of it as before.
	tip := r.head.to
	if d := math.Hypot(tip.x-380, tip.y-100); math.Abs(d-18) > 0.1 {
		t.Errorf("tip %v is %.2f pt from n1's centre, want 18", tip, d)
	}
	end := r.ctrl[len(r.ctrl)-1]
	if d := dist(end, tip); math.Abs(d-10) > 0.05 {
		t.Errorf("the line ends %.2f pt from the tip, want 10", d)
	}
	if len(r.ctrl)%3 != 1 {
		t.Errorf("%d control points: not a B-spline", len(r.ctrl))
	}
	// The route goes round n2, above or below it, with room to spare.
	g := parseLaid(rt.dot)
	var l laidLine
	for _, x := range g.lines {
		if x.id == "edge-1" {
			l = x
		}
	}
	idx := newNodeIndex(g.nodes)
	if h := idx.through(g.nodes, l.tail, l.head, fineSamples(l.ctrl), 2); len(h) > 0 {
		t.Errorf("the route comes within 2 pt of %v", h)
	}
	if !strings.Contains(string(rt.dot), `rerouted="true"`) {
		t.Error("the rerouted edge is not marked for placeLabels")
	}
	if again := routeEdges(laid); !bytes.Equal(again.dot, rt.dot) {
		t.Error("two routings of the same layout differ")
	}
	// A layout with nothing in the way is given back as it is.
	clearDOT := strings.ReplaceAll(laidFixture, `pos="200,100"`, `pos="200,10"`)
	clearDOT = strings.ReplaceAll(clearDOT, `pos="20,60", shape=box`, `pos="80,60", shape=box`)
	if rt := routeEdges([]byte(clearDOT)); len(rt.routes) != 0 || !bytes.Equal(rt.dot, []byte(clearDOT)) {
		t.Errorf("a clear layout was changed: %d routes", len(rt.routes))
	}
}

// TestRouteSiblingsApart: two edges between one pair, both through the
// node between them, are rerouted apart.
func TestRouteSiblingsApart(t *testing.T) {
	two := strings.Replace(laidFixture, "\tn0 -> n3", "\tn0 -> n1	[dir=none, id=\"edge-3\", pos=\"38,100 146,100 254,100 362,100\"];\n\tn0 -> n3", 1)
	rt := routeEdges([]byte(two))
	a, b := rt.routes["edge-1"], rt.routes["edge-3"]
	if a == nil || b == nil {
		t.Fatalf("routes: %v", rt.routes)
	}
	// Half way along, one line is well clear of the other.
	pa, pb := fineSamples(a.ctrl), fineSamples(b.ctrl)
	mb := pb[len(pb)/2]
	d := math.Inf(1)
	for _, q := range pa {
		d = math.Min(d, dist(q, mb))
	}
	if d < 6 {
		t.Errorf("the two routes are %.1f pt apart half way", d)
	}
}

// figureCase is a figure of the embedded dataset, or of another, that
// must have no edge through a node.
type figureCase struct {
	name string
	g    *graph.Graph
	o    Options
}

func throughCases(t *testing.T) []figureCase {
	ds := loadDefault(t)
	full := graph.Build(ds, graph.Filter{})
	cs := []figureCase{{"default", full, Options{Layout: "fdp", EdgeLabels: "caption", Seed: DefaultSeed}}}
	for s := 1; s <= 10; s++ {
		cs = append(cs, figureCase{fmt.Sprint("seed", s), full, Options{Layout: "fdp", EdgeLabels: "caption", Seed: s}})
	}
	for _, e := range []string{"neato", "sfdp", "circo", "twopi", "dot"} {
		cs = append(cs, figureCase{e, full, Options{Layout: e, EdgeLabels: "caption", Seed: DefaultSeed}})
	}
	cs = append(cs, figureCase{"no-labels", full, Options{Layout: "fdp", EdgeLabels: "none", Seed: 7}})
	// The other figures of figures.yaml.
	cs = append(cs, figureCase{"print", full, Options{Layout: "fdp", EdgeLabels: "date", Cite: true, Theme: "print", Seed: DefaultSeed}})
	cs = append(cs, figureCase{"as-of-2019", graph.Build(ds, graph.Filter{AsOf: graph.MustDate("2019-06-30"), Window: graph.Window{Years: 2}}), Options{Layout: "fdp", EdgeLabels: "caption", Seed: DefaultSeed}})
	cs = append(cs, figureCase{"focus", graph.Build(ds, graph.Filter{Focus: "kim-jong-un", Depth: 1}), Options{Layout: "fdp", EdgeLabels: "caption", Seed: DefaultSeed}})
	from, to := graph.MustDate("2019-01-01"), graph.MustDate("2025-09-30")
	before := graph.Build(ds, graph.Filter{AsOf: from, Window: graph.DefaultWindow})
	after := graph.Build(ds, graph.Filter{AsOf: to, Window: graph.DefaultWindow})
	cs = append(cs, figureCase{"diff", graph.Union(before, after), Options{Layout: "fdp", EdgeLabels: "none", Seed: DefaultSeed, Overlay: &Overlay{Changes: NewChanges(from, to, graph.Diff(before, after))}}})
	in, err := data.ReadInput("docs/examples/mid-2003.yaml", os.DirFS(".."), nil)
	if err != nil {
		t.Fatal(err)
	}
	mid, err := data.Load(in)
	if err != nil {
		t.Fatal(err)
	}
	cs = append(cs, figureCase{"mid-2003", graph.Build(mid, graph.Filter{}), Options{Layout: "fdp", EdgeLabels: "caption", Seed: DefaultSeed}})
	return cs
}

// TestRouteNoEdgeThroughNodes lays out real figures — the default, fdp
// seeds 1 to 10, every other engine, one without edge text, a focus, a
// diff, another dataset — for painting, and finds no edge through a node
// it does not end at in what is drawn.
func TestRouteNoEdgeThroughNodes(t *testing.T) {
	gv := sharedGraphviz(t)
	ctx := context.Background()
	for _, c := range throughCases(t) {
		t.Run(c.name, func(t *testing.T) {
			f, err := Lay(ctx, gv, c.g, c.o, true)
			if err != nil {
				t.Fatal(err)
			}
			laid := f.panels[0].laid
			if laid == nil {
				t.Fatal("no laid DOT kept")
			}
			if h := edgesThroughNodes(laid); len(h) > 0 {
				t.Errorf("%d edges through nodes: %v", len(h), h)
			}
		})
	}
}

// TestRouteTimeline: every panel of a timeline (figures.yaml's, coloured
// by bloc), drawn on pinned positions, has no edge through a node.
func TestRouteTimeline(t *testing.T) {
	tl := timelineOf(t, "2018-01-01", "2019-01-01", "2024-01-01", "2025-09-30")
	f, err := LayTimeline(context.Background(), sharedGraphviz(t), tl, Options{Layout: "fdp", EdgeLabels: "caption", Seed: DefaultSeed, Overlay: &Overlay{ColorBy: "bloc"}}, true)
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, p := range f.panels {
		if p.laid == nil {
			continue
		}
		n++
		if h := edgesThroughNodes(p.laid); len(h) > 0 {
			t.Errorf("%s: %d edges through nodes: %v", p.id, len(h), h)
		}
	}
	if n != len(tl.Snapshots) {
		t.Errorf("%d panels with a laid graph, want %d", n, len(tl.Snapshots))
	}
}

var (
	svgPathRe  = regexp.MustCompile(`<path\b[^>]*\bd="M([^"]*)"`)
	svgPolyRe  = regexp.MustCompile(`<poly(?:gon|line)\b[^>]*\bpoints="([^"]*)"`)
	svgTitleRe = regexp.MustCompile(`<title>([^<]*)</title>`)
)

// TestRoutesAgree: a rerouted edge is drawn on its new route in all three
// places — the laid DOT's pos, the SVG path and the painter's Bézier — and
// its arrowheads' points in the SVG are the painter's, for engines with
// and without clusters, doubled lines and membership lines among them.
func TestRoutesAgree(t *testing.T) {
	ctx := context.Background()
	gv := sharedGraphviz(t)
	full := graph.Build(loadDefault(t), graph.Filter{})
	for _, c := range []struct {
		engine string
		seed   int
	}{{"fdp", DefaultSeed}, {"fdp", 8}, {"neato", DefaultSeed}, {"twopi", DefaultSeed}} {
		t.Run(fmt.Sprint(c.engine, c.seed), func(t *testing.T) {
			o, _ := Options{Layout: c.engine, EdgeLabels: "caption", Seed: c.seed}.ForGraph(full)
			outs, err := gv.RenderFormats(ctx, dotOf(t, full, o), c.engine, "dot", "svg", "json")
			if err != nil {
				t.Fatal(err)
			}
			rt := routeEdges(outs[0])
			if len(rt.routes) == 0 {
				t.Fatal("nothing rerouted")
			}
			p, ok := moveLabels("g", placeLabels(rt.dot), rt, outs[1:])
			if !ok {
				t.Fatal("the routes could not be written in Graphviz's drawings")
			}
			s := p.svg
			// The painter's Béziers and polygons, as SVG text would write
			// them (Graphviz's coordinates, y negated).
			painted := map[string]bool{}
			for _, sh := range p.layout.shapes {
				var f []string
				for _, q := range sh.points {
					f = append(f, svgCoord(q.x)+","+svgCoord(-q.y))
				}
				painted[strings.Join(f, " ")] = true
				if sh.kind == shapePolygon && len(f) > 0 {
					// The SVG closes a polygon on its first point.
					painted[strings.Join(append(f, f[0]), " ")] = true
				}
			}
			// The pos of each rerouted line in the laid DOT.
			g := parseLaid(rt.dot)
			pos := map[string][]pt{}
			for _, l := range g.lines {
				pos[l.key] = l.ctrl
			}
			seen, doubled := 0, 0
			counts := map[string]int{}
			for _, m := range edgeGroupRe.FindAllStringSubmatchIndex(s.body, -1) {
				id := html.UnescapeString(s.body[m[2]:m[3]])
				rest := s.body[m[1]:]
				if j := strings.Index(rest, `" class="`); j >= 0 {
					rest = rest[:j] // (the comments between groups are gone)
				}
				key := id
				if !rt.keys[key] {
					title := html.UnescapeString(svgTitleRe.FindStringSubmatch(rest)[1])
					key = fmt.Sprintf("%s#%d", title, counts[title])
					counts[title]++
				}
				r, ok := rt.routes[key]
				if !ok {
					continue
				}
				seen++
				paths := svgPathRe.FindAllStringSubmatch(rest, -1)
				if len(paths) > 1 {
					doubled++
				}
				for k, d := range paths {
					pts := strings.Fields(strings.NewReplacer("C", " ", "L", " ").Replace(d[1])) // (L: a leader line)
					if !painted[strings.Join(pts, " ")] {
						t.Errorf("%s: stroke %d drawn in the SVG but not painted: %s", key, k, d[1])
					}
					if len(paths) == 1 {
						want := pos[key]
						if len(want) != len(pts) {
							t.Errorf("%s: %d points in the SVG, %d in pos", key, len(pts), len(want))
							continue
						}
						for j, f := range pts {
							if f != svgCoord(want[j].x)+","+svgCoord(-want[j].y) {
								t.Errorf("%s: point %d is %s in the SVG, %v in pos", key, j, f, want[j])
								break
							}
						}
					}
				}
				for _, poly := range svgPolyRe.FindAllStringSubmatch(rest, -1) {
					if !painted[poly[1]] {
						t.Errorf("%s: arrowhead %s in the SVG, not painted", key, poly[1])
					}
				}
				// The arrowheads sit at the line's new ends.
				for _, a := range []*arrowMove{r.head, r.tail} {
					if a == nil {
						continue
					}
					near := false
					for _, poly := range svgPolyRe.FindAllStringSubmatch(rest, -1) {
						for _, f := range strings.Fields(poly[1]) {
							if q, ok := parseSVGPoint(f); ok && dist(q, a.to) < 15 {
								near = true
							}
						}
					}
					if !near && strings.Contains(rest, "<poly") {
						t.Errorf("%s: no arrowhead near its new tip %v", key, a.to)
					}
				}
			}
			if seen != len(rt.routes) {
				t.Errorf("%d rerouted edges in the SVG, %d routed", seen, len(rt.routes))
			}
			t.Logf("%d rerouted, %d of them doubled lines", seen, doubled)
		})
	}
}

// TestRouteFallbackKeepsRoutes: when the drawings cannot be rewritten and
// Graphviz draws the layout again with every position given (nop2), it
// keeps the new routes.
func TestRouteFallbackKeepsRoutes(t *testing.T) {
	ctx := context.Background()
	gv := sharedGraphviz(t)
	full := graph.Build(loadDefault(t), graph.Filter{})
	o, _ := Options{Layout: "fdp", EdgeLabels: "caption", Seed: DefaultSeed}.ForGraph(full)
	outs, err := gv.RenderFormats(ctx, dotOf(t, full, o), "fdp", "dot")
	if err != nil {
		t.Fatal(err)
	}
	rt := routeEdges(outs[0])
	if len(rt.routes) == 0 {
		t.Fatal("nothing rerouted")
	}
	redrawn, err := gv.Render(ctx, setDOTAttrs(rt.dot, xlpAttrs(placeLabels(rt.dot).moves)), pinEngine, "dot")
	if err != nil {
		t.Fatal(err)
	}
	if h := edgesThroughNodes(redrawn); len(h) > 0 {
		t.Errorf("redrawn by nop2: %d edges through nodes: %v", len(h), h)
	}
}

// TestRouteLabelsFollow: the label of a rerouted edge is placed by its new
// line (within placeLabels' farthest spot from it), not where Graphviz put
// it by the old one.
func TestRouteLabelsFollow(t *testing.T) {
	ctx := context.Background()
	full := graph.Build(loadDefault(t), graph.Filter{})
	for _, seed := range []int{DefaultSeed, 1, 8} {
		o, _ := Options{Layout: "fdp", EdgeLabels: "caption", Seed: seed}.ForGraph(full)
		outs, err := sharedGraphviz(t).RenderFormats(ctx, dotOf(t, full, o), "fdp", "dot")
		if err != nil {
			t.Fatal(err)
		}
		rt := routeEdges(outs[0])
		placed := placeLabels(rt.dot)
		for key, r := range rt.routes {
			m, ok := placed.moves[key]
			if !ok {
				continue
			}
			near := func(p pt) float64 {
				d := math.Inf(1)
				for _, q := range fineSamples(r.ctrl) {
					d = math.Min(d, dist(p, q))
				}
				return d
			}
			if far := 2*(m.w/2+m.h/2+2) + 1; near(m.to) > far {
				t.Errorf("seed %d, %s: label %.0f pt from its new line (at most %.0f)", seed, key, near(m.to), far)
			}
		}
	}
}

// BenchmarkRoute measures routing alone on laid-out graphs: the default
// figure, and the 300-entity synthetic graph with fdp (splines=line, most
// lines through some node) and with sfdp.
//
//	go test ./render -run '^$' -bench Route -benchmem
func BenchmarkRoute(b *testing.B) {
	ctx := context.Background()
	gv := sharedGraphviz(b)
	for _, c := range []struct {
		name   string
		ds     *graph.Dataset
		engine string
	}{{"default", loadDefault(b), "fdp"}, {"300/fdp", graphtest.Synthetic(300, 1), "fdp"}, {"300/sfdp", graphtest.Synthetic(300, 1), "sfdp"}} {
		b.Run(c.name, func(b *testing.B) {
			g := graph.Build(c.ds, graph.Filter{})
			o, _ := Options{Layout: c.engine, EdgeLabels: "caption", Seed: DefaultSeed}.ForGraph(g)
			var dot bytes.Buffer
			if err := graphvizDOT(&dot, g, o); err != nil {
				b.Fatal(err)
			}
			outs, err := gv.RenderFormats(ctx, dot.Bytes(), o.Layout, "dot")
			if err != nil {
				b.Fatal(err)
			}
			var rt *routed
			for b.Loop() {
				rt = routeEdges(outs[0])
			}
			b.ReportMetric(float64(len(rt.routes)), "routes")
			b.ReportMetric(float64(len(rt.stuck)), "stuck")
		})
	}
}

package render

import (
	"context"
	"fmt"
	"math"
	"strings"
	"testing"

	"github.com/dipgraph/dipgraph/graph"
)

// The legibility score on small drawings built by hand, whose answers are
// known: each case is a geometry (nodes, frames, lines, texts in points,
// y up) and every count the score gives.

// gEdge is a line from one entity to another through the points given,
// sampled as readGeometry samples a spline (at most 2 pt apart).
func gEdge(from, to string, pts ...pt) geoEdge {
	return geoEdge{id: "edge-" + from + "-" + to, from: from, to: to, line: densify(pts, 2), color: "#000000", style: "solid", width: 1}
}

// gLabel is edge e's text, a w × h box centred at (x, y).
func gLabel(e int, x, y, w, h float64) geoLabel {
	return geoLabel{edge: e, box: labelBox(pt{x, y}, w, h), fontSize: edgeFont, text: fmt.Sprintf("text of line %d", e), color: "#404040"}
}

// gNode is a node centred at (x, y), w × h, an ellipse or a box.
func gNode(id, country string, x, y, w, h float64, ellipse bool) geoNode {
	return geoNode{id: id, country: country, box: labelBox(pt{x, y}, w, h), ellipse: ellipse, fontSize: 12, text: "#1A1A1A", fill: "#FFFFFF"}
}

// counts are the score's counts, compared whole so that a case also
// shows what it does not count.
type counts struct {
	Crossings, ThroughNode, ThroughFrame        int
	LabelOverlaps, LabelNodeOverlaps, LabelsCut int
	Ambiguous, AmbiguousOtherPair, Far, Keyed   int
	MinCrossingAngle, MaxLabelDistance/* 0.01 pt */ float64
}

func countsOf(s Score) counts {
	return counts{s.Crossings, s.ThroughNode, s.ThroughFrame, s.LabelOverlaps, s.LabelNodeOverlaps, s.LabelsCut,
		s.Ambiguous, s.AmbiguousOtherPair, s.Far, s.Keyed, math.Round(s.MinCrossingAngle*100) / 100, math.Round(s.MaxLabelDistance*100) / 100}
}

func deg(rad float64) float64 { return math.Round(rad*180/math.Pi*100) / 100 }

func TestScoreHandBuilt(t *testing.T) {
	horizontal := func(from, to string, y float64) geoEdge { return gEdge(from, to, pt{0, y}, pt{200, y}) }
	tests := []struct {
		name string
		g    geometry
		want counts
	}{
		{
			// Three straight lines, each crossing the other two once, at
			// three different points; the steepest pair of directions is
			// (50, 60) against the horizontal.
			name: "three crossings",
			g: geometry{edges: []geoEdge{
				gEdge("a0", "a1", pt{0, 0}, pt{100, 0}),
				gEdge("b0", "b1", pt{10, -20}, pt{60, 40}),
				gEdge("c0", "c1", pt{90, -20}, pt{40, 40}),
			}},
			want: counts{Crossings: 3, MinCrossingAngle: deg(math.Atan2(60, 50))},
		},
		{
			// The same three lines, the third now a curve that crosses
			// the first twice: four crossings.
			name: "a line crossing another twice",
			g: geometry{edges: []geoEdge{
				gEdge("a0", "a1", pt{0, 0}, pt{100, 0}),
				gEdge("b0", "b1", pt{10, -20}, pt{60, 40}),
				gEdge("c0", "c1", pt{90, -20}, pt{40, 40}, pt{20, -30}),
			}},
			// Its way back, (-20, -70), meets b's (50, 60) at 23.86°.
			want: counts{Crossings: 5, MinCrossingAngle: deg(math.Atan2(70, 20) - math.Atan2(60, 50))},
		},
		{
			// A line leaving a, dipping under a–b and crossing it: lines
			// that share an end do not count.
			name: "lines sharing an end",
			g: geometry{edges: []geoEdge{
				gEdge("a", "b", pt{0, 0}, pt{100, 0}),
				gEdge("a", "c", pt{0, 0}, pt{50, -20}, pt{50, 20}, pt{100, 20}),
			}},
			want: counts{MinCrossingAngle: 90},
		},
		{
			name: "the same line from another node",
			g: geometry{edges: []geoEdge{
				gEdge("a", "b", pt{0, 0}, pt{100, 0}),
				gEdge("d", "c", pt{0, 0}, pt{50, -20}, pt{50, 20}, pt{100, 20}),
			}},
			want: counts{Crossings: 1, MinCrossingAngle: 90},
		},
		{
			name: "text beside its own line",
			g: geometry{
				edges:  []geoEdge{horizontal("a", "b", 0), horizontal("c", "d", 20)},
				labels: []geoLabel{gLabel(0, 100, 4, 40, 6)},
			},
			want: counts{MinCrossingAngle: 90, MaxLabelDistance: 1},
		},
		{
			// Text 13 pt above a–b and 1 pt below c–d: the reader takes
			// it for c–d's.
			name: "text nearer a line joining another pair",
			g: geometry{
				edges:  []geoEdge{horizontal("a", "b", 0), horizontal("c", "d", 20)},
				labels: []geoLabel{gLabel(0, 100, 16, 40, 6)},
			},
			want: counts{Ambiguous: 1, AmbiguousOtherPair: 1, Far: 1, MinCrossingAngle: 90, MaxLabelDistance: 13},
		},
		{
			// The nearer line joins the same two actors (another type, the
			// other way): ambiguous, but not between pairs.
			name: "text nearer a line of the same pair",
			g: geometry{
				edges:  []geoEdge{horizontal("a", "b", 0), horizontal("b", "a", 20)},
				labels: []geoLabel{gLabel(0, 100, 16, 40, 6)},
			},
			want: counts{Ambiguous: 1, Far: 1, MinCrossingAngle: 90, MaxLabelDistance: 13},
		},
		{
			name: "text 10 pt from its line",
			g: geometry{
				edges:  []geoEdge{horizontal("a", "b", 0)},
				labels: []geoLabel{gLabel(0, 100, 13, 40, 6)},
			},
			want: counts{Far: 1, MinCrossingAngle: 90, MaxLabelDistance: 10},
		},
		{
			name: "text 10 pt from its line with a leader",
			g: geometry{
				edges: []geoEdge{horizontal("a", "b", 0)},
				labels: []geoLabel{func() geoLabel {
					l := gLabel(0, 100, 13, 40, 6)
					l.leader = []pt{{100, 0}, {100, 10}}
					return l
				}()},
			},
			want: counts{MinCrossingAngle: 90},
		},
		{
			name: "text in the key",
			g: geometry{
				edges: []geoEdge{horizontal("a", "b", 0), horizontal("c", "d", 20)},
				labels: []geoLabel{func() geoLabel {
					l := gLabel(0, 100, 0, markerSize, markerSize)
					l.marker = 1
					return l
				}()},
			},
			want: counts{Keyed: 1, MinCrossingAngle: 90},
		},
		{
			// c–d runs straight through a–b's text.
			name: "text cut by another line",
			g: geometry{
				edges:  []geoEdge{horizontal("a", "b", 0), gEdge("c", "d", pt{100, -20}, pt{100, 40})},
				labels: []geoLabel{gLabel(0, 80, 5, 60, 6)},
			},
			want: counts{Crossings: 1, MinCrossingAngle: 90, LabelsCut: 1, Ambiguous: 1, AmbiguousOtherPair: 1, MaxLabelDistance: 2},
		},
		{
			name: "overlapping texts",
			g: geometry{
				edges:  []geoEdge{horizontal("a", "b", 0), horizontal("c", "d", 11)},
				labels: []geoLabel{gLabel(0, 100, 5, 40, 6), gLabel(1, 110, 8, 40, 6)},
			},
			want: counts{LabelOverlaps: 1, MinCrossingAngle: 90, MaxLabelDistance: 2},
		},
		{
			name: "text over a node",
			g: geometry{
				nodes:  []geoNode{gNode("n", "", 100, 20, 40, 20, false)},
				edges:  []geoEdge{horizontal("a", "b", 0)},
				labels: []geoLabel{gLabel(0, 100, 8, 40, 6)},
			},
			want: counts{LabelNodeOverlaps: 1, MinCrossingAngle: 90, MaxLabelDistance: 5},
		},
		{
			// The text's box meets the corner of the ellipse's bounding
			// box, outside the ellipse.
			name: "text by an ellipse's corner",
			g: geometry{
				nodes:  []geoNode{gNode("n", "", 100, 20, 40, 20, true)},
				edges:  []geoEdge{horizontal("a", "b", 0)},
				labels: []geoLabel{gLabel(0, 134, 8, 32, 6)},
			},
			want: counts{MinCrossingAngle: 90, MaxLabelDistance: 5},
		},
		{
			name: "text by a box's corner",
			g: geometry{
				nodes:  []geoNode{gNode("n", "", 100, 20, 40, 20, false)},
				edges:  []geoEdge{horizontal("a", "b", 0)},
				labels: []geoLabel{gLabel(0, 134, 8, 32, 6)},
			},
			want: counts{LabelNodeOverlaps: 1, MinCrossingAngle: 90, MaxLabelDistance: 5},
		},
		{
			// a–b starts and ends inside its own nodes (not counted) and
			// runs through n.
			name: "line through a node",
			g: geometry{
				nodes: []geoNode{
					gNode("a", "", 0, 0, 40, 20, false),
					gNode("b", "", 200, 0, 54, 36, true),
					gNode("n", "", 100, 0, 54, 36, true),
					gNode("m", "", 100, 40, 54, 20, true),
				},
				edges: []geoEdge{horizontal("a", "b", 0)},
			},
			want: counts{ThroughNode: 1, MinCrossingAngle: 90},
		},
		{
			name: "line through its own ends only",
			g: geometry{
				nodes: []geoNode{gNode("a", "", 0, 0, 40, 20, false), gNode("b", "", 200, 0, 54, 36, true)},
				edges: []geoEdge{horizontal("a", "b", 0)},
			},
			want: counts{MinCrossingAngle: 90},
		},
		{
			// x + y = 234 cuts the corner of the box around a circle of
			// radius 20 at (100, 100), 24 pt from its centre.
			name: "line past an ellipse's corner",
			g: geometry{
				nodes: []geoNode{gNode("n", "", 100, 100, 40, 40, true)},
				edges: []geoEdge{gEdge("e", "f", pt{134, 100}, pt{100, 134})},
			},
			want: counts{MinCrossingAngle: 90},
		},
		{
			name: "line through a box's corner",
			g: geometry{
				nodes: []geoNode{gNode("n", "", 100, 100, 40, 40, false)},
				edges: []geoEdge{gEdge("e", "f", pt{134, 100}, pt{100, 134})},
			},
			want: counts{ThroughNode: 1, MinCrossingAngle: 90},
		},
		{
			// a (of p) to b (of q) through x's frame; p's own frame does
			// not count.
			name: "line through another country's frame",
			g: geometry{
				nodes:  []geoNode{gNode("a", "p", 0, 0, 40, 20, false), gNode("b", "q", 300, 0, 40, 20, false)},
				frames: []geoFrame{{country: "x", box: box{100, -30, 200, 30}}, {country: "p", box: box{-30, -20, 30, 20}}},
				edges:  []geoEdge{gEdge("a", "b", pt{20, 0}, pt{280, 0})},
			},
			want: counts{ThroughFrame: 1, MinCrossingAngle: 90},
		},
		{
			name: "line through the frame of an end's country",
			g: geometry{
				nodes:  []geoNode{gNode("a", "p", 0, 0, 40, 20, false), gNode("b", "x", 300, 0, 40, 20, false)},
				frames: []geoFrame{{country: "x", box: box{100, -30, 200, 30}}},
				edges:  []geoEdge{gEdge("a", "b", pt{20, 0}, pt{280, 0})},
			},
			want: counts{MinCrossingAngle: 90},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			s := tc.g.score()
			if got := countsOf(s); got != tc.want {
				t.Errorf("score:\n got %+v\nwant %+v\nproblems:\n  %s", got, tc.want, strings.Join(s.Problems, "\n  "))
			}
			if s.Edges != len(tc.g.edges) || s.Labels != len(tc.g.labels) {
				t.Errorf("edges, labels = %d, %d; want %d, %d", s.Edges, s.Labels, len(tc.g.edges), len(tc.g.labels))
			}
			// Every count names its items.
			c := countsOf(s)
			n := c.ThroughNode + c.ThroughFrame + c.LabelOverlaps + c.LabelNodeOverlaps + c.LabelsCut + c.Ambiguous + c.Far
			if len(s.Problems) != n {
				t.Errorf("%d problems listed, want %d:\n  %s", len(s.Problems), n, strings.Join(s.Problems, "\n  "))
			}
		})
	}
}

// TestScoreCrossingsFound checks where the three crossings are, not just how
// many.
func TestScoreCrossingsFound(t *testing.T) {
	g := geometry{edges: []geoEdge{
		gEdge("a0", "a1", pt{0, 0}, pt{100, 0}),
		gEdge("b0", "b1", pt{10, -20}, pt{60, 40}),
		gEdge("c0", "c1", pt{90, -20}, pt{40, 40}),
	}}
	want := []crossing{{a: 0, b: 1, at: pt{10 + 50.0/3, 0}}, {a: 0, b: 2, at: pt{90 - 50.0/3, 0}}, {a: 1, b: 2, at: pt{50, 28}}}
	got := g.crossings()
	if len(got) != len(want) {
		t.Fatalf("crossings = %+v, want %d", got, len(want))
	}
	for i, c := range got {
		w := want[i]
		if c.a != w.a || c.b != w.b || math.Hypot(c.at.x-w.at.x, c.at.y-w.at.y) > 0.01 {
			t.Errorf("crossing %d = %d×%d at %.2f,%.2f; want %d×%d at %.2f,%.2f", i, c.a, c.b, c.at.x, c.at.y, w.a, w.b, w.at.x, w.at.y)
		}
	}
	if a := got[2].angle; math.Abs(a-(180-2*math.Atan2(60, 50)*180/math.Pi)) > 0.01 {
		t.Errorf("b×c angle = %.2f°", a)
	}
}

// TestScoreLines checks the contrast, width and text sizes a figure's
// score reports, on a one-panel figure at 96 px to the inch.
func TestScoreLines(t *testing.T) {
	g := &geometry{
		nodes: []geoNode{gNode("a", "", 0, 0, 40, 20, false), gNode("b", "", 200, 0, 40, 20, false)},
		edges: []geoEdge{
			gEdge("a", "b", pt{0, 0}, pt{200, 0}),
			gEdge("b", "a", pt{0, 40}, pt{200, 40}),
			gEdge("a", "c", pt{0, 80}, pt{200, 80}), // the same style as a–b: listed once
			{from: "a", to: "x", line: []pt{{0, 0}, {0, 100}}, color: "#000000", style: "solid", width: 1, member: true},
		},
		labels: []geoLabel{gLabel(0, 100, 4, 40, 6)},
	}
	g.edges[0].color = "#777777"
	g.edges[1].color, g.edges[1].style, g.edges[1].width = "#56B4E9", "dotted", 1.5
	g.edges[2].color = "#777777"
	f := &Figure{Width: 200, Height: 100, background: "#FFFFFF",
		panels: []*panel{{id: "figure-graph", svg: &graphvizSVG{width: 200, height: 100, vb: [4]float64{0, 0, 200, 100}}, geom: g}}}
	s := f.Score(Display{"px", 4.0 / 3})
	want := []LineStyle{
		{Color: "#56B4E9", Style: "dotted", Width: 2, Contrast: 2.31}, // Okabe–Ito sky blue
		{Color: "#777777", Style: "solid", Width: 1.3, Contrast: 4.48},
	}
	if fmt.Sprint(s.Lines) != fmt.Sprint(want) {
		t.Errorf("Lines = %+v, want %+v", s.Lines, want)
	}
	if s.MinLineContrast != 2.31 {
		t.Errorf("MinLineContrast = %v, want 2.31", s.MinLineContrast)
	}
	// The text of line 0 is #404040 on white (10.37:1), the names #1A1A1A
	// (17.40:1).
	if s.MinTextContrast != 10.37 {
		t.Errorf("MinTextContrast = %v, want 10.37", s.MinTextContrast)
	}
	if s.TextUnit != "px" || s.MinEdgeText != 11.33 || s.MinNameText != 16 || s.MinText != 11.33 {
		t.Errorf("text = %s %v (edge %v, names %v), want px 11.33 (11.33, 16)", s.TextUnit, s.MinText, s.MinEdgeText, s.MinNameText)
	}
	// In print: points, at half size.
	if p := f.Score(Display{"pt", 0.5}); p.TextUnit != "pt" || p.MinEdgeText != 4.25 || p.Lines[1].Width != 0.5 {
		t.Errorf("at half size in pt: %s edge text %v, line width %v; want pt 4.25, 0.5", p.TextUnit, p.MinEdgeText, p.Lines[1].Width)
	}
	// On a dark background the same lines rank the other way.
	f.background = "#1E2228"
	d := f.Score(Display{"px", 4.0 / 3})
	if d.Lines[0].Color != "#777777" || d.Lines[0].Contrast != math.Round(contrastRatio("#777777", "#1E2228")*100)/100 {
		t.Errorf("on #1E2228: Lines = %+v", d.Lines)
	}
}

// laidTiny is DOT as Graphviz's fdp writes it for a two-country figure
// (render -f dot, laid out): a country and its leader in a cluster, another
// country, a hostility and a summit with external labels.
const laidTiny = `digraph tiny {
	graph [bb="-35.741,0,285.98,220.59",
		id=relations,
		splines=curved
	];
	node [fontname=Helvetica,
		fontsize=12,
		label="\N"
	];
	edge [fontcolor="#404040",
		fontname=Helvetica,
		fontsize=8.5
	];
	subgraph cluster_0 {
		graph [bb="0,74.973,285.98,220.59",
			id="cluster-a",
			label=""
		];
		n0	[fillcolor="#E8EEF4",
			fontcolor="#1A1A1A",
			fontsize=15,
			height=0.5,
			id="node-a",
			label=<<B>Alpha</B>>,
			pos="45.234,192.59",
			shape=box,
			width=0.97872];
		n2	[fillcolor="#FFFFFF",
			fontcolor="#1A1A1A",
			height=0.5,
			id="node-p",
			label=Pat,
			pos="248.98,102.97",
			shape=ellipse,
			width=0.75];
	}
	n1	[fillcolor="#E8EEF4",
		fontcolor="#1A1A1A",
		fontsize=15,
		height=0.5,
		id="node-b",
		label=<<B>Beta</B>>,
		pos="40.424,18",
		shape=box,
		width=0.85156];
	n0 -> n1	[arrowhead=tee,
		color="#D55E00",
		id="edge-1",
		penwidth=1.88,
		pos="e,33.439,36.486 37.545,174.16 11.276,110.7 10.238,99.212 31.714,41.122",
		xlabel="shelling, 2020",
		xlp="-9.5129,110.52"];
	n1 -> n2	[color="#3A3A3A:#FFFFFF",
		id="edge-2",
		penwidth=1.5,
		pos="s,71.372,17.376 e,232.24,88.739 80.625,17.319 141.77,17.334 158.19,26.2 225.16,82.743",
		style="dashed,bold",
		xlabel="talks,\n2020",
		xlp="142.11,40.219"];
}
`

func tinyDataset() *graph.Dataset {
	return &graph.Dataset{ID: "tiny", Entities: []graph.Entity{
		{ID: "a", Kind: graph.KindCountry, Name: "Alpha"},
		{ID: "b", Kind: graph.KindCountry, Name: "Beta"},
		{ID: "p", Kind: graph.KindLeader, Name: "Pat", Country: "a"},
	}}
}

func TestScoreReadGeometry(t *testing.T) {
	g := readGeometry([]byte(laidTiny), nil, tinyDataset())
	near := func(a, b float64) bool { return math.Abs(a-b) < 0.01 }
	nearBox := func(a, b box) bool {
		return near(a.x0, b.x0) && near(a.y0, b.y0) && near(a.x1, b.x1) && near(a.y1, b.y1)
	}

	wantNodes := []geoNode{
		{id: "a", country: "a", box: labelBox(pt{45.234, 192.59}, 0.97872*72, 36), fontSize: 15, text: "#1A1A1A", fill: "#E8EEF4"},
		{id: "p", country: "a", box: labelBox(pt{248.98, 102.97}, 54, 36), ellipse: true, fontSize: 12, text: "#1A1A1A", fill: "#FFFFFF"},
		{id: "b", country: "b", box: labelBox(pt{40.424, 18}, 0.85156*72, 36), fontSize: 15, text: "#1A1A1A", fill: "#E8EEF4"},
	}
	if len(g.nodes) != len(wantNodes) {
		t.Fatalf("%d nodes, want %d: %+v", len(g.nodes), len(wantNodes), g.nodes)
	}
	for i, w := range wantNodes {
		n := g.nodes[i]
		if n.id != w.id || n.country != w.country || !nearBox(n.box, w.box) || n.ellipse != w.ellipse || n.fontSize != w.fontSize || n.text != w.text || n.fill != w.fill {
			t.Errorf("node %d = %+v, want %+v", i, n, w)
		}
	}
	if len(g.frames) != 1 || g.frames[0].country != "a" || !nearBox(g.frames[0].box, box{0, 74.973, 285.98, 220.59}) {
		t.Errorf("frames = %+v, want a's at 0,74.973,285.98,220.59", g.frames)
	}

	if len(g.edges) != 2 {
		t.Fatalf("%d edges, want 2: %+v", len(g.edges), g.edges)
	}
	e1, e2 := g.edges[0], g.edges[1]
	if e1.id != "edge-1" || e1.from != "a" || e1.to != "b" || e1.color != "#D55E00" || e1.style != "solid" || e1.width != 1.88 || e1.member {
		t.Errorf("edge 1 = %s %s→%s %s %s %v", e1.id, e1.from, e1.to, e1.color, e1.style, e1.width)
	}
	if e2.id != "edge-2" || e2.from != "b" || e2.to != "p" || e2.color != "#3A3A3A" || e2.style != "dashed" || e2.width != 1.5 {
		t.Errorf("edge 2 = %s %s→%s %s %s %v", e2.id, e2.from, e2.to, e2.color, e2.style, e2.width)
	}
	// The line is the spline from its first control point to its last,
	// arrowhead ends (e,… s,…) left out, sampled at most 2 pt apart.
	for _, c := range []struct {
		e           geoEdge
		first, last pt
	}{{e1, pt{37.545, 174.16}, pt{31.714, 41.122}}, {e2, pt{80.625, 17.319}, pt{225.16, 82.743}}} {
		l := c.e.line
		if f, z := l[0], l[len(l)-1]; math.Hypot(f.x-c.first.x, f.y-c.first.y) > 0.01 || math.Hypot(z.x-c.last.x, z.y-c.last.y) > 0.01 {
			t.Errorf("%s runs %v to %v, want %v to %v", c.e.id, f, z, c.first, c.last)
		}
		for i := 1; i < len(l); i++ {
			if d := math.Hypot(l[i].x-l[i-1].x, l[i].y-l[i-1].y); d > 2.01 {
				t.Errorf("%s: points %d and %d are %.2f pt apart", c.e.id, i-1, i, d)
				break
			}
		}
	}

	if len(g.labels) != 2 {
		t.Fatalf("%d labels, want 2: %+v", len(g.labels), g.labels)
	}
	w, h := labelSize("shelling, 2020", 8.5)
	if l := g.labels[0]; l.edge != 0 || l.text != "shelling, 2020" || l.fontSize != 8.5 || l.color != "#404040" || !nearBox(l.box, labelBox(pt{-9.5129, 110.52}, w, h)) || l.leader != nil || l.marker != 0 {
		t.Errorf("label 0 = %+v", l)
	}
	w, h = labelSize(`talks,\n2020`, 8.5)
	if l := g.labels[1]; l.edge != 1 || l.text != "talks, 2020" || !nearBox(l.box, labelBox(pt{142.11, 40.219}, w, h)) || h < 2*8.5 {
		t.Errorf("label 1 = %+v (two lines: %.1f pt high)", l, h)
	}

	// Moves win over the DOT's xlp: a text moved off with a leader, and
	// one put in the key, its disc on the line.
	disc := e2.line[len(e2.line)/2]
	moves := map[string]labelMove{
		"edge-1": {to: pt{-20, 100}, w: 50, h: 12, leader: &[2]pt{{20, 100}, {5, 100}}},
		"edge-2": {to: disc, w: markerSize, h: markerSize, marker: 3},
	}
	g = readGeometry([]byte(laidTiny), moves, tinyDataset())
	if l := g.labels[0]; !nearBox(l.box, box{-45, 94, 5, 106}) || len(l.leader) != 2 || l.leader[0] != (pt{20, 100}) {
		t.Errorf("moved label 0 = %+v", l)
	}
	if l := g.labels[1]; l.marker != 3 || !nearBox(l.box, labelBox(disc, markerSize, markerSize)) {
		t.Errorf("keyed label 1 = %+v", l)
	}
	s := g.score()
	if s.Keyed != 1 || s.Far != 0 {
		t.Errorf("keyed %d, far %d; want 1, 0", s.Keyed, s.Far)
	}

	// Without the dataset, nodes have no country.
	if g := readGeometry([]byte(laidTiny), nil, nil); g.nodes[1].country != "" {
		t.Errorf("without data, p's country = %q", g.nodes[1].country)
	}
}

// TestScoreReadGeometryGraphviz reads the geometry of a DOT Graphviz laid out
// itself, and checks it against the DOT's own drawing: every node of the
// figure, every line starting at its tail's outline and ending at its
// head's, every text where Graphviz put it.
func TestScoreReadGeometryGraphviz(t *testing.T) {
	ds := tinyDataset()
	ds.Sources = []graph.Source{{ID: "s", Title: "A source"}}
	ds.Records = []graph.Record{
		{Type: "summit", Parties: []string{"p", "b"}, Start: graph.MustDate("2020"), Weight: 2, Label: "talks", Source: "s"},
		{Type: "hostility", Parties: []string{"a", "b"}, Directed: true, Start: graph.MustDate("2020"), Weight: 3, Label: "shelling", Source: "s"},
	}
	g := graph.Build(ds, graph.Filter{})
	var dot strings.Builder
	if err := graphvizDOT(&dot, g, Options{Layout: "fdp", Seed: DefaultSeed, EdgeLabels: "caption"}); err != nil {
		t.Fatal(err)
	}
	outs, err := sharedGraphviz(t).RenderFormats(context.Background(), []byte(dot.String()), "fdp", "dot")
	if err != nil {
		t.Fatal(err)
	}
	geo := readGeometry(outs[0], nil, ds)
	if len(geo.nodes) != 3 || len(geo.edges) != 2 || len(geo.labels) != 2 || len(geo.frames) != 1 {
		t.Fatalf("%d nodes, %d edges, %d labels, %d frames; want 3, 2, 2, 1\n%s", len(geo.nodes), len(geo.edges), len(geo.labels), len(geo.frames), outs[0])
	}
	byID := map[string]geoNode{}
	for _, n := range geo.nodes {
		byID[n.id] = n
	}
	for _, e := range geo.edges {
		from, to := byID[e.from], byID[e.to]
		if from.id == "" || to.id == "" {
			t.Errorf("%s: ends %q, %q are not nodes", e.id, e.from, e.to)
			continue
		}
		first, last := e.line[0], e.line[len(e.line)-1]
		// Arrowheads (a summit's dots, a hostility's bar) are left out of
		// the line, so it may stop short of a node by the head's length.
		if d := pointBoxDistance(first, from.box); d > 12 {
			t.Errorf("%s starts %.1f pt from %s", e.id, d, e.from)
		}
		if d := pointBoxDistance(last, to.box); d > 12 {
			t.Errorf("%s ends %.1f pt from %s", e.id, d, e.to)
		}
	}
	for _, l := range geo.labels {
		if d := lineBoxDistance(geo.edges[l.edge].line, l.box); d > 80 {
			t.Errorf("%q is %.1f pt from its line", l.text, d)
		}
	}
	if p := byID["p"]; p.country != "a" || !p.ellipse {
		t.Errorf("p = %+v, want an ellipse of country a", p)
	}
	if a := byID["a"]; a.ellipse || a.fontSize <= byID["p"].fontSize {
		t.Errorf("a = %+v, want a box with larger text than p's", a)
	}
}

package render

import (
	"cmp"
	"html"
	"math"
	"strconv"
	"strings"

	"github.com/dipgraph/dipgraph/graph"
)

// The geometry of a laid-out relation graph, as a reader sees it: every
// node's outline, every country's frame, every line as drawn and every
// piece of edge text where it finally sits. It is read from the layout
// Graphviz annotated (DOT with positions) after every placement step —
// labels moved, lines rerouted — so it is the drawing that the SVG, PNG
// and PDF show. The legibility score (legibility.go) measures it, and the
// layout search (candidates.go) compares layouts by it. Coordinates are
// Graphviz points, y up, of the panel the graph is drawn in.

// geometry is one relation graph panel's drawing.
type geometry struct {
	nodes  []geoNode
	frames []geoFrame
	edges  []geoEdge
	labels []geoLabel
}

// geoNode is a node's outline: an ellipse inscribed in box, or the box.
type geoNode struct {
	id       string // entity id
	country  string // the country it belongs to: itself for a country
	box      box
	ellipse  bool
	fontSize float64
	text     string // #rrggbb of its name
	fill     string
}

// inside reports whether p lies inside the node's outline shrunk by in
// points.
func (n *geoNode) inside(p pt, in float64) bool {
	cx, cy := (n.box.x0+n.box.x1)/2, (n.box.y0+n.box.y1)/2
	rx, ry := (n.box.x1-n.box.x0)/2-in, (n.box.y1-n.box.y0)/2-in
	if rx <= 0 || ry <= 0 {
		return false
	}
	dx, dy := p.x-cx, p.y-cy
	if n.ellipse {
		return (dx/rx)*(dx/rx)+(dy/ry)*(dy/ry) < 1
	}
	return math.Abs(dx) < rx && math.Abs(dy) < ry
}

// overlapsBox reports whether box b meets the node's outline (for an
// ellipse: whether the point of b nearest its centre lies inside it).
func (n *geoNode) overlapsBox(b box) bool {
	if n.box.overlap(b) <= 0 {
		return false
	}
	if !n.ellipse {
		return true
	}
	cx, cy := (n.box.x0+n.box.x1)/2, (n.box.y0+n.box.y1)/2
	p := pt{min(max(cx, b.x0), b.x1), min(max(cy, b.y0), b.y1)}
	return n.inside(p, 0)
}

// geoFrame is a country's shaded frame around its people.
type geoFrame struct {
	country string
	box     box
}

// geoEdge is a drawn line: a relation, or the thin line tying a person to
// their country.
type geoEdge struct {
	id       string // "edge-N", or "" for a membership line
	from, to string // entity ids
	line     []pt   // the spline sampled at most 2 pt apart, arrowheads excluded
	color    string // #rrggbb (the first of a colour list)
	style    string // solid, dashed, dotted
	width    float64
	member   bool
}

// pair is the edge's two ends in a fixed order.
func (e *geoEdge) pair() [2]string {
	if e.from < e.to {
		return [2]string{e.from, e.to}
	}
	return [2]string{e.to, e.from}
}

// ends reports whether the edge ends at node id.
func (e *geoEdge) ends(id string) bool { return e.from == id || e.to == id }

// geoLabel is an edge's text where it is drawn.
type geoLabel struct {
	edge     int // index in geometry.edges
	box      box
	fontSize float64
	text     string
	color    string
	leader   []pt // a leader line from the text to its edge, if any
	marker   int  // > 0: the text is in the key, under this number, and box is the marker's
}

// readGeometry reads the geometry of a laid-out graph: DOT as Graphviz
// wrote it with positions (its nodes and lines as the router reads them,
// parseLaid), the labels' final places (moves, which win over the DOT's
// own xlp and lp), and the dataset for the countries people belong to.
func readGeometry(laid []byte, moves map[string]labelMove, d *graph.Dataset) *geometry {
	g := &geometry{}
	country := func(id string) string {
		if d == nil {
			return ""
		}
		e, ok := d.Entity(id)
		switch {
		case !ok:
			return ""
		case e.Kind == graph.KindCountry:
			return e.ID
		}
		return e.Country
	}
	lg := parseLaid(laid)
	// Sizes and text colours set once for every edge or node (edge
	// [fontsize=…, fontcolor=…]), which DOT does not repeat on each; and
	// the country frames.
	edgeFont, nodeFont := labelFont, 14.0
	edgeColor, nodeColor := "", ""
	for _, l := range lg.lists {
		switch {
		case isStatement(laid, l, "edge"):
			if v, err := strconv.ParseFloat(l.get("fontsize"), 64); err == nil {
				edgeFont = v
			}
			if c := firstColor(l.get("fontcolor")); c != "" {
				edgeColor = c
			}
		case isStatement(laid, l, "node"):
			if v, err := strconv.ParseFloat(l.get("fontsize"), 64); err == nil {
				nodeFont = v
			}
			if c := firstColor(l.get("fontcolor")); c != "" {
				nodeColor = c
			}
		case isStatement(laid, l, "graph"):
			if c, ok := strings.CutPrefix(l.get("id"), "cluster-"); ok {
				if b, ok := parseBox(l.get("bb")); ok {
					g.frames = append(g.frames, geoFrame{country: c, box: b})
				}
			}
		}
	}
	entity := make([]string, len(lg.nodes)) // each node's entity id
	for i, rn := range lg.nodes {
		eid, ok := strings.CutPrefix(rn.id, "node-")
		if !ok {
			continue
		}
		entity[i] = eid
		l := &lg.lists[rn.list]
		n := geoNode{id: eid, country: country(eid), box: rn.box(0), ellipse: rn.round() || rn.shape == "point",
			fontSize: nodeFont, text: cmp.Or(firstColor(l.get("fontcolor")), nodeColor), fill: firstColor(l.get("fillcolor"))}
		if v, err := strconv.ParseFloat(l.get("fontsize"), 64); err == nil {
			n.fontSize = v
		}
		g.nodes = append(g.nodes, n)
	}
	for _, ln := range lg.lines {
		l := &lg.lists[ln.list]
		e := geoEdge{id: ln.id, from: entity[ln.tail], to: entity[ln.head], line: sampleSplineStep(ln.ctrl, 2),
			color: firstColor(l.get("color")), style: lineStyle(l.get("style")), width: 1, member: ln.id == ""}
		if v, err := strconv.ParseFloat(l.get("penwidth"), 64); err == nil {
			e.width = v
		}
		g.edges = append(g.edges, e)
		text, attr := l.get("xlabel"), "xlp"
		if text == "" {
			text, attr = l.get("label"), "lp"
		}
		if text == "" || e.id == "" {
			continue
		}
		font := edgeFont
		if v, err := strconv.ParseFloat(l.get("fontsize"), 64); err == nil {
			font = v
		}
		w, h := labelSize(text, font)
		var at pt
		var leader []pt
		marker := 0
		if m, ok := moves[e.id]; ok {
			at, w, h, marker = m.to, m.w, m.h, m.marker
			if m.leader != nil {
				leader = m.leader[:]
			}
		} else if q, ok := parsePoints(l.get(attr)); ok && len(q) == 1 {
			at = q[0]
		} else {
			continue
		}
		g.labels = append(g.labels, geoLabel{edge: len(g.edges) - 1, box: labelBox(at, w, h),
			fontSize: font, text: dotLabelText(text), color: cmp.Or(firstColor(l.get("fontcolor")), edgeColor), leader: leader, marker: marker})
	}
	return g
}

// firstColor is the first colour of a Graphviz colour list ("#a:#b",
// "#a;0.5:#b"), or "" when there is none.
func firstColor(s string) string {
	s, _, _ = strings.Cut(s, ":")
	s, _, _ = strings.Cut(s, ";")
	return strings.TrimSpace(s)
}

// lineStyle is the dash pattern named in a Graphviz style list.
func lineStyle(style string) string {
	for f := range strings.SplitSeq(style, ",") {
		switch f = strings.TrimSpace(f); f {
		case "dashed", "dotted":
			return f
		}
	}
	return "solid"
}

// labelSize is the box, in points, that edge text takes at size: the width
// of its widest line, and its lines' height, with a little room.
func labelSize(text string, size float64) (w, h float64) {
	rows := strings.Split(text, `\n`)
	for _, r := range rows {
		w = math.Max(w, textWidth(html.UnescapeString(strings.ReplaceAll(r, `\\`, `\`)), size))
	}
	return w + 4, float64(len(rows))*size*1.2 + 2
}

// dotLabelText is DOT label text as a reader sees it.
func dotLabelText(s string) string {
	s = strings.ReplaceAll(strings.ReplaceAll(strings.ReplaceAll(s, `,\n`, ", "), `:\n`, ": "), `\n`, "; ")
	return html.UnescapeString(strings.ReplaceAll(s, `\\`, `\`))
}

// sampleSplineStep turns a Graphviz B-spline's control points (1 + 3k)
// into points at most step points apart along the curve.
func sampleSplineStep(c []pt, step float64) []pt {
	if len(c) < 4 {
		return densify(c, step)
	}
	out := []pt{c[0]}
	for i := 0; i+3 < len(c); i += 3 {
		out = appendBezier(out, c[i], c[i+1], c[i+2], c[i+3], step)
	}
	return out
}

// densify puts points into a polyline so that none is more than step
// points from the next.
func densify(line []pt, step float64) []pt {
	if len(line) < 2 {
		return line
	}
	out := []pt{line[0]}
	for i := 1; i < len(line); i++ {
		a, b := line[i-1], line[i]
		n := max(1, int(math.Ceil(math.Hypot(b.x-a.x, b.y-a.y)/step)))
		for k := 1; k <= n; k++ {
			t := float64(k) / float64(n)
			out = append(out, pt{a.x + t*(b.x-a.x), a.y + t*(b.y-a.y)})
		}
	}
	return out
}

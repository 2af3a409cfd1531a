package render

import (
	"bytes"
	"cmp"
	"fmt"
	"html"
	"math"
	"slices"
	"strconv"
	"strings"
)

// Edge labels without collisions. The force-directed engines (fdp, neato,
// sfdp…) place nodes without regard to edge text and then drop each
// external label (xlabel) near its edge wherever it overlaps least, which
// in a dense centre still stacks labels on each other. So a figure with
// edge text is laid out in two passes: the engine places nodes and routes
// edges, then placeLabels moves each label to the free spot along its own
// edge — clear of nodes, of the labels already placed and, where it can
// be, of other edges' lines — and Graphviz draws the result with every
// position kept (its nop2 engine, as "neato -n2").

// labelFont is Graphviz's size of text when DOT gives none.
const labelFont = 14.0

type box struct{ x0, y0, x1, y1 float64 }

func (b box) overlap(o box) float64 {
	w := math.Min(b.x1, o.x1) - math.Max(b.x0, o.x0)
	h := math.Min(b.y1, o.y1) - math.Max(b.y0, o.y0)
	if w <= 0 || h <= 0 {
		return 0
	}
	return w * h
}

// union is the box around b and o; the zero box is empty.
func (b box) union(o box) box {
	switch {
	case b == (box{}):
		return o
	case o == (box{}):
		return b
	}
	return box{math.Min(b.x0, o.x0), math.Min(b.y0, o.y0), math.Max(b.x1, o.x1), math.Max(b.y1, o.y1)}
}

type pt struct{ x, y float64 }

// touches reports whether two boxes meet (a flat box — a horizontal or
// vertical segment — has no area to overlap with).
func touches(a, b box) bool {
	return a.x0 <= b.x1 && b.x0 <= a.x1 && a.y0 <= b.y1 && b.y0 <= a.y1
}

// clips reports whether the segment p–q passes through box b
// (Liang–Barsky clipping).
func clips(b box, p, q pt) bool {
	t0, t1 := 0.0, 1.0
	dx, dy := q.x-p.x, q.y-p.y
	for _, c := range [4][2]float64{{-dx, p.x - b.x0}, {dx, b.x1 - p.x}, {-dy, p.y - b.y0}, {dy, b.y1 - p.y}} {
		switch {
		case c[0] == 0:
			if c[1] < 0 {
				return false
			}
		case c[0] < 0:
			t0 = math.Max(t0, c[1]/c[0])
		default:
			t1 = math.Min(t1, c[1]/c[0])
		}
		if t0 > t1 {
			return false
		}
	}
	return true
}

// laidEdge is an edge of a laid-out graph with its text.
type laidEdge struct {
	id   string
	n    int  // its line's index among all lines
	line []pt // the edge's spline, sampled
	w, h float64
	font float64 // its text's size
	at   pt      // Graphviz's own placement of the label
	// rerouted: the edge's line is dipgraph's own (routeEdges), not the
	// one Graphviz placed the label by.
	rerouted bool
}

// labelMove is an edge's external label as Graphviz placed it (from) and as
// placeLabels moves it (to), centres in Graphviz points, and its box's size.
type labelMove struct {
	from, to pt
	w, h     float64
	// leader, when set, is a thin line in the edge's colour from a point
	// on the edge to the nearest point of the text's box.
	leader *[2]pt
	// marker > 0: the text goes into the figure's numbered key, and a
	// small disc with this number sits on the edge at to (w × h is the
	// disc's box), its number at font points.
	marker int
	font   float64
}

// xlpAttrs are the moved labels' positions as DOT attributes (xlp), for
// drawing the layout again with them given (setDOTAttrs).
func xlpAttrs(moves map[string]labelMove) map[string][2]string {
	out := make(map[string][2]string, len(moves))
	for id, m := range moves {
		out[id] = [2]string{"xlp", fmt.Sprintf("%.2f,%.2f", m.to.x, m.to.y)}
	}
	return out
}

// laidLabels is what placeLabels found and decided: per edge id, where its
// external label was and where it goes; the graph's bounding box as
// Graphviz gave it (labels at their old places included); and the box of
// everything but the edge labels (nodes, clusters, edges with their
// arrowheads' tips).
type laidLabels struct {
	moves       map[string]labelMove
	bb, content box
}

// placeLabels reads DOT that Graphviz annotated with a layout and moves
// each edge's external label to a free spot along its edge.
func placeLabels(laid []byte) laidLabels {
	var bb box
	var nodes []box
	var edges []*laidEdge
	var lines [][]pt
	var content box
	take := func(b box) { content = content.union(b) }
	font := labelFont // edge text's size: the edge defaults', or the edge's own
	for _, l := range dotAttrLists(laid) {
		id := l.get("id")
		switch {
		case isStatement(laid, l, "edge"):
			if f, err := strconv.ParseFloat(l.get("fontsize"), 64); err == nil && f > 0 {
				font = f
			}
		case id == "relations":
			bb, _ = parseBox(l.get("bb"))
		case l.get("bb") != "":
			// A cluster.
			if b, ok := parseBox(l.get("bb")); ok {
				take(b)
			}
		case strings.HasPrefix(id, "node-"):
			p, ok := parsePoints(l.get("pos"))
			w, err1 := strconv.ParseFloat(l.get("width"), 64)
			h, err2 := strconv.ParseFloat(l.get("height"), 64)
			if ok && len(p) == 1 && err1 == nil && err2 == nil {
				w, h = w*72/2+2, h*72/2+2
				nodes = append(nodes, box{p[0].x - w, p[0].y - h, p[0].x + w, p[0].y + h})
			}
		case l.get("pos") != "":
			p, ends, ok := parsePos(l.get("pos"))
			if !ok || len(p) < 2 {
				continue
			}
			line := sampleSpline(p)
			lines = append(lines, line)
			for _, q := range line {
				take(box{q.x, q.y, q.x, q.y})
			}
			for _, q := range ends {
				take(box{q.x, q.y, q.x, q.y})
			}
			text := l.get("xlabel")
			if !strings.HasPrefix(id, "edge-") || text == "" {
				continue
			}
			e := &laidEdge{id: id, line: line, n: len(lines) - 1, rerouted: l.get("rerouted") == "true"}
			size := font
			if f, err := strconv.ParseFloat(l.get("fontsize"), 64); err == nil && f > 0 {
				size = f
			}
			e.font = size
			rows := strings.Split(text, `\n`)
			for _, r := range rows {
				e.w = math.Max(e.w, textWidth(html.UnescapeString(strings.ReplaceAll(r, `\\`, `\`)), size))
			}
			e.w += 4
			e.h = float64(len(rows))*size*1.2 + 2
			if at, ok := parsePoints(l.get("xlp")); ok && len(at) == 1 {
				e.at = at[0]
			}
			edges = append(edges, e)
		}
	}
	for _, n := range nodes {
		take(n)
	}
	if len(edges) == 0 {
		return laidLabels{bb: bb, content: content}
	}
	// The area the labels may use: the drawing's bounding box, grown to
	// take in anything outside it.
	area := bb.union(content)
	g := newGrid(area, 36)
	for _, n := range nodes {
		g.add(n)
	}
	segs := newSegmentGrid(area, 24, lines)
	// Big labels first: they have the fewest places to go.
	order := slices.Clone(edges)
	slices.SortStableFunc(order, func(a, b *laidEdge) int { return cmp.Compare(b.w*b.h, a.w*a.h) })
	labels := newGrid(area, 36)
	out := make(map[string]labelMove, len(edges))
	var leaders [][2]pt
	for _, e := range order {
		m, ok := besideLine(e, g, labels, segs, leaders)
		if !ok {
			m, ok = withLeader(e, g, labels, segs, leaders, nodes, 5, false)
		}
		if !ok {
			m = onMarker(e, g, labels, segs, leaders, nodes)
		}
		if m.leader != nil {
			leaders = append(leaders, *m.leader)
		}
		labels.add(box{m.to.x - m.w/2, m.to.y - m.h/2, m.to.x + m.w/2, m.to.y + m.h/2})
		out[e.id] = m
	}
	// Texts that could not sit by their line are numbered in the order
	// the edges are drawn, so the key reads as the figure does.
	var keyed []*laidEdge
	for _, e := range edges {
		if out[e.id].marker > 0 {
			keyed = append(keyed, e)
		}
	}
	for i, e := range keyed {
		m := out[e.id]
		m.marker = i + 1
		out[e.id] = m
	}
	return laidLabels{moves: out, bb: bb, content: content}
}

// isStatement reports whether the attribute list l of DOT text is that of
// a default statement (graph, node or edge [...]).
func isStatement(dot []byte, l dotAttrList, keyword string) bool {
	before := bytes.TrimRight(dot[:l.start], " \t\r\n")
	if !bytes.HasSuffix(before, []byte(keyword)) {
		return false
	}
	before = before[:len(before)-len(keyword)]
	return len(before) == 0 || bytes.ContainsAny(before[len(before)-1:], " \t\r\n{;")
}

// parseBox reads a Graphviz box ("llx,lly,urx,ury").
func parseBox(s string) (box, bool) {
	f := strings.Split(s, ",")
	if len(f) != 4 {
		return box{}, false
	}
	var v [4]float64
	for i := range f {
		var err error
		if v[i], err = strconv.ParseFloat(strings.TrimSpace(f[i]), 64); err != nil {
			return box{}, false
		}
	}
	return box{v[0], v[1], v[2], v[3]}, true
}

// parsePoints reads Graphviz points ("x,y x,y …"), dropping the e,/s,
// markers of a spline's end points (the arrowheads' tips).
func parsePoints(s string) ([]pt, bool) {
	out, _, ok := parsePos(s)
	return out, ok
}

// parsePos reads an edge's pos: the spline's points, and apart from them
// the arrowheads' tips ("e,x,y", "s,x,y").
func parsePos(s string) (points, ends []pt, ok bool) {
	for f := range strings.FieldsSeq(s) {
		end := strings.HasPrefix(f, "e,") || strings.HasPrefix(f, "s,")
		if end {
			f = f[2:]
		}
		xs, ys, ok := strings.Cut(f, ",")
		x, err1 := strconv.ParseFloat(xs, 64)
		y, err2 := strconv.ParseFloat(strings.TrimSuffix(ys, "!"), 64)
		if !ok || err1 != nil || err2 != nil {
			return nil, nil, false
		}
		if end {
			ends = append(ends, pt{x, y})
		} else {
			points = append(points, pt{x, y})
		}
	}
	return points, ends, len(points) > 0
}

// sampleSpline turns a Graphviz B-spline's control points (1 + 3k) into
// points about 6 pt apart along the curve (a chord that long strays less than a quarter point from the curves Graphviz draws).
func sampleSpline(c []pt) []pt {
	if len(c) < 4 {
		return c
	}
	var out []pt
	for i := 0; i+3 < len(c); i += 3 {
		p0, p1, p2, p3 := c[i], c[i+1], c[i+2], c[i+3]
		if i == 0 {
			out = append(out, p0)
		}
		if flat(p0, p1, p2, p3) {
			out = append(out, p3)
			continue
		}
		l := math.Hypot(p1.x-p0.x, p1.y-p0.y) + math.Hypot(p2.x-p1.x, p2.y-p1.y) + math.Hypot(p3.x-p2.x, p3.y-p2.y)
		n := max(2, int(l/6))
		for k := 0; k <= n; k++ {
			if k == 0 {
				continue
			}
			t := float64(k) / float64(n)
			a, b, cc, d := (1-t)*(1-t)*(1-t), 3*t*(1-t)*(1-t), 3*t*t*(1-t), t*t*t
			out = append(out, pt{a*p0.x + b*p1.x + cc*p2.x + d*p3.x, a*p0.y + b*p1.y + cc*p2.y + d*p3.y})
		}
	}
	return out
}

// flat reports whether a Bézier segment is a straight line to within a
// quarter of a point (Graphviz draws splines=line edges as such), so that it
// is one segment rather than many short ones.
func flat(p0, p1, p2, p3 pt) bool {
	dx, dy := p3.x-p0.x, p3.y-p0.y
	l := math.Hypot(dx, dy)
	if l == 0 {
		return p1 == p0 && p2 == p0
	}
	off := func(p pt) float64 { return math.Abs((p.x-p0.x)*dy-(p.y-p0.y)*dx) / l }
	inside := func(p pt) bool { d := (p.x-p0.x)*dx + (p.y-p0.y)*dy; return d >= 0 && d <= l*l }
	return off(p1) <= 0.25 && off(p2) <= 0.25 && inside(p1) && inside(p2)
}

// cumLength is the length of the polyline up to each of its points.
func cumLength(line []pt) []float64 {
	cum := make([]float64, len(line))
	for i := 1; i < len(line); i++ {
		cum[i] = cum[i-1] + math.Hypot(line[i].x-line[i-1].x, line[i].y-line[i-1].y)
	}
	return cum
}

// along returns the point at fraction f of the polyline's length (cum, from
// cumLength) and the unit normal there.
func along(line []pt, cum []float64, f float64) (pt, pt) {
	if len(line) < 2 {
		return line[0], pt{0, 1}
	}
	want := f * cum[len(cum)-1]
	i, _ := slices.BinarySearch(cum, want)
	i = min(max(i, 1), len(line)-1)
	dx, dy := line[i].x-line[i-1].x, line[i].y-line[i-1].y
	seg := cum[i] - cum[i-1]
	if seg == 0 {
		return line[i], pt{0, 1}
	}
	t := min(max((want-cum[i-1])/seg, 0), 1)
	return pt{line[i-1].x + t*dx, line[i-1].y + t*dy}, pt{-dy / seg, dx / seg}
}

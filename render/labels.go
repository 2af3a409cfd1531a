package render

import (
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

// labelFont is the size of edge text (DOT's edge fontsize).
const labelFont = 8.5

type box struct{ x0, y0, x1, y1 float64 }

func (b box) overlap(o box) float64 {
	w := math.Min(b.x1, o.x1) - math.Max(b.x0, o.x0)
	h := math.Min(b.y1, o.y1) - math.Max(b.y0, o.y0)
	if w <= 0 || h <= 0 {
		return 0
	}
	return w * h
}

// outside is the area of b outside o.
func (b box) outside(o box) float64 {
	return (b.x1-b.x0)*(b.y1-b.y0) - b.overlap(o)
}

type pt struct{ x, y float64 }

// grid is a uniform spatial hash of boxes and points, so each candidate
// spot is checked against what is near it only.
type grid struct {
	cell   float64
	boxes  map[[2]int][]int
	all    []box
	points map[[2]int][]pt
	owner  map[[2]int][]int // the edge each point belongs to
}

func newGrid(cell float64) *grid {
	return &grid{cell: cell, boxes: map[[2]int][]int{}, points: map[[2]int][]pt{}, owner: map[[2]int][]int{}}
}

func (g *grid) key(x, y float64) [2]int {
	return [2]int{int(math.Floor(x / g.cell)), int(math.Floor(y / g.cell))}
}

func (g *grid) addBox(b box) {
	i := len(g.all)
	g.all = append(g.all, b)
	k0, k1 := g.key(b.x0, b.y0), g.key(b.x1, b.y1)
	for x := k0[0]; x <= k1[0]; x++ {
		for y := k0[1]; y <= k1[1]; y++ {
			g.boxes[[2]int{x, y}] = append(g.boxes[[2]int{x, y}], i)
		}
	}
}

func (g *grid) addPoint(p pt, edge int) {
	k := g.key(p.x, p.y)
	g.points[k] = append(g.points[k], p)
	g.owner[k] = append(g.owner[k], edge)
}

// boxOverlap is the total area of b over the boxes in the grid.
func (g *grid) boxOverlap(b box) float64 {
	k0, k1 := g.key(b.x0, b.y0), g.key(b.x1, b.y1)
	seen := map[int]bool{}
	a := 0.0
	for x := k0[0]; x <= k1[0]; x++ {
		for y := k0[1]; y <= k1[1]; y++ {
			for _, i := range g.boxes[[2]int{x, y}] {
				if !seen[i] {
					seen[i] = true
					a += b.overlap(g.all[i])
				}
			}
		}
	}
	return a
}

// pointsIn counts the line points inside b: those of edge self and those
// of other edges.
func (g *grid) pointsIn(b box, self int) (own, other int) {
	k0, k1 := g.key(b.x0, b.y0), g.key(b.x1, b.y1)
	for x := k0[0]; x <= k1[0]; x++ {
		for y := k0[1]; y <= k1[1]; y++ {
			k := [2]int{x, y}
			for i, p := range g.points[k] {
				if p.x >= b.x0 && p.x <= b.x1 && p.y >= b.y0 && p.y <= b.y1 {
					if g.owner[k][i] == self {
						own++
					} else {
						other++
					}
				}
			}
		}
	}
	return own, other
}

// laidEdge is an edge of a laid-out graph with its text.
type laidEdge struct {
	id   string
	n    int  // its line's index among all lines
	line []pt // the edge's spline, sampled
	w, h float64
	at   pt // Graphviz's own placement of the label
}

// placeLabels reads DOT that Graphviz annotated with a layout and returns,
// per edge id, the new position of its external label ("xlp").
func placeLabels(laid []byte) map[string][2]string {
	var bb box
	var nodes []box
	var edges []*laidEdge
	var lines [][]pt
	for _, l := range dotAttrLists(laid) {
		id := l.get("id")
		switch {
		case id == "relations":
			if v, ok := parsePoints(strings.ReplaceAll(l.get("bb"), ",", " ")); ok && len(v) == 2 {
				bb = box{v[0].x, v[0].y, v[1].x, v[1].y}
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
			p, ok := parsePoints(l.get("pos"))
			if !ok || len(p) < 2 {
				continue
			}
			line := sampleSpline(p)
			lines = append(lines, line)
			text := l.get("xlabel")
			if !strings.HasPrefix(id, "edge-") || text == "" {
				continue
			}
			e := &laidEdge{id: id, line: line, n: len(lines) - 1}
			rows := strings.Split(text, `\n`)
			for _, r := range rows {
				e.w = math.Max(e.w, textWidth(html.UnescapeString(strings.ReplaceAll(r, `\\`, `\`)), labelFont))
			}
			e.w += 4
			e.h = float64(len(rows))*labelFont*1.2 + 2
			if at, ok := parsePoints(l.get("xlp")); ok && len(at) == 1 {
				e.at = at[0]
			}
			edges = append(edges, e)
		}
	}
	if len(edges) == 0 {
		return nil
	}
	g := newGrid(36)
	for _, n := range nodes {
		g.addBox(n)
	}
	for i, line := range lines {
		for _, p := range line {
			g.addPoint(p, i)
		}
	}
	// Big labels first: they have the fewest places to go.
	order := slices.Clone(edges)
	slices.SortStableFunc(order, func(a, b *laidEdge) int { return cmp.Compare(b.w*b.h, a.w*a.h) })
	labels := newGrid(36)
	out := map[string][2]string{}
	for _, e := range order {
		best, bestScore := e.at, math.Inf(1)
		try := func(c pt, penalty float64) {
			b := box{c.x - e.w/2, c.y - e.h/2, c.x + e.w/2, c.y + e.h/2}
			s := penalty
			s += 12 * g.boxOverlap(b)
			s += 20 * labels.boxOverlap(b)
			if bb != (box{}) {
				s += 20 * b.outside(bb)
			}
			own, other := g.pointsIn(b, e.n)
			s += 25*float64(other) + 4*float64(own)
			if s < bestScore {
				best, bestScore = c, s
			}
		}
		if e.at != (pt{}) {
			try(e.at, 30)
		}
		for _, f := range []float64{0.5, 0.44, 0.56, 0.38, 0.62, 0.32, 0.68, 0.26, 0.74, 0.2, 0.8, 0.14, 0.86} {
			p, n := along(e.line, f)
			clear := math.Abs(n.x)*e.w/2 + math.Abs(n.y)*e.h/2 + 2
			pen := 60 * math.Abs(f-0.5)
			for _, d := range []float64{clear, -clear, 2 * clear, -2 * clear} {
				extra := 0.0
				if math.Abs(d) > clear {
					extra = 15
				}
				try(pt{p.x + n.x*d, p.y + n.y*d}, pen+extra)
			}
		}
		labels.addBox(box{best.x - e.w/2, best.y - e.h/2, best.x + e.w/2, best.y + e.h/2})
		out[e.id] = [2]string{"xlp", fmt.Sprintf("%.2f,%.2f", best.x, best.y)}
	}
	return out
}

// parsePoints reads Graphviz points ("x,y x,y …"), dropping the e,/s,
// markers of a spline's end points (the arrowheads' tips).
func parsePoints(s string) ([]pt, bool) {
	var out []pt
	for _, f := range strings.Fields(s) {
		if strings.HasPrefix(f, "e,") || strings.HasPrefix(f, "s,") {
			continue
		}
		xs, ys, ok := strings.Cut(f, ",")
		x, err1 := strconv.ParseFloat(xs, 64)
		y, err2 := strconv.ParseFloat(strings.TrimSuffix(ys, "!"), 64)
		if !ok || err1 != nil || err2 != nil {
			return nil, false
		}
		out = append(out, pt{x, y})
	}
	return out, len(out) > 0
}

// sampleSpline turns a Graphviz B-spline's control points (1 + 3k) into
// points about 4 pt apart along the curve.
func sampleSpline(c []pt) []pt {
	if len(c) < 4 {
		return c
	}
	var out []pt
	for i := 0; i+3 < len(c); i += 3 {
		p0, p1, p2, p3 := c[i], c[i+1], c[i+2], c[i+3]
		l := math.Hypot(p1.x-p0.x, p1.y-p0.y) + math.Hypot(p2.x-p1.x, p2.y-p1.y) + math.Hypot(p3.x-p2.x, p3.y-p2.y)
		n := max(2, int(l/4))
		for k := 0; k <= n; k++ {
			if k == 0 && i > 0 {
				continue
			}
			t := float64(k) / float64(n)
			a, b, cc, d := (1-t)*(1-t)*(1-t), 3*t*(1-t)*(1-t), 3*t*t*(1-t), t*t*t
			out = append(out, pt{a*p0.x + b*p1.x + cc*p2.x + d*p3.x, a*p0.y + b*p1.y + cc*p2.y + d*p3.y})
		}
	}
	return out
}

// along returns the point at fraction f of the polyline's length and the
// unit normal there.
func along(line []pt, f float64) (pt, pt) {
	total := 0.0
	for i := 1; i < len(line); i++ {
		total += math.Hypot(line[i].x-line[i-1].x, line[i].y-line[i-1].y)
	}
	want := f * total
	for i := 1; i < len(line); i++ {
		seg := math.Hypot(line[i].x-line[i-1].x, line[i].y-line[i-1].y)
		if want <= seg || i == len(line)-1 {
			t := 0.0
			if seg > 0 {
				t = math.Min(1, want/seg)
			}
			dx, dy := line[i].x-line[i-1].x, line[i].y-line[i-1].y
			if seg == 0 {
				dx, dy, seg = 1, 0, 1
			}
			return pt{line[i-1].x + t*dx, line[i-1].y + t*dy}, pt{-dy / seg, dx / seg}
		}
		want -= seg
	}
	return line[0], pt{0, 1}
}

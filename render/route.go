package render

import (
	"bytes"
	"container/heap"
	"fmt"
	"html"
	"math"
	"slices"
	"strconv"
	"strings"
)

// Lines that avoid other actors. The force-directed engines route each
// edge as a curve between its two nodes without regard to the nodes in
// between, so a line can run through a person it does not involve — and a
// reader then takes it for a relation of that person. Graphviz's own
// obstacle-avoiding splines (splines=true) clear every node but bend most
// lines and add many crossings; so dipgraph keeps Graphviz's layout and
// reroutes only the few edges that pass through a node (routeEdges): the
// shortest path around the other nodes in a visibility graph over the
// corners of their shapes, with crossings of other lines costing extra,
// smoothed into a spline whose every corner is rounded as far as it stays
// clear. The new route is written in the three places the layout is
// drawn from — the laid DOT's pos (which placeLabels reads), Graphviz's SVG
// and its drawing operations (json) — with the arrowheads turned and moved
// as a whole to the line's new ends.

// routeNode is a node of a laid-out graph as Graphviz gives it in its DOT
// output: name, id, shape, centre and half sizes, in points.
type routeNode struct {
	name, id, shape string
	c               pt
	rx, ry          float64
	list            int // its attribute list among the DOT's
}

// round reports whether the node's shape is an ellipse (ellipse, oval,
// circle); every other shape is taken as its box.
func (n *routeNode) round() bool {
	switch n.shape {
	case "", "ellipse", "oval", "circle", "doublecircle":
		return true
	}
	return false
}

// inside reports whether p lies strictly inside the node's shape grown by
// grow points (shrunk when grow is negative).
func (n *routeNode) inside(p pt, grow float64) bool {
	a, b := n.rx+grow, n.ry+grow
	if a <= 0 || b <= 0 {
		return false
	}
	dx, dy := p.x-n.c.x, p.y-n.c.y
	if n.round() {
		return (dx/a)*(dx/a)+(dy/b)*(dy/b) < 1
	}
	return math.Abs(dx) < a && math.Abs(dy) < b
}

// hits reports whether the segment p–q meets the node's shape grown by
// grow points.
func (n *routeNode) hits(p, q pt, grow float64) bool {
	a, b := n.rx+grow, n.ry+grow
	if a <= 0 || b <= 0 {
		return false
	}
	if !n.round() {
		return clips(box{n.c.x - a, n.c.y - b, n.c.x + a, n.c.y + b}, p, q)
	}
	// In the ellipse's own scale it is the unit circle: the segment meets
	// it when its nearest point to the centre is within 1.
	ux, uy := (p.x-n.c.x)/a, (p.y-n.c.y)/b
	vx, vy := (q.x-n.c.x)/a, (q.y-n.c.y)/b
	dx, dy := vx-ux, vy-uy
	t := 0.0
	if l := dx*dx + dy*dy; l > 0 {
		t = min(max(-(ux*dx+uy*dy)/l, 0), 1)
	}
	x, y := ux+t*dx, uy+t*dy
	return x*x+y*y < 1
}

// outline reports whether p lies inside the node as Graphviz draws it:
// ellipses as ellipses, the regular polygons (hexagon, octagon…) as
// polygons, everything else as its box. Lines are clipped to it.
func (n *routeNode) outline(p pt) bool {
	sides := map[string]int{"triangle": 3, "pentagon": 5, "hexagon": 6, "septagon": 7, "octagon": 8}[n.shape]
	if sides == 0 {
		return n.inside(p, 0)
	}
	if !n.inside(p, 0) {
		return false
	}
	// Graphviz's regular polygons have a flat bottom and are stretched to
	// fill the node's box.
	var vs []pt
	lo, hi := pt{math.Inf(1), math.Inf(1)}, pt{math.Inf(-1), math.Inf(-1)}
	for k := range sides {
		a := -math.Pi/2 + math.Pi/float64(sides) + 2*math.Pi*float64(k)/float64(sides)
		v := pt{math.Cos(a), math.Sin(a)}
		vs = append(vs, v)
		lo, hi = pt{math.Min(lo.x, v.x), math.Min(lo.y, v.y)}, pt{math.Max(hi.x, v.x), math.Max(hi.y, v.y)}
	}
	for k := range vs {
		vs[k] = pt{n.c.x - n.rx + (vs[k].x-lo.x)/(hi.x-lo.x)*2*n.rx, n.c.y - n.ry + (vs[k].y-lo.y)/(hi.y-lo.y)*2*n.ry}
	}
	for k := range vs {
		a, b := vs[k], vs[(k+1)%len(vs)]
		if (b.x-a.x)*(p.y-a.y)-(b.y-a.y)*(p.x-a.x) < 0 {
			return false
		}
	}
	return true
}

// laidLine is an edge of a laid-out graph: a relation, or a thin
// membership line in the engines without clusters.
type laidLine struct {
	key        string // id, or "tail->head#k" for the k-th line without one between those nodes
	id         string
	tail, head int // node indices
	ctrl       []pt
	tipS, tipE *pt // the arrowheads' tips (pos's s, and e), if any
	list       int // its attribute list among the DOT's
}

// laidGraph is the nodes and lines of DOT that Graphviz annotated with a
// layout.
type laidGraph struct {
	lists []dotAttrList
	nodes []routeNode
	lines []laidLine
}

// parseLaid reads the nodes (with pos, width and height) and the edges
// (with pos) of laid DOT. Invisible nodes are no obstacle and are left
// out; an edge whose ends are not both such nodes is left out too.
func parseLaid(laid []byte) *laidGraph {
	g := &laidGraph{lists: dotAttrLists(laid)}
	byName := map[string]int{}
	type pending struct {
		tail, head string
		l          int
	}
	var edges []pending
	prev := 0
	for i, l := range g.lists {
		stmt := string(laid[prev:l.start])
		prev = l.end
		if j := strings.LastIndexAny(stmt, "{};"); j >= 0 {
			stmt = stmt[j+1:]
		}
		stmt = strings.TrimSpace(stmt)
		if tail, head, ok := strings.Cut(stmt, "->"); ok {
			edges = append(edges, pending{dotName(tail), dotName(head), i})
			continue
		}
		if tail, head, ok := strings.Cut(stmt, "--"); ok {
			edges = append(edges, pending{dotName(tail), dotName(head), i})
			continue
		}
		switch stmt {
		case "", "graph", "node", "edge":
			continue
		}
		p, ok := parsePoints(l.get("pos"))
		w, err1 := strconv.ParseFloat(l.get("width"), 64)
		h, err2 := strconv.ParseFloat(l.get("height"), 64)
		if !ok || len(p) != 1 || err1 != nil || err2 != nil || strings.Contains(l.get("style"), "invis") {
			continue
		}
		byName[dotName(stmt)] = len(g.nodes)
		g.nodes = append(g.nodes, routeNode{name: dotName(stmt), id: l.get("id"), shape: l.get("shape"), c: p[0], rx: w * 36, ry: h * 36, list: i})
	}
	seen := map[string]int{}
	for _, e := range edges {
		l := &g.lists[e.l]
		t, ok1 := byName[e.tail]
		h, ok2 := byName[e.head]
		ctrl, ends, ok := parsePos(l.get("pos"))
		if !ok1 || !ok2 || !ok || len(ctrl) < 2 || strings.Contains(l.get("style"), "invis") {
			continue
		}
		ln := laidLine{id: l.get("id"), tail: t, head: h, ctrl: ctrl, list: e.l}
		if ln.key = ln.id; ln.key == "" {
			k := e.tail + "->" + e.head
			ln.key = fmt.Sprintf("%s#%d", k, seen[k])
			seen[k]++
		}
		// parsePos keeps the tips in the order written: s before e.
		pos := l.get("pos")
		n := 0
		for f := range strings.FieldsSeq(pos) {
			switch {
			case strings.HasPrefix(f, "s,") && n < len(ends):
				ln.tipS = &ends[n]
				n++
			case strings.HasPrefix(f, "e,") && n < len(ends):
				ln.tipE = &ends[n]
				n++
			}
		}
		g.lines = append(g.lines, ln)
	}
	return g
}

// dotName is a node name as DOT writes it, unquoted.
func dotName(s string) string {
	s = strings.TrimSpace(s)
	if i := strings.IndexByte(s, ':'); i > 0 && s[0] != '"' {
		s = s[:i] // a port
	}
	return unquoteDOT(s)
}

// throughHit is an edge that passes through a node it does not end at.
type throughHit struct {
	Edge     string // the edge's id, or "tail->head#k" for a line without one (a membership line)
	From, To string // the ids of the nodes it joins (node-…)
	Node     string // the id of the node it passes through
}

// edgesThroughNodes lists, for laid DOT (Graphviz's "dot" output), every
// edge that passes through a node it does not end at, once per such node,
// in the DOT's order. This is the definition the legibility score uses:
//
//   - a node's shape is the ellipse (shapes ellipse, oval, circle) or the
//     box (every other shape) of centre pos and size width × height
//     (inches × 72), as Graphviz gives them;
//   - an edge is a relation or a membership line; its ends are its DOT
//     tail and head;
//   - it passes through a node it does not end at when some point of its
//     drawn spline (the B-spline of its pos sampled at steps of at most
//     2 pt, the arrowheads left out) lies inside that node's shape shrunk
//     by 1 pt.
func edgesThroughNodes(laid []byte) []throughHit {
	g := parseLaid(laid)
	idx := newNodeIndex(g.nodes)
	var out []throughHit
	for _, l := range g.lines {
		for _, n := range idx.through(g.nodes, l.tail, l.head, fineSamples(l.ctrl), -1) {
			out = append(out, throughHit{Edge: l.key, From: g.nodes[l.tail].id, To: g.nodes[l.head].id, Node: g.nodes[n].id})
		}
	}
	return out
}

// nodeIndex is a grid of the nodes' boxes.
type nodeIndex struct{ g *grid }

func newNodeIndex(nodes []routeNode) nodeIndex {
	var area box
	for _, n := range nodes {
		area = area.union(n.box(0))
	}
	g := newGrid(area, 48)
	for _, n := range nodes {
		g.add(n.box(0))
	}
	return nodeIndex{g}
}

func (n *routeNode) box(grow float64) box {
	return box{n.c.x - n.rx - grow, n.c.y - n.ry - grow, n.c.x + n.rx + grow, n.c.y + n.ry + grow}
}

// near calls f for each node whose box grown by grow meets b.
func (ix nodeIndex) near(nodes []routeNode, b box, grow float64, f func(i int)) {
	ix.g.near(box{b.x0 - grow, b.y0 - grow, b.x1 + grow, b.y1 + grow}, func(i int32) {
		if touches(nodes[i].box(grow), b) {
			f(int(i))
		}
	})
}

// through is the nodes, other than tail and head, that some point of
// line lies inside of, grown by grow (in index order).
func (ix nodeIndex) through(nodes []routeNode, tail, head int, line []pt, grow float64) []int {
	var hit []int
	for _, p := range line {
		ix.near(nodes, box{p.x, p.y, p.x, p.y}, grow, func(i int) {
			if i != tail && i != head && !slices.Contains(hit, i) && nodes[i].inside(p, grow) {
				hit = append(hit, i)
			}
		})
	}
	slices.Sort(hit)
	return hit
}

// fineSamples samples a B-spline's control points (1 + 3k) at steps of at
// most 2 pt along the curve: the samples the legibility score reads a line
// by (geometry.go), so a route is checked as it will be measured.
func fineSamples(c []pt) []pt { return sampleSplineStep(c, 2) }

// appendBezier appends the points of one cubic Bézier after its start, at
// most step points apart.
func appendBezier(out []pt, p0, p1, p2, p3 pt, step float64) []pt {
	// A cubic Bézier runs at most 3 × its longest control leg per unit
	// of t, so this many even steps in t are each at most step long.
	l := 3 * max(dist(p0, p1), dist(p1, p2), dist(p2, p3))
	n := max(1, int(math.Ceil(l/step)))
	for k := 1; k <= n; k++ {
		t := float64(k) / float64(n)
		a, b, c, d := (1-t)*(1-t)*(1-t), 3*t*(1-t)*(1-t), 3*t*t*(1-t), t*t*t
		out = append(out, pt{a*p0.x + b*p1.x + c*p2.x + d*p3.x, a*p0.y + b*p1.y + c*p2.y + d*p3.y})
	}
	return out
}

func dist(a, b pt) float64 { return math.Hypot(b.x-a.x, b.y-a.y) }

// Clearances, in points: the visibility graph's corners lie vertexClear
// outside each node's shape (siblingClear more at a time for an edge
// between the same two nodes as another, until the middles of their lines
// are siblingGap apart), its segments keep segmentClear, and a smoothed
// corner keeps curveClear.
const (
	vertexClear  = 9.0
	siblingClear = 8.0
	siblingGap   = 6.0
	segmentClear = 6.0
	curveClear   = 2.5
	// crossingCost is what a crossing of another edge's line costs, in
	// points of extra length.
	crossingCost = 80.0
	// maxCrossingCounts bounds the steps of one search whose crossings
	// are counted in a graph of more than manyLines lines (the rest cost
	// their length): in a dense graph every count walks past many lines.
	maxCrossingCounts = 40
	manyLines         = 300
	// maxWork bounds the work of the searches of one graph in all (the
	// steps queued, and an eighth of the line segments looked at for
	// crossings): about a second here. Routing stops there, and the edges
	// not rerouted are reported. (The 300-entity synthetic graph takes
	// half of it with fdp; a graph that needs more is a hairball, of
	// thousands of lines through nodes.)
	maxWork = 4_000_000
	// cornerRadius is the most a corner of a route is rounded by.
	cornerRadius = 40.0
	// maxObstacles bounds the nodes one route's search takes in (see
	// search), and so the work of one route in a large graph.
	maxObstacles = 40
)

// routed is what routeEdges did to a laid-out graph.
type routed struct {
	dot    []byte            // the laid DOT, with the new routes' pos
	routes map[string]*route // by line key
	keys   map[string]bool   // every line's key, to tell an edge's id from Graphviz's own
	stuck  []throughHit      // edges still through a node: no clear route was found
	bound  bool              // the work bound (maxWork) was reached
}

// route is one edge's new line: its B-spline's control points and how each
// arrowhead moves with its end.
type route struct {
	old, ctrl  []pt
	head, tail *arrowMove
}

// arrowMove turns an arrowhead rigidly about its old tip and moves it to the
// new one: p ↦ to + R(p − from).
type arrowMove struct {
	from, to pt
	cos, sin float64
}

func (m *arrowMove) apply(p pt) pt {
	dx, dy := p.x-m.from.x, p.y-m.from.y
	return roundPt(pt{m.to.x + m.cos*dx - m.sin*dy, m.to.y + m.sin*dx + m.cos*dy})
}

func roundPt(p pt) pt { return pt{math.Round(p.x*100) / 100, math.Round(p.y*100) / 100} }

// router routes the edges of one laid-out graph.
type router struct {
	g     *laidGraph
	nodes nodeIndex
	segs  *lineGrid // every line, and the new routes as they are made
	owner []int     // each of segs's lines' line, or -1 for a line's old route
	work  int       // the searches' steps so far (see maxWork)
	// rerouted is the new control points of the lines rerouted so far.
	rerouted map[int][]pt
}

// routeEdges reroutes the edges of laid DOT that pass through a node they
// do not end at (edgesThroughNodes) around the other nodes, leaving every
// other edge as Graphviz drew it. The same DOT gives the same routes.
func routeEdges(laid []byte) *routed {
	g := parseLaid(laid)
	r := &routed{dot: laid, keys: map[string]bool{}}
	for _, l := range g.lines {
		r.keys[l.key] = true
	}
	idx := newNodeIndex(g.nodes)
	var offending []int
	hits := map[int][]int{}
	for i, l := range g.lines {
		if h := idx.through(g.nodes, l.tail, l.head, fineSamples(l.ctrl), -1); len(h) > 0 {
			offending = append(offending, i)
			hits[i] = h
		}
	}
	if len(offending) == 0 {
		return r
	}
	lines := make([][]pt, len(g.lines))
	var area box
	for i, l := range g.lines {
		lines[i] = sampleSpline(l.ctrl)
		for _, p := range lines[i] {
			area = area.union(box{p.x, p.y, p.x, p.y})
		}
	}
	for _, n := range g.nodes {
		area = area.union(n.box(0))
	}
	rt := &router{g: g, nodes: idx, segs: newLineGrid(area, 32), rerouted: map[int][]pt{}}
	for i := range lines {
		rt.segs.add(lines[i])
		rt.owner = append(rt.owner, i)
	}
	r.routes = map[string]*route{}
	set := map[int][][2]string{}
	drawn := map[int]int{} // each rerouted line's route in rt.segs
	for _, i := range offending {
		l := &g.lines[i]
		nr, ok := rt.route(i, hits[i])
		if !ok {
			for _, n := range hits[i] {
				r.stuck = append(r.stuck, throughHit{Edge: l.key, From: g.nodes[l.tail].id, To: g.nodes[l.head].id, Node: g.nodes[n].id})
			}
			continue
		}
		r.routes[l.key] = nr
		rt.owner[i] = -1
		rt.rerouted[i] = nr.ctrl
		drawn[i] = int(rt.segs.add(sampleSpline(nr.ctrl)))
		rt.owner = append(rt.owner, i)
	}
	// Each route was sought among the lines as they were then, some of
	// which were rerouted after it: in a graph of a few lines, each is
	// sought once more among the lines as they are now, and the new
	// route kept when it crosses fewer.
	if len(g.lines) <= manyLines {
		for _, i := range offending {
			l := &g.lines[i]
			old, ok := r.routes[l.key]
			if !ok || rt.work >= maxWork {
				continue
			}
			rt.owner[drawn[i]] = -1
			before := rt.lineCrossings(i, sampleSpline(old.ctrl))
			nr, ok := rt.route(i, hits[i])
			if !ok || rt.lineCrossings(i, sampleSpline(nr.ctrl)) >= before {
				rt.owner[drawn[i]] = i
				continue
			}
			r.routes[l.key] = nr
			rt.rerouted[i] = nr.ctrl
			drawn[i] = int(rt.segs.add(sampleSpline(nr.ctrl)))
			rt.owner = append(rt.owner, i)
		}
	}
	r.bound = rt.work+rt.segs.visited/8 >= maxWork
	for _, i := range offending {
		l := &g.lines[i]
		if nr, ok := r.routes[l.key]; ok {
			set[l.list] = [][2]string{{"pos", posString(nr)}, {"rerouted", "true"}}
		}
	}
	if len(set) > 0 {
		r.dot = setListAttrs(laid, g.lists, set)
	}
	return r
}

// posString writes a route as an edge's pos.
func posString(r *route) string {
	var b strings.Builder
	if r.tail != nil {
		fmt.Fprintf(&b, "s,%s,%s ", num(r.tail.to.x), num(r.tail.to.y))
	}
	if r.head != nil {
		fmt.Fprintf(&b, "e,%s,%s ", num(r.head.to.x), num(r.head.to.y))
	}
	for i, p := range r.ctrl {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(num(p.x) + "," + num(p.y))
	}
	return b.String()
}

// setListAttrs rewrites the attribute lists of DOT (lists, from
// dotAttrLists) numbered in set: each attribute there gets its value,
// replacing the old one or added at the end.
func setListAttrs(dot []byte, lists []dotAttrList, set map[int][][2]string) []byte {
	var b bytes.Buffer
	last := 0
	for i, l := range lists {
		kvs, ok := set[i]
		if !ok {
			continue
		}
		b.Write(dot[last:l.start])
		b.WriteByte('[')
		done := make([]bool, len(kvs))
		for j, a := range l.attrs {
			if j > 0 {
				b.WriteString(", ")
			}
			for k, kv := range kvs {
				if a[0] == kv[0] {
					a[1] = `"` + kv[1] + `"`
					done[k] = true
				}
			}
			b.WriteString(a[0] + "=" + a[1])
		}
		for k, kv := range kvs {
			if !done[k] {
				if b.Len() > 0 && b.Bytes()[b.Len()-1] != '[' {
					b.WriteString(", ")
				}
				b.WriteString(kv[0] + `="` + kv[1] + `"`)
			}
		}
		b.WriteByte(']')
		last = l.end
	}
	b.Write(dot[last:])
	return b.Bytes()
}

// lineGrid is a uniform grid of lines' segments: each cell lists the
// segments that pass through it, so that the segments a query segment
// crosses are found by walking the cells along it. A crossing is counted
// in the cell it lies in, and so once.
type lineGrid struct {
	x0, y0, cell float64
	nx, ny       int
	cells        [][]segRef
	lines        [][]pt
	visited      int // segments looked at by crossings, for the work bound
}

// segRef is segment k (points k−1 and k) of line i.
type segRef struct{ i, k int32 }

func newLineGrid(area box, cell float64) *lineGrid {
	w, h := math.Max(area.x1-area.x0, 1), math.Max(area.y1-area.y0, 1)
	cell = math.Max(cell, math.Sqrt(w*h/maxGridCells))
	g := &lineGrid{x0: area.x0, y0: area.y0, cell: cell, nx: int(w/cell) + 1, ny: int(h/cell) + 1}
	g.cells = make([][]segRef, g.nx*g.ny)
	return g
}

// add puts a line (a polyline) in the grid and returns its number.
func (g *lineGrid) add(line []pt) int32 {
	id := int32(len(g.lines))
	g.lines = append(g.lines, line)
	for k := 1; k < len(line); k++ {
		g.walk(line[k-1], line[k], func(c int) { g.cells[c] = append(g.cells[c], segRef{id, int32(k)}) })
	}
	return id
}

// cellOf is the cell of p, clamped to the grid.
func (g *lineGrid) cellOf(p pt) int {
	x := min(max(int(math.Floor((p.x-g.x0)/g.cell)), 0), g.nx-1)
	y := min(max(int(math.Floor((p.y-g.y0)/g.cell)), 0), g.ny-1)
	return y*g.nx + x
}

// crossings counts the crossings of the segment p–q with the lines'
// segments, of the lines skip leaves in.
func (g *lineGrid) crossings(p, q pt, skip func(i int32) bool) int {
	n := 0
	g.walk(p, q, func(c int) {
		g.visited += len(g.cells[c])
		for _, r := range g.cells[c] {
			if skip(r.i) {
				continue
			}
			line := g.lines[r.i]
			a, b := line[r.k-1], line[r.k]
			if x, ok := crossAt(p, q, a, b); ok && g.cellOf(x) == c {
				n++
			}
		}
	})
	return n
}

// walk calls visit for each cell the segment p–q passes through, in order
// (clamped to the grid).
func (g *lineGrid) walk(p, q pt, visit func(c int)) {
	cell := func(v, o float64, n int) int { return min(max(int(math.Floor((v-o)/g.cell)), 0), n-1) }
	x, y := cell(p.x, g.x0, g.nx), cell(p.y, g.y0, g.ny)
	x1, y1 := cell(q.x, g.x0, g.nx), cell(q.y, g.y0, g.ny)
	dx, dy := q.x-p.x, q.y-p.y
	// The fraction of the segment to the next cell boundary in x and in
	// y, and between two boundaries.
	next := func(v, o, d float64, c int) (float64, float64, int) {
		switch {
		case d > 0:
			return (o + float64(c+1)*g.cell - v) / d, g.cell / d, 1
		case d < 0:
			return (o + float64(c)*g.cell - v) / d, -g.cell / d, -1
		}
		return math.Inf(1), math.Inf(1), 0
	}
	tx, stepX, sx := next(p.x, g.x0, dx, x)
	ty, stepY, sy := next(p.y, g.y0, dy, y)
	visit(y*g.nx + x)
	for n := 0; (x != x1 || y != y1) && n <= g.nx+g.ny; n++ {
		if tx < ty {
			x += sx
			tx += stepX
		} else {
			y += sy
			ty += stepY
		}
		if x < 0 || y < 0 || x >= g.nx || y >= g.ny {
			return
		}
		visit(y*g.nx + x)
	}
}

// crossings counts the crossings of p–q with the lines, leaving out line
// self and the lines that share an end with it (whose crossings the
// legibility score does not count either).
func (rt *router) crossings(self int, p, q pt) int {
	l := &rt.g.lines[self]
	return rt.segs.crossings(p, q, func(i int32) bool {
		o := rt.owner[i]
		if o < 0 {
			return true // a rerouted line's old route
		}
		m := &rt.g.lines[o]
		return o == self || m.tail == l.tail || m.tail == l.head || m.head == l.tail || m.head == l.head
	})
}

// lineCrossings counts the crossings of a polyline as crossings does.
func (rt *router) lineCrossings(self int, line []pt) int {
	n := 0
	for k := 1; k < len(line); k++ {
		n += rt.crossings(self, line[k-1], line[k])
	}
	return n
}

// crossAt is where segments a–b and c–d cross, if they do.
func crossAt(a, b, c, d pt) (pt, bool) {
	if !segmentsProperlyCross(a, b, c, d) {
		return pt{}, false
	}
	rx, ry := b.x-a.x, b.y-a.y
	sx, sy := d.x-c.x, d.y-c.y
	t := ((c.x-a.x)*sy - (c.y-a.y)*sx) / (rx*sy - ry*sx)
	return pt{a.x + t*rx, a.y + t*ry}, true
}

// segmentsProperlyCross reports whether segments a–b and c–d cross.
func segmentsProperlyCross(a, b, c, d pt) bool {
	o := func(p, q, r pt) float64 { return (q.x-p.x)*(r.y-p.y) - (q.y-p.y)*(r.x-p.x) }
	d1, d2 := o(c, d, a), o(c, d, b)
	d3, d4 := o(a, b, c), o(a, b, d)
	return ((d1 > 0 && d2 < 0) || (d1 < 0 && d2 > 0)) && ((d3 > 0 && d4 < 0) || (d3 < 0 && d4 > 0))
}

// route finds line i's new route, or reports false.
func (rt *router) route(i int, through []int) (*route, bool) {
	l := &rt.g.lines[i]
	if l.tail == l.head {
		return nil, false
	}
	// A line between the same two nodes as others keeps apart from them
	// (as Graphviz's curves between one pair bend apart): the route is
	// sought further out until its middle is clear of theirs.
	var sibs [][]pt
	for j := range rt.g.lines {
		m := &rt.g.lines[j]
		if j != i && ((m.tail == l.tail && m.head == l.head) || (m.tail == l.head && m.head == l.tail)) {
			if c, ok := rt.rerouted[j]; ok {
				sibs = append(sibs, sampleSpline(c))
			} else {
				sibs = append(sibs, sampleSpline(m.ctrl))
			}
		}
	}
	var best *route
	var bestPath []pt
	bestGap := -1.0
	// take keeps the route furthest from its siblings, and reports
	// whether it is far enough.
	take := func(r *route, path []pt) bool {
		if g := separation(sampleSpline(r.ctrl), sibs); g > bestGap {
			best, bestPath, bestGap = r, path, g
		}
		return bestGap >= siblingGap
	}
	for k := range 4 {
		path, ok := rt.search(i, vertexClear+siblingClear*float64(k), through)
		if !ok {
			break
		}
		if r, ok := rt.smooth(i, path); ok && take(r, path) {
			return r, true
		}
		if len(sibs) == 0 {
			break
		}
	}
	if best == nil {
		return nil, false
	}
	// A path that stays with a sibling's whatever its clearance (a
	// straight one has no corners to go further out at) bends away from
	// it in the middle of its longest segment, as Graphviz bends the
	// curves between one pair.
	first := bestPath
	k := 1
	for j := 2; j < len(first); j++ {
		if dist(first[j-1], first[j]) > dist(first[k-1], first[k]) {
			k = j
		}
	}
	a, b := first[k-1], first[k]
	mid, u := pt{(a.x + b.x) / 2, (a.y + b.y) / 2}, unit(a, b)
	n := pt{-u.y, u.x}
	side := 1.0
	if len(sibs) > 0 {
		o := sibs[0][len(sibs[0])/2]
		if (o.x-mid.x)*n.x+(o.y-mid.y)*n.y > 0 {
			side = -1
		}
	}
	for _, off := range []float64{16, -16, 28, -28} {
		off *= side
		bent := slices.Insert(slices.Clone(first), k, pt{mid.x + off*n.x, mid.y + off*n.y})
		if !rt.clearPath(i, bent) {
			continue
		}
		if r, ok := rt.smooth(i, bent); ok && take(r, bent) {
			return r, true
		}
	}
	return best, true
}

// separation is the least distance from the middle of line (its samples
// from a fifth to four fifths along) to any of others (+Inf for none).
func separation(line []pt, others [][]pt) float64 {
	d := math.Inf(1)
	for _, o := range others {
		for _, p := range line[len(line)/5 : len(line)-len(line)/5] {
			for k := 1; k < len(o); k++ {
				d = math.Min(d, segDist(p, o[k-1], o[k]))
			}
		}
	}
	return d
}

// segDist is the distance from p to the segment a–b.
func segDist(p, a, b pt) float64 {
	dx, dy := b.x-a.x, b.y-a.y
	t := 0.0
	if l := dx*dx + dy*dy; l > 0 {
		t = min(max(((p.x-a.x)*dx+(p.y-a.y)*dy)/l, 0), 1)
	}
	return dist(p, pt{a.x + t*dx, a.y + t*dy})
}

// clearPath reports whether every segment of a path from line i's tail's
// centre to its head's keeps segmentClear from the nodes.
func (rt *router) clearPath(i int, path []pt) bool {
	for k := 1; k < len(path); k++ {
		if len(rt.blocking(i, path[k-1], path[k], k == 1, k == len(path)-1)) > 0 {
			return false
		}
	}
	return true
}

// search is the shortest path from line i's tail's centre to its head's
// around the other nodes: A* over a visibility graph whose vertices are
// the corners of polygons clear of some obstacles, clear by at least
// clear. The obstacles start as the nodes the line passes through
// (through) and the
// straight line between its ends meets; a path that meets another node
// takes that node in too, and is sought again, until a path is clear of
// every node or maxObstacles are in. So a route costs what the few nodes
// in its way cost, however large the graph.
func (rt *router) search(i int, clear float64, through []int) ([]pt, bool) {
	l := &rt.g.lines[i]
	nodes := rt.g.nodes
	s, goal := nodes[l.tail].c, nodes[l.head].c
	var obs []int
	add := func(j int) {
		if j != l.tail && j != l.head && !slices.Contains(obs, j) {
			obs = append(obs, j)
		}
	}
	for _, j := range through {
		add(j)
	}
	for _, j := range rt.blocking(i, s, goal, true, true) {
		add(j)
	}
	for len(obs) <= maxObstacles && rt.work+rt.segs.visited/8 < maxWork {
		slices.Sort(obs)
		path, ok := rt.shortest(i, clear, obs)
		if !ok {
			return nil, false
		}
		more := false
		for k := 1; k < len(path); k++ {
			for _, j := range rt.blocking(i, path[k-1], path[k], k == 1, k == len(path)-1) {
				if !slices.Contains(obs, j) {
					add(j)
					more = true
				}
			}
		}
		if !more {
			return rt.taut(i, path), true
		}
	}
	return nil, false
}

// step is a move from vertex from to v of a search, at cost g so far and
// estimate f of the whole path; checked once its clearance and crossings
// are known.
type step struct {
	v, from int
	g, f    float64
	checked bool
}

// stepQueue is a heap of steps, least f first.
type stepQueue []step

func (q stepQueue) Len() int { return len(q) }
func (q stepQueue) Less(i, j int) bool {
	a, b := q[i], q[j]
	if a.f != b.f {
		return a.f < b.f
	}
	if a.v != b.v {
		return a.v < b.v
	}
	if a.from != b.from {
		return a.from < b.from
	}
	return a.checked && !b.checked
}
func (q stepQueue) Swap(i, j int) { q[i], q[j] = q[j], q[i] }
func (q *stepQueue) Push(x any)   { *q = append(*q, x.(step)) }
func (q *stepQueue) Pop() any {
	old := *q
	x := old[len(old)-1]
	*q = old[:len(old)-1]
	return x
}

// taut drops the corners of a path that bend it out of the way of no node
// — those the crossings' cost put in to miss another line — wherever
// the straight segment instead keeps clear, as long as the path crosses at
// most one line more in all: a kink reads worse than a crossing.
func (rt *router) taut(i int, path []pt) []pt {
	cross := func(p []pt) int {
		n := 0
		for k := 1; k < len(p); k++ {
			n += rt.crossings(i, p[k-1], p[k])
		}
		return n
	}
	allowed := cross(path) + 1
	for k := 1; k < len(path)-1; {
		a, c := path[k-1], path[k+1]
		if len(rt.blocking(i, a, c, k == 1, k+1 == len(path)-1)) == 0 {
			if shorter := slices.Delete(slices.Clone(path), k, k+1); cross(shorter) <= allowed {
				path = shorter
				k = max(k-1, 1)
				continue
			}
		}
		k++
	}
	// Two corners close together that turn the same way (round one node)
	// become one, where the segments before and after them meet, when
	// that keeps clear and crosses no more lines: one wide turn reads
	// better than two tight ones.
	for k := 1; k+1 < len(path)-1; {
		a, b, c, d := path[k-1], path[k], path[k+1], path[k+2]
		if x, ok := meet(a, b, c, d); ok && dist(b, c) < 2*cornerRadius && turn(a, b, c)*turn(b, c, d) > 0 &&
			len(rt.blocking(i, a, x, k == 1, false)) == 0 && len(rt.blocking(i, x, d, false, k+2 == len(path)-1)) == 0 &&
			cross([]pt{a, x, d}) <= cross([]pt{a, b, c, d}) {
			path = slices.Replace(path, k, k+2, x)
			k = max(k-1, 1)
			continue
		}
		k++
	}
	return path
}

// turn is the sign of the turn a–b–c: positive left, negative right.
func turn(a, b, c pt) float64 { return (b.x-a.x)*(c.y-b.y) - (b.y-a.y)*(c.x-b.x) }

// meet is where the line a–b, carried on past b, meets the line d–c carried
// back past c, if they meet ahead of both.
func meet(a, b, c, d pt) (pt, bool) {
	rx, ry := b.x-a.x, b.y-a.y
	sx, sy := c.x-d.x, c.y-d.y
	den := rx*sy - ry*sx
	if math.Abs(den) < 1e-9 {
		return pt{}, false
	}
	t := ((d.x-a.x)*sy - (d.y-a.y)*sx) / den
	u := ((d.x-a.x)*ry - (d.y-a.y)*rx) / den
	if t <= 1 || u <= 1 {
		return pt{}, false
	}
	return pt{a.x + t*rx, a.y + t*ry}, true
}

// blocking is the nodes the segment p–q comes within segmentClear of,
// leaving out line i's tail when p is its centre (fromTail) and its head
// when q is (toHead).
func (rt *router) blocking(i int, p, q pt, fromTail, toHead bool) []int {
	l := &rt.g.lines[i]
	nodes := rt.g.nodes
	var out []int
	bb := box{math.Min(p.x, q.x), math.Min(p.y, q.y), math.Max(p.x, q.x), math.Max(p.y, q.y)}
	rt.nodes.near(nodes, bb, segmentClear, func(o int) {
		if (o == l.tail && fromTail) || (o == l.head && toHead) {
			return
		}
		if nodes[o].hits(p, q, segmentClear) {
			out = append(out, o)
		}
	})
	slices.Sort(out)
	return out
}

// shortest is the shortest path from line i's tail's centre to its head's
// around the obstacles obs (node indices, sorted) and line i's own ends.
func (rt *router) shortest(i int, clear float64, obs []int) ([]pt, bool) {
	l := &rt.g.lines[i]
	nodes := rt.g.nodes
	s, goal := nodes[l.tail].c, nodes[l.head].c
	verts := []pt{s, goal}
	for _, j := range obs {
		n := &nodes[j]
		var cs []pt
		if n.round() {
			k := 1 / math.Cos(math.Pi/8)
			for a := range 8 {
				t := math.Pi/8 + float64(a)*math.Pi/4
				cs = append(cs, pt{n.c.x + (n.rx+clear)*k*math.Cos(t), n.c.y + (n.ry+clear)*k*math.Sin(t)})
			}
		} else {
			for _, sg := range [][2]float64{{1, 1}, {-1, 1}, {-1, -1}, {1, -1}} {
				cs = append(cs, pt{n.c.x + sg[0]*(n.rx+clear), n.c.y + sg[1]*(n.ry+clear)})
			}
		}
		for _, v := range cs {
			free := true
			rt.nodes.near(nodes, box{v.x, v.y, v.x, v.y}, clear, func(o int) {
				if free && nodes[o].inside(v, clear-2) {
					free = false
				}
			})
			if free {
				verts = append(verts, v)
			}
		}
	}
	// The line's own ends are obstacles too, except to a segment from the
	// tail's centre (or to the head's).
	ends := []int{l.tail, l.head}
	visible := func(a, b int) bool {
		p, q := verts[a], verts[b]
		for _, o := range obs {
			if nodes[o].hits(p, q, segmentClear) {
				return false
			}
		}
		for k, o := range ends {
			if k == 0 && (a == 0 || b == 0) || k == 1 && (a == 1 || b == 1) {
				continue
			}
			if nodes[o].hits(p, q, segmentClear) {
				return false
			}
		}
		return true
	}
	// Lazy A*: a step enters the queue at its length (a lower bound of its
	// cost, plus the straight distance on to the goal as the estimate);
	// only when it comes out is it checked for clearance and charged for
	// the lines it crosses, and put back at its true cost. So only the
	// steps that might be on the best path are ever checked (and only
	// the first maxCrossingCounts are charged for crossings in a large
	// graph). Ties go to the lower vertex, then the lower step, so the
	// path is the same every time.
	n := len(verts)
	prev := make([]int, n)
	done := make([]bool, n)
	for k := range prev {
		prev[k] = -1
	}
	q := &stepQueue{{v: 0, from: -1, checked: true, f: dist(s, goal)}}
	counted := 0
	for q.Len() > 0 {
		st := heap.Pop(q).(step)
		if done[st.v] {
			continue
		}
		if !st.checked {
			if !visible(st.from, st.v) {
				continue
			}
			if counted < maxCrossingCounts || len(rt.g.lines) <= manyLines {
				st.g += crossingCost * float64(rt.crossings(i, verts[st.from], verts[st.v]))
				counted++
			}
			st.f = st.g + dist(verts[st.v], goal)
			st.checked = true
			heap.Push(q, st)
			continue
		}
		done[st.v], prev[st.v] = true, st.from
		if st.v == 1 {
			break
		}
		for v := range n {
			if !done[v] {
				g := st.g + dist(verts[st.v], verts[v])
				heap.Push(q, step{v: v, from: st.v, g: g, f: g + dist(verts[v], goal)})
				rt.work++
			}
		}
	}
	if !done[1] {
		return nil, false
	}
	var path []pt
	for k := 1; k >= 0; k = prev[k] {
		path = append(path, verts[k])
	}
	slices.Reverse(path)
	return path, true
}

// smooth turns a path from the tail's centre to the head's into line i's
// new route: clipped where it leaves the tail and enters the head (short of
// the arrowheads, which move with the ends), every corner rounded as far as
// it stays clear of the nodes, and checked again.
func (rt *router) smooth(i int, path []pt) (*route, bool) {
	l := &rt.g.lines[i]
	nodes := rt.g.nodes
	if len(path) < 2 {
		return nil, false
	}
	r := &route{old: l.ctrl}
	start, okS := clipAt(&nodes[l.tail], path[1], path[0])
	end, okE := clipAt(&nodes[l.head], path[len(path)-2], path[len(path)-1])
	if !okS || !okE {
		return nil, false
	}
	// An arrowhead keeps its length: the line now ends that far short of
	// the new tip, along the path's last (or first) segment.
	first, last := start, end
	if l.tipE != nil {
		old := l.ctrl[len(l.ctrl)-1]
		a := dist(old, *l.tipE)
		u := unit(path[len(path)-2], path[len(path)-1])
		if dist(path[len(path)-2], end) < a+4 {
			return nil, false
		}
		last = roundPt(pt{end.x - a*u.x, end.y - a*u.y})
		r.head = turnArrow(old, *l.tipE, last, end)
	}
	if l.tipS != nil {
		old := l.ctrl[0]
		a := dist(old, *l.tipS)
		u := unit(path[1], path[0])
		if dist(path[1], start) < a+4 {
			return nil, false
		}
		first = roundPt(pt{start.x - a*u.x, start.y - a*u.y})
		r.tail = turnArrow(old, *l.tipS, first, start)
	}
	poly := slices.Clone(path)
	poly[0], poly[len(poly)-1] = first, last
	radius := make([]float64, len(poly))
	for k := 1; k < len(poly)-1; k++ {
		in, out := dist(poly[k-1], poly[k]), dist(poly[k], poly[k+1])
		fin, fout := 0.5, 0.5
		if k == 1 {
			fin = 0.8
		}
		if k == len(poly)-2 {
			fout = 0.8
		}
		// A gentle turn is rounded over a longer stretch: the radius
		// grows as the turn's angle θ shrinks (cornerRadius / sin θ/2).
		a, b := unit(poly[k-1], poly[k]), unit(poly[k], poly[k+1])
		half := math.Sqrt(max(0, (1-(a.x*b.x+a.y*b.y))/2))
		radius[k] = min(cornerRadius/max(half, 0.2), fin*in, fout*out)
	}
	for k := 1; k < len(poly)-1; k++ {
		for try := 0; ; try++ {
			c := corner(poly, k, radius[k])
			line := appendBezier([]pt{c[0]}, c[0], c[1], c[2], c[3], 2)
			if radius[k] == 0 || len(rt.nodes.through(nodes, l.tail, l.head, line, curveClear)) == 0 {
				break
			}
			if radius[k] /= 2; try >= 4 {
				radius[k] = 0
			}
		}
	}
	ctrl := []pt{poly[0]}
	cur := poly[0]
	line := func(to pt) {
		if dist(cur, to) < 0.01 {
			return
		}
		ctrl = append(ctrl, pt{cur.x + (to.x-cur.x)/3, cur.y + (to.y-cur.y)/3}, pt{cur.x + 2*(to.x-cur.x)/3, cur.y + 2*(to.y-cur.y)/3}, to)
		cur = to
	}
	for k := 1; k < len(poly)-1; k++ {
		if radius[k] == 0 {
			line(poly[k])
			continue
		}
		c := corner(poly, k, radius[k])
		line(c[0])
		ctrl = append(ctrl, c[1], c[2], c[3])
		cur = c[3]
	}
	line(poly[len(poly)-1])
	for k := range ctrl {
		ctrl[k] = roundPt(ctrl[k])
	}
	if len(ctrl) < 4 || len(rt.nodes.through(nodes, l.tail, l.head, fineSamples(ctrl), -1)) > 0 {
		return nil, false
	}
	r.ctrl = ctrl
	return r, true
}

// corner is the Bézier rounding corner k of poly by radius r: from r before
// the corner to r after it, its control points on the two segments.
func corner(poly []pt, k int, r float64) [4]pt {
	p := poly[k]
	a, b := unit(p, poly[k-1]), unit(p, poly[k+1])
	const kappa = 0.55
	s, e := pt{p.x + r*a.x, p.y + r*a.y}, pt{p.x + r*b.x, p.y + r*b.y}
	return [4]pt{s, {s.x + kappa*(p.x-s.x), s.y + kappa*(p.y-s.y)}, {e.x + kappa*(p.x-e.x), e.y + kappa*(p.y-e.y)}, e}
}

// unit is the unit vector from a towards b.
func unit(a, b pt) pt {
	d := dist(a, b)
	if d == 0 {
		return pt{1, 0}
	}
	return pt{(b.x - a.x) / d, (b.y - a.y) / d}
}

// clipAt is where the segment from out (outside the node) to in (its
// centre) enters the node's outline, to within 0.01 pt, rounded.
func clipAt(n *routeNode, out, in pt) (pt, bool) {
	if n.outline(out) {
		return pt{}, false
	}
	lo, hi := 0.0, 1.0 // out + t(in − out): outside at lo, inside at hi
	for range 40 {
		mid := (lo + hi) / 2
		if n.outline(pt{out.x + mid*(in.x-out.x), out.y + mid*(in.y-out.y)}) {
			hi = mid
		} else {
			lo = mid
		}
	}
	return roundPt(pt{out.x + lo*(in.x-out.x), out.y + lo*(in.y-out.y)}), true
}

// turnArrow is the move of an arrowhead drawn from the line's end oldEnd to
// its tip oldTip onto the new end and tip.
func turnArrow(oldEnd, oldTip, newEnd, newTip pt) *arrowMove {
	a := math.Atan2(oldTip.y-oldEnd.y, oldTip.x-oldEnd.x)
	b := math.Atan2(newTip.y-newEnd.y, newTip.x-newEnd.x)
	return &arrowMove{from: oldTip, to: newTip, cos: math.Cos(b - a), sin: math.Sin(b - a)}
}

// strokes are the lines Graphviz draws for an edge: one, or one per colour
// of a multicoloured edge ("a:b"), each offset from the spline. stroke
// draws the route offset as the stroke that starts at first was.
func (r *route) stroke(first pt) []pt {
	if len(r.old) < 2 {
		return r.ctrl
	}
	n := unit(r.old[0], r.old[1])
	d := (first.x-r.old[0].x)*-n.y + (first.y-r.old[0].y)*n.x
	if math.Abs(d) < 0.05 {
		return r.ctrl
	}
	out := make([]pt, len(r.ctrl))
	for k, p := range r.ctrl {
		a, b := r.ctrl[max(k-1, 0)], r.ctrl[min(k+1, len(r.ctrl)-1)]
		if a == p && k > 0 {
			a = r.ctrl[max(k-2, 0)]
		}
		t := unit(a, b)
		out[k] = roundPt(pt{p.x - d*t.y, p.y + d*t.x})
	}
	return out
}

// arrowFor is the move of the arrowhead nearer p: the head's or the
// tail's.
func (r *route) arrowFor(p pt) *arrowMove {
	switch {
	case r.head == nil:
		return r.tail
	case r.tail == nil:
		return r.head
	case dist(p, r.head.from) <= dist(p, r.tail.from):
		return r.head
	}
	return r.tail
}

// applySVG writes the routes into Graphviz's SVG of the layout: each
// rerouted edge's path (every stroke of it) and its arrowheads. It reports
// false when an edge is not drawn as expected.
func (r *routed) applySVG(doc []byte) ([]byte, bool) {
	if len(r.routes) == 0 {
		return doc, true
	}
	seen := map[string]int{}
	out, done, ok := editEdgeGroups(doc, func(key, group string) (string, bool, bool) {
		if !r.keys[key] {
			// Graphviz's own id: the line is known by its ends.
			t0 := strings.Index(group, "<title>")
			t1 := strings.Index(group, "</title>")
			if t0 < 0 || t1 < t0 {
				return "", false, true
			}
			k := html.UnescapeString(group[t0+len("<title>") : t1])
			key = fmt.Sprintf("%s#%d", k, seen[k])
			seen[k]++
		}
		rt, found := r.routes[key]
		if !found {
			return "", false, true
		}
		g, ok := rt.svgGroup(group)
		return g, ok, ok
	})
	return out, ok && done == len(r.routes)
}

// svgGroup rewrites one edge's SVG group: every <path> is a stroke of the
// line; polygons, polylines and ellipses are its arrowheads.
func (r *route) svgGroup(g string) (string, bool) {
	var b strings.Builder
	strokes := 0
	for {
		i := strings.IndexByte(g, '<')
		if i < 0 {
			b.WriteString(g)
			break
		}
		j := strings.IndexByte(g[i:], '>')
		if j < 0 {
			return "", false
		}
		tag := g[i : i+j]
		b.WriteString(g[:i])
		name, _, _ := strings.Cut(tag[1:], " ")
		var ok bool
		switch name {
		case "path":
			tag, ok = r.svgPath(tag)
			strokes++
		case "polygon", "polyline":
			tag, ok = r.svgPoints(tag)
		case "ellipse":
			tag, ok = r.svgEllipse(tag)
		default:
			ok = true
		}
		if !ok {
			return "", false
		}
		b.WriteString(tag)
		g = g[i+j:]
	}
	return b.String(), strokes > 0
}

func svgPt(p pt) string { return svgCoord(p.x) + "," + svgCoord(-p.y) }

func (r *route) svgPath(tag string) (string, bool) {
	s, e, ok := attrSpan(tag, ` d="`)
	if !ok {
		return "", false
	}
	d := tag[s:e]
	first, ok := parseSVGPoint(strings.TrimPrefix(strings.SplitN(d, "C", 2)[0], "M"))
	if !ok {
		return "", false
	}
	c := r.stroke(first)
	var b strings.Builder
	b.WriteString("M" + svgPt(c[0]) + "C")
	for k, p := range c[1:] {
		if k > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(svgPt(p))
	}
	return tag[:s] + b.String() + tag[e:], true
}

// parseSVGPoint reads "x,y" of Graphviz's SVG as a point in its own
// coordinates (y up).
func parseSVGPoint(s string) (pt, bool) {
	xs, ys, ok := strings.Cut(strings.TrimSpace(s), ",")
	x, err1 := strconv.ParseFloat(xs, 64)
	y, err2 := strconv.ParseFloat(ys, 64)
	return pt{x, -y}, ok && err1 == nil && err2 == nil
}

func (r *route) svgPoints(tag string) (string, bool) {
	s, e, ok := attrSpan(tag, ` points="`)
	if !ok {
		return "", false
	}
	var ps []pt
	for f := range strings.FieldsSeq(tag[s:e]) {
		p, ok := parseSVGPoint(f)
		if !ok {
			return "", false
		}
		ps = append(ps, p)
	}
	if len(ps) == 0 {
		return "", false
	}
	m := r.arrowFor(ps[0])
	if m == nil {
		return "", false
	}
	out := make([]string, len(ps))
	for k, p := range ps {
		out[k] = svgPt(m.apply(p))
	}
	return tag[:s] + strings.Join(out, " ") + tag[e:], true
}

func (r *route) svgEllipse(tag string) (string, bool) {
	xs, xe, ok1 := attrSpan(tag, ` cx="`)
	ys, ye, ok2 := attrSpan(tag, ` cy="`)
	if !ok1 || !ok2 || ys < xe {
		return "", false
	}
	x, err1 := strconv.ParseFloat(tag[xs:xe], 64)
	y, err2 := strconv.ParseFloat(tag[ys:ye], 64)
	m := r.arrowFor(pt{x, -y})
	if err1 != nil || err2 != nil || m == nil {
		return "", false
	}
	p := m.apply(pt{x, -y})
	return tag[:xs] + svgCoord(p.x) + tag[xe:ys] + svgCoord(-p.y) + tag[ye:], true
}

// applyXdot writes the routes into Graphviz's drawing operations of the
// layout (its json output): each rerouted edge's Béziers (every stroke)
// and its arrowheads (_hdraw_, _tdraw_).
func (r *routed) applyXdot(g *xdotGraph) error {
	if r == nil || len(r.routes) == 0 {
		return nil
	}
	names := map[int]string{}
	for _, o := range g.Objects[min(max(g.SubCount, 0), len(g.Objects)):] {
		names[o.Gvid] = o.Name
	}
	seen := map[string]int{}
	done := 0
	for i := range g.Edges {
		e := &g.Edges[i]
		key := e.ID
		if !r.keys[key] {
			k := names[e.Tail] + "->" + names[e.Head]
			key = fmt.Sprintf("%s#%d", k, seen[k])
			seen[k]++
		}
		rt, ok := r.routes[key]
		if !ok {
			continue
		}
		strokes := 0
		for k := range e.Draw {
			op := &e.Draw[k]
			if op.Op != "b" && op.Op != "B" || len(op.Points) == 0 {
				continue
			}
			c := rt.stroke(pt{op.Points[0][0], op.Points[0][1]})
			op.Points = make([][2]float64, len(c))
			for j, p := range c {
				op.Points[j] = [2]float64{p.x, p.y}
			}
			strokes++
		}
		if strokes == 0 {
			return fmt.Errorf("edge %s: no line drawn to reroute", key)
		}
		for _, arrow := range []struct {
			ops []xdotOp
			m   *arrowMove
		}{{e.HDraw, rt.head}, {e.TDraw, rt.tail}} {
			for k := range arrow.ops {
				op := &arrow.ops[k]
				if arrow.m == nil && (len(op.Points) > 0 || len(op.Rect) == 4) {
					return fmt.Errorf("edge %s: an arrowhead without a tip", key)
				}
				for j, q := range op.Points {
					p := arrow.m.apply(pt{q[0], q[1]})
					op.Points[j] = [2]float64{p.x, p.y}
				}
				if len(op.Rect) == 4 {
					p := arrow.m.apply(pt{op.Rect[0], op.Rect[1]})
					op.Rect[0], op.Rect[1] = p.x, p.y
				}
			}
		}
		done++
	}
	if done != len(r.routes) {
		return fmt.Errorf("%d of %d rerouted edges found in the drawing", done, len(r.routes))
	}
	return nil
}

// stuckNote is the warning for edges that still pass through a node.
func (r *routed) stuckNote() string {
	if len(r.stuck) == 0 {
		return ""
	}
	var parts []string
	for _, h := range r.stuck[:min(len(r.stuck), 3)] {
		parts = append(parts, fmt.Sprintf("%s (%s – %s) through %s", h.Edge, strings.TrimPrefix(h.From, "node-"), strings.TrimPrefix(h.To, "node-"), strings.TrimPrefix(h.Node, "node-")))
	}
	more := ""
	if len(r.stuck) > 3 {
		more = fmt.Sprintf(" and %d more", len(r.stuck)-3)
	}
	if r.bound {
		edges := map[string]bool{}
		for _, h := range r.stuck {
			edges[h.Edge] = true
		}
		return fmt.Sprintf("%d edges still pass through nodes they do not end at (%s%s): the graph is too dense to route every line round the others; narrow it (--focus, --types, --min-weight)", len(edges), strings.Join(parts, ", "), more)
	}
	return fmt.Sprintf("no clear route around the other nodes for %s%s: try another --seed or --layout", strings.Join(parts, ", "), more)
}

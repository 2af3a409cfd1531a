package render

import "math"

// grid is a uniform grid over the drawing of boxes (nodes, placed labels)
// or line segments (edges), so each candidate spot for a label is checked
// against what is near it only. Cells hold item numbers in linked lists
// kept in flat arrays (no pointers for the garbage collector to scan, one
// allocation per array), and a query stamps the items it has seen so an
// item spanning several cells is visited once.
type grid struct {
	x0, y0, cell float64
	nx, ny       int
	head         []int32 // per cell: 1 + its first entry, or 0
	next, item   []int32 // per entry: 1 + the cell's next entry, or 0; the item
	boxes        []box   // each item's bounding box
	segs         [][2]pt // for a grid of segments: each item's ends
	owner        []int32 // for a grid of segments: the line each belongs to
	seen         []uint32
	query        uint32
}

// maxGridCells bounds a grid's size however large the drawing.
const maxGridCells = 250000

// newGrid makes a grid over area with cells of at least cell points.
func newGrid(area box, cell float64) *grid {
	w, h := math.Max(area.x1-area.x0, 1), math.Max(area.y1-area.y0, 1)
	cell = math.Max(cell, math.Sqrt(w*h/maxGridCells))
	g := &grid{x0: area.x0, y0: area.y0, cell: cell, nx: int(w/cell) + 1, ny: int(h/cell) + 1}
	g.head = make([]int32, g.nx*g.ny)
	return g
}

// span is the range of cells b covers, clamped to the grid.
func (g *grid) span(b box) (x0, y0, x1, y1 int) {
	c := func(v float64, n int) int { return min(max(int(math.Floor(v/g.cell)), 0), n-1) }
	return c(b.x0-g.x0, g.nx), c(b.y0-g.y0, g.ny), c(b.x1-g.x0, g.nx), c(b.y1-g.y0, g.ny)
}

// add puts an item with bounding box b in the grid and returns its number.
func (g *grid) add(b box) int32 {
	i := int32(len(g.boxes))
	g.boxes = append(g.boxes, b)
	g.seen = append(g.seen, 0)
	x0, y0, x1, y1 := g.span(b)
	for y := y0; y <= y1; y++ {
		for x := x0; x <= x1; x++ {
			c := y*g.nx + x
			g.next = append(g.next, g.head[c])
			g.item = append(g.item, i)
			g.head[c] = int32(len(g.item))
		}
	}
	return i
}

// newSegmentGrid makes a grid of the lines' segments. A segment longer
// than a cell is cut into pieces no longer than one, so that each piece
// sits in the few cells it crosses rather than in every cell of a long
// diagonal's bounding box.
func newSegmentGrid(area box, cell float64, lines [][]pt) *grid {
	g := newGrid(area, cell)
	pieces := func(a, b pt) int { return max(1, int(math.Ceil(math.Hypot(b.x-a.x, b.y-a.y)/g.cell))) }
	n := 0
	for _, line := range lines {
		for k := 1; k < len(line); k++ {
			n += pieces(line[k-1], line[k])
		}
	}
	g.segs, g.owner = make([][2]pt, 0, n), make([]int32, 0, n)
	g.boxes, g.seen = make([]box, 0, n), make([]uint32, 0, n)
	for i, line := range lines {
		for k := 1; k < len(line); k++ {
			a, b := line[k-1], line[k]
			m := pieces(a, b)
			for j := range m {
				p := pt{a.x + (b.x-a.x)*float64(j)/float64(m), a.y + (b.y-a.y)*float64(j)/float64(m)}
				q := pt{a.x + (b.x-a.x)*float64(j+1)/float64(m), a.y + (b.y-a.y)*float64(j+1)/float64(m)}
				g.segs = append(g.segs, [2]pt{p, q})
				g.owner = append(g.owner, int32(i))
				g.boxes = append(g.boxes, box{math.Min(p.x, q.x), math.Min(p.y, q.y), math.Max(p.x, q.x), math.Max(p.y, q.y)})
			}
		}
	}
	entries := 0
	for _, b := range g.boxes {
		x0, y0, x1, y1 := g.span(b)
		entries += (x1 - x0 + 1) * (y1 - y0 + 1)
	}
	g.next, g.item = make([]int32, 0, entries), make([]int32, 0, entries)
	boxes := g.boxes
	g.boxes, g.seen = g.boxes[:0], g.seen[:0]
	for _, b := range boxes {
		g.add(b)
	}
	return g
}

// near calls f once for each item whose cells meet b's.
func (g *grid) near(b box, f func(i int32)) {
	g.query++
	if g.query == 0 { // wrapped: forget every stamp
		clear(g.seen)
		g.query = 1
	}
	x0, y0, x1, y1 := g.span(b)
	for y := y0; y <= y1; y++ {
		for x := x0; x <= x1; x++ {
			for e := g.head[y*g.nx+x]; e != 0; e = g.next[e-1] {
				if i := g.item[e-1]; g.seen[i] != g.query {
					g.seen[i] = g.query
					f(i)
				}
			}
		}
	}
}

// boxOverlap is the total area of b over the boxes in the grid.
func (g *grid) boxOverlap(b box) float64 {
	a := 0.0
	g.near(b, func(i int32) { a += b.overlap(g.boxes[i]) })
	return a
}

// nearestOther is the distance from b to the nearest segment of a line
// other than self, looking no further than radius (radius when none is
// nearer).
func (g *grid) nearestOther(b box, self int, radius float64) float64 {
	best := radius
	g.near(b.grow(radius), func(i int32) {
		if int(g.owner[i]) == self {
			return
		}
		s := g.segs[i]
		if d := segmentBoxDistance2(s[0], s[1], b); d < best*best {
			best = math.Sqrt(d)
		}
	})
	return best
}

// cutsSegment reports whether the segment p–q crosses a segment of a line
// other than self.
func (g *grid) cutsSegment(p, q pt, self int) bool {
	hit := false
	g.near(box{math.Min(p.x, q.x), math.Min(p.y, q.y), math.Max(p.x, q.x), math.Max(p.y, q.y)}, func(i int32) {
		if hit || int(g.owner[i]) == self {
			return
		}
		s := g.segs[i]
		_, hit = segmentsCross(p, q, s[0], s[1])
	})
	return hit
}

// distances are the distances from b to the nearest segment of line self
// and to the nearest of any other line, looking no further than radius
// (radius when none is nearer).
func (g *grid) distances(b box, self int, radius float64) (own, other float64) {
	own2, other2 := radius*radius, radius*radius
	g.near(b.grow(radius), func(i int32) {
		s := g.segs[i]
		d := segmentBoxDistance2(s[0], s[1], b)
		if int(g.owner[i]) == self {
			own2 = min(own2, d)
		} else {
			other2 = min(other2, d)
		}
	})
	return math.Sqrt(own2), math.Sqrt(other2)
}

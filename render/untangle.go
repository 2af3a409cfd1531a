package render

import (
	"bytes"
	"context"
	"math"

	"github.com/dipgraph/dipgraph/graph"
)

// Untangling. A force-directed layout puts linked nodes near each other,
// but which way round a country's people sit in its frame, or which of two
// frames of the same size goes where, is left to the seed, and those
// choices decide most of the crossings. So the layout search also tries
// each layout untangled: the frames' contents mirrored, two people of one
// frame swapped, two frames (or free nodes) swapped, one move at a time,
// keeping the move that removes the most crossings of straight lines
// between the nodes' centres (a line through a person it does not involve
// counting as untangleThrough crossings), until no move helps. The result
// is drawn with every node pinned (pinEngine), and competes with the
// layouts as they came (searchRank), so it is kept only when the finished
// drawing is better.

// untangleThrough is how many crossings a straight line through a node it
// does not end at is worth while untangling.
const untangleThrough = 4

// untangleRounds bounds the moves made.
const untangleRounds = 40

// tie is a pair of nodes and how many lines join them.
type tie struct {
	a, b string
	n    int
}

// ties are the lines of g as pairs of nodes, in the graph's order.
func ties(g *graph.Graph) []tie {
	var out []tie
	at := map[[2]string]int{}
	for _, e := range g.Edges {
		k := [2]string{min(e.From, e.To), max(e.From, e.To)}
		if k[0] == k[1] {
			continue
		}
		if i, ok := at[k]; ok {
			out[i].n++
			continue
		}
		at[k] = len(out)
		out = append(out, tie{k[0], k[1], 1})
	}
	return out
}

// tangle is the cost untangling lowers: crossings of the straight lines
// between the nodes' centres as placed (at TextScale 1), plus
// untangleThrough for each line through a node it does not end at.
func (a *arrangement) tangle(ts []tie) int {
	pl := a.placed(1, 1)
	cost := 0
	for i, t := range ts {
		p, q := pl.pos[t.a], pl.pos[t.b]
		for _, u := range ts[i+1:] {
			if u.a == t.a || u.a == t.b || u.b == t.a || u.b == t.b {
				continue
			}
			if _, ok := segmentsCross(p, q, pl.pos[u.a], pl.pos[u.b]); ok {
				cost += t.n * u.n
			}
		}
		for _, id := range a.ids {
			if id == t.a || id == t.b {
				continue
			}
			n := a.nodes[id]
			c := pl.pos[id]
			if segmentHitsBox(p, q, box{c.x - n.hw + 2, c.y - n.hh + 2, c.x + n.hw - 2, c.y + n.hh - 2}) {
				cost += untangleThrough * t.n
			}
		}
	}
	return cost
}

// untangleBudget bounds the work of untangling one layout, in the pairs
// (line and line, line and node) its tangles compare. The default figure
// spends at most 300,000 of it; a graph of 60 nodes and 110 lines, every
// pair of whose nodes is a move, took a minute a layout without the bound
// and takes about 0.2 s with it (BenchmarkUntangle).
const untangleBudget = 2_000_000

// untangled is the arrangement after the moves that lower its tangle, and
// whether any was made. Once untangleBudget is spent it stops, keeping the
// best move of the round it was in.
func (a *arrangement) untangled(g *graph.Graph) (*arrangement, bool) {
	ts := ties(g)
	cur := a.clone()
	cost := cur.tangle(ts)
	perTangle := len(ts)*len(ts)/2 + len(ts)*len(a.ids)
	spent := 0
	moved := false
	for range untangleRounds {
		var best *arrangement
		bestCost := cost
		for _, m := range cur.moves() {
			if spent += perTangle; spent > untangleBudget {
				break
			}
			if c := m.tangle(ts); c < bestCost {
				best, bestCost = m, c
			}
		}
		if best == nil {
			break
		}
		cur, cost, moved = best, bestCost, true
		if spent > untangleBudget {
			break
		}
	}
	return cur, moved
}

// clone is a deep copy of the arrangement's positions.
func (a *arrangement) clone() *arrangement {
	c := *a
	c.nodes = make(map[string]*laidNode, len(a.nodes))
	for id, n := range a.nodes {
		m := *n
		c.nodes[id] = &m
	}
	return &c
}

// moves are the arrangements one move away, in a fixed order: each frame
// mirrored left to right, top to bottom and both; each two members of a
// frame swapped; each two frames or free nodes swapped.
func (a *arrangement) moves() []*arrangement {
	var out []*arrangement
	type item struct {
		ids    []string
		cx, cy float64
	}
	var items []item
	framed := map[string]bool{}
	for _, id := range a.ids {
		members := a.frames[id]
		if members == nil {
			continue
		}
		b := a.boxOf(members)
		cx, cy := (b.x0+b.x1)/2, (b.y0+b.y1)/2
		for _, m := range members {
			framed[m] = true
		}
		items = append(items, item{members, cx, cy})
		for _, f := range [][2]float64{{-1, 1}, {1, -1}, {-1, -1}} {
			c := a.clone()
			for _, m := range members {
				n := c.nodes[m]
				n.x, n.y = cx+f[0]*(n.x-cx), cy+f[1]*(n.y-cy)
			}
			out = append(out, c)
		}
		for i := range members {
			for j := i + 1; j < len(members); j++ {
				c := a.clone()
				p, q := c.nodes[members[i]], c.nodes[members[j]]
				p.x, p.y, q.x, q.y = q.x, q.y, p.x, p.y
				out = append(out, c)
			}
		}
	}
	for _, id := range a.ids {
		if !framed[id] {
			n := a.nodes[id]
			items = append(items, item{[]string{id}, n.x, n.y})
		}
	}
	for i := range items {
		for j := i + 1; j < len(items); j++ {
			c := a.clone()
			dx, dy := items[j].cx-items[i].cx, items[j].cy-items[i].cy
			for _, m := range items[i].ids {
				c.nodes[m].x += dx
				c.nodes[m].y += dy
			}
			for _, m := range items[j].ids {
				c.nodes[m].x -= dx
				c.nodes[m].y -= dy
			}
			out = append(out, c)
		}
	}
	return out
}

// boxOf is the box around the nodes ids.
func (a *arrangement) boxOf(ids []string) box {
	b := box{math.Inf(1), math.Inf(1), math.Inf(-1), math.Inf(-1)}
	for _, m := range ids {
		n := a.nodes[m]
		b = box{min(b.x0, n.x-n.hw), min(b.y0, n.y-n.hh), max(b.x1, n.x+n.hw), max(b.y1, n.y+n.hh)}
	}
	return b
}

// segmentHitsBox reports whether the segment p–q passes through the box
// (Liang–Barsky clipping).
func segmentHitsBox(p, q pt, b box) bool {
	if b.x0 >= b.x1 || b.y0 >= b.y1 {
		return false
	}
	t0, t1 := 0.0, 1.0
	d := pt{q.x - p.x, q.y - p.y}
	for _, c := range [][2]float64{{-d.x, p.x - b.x0}, {d.x, b.x1 - p.x}, {-d.y, p.y - b.y0}, {d.y, b.y1 - p.y}} {
		pp, qq := c[0], c[1]
		if pp == 0 {
			if qq < 0 {
				return false
			}
			continue
		}
		r := qq / pp
		if pp < 0 {
			t0 = max(t0, r)
		} else {
			t1 = min(t1, r)
		}
		if t0 > t1 {
			return false
		}
	}
	return true
}

// layUntangled lays g out again from the layout laid (a candidate of the
// search, laid with o) untangled, every node pinned; ok is false when no
// move helped. The options returned say how to make the same layout again
// (arrangementOf).
func layUntangled(ctx context.Context, gv *Graphviz, g *graph.Graph, o Options, laid []byte, paint bool) (p *panel, uo Options, ok bool, err error) {
	a, err := arrangementFromLaid(laid, g, o)
	if err != nil {
		return nil, o, false, err
	}
	u, moved := a.untangled(g)
	if !moved {
		return nil, o, false, nil
	}
	uo = o
	uo.untangle = true
	po := uo
	ov := Overlay{}
	if o.Overlay != nil {
		ov = *o.Overlay
	}
	ov.pins = u.spread(1, 1)
	po.Overlay = &ov
	var dot bytes.Buffer
	if err := graphvizDOT(&dot, g, po); err != nil {
		return nil, o, false, err
	}
	p, err = layGraph(ctx, gv, "figure-graph", dot.Bytes(), pinEngine, paint, g.Dataset)
	return p, uo, err == nil, err
}

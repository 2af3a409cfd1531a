package graph

import (
	"cmp"
	"math"
	"slices"
)

// Tie is the one sign a pair of entities gets in the signed graph, from
// every edge between them: the weights of positive-type edges add up, in
// either direction, and so do those of negative-type edges; the pair is
// positive when the positive weight is larger, negative when the negative
// weight is. Neutral types (summit, family) add nothing: meeting is not
// siding. A pair whose two weights cancel exactly is ambivalent and left
// out of balance and blocs (Signed.Ambivalent lists them).
type Tie struct {
	A, B     string  // A < B
	Positive float64 // total weight of positive-type edges between A and B
	Negative float64 // total weight of negative-type edges between A and B
}

// Net is Positive − Negative: its sign is the tie's, its size the tie's
// strength in the bloc search.
func (t Tie) Net() float64 { return t.Positive - t.Negative }

// Sign is Positive, Negative, or Neutral for an ambivalent pair.
func (t Tie) Sign() Sign {
	switch n := t.Net(); {
	case n > eps:
		return Positive
	case n < -eps:
		return Negative
	}
	return Neutral
}

// eps is the tolerance for comparing sums of weights, which are floats.
const eps = 1e-9

// Signed is the signed graph of a Graph: one Tie per pair of entities with
// signed relations. Structural balance and signed blocs are computed on it.
type Signed struct {
	Nodes      []string // every entity of the graph, sorted: those without ties are unaligned
	Ties       []Tie    // the signed pairs, sorted by A then B
	Ambivalent []Tie    // pairs with signed relations that cancel out

	index map[string]int
	adj   [][]arc // by node index, sorted by neighbour
}

// arc is one side of a tie, by node index.
type arc struct {
	to  int
	w   float64 // the tie's strength |Net|
	neg bool    // a negative tie
	tie int     // index into Ties
}

// sw is the arc's signed weight: +w for a positive tie, −w for a negative.
func (a arc) sw() float64 {
	if a.neg {
		return -a.w
	}
	return a.w
}

// NewSigned collapses g's edges into one signed tie per pair; see Tie.
func NewSigned(g *Graph) *Signed {
	s := &Signed{Nodes: make([]string, 0, len(g.Nodes)), index: map[string]int{}}
	for _, n := range g.Nodes {
		s.Nodes = append(s.Nodes, n.ID)
	}
	slices.Sort(s.Nodes)
	s.Nodes = slices.Compact(s.Nodes)
	for i, id := range s.Nodes {
		s.index[id] = i
	}
	signs := map[string]Sign{}
	type pair struct{ a, b string }
	ties := map[pair]*Tie{}
	var order []pair
	for _, e := range g.Edges {
		sign, ok := signs[e.Type]
		if !ok {
			t, _ := g.Dataset.Type(e.Type)
			sign = t.Sign
			signs[e.Type] = sign
		}
		if sign == Neutral || e.From == e.To {
			continue
		}
		p := pair{e.From, e.To}
		if p.b < p.a {
			p.a, p.b = p.b, p.a
		}
		t := ties[p]
		if t == nil {
			t = &Tie{A: p.a, B: p.b}
			ties[p] = t
			order = append(order, p)
		}
		if sign == Positive {
			t.Positive += e.Weight
		} else {
			t.Negative += e.Weight
		}
	}
	for _, p := range order {
		t := *ties[p]
		if t.Sign() == Neutral {
			s.Ambivalent = append(s.Ambivalent, t)
		} else {
			s.Ties = append(s.Ties, t)
		}
	}
	tieCmp := func(a, b Tie) int { return cmp.Or(cmp.Compare(a.A, b.A), cmp.Compare(a.B, b.B)) }
	slices.SortFunc(s.Ties, tieCmp)
	slices.SortFunc(s.Ambivalent, tieCmp)
	s.adj = make([][]arc, len(s.Nodes))
	for i, t := range s.Ties {
		a, b := s.index[t.A], s.index[t.B]
		w, neg := math.Abs(t.Net()), t.Sign() == Negative
		s.adj[a] = append(s.adj[a], arc{to: b, w: w, neg: neg, tie: i})
		s.adj[b] = append(s.adj[b], arc{to: a, w: w, neg: neg, tie: i})
	}
	for _, as := range s.adj {
		slices.SortFunc(as, func(x, y arc) int { return cmp.Compare(x.to, y.to) })
	}
	return s
}

// Counts returns the number of positive and negative ties.
func (s *Signed) Counts() (positive, negative int) {
	for _, t := range s.Ties {
		if t.Sign() == Positive {
			positive++
		} else {
			negative++
		}
	}
	return positive, negative
}

// components returns the connected components of the signed ties, each a
// sorted list of node indexes, in the order of their smallest node; nodes
// without ties belong to none.
func (s *Signed) components() [][]int {
	comp := make([]int, len(s.Nodes))
	for i := range comp {
		comp[i] = -1
	}
	var out [][]int
	for i := range s.Nodes {
		if comp[i] >= 0 || len(s.adj[i]) == 0 {
			continue
		}
		c := len(out)
		comp[i] = c
		members := []int{i}
		for q := 0; q < len(members); q++ {
			for _, a := range s.adj[members[q]] {
				if comp[a.to] < 0 {
					comp[a.to] = c
					members = append(members, a.to)
				}
			}
		}
		slices.Sort(members)
		out = append(out, members)
	}
	return out
}

// sub is one component with local indexes 0..n-1 (in the order of the
// global ones) and the arcs between them, for the partition searches.
type sub struct {
	nodes []int   // global indexes
	adj   [][]arc // local: arc.to is a local index
}

func (s *Signed) sub(members []int) *sub {
	local := make(map[int]int, len(members))
	for i, g := range members {
		local[g] = i
	}
	c := &sub{nodes: members, adj: make([][]arc, len(members))}
	for i, g := range members {
		for _, a := range s.adj[g] {
			a.to = local[a.to]
			c.adj[i] = append(c.adj[i], a)
		}
	}
	return c
}

// bfsOrder lists the component's local nodes breadth-first from node 0, so
// that every node after the first has a neighbour before it: the exact
// searches then see every tie as early as possible.
func (c *sub) bfsOrder() []int {
	seen := make([]bool, len(c.adj))
	order := []int{0}
	seen[0] = true
	for q := 0; q < len(order); q++ {
		for _, a := range c.adj[order[q]] {
			if !seen[a.to] {
				seen[a.to] = true
				order = append(order, a.to)
			}
		}
	}
	return order
}

package graph

import (
	"fmt"
	"slices"
)

// ChangeKind says how an edge changed between two graphs.
type ChangeKind int

const (
	Appeared     ChangeKind = iota + 1 // in the later graph only
	Ended                              // in the earlier graph only
	Strengthened                       // in both, heavier in the later
	Weakened                           // in both, lighter in the later
)

// String returns appeared, ended, strengthened or weakened.
func (k ChangeKind) String() string {
	switch k {
	case Appeared:
		return "appeared"
	case Ended:
		return "ended"
	case Strengthened:
		return "strengthened"
	case Weakened:
		return "weakened"
	}
	return "unchanged"
}

// EdgeChange is one edge that differs between two graphs: an edge is the
// same edge when its type, direction and endpoints are. Before and After
// are its weights (0 where it is absent); Edge is the later graph's edge,
// or the earlier one's for an edge that ended.
type EdgeChange struct {
	Kind          ChangeKind
	Edge          *Edge
	Before, After float64
}

// Diff lists the edges that appeared, ended, strengthened or weakened from
// before to after, in the order Build sorts edges; unchanged edges are
// left out. Both graphs must come from the same dataset.
func Diff(before, after *Graph) []EdgeChange {
	key := func(e *Edge) edgeKey { return edgeKey{typ: e.Type, from: e.From, to: e.To, directed: e.Directed} }
	old := make(map[edgeKey]*Edge, len(before.Edges))
	for _, e := range before.Edges {
		old[key(e)] = e
	}
	var out []EdgeChange
	seen := map[edgeKey]bool{}
	for _, e := range after.Edges {
		k := key(e)
		seen[k] = true
		b, ok := old[k]
		switch {
		case !ok:
			out = append(out, EdgeChange{Kind: Appeared, Edge: e, After: e.Weight})
		case e.Weight > b.Weight+eps:
			out = append(out, EdgeChange{Kind: Strengthened, Edge: e, Before: b.Weight, After: e.Weight})
		case e.Weight < b.Weight-eps:
			out = append(out, EdgeChange{Kind: Weakened, Edge: e, Before: b.Weight, After: e.Weight})
		}
	}
	for _, e := range before.Edges {
		if !seen[key(e)] {
			out = append(out, EdgeChange{Kind: Ended, Edge: e, Before: e.Weight})
		}
	}
	order := typeOrder(after.Dataset)
	slices.SortFunc(out, func(a, b EdgeChange) int { return edgeCmp(order, a.Edge, b.Edge) })
	return out
}

// DiffAsOf compares the snapshots of d on two dates (Filter.AsOf, with f's
// other settings) and lists the changes from the first to the second.
func DiffAsOf(d *Dataset, f Filter, from, to Date) ([]EdgeChange, error) {
	if to.Before(from) {
		return nil, fmt.Errorf("the change from %s to %s runs backwards: give the earlier date first", from, to)
	}
	f.AsOf = from
	before := Build(d, f)
	f.AsOf = to
	return Diff(before, Build(d, f)), nil
}

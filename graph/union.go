package graph

import (
	"cmp"
	"slices"
)

// Union is the graph of everything before or after shows, for drawing the
// change between two snapshots of one dataset: every node of either, and
// every edge of after plus the edges of before that after lacks (an edge is
// the same edge when its type, direction and endpoints are, as in Diff).
// The edges are the graphs' own values, so a change Diff reports can be
// found by its Edge. The result is sorted as Build sorts.
func Union(before, after *Graph) *Graph {
	d := after.Dataset
	key := func(e *Edge) edgeKey { return edgeKey{typ: e.Type, from: e.From, to: e.To, directed: e.Directed} }
	u := &Graph{Dataset: d}
	seen := map[edgeKey]bool{}
	for _, e := range after.Edges {
		seen[key(e)] = true
		u.Edges = append(u.Edges, e)
	}
	for _, e := range before.Edges {
		if !seen[key(e)] {
			u.Edges = append(u.Edges, e)
		}
	}
	order := typeOrder(d)
	slices.SortFunc(u.Edges, func(a, b *Edge) int { return edgeCmp(order, a, b) })

	nodes := map[string]*Entity{}
	for _, g := range []*Graph{before, after} {
		for _, n := range g.Nodes {
			nodes[n.ID] = n
		}
	}
	for _, n := range nodes {
		u.Nodes = append(u.Nodes, n)
	}
	slices.SortFunc(u.Nodes, func(a, b *Entity) int { return cmp.Compare(a.ID, b.ID) })

	types := map[string]bool{}
	sources := map[string]*Source{}
	for _, g := range []*Graph{before, after} {
		for _, t := range g.Types {
			types[t.ID] = true
		}
		for _, s := range g.Sources {
			sources[s.ID] = s
		}
	}
	for _, id := range d.TypeIDs() {
		if types[id] {
			t, _ := d.Type(id)
			u.Types = append(u.Types, t)
		}
	}
	for _, s := range sources {
		u.Sources = append(u.Sources, s)
	}
	slices.SortFunc(u.Sources, func(a, b *Source) int { return cmp.Compare(a.ID, b.ID) })
	return u
}

// Span is the first and the last date the dataset's records cover: the
// start of the earliest record and the latest start or end of any, or,
// when a record is ongoing, the date the data is current to (Current) if
// that is later: an ongoing alliance is in force up to then. Both are
// zero when there are no records.
func (d *Dataset) Span() (first, last Date) {
	first, last = d.recordSpan()
	for i := range d.Records {
		if d.Records[i].Ongoing {
			if c := d.Current(); last.Last().Before(c.Last()) {
				last = c
			}
			break
		}
	}
	return first, last
}

// Current is the date the data is current to: its declared as-of date,
// else the latest date any of its records or sources gives.
func (d *Dataset) Current() Date {
	if !d.AsOf.IsZero() {
		return d.AsOf
	}
	_, last := d.recordSpan()
	for _, s := range d.Sources {
		if !s.Date.IsZero() && (last.IsZero() || last.Last().Before(s.Date.Last())) {
			last = s.Date
		}
	}
	return last
}

// recordSpan is the start of the earliest record and the latest start or
// end of any.
func (d *Dataset) recordSpan() (first, last Date) {
	for i := range d.Records {
		r := &d.Records[i]
		if first.IsZero() || r.Start.Compare(first) < 0 {
			first = r.Start
		}
		end := r.Start
		if !r.End.IsZero() {
			end = r.End
		}
		if last.IsZero() || last.Last().Compare(end.Last()) < 0 {
			last = end
		}
	}
	return first, last
}

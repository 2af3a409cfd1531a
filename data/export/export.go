// Package export writes a dipgraph dataset, or the graph built from it, in
// the formats other tools read: NetworkX/D3 node-link JSON, GraphML, GEXF
// (for Gephi, with dates as time intervals) and CSV sheets (which
// "dipgraph import --from csv" reads back). Our own JSON data format is
// data.EncodeJSON; DOT is render.DOT.
//
// Every writer sorts before writing: the same graph gives the same bytes.
package export

import (
	"cmp"
	"slices"

	"github.com/dipgraph/dipgraph/graph"
)

// AllNodes makes g list every entity of its dataset, sorted by id, not only
// those with edges: an unfiltered export carries the whole dataset.
func AllNodes(g *graph.Graph) {
	g.Nodes = g.Nodes[:0]
	for i := range g.Dataset.Entities {
		g.Nodes = append(g.Nodes, &g.Dataset.Entities[i])
	}
	slices.SortFunc(g.Nodes, func(a, b *graph.Entity) int { return cmp.Compare(a.ID, b.ID) })
}

// interval is a closed span of days, for GEXF spells; open has no end.
type interval struct {
	start, end graph.Date // day precision
	open       bool
}

// spans returns the days an edge's records cover, merged where they
// overlap (Gephi refuses overlapping intervals on one element).
func spans(records []*graph.Record) []interval {
	var iv []interval
	for _, r := range records {
		v := interval{start: r.Start.First()}
		switch {
		case r.Ongoing:
			v.open = true
		case r.IsEvent():
			v.end = r.Start.Last()
		default:
			v.end = r.End.Last()
		}
		iv = append(iv, v)
	}
	return merge(iv)
}

// merge sorts intervals and joins the overlapping ones.
func merge(iv []interval) []interval {
	slices.SortFunc(iv, func(a, b interval) int { return a.start.Compare(b.start) })
	var out []interval
	for _, v := range iv {
		if n := len(out); n > 0 && (out[n-1].open || !out[n-1].end.Before(v.start)) {
			last := &out[n-1]
			switch {
			case last.open:
			case v.open:
				last.open, last.end = true, graph.Date{}
			case last.end.Compare(v.end) < 0:
				last.end = v.end
			}
			continue
		}
		out = append(out, v)
	}
	return out
}

// edgeDates returns the first and last dates of an edge's records as
// written in the data, and whether any record is ongoing.
func edgeDates(e *graph.Edge) (first, last string, ongoing bool) {
	for _, r := range e.Records {
		ongoing = ongoing || r.Ongoing
	}
	return e.First().String(), e.Last().String(), ongoing
}

// sign returns the sign word of an edge's type.
func typeOf(ds *graph.Dataset, id string) graph.Type {
	t, _ := ds.Type(id)
	return t
}

package graph

import (
	"cmp"
	"slices"
)

// Graph is the weighted multigraph a figure draws: the entities kept by the
// filter and one Edge per (type, direction, pair) of the records kept.
type Graph struct {
	Dataset *Dataset
	Nodes   []*Entity // sorted by id
	Edges   []*Edge   // sorted by type order, then endpoints
	Types   []Type    // the types of the edges drawn, in declaration order
	Sources []*Source // the sources of the records drawn, sorted by id
	// Members and Inner are set on a country-level graph (Fold): the
	// entities each country node stands for (its people in the graph
	// before folding, sorted by id), and the edges between them, which
	// have no country-level line (Kim Jong Un and his sister), by country.
	Members map[string][]*Entity
	Inner   map[string][]*Edge
}

// Edge aggregates every kept record of one type between one pair. For an
// undirected edge From < To; a directed edge goes From → To.
type Edge struct {
	Type     string
	From, To string
	Directed bool
	// Weight is the sum of the records' weights (events on the same days
	// counting once, at the heaviest: weightOf): repeated summits, or an
	// alliance reaffirmed, make a heavier edge.
	Weight  float64
	Records []*Record // sorted by date, then id, then note
}

// First and Last are the earliest and latest dates of the edge's records.
func (e *Edge) First() Date { return e.Records[0].Start }

// Last is the latest date any of the edge's records covers.
func (e *Edge) Last() Date {
	last := Date{}
	for _, r := range e.Records {
		d := r.Start
		if !r.End.IsZero() {
			d = r.End
		}
		if last.IsZero() || last.Compare(d) < 0 {
			last = d
		}
	}
	return last
}

type edgeKey struct {
	typ, from, to string
	directed      bool
}

// Build filters the dataset's records and aggregates them into a Graph.
//
// The rules, in order:
//  1. A record is kept when its type is among f.Types (if given) and its
//     dates pass f.From/f.To (overlap) and f.AsOf (in force, or an event
//     within f.Window before; see Window.Start).
//  2. A kept record becomes pairs: a directed record acts from its first
//     party on each of the others; an undirected one relates every pair.
//  3. Pairs of one type and direction between the same two entities
//     aggregate into one Edge whose Weight is the sum of the records'
//     weights, except that events on the same days count once, at the
//     heaviest of them (weightOf).
//  4. Edges lighter than f.MinWeight are dropped.
//  5. With f.Focus, only entities within f.Depth edges of the focus stay
//     (people's membership of their country counts as an edge), and only
//     edges between kept entities.
//  6. Entities left without edges are dropped, except the focus and the
//     countries of the people kept (they frame their people).
//
// Build assumes the dataset has been validated.
func Build(d *Dataset, f Filter) *Graph {
	edges := map[edgeKey]*Edge{}
	events := map[string]bool{} // type id → of kind event
	for _, id := range d.TypeIDs() {
		t, _ := d.Type(id)
		events[id] = t.Kind == KindEvent
	}
	eventLike := func(r *Record) bool { return r.IsEvent() || (!r.Ongoing && events[r.Type]) }
	for i := range d.Records {
		r := &d.Records[i]
		if !f.keeps(r, eventLike(r)) {
			continue
		}
		for _, p := range pairs(r) {
			k := edgeKey{typ: r.Type, from: p[0], to: p[1], directed: r.Directed}
			e := edges[k]
			if e == nil {
				e = &Edge{Type: r.Type, From: p[0], To: p[1], Directed: r.Directed}
				edges[k] = e
			}
			e.Records = append(e.Records, r)
		}
	}
	var kept []*Edge
	for _, e := range edges {
		e.Weight = weightOf(e.Records, eventLike)
		if e.Weight >= f.MinWeight {
			kept = append(kept, e)
		}
	}
	if f.Focus != "" {
		near := neighbourhood(d, kept, f.Focus, f.Depth)
		kept = slices.DeleteFunc(kept, func(e *Edge) bool { return !near[e.From] || !near[e.To] })
	}

	g := &Graph{Dataset: d}
	typeOrder := map[string]int{}
	for i, id := range d.TypeIDs() {
		typeOrder[id] = i
	}
	slices.SortFunc(kept, func(a, b *Edge) int {
		return cmp.Or(
			cmp.Compare(typeOrder[a.Type], typeOrder[b.Type]),
			cmp.Compare(a.From, b.From),
			cmp.Compare(a.To, b.To),
			boolCmp(a.Directed, b.Directed),
		)
	})
	g.Edges = kept

	used := map[string]bool{}
	usedType := map[string]bool{}
	usedSource := map[string]bool{}
	for _, e := range kept {
		used[e.From], used[e.To] = true, true
		usedType[e.Type] = true
		slices.SortFunc(e.Records, func(a, b *Record) int {
			return cmp.Or(a.Start.Compare(b.Start), cmp.Compare(a.ID, b.ID), cmp.Compare(a.Note, b.Note))
		})
		for _, r := range e.Records {
			usedSource[r.Source] = true
		}
	}
	if f.Focus != "" {
		used[f.Focus] = true
	}
	for id := range used {
		if e, ok := d.Entity(id); ok && e.Country != "" {
			if _, ok := d.Entity(e.Country); ok {
				used[e.Country] = true
			}
		}
	}
	for i := range d.Entities {
		if used[d.Entities[i].ID] {
			g.Nodes = append(g.Nodes, &d.Entities[i])
		}
	}
	slices.SortFunc(g.Nodes, func(a, b *Entity) int { return cmp.Compare(a.ID, b.ID) })
	for _, id := range d.TypeIDs() {
		if usedType[id] {
			t, _ := d.Type(id)
			g.Types = append(g.Types, t)
		}
	}
	for i := range d.Sources {
		if usedSource[d.Sources[i].ID] {
			g.Sources = append(g.Sources, &d.Sources[i])
		}
	}
	slices.SortFunc(g.Sources, func(a, b *Source) int { return cmp.Compare(a.ID, b.ID) })
	return g
}

// pairs expands a record into the entity pairs it relates.
func pairs(r *Record) [][2]string {
	var out [][2]string
	if r.Directed {
		for _, to := range r.Parties[1:] {
			if to != r.Parties[0] {
				out = append(out, [2]string{r.Parties[0], to})
			}
		}
		return out
	}
	for i, a := range r.Parties {
		for _, b := range r.Parties[i+1:] {
			if a == b {
				continue
			}
			if b < a {
				a, b := b, a
				out = append(out, [2]string{a, b})
				continue
			}
			out = append(out, [2]string{a, b})
		}
	}
	return out
}

// neighbourhood returns the entities within depth hops of focus, over the
// edges and over membership links between people and their country.
func neighbourhood(d *Dataset, edges []*Edge, focus string, depth int) map[string]bool {
	adj := map[string][]string{}
	link := func(a, b string) {
		adj[a] = append(adj[a], b)
		adj[b] = append(adj[b], a)
	}
	for _, e := range edges {
		link(e.From, e.To)
	}
	for _, e := range d.Entities {
		if e.Country != "" {
			link(e.ID, e.Country)
		}
	}
	seen := map[string]bool{focus: true}
	frontier := []string{focus}
	for step := 0; step < depth && len(frontier) > 0; step++ {
		var next []string
		for _, n := range frontier {
			for _, m := range adj[n] {
				if !seen[m] {
					seen[m] = true
					next = append(next, m)
				}
			}
		}
		frontier = next
	}
	return seen
}

func boolCmp(a, b bool) int {
	switch {
	case a == b:
		return 0
	case !a:
		return -1
	}
	return 1
}

// weightOf is the weight of an edge's records: the sum of their weights,
// except that events (event says which records are) on the same days
// count once, at the heaviest of them. Two summit records between one
// pair on one day — a parade attended together and the talks after it —
// are one encounter, and a reader takes a heavier line for more
// encounters, not for one day written twice; the tooltip and the caption
// still list both. Periods always add (two periods that begin in one year
// are two relations), and so do events dated to a month or a year only:
// "Sep 2025" twice may be two things that month.
func weightOf(rs []*Record, event func(*Record) bool) float64 {
	type span struct{ start, end Date }
	heaviest := map[span]float64{}
	var spans []span
	sum := 0.0
	for _, r := range rs {
		if !event(r) || r.Start.Day == 0 {
			sum += r.Weight
			continue
		}
		k := span{r.Start, r.End}
		w, seen := heaviest[k]
		if !seen {
			spans = append(spans, k)
		}
		heaviest[k] = max(w, r.Weight)
	}
	for _, k := range spans { // in the records' order, so the sum is the same each time
		sum += heaviest[k]
	}
	return sum
}

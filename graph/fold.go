package graph

import (
	"cmp"
	"slices"
)

// Fold returns the country-level view of g: every entity that names a
// country of the dataset (a leader, another person, an organisation that
// belongs to one) is replaced by that country, so that Kim Jong Un's summit
// with Vladimir Putin counts as a tie between North Korea and Russia.
//
// Edges that fold onto the same type, direction and pair become one edge;
// each record counts once towards it, however many of its pairs fold onto
// that pair, so its weight is the sum of the weights of its distinct
// records. An edge whose two ends fold into the same country (Kim Jong Un
// and his sister) has no country-level meaning and is left out: internal
// counts them. The result is sorted as Build sorts.
func Fold(g *Graph) (folded *Graph, internal int) {
	d := g.Dataset
	countryOf := countries(d)
	unit := func(id string) string {
		if c, ok := countryOf[id]; ok {
			return c
		}
		return id
	}
	out := &Graph{Dataset: d, Sources: g.Sources, Members: map[string][]*Entity{}, Inner: map[string][]*Edge{}}
	byKey := map[edgeKey]*Edge{}
	seen := map[edgeKey]map[*Record]bool{}
	var keys []edgeKey // first-seen order, sorted below
	for _, e := range g.Edges {
		from, to := unit(e.From), unit(e.To)
		if from == to {
			internal++
			out.Inner[from] = append(out.Inner[from], e)
			continue
		}
		if !e.Directed && to < from {
			from, to = to, from
		}
		k := edgeKey{typ: e.Type, from: from, to: to, directed: e.Directed}
		fe := byKey[k]
		if fe == nil {
			fe = &Edge{Type: e.Type, From: from, To: to, Directed: e.Directed}
			byKey[k] = fe
			seen[k] = map[*Record]bool{}
			keys = append(keys, k)
		}
		for _, r := range e.Records {
			if !seen[k][r] {
				seen[k][r] = true
				fe.Weight += r.Weight
				fe.Records = append(fe.Records, r)
			}
		}
	}
	order := typeOrder(d)
	for _, k := range keys {
		fe := byKey[k]
		slices.SortFunc(fe.Records, recordCmp)
		out.Edges = append(out.Edges, fe)
	}
	slices.SortFunc(out.Edges, func(a, b *Edge) int { return edgeCmp(order, a, b) })

	used := map[string]bool{}
	for _, n := range g.Nodes {
		used[unit(n.ID)] = true
		if c := unit(n.ID); c != n.ID {
			out.Members[c] = append(out.Members[c], n)
		}
	}
	for i := range d.Entities {
		if used[d.Entities[i].ID] {
			out.Nodes = append(out.Nodes, &d.Entities[i])
		}
	}
	slices.SortFunc(out.Nodes, func(a, b *Entity) int { return cmp.Compare(a.ID, b.ID) })
	usedType := map[string]bool{}
	for _, e := range out.Edges {
		usedType[e.Type] = true
	}
	for _, t := range g.Types {
		if usedType[t.ID] {
			out.Types = append(out.Types, t)
		}
	}
	return out, internal
}

// Members returns, for each country of the dataset, the ids of the entities
// that Fold folds into it, sorted.
func Members(d *Dataset) map[string][]string {
	m := map[string][]string{}
	for id, c := range countries(d) {
		m[c] = append(m[c], id)
	}
	for _, ids := range m {
		slices.Sort(ids)
	}
	return m
}

// countries maps the id of every entity that names a country of the
// dataset to that country's id.
func countries(d *Dataset) map[string]string {
	kind := make(map[string]Kind, len(d.Entities))
	for _, e := range d.Entities {
		kind[e.ID] = e.Kind
	}
	m := map[string]string{}
	for _, e := range d.Entities {
		if e.Country != "" && e.Country != e.ID && kind[e.Country] == KindCountry {
			m[e.ID] = e.Country
		}
	}
	return m
}

func typeOrder(d *Dataset) map[string]int {
	order := map[string]int{}
	for i, id := range d.TypeIDs() {
		order[id] = i
	}
	return order
}

func edgeCmp(typeOrder map[string]int, a, b *Edge) int {
	return cmp.Or(
		cmp.Compare(typeOrder[a.Type], typeOrder[b.Type]),
		cmp.Compare(a.From, b.From),
		cmp.Compare(a.To, b.To),
		boolCmp(a.Directed, b.Directed),
	)
}

func recordCmp(a, b *Record) int {
	return cmp.Or(a.Start.Compare(b.Start), cmp.Compare(a.ID, b.ID), cmp.Compare(a.Note, b.Note))
}

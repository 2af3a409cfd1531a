package graph

import (
	"cmp"
	"slices"
)

// Ties: a bundle of every relation between one pair of entities, drawn as
// one line whose kind says what the relations mostly are (the news desks'
// "who backs whom" maps: one line per pair, coloured by the tie).
//
// The tie kinds are relation types of their own, with ids no data file
// can declare (a data file's ids start with a letter or digit), so a
// bundled graph is drawn, styled, scored and explained in the legend as
// any other graph; Dataset.Type knows them.
const (
	TieCooperation = "_cooperation"
	TieMixed       = "_mixed"
	TieConflict    = "_conflict"
	TieContact     = "_contact"
)

var tieTypes = []Type{
	{ID: TieCooperation, Label: "Cooperation", Sign: Positive},
	{ID: TieMixed, Label: "Mixed: cooperation and conflict", Sign: Neutral},
	{ID: TieConflict, Label: "Conflict", Sign: Negative},
	{ID: TieContact, Label: "Contact (meetings, messages)", Sign: Neutral},
}

// TieTypes returns a copy of the tie kinds, in the order a legend lists
// them.
func TieTypes() []Type { return slices.Clone(tieTypes) }

// IsTie reports whether id is one of the tie kinds BundleBySign draws.
func IsTie(id string) bool { _, ok := tieType(id); return ok }

func tieType(id string) (Type, bool) {
	for _, t := range tieTypes {
		if t.ID == id {
			return t, true
		}
	}
	return Type{}, false
}

// BundleBySign returns g with every edge between one pair of entities,
// of whatever types and directions, merged into one undirected edge
// (From < To) whose type is the pair's tie kind:
//   - TieConflict when its records are of negative types, or negative and
//     neutral ones;
//   - TieCooperation when they are of positive types, or positive and
//     neutral ones;
//   - TieMixed when there are both positive and negative ones;
//   - TieContact when every one is neutral (summits, messages).
//
// Its weight is the sum of the merged edges' weights and its records are
// theirs, sorted as an edge's are; the records keep their own types and
// parties, which say who did what (a bundle's caption rows). The nodes are
// g's; Types are the tie kinds drawn, in the order above.
func BundleBySign(g *Graph) *Graph {
	type pair struct{ a, b string }
	out := &Graph{Dataset: g.Dataset, Nodes: g.Nodes, Sources: g.Sources, Members: g.Members, Inner: g.Inner, Also: g.Also}
	byPair := map[pair]*Edge{}
	signs := map[pair][3]bool{} // seen, indexed by Sign
	var order []pair
	for _, e := range g.Edges {
		p := pair{e.From, e.To}
		if p.b < p.a {
			p = pair{p.b, p.a}
		}
		be := byPair[p]
		if be == nil {
			be = &Edge{From: p.a, To: p.b}
			byPair[p] = be
			order = append(order, p)
		}
		be.Weight += e.Weight
		be.Records = append(be.Records, e.Records...)
		t, _ := g.Dataset.Type(e.Type)
		s := signs[p]
		s[t.Sign] = true
		signs[p] = s
	}
	used := map[string]bool{}
	for _, p := range order {
		be := byPair[p]
		s := signs[p]
		switch {
		case s[Positive] && s[Negative]:
			be.Type = TieMixed
		case s[Negative]:
			be.Type = TieConflict
		case s[Positive]:
			be.Type = TieCooperation
		default:
			be.Type = TieContact
		}
		used[be.Type] = true
		be.Records = slices.Compact(sortedRecords(be.Records))
		out.Edges = append(out.Edges, be)
	}
	rank := map[string]int{}
	for i, t := range tieTypes {
		rank[t.ID] = i
		if used[t.ID] {
			out.Types = append(out.Types, t)
		}
	}
	slices.SortFunc(out.Edges, func(a, b *Edge) int {
		return cmp.Or(cmp.Compare(rank[a.Type], rank[b.Type]), cmp.Compare(a.From, b.From), cmp.Compare(a.To, b.To))
	})
	return out
}

func sortedRecords(rs []*Record) []*Record {
	slices.SortStableFunc(rs, recordCmp)
	return rs
}

// FoldMinor returns g without its edges lighter than w, which it lists in
// Also instead (in g's order), for a figure's "Also:" note: the minor ties
// are told in words rather than drawn. Entities left without a drawn edge
// are dropped, except a country whose people are still drawn (its frame);
// the sources stay g's, so the note's citations resolve. w ≤ 0 returns g.
func FoldMinor(g *Graph, w float64) *Graph {
	if w <= 0 {
		return g
	}
	out := *g
	out.Edges, out.Also, out.Types, out.Nodes = nil, slices.Clone(g.Also), nil, nil
	used := map[string]bool{}
	for _, e := range g.Edges {
		if e.Weight < w {
			out.Also = append(out.Also, e)
			continue
		}
		out.Edges = append(out.Edges, e)
		used[e.From], used[e.To] = true, true
	}
	keep := map[string]bool{}
	for _, n := range g.Nodes {
		if used[n.ID] {
			keep[n.ID] = true
			if n.Country != "" {
				keep[n.Country] = true
			}
		}
	}
	for _, n := range g.Nodes {
		if keep[n.ID] {
			out.Nodes = append(out.Nodes, n)
		}
	}
	out.Types = typesDrawn(g.Types, out.Edges)
	return &out
}

// Joined reports whether some record of d joins a and b: the two
// themselves, or, for an end that is a country, one of its people (as the
// country level rolls them up). A caption (ties:) for a pair no record
// joins would show on no line.
func (d *Dataset) Joined(a, b string) bool {
	country := map[string]string{}
	for _, e := range d.Entities {
		if e.Country != "" {
			country[e.ID] = e.Country
		}
	}
	at := func(id, end string) bool { return id == end || country[id] == end }
	for _, r := range d.Records {
		for i, p := range r.Parties {
			for j, q := range r.Parties {
				if i == j || (r.Directed && i != 0 && j != 0) {
					continue
				}
				if (at(p, a) && at(q, b)) || (at(p, b) && at(q, a)) {
					return true
				}
			}
		}
	}
	return false
}

package render

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"github.com/dipgraph/dipgraph/graph"
)

// The text of a country-level or bundled figure: country nodes that list
// their people, caption rows that say who did what, and tooltips that
// keep every record (see level.go).

// whoDid returns, for the edge e of g, the "who → whom" a record's
// caption row and tooltip line start with, or nil when the edge's own
// ends say it: at the people level, on a line of one relation type. A row
// names the record's own parties that stand at the edge's two ends (the
// person, or the country itself), with an arrow for a directed record.
func whoDid(g *graph.Graph, e *graph.Edge) func(*graph.Record) string {
	if g.Members == nil && !graph.IsTie(e.Type) {
		return nil
	}
	at := func(id, end string) bool {
		if id == end {
			return true
		}
		x, ok := g.Dataset.Entity(id)
		return ok && x.Country == end
	}
	name := func(id string) string {
		if x, ok := g.Dataset.Entity(id); ok {
			return x.Name
		}
		return id
	}
	return func(r *graph.Record) string {
		// The record's pair at the edge's ends, as graph.Build pairs it.
		ps := r.Parties
		var a, b string
		for i, p := range ps {
			for j, q := range ps {
				if i == j || (r.Directed && i != 0) {
					continue
				}
				if a == "" && ((at(p, e.From) && at(q, e.To)) || (at(p, e.To) && at(q, e.From))) {
					a, b = p, q
				}
			}
		}
		if a == "" {
			return ""
		}
		if !r.Directed && at(a, e.To) && !at(a, e.From) {
			a, b = b, a // an undirected row reads in the edge's order
		}
		switch {
		case a == e.From && b == e.To && r.Directed == e.Directed:
			return "" // the line's own ends say it
		case graph.IsTie(e.Type) && !r.Directed && ((a == e.From && b == e.To) || (a == e.To && b == e.From)):
			return "" // so do a bundle's, for a tie of the two themselves
		}
		arrow := " – "
		if r.Directed {
			arrow = " → "
		}
		return name(a) + arrow + name(b)
	}
}

// rowOrder is the order of a bundle's caption rows: heaviest first, then
// newest first; other edges' rows are newest first.
func rowOrder(e *graph.Edge) []*graph.Record {
	rs := slices.Clone(e.Records)
	slices.Reverse(rs)
	if graph.IsTie(e.Type) {
		slices.SortStableFunc(rs, func(a, b *graph.Record) int { return cmp.Compare(b.Weight, a.Weight) })
	}
	return rs
}

// countryLabel is the HTML-like label of a country node of a
// country-level figure: its name, in bold at the country's size, over its
// people, one per line at the leaders' size, leaders first, each with the
// native script where the data gives it.
func countryLabel(e *graph.Entity, members []*graph.Entity, s NodeStyle, people float64, k float64) [2]string {
	var b strings.Builder
	name := strings.Join(wrap(e.Name, s.FontSize, nameWidth), "\n")
	if e.Native != "" && e.Native != e.Name {
		name += "\n" + e.Native
	}
	fmt.Fprintf(&b, `<FONT POINT-SIZE="%s">`, scaled(s.FontSize, k))
	lines := strings.Split(name, "\n")
	for i, l := range lines {
		if i > 0 {
			b.WriteString("<BR/>")
		}
		if s.Bold {
			b.WriteString("<B>" + htmlText(l) + "</B>")
		} else {
			b.WriteString(htmlText(l))
		}
	}
	b.WriteString("</FONT>")
	for _, m := range leadersFirst(members) {
		l := m.Name
		if m.Native != "" && m.Native != m.Name {
			l += "  " + m.Native
		}
		fmt.Fprintf(&b, `<BR/><FONT POINT-SIZE="%s">%s</FONT>`, scaled(people, k), htmlText(l))
	}
	return [2]string{htmlLabel, b.String()}
}

// leadersFirst orders a country's people: leaders, then the others, each
// by name.
func leadersFirst(ms []*graph.Entity) []*graph.Entity {
	out := slices.Clone(ms)
	slices.SortStableFunc(out, func(a, b *graph.Entity) int {
		return cmp.Or(boolRank(a.Kind != graph.KindLeader, b.Kind != graph.KindLeader), cmp.Compare(a.Name, b.Name))
	})
	return out
}

func boolRank(a, b bool) int {
	switch {
	case a == b:
		return 0
	case a:
		return 1
	}
	return -1
}

// countryTooltip adds to a country node's tooltip, on a country-level
// figure, its people (with their roles) and the ties among them, which
// have no line there.
func countryTooltip(base string, g *graph.Graph, id string) string {
	lines := []string{base}
	if ms := leadersFirst(g.Members[id]); len(ms) > 0 {
		lines = append(lines, "People:")
		for _, m := range ms {
			l := "• " + m.Name
			if m.Native != "" && m.Native != m.Name {
				l += " (" + m.Native + ")"
			}
			var roles []string
			for _, r := range m.Roles {
				roles = append(roles, r.Title)
			}
			if len(roles) > 0 {
				l += ", " + strings.Join(roles, "; ")
			}
			lines = append(lines, l)
		}
	}
	if inner := g.Inner[id]; len(inner) > 0 {
		lines = append(lines, "Ties within:")
		for _, e := range inner {
			t, _ := g.Dataset.Type(e.Type)
			from, _ := g.Dataset.Entity(e.From)
			to, _ := g.Dataset.Entity(e.To)
			arrow := " – "
			if e.Directed {
				arrow = " → "
			}
			for _, r := range e.Records {
				l := fmt.Sprintf("• %s%s%s (%s): %s", from.Name, arrow, to.Name, t.Label, strings.TrimSpace(r.Label))
				lines = append(lines, strings.TrimSuffix(l, ": ")+", "+recordWhen(r))
			}
		}
	}
	return strings.Join(lines, "\n")
}

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
// figure, its people (with their roles, other names and notes, as their
// own nodes' tooltips have them) and the ties among them, which have no
// line there.
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
			if len(m.Aliases) > 0 {
				l += "; also: " + strings.Join(m.Aliases, ", ")
			}
			if m.Note != "" {
				l += " — " + m.Note
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

// pairCaptions are the curator's captions (ties:) for a bundled line of
// g: one for the line's own pair first, then those whose pair rolls up to
// it (a caption for two leaders, on their countries' line), in the data's
// order. The line shows the first; its tooltip lists them all.
func pairCaptions(g *graph.Graph, e *graph.Edge) []graph.PairCaption {
	if !graph.IsTie(e.Type) || len(g.Dataset.Captions) == 0 {
		return nil
	}
	drawn := map[string]bool{}
	for _, n := range g.Nodes {
		drawn[n.ID] = true
	}
	unit := func(id string) string {
		if x, ok := g.Dataset.Entity(id); ok && !drawn[id] && drawn[x.Country] {
			return x.Country
		}
		return id
	}
	same := func(a, b string) bool { return (a == e.From && b == e.To) || (a == e.To && b == e.From) }
	var exact, folded []graph.PairCaption
	for _, c := range g.Dataset.Captions {
		switch {
		case same(c.Between[0], c.Between[1]):
			exact = append(exact, c)
		case same(unit(c.Between[0]), unit(c.Between[1])):
			folded = append(folded, c)
		}
	}
	return append(exact, folded...)
}

// captionText is a curator's caption as a line shows it: wrapped, with
// its source's number when the figure cites.
func captionText(g *graph.Graph, c graph.PairCaption, cite bool) string {
	text := c.Caption
	if cite && c.Source != "" {
		for i, s := range g.Sources {
			if s.ID == c.Source {
				text += fmt.Sprintf(" [%d]", i+1)
			}
		}
	}
	return strings.Join(wrap(text, edgeFont, captionWidth*1.5), "\n")
}

// captionWarnings are the warnings of a bundled figure about captions
// (ties:) that no line of it shows: their pair is not joined in this
// figure (its filters, or no record).
func captionWarnings(g *graph.Graph) []string {
	if !slices.ContainsFunc(g.Edges, func(e *graph.Edge) bool { return graph.IsTie(e.Type) }) {
		return nil
	}
	shown := map[graph.PairCaption]bool{}
	for _, e := range g.Edges {
		for _, c := range pairCaptions(g, e) {
			shown[c] = true
		}
	}
	var out []string
	for _, c := range g.Dataset.Captions {
		if !shown[c] {
			out = append(out, fmt.Sprintf("%s: the caption for %s and %s (ties:) is on no line: no line joins them in this figure", g.Dataset.ID, c.Between[0], c.Between[1]))
		}
	}
	return out
}

package data

import (
	"fmt"
	"slices"
	"strconv"

	"github.com/goccy/go-yaml/ast"

	"github.com/dipgraph/dipgraph/graph"
)

// The fields each part of a data file may have. Anything else is reported
// as an unknown field, so a typo never passes silently.
var (
	topFields      = []string{"$schema", "dipgraph", "id", "title", "description", "as-of", "sources", "types", "entities", "relations", "ties"}
	entityFields   = []string{"id", "kind", "name", "native", "aliases", "country", "roles", "note"}
	roleFields     = []string{"title", "start", "end"}
	typeFields     = []string{"id", "label", "sign", "kind", "weight", "style"}
	styleFields    = []string{"color", "line", "arrow"}
	relationFields = []string{"id", "type", "between", "from", "to", "date", "start", "end", "ongoing", "weight", "label", "note", "source", "cite", "reported"}
	sourceFields   = []string{"id", "title", "publisher", "author", "date", "url", "note"}
	tieFields      = []string{"between", "caption", "source"}
)

func (d *decoder) top(n ast.Node, f *file) {
	f.at = at{"": d.pos(n)}
	for _, fl := range d.mapping(n, "the data file", topFields) {
		f.at[fl.key] = d.pos(fl.val)
		switch fl.key {
		case "$schema":
			d.str(fl.val, "$schema") // for editors; dipgraph ignores it
		case "dipgraph":
			v, ok := d.num(fl.val, "dipgraph (the format version)")
			if ok {
				f.version = int(v)
				if float64(f.version) != v {
					f.version = -1
				}
			}
		case "id":
			f.id = d.str(fl.val, "id")
		case "title":
			f.title = d.str(fl.val, "title")
		case "description":
			f.description = d.str(fl.val, "description")
		case "as-of":
			f.asOf = d.date(fl.val, "as-of (the date the data is current to)", false)
		case "sources":
			for i, item := range d.sequence(fl.val, "sources") {
				if !d.item(item, fmt.Sprintf("source #%d", i+1)) {
					continue
				}
				s, a := d.source(item, i)
				f.sources, f.sourceAt = append(f.sources, s), append(f.sourceAt, a)
			}
		case "types":
			for i, item := range d.sequence(fl.val, "types") {
				if !d.item(item, fmt.Sprintf("type #%d", i+1)) {
					continue
				}
				t, a, set := d.relType(item, i)
				f.types, f.typeAt, f.typeWeightSet = append(f.types, t), append(f.typeAt, a), append(f.typeWeightSet, set)
			}
		case "entities":
			for i, item := range d.sequence(fl.val, "entities") {
				if !d.item(item, fmt.Sprintf("entity #%d", i+1)) {
					continue
				}
				e, a := d.entity(item, i)
				f.entities, f.entityAt = append(f.entities, e), append(f.entityAt, a)
			}
		case "relations":
			for i, item := range d.sequence(fl.val, "relations") {
				if !d.item(item, fmt.Sprintf("relation #%d", i+1)) {
					continue
				}
				r, a, set := d.relation(item, i)
				f.records, f.recordAt, f.recordWeightSet = append(f.records, r), append(f.recordAt, a), append(f.recordWeightSet, set)
				f.recordNum = append(f.recordNum, i+1)
			}
		case "ties":
			for i, item := range d.sequence(fl.val, "ties") {
				if !d.item(item, fmt.Sprintf("tie #%d", i+1)) {
					continue
				}
				t, a := d.tie(item, i)
				f.ties, f.tieAt = append(f.ties, t), append(f.tieAt, a)
			}
		}
	}
}

func (d *decoder) entity(n ast.Node, i int) (graph.Entity, at) {
	var e graph.Entity
	a := at{"": d.pos(n)}
	what := fmt.Sprintf("entity #%d", i+1)
	for _, fl := range d.mapping(n, what, entityFields) {
		a[fl.key] = d.pos(fl.val)
		switch fl.key {
		case "id":
			e.ID = d.str(fl.val, "entity id")
		case "kind":
			e.Kind = graph.Kind(d.str(fl.val, "kind"))
		case "name":
			e.Name = d.str(fl.val, "name")
		case "native":
			e.Native = d.str(fl.val, "native")
		case "aliases":
			var ps []Pos
			e.Aliases, ps = d.strs(fl.val, "aliases")
			for j, p := range ps {
				a["aliases."+strconv.Itoa(j)] = p
			}
		case "country":
			e.Country = d.str(fl.val, "country")
		case "roles":
			for _, item := range d.sequence(fl.val, "roles") {
				if !d.item(item, "a role") {
					continue
				}
				var r graph.Role
				k := "roles." + strconv.Itoa(len(e.Roles)) // as validate indexes e.Roles
				a[k] = d.pos(item)
				for _, rf := range d.mapping(item, "a role", roleFields) {
					a[k+"."+rf.key] = d.pos(rf.val)
					switch rf.key {
					case "title":
						r.Title = d.str(rf.val, "role title")
					case "start":
						r.Start = d.date(rf.val, "role start", false)
					case "end":
						r.End = d.date(rf.val, "role end", false)
					}
				}
				e.Roles = append(e.Roles, r)
			}
		case "note":
			e.Note = d.str(fl.val, "note")
		}
	}
	return e, a
}

func (d *decoder) relType(n ast.Node, i int) (graph.Type, at, bool) {
	var t graph.Type
	a := at{"": d.pos(n)}
	weightSet := false
	t.Sign = -1
	for _, fl := range d.mapping(n, fmt.Sprintf("type #%d", i+1), typeFields) {
		a[fl.key] = d.pos(fl.val)
		switch fl.key {
		case "id":
			t.ID = d.str(fl.val, "type id")
		case "label":
			t.Label = d.str(fl.val, "label")
		case "sign":
			s := d.str(fl.val, "sign")
			if sign, ok := graph.ParseSign(s); ok {
				t.Sign = sign
			} else {
				d.probs.add(d.pos(fl.val), "use positive (cooperative), negative (conflictual) or neutral", "sign %q is not one of positive, negative, neutral%s", s, graph.Suggest(s, []string{"positive", "negative", "neutral"}))
				t.Sign = graph.Neutral
			}
		case "kind":
			t.Kind = d.str(fl.val, "kind")
			if t.Kind != "" && !slices.Contains(graph.TypeKinds, t.Kind) {
				d.probs.add(d.pos(fl.val), "use event (it happens over its days, like a state visit) or state (a relation in force between its dates)", "kind %q is not one of event, state%s", t.Kind, graph.Suggest(t.Kind, graph.TypeKinds))
				t.Kind = ""
			}
		case "weight":
			t.Weight, weightSet = d.num(fl.val, "weight")
		case "style":
			for _, sf := range d.mapping(fl.val, "a style", styleFields) {
				a["style."+sf.key] = d.pos(sf.val)
				switch sf.key {
				case "color":
					t.Style.Color = d.str(sf.val, "color")
				case "line":
					t.Style.Line = d.str(sf.val, "line")
				case "arrow":
					t.Style.Arrow = d.str(sf.val, "arrow")
				}
			}
		}
	}
	return t, a, weightSet
}

func (d *decoder) relation(n ast.Node, i int) (graph.Record, at, bool) {
	var r graph.Record
	a := at{"": d.pos(n)}
	weightSet := false
	var between, to []string
	var betweenPos, toPos []Pos
	from := ""
	for _, fl := range d.mapping(n, fmt.Sprintf("relation #%d", i+1), relationFields) {
		a[fl.key] = d.pos(fl.val)
		switch fl.key {
		case "id":
			r.ID = d.str(fl.val, "relation id")
		case "type":
			r.Type = d.str(fl.val, "type")
		case "between":
			between, betweenPos = d.strs(fl.val, "between")
		case "from":
			from = d.str(fl.val, "from")
		case "to":
			to, toPos = d.strs(fl.val, "to")
		case "date":
			r.Start = d.date(fl.val, "date", true)
		case "start":
			r.Start = d.date(fl.val, "start", true)
		case "end":
			r.End = d.date(fl.val, "end", true)
		case "ongoing":
			r.Ongoing = d.boolean(fl.val, "ongoing")
		case "weight":
			r.Weight, weightSet = d.num(fl.val, "weight")
		case "label":
			r.Label = d.str(fl.val, "label")
		case "note":
			r.Note = d.str(fl.val, "note")
		case "source":
			r.Source = d.str(fl.val, "source")
		case "cite":
			r.Cite = d.str(fl.val, "cite")
		case "reported":
			r.Reported = d.date(fl.val, "reported", false)
		}
	}
	if _, ok := a["from"]; ok {
		r.Directed = true
		r.Parties = append([]string{from}, to...)
		a["party.0"] = a["from"]
		for j, p := range toPos {
			a["party."+strconv.Itoa(j+1)] = p
		}
	} else {
		r.Parties = between
		for j, p := range betweenPos {
			a["party."+strconv.Itoa(j)] = p
		}
	}
	return r, a, weightSet
}

func (d *decoder) source(n ast.Node, i int) (graph.Source, at) {
	var s graph.Source
	a := at{"": d.pos(n)}
	for _, fl := range d.mapping(n, fmt.Sprintf("source #%d", i+1), sourceFields) {
		a[fl.key] = d.pos(fl.val)
		switch fl.key {
		case "id":
			s.ID = d.str(fl.val, "source id")
		case "title":
			s.Title = d.str(fl.val, "title")
		case "publisher":
			s.Publisher = d.str(fl.val, "publisher")
		case "author":
			s.Author = d.str(fl.val, "author")
		case "date":
			s.Date = d.date(fl.val, "date", false)
		case "url":
			s.URL = d.str(fl.val, "url")
		case "note":
			s.Note = d.str(fl.val, "note")
		}
	}
	return s, a
}

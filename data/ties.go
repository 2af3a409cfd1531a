package data

import (
	"fmt"
	"strconv"

	"github.com/goccy/go-yaml/ast"

	"github.com/dipgraph/dipgraph/graph"
)

// ties: the curator's captions for pairs of entities. Each names a pair
// (between: [a, b]), one phrase (caption:) and, optionally, a source; a
// bundled line between the pair shows the phrase instead of its records'
// rows (render's --bundle sign, the country level's default).

func (d *decoder) tie(n ast.Node, i int) (graph.PairCaption, at) {
	var t graph.PairCaption
	a := at{"": d.pos(n)}
	for _, fl := range d.mapping(n, fmt.Sprintf("tie #%d", i+1), tieFields) {
		a[fl.key] = d.pos(fl.val)
		switch fl.key {
		case "between":
			ids, pos := d.strs(fl.val, "between")
			for j, id := range ids {
				if j < 2 {
					t.Between[j] = id
				}
				a["between."+strconv.Itoa(j)] = pos[j]
			}
			a["between.n"] = Pos{Line: len(ids)} // how many were given
		case "caption":
			t.Caption = d.str(fl.val, "caption")
		case "source":
			t.Source = d.str(fl.val, "source")
		}
	}
	return t, a
}

// validateTies checks the ties: two known, different entities each, a
// caption, a known source, one caption per pair; and notes a pair that no
// record joins (validate --strict refuses it).
func (m *merged) validateTies(ps *Problems, entIDs, srcIDs map[string]int, entitySuggest, srcSuggest func() *graph.Suggester) {
	ds := &m.ds
	seen := map[[2]string]int{}
	for i, t := range ds.Captions {
		a := m.tieAt[i]
		name := fmt.Sprintf("tie #%d", i+1)
		ok := true
		switch n := a["between.n"].Line; {
		case a["between"] == (Pos{}) && a["between.n"] == (Pos{}):
			ps.add(a.pos(""), "add between: [a, b], the pair the caption is for", "%s names no pair", name)
			ok = false
		case n != 2:
			ps.add(a.pos("between"), "list exactly two entity ids", "%s: between: needs two entities, not %d", name, n)
			ok = false
		case t.Between[0] == t.Between[1] && t.Between[0] != "":
			ps.add(a.pos("between.1"), "a tie joins two different entities", "%s joins %q to itself", name, t.Between[0])
			ok = false
		}
		for j, id := range t.Between {
			if j >= a["between.n"].Line {
				break
			}
			p := a.pos("between." + strconv.Itoa(j))
			switch _, known := entIDs[id]; {
			case id == "":
				ps.add(p, "give an entity id", "%s: empty entity id", name)
				ok = false
			case !known:
				ps.add(p, "declare it under entities: or fix the id", "unknown entity %q%s", id, entitySuggest().Suggest(id))
				ok = false
			}
		}
		if t.Caption == "" {
			ps.add(a.pos(""), "add caption: one short phrase, in your own words, for the figure", "%s has no caption", name)
		}
		if t.Source != "" {
			if _, known := srcIDs[t.Source]; !known {
				ps.add(a.pos("source"), "declare it under sources: or fix the id", "unknown source %q%s", t.Source, srcSuggest().Suggest(t.Source))
			}
		}
		if !ok {
			continue
		}
		key := t.Between
		if key[1] < key[0] {
			key[0], key[1] = key[1], key[0]
		}
		if j, dup := seen[key]; dup {
			ps.add(a.pos("between"), "give each pair one caption", "%s: a caption for %s and %s is already given at %s", name, t.Between[0], t.Between[1], m.tieAt[j].pos("between"))
			continue
		}
		seen[key] = i
		if !ds.Joined(t.Between[0], t.Between[1]) {
			m.notes.add(a.pos("between"), "add a relation between them, or drop the caption (validate --strict refuses it)",
				"%s: no relation joins %s and %s (or their people), so no line shows the caption", name, t.Between[0], t.Between[1])
		}
	}
}

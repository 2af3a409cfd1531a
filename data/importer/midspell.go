package importer

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/dipgraph/dipgraph/graph"
)

// midSpell is a run of consecutive dispute-years of one dispute and pair.
// A pair in a dispute in 1998 and 2002 only has two spells, each its own
// records, and is not a period 1998–2002.
type midSpell struct {
	key         midKey
	first, last int
	nth         int     // 0 for the pair's first spell, 1 for the next …
	years       []int   // every dispute-year of the pair, for the note
	sum         midYear // the spell's years folded together
	ongoing     bool    // still ongoing at the end of 2010, where the data ends
	rows        int
}

// midSpells splits a pair's dispute-years into spells of consecutive
// years.
func midSpells(k midKey, p *midPair) []midSpell {
	years := make([]int, len(p.years))
	for i, y := range p.years {
		years[i] = y.year
	}
	var out []midSpell
	for i := 0; i < len(p.years); {
		sp := midSpell{key: k, first: p.years[i].year, nth: len(out), years: years, sum: midYear{hiact: [2]int{-1, -1}}}
		j := i
		for ; j < len(p.years) && p.years[j].year == sp.first+(j-i); j++ {
			sp.sum.add(p.years[j])
		}
		sp.last, sp.rows = p.years[j-1].year, sp.sum.rows
		sp.ongoing = p.ongoing && j == len(p.years)
		out = append(out, sp)
		i = j
	}
	return out
}

// midRecords writes a spell's records: one from each state that took
// militarized action (hostility level 2 or more) acting on the other,
// weighted and labelled by that state's own level, Side A's first; when
// neither did, one from Side A. So a "war" record is always a war waged
// by the state it comes from, and the other state's level is its own
// record's (and both are in each note).
func midRecords(sp midSpell, source string) []graph.Record {
	states := [2]cowState{cowByCode[sp.key.lo], cowByCode[sp.key.hi]}
	a := sp.sum
	order := [2]int{0, 1}
	if a.sideA[1] && !a.sideA[0] || a.sideA[0] == a.sideA[1] && states[1].id < states[0].id {
		order = [2]int{1, 0}
	}
	var acting []int
	for _, i := range order {
		if a.host[i] >= 2 {
			acting = append(acting, i)
		}
	}
	if len(acting) == 0 {
		acting = []int{order[0]}
	}
	id := func(i int) string {
		s := fmt.Sprintf("mid%d-%s-%s", sp.key.disp, states[i].id, states[1-i].id)
		if sp.nth > 0 {
			s += "-" + strconv.Itoa(sp.first)
		}
		return s
	}
	var out []graph.Record
	for _, i := range acting {
		rec := graph.Record{ID: id(i), Type: "hostility", Parties: []string{states[i].id, states[1-i].id}, Directed: true,
			Start: graph.Date{Year: sp.first}, Source: source, Cite: fmt.Sprintf("dispute %d", sp.key.disp)}
		if sp.last != sp.first {
			rec.End = graph.Date{Year: sp.last}
		}
		if level := a.host[i]; level > 0 {
			rec.Weight = float64(level)
			rec.Label = hostilityLevels[level]
		}
		other := ""
		if len(acting) == 2 {
			other = id(1 - i)
		}
		rec.Note = midNote(sp, states, order, i, other)
		out = append(out, rec)
	}
	return out
}

// midNote summarises a spell in words for the record from state i:
// whose actions it carries, both states' levels, the pair's other
// spells, and the record of the other state's actions (other, if any).
func midNote(sp midSpell, states [2]cowState, order [2]int, i int, other string) string {
	a := sp.sum
	name := func(n int) string { return countryByID[states[n].id].name }
	var b strings.Builder
	fmt.Fprintf(&b, "Militarized interstate dispute %d, %s", sp.key.disp, yearList(years(sp.first, sp.last)))
	if a.host[i] >= 2 {
		fmt.Fprintf(&b, ": militarized actions by %s against %s, weighted and labelled by its hostility level.", name(i), name(1-i))
	} else if a.host[0] == 1 && a.host[1] == 1 {
		b.WriteString(": neither state took militarized action.")
	} else {
		b.WriteString(".")
	}
	if len(sp.years) != sp.last-sp.first+1 {
		fmt.Fprintf(&b, " The pair's dispute-years are %s: this record is the spell %s.", yearList(sp.years), yearList(years(sp.first, sp.last)))
	}
	for _, n := range order {
		fmt.Fprintf(&b, " %s", name(n))
		if a.sideA[n] && !a.sideA[1-n] {
			b.WriteString(" (Side A)")
		}
		b.WriteString(": ")
		act, h := a.hiact[n], a.host[n]
		switch {
		case act >= 0 && h > 0 && highestActions[act] == hostilityLevels[h]:
			fmt.Fprintf(&b, "highest action %s (hostility level %d).", highestActions[act], h)
		case act >= 0 && h > 0:
			fmt.Fprintf(&b, "highest action %s (hostility level %d, %s).", highestActions[act], h, hostilityLevels[h])
		case act >= 0:
			fmt.Fprintf(&b, "highest action %s.", highestActions[act])
		case h > 0:
			fmt.Fprintf(&b, "hostility level %d, %s.", h, hostilityLevels[h])
		default:
			b.WriteString("level unknown.")
		}
	}
	if other != "" {
		fmt.Fprintf(&b, " The actions by %s: record %s.", name(1-i), other)
	}
	if a.sideA[0] && a.sideA[1] {
		b.WriteString(" The two states were on different sides in different years.")
	}
	if sp.ongoing {
		b.WriteString(" Still ongoing at the end of 2010, where the data ends.")
	}
	return b.String()
}

// years lists the years from first to last.
func years(first, last int) []int {
	out := make([]int, 0, last-first+1)
	for y := first; y <= last; y++ {
		out = append(out, y)
	}
	return out
}

// yearList writes years as runs: 1990, 1992–1994.
func yearList(years []int) string {
	var parts []string
	for i := 0; i < len(years); {
		j := i
		for j+1 < len(years) && years[j+1] == years[j]+1 {
			j++
		}
		if j == i {
			parts = append(parts, strconv.Itoa(years[i]))
		} else {
			parts = append(parts, fmt.Sprintf("%d–%d", years[i], years[j]))
		}
		i = j + 1
	}
	return strings.Join(parts, ", ")
}

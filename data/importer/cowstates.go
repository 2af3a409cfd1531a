package importer

import (
	"fmt"
	"path"
	"slices"
	"strconv"
	"strings"

	"github.com/dipgraph/dipgraph/graph"
)

// importCOWStates reads the Correlates of War State System Membership
// list (states2016.csv): one country entity per state, its COW code and
// membership spells in the note. The file has no relations.
func importCOWStates(r *run, files []File) (*graph.Dataset, error) {
	type state struct {
		codes  []int
		spells map[int][]string // per COW code
		cow    []string         // COW's names, where they differ from ours
		last   graph.Date
	}
	states := map[string]*state{}
	var order []string
	var listEnd graph.Date // the end of the list's coverage: still a member then
	for _, f := range files {
		s, err := openSheet(r, f, ',', UTF8, false)
		if err != nil {
			return nil, err
		}
		if !s.require("stateabb", "ccode", "statenme", "styear", "stmonth", "stday", "endyear", "endmonth", "endday") {
			continue
		}
		if err := s.each(func() {
			code, ok := cowCode(s, "ccode")
			if !ok {
				return
			}
			start, ok1 := dateCols(s, "styear", "stmonth", "stday")
			end, ok2 := dateCols(s, "endyear", "endmonth", "endday")
			if !ok1 || !ok2 {
				return
			}
			if end.Before(start) {
				s.bad("endyear", "check the spell's dates", "membership ends (%s) before it starts (%s)", end, start)
				return
			}
			if listEnd.Compare(end) < 0 {
				listEnd = end
			}
			if !r.yearsOverlap(start.Year, end.Year) {
				r.leave("membership outside --since/--until")
				return
			}
			if !r.among(code.id) {
				r.leave("not among --countries")
				return
			}
			st := states[code.id]
			if st == nil {
				st = &state{spells: map[int][]string{}}
				states[code.id] = st
				order = append(order, code.id)
			}
			if !slices.Contains(st.codes, code.code) {
				st.codes = append(st.codes, code.code)
			}
			if name := s.get("statenme"); name != countryByID[code.id].name && !contains(st.cow, name) {
				st.cow = append(st.cow, strings.Clone(name))
			}
			st.spells[code.code] = append(st.spells[code.code], fmt.Sprintf("%s to %s", start, end))
			if st.last.Compare(end) < 0 {
				st.last = end
			}
		}); err != nil {
			return nil, err
		}
	}
	ds := &graph.Dataset{
		Title:       "Correlates of War state system members",
		Description: "Countries of the Correlates of War State System Membership List." + r.filterNote(),
		Sources:     []graph.Source{cowSource(files)},
	}
	for _, id := range order {
		st := states[id]
		e := countryEntity(id)
		e.Aliases = st.cow
		var parts []string
		for _, code := range st.codes {
			parts = append(parts, fmt.Sprintf("COW state %d (%s), system member %s", code, cowByCode[code].abbr, strings.Join(st.spells[code], ", ")))
		}
		e.Note = strings.Join(parts, "; ")
		if st.last == listEnd {
			e.Note += " (still a member when the list ends)"
		}
		e.Note += "."
		ds.Entities = append(ds.Entities, e)
	}
	return ds, nil
}

func cowSource(files []File) graph.Source {
	return graph.Source{
		ID:        "cow-states-2016",
		Title:     "State System Membership List, v2016",
		Publisher: "Correlates of War Project",
		Date:      graph.Date{Year: 2017},
		URL:       "https://correlatesofwar.org/",
		Note:      "Imported from " + fileNames(files) + ".",
	}
}

// fileNames lists the base names of the input files, for source notes.
func fileNames(files []File) string {
	names := make([]string, len(files))
	for i, f := range files {
		names[i] = path.Base(strings.ReplaceAll(f.Name, `\`, "/"))
	}
	return strings.Join(names, ", ")
}

// cowCode reads a COW state code from a column.
func cowCode(s *sheet, col string) (cowState, bool) {
	v := s.get(col)
	n, err := strconv.Atoi(v)
	if err != nil {
		s.bad(col, "a COW state code is a whole number such as 2 (USA) or 365 (Russia)", "%q is not a COW state code", v)
		return cowState{}, false
	}
	st, ok := cowByCode[n]
	if !ok {
		s.bad(col, "dipgraph knows the codes of COW's State System Membership List v2016 and the Gleditsch–Ward codes Archigos uses", "unknown COW state code %d", n)
		return cowState{}, false
	}
	return st, true
}

// dateCols reads a date split over year, month and day columns.
func dateCols(s *sheet, y, m, d string) (graph.Date, bool) {
	var vals [3]int
	for i, col := range []string{y, m, d} {
		n, err := strconv.Atoi(s.get(col))
		if err != nil {
			s.bad(col, "write a whole number", "%q is not a number", s.get(col))
			return graph.Date{}, false
		}
		vals[i] = n
	}
	date, err := graph.ParseDate(fmt.Sprintf("%04d-%02d-%02d", vals[0], vals[1], vals[2]))
	if err != nil {
		s.bad(y, "check the year, month and day", "%s", strings.TrimPrefix(err.Error(), "date "))
		return graph.Date{}, false
	}
	return date, true
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

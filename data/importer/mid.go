package importer

import (
	"cmp"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/dipgraph/dipgraph/graph"
)

// hostilityLevels are the MID hostility levels (hostlev), 1 to 5. The
// level is the record's weight.
var hostilityLevels = []string{1: "no militarized action", 2: "threat to use force", 3: "display of force", 4: "use of force", 5: "war"}

// highestActions are the MID action codes (hiact), 0 to 21, from the COW
// MID codebook.
var highestActions = []string{"no militarized action", "threat to use force", "threat to blockade", "threat to occupy territory",
	"threat to declare war", "threat to use CBR weapons", "threat to join war", "show of force", "alert", "nuclear alert",
	"mobilization", "fortify border", "border violation", "blockade", "occupation of territory", "seizure", "attack", "clash",
	"declaration of war", "use of CBR weapons", "begin interstate war", "join interstate war"}

// midKey identifies one dispute between one pair of states (COW codes,
// lower first).
type midKey struct{ disp, lo, hi int }

// midPair gathers the dispute-year rows of one dispute and pair, from both
// directions.
type midPair struct {
	years   []int   // distinct years, sorted
	sideA   [2]bool // lo, hi seen on Side A
	host    [2]int  // highest hostility level of lo, hi (0 unknown)
	hiact   [2]int  // highest action of lo, hi (-1 unknown)
	ongoing bool    // still ongoing at the end of 2010
	rows    int
}

// importMID reads the Gibler–Miller–Little directed dispute-year file and
// writes one hostility record per dispute and pair of states: the two
// mirrored rows of each year and the rows of every year fold into it.
func importMID(r *run, files []File) (*graph.Dataset, error) {
	pairs := map[midKey]*midPair{}
	version := ""
	for _, f := range files {
		s, err := openSheet(r, f, ',', UTF8, false)
		if err != nil {
			return nil, err
		}
		if !s.require("dispnum", "ccode1", "ccode2", "year", "sidea1", "hostlev1", "hostlev2") {
			continue
		}
		if err := s.each(func() {
			disp, ok1 := intCell(s, "dispnum", "a dispute number is a whole number")
			year, ok2 := intCell(s, "year", "write the year as four digits")
			if !ok1 || !ok2 {
				return
			}
			if year < 1000 || year > 9999 {
				s.bad("year", "write the year as four digits", "year %d is not between 1000 and 9999", year)
				return
			}
			a, ok1 := cowCode(s, "ccode1")
			b, ok2 := cowCode(s, "ccode2")
			if !ok1 || !ok2 {
				return
			}
			if a.id == b.id {
				s.bad("ccode2", "a dispute pair needs two different states", "COW states %d and %d are both %s", a.code, b.code, a.id)
				return
			}
			sideA := s.get("sidea1")
			if sideA != "0" && sideA != "1" {
				s.bad("sidea1", "sidea1 is 1 when ccode1 is on Side A, else 0", "%q is not 0 or 1", sideA)
				return
			}
			h1, ok1 := levelCell(s, "hostlev1", 5)
			h2, ok2 := levelCell(s, "hostlev2", 5)
			if !ok1 || !ok2 {
				return
			}
			act1, act2 := -1, -1
			if s.col("hiact1") >= 0 {
				if act1, ok1 = levelCell(s, "hiact1", 21); !ok1 {
					return
				}
				if act2, ok2 = levelCell(s, "hiact2", 21); !ok2 {
					return
				}
			}
			if !r.among(a.id, b.id) {
				r.leave("rows not among --countries")
				return
			}
			if version == "" && s.get("version") != "" {
				version = strings.Clone(s.get("version"))
			}
			// Fold the two directions: index 0 is the lower code.
			k, i, j := midKey{disp, a.code, b.code}, 0, 1
			if b.code < a.code {
				k, i, j = midKey{disp, b.code, a.code}, 1, 0
			}
			p := pairs[k]
			if p == nil {
				p = &midPair{hiact: [2]int{-1, -1}}
				pairs[k] = p
			}
			p.rows++
			if at, found := slices.BinarySearch(p.years, year); !found {
				p.years = slices.Insert(p.years, at, year)
			}
			if sideA == "1" {
				p.sideA[i] = true
			} else {
				p.sideA[j] = true
			}
			p.host[i], p.host[j] = max(p.host[i], h1), max(p.host[j], h2)
			p.hiact[i], p.hiact[j] = max(p.hiact[i], act1), max(p.hiact[j], act2)
			p.ongoing = p.ongoing || s.get("ongo2010") == "1"
		}); err != nil {
			return nil, err
		}
	}

	keys := make([]midKey, 0, len(pairs))
	for k, p := range pairs {
		if r.yearsOverlap(p.years[0], p.years[len(p.years)-1]) {
			keys = append(keys, k)
		} else {
			r.left["rows outside --since/--until"] += p.rows
		}
	}
	slices.SortFunc(keys, func(a, b midKey) int {
		return cmp.Or(cmp.Compare(pairs[a].years[0], pairs[b].years[0]), cmp.Compare(a.disp, b.disp), cmp.Compare(a.lo, b.lo), cmp.Compare(a.hi, b.hi))
	})
	src := midSource(files, version)
	ds := &graph.Dataset{
		Title:       "Militarized interstate disputes",
		Description: "Militarized interstate disputes of the Gibler–Miller–Little MID data, one hostility record per dispute and pair of states." + r.filterNote(),
		Sources:     []graph.Source{src},
	}
	used := map[string]bool{}
	for _, k := range keys {
		p := pairs[k]
		states := [2]cowState{cowByCode[k.lo], cowByCode[k.hi]}
		rec := graph.Record{Type: "hostility", Source: src.ID, Cite: fmt.Sprintf("dispute %d", k.disp),
			Start: graph.Date{Year: p.years[0]}}
		if last := p.years[len(p.years)-1]; last != p.years[0] {
			rec.End = graph.Date{Year: last}
		}
		// Directed from the state on Side A (the side that took the first
		// militarized action) to the other; mutual when the two changed
		// sides over the years.
		order := [2]int{0, 1}
		switch {
		case p.sideA[0] && !p.sideA[1]:
			rec.Directed = true
		case p.sideA[1] && !p.sideA[0]:
			rec.Directed, order = true, [2]int{1, 0}
		default:
			if states[1].id < states[0].id {
				order = [2]int{1, 0}
			}
		}
		a, b := states[order[0]], states[order[1]]
		rec.Parties = []string{a.id, b.id}
		rec.ID = fmt.Sprintf("mid%d-%s-%s", k.disp, a.id, b.id)
		if level := max(p.host[0], p.host[1]); level > 0 {
			rec.Weight = float64(level)
			rec.Label = hostilityLevels[level]
		}
		rec.Note = midNote(k.disp, p, [2]string{countryByID[a.id].name, countryByID[b.id].name}, order, rec.Directed)
		ds.Records = append(ds.Records, rec)
		used[a.id], used[b.id] = true, true
	}
	ds.Entities = countryEntities(used)
	return ds, nil
}

// midNote summarises a dispute pair in words.
func midNote(disp int, p *midPair, names [2]string, order [2]int, directed bool) string {
	var b strings.Builder
	fmt.Fprintf(&b, "Militarized interstate dispute %d, %s.", disp, yearList(p.years))
	for n, i := range order {
		fmt.Fprintf(&b, " %s", names[n])
		if directed && n == 0 {
			b.WriteString(" (Side A)")
		}
		b.WriteString(": ")
		act, h := p.hiact[i], p.host[i]
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
	if !directed {
		b.WriteString(" The two states were on different sides in different years.")
	}
	if p.ongoing {
		b.WriteString(" Still ongoing at the end of 2010, where the data ends.")
	}
	return b.String()
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

func midSource(files []File, version string) graph.Source {
	title := "GML MID data (directed dispute-years)"
	if v := strings.TrimPrefix(version, "gml-"); v != "" {
		title = fmt.Sprintf("GML MID data %s (directed dispute-years)", v)
	}
	return graph.Source{
		ID:     "gml-mid",
		Title:  title,
		Author: "Douglas M. Gibler, Steven V. Miller and Erin K. Little",
		Date:   graph.Date{Year: 2016},
		Note: "Cite: Gibler, Miller and Little (2016), \"An Analysis of the Militarized Interstate Dispute (MID) Dataset, 1816–2001\", " +
			"International Studies Quarterly 60(4): 719–730. Imported from " + fileNames(files) + ".",
	}
}

// countryEntities declares the countries used, sorted by id.
func countryEntities(used map[string]bool) []graph.Entity {
	ids := make([]string, 0, len(used))
	for id := range used {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	out := make([]graph.Entity, len(ids))
	for i, id := range ids {
		out[i] = countryEntity(id)
	}
	return out
}

// intCell reads a whole number.
func intCell(s *sheet, col, hint string) (int, bool) {
	n, err := strconv.Atoi(s.get(col))
	if err != nil {
		s.bad(col, hint, "%q is not a whole number", s.get(col))
		return 0, false
	}
	return n, true
}

// levelCell reads a code from 0 to top; -9 (missing) reads as 0 for
// levels that start at 1 and as -1 for codes that start at 0.
func levelCell(s *sheet, col string, top int) (int, bool) {
	n, err := strconv.Atoi(s.get(col))
	switch {
	case err != nil:
		s.bad(col, fmt.Sprintf("a whole number from 0 to %d, or -9 for missing", top), "%q is not a number", s.get(col))
		return 0, false
	case n == -9 && top == 5:
		return 0, true
	case n == -9:
		return -1, true
	case n < 0 || n > top:
		s.bad(col, fmt.Sprintf("a whole number from 0 to %d, or -9 for missing", top), "%d is out of range", n)
		return 0, false
	}
	return n, true
}

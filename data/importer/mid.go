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

// midYear is what the rows of one dispute, pair and year say, from both
// directions. Index 0 is the state with the lower code.
type midYear struct {
	year  int
	sideA [2]bool // seen on Side A
	host  [2]int  // highest hostility level (0 unknown)
	hiact [2]int  // highest action (-1 unknown)
	rows  int
}

// add folds another year's (or row's) findings into y.
func (y *midYear) add(o midYear) {
	for i := range 2 {
		y.sideA[i] = y.sideA[i] || o.sideA[i]
		y.host[i], y.hiact[i] = max(y.host[i], o.host[i]), max(y.hiact[i], o.hiact[i])
	}
	y.rows += o.rows
}

// midPair gathers the dispute-year rows of one dispute and pair.
type midPair struct {
	years   []midYear // one per distinct year, sorted
	ongoing bool      // still ongoing at the end of 2010
}

// importMID reads the Gibler–Miller–Little directed dispute-year file.
// The rows of one dispute and pair of states — both directions, every
// year — fold into spells of consecutive years (see midSpells), and each
// spell into hostility records from each state that took militarized
// action (see midRecords).
func importMID(r *run, files []File) (*graph.Dataset, error) {
	pairs := map[midKey]*midPair{}
	version := ""
	lastYear := 0 // the last year the files cover: the data's as-of date
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
			lastYear = max(lastYear, year)
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
			y := midYear{year: year, rows: 1}
			if sideA == "1" {
				y.sideA[i] = true
			} else {
				y.sideA[j] = true
			}
			y.host[i], y.host[j] = h1, h2
			y.hiact[i], y.hiact[j] = act1, act2
			p := pairs[k]
			if p == nil {
				p = &midPair{}
				pairs[k] = p
			}
			at, found := slices.BinarySearchFunc(p.years, year, func(e midYear, y int) int { return cmp.Compare(e.year, y) })
			if !found {
				p.years = slices.Insert(p.years, at, midYear{year: year, hiact: [2]int{-1, -1}})
			}
			p.years[at].add(y)
			p.ongoing = p.ongoing || s.get("ongo2010") == "1"
		}); err != nil {
			return nil, err
		}
	}

	var spells []midSpell
	for k, p := range pairs {
		for _, sp := range midSpells(k, p) {
			if r.yearsOverlap(sp.first, sp.last) {
				spells = append(spells, sp)
			} else {
				r.left["rows outside --since/--until"] += sp.rows
			}
		}
	}
	slices.SortFunc(spells, func(a, b midSpell) int {
		return cmp.Or(cmp.Compare(a.first, b.first), cmp.Compare(a.key.disp, b.key.disp), cmp.Compare(a.key.lo, b.key.lo), cmp.Compare(a.key.hi, b.key.hi))
	})
	src := midSource(files, version)
	ds := &graph.Dataset{
		Title: "Militarized interstate disputes",
		Description: "Militarized interstate disputes of the Gibler–Miller–Little MID data: for each dispute, pair of states and spell of consecutive years, " +
			"a hostility record from each state that took militarized action, weighted and labelled by its own hostility level." + r.filterNote(),
		Sources: []graph.Source{src},
	}
	if lastYear > 0 {
		// The data is current to the end of its last year, whatever the
		// filters keep: a figure of 2003 is "data as of" the file's end.
		ds.AsOf = graph.Date{Year: lastYear}
	}
	used := map[string]bool{}
	for _, sp := range spells {
		for _, rec := range midRecords(sp, src.ID) {
			ds.Records = append(ds.Records, rec)
			used[rec.Parties[0]], used[rec.Parties[1]] = true, true
		}
	}
	ds.Entities = countryEntities(used)
	return ds, nil
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

package importer

import (
	"cmp"
	"fmt"
	"net/url"
	"slices"
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"

	"github.com/dipgraph/dipgraph/data"
	"github.com/dipgraph/dipgraph/graph"
)

// tenure is one Archigos tenure spell (obsid), collapsed from its
// leader-year rows.
type tenure struct {
	obsid       string
	country     string
	start, end  graph.Date
	entry, exit string
}

// archLeader is one Archigos leader (leadid) with their tenures. A leadid
// that the file gives to rows of two countries makes two archLeaders (see
// leaderFor).
type archLeader struct {
	leadid  string
	name    string
	country string   // the country id of the first row
	at      data.Pos // the first row's leadid cell
	aliases []string // other names the rows give this leader
	dbpedia string
	tenures map[string]*tenure
	// warnings about rows that disagree with earlier ones, for when the
	// leader is kept
	warnings []data.Problem
}

// importArchigos reads Archigos leader-years (tab-separated, Latin-1):
// each leader becomes an entity of kind leader with their country and a
// role per tenure spell, and each of their countries an entity.
func importArchigos(r *run, files []File) (*graph.Dataset, error) {
	leaders := newArchLeaders()
	var dataEnd graph.Date
	for _, f := range files {
		s, err := openSheet(r, f, '\t', latin1OrUTF8, true)
		if err != nil {
			return nil, err
		}
		if !s.require("obsid", "leadid", "ccode", "leader", "startdate", "enddate", "entry", "exit") {
			continue
		}
		if err := s.each(func() {
			archigosRow(s, leaders, &dataEnd)
		}); err != nil {
			return nil, err
		}
	}

	// Leaders keep the tenures inside the filters.
	type kept struct {
		l       *archLeader
		tenures []*tenure
		first   *tenure // the earliest of all the leader's tenures
		base    string
	}
	var list []*kept
	var warnings data.Problems
	for _, l := range leaders.all() {
		k := &kept{l: l}
		for _, t := range l.tenures {
			if k.first == nil || cmp.Or(t.start.Compare(k.first.start), cmp.Compare(t.obsid, k.first.obsid)) < 0 {
				k.first = t
			}
			switch {
			case !r.yearsOverlap(t.start.Year, t.end.Year):
				r.leave("tenures outside --since/--until")
			case !r.among(t.country):
				r.leave("tenures not among --countries")
			default:
				k.tenures = append(k.tenures, t)
			}
		}
		if len(k.tenures) == 0 {
			continue
		}
		warnings = append(warnings, l.warnings...)
		slices.SortFunc(k.tenures, func(a, b *tenure) int { return cmp.Or(a.start.Compare(b.start), cmp.Compare(a.obsid, b.obsid)) })
		// The id is stable whatever the filters: name, country and year of
		// the leader's first tenure.
		k.base = fmt.Sprintf("%s-%s-%d", slug(l.name, "leader"), k.first.country, k.first.start.Year)
		list = append(list, k)
	}
	slices.SortFunc(list, func(a, b *kept) int {
		return cmp.Or(cmp.Compare(a.base, b.base), a.first.start.Compare(b.first.start), cmp.Compare(a.l.leadid, b.l.leadid))
	})
	warnings.Sort()
	for _, p := range warnings {
		r.warn(p)
	}

	src := graph.Source{
		ID:     "archigos",
		Title:  "Archigos: A Dataset of Political Leaders, version 4.1",
		Author: "Henk E. Goemans, Kristian Skrede Gleditsch and Giacomo Chiozza",
		Date:   graph.Date{Year: 2016},
		Note: "Cite: Goemans, Gleditsch and Chiozza (2009), \"Introducing Archigos: A Dataset of Political Leaders\", " +
			"Journal of Peace Research 46(2): 269–283. Imported from " + fileNames(files) + ".",
	}
	ds := &graph.Dataset{
		Title:       "Political leaders (Archigos)",
		Description: "The effective leaders of states, with their tenures in office, from Archigos." + r.filterNote(),
		Sources:     []graph.Source{src},
		AsOf:        dataEnd, // the file's rows run to here: who is "in office" is as of then
	}
	used := map[string]bool{}
	var people []graph.Entity
	taken := map[string]int{}
	for _, k := range list {
		id := k.base
		if n := taken[k.base]; n > 0 {
			id = fmt.Sprintf("%s-%d", k.base, n+1)
		}
		taken[k.base]++
		last := k.tenures[len(k.tenures)-1]
		e := graph.Entity{ID: id, Kind: graph.KindLeader, Name: k.l.name, Country: last.country, Aliases: slices.Clone(k.l.aliases)}
		if full := dbpediaName(k.l.dbpedia); full != "" && full != k.l.name && !slices.Contains(e.Aliases, full) {
			e.Aliases = append(e.Aliases, full)
		}
		var notes []string
		for _, t := range k.tenures {
			// A tenure "still in office" when the rows stop is censored:
			// its role ends on the last day the data covers, and the note
			// says so, rather than claiming the office is held today.
			role := graph.Role{Title: "Leader of " + countryByID[t.country].name, Start: t.start, End: t.end}
			exit := "exit " + strings.ToLower(t.exit)
			if t.exit == "Still in Office" {
				exit = censoredExit(t.end, dataEnd)
			}
			e.Roles = append(e.Roles, role)
			notes = append(notes, fmt.Sprintf("%s: entry %s, %s", t.obsid, strings.ToLower(t.entry), exit))
			used[t.country] = true
		}
		e.Note = "Archigos tenures " + strings.Join(notes, "; ") + "."
		people = append(people, e)
	}
	ds.Entities = append(countryEntities(used), people...)
	return ds, nil
}

// censoredExit words the exit of a tenure still in office at its last
// row, which ends on end; the file's rows run to dataEnd.
func censoredExit(end, dataEnd graph.Date) string {
	if end == dataEnd {
		return "still in office when the data ends (" + end.String() + "): the role ends there because the data does (right-censored), not the tenure"
	}
	return "still in office at its last row (" + end.String() + "; the data runs to " + dataEnd.String() +
		"): the role ends there because the data does (right-censored), not the tenure"
}

// archigosRow adds one leader-year row.
func archigosRow(s *sheet, leaders archLeaders, dataEnd *graph.Date) {
	obsid, leadid, name := s.get("obsid"), s.get("leadid"), s.get("leader")
	switch {
	case obsid == "":
		s.bad("obsid", "every row names its tenure spell, such as RUS-2000", "empty tenure id")
		return
	case leadid == "":
		s.bad("leadid", "every row names its leader's id", "empty leader id")
		return
	case name == "":
		s.bad("leader", "every row names its leader", "empty leader name")
		return
	}
	st, ok := cowCode(s, "ccode")
	if !ok {
		return
	}
	start, err := graph.ParseDate(s.get("startdate"))
	if err != nil || start.Day == 0 {
		s.bad("startdate", "write the date as YYYY-MM-DD", "%q is not a date YYYY-MM-DD", s.get("startdate"))
		return
	}
	end, err := graph.ParseDate(s.get("enddate"))
	if err != nil || end.Day == 0 {
		s.bad("enddate", "write the date as YYYY-MM-DD", "%q is not a date YYYY-MM-DD", s.get("enddate"))
		return
	}
	if end.Before(start) {
		s.bad("enddate", "swap startdate and enddate", "the row ends (%s) before it starts (%s)", end, start)
		return
	}
	if dataEnd.Compare(end) < 0 {
		*dataEnd = end
	}
	l := leaders.leaderFor(s, leadid, name, st.id)
	t := l.tenures[obsid]
	if t == nil {
		t = &tenure{obsid: strings.Clone(obsid), country: st.id, start: start, end: end}
		l.tenures[t.obsid] = t
	}
	if start.Compare(t.start) < 0 {
		t.start = start
	}
	if t.end.Compare(end) < 0 {
		t.end = end
	}
	// Continuation rows say (p_year) and (n_year); the first and last rows
	// of a tenure carry the real entry and exit.
	if v := s.get("entry"); v != "(p_year)" && v != "" {
		t.entry = strings.Clone(v)
	}
	if v := s.get("exit"); v != "(n_year)" && v != "" {
		t.exit = strings.Clone(v)
	}
}

// dbpediaName turns http://dbpedia.org/resource/Jos%C3%A9_Miguel_G%C3%B3mez
// into "José Miguel Gómez" (without a trailing disambiguation in brackets).
func dbpediaName(uri string) string {
	_, rest, ok := strings.Cut(uri, "/resource/")
	if !ok {
		return ""
	}
	name, err := url.PathUnescape(rest)
	if err != nil {
		return ""
	}
	name = strings.ReplaceAll(name, "_", " ")
	if i := strings.Index(name, " ("); i > 0 && strings.HasSuffix(name, ")") {
		name = name[:i]
	}
	return strings.TrimSpace(name)
}

// slug makes an id from a name: lower-case ASCII letters and digits joined
// by hyphens, accents dropped (Løkke → lokke, Niinistö → niinisto).
func slug(name, fallback string) string {
	var b strings.Builder
	dash := false
	for _, r := range norm.NFD.String(name) {
		if unicode.Is(unicode.Mn, r) {
			continue
		}
		if s, ok := foldings[r]; ok {
			b.WriteString(s)
			dash = false
			continue
		}
		r = unicode.ToLower(r)
		if r < 128 && (unicode.IsLetter(r) || unicode.IsDigit(r)) {
			b.WriteRune(r)
			dash = false
		} else if !dash && b.Len() > 0 {
			b.WriteByte('-')
			dash = true
		}
	}
	s := strings.TrimRight(b.String(), "-")
	if s == "" {
		return fallback
	}
	return s
}

// foldings are letters that do not decompose into an ASCII letter and a mark.
var foldings = map[rune]string{'ø': "o", 'Ø': "o", 'ł': "l", 'Ł': "l", 'đ': "d", 'Đ': "d", 'ß': "ss", 'æ': "ae", 'Æ': "ae",
	'œ': "oe", 'Œ': "oe", 'þ': "th", 'Þ': "th", 'ð': "d", 'Ð': "d", 'ı': "i"}

package data

import (
	"fmt"
	"net/url"
	"reflect"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/dipgraph/dipgraph/graph"
)

// Kinds are the entity kinds a data file may use.
var Kinds = []string{"country", "leader", "person", "organization", "group"}

// Lines and Arrows are the style words a type may use.
var (
	Lines  = []string{"solid", "dashed", "dotted", "bold", "double"}
	Arrows = []string{"normal", "onormal", "vee", "tee", "dot", "odot", "diamond", "odiamond", "box", "obox", "inv", "crow", "none"}
)

var (
	idPattern    = regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9._-]*$`)
	colorPattern = regexp.MustCompile(`^#[0-9A-Fa-f]{6}$`)
)

const idHint = "an id is letters, digits, '.', '_' or '-', starting with a letter or digit"

// merged is the union of several files, still with positions.
type merged struct {
	ds       graph.Dataset
	entityAt []at
	typeAt   []at
	recAt    []at
	srcAt    []at
	typeWSet []bool
	recWSet  []bool
	recNum   []int
	tieAt    []at
	// notes are what validation tells but does not refuse: how a record
	// will be read.
	notes Problems
}

func merge(files []*file) *merged {
	m := &merged{}
	for _, f := range files {
		if m.ds.ID == "" {
			m.ds.ID = f.id
		}
		if m.ds.Title == "" {
			m.ds.Title = f.title
		}
		if m.ds.Description == "" {
			m.ds.Description = f.description
		}
		// Files combined are current to the latest of their dates.
		if m.ds.AsOf.IsZero() || m.ds.AsOf.Last().Before(f.asOf.Last()) {
			m.ds.AsOf = f.asOf
		}
		// A declaration another file already made identically is the
		// same thing said twice (two imports that both declare the United
		// States): it merges. One that differs stays, for validation to
		// report with both places.
		for i, e := range f.entities {
			if !anyOf(func(j int) bool {
				return m.ds.Entities[j].ID == e.ID && m.entityAt[j].pos("").File != f.name && reflect.DeepEqual(m.ds.Entities[j], e)
			}, len(m.ds.Entities)) {
				m.ds.Entities = append(m.ds.Entities, e)
				m.entityAt = append(m.entityAt, f.entityAt[i])
			}
		}
		for i, t := range f.types {
			if !anyOf(func(j int) bool {
				return m.ds.Types[j].ID == t.ID && m.typeAt[j].pos("").File != f.name && reflect.DeepEqual(m.ds.Types[j], t) && m.typeWSet[j] == f.typeWeightSet[i]
			}, len(m.ds.Types)) {
				m.ds.Types = append(m.ds.Types, t)
				m.typeAt = append(m.typeAt, f.typeAt[i])
				m.typeWSet = append(m.typeWSet, f.typeWeightSet[i])
			}
		}
		m.ds.Records = append(m.ds.Records, f.records...)
		m.recAt = append(m.recAt, f.recordAt...)
		m.recWSet = append(m.recWSet, f.recordWeightSet...)
		m.recNum = append(m.recNum, f.recordNum...)
		for i, t := range f.ties {
			if !anyOf(func(j int) bool {
				return m.tieAt[j].pos("").File != f.name && m.ds.Captions[j] == t
			}, len(m.ds.Captions)) {
				m.ds.Captions = append(m.ds.Captions, t)
				m.tieAt = append(m.tieAt, f.tieAt[i])
			}
		}
		for i, s := range f.sources {
			if !anyOf(func(j int) bool {
				return m.ds.Sources[j].ID == s.ID && m.srcAt[j].pos("").File != f.name && m.ds.Sources[j] == s
			}, len(m.ds.Sources)) {
				m.ds.Sources = append(m.ds.Sources, s)
				m.srcAt = append(m.srcAt, f.sourceAt[i])
			}
		}
	}
	return m
}

// anyOf reports whether same holds for any of 0 … n-1: whether a
// declaration merged so far is the same one, from another file.
func anyOf(same func(j int) bool, n int) bool {
	for j := range n {
		if same(j) {
			return true
		}
	}
	return false
}

// pos returns the position of field key of an item, falling back to the
// item itself when the field was not written.
func (a at) pos(key string) Pos {
	if p, ok := a[key]; ok {
		return p
	}
	return a[""]
}

// validate checks the merged data, fills in defaults (type labels,
// weights) and returns every problem.
func (m *merged) validate(files []*file) Problems {
	var ps Problems
	for _, f := range files {
		if f.id != "" && !idPattern.MatchString(f.id) {
			ps.add(f.at.pos("id"), idHint+"; the id names the default output file", "dataset id %q is not a valid id", f.id)
		}
		if f.version != 1 {
			ps.add(f.at.pos("dipgraph"), "this dipgraph reads format version 1; write dipgraph: 1", "unsupported format version")
		}
	}
	ds := &m.ds

	// Types first: records are checked against them.
	typeIDs := map[string]int{}
	for i := range ds.Types {
		t, a := &ds.Types[i], m.typeAt[i]
		checkID(&ps, a, t.ID, "type")
		if j, dup := typeIDs[t.ID]; dup && t.ID != "" {
			if first := m.typeAt[j].pos("id"); first.File != a.pos("id").File {
				ps.add(a.pos("id"), "make the two declarations the same (identical ones merge), or rename one", "type %q is declared differently here and at %s", t.ID, first)
			} else {
				ps.add(a.pos("id"), "rename one of them", "duplicate type id %q (first declared at %s)", t.ID, first)
			}
		} else if t.ID != "" {
			typeIDs[t.ID] = i
		}
		builtin, isBuiltin := graph.BuiltinType(t.ID)
		if t.Sign < 0 {
			if isBuiltin {
				t.Sign = builtin.Sign
			} else {
				ps.add(a.pos(""), "add sign: positive, negative or neutral", "type %q has no sign", t.ID)
				t.Sign = graph.Neutral
			}
		}
		if t.Kind == "" {
			t.Kind = builtin.Kind // a redeclared summit is still an event
		}
		if t.Label == "" {
			t.Label = builtin.Label
			if t.Label == "" {
				t.Label = humanize(t.ID)
			}
		}
		if !m.typeWSet[i] {
			t.Weight = builtin.Weight
			if t.Weight == 0 {
				t.Weight = 1
			}
		} else {
			checkWeight(&ps, a.pos("weight"), t.Weight)
		}
		if c := t.Style.Color; c != "" && !colorPattern.MatchString(c) {
			ps.add(a.pos("style.color"), "write a colour as #rrggbb, e.g. #0072B2", "colour %q is not #rrggbb", c)
		}
		if l := t.Style.Line; l != "" && !slices.Contains(Lines, l) {
			ps.add(a.pos("style.line"), "use one of "+strings.Join(Lines, ", "), "unknown line style %q%s", l, graph.Suggest(l, Lines))
		}
		if ar := t.Style.Arrow; ar != "" && !slices.Contains(Arrows, ar) {
			ps.add(a.pos("style.arrow"), "use one of "+strings.Join(Arrows, ", "), "unknown arrow %q%s", ar, graph.Suggest(ar, Arrows))
		}
	}

	// Sources.
	srcIDs := map[string]int{}
	for i := range ds.Sources {
		s, a := &ds.Sources[i], m.srcAt[i]
		checkID(&ps, a, s.ID, "source")
		if j, dup := srcIDs[s.ID]; dup && s.ID != "" {
			if first := m.srcAt[j].pos("id"); first.File != a.pos("id").File {
				ps.add(a.pos("id"), "make the two declarations the same (identical ones merge), or rename one", "source %q is declared differently here and at %s", s.ID, first)
			} else {
				ps.add(a.pos("id"), "rename one of them", "duplicate source id %q (first declared at %s)", s.ID, first)
			}
		} else if s.ID != "" {
			srcIDs[s.ID] = i
		}
		if s.Title == "" {
			ps.add(a.pos(""), "add title: what the source is called", "source %q has no title", s.ID)
		}
		if s.URL != "" {
			if u, err := url.Parse(s.URL); err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.Host == "" {
				ps.add(a.pos("url"), "give a full http:// or https:// address", "url %q is not a web address", s.URL)
			}
		}
	}

	// Entities.
	entIDs := map[string]int{}
	for i := range ds.Entities {
		e, a := &ds.Entities[i], m.entityAt[i]
		checkID(&ps, a, e.ID, "entity")
		if j, dup := entIDs[e.ID]; dup && e.ID != "" {
			if first := m.entityAt[j].pos("id"); first.File != a.pos("id").File {
				ps.add(a.pos("id"), "make the two declarations the same (identical ones merge), or rename one", "entity %q is declared differently here and at %s (%s)", e.ID, first, entityDiff(ds.Entities[j], *e))
			} else {
				ps.add(a.pos("id"), "rename one of them, or merge the two entries", "duplicate entity id %q (first declared at %s)", e.ID, first)
			}
		} else if e.ID != "" {
			entIDs[e.ID] = i
		}
		switch {
		case e.Kind == "":
			ps.add(a.pos(""), "add kind: one of "+strings.Join(Kinds, ", "), "entity %q has no kind", e.ID)
		case !slices.Contains(Kinds, string(e.Kind)):
			ps.add(a.pos("kind"), "use one of "+strings.Join(Kinds, ", "), "unknown kind %q%s", e.Kind, graph.Suggest(string(e.Kind), Kinds))
		}
		if e.Name == "" {
			ps.add(a.pos(""), "add name: the name to show on the figure", "entity %q has no name", e.ID)
		}
		for j, r := range e.Roles {
			k := "roles." + strconv.Itoa(j)
			if r.Title == "" {
				ps.add(a.pos(k), "add title: the office held", "role #%d of %q has no title", j+1, e.ID)
			}
			if !r.Start.IsZero() && !r.End.IsZero() && r.End.Before(r.Start) {
				ps.add(a.pos(k+".end"), "swap start and end", "role ends (%s) before it starts (%s)", r.End, r.Start)
			}
		}
	}
	// One suggester per list, made when first needed: it remembers its
	// answers and bounds its work (graph.SuggestBudget), so thousands of
	// unknown references cost time linear in the file.
	entitySuggest := lazySuggester(ds.EntityIDs)
	for i := range ds.Entities {
		e, a := &ds.Entities[i], m.entityAt[i]
		switch {
		case e.Country == "" && e.Kind == graph.KindLeader:
			ps.add(a.pos(""), "add country: the id of the country they lead or serve", "leader %q has no country", e.ID)
		case e.Country == "":
		case e.Country == e.ID:
			ps.add(a.pos("country"), "name another entity", "entity %q names itself as its country", e.ID)
		default:
			j, ok := entIDs[e.Country]
			switch {
			case !ok:
				ps.add(a.pos("country"), "declare the country under entities: or fix the id", "unknown country %q for %q%s", e.Country, e.ID, entitySuggest().Suggest(e.Country))
			case ds.Entities[j].Kind != graph.KindCountry:
				ps.add(a.pos("country"), "country: must name an entity of kind country", "%q is a %s, not a country", e.Country, ds.Entities[j].Kind)
			}
		}
	}

	// Records.
	recIDs := map[string]int{}
	typeList := ds.TypeIDs()
	typeSuggest := lazySuggester(func() []string { return typeList })
	srcSuggest := lazySuggester(func() []string {
		srcList := make([]string, len(ds.Sources))
		for i, s := range ds.Sources {
			srcList[i] = s.ID
		}
		return srcList
	})
	for i := range ds.Records {
		r, a := &ds.Records[i], m.recAt[i]
		// Numbered within its own file, as the decoder numbers it.
		name := fmt.Sprintf("relation #%d", m.recNum[i])
		if r.ID != "" {
			name = fmt.Sprintf("relation %q", r.ID)
			if !idPattern.MatchString(r.ID) {
				ps.add(a.pos("id"), idHint, "relation id %q is not a valid id", r.ID)
			}
			if j, dup := recIDs[r.ID]; dup {
				ps.add(a.pos("id"), "rename one of them", "duplicate relation id %q (first used at %s)", r.ID, m.recAt[j].pos("id"))
			} else {
				recIDs[r.ID] = i
			}
		}
		t, typeOK := ds.Type(r.Type)
		switch {
		case r.Type == "":
			ps.add(a.pos(""), "add type: one of "+strings.Join(typeList, ", "), "%s has no type", name)
		case !typeOK:
			ps.add(a.pos("type"), "declare it under types: or use one of "+strings.Join(typeList, ", "), "unknown relation type %q%s", r.Type, typeSuggest().Suggest(r.Type))
		}
		_, hasBetween := a["between"]
		_, hasFrom := a["from"]
		_, hasTo := a["to"]
		switch {
		case hasBetween && (hasFrom || hasTo):
			ps.add(a.pos("between"), "use between: for mutual relations or from:/to: for one-sided ones", "%s has both between: and from:/to:", name)
		case hasFrom != hasTo:
			ps.add(a.pos(""), "a one-sided relation needs both from: and to:", "%s has from: without to: or to: without from:", name)
		case !hasBetween && !hasFrom:
			ps.add(a.pos(""), "add between: [a, b] or from: a with to: b", "%s names no entities", name)
		case hasBetween && len(r.Parties) < 2:
			ps.add(a.pos("between"), "list at least two entity ids", "%s: between: needs two or more entities", name)
		case hasFrom && len(r.Parties) < 2:
			ps.add(a.pos("to"), "list at least one entity id", "%s: to: needs one or more entities", name)
		}
		seen := map[string]bool{}
		for j, p := range r.Parties {
			pp := a.pos("party." + strconv.Itoa(j))
			switch {
			case p == "":
				ps.add(pp, "give an entity id", "%s: empty entity id", name)
			case seen[p] && len(r.Parties) == 2:
				ps.add(pp, "a relation links two different entities", "%s relates %q to itself", name, p)
			case seen[p]:
				ps.add(pp, "list each entity once", "%s lists %q twice", name, p)
			default:
				if _, ok := entIDs[p]; !ok {
					ps.add(pp, "declare it under entities: or fix the id", "unknown entity %q%s", p, entitySuggest().Suggest(p))
				}
			}
			seen[p] = true
		}
		_, hasDate := a["date"]
		_, hasStart := a["start"]
		_, hasEnd := a["end"]
		switch {
		case hasDate && (hasStart || hasEnd || r.Ongoing):
			ps.add(a.pos("date"), "use date: for an event, start: with end: or ongoing: true for a period", "%s has both date: and a period", name)
		case r.Start.IsZero() && !hasDate && !hasStart:
			ps.add(a.pos(""), "add date: YYYY-MM-DD (an event) or start:/end: (a period)", "%s has no date", name)
		case hasEnd && r.Ongoing:
			ps.add(a.pos("ongoing"), "drop ongoing: or end:", "%s has an end and is also ongoing", name)
		case hasStart && !hasEnd && !r.Ongoing:
			ps.add(a.pos("start"), "add end: DATE, or ongoing: true if it has not ended", "%s has a start but no end", name)
		case hasEnd && !hasStart:
			ps.add(a.pos("end"), "add start: DATE", "%s has an end but no start", name)
		case !r.Start.IsZero() && !r.End.IsZero() && r.End.Before(r.Start):
			ps.add(a.pos("end"), "swap start and end", "%s ends (%s) before it starts (%s)", name, r.End, r.Start)
		case hasStart && hasEnd && typeOK && t.Kind == graph.KindEvent:
			m.notes.add(a.pos("start"), fmt.Sprintf("declare kind: state on type %q to have such records in force only between their dates", r.Type),
				"%s is read as one event over %s (type %q is of kind event): in force on those days, and under --as-of for the look-back window after its end", name, graph.HumanSpan(r.Start, r.End), r.Type)
		}
		if !r.Reported.IsZero() && !ds.AsOf.IsZero() && ds.AsOf.Before(r.Reported) {
			ps.add(a.pos("reported"), "a record cannot be reported after the date the data is current to: fix reported: or the dataset's as-of:", "%s is reported %s, after the data's as-of date %s", name, r.Reported, ds.AsOf)
		}
		if m.recWSet[i] {
			checkWeight(&ps, a.pos("weight"), r.Weight)
		} else if typeOK {
			r.Weight = t.Weight
		}
		switch {
		case r.Source == "":
			ps.add(a.pos(""), "add source: the id of a source under sources:", "%s has no source", name)
		default:
			if _, ok := srcIDs[r.Source]; !ok {
				ps.add(a.pos("source"), "declare it under sources: or fix the id", "unknown source %q%s", r.Source, srcSuggest().Suggest(r.Source))
			}
		}
	}
	m.validateTies(&ps, entIDs, srcIDs, entitySuggest, srcSuggest)
	m.checkTextLengths(files, &ps)
	return ps
}

func checkID(ps *Problems, a at, id, what string) {
	switch {
	case id == "":
		ps.add(a.pos(""), "add id: a short unique name such as kim-jong-un", "%s has no id", what)
	case !idPattern.MatchString(id):
		ps.add(a.pos("id"), idHint, "%s id %q is not a valid id", what, id)
	}
}

func checkWeight(ps *Problems, p Pos, w float64) {
	if w < graph.MinWeight || w > graph.MaxWeight {
		ps.add(p, fmt.Sprintf("use a weight from %g (faint) to %g (strongest)", graph.MinWeight, graph.MaxWeight), "weight %g is out of range", w)
	}
}

// humanize turns an id such as military-support into "Military support".
func humanize(id string) string {
	s := strings.NewReplacer("-", " ", "_", " ").Replace(id)
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

// entityDiff names the fields two declarations of one entity disagree on.
func entityDiff(a, b graph.Entity) string {
	var d []string
	if a.Name != b.Name {
		d = append(d, fmt.Sprintf("name %q, here %q", a.Name, b.Name))
	}
	if a.Kind != b.Kind {
		d = append(d, fmt.Sprintf("kind %s, here %s", a.Kind, b.Kind))
	}
	if a.Country != b.Country {
		d = append(d, fmt.Sprintf("country %q, here %q", a.Country, b.Country))
	}
	if len(d) == 0 {
		d = append(d, "other fields: native name, aliases, roles or note")
	}
	return "there: " + strings.Join(d, "; ")
}

// lazySuggester returns a function that makes a graph.Suggester for the
// list on its first call and returns the same one after.
func lazySuggester(list func() []string) func() *graph.Suggester {
	var sg *graph.Suggester
	return func() *graph.Suggester {
		if sg == nil {
			sg = graph.NewSuggester(list())
		}
		return sg
	}
}

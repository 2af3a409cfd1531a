package importer

import (
	"fmt"
	"math"
	"net/url"
	"path"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/dipgraph/dipgraph/data"
	"github.com/dipgraph/dipgraph/graph"
)

// CSVOptions are the choices for spreadsheets (--from csv).
type CSVOptions struct {
	// Columns maps a dipgraph column (from, date, …) to the header the
	// sheet uses for it ("Country A", "Year").
	Columns map[string]string
	// DateOrder settles numeric dates such as 03/09/2025: "dmy" or "mdy".
	DateOrder string
	// Comma is the delimiter; 0 guesses comma, semicolon or tab from the
	// header row.
	Comma rune
	// Encoding of the sheets: UTF8 (default) or Latin1.
	Encoding Encoding
	// Kind is the kind of the entities made from a relations sheet's
	// cells when no entities sheet is given (default country).
	Kind string
	// Type is the relation type of rows with no type cell.
	Type string
	// Mutual reads from/to columns as a mutual relation (between).
	Mutual bool
}

// sheetColumns returns the columns of a sheet (data.Sheets names them).
func sheetColumns(kind string) []string {
	switch kind {
	case "dataset":
		return data.DatasetColumns
	case "types":
		return data.TypeColumns
	case "sources":
		return data.SourceColumns
	case "entities":
		return data.EntityColumns
	case "ties":
		return data.TieColumns
	}
	return data.RelationColumns
}

var idPattern = regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9._-]*$`)

// csvImport is the state of one spreadsheet import.
type csvImport struct {
	r      *run
	opt    CSVOptions
	ds     *graph.Dataset
	types  map[string]bool
	srcIDs map[string]bool
	ents   map[string]int // id → index in ds.Entities
	byName map[string]string
	// autoEntities: no entities sheet, so relation cells name entities.
	autoEntities bool
	// autoSources: no sources sheet, so source cells name sources.
	autoSources bool
	autoSrc     map[string]string // cell value → source id
	entAt       []entityAt        // where each entity came from
	recIDs      map[string]bool
	// suggest proposes entity ids for unknown ones; made for the first
	// nSuggest entities, and again when there are more.
	suggest  *graph.Suggester
	nSuggest int
}

// importCSV reads spreadsheets: a relations sheet and optionally an
// entities sheet, a sources sheet, a types sheet and a dataset sheet (as
// export -f csv writes them), each recognised by its header.
func importCSV(r *run, files []File) (*graph.Dataset, error) {
	opt := r.opt.CSV
	if opt.Kind == "" {
		opt.Kind = string(graph.KindCountry)
	}
	if !slices.Contains(data.Kinds, opt.Kind) {
		return nil, fmt.Errorf("--kind %q: choose one of %s", opt.Kind, strings.Join(data.Kinds, ", "))
	}
	if opt.DateOrder != "" && !slices.Contains(DateOrders, opt.DateOrder) {
		return nil, fmt.Errorf("--date-order %q: choose dmy or mdy", opt.DateOrder)
	}
	for field := range opt.Columns {
		if !slices.Contains(data.EntityColumns, field) && !slices.Contains(data.RelationColumns, field) && !slices.Contains(data.SourceColumns, field) &&
			!slices.Contains(data.TypeColumns, field) && !slices.Contains(data.DatasetColumns, field) {
			return nil, fmt.Errorf("--column %s=…: %q is not a dipgraph column; columns are %s", field, field, strings.Join(data.RelationColumns, ", "))
		}
	}
	c := &csvImport{r: r, opt: opt, ds: &graph.Dataset{}, types: map[string]bool{}, srcIDs: map[string]bool{},
		ents: map[string]int{}, byName: map[string]string{}, autoSrc: map[string]string{}}
	for _, t := range graph.BuiltinTypes() {
		c.types[t.ID] = true
	}

	// Open every sheet and tell what it holds from its header.
	sheets := map[string][]*sheet{}
	used := map[string]bool{}
	for _, f := range files {
		enc := UTF8
		if opt.Encoding == Latin1 {
			enc = Latin1
		}
		s, err := openSheet(r, f, opt.Comma, enc, false)
		if err != nil {
			return nil, err
		}
		s.spreadsheet = true
		for field, header := range opt.Columns {
			if i := s.col(header); i >= 0 {
				s.index[field] = i
				used[field] = true
			}
		}
		kind := sheetKind(s)
		if kind == "" {
			return nil, problemErr(data.Pos{File: f.Name, Line: 1, Col: 1},
				"cannot tell what this sheet holds from its header: "+s.headerList(),
				"a relations sheet has type, from and to (or between) and date columns; an entities sheet id, kind and name; map other headers with --column FIELD=HEADER")
		}
		sheets[kind] = append(sheets[kind], s)
	}
	for field, header := range opt.Columns {
		if !used[field] {
			return nil, fmt.Errorf("--column %s=%s: no sheet has a column %q", field, header, header)
		}
	}
	if len(sheets["relations"]) == 0 && len(sheets["entities"]) == 0 {
		return nil, fmt.Errorf("no relations or entities sheet among the files: a relations sheet has the columns %s", strings.Join(data.RelationColumns, ", "))
	}
	for kind, list := range sheets {
		for _, s := range list {
			c.requireColumns(s, kind)
		}
	}
	if len(r.problems) > 0 {
		return nil, r.errors()
	}
	c.autoEntities = len(sheets["entities"]) == 0
	c.autoSources = len(sheets["sources"]) == 0
	for _, kind := range data.Sheets {
		for _, s := range sheets[kind] {
			c.unknownColumns(s, kind)
			if err := s.each(func() {
				switch kind {
				case "dataset":
					c.datasetRow(s)
				case "types":
					c.typeRow(s)
				case "sources":
					c.sourceRow(s)
				case "entities":
					c.entityRow(s)
				case "relations":
					c.relationRow(s)
				case "ties":
					c.tieRow(s)
				}
			}); err != nil {
				return nil, err
			}
			if kind == "entities" {
				c.checkCountries()
			}
		}
	}
	return c.ds, nil
}

// sheetKind tells a sheet's contents from its header.
func sheetKind(s *sheet) string {
	has := func(f string) bool { return s.col(f) >= 0 }
	switch {
	case has("dipgraph"):
		return "dataset"
	case has("caption"):
		return "ties"
	case has("sign"):
		return "types"
	case has("type") || has("from") || has("to") || has("between"):
		return "relations"
	case has("kind") || has("native") || has("aliases") || has("roles") || has("country") || (has("name") && !has("title")):
		return "entities"
	case has("title") && has("id"):
		return "sources"
	}
	return ""
}

// requireColumns fails the import when a sheet lacks a column every row
// needs.
func (c *csvImport) requireColumns(s *sheet, kind string) {
	has := func(f string) bool { return s.col(f) >= 0 }
	missing := func(what, hint string) {
		c.r.fail(data.Problem{Pos: data.Pos{File: s.name, Line: 1, Col: len(s.header) + 1},
			Msg:  fmt.Sprintf("the %s sheet has no %s column", strings.TrimSuffix(kind, "s"), what),
			Hint: hint + "; the header row has: " + s.headerList() + " (map other headers with --column FIELD=HEADER)"})
	}
	switch kind {
	case "relations":
		if !has("between") && !(has("from") && has("to")) {
			missing("between, or from and to,", "name the entities each row relates")
		}
		if !has("date") && !has("start") {
			missing("date or start", "give each row a date (an event) or start and end (a period)")
		}
		if !has("type") && c.opt.Type == "" {
			missing("type", "give each row a relation type, or --type TYPE for all rows")
		}
	case "entities":
		if !has("id") && !has("name") {
			missing("id or name", "give each entity an id or a name")
		}
	case "sources":
		if !has("id") || !has("title") {
			missing("id and title", "give each source an id and a title")
		}
	case "types":
		if !has("id") {
			missing("id", "give each type an id")
		}
	case "ties":
		if !has("between") {
			missing("between", "name the two entities each caption is for")
		}
	}
}

// unknownColumns warns about headers that are not columns of the sheet
// (likely typos); their cells are ignored.
func (c *csvImport) unknownColumns(s *sheet, kind string) {
	cols := sheetColumns(kind)
	for i, h := range s.header {
		mapped := false
		for field, header := range c.opt.Columns {
			if strings.EqualFold(header, h) && slices.Contains(cols, field) {
				mapped = true
			}
		}
		if mapped || slices.Contains(cols, strings.ToLower(h)) || h == "" {
			continue
		}
		c.r.warn(data.Problem{Pos: data.Pos{File: s.name, Line: 1, Col: i + 1},
			Msg:  fmt.Sprintf("column %q is not a %s column%s; its cells are ignored", h, strings.TrimSuffix(kind, "s"), graph.Suggest(strings.ToLower(h), cols)),
			Hint: "map it with --column FIELD=" + h + " if it holds one of " + strings.Join(cols, ", ")})
	}
}

func (c *csvImport) datasetRow(s *sheet) {
	if v := s.get("dipgraph"); v != "" && v != "1" {
		s.bad("dipgraph", "this dipgraph reads format version 1", "unsupported format version %q", v)
		return
	}
	if id := s.get("id"); id != "" {
		if !idPattern.MatchString(id) {
			s.bad("id", idHint, "dataset id %q is not a valid id", id)
			return
		}
		c.ds.ID = id
	}
	c.ds.Title, c.ds.Description = s.get("title"), s.get("description")
	if v := s.get("as-of"); v != "" {
		d, err := graph.ParseDate(v)
		if err != nil {
			s.bad("as-of", "write the date the data is current to as YYYY, YYYY-MM or YYYY-MM-DD", "%v", err)
			return
		}
		c.ds.AsOf = d
	}
}

const idHint = "an id is letters, digits, '.', '_' or '-', starting with a letter or digit"

func (c *csvImport) typeRow(s *sheet) {
	t := graph.Type{ID: s.get("id"), Label: s.get("label"), Style: graph.Style{Color: s.get("color"), Line: s.get("line"), Arrow: s.get("arrow")}}
	if !c.newID(s, "id", t.ID, "type", c.typesDeclared()) {
		return
	}
	sign, ok := graph.ParseSign(strings.ToLower(s.get("sign")))
	builtin, isBuiltin := graph.BuiltinType(t.ID)
	switch {
	case s.get("sign") == "" && isBuiltin:
		sign = builtin.Sign
	case !ok:
		s.bad("sign", "write positive (cooperative), negative (conflictual) or neutral", "%q is not a sign", s.get("sign"))
		return
	}
	t.Sign = sign
	switch t.Kind = strings.ToLower(s.get("kind")); {
	case t.Kind == "":
		t.Kind = builtin.Kind
	case !slices.Contains(graph.TypeKinds, t.Kind):
		s.bad("kind", "write event (it happens over its days) or state (in force between its dates)", "%q is not a kind", s.get("kind"))
		return
	}
	if t.Label == "" {
		t.Label = builtin.Label
		if t.Label == "" {
			t.Label = humanize(t.ID)
		}
	}
	t.Weight = builtin.Weight
	if t.Weight == 0 {
		t.Weight = 1
	}
	if v := s.get("weight"); v != "" {
		w, ok := c.weight(s, "weight")
		if !ok {
			return
		}
		t.Weight = w
	}
	if v := t.Style.Color; v != "" && !regexp.MustCompile(`^#[0-9A-Fa-f]{6}$`).MatchString(v) {
		s.bad("color", "write a colour as #rrggbb, e.g. #0072B2", "colour %q is not #rrggbb", v)
		return
	}
	if v := t.Style.Line; v != "" && !slices.Contains(data.Lines, v) {
		s.bad("line", "use one of "+strings.Join(data.Lines, ", "), "unknown line style %q", v)
		return
	}
	if v := t.Style.Arrow; v != "" && !slices.Contains(data.Arrows, v) {
		s.bad("arrow", "use one of "+strings.Join(data.Arrows, ", "), "unknown arrow %q", v)
		return
	}
	c.types[t.ID] = true
	c.ds.Types = append(c.ds.Types, t)
}

func (c *csvImport) typesDeclared() map[string]bool {
	m := map[string]bool{}
	for _, t := range c.ds.Types {
		m[t.ID] = true
	}
	return m
}

// newID checks an id cell: present, well formed and not yet used.
func (c *csvImport) newID(s *sheet, col, id, what string, taken map[string]bool) bool {
	switch {
	case id == "":
		s.bad(col, "give every "+what+" a short unique id", "%s has no id", what)
	case !idPattern.MatchString(id):
		s.bad(col, idHint, "%s id %q is not a valid id", what, id)
	case taken[id]:
		s.bad(col, "rename one of them", "duplicate %s id %q", what, id)
	default:
		return true
	}
	return false
}

func (c *csvImport) sourceRow(s *sheet) {
	src := graph.Source{ID: s.get("id"), Title: s.get("title"), Publisher: s.get("publisher"), Author: s.get("author"), URL: s.get("url"), Note: s.get("note")}
	if !c.newID(s, "id", src.ID, "source", c.srcIDs) {
		return
	}
	if src.Title == "" {
		s.bad("title", "give the source's title", "source %q has no title", src.ID)
		return
	}
	if v := s.get("date"); v != "" {
		d, err := parseDate(v, c.opt.DateOrder)
		if err != nil {
			s.bad("date", "write a date as YYYY, YYYY-MM or YYYY-MM-DD", "%v", err)
			return
		}
		src.Date = d
	}
	if src.URL != "" && !webAddress(src.URL) {
		s.bad("url", "give a full http:// or https:// address", "%q is not a web address", src.URL)
		return
	}
	c.srcIDs[src.ID] = true
	c.ds.Sources = append(c.ds.Sources, src)
}

// tieRow reads a caption for a pair (ties:): its two entities, by id or
// name, the caption and an optional source.
func (c *csvImport) tieRow(s *sheet) {
	pair := data.SplitList(s.get("between"))
	if len(pair) != 2 {
		s.bad("between", "list the pair's two entities, separated by ;", "a caption needs two entities, not %d", len(pair))
		return
	}
	var t graph.PairCaption
	for i, v := range pair {
		id, ok := c.lookup(v)
		if !ok {
			s.bad("between", "declare it on the entities sheet, or fix the id", "unknown entity %q%s", v, c.suggestEntity(v))
			return
		}
		t.Between[i] = id
	}
	t.Caption, t.Source = s.get("caption"), s.get("source")
	if t.Caption == "" {
		s.bad("caption", "write one short phrase for the pair", "no caption for %s and %s", t.Between[0], t.Between[1])
		return
	}
	if t.Source != "" && !c.srcIDs[t.Source] {
		s.bad("source", "declare it on the sources sheet, or fix the id", "unknown source %q", t.Source)
		return
	}
	c.ds.Captions = append(c.ds.Captions, t)
}

func webAddress(s string) bool {
	u, err := url.Parse(s)
	return err == nil && (u.Scheme == "http" || u.Scheme == "https") && u.Host != ""
}

// entityAt is where an entity came from, to report its country.
type entityAt struct {
	pos     data.Pos
	country string
}

func (c *csvImport) entityRow(s *sheet) {
	e := graph.Entity{ID: s.get("id"), Kind: graph.Kind(strings.ToLower(s.get("kind"))), Name: s.get("name"), Native: s.get("native"), Note: s.get("note")}
	if e.ID == "" && s.col("id") < 0 {
		e.ID = slug(e.Name, "")
	}
	if e.Name == "" {
		e.Name = e.ID
	}
	taken := map[string]bool{}
	if _, dup := c.ents[e.ID]; dup {
		taken[e.ID] = true
	}
	if !c.newID(s, "id", e.ID, "entity", taken) {
		return
	}
	if e.Kind == "" {
		e.Kind = graph.Kind(c.opt.Kind)
	}
	if !slices.Contains(data.Kinds, string(e.Kind)) {
		s.bad("kind", "use one of "+strings.Join(data.Kinds, ", "), "unknown kind %q%s", e.Kind, graph.Suggest(string(e.Kind), data.Kinds))
		return
	}
	e.Aliases = data.SplitList(s.get("aliases"))
	for _, parts := range data.SplitRoles(s.get("roles")) {
		item := strings.Join(parts, "|")
		role := graph.Role{Title: parts[0]}
		if len(parts) > 3 {
			s.bad("roles", `write a role as "title|start|end", roles separated by ";"`, "role %q has more than three parts", item)
			return
		}
		for i, into := range []*graph.Date{&role.Start, &role.End} {
			if len(parts) > i+1 && parts[i+1] != "" {
				d, err := parseDate(parts[i+1], c.opt.DateOrder)
				if err != nil {
					s.bad("roles", `write a role as "title|start|end" with dates YYYY, YYYY-MM or YYYY-MM-DD`, "role %q: %v", item, err)
					return
				}
				*into = d
			}
		}
		if role.Title == "" {
			s.bad("roles", `write a role as "title|start|end"`, "role %q has no title", item)
			return
		}
		if !role.Start.IsZero() && !role.End.IsZero() && role.End.Before(role.Start) {
			s.bad("roles", "swap start and end", "role %q ends before it starts", item)
			return
		}
		e.Roles = append(e.Roles, role)
	}
	e.Country = s.get("country")
	c.ents[e.ID] = len(c.ds.Entities)
	c.ds.Entities = append(c.ds.Entities, e)
	c.entAt = append(c.entAt, entityAt{pos: s.at("country"), country: e.Country})
	for _, n := range append([]string{e.Name}, e.Aliases...) {
		if _, ok := c.byName[strings.ToLower(n)]; !ok {
			c.byName[strings.ToLower(n)] = e.ID
		}
	}
}

// checkCountries resolves each entity's country (an id or a name) once
// every entity is known; entities with an unknown country are dropped.
func (c *csvImport) checkCountries() {
	var keep []graph.Entity
	dropped := map[string]bool{}
	for i := range c.ds.Entities {
		e, at := c.ds.Entities[i], c.entAt[i]
		if e.Country != "" {
			id, ok := c.lookup(e.Country)
			j, found := c.ents[id]
			switch {
			case !ok || !found:
				c.r.skip(data.Problem{Pos: at.pos, Msg: fmt.Sprintf("column country: unknown country %q for %q%s", e.Country, e.ID, c.suggestEntity(e.Country)),
					Hint: "name an entity of kind country by its id or name"})
				dropped[e.ID] = true
				continue
			case c.ds.Entities[j].Kind != graph.KindCountry:
				c.r.skip(data.Problem{Pos: at.pos, Msg: fmt.Sprintf("column country: %q is a %s, not a country", e.Country, c.ds.Entities[j].Kind),
					Hint: "name an entity of kind country"})
				dropped[e.ID] = true
				continue
			case id == e.ID:
				c.r.skip(data.Problem{Pos: at.pos, Msg: fmt.Sprintf("column country: %q names itself as its country", e.ID), Hint: "name another entity"})
				dropped[e.ID] = true
				continue
			}
			e.Country = id
		} else if e.Kind == graph.KindLeader {
			c.r.skip(data.Problem{Pos: at.pos, Msg: fmt.Sprintf("leader %q has no country", e.ID), Hint: "give the id or name of the country they lead"})
			dropped[e.ID] = true
			continue
		}
		keep = append(keep, e)
	}
	c.ds.Entities = keep
	c.ents, c.byName, c.entAt = map[string]int{}, map[string]string{}, nil
	for i, e := range keep {
		c.ents[e.ID] = i
		for _, n := range append([]string{e.Name}, e.Aliases...) {
			if _, ok := c.byName[strings.ToLower(n)]; !ok {
				c.byName[strings.ToLower(n)] = e.ID
			}
		}
	}
}

// suggestEntity is graph.Suggest against the entities so far, with one
// Suggester kept while they do not change (it bounds its work, so many
// rows naming unknown entities cost time linear in the sheet).
func (c *csvImport) suggestEntity(v string) string {
	if c.suggest == nil || c.nSuggest != len(c.ds.Entities) {
		c.suggest, c.nSuggest = graph.NewSuggester(c.ids()), len(c.ds.Entities)
	}
	return c.suggest.Suggest(v)
}

func (c *csvImport) ids() []string {
	ids := make([]string, len(c.ds.Entities))
	for i, e := range c.ds.Entities {
		ids[i] = e.ID
	}
	return ids
}

// lookup finds an entity by id, then by name or alias (any case).
func (c *csvImport) lookup(v string) (string, bool) {
	if _, ok := c.ents[v]; ok {
		return v, true
	}
	id, ok := c.byName[strings.ToLower(v)]
	return id, ok
}

func (c *csvImport) relationRow(s *sheet) {
	rec := graph.Record{ID: s.get("id"), Type: s.get("type"), Label: s.get("label"), Note: s.get("note"), Cite: s.get("cite")}
	if rec.Type == "" {
		rec.Type = c.opt.Type
	}
	switch {
	case rec.Type == "":
		s.bad("type", "give each row a relation type, or --type TYPE for all rows", "no relation type")
		return
	case !c.types[rec.Type]:
		var ids []string
		for _, t := range graph.BuiltinTypes() {
			ids = append(ids, t.ID)
		}
		for _, t := range c.ds.Types {
			ids = append(ids, t.ID)
		}
		s.bad("type", "declare it in a types sheet (id, sign) or use one of "+strings.Join(ids, ", "), "unknown relation type %q%s", rec.Type, graph.Suggest(rec.Type, ids))
		return
	}
	if rec.ID != "" {
		if !idPattern.MatchString(rec.ID) {
			s.bad("id", idHint, "relation id %q is not a valid id", rec.ID)
			return
		}
		if c.recIDs == nil {
			c.recIDs = map[string]bool{}
		}
		if c.recIDs[rec.ID] {
			s.bad("id", "rename one of them", "duplicate relation id %q", rec.ID)
			return
		}
	}

	// Who.
	between, from, to := s.get("between"), s.get("from"), s.get("to")
	var cols []string
	switch {
	case between != "" && (from != "" || to != ""):
		s.bad("between", "fill either between (mutual) or from and to (one-sided)", "row has both between and from/to")
		return
	case between != "":
		for _, p := range data.SplitList(between) {
			rec.Parties = append(rec.Parties, p)
			cols = append(cols, "between")
		}
	case from != "" && to != "":
		rec.Parties = []string{from}
		cols = []string{"from"}
		for _, p := range data.SplitList(to) {
			rec.Parties = append(rec.Parties, p)
			cols = append(cols, "to")
		}
		rec.Directed = !c.opt.Mutual
	default:
		col := "from"
		if from != "" {
			col = "to"
		}
		if s.col(col) < 0 && s.col("between") < 0 {
			col = "between"
		}
		s.bad(col, "fill between (a;b for a mutual relation) or from and to (one-sided)", "row names no pair of entities")
		return
	}
	if len(rec.Parties) < 2 {
		s.bad("between", "list two or more entities separated by ;", "a relation needs two or more entities")
		return
	}
	seen := map[string]bool{}
	var created []graph.Entity
	for i, p := range rec.Parties {
		id, ok := c.lookup(p)
		if !ok && c.autoEntities && p != "" {
			id, ok = slug(p, ""), true
			if _, exists := c.ents[id]; !exists && id != "" && !seen["new:"+id] {
				created = append(created, graph.Entity{ID: id, Kind: graph.Kind(c.opt.Kind), Name: p})
				seen["new:"+id] = true
			}
			ok = id != ""
		}
		if !ok {
			s.bad(cols[i], "declare it in the entities sheet, or fix the id or name", "unknown entity %q%s", p, c.suggestEntity(p))
			return
		}
		if seen[id] {
			s.bad(cols[i], "a relation links different entities", "%q appears twice in the row", p)
			return
		}
		seen[id] = true
		rec.Parties[i] = id
	}

	// When.
	if v := s.get("reported"); v != "" {
		var err error
		if rec.Reported, err = parseDate(v, c.opt.DateOrder); err != nil {
			s.bad("reported", "write when the fact was reported as YYYY, YYYY-MM or YYYY-MM-DD", "%v", err)
			return
		}
	}
	date, start, end, ongoing := s.get("date"), s.get("start"), s.get("end"), strings.ToLower(s.get("ongoing"))
	isOngoing := false
	switch ongoing {
	case "", "false", "no", "0", "n":
	case "true", "yes", "1", "x", "y":
		isOngoing = true
	default:
		s.bad("ongoing", "write true or false", "%q is not true or false", s.get("ongoing"))
		return
	}
	var err error
	switch {
	case date != "" && (start != "" || end != "" || isOngoing):
		s.bad("date", "fill date for an event, or start with end (or ongoing) for a period", "row has both a date and a period")
		return
	case date != "":
		if rec.Start, err = parseDate(date, c.opt.DateOrder); err != nil {
			s.bad("date", "write a date as YYYY, YYYY-MM or YYYY-MM-DD", "%v", err)
			return
		}
	case start != "":
		if rec.Start, err = parseDate(start, c.opt.DateOrder); err != nil {
			s.bad("start", "write a date as YYYY, YYYY-MM or YYYY-MM-DD", "%v", err)
			return
		}
		switch {
		case end != "" && isOngoing:
			s.bad("ongoing", "drop ongoing or the end", "row has an end and is also ongoing")
			return
		case end != "":
			if rec.End, err = parseDate(end, c.opt.DateOrder); err != nil {
				s.bad("end", "write a date as YYYY, YYYY-MM or YYYY-MM-DD", "%v", err)
				return
			}
			if rec.End.Before(rec.Start) {
				s.bad("end", "swap start and end", "the period ends (%s) before it starts (%s)", rec.End, rec.Start)
				return
			}
		case isOngoing:
			rec.Ongoing = true
		default:
			s.bad("end", "give the end of the period, or ongoing = true", "the period has a start but no end")
			return
		}
	case end != "":
		s.bad("start", "give the start of the period", "the period has an end but no start")
		return
	default:
		col := "date"
		if s.col("date") < 0 && s.col("start") >= 0 {
			col = "start"
		}
		s.bad(col, "give a date (an event) or start and end (a period)", "row has no date")
		return
	}
	if s.get("weight") != "" {
		w, ok := c.weight(s, "weight")
		if !ok {
			return
		}
		rec.Weight = w
	}
	// Inside --since/--until (an ongoing period never ends)?
	last := rec.Start.Year
	switch {
	case rec.Ongoing:
		last = 9999
	case !rec.End.IsZero():
		last = rec.End.Year
	}
	if !c.r.yearsOverlap(rec.Start.Year, last) {
		c.r.leave("rows outside --since/--until")
		return
	}
	// Where from.
	if !c.source(s, &rec) {
		return
	}
	// The row is good: keep it and the entities it named.
	if rec.ID != "" {
		c.recIDs[rec.ID] = true
	}
	for _, e := range created {
		c.ents[e.ID] = len(c.ds.Entities)
		c.byName[strings.ToLower(e.Name)] = e.ID
		c.ds.Entities = append(c.ds.Entities, e)
	}
	c.ds.Records = append(c.ds.Records, rec)
}

// source fills a record's source from its cell: a source sheet's id, or
// without a sources sheet any text (a title or a URL), which becomes a
// source; an empty cell names the sheet itself.
func (c *csvImport) source(s *sheet, rec *graph.Record) bool {
	v := s.get("source")
	if !c.autoSources {
		if v == "" {
			s.bad("source", "give the id of a source in the sources sheet", "row has no source")
			return false
		}
		if !c.srcIDs[v] {
			ids := make([]string, 0, len(c.ds.Sources))
			for _, src := range c.ds.Sources {
				ids = append(ids, src.ID)
			}
			s.bad("source", "declare it in the sources sheet or fix the id", "unknown source %q%s", v, graph.Suggest(v, ids))
			return false
		}
		rec.Source = v
		return true
	}
	key := v
	if v == "" {
		key = "\x00" + s.name
	}
	if id, ok := c.autoSrc[key]; ok {
		rec.Source = id
		return true
	}
	src := graph.Source{Title: v}
	switch {
	case v == "":
		src.ID = slug(strings.TrimSuffix(path.Base(s.name), path.Ext(s.name)), "sheet")
		src.Title = "Spreadsheet " + path.Base(s.name)
	case webAddress(v):
		src.ID, src.URL = "src-"+strconv.Itoa(len(c.ds.Sources)+1), v
	case idPattern.MatchString(v):
		src.ID = v
	default:
		src.ID = slug(v, "src")
	}
	base := src.ID
	for n := 2; c.srcIDs[src.ID]; n++ {
		src.ID = fmt.Sprintf("%s-%d", base, n)
	}
	c.srcIDs[src.ID] = true
	c.autoSrc[key] = src.ID
	c.ds.Sources = append(c.ds.Sources, src)
	rec.Source = src.ID
	return true
}

// weight reads a weight from 0.1 to 10; a decimal comma is accepted.
func (c *csvImport) weight(s *sheet, col string) (float64, bool) {
	v := s.get(col)
	if !strings.Contains(v, ".") {
		v = strings.Replace(v, ",", ".", 1)
	}
	w, err := strconv.ParseFloat(v, 64)
	switch {
	case err != nil || math.IsNaN(w) || math.IsInf(w, 0):
		s.bad(col, "write a number such as 2 or 2.5", "%q is not a number", s.get(col))
	case w < graph.MinWeight || w > graph.MaxWeight:
		s.bad(col, fmt.Sprintf("use a weight from %g (faint) to %g (strongest)", graph.MinWeight, graph.MaxWeight), "weight %g is out of range", w)
	default:
		return w, true
	}
	return 0, false
}

// humanize turns an id such as military-support into "Military support".
func humanize(id string) string {
	s := strings.NewReplacer("-", " ", "_", " ").Replace(id)
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

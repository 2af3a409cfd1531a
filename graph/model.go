package graph

import "sync/atomic"

// Kind is what an entity is: one of the kinds data.Kinds lists (country,
// leader, person, organization, group). It sets the node's shape.
type Kind string

const (
	KindCountry      Kind = "country"
	KindLeader       Kind = "leader"
	KindPerson       Kind = "person"
	KindOrganization Kind = "organization"
	KindGroup        Kind = "group"
)

// Entity is a node of the figure: a country, a person or an organisation.
type Entity struct {
	ID      string
	Kind    Kind
	Name    string
	Native  string   // the name in its own script, e.g. 김정은
	Aliases []string // other names and spellings
	Country string   // for people: the id of the country they belong to
	Roles   []Role   // for people: offices held, with dates
	Note    string
}

// Role is an office a person holds, with the dates it began and ended.
type Role struct {
	Title string
	Start Date
	End   Date // zero: still held
}

// Sign says whether a relation type is cooperative or conflictual; the
// signed-network analysis treats Positive as + and Negative as −.
type Sign int

const (
	Neutral Sign = iota
	Positive
	Negative
)

// String returns the word used in data files: positive, neutral, negative.
func (s Sign) String() string {
	switch s {
	case Positive:
		return "positive"
	case Negative:
		return "negative"
	}
	return "neutral"
}

// ParseSign is the inverse of Sign.String.
func ParseSign(s string) (Sign, bool) {
	switch s {
	case "positive":
		return Positive, true
	case "negative":
		return Negative, true
	case "neutral":
		return Neutral, true
	}
	return Neutral, false
}

// Type is a relation type: built in (alliance, hostility, summit) or
// declared by a data file.
type Type struct {
	ID     string
	Label  string  // legend text
	Sign   Sign    // cooperative, neutral or conflictual
	Weight float64 // default weight of its records
	Style  Style   // optional overrides of the theme's style
	// Kind says what a record of the type with a start and an end is:
	// KindEvent, something that happens over those days (a three-day
	// state visit); KindState (or empty), a relation in force between
	// them. A record with one date is an event whatever its type.
	Kind string
}

// The kinds of relation type (Type.Kind).
const (
	KindEvent = "event"
	KindState = "state"
)

// TypeKinds are the kinds a type may declare.
var TypeKinds = []string{KindEvent, KindState}

// Style is how a type is drawn, where a data file chooses to say so. Empty
// fields fall back to the theme.
type Style struct {
	Color string // #rrggbb
	Line  string // solid, dashed, dotted, bold, double
	Arrow string // Graphviz arrow shape: normal, onormal, vee, tee, dot, odot, diamond, odiamond, box, obox, none
}

// Record is one dated, sourced fact about a relation between entities.
type Record struct {
	ID      string   // optional stable id, for citations and diffs
	Type    string   // a Type's ID
	Parties []string // participants; for directed records Parties[0] acts on the rest
	// Directed records act from Parties[0] on each of Parties[1:];
	// undirected ones relate every pair of Parties.
	Directed bool
	Start    Date // the date of an event, or the start of a period
	End      Date // the end of a period; zero for an event or an open period
	Ongoing  bool // a period with no end yet
	Weight   float64
	Label    string // short caption for the figure (a few words)
	Note     string // the curator's summary, in their own words
	Source   string // a Source's ID
	Cite     string // where in the source: page, paragraph, row
	// Reported is when the fact was reported, where that differs from
	// when it held (troops deployed from late 2024, reported in September
	// 2025); zero when not given. The dates above say when it held.
	Reported Date
}

// IsEvent reports whether r has one date rather than a start and an end
// (or ongoing). How it is read is EventLike.
func (r *Record) IsEvent() bool { return r.End.IsZero() && !r.Ongoing }

// EventLike reports whether the record is read as an event: one date, or
// a start and an end under a type of kind event (a summit over three
// days). An event is in force on its days, and under an as-of snapshot
// for the look-back window after its last day; anything else is a period,
// in force between its start and its end (or from its start on, when
// ongoing).
func (d *Dataset) EventLike(r *Record) bool {
	if r.IsEvent() {
		return true
	}
	if r.Ongoing {
		return false
	}
	t, _ := d.Type(r.Type)
	return t.Kind == KindEvent
}

// Source is where records come from.
type Source struct {
	ID        string
	Title     string
	Publisher string
	Author    string
	Date      Date
	URL       string
	Note      string
}

// Dataset is everything one or more data files say: the unit the graph is
// built from. Lookups by id are indexed on first use; a Dataset is not to
// be changed once it is in use.
type Dataset struct {
	ID          string
	Title       string
	Description string
	// AsOf is the date the data is current to, as declared (as-of:);
	// zero when not declared (Current gives the date then).
	AsOf     Date
	Entities []Entity
	Types    []Type
	Records  []Record
	Sources  []Source

	index atomic.Pointer[index]
}

// index maps ids to positions in a Dataset's lists.
type index struct {
	entities, sources int // the list lengths it was built for
	entity, source    map[string]int
}

func (d *Dataset) lookup() *index {
	ix := d.index.Load()
	if ix != nil && ix.entities == len(d.Entities) && ix.sources == len(d.Sources) {
		return ix
	}
	ix = &index{entities: len(d.Entities), sources: len(d.Sources),
		entity: make(map[string]int, len(d.Entities)), source: make(map[string]int, len(d.Sources))}
	for i := len(d.Entities) - 1; i >= 0; i-- { // the first of duplicate ids wins
		ix.entity[d.Entities[i].ID] = i
	}
	for i := len(d.Sources) - 1; i >= 0; i-- {
		ix.source[d.Sources[i].ID] = i
	}
	d.index.Store(ix)
	return ix
}

// Entity returns the entity with the given id.
func (d *Dataset) Entity(id string) (*Entity, bool) {
	if i, ok := d.lookup().entity[id]; ok {
		return &d.Entities[i], true
	}
	return nil, false
}

// Type returns the relation type with the given id, declared or built in.
func (d *Dataset) Type(id string) (Type, bool) {
	for _, t := range d.Types {
		if t.ID == id {
			return t, true
		}
	}
	if t, ok := tieType(id); ok {
		return t, true
	}
	return BuiltinType(id)
}

// Source returns the source with the given id.
func (d *Dataset) Source(id string) (*Source, bool) {
	if i, ok := d.lookup().source[id]; ok {
		return &d.Sources[i], true
	}
	return nil, false
}

// BuiltinTypes are the relation types every data file may use without
// declaring them. A data file may redeclare one to change its label,
// weight or style.
var builtinTypes = []Type{
	{ID: "alliance", Label: "Alliance", Sign: Positive, Weight: 3},
	{ID: "hostility", Label: "Hostility", Sign: Negative, Weight: 3},
	{ID: "summit", Label: "Summit / meeting", Sign: Neutral, Weight: 2, Kind: KindEvent},
}

// BuiltinTypes returns a copy of the built-in relation types.
func BuiltinTypes() []Type { return append([]Type(nil), builtinTypes...) }

// BuiltinType returns the built-in type with the given id.
func BuiltinType(id string) (Type, bool) {
	for _, t := range builtinTypes {
		if t.ID == id {
			return t, true
		}
	}
	return Type{}, false
}

// Weight limits: every record weight lies in [MinWeight, MaxWeight].
const (
	MinWeight = 0.1
	MaxWeight = 10.0
)

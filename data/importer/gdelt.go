package importer

import (
	"cmp"
	"fmt"
	"maps"
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/dipgraph/dipgraph/graph"
)

// cameoMapping says which CAMEO event codes become which relation type.
// A code matches the longest prefix listed; codes that match none are not
// imported (statements, appeals, intentions, consultations by telephone,
// praise and criticism, protests, reduced relations).
//
// Coercion (17x: seizing property, sanctions, arrests, expulsions,
// repression) and assault (18x: abductions, bombings, assassinations) are
// not hostility between states: GDELT codes a country's police arresting
// another country's citizens, or a gunman from one country attacking
// people of another, as such events between the two countries. They map
// to the type coercion, declared apart from hostility, so that a figure
// does not draw them as a state's hostility to another (and --types
// leaves them out).
var cameoMapping = []struct {
	prefix string
	typ    string
}{
	{"042", "summit"},      // make a visit
	{"043", "summit"},      // host a visit
	{"044", "summit"},      // meet at a "third" location
	{"045", "summit"},      // mediate
	{"046", "summit"},      // engage in negotiation
	{"054", "cooperation"}, // grant diplomatic recognition
	{"057", "cooperation"}, // sign formal agreement
	{"06", "cooperation"},  // engage in material cooperation
	{"07", "cooperation"},  // provide aid
	{"08", "cooperation"},  // yield
	{"13", "hostility"},    // threaten
	{"15", "hostility"},    // exhibit military posture
	{"17", "coercion"},     // coerce: sanctions, arrests, expulsions, repression
	{"18", "coercion"},     // assault: abduction, bombing, assassination
	{"19", "hostility"},    // fight
	{"20", "hostility"},    // use unconventional mass violence
}

// cameoType returns the relation type of a CAMEO event code, or "".
func cameoType(code string) string {
	best, typ := 0, ""
	for _, m := range cameoMapping {
		if strings.HasPrefix(code, m.prefix) && len(m.prefix) > best {
			best, typ = len(m.prefix), m.typ
		}
	}
	return typ
}

// cameoNames are the CAMEO 2-digit roots and 3-digit codes the mapping
// uses, for notes when the file has no CAMEOCodeDescription column.
var cameoNames = map[string]string{
	"042": "Make a visit", "043": "Host a visit", "044": "Meet at a third location", "045": "Mediate", "046": "Engage in negotiation",
	"054": "Grant diplomatic recognition", "057": "Sign formal agreement",
	"060": "Engage in material cooperation", "061": "Cooperate economically", "062": "Cooperate militarily",
	"063": "Engage in judicial cooperation", "064": "Share intelligence or information",
	"070": "Provide aid", "071": "Provide economic aid", "072": "Provide military aid", "073": "Provide humanitarian aid",
	"074": "Provide military protection or peacekeeping", "075": "Grant asylum",
	"080": "Yield", "081": "Ease administrative sanctions", "082": "Ease political dissent", "083": "Accede to demands for change",
	"084": "Return, release", "085": "Ease economic sanctions, boycott, embargo", "086": "Allow international involvement",
	"087": "De-escalate military engagement",
	"130": "Threaten", "131": "Threaten non-force", "132": "Threaten with administrative sanctions",
	"133": "Threaten political dissent, protest", "134": "Threaten to halt negotiations", "135": "Threaten to halt mediation",
	"136": "Threaten to halt international involvement", "137": "Threaten with repression", "138": "Threaten to use military force",
	"139": "Give ultimatum",
	"150": "Demonstrate military or police power", "151": "Increase police alert status", "152": "Increase military alert status",
	"153": "Mobilize or increase police power", "154": "Mobilize or increase armed forces",
	"170": "Coerce", "171": "Seize or damage property", "172": "Impose administrative sanctions", "173": "Arrest, detain, or charge with legal action",
	"174": "Expel or deport individuals", "175": "Use tactics of violent repression",
	"180": "Use unconventional violence", "181": "Abduct, hijack, or take hostage", "182": "Physically assault",
	"183": "Conduct suicide, car, or other non-military bombing", "184": "Use as human shield", "185": "Attempt to assassinate",
	"186": "Assassinate",
	"190": "Use conventional military force", "191": "Impose blockade, restrict movement", "192": "Occupy territory",
	"193": "Fight with small arms and light weapons", "194": "Fight with artillery and tanks", "195": "Employ aerial weapons",
	"196": "Violate ceasefire",
	"200": "Use unconventional mass violence", "201": "Engage in mass expulsion", "202": "Engage in mass killings",
	"203": "Engage in ethnic cleansing", "204": "Use weapons of mass destruction",
}

// gdeltColumns are the 61 columns of a raw GDELT 2.0 event export, which
// has no header row.
var gdeltColumns = strings.Fields(`GLOBALEVENTID SQLDATE MonthYear Year FractionDate
Actor1Code Actor1Name Actor1CountryCode Actor1KnownGroupCode Actor1EthnicCode Actor1Religion1Code Actor1Religion2Code Actor1Type1Code Actor1Type2Code Actor1Type3Code
Actor2Code Actor2Name Actor2CountryCode Actor2KnownGroupCode Actor2EthnicCode Actor2Religion1Code Actor2Religion2Code Actor2Type1Code Actor2Type2Code Actor2Type3Code
IsRootEvent EventCode EventBaseCode EventRootCode QuadClass GoldsteinScale NumMentions NumSources NumArticles AvgTone
Actor1Geo_Type Actor1Geo_FullName Actor1Geo_CountryCode Actor1Geo_ADM1Code Actor1Geo_ADM2Code Actor1Geo_Lat Actor1Geo_Long Actor1Geo_FeatureID
Actor2Geo_Type Actor2Geo_FullName Actor2Geo_CountryCode Actor2Geo_ADM1Code Actor2Geo_ADM2Code Actor2Geo_Lat Actor2Geo_Long Actor2Geo_FeatureID
ActionGeo_Type ActionGeo_FullName ActionGeo_CountryCode ActionGeo_ADM1Code ActionGeo_ADM2Code ActionGeo_Lat ActionGeo_Long ActionGeo_FeatureID
DATEADDED SOURCEURL`)

// gdeltKey is one aggregate: a type between a pair in a period.
type gdeltKey struct {
	typ      string
	from, to string // for mutual types from < to
	period   graph.Date
}

// gdeltAgg gathers the events of one aggregate. Duplicates (the same
// article, event code and day, as GDELT often emits for one story) count
// once.
type gdeltAgg struct {
	seen    map[string]bool // article URL + code + day
	events  int
	weight  float64 // sum of |Goldstein| of the events counted
	codes   map[string]int
	names   map[string]string
	ids     []string        // the first few GLOBALEVENTIDs
	urls    []string        // the first few article URLs
	allURLs map[string]bool // every article URL
}

// Limits on what one record lists.
const (
	maxIDs  = 5
	maxURLs = 5
)

// importGDELT reads GDELT 2.0 event files (with a header row, as the
// gdeltPyR sample, or raw tab-separated exports): events between two
// different countries whose CAMEO code maps to a relation type, aggregated
// per type, pair and period.
func importGDELT(r *run, files []File) (*graph.Dataset, error) {
	period := r.opt.Period
	if period == "" {
		period = "month"
	}
	if period != "day" && period != "month" && period != "year" {
		return nil, fmt.Errorf("--period %q: choose day, month or year", period)
	}
	aggs := map[gdeltKey]*gdeltAgg{}
	for _, f := range files {
		s, err := openSheet(r, f, 0, UTF8, true)
		if err != nil {
			return nil, err
		}
		if !strings.EqualFold(s.header[0], "GLOBALEVENTID") {
			// A raw export: the first row is data.
			if len(s.header) != len(gdeltColumns) {
				return nil, problemErr(s.pos(0), fmt.Sprintf("no GDELT header row, and %d columns where a raw GDELT 2.0 export has %d", len(s.header), len(gdeltColumns)),
					"give a GDELT 2.0 event file: with a header row starting GLOBALEVENTID, or a raw export")
			}
			s.rec = slices.Clone(s.header)
			s.header = gdeltColumns
			s.index = map[string]int{}
			for i, h := range gdeltColumns {
				s.index[strings.ToLower(h)] = i
			}
			r.rows++
			gdeltRow(r, s, aggs, period)
		} else if !s.require("GLOBALEVENTID", "SQLDATE", "Actor1CountryCode", "Actor2CountryCode", "EventCode", "GoldsteinScale", "SOURCEURL") {
			continue
		}
		if err := s.each(func() {
			gdeltRow(r, s, aggs, period)
		}); err != nil {
			return nil, err
		}
	}

	keys := make([]gdeltKey, 0, len(aggs))
	for k := range aggs {
		keys = append(keys, k)
	}
	slices.SortFunc(keys, func(a, b gdeltKey) int {
		return cmp.Or(a.period.Compare(b.period), cmp.Compare(typeOrder(a.typ), typeOrder(b.typ)), cmp.Compare(a.from, b.from), cmp.Compare(a.to, b.to))
	})
	src := graph.Source{
		ID:        "gdelt",
		Title:     "GDELT 2.0 event database",
		Publisher: "The GDELT Project",
		URL:       "https://www.gdeltproject.org/",
		Note: "Events coded automatically from news reports; each record lists its GLOBALEVENTIDs and the articles' URLs. " +
			"Cite: Leetaru and Schrodt (2013), \"GDELT: Global Data on Events, Location and Tone, 1979–2012\". Imported from " + fileNames(files) + ".",
	}
	ds := &graph.Dataset{
		Title: "GDELT events between countries",
		Description: "GDELT events between two countries, aggregated per relation type, pair and " + period +
			"; weight: the sum of the events' absolute Goldstein scores over 10 (one event of full intensity weighs 1), at most 10." + r.filterNote(),
		Sources: []graph.Source{src},
	}
	used := map[string]bool{}
	usedType := map[string]bool{}
	for _, k := range keys {
		a := aggs[k]
		rec := graph.Record{
			Type: k.typ, Parties: []string{k.from, k.to}, Directed: k.typ != "summit", Start: k.period, Source: src.ID,
			Weight: gdeltWeight(a),
		}
		rec.ID = fmt.Sprintf("gdelt-%s-%s-%s-%s", k.period, k.typ, k.from, k.to)
		codes := slices.Sorted(maps.Keys(a.codes))
		if len(codes) == 1 {
			rec.Label = a.names[codes[0]]
		} else {
			rec.Label = fmt.Sprintf("%d events", a.events)
		}
		var parts []string
		for _, c := range codes {
			parts = append(parts, fmt.Sprintf("%s %s ×%d", c, a.names[c], a.codes[c]))
		}
		var b strings.Builder
		fmt.Fprintf(&b, "%s between %s and %s in %s (CAMEO %s).", count(a.events, "GDELT event", "GDELT events"),
			countryByID[k.from].name, countryByID[k.to].name, k.period.Human(), strings.Join(parts, ", "))
		b.WriteString(gdeltWeightNote(a))
		if len(a.urls) > 0 {
			b.WriteString(" Articles: " + strings.Join(a.urls, " "))
			if more := len(a.allURLs) - len(a.urls); more > 0 {
				fmt.Fprintf(&b, " and %d more", more)
			}
		}
		rec.Note = b.String()
		rec.Cite = "GLOBALEVENTID " + strings.Join(a.ids, ", ")
		if a.events > len(a.ids) {
			rec.Cite += fmt.Sprintf(" and %d more", a.events-len(a.ids))
		}
		ds.Records = append(ds.Records, rec)
		used[k.from], used[k.to] = true, true
		usedType[k.typ] = true
	}
	ds.Entities = countryEntities(used)
	if usedType["cooperation"] {
		ds.Types = append(ds.Types, cooperationType)
	}
	if usedType["coercion"] {
		ds.Types = append(ds.Types, coercionType)
	}
	return ds, nil
}

// gdeltWeight is an aggregate's weight: the sum of its events' absolute
// Goldstein scores divided by 10, so that one event of full intensity
// (Goldstein ±10, such as the use of conventional military force) weighs 1
// and a visit (1.9) 0.19. Goldstein is fixed per event code: how
// cooperative or conflictual that kind of event is; the sum makes ten such
// events weigh ten times one. A figure's edge sums its records, so an edge
// weighs the same whatever --period the events were aggregated over,
// unless a record reaches the cap: at most 10 (a record's largest weight),
// at least graph.MinWeight; rounded to 0.01.
func gdeltWeight(a *gdeltAgg) float64 {
	return min(graph.MaxWeight, max(graph.MinWeight, math.Round(a.weight*10)/100))
}

// gdeltWeightNote says how the weight came about, for the record's note.
func gdeltWeightNote(a *gdeltAgg) string {
	sum := math.Round(a.weight*10) / 10
	if w := gdeltWeight(a); w == graph.MaxWeight && sum/10 > graph.MaxWeight {
		return fmt.Sprintf(" Weight: the events' absolute Goldstein scores summed (%.1f) over 10, capped at %g.", sum, graph.MaxWeight)
	}
	return fmt.Sprintf(" Weight: the events' absolute Goldstein scores summed (%.1f) over 10.", sum)
}

// cooperationType is the positive type GDELT's cooperation events map to.
var cooperationType = graph.Type{ID: "cooperation", Label: "Cooperation / agreement", Sign: graph.Positive, Weight: 1}

// coercionType is the negative type of CAMEO 17x and 18x (see cameoMapping).
var coercionType = graph.Type{ID: "coercion", Label: "Coercion / assault (not between states)", Sign: graph.Negative, Weight: 1}

func typeOrder(t string) int {
	return slices.Index([]string{"summit", "cooperation", "coercion", "hostility"}, t)
}

// gdeltRow adds one event row to the aggregates.
func gdeltRow(r *run, s *sheet, aggs map[gdeltKey]*gdeltAgg, period string) {
	c1, c2 := s.get("Actor1CountryCode"), s.get("Actor2CountryCode")
	if c1 == "" || c2 == "" {
		r.leave("rows without two actor countries")
		return
	}
	if strings.EqualFold(c1, c2) {
		r.leave("rows with both actors in one country")
		return
	}
	from, region1, ok1 := cameoCountry(strings.ToUpper(c1))
	to, region2, ok2 := cameoCountry(strings.ToUpper(c2))
	switch {
	case region1 != "" || region2 != "":
		r.leave("rows with a region, not a country (CAMEO codes such as EUR, AFR)")
		return
	case !ok1:
		s.bad("Actor1CountryCode", "CAMEO country codes are ISO 3166 alpha-3 codes such as USA or GBR", "unknown country code %q", c1)
		return
	case !ok2:
		s.bad("Actor2CountryCode", "CAMEO country codes are ISO 3166 alpha-3 codes such as USA or GBR", "unknown country code %q", c2)
		return
	case from == to:
		r.leave("rows with both actors in one country")
		return
	}
	code := s.get("EventCode")
	if len(code) < 2 || strings.Trim(code, "0123456789") != "" {
		s.bad("EventCode", "a CAMEO event code is 2 to 4 digits, such as 042", "%q is not a CAMEO event code", code)
		return
	}
	typ := cameoType(code)
	if typ == "" {
		r.leave("rows with CAMEO codes not imported (see the mapping table)")
		return
	}
	day, err := gdeltDate(s.get("SQLDATE"))
	if err != nil {
		s.bad("SQLDATE", "write the event's day as YYYYMMDD", "%v", err)
		return
	}
	g, err := strconv.ParseFloat(s.get("GoldsteinScale"), 64)
	if err != nil || math.IsNaN(g) || g < -10 || g > 10 {
		s.bad("GoldsteinScale", "the Goldstein score is a number from -10 to 10", "%q is not a Goldstein score", s.get("GoldsteinScale"))
		return
	}
	if !r.yearsOverlap(day.Year, day.Year) {
		r.leave("rows outside --since/--until")
		return
	}
	if !r.among(from, to) {
		r.leave("rows not among --countries")
		return
	}
	p := day
	switch period {
	case "month":
		p.Day = 0
	case "year":
		p.Day, p.Month = 0, 0
	}
	if typ == "summit" && to < from {
		from, to = to, from
	}
	k := gdeltKey{typ: typ, from: from, to: to, period: p}
	a := aggs[k]
	if a == nil {
		a = &gdeltAgg{seen: map[string]bool{}, codes: map[string]int{}, names: map[string]string{}, allURLs: map[string]bool{}}
		aggs[k] = a
	}
	url := s.get("SOURCEURL")
	dup := url + " " + code + " " + day.String()
	if a.seen[dup] {
		r.leave("rows repeating an event already counted (same article, code and day)")
		return
	}
	a.seen[strings.Clone(dup)] = true
	a.events++
	a.weight += math.Abs(g)
	a.codes[strings.Clone(code)]++
	if _, ok := a.names[code]; !ok {
		name := strings.TrimSuffix(strings.TrimSpace(s.get("CAMEOCodeDescription")), ", not specified below")
		if name == "" {
			name = cameoNames[code]
		}
		if name == "" && len(code) > 3 {
			name = cameoNames[code[:3]]
		}
		if name == "" {
			name = "CAMEO " + code
		}
		a.names[strings.Clone(code)] = strings.Clone(name)
	}
	if len(a.ids) < maxIDs {
		a.ids = append(a.ids, strings.Clone(s.get("GLOBALEVENTID")))
	}
	if url != "" && !a.allURLs[url] {
		url = strings.Clone(url)
		a.allURLs[url] = true
		if len(a.urls) < maxURLs {
			a.urls = append(a.urls, url)
		}
	}
}

// gdeltDate reads SQLDATE (YYYYMMDD).
func gdeltDate(v string) (graph.Date, error) {
	if len(v) != 8 || strings.Trim(v, "0123456789") != "" {
		return graph.Date{}, fmt.Errorf("%q is not a date YYYYMMDD", v)
	}
	d, err := graph.ParseDate(v[:4] + "-" + v[4:6] + "-" + v[6:])
	if err != nil {
		return graph.Date{}, fmt.Errorf("%q: %s", v, strings.TrimPrefix(err.Error(), "date "))
	}
	return d, nil
}

// count writes n with the singular or plural noun.
func count(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}

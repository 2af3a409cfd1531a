package importer

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/dipgraph/dipgraph/data"
	"github.com/dipgraph/dipgraph/graph"
)

// The tests in this file read the third-party datasets in
// ../shared/data/real (beside the repository; see its README.md). The
// expected numbers and values were looked up by hand in those files.

// realDir finds shared/data/real in the working directory or one of its
// parents, or skips the test.
func realDir(t testing.TB) string {
	t.Helper()
	wd, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for dir := wd; ; dir = filepath.Dir(dir) {
		p := filepath.Join(dir, "shared", "data", "real")
		if st, err := os.Stat(p); err == nil && st.IsDir() {
			return p
		}
		if filepath.Dir(dir) == dir {
			break
		}
	}
	t.Skip("the real datasets are not here: expected shared/data/real beside the repository (../shared/data/real from its root)")
	return ""
}

// realImport imports files under shared/data/real and checks that the
// result encodes to a data file that validates.
func realImport(t testing.TB, kind string, opt Options, rel ...string) *Result {
	t.Helper()
	dir := realDir(t)
	var files []File
	for _, r := range rel {
		f, err := os.Open(filepath.Join(dir, r))
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { f.Close() })
		files = append(files, File{Name: r, R: f})
	}
	res, err := Import(kind, files, opt)
	if err != nil {
		t.Fatalf("import %s: %v", kind, err)
	}
	mustValidate(t, res.Dataset)
	return res
}

// mustValidate encodes ds as YAML and loads it back.
func mustValidate(t testing.TB, ds *graph.Dataset) {
	t.Helper()
	if ds.ID == "" {
		ds.ID = "test"
	}
	y := data.EncodeYAML(ds)
	if _, err := data.Load(data.Input{Name: "imported.yaml", Src: y}); err != nil {
		t.Fatalf("the imported data does not validate:\n%v", err)
	}
}

func entity(t testing.TB, ds *graph.Dataset, id string) graph.Entity {
	t.Helper()
	e, ok := ds.Entity(id)
	if !ok {
		t.Fatalf("no entity %q", id)
	}
	return *e
}

func record(t testing.TB, ds *graph.Dataset, id string) graph.Record {
	t.Helper()
	for _, r := range ds.Records {
		if r.ID == id {
			return r
		}
	}
	t.Fatalf("no record %q", id)
	return graph.Record{}
}

func left(res *Result, reason string) int {
	for _, l := range res.Left {
		if l.Reason == reason {
			return l.N
		}
	}
	return 0
}

func TestCOWStatesReal(t *testing.T) {
	res := realImport(t, "cow-states", Options{}, "cow/states2016.csv")
	ds := res.Dataset
	// 243 rows, 217 codes; 255 and 260 are both Germany, 678 and 679 both
	// Yemen: 215 countries.
	if res.Rows != 243 || res.NSkipped != 0 || len(ds.Entities) != 215 || len(ds.Records) != 0 {
		t.Fatalf("rows %d, skipped %d, entities %d, records %d; want 243, 0, 215, 0", res.Rows, res.NSkipped, len(ds.Entities), len(ds.Records))
	}
	for id, note := range map[string]string{
		"usa": "COW state 2 (USA), system member 1816-01-01 to 2016-12-31 (still a member when the list ends).",
		"fra": "COW state 220 (FRN), system member 1816-01-01 to 1942-11-11, 1944-08-25 to 2016-12-31 (still a member when the list ends).",
		"deu": "COW state 255 (GMY), system member 1816-01-01 to 1945-05-08, 1990-10-03 to 2016-12-31; COW state 260 (GFR), system member 1955-05-05 to 1990-10-02 (still a member when the list ends).",
		"ddr": "COW state 265 (GDR), system member 1954-03-25 to 1990-10-02.",
	} {
		if got := entity(t, ds, id).Note; got != note {
			t.Errorf("%s note:\n got %q\nwant %q", id, got, note)
		}
	}
	if e := entity(t, ds, "usa"); e.Name != "United States" || !slices.Equal(e.Aliases, []string{"United States of America"}) {
		t.Errorf("usa: %+v", e)
	}
	// Filters: members in 1850 among three countries, one not a member then.
	res = realImport(t, "cow-states", Options{Since: 1850, Until: 1850, Countries: map[string]bool{"usa": true, "bavaria": true, "kor": true}}, "cow/states2016.csv")
	var ids []string
	for _, e := range res.Dataset.Entities {
		ids = append(ids, e.ID)
	}
	if !slices.Equal(ids, []string{"usa", "bavaria"}) {
		t.Errorf("members in 1850 among usa, bavaria, kor: %v", ids)
	}
}

// TestCOWTableMatchesStates2016 keeps the built-in COW table true to the
// COW list: every code, abbreviation and name of states2016.csv.
func TestCOWTableMatchesStates2016(t *testing.T) {
	f, err := os.Open(filepath.Join(realDir(t), "cow/states2016.csv"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	codes := map[string]bool{}
	for _, row := range rows[1:] {
		codes[row[1]] = true
		st, ok := resolveCOW(row[1])
		if !ok {
			t.Errorf("code %s (%s) is not in the table", row[1], row[0])
			continue
		}
		if st.abbr != row[0] || st.name != row[2] {
			t.Errorf("code %s: table has %s %q, the file %s %q", row[1], st.abbr, st.name, row[0], row[2])
		}
		if _, ok := countryByID[st.id]; !ok {
			t.Errorf("code %s maps to %q, which has no name", row[1], st.id)
		}
	}
	if len(codes) != 217 {
		t.Errorf("%d codes in the file, want 217", len(codes))
	}
	n := 0
	for _, st := range cowStates {
		if !st.gw {
			n++
		}
	}
	if n != len(codes) {
		t.Errorf("the table has %d COW codes, the file %d", n, len(codes))
	}
}

func resolveCOW(code string) (cowState, bool) {
	n, err := strconv.Atoi(code)
	st, ok := cowByCode[n]
	return st, err == nil && ok && !st.gw
}

func TestMIDReal(t *testing.T) {
	res := realImport(t, "mid", Options{}, "gml/gml-ddy-disputes-2.1.1.csv")
	ds := res.Dataset
	// 10,330 directed dispute-years of 2,199 disputes fold into 3,365
	// disputes-and-pairs; seven pairs have a gap in their years, so 3,372
	// spells; each spell is a record from each state that took militarized
	// action, or from Side A when neither did: 5,346 records.
	if res.Rows != 10330 || res.NSkipped != 0 || len(ds.Records) != 5346 {
		t.Fatalf("rows %d, skipped %d, records %d; want 10330, 0, 5346", res.Rows, res.NSkipped, len(ds.Records))
	}
	disputes := map[string]bool{}
	spells := map[string]bool{}
	for _, r := range ds.Records {
		disputes[r.Cite] = true
		lo, hi := min(r.Parties[0], r.Parties[1]), max(r.Parties[0], r.Parties[1])
		spells[fmt.Sprint(r.Cite, lo, hi, r.Start)] = true
		if !r.Directed {
			t.Errorf("a mutual record: %+v", r)
		}
	}
	if len(disputes) != 2199 || len(spells) != 3372 {
		t.Errorf("%d disputes and %d spells, want 2199 and 3372", len(disputes), len(spells))
	}
	checkMIDAgainstFile(t, ds)

	// Rows 2,2,200,1902 and 2,200,2,1902 (and 1903): the United States on
	// Side A, show of force (hiact 7), hostility level 3; the United
	// Kingdom no militarized action, level 1: one record, the American.
	r := record(t, ds, "mid2-usa-gbr")
	want := graph.Record{ID: "mid2-usa-gbr", Type: "hostility", Parties: []string{"usa", "gbr"}, Directed: true,
		Start: graph.Date{Year: 1902}, End: graph.Date{Year: 1903}, Weight: 3, Label: "display of force", Source: "gml-mid", Cite: "dispute 2",
		Note: "Militarized interstate dispute 2, 1902–1903: militarized actions by United States against United Kingdom, weighted and labelled by its hostility level. " +
			"United States (Side A): highest action show of force (hostility level 3, display of force). " +
			"United Kingdom: highest action no militarized action (hostility level 1)."}
	if !reflect.DeepEqual(r, want) {
		t.Errorf("dispute 2:\n got %+v\nwant %+v", r, want)
	}
	for _, r := range ds.Records {
		if r.ID == "mid2-gbr-usa" {
			t.Errorf("a record for the United Kingdom, which took no militarized action: %+v", r)
		}
	}
	// Dispute 4342 (1999): Russia on Side A against the United States,
	// an alert (hiact 8), hostility level 3.
	r = record(t, ds, "mid4342-rus-usa")
	if !r.Directed || r.Start != (graph.Date{Year: 1999}) || !r.IsEvent() || r.Weight != 3 || r.Cite != "dispute 4342" {
		t.Errorf("dispute 4342: %+v", r)
	}
	// Dispute 4273: Saudi Arabia (Side A, seizure, level 4) and Iraq (war,
	// level 5). Each side's record carries its own level.
	if r := record(t, ds, "mid4273-sau-irq"); r.Weight != 4 || r.Label != "use of force" || !strings.Contains(r.Note, "The actions by Iraq: record mid4273-irq-sau.") {
		t.Errorf("dispute 4273, Saudi Arabia → Iraq: %+v", r)
	}
	if r := record(t, ds, "mid4273-irq-sau"); r.Weight != 5 || r.Label != "war" {
		t.Errorf("dispute 4273, Iraq → Saudi Arabia: %+v", r)
	}
	// Iraq and Israel in dispute 4273: 1998 and 2002 only, two spells
	// dated 1998 and 2002, not a period 1998–2002. Israel mobilized in
	// 1998 (level 3) and took no militarized action in 2002.
	for id, year := range map[string]int{"mid4273-isr-irq": 1998, "mid4273-irq-isr": 1998, "mid4273-irq-isr-2002": 2002} {
		if r := record(t, ds, id); r.Start != (graph.Date{Year: year}) || !r.IsEvent() ||
			!strings.Contains(r.Note, "The pair's dispute-years are 1998, 2002: this record is the spell "+strconv.Itoa(year)+".") {
			t.Errorf("dispute 4273, Iraq–Israel: %+v", r)
		}
	}
	for _, r := range ds.Records {
		if r.ID == "mid4273-isr-irq-2002" {
			t.Errorf("a record for Israel in 2002, when it took no militarized action: %+v", r)
		}
	}
	// Dispute 258 (the Second World War): France and the Soviet Union in
	// 1939 and 1941, on Side A in turn, both at war: a record each way in
	// each year.
	for _, id := range []string{"mid258-fra-rus", "mid258-rus-fra", "mid258-fra-rus-1941", "mid258-rus-fra-1941"} {
		if r := record(t, ds, id); r.Weight != 5 || !r.IsEvent() {
			t.Errorf("dispute 258, France–USSR: %+v", r)
		}
	}
	// The United Kingdom (Side A) and Germany in dispute 258: 1939–1945, war.
	if r := record(t, ds, "mid258-gbr-deu"); !r.Directed || r.Start.Year != 1939 || r.End.Year != 1945 || r.Weight != 5 || r.Label != "war" {
		t.Errorf("dispute 258, Germany–UK: %+v", r)
	}

	// 2003: 61 dispute pairs were active, 90 records.
	res = realImport(t, "mid", Options{Since: 2003, Until: 2003}, "gml/gml-ddy-disputes-2.1.1.csv")
	if n := len(res.Dataset.Records); n != 90 {
		t.Errorf("%d records in 2003, want 90", n)
	}
	res = realImport(t, "mid", Options{Since: 2003, Until: 2003, Countries: map[string]bool{"usa": true, "irq": true, "prk": true}}, "gml/gml-ddy-disputes-2.1.1.csv")
	var ids []string
	for _, r := range res.Dataset.Records {
		ids = append(ids, r.ID)
	}
	if !slices.Equal(ids, []string{"mid4273-usa-irq", "mid4273-irq-usa", "mid4455-usa-prk", "mid4455-prk-usa"}) {
		t.Errorf("2003 among usa, irq, prk: %v", ids)
	}
}

// checkMIDAgainstFile reads the GML file again, row by row, and checks
// every record against it: its weight and label are the acting state's
// own hostility level (so no "war" record comes from a state below war
// level), and its years are a run of the pair's dispute-years with no
// dispute-year of the pair just before or after (a gap is not a period).
func checkMIDAgainstFile(t *testing.T, ds *graph.Dataset) {
	t.Helper()
	f, err := os.Open(filepath.Join(realDir(t), "gml/gml-ddy-disputes-2.1.1.csv"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	type key struct {
		disp     string
		from, to string
		year     int
	}
	level := map[key]int{}
	col := map[string]int{}
	for i, h := range rows[0] {
		col[h] = i
	}
	id := func(code string) string {
		n, _ := strconv.Atoi(code)
		return cowByCode[n].id
	}
	for _, row := range rows[1:] {
		year, _ := strconv.Atoi(row[col["year"]])
		h, _ := strconv.Atoi(row[col["hostlev1"]])
		k := key{row[col["dispnum"]], id(row[col["ccode1"]]), id(row[col["ccode2"]]), year}
		level[k] = max(level[k], h, 0) // -9, missing, is unknown: 0
	}
	war, warOnLower := 0, 0
	for _, r := range ds.Records {
		disp := strings.TrimPrefix(r.Cite, "dispute ")
		from, to := r.Parties[0], r.Parties[1]
		last := r.Start.Year
		if !r.End.IsZero() {
			last = r.End.Year
		}
		own, theirs := 0, 0
		for y := r.Start.Year; y <= last; y++ {
			h, ok := level[key{disp, from, to, y}]
			if !ok {
				t.Errorf("%s covers %d, when the pair has no dispute-year", r.ID, y)
			}
			own, theirs = max(own, h), max(theirs, level[key{disp, to, from, y}])
		}
		for _, y := range []int{r.Start.Year - 1, last + 1} {
			if _, ok := level[key{disp, from, to, y}]; ok {
				t.Errorf("%s ends before or starts after a dispute-year (%d) of its spell", r.ID, y)
			}
		}
		if r.Weight != float64(own) || r.Label != hostilityLevels[own] {
			t.Errorf("%s: weight %v, label %q; the acting state's level is %d", r.ID, r.Weight, r.Label, own)
		}
		if r.Label == "war" {
			war++
			if theirs < 5 {
				warOnLower++
			}
		}
	}
	// The 931 "war" records each come from a state at war; 167 of them
	// act on a state below war level, whose own level is its own record
	// (or, at level 1, no record).
	if war != 931 || warOnLower != 167 {
		t.Errorf("%d war records, %d of them on a state below war level; want 931 and 167", war, warOnLower)
	}
}

func TestGDELTReal(t *testing.T) {
	res := realImport(t, "gdelt", Options{}, "gdelt/events2samps.csv")
	ds := res.Dataset
	if res.Rows != 6090 || res.NSkipped != 0 {
		t.Fatalf("rows %d, skipped %d; want 6090, 0", res.Rows, res.NSkipped)
	}
	// The README counts 1,618 rows with both countries, 1,210 of them two
	// different ones; 113 of those name a region (EUR, AFR …). The rest,
	// mapped through the CAMEO table and without the 244 repeats of one
	// article's event, are 279 events in 200 records.
	for reason, n := range map[string]int{
		"rows without two actor countries":                                     6090 - 1618,
		"rows with both actors in one country":                                 1618 - 1210,
		"rows with a region, not a country (CAMEO codes such as EUR, AFR)":     113,
		"rows with CAMEO codes not imported (see the mapping table)":           574,
		"rows repeating an event already counted (same article, code and day)": 244,
	} {
		if got := left(res, reason); got != n {
			t.Errorf("%s: %d, want %d", reason, got, n)
		}
	}
	types := map[string]int{}
	for _, r := range ds.Records {
		types[r.Type]++
	}
	// CAMEO 17x and 18x (arrests, assaults) are coercion, not hostility.
	if len(ds.Records) != 200 || types["summit"] != 62 || types["cooperation"] != 66 || types["hostility"] != 38 || types["coercion"] != 34 {
		t.Errorf("%d records %v, want 200: summit 62, cooperation 66, hostility 38, coercion 34", len(ds.Records), types)
	}
	// Event 669666380: Mali → Chad, 190 (use conventional military force),
	// Goldstein -10, 1 June 2017: one event of full intensity, weight 1.
	r := record(t, ds, "gdelt-2017-06-hostility-mli-tcd")
	if !r.Directed || r.Weight != 1 || r.Start != graph.MustDate("2017-06") || r.Cite != "GLOBALEVENTID 669666380" ||
		r.Label != "Use conventional military force" || !strings.Contains(r.Note, "http://thenationonlineng.net/french-president-african-leaders-meet-al-qaida-boko-haram/") {
		t.Errorf("Mali → Chad: %+v", r)
	}
	// Events 669666359 (Egypt hosts, 043, 2.8) and 669666369 (Saudi visit,
	// 042, 1.9), July 2016: one mutual summit record of weight
	// (2.8 + 1.9) / 10.
	r = record(t, ds, "gdelt-2016-07-summit-egy-sau")
	if r.Directed || r.Weight != 0.47 || r.Cite != "GLOBALEVENTID 669666359, 669666369" || r.Label != "2 events" ||
		!strings.Contains(r.Note, "Weight: the events' absolute Goldstein scores summed (4.7) over 10.") {
		t.Errorf("Egypt–Saudi Arabia: %+v", r)
	}
	// Event 661115768 (173, arrest: France arrests a former Guantánamo
	// detainee): coercion from France on the United States, not hostility.
	r = record(t, ds, "gdelt-2017-06-coercion-fra-usa")
	if r.Weight != 0.5 || r.Label != "Arrest, detain, or charge with legal action" {
		t.Errorf("France → United States, an arrest: %+v", r)
	}
	codes := regexp.MustCompile(`(?:\(CAMEO |×\d+, )(\d+) `)
	for _, r := range ds.Records {
		ms := codes.FindAllStringSubmatch(r.Note, -1)
		if len(ms) == 0 {
			t.Errorf("no CAMEO code in the note of %s", r.ID)
		}
		for _, m := range ms {
			if is17or18 := strings.HasPrefix(m[1], "17") || strings.HasPrefix(m[1], "18"); is17or18 != (r.Type == "coercion") {
				t.Errorf("CAMEO %s as %s: %+v", m[1], r.Type, r)
			}
		}
	}
	// Event 669666600 (036, intent to meet) is not a meeting.
	for _, r := range ds.Records {
		if strings.Contains(r.Cite, "669666600") {
			t.Errorf("669666600 (CAMEO 036) was imported: %+v", r)
		}
	}
	if len(ds.Types) != 2 || ds.Types[0].ID != "cooperation" || ds.Types[0].Sign != graph.Positive ||
		ds.Types[1].ID != "coercion" || ds.Types[1].Sign != graph.Negative {
		t.Errorf("types %+v, want the positive cooperation and the negative coercion types", ds.Types)
	}

	// The weight counts every event: per type, the records' weights sum to
	// the same whatever the period they aggregate over (154.49 in all).
	totals := func(period string) map[string]float64 {
		res := realImport(t, "gdelt", Options{Period: period}, "gdelt/events2samps.csv")
		sum := map[string]float64{}
		for _, r := range res.Dataset.Records {
			sum[r.Type] += r.Weight
			sum[""] += r.Weight
		}
		for k, v := range sum {
			sum[k] = math.Round(v*100) / 100
		}
		return sum
	}
	day, month, year := totals("day"), totals("month"), totals("year")
	if !reflect.DeepEqual(day, month) || !reflect.DeepEqual(month, year) || month[""] != 154.49 {
		t.Errorf("weights per type by day %v, month %v, year %v; want the same, 154.49 in all", day, month, year)
	}
}

func TestArchigosReal(t *testing.T) {
	res := realImport(t, "archigos", Options{}, "archigos/arch_annual.txt")
	ds := res.Dataset
	leaders, roles := 0, 0
	for _, e := range ds.Entities {
		if e.Kind == graph.KindLeader {
			leaders++
			roles += len(e.Roles)
		}
	}
	// 17,686 leader-years of 2,802 leader ids in 3,409 tenures; one id
	// is given to two people (below), so 2,803 leaders.
	if res.Rows != 17686 || res.NSkipped != 0 || leaders != 2803 || roles != 3409 {
		t.Fatalf("rows %d, skipped %d, leaders %d, tenures %d; want 17686, 0, 2803, 3409", res.Rows, res.NSkipped, leaders, roles)
	}
	// Still in office at the end of the data: the role ends there, and the
	// note says the end is the data's (right-censored).
	putin := entity(t, ds, "putin-rus-2000")
	want := graph.Entity{ID: "putin-rus-2000", Kind: graph.KindLeader, Name: "Putin", Aliases: []string{"Vladimir Putin"}, Country: "rus",
		Roles: []graph.Role{{Title: "Leader of Russia", Start: graph.MustDate("2000-01-01"), End: graph.MustDate("2015-12-31")}},
		Note: "Archigos tenures RUS-2000: entry regular, still in office when the data ends (2015-12-31): " +
			"the role ends there because the data does (right-censored), not the tenure."}
	if !reflect.DeepEqual(putin, want) {
		t.Errorf("Putin:\n got %+v\nwant %+v", putin, want)
	}
	// Obama took office on 20 January 2009, and was in office when the
	// data ends.
	if o := entity(t, ds, "obama-usa-2009"); o.Roles[0].Start != graph.MustDate("2009-01-20") || o.Roles[0].End != graph.MustDate("2015-12-31") {
		t.Errorf("Obama: %+v", o)
	}
	// No role is open: 168 tenures still in office (rows 693, 7359 and
	// 8566, of Haiti, Macedonia and Latvia, stop at the end of 2014) are
	// censored where their rows stop.
	censored, open := 0, 0
	for _, e := range ds.Entities {
		for _, r := range e.Roles {
			if r.End.IsZero() {
				open++
			}
		}
		censored += strings.Count(e.Note, "(right-censored)")
	}
	if open != 0 || censored != 168 {
		t.Errorf("%d open roles and %d censored tenures, want 0 and 168", open, censored)
	}
	if m := entity(t, ds, "martelly-hti-2011"); m.Roles[0].End != graph.MustDate("2014-12-31") ||
		!strings.Contains(m.Note, "still in office at its last row (2014-12-31; the data runs to 2015-12-31)") {
		t.Errorf("Martelly: %+v", m)
	}

	// Leader id 81de4823… is Mackenzie King's (Canada, rows 232–263) and
	// Buenaventura Báez's (Dominican Republic, rows 700–702): two leaders,
	// and a warning naming both rows. Two ids carry two spellings of one
	// name in one country: one leader each, with an alias.
	if k := entity(t, ds, "king-can-1921"); k.Country != "can" || len(k.Roles) != 3 {
		t.Errorf("King: %+v", k)
	}
	if b := entity(t, ds, "buenaventura-baez-dom-1876"); b.Country != "dom" || len(b.Roles) != 1 || b.Roles[0].Start != graph.MustDate("1876-12-26") {
		t.Errorf("Báez: %+v", b)
	}
	var warnings []string
	for _, w := range res.Warnings {
		warnings = append(warnings, w.String())
	}
	wantWarnings := []string{
		"archigos/arch_annual.txt:700:2: leader id 81de4823-1e42-11e4-b4cd-db5882bf8def is Buenaventura Baez of Dominican Republic here " +
			"but King of Canada at archigos/arch_annual.txt:232:2: imported as two leaders; " +
			"Archigos gives each leader one id: if they are one person, correct the ccode; if two, give one of them its own leadid",
	}
	if len(warnings) != 3 || warnings[0] != wantWarnings[0] {
		t.Errorf("warnings:\n%s", strings.Join(warnings, "\n"))
	}
	for _, id := range []string{"izetbegovic-bih-1990", "ramgoolam-n-mus-1995"} {
		if e := entity(t, ds, id); len(e.Aliases) == 0 {
			t.Errorf("%s has no alias: %+v", id, e)
		}
	}
	// Grant: USA-1869, 1869-03-04 to 1877-03-04.
	if g := entity(t, ds, "grant-usa-1869"); g.Roles[0].Start != graph.MustDate("1869-03-04") || g.Roles[0].End != graph.MustDate("1877-03-04") {
		t.Errorf("Grant: %+v", g)
	}
	// Merkel leads the Federal Republic (Gleditsch–Ward 260, Germany).
	if m := entity(t, ds, "merkel-deu-2005"); m.Country != "deu" || m.Roles[0].Start != graph.MustDate("2005-11-22") {
		t.Errorf("Merkel: %+v", m)
	}
	// Latin-1 names come out as text: byte 0xE1 is á.
	found := map[string]bool{}
	for _, e := range ds.Entities {
		found[e.Name] = true
	}
	// Didier Burkhalter's malformed borndate (1960-04-1970) is not read.
	for _, name := range []string{"Hernández", "Sauli Niinistö", "Lars Løkke Rasmussen", "Didier Burkhalter"} {
		if !found[name] {
			t.Errorf("no leader named %q", name)
		}
	}
	// Leaders in office in 2003 among three countries: Bush, Kim Jong Il,
	// and in Iraq Saddam Hussein, then the heads of the occupation.
	res = realImport(t, "archigos", Options{Since: 2003, Until: 2003, Countries: map[string]bool{"usa": true, "irq": true, "prk": true}}, "archigos/arch_annual.txt")
	var names []string
	for _, e := range res.Dataset.Entities {
		if e.Kind == graph.KindLeader {
			names = append(names, e.Name+"/"+e.Country)
		}
	}
	slices.Sort(names)
	if !slices.Equal(names, []string{"G.W. Bush/usa", "Jay Garner/irq", "Kim Jong-Il/prk", "Paul Bremer/irq", "Saddam Hussein/irq", "Tommy Ray Franks/irq"}) {
		t.Errorf("leaders of usa, irq, prk in 2003: %v", names)
	}
}

// TestImportStreams imports files 100 times the size of the real ones,
// generated on the fly (the header once, then the rows a hundred times),
// and requires the heap to stay flat: far below the input's size, and
// near what the single file needs. The output is the same as for one copy,
// as repeated rows fold into the same disputes, events and leaders.
func TestImportStreams(t *testing.T) {
	if testing.Short() {
		t.Skip("reads several hundred megabytes")
	}
	dir := realDir(t)
	for _, c := range []struct{ kind, file string }{
		{"mid", "gml/gml-ddy-disputes-2.1.1.csv"},
		{"gdelt", "gdelt/events2samps.csv"},
		{"archigos", "archigos/arch_annual.txt"},
	} {
		t.Run(c.kind, func(t *testing.T) {
			src, err := os.ReadFile(filepath.Join(dir, c.file))
			if err != nil {
				t.Fatal(err)
			}
			one, onePeak := importMeasured(t, c.kind, src, 1)
			many, manyPeak := importMeasured(t, c.kind, src, 100)
			size := uint64(len(src)) * 100
			t.Logf("%s: peak heap %d MB for one copy, %d MB for 100 copies (%d MB of input)", c.kind, onePeak>>20, manyPeak>>20, size>>20)
			if manyPeak > onePeak+32<<20 || manyPeak > size/4 {
				t.Errorf("peak heap %d MB for 100 copies, %d MB for one: memory grows with the input", manyPeak>>20, onePeak>>20)
			}
			if !sameModel(one.Dataset, many.Dataset) {
				t.Errorf("100 copies give another dataset than one")
			}
			if many.Rows != 100*one.Rows {
				t.Errorf("read %d rows of 100 copies, %d of one", many.Rows, one.Rows)
			}
		})
	}
}

// importMeasured imports n copies of src's rows (one header) and returns
// the result and the peak heap seen while reading.
func importMeasured(t *testing.T, kind string, src []byte, n int) (*Result, uint64) {
	t.Helper()
	header, body, _ := bytes.Cut(src, []byte("\n"))
	header = append(header, '\n')
	if !bytes.HasSuffix(body, []byte("\n")) {
		body = append(bytes.Clone(body), '\n')
	}
	parts := []io.Reader{bytes.NewReader(header)}
	for range n {
		parts = append(parts, bytes.NewReader(body))
	}
	runtime.GC()
	m := &heapMeter{r: io.MultiReader(parts...)}
	m.sample()
	res, err := Import(kind, []File{{Name: kind, R: m}}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	m.sample()
	return res, m.peak
}

// heapMeter samples the live heap every megabyte read.
type heapMeter struct {
	r          io.Reader
	read, next int64
	peak       uint64
}

func (m *heapMeter) Read(b []byte) (int, error) {
	n, err := m.r.Read(b)
	m.read += int64(n)
	if m.read >= m.next {
		m.next = m.read + 1<<20
		m.sample()
	}
	return n, err
}

func (m *heapMeter) sample() {
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	m.peak = max(m.peak, ms.HeapAlloc)
}

// sameModel compares what two datasets say (not their lookup indexes).
func sameModel(a, b *graph.Dataset) bool {
	return a.ID == b.ID && a.Title == b.Title && a.Description == b.Description &&
		reflect.DeepEqual(a.Entities, b.Entities) && reflect.DeepEqual(a.Types, b.Types) &&
		reflect.DeepEqual(a.Records, b.Records) && reflect.DeepEqual(a.Sources, b.Sources)
}

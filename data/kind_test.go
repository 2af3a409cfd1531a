package data

import (
	"strings"
	"testing"

	"github.com/dipgraph/dipgraph/graph"
)

// kindData declares a state visit type of kind event, redeclares summit
// without a kind, and has a three-day summit and a four-day visit.
const kindData = `dipgraph: 1
id: k
sources: [{id: s, title: S}]
types:
  - {id: visit, sign: positive, kind: event}
  - {id: talks, sign: neutral, kind: state}
  - {id: summit, label: Summit}
entities:
  - {id: prk, kind: country, name: North Korea}
  - {id: kor, kind: country, name: South Korea}
relations:
  - {type: summit, between: [kor, prk], start: 2018-09-18, end: 2018-09-20, source: s}
  - {type: visit, from: prk, to: kor, start: 2018-02-09, end: 2018-02-11, source: s}
  - {type: talks, between: [kor, prk], start: 2018-01, end: 2018-03, source: s}
  - {type: summit, between: [kor, prk], date: 2018-04-27, source: s}
`

func TestTypeKind(t *testing.T) {
	ds, notes, err := LoadNotes(Input{Name: "k.yaml", Src: []byte(kindData)})
	if err != nil {
		t.Fatal(err)
	}
	for id, want := range map[string]string{"visit": graph.KindEvent, "talks": graph.KindState, "summit": graph.KindEvent} {
		if ty, _ := ds.Type(id); ty.Kind != want {
			t.Errorf("type %s: kind %q, want %q", id, ty.Kind, want)
		}
	}
	// One note for each multi-day record of a type of kind event, at its
	// start, naming how it is read and how to read it otherwise.
	var got []string
	for _, n := range notes {
		got = append(got, n.String())
	}
	want := []string{
		`k.yaml:12:48: relation #1 is read as one event over 18–20 Sep 2018 (type "summit" is of kind event): in force on those days, and under --as-of for the look-back window after its end; declare kind: state on type "summit" to have such records in force only between their dates`,
		`k.yaml:13:46: relation #2 is read as one event over 9–11 Feb 2018 (type "visit" is of kind event): in force on those days, and under --as-of for the look-back window after its end; declare kind: state on type "visit" to have such records in force only between their dates`,
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("notes:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	roundTrip(t, ds)
	if y := string(EncodeYAML(ds)); !strings.Contains(y, "kind: event") || !strings.Contains(y, "kind: state") || strings.Count(y, "kind: event") != 1 {
		t.Errorf("encoded types should keep visit's and talks' kinds and leave summit's built-in one unwritten:\n%s", y)
	}
}

func TestTypeKindBad(t *testing.T) {
	src := strings.Replace(kindData, "kind: event}", "kind: evnt}", 1)
	_, err := Load(Input{Name: "k.yaml", Src: []byte(src)})
	if err == nil || !strings.Contains(err.Error(), `k.yaml:5:39: kind "evnt" is not one of event, state (did you mean "event"?); use event`) {
		t.Errorf("error %v, want the bad kind at its position with a suggestion", err)
	}
}

func TestAsOf(t *testing.T) {
	src := strings.Replace(kindData, "id: k\n", "id: k\nas-of: 2019-12-31\n", 1)
	ds, err := Load(Input{Name: "k.yaml", Src: []byte(src)})
	if err != nil {
		t.Fatal(err)
	}
	if ds.AsOf != graph.MustDate("2019-12-31") {
		t.Errorf("as-of %s, want 2019-12-31", ds.AsOf)
	}
	roundTrip(t, ds)
	// Files combined are current to the latest of their dates.
	other := "dipgraph: 1\nas-of: 2020-06\nsources: [{id: s2, title: S2}]\n"
	both, err := Load(Input{Name: "k.yaml", Src: []byte(src)}, Input{Name: "o.yaml", Src: []byte(other)})
	if err != nil {
		t.Fatal(err)
	}
	if both.AsOf != graph.MustDate("2020-06") {
		t.Errorf("combined as-of %s, want 2020-06", both.AsOf)
	}
	bad := strings.Replace(kindData, "id: k\n", "id: k\nas-of: soon\n", 1)
	if _, err := Load(Input{Name: "k.yaml", Src: []byte(bad)}); err == nil || !strings.Contains(err.Error(), "k.yaml:3:8:") {
		t.Errorf("error %v, want one at the as-of value", err)
	}
}

// TestDeclarationsMerge: files read together may both declare the same
// entity, type or source; identical declarations merge, conflicting ones
// are one error naming both places, and a duplicate within one file is
// still an error.
func TestDeclarationsMerge(t *testing.T) {
	a := "dipgraph: 1\nid: a\nsources: [{id: s, title: S}]\ntypes: [{id: war, sign: negative}]\nentities:\n  - {id: usa, kind: country, name: United States}\n  - {id: irq, kind: country, name: Iraq}\nrelations:\n  - {type: war, from: usa, to: irq, start: 2003, end: 2011, source: s}\n"
	b := "dipgraph: 1\nsources: [{id: s, title: S}]\ntypes: [{id: war, sign: negative}]\nentities:\n  - {id: usa, kind: country, name: United States}\n  - {id: gbr, kind: country, name: United Kingdom}\nrelations:\n  - {type: war, from: gbr, to: usa, date: 1812, source: s}\n"
	ds, err := Load(Input{Name: "a.yaml", Src: []byte(a)}, Input{Name: "b.yaml", Src: []byte(b)})
	if err != nil {
		t.Fatalf("identical declarations: %v", err)
	}
	if len(ds.Entities) != 3 || len(ds.Types) != 1 || len(ds.Sources) != 1 || len(ds.Records) != 2 {
		t.Errorf("merged to %d entities, %d types, %d sources, %d records; want 3, 1, 1, 2", len(ds.Entities), len(ds.Types), len(ds.Sources), len(ds.Records))
	}
	conflict := strings.Replace(b, "name: United States}", "name: USA, country: gbr}", 1)
	_, err = Load(Input{Name: "a.yaml", Src: []byte(a)}, Input{Name: "b.yaml", Src: []byte(conflict)})
	want := `b.yaml:5:10: entity "usa" is declared differently here and at a.yaml:6:10 (there: name "United States", here "USA"; country "", here "gbr"); make the two declarations the same (identical ones merge), or rename one`
	if err == nil || !strings.Contains(err.Error(), want) {
		t.Errorf("conflicting declarations: %v\nwant %s", err, want)
	}
	twice := strings.Replace(a, "  - {id: irq,", "  - {id: usa, kind: country, name: United States}\n  - {id: irq,", 1)
	if _, err := Load(Input{Name: "a.yaml", Src: []byte(twice)}); err == nil || !strings.Contains(err.Error(), `duplicate entity id "usa" (first declared at a.yaml:6:10)`) {
		t.Errorf("a duplicate in one file: %v", err)
	}
}

func TestReported(t *testing.T) {
	src := strings.Replace(kindData, "id: k\n", "id: k\nas-of: 2018-12\n", 1)
	src = strings.Replace(src, "date: 2018-04-27, source: s}", "date: 2018-04-27, source: s, reported: 2018-05}", 1)
	ds, err := Load(Input{Name: "k.yaml", Src: []byte(src)})
	if err != nil {
		t.Fatal(err)
	}
	if r := ds.Records[3]; r.Reported != graph.MustDate("2018-05") {
		t.Errorf("reported %s, want 2018-05", r.Reported)
	}
	roundTrip(t, ds)
	late := strings.Replace(src, "reported: 2018-05}", "reported: 2019-02}", 1)
	_, err = Load(Input{Name: "k.yaml", Src: []byte(late)})
	if err == nil || !strings.Contains(err.Error(), "relation #4 is reported 2019-02, after the data's as-of date 2018-12") {
		t.Errorf("reported after as-of: %v", err)
	}
}

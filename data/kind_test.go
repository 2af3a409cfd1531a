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

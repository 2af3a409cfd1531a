package data

import (
	"strings"
	"testing"

	"github.com/dipgraph/dipgraph/graph"
)

// tiesDoc is a valid data file with the ties given appended.
func tiesDoc(ties string) string {
	return doc(`
dipgraph: 1
id: t
title: Ties
sources: [{id: s, title: S}]
entities:
  - {id: aaa, kind: country, name: Aland}
  - {id: bbb, kind: country, name: Bland}
  - {id: ccc, kind: country, name: Cland}
  - {id: ka, kind: leader, name: Kay, country: aaa}
relations:
  - {type: alliance, between: [ka, bbb], start: 2020, ongoing: true, source: s}
ties:
`) + ties
}

// TestTiesProblems: each mistake in ties: at its position, with a hint.
func TestTiesProblems(t *testing.T) {
	tests := []struct {
		name, ties, want string
	}{
		{"unknown entity", "  - {between: [aaa, bbx], caption: x}\n",
			`t.yaml:13:21: unknown entity "bbx" (did you mean "bbb"?); declare it under entities: or fix the id`},
		{"one entity", "  - {between: [aaa], caption: x}\n",
			`t.yaml:13:15: tie #1: between: needs two entities, not 1; list exactly two entity ids`},
		{"three entities", "  - {between: [aaa, bbb, ccc], caption: x}\n",
			`t.yaml:13:15: tie #1: between: needs two entities, not 3; list exactly two entity ids`},
		{"itself", "  - {between: [aaa, aaa], caption: x}\n",
			`t.yaml:13:21: tie #1 joins "aaa" to itself; a tie joins two different entities`},
		{"no pair", "  - {caption: x}\n",
			`t.yaml:13:5: tie #1 names no pair; add between: [a, b], the pair the caption is for`},
		{"no caption", "  - {between: [aaa, bbb]}\n",
			`t.yaml:13:5: tie #1 has no caption; add caption: one short phrase, in your own words, for the figure`},
		{"unknown source", "  - {between: [aaa, bbb], caption: x, source: ss}\n",
			`t.yaml:13:47: unknown source "ss" (did you mean "s"?); declare it under sources: or fix the id`},
		{"a pair twice, either way round", "  - {between: [aaa, bbb], caption: x}\n  - {between: [bbb, aaa], caption: y}\n",
			`t.yaml:14:15: tie #2: a caption for bbb and aaa is already given at t.yaml:13:15; give each pair one caption`},
		{"unknown field", "  - {between: [aaa, bbb], caption: x, note: y}\n",
			`t.yaml:13:39: unknown field "note" in tie #1; allowed fields: between, caption, source`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ps := loadProblems(t, "t.yaml", tiesDoc(tt.ties))
			if got := ps.Error(); got != tt.want {
				t.Errorf("got\n%s\nwant\n%s", got, tt.want)
			}
		})
	}
}

// TestTiesNote: a caption for a pair no record joins is valid data, with a
// note (validate --strict refuses it); a caption for two countries whose
// people are joined is not noted.
func TestTiesNote(t *testing.T) {
	src := tiesDoc("  - {between: [aaa, bbb], caption: old friends, source: s}\n  - {between: [aaa, ccc], caption: strangers}\n")
	ds, notes, err := LoadNotes(Input{Name: "t.yaml", Src: []byte(src)})
	if err != nil {
		t.Fatal(err)
	}
	want := []graph.PairCaption{{Between: [2]string{"aaa", "bbb"}, Caption: "old friends", Source: "s"}, {Between: [2]string{"aaa", "ccc"}, Caption: "strangers"}}
	if len(ds.Captions) != 2 || ds.Captions[0] != want[0] || ds.Captions[1] != want[1] {
		t.Errorf("captions %+v, want %+v", ds.Captions, want)
	}
	if len(notes) != 1 || !strings.HasPrefix(notes[0].String(), "t.yaml:14:15: tie #2: no relation joins aaa and ccc") {
		t.Errorf("notes %q", notes)
	}
}

// TestTiesRoundTrip: ties: are written back by the YAML and JSON
// encoders and read again the same; identical ties in two files merge.
func TestTiesRoundTrip(t *testing.T) {
	src := tiesDoc("  - {between: [aaa, bbb], caption: \"old: friends\", source: s}\n")
	ds, err := Load(Input{Name: "t.yaml", Src: []byte(src)})
	if err != nil {
		t.Fatal(err)
	}
	js, err := EncodeJSON(ds)
	if err != nil {
		t.Fatal(err)
	}
	for _, in := range []Input{{Name: "back.yaml", Src: EncodeYAML(ds)}, {Name: "back.json", Src: js, JSON: true}} {
		back, err := Load(in)
		if err != nil {
			t.Fatalf("%s: %v\n%s", in.Name, err, in.Src)
		}
		if len(back.Captions) != 1 || back.Captions[0] != ds.Captions[0] {
			t.Errorf("%s: captions %+v, want %+v", in.Name, back.Captions, ds.Captions)
		}
	}
	two, err := Load(Input{Name: "a.yaml", Src: []byte(src)}, Input{Name: "b.yaml", Src: []byte(src)})
	if err != nil {
		t.Fatal(err)
	}
	if len(two.Captions) != 1 {
		t.Errorf("the same caption in two files: %d captions, want 1", len(two.Captions))
	}
}

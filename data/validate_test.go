package data

import (
	"errors"
	"reflect"
	"strings"
	"testing"

	"github.com/dipgraph/dipgraph/graph"
)

// doc drops the newline that follows the opening backquote, so that a test
// document's line 1 is the line after it.
func doc(s string) string { return strings.TrimPrefix(s, "\n") }

// loadProblems loads one file and returns its problems, failing the test
// if Load reports success or an error that is not Problems.
func loadProblems(t *testing.T, name, src string) Problems {
	t.Helper()
	_, err := Load(Input{Name: name, Src: []byte(src), JSON: strings.HasSuffix(name, ".json")})
	if err == nil {
		t.Fatalf("Load(%s) succeeded, want problems", name)
	}
	var ps Problems
	if !errors.As(err, &ps) {
		t.Fatalf("Load(%s) returned %T (%v), want Problems", name, err, err)
	}
	return ps
}

// TestValidDocument is the document most cases below start from: it must
// load cleanly, or every case would be testing two problems at once.
func TestValidDocument(t *testing.T) {
	src := doc(`
dipgraph: 1
sources: [{id: s, title: S}]
entities:
  - {id: prk, kind: country, name: North Korea}
  - {id: kim, kind: leader, name: Kim Jong Un, country: prk}
relations:
  - type: summit
    between: [kim, prk]
    date: 2025-09-03
    source: s
`)
	ds, err := Load(Input{Name: "t.yaml", Src: []byte(src)})
	if err != nil {
		t.Fatalf("valid document: %v", err)
	}
	if len(ds.Records) != 1 || ds.Records[0].Start != graph.MustDate("2025-09-03") || ds.Records[0].Weight != 2 {
		t.Errorf("records = %+v, want one summit on 2025-09-03 with the built-in weight 2", ds.Records)
	}
}

// TestProblems checks the exact text of each kind of problem, position and
// hint included, as `dipgraph validate` prints it.
func TestProblems(t *testing.T) {
	tests := []struct {
		name string
		file string // a name ending in .json is read as JSON
		src  string
		want string // Problems.Error()
	}{
		{
			name: "unknown entity, with a suggestion",
			src: doc(`
sources: [{id: s, title: S}]
entities:
  - {id: kim-jong-un, kind: person, name: Kim Jong Un}
  - {id: prk, kind: country, name: North Korea}
relations:
  - type: summit
    between: [kim-jong-un, kim-jong-on]
    date: 2025
    source: s
`),
			want: `t.yaml:7:28: unknown entity "kim-jong-on" (did you mean "kim-jong-un"?); declare it under entities: or fix the id`,
		},
		{
			name: "unknown entity in from/to, no close match",
			src: doc(`
sources: [{id: s, title: S}]
entities:
  - {id: prk, kind: country, name: North Korea}
relations:
  - type: hostility
    from: prk
    to: [ukraine]
    date: 2025
    source: s
`),
			want: `t.yaml:7:10: unknown entity "ukraine"; declare it under entities: or fix the id`,
		},
		{
			name: "duplicate entity id",
			src: doc(`
entities:
  - id: prk
    kind: country
    name: North Korea
  - id: prk
    kind: country
    name: DPRK
`),
			want: `t.yaml:5:9: duplicate entity id "prk" (first declared at t.yaml:2:9); rename one of them, or merge the two entries`,
		},
		{
			name: "duplicate relation id",
			src: doc(`
sources: [{id: s, title: S}]
entities: [{id: a, kind: country, name: A}, {id: b, kind: country, name: B}]
relations:
  - {id: r, type: summit, between: [a, b], date: 2024, source: s}
  - {id: r, type: summit, between: [a, b], date: 2025, source: s}
`),
			want: `t.yaml:5:10: duplicate relation id "r" (first used at t.yaml:4:10); rename one of them`,
		},
		{
			name: "unknown relation type, with a suggestion",
			src: doc(`
sources: [{id: s, title: S}]
entities: [{id: a, kind: country, name: A}, {id: b, kind: country, name: B}]
relations:
  - type: sumit
    between: [a, b]
    date: 2025
    source: s
`),
			want: `t.yaml:4:11: unknown relation type "sumit" (did you mean "summit"?); declare it under types: or use one of alliance, hostility, summit`,
		},
		{
			name: "declared type is offered",
			src: doc(`
sources: [{id: s, title: S}]
types: [{id: military-support, sign: positive}]
entities: [{id: a, kind: country, name: A}, {id: b, kind: country, name: B}]
relations:
  - type: military-suport
    from: a
    to: b
    date: 2025
    source: s
`),
			want: `t.yaml:5:11: unknown relation type "military-suport" (did you mean "military-support"?); declare it under types: or use one of military-support, alliance, hostility, summit`,
		},
		{
			name: "type without sign",
			src: doc(`
types:
  - id: backing
    label: Political backing
`),
			want: `t.yaml:2:5: type "backing" has no sign; add sign: positive, negative or neutral`,
		},
		{
			name: "invalid date",
			src: doc(`
sources: [{id: s, title: S}]
entities: [{id: a, kind: country, name: A}, {id: b, kind: country, name: B}]
relations:
  - type: summit
    between: [a, b]
    date: 2025-13-40
    source: s
`),
			want: `t.yaml:6:11: date "2025-13-40": month 13 is not between 01 and 12; write a date as YYYY, YYYY-MM or YYYY-MM-DD, e.g. 2025-09-03`,
		},
		{
			name: "malformed role date",
			src: doc(`
entities:
  - id: prk
    kind: country
    name: North Korea
  - id: kim
    kind: leader
    name: Kim Jong Un
    country: prk
    roles:
      - title: Leader
        start: 2011/12
`),
			want: `t.yaml:11:16: role start "2011/12" is not YYYY, YYYY-MM or YYYY-MM-DD; write a date as YYYY, YYYY-MM or YYYY-MM-DD, e.g. 2025-09-03`,
		},
		{
			name: "empty date",
			src: doc(`
sources: [{id: s, title: S}]
entities: [{id: a, kind: country, name: A}, {id: b, kind: country, name: B}]
relations:
  - type: summit
    between: [a, b]
    date:
    source: s
`),
			want: `t.yaml:6:10: date is empty; write a date as YYYY, YYYY-MM or YYYY-MM-DD, e.g. 2025-09-03`,
		},
		{
			name: "period ends before it starts",
			src: doc(`
sources: [{id: s, title: S}]
entities: [{id: a, kind: country, name: A}, {id: b, kind: country, name: B}]
relations:
  - id: pact
    type: alliance
    between: [a, b]
    start: 2020-05
    end: 2019
    source: s
`),
			want: `t.yaml:8:10: relation "pact" ends (2019) before it starts (2020-05); swap start and end`,
		},
		{
			name: "role ends before it starts",
			src: doc(`
entities:
  - id: moon
    kind: person
    name: Moon Jae-in
    roles:
      - title: President
        start: 2022-05
        end: 2017-05
`),
			want: `t.yaml:8:14: role ends (2017-05) before it starts (2022-05); swap start and end`,
		},
		{
			name: "relation weight out of range",
			src: doc(`
sources: [{id: s, title: S}]
entities: [{id: a, kind: country, name: A}, {id: b, kind: country, name: B}]
relations:
  - type: summit
    between: [a, b]
    date: 2025
    weight: 11
    source: s
`),
			want: `t.yaml:7:13: weight 11 is out of range; use a weight from 0.1 (faint) to 10 (strongest)`,
		},
		{
			name: "type weight out of range",
			src: doc(`
types:
  - {id: faint, sign: neutral, weight: 0.05}
`),
			want: `t.yaml:2:40: weight 0.05 is out of range; use a weight from 0.1 (faint) to 10 (strongest)`,
		},
		{
			name: "leader with no country",
			src: doc(`
entities:
  - id: kim
    kind: leader
    name: Kim Jong Un
`),
			want: `t.yaml:2:5: leader "kim" has no country; add country: the id of the country they lead or serve`,
		},
		{
			name: "unknown country",
			src: doc(`
entities:
  - {id: prk, kind: country, name: North Korea}
  - {id: kim, kind: leader, name: Kim Jong Un, country: pkr}
`),
			want: `t.yaml:3:57: unknown country "pkr" for "kim" (did you mean "prk"?); declare the country under entities: or fix the id`,
		},
		{
			name: "country that is not a country",
			src: doc(`
entities:
  - {id: prk, kind: country, name: North Korea}
  - {id: kim, kind: leader, name: Kim Jong Un, country: prk}
  - {id: kim-yo-jong, kind: person, name: Kim Yo Jong, country: kim}
`),
			want: `t.yaml:4:65: "kim" is a leader, not a country; country: must name an entity of kind country`,
		},
		{
			name: "unknown kind",
			src: doc(`
entities:
  - {id: prk, kind: contry, name: North Korea}
`),
			want: `t.yaml:2:21: unknown kind "contry" (did you mean "country"?); use one of country, leader, person, organization, group`,
		},
		{
			name: "record with no source",
			src: doc(`
entities: [{id: a, kind: country, name: A}, {id: b, kind: country, name: B}]
relations:
  - type: summit
    between: [a, b]
    date: 2025
`),
			want: `t.yaml:3:5: relation #1 has no source; add source: the id of a source under sources:`,
		},
		{
			name: "unknown source, with a suggestion",
			src: doc(`
sources: [{id: parade, title: Parade analysis}]
entities: [{id: a, kind: country, name: A}, {id: b, kind: country, name: B}]
relations:
  - id: meeting
    type: summit
    between: [a, b]
    date: 2025
    source: parada
`),
			want: `t.yaml:8:13: unknown source "parada" (did you mean "parade"?); declare it under sources: or fix the id`,
		},
		{
			name: "source url is not a web address",
			src: doc(`
sources:
  - id: s
    title: S
    url: www.example.org/report
`),
			want: `t.yaml:4:10: url "www.example.org/report" is not a web address; give a full http:// or https:// address`,
		},
		{
			name: "self-relation",
			src: doc(`
sources: [{id: s, title: S}]
entities: [{id: a, kind: country, name: A}]
relations:
  - type: hostility
    from: a
    to: a
    date: 2025
    source: s
`),
			want: `t.yaml:6:9: relation #1 relates "a" to itself; a relation links two different entities`,
		},
		{
			name: "entity listed twice",
			src: doc(`
sources: [{id: s, title: S}]
entities: [{id: a, kind: country, name: A}, {id: b, kind: country, name: B}]
relations:
  - {type: summit, between: [a, b, a], date: 2025, source: s}
`),
			want: `t.yaml:4:36: relation #1 lists "a" twice; list each entity once`,
		},
		{
			name: "unknown field, with a suggestion",
			src: doc(`
sources: [{id: s, title: S}]
entities: [{id: a, kind: country, name: A}, {id: b, kind: country, name: B}]
relations:
  - type: summit
    between: [a, b]
    date: 2025
    sorce: s
`),
			want: doc(`
t.yaml:4:5: relation #1 has no source; add source: the id of a source under sources:
t.yaml:7:5: unknown field "sorce" in relation #1 (did you mean "source"?); allowed fields: id, type, between, from, to, date, start, end, ongoing, weight, label, note, source, cite, reported`),
		},
		{
			name: "unknown top-level field",
			src: doc(`
dipgraph: 1
titel: Beijing 2025
`),
			want: `t.yaml:2:1: unknown field "titel" in the data file (did you mean "title"?); allowed fields: $schema, dipgraph, id, title, description, as-of, sources, types, entities, relations, ties`,
		},
		{
			name: "repeated field",
			src: doc(`
entities:
  - id: prk
    kind: country
    name: North Korea
    name: DPRK
`),
			want: `t.yaml:5:5: field "name" appears twice in entity #1; keep one of them`,
		},
		{
			name: "both between and from",
			src: doc(`
sources: [{id: s, title: S}]
entities: [{id: a, kind: country, name: A}, {id: b, kind: country, name: B}]
relations:
  - type: summit
    between: [a, b]
    from: a
    to: b
    date: 2025
    source: s
`),
			want: `t.yaml:5:14: relation #1 has both between: and from:/to:; use between: for mutual relations or from:/to: for one-sided ones`,
		},
		{
			name: "from without to",
			src: doc(`
sources: [{id: s, title: S}]
entities: [{id: a, kind: country, name: A}, {id: b, kind: country, name: B}]
relations:
  - type: hostility
    from: a
    date: 2025
    source: s
`),
			want: `t.yaml:4:5: relation #1 has from: without to: or to: without from:; a one-sided relation needs both from: and to:`,
		},
		{
			name: "empty to",
			src: doc(`
sources: [{id: s, title: S}]
entities: [{id: a, kind: country, name: A}, {id: b, kind: country, name: B}]
relations:
  - type: hostility
    from: a
    to: []
    date: 2025
    source: s
`),
			want: `t.yaml:6:9: relation #1: to: needs one or more entities; list at least one entity id`,
		},
		{
			name: "between one entity",
			src: doc(`
sources: [{id: s, title: S}]
entities: [{id: a, kind: country, name: A}]
relations:
  - type: summit
    between: a
    date: 2025
    source: s
`),
			want: `t.yaml:5:14: relation #1: between: needs two or more entities; list at least two entity ids`,
		},
		{
			name: "start without end or ongoing",
			src: doc(`
sources: [{id: s, title: S}]
entities: [{id: a, kind: country, name: A}, {id: b, kind: country, name: B}]
relations:
  - type: alliance
    between: [a, b]
    start: 2020
    source: s
`),
			want: `t.yaml:6:12: relation #1 has a start but no end; add end: DATE, or ongoing: true if it has not ended`,
		},
		{
			name: "end and ongoing",
			src: doc(`
sources: [{id: s, title: S}]
entities: [{id: a, kind: country, name: A}, {id: b, kind: country, name: B}]
relations:
  - type: alliance
    between: [a, b]
    start: 2020
    end: 2021
    ongoing: true
    source: s
`),
			want: `t.yaml:8:14: relation #1 has an end and is also ongoing; drop ongoing: or end:`,
		},
		{
			name: "date and start together",
			src: doc(`
sources: [{id: s, title: S}]
entities: [{id: a, kind: country, name: A}, {id: b, kind: country, name: B}]
relations:
  - type: alliance
    between: [a, b]
    date: 2020
    start: 2020
    ongoing: true
    source: s
`),
			want: `t.yaml:6:11: relation #1 has both date: and a period; use date: for an event, start: with end: or ongoing: true for a period`,
		},
		{
			name: "no date",
			src: doc(`
sources: [{id: s, title: S}]
entities: [{id: a, kind: country, name: A}, {id: b, kind: country, name: B}]
relations:
  - {type: summit, between: [a, b], source: s}
`),
			want: `t.yaml:4:5: relation #1 has no date; add date: YYYY-MM-DD (an event) or start:/end: (a period)`,
		},
		{
			name: "anchor refused",
			src: doc(`
sources:
  - &parade {id: s, title: S}
`),
			want: `t.yaml:2:5: YAML anchors (&name) are not supported in data files; write the value out in full`,
		},
		{
			name: "alias refused",
			src: doc(`
sources: [{id: s, title: S}]
entities:
  - {id: a, kind: country, name: &n A}
  - {id: b, kind: country, name: *n}
`),
			want: doc(`
t.yaml:3:5: entity "a" has no name; add name: the name to show on the figure
t.yaml:3:34: YAML anchors (&name) are not supported in data files; write the value out in full
t.yaml:4:5: entity "b" has no name; add name: the name to show on the figure
t.yaml:4:34: YAML aliases (*name) are not supported in data files; write the value out in full`),
		},
		{
			name: "YAML syntax error",
			src: doc(`
entities:
  - id: prk
    kind: country
     name: North Korea
`),
			want: `t.yaml:4:10: invalid YAML: mapping value is not allowed in this context; check indentation, quotes and colons on this line and the one before`,
		},
		{
			name: "Windows line ends after comments",
			src:  "# A comment\r\ndipgraph: 1 # another\r\n\r\n# and another\r\ntitel: x\r\n",
			want: `t.yaml:5:1: unknown field "titel" in the data file (did you mean "title"?); allowed fields: $schema, dipgraph, id, title, description, as-of, sources, types, entities, relations, ties`,
		},
		{
			name: "YAML unterminated quote",
			src: doc(`
title: "Beijing 2025
entities: []
`),
			want: `t.yaml:1:8: invalid YAML: could not find end character of double-quoted text; check indentation, quotes and colons on this line and the one before`,
		},
		{
			name: "JSON missing comma",
			file: "t.json",
			src: doc(`
{
  "entities": [
    {"id": "a", "kind": "country" "name": "A"}
  ]
}
`),
			want: `t.json:3:35: invalid JSON: invalid character '"' after object key:value pair; check for a missing comma, quote or closing bracket`,
		},
		{
			name: "JSON trailing comma",
			file: "t.json",
			src: doc(`
{
  "entities": [
    {"id": "a", "kind": "country", "name": "A"},
  ]
}
`),
			want: `t.json:4:3: invalid JSON: invalid character ']' looking for beginning of value; check for a missing comma, quote or closing bracket`,
		},
		{
			name: "JSON cut short",
			file: "t.json",
			src:  `{"entities": [{"id": "a"`,
			want: `t.json:1:25: invalid JSON: unexpected end of JSON input; check for a missing comma, quote or closing bracket`,
		},
		{
			name: "JSON with tabs and CRLF",
			file: "t.json",
			src:  "{\r\n\t\"title\"\t: \"a\",\r\n\t\"titel\"\t: \"b\"\r\n}\r\n",
			want: `t.json:3:2: unknown field "titel" in the data file (did you mean "title"?); allowed fields: $schema, dipgraph, id, title, description, as-of, sources, types, entities, relations, ties`,
		},
		{
			name: "JSON repeated key",
			file: "t.json",
			src:  `{"title": "a", "title": "b"}`,
			want: `t.json:1:16: field "title" appears twice in the data file; keep one of them`,
		},
		{
			name: "empty file",
			src:  "\n  \n",
			want: `t.yaml: the file is empty; start from the example in the README`,
		},
		{
			name: "only comments",
			src:  "# to do\n---\n",
			want: `t.yaml: the file holds no data; start from the example in the README`,
		},
		{
			name: "not a mapping",
			src:  "- a\n- b\n",
			want: `t.yaml:1:1: the data file must be a mapping, not a list; write it as key: value lines`,
		},
		{
			name: "list item that is not a mapping",
			src: doc(`
sources:
  - s
  - {id: s, title: S}
`),
			want: `t.yaml:2:5: source #1 must be a mapping, not "s"; write it as key: value lines`,
		},
		{
			name: "second YAML document",
			src:  "title: one\n---\ntitle: two\n",
			want: `t.yaml:3:1: a data file holds one YAML document, this is a second one; split the documents into separate files`,
		},
		{
			name: "JSON number too large",
			file: "t.json",
			src:  `{"types": [{"id": "t", "sign": "neutral", "weight": 1e400}]}`,
			want: `t.json:1:53: weight "1e400" is not a finite number; use a plain decimal number such as 2 or 2.5`,
		},
		{
			name: "JSON extra data",
			file: "t.json",
			src:  "{\"title\": \"a\"}\n{\"title\": \"b\"}\n",
			want: `t.json:2:1: extra data after the JSON value; a JSON data file holds one object`,
		},
		{
			// go-yaml's parser would take most of a minute on this file;
			// the depth check refuses it before parsing.
			name: "nested too deeply",
			src:  "title: " + strings.Repeat("[", 100000) + strings.Repeat("]", 100000) + "\n",
			want: `t.yaml:1:39: lists and mappings nest more than 32 levels deep here; a data file needs only a few levels (a list of items with fields); check the brackets and indentation`,
		},
		{
			name: "wrong version",
			src: doc(`
dipgraph: 2
entities: []
`),
			want: `t.yaml:1:11: unsupported format version; this dipgraph reads format version 1; write dipgraph: 1`,
		},
		{
			name: "dataset id that cannot name a file",
			src:  "id: ../../etc/x\n",
			want: `t.yaml:1:5: dataset id "../../etc/x" is not a valid id; an id is letters, digits, '.', '_' or '-', starting with a letter or digit; the id names the default output file`,
		},
		{
			name: "version that is not a whole number",
			src:  "dipgraph: 1.5\n",
			want: `t.yaml:1:11: unsupported format version; this dipgraph reads format version 1; write dipgraph: 1`,
		},
		{
			name: "weight given as text",
			src:  "types: [{id: t, sign: neutral, weight: \"2\"}]\n",
			want: `t.yaml:1:40: weight must be a number, not "2"; write a number without quotes, such as 2 or 2.5`,
		},
		{
			name: "multiple problems, sorted by position",
			src: doc(`
dipgraph: 1
sources: [{id: s, title: S}]
entities:
  - {id: a, kind: country, name: A}
  - {id: b, kind: contry, name: B}
relations:
  - type: summit
    between: [a, kim]
    date: 2025-02-30
    source: s
  - type: summit
    between: [a, b]
    date: 2025
`),
			want: doc(`
t.yaml:5:19: unknown kind "contry" (did you mean "country"?); use one of country, leader, person, organization, group
t.yaml:8:18: unknown entity "kim"; declare it under entities: or fix the id
t.yaml:9:11: date "2025-02-30": day 30 is not between 01 and 28; write a date as YYYY, YYYY-MM or YYYY-MM-DD, e.g. 2025-09-03
t.yaml:11:5: relation #2 has no source; add source: the id of a source under sources:`),
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			file := tt.file
			if file == "" {
				file = "t.yaml"
			}
			got := loadProblems(t, file, tt.src).Error()
			if got != tt.want {
				t.Errorf("problems:\n%s\nwant:\n%s", got, tt.want)
			}
		})
	}
}

// TestProblemsAcrossFiles checks that problems name the file they are in
// and number relations within their own file.
func TestProblemsAcrossFiles(t *testing.T) {
	a := doc(`
sources: [{id: s, title: S}]
entities: [{id: a, kind: country, name: A}, {id: b, kind: country, name: B}]
relations:
  - {type: summit, between: [a, b], date: 2024, source: s}
  - {type: summit, between: [a, b], date: 2025, source: s}
`)
	b := doc(`
relations:
  - {type: summit, between: [a, c], date: 2025, source: s}
  - {type: summit, between: [a, b], source: s}
`)
	_, err := Load(Input{Name: "a.yaml", Src: []byte(a)}, Input{Name: "b.yaml", Src: []byte(b)})
	var ps Problems
	if !errors.As(err, &ps) {
		t.Fatalf("Load = %v, want Problems", err)
	}
	want := doc(`
b.yaml:2:33: unknown entity "c" (did you mean "a"?); declare it under entities: or fix the id
b.yaml:3:5: relation #2 has no date; add date: YYYY-MM-DD (an event) or start:/end: (a period)`)
	if got := ps.Error(); got != want {
		t.Errorf("problems:\n%s\nwant:\n%s", got, want)
	}
}

// TestByteOrderMark checks that a leading BOM, as some Windows editors
// write, is not taken as part of the first key.
func TestByteOrderMark(t *testing.T) {
	for _, in := range []Input{
		{Name: "bom.yaml", Src: []byte("\ufefftitle: Beijing\n")},
		{Name: "bom.json", Src: []byte("\ufeff{\"title\": \"Beijing\"}"), JSON: true},
	} {
		ds, err := Load(in)
		if err != nil {
			t.Errorf("%s: %v", in.Name, err)
		} else if ds.Title != "Beijing" {
			t.Errorf("%s: title %q, want Beijing", in.Name, ds.Title)
		}
	}
	// The BOM is not a column: positions on line 1 are as an editor shows.
	ps := loadProblems(t, "bom.yaml", "\ufefftitel: x\n")
	if len(ps) != 1 || ps[0].Pos != (Pos{File: "bom.yaml", Line: 1, Col: 1}) {
		t.Errorf("problems %v, want one at bom.yaml:1:1", ps)
	}
}

// twinYAML and twinJSON say the same thing in the two formats.
const twinYAML = `# The same data as twinJSON.
dipgraph: 1
id: twin
title: Twin
description: The same data, written twice.
sources:
  - id: s
    title: A source
    publisher: Someone
    date: 2025-09
    url: https://example.org/a
types:
  - id: backing
    label: Political backing
    sign: positive
    weight: 2.5
    style: {color: "#0072B2", line: dashed, arrow: vee}
  - id: summit
    weight: 3
entities:
  - id: prk
    kind: country
    name: North Korea
    aliases: [DPRK]
  - id: chn
    kind: country
    name: China
    aliases: PRC
  - id: kim
    kind: leader
    name: Kim Jong Un
    native: 김정은
    country: prk
    roles:
      - title: Leader
        start: 2011-12
relations:
  - id: r1
    type: summit
    between: [kim, chn]
    date: 2019-01
    label: Beijing visit
    source: s
    cite: p. 2
  - type: backing
    from: chn
    to: prk
    start: 2025
    ongoing: true
    weight: 4
    note: "Backing: as reported."
    source: s
  - type: hostility
    from: prk
    to: [chn]
    start: 1960
    end: 1961-06-30
    source: s
`

const twinJSON = `{
  "dipgraph": 1,
  "id": "twin",
  "title": "Twin",
  "description": "The same data, written twice.",
  "sources": [
    {"id": "s", "title": "A source", "publisher": "Someone", "date": "2025-09", "url": "https://example.org/a"}
  ],
  "types": [
    {"id": "backing", "label": "Political backing", "sign": "positive", "weight": 2.5,
     "style": {"color": "#0072B2", "line": "dashed", "arrow": "vee"}},
    {"id": "summit", "weight": 3}
  ],
  "entities": [
    {"id": "prk", "kind": "country", "name": "North Korea", "aliases": ["DPRK"]},
    {"id": "chn", "kind": "country", "name": "China", "aliases": "PRC"},
    {"id": "kim", "kind": "leader", "name": "Kim Jong Un", "native": "\uae40\uc815\uc740", "country": "prk",
     "roles": [{"title": "Leader", "start": "2011-12"}]}
  ],
  "relations": [
    {"id": "r1", "type": "summit", "between": ["kim", "chn"], "date": "2019-01",
     "label": "Beijing visit", "source": "s", "cite": "p. 2"},
    {"type": "backing", "from": "chn", "to": "prk", "start": 2025, "ongoing": true, "weight": 4,
     "note": "Backing: as reported.", "source": "s"},
    {"type": "hostility", "from": "prk", "to": ["chn"], "start": "1960", "end": "1961-06-30", "source": "s"}
  ]
}
`

// TestJSONAndYAMLAgree loads the same data written in YAML and in JSON and
// requires the same dataset.
func TestJSONAndYAMLAgree(t *testing.T) {
	fromYAML, err := Load(Input{Name: "twin.yaml", Src: []byte(twinYAML)})
	if err != nil {
		t.Fatalf("YAML: %v", err)
	}
	fromJSON, err := Load(Input{Name: "twin.json", Src: []byte(twinJSON), JSON: true})
	if err != nil {
		t.Fatalf("JSON: %v", err)
	}
	if !reflect.DeepEqual(fromYAML, fromJSON) {
		t.Errorf("datasets differ:\nYAML: %+v\nJSON: %+v", fromYAML, fromJSON)
	}
	// Spot-check the shared result, so that both decoding to the same wrong
	// thing does not pass.
	want := graph.Record{
		Type: "backing", Parties: []string{"chn", "prk"}, Directed: true,
		Start: graph.MustDate("2025"), Ongoing: true, Weight: 4,
		Note: "Backing: as reported.", Source: "s",
	}
	if len(fromJSON.Records) != 3 || !reflect.DeepEqual(fromJSON.Records[1], want) {
		t.Fatalf("records = %+v, want the second to be %+v", fromJSON.Records, want)
	}
	if r := fromJSON.Records[0]; r.Weight != 3 || r.Directed || r.Cite != "p. 2" {
		t.Errorf("first record %+v: want the redeclared summit weight 3, undirected, cite p. 2", r)
	}
	if e := fromJSON.Entities[2]; e.Native != "김정은" || e.Roles[0].Start != graph.MustDate("2011-12") {
		t.Errorf("entity %+v: want native 김정은 and a role from 2011-12", e)
	}
	if a := fromJSON.Entities[1].Aliases; !reflect.DeepEqual(a, []string{"PRC"}) {
		t.Errorf("single alias decoded as %q, want [PRC]", a)
	}
	if ty := fromJSON.Types[0]; ty.Style != (graph.Style{Color: "#0072B2", Line: "dashed", Arrow: "vee"}) || ty.Sign != graph.Positive || ty.Weight != 2.5 {
		t.Errorf("type %+v: want the declared style, sign and weight", ty)
	}
	if ty := fromJSON.Types[1]; ty.Sign != graph.Neutral || ty.Label != "Summit / meeting" {
		t.Errorf("redeclared summit %+v: want the built-in sign and label", ty)
	}
	if end := fromJSON.Records[2].End; end != graph.MustDate("1961-06-30") {
		t.Errorf("end %v, want 1961-06-30", end)
	}
}

// TestJSONAndYAMLProblemsAgree checks that one mistake is reported the
// same way, at its own position, in both formats.
func TestJSONAndYAMLProblemsAgree(t *testing.T) {
	y := loadProblems(t, "t.yaml", "entities:\n  - {id: a, kind: country, name: A, sorce: x}\n")
	j := loadProblems(t, "t.json", "{\"entities\":\n  [{\"id\": \"a\", \"kind\": \"country\", \"name\": \"A\", \"sorce\": \"x\"}]}\n")
	if len(y) != 1 || len(j) != 1 {
		t.Fatalf("YAML %v, JSON %v: want one problem each", y, j)
	}
	if y[0].Msg != j[0].Msg || y[0].Hint != j[0].Hint {
		t.Errorf("YAML says %q, JSON says %q", y[0], j[0])
	}
	if want := (Pos{File: "t.yaml", Line: 2, Col: 37}); y[0].Pos != want {
		t.Errorf("YAML position %v, want %v", y[0].Pos, want)
	}
	if want := (Pos{File: "t.json", Line: 2, Col: 48}); j[0].Pos != want {
		t.Errorf("JSON position %v, want %v", j[0].Pos, want)
	}
}

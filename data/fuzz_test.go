package data

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"reflect"
	"strings"
	"testing"

	"github.com/dipgraph/dipgraph/graph"
)

// Whole-file messages: the only problems that may lack a line.
var wholeFile = map[string]bool{
	"the file is empty":      true,
	"the file holds no data": true,
}

// fuzzSeeds are small documents, valid and not, to start the fuzzers from.
var fuzzSeeds = []string{
	"dipgraph: 1\n",
	"",
	"# only a comment\n",
	"sources: [{id: s, title: S}]\nentities: [{id: a, kind: country, name: A}, {id: b, kind: country, name: B}]\nrelations:\n  - {type: summit, between: [a, b], date: 2025-09-03, source: s}\n",
	"sources: [{id: s, title: S}]\nentities: [{id: a, kind: country, name: A}, {id: b, kind: country, name: B}]\nrelations:\n  - {type: alliance, from: a, to: [b], start: 2020-02, ongoing: true, source: s}\n",
	"entities:\n  - id: a\n    kind: leader\n    name: A\n    roles:\n      - {title: T, start: 2001, end: 2000}\n",
	"types:\n  - id: t\n    sign: positive\n    weight: 2.5\n    style: {color: '#123456', line: dashed, arrow: vee}\n",
	"relations:\n  - date:\n    start: ~\n    to: []\n",
	"sources:\n  - &a {id: s}\n  - *a\n",
	"a: b: c\n",
	"---\ntitle: x\n---\ntitle: y\n",
	`{"dipgraph": 1, "title": "t", "entities": [{"id": "a", "kind": "country", "name": "A"}]}`,
	`{"relations": [{"type": "summit", "between": ["a", "b"], "date": 2025, "weight": 1e400}]}`,
	`{"title": "\ud800", "id": "x", "id": "y"}`,
	"\ufeff{\"title\": \"bom\"}",
}

func fuzzLoad(f *testing.F, name string, isJSON bool) {
	src, err := fs.ReadFile(EmbeddedFS(), "datasets/"+DefaultDataset+".yaml")
	if err != nil {
		f.Fatal(err)
	}
	f.Add(src)
	if isJSON {
		f.Add([]byte(twinJSON))
	} else {
		f.Add([]byte(twinYAML))
	}
	for _, s := range fuzzSeeds {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		ds, err := Load(Input{Name: name, Src: src, JSON: isJSON})
		// A YAML file saved with Windows line ends says the same thing, at
		// the same lines and columns.
		if !isJSON && !bytes.Contains(src, []byte("\r")) {
			crlf := bytes.ReplaceAll(src, []byte("\n"), []byte("\r\n"))
			ds2, err2 := Load(Input{Name: name, Src: crlf})
			if fmt.Sprint(err) != fmt.Sprint(err2) || !reflect.DeepEqual(ds, ds2) {
				t.Errorf("with CRLF line ends:\n%v\nwith LF:\n%v", err2, err)
			}
		}
		if err == nil {
			checkDataset(t, ds.Records)
			return
		}
		var ps Problems
		if !errors.As(err, &ps) {
			t.Fatalf("Load returned %T (%v), want Problems", err, err)
		}
		if len(ps) == 0 {
			t.Fatal("Load returned an empty Problems")
		}
		// YAML takes a lone CR as a line break too.
		breaks := bytes.ReplaceAll(src, []byte("\r\n"), []byte("\n"))
		lines := bytes.Count(breaks, []byte("\n")) + bytes.Count(breaks, []byte("\r")) + 1
		// JSON that encoding/json accepts is read through the YAML parser;
		// it must not come out as a syntax error, but for lone UTF-16
		// surrogate escapes, which YAML refuses.
		validJSON := isJSON && json.Valid(bytes.TrimPrefix(src, []byte("\ufeff")))
		for _, p := range ps {
			switch {
			case validJSON && strings.HasPrefix(p.Msg, "invalid ") && !strings.Contains(p.Msg, "surrogate"):
				t.Errorf("valid JSON reported as %q", p)
			case p.Pos.File != name:
				t.Errorf("problem %q names file %q, want %q", p, p.Pos.File, name)
			case p.Pos.Line == 0 && !wholeFile[p.Msg]:
				t.Errorf("problem %q has no line", p)
			case p.Pos.Line < 0 || p.Pos.Line > lines:
				t.Errorf("problem %q is on line %d of a %d-line file", p, p.Pos.Line, lines)
			case p.Pos.Line > 0 && p.Pos.Col <= 0:
				t.Errorf("problem %q has line %d but column %d", p, p.Pos.Line, p.Pos.Col)
			case p.Msg == "" || p.Hint == "":
				t.Errorf("problem %q lacks a message or a hint", p)
			}
		}
	})
}

// checkDataset holds what a valid dataset promises the rest of dipgraph.
func checkDataset(t *testing.T, records []graph.Record) {
	t.Helper()
	for i, r := range records {
		if r.Start.IsZero() {
			t.Errorf("valid record #%d has no start: %+v", i+1, r)
		}
		if len(r.Parties) < 2 {
			t.Errorf("valid record #%d has %d parties: %+v", i+1, len(r.Parties), r)
		}
		if r.Source == "" || r.Type == "" {
			t.Errorf("valid record #%d lacks a source or a type: %+v", i+1, r)
		}
	}
}

func FuzzLoadYAML(f *testing.F) { fuzzLoad(f, "fuzz.yaml", false) }

func FuzzLoadJSON(f *testing.F) { fuzzLoad(f, "fuzz.json", true) }

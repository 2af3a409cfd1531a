package cli

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestStatsGolden compares the stats report on the embedded dataset with
// the accepted files in testdata/stats, named after the flags of each case.
// After checking a change by eye, accept it with
//
//	go test ./internal/cli -run TestStatsGolden -update
func TestStatsGolden(t *testing.T) {
	tests := []struct {
		file string
		args []string
	}{
		{"beijing-2025.txt", nil},
		{"beijing-2025.json", []string{"--json"}},
		{"beijing-2025_people.txt", []string{"--people"}},
		{"beijing-2025_as-of-2019-06-30.txt", []string{"--as-of", "2019-06-30"}},
		{"beijing-2025_table-ties.csv", []string{"--csv", "--table", "ties"}},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			got := statsOutput(t, tt.args...)
			if again := statsOutput(t, tt.args...); again != got {
				t.Fatal("two runs gave different output")
			}
			path := filepath.Join("testdata", "stats", tt.file)
			if *update {
				if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v (run with -update to create it)", err)
			}
			if got != string(want) {
				t.Errorf("stats %s differs from %s (run with -update to accept):\n%s", strings.Join(tt.args, " "), path, got)
			}
		})
	}
}

// statsOutput runs "dipgraph stats ARGS" and returns its standard output,
// failing the test on any error output or a non-zero exit.
func statsOutput(t *testing.T, args ...string) string {
	t.Helper()
	var out, errb bytes.Buffer
	if code := Run(context.Background(), append([]string{"stats"}, args...), strings.NewReader(""), &out, &errb); code != 0 || errb.Len() > 0 {
		t.Fatalf("stats %v: exit %d, stderr %q", args, code, errb.String())
	}
	return out.String()
}

// TestStatsBeijingBlocs pins what an analyst expects of the Beijing data:
// China, Russia and North Korea on one side, the United States and South
// Korea on the other, with Ukraine — tied only by the hostility of Russia
// and North Korea — placed with the latter as a loose member.
func TestStatsBeijingBlocs(t *testing.T) {
	for _, args := range [][]string{nil, {"--as-of", "2025-09-03"}, {"--from", "2025"}} {
		got := statsOutput(t, append([]string{"--csv", "--table", "blocs"}, args...)...)
		want := "entity,bloc,loose\nchn,1,false\nprk,1,false\nrus,1,false\nkor,2,false\nukr,2,true\nusa,2,false\n"
		if got != want {
			t.Errorf("stats %v blocs:\n%s\nwant:\n%s", args, got, want)
		}
	}
}

// TestStatsCSVGuardsFormulas: stats --csv writes a type label, an entity
// name or a balance pattern that a spreadsheet would run with the quote
// that makes it text; numbers and lone signs stay as they are.
func TestStatsCSVGuardsFormulas(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "f.yaml")
	src := `dipgraph: 1
id: f
title: F
sources: [{id: s, title: S}]
types:
  - {id: clash, label: "@SUM(1+1)*cmd|' /C calc'!A0", sign: negative}
entities:
  - {id: a, kind: country, name: "=HYPERLINK(""http://x.example"")"}
  - {id: b, kind: country, name: "-b"}
  - {id: c, kind: country, name: C}
relations:
  - {type: clash, between: [a, b], source: s, date: 2025}
  - {type: alliance, between: [a, c], source: s, start: 2020, ongoing: true}
  - {type: alliance, between: [b, c], source: s, start: 2020, ongoing: true}
`
	src = strings.ReplaceAll(src, `""`, `\"`)
	if err := os.WriteFile(file, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	for table, want := range map[string][]string{
		"types":    {`clash,'@SUM(1+1)*cmd|' /C calc'!A0,negative,`},
		"entities": {`a,"'=HYPERLINK(""http://x.example"")",country,`, `b,'-b,country,`},
		"balance":  {`,'++-,+,-,+`, `,'++-,+,+,-`, `,'++-,-,+,+`},
		"ties":     {`a,b,negative,-1,0,1,`}, // a negative number stays a number
	} {
		var stdout, stderr bytes.Buffer
		if code := Run(context.Background(), []string{"stats", "--csv", "--table", table, file}, strings.NewReader(""), &stdout, &stderr); code != exitOK {
			t.Fatalf("%s: exit %d: %s", table, code, stderr.String())
		}
		found := false
		for _, w := range want {
			found = found || strings.Contains(stdout.String(), w)
		}
		if !found {
			t.Errorf("%s: none of %q in\n%s", table, want, stdout.String())
		}
	}
}

package data

import (
	"strings"
	"testing"
)

var testSettings = []string{"data", "layout", "types", "as-of", "focus", "depth", "title"}

func TestParseManifest(t *testing.T) {
	src := `# figures for the report
dipgraph: 1
defaults:
  data: beijing-2025
  layout: fdp
figures:
  - name: overview
    outputs: [out/overview.svg, out/overview.dot]
  - name: kim
    focus: kim-jong-un
    depth: 1
    types: [summit, military-support]
    outputs: out/kim.svg
`
	m, err := ParseManifest("figures.yaml", []byte(src), testSettings)
	if err != nil {
		t.Fatal(err)
	}
	if len(m.Defaults) != 2 || m.Defaults[0].Key != "data" || m.Defaults[0].Values[0] != "beijing-2025" || m.Defaults[0].Pos.Line != 4 {
		t.Errorf("defaults: %+v", m.Defaults)
	}
	if len(m.Figures) != 2 {
		t.Fatalf("figures: %+v", m.Figures)
	}
	kim := m.Figures[1]
	if kim.Name != "kim" || len(kim.Outputs) != 1 || kim.Outputs[0].Path != "out/kim.svg" || kim.Outputs[0].Pos.Line != 13 {
		t.Errorf("figure kim: %+v", kim)
	}
	var types Setting
	for _, s := range kim.Settings {
		if s.Key == "types" {
			types = s
		}
	}
	if !types.List || strings.Join(types.Values, ",") != "summit,military-support" || types.Pos.Line != 12 {
		t.Errorf("types setting: %+v", types)
	}
}

func TestParseManifestProblems(t *testing.T) {
	tests := []struct {
		name, src, want string
	}{
		{"unknown setting with suggestion", `
figures:
  - name: a
    layot: dot
    outputs: [a.svg]
`, `m.yaml:4:5: unknown field "layot" in figure #1 (did you mean "layout"?)`},
		{"duplicate output", `
figures:
  - name: a
    outputs: [out/a.svg]
  - name: b
    outputs: [./out/a.svg]
`, `m.yaml:6:15: output "./out/a.svg" is already written by the figure at m.yaml:4:15; give each output its own file`},
		{"duplicate name", `
figures:
  - name: a
    outputs: [a.svg]
  - name: a
    outputs: [b.svg]
`, `m.yaml:5:5: figure name "a" is already used at m.yaml:3:5; give each figure its own name`},
		{"no outputs", `
figures:
  - name: a
`, `m.yaml:3:5: figure "a" has no outputs; add outputs: [out/NAME.svg]`},
		{"no figures", `
defaults:
  layout: dot
`, `m.yaml:1:1: the manifest has no figures:; add figures: a list of figures, each with a name and outputs`},
		{"syntax error", "figures:\n  - name: [\n", `m.yaml:`},
		{"unknown top-level field", `
figure:
  - name: a
`, `m.yaml:2:1: unknown field "figure" in the manifest (did you mean "figures"?)`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ParseManifest("m.yaml", []byte(tt.src), testSettings)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error:\n%v\nwant it to contain:\n%s", err, tt.want)
			}
		})
	}
}

func FuzzParseManifest(f *testing.F) {
	f.Add([]byte("figures:\n  - name: a\n    outputs: [a.svg]\n"))
	f.Add([]byte("defaults: {layout: dot}\nfigures: []\n"))
	f.Fuzz(func(t *testing.T, src []byte) {
		_, err := ParseManifest("m.yaml", src, testSettings)
		if ps, ok := err.(Problems); ok {
			for _, p := range ps {
				if p.Pos.File != "m.yaml" || p.Msg == "" {
					t.Fatalf("problem without a place or message: %+v", p)
				}
			}
		}
	})
}

// TestOutputKey: the spellings of one path that are one file on any
// filesystem share a key; case and ".." are left to the build's check.
func TestOutputKey(t *testing.T) {
	for _, tt := range []struct {
		a, b string
		same bool
	}{
		{"out/s.svg", "out/./s.svg", true},
		{"out/s.svg", "out//s.svg", true},
		{"out/s.svg", "./out/s.svg", true},
		{"out/s.svg", `out\s.svg`, true},
		{"/abs/s.svg", "/abs//s.svg", true},
		{"out/s.svg", "OUT/s.svg", false},
		{"out/s.svg", "out/x/../s.svg", false},
	} {
		if got := OutputKey(tt.a) == OutputKey(tt.b); got != tt.same {
			t.Errorf("OutputKey(%q) == OutputKey(%q): %v, want %v", tt.a, tt.b, got, tt.same)
		}
	}
}

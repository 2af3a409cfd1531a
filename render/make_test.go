package render

import (
	"bytes"
	"context"
	"path/filepath"
	"testing"

	"github.com/dipgraph/dipgraph/graph"
)

// testMaker is a Maker on the test binary's one Graphviz.
func testMaker(t *testing.T) *Maker {
	gv := sharedGraphviz(t)
	return &Maker{Graphviz: func() (*Graphviz, error) { return gv, nil }}
}

// make1 makes a job's one output.
func make1(t *testing.T, m *Maker, ds *graph.Dataset, j Job) (*Made, []byte) {
	t.Helper()
	made, err := m.Make(context.Background(), ds, j)
	if err != nil {
		t.Fatal(err)
	}
	if len(made.Outputs) != 1 || made.Outputs[0].Name != "" {
		t.Fatalf("outputs %+v, want one without a name", made.Outputs)
	}
	return made, made.Outputs[0].Data
}

// TestMakerOneLayoutPerFigure: the outputs of one figure (an SVG, then a
// PNG, then the SVG again) come from one layout, and are what a Maker of
// their own makes; a figure of changes keeps its layout too.
func TestMakerOneLayoutPerFigure(t *testing.T) {
	ds := loadDefault(t)
	opts := Options{Layout: DefaultLayout, EdgeLabels: "caption", Seed: DefaultSeed, Candidates: 1}
	for _, tt := range []struct {
		name string
		job  Job
	}{
		{"plain", Job{Options: opts}},
		{"diff", Job{Options: opts, Filter: graph.Filter{Window: graph.DefaultWindow},
			Diff: &DiffDates{graph.MustDate("2019-01-01"), graph.MustDate("2025-09-30")}}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			m := testMaker(t)
			m.Paint = true
			svg, png := tt.job, tt.job
			svg.Format, png.Format = FormatSVG, FormatPNG
			_, first := make1(t, m, ds, svg)
			laid := m.laid
			made, _ := make1(t, m, ds, png)
			if m.laid != laid {
				t.Error("the PNG was laid out again")
			}
			if _, ok := made.Score(); !ok {
				t.Error("the PNG has no score")
			}
			if _, again := make1(t, m, ds, svg); !bytes.Equal(again, first) || m.laid != laid {
				t.Error("the SVG made again differs, or was laid out again")
			}
			own := testMaker(t)
			own.Paint = true
			if _, alone := make1(t, own, ds, svg); !bytes.Equal(alone, first) {
				t.Error("the SVG differs from one a Maker of its own makes")
			}
		})
	}
}

// TestMakerSummary: a Made says what its figure draws without building
// the graphs again; graph text has no score; frames are named by date.
func TestMakerSummary(t *testing.T) {
	ds := loadDefault(t)
	opts := Options{Layout: DefaultLayout, EdgeLabels: "none", Seed: DefaultSeed, Candidates: 1}
	filter := graph.Filter{Window: graph.DefaultWindow}
	m := testMaker(t)

	made, b := make1(t, m, ds, Job{Format: FormatDOT, Options: opts, Filter: filter})
	g := graph.Build(ds, filter)
	if made.Summary != (Summary{Entities: len(g.Nodes), Edges: len(g.Edges)}) {
		t.Errorf("DOT summary %+v, want %d entities and %d edges", made.Summary, len(g.Nodes), len(g.Edges))
	}
	if _, ok := made.Score(); ok || !bytes.Contains(b, []byte("graph")) {
		t.Errorf("DOT: a score, or no graph in %.40q", b)
	}

	dates := []graph.Date{graph.MustDate("2019"), graph.MustDate("2025-09-30")}
	made, _ = make1(t, m, ds, Job{Format: FormatSVG, Options: opts, Filter: filter, Dates: dates})
	s := made.Summary
	if s.Panels != 2 || s.MinEdges > s.MaxEdges || s.MaxEdges == 0 || s.Entities == 0 {
		t.Errorf("timeline summary %+v", s)
	}
	frames, err := m.Make(context.Background(), ds, Job{Format: FormatJSON, Options: opts, Filter: filter, Dates: dates, Frames: "fr"})
	if err != nil {
		t.Fatal(err)
	}
	if len(frames.Outputs) != 2 || frames.Outputs[1].Name != filepath.Join("fr", "2025-09-30.json") || frames.Summary != s {
		t.Errorf("frames %v, summary %+v", frames.Outputs[1].Name, frames.Summary)
	}
}

// TestFormats: every format's name reads back, its properties agree.
func TestFormats(t *testing.T) {
	for _, f := range Formats() {
		if g, ok := ParseFormat(string(f)); !ok || g != f || f.Ext() != "."+string(f) {
			t.Errorf("%s reads back as %q, %v", f, g, ok)
		}
		if f.Painted() && !f.Picture() || f.Picture() && !f.Drawn() || f.Image() && !f.Picture() {
			t.Errorf("%s: painted %v, picture %v, drawn %v, image %v", f, f.Painted(), f.Picture(), f.Drawn(), f.Image())
		}
		if f.ContentType() == "" {
			t.Errorf("%s has no content type", f)
		}
	}
	if _, ok := ParseFormat("gif"); ok {
		t.Error("gif is a format")
	}
}

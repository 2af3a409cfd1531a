package render

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/dipgraph/dipgraph/data"
	"github.com/dipgraph/dipgraph/graph"
	"github.com/dipgraph/dipgraph/graph/graphtest"
)

// Issue #14's targets on data the layout and label code was never tuned
// on (testdata/legibility, see its README): every figure laid out as
// dipgraph render lays it out by default must have no text nearer another
// line than its own, none further than FarLimit from its line without a
// leader, none cut by another line, and no line through a node it does
// not end at. The figures of figures.yaml are held to the same targets by
// TestCorpusFigures in the main package, through build's own code.

// renderDefaults are dipgraph render's options when no flag is given.
func renderDefaults() Options {
	return Options{Layout: DefaultLayout, Seed: DefaultSeed, Candidates: DefaultCandidates, EdgeLabels: "caption", Theme: DefaultTheme}
}

// corpusTarget is one of the targets: the score's count, and the prefix
// of the problems it lists.
type corpusTarget struct {
	name    string
	count   func(Score) int
	problem string
}

var corpusTargets = []corpusTarget{
	{"ambiguous", func(s Score) int { return s.Ambiguous }, "ambiguous label:"},
	{"far", func(s Score) int { return s.Far }, "far label:"},
	{"cut", func(s Score) int { return s.LabelsCut }, "label cut:"},
	{"through-node", func(s Score) int { return s.ThroughNode }, "through node:"},
}

// checkTargets logs a figure's score and asserts each target in a subtest
// of its own, listing the offending items.
func checkTargets(t *testing.T, s Score) {
	t.Helper()
	t.Logf("%d nodes, %d lines, %d labels: %d crossings (smallest angle %g°), %d through nodes, %d through frames, %d keyed, %d ambiguous (%d other pair), %d far (furthest %g pt), %d cut, %d+%d overlaps",
		s.Nodes, s.Edges, s.Labels, s.Crossings, s.MinCrossingAngle, s.ThroughNode, s.ThroughFrame, s.Keyed, s.Ambiguous, s.AmbiguousOtherPair,
		s.Far, s.MaxLabelDistance, s.LabelsCut, s.LabelOverlaps, s.LabelNodeOverlaps)
	for _, tg := range corpusTargets {
		t.Run(tg.name, func(t *testing.T) {
			if n := tg.count(s); n != 0 {
				var items []string
				for _, p := range s.Problems {
					if strings.HasPrefix(p, tg.problem) {
						items = append(items, p)
					}
				}
				t.Errorf("%s = %d, want 0:\n  %s", tg.name, n, strings.Join(items, "\n  "))
			}
		})
	}
}

// loadDataFile reads a data file as dipgraph validate would.
func loadDataFile(t testing.TB, path string) *graph.Dataset {
	t.Helper()
	src, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	ds, err := data.Load(data.Input{Name: path, Src: src})
	if err != nil {
		t.Fatal(err)
	}
	return ds
}

// sixtyCountries is a deterministic 60-country dataset: graphtest.Synthetic's
// countries, alliances, disputes and summits among them, its leaders left
// out.
func sixtyCountries() *graph.Dataset {
	d := graphtest.SyntheticRecords(120, 260, 7)
	d.ID, d.Title = "synthetic-60-countries", "Sixty synthetic countries"
	d.Entities = slices.DeleteFunc(d.Entities, func(e graph.Entity) bool { return e.Kind != graph.KindCountry })
	d.Records = slices.DeleteFunc(d.Records, func(r graph.Record) bool {
		return slices.ContainsFunc(r.Parties, func(p string) bool { return !strings.HasPrefix(p, "c") })
	})
	return d
}

func TestCorpusHeldAside(t *testing.T) {
	files, err := filepath.Glob("testdata/legibility/*.yaml")
	if err != nil || len(files) < 3 {
		t.Fatalf("held-aside datasets: %v %v", files, err)
	}
	type set struct {
		name string
		ds   func(t *testing.T) *graph.Dataset
	}
	var sets []set
	for _, f := range files {
		sets = append(sets, set{strings.TrimSuffix(filepath.Base(f), ".yaml"), func(t *testing.T) *graph.Dataset { return loadDataFile(t, f) }})
	}
	sets = append(sets, set{"synthetic-60-countries", func(t *testing.T) *graph.Dataset {
		if testing.Short() {
			t.Skip("the 60-country figure takes seconds to lay out; run without -short")
		}
		return sixtyCountries()
	}})
	gv := sharedGraphviz(t)
	for _, st := range sets {
		t.Run(st.name, func(t *testing.T) {
			ds := st.ds(t)
			g := graph.Build(ds, graph.Filter{})
			if len(g.Edges) == 0 {
				t.Fatal("no edges")
			}
			f, err := Lay(context.Background(), gv, g, renderDefaults(), false)
			if err != nil {
				t.Fatal(err)
			}
			checkTargets(t, f.Score(f.DisplayFor("svg", PaintOptions{})))
		})
	}
}

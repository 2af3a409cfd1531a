package cli

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dipgraph/dipgraph/data"
	"github.com/dipgraph/dipgraph/render"
)

// TestCorpusFigures holds every figure of the project's figures.yaml to
// issue #14's targets, laid out by build's own code (planBuild, buildAll
// with --check, so nothing is written): no text nearer another line than
// its own, none further than render.FarLimit from its line without a
// leader, none cut by another line, no line through a node it does not end
// at. render's TestCorpusHeldAside does the same for the held-aside
// datasets in render/testdata/legibility.
//
//	go test ./internal/cli -run TestCorpusFigures -v   # the scores, figure by figure
func TestCorpusFigures(t *testing.T) {
	path := filepath.Join(root, "figures.yaml")
	src, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	m, err := data.ParseManifest(path, src, manifestSettings())
	if err != nil {
		t.Fatal(err)
	}
	bf := buildFlags{check: true, jobs: 1}
	figs, err := planBuild(m, root, bf)
	if err != nil {
		t.Fatal(err)
	}
	var stdout, stderr bytes.Buffer
	e := &env{ctx: context.Background(), stdin: strings.NewReader(""), stdout: &stdout, stderr: &stderr}
	results := buildAll(e, figs, bf)
	if len(results) != len(m.Figures) {
		t.Fatalf("%d figures built of %d", len(results), len(m.Figures))
	}
	targets := []struct {
		name, problem string
		count         func(render.Score) int
	}{
		{"ambiguous", "ambiguous label:", func(s render.Score) int { return s.Ambiguous }},
		{"far", "far label:", func(s render.Score) int { return s.Far }},
		{"cut", "label cut:", func(s render.Score) int { return s.LabelsCut }},
		{"through-node", "through node:", func(s render.Score) int { return s.ThroughNode }},
	}
	for _, r := range results {
		t.Run(r.fig.name, func(t *testing.T) {
			if r.err != nil {
				t.Fatalf("build: %v", r.err)
			}
			if len(r.scores) == 0 {
				t.Fatal("no output with a drawing was scored")
			}
			// The layout is the figure's, whatever the output: the counts
			// are the same in each; text size is per output.
			s := r.scores[0].score
			t.Logf("%d nodes, %d lines, %d labels: %d crossings (smallest angle %g°), %d through nodes, %d through frames, %d keyed, %d ambiguous (%d other pair), %d far (furthest %g pt), %d cut, %d+%d overlaps",
				s.Nodes, s.Edges, s.Labels, s.Crossings, s.MinCrossingAngle, s.ThroughNode, s.ThroughFrame, s.Keyed, s.Ambiguous, s.AmbiguousOtherPair,
				s.Far, s.MaxLabelDistance, s.LabelsCut, s.LabelOverlaps, s.LabelNodeOverlaps)
			for _, o := range r.scores {
				t.Logf("%s: text ≥ %g %s (edge text %g, names %g), faintest line %g:1", o.path, o.score.MinText, o.score.TextUnit,
					o.score.MinEdgeText, o.score.MinNameText, o.score.MinLineContrast)
			}
			for _, o := range r.scores[1:] {
				if o.score.Ambiguous != s.Ambiguous || o.score.Far != s.Far || o.score.LabelsCut != s.LabelsCut || o.score.ThroughNode != s.ThroughNode {
					t.Errorf("%s and %s, one layout, score differently: %+v, %+v", r.scores[0].path, o.path, s, o.score)
				}
			}
			for _, tg := range targets {
				t.Run(tg.name, func(t *testing.T) {
					if n := tg.count(s); n != 0 {
						var items []string
						for _, p := range s.Problems {
							// A timeline's problems start with their panel.
							if strings.HasPrefix(p, tg.problem) || strings.Contains(p, ": "+tg.problem) {
								items = append(items, p)
							}
						}
						t.Errorf("%s = %d, want 0:\n  %s", tg.name, n, strings.Join(items, "\n  "))
					}
				})
			}
		})
	}
}

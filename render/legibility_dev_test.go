package render

import (
	"context"
	"encoding/json"
	"os"
	"strings"
	"testing"

	"github.com/dipgraph/dipgraph/graph"
)

func TestDevScore(t *testing.T) {
	if os.Getenv("DEVSCORE") == "" {
		t.Skip()
	}
	ds := loadDefault(t)
	g := graph.Build(ds, graph.Filter{})
	gv := sharedGraphviz(t)
	o := Options{Layout: "fdp", Seed: 3, EdgeLabels: "caption"}
	f, err := Lay(context.Background(), gv, g, o, false)
	if err != nil {
		t.Fatal(err)
	}
	s := f.Score(f.DisplayFor("svg", PaintOptions{}))
	b, _ := json.MarshalIndent(s, "", " ")
	t.Log(string(b))
}

func TestDevPlace(t *testing.T) {
	if os.Getenv("DEVSCORE") == "" {
		t.Skip()
	}
	ds := loadDefault(t)
	g := graph.Build(ds, graph.Filter{})
	gv := sharedGraphviz(t)
	for _, seed := range []int{1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16} {
		o := Options{Layout: "fdp", Seed: seed, EdgeLabels: "caption", Candidates: 1}
		f, err := Lay(context.Background(), gv, g, o, false)
		if err != nil {
			t.Fatal(err)
		}
		s := f.Score(f.DisplayFor("svg", PaintOptions{}))
		lead := 0
		for _, l := range f.panels[0].geom.labels {
			if l.leader != nil {
				lead++
			}
		}
		for _, p := range s.Problems {
			if strings.HasPrefix(p, "label cut") {
				t.Log(p)
			}
		}
		t.Logf("seed %d: crossings %d through %d amb %d far %d cut %d keyed %d leaders %d maxd %.1f", seed, s.Crossings, s.ThroughNode, s.Ambiguous, s.Far, s.LabelsCut, s.Keyed, lead, s.MaxLabelDistance)
	}
}

func BenchmarkDevLay(b *testing.B) {
	ds := loadDefault(b)
	g := graph.Build(ds, graph.Filter{})
	gv := sharedGraphviz(b)
	gv.uncached = true
	for b.Loop() {
		o := Options{Layout: "fdp", Seed: 3, EdgeLabels: "caption", Candidates: 1}
		if _, err := Lay(context.Background(), gv, g, o, false); err != nil {
			b.Fatal(err)
		}
	}
}

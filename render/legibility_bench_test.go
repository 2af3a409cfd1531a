package render

import (
	"bytes"
	"context"
	"fmt"
	"testing"

	"github.com/dipgraph/dipgraph/graph"
)

// Benchmarks of the legibility score and of the layout search, on the
// default figure (the embedded dataset, render's default flags):
//
//	go test ./render -run '^$' -bench 'Score|LayoutSearch' -benchmem
//
// Score measures the finished figure (Figure.Score: every panel's
// geometry, text sizes and contrast); geometry is the panel's own counts
// alone (crossings, lines through nodes and frames, the labels), which the
// layout search computes once per candidate; read is reading the geometry
// from the laid-out DOT. LayoutSearch lays the figure out from 1, 3 and 6
// seeds (--candidates), every layout made afresh.

func BenchmarkScore(b *testing.B) {
	g := graph.Build(loadDefault(b), graph.Filter{})
	f, err := Lay(context.Background(), sharedGraphviz(b), g, renderDefaults(), false)
	if err != nil {
		b.Fatal(err)
	}
	target := f.DisplayFor("svg", PaintOptions{})
	if s := f.Score(target); s.Edges == 0 || s.Labels == 0 {
		b.Fatalf("the default figure scores %d lines, %d labels", s.Edges, s.Labels)
	}
	b.Run("figure", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			f.Score(target)
		}
	})
	geo := f.panels[0].geom
	b.Run("geometry", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			geo.score()
		}
	})
	b.Run("read", func(b *testing.B) {
		var dot bytes.Buffer
		if err := graphvizDOT(&dot, g, renderDefaults()); err != nil {
			b.Fatal(err)
		}
		outs, err := sharedGraphviz(b).RenderFormats(context.Background(), dot.Bytes(), DefaultLayout, "dot")
		if err != nil {
			b.Fatal(err)
		}
		placed := placeLabels(outs[0])
		b.ReportAllocs()
		for b.Loop() {
			readGeometry(outs[0], placed.moves, g.Dataset)
		}
	})
}

func BenchmarkLayoutSearch(b *testing.B) {
	g := graph.Build(loadDefault(b), graph.Filter{})
	gv := sharedGraphviz(b).Uncached() // each candidate a real layout
	for _, n := range []int{1, 4, DefaultCandidates} {
		b.Run(fmt.Sprintf("candidates=%d", n), func(b *testing.B) {
			o := renderDefaults()
			o.Candidates = n
			var s Score
			for b.Loop() {
				f, err := Lay(context.Background(), gv, g, o, false)
				if err != nil {
					b.Fatal(err)
				}
				s = f.Score(f.DisplayFor("svg", PaintOptions{}))
			}
			b.ReportMetric(float64(s.Crossings), "crossings")
			b.ReportMetric(float64(s.ThroughNode), "through-node")
			b.ReportMetric(float64(s.Keyed), "keyed")
		})
	}
}

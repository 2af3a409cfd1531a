package render

import (
	"bytes"
	"context"
	"fmt"
	"sync"
	"testing"

	"github.com/dipgraph/dipgraph/graph"
	"github.com/dipgraph/dipgraph/graph/graphtest"
)

// Benchmarks of each stage after decoding and validation (those are in
// package data), on the default dataset and on synthetic diplomatic graphs
// of 20 to 3,000 entities (graphtest.Synthetic: countries and leaders, three
// relation types, weights, labels):
//
//	go test ./render -run '^$' -bench 'Stages|Layout' -benchmem
//	go test ./render -run '^$' -bench 'Stages/default' -benchmem   # one figure, stage by stage
//	go test ./render -run '^$' -bench Scale -benchtime 1x          # 3,000 entities, 10,000 records
//
// Stages: build (records into the weighted graph), dot (styling and DOT
// text), figure (every Graphviz pass and the composition, with the default
// engine), svg (writing the composed SVG), png and pdf (painting, 1920
// wide). Layout is Graphviz alone (layout and its SVG), per engine and
// size. With -short, and at -benchtime 1x in CI, the 3,000-entity sizes and
// layouts that take more than a few seconds are skipped.

// benchSizes are the synthetic graph sizes, in entities.
var benchSizes = []int{20, 100, 300, 1000, 3000}

// benchEngineMax is the largest synthetic size each engine is benchmarked
// at: beyond it a layout takes more than about a minute in the embedded
// Graphviz (fdp gives way to sfdp past FdpNodesMax in any case; circo took
// 30 s on 100 entities, dot 3.4 s, twopi 35 s on 1,000).
var benchEngineMax = map[string]int{"dot": 100, "neato": 1000, "fdp": 300, "sfdp": 3000, "circo": 20, "twopi": 300}

type benchCase struct {
	name string
	ds   *graph.Dataset
	size int // entities; 0 for the default dataset
}

func benchCases(b *testing.B) []benchCase {
	cs := []benchCase{{name: "default", ds: loadDefault(b)}}
	for _, n := range benchSizes {
		cs = append(cs, benchCase{name: fmt.Sprint(n), ds: graphtest.Synthetic(n, 1), size: n})
	}
	return cs
}

// skipLarge skips the sizes that make a run slow, under -short.
func skipLarge(b *testing.B, size int) {
	if testing.Short() && size >= 3000 {
		b.Skip("3,000 entities: skipped with -short")
	}
}

// benchOptions are the default figure's options.
func benchOptions() Options {
	return Options{Layout: DefaultLayout, Seed: DefaultSeed, EdgeLabels: "caption"}
}

var (
	benchFigMu sync.Mutex
	benchFigs  = map[string]*Figure{}
)

// benchFigure lays out a case once per test binary, painted, with the
// default options.
func benchFigure(b *testing.B, c benchCase) *Figure {
	benchFigMu.Lock()
	defer benchFigMu.Unlock()
	if f := benchFigs[c.name]; f != nil {
		return f
	}
	f, err := Lay(context.Background(), sharedGraphviz(b), graph.Build(c.ds, graph.Filter{}), benchOptions(), true)
	if err != nil {
		b.Fatal(err)
	}
	benchFigs[c.name] = f
	return f
}

// BenchmarkStages times each stage of one figure.
func BenchmarkStages(b *testing.B) {
	ctx := context.Background()
	for _, c := range benchCases(b) {
		b.Run(c.name, func(b *testing.B) {
			skipLarge(b, c.size)
			g := graph.Build(c.ds, graph.Filter{})
			o := benchOptions()
			b.Run("build", func(b *testing.B) {
				b.ReportAllocs()
				for b.Loop() {
					graph.Build(c.ds, graph.Filter{})
				}
			})
			b.Run("dot", func(b *testing.B) {
				b.ReportAllocs()
				var buf bytes.Buffer
				for b.Loop() {
					buf.Reset()
					if err := graphvizDOT(&buf, g, o); err != nil {
						b.Fatal(err)
					}
				}
			})
			b.Run("figure", func(b *testing.B) {
				b.ReportAllocs()
				gv := sharedGraphviz(b).Uncached() // each loop a real layout
				for b.Loop() {
					if _, err := Lay(ctx, gv, g, o, false); err != nil {
						b.Fatal(err)
					}
				}
			})
			f := benchFigure(b, c)
			b.Run("svg", func(b *testing.B) {
				b.ReportAllocs()
				for b.Loop() {
					f.SVG(false)
				}
			})
			po := PaintOptions{Width: 1920, Fonts: systemFonts(b)}
			b.Run("png", func(b *testing.B) {
				b.ReportAllocs()
				for b.Loop() {
					if _, err := f.PNG(po); err != nil {
						b.Fatal(err)
					}
				}
			})
			b.Run("pdf", func(b *testing.B) {
				b.ReportAllocs()
				for b.Loop() {
					if _, err := f.PDF(po); err != nil {
						b.Fatal(err)
					}
				}
			})
		})
	}
}

// BenchmarkLayout is Graphviz alone — parsing the DOT, the layout and
// Graphviz's SVG — per engine and size, with the settings dipgraph uses
// for a graph of that size (ForGraph, sizedAttrs).
func BenchmarkLayout(b *testing.B) {
	ctx := context.Background()
	for _, engine := range Layouts {
		for _, c := range benchCases(b) {
			b.Run(engine+"/"+c.name, func(b *testing.B) {
				skipLarge(b, c.size)
				if c.size > benchEngineMax[engine] {
					b.Skipf("%s on %d entities takes minutes", engine, c.size)
				}
				g := graph.Build(c.ds, graph.Filter{})
				o := Options{Layout: engine, Seed: DefaultSeed, EdgeLabels: "caption"}
				var dot bytes.Buffer
				if err := graphvizDOT(&dot, g, o); err != nil {
					b.Fatal(err)
				}
				gv := sharedGraphviz(b).Uncached()
				b.ReportAllocs()
				for b.Loop() {
					if _, err := gv.Render(ctx, dot.Bytes(), engine, "svg"); err != nil {
						b.Fatal(err)
					}
				}
			})
		}
	}
}

// BenchmarkScale is the scale target: a 3,000-entity graph with 10,000
// relation records, laid out with sfdp and written as SVG, well under two
// minutes and 1 GiB (docs/performance.md has the measured figures).
func BenchmarkScale(b *testing.B) {
	skipLarge(b, 3000)
	ds := graphtest.SyntheticRecords(3000, 10000, 1)
	gv := sharedGraphviz(b).Uncached()
	o := Options{Layout: "sfdp", Seed: DefaultSeed, EdgeLabels: "caption"}
	b.ReportAllocs()
	for b.Loop() {
		g := graph.Build(ds, graph.Filter{})
		f, err := Lay(context.Background(), gv, g, o, false)
		if err != nil {
			b.Fatal(err)
		}
		b.ReportMetric(float64(len(g.Nodes)), "nodes")
		b.ReportMetric(float64(len(g.Edges)), "edges")
		b.SetBytes(int64(len(f.SVG(false))))
	}
}

package render

import (
	"bytes"
	"context"
	"testing"

	"github.com/dipgraph/dipgraph/graph"
)

// BenchmarkPlaceLabels measures edge-text placement alone, on the laid-out
// DOT of a synthetic graph (the layout is made once, outside the timing).
func BenchmarkPlaceLabels(b *testing.B) {
	for _, n := range []int{100, 300} {
		b.Run(itoa(n), func(b *testing.B) {
			if testing.Short() && n > 100 {
				b.Skip("the 300-entity layout takes seconds")
			}
			g := graph.Build(graph.Synthetic(n, 1), graph.Filter{})
			o := Options{Layout: "sfdp", EdgeLabels: "date", Seed: DefaultSeed}
			var dot bytes.Buffer
			if err := DOT(&dot, g, o); err != nil {
				b.Fatal(err)
			}
			laid, err := sharedGraphviz(b).Render(context.Background(), dot.Bytes(), "sfdp", "dot")
			if err != nil {
				b.Fatal(err)
			}
			b.ReportAllocs()
			b.ResetTimer()
			for b.Loop() {
				if len(placeLabels(laid)) == 0 {
					b.Fatal("no labels placed")
				}
			}
		})
	}
}

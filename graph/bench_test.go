package graph_test

import (
	"fmt"
	"testing"

	"github.com/dipgraph/dipgraph/graph"
	"github.com/dipgraph/dipgraph/graph/graphtest"
)

// BenchmarkBuild measures filtering and aggregation on synthetic graphs.
func BenchmarkBuild(b *testing.B) {
	for _, n := range []int{20, 100, 300, 1000, 3000} {
		d := graphtest.Synthetic(n, 1)
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				graph.Build(d, graph.Filter{})
			}
		})
	}
}

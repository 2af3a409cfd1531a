package data

import (
	"fmt"
	"testing"

	"github.com/dipgraph/dipgraph/graph/graphtest"
)

// The first two stages of every figure, decode and validate, on the
// default dataset and on synthetic diplomatic datasets (graphtest.Synthetic)
// written out as YAML:
//
//	go test ./data -run '^$' -bench 'Decode|Validate' -benchmem
//
// The other stages are benchmarked in graph (BenchmarkBuild) and render
// (BenchmarkStages); docs/performance.md has the figures.

// benchSizes are the synthetic sizes (entities) the stage benchmarks run.
var benchSizes = []int{20, 100, 300, 1000, 3000}

type benchInput struct {
	name string
	in   Input
}

func benchInputs(b *testing.B) []benchInput {
	b.Helper()
	def, err := ReadInput(DefaultDataset, nil, nil)
	if err != nil {
		b.Fatal(err)
	}
	out := []benchInput{{"default", def}}
	for _, n := range benchSizes {
		src := EncodeYAML(graphtest.Synthetic(n, 1))
		out = append(out, benchInput{fmt.Sprint(n), Input{Name: fmt.Sprintf("synthetic-%d.yaml", n), Src: src}})
	}
	return out
}

// BenchmarkDecode is reading a data file: YAML parsing and the walk that
// keeps every value's position.
func BenchmarkDecode(b *testing.B) {
	for _, c := range benchInputs(b) {
		b.Run(c.name, func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(len(c.in.Src)))
			for b.Loop() {
				if _, ps := decodeBytes(c.in.Name, c.in.Src, c.in.JSON); len(ps) > 0 {
					b.Fatal(ps)
				}
			}
		})
	}
}

// BenchmarkValidate is merging decoded files into a dataset and checking
// every reference, date and weight.
func BenchmarkValidate(b *testing.B) {
	for _, c := range benchInputs(b) {
		f, ps := decodeBytes(c.in.Name, c.in.Src, c.in.JSON)
		if len(ps) > 0 {
			b.Fatal(ps)
		}
		b.Run(c.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				m := merge([]*file{f})
				if ps := m.validate([]*file{f}); len(ps) > 0 {
					b.Fatal(ps)
				}
			}
		})
	}
}

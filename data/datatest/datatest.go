// Package datatest holds test helpers for the packages that read data
// files: the embedded datasets, loaded as the command loads them.
package datatest

import (
	"testing"

	"github.com/dipgraph/dipgraph/data"
	"github.com/dipgraph/dipgraph/graph"
)

// Default is the default embedded dataset, loaded and validated; the test
// fails if it does not load.
func Default(tb testing.TB) *graph.Dataset {
	tb.Helper()
	in, err := data.ReadInput(data.DefaultDataset, nil, nil)
	if err != nil {
		tb.Fatal(err)
	}
	ds, err := data.Load(in)
	if err != nil {
		tb.Fatal(err)
	}
	return ds
}

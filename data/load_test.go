package data

import (
	"testing"

	"github.com/dipgraph/dipgraph/graph"
)

// TestEmbeddedDatasetsValidate loads every embedded dataset through the same
// path as user files and requires it to be clean.
func TestEmbeddedDatasetsValidate(t *testing.T) {
	names := Embedded()
	if len(names) == 0 {
		t.Fatal("no embedded datasets")
	}
	for _, name := range names {
		t.Run(name, func(t *testing.T) {
			in, err := ReadInput(name, nil, nil)
			if err != nil {
				t.Fatal(err)
			}
			ds, err := Load(in)
			if err != nil {
				t.Fatalf("embedded dataset does not validate:\n%v", err)
			}
			if ds.ID != name {
				t.Errorf("dataset id %q, want %q (the file name)", ds.ID, name)
			}
			for i, r := range ds.Records {
				if r.Start.IsZero() || r.Source == "" {
					t.Errorf("record #%d (%s) lacks a date or a source", i+1, r.ID)
				}
			}
			g := graph.Build(ds, graph.Filter{})
			if len(g.Edges) == 0 || len(g.Nodes) != len(ds.Entities) {
				t.Errorf("built graph has %d edges and %d of %d entities", len(g.Edges), len(g.Nodes), len(ds.Entities))
			}
		})
	}
}

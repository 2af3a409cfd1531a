package graphtest

import (
	"fmt"
	"testing"

	"github.com/dipgraph/dipgraph/graph"
)

func TestSyntheticIsDeterministicAndValidShape(t *testing.T) {
	a, b := Synthetic(100, 1), Synthetic(100, 1)
	if fmt.Sprint(a) != fmt.Sprint(b) {
		t.Fatal("Synthetic is not deterministic")
	}
	if len(a.Entities) != 100 || len(a.Records) != 300 {
		t.Fatalf("got %d entities and %d records, want 100 and 300", len(a.Entities), len(a.Records))
	}
	ids := map[string]bool{}
	for _, e := range a.Entities {
		if ids[e.ID] {
			t.Fatalf("duplicate id %s", e.ID)
		}
		ids[e.ID] = true
	}
	for _, r := range a.Records {
		if r.Parties[0] == r.Parties[1] || !ids[r.Parties[0]] || !ids[r.Parties[1]] {
			t.Fatalf("bad parties in %+v", r)
		}
	}
	g := graph.Build(a, graph.Filter{})
	if len(g.Edges) < 200 {
		t.Errorf("only %d edges from 300 records", len(g.Edges))
	}
}

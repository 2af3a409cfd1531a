package render

import (
	"context"
	"encoding/json"
	"os"
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
	s := f.Score(f.TargetFor("svg", PaintOptions{}))
	b, _ := json.MarshalIndent(s, "", " ")
	t.Log(string(b))
}

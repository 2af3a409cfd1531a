package graphviz_test

import (
	"bytes"
	"context"
	"strings"
	"sync"
	"testing"

	"github.com/dipgraph/dipgraph/data/datatest"
	"github.com/dipgraph/dipgraph/graph"
	"github.com/dipgraph/dipgraph/render"
	"github.com/dipgraph/dipgraph/render/graphviz"
)

// The tests lay out the DOT that render writes for real figures, through
// this package's API, and look inside through export_test.go.

// loadDefault is the default embedded dataset, loaded.
func loadDefault(t testing.TB) *graph.Dataset { return datatest.Default(t) }

var (
	gvOnce sync.Once
	gvInst *graphviz.Graphviz
	gvErr  error
)

// sharedGraphviz starts Graphviz once for the whole test binary, as the
// command does once per process.
func sharedGraphviz(t testing.TB) *graphviz.Graphviz {
	gvOnce.Do(func() { gvInst, gvErr = graphviz.New(context.Background()) })
	if gvErr != nil {
		t.Fatal(gvErr)
	}
	return gvInst
}

func dotOf(t *testing.T, g *graph.Graph, o render.Options) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := render.DOT(&b, g, o); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// TestGraphvizErrorsSurface checks that Graphviz's own message comes back
// as an error, although go-graphviz reports success for it.
func TestGraphvizErrorsSurface(t *testing.T) {
	gv := sharedGraphviz(t)
	_, err := gv.Render(context.Background(), []byte(`digraph { a -> b [label=<<b>x</i>>] }`), "dot", "svg")
	if err == nil || !strings.Contains(err.Error(), "mismatched tag") {
		t.Errorf("bad HTML label: error %v, want Graphviz's \"mismatched tag\" message", err)
	}
	var warned []string
	gv.Warn = func(s string) { warned = append(warned, s) }
	defer func() { gv.Warn = nil }()
	if _, err := gv.Render(context.Background(), []byte(`digraph { a [shape=nosuchshape]; a -> b }`), "dot", "svg"); err != nil {
		t.Errorf("a warning must not fail the render: %v", err)
	}
	if len(warned) != 1 || !strings.Contains(warned[0], "unknown shape nosuchshape") {
		t.Errorf("warnings = %q, want Graphviz's unknown-shape warning", warned)
	}
	if _, err := gv.Render(context.Background(), []byte(`digraph { a -> }`), "dot", "svg"); err == nil || !strings.Contains(err.Error(), "syntax error") {
		t.Errorf("syntax error: %v", err)
	}
	// A good render after failures still works.
	if _, err := gv.Render(context.Background(), []byte(`digraph { a -> b }`), "dot", "svg"); err != nil {
		t.Errorf("render after failures: %v", err)
	}
}

// TestRepeatedLayoutsIdentical lays the same clustered graph out several
// times in one process with every engine: all must give the same bytes
// (fdp goes through a worker process after the first layout).
func TestRepeatedLayoutsIdentical(t *testing.T) {
	ds := loadDefault(t)
	gv := sharedGraphviz(t).Uncached()
	g := graph.Build(ds, graph.Filter{})
	for _, l := range render.Layouts {
		if l == "sfdp" {
			continue
		}
		var b bytes.Buffer
		if err := render.DOT(&b, g, render.Options{Layout: l, EdgeLabels: "caption"}); err != nil {
			t.Fatal(err)
		}
		var first []byte
		for i := 0; i < 3; i++ {
			out, err := gv.Render(context.Background(), b.Bytes(), l, "svg")
			if err != nil {
				t.Fatal(l, err)
			}
			if i == 0 {
				first = out
			} else if !bytes.Equal(out, first) {
				t.Errorf("%s: layout %d differs from the first", l, i+1)
			}
		}
	}
}

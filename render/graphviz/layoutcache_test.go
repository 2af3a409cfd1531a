package graphviz_test

import (
	"bytes"
	"context"
	"strings"
	"testing"

	"github.com/dipgraph/dipgraph/graph"
	"github.com/dipgraph/dipgraph/render"
	"github.com/dipgraph/dipgraph/render/graphviz"
)

// TestLayoutCache: a repeated small layout is answered from memory with the
// same bytes, without Graphviz; one that warned is laid out again (so it
// warns again). TestLayoutCacheLimits checks the limits.
func TestLayoutCache(t *testing.T) {
	graphviz.ForgetLayouts()
	ctx := context.Background()
	gv := sharedGraphviz(t)
	dot := dotOf(t, graph.Build(loadDefault(t), graph.Filter{}), render.Options{Layout: "neato", Seed: 7, EdgeLabels: "date"})
	count := graphviz.LayoutCount
	before := count()
	first, err := gv.RenderFormats(ctx, dot, "neato", "svg", "json")
	if err != nil {
		t.Fatal(err)
	}
	again, err := gv.RenderFormats(ctx, dot, "neato", "svg", "json")
	if err != nil {
		t.Fatal(err)
	}
	if n := count() - before; n != 1 {
		t.Errorf("two equal layouts ran Graphviz %d times, want once", n)
	}
	for i := range first {
		if !bytes.Equal(first[i], again[i]) {
			t.Errorf("format %d differs when repeated", i)
		}
	}
	// Another format of the same graph is another layout.
	if _, err := gv.RenderFormats(ctx, dot, "neato", "svg"); err != nil {
		t.Fatal(err)
	}
	if n := count() - before; n != 2 {
		t.Errorf("a different format list ran Graphviz %d times in all, want 2", n)
	}

	// A layout that warns: Graphviz warns about an unknown shape.
	odd := []byte("graph { a [shape=nosuchshape]; a -- b }")
	for i := range 2 {
		var warnings []string
		w := gv.WithWarn(func(s string) { warnings = append(warnings, s) })
		if _, err := w.Render(ctx, odd, "neato", "svg"); err != nil {
			t.Fatal(err)
		}
		if len(warnings) == 0 || !strings.Contains(strings.Join(warnings, " "), "nosuchshape") {
			t.Errorf("run %d: warnings %q, want one about the shape", i+1, warnings)
		}
	}

}

// TestReadDOTErrors: DOT Graphviz cannot read is an error with Graphviz's
// own message, and Graphviz reads the next graph as usual.
func TestReadDOTErrors(t *testing.T) {
	gv := sharedGraphviz(t).Uncached()
	_, err := gv.Render(context.Background(), []byte("digraph { a -> }"), "dot", "svg")
	if err == nil || !strings.Contains(err.Error(), "syntax error") {
		t.Errorf("error %v, want Graphviz's syntax error", err)
	}
	out, err := gv.Render(context.Background(), []byte("digraph { a -> b }"), "dot", "svg")
	if err != nil || !bytes.Contains(out, []byte(`class="edge"`)) {
		t.Errorf("the next graph: %v", err)
	}
}

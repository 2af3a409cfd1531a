package graphviz_test

import (
	"bytes"
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/dipgraph/dipgraph/graph"
	"github.com/dipgraph/dipgraph/graph/graphtest"
	"github.com/dipgraph/dipgraph/render"
	"github.com/dipgraph/dipgraph/render/graphviz"
)

// TestLayoutServers: with servers in use, a large layout that may be
// stopped goes to a server and comes back byte for byte as this process
// lays it out; Graphviz's warnings come back too; a server past its time
// is killed with the usual message, and the next layout starts a new one.
func TestLayoutServers(t *testing.T) {
	if testing.Short() {
		t.Skip("starts layout server processes")
	}
	ctx := context.Background()
	big := dotOf(t, graph.Build(graphtest.Synthetic(100, 1), graph.Filter{}), render.Options{Layout: "neato", Seed: 2, EdgeLabels: "date"})
	if !graphviz.LargeDOT(big) {
		t.Fatal("a 100-entity graph is not judged large")
	}
	small := dotOf(t, graph.Build(loadDefault(t), graph.Filter{}), render.Options{Layout: "fdp", Seed: 5, EdgeLabels: "caption"})
	if graphviz.LargeDOT(small) {
		t.Fatal("the default figure is judged large")
	}
	here, err := sharedGraphviz(t).Uncached().RenderFormats(ctx, big, "neato", "svg", "json")
	if err != nil {
		t.Fatal(err)
	}

	pool := &graphviz.Pool{}
	stop := pool.UseServers(1)
	defer func() {
		if stop != nil {
			stop()
		}
	}()
	gv := sharedGraphviz(t).Uncached().WithPool(pool).WithTimeout(time.Minute)
	before := graphviz.LayoutCount()
	there, err := gv.RenderFormats(ctx, big, "neato", "svg", "json")
	if err != nil {
		t.Fatal(err)
	}
	if n := graphviz.LayoutCount() - before; n != 0 {
		t.Errorf("the large layout ran in this process (%d layouts)", n)
	}
	if inUse, started := pool.ServerStarted(ctx); !inUse || !started {
		t.Error("no server was started for the large layout")
	}
	for i := range here {
		if !bytes.Equal(here[i], there[i]) {
			t.Errorf("format %d: the server's layout differs from this process's", i)
		}
	}

	// Warnings come back from a server: Graphviz warns about an unknown
	// shape (the comment lines make the graph look large, so that it goes
	// to a server).
	odd := []byte("graph {\n" + strings.Repeat("// padding\n", 400) + "a [shape=nosuchshape]; a -- b }")
	if !graphviz.LargeDOT(odd) {
		t.Fatal("the padded graph is not judged large")
	}
	var warnings []string
	if _, err := gv.WithWarn(func(s string) { warnings = append(warnings, s) }).Render(ctx, odd, "neato", "svg"); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(strings.Join(warnings, " "), "nosuchshape") {
		t.Errorf("warnings from the server: %q", warnings)
	}

	// Past its time: dot on 300 entities takes minutes.
	slow := dotOf(t, graph.Build(graphtest.Synthetic(300, 1), graph.Filter{}), render.Options{Layout: "dot", EdgeLabels: "date"})
	start := time.Now()
	_, err = sharedGraphviz(t).Uncached().WithPool(pool).WithTimeout(300*time.Millisecond).Render(ctx, slow, "dot", "svg")
	if !errors.Is(err, graphviz.ErrTimeout) || !strings.Contains(err.Error(), "--timeout 300ms") {
		t.Errorf("error %v, want a timeout", err)
	}
	if took := time.Since(start); took > 10*time.Second {
		t.Errorf("stopping took %v", took)
	}
	again, err := gv.RenderFormats(ctx, big, "neato", "svg", "json")
	if err != nil || !bytes.Equal(again[0], here[0]) {
		t.Errorf("layout after a server was stopped: %v", err)
	}
	stop()
	stop = nil
	if inUse, _ := pool.ServerStarted(ctx); inUse {
		t.Error("servers still in use after stop")
	}
}

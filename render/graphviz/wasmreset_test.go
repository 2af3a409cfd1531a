package graphviz_test

import (
	"bytes"
	"context"
	"errors"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/dipgraph/dipgraph/graph"
	"github.com/dipgraph/dipgraph/graph/graphtest"
	"github.com/dipgraph/dipgraph/render"
	"github.com/dipgraph/dipgraph/render/graphviz"
)

// TestLayoutIndependentOfHistory lays out fdp graphs with clusters — the
// layouts that used to depend on what the process had laid out before — in
// several orders, with larger graphs in between, and compares each with the
// same layout made first thing in a fresh worker process.
func TestLayoutIndependentOfHistory(t *testing.T) {
	ctx := context.Background()
	gv := sharedGraphviz(t).Uncached()
	if !graphviz.MemoryCaptured() {
		t.Fatal("Graphviz's starting memory was not captured: every fdp layout after the first would need a worker process")
	}
	ds := loadDefault(t)
	full := graph.Build(ds, graph.Filter{})
	focus := graph.Build(ds, graph.Filter{Focus: "kim-jong-un", Depth: 1})
	syn := graph.Build(graphtest.Synthetic(100, 1), graph.Filter{})
	dots := map[string][]byte{
		"full":   dotOf(t, full, render.Options{Layout: "fdp", Seed: 3, EdgeLabels: "caption"}),
		"focus":  dotOf(t, focus, render.Options{Layout: "fdp", Seed: 3, EdgeLabels: "count"}),
		"seed7":  dotOf(t, full, render.Options{Layout: "fdp", Seed: 7, EdgeLabels: "none"}),
		"neato":  dotOf(t, syn, render.Options{Layout: "neato", Seed: 1, EdgeLabels: "none"}),
		"syndot": dotOf(t, syn, render.Options{Layout: "dot", EdgeLabels: "caption"}),
	}
	engine := map[string]string{"full": "fdp", "focus": "fdp", "seed7": "fdp", "neato": "neato", "syndot": "dot"}
	fresh := map[string][]byte{}
	for _, name := range []string{"full", "focus", "seed7"} {
		outs, err := graphviz.RenderInWorker(ctx, gv, dots[name], "fdp", "svg")
		if err != nil {
			t.Fatal(name, err)
		}
		fresh[name] = outs[0]
	}
	for _, order := range [][]string{
		{"full", "focus", "seed7"},
		{"neato", "focus", "full", "syndot", "seed7", "full"},
		{"seed7", "syndot", "focus", "neato", "full", "focus"},
	} {
		for i, name := range order {
			out, err := gv.Render(ctx, dots[name], engine[name], "svg")
			if err != nil {
				t.Fatal(name, err)
			}
			if want, ok := fresh[name]; ok && !bytes.Equal(out, want) {
				t.Errorf("order %v: layout %d (%s) differs from the same layout in a fresh process", order, i+1, name)
			}
			size, start := graphviz.MemorySize()
			if size < start {
				t.Fatalf("memory shrank below its start: %d < %d", size, start)
			}
		}
	}
	// Each layout starts from the starting memory: the memory does not
	// keep growing from one layout to the next.
	var sizes []uint32
	for range 4 {
		if _, err := gv.Render(ctx, dots["neato"], "neato", "svg"); err != nil {
			t.Fatal(err)
		}
		size, _ := graphviz.MemorySize()
		sizes = append(sizes, size)
	}
	if sizes[3] != sizes[0] {
		t.Errorf("memory after each of four equal layouts: %v, want the same size each time", sizes)
	}
}

// TestTimeoutStopsLayout gives a layout far too little time: a 1,000-entity
// graph with dot. It must stop with a message pointing to sfdp and leave
// Graphviz usable for the next figure.
func TestTimeoutStopsLayout(t *testing.T) {
	if testing.Short() {
		t.Skip("starts a worker process")
	}
	ctx := context.Background()
	gv := sharedGraphviz(t).Uncached().WithTimeout(300 * time.Millisecond)
	g := graph.Build(graphtest.Synthetic(1000, 1), graph.Filter{})
	start := time.Now()
	_, err := gv.Render(ctx, dotOf(t, g, render.Options{Layout: "dot", EdgeLabels: "caption"}), "dot", "svg")
	took := time.Since(start)
	if !errors.Is(err, graphviz.ErrTimeout) {
		t.Fatalf("error %v, want a timeout", err)
	}
	for _, want := range []string{"graphviz dot layout of", "--timeout 300ms", "--layout sfdp"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("message %q lacks %q", err, want)
		}
	}
	if took > 5*time.Second {
		t.Errorf("stopping took %v", took)
	}
	// The process's Graphviz was not involved: the next layout works, in
	// this process.
	ds := loadDefault(t)
	out, err := gv.Render(ctx, dotOf(t, graph.Build(ds, graph.Filter{}), render.Options{Layout: "fdp", Seed: 3, EdgeLabels: "caption"}), "fdp", "svg")
	if err != nil || !bytes.Contains(out, []byte("<svg")) {
		t.Errorf("layout after a stopped one: %v", err)
	}
}

// TestAbandonOnTimeout: for a process that ends with its figure (render),
// a layout that may be stopped runs in this process, and when its time is
// up the call returns at once while Graphviz finishes on its own. Layouts
// asked for meanwhile run in workers; once it has finished, this process's
// Graphviz serves again.
func TestAbandonOnTimeout(t *testing.T) {
	if testing.Short() {
		t.Skip("a layout of seconds, and a worker process")
	}
	ctx := context.Background()
	gv := sharedGraphviz(t).Uncached().WithTimeout(200 * time.Millisecond).AbandonOnTimeout()
	g := graph.Build(graphtest.Synthetic(100, 1), graph.Filter{})
	start := time.Now()
	_, err := gv.Render(ctx, dotOf(t, g, render.Options{Layout: "dot", EdgeLabels: "caption"}), "dot", "svg")
	if took := time.Since(start); took > 2*time.Second {
		t.Errorf("the stopped layout returned after %v", took)
	}
	if !errors.Is(err, graphviz.ErrTimeout) || !strings.Contains(err.Error(), "--timeout 200ms") {
		t.Fatalf("error %v, want a timeout naming --timeout 200ms", err)
	}
	if !graphviz.Abandoned() {
		t.Fatal("the stopped layout is not marked as still running")
	}
	small := dotOf(t, graph.Build(loadDefault(t), graph.Filter{}), render.Options{Layout: "fdp", Seed: 3, EdgeLabels: "caption"})
	plain := sharedGraphviz(t).Uncached()
	if out, err := plain.Render(ctx, small, "fdp", "svg"); err != nil || !bytes.Contains(out, []byte("<svg")) {
		t.Errorf("layout while the stopped one runs: %v", err)
	}
	for deadline := time.Now().Add(time.Minute); graphviz.Abandoned(); time.Sleep(50 * time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatal("the stopped layout did not finish within a minute")
		}
	}
	before := graphviz.LayoutCount() // waits for the stopped layout to release Graphviz
	if out, err := plain.Render(ctx, small, "fdp", "svg"); err != nil || !bytes.Contains(out, []byte("<svg")) {
		t.Errorf("layout after the stopped one ended: %v", err)
	}
	after := graphviz.LayoutCount()
	if after != before+1 {
		t.Errorf("the layout after the stopped one ended did not run in this process (%d layouts before, %d after)", before, after)
	}
}

// TestSizeLimits refuses a graph over graphviz.MaxNodes with a message saying how to
// narrow it, before any layout starts.
func TestSizeLimits(t *testing.T) {
	var b strings.Builder
	b.WriteString("graph {\n")
	for i := range graphviz.MaxNodes + 1 {
		b.WriteString("n" + strconv.Itoa(i) + "\n")
	}
	b.WriteString("}\n")
	_, err := sharedGraphviz(t).Render(context.Background(), []byte(b.String()), "sfdp", "svg")
	if err == nil || !strings.Contains(err.Error(), "more than dipgraph lays out") || !strings.Contains(err.Error(), "--focus") {
		t.Errorf("over the limit: %v", err)
	}
}

// TestMemoryReserved: the WebAssembly memory lives in an array reserved up
// front, so a layout that grows it does not copy it to a new one.
func TestMemoryReserved(t *testing.T) {
	gv := sharedGraphviz(t).Uncached()
	base := func() *byte {
		b := graphviz.MemoryBase()
		if b == nil {
			t.Fatal("cannot read the memory")
		}
		return b
	}
	if c, want := graphviz.MemoryReserved(); c < want {
		t.Fatalf("memory array of %d bytes, want %d reserved", c, want)
	}
	before := base()
	g := graph.Build(graphtest.Synthetic(300, 1), graph.Filter{})
	if _, err := gv.Render(context.Background(), dotOf(t, g, render.Options{Layout: "sfdp", EdgeLabels: "none"}), "sfdp", "svg"); err != nil {
		t.Fatal(err)
	}
	if size, start := graphviz.MemorySize(); size <= start {
		t.Fatalf("the layout did not grow the memory (%d bytes)", size)
	}
	if base() != before {
		t.Error("the memory moved to another array while growing")
	}
}

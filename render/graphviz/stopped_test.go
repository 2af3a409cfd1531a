package graphviz

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"
)

// TestStoppedSmall: a timeout's error judges whether the graph is small
// (so long text, not its size, is the cause) from its size when known,
// else from the DOT text; a cancellation stays a cancellation.
func TestStoppedSmall(t *testing.T) {
	long := []byte("graph { a [label=\"" + strings.Repeat("x", 5<<20) + "\"]; a -- b; b -- c; c -- d }")
	var big strings.Builder
	big.WriteString("graph {\n")
	for i := range 300 {
		big.WriteString("n" + string(rune('a'+i%26)) + " -- m" + string(rune('a'+i%26)) + "\n")
	}
	big.WriteString("}")
	g := &Graphviz{timeout: time.Second}
	for _, tt := range []struct {
		name         string
		dot          []byte
		nodes, edges int
		small        bool
	}{
		{"4 entities with a 5 MB name, size unknown", long, 0, 0, true},
		{"4 entities, size known", nil, 4, 3, true},
		{"60 nodes, 200 edges", nil, 60, 200, true},
		{"61 nodes", nil, 61, 10, false},
		{"300 edges, size unknown", []byte(big.String()), 0, 0, false},
		{"293 nodes, size known", nil, 293, 897, false},
	} {
		err := g.stopped(context.DeadlineExceeded, tt.dot, "fdp", tt.nodes, tt.edges)
		te, ok := errors.AsType[*TimeoutError](err)
		if !ok {
			t.Fatalf("%s: %v is not a TimeoutError", tt.name, err)
		}
		if te.Small != tt.small || te.Within != "--timeout 1s" {
			t.Errorf("%s: Small %v, Within %q; want %v", tt.name, te.Small, te.Within, tt.small)
		}
	}
	if err := g.stopped(context.Canceled, nil, "fdp", 0, 0); err != context.Canceled {
		t.Errorf("a cancellation became %v", err)
	}
}

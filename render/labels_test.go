package render

import (
	"bytes"
	"context"
	"strings"
	"testing"

	"github.com/dipgraph/dipgraph/graph"
	"github.com/dipgraph/dipgraph/graph/graphtest"
)

// BenchmarkPlaceLabels measures edge-text placement alone, on the laid-out
// DOT of a synthetic graph (the layout is made once, outside the timing).
func BenchmarkPlaceLabels(b *testing.B) {
	for _, n := range []int{100, 300} {
		b.Run(itoa(n), func(b *testing.B) {
			if testing.Short() && n > 100 {
				b.Skip("the 300-entity layout takes seconds")
			}
			g := graph.Build(graphtest.Synthetic(n, 1), graph.Filter{})
			o := Options{Layout: "sfdp", EdgeLabels: "date", Seed: DefaultSeed}
			var dot bytes.Buffer
			if err := graphvizDOT(&dot, g, o); err != nil {
				b.Fatal(err)
			}
			laid, err := sharedGraphviz(b).Render(context.Background(), dot.Bytes(), "sfdp", "dot")
			if err != nil {
				b.Fatal(err)
			}
			b.ReportAllocs()
			b.ResetTimer()
			for b.Loop() {
				if len(placeLabels(laid).moves) == 0 {
					b.Fatal("no labels placed")
				}
			}
		})
	}
}

// TestSetDOTAttrs: the label position is set on the edge it names, and
// bare values Graphviz writes but cannot read back ("-.") are quoted.
func TestSetDOTAttrs(t *testing.T) {
	in := "digraph g {\n\tn0\t[id=\"node-a\", label=-., width=0.75];\n\tn0 -> n1\t[id=\"edge-1\", label=\"a [b] \\\"c\\\"\", xlp=\"1,2\"];\n\tn1\t[label=<<B>x</B>>, height=.5, shape=box];\n}\n"
	got := string(setDOTAttrs([]byte(in), map[string][2]string{"edge-1": {"xlp", "30.00,40.00"}}))
	for _, want := range []string{`label="-."`, `width=0.75`, `xlp="30.00,40.00"`, `label="a [b] \"c\""`, `label=<<B>x</B>>`, `height=.5`} {
		if !strings.Contains(got, want) {
			t.Errorf("rewritten DOT lacks %s:\n%s", want, got)
		}
	}
	if strings.Contains(got, `xlp="1,2"`) {
		t.Errorf("old label position kept:\n%s", got)
	}
	for raw, bad := range map[string]bool{"-.": true, "0.5": false, "-.5": false, "12": false, "box": false, "a-b": true, `"x"`: false, "<b>": false, "1.2.3": true, "김": false} {
		if badBare(raw) != bad {
			t.Errorf("badBare(%q) = %v, want %v", raw, !bad, bad)
		}
	}
}

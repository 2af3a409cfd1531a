package graphviz_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/dipgraph/dipgraph/render/graphviz"
)

// TestTimeoutHint: a timeout's advice fits the layout that was stopped —
// sfdp is advised only for a large graph laid out with another engine.
func TestTimeoutHint(t *testing.T) {
	for _, tc := range []struct {
		name    string
		err     graphviz.TimeoutError
		want    []string
		notWant []string
	}{
		{"large dot", graphviz.TimeoutError{Engine: "dot", Nodes: 293, Edges: 897, Within: "--timeout 1s"},
			[]string{"graphviz dot layout of 293 nodes and 897 edges did not finish within --timeout 1s", "--layout sfdp"}, nil},
		{"size unknown", graphviz.TimeoutError{Engine: "fdp", Within: "its time"},
			[]string{"layout of the graph", "--layout sfdp"}, nil},
		{"large sfdp", graphviz.TimeoutError{Engine: "sfdp", Nodes: 5000, Edges: 20000, Within: "--timeout 1s"},
			[]string{"sfdp is already the fastest layout", "--types, --focus, --min-weight", "longer --timeout"}, []string{"--layout sfdp"}},
		{"sfdp size unknown", graphviz.TimeoutError{Engine: "sfdp", Within: "--timeout 1s"},
			[]string{"sfdp is already the fastest layout"}, []string{"--layout sfdp"}},
		{"small graph, long text", graphviz.TimeoutError{Engine: "fdp", Nodes: 4, Edges: 3, Small: true, Within: "--timeout 1s"},
			[]string{"the graph is small", "very long text"}, []string{"sfdp", "--focus"}},
		{"small, size unknown", graphviz.TimeoutError{Engine: "dot", Small: true, Within: "--timeout 1s"},
			[]string{"layout of the graph", "the graph is small", "very long text"}, []string{"sfdp"}},
		{"small sfdp", graphviz.TimeoutError{Engine: "sfdp", Nodes: 4, Edges: 3, Small: true, Within: "--timeout 1s"},
			[]string{"the graph is small"}, []string{"--layout sfdp", "fastest"}},
		{"legend", graphviz.TimeoutError{Engine: "neato", Nodes: 9, Small: true, Within: "--timeout 1s", Part: "legend"},
			[]string{"graphviz neato layout of the legend (9 nodes)", "--no-legend"}, []string{"sfdp", "--focus"}},
		{"legend of a large graph", graphviz.TimeoutError{Engine: "neato", Nodes: 300, Edges: 0, Within: "--timeout 1s", Part: "legend"},
			[]string{"the legend", "--no-legend"}, []string{"sfdp"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			err := error(&tc.err)
			if !errors.Is(err, graphviz.ErrTimeout) {
				t.Error("not ErrTimeout")
			}
			msg := err.Error()
			for _, w := range tc.want {
				if !strings.Contains(msg, w) {
					t.Errorf("%q\nlacks %q", msg, w)
				}
			}
			for _, w := range tc.notWant {
				if strings.Contains(msg, w) {
					t.Errorf("%q\nhas %q", msg, w)
				}
			}
		})
	}
}

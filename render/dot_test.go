package render

import (
	"bytes"
	"fmt"
	"strings"
	"testing"

	"github.com/dipgraph/dipgraph/graph"
)

// TestEdgeTooltipListsEveryRecord: an edge's tooltip has a line per record
// with its date, label, note and source, so the labels a "+N more" caption
// leaves out still reach the figure.
func TestEdgeTooltipListsEveryRecord(t *testing.T) {
	ds := &graph.Dataset{ID: "t",
		Entities: []graph.Entity{{ID: "a", Kind: graph.KindCountry, Name: "A"}, {ID: "b", Kind: graph.KindCountry, Name: "B"}},
		Sources:  []graph.Source{{ID: "s1", Title: "First source"}, {ID: "s2", Title: "Second source"}},
	}
	for i := range 5 {
		r := graph.Record{Type: "summit", Parties: []string{"a", "b"}, Start: graph.MustDate(fmt.Sprintf("202%d-03-0%d", i, i+1)),
			Weight: 1, Label: fmt.Sprintf("label %d", i), Note: fmt.Sprintf("note %d", i), Source: "s1"}
		switch i {
		case 1:
			r.Note = "" // a label without a note
		case 2:
			r.Note = r.Label // a note that only repeats the label
		case 3:
			r.Source, r.Cite = "s2", "p. 4"
		}
		ds.Records = append(ds.Records, r)
	}
	g := graph.Build(ds, graph.Filter{})
	if len(g.Edges) != 1 {
		t.Fatalf("%d edges, want 1", len(g.Edges))
	}
	e := g.Edges[0]
	if c := edgeLabel(e, "caption", nil, nil); !strings.Contains(c, "+3 more") {
		t.Fatalf("caption %q does not hide records; the test needs one that does", c)
	}
	ty, _ := ds.Type("summit")
	lines := strings.Split(edgeTooltip(ds, ty, e, nil), "\n")
	want := []string{
		"Summit / meeting: A – B (weight 5, 5 records)",
		"• 2020-03-01 — label 0 — note 0 — First source",
		"• 2021-03-02 — label 1 — First source",
		"• 2022-03-03 — label 2 — First source",
		"• 2023-03-04 — label 3 — note 3 — Second source, p. 4",
		"• 2024-03-05 — label 4 — note 4 — First source",
	}
	if strings.Join(lines, "\n") != strings.Join(want, "\n") {
		t.Errorf("tooltip:\n%s\nwant:\n%s", strings.Join(lines, "\n"), strings.Join(want, "\n"))
	}
}

// TestEveryLabelReachesTheFigure: in the default figure, with every
// --edge-labels mode, each record's label is in its edge's caption or in
// the edge's tooltip in the DOT Graphviz draws, and so are its note and its
// source's title.
func TestEveryLabelReachesTheFigure(t *testing.T) {
	ds := loadDefault(t)
	g := graph.Build(ds, graph.Filter{})
	hidden := 0 // labels not in their edge's caption
	for _, mode := range []string{"caption", "date", "none"} {
		var b bytes.Buffer
		if err := DOT(&b, g, Options{Layout: "fdp", EdgeLabels: mode, Seed: DefaultSeed}); err != nil {
			t.Fatal(err)
		}
		dot := b.String()
		for i, e := range g.Edges {
			line := ""
			for l := range strings.SplitSeq(dot, "\n") {
				if strings.Contains(l, fmt.Sprintf(`[id="edge-%d",`, i+1)) {
					line = l
				}
			}
			if line == "" {
				t.Fatalf("edge-%d is not in the DOT", i+1)
			}
			caption := edgeLabel(e, mode, nil, nil)
			quoted := func(s string) string { return strings.Trim(dotTooltip(s), `"`) }
			for _, r := range e.Records {
				if r.Label != "" && !strings.Contains(caption, r.Label) {
					hidden++
				}
				src, _ := ds.Source(r.Source)
				for _, s := range []string{r.Label, r.Note, src.Title, r.Start.String()} {
					if s != "" && !strings.Contains(line, quoted(s)) {
						t.Errorf("%s: edge-%d (%s → %s): %q is in neither its caption nor its tooltip", mode, i+1, e.From, e.To, s)
					}
				}
			}
		}
	}
	if hidden == 0 {
		t.Error("no caption hides a label; the test no longer tests the tooltip")
	}
}

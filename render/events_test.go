package render

import (
	"testing"

	"github.com/dipgraph/dipgraph/graph"
)

// TestMultiDaySummits, on the held-aside Korea 2018–19 data (issue #16):
// the Pyongyang summit (18–20 Sep 2018) and Hanoi (27–28 Feb 2019) are
// summits over several days, so they are events — in every snapshot within
// the look-back after their end, and in a diff across them — not periods
// in force on their own days only.
func TestMultiDaySummits(t *testing.T) {
	ds := loadDataFile(t, "testdata/legibility/korea-2018-2019.yaml")
	// summits are the ids of the summit records a graph draws, each once
	// (a three-party summit is on three edges).
	summits := func(g *graph.Graph) (ids []string) {
		seen := map[string]bool{}
		for _, e := range g.Edges {
			if e.Type == "summit" {
				for _, r := range e.Records {
					if !seen[r.ID] {
						seen[r.ID] = true
						ids = append(ids, r.ID)
					}
				}
			}
		}
		return ids
	}
	has := func(ids []string, id string) bool {
		for _, x := range ids {
			if x == id {
				return true
			}
		}
		return false
	}
	all := 0
	for _, r := range ds.Records {
		if r.Type == "summit" {
			all++
		}
	}
	// As of mid-2019, every summit of the two years before counts.
	mid := summits(graph.Build(ds, graph.Filter{AsOf: graph.MustDate("2019-07-01"), Window: graph.DefaultWindow}))
	if len(mid) != all || !has(mid, "pyongyang-2018") || !has(mid, "hanoi-2019") {
		t.Errorf("as of 2019-07-01: %d of %d summits (%v), want all, Pyongyang and Hanoi among them", len(mid), all, mid)
	}
	// The timeline's panels: each summit from its first day on, until the
	// window after its last day has passed.
	for _, tt := range []struct {
		asOf string
		want bool
	}{{"2018-09-17", false}, {"2018-09-19", true}, {"2018-12-31", true}, {"2020-09-20", true}, {"2020-09-21", false}} {
		got := has(summits(graph.Build(ds, graph.Filter{AsOf: graph.MustDate(tt.asOf), Window: graph.DefaultWindow})), "pyongyang-2018")
		if got != tt.want {
			t.Errorf("as of %s: Pyongyang summit counted %v, want %v", tt.asOf, got, tt.want)
		}
	}
	// The diff from before the Pyongyang summit to after it shows the
	// Moon–Kim summit tie strengthened by it.
	changes, err := graph.DiffAsOf(ds, graph.Filter{Window: graph.DefaultWindow}, graph.MustDate("2018-09-01"), graph.MustDate("2018-12-31"))
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, c := range changes {
		if c.Edge.Type == "summit" && has([]string{c.Edge.From, c.Edge.To}, "moon-jae-in") && has([]string{c.Edge.From, c.Edge.To}, "kim-jong-un") {
			found = c.After > c.Before
		}
	}
	if !found {
		t.Errorf("diff 2018-09-01..2018-12-31: no stronger Moon–Kim summit tie in %d changes", len(changes))
	}
}

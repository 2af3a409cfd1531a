package graph

import (
	"fmt"
	"strings"
	"testing"
)

// testData is a small world: two countries with a leader each, a third
// country, and records of every shape.
func testData() *Dataset {
	return &Dataset{
		ID: "t",
		Entities: []Entity{
			{ID: "aa", Kind: KindCountry, Name: "A"},
			{ID: "bb", Kind: KindCountry, Name: "B"},
			{ID: "cc", Kind: KindCountry, Name: "C"},
			{ID: "dd", Kind: KindCountry, Name: "D (no relations)"},
			{ID: "la", Kind: KindLeader, Name: "Leader A", Country: "aa"},
			{ID: "lb", Kind: KindLeader, Name: "Leader B", Country: "bb"},
		},
		Types: []Type{{ID: "support", Label: "Support", Sign: Positive, Weight: 2}},
		Records: []Record{
			{ID: "s1", Type: "summit", Parties: []string{"la", "lb"}, Start: MustDate("2019-02"), Weight: 2, Source: "x"},
			{ID: "s2", Type: "summit", Parties: []string{"lb", "la"}, Start: MustDate("2025-09-03"), Weight: 3, Source: "x"},
			{ID: "tri", Type: "summit", Parties: []string{"aa", "bb", "cc"}, Start: MustDate("2025-09-03"), Weight: 1, Source: "y"},
			{ID: "al", Type: "alliance", Parties: []string{"aa", "bb"}, Start: MustDate("1953-10-01"), Ongoing: true, Weight: 5, Source: "x"},
			{ID: "h1", Type: "hostility", Directed: true, Parties: []string{"cc", "aa", "bb"}, Start: MustDate("2022-02"), End: MustDate("2023"), Weight: 4, Source: "x"},
			{ID: "h2", Type: "hostility", Directed: true, Parties: []string{"aa", "cc"}, Start: MustDate("2024"), Weight: 1, Source: "x"},
			{ID: "sup", Type: "support", Directed: true, Parties: []string{"bb", "cc"}, Start: MustDate("2025-09"), Weight: 0.5, Source: "x"},
		},
		Sources: []Source{{ID: "x", Title: "X"}, {ID: "y", Title: "Y"}},
	}
}

// edgeList renders edges compactly: type:from-to or type:from>to, weight.
func edgeList(g *Graph) string {
	var s []string
	for _, e := range g.Edges {
		sep := "-"
		if e.Directed {
			sep = ">"
		}
		s = append(s, fmt.Sprintf("%s:%s%s%s=%g", e.Type, e.From, sep, e.To, e.Weight))
	}
	return strings.Join(s, " ")
}

func nodeList(g *Graph) string {
	var s []string
	for _, n := range g.Nodes {
		s = append(s, n.ID)
	}
	return strings.Join(s, " ")
}

func TestBuild(t *testing.T) {
	tests := []struct {
		name   string
		filter Filter
		edges  string
		nodes  string
	}{
		{
			name:   "everything, aggregated per type and pair, sorted by type order",
			filter: Filter{},
			edges:  "support:bb>cc=0.5 alliance:aa-bb=5 hostility:aa>cc=1 hostility:cc>aa=4 hostility:cc>bb=4 summit:aa-bb=1 summit:aa-cc=1 summit:bb-cc=1 summit:la-lb=5",
			nodes:  "aa bb cc la lb",
		},
		{
			name:   "types",
			filter: Filter{Types: []string{"hostility"}},
			edges:  "hostility:aa>cc=1 hostility:cc>aa=4 hostility:cc>bb=4",
			nodes:  "aa bb cc",
		},
		{
			name:   "period keeps overlapping records, open periods included",
			filter: Filter{From: MustDate("2023-06"), To: MustDate("2024")},
			edges:  "alliance:aa-bb=5 hostility:aa>cc=1 hostility:cc>aa=4 hostility:cc>bb=4",
			nodes:  "aa bb cc",
		},
		{
			name:   "period boundaries are inclusive at the dates' precision",
			filter: Filter{From: MustDate("2019-02-28"), To: MustDate("2019-02-28")},
			edges:  "alliance:aa-bb=5 summit:la-lb=2",
			nodes:  "aa bb la lb",
		},
		{
			name:   "as-of keeps periods in force and events in the window",
			filter: Filter{AsOf: MustDate("2025-12-31"), Window: Window{Years: 2}},
			edges:  "support:bb>cc=0.5 alliance:aa-bb=5 hostility:aa>cc=1 summit:aa-bb=1 summit:aa-cc=1 summit:bb-cc=1 summit:la-lb=3",
			nodes:  "aa bb cc la lb",
		},
		{
			name:   "as-of with a zero window keeps only that day's events",
			filter: Filter{AsOf: MustDate("2019-02-15"), Window: Window{}},
			edges:  "alliance:aa-bb=5 summit:la-lb=2",
			nodes:  "aa bb la lb",
		},
		{
			name:   "min weight drops light aggregated edges",
			filter: Filter{MinWeight: 4},
			edges:  "alliance:aa-bb=5 hostility:cc>aa=4 hostility:cc>bb=4 summit:la-lb=5",
			nodes:  "aa bb cc la lb",
		},
		{
			name:   "focus depth 1 reaches direct relations and membership",
			filter: Filter{Focus: "la", Depth: 1},
			edges:  "summit:la-lb=5",
			nodes:  "aa bb la lb",
		},
		{
			name:   "focus depth 0 keeps the focus alone (with its country)",
			filter: Filter{Focus: "cc", Depth: 0},
			edges:  "",
			nodes:  "cc",
		},
		{
			name:   "focus depth 2 from a leader reaches its country's relations",
			filter: Filter{Focus: "la", Depth: 2, Types: []string{"alliance", "summit"}},
			edges:  "alliance:aa-bb=5 summit:aa-bb=1 summit:aa-cc=1 summit:bb-cc=1 summit:la-lb=5",
			nodes:  "aa bb cc la lb",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			g := Build(testData(), tt.filter)
			if got := edgeList(g); got != tt.edges {
				t.Errorf("edges:\n got %s\nwant %s", got, tt.edges)
			}
			if got := nodeList(g); got != tt.nodes {
				t.Errorf("nodes: got %q, want %q", got, tt.nodes)
			}
		})
	}
}

func TestBuildRecordsAndSources(t *testing.T) {
	g := Build(testData(), Filter{Types: []string{"summit"}})
	for _, e := range g.Edges {
		if e.From == "la" {
			if len(e.Records) != 2 || e.Records[0].ID != "s1" || e.Records[1].ID != "s2" {
				t.Errorf("la-lb records not sorted by date: %v", e.Records)
			}
			if e.First().String() != "2019-02" || e.Last().String() != "2025-09-03" {
				t.Errorf("span %s..%s", e.First(), e.Last())
			}
		}
	}
	if len(g.Sources) != 2 || g.Sources[0].ID != "x" || g.Sources[1].ID != "y" {
		t.Errorf("sources: %v", g.Sources)
	}
	var types []string
	for _, ty := range g.Types {
		types = append(types, ty.ID)
	}
	if strings.Join(types, ",") != "summit" {
		t.Errorf("types drawn: %v", types)
	}
}

func TestFilterCheck(t *testing.T) {
	d := testData()
	tests := []struct {
		f    Filter
		want string
	}{
		{Filter{From: MustDate("2025"), To: MustDate("2019")}, "--from 2025 is after --to 2019: swap them"},
		{Filter{Focus: "lx"}, `--focus "lx": no such entity (did you mean "la"?)`},
		{Filter{Types: []string{"sumit"}}, `--types: unknown relation type "sumit" (did you mean "summit"?)`},
		{Filter{Depth: -1}, "--depth -1 is negative: give 0 or more"},
		{Filter{From: MustDate("2019"), To: MustDate("2019-05")}, ""},
	}
	for _, tt := range tests {
		err := tt.f.Check(d)
		got := ""
		if err != nil {
			got = err.Error()
		}
		if got != tt.want {
			t.Errorf("Check(%+v) = %q, want %q", tt.f, got, tt.want)
		}
	}
}

func TestSuggest(t *testing.T) {
	c := []string{"kim-jong-un", "kim-yo-jong", "xi-jinping"}
	for in, want := range map[string]string{
		"kim-jong-on": ` (did you mean "kim-jong-un"?)`,
		"xi-jingping": ` (did you mean "xi-jinping"?)`,
		"trump":       "",
		"xi":          "",
		"kim":         ` (did you mean "kim-jong-un"?)`,
		"frobnicate":  "",
	} {
		if got := Suggest(in, c); got != want {
			t.Errorf("Suggest(%q) = %q, want %q", in, got, want)
		}
	}
}

package graph

import (
	"slices"
	"testing"
)

// bundleData: two countries with a leader each, and ties of every sign
// mix between pairs.
func bundleData(recs ...Record) *Dataset {
	return &Dataset{ID: "b", Title: "Bundles",
		Entities: []Entity{
			{ID: "aa", Name: "Country A", Kind: KindCountry}, {ID: "bb", Name: "Country B", Kind: KindCountry},
			{ID: "cc", Name: "Country C", Kind: KindCountry},
			{ID: "la", Name: "Leader A", Kind: KindLeader, Country: "aa"}, {ID: "lb", Name: "Leader B", Kind: KindLeader, Country: "bb"},
			{ID: "sa", Name: "Sister A", Kind: KindPerson, Country: "aa"},
		},
		Types: []Type{
			{ID: "aid", Label: "Aid", Sign: Positive, Weight: 1},
			{ID: "threat", Label: "Threat", Sign: Negative, Weight: 2},
			{ID: "family", Label: "Family", Sign: Neutral, Weight: 1},
		},
		Records: recs}
}

func rec(id, typ string, directed bool, w float64, parties ...string) Record {
	return Record{ID: id, Type: typ, Parties: parties, Directed: directed, Weight: w, Start: Date{Year: 2020}, Label: id}
}

// TestBundleBySign: every tie between one pair becomes one undirected
// line, its kind by the signs of its records' types, its weight their sum.
func TestBundleBySign(t *testing.T) {
	tests := []struct {
		name   string
		recs   []Record
		kind   string
		weight float64
	}{
		{"positive only", []Record{rec("r1", "aid", true, 1, "aa", "bb"), rec("r2", "aid", true, 2, "bb", "aa")}, TieCooperation, 3},
		{"positive and neutral", []Record{rec("r1", "aid", true, 1, "aa", "bb"), rec("r2", "summit", false, 2, "aa", "bb")}, TieCooperation, 3},
		{"negative and neutral", []Record{rec("r1", "threat", true, 2, "aa", "bb"), rec("r2", "summit", false, 2, "bb", "aa")}, TieConflict, 4},
		{"both signs", []Record{rec("r1", "threat", true, 2, "aa", "bb"), rec("r2", "aid", false, 1, "aa", "bb")}, TieMixed, 3},
		{"neutral only", []Record{rec("r1", "summit", false, 2, "aa", "bb"), rec("r2", "summit", false, 2, "aa", "bb")}, TieContact, 4},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			g := Build(bundleData(tt.recs...), Filter{})
			b := BundleBySign(g)
			if len(b.Edges) != 1 {
				t.Fatalf("%d edges, want 1: %+v", len(b.Edges), b.Edges)
			}
			e := b.Edges[0]
			if e.Type != tt.kind || e.Directed || e.From != "aa" || e.To != "bb" || e.Weight != tt.weight {
				t.Errorf("edge %s %s–%s directed %v weight %g, want %s aa–bb undirected weight %g", e.Type, e.From, e.To, e.Directed, e.Weight, tt.kind, tt.weight)
			}
			if len(e.Records) != len(tt.recs) {
				t.Errorf("%d records, want %d", len(e.Records), len(tt.recs))
			}
			if len(b.Types) != 1 || b.Types[0].ID != tt.kind {
				t.Errorf("types %+v, want only %s", b.Types, tt.kind)
			}
			if ty, ok := g.Dataset.Type(tt.kind); !ok || ty.ID != tt.kind || !IsTie(tt.kind) {
				t.Errorf("Dataset.Type(%q) = %+v, %v", tt.kind, ty, ok)
			}
		})
	}
}

// TestFoldKeepsPeopleAndInnerTies: the country-level graph says which
// people each country stands for, and keeps the ties among them, which
// have no line of their own.
func TestFoldKeepsPeopleAndInnerTies(t *testing.T) {
	g := Build(bundleData(
		rec("r1", "aid", true, 1, "la", "lb"),
		rec("r2", "family", false, 1, "la", "sa"),
		rec("r3", "threat", true, 2, "aa", "cc"),
	), Filter{})
	f, internal := Fold(g)
	if internal != 1 {
		t.Errorf("internal %d, want 1", internal)
	}
	var ids []string
	for _, n := range f.Nodes {
		ids = append(ids, n.ID)
	}
	if !slices.Equal(ids, []string{"aa", "bb", "cc"}) {
		t.Errorf("nodes %v, want the three countries", ids)
	}
	names := func(es []*Entity) (out []string) {
		for _, e := range es {
			out = append(out, e.ID)
		}
		return out
	}
	if got := names(f.Members["aa"]); !slices.Equal(got, []string{"la", "sa"}) {
		t.Errorf("members of aa %v, want la, sa", got)
	}
	if got := names(f.Members["bb"]); !slices.Equal(got, []string{"lb"}) {
		t.Errorf("members of bb %v, want lb", got)
	}
	if len(f.Members["cc"]) != 0 {
		t.Errorf("cc has members %v", names(f.Members["cc"]))
	}
	if in := f.Inner["aa"]; len(in) != 1 || in[0].Type != "family" || in[0].Records[0].ID != "r2" {
		t.Errorf("inner ties of aa %+v, want the family record r2", in)
	}
	b := BundleBySign(f)
	if len(b.Edges) != 2 || b.Members == nil || b.Inner == nil {
		t.Errorf("bundled country graph: %d edges, members %v, inner %v", len(b.Edges), b.Members != nil, b.Inner != nil)
	}
}

package graph

import (
	"strings"
	"testing"
)

// TestSubset: the records a filtered graph draws, in the dataset's order,
// with their parties, the countries of the leaders among them, and only
// the types and sources they use. (data/export's TestSubsetValidates
// checks that the subsets of the embedded dataset load.)
func TestSubset(t *testing.T) {
	ds := testData()
	ids := func(n int, id func(int) string) string {
		var s []string
		for i := range n {
			s = append(s, id(i))
		}
		return strings.Join(s, " ")
	}
	for _, c := range []struct {
		f                                Filter
		records, entities, types, source string
	}{
		{Filter{Types: []string{"summit"}, From: MustDate("2025")}, "s2 tri", "aa bb cc la lb", "", "x y"},
		{Filter{Types: []string{"support"}}, "sup", "bb cc", "support", "x"},
		{Filter{Types: []string{"hostility"}, Focus: "cc", Depth: 1}, "h1 h2", "aa bb cc", "", "x"},
	} {
		sub := Subset(ds, Build(ds, c.f))
		got := [4]string{
			ids(len(sub.Records), func(i int) string { return sub.Records[i].ID }),
			ids(len(sub.Entities), func(i int) string { return sub.Entities[i].ID }),
			ids(len(sub.Types), func(i int) string { return sub.Types[i].ID }),
			ids(len(sub.Sources), func(i int) string { return sub.Sources[i].ID }),
		}
		if want := [4]string{c.records, c.entities, c.types, c.source}; got != want {
			t.Errorf("Subset for %+v: records, entities, types, sources = %q, want %q", c.f, got, want)
		}
		if sub.ID != ds.ID {
			t.Errorf("Subset's id is %q, want %q", sub.ID, ds.ID)
		}
	}
}

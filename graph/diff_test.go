package graph

import (
	"fmt"
	"strings"
	"testing"
)

func TestDiffAsOf(t *testing.T) {
	d := &Dataset{
		ID: "t",
		Entities: []Entity{
			{ID: "a", Kind: KindCountry, Name: "A"}, {ID: "b", Kind: KindCountry, Name: "B"}, {ID: "c", Kind: KindCountry, Name: "C"},
		},
		Records: []Record{
			{ID: "pact", Type: "alliance", Parties: []string{"a", "b"}, Start: MustDate("2015"), End: MustDate("2020-06"), Weight: 3, Source: "x"},
			{ID: "feud", Type: "hostility", Directed: true, Parties: []string{"c", "a"}, Start: MustDate("2021"), Ongoing: true, Weight: 2, Source: "x"},
			{ID: "s1", Type: "summit", Parties: []string{"b", "c"}, Start: MustDate("2018-05"), Weight: 1, Source: "x"},
			{ID: "s2", Type: "summit", Parties: []string{"b", "c"}, Start: MustDate("2024-05"), Weight: 1, Source: "x"},
			{ID: "s3", Type: "summit", Parties: []string{"b", "c"}, Start: MustDate("2025-01"), Weight: 1, Source: "x"},
			{ID: "s4", Type: "summit", Parties: []string{"a", "c"}, Start: MustDate("2019-03"), Weight: 2, Source: "x"},
			{ID: "s5", Type: "summit", Parties: []string{"a", "c"}, Start: MustDate("2025-03"), Weight: 1, Source: "x"},
			{ID: "same", Type: "alliance", Parties: []string{"b", "c"}, Start: MustDate("2010"), Ongoing: true, Weight: 1, Source: "x"},
		},
	}
	changes, err := DiffAsOf(d, Filter{Window: Window{Years: 2}}, MustDate("2019-12-31"), MustDate("2025-06-30"))
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, c := range changes {
		got = append(got, fmt.Sprintf("%s %s:%s-%s %g>%g", c.Kind, c.Edge.Type, c.Edge.From, c.Edge.To, c.Before, c.After))
	}
	want := "ended alliance:a-b 3>0, appeared hostility:c-a 0>2, weakened summit:a-c 2>1, strengthened summit:b-c 1>2"
	if strings.Join(got, ", ") != want {
		t.Errorf("changes:\n got %s\nwant %s", strings.Join(got, ", "), want)
	}
	if _, err := DiffAsOf(d, Filter{}, MustDate("2025"), MustDate("2019")); err == nil || !strings.Contains(err.Error(), "backwards") {
		t.Errorf("reversed dates: %v", err)
	}
	if c, _ := DiffAsOf(d, Filter{Window: Window{Years: 2}}, MustDate("2025-06-30"), MustDate("2025-06-30")); len(c) != 0 {
		t.Errorf("a date against itself: %v", c)
	}
}

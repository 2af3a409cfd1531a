package graphtest

import (
	"reflect"

	"github.com/dipgraph/dipgraph/graph"
)

// Awkward is a dataset whose text needs quoting and escaping everywhere:
// commas, quotes, semicolons and bars inside list items, backslashes,
// line breaks, other scripts. The export and import tests write it in
// every format and read it back.
func Awkward() *graph.Dataset {
	text := "Says \"no\"; a|b, c\\d\nnext line: 김정은 & <x>"
	return &graph.Dataset{
		ID: "awkward", Title: text, Description: text,
		Sources: []graph.Source{{ID: "s", Title: text, Publisher: "P, Inc.", Date: graph.MustDate("2020-02"), URL: "https://example.org/?a=1&b=2", Note: text}},
		Types: []graph.Type{{ID: "coop", Label: text, Sign: graph.Positive, Weight: 2.5, Style: graph.Style{Color: "#123456", Line: "dashed", Arrow: "vee"}},
			{ID: "summit", Label: "Meeting", Sign: graph.Neutral, Weight: 2}},
		Entities: []graph.Entity{
			{ID: "a", Kind: graph.KindCountry, Name: text, Native: "조선", Aliases: []string{"x; y", `back\slash`, "p|q"}, Note: text},
			{ID: "b", Kind: graph.KindCountry, Name: "B"},
			{ID: "c", Kind: graph.KindLeader, Name: "C", Country: "a", Roles: []graph.Role{{Title: "Head | of; state", Start: graph.MustDate("2001"), End: graph.MustDate("2003-04-05")}, {Title: "Chair", Start: graph.MustDate("2004")}}},
			{ID: "d", Kind: graph.KindOrganization, Name: "D"},
		},
		Records: []graph.Record{
			{ID: "r1", Type: "coop", Parties: []string{"a", "b"}, Start: graph.MustDate("2020"), Weight: 2.5, Label: text, Note: text, Source: "s", Cite: text},
			{Type: "hostility", Parties: []string{"b", "a", "c"}, Directed: true, Start: graph.MustDate("2020-01"), End: graph.MustDate("2021"), Weight: 0.1, Source: "s"},
			{Type: "summit", Parties: []string{"c", "b", "d"}, Start: graph.MustDate("2020-01-02"), Ongoing: true, Weight: 2, Source: "s"},
		},
	}
}

// SameModel reports whether two datasets say the same: id, title,
// description, entities, types, records and sources (not their lookup
// indexes).
func SameModel(a, b *graph.Dataset) bool {
	return a.ID == b.ID && a.Title == b.Title && a.Description == b.Description &&
		reflect.DeepEqual(a.Entities, b.Entities) && reflect.DeepEqual(a.Types, b.Types) &&
		reflect.DeepEqual(a.Records, b.Records) && reflect.DeepEqual(a.Sources, b.Sources)
}

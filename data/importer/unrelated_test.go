package importer

import (
	"testing"

	"github.com/dipgraph/dipgraph/graph"
)

// TestUnrelated: leaders added to data whose records name none of them
// are counted, and a leader a record names is not.
func TestUnrelated(t *testing.T) {
	rows := archRow("RUS-2000", "id4", "365", "Putin", "2015-01-01", "2015-12-31", "Regular", "Still in Office") +
		archRow("USA-2009", "id6", "2", "Obama", "2015-01-01", "2015-12-31", "Regular", "Still in Office")
	res, err := sheets("archigos", Options{}, [2]string{"a.txt", archigosHeader + rows})
	if err != nil {
		t.Fatal(err)
	}
	if got := res.Unrelated(res.Dataset); len(got) != 2 {
		t.Errorf("unrelated %v, want both leaders", got)
	}
	want := "2 people have no relations, so figures leave them out (they are in the data file): " +
		"draw one with its country by render --focus obama-usa-2015, or add records that name them (docs/import-export.md)"
	if got := res.UnrelatedNote(res.Dataset); got != want {
		t.Errorf("note:\n got %q\nwant %q", got, want)
	}
	merged := &graph.Dataset{Entities: res.Dataset.Entities,
		Records: []graph.Record{{Type: "summit", Parties: []string{"putin-rus-2015", "usa"}, Start: graph.Date{Year: 2015}}}}
	if got := res.Unrelated(merged); len(got) != 1 || got[0] != "obama-usa-2015" {
		t.Errorf("unrelated after a record names Putin: %v", got)
	}
	if res.UnrelatedNote(&graph.Dataset{Records: []graph.Record{{Parties: []string{"putin-rus-2015", "obama-usa-2015"}}}}) != "" {
		t.Error("a note when every leader has a relation")
	}
}

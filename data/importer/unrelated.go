package importer

import (
	"fmt"
	"slices"

	"github.com/dipgraph/dipgraph/graph"
)

// Unrelated returns the ids, sorted, of the people (leaders and persons)
// the import declares that no record of ds names. ds is the data written:
// the import itself, or the import added to the --into data. A figure
// draws only entities with relations (and the countries of the people
// drawn), so these people are in the data file but in no figure: an
// Archigos import, which writes no records, adds only such leaders.
func (res *Result) Unrelated(ds *graph.Dataset) []string {
	named := map[string]bool{}
	for _, r := range ds.Records {
		for _, p := range r.Parties {
			named[p] = true
		}
	}
	var ids []string
	for _, e := range res.Dataset.Entities {
		if (e.Kind == graph.KindLeader || e.Kind == graph.KindPerson) && !named[e.ID] {
			ids = append(ids, e.ID)
		}
	}
	slices.Sort(ids)
	return slices.Compact(ids)
}

// UnrelatedNote words Unrelated for import's summary, or returns "" when
// every person imported has a relation.
func (res *Result) UnrelatedNote(ds *graph.Dataset) string {
	ids := res.Unrelated(ds)
	if len(ids) == 0 {
		return ""
	}
	return fmt.Sprintf("%s no relations, so figures leave them out (they are in the data file): "+
		"draw one with its country by render --focus %s, or add records that name them (docs/import-export.md)",
		count(len(ids), "person has", "people have"), ids[0])
}

package graph

import "testing"

func TestMerge(t *testing.T) {
	base := &Dataset{ID: "base", Title: "Base",
		Entities: []Entity{{ID: "usa", Name: "United States"}},
		Sources:  []Source{{ID: "s1", Title: "one"}},
		Records:  []Record{{ID: "r1", Type: "summit"}, {Type: "summit"}}}
	add := &Dataset{ID: "add", Title: "Added",
		Entities: []Entity{{ID: "usa", Name: "USA"}, {ID: "chn", Name: "China"}},
		Sources:  []Source{{ID: "s1", Title: "other"}, {ID: "s2", Title: "two"}},
		Records:  []Record{{ID: "r1", Type: "alliance"}, {ID: "r2", Type: "alliance"}, {Type: "hostility"}}}
	m, skipped := Merge(base, add)
	if m.ID != "base" || m.Title != "Base" {
		t.Errorf("merged as %q %q, want base's id and title", m.ID, m.Title)
	}
	if len(m.Entities) != 2 || m.Entities[0].Name != "United States" || m.Entities[1].ID != "chn" {
		t.Errorf("entities %+v: want base's usa, then chn", m.Entities)
	}
	if len(m.Sources) != 2 || m.Sources[0].Title != "one" {
		t.Errorf("sources %+v: want base's s1, then s2", m.Sources)
	}
	if skipped != 1 || len(m.Records) != 4 || m.Records[0].Type != "summit" || m.Records[2].ID != "r2" {
		t.Errorf("records %+v, %d skipped: want r1 of base, its record without id, r2, then add's without id; 1 skipped", m.Records, skipped)
	}
	if len(base.Entities) != 1 || len(base.Records) != 2 {
		t.Error("Merge changed base")
	}
}

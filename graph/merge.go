package graph

import "slices"

// Merge adds the entities, types, sources, records and captions of add to those of
// base, in a new dataset with base's id, title and description. What base
// declares already is not repeated: an entity, type or source whose id it
// has is left out (base's own wins), and so is a record whose id it has;
// skipped counts those records. Records without an id are always added.
// Neither dataset is changed.
func Merge(base, add *Dataset) (merged *Dataset, skipped int) {
	out := &Dataset{ID: base.ID, Title: base.Title, Description: base.Description,
		Entities: slices.Clone(base.Entities), Types: slices.Clone(base.Types),
		Sources: slices.Clone(base.Sources), Records: slices.Clone(base.Records), Captions: slices.Clone(base.Captions)}
	have := map[string]bool{}
	for _, e := range base.Entities {
		have["e:"+e.ID] = true
	}
	for _, t := range base.Types {
		have["t:"+t.ID] = true
	}
	for _, s := range base.Sources {
		have["s:"+s.ID] = true
	}
	for _, r := range base.Records {
		if r.ID != "" {
			have["r:"+r.ID] = true
		}
	}
	for _, e := range add.Entities {
		if !have["e:"+e.ID] {
			out.Entities = append(out.Entities, e)
		}
	}
	for _, t := range add.Types {
		if !have["t:"+t.ID] {
			out.Types = append(out.Types, t)
		}
	}
	for _, s := range add.Sources {
		if !have["s:"+s.ID] {
			out.Sources = append(out.Sources, s)
		}
	}
	for _, r := range add.Records {
		if r.ID != "" && have["r:"+r.ID] {
			skipped++
			continue
		}
		out.Records = append(out.Records, r)
	}
	// A caption for a pair base has one for is left out too.
	pair := func(c PairCaption) string {
		a, b := c.Between[0], c.Between[1]
		if b < a {
			a, b = b, a
		}
		return "c:" + a + "\x00" + b
	}
	for _, c := range base.Captions {
		have[pair(c)] = true
	}
	for _, c := range add.Captions {
		if !have[pair(c)] {
			out.Captions = append(out.Captions, c)
			have[pair(c)] = true
		}
	}
	return out, skipped
}

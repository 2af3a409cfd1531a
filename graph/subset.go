package graph

// Subset returns the part of ds that g draws: the records behind its
// edges (in the dataset's order), its entities, and the types and sources
// those records use. People's countries come along, so the result is a
// valid dataset on its own. dipgraph export writes it for a filtered graph.
func Subset(ds *Dataset, g *Graph) *Dataset {
	out := &Dataset{ID: ds.ID, Title: ds.Title, Description: ds.Description}
	kept := map[*Record]bool{}
	for _, e := range g.Edges {
		for _, r := range e.Records {
			kept[r] = true
		}
	}
	types, sources, entities := map[string]bool{}, map[string]bool{}, map[string]bool{}
	for i := range ds.Records {
		r := &ds.Records[i]
		if !kept[r] {
			continue
		}
		out.Records = append(out.Records, *r)
		types[r.Type], sources[r.Source] = true, true
		for _, p := range r.Parties {
			entities[p] = true
		}
	}
	for _, n := range g.Nodes {
		entities[n.ID] = true
	}
	// People's countries come along, so that the subset validates.
	for _, e := range ds.Entities {
		if entities[e.ID] && e.Country != "" {
			entities[e.Country] = true
		}
	}
	for _, e := range ds.Entities {
		if entities[e.ID] {
			out.Entities = append(out.Entities, e)
		}
	}
	// The captions of pairs a kept record joins, with their sources.
	for _, c := range ds.Captions {
		if entities[c.Between[0]] && entities[c.Between[1]] && out.Joined(c.Between[0], c.Between[1]) {
			out.Captions = append(out.Captions, c)
			if c.Source != "" {
				sources[c.Source] = true
			}
		}
	}
	for _, t := range ds.Types {
		if types[t.ID] {
			out.Types = append(out.Types, t)
		}
	}
	for _, s := range ds.Sources {
		if sources[s.ID] {
			out.Sources = append(out.Sources, s)
		}
	}
	return out
}

package graph

import (
	"fmt"
	"math/rand/v2"
	"testing"

	"gonum.org/v1/gonum/graph/network"
	"gonum.org/v1/gonum/graph/simple"
)

// signedSynthetic is a deterministic signed world for benchmarks: entities
// entities (four countries to each leader, every leader in a country) in
// blocs hidden blocs, and records records between random pairs, half
// inside a bloc and half across: alliances and support inside, hostility
// and rivalry across, a tenth summits, and a share (noise) of the signed
// records of the other sign. Weights run 1–5, dates
// 1990–2025; a tenth of the records are directed.
func signedSynthetic(entities, records, blocs int, noise float64) *Dataset {
	r := rand.New(rand.NewPCG(2025, 9))
	d := &Dataset{
		ID:      fmt.Sprintf("signed-%d-%d", entities, records),
		Types:   []Type{{ID: "support", Label: "Support", Sign: Positive, Weight: 2}, {ID: "rivalry", Label: "Rivalry", Sign: Negative, Weight: 2}},
		Sources: []Source{{ID: "gen", Title: "Generated"}},
	}
	countries := entities * 4 / 5
	bloc := make([]int, entities)
	for i := range entities {
		e := Entity{ID: fmt.Sprintf("c%04d", i), Kind: KindCountry, Name: fmt.Sprintf("Country %d", i)}
		bloc[i] = i % blocs
		if i >= countries {
			c := r.IntN(countries)
			e = Entity{ID: fmt.Sprintf("l%04d", i), Kind: KindLeader, Name: fmt.Sprintf("Leader %d", i), Country: fmt.Sprintf("c%04d", c)}
			bloc[i] = bloc[c]
		}
		d.Entities = append(d.Entities, e)
	}
	members := make([][]int, blocs)
	for i, b := range bloc {
		members[b] = append(members[b], i)
	}
	for i := range records {
		// Half the records are within a bloc, half across.
		a := r.IntN(entities)
		inside := r.IntN(2) == 0
		b := a
		for b == a || (bloc[a] == bloc[b]) != inside {
			if inside {
				b = members[bloc[a]][r.IntN(len(members[bloc[a]]))]
			} else {
				b = r.IntN(entities)
			}
		}
		rec := Record{ID: fmt.Sprintf("r%05d", i), Parties: []string{d.Entities[a].ID, d.Entities[b].ID},
			Weight: float64(1 + r.IntN(5)), Source: "gen", Start: Date{Year: 1990 + r.IntN(36), Month: 1 + r.IntN(12)}}
		friendly := inside
		if r.Float64() < noise {
			friendly = !friendly
		}
		switch k := r.IntN(10); {
		case k == 0:
			rec.Type = "summit"
		case friendly && k < 6:
			rec.Type, rec.Ongoing = "alliance", true
		case friendly:
			rec.Type, rec.Directed = "support", k == 9
		case k < 6:
			rec.Type, rec.End = "hostility", rec.Start.AddYears(1+r.IntN(10))
		default:
			rec.Type, rec.Directed = "rivalry", k == 9
		}
		d.Records = append(d.Records, rec)
	}
	return d
}

// BenchmarkStats times each part of the analysis on a 3,000-entity,
// 10,000-record signed graph (8 hidden blocs, 10% noise), and gonum's
// betweenness for comparison:
//
//	go test ./graph -run '^$' -bench Stats -benchtime 3x
func BenchmarkStats(b *testing.B) {
	d := signedSynthetic(3000, 10000, 8, 0.1)
	g := Build(d, Filter{})
	folded, _ := Fold(g)
	s := NewSigned(folded)
	b.Logf("%d entities, %d records: %d edges; folded %d nodes, %d edges; %d signed ties",
		len(d.Entities), len(d.Records), len(g.Edges), len(folded.Nodes), len(folded.Edges), len(s.Ties))
	b.Run("balance", func(b *testing.B) {
		for b.Loop() {
			s.Balance()
		}
	})
	b.Run("blocs", func(b *testing.B) {
		for b.Loop() {
			s.Blocs()
		}
	})
	b.Run("betweenness", func(b *testing.B) {
		for b.Loop() {
			Betweenness(folded)
		}
	})
	b.Run("betweenness-gonum", func(b *testing.B) {
		ug := simple.NewUndirectedGraph()
		id := map[string]int64{}
		for i, n := range folded.Nodes {
			id[n.ID] = int64(i)
			ug.AddNode(simple.Node(i))
		}
		for _, e := range folded.Edges {
			ug.SetEdge(simple.Edge{F: simple.Node(id[e.From]), T: simple.Node(id[e.To])})
		}
		for b.Loop() {
			network.Betweenness(ug)
		}
	})
	b.Run("analyze", func(b *testing.B) {
		for b.Loop() {
			Analyze(g, AnalysisOptions{})
		}
	})
	b.Run("analyze-people", func(b *testing.B) {
		for b.Loop() {
			Analyze(g, AnalysisOptions{People: true})
		}
	})
}

// TestSyntheticScale runs the whole analysis once on the benchmark's
// graph and checks that the blocs found are the hidden ones.
func TestSyntheticScale(t *testing.T) {
	if testing.Short() {
		t.Skip("large graph")
	}
	d := signedSynthetic(3000, 10000, 8, 0.1)
	a := Analyze(Build(d, Filter{}), AnalysisOptions{})
	if a.Blocs.Exact || a.Balance.Frustration.Exact {
		t.Error("a 2,400-country component cannot be searched exactly")
	}
	// Map each found bloc to the hidden bloc most of its members share,
	// and count the countries placed elsewhere.
	index := a.Blocs.Index()
	votes := map[[2]int]int{}
	for i := range 2400 {
		if b, ok := index[fmt.Sprintf("c%04d", i)]; ok {
			votes[[2]int{b, i % 8}]++
		}
	}
	bestOf := map[int]int{}
	for k, v := range votes {
		if v > votes[[2]int{k[0], bestOf[k[0]]}] {
			bestOf[k[0]] = k[1]
		}
	}
	wrong, aligned := 0, 0
	for i := range 2400 {
		if b, ok := index[fmt.Sprintf("c%04d", i)]; ok {
			aligned++
			if bestOf[b] != i%8 {
				wrong++
			}
		}
	}
	t.Logf("%d blocs; %d of %d aligned countries outside their hidden bloc; frustration %d; cost %g",
		len(a.Blocs.Blocs), wrong, aligned, a.Balance.Frustration.Index, a.Blocs.Cost)
	// The search must do at least as well as the hidden partition by its
	// own measure, and find the hidden blocs in the main.
	planted := map[string]int{}
	for i, e := range d.Entities {
		if e.Kind == KindCountry {
			planted[e.ID] = i % 8
		}
	}
	pc := partitionCost(a.Signed, planted)
	t.Logf("the hidden partition costs %g", pc)
	if a.Blocs.Cost > pc {
		t.Errorf("blocs cost %g, more than the hidden partition's %g", a.Blocs.Cost, pc)
	}
	if wrong > aligned/5 {
		t.Errorf("%d of %d countries outside their hidden bloc", wrong, aligned)
	}
}

// partitionCost is the bloc cost of a given partition of s's entities.
func partitionCost(s *Signed, bloc map[string]int) float64 {
	cost := 0.0
	for _, t := range s.Ties {
		if (bloc[t.A] == bloc[t.B]) == (t.Sign() == Negative) {
			cost += abs(t.Net())
		}
	}
	return cost
}

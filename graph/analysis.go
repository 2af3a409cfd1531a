package graph

import (
	"runtime"
	"slices"
	"sync"
)

// AnalysisOptions choose what Analyze counts as a node.
type AnalysisOptions struct {
	// People analyses every entity as its own node. By default people
	// (and anything else that names a country) are folded into their
	// country first: see Fold.
	People bool
}

// Analysis is everything dipgraph stats reports about a built graph.
type Analysis struct {
	// Graph is the graph analysed: the built graph, folded to countries
	// unless People.
	Graph  *Graph
	People bool
	// Internal is the number of edges left out by folding because both
	// ends belong to the same country.
	Internal int
	// Members lists, for each country analysed, the entities folded into
	// it (none when People).
	Members  map[string][]string
	Entities []EntityStats // sorted by id
	Types    []TypeStats   // in the dataset's type order
	Signed   *Signed
	Balance  Balance
	Blocs    Blocs
}

// EntityStats are one entity's figures. Degrees count distinct neighbours
// (in either direction); weights add up the weights of the entity's edges,
// in and out.
type EntityStats struct {
	Entity *Entity
	Degree int
	// PositiveDegree and NegativeDegree count the neighbours related to
	// by positive and by negative types (a neighbour may count in both).
	PositiveDegree, NegativeDegree int
	Weight                         float64
	PositiveWeight, NegativeWeight float64
	// Betweenness is the number of shortest paths between other pairs of
	// entities that pass through this one (a pair with several shortest
	// paths counts the share through it), over every edge of any type,
	// undirected and unweighted: how much of a go-between it is.
	Betweenness float64
	ByType      []TypeDegree // one per type of the graph, in type order
}

// SignedDegree is PositiveDegree − NegativeDegree.
func (s *EntityStats) SignedDegree() int { return s.PositiveDegree - s.NegativeDegree }

// SignedWeight is PositiveWeight − NegativeWeight.
func (s *EntityStats) SignedWeight() float64 { return s.PositiveWeight - s.NegativeWeight }

// TypeDegree is an entity's degree and weight in one relation type.
type TypeDegree struct {
	Type   string
	Degree int
	Weight float64
}

// TypeStats are one relation type's totals in the graph.
type TypeStats struct {
	Type    Type
	Edges   int     // aggregated edges
	Records int     // distinct records behind them
	Weight  float64 // total weight of the edges
}

// Analyze computes every figure of the analysis for g.
func Analyze(g *Graph, opt AnalysisOptions) *Analysis {
	a := &Analysis{Graph: g, People: opt.People, Members: map[string][]string{}}
	if !opt.People {
		a.Graph, a.Internal = Fold(g)
		members := Members(g.Dataset)
		for _, n := range a.Graph.Nodes {
			if m := members[n.ID]; len(m) > 0 {
				a.Members[n.ID] = m
			}
		}
	}
	a.Entities = Degrees(a.Graph)
	bc := Betweenness(a.Graph)
	for i := range a.Entities {
		a.Entities[i].Betweenness = bc[a.Entities[i].Entity.ID]
	}
	a.Types = TypeTotals(a.Graph)
	a.Signed = NewSigned(a.Graph)
	a.Balance = a.Signed.Balance()
	a.Blocs = a.Signed.Blocs()
	return a
}

// Degrees returns the degree figures of every node of g, sorted by id.
func Degrees(g *Graph) []EntityStats {
	index := make(map[string]int, len(g.Nodes))
	out := make([]EntityStats, len(g.Nodes))
	typeIndex := map[string]int{}
	for i, t := range g.Types {
		typeIndex[t.ID] = i
	}
	for i, n := range g.Nodes {
		index[n.ID] = i
		out[i].Entity = n
		out[i].ByType = make([]TypeDegree, len(g.Types))
		for j, t := range g.Types {
			out[i].ByType[j].Type = t.ID
		}
	}
	signs := map[string]Sign{}
	for _, t := range g.Types {
		signs[t.ID] = t.Sign
	}
	type key struct {
		node, other int
		typ         int // type index, or -1 any, -2 positive, -3 negative
	}
	seen := map[key]bool{}
	count := func(k key) bool {
		if seen[k] {
			return false
		}
		seen[k] = true
		return true
	}
	for _, e := range g.Edges {
		ti, ok := typeIndex[e.Type]
		if !ok {
			continue
		}
		ends := [2]int{index[e.From], index[e.To]}
		for side, n := range ends {
			other := ends[1-side]
			s := &out[n]
			s.Weight += e.Weight
			s.ByType[ti].Weight += e.Weight
			if count(key{n, other, ti}) {
				s.ByType[ti].Degree++
			}
			if count(key{n, other, -1}) {
				s.Degree++
			}
			switch signs[e.Type] {
			case Positive:
				s.PositiveWeight += e.Weight
				if count(key{n, other, -2}) {
					s.PositiveDegree++
				}
			case Negative:
				s.NegativeWeight += e.Weight
				if count(key{n, other, -3}) {
					s.NegativeDegree++
				}
			}
		}
	}
	slices.SortFunc(out, func(a, b EntityStats) int {
		switch {
		case a.Entity.ID < b.Entity.ID:
			return -1
		case a.Entity.ID > b.Entity.ID:
			return 1
		}
		return 0
	})
	return out
}

// TypeTotals returns the totals of each type of g, in g's type order.
func TypeTotals(g *Graph) []TypeStats {
	out := make([]TypeStats, len(g.Types))
	index := map[string]int{}
	records := make([]map[*Record]bool, len(g.Types))
	for i, t := range g.Types {
		out[i].Type = t
		index[t.ID] = i
		records[i] = map[*Record]bool{}
	}
	for _, e := range g.Edges {
		i, ok := index[e.Type]
		if !ok {
			continue
		}
		out[i].Edges++
		out[i].Weight += e.Weight
		for _, r := range e.Records {
			records[i][r] = true
		}
	}
	for i := range out {
		out[i].Records = len(records[i])
	}
	return out
}

// Betweenness returns the betweenness centrality of each node of g: the
// number of shortest paths between pairs of other nodes that pass through
// it, a pair with several shortest paths counting the share through it.
// Edges count undirected and unweighted, of any type; each unordered pair
// counts once (the middle of a three-node path scores 1).
//
// It is Brandes' algorithm (2001), O(nodes × edges), on index slices. The
// tests check it against gonum's network.Betweenness, which computes the
// same figures but keeps its working state in maps: on the 3,000-entity
// benchmark graph (BenchmarkStats) it takes about ten seconds where this
// takes a third of one on two cores. Nodes and neighbours are visited in a fixed
// order and partial sums are added in a fixed order, so the floating-point
// sums come out the same on every run and machine.
func Betweenness(g *Graph) map[string]float64 {
	n := len(g.Nodes)
	index := make(map[string]int, n)
	for i, node := range g.Nodes {
		index[node.ID] = i
	}
	adj := make([][]int, n)
	for _, e := range g.Edges {
		a, okA := index[e.From]
		b, okB := index[e.To]
		if okA && okB && a != b {
			adj[a] = append(adj[a], b)
			adj[b] = append(adj[b], a)
		}
	}
	for i := range adj {
		slices.Sort(adj[i])
		adj[i] = slices.Compact(adj[i])
	}
	// The sources are split into a fixed number of chunks, summed in
	// chunk order: the same sums whatever the number of cores.
	const chunks = 8
	part := make([][]float64, chunks)
	var wg sync.WaitGroup
	next := make(chan int, chunks)
	for c := range chunks {
		next <- c
	}
	close(next)
	for range min(runtime.GOMAXPROCS(0), chunks) {
		wg.Go(func() {
			b := newBrandes(n)
			for c := range next {
				part[c] = make([]float64, n)
				for s := c * n / chunks; s < (c+1)*n/chunks; s++ {
					b.from(adj, s, part[c])
				}
			}
		})
	}
	wg.Wait()
	cb := make([]float64, n)
	for _, p := range part {
		for i, x := range p {
			cb[i] += x
		}
	}
	out := make(map[string]float64, n)
	for i, node := range g.Nodes {
		out[node.ID] = cb[i] / 2 // each pair was counted from both ends
	}
	return out
}

// brandes is the working state of Brandes' algorithm for one source.
type brandes struct {
	sigma []float64 // shortest paths from the source
	dist  []int
	delta []float64 // the source's dependency on each node
	queue []int     // visited nodes in order of distance
}

func newBrandes(n int) *brandes {
	b := &brandes{sigma: make([]float64, n), dist: make([]int, n), delta: make([]float64, n), queue: make([]int, 0, n)}
	for i := range b.dist {
		b.dist[i] = -1
	}
	return b
}

// from adds the dependencies of source s to cb.
func (b *brandes) from(adj [][]int, s int, cb []float64) {
	dist, sigma, delta := b.dist, b.sigma, b.delta
	b.queue = append(b.queue[:0], s)
	dist[s], sigma[s] = 0, 1
	for q := 0; q < len(b.queue); q++ {
		v := b.queue[q]
		for _, w := range adj[v] {
			if dist[w] < 0 {
				dist[w] = dist[v] + 1
				b.queue = append(b.queue, w)
			}
			if dist[w] == dist[v]+1 {
				sigma[w] += sigma[v]
			}
		}
	}
	for q := len(b.queue) - 1; q > 0; q-- {
		w := b.queue[q]
		for _, v := range adj[w] {
			if dist[v] == dist[w]-1 {
				delta[v] += sigma[v] / sigma[w] * (1 + delta[w])
			}
		}
		cb[w] += delta[w]
	}
	for _, v := range b.queue {
		dist[v], sigma[v], delta[v] = -1, 0, 0
	}
}

package graph

import (
	"cmp"
	"math/rand/v2"
	"slices"
)

// The bloc heuristic: a Louvain-style local search for the signed cost,
// with Leiden's refinement step, run from several starts.

// wgraph is an undirected graph with signed weights: an arc's sw is +w for
// a positive tie and −w for a negative one. Nodes are 0..len-1.
type wgraph [][]warc

type warc struct {
	to int
	sw float64
}

func (c *sub) wgraph() wgraph {
	g := make(wgraph, len(c.adj))
	for i, as := range c.adj {
		g[i] = make([]warc, len(as))
		for j, a := range as {
			g[i][j] = warc{a.to, a.sw()}
		}
	}
	return g
}

// score is the cost and number of blocs of a partition of g.
func (g wgraph) score(bloc []int) bscore {
	var sc bscore
	seen := make([]bool, len(g))
	for i, as := range g {
		if !seen[bloc[i]] {
			seen[bloc[i]] = true
			sc.k++
		}
		for _, a := range as {
			if a.to > i && (a.sw < 0) == (bloc[i] == bloc[a.to]) {
				sc.cost += abs(a.sw)
			}
		}
	}
	return sc
}

// blocHeuristic partitions the component by a multi-start local search in
// the manner of the Louvain method (Blondel et al. 2008) with the Leiden
// refinement (Traag et al. 2019), for the signed cost rather than
// modularity:
//
//  1. Local moving: each entity in turn moves to the bloc it has the
//     strongest net tie with, or to a bloc of its own when it is net hostile
//     to every bloc, while that lowers the cost (or keeps it and leaves
//     one bloc fewer).
//  2. Refinement: each bloc is split into sub-blocs held together by
//     positive ties.
//  3. Aggregation: each sub-bloc becomes one node, starting in its bloc,
//     and steps 1–3 repeat on that smaller graph, so whole groups move
//     between blocs; until nothing moves.
//  4. Polish: single-entity moves on the full graph, and merges of blocs
//     whose net tie is not negative, until neither changes anything.
//
// Steps 1–4 repeat from the result while the cost falls. The starts are:
// every entity alone, visited in id order; the two sides of the
// frustration heuristic's split, in id order; and every entity alone,
// visited in seeded random orders. The best result wins, the earliest on
// a tie.
func (c *sub) blocHeuristic() ([]int, bscore) {
	g := c.wgraph()
	n := len(g)
	rng := rand.New(rand.NewPCG(2, uint64(n)))
	var best []int
	var bestScore bscore
	for start := range heuristicStarts {
		bloc := make([]int, n)
		for i := range bloc {
			bloc[i] = i
		}
		var r *rand.Rand // nil: visit in id order
		switch start {
		case 0:
		case 1:
			side, _ := c.splitHeuristic()
			for i, x := range side {
				bloc[i] = 0
				if x {
					bloc[i] = 1
				}
			}
		default:
			r = rng
		}
		sc := g.score(bloc)
		for {
			g.louvain(bloc, r)
			g.polish(bloc)
			next := g.score(bloc)
			if !next.less(sc) {
				break
			}
			sc = next
		}
		if best == nil || sc.less(bestScore) {
			best, bestScore = bloc, sc
		}
	}
	return best, bestScore
}

// order lists 0..n-1, shuffled by r unless r is nil.
func order(n int, r *rand.Rand) []int {
	o := make([]int, n)
	for i := range o {
		o[i] = i
	}
	if r != nil {
		r.Shuffle(n, func(i, j int) { o[i], o[j] = o[j], o[i] })
	}
	return o
}

// louvain runs the levels of local moving, refinement and aggregation,
// starting from the partition bloc (labels in 0..len(g)-1), and leaves its
// result in bloc.
func (g wgraph) louvain(bloc []int, r *rand.Rand) {
	level := g
	labels := slices.Clone(bloc)
	node := make([]int, len(g)) // each entity's node at the current level
	for i := range node {
		node[i] = i
	}
	for range 100 {
		level.moveNodes(labels, order(len(level), r))
		sub := level.refine(labels, order(len(level), r))
		k := compact(sub)
		if k == len(level) {
			break // every node is its own sub-bloc: nothing left to group
		}
		next := level.aggregate(sub, k)
		nextLabels := make([]int, k)
		for v, s := range sub {
			nextLabels[s] = labels[v]
		}
		compact(nextLabels)
		for i := range node {
			node[i] = sub[node[i]]
		}
		level, labels = next, nextLabels
	}
	for i := range bloc {
		bloc[i] = labels[node[i]]
	}
}

// compact renumbers labels 0..k-1 in order of first appearance and
// returns k.
func compact(labels []int) int {
	m := map[int]int{}
	for i, l := range labels {
		v, ok := m[l]
		if !ok {
			v = len(m)
			m[l] = v
		}
		labels[i] = v
	}
	return len(m)
}

// aggregate collapses the nodes of g with the same label (0..k-1) into one
// node each; arcs between two groups add up, arcs inside a group vanish.
func (g wgraph) aggregate(labels []int, k int) wgraph {
	members := make([][]int, k)
	for v, l := range labels {
		members[l] = append(members[l], v)
	}
	out := make(wgraph, k)
	acc := make([]float64, k)
	has := make([]bool, k)
	var touched []int
	for l, vs := range members {
		touched = touched[:0]
		for _, v := range vs {
			for _, a := range g[v] {
				m := labels[a.to]
				if m == l {
					continue
				}
				if !has[m] {
					has[m] = true
					touched = append(touched, m)
				}
				acc[m] += a.sw
			}
		}
		slices.Sort(touched)
		for _, m := range touched {
			out[l] = append(out[l], warc{m, acc[m]})
			acc[m], has[m] = 0, false
		}
	}
	return out
}

// moveNodes is the local moving phase: it moves single nodes between blocs
// (labels in 0..len(g)-1) until no move lowers the cost, and reports
// whether any moved. A move lowers the cost by the node's net tie to its
// new bloc minus its net tie to its old one; a move to a bloc of its own
// has net tie 0. A node alone may also join a bloc it has no net tie with
// (the cost stays, one bloc fewer).
func (g wgraph) moveNodes(bloc, order []int) bool {
	n := len(g)
	size := make([]int, n)
	for _, b := range bloc {
		size[b]++
	}
	var free []int // unused labels, for new blocs
	for b := n - 1; b >= 0; b-- {
		if size[b] == 0 {
			free = append(free, b)
		}
	}
	score := make([]float64, n) // the net tie from the node at hand to each bloc
	has := make([]bool, n)
	var touched []int
	any := false
	for moved := true; moved; {
		moved = false
		for _, v := range order {
			cur := bloc[v]
			touched = touched[:0]
			for _, a := range g[v] {
				b := bloc[a.to]
				if !has[b] {
					has[b] = true
					touched = append(touched, b)
				}
				score[b] += a.sw
			}
			target, ts := -1, 0.0
			for _, b := range touched {
				if b != cur && (target < 0 || score[b] > ts+eps || (score[b] >= ts-eps && b < target)) {
					target, ts = b, score[b]
				}
			}
			gain := ts - score[cur]
			switch {
			case target >= 0 && gain > eps && ts >= -eps:
				// a better bloc, and not worse than one of its own
			case size[cur] > 1 && -score[cur] > eps && (target < 0 || ts < -eps):
				// alone is better than here and than any other bloc
				target = free[len(free)-1]
				free = free[:len(free)-1]
			case size[cur] == 1 && target >= 0 && gain >= -eps:
				// as good, and one bloc fewer
			default:
				target = -1
			}
			for _, b := range touched {
				has[b] = false
				score[b] = 0
			}
			if target >= 0 {
				size[cur]--
				if size[cur] == 0 {
					free = append(free, cur)
				}
				bloc[v] = target
				size[target]++
				moved, any = true, true
			}
		}
	}
	return any
}

// refine splits each bloc into sub-blocs: visiting the nodes in order, a
// node still alone joins the sub-bloc of its own bloc it has the strongest
// positive net tie with. It returns the sub-bloc labels (0..len(g)-1).
func (g wgraph) refine(bloc, order []int) []int {
	n := len(g)
	sub := make([]int, n)
	size := make([]int, n)
	for i := range sub {
		sub[i] = i
		size[i] = 1
	}
	score := make([]float64, n)
	has := make([]bool, n)
	var touched []int
	for _, v := range order {
		if size[sub[v]] != 1 {
			continue
		}
		touched = touched[:0]
		for _, a := range g[v] {
			if bloc[a.to] != bloc[v] {
				continue
			}
			s := sub[a.to]
			if !has[s] {
				has[s] = true
				touched = append(touched, s)
			}
			score[s] += a.sw
		}
		target, ts := -1, 0.0
		for _, s := range touched {
			if s == sub[v] || score[s] <= eps {
				continue
			}
			if target < 0 || score[s] > ts+eps || (score[s] >= ts-eps && s < target) {
				target, ts = s, score[s]
			}
		}
		for _, s := range touched {
			has[s] = false
			score[s] = 0
		}
		if target >= 0 {
			size[sub[v]]--
			sub[v] = target
			size[target]++
		}
	}
	return sub
}

// polish runs single-node moves and bloc merges on the full graph until
// neither changes anything.
func (g wgraph) polish(bloc []int) {
	o := order(len(g), nil)
	for range 1000 {
		moved := g.moveNodes(bloc, o)
		if !g.mergeBlocs(bloc) && !moved {
			return
		}
	}
}

// mergeBlocs merges, in one pass, pairs of blocs whose net tie is
// positive, strongest first; when there are none, pairs whose net tie is
// zero or who have no tie at all (a merge that costs nothing and leaves
// one bloc fewer). No bloc takes part in two merges of one pass. It
// reports whether it merged any.
func (g wgraph) mergeBlocs(bloc []int) bool {
	type pair struct{ a, b int }
	nets := map[pair]float64{}
	for i, as := range g {
		for _, a := range as {
			x, y := bloc[i], bloc[a.to]
			if a.to < i || x == y {
				continue
			}
			if y < x {
				x, y = y, x
			}
			nets[pair{x, y}] += a.sw
		}
	}
	type cand struct {
		p   pair
		net float64
	}
	var pos, zero []cand
	tied := map[int][]int{}
	for p, net := range nets {
		tied[p.a] = append(tied[p.a], p.b)
		tied[p.b] = append(tied[p.b], p.a)
		switch {
		case net > eps:
			pos = append(pos, cand{p, net})
		case net >= -eps:
			zero = append(zero, cand{p, net})
		}
	}
	byPair := func(x, y cand) int { return cmp.Or(cmp.Compare(x.p.a, y.p.a), cmp.Compare(x.p.b, y.p.b)) }
	slices.SortFunc(pos, func(x, y cand) int {
		if x.net > y.net+eps {
			return -1
		}
		if y.net > x.net+eps {
			return 1
		}
		return byPair(x, y)
	})
	cands := pos
	if len(cands) == 0 {
		slices.SortFunc(zero, byPair)
		cands = zero
		// Untied pairs: for each bloc, the first later bloc it has no tie with.
		labels := slices.Clone(bloc)
		slices.Sort(labels)
		labels = slices.Compact(labels)
		for i, a := range labels {
			for _, b := range labels[i+1:] {
				if !slices.Contains(tied[a], b) {
					cands = append(cands, cand{pair{a, b}, 0})
					break
				}
			}
		}
	}
	if len(cands) == 0 {
		return false
	}
	into := map[int]int{}
	for _, cd := range cands {
		_, a := into[cd.p.a]
		_, b := into[cd.p.b]
		if a || b {
			continue
		}
		into[cd.p.b] = cd.p.a
		into[cd.p.a] = cd.p.a
	}
	for v, b := range bloc {
		if to, ok := into[b]; ok {
			bloc[v] = to
		}
	}
	return true
}

package graph

import (
	"cmp"
	"slices"
)

// Blocs is a partition of the entities with signed ties into blocs that
// keeps positive ties inside blocs and negative ties between them as far as
// the data allows: it minimises the cost, the total strength (|Net|) of the
// positive ties between blocs and the negative ties inside blocs (which is
// the same as maximising the strength of the ties it agrees with). The
// number of blocs is not fixed in advance: it is whatever fits best
// (correlation clustering).
//
// Ties in the cost are settled by the fewest blocs: within one connected
// component of the signed graph, two blocs with no net tie between them
// join (the enemy of my enemy is counted a friend, as in structural
// balance). Blocs never span components: entities with no chain of signed
// ties between them have nothing that puts them together. Entities with no
// signed tie at all are Unaligned.
type Blocs struct {
	Blocs     []Bloc   // largest first, then by first member
	Unaligned []string // entities with no signed tie, sorted
	// Cost is the strength of the ties the partition goes against;
	// Agreement the strength of those it keeps.
	Cost, Agreement float64
	// Exact says every component's partition was proven optimal;
	// otherwise some came from the multi-start local search alone.
	Exact bool
}

// Bloc is one bloc: its members, sorted, and the strength of the ties
// inside it.
type Bloc struct {
	Members  []string
	Positive float64 // strength of the positive ties inside
	Negative float64 // strength of the negative ties inside (against the partition)
	// Loose lists the members of a bloc of two or more with no positive
	// tie inside it: they are there for the enemies they share with it,
	// not for a friendship.
	Loose []string
}

// Index maps each aligned entity to its bloc's number, from 1.
func (b *Blocs) Index() map[string]int {
	m := map[string]int{}
	for i, bl := range b.Blocs {
		for _, id := range bl.Members {
			m[id] = i + 1
		}
	}
	return m
}

// bscore is what the bloc searches minimise: the cost, then the number of
// blocs.
type bscore struct {
	cost float64
	k    int
}

func (a bscore) less(b bscore) bool {
	return a.cost < b.cost-eps || (a.cost <= b.cost+eps && a.k < b.k)
}

// Blocs partitions s's entities into signed blocs. Each connected
// component is partitioned on its own: first by a multi-start local search
// (see blocHeuristic), then, for a component of at most exactBlocNodes
// entities, by an exact branch and bound that starts from the local
// search's answer and replaces it only by a strictly better one.
func (s *Signed) Blocs() Blocs {
	out := Blocs{Exact: true, Blocs: []Bloc{}, Unaligned: []string{}}
	budget := searchBudget
	for i, as := range s.adj {
		if len(as) == 0 {
			out.Unaligned = append(out.Unaligned, s.Nodes[i])
		}
	}
	for _, members := range s.components() {
		c := s.sub(members)
		bloc, sc := c.blocHeuristic()
		if len(members) <= exactBlocNodes {
			better, ok := c.blocExact(sc, &budget)
			if better != nil {
				bloc = better
			}
			out.Exact = out.Exact && ok
		} else {
			out.Exact = false
		}
		groups := map[int]*Bloc{}
		var labels []int
		for i, l := range bloc {
			g := groups[l]
			if g == nil {
				g = &Bloc{}
				groups[l] = g
				labels = append(labels, l)
			}
			g.Members = append(g.Members, s.Nodes[c.nodes[i]])
			friend := false
			for _, a := range c.adj[i] {
				same := bloc[a.to] == l
				switch {
				case same && !a.neg:
					friend = true
					if a.to > i {
						g.Positive += a.w
						out.Agreement += a.w
					}
				case same && a.neg && a.to > i:
					g.Negative += a.w
					out.Cost += a.w
				case !same && a.to > i && a.neg:
					out.Agreement += a.w
				case !same && a.to > i:
					out.Cost += a.w
				}
			}
			if !friend {
				g.Loose = append(g.Loose, s.Nodes[c.nodes[i]])
			}
		}
		for _, l := range labels {
			g := groups[l]
			if len(g.Members) == 1 {
				g.Loose = nil // alone, not loose
			}
			out.Blocs = append(out.Blocs, *g)
		}
	}
	slices.SortFunc(out.Blocs, func(a, b Bloc) int {
		return cmp.Or(cmp.Compare(len(b.Members), len(a.Members)), cmp.Compare(a.Members[0], b.Members[0]))
	})
	return out
}

// blocExact searches every partition of the component by branch and bound
// for one better than bound (cost, then fewer blocs). Entities are taken in
// breadth-first order and given the labels of a restricted growth string,
// so each partition is seen once. It returns the best partition found (nil
// when none beats the bound) and ok=false when it ran out of budget before
// proving that no better one exists.
func (c *sub) blocExact(bound bscore, budget *int) (best []int, ok bool) {
	n := len(c.adj)
	order := c.bfsOrder()
	pos := make([]int, n)
	for i, u := range order {
		pos[u] = i
	}
	label := make([]int, n)
	net := make([]float64, n+1) // per label: positive minus negative strength to the entity at hand
	var rec func(k, used int, partial float64) bool
	rec = func(k, used int, partial float64) bool {
		if *budget < 0 {
			return false
		}
		if k == n {
			if sc := (bscore{partial, used}); sc.less(bound) {
				bound = sc
				best = slices.Clone(label)
			}
			return true
		}
		// Lower bound: the cost so far plus, for each entity not yet
		// placed, the least cost of its ties to the placed ones.
		lb := partial
		for _, u := range order[k:] {
			*budget -= len(c.adj[u]) + 1
			posTotal, bestNet := 0.0, 0.0
			for _, a := range c.adj[u] {
				if pos[a.to] < k {
					net[label[a.to]] += a.sw()
					if !a.neg {
						posTotal += a.w
					}
				}
			}
			for _, a := range c.adj[u] {
				if pos[a.to] < k {
					bestNet = max(bestNet, net[label[a.to]])
					net[label[a.to]] = 0
				}
			}
			lb += posTotal - bestNet
		}
		if !(bscore{lb, used}).less(bound) {
			return true
		}
		u := order[k]
		for l := 0; l <= used && l < n; l++ {
			label[u] = l
			add := 0.0
			for _, a := range c.adj[u] {
				if pos[a.to] < k && a.neg == (label[a.to] == l) {
					add += a.w
				}
			}
			nu := used
			if l == used {
				nu++
			}
			if !rec(k+1, nu, partial+add) {
				return false
			}
		}
		return true
	}
	ok = rec(0, 0, 0)
	return best, ok
}

package graph

import (
	"math/rand/v2"
	"slices"
)

// Balance is the structural-balance report of a signed graph (Heider;
// Cartwright and Harary): a triad — three entities tied pairwise — is
// balanced when the product of its signs is positive (+++: friends of
// friends; +−−: the enemy of my enemy is my friend) and unbalanced
// otherwise (++−, and −−−, which weak balance after Davis would accept:
// Patterns counts each so that a reader can apply either).
type Balance struct {
	Triads     int
	Balanced   int
	Unbalanced int
	// Patterns counts the triads by their number of negative ties:
	// [0] +++, [1] ++−, [2] +−−, [3] −−−.
	Patterns [4]int
	// UnbalancedTriads lists the unbalanced triads, sorted by their nodes.
	UnbalancedTriads []Triad
	Frustration      Frustration
}

// Triad is three entities, sorted, and the signs of their ties AB, AC, BC.
type Triad struct {
	Nodes [3]string
	Signs [3]Sign
}

// Pattern writes the triad's signs as "++-": positive ties first.
func (t Triad) Pattern() string {
	neg := 0
	for _, s := range t.Signs {
		if s == Negative {
			neg++
		}
	}
	return [4]string{"+++", "++-", "+--", "---"}[neg]
}

// Frustration is the frustration index of a signed graph: the least number
// of ties whose removal (or, equally, whose sign flip) leaves the graph
// balanced, that is, split into two sides with every positive tie inside a
// side and every negative one across. Among splits with the fewest such
// ties it picks one with the least total strength (|Net|) of them.
type Frustration struct {
	Index int
	// Weight is the total strength of the frustrated ties.
	Weight float64
	// Exact says the index is proven minimal; otherwise it is the best a
	// multi-start local search found: an upper bound.
	Exact bool
	// Ties are the frustrated ties of the split, sorted.
	Ties []Tie
	// Splits are the two sides of the split, one per connected component
	// of the signed graph (the sides of different components are
	// independent). Side A holds the component's first entity.
	Splits []Split
}

// Split is the two sides of one component of the signed graph.
type Split struct{ A, B []string }

// Limits of the exact searches. A component up to this size is searched
// exactly, by branch and bound seeded with the heuristic's answer, unless
// the searches together exceed the step budget; then the heuristic's answer
// stands and the result says it is not exact.
const (
	exactSplitNodes = 40
	exactBlocNodes  = 20
	searchBudget    = 50_000_000 // arcs looked at, all searches together: well under a second
	heuristicStarts = 12
)

// Balance counts the triads of s and computes its frustration index.
func (s *Signed) Balance() Balance {
	var b Balance
	b.UnbalancedTriads = []Triad{}
	n := len(s.Nodes)
	sign := make([]Sign, n) // the sign of the tie from the current node u to each node, 0 if none
	for u := range n {
		for _, a := range s.adj[u] {
			sign[a.to] = arcSign(a)
		}
		for _, av := range s.adj[u] {
			v := av.to
			if v <= u {
				continue
			}
			for _, aw := range s.adj[v] {
				w := aw.to
				if w <= v || sign[w] == Neutral {
					continue
				}
				t := Triad{Nodes: [3]string{s.Nodes[u], s.Nodes[v], s.Nodes[w]}, Signs: [3]Sign{arcSign(av), sign[w], arcSign(aw)}}
				neg := 0
				for _, sg := range t.Signs {
					if sg == Negative {
						neg++
					}
				}
				b.Triads++
				b.Patterns[neg]++
				if neg%2 == 0 {
					b.Balanced++
				} else {
					b.Unbalanced++
					b.UnbalancedTriads = append(b.UnbalancedTriads, t)
				}
			}
		}
		for _, a := range s.adj[u] {
			sign[a.to] = Neutral
		}
	}
	b.Frustration = s.frustration()
	return b
}

func arcSign(a arc) Sign {
	if a.neg {
		return Negative
	}
	return Positive
}

// score is what the searches minimise, compared lexicographically: first n
// (ties frustrated, or blocs), then w (their strength, or the cost).
type score struct {
	n int
	w float64
}

func (a score) less(b score) bool { return a.n < b.n || (a.n == b.n && a.w < b.w-eps) }

func (a score) add(b score) score { return score{a.n + b.n, a.w + b.w} }

// frustration computes the frustration index component by component.
func (s *Signed) frustration() Frustration {
	f := Frustration{Exact: true, Ties: []Tie{}, Splits: []Split{}}
	budget := searchBudget
	var frustrated []int
	for _, members := range s.components() {
		c := s.sub(members)
		side, best := c.splitHeuristic()
		if len(members) <= exactSplitNodes {
			better, ok := c.splitExact(best, &budget)
			if better != nil {
				side = better
			}
			f.Exact = f.Exact && ok
		} else {
			f.Exact = false
		}
		if side[0] {
			for i := range side {
				side[i] = !side[i]
			}
		}
		var sp Split
		for i, g := range c.nodes {
			if side[i] {
				sp.B = append(sp.B, s.Nodes[g])
			} else {
				sp.A = append(sp.A, s.Nodes[g])
			}
			for _, a := range c.adj[i] {
				if a.to > i && frustratedArc(a, side[i], side[a.to]) {
					frustrated = append(frustrated, a.tie)
				}
			}
		}
		f.Splits = append(f.Splits, sp)
	}
	slices.Sort(frustrated)
	for _, i := range frustrated {
		t := s.Ties[i]
		f.Ties = append(f.Ties, t)
		f.Index++
		f.Weight += abs(t.Net())
	}
	return f
}

func frustratedArc(a arc, x, y bool) bool { return a.neg == (x == y) }

func abs(x float64) float64 {
	if x < 0 {
		return -x
	}
	return x
}

// splitScore is the frustration of a two-colouring.
func (c *sub) splitScore(side []bool) score {
	var sc score
	for i, as := range c.adj {
		for _, a := range as {
			if a.to > i && frustratedArc(a, side[i], side[a.to]) {
				sc.n++
				sc.w += a.w
			}
		}
	}
	return sc
}

// splitHeuristic is a multi-start local search for a two-colouring with
// few frustrated ties. Each start colours a spanning tree grown
// breadth-first from a random root (so every tree tie is satisfied), then
// flips single nodes while a flip lowers the score. The first start is
// rooted at the first node, in id order, and takes no random choices.
func (c *sub) splitHeuristic() ([]bool, score) {
	n := len(c.adj)
	rng := rand.New(rand.NewPCG(1, uint64(n)))
	var best []bool
	var bestScore score
	for start := range heuristicStarts {
		root := 0
		if start > 0 {
			root = rng.IntN(n)
		}
		side := make([]bool, n)
		seen := make([]bool, n)
		seen[root] = true
		queue := []int{root}
		for q := 0; q < len(queue); q++ {
			u := queue[q]
			as := c.adj[u]
			if start > 0 {
				as = slices.Clone(as)
				rng.Shuffle(len(as), func(i, j int) { as[i], as[j] = as[j], as[i] })
			}
			for _, a := range as {
				if !seen[a.to] {
					seen[a.to] = true
					side[a.to] = side[u] != a.neg
					queue = append(queue, a.to)
				}
			}
		}
		c.flipDown(side)
		if sc := c.splitScore(side); best == nil || sc.less(bestScore) {
			best, bestScore = side, sc
		}
		if bestScore.n == 0 {
			break // balanced: nothing to improve
		}
	}
	return best, bestScore
}

// flipDown flips single nodes while that lowers the split's score.
func (c *sub) flipDown(side []bool) {
	for improved := true; improved; {
		improved = false
		for u, as := range c.adj {
			var gain score // the change of the score if u flips
			for _, a := range as {
				if frustratedArc(a, side[u], side[a.to]) {
					gain.n--
					gain.w -= a.w
				} else {
					gain.n++
					gain.w += a.w
				}
			}
			if gain.less(score{}) {
				side[u] = !side[u]
				improved = true
			}
		}
	}
}

// splitExact searches every two-colouring by branch and bound for one
// better than bound. It returns the best colouring it found (nil when none
// beats the bound) and ok=false when it ran out of budget before proving
// that no better one exists.
func (c *sub) splitExact(bound score, budget *int) (best []bool, ok bool) {
	n := len(c.adj)
	order := c.bfsOrder()
	pos := make([]int, n) // position of each node in order
	for i, u := range order {
		pos[u] = i
	}
	side := make([]bool, n)
	var rec func(k int, partial score) bool
	rec = func(k int, partial score) bool {
		if *budget < 0 {
			return false
		}
		if k == n {
			if partial.less(bound) {
				bound = partial
				best = slices.Clone(side)
			}
			return true
		}
		// Lower bound: the score so far plus, for each node not yet
		// coloured, its least frustration against the coloured ones.
		lb := partial
		for _, u := range order[k:] {
			var sc [2]score
			*budget -= len(c.adj[u]) + 1
			for _, a := range c.adj[u] {
				if pos[a.to] < k {
					for x := range 2 {
						if frustratedArc(a, x == 1, side[a.to]) {
							sc[x].n++
							sc[x].w += a.w
						}
					}
				}
			}
			if sc[1].less(sc[0]) {
				lb = lb.add(sc[1])
			} else {
				lb = lb.add(sc[0])
			}
		}
		if !lb.less(bound) {
			return true
		}
		u := order[k]
		for _, x := range []bool{false, true} {
			if k == 0 && x {
				break // the first node's side is a free choice
			}
			side[u] = x
			var add score
			for _, a := range c.adj[u] {
				if pos[a.to] < k && frustratedArc(a, x, side[a.to]) {
					add.n++
					add.w += a.w
				}
			}
			if !rec(k+1, partial.add(add)) {
				return false
			}
		}
		side[u] = false
		return true
	}
	ok = rec(0, score{})
	return best, ok
}

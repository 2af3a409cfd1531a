package render

import (
	"bytes"
	"cmp"
	"context"
	"sync"

	"github.com/dipgraph/dipgraph/graph"
)

// The layout search. A force-directed layout is one draw among many: the
// seed decides which lines cross and which run through people. So a figure
// is laid out from several seeds (its own first, then the ones after it;
// with fdp each seed also at a looser spring length),
// each candidate is scored on its finished drawing — labels placed, lines
// rerouted — and the best is kept, by a fixed order of what a reader would
// get wrong (searchRank). The seeds are fixed, so the same data and flags
// still give the same bytes.

// DefaultCandidates is how many layouts a figure tries when the flags do
// not say (docs/legibility.md has the measurements behind it).
const DefaultCandidates = 8

// candidateSpread is how much looser than designed (fdp's K) every other
// candidate is laid out: a looser arrangement leaves room for the edge
// text beside its lines, at the cost of a larger figure.
const candidateSpread = 1.5

// candidate is the seed and spread of the i-th candidate layout: seeds
// Seed, Seed+1, … each as designed and, with fdp, looser.
func (o *Options) candidate(i int) (seed int, spread float64) {
	if o.Layout != "fdp" {
		return o.Seed + i, 0
	}
	if i%2 == 1 {
		return o.Seed + i/2, candidateSpread
	}
	return o.Seed + i/2, 0
}

// MaxCandidates bounds --candidates.
const MaxCandidates = 64

// searchEdges is the size above which a figure is not searched: large
// layouts take seconds each, and their lines are straight.
const searchEdges = 120

// CandidatesError is the error for a --candidates out of range.
func CandidatesError(n int) error {
	return flagErrorf("candidates", "--candidates %d: give a number of layouts to try from 1 to %d (1: the seed's layout alone)", n, MaxCandidates)
}

// seeded reports whether the engine's layout depends on the seed.
func seeded(engine string) bool { return engine == "fdp" || engine == "neato" || engine == "sfdp" }

// candidates is how many layouts the options ask to try for g.
func (o *Options) candidates(g *graph.Graph) int {
	n := o.Candidates
	if n == 0 {
		n = DefaultCandidates
	}
	if !seeded(o.Layout) || len(g.Edges) > searchEdges {
		return 1
	}
	return n
}

// searchRank orders candidate layouts: texts that misattribute (nearer
// another line, far from their own, or cut by another line) first, then
// lines through people they do not involve, then overlapping texts, then
// the clutter a reader must work through — crossings, with each text sent
// to the numbered key counting as keyCost crossings (a reader looks it up
// once, but it leaves the figure) — and lines through other countries'
// frames. Ties go to the earlier candidate.
func searchRank(a, b Score) int {
	mis := func(s Score) int { return s.Ambiguous + s.Far + s.LabelsCut }
	clutter := func(s Score) int { return s.Crossings + keyCost*s.Keyed }
	return cmp.Or(
		cmp.Compare(mis(a), mis(b)),
		cmp.Compare(a.ThroughNode, b.ThroughNode),
		cmp.Compare(a.LabelOverlaps+a.LabelNodeOverlaps, b.LabelOverlaps+b.LabelNodeOverlaps),
		cmp.Compare(clutter(a), clutter(b)),
		cmp.Compare(a.ThroughFrame, b.ThroughFrame),
	)
}

// keyCost is how many crossings a text moved into the key is worth in the
// layout search.
const keyCost = 3

// layBest lays the relation graph out from each candidate and keeps the
// best drawing; it returns the panel and the candidate's options (seed
// and spread) that made it. A
// non-empty engine overrides the options' (pinned positions: one
// candidate).
func layBest(ctx context.Context, gv *Graphviz, g *graph.Graph, o Options, engine string, paint bool) (*panel, Options, error) {
	n := o.candidates(g)
	if engine == "" {
		engine = o.Layout
	} else {
		n = 1
	}
	if n == 1 {
		var dot bytes.Buffer
		if err := graphvizDOT(&dot, g, o); err != nil {
			return nil, o, err
		}
		p, err := layGraph(ctx, gv, "figure-graph", dot.Bytes(), engine, paint, g.Dataset)
		return p, o, err
	}
	// The candidates are laid out at once: Graphviz takes one layout at a
	// time (its WebAssembly is one instance), and meanwhile the layouts it
	// has made are routed, labelled and scored on the other cores. Each
	// keeps its warnings; only the kept one's are given.
	type result struct {
		p     *panel
		o     Options
		s     Score
		warns []string
		err   error
	}
	results := make([]result, 2*n)
	sem := make(chan struct{}, searchWorkers)
	var wg sync.WaitGroup
	for i := range n {
		co := o
		co.Seed, co.spread = o.candidate(i)
		results[2*i].o = co
		wg.Add(1)
		sem <- struct{}{}
		go func(r, u *result) {
			defer wg.Done()
			defer func() { <-sem }()
			var dot bytes.Buffer
			if r.err = graphvizDOT(&dot, g, r.o); r.err != nil {
				return
			}
			cgv := gv.WithWarn(func(w string) { r.warns = append(r.warns, w) })
			if r.p, r.err = layGraph(ctx, cgv, "figure-graph", dot.Bytes(), engine, paint, g.Dataset); r.err != nil {
				return
			}
			r.s = r.p.geom.score()
			if o.noUntangle {
				return
			}
			// The same layout untangled (untangle.go).
			ugv := gv.WithWarn(func(w string) { u.warns = append(u.warns, w) })
			var ok bool
			if u.p, u.o, ok, u.err = layUntangled(ctx, ugv, g, r.o, r.p.laid, paint); ok {
				u.s = u.p.geom.score()
			} else {
				u.p = nil
			}
		}(&results[2*i], &results[2*i+1])
	}
	wg.Wait()
	best := -1
	for i := range results {
		if err := results[i].err; err != nil {
			return nil, o, err
		}
		if results[i].p == nil {
			continue // not untangled: no move helped
		}
		if best < 0 || searchRank(results[i].s, results[best].s) < 0 {
			best = i
		}
	}
	if gv.Warn != nil {
		for _, w := range results[best].warns {
			gv.Warn(w)
		}
	}
	return results[best].p, results[best].o, nil
}

// searchWorkers is how many candidates are in hand at once: one in
// Graphviz, the others routed and labelled beside it.
const searchWorkers = 3

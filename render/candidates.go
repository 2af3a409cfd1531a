package render

import (
	"bytes"
	"cmp"
	"context"
	"fmt"

	"github.com/dipgraph/dipgraph/graph"
)

// The layout search. A force-directed layout is one draw among many: the
// seed decides which lines cross and which run through people. So a figure
// is laid out from several seeds (its own first, then the ones after it),
// each candidate is scored on its finished drawing — labels placed, lines
// rerouted — and the best is kept, by a fixed order of what a reader would
// get wrong (searchRank). The seeds are fixed, so the same data and flags
// still give the same bytes.

// DefaultCandidates is how many layouts a figure tries when the flags do
// not say (docs/legibility.md has the measurements behind it).
const DefaultCandidates = 6

// MaxCandidates bounds --candidates.
const MaxCandidates = 64

// searchEdges is the size above which a figure is not searched: large
// layouts take seconds each, and their lines are straight.
const searchEdges = 120

// CandidatesError is the error for a --candidates out of range.
func CandidatesError(n int) error {
	return fmt.Errorf("--candidates %d: give a number of layouts to try from 1 to %d (1: the seed's layout alone)", n, MaxCandidates)
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
// lines through people they do not involve, then texts moved to the key,
// overlapping texts, crossings, and lines through other countries' frames.
// Ties go to the earlier seed.
func searchRank(a, b Score) int {
	mis := func(s Score) int { return s.Ambiguous + s.Far + s.LabelsCut }
	return cmp.Or(
		cmp.Compare(mis(a), mis(b)),
		cmp.Compare(a.ThroughNode, b.ThroughNode),
		cmp.Compare(a.Keyed, b.Keyed),
		cmp.Compare(a.LabelOverlaps+a.LabelNodeOverlaps, b.LabelOverlaps+b.LabelNodeOverlaps),
		cmp.Compare(a.Crossings, b.Crossings),
		cmp.Compare(a.ThroughFrame, b.ThroughFrame),
	)
}

// layBest lays the relation graph out from each candidate seed and keeps
// the best drawing; it returns the panel and the seed that made it. A
// non-empty engine overrides the options' (pinned positions: one
// candidate).
func layBest(ctx context.Context, gv *Graphviz, g *graph.Graph, o Options, engine string, paint bool) (*panel, int, error) {
	n := o.candidates(g)
	if engine == "" {
		engine = o.Layout
	} else {
		n = 1
	}
	var best *panel
	var bestScore Score
	bestSeed := o.Seed
	for i := range n {
		co := o
		co.Seed = o.Seed + i
		var dot bytes.Buffer
		if err := DOT(&dot, g, co); err != nil {
			return nil, 0, err
		}
		p, err := layGraph(ctx, gv, "figure-graph", dot.Bytes(), engine, paint, g.Dataset)
		if err != nil {
			return nil, 0, err
		}
		if n == 1 {
			return p, co.Seed, nil
		}
		s := p.geom.score()
		if best == nil || searchRank(s, bestScore) < 0 {
			best, bestScore, bestSeed = p, s, co.Seed
		}
	}
	return best, bestSeed, nil
}

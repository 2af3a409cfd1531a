package render

import (
	"fmt"

	"github.com/dipgraph/dipgraph/graph"
	"github.com/dipgraph/dipgraph/render/graphviz"
)

// DefaultMaxEntities is the most entities a figure lays out unless
// --max-entities (Options.MaxEntities) says more. sfdp lays out 10,000
// random entities in about 25 s; 19,000 ran past the default one-minute
// timeout, so a larger graph is refused before any layout starts, saying
// how to narrow it. The most it can be raised to is what the embedded
// Graphviz lays out at all (graphviz.MaxNodes).
const DefaultMaxEntities = 10_000

// MaxEntitiesLimit is the largest --max-entities.
const MaxEntitiesLimit = graphviz.MaxNodes

func (o *Options) maxEntities() int {
	if o.MaxEntities > 0 {
		return o.MaxEntities
	}
	return DefaultMaxEntities
}

// TooManyEntitiesError is a graph with more entities than a figure lays
// out (Options.MaxEntities).
type TooManyEntitiesError struct {
	Entities, Limit int
}

func (e *TooManyEntitiesError) Error() string {
	hint := fmt.Sprintf(", or raise the limit with --max-entities N (at most %d; a larger figure takes minutes, and --timeout may stop it)", MaxEntitiesLimit)
	if e.Limit >= MaxEntitiesLimit {
		hint = ""
	}
	return fmt.Sprintf("the figure would have %d entities, over the limit of %d per figure: narrow it with --types, --from/--to, --focus or --min-weight%s",
		e.Entities, e.Limit, hint)
}

// checkEntities refuses a graph over the entity limit, before its DOT is
// written or laid out.
func (o *Options) checkEntities(g *graph.Graph) error {
	if n := len(g.Nodes); n > o.maxEntities() {
		return &TooManyEntitiesError{Entities: n, Limit: o.maxEntities()}
	}
	return nil
}

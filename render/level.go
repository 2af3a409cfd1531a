package render

import (
	"cmp"
	"context"
	"fmt"
	"slices"

	"github.com/dipgraph/dipgraph/graph"
)

// The level of detail a figure is drawn at, and how the ties between one
// pair are bundled.
//
// At the people level (today's drawing) every entity is a node and every
// relation type between two of them a line of its own. At the country
// level each country is one node listing its people inside, leader first;
// every person's ties are rolled up to their country's (graph.Fold), and
// who did what stays in the caption rows ("Kim Jong Un → Vladimir Putin:
// talks after the parade") and the tooltips. Ties inside one country (Kim
// Jong Un and his sister) have no line there: the country's tooltip lists
// them. Filters (--focus, --types, dates) apply before the roll-up; stats
// and the exports keep the records.
//
// Bundled by sign, every tie between one pair is one line whose kind says
// what they mostly are — cooperation, conflict, mixed (both), or contact
// (meetings and messages only) — with its width by their total weight
// and one stacked caption, a row per record: who to whom, what, when,
// heaviest first (graph.BundleBySign). Bundled by type, each relation
// type keeps its own line, as at the people level.

// Levels are the levels of detail of --level.
var Levels = []string{"auto", "people", "country"}

// Bundles are the choices of --bundle.
var Bundles = []string{"auto", "type", "sign"}

// CheckLevelFor reports a level or bundling that a timeline or a diff
// (dated) cannot draw: both are drawn at the people level, a line per
// type, since their panels and marks follow the records' own lines.
func CheckLevelFor(o Options, dated bool) error {
	if dated && o.FoldBelow > 0 {
		return flagErrorf("fold-below", "--fold-below draws one figure of the relations: a timeline or a diff draws every tie (leave --fold-below out)")
	}
	if !dated || (o.Level != "country" && o.Bundle != "sign") {
		return nil
	}
	flag, v := "level", "--level country"
	if o.Level != "country" {
		flag, v = "bundle", "--bundle sign"
	}
	return flagErrorf(flag, "%s draws one figure of the relations: a timeline or a diff is drawn at the people level, a line per type (leave %s out)", v, v)
}

// level is the level asked for: auto when not given.
func (o *Options) level() string { return cmp.Or(o.Level, "auto") }

// DrawnGraph is the graph a figure draws at a level ("people" or
// "country") with o's bundling.
func DrawnGraph(g *graph.Graph, level string, o Options) *graph.Graph {
	d := g
	if level == "country" {
		d, _ = graph.Fold(g)
	}
	bundle := o.Bundle
	if bundle == "" || bundle == "auto" {
		bundle = "type"
		if level == "country" {
			bundle = "sign"
		}
	}
	if bundle == "sign" {
		d = graph.BundleBySign(d)
	}
	return graph.FoldMinor(d, o.FoldBelow)
}

// foldable reports whether the country level draws g differently from
// the people level: some person of the figure belongs to a country.
func foldable(g *graph.Graph) bool {
	countries, people := 0, false
	for _, n := range g.Nodes {
		if n.Kind == graph.KindCountry {
			countries++
		} else if _, ok := g.Dataset.Entity(n.Country); ok && n.Country != n.ID {
			people = true
		}
	}
	return people && countries > 1
}

// LayLevel lays the figure out at its level of detail for the target t
// (LayFor), and returns the graph it drew. Auto is the people level, but
// for a target (--size) whose legible text the people level cannot reach:
// then the country level is laid out too, and drawn when its text comes
// out larger, with a note saying so.
func LayLevel(ctx context.Context, gv *Graphviz, g *graph.Graph, o Options, paint bool, t Target) (*Figure, *graph.Graph, error) {
	level := o.level()
	if level != "auto" {
		d := DrawnGraph(g, level, o)
		f, err := LayFor(ctx, gv, d, o, paint, t)
		return f, d, err
	}
	people := DrawnGraph(g, "people", o)
	if t.W <= 0 || !foldable(g) {
		f, err := LayFor(ctx, gv, people, o, paint, t)
		return f, people, err
	}
	var pw, cw []string
	pf, err := LayFor(ctx, gv.WithWarn(func(s string) { pw = append(pw, s) }), people, o, paint, t)
	if err != nil {
		return nil, nil, err
	}
	pl := pf.LegibilityAt(t)
	f, d, warn := pf, people, pw
	if !pl.OK() {
		countries := DrawnGraph(g, "country", o)
		cf, err := LayFor(ctx, gv.WithWarn(func(s string) { cw = append(cw, s) }), countries, o, paint, t)
		if err != nil {
			return nil, nil, err
		}
		if cl := cf.LegibilityAt(t); cl.short() < pl.short() {
			f, d = cf, countries
			warn = append(slices.Clone(cw), fmt.Sprintf("%s at %s: drawn at the country level, each country with its people inside: at the people level its edge text would be %.1f %s and names %.1f %s, under the %g and %g %s that read (--level people draws the people anyway)",
				g.Dataset.ID, t.Name, pl.Edge, t.Unit, pl.Name, t.Unit, t.MinEdge, t.MinName, t.Unit))
		}
	}
	if gv.Warn != nil {
		for _, w := range warn {
			gv.Warn(w)
		}
	}
	return f, d, nil
}

package render

import (
	"bytes"
	"fmt"
	"math"
	"slices"

	"github.com/dipgraph/dipgraph/graph"
)

// Legend geometry, in inches (Graphviz's unit for pinned positions).
const (
	legendRow    = 0.32
	legendSample = 0.75
	legendFont   = 10.0
)

// legendDOT writes the legend as a small graph laid out with neato and
// every node pinned (rows written with a legendPen): one row per relation type drawn (a line sample styled
// exactly as the figure's edges), the meaning of line width, and the node
// shapes used. Drawing it with Graphviz means every painter that can draw
// the figure can draw its legend.
func legendDOT(g *graph.Graph, o Options) []byte {
	var b bytes.Buffer
	th := o.theme()
	styles := o.typeStyles(g.Dataset)
	b.WriteString("digraph legend {\n")
	writeAttrs(&b, "  graph", [][2]string{{"id", "legend"}, {"bgcolor", "transparent"}, {"pad", "0.1"},
		{"splines", "false"}, {"outputorder", "edgesfirst"}})
	k := o.asides()
	writeAttrs(&b, "  node", [][2]string{{"fontname", fontName}, {"fontsize", scaled(legendFont, k)},
		{"shape", "plaintext"}, {"margin", "0"}, {"height", scaled(0.2, k)}, {"fixedsize", "true"}, {"fontcolor", th.LegendText}})
	writeAttrs(&b, "  edge", [][2]string{{"fontname", fontName}})
	id := 0
	next := func() string { id++; return fmt.Sprintf("l%d", id) }
	p := &legendPen{b: &b, next: next, th: th, k: k, lines: o.lines()}

	p.text(0, "Relations", true)
	p.row++
	for _, t := range g.Types {
		directed := slices.ContainsFunc(g.Edges, func(e *graph.Edge) bool { return e.Type == t.ID && e.Directed })
		p.sample(th.edgeAttrs(styles[t.ID], &graph.Edge{Type: t.ID, Directed: directed, Weight: 2}), t.Label)
		label := t.Label
		switch t.Sign {
		case graph.Positive:
			label += " (+)"
		case graph.Negative:
			label += " (−)"
		}
		p.text(legendSample+0.12, label, false)
		p.row++
	}
	p.row++
	p.text(0, "Line width: total weight of the records", false)
	p.row++
	for _, w := range weightSamples(g) {
		p.sample(th.edgeAttrs(EdgeStyle{Color: th.WeightShade, Line: "solid", Arrow: "none"}, &graph.Edge{Weight: w}), fmt.Sprintf("weight %g", w))
		p.text(legendSample+0.12, fmt.Sprintf("%g", w), false)
		p.row++
	}
	legendOverlay(g, o).legend(p)
	p.row++
	kinds := map[graph.Kind]bool{}
	for _, n := range g.Nodes {
		kinds[n.Kind] = true
	}
	for _, k := range []graph.Kind{graph.KindCountry, graph.KindLeader, graph.KindPerson, graph.KindOrganization, graph.KindGroup} {
		if !kinds[k] {
			continue
		}
		s := th.kind(k)
		n := next()
		fmt.Fprintf(&b, "  %s", n)
		writeAttrList(&b, thicker([][2]string{{"id", "legend-" + n}, nodeLabel(s.LegendTag, s.Bold), {"shape", s.Shape}, {"style", s.Style},
			{"fillcolor", s.Fill}, {"color", s.Border}, {"fontcolor", s.FontColor}, {"penwidth", fmt.Sprintf("%g", s.PenWidth)},
			{"width", scaled(1.1, p.k)}, {"height", scaled(0.26, p.k)}, {"pos", fmt.Sprintf("%.3f,%.3f!", 0.55*p.k, p.y())}}, p.lines))
		b.WriteString("\n")
		p.row++
	}
	if o.clusters() && slices.ContainsFunc(g.Nodes, func(e *graph.Entity) bool { return e.Country != "" }) {
		p.text(0, "Shaded frame: a country and its people", false)
	} else if slices.ContainsFunc(g.Nodes, func(e *graph.Entity) bool { return e.Country != "" }) {
		p.text(0, "Thin gray line: a person's country", false)
	}
	b.WriteString("}\n")
	return b.Bytes()
}

// textWidth estimates the width in points of s set in Helvetica at size pt,
// from Helvetica's average advance widths (Graphviz does the same when it
// sizes nodes).
func textWidth(s string, size float64) float64 {
	w := 0.0
	for _, r := range s {
		switch {
		case r == ' ' || r == 'i' || r == 'l' || r == 'j' || r == '.' || r == ',' || r == '\'' || r == ':' || r == '|':
			w += 0.278
		case r == 'f' || r == 't' || r == 'r' || r == '(' || r == ')' || r == '-' || r == '[' || r == ']':
			w += 0.333
		case r == 'm' || r == 'w' || r == 'M' || r == 'W':
			w += 0.833
		case r >= 'A' && r <= 'Z':
			w += 0.667
		case r >= 0x1100:
			w += 1.0 // CJK and Hangul are full width
		default:
			w += 0.556
		}
	}
	return w * size
}

// weightSamples are the weights the legend's line-width scale shows: the
// lightest and heaviest edge drawn and one between, rounded, so the scale
// covers what the figure shows and no more.
func weightSamples(g *graph.Graph) []float64 {
	lo, hi := math.Inf(1), 1.0
	for _, e := range g.Edges {
		lo, hi = math.Min(lo, e.Weight), math.Max(hi, e.Weight)
	}
	lo = math.Max(1, math.Round(math.Min(lo, hi)))
	hi = math.Max(lo, math.Round(hi))
	out := []float64{lo}
	if mid := math.Round((lo + hi) / 2); mid > lo && mid < hi {
		out = append(out, mid)
	}
	if hi > lo {
		out = append(out, hi)
	}
	return out
}

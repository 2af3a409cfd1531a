package render

import (
	"fmt"
	"slices"
	"strings"

	"github.com/dipgraph/dipgraph/graph"
)

// Emphasis without filtering (--highlight): the actors named and the ties
// among them are drawn at full strength, a bolder outline on the actors;
// every other node and line is drawn faded — still there, still at the
// 3:1 contrast a line keeps and the 4.5:1 a text keeps (fade, fadedText),
// so the rest of the story stays readable. At the country level a person
// named stands for their country's node.

// CheckHighlight reports an id of --highlight the dataset does not have,
// with the nearest ids it does.
func (v *Overlay) CheckHighlight(d *graph.Dataset) error {
	if v == nil {
		return nil
	}
	for _, id := range v.Highlight {
		if _, ok := d.Entity(id); !ok {
			return flagErrorf("highlight", "--highlight %q: no such entity%s", id, graph.Suggest(id, d.EntityIDs()))
		}
	}
	return nil
}

// highlighted works out which of g's nodes --highlight names: each id
// itself, or, when it is not drawn (the country level), its country; and
// the ids that name nothing drawn (filtered out), for a warning.
func highlighted(g *graph.Graph, ids []string) (on map[string]bool, missing []string) {
	on = map[string]bool{}
	drawn := map[string]bool{}
	for _, n := range g.Nodes {
		drawn[n.ID] = true
	}
	for _, id := range ids {
		switch e, ok := g.Dataset.Entity(id); {
		case drawn[id]:
			on[id] = true
		case ok && drawn[e.Country]:
			on[e.Country] = true
		default:
			missing = append(missing, id)
		}
	}
	return on, missing
}

// highlightWarnings are the warnings of o's --highlight on g: ids that
// the figure does not draw.
func (o *Options) highlightWarnings(g *graph.Graph) []string {
	if o.Overlay == nil || len(o.Overlay.Highlight) == 0 {
		return nil
	}
	_, missing := highlighted(g, o.Overlay.Highlight)
	if len(missing) == 0 {
		return nil
	}
	return []string{fmt.Sprintf("%s: --highlight %s: not in this figure (left out by its filters), so not highlighted", g.Dataset.ID, strings.Join(missing, ","))}
}

// highlightNode draws a node named by --highlight with a bolder outline,
// and any other node faded: its outline and its name.
func (ov *overlay) highlightNode(e *graph.Entity, attrs [][2]string) [][2]string {
	if ov.highlight[e.ID] {
		if w, ok := getAttr(attrs, "penwidth"); ok {
			var pw float64
			if _, err := fmt.Sscanf(w, "%g", &pw); err == nil {
				attrs = setAttr(attrs, "penwidth", fmt.Sprintf("%g", pw*2))
			}
		}
		return attrs
	}
	if c, ok := getAttr(attrs, "color"); ok {
		attrs = setAttr(attrs, "color", fade(c, ov.theme))
	}
	// The faded gray, darkened where the node's own fill needs it for the
	// 4.5:1 a text keeps.
	surfaces := []string{ov.theme.backdrop()}
	if f, ok := getAttr(attrs, "fillcolor"); ok {
		if fill := over(f, ov.theme.backdrop()); fill != "" {
			surfaces = []string{fill}
		}
	}
	return setAttr(attrs, "fontcolor", withContrast(ov.theme.fadedText(), surfaces, minTextContrast))
}

// highlightEdge fades a line unless both its ends are highlighted.
func (ov *overlay) highlightEdge(e *graph.Edge, attrs [][2]string) [][2]string {
	if ov.highlight[e.From] && ov.highlight[e.To] {
		return attrs
	}
	return fadeEdge(attrs, ov.theme)
}

// highlightLegend explains the emphasis in the legend.
func (ov *overlay) highlightLegend(p *legendPen) {
	var names []string
	for _, n := range ov.highlightOrder {
		names = append(names, ov.names[n])
	}
	after := legendSample + 0.12
	// A line in the legend's own text colour, and the same faded: the
	// weight scale's gray is light already, and fading it to the 3:1 a
	// line keeps would make it darker, not fainter.
	strong := [][2]string{{"color", p.th.LegendText}, {"penwidth", "1.6"}, {"dir", "none"}}
	p.row++
	p.text(0, "Highlighted", true)
	p.row++
	p.sample(strong, "highlighted")
	p.text(after, "full strength: ties among "+joinNames(names), false)
	p.row++
	p.sample(fadeEdge(slices.Clone(strong), p.th), "faded")
	p.text(after, "faded: every other tie and actor", false)
	p.row++
}

// joinNames is "A", "A and B", "A, B and C".
func joinNames(ns []string) string {
	switch len(ns) {
	case 0:
		return ""
	case 1:
		return ns[0]
	}
	return strings.Join(ns[:len(ns)-1], ", ") + " and " + ns[len(ns)-1]
}

// highlightIDs are the drawn ids highlighted, in the order given.
func highlightIDs(g *graph.Graph, ids []string, on map[string]bool) []string {
	var out []string
	for _, id := range ids {
		if !on[id] {
			if e, ok := g.Dataset.Entity(id); ok && on[e.Country] {
				id = e.Country
			}
		}
		if on[id] && !slices.Contains(out, id) {
			out = append(out, id)
		}
	}
	return out
}

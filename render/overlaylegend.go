package render

import (
	"bytes"
	"fmt"
	"strings"

	"github.com/dipgraph/dipgraph/graph"
)

// legendPen writes rows into the legend graph (see legendDOT) with the
// legend's geometry: text flush left at x, line samples and node swatches,
// each on the current row, row legendRow inches below the one before.
type legendPen struct {
	b     *bytes.Buffer
	row   int
	next  func() string
	th    *Theme
	k     float64 // the legend's text scale: every length and size times k
	lines float64 // every line's width times lines
}

func (p *legendPen) y() float64 { return -float64(p.row) * legendRow * p.k }

// text writes one line of legend text starting at x inches (at
// TextScale 1).
func (p *legendPen) text(x float64, s string, bold bool) {
	x *= p.k
	size := legendFont * p.k
	label := [2]string{leftLabel, s}
	w := textWidth(s, size) * 1.18 / 72
	if bold {
		size = 11 * p.k
		w = textWidth(s, size) * 1.12 / 72
		label = nodeLabel(s, true)
	}
	n := p.next()
	attrs := [][2]string{{"id", "legend-" + n}, label, {"width", fmt.Sprintf("%.3f", w+0.05*p.k)},
		{"pos", fmt.Sprintf("%.3f,%.3f!", x+w/2+0.025*p.k, p.y())}}
	if bold {
		attrs = append(attrs, [2]string{"fontsize", scaled(11, p.k)})
	}
	p.b.WriteString("  " + n)
	writeAttrList(p.b, attrs)
	p.b.WriteString("\n")
}

// sample writes a line sample with the attributes of an edge.
func (p *legendPen) sample(attrs [][2]string, tip string) {
	a, z := p.next(), p.next()
	for i, n := range []string{a, z} {
		fmt.Fprintf(p.b, "  %s", n)
		writeAttrList(p.b, [][2]string{{"id", "legend-" + n}, {"label", ""}, {"shape", "point"}, {"width", "0.01"},
			{"style", "invis"}, {"pos", fmt.Sprintf("%.3f,%.3f!", float64(i)*legendSample*p.k, p.y())}})
		p.b.WriteString("\n")
	}
	fmt.Fprintf(p.b, "  %s -> %s", a, z)
	writeAttrList(p.b, thicker(append([][2]string{{"id", "legend-edge-" + a}, {"tooltip", tip}}, attrs...), p.lines))
	p.b.WriteString("\n")
}

// swatch writes a small node with the given attributes in the sample's
// place. Its label is a space: Graphviz draws an empty label as the node's
// name.
func (p *legendPen) swatch(attrs [][2]string) {
	n := p.next()
	fmt.Fprintf(p.b, "  %s", n)
	base := [][2]string{{"id", "legend-" + n}, {"label", " "}, {"shape", "box"}, {"style", "rounded,filled"},
		{"width", scaled(0.42, p.k)}, {"height", scaled(0.2, p.k)}, {"penwidth", "1"}, {"pos", fmt.Sprintf("%.3f,%.3f!", legendSample/2*p.k, p.y())}}
	for _, a := range attrs {
		base = setAttr(base, a[0], a[1])
	}
	writeAttrList(p.b, thicker(base, p.lines))
	p.b.WriteString("\n")
}

// gray is the legend's neutral line sample.
func (p *legendPen) gray() [][2]string {
	return [][2]string{{"color", p.th.WeightShade}, {"penwidth", "1.6"}, {"dir", "none"}}
}

// legend writes the overlay's rows into the legend from the pen's row on,
// leaving the pen on the next free row. Each says in words what the
// overlay's marks mean, so the figure reads without colour.
func (ov *overlay) legend(p *legendPen) {
	if ov == nil {
		return
	}
	after := legendSample + 0.12
	if c := ov.changes; c != nil {
		p.row++
		p.text(0, fmt.Sprintf("Changes, %s → %s", c.From.Human(), c.To.Human()), true)
		p.row++
		p.sample(p.gray(), "appeared")
		p.text(after, fmt.Sprintf("“%s”: appeared (only on %s)", markAppeared, c.To.Human()), false)
		p.row++
		p.sample(fadeEdge(p.gray(), p.th), "ended")
		p.text(after, fmt.Sprintf("faded, “%s”: ended (only on %s)", markEnded, c.From.Human()), false)
		p.row++
		p.sample(p.gray(), "strengthened")
		p.text(after, fmt.Sprintf("“%s 2 → 5”: strengthened (total weight then → now)", markUp), false)
		p.row++
		p.sample(p.gray(), "weakened")
		p.text(after, fmt.Sprintf("“%s 5 → 2”: weakened", markDown), false)
		p.row++
		p.text(after, "no mark: in force on both dates, same weight", false)
		p.row++
	}
	if ov.highlight != nil && len(ov.highlightOrder) > 0 {
		ov.highlightLegend(p)
	}
	if ov.spec.ShowUnbalanced {
		p.row++
		p.text(0, "Structural balance", true)
		p.row++
		p.sample(p.gray(), "in an unbalanced triad")
		n := len(ov.triads)
		p.text(after, fmt.Sprintf("full strength: a tie in one of the %d unbalanced %s", n, plural(n, "triad", "triads")), false)
		p.row++
		p.text(after, "(three countries whose signs multiply to −: a friend's", false)
		p.row++
		p.text(after, "friend is an enemy, or all three are enemies)", false)
		p.row++
		p.sample(fadeEdge(p.gray(), p.th), "balanced or neutral")
		p.text(after, "faded: every other relation", false)
		p.row++
	}
	if ov.spec.ColorBy == "bloc" {
		p.row++
		p.text(0, "Signed blocs (fill)", true)
		p.row++
		if ov.pins != nil && ov.pins.legend {
			// A timeline's panels each have their own blocs, coloured
			// after the last date's.
			for i, bl := range ov.spec.blocRef {
				fill, _, per := blocFill(i)
				p.swatch([][2]string{{"fillcolor", fill}, {"color", "#333333"}, {"peripheries", fmt.Sprint(per)}})
				p.text(after, "the bloc of "+ov.memberNames(bl)+" on the last date", false)
				p.row++
			}
			p.text(after, "on earlier dates: the bloc sharing most of them;", false)
			p.row++
			p.text(after, "other colours: blocs with none of them", false)
			p.row++
		}
		for i, bl := range ov.blocs {
			if ov.pins != nil && ov.pins.legend {
				break
			}
			fill, _, per := blocFill(ov.colour[i])
			p.swatch([][2]string{{"fillcolor", fill}, {"color", "#333333"}, {"peripheries", fmt.Sprint(per)}})
			p.text(after, fmt.Sprintf("bloc %d: %s", i+1, ov.memberNames(bl)), false)
			p.row++
		}
		p.text(after, "no fill: no bloc (no signed tie, or alone)", false)
		p.row++
		p.text(after, "people take their country's bloc; as dipgraph stats", false)
		p.row++
	}
	if s := ov.spec.SizeBy; s == "degree" || s == "weighted-degree" {
		p.row++
		what := "Node size: weighted degree (total weight of relations)"
		if s == "degree" {
			what = "Node size: degree (number of entities related to)"
		}
		p.text(0, what, false)
		p.row++
		if ov.top != nil {
			p.text(0, fmt.Sprintf("largest: %s, %g; area grows with the number", ov.top.Name, ov.topValue), false)
			p.row++
		}
	}
	if ov.pins != nil && ov.pins.legend {
		p.row++
		p.swatch([][2]string{{"shape", "ellipse"}, {"style", "filled"}, {"fillcolor", "#FFFFFF00"}, {"color", p.th.MemberLine}})
		p.text(after, "faint outline: no relation on that date (drawn", false)
		p.row++
		p.text(after, "where it stands on every date, never moved)", false)
		p.row++
	}
}

// memberNames lists a bloc's members by name.
func (ov *overlay) memberNames(bl graph.Bloc) string {
	var names []string
	for _, m := range bl.Members {
		names = append(names, ov.names[m])
	}
	return strings.Join(names, ", ")
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// legendOverlay is the overlay as the legend of g sees it.
func legendOverlay(g *graph.Graph, o Options) *overlay {
	return o.Overlay.prepare(g, o.theme())
}

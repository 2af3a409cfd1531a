package render

import (
	"fmt"
	"math"
	"slices"
	"strings"

	"github.com/dipgraph/dipgraph/graph"
)

// Overlay draws analysis over a figure: nodes filled by signed bloc, nodes
// sized by degree, the edges of unbalanced triads, and the marks of a
// change between two dates. A nil Overlay draws the plain figure.
type Overlay struct {
	// ColorBy is one of ColorBys: "kind" (the plain look) or "bloc".
	ColorBy string
	// SizeBy is one of SizeBys: "none", "degree" or "weighted-degree".
	SizeBy string
	// ShowUnbalanced draws the ties of unbalanced triads at full strength
	// and fades every other edge.
	ShowUnbalanced bool
	// Changes, when set, marks the edges that changed between two dates.
	Changes *Changes
	// Highlight names the actors drawn at full strength, with the ties
	// among them; every other node and line is faded (highlight.go).
	Highlight []string

	pins *pins // set by the timeline: node positions fixed in advance
	// blocRef, set by the timeline, are the blocs of its last date: each
	// panel's blocs take the colour of the one they share most members
	// with, so that a colour means the same side on every date.
	blocRef []graph.Bloc
}

// ColorBys are the choices of --color-by.
var ColorBys = []string{"kind", "bloc"}

// SizeBys are the choices of --size-by.
var SizeBys = []string{"none", "degree", "weighted-degree"}

// Changes are the changes between two snapshots that a figure of their
// union marks (see graph.Diff and graph.Union).
type Changes struct {
	From, To graph.Date
	// Of maps each changed edge of the union to its change; edges not in
	// it are unchanged.
	Of map[*graph.Edge]graph.EdgeChange
}

// NewChanges indexes a list of changes by edge.
func NewChanges(from, to graph.Date, list []graph.EdgeChange) *Changes {
	c := &Changes{From: from, To: to, Of: make(map[*graph.Edge]graph.EdgeChange, len(list))}
	for _, ch := range list {
		c.Of[ch.Edge] = ch
	}
	return c
}

// Check reports a choice out of range, naming the flag.
func (v *Overlay) Check() error {
	if v == nil {
		return nil
	}
	if v.ColorBy != "" && !slices.Contains(ColorBys, v.ColorBy) {
		return flagErrorf("color-by", "--color-by %q: choose one of %s", v.ColorBy, strings.Join(ColorBys, ", "))
	}
	if v.SizeBy != "" && !slices.Contains(SizeBys, v.SizeBy) {
		return flagErrorf("size-by", "--size-by %q: choose one of %s", v.SizeBy, strings.Join(SizeBys, ", "))
	}
	if len(v.Highlight) > 0 && v.ShowUnbalanced {
		return flagErrorf("highlight show-unbalanced", "--highlight and --show-unbalanced both fade the other ties: give one")
	}
	for _, id := range v.Highlight {
		if strings.TrimSpace(id) == "" {
			return flagErrorf("highlight", "--highlight: an empty id; give entity ids separated by commas, e.g. --highlight xi-jinping,kim-jong-un")
		}
	}
	return nil
}

// overlay is an Overlay worked out for one graph: what every node and edge
// gets. Its methods are the hooks the DOT and legend writers call; on a nil
// overlay they change nothing.
type overlay struct {
	spec  *Overlay
	theme *Theme

	bloc   map[string]int // entity → index into blocs (only blocs drawn)
	blocs  []graph.Bloc   // blocs of two or more, largest first
	colour []int          // the fill (index into blocFills) of each bloc
	names  map[string]string
	folded bool // blocs and triads are of countries, people taking their country's

	size     map[string]float64 // entity → scale factor, 1 to maxGrow
	top      *graph.Entity      // the largest node, for the legend
	topValue float64

	unbalanced map[*graph.Edge][]string // edge → the triads it is part of, as text
	triads     []string

	changes *Changes
	pins    *pins

	highlight      map[string]bool // drawn node ids at full strength (--highlight)
	highlightOrder []string
}

// prepare works the overlay out for g (nil when there is nothing to draw).
func (v *Overlay) prepare(g *graph.Graph, th *Theme) *overlay {
	if v == nil || (v.ColorBy != "bloc" && (v.SizeBy == "" || v.SizeBy == "none") && !v.ShowUnbalanced && v.Changes == nil && v.pins == nil && len(v.Highlight) == 0) {
		return nil
	}
	ov := &overlay{spec: v, theme: th, changes: v.Changes, pins: v.pins, names: map[string]string{}}
	for i := range g.Dataset.Entities {
		e := &g.Dataset.Entities[i]
		ov.names[e.ID] = e.Name
	}
	if v.ColorBy == "bloc" || v.ShowUnbalanced {
		ov.signed(g)
	}
	if v.SizeBy == "degree" || v.SizeBy == "weighted-degree" {
		ov.sizes(g)
	}
	if len(v.Highlight) > 0 {
		ov.highlight, _ = highlighted(g, v.Highlight)
		ov.highlightOrder = highlightIDs(g, v.Highlight, ov.highlight)
	}
	return ov
}

// signed computes the blocs and unbalanced triads of g's countries, as
// dipgraph stats does by default: people folded into their country.
func (ov *overlay) signed(g *graph.Graph) {
	folded, _ := graph.Fold(g)
	ov.folded = true
	s := graph.NewSigned(folded)
	unit := countryOf(g.Dataset)
	if ov.spec.ColorBy == "bloc" {
		ov.bloc = map[string]int{}
		ov.blocs = multiBlocs(s)
		ov.colour = blocColours(ov.blocs, ov.spec.blocRef)
		index := map[string]int{}
		for i, bl := range ov.blocs {
			for _, m := range bl.Members {
				index[m] = i
			}
		}
		for _, n := range g.Nodes {
			if i, ok := index[unit(n.ID)]; ok {
				ov.bloc[n.ID] = i
			}
		}
	}
	if ov.spec.ShowUnbalanced {
		ov.unbalanced = map[*graph.Edge][]string{}
		pairs := map[[2]string][]string{}
		for _, t := range s.Balance().UnbalancedTriads {
			text := fmt.Sprintf("%s – %s – %s (%s)", ov.names[t.Nodes[0]], ov.names[t.Nodes[1]], ov.names[t.Nodes[2]], t.Pattern())
			ov.triads = append(ov.triads, text)
			for _, p := range [][2]string{{t.Nodes[0], t.Nodes[1]}, {t.Nodes[0], t.Nodes[2]}, {t.Nodes[1], t.Nodes[2]}} {
				pairs[p] = append(pairs[p], text)
			}
		}
		for _, e := range g.Edges {
			if t, _ := g.Dataset.Type(e.Type); t.Sign == graph.Neutral {
				continue
			}
			a, b := unit(e.From), unit(e.To)
			if b < a {
				a, b = b, a
			}
			if ts := pairs[[2]string{a, b}]; len(ts) > 0 {
				ov.unbalanced[e] = ts
			}
		}
	}
}

// multiBlocs are the blocs of two or more of a signed graph, largest
// first: a bloc of one is not a bloc to colour.
func multiBlocs(s *graph.Signed) []graph.Bloc {
	var out []graph.Bloc
	for _, bl := range s.Blocs().Blocs {
		if len(bl.Members) >= 2 {
			out = append(out, bl)
		}
	}
	return out
}

// lastBlocs are the blocs of g's countries, for a timeline's colours.
func lastBlocs(g *graph.Graph) []graph.Bloc {
	folded, _ := graph.Fold(g)
	return multiBlocs(graph.NewSigned(folded))
}

// blocColours gives each bloc a fill: without a reference, in order; with
// one, the fill of the reference bloc it shares most members with (each
// used once, largest bloc first), or else a fill the reference does not
// use.
func blocColours(blocs, ref []graph.Bloc) []int {
	out := make([]int, len(blocs))
	if ref == nil {
		for i := range blocs {
			out[i] = i
		}
		return out
	}
	used := map[int]bool{}
	free := len(ref)
	for i, bl := range blocs {
		best, most := -1, 0
		for j, r := range ref {
			n := 0
			for _, m := range bl.Members {
				if slices.Contains(r.Members, m) {
					n++
				}
			}
			if !used[j] && n > most {
				best, most = j, n
			}
		}
		if best < 0 {
			best = free
			free++
		}
		used[best] = true
		out[i] = best
	}
	return out
}

// countryOf returns the function that maps an entity to the country it
// belongs to (itself if none), as graph.Fold folds it.
func countryOf(d *graph.Dataset) func(string) string {
	return func(id string) string {
		e, ok := d.Entity(id)
		if !ok || e.Country == "" || e.Country == id {
			return id
		}
		if c, ok := d.Entity(e.Country); ok && c.Kind == graph.KindCountry {
			return c.ID
		}
		return id
	}
}

// maxGrow is how much larger than its plain size the largest node is
// drawn under --size-by; the smallest is drawn at its plain size.
const maxGrow = 1.8

// sizes scales each node by the square root of its degree or weighted
// degree (so that area, not width, follows the number), relative to the
// largest.
func (ov *overlay) sizes(g *graph.Graph) {
	ov.size = map[string]float64{}
	var most float64
	stats := graph.Degrees(g)
	value := func(s graph.EntityStats) float64 {
		if ov.spec.SizeBy == "degree" {
			return float64(s.Degree)
		}
		return s.Weight
	}
	for _, s := range stats {
		if v := value(s); v > most {
			most, ov.top, ov.topValue = v, s.Entity, v
		}
	}
	for _, s := range stats {
		f := 1.0
		if most > 0 {
			f = 1 + (maxGrow-1)*math.Sqrt(value(s)/most)
		}
		ov.size[s.Entity.ID] = math.Round(f*100) / 100
	}
}

// Bloc fills: Okabe–Ito colours whose gray values (213, 158, 119, 87, of
// 255) stay apart in a grayscale print, each with the text colour that
// reads on it (at least 4.5:1). A fifth bloc and beyond take the remaining
// Okabe–Ito colours and a double border, since gray alone no longer tells
// them apart.
var blocFills = [][2]string{
	{"#F0E442", "#1A1A1A"}, // yellow
	{"#56B4E9", "#1A1A1A"}, // sky blue
	{"#D55E00", "#000000"}, // vermillion
	{"#0072B2", "#FFFFFF"}, // blue
	{"#CC79A7", "#1A1A1A"}, // reddish purple
	{"#009E73", "#1A1A1A"}, // bluish green
	{"#E69F00", "#1A1A1A"}, // orange
}

// blocFill returns the fill, text colour and border count of bloc i.
func blocFill(i int) (fill, text string, peripheries int) {
	c := blocFills[i%len(blocFills)]
	if i >= 4 {
		return c[0], c[1], 2
	}
	return c[0], c[1], 1
}

// faded is how much of a faded line's own colour shows over the
// backdrop.
const faded = 0.4

// fade returns colour c (#rrggbb, or a Graphviz colour list a:b) faded:
// blended towards the theme's backdrop, but never below the 3:1 contrast
// every line keeps (a faded line is de-emphasised, not hidden).
func fade(c string, th *Theme) string {
	parts := strings.Split(c, ":")
	bd := th.backdrop()
	for i, p := range parts {
		if len(p) != 7 || !strings.HasPrefix(p, "#") {
			continue
		}
		alpha := fmt.Sprintf("%02X", int(faded*255))
		if blend := over(p+alpha, bd); blend != "" {
			parts[i] = withContrast(blend, th.lineSurfaces(), minLineContrast)
		}
	}
	return strings.Join(parts, ":")
}

// setAttr replaces the value of key in attrs, or appends it.
func setAttr(attrs [][2]string, key, val string) [][2]string {
	for i, a := range attrs {
		if a[0] == key {
			attrs[i][1] = val
			return attrs
		}
	}
	return append(attrs, [2]string{key, val})
}

// getAttr returns the value of key in attrs.
func getAttr(attrs [][2]string, key string) (string, bool) {
	for _, a := range attrs {
		if a[0] == key {
			return a[1], true
		}
	}
	return "", false
}

// node applies the overlay to a node's attributes.
func (ov *overlay) node(e *graph.Entity, attrs [][2]string, k float64) [][2]string {
	if ov == nil {
		return attrs
	}
	if i, ok := ov.bloc[e.ID]; ok {
		fill, text, per := blocFill(ov.colour[i])
		attrs = setAttr(attrs, "fillcolor", fill)
		attrs = setAttr(attrs, "fontcolor", text)
		if per > 1 {
			attrs = setAttr(attrs, "peripheries", fmt.Sprint(per))
		}
		if tip, ok := getAttr(attrs, "tooltip"); ok {
			attrs = setAttr(attrs, "tooltip", fmt.Sprintf("%s\nsigned bloc %d", tip, i+1))
		}
	}
	if f, ok := ov.size[e.ID]; ok && f > 1 {
		// Graphviz sizes a node to fit its label; width and height are
		// minimums, so a larger node keeps its label inside.
		s := ov.theme.kind(e.Kind)
		w, h := 0.75, 0.5
		if s.Shape == "box" {
			w, h = 0.9, 0.42
		}
		attrs = setAttr(attrs, "width", fmt.Sprintf("%.2f", w*f*k))
		attrs = setAttr(attrs, "height", fmt.Sprintf("%.2f", h*f*k))
		attrs = setAttr(attrs, "fontsize", fmt.Sprintf("%g", math.Round(s.FontSize*(1+(f-1)/2)*k*10)/10))
	}
	if ov.highlight != nil {
		attrs = ov.highlightNode(e, attrs)
	}
	if ov.pins != nil {
		attrs = ov.pins.node(e, attrs, ov.theme)
	}
	return attrs
}

// edge applies the overlay to an edge's attributes; labelAttr is where its
// text goes.
func (ov *overlay) edge(e *graph.Edge, attrs [][2]string, labelAttr string) [][2]string {
	if ov == nil {
		return attrs
	}
	if ov.spec.ShowUnbalanced {
		if ts, ok := ov.unbalanced[e]; ok {
			tip, _ := getAttr(attrs, "tooltip")
			attrs = setAttr(attrs, "tooltip", tip+"\nIn an unbalanced triad: "+strings.Join(ts, "; "))
		} else {
			attrs = fadeEdge(attrs, ov.theme)
		}
	}
	if ov.highlight != nil {
		attrs = ov.highlightEdge(e, attrs)
	}
	if ov.changes != nil {
		attrs = ov.changes.mark(e, attrs, labelAttr, ov.theme)
	}
	return attrs
}

// fadeEdge draws an edge faded: its line and its arrowheads, and its text
// in the theme's faded gray (which still reads, at 4.5:1).
func fadeEdge(attrs [][2]string, th *Theme) [][2]string {
	if c, ok := getAttr(attrs, "color"); ok {
		attrs = setAttr(attrs, "color", fade(c, th))
	}
	return setAttr(attrs, "fontcolor", th.fadedText())
}

// Change marks: the text that begins an edge's label. Text, not colour, so
// a grayscale print and a colour-blind reader see them.
const (
	markAppeared = "+ new"
	markEnded    = "× ended"
	markUp       = "▲"
	markDown     = "▼"
)

// mark labels a changed edge with its change; an edge that ended is also
// drawn faded.
func (c *Changes) mark(e *graph.Edge, attrs [][2]string, labelAttr string, th *Theme) [][2]string {
	ch, ok := c.Of[e]
	if !ok {
		return attrs
	}
	var tag string
	switch ch.Kind {
	case graph.Appeared:
		tag = markAppeared
	case graph.Ended:
		tag = markEnded
		attrs = fadeEdge(attrs, th)
	case graph.Strengthened:
		tag = fmt.Sprintf("%s %g → %g", markUp, ch.Before, ch.After)
	case graph.Weakened:
		tag = fmt.Sprintf("%s %g → %g", markDown, ch.Before, ch.After)
	}
	label, _ := getAttr(attrs, labelAttr)
	if label != "" {
		tag += "\n" + label
	}
	attrs = setAttr(attrs, labelAttr, tag)
	tip, _ := getAttr(attrs, "tooltip")
	return setAttr(attrs, "tooltip", fmt.Sprintf("%s\n%s from %s to %s (weight %g → %g)", tip, ch.Kind, c.From, c.To, ch.Before, ch.After))
}

// graph applies the overlay to the graph's attributes.
func (ov *overlay) graph(attrs [][2]string) [][2]string {
	if ov == nil || ov.pins == nil {
		return attrs
	}
	return ov.pins.graph(attrs)
}

// cluster applies the overlay to a country frame's attributes.
func (ov *overlay) cluster(country string, attrs [][2]string) [][2]string {
	if ov == nil || ov.pins == nil {
		return attrs
	}
	if bb, ok := ov.pins.clusters[country]; ok {
		attrs = setAttr(attrs, "bb", bb)
	}
	return attrs
}

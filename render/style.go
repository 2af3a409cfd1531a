package render

import (
	"fmt"
	"math"
	"slices"

	"github.com/dipgraph/dipgraph/graph"
)

// EdgeStyle is how one relation type is drawn.
type EdgeStyle struct {
	Color string `json:"color"` // #rrggbb
	Line  string `json:"line"`  // solid, dashed, dotted, bold, double
	Arrow string `json:"arrow"` // Graphviz arrow shape for one-sided records
}

// Okabe–Ito colour-blind-safe palette; colour is never the only cue, since
// every type also differs by line and arrowhead. The themes deepen or
// lighten these (same hue, other lightness) where they lack the contrast a
// line needs (Theme.edgeColor): sky blue, orange and gray on white, blue
// and the near-black on a dark slide.
const (
	okBlue       = "#0072B2"
	okVermillion = "#D55E00"
	okBlack      = "#3A3A3A"
	okGreen      = "#009E73"
	okOrange     = "#E69F00"
	okSky        = "#56B4E9"
	okPurple     = "#CC79A7"
	okGray       = "#8A8A8A"
)

var builtinStyles = map[string]EdgeStyle{
	"alliance":  {Color: okBlue, Line: "bold", Arrow: "none"},
	"hostility": {Color: okVermillion, Line: "solid", Arrow: "tee"},
	"summit":    {Color: okBlack, Line: "dashed", Arrow: "dot"},
	// The tie kinds of a bundled figure (graph.BundleBySign): undirected,
	// since each caption row gives its own direction.
	graph.TieCooperation: {Color: okBlue, Line: "solid", Arrow: "none"},
	graph.TieMixed:       {Color: okPurple, Line: "dashed", Arrow: "none"},
	graph.TieConflict:    {Color: okVermillion, Line: "solid", Arrow: "none"},
	graph.TieContact:     {Color: okGray, Line: "dotted", Arrow: "none"},
}

// Colours for declared types without a colour of their own, by sign, each
// handed to the type whose sign it is in turn, least used first. Positive
// types take only the cool hues (bluish green, sky blue, blue) and
// negative ones only the warm ones (vermillion, orange, reddish purple),
// so a cooperative and a conflictual type never share a hue family (see
// hueFamily); the blue–yellow split survives red–green colour blindness,
// which is why orange, not the purple that such readers see as bluish,
// comes second. Neutral types are gray or near black.
var signColors = map[graph.Sign][]string{
	graph.Positive: {okGreen, okSky, okBlue},
	graph.Negative: {okVermillion, okOrange, okPurple},
	graph.Neutral:  {okGray, okBlack},
}

// Line and arrow pairs for declared types without a style, in the order
// they are handed out; each differs from the built-ins and from the others
// in grayscale.
var fallbackShapes = [][2]string{
	{"solid", "normal"},
	{"dashed", "onormal"},
	{"dotted", "vee"},
	{"dotted", "tee"},
	{"double", "none"},
	{"dashed", "odiamond"},
	{"solid", "box"},
	{"dotted", "odot"},
	{"bold", "vee"},
	{"dashed", "inv"},
}

// Styles assigns a style to each relation type of a dataset: built-in
// defaults, then the data file's own choices, then fallbacks that keep
// every pair of types apart by line and arrowhead, not colour alone. The
// result depends only on the dataset, never on what a filter kept, so a
// type looks the same in every figure of a dataset.
func Styles(d *graph.Dataset) map[string]EdgeStyle {
	out := map[string]EdgeStyle{}
	usedShape := map[[2]string]bool{}
	usedColor := map[string]int{}
	ids := d.TypeIDs()
	for _, id := range ids {
		t, _ := d.Type(id)
		s := builtinStyles[id]
		if t.Style.Color != "" {
			s.Color = t.Style.Color
		}
		if t.Style.Line != "" {
			s.Line = t.Style.Line
		}
		if t.Style.Arrow != "" {
			s.Arrow = t.Style.Arrow
		}
		out[id] = s
		if s.Line != "" && s.Arrow != "" {
			usedShape[[2]string{s.Line, s.Arrow}] = true
		}
		if s.Color != "" {
			usedColor[s.Color]++
		}
	}
	next := 0
	for _, id := range ids {
		s := out[id]
		t, _ := d.Type(id)
		if s.Line == "" || s.Arrow == "" {
			for next < len(fallbackShapes) && usedShape[fallbackShapes[next]] {
				next++
			}
			shape := [2]string{"solid", "normal"}
			if next < len(fallbackShapes) {
				shape = fallbackShapes[next]
				next++
			}
			if s.Line == "" {
				s.Line = shape[0]
			}
			if s.Arrow == "" {
				s.Arrow = shape[1]
			}
			usedShape[[2]string{s.Line, s.Arrow}] = true
		}
		if s.Color == "" {
			colors := signColors[t.Sign]
			s.Color = colors[0]
			for _, c := range colors {
				if usedColor[c] < usedColor[s.Color] {
					s.Color = c
				}
			}
			usedColor[s.Color]++
		}
		out[id] = s
	}
	return out
}

// PenWidth maps an edge's aggregated weight to a Graphviz pen width: it
// grows with the square root of the weight, so one heavy edge does not
// drown the rest, from 1 (weight ≤ 1) to at most 7. Dotted and dashed
// lines are never thinner than minBrokenPen: a broken line has less ink
// than a solid one of its width, and at 1 pt it fades on a projected slide
// whatever its colour.
func PenWidth(weight float64, line string) float64 {
	w := 1 + 1.2*(math.Sqrt(max(weight, 1))-1)
	switch line {
	case "bold":
		w = w*1.5 + 0.5
	case "dotted", "dashed":
		w = max(w, minBrokenPen)
	}
	return math.Round(min(w, 7)*100) / 100
}

// minBrokenPen is the least pen width, in points, of a dotted or dashed
// relation line.
const minBrokenPen = 1.6

// symmetricArrows are arrowheads that read the same at both ends, drawn at
// both ends of a mutual (undirected) edge: a summit has a dot at each end.
var symmetricArrows = []string{"dot", "odot", "diamond", "odiamond", "box", "obox"}

// edgeAttrs returns the Graphviz attributes of an edge of type style s: the
// one place that maps (theme, type, weight) to how an edge is drawn. The
// theme has already adapted s's colour (Options.typeStyles); the weight
// sets the pen width and the arrowhead's size.
func (t *Theme) edgeAttrs(s EdgeStyle, e *graph.Edge) [][2]string {
	pw := PenWidth(e.Weight, s.Line)
	attrs := [][2]string{{"color", s.Color}, {"penwidth", fmt.Sprintf("%g", pw)}}
	switch s.Line {
	case "dashed", "dotted":
		attrs = append(attrs, [2]string{"style", s.Line})
	case "double":
		attrs = append(attrs, [2]string{"color", s.Color + ":" + s.Color})
	}
	arrow := s.Arrow
	switch {
	case e.Directed && (arrow == "none" || arrow == ""):
		attrs = append(attrs, [2]string{"dir", "forward"}, [2]string{"arrowhead", "normal"})
	case e.Directed:
		attrs = append(attrs, [2]string{"dir", "forward"}, [2]string{"arrowhead", arrow})
	case slices.Contains(symmetricArrows, arrow):
		attrs = append(attrs, [2]string{"dir", "both"}, [2]string{"arrowhead", arrow}, [2]string{"arrowtail", arrow})
	default:
		attrs = append(attrs, [2]string{"dir", "none"})
	}
	if pw > 2 {
		attrs = append(attrs, [2]string{"arrowsize", fmt.Sprintf("%g", math.Round(min(0.6+0.2*pw, 1.4)*100)/100)})
	}
	return attrs
}

// NodeStyle is how an entity kind is drawn.
type NodeStyle struct {
	Shape     string
	Style     string
	Fill      string
	Border    string
	FontColor string
	FontSize  float64
	Bold      bool
	PenWidth  float64
	Margin    string // Graphviz node margin in inches, when the default is too tight
	LegendTag string // what the legend calls this kind
}

var nodeStyles = map[graph.Kind]NodeStyle{
	graph.KindCountry:      {Shape: "box", Style: "rounded,filled", Fill: "#E8EEF4", Border: "#2F4B66", FontColor: "#1A1A1A", FontSize: 15, Bold: true, PenWidth: 1.6, Margin: "0.2,0.07", LegendTag: "Country"},
	graph.KindLeader:       {Shape: "ellipse", Style: "filled", Fill: "#FFFFFF", Border: "#333333", FontColor: "#1A1A1A", FontSize: 12, PenWidth: 1.2, LegendTag: "Leader"},
	graph.KindPerson:       {Shape: "ellipse", Style: "filled,dashed", Fill: "#FFFFFF", Border: "#555555", FontColor: "#1A1A1A", FontSize: 11, PenWidth: 1, LegendTag: "Other person"},
	graph.KindOrganization: {Shape: "hexagon", Style: "filled", Fill: "#F3EFE6", Border: "#5A4A2F", FontColor: "#1A1A1A", FontSize: 12, PenWidth: 1.2, LegendTag: "Organisation"},
	graph.KindGroup:        {Shape: "octagon", Style: "filled", Fill: "#F3EFE6", Border: "#5A4A2F", FontColor: "#1A1A1A", FontSize: 12, PenWidth: 1.2, LegendTag: "Group"},
}

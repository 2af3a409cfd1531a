package render

import (
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/dipgraph/dipgraph/graph"
)

// Theme is the look of a figure: the colours of its background, text,
// frames and nodes, and how relation types' colours are adapted to it.
// Every theme keeps relation types apart by line pattern and arrowhead as
// well as colour (Okabe–Ito colours, colour-blind safe), so no theme relies
// on red against green.
type Theme struct {
	Name        string
	Background  string // "" leaves the figure transparent
	Title       string // title text colour
	Subtitle    string
	Footer      string // data-as-of line and sources
	EdgeText    string // text on edges
	LegendText  string
	Cluster     [2]string // fill and border of a country's frame
	MemberLine  string    // the thin line from a person to their country (engines without frames)
	WeightShade string    // the line samples of the legend's weight scale
	Kinds       map[graph.Kind]NodeStyle
	// Gray draws relation types in black and grays only (for print): the
	// types are told apart by line pattern, arrowhead and width alone.
	Gray bool
	// Lighten raises dark relation colours so they read on a dark
	// background.
	Lighten bool
}

// Themes are the themes --theme chooses from, by name.
var Themes = map[string]*Theme{
	"light": {
		Name: "light", Background: "#FFFFFF",
		Title: "#1A1A1A", Subtitle: "#444444", Footer: "#555555", EdgeText: "#404040", LegendText: "#1A1A1A",
		Cluster: [2]string{"#F6F7F9", "#C9CED6"}, MemberLine: "#B8BEC6", WeightShade: "#6B6B6B",
		Kinds: nodeStyles,
	},
	"dark": {
		Name: "dark", Background: "",
		Title: "#F2F2F2", Subtitle: "#CFCFCF", Footer: "#B8B8B8", EdgeText: "#D6D6D6", LegendText: "#F2F2F2",
		Cluster: [2]string{"#FFFFFF12", "#FFFFFF45"}, MemberLine: "#7A828C", WeightShade: "#B0B0B0",
		Kinds: map[graph.Kind]NodeStyle{
			graph.KindCountry:      recolor(nodeStyles[graph.KindCountry], "#2B3D50", "#A9C6E4", "#F5F5F5"),
			graph.KindLeader:       recolor(nodeStyles[graph.KindLeader], "#20262D", "#D2D2D2", "#F0F0F0"),
			graph.KindPerson:       recolor(nodeStyles[graph.KindPerson], "#20262D", "#A6A6A6", "#E6E6E6"),
			graph.KindOrganization: recolor(nodeStyles[graph.KindOrganization], "#3A3326", "#D9C8A2", "#F0F0F0"),
			graph.KindGroup:        recolor(nodeStyles[graph.KindGroup], "#3A3326", "#D9C8A2", "#F0F0F0"),
		},
		Lighten: true,
	},
	"print": {
		Name: "print", Background: "#FFFFFF",
		Title: "#000000", Subtitle: "#333333", Footer: "#333333", EdgeText: "#333333", LegendText: "#000000",
		Cluster: [2]string{"#F2F2F2", "#B3B3B3"}, MemberLine: "#999999", WeightShade: "#4D4D4D",
		Kinds: map[graph.Kind]NodeStyle{
			graph.KindCountry:      recolor(nodeStyles[graph.KindCountry], "#E6E6E6", "#000000", "#000000"),
			graph.KindLeader:       recolor(nodeStyles[graph.KindLeader], "#FFFFFF", "#1A1A1A", "#000000"),
			graph.KindPerson:       recolor(nodeStyles[graph.KindPerson], "#FFFFFF", "#4D4D4D", "#000000"),
			graph.KindOrganization: recolor(nodeStyles[graph.KindOrganization], "#F2F2F2", "#1A1A1A", "#000000"),
			graph.KindGroup:        recolor(nodeStyles[graph.KindGroup], "#F2F2F2", "#1A1A1A", "#000000"),
		},
		Gray: true,
	},
}

// ThemeNames are the themes' names, sorted.
var ThemeNames = []string{"dark", "light", "print"}

// DefaultTheme is the theme used when none is chosen.
const DefaultTheme = "light"

// recolor is a node style with other fill, border and text colours.
func recolor(s NodeStyle, fill, border, text string) NodeStyle {
	s.Fill, s.Border, s.FontColor = fill, border, text
	return s
}

// theme is the options' theme with the style sheet's node and background
// choices applied.
func (o *Options) theme() *Theme {
	base, ok := Themes[o.Theme]
	if !ok {
		base = Themes[DefaultTheme]
	}
	t := *base
	if o.Background != "" {
		t.Background = o.Background
		if o.Background == "none" {
			t.Background = ""
		}
	}
	if o.Sheet == nil || len(o.Sheet.Kinds) == 0 {
		return &t
	}
	t.Kinds = map[graph.Kind]NodeStyle{}
	for k, s := range base.Kinds {
		if ks, ok := o.Sheet.Kinds[k]; ok {
			if ks.Fill != "" {
				s.Fill = ks.Fill
			}
			if ks.Border != "" {
				s.Border = ks.Border
			}
			if ks.Text != "" {
				s.FontColor = ks.Text
			}
			if ks.Shape != "" {
				s.Shape = ks.Shape
			}
		}
		t.Kinds[k] = s
	}
	return &t
}

// kind returns the theme's node style of an entity kind.
func (t *Theme) kind(k graph.Kind) NodeStyle {
	if s, ok := t.Kinds[k]; ok {
		return s
	}
	return t.Kinds[graph.KindOrganization]
}

// typeStyles are the styles of a dataset's relation types as the theme
// draws them: the dataset's own (Styles), then the style sheet's, then the
// theme's adaptation of colours (grays for print, lighter for dark).
func (o *Options) typeStyles(d *graph.Dataset) map[string]EdgeStyle {
	styles := Styles(d)
	t := o.theme()
	for id, s := range styles {
		if o.Sheet != nil {
			if ss, ok := o.Sheet.Types[id]; ok {
				if ss.Color != "" {
					s.Color = ss.Color
				}
				if ss.Line != "" {
					s.Line = ss.Line
				}
				if ss.Arrow != "" {
					s.Arrow = ss.Arrow
				}
			}
		}
		ty, _ := d.Type(id)
		s.Color = t.edgeColor(s.Color, ty.Sign)
		styles[id] = s
	}
	return styles
}

// edgeColor adapts a relation type's colour to the theme.
func (t *Theme) edgeColor(c string, sign graph.Sign) string {
	r, g, b, ok := hexRGB(c)
	if !ok {
		return c
	}
	switch {
	case t.Gray:
		// Black and grays only: cooperative types near black, neutral
		// ones dark gray, conflictual ones mid gray — never so light that
		// a thin dotted line fades on paper.
		v := math.Min(0.2, luminance(r, g, b))
		switch sign {
		case graph.Neutral:
			v = 0.25
		case graph.Negative:
			v = 0.45
		}
		return rgbHex(v, v, v)
	case t.Lighten && luminance(r, g, b) < 0.2:
		// Dark colours are lifted towards white until they read on a
		// dark slide (Okabe–Ito's blue and black).
		mix := func(x float64) float64 { return x + (1-x)*0.45 }
		if luminance(r, g, b) < 0.05 {
			mix = func(x float64) float64 { return x + (1-x)*0.8 }
		}
		return rgbHex(mix(r), mix(g), mix(b))
	}
	return c
}

// hexRGB reads #rrggbb (or #rrggbbaa, ignoring alpha) as fractions.
func hexRGB(c string) (r, g, b float64, ok bool) {
	h, found := strings.CutPrefix(c, "#")
	if !found || (len(h) != 6 && len(h) != 8) {
		return 0, 0, 0, false
	}
	v, err := strconv.ParseUint(h[:6], 16, 32)
	if err != nil {
		return 0, 0, 0, false
	}
	return float64(v>>16&255) / 255, float64(v>>8&255) / 255, float64(v&255) / 255, true
}

// luminance is the relative luminance (WCAG) of an sRGB colour.
func luminance(r, g, b float64) float64 {
	lin := func(c float64) float64 {
		if c <= 0.04045 {
			return c / 12.92
		}
		return math.Pow((c+0.055)/1.055, 2.4)
	}
	return 0.2126*lin(r) + 0.7152*lin(g) + 0.0722*lin(b)
}

func rgbHex(r, g, b float64) string {
	c := func(x float64) int { return int(math.Round(math.Max(0, math.Min(1, x)) * 255)) }
	return fmt.Sprintf("#%02X%02X%02X", c(r), c(g), c(b))
}

// CheckTheme reports an unknown theme name, naming the flag.
func CheckTheme(name string) error {
	if !slices.Contains(ThemeNames, name) {
		return fmt.Errorf("--theme %q: choose one of %s", name, strings.Join(ThemeNames, ", "))
	}
	return nil
}

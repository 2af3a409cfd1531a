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
	Name       string
	Background string // "" leaves the figure transparent
	// Backdrop is what the figure is measured and adapted against when
	// it has no background of its own: the dark theme is transparent (the
	// slide shows through) and is made for a dark slide of about #1E2228,
	// the colour figures.yaml gives the README's dark figure.
	Backdrop    string
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
}

// Themes are the themes --theme chooses from, by name.
var Themes = map[string]*Theme{
	"light": {
		Name: "light", Background: "#FFFFFF", Backdrop: "#FFFFFF",
		Title: "#1A1A1A", Subtitle: "#444444", Footer: "#555555", EdgeText: "#404040", LegendText: "#1A1A1A",
		Cluster: [2]string{"#F6F7F9", "#C9CED6"}, MemberLine: "#B8BEC6", WeightShade: "#6B6B6B",
		Kinds: nodeStyles,
	},
	"dark": {
		Name: "dark", Background: "", Backdrop: "#1E2228",
		Title: "#F2F2F2", Subtitle: "#CFCFCF", Footer: "#B8B8B8", EdgeText: "#D6D6D6", LegendText: "#F2F2F2",
		Cluster: [2]string{"#FFFFFF12", "#FFFFFF45"}, MemberLine: "#7A828C", WeightShade: "#B0B0B0",
		Kinds: map[graph.Kind]NodeStyle{
			graph.KindCountry:      recolor(nodeStyles[graph.KindCountry], "#2B3D50", "#A9C6E4", "#F5F5F5"),
			graph.KindLeader:       recolor(nodeStyles[graph.KindLeader], "#20262D", "#D2D2D2", "#F0F0F0"),
			graph.KindPerson:       recolor(nodeStyles[graph.KindPerson], "#20262D", "#A6A6A6", "#E6E6E6"),
			graph.KindOrganization: recolor(nodeStyles[graph.KindOrganization], "#3A3326", "#D9C8A2", "#F0F0F0"),
			graph.KindGroup:        recolor(nodeStyles[graph.KindGroup], "#3A3326", "#D9C8A2", "#F0F0F0"),
		},
	},
	"print": {
		Name: "print", Background: "#FFFFFF", Backdrop: "#FFFFFF",
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
// theme's adaptation of colours (grays for print; elsewhere the built-in and
// fallback colours deepened or lightened to the contrast lines need).
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
		s.Color = t.edgeColor(s.Color, ty.Sign, o.givenColor(d, id))
		styles[id] = s
	}
	for _, ty := range graph.TieTypes() {
		s := builtinStyles[ty.ID]
		s.Color = t.edgeColor(s.Color, ty.Sign, false)
		styles[ty.ID] = s
	}
	return styles
}

// givenColor says whether the colour of relation type id is the user's own
// (the data file's or the style sheet's) rather than a built-in or fallback
// colour.
func (o *Options) givenColor(d *graph.Dataset, id string) bool {
	if o.Sheet != nil && o.Sheet.Types[id].Color != "" {
		return true
	}
	ty, _ := d.Type(id)
	return ty.Style.Color != ""
}

// edgeColor adapts a relation type's colour to the theme. A colour the user
// gave is used as given (print still turns it gray); dipgraph's own colours
// keep their Okabe–Ito hue and are deepened (light backgrounds) or
// lightened (dark ones) just enough to have 3:1 contrast against the
// background and the country frames drawn on it.
func (t *Theme) edgeColor(c string, sign graph.Sign, given bool) string {
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
	case given:
		return c
	}
	return withContrast(c, t.lineSurfaces(), minLineContrast)
}

// backdrop is the colour the figure sits on: its background, or the
// theme's nominal backdrop when the figure is transparent.
func (t *Theme) backdrop() string {
	if _, _, _, ok := hexRGB(t.Background); ok {
		return t.Background
	}
	return t.Backdrop
}

// lineSurfaces are the colours relation lines and edge text are drawn
// over: the backdrop, and a country's frame as it shows on the backdrop.
func (t *Theme) lineSurfaces() []string {
	bd := t.backdrop()
	out := []string{bd}
	if f := over(t.Cluster[0], bd); f != "" && f != bd {
		out = append(out, f)
	}
	return out
}

// fadedText is the colour of a faded edge's text (an ended relation in a
// diff, one outside every unbalanced triad): the lightest gray that still
// has text's 4.5:1 on the backdrop and the country frames.
func (t *Theme) fadedText() string {
	return withContrast(okGray, t.lineSurfaces(), minTextContrast)
}

// contrastWarnings names every relation line and text of the figure of g
// whose contrast against what it sits on is below WCAG 2.1's minimum (3:1
// for lines, 4.5:1 for text). dipgraph's own colours always pass on the
// themes' own backgrounds; what can fail is a colour the user gave (used as
// given) or a --background the theme's text was not made for.
func (o *Options) contrastWarnings(g *graph.Graph) []string {
	t := o.theme()
	surfaces := t.lineSurfaces()
	against := func(c string) string {
		s := fmt.Sprintf("%.1f:1 contrast against the background %s", contrastRatio(c, surfaces[0]), surfaces[0])
		if len(surfaces) > 1 {
			s += fmt.Sprintf(" (%.1f:1 over a country's frame)", contrastRatio(c, surfaces[1]))
		}
		return s
	}
	var out []string
	styles := o.typeStyles(g.Dataset)
	for _, ty := range g.Types {
		if c := styles[ty.ID].Color; leastContrast(c, surfaces) < minLineContrast {
			out = append(out, fmt.Sprintf("relation type %q: colour %s has %s, below the 3:1 a line needs (WCAG 2.1 §1.4.11); it is used as given",
				ty.ID, c, against(c)))
		}
	}
	for _, x := range []struct{ what, color string }{
		{"title", t.Title}, {"subtitle", t.Subtitle}, {"footer", t.Footer}, {"edge text", t.EdgeText}, {"legend text", t.LegendText},
	} {
		if leastContrast(x.color, surfaces) < minTextContrast {
			out = append(out, fmt.Sprintf("theme %s: %s colour %s has %s, below the 4.5:1 text needs (WCAG 2.1 §1.4.3)",
				t.Name, x.what, x.color, against(x.color)))
		}
	}
	return out
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
		return flagErrorf("theme", "--theme %q: choose one of %s", name, strings.Join(ThemeNames, ", "))
	}
	return nil
}

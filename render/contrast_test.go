package render

import (
	"bytes"
	"fmt"
	"math"
	"slices"
	"strings"
	"testing"

	"github.com/dipgraph/dipgraph/graph"
)

func TestContrastRatio(t *testing.T) {
	for _, c := range []struct {
		fg, bg string
		want   float64
	}{
		{"#000000", "#FFFFFF", 21},
		{"#FFFFFF", "#000000", 21},
		{"#FFFFFF", "#FFFFFF", 1},
		{"#777777", "#FFFFFF", 4.48},
		{"#56B4E9", "#FFFFFF", 2.31}, // Okabe–Ito sky blue: too faint for a line
		{"#0072B2", "#FFFFFF", 5.19},
		{"#00000080", "#FFFFFF", 4.00}, // half-transparent black over white
		{"nope", "#FFFFFF", 0},
	} {
		if got := contrastRatio(c.fg, c.bg); math.Abs(got-c.want) > 0.01 {
			t.Errorf("contrastRatio(%s, %s) = %.3f, want %.2f", c.fg, c.bg, got, c.want)
		}
	}
}

// contrastCases are the themes as the figures use them: each on its own
// background, the dark theme also on the README's #1E2228 and on black,
// and the light one transparent.
var contrastCases = []struct {
	name string
	o    Options
}{
	{"light", Options{Theme: "light"}},
	{"light transparent", Options{Theme: "light", Background: "none"}},
	{"dark", Options{Theme: "dark"}},
	{"dark on #1E2228", Options{Theme: "dark", Background: "#1E2228"}},
	{"dark on black", Options{Theme: "dark", Background: "#000000"}},
	{"print", Options{Theme: "print"}},
}

// manyTypes is a dataset declaring more types of every sign, none with a
// colour, than the fallback colours go round, besides the built-ins.
func manyTypes() *graph.Dataset {
	ds := &graph.Dataset{ID: "many"}
	for i := range 12 {
		sign := []graph.Sign{graph.Positive, graph.Negative, graph.Neutral}[i%3]
		ds.Types = append(ds.Types, graph.Type{ID: fmt.Sprintf("t%02d", i), Label: fmt.Sprintf("T%d", i), Sign: sign, Weight: 1})
	}
	return ds
}

// TestLineContrast: every relation type's line — built-in, fallback by
// sign, in every theme — and the legend's weight samples have at least 3:1
// against the background and against a country's frame on it.
func TestLineContrast(t *testing.T) {
	for _, tc := range contrastCases {
		t.Run(tc.name, func(t *testing.T) {
			th := tc.o.theme()
			surfaces := th.lineSurfaces()
			for _, ds := range []*graph.Dataset{loadDefault(t), manyTypes()} {
				styles := tc.o.typeStyles(ds)
				for _, id := range ds.TypeIDs() {
					s := styles[id]
					cr := leastContrast(s.Color, surfaces)
					t.Logf("%-17s %-6s %s %5.2f:1", id, s.Line, s.Color, cr)
					if cr < minLineContrast {
						t.Errorf("%s: %s line %s has %.2f:1 against %v, want ≥ 3:1", id, s.Line, s.Color, cr, surfaces)
					}
				}
			}
			for sign, colors := range signColors {
				for _, c := range colors {
					if a := th.edgeColor(c, sign, false); leastContrast(a, surfaces) < minLineContrast {
						t.Errorf("fallback %s (%v) becomes %s: %.2f:1", c, sign, a, leastContrast(a, surfaces))
					}
				}
			}
			if cr := leastContrast(th.WeightShade, surfaces); cr < minLineContrast {
				t.Errorf("weight shade %s: %.2f:1", th.WeightShade, cr)
			}
		})
	}
}

// TestTextContrast: the title, subtitle, footer, edge text (plain and
// faded) and legend text have at least 4.5:1 against the background and a
// country's frame; each kind's name against the node's fill, and each
// bloc's against its bloc fill.
func TestTextContrast(t *testing.T) {
	for _, tc := range contrastCases {
		t.Run(tc.name, func(t *testing.T) {
			th := tc.o.theme()
			surfaces := th.lineSurfaces()
			for _, x := range []struct{ what, c string }{
				{"title", th.Title}, {"subtitle", th.Subtitle}, {"footer", th.Footer},
				{"edge text", th.EdgeText}, {"faded edge text", th.fadedText()}, {"legend text", th.LegendText},
			} {
				if cr := leastContrast(x.c, surfaces); cr < minTextContrast {
					t.Errorf("%s %s: %.2f:1 against %v, want ≥ 4.5:1", x.what, x.c, cr, surfaces)
				}
			}
			for k, s := range th.Kinds {
				fill := over(s.Fill, th.backdrop())
				if cr := contrastRatio(s.FontColor, fill); cr < minTextContrast {
					t.Errorf("%s name %s on %s: %.2f:1", k, s.FontColor, fill, cr)
				}
			}
		})
	}
	for i := range len(blocFills) {
		fill, text, _ := blocFill(i)
		if cr := contrastRatio(text, fill); cr < minTextContrast {
			t.Errorf("bloc %d: name %s on %s: %.2f:1", i, text, fill, cr)
		}
	}
}

// TestDrawnContrast checks the DOT Graphviz draws, figure and legend, of
// the default figure (and with bloc colours): every line of a relation or
// of the weight scale has 3:1 against the backdrop and the frames, every
// edge text 4.5:1, every node's text 4.5:1 against its fill. Faded lines
// (an overlay's de-emphasis, said in words in the legend) are left out.
func TestDrawnContrast(t *testing.T) {
	ds := loadDefault(t)
	g := graph.Build(ds, graph.Filter{})
	for _, tc := range contrastCases {
		for _, ov := range []*Overlay{nil, {ColorBy: "bloc"}} {
			o := tc.o
			o.Layout, o.EdgeLabels, o.Seed, o.Overlay = "fdp", "caption", DefaultSeed, ov
			th := o.theme()
			surfaces := th.lineSurfaces()
			var b bytes.Buffer
			if err := DOT(&b, g, o); err != nil {
				t.Fatal(err)
			}
			for _, doc := range [][]byte{b.Bytes(), legendDOT(g, o)} {
				lines := 0
				for _, l := range dotAttrLists(doc) {
					id := l.get("id")
					switch {
					case strings.HasPrefix(id, "edge-") || strings.HasPrefix(id, "legend-edge-"):
						lines++
						for c := range strings.SplitSeq(l.get("color"), ":") {
							if _, faded := hexAlpha(c); faded {
								continue
							}
							if cr := leastContrast(c, surfaces); cr < minLineContrast {
								t.Errorf("%s, overlay %v: %s line %s has %.2f:1", tc.name, ov != nil, id, c, cr)
							}
						}
						if fc := l.get("fontcolor"); fc != "" {
							if cr := leastContrast(fc, surfaces); cr < minTextContrast {
								t.Errorf("%s: %s text %s has %.2f:1", tc.name, id, fc, cr)
							}
						}
					case strings.HasPrefix(id, "node-") || (strings.HasPrefix(id, "legend-") && l.get("fillcolor") != ""):
						fill := over(l.get("fillcolor"), th.backdrop())
						if fill == "" || l.get("label") == " " {
							continue // a swatch without text
						}
						if cr := contrastRatio(l.get("fontcolor"), fill); cr < minTextContrast {
							t.Errorf("%s, overlay %v: %s text %s on %s has %.2f:1", tc.name, ov != nil, id, l.get("fontcolor"), fill, cr)
						}
					}
				}
				if lines == 0 {
					t.Fatalf("%s: no lines found in\n%s", tc.name, doc)
				}
			}
		}
	}
}

// hueClashes names the pairs of a positive and a negative colour in one
// hue family, and colours of a sign outside its families (positive: cool;
// negative: warm; neutral: gray).
func hueClashes(bySign map[graph.Sign][]string) []string {
	var out []string
	for _, p := range bySign[graph.Positive] {
		for _, n := range bySign[graph.Negative] {
			if fp, _ := hueFamily(p); fp == first(hueFamily(n)) {
				out = append(out, fmt.Sprintf("positive %s and negative %s are both %s", p, n, fp))
			}
		}
	}
	for sign, cs := range bySign {
		for _, c := range cs {
			f, cool := hueFamily(c)
			switch {
			case sign == graph.Positive && !cool, sign == graph.Negative && (cool || f == "gray"), sign == graph.Neutral && f != "gray":
				out = append(out, fmt.Sprintf("%v type in %s (%s)", sign, c, f))
			}
		}
	}
	return out
}

func first[A, B any](a A, _ B) A { return a }

// TestHueFamilies: positive and negative types never share a hue family,
// in any colour theme, for the built-ins and every fallback colour, as
// drawn (after the theme's adaptation).
func TestHueFamilies(t *testing.T) {
	for _, tc := range []struct {
		c, want string
	}{
		{okOrange, "orange"}, {okVermillion, "orange"}, {okGreen, "green"}, {okSky, "blue"}, {okBlue, "blue"},
		{okPurple, "pink"}, {"#F0E442", "yellow"}, {okGray, "gray"}, {okBlack, "gray"}, {"#E6194B", "red"}, {"#00B7C7", "cyan"},
	} {
		if got, _ := hueFamily(tc.c); got != tc.want {
			t.Errorf("hueFamily(%s) = %s, want %s", tc.c, got, tc.want)
		}
	}
	// The check can fail: the palette before issue 14 drew military
	// support (positive) orange beside hostility's vermillion.
	if len(hueClashes(map[graph.Sign][]string{graph.Positive: {okOrange, okGreen}, graph.Negative: {okVermillion}})) == 0 {
		t.Error("hueClashes passes positive orange beside negative vermillion")
	}
	for _, tc := range contrastCases {
		o := tc.o
		if o.theme().Gray {
			continue
		}
		for _, ds := range []*graph.Dataset{loadDefault(t), manyTypes()} {
			styles := o.typeStyles(ds)
			bySign := map[graph.Sign][]string{}
			for _, id := range ds.TypeIDs() {
				ty, _ := ds.Type(id)
				bySign[ty.Sign] = append(bySign[ty.Sign], styles[id].Color)
			}
			for _, c := range hueClashes(bySign) {
				t.Errorf("%s, %s: %s", tc.name, ds.ID, c)
			}
		}
	}
}

// TestContrastWarnings: dipgraph's own colours give no warning in any
// theme (the warning-free path); a user's faint colour is used as given and
// named, as is a background the theme's text was not made for. And the
// check can fail: the sky blue the overture had is too faint on white.
func TestContrastWarnings(t *testing.T) {
	ds := loadDefault(t)
	g := graph.Build(ds, graph.Filter{})
	for _, tc := range contrastCases {
		if w := tc.o.contrastWarnings(g); len(w) > 0 {
			t.Errorf("%s: warnings %q", tc.name, w)
		}
	}
	if cr := leastContrast(okSky, Themes["light"].lineSurfaces()); cr >= minLineContrast {
		t.Errorf("plain sky blue has %.2f:1 on white; the check would not catch it", cr)
	}
	o := Options{Theme: "light", Sheet: &graph.StyleSheet{Types: map[string]graph.Style{"alliance": {Color: okSky}}}}
	if got := o.typeStyles(ds)["alliance"].Color; got != okSky {
		t.Errorf("the user's colour became %s", got)
	}
	w := o.contrastWarnings(g)
	if len(w) != 1 || !strings.Contains(w[0], `"alliance"`) || !strings.Contains(w[0], "2.3:1") {
		t.Errorf("warnings %q, want one naming alliance's 2.3:1", w)
	}
	o = Options{Theme: "light", Background: "#808080"}
	if w := o.contrastWarnings(g); !slices.ContainsFunc(w, func(s string) bool { return strings.Contains(s, "edge text") }) {
		t.Errorf("light theme on mid gray: warnings %q, want one naming the edge text", w)
	}
}

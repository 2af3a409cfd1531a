package render

import (
	"bytes"
	"context"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dipgraph/dipgraph/data"
	"github.com/dipgraph/dipgraph/graph"
)

// TestCheckTextScale: a factor above 0 and at most 10; anything else is an
// error naming the flag and the value.
func TestCheckTextScale(t *testing.T) {
	for _, ok := range []float64{0.5, 1, 2.5, 10} {
		if err := CheckTextScale(ok); err != nil {
			t.Errorf("--text-scale %g: %v", ok, err)
		}
	}
	for _, bad := range []float64{0, -1, math.NaN(), math.Inf(1), math.Inf(-1), 10.5, 1e9} {
		err := CheckTextScale(bad)
		if err == nil || !strings.HasPrefix(err.Error(), "--text-scale ") {
			t.Errorf("--text-scale %g: %v", bad, err)
		}
		o := Options{Layout: "fdp", EdgeLabels: "caption", TextScale: bad}
		if bad != 0 && o.Check() == nil {
			t.Errorf("Options.Check passes TextScale %g", bad)
		}
	}
}

// TestTextScaleOneIsTheDefault: TextScale 1 writes the very DOT (graph and
// legend) that the zero value does, so --text-scale 1 changes no byte.
func TestTextScaleOneIsTheDefault(t *testing.T) {
	g := graph.Build(loadDefault(t), graph.Filter{})
	for _, o := range []Options{
		{Layout: "fdp", EdgeLabels: "caption", Seed: 3},
		{Layout: "neato", EdgeLabels: "date", Overlay: &Overlay{ColorBy: "bloc", SizeBy: "weighted-degree"}},
	} {
		one := o
		one.TextScale = 1
		var a, b bytes.Buffer
		if err := DOT(&a, g, o); err != nil {
			t.Fatal(err)
		}
		if err := DOT(&b, g, one); err != nil {
			t.Fatal(err)
		}
		if a.String() != b.String() {
			t.Errorf("%s: TextScale 1 changes the DOT", o.Layout)
		}
		if !bytes.Equal(legendDOT(g, o), legendDOT(g, one)) {
			t.Errorf("%s: TextScale 1 changes the legend", o.Layout)
		}
	}
}

// TestTextScaleMultipliesEveryText: at --text-scale 2 every kind of text
// the figure draws is twice the size, as measured from the drawing.
func TestTextScaleMultipliesEveryText(t *testing.T) {
	g := graph.Build(loadDefault(t), graph.Filter{})
	gv := sharedGraphviz(t)
	o := Options{Layout: "fdp", EdgeLabels: "caption", Seed: 3}
	one, err := Lay(context.Background(), gv, g, o, false)
	if err != nil {
		t.Fatal(err)
	}
	o.TextScale = 2
	two, err := Lay(context.Background(), gv, g, o, false)
	if err != nil {
		t.Fatal(err)
	}
	a, b := one.Text(), two.Text()
	near := func(x, y float64) bool { return math.Abs(x-y) <= 0.01*y } // Graphviz rounds its panel's size
	if !near(a.Edge, edgeFont) || !near(a.Name, 11) || !near(a.Legend, legendFont) || !near(a.Figure, footSize) {
		t.Errorf("designed sizes: %+v", a)
	}
	for _, c := range []struct {
		what   string
		at1, k float64
	}{{"edge text", a.Edge, b.Edge}, {"names", a.Name, b.Name}, {"legend", a.Legend, b.Legend}, {"title block and sources", a.Figure, b.Figure}} {
		if !near(c.k, 2*c.at1) {
			t.Errorf("%s: %g pt at --text-scale 1, %g at 2", c.what, c.at1, c.k)
		}
	}
	if two.Width <= one.Width || two.Height <= one.Height {
		t.Errorf("bigger text, no bigger figure: %gx%g, then %gx%g", one.Width, one.Height, two.Width, two.Height)
	}
}

// TestEdgeLabelBoxesFollowTheFontSize: placeLabels sizes each label from
// the edge text's size in the laid DOT (the edge defaults', or the
// edge's own), not from a constant.
func TestEdgeLabelBoxesFollowTheFontSize(t *testing.T) {
	dot := `digraph g { graph [id="relations"]; edge [fontsize="17"]; a [id="node-a"]; b [id="node-b"]; c [id="node-c"];
a -> b [id="edge-1", xlabel="one\ntwo"]; b -> c [id="edge-2", xlabel="x", fontsize="9"] }`
	laid, err := sharedGraphviz(t).Render(context.Background(), []byte(dot), "fdp", "dot")
	if err != nil {
		t.Fatal(err)
	}
	m := placeLabels(laid).moves
	if got, want := m["edge-1"].h, 2*17*1.2+2; math.Abs(got-want) > 1e-9 {
		t.Errorf("a two-line label at 17 pt is %g high, want %g", got, want)
	}
	if got, want := m["edge-2"].h, 9*1.2+2; math.Abs(got-want) > 1e-9 {
		t.Errorf("a one-line label at 9 pt is %g high, want %g", got, want)
	}
}

func loadFile(t *testing.T, path string) *graph.Dataset {
	t.Helper()
	in, err := data.ReadInput(filepath.Base(path), os.DirFS(filepath.Dir(path)), nil)
	if err != nil {
		t.Fatal(err)
	}
	ds, err := data.Load(in)
	if err != nil {
		t.Fatal(err)
	}
	return ds
}

// TestLayForTarget: laid out for a 1920×1080 slide, the smallest edge
// text is at least 18 px and the smallest name 24 px once the figure fills
// the slide; for an 85 mm column, 6 pt and 8 pt on paper — measured from
// the final figure (the font sizes drawn times the target's pixels or
// points per figure point), with no warning.
func TestLayForTarget(t *testing.T) {
	def := loadDefault(t)
	mid := loadFile(t, "../docs/examples/mid-2003.yaml")
	fdp := Options{Layout: "fdp", EdgeLabels: "caption", Seed: DefaultSeed}
	tests := []struct {
		name   string
		ds     *graph.Dataset
		filter graph.Filter
		o      Options
		target Target
	}{
		// (The whole default figure with its 30 captions does not fit a
		// slide at 18 px without misattributing them: TestLayForCrowdedSlide.)
		{"beijing-2025 slide, no edge text", def, graph.Filter{}, Options{Layout: "fdp", EdgeLabels: "none", Seed: DefaultSeed}, TargetFor("slide", 1920, 1080)},
		{"beijing-2025 slide dark, no edge text", def, graph.Filter{}, Options{Layout: "fdp", EdgeLabels: "none", Seed: DefaultSeed, Theme: "dark"}, TargetFor("slide", 1920, 1080)},
		{"kim-jong-un slide, dates", def, graph.Filter{Focus: "kim-jong-un", Depth: 1}, Options{Layout: "fdp", EdgeLabels: "date", Seed: DefaultSeed}, TargetFor("slide", 1920, 1080)},
		{"mid-2003 slide", mid, graph.Filter{}, fdp, TargetFor("slide", 1920, 1080)},
		// (mid-2003 has an arrow from each state that acted, 26 lines: its
		// captions fit a 16:9 slide but not a 4:3 one, where its dates do.)
		{"mid-2003 slide-4:3, dates", mid, graph.Filter{}, Options{Layout: "fdp", EdgeLabels: "date", Seed: DefaultSeed}, TargetFor("slide-4:3", 1440, 1080)},
		{"mid-2003 square, neato", mid, graph.Filter{}, Options{Layout: "neato", EdgeLabels: "date", Seed: DefaultSeed}, TargetFor("square", 1080, 1080)},
		{"kim-ju-ae a4-column", def, graph.Filter{Focus: "kim-ju-ae", Depth: 1}, fdp, TargetFor("a4-column", 1004, 0)},
		{"kim-yo-jong a4-column, dates", def, graph.Filter{Focus: "kim-yo-jong", Depth: 1}, Options{Layout: "fdp", EdgeLabels: "date", Seed: DefaultSeed}, TargetFor("a4-column", 1004, 0)},
		{"mid-2003 a4-column, no edge text", mid, graph.Filter{}, Options{Layout: "fdp", EdgeLabels: "none", Seed: DefaultSeed}, TargetFor("a4-column", 1004, 0)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			g := graph.Build(tt.ds, tt.filter)
			var warnings []string
			gv := sharedGraphviz(t).WithWarn(func(s string) { warnings = append(warnings, s) })
			f, err := LayFor(context.Background(), gv, g, tt.o, true, tt.target)
			if err != nil {
				t.Fatal(err)
			}
			tg := tt.target
			final, perPt := f, tg.W/f.Width // a column: 85 mm wide, height free
			if tg.H > 0 {
				final = f.Fit(int(tg.W), int(tg.H))
				perPt = tg.W / final.Width
				if math.Abs(tg.H/final.Height-perPt) > 1e-9 {
					t.Fatalf("fitted to %gx%g, the figure is %gx%g", tg.W, tg.H, final.Width, final.Height)
				}
			}
			ts := final.Text()
			edge, name, legend := ts.Edge*perPt, ts.Name*perPt, ts.Legend*perPt
			t.Logf("%s: edge text %.1f %s, names %.1f, legend %.1f, figure %.0fx%.0f pt", tg.Name, edge, tg.Unit, name, legend, f.Width, f.Height)
			if ts.Edge > 0 && edge < tg.MinEdge {
				t.Errorf("edge text %.2f %s, want %g or more", edge, tg.Unit, tg.MinEdge)
			}
			if name < tg.MinName {
				t.Errorf("names %.2f %s, want %g or more", name, tg.Unit, tg.MinName)
			}
			if legend < tg.MinEdge*0.97 {
				t.Errorf("legend text %.2f %s, want about %g or more", legend, tg.Unit, tg.MinEdge)
			}
			if len(warnings) > 0 {
				t.Errorf("warnings: %q", warnings)
			}
			if _, err := final.Image(PaintOptions{Width: 600}); err != nil {
				t.Errorf("painting: %v", err)
			}
		})
	}
}

// TestLayForCrowdedSlide: the default figure's 30 captions do not fit a
// 1920×1080 slide at 18 px beside their own lines. LayFor enlarges the
// text as far as it goes, keeps every text by its own line (or in the
// key), and warns.
func TestLayForCrowdedSlide(t *testing.T) {
	g := graph.Build(loadDefault(t), graph.Filter{})
	o := Options{Layout: "fdp", EdgeLabels: "caption", Seed: DefaultSeed}
	plain, err := Lay(context.Background(), sharedGraphviz(t), g, o, false)
	if err != nil {
		t.Fatal(err)
	}
	var warnings []string
	gv := sharedGraphviz(t).WithWarn(func(s string) { warnings = append(warnings, s) })
	f, err := LayFor(context.Background(), gv, g, o, false, TargetFor("slide", 1920, 1080))
	if err != nil {
		t.Fatal(err)
	}
	before := plain.Fit(1920, 1080).Score(Display{"px", 1920 / plain.Fit(1920, 1080).Width})
	fit := f.Fit(1920, 1080)
	s := fit.Score(fit.DisplayFor("png", PaintOptions{Width: 1920, Height: 1080}))
	t.Logf("slide: edge text %.1f px (before %.1f), names %.1f px (before %.1f), %d keyed, %d cut", s.MinEdgeText, before.MinEdgeText, s.MinNameText, before.MinNameText, s.Keyed, s.LabelsCut)
	if s.MinEdgeText < 1.2*before.MinEdgeText || s.MinNameText < 1.2*before.MinNameText {
		t.Errorf("text grew from %.1f/%.1f px to only %.1f/%.1f px", before.MinEdgeText, before.MinNameText, s.MinEdgeText, s.MinNameText)
	}
	if s.Ambiguous+s.Far+s.ThroughNode > 0 {
		t.Errorf("%d ambiguous, %d far, %d through nodes: %q", s.Ambiguous, s.Far, s.ThroughNode, s.Problems)
	}
	if len(warnings) != 1 || !strings.Contains(warnings[0], "under the 18 and 24 px") {
		t.Errorf("warnings %q, want one naming the sizes that read", warnings)
	}
}

// TestLayForWarns: when the text cannot be made legible at the target,
// the figure is laid out all the same, with a warning that names the
// figure, the target, the sizes and what would help.
func TestLayForWarns(t *testing.T) {
	g := graph.Build(loadDefault(t), graph.Filter{})
	var warnings []string
	gv := sharedGraphviz(t).WithWarn(func(s string) { warnings = append(warnings, s) })
	f, err := LayFor(context.Background(), gv, g, Options{Layout: "fdp", EdgeLabels: "caption", Seed: DefaultSeed}, false, TargetFor("a4-column", 1004, 0))
	if err != nil || f == nil {
		t.Fatalf("no figure: %v", err)
	}
	if len(warnings) != 1 {
		t.Fatalf("warnings: %q", warnings)
	}
	for _, want := range []string{"beijing-2025 at a4-column: edge text ", " pt and names ", "under the 6 and 8 pt that read", "--edge-labels date", "a wider column or page", "--focus", "--types"} {
		if !strings.Contains(warnings[0], want) {
			t.Errorf("the warning lacks %q: %s", want, warnings[0])
		}
	}
}

// TestLayForNoTarget: without a target (no --size, or one side only),
// LayFor is Lay: the same bytes.
func TestLayForNoTarget(t *testing.T) {
	g := graph.Build(loadDefault(t), graph.Filter{})
	gv := sharedGraphviz(t)
	o := Options{Layout: "fdp", EdgeLabels: "caption", Seed: DefaultSeed}
	a, err := Lay(context.Background(), gv, g, o, false)
	if err != nil {
		t.Fatal(err)
	}
	b, err := LayFor(context.Background(), gv, g, o, false, TargetFor("1200x", 1200, 0))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a.SVG(false), b.SVG(false)) {
		t.Error("LayFor without a target changes the figure")
	}
}

// TestTargets: the presets' targets and a4-column's widths.
func TestTargets(t *testing.T) {
	if s := TargetFor("slide", 1920, 1080); s.MinEdge != 18 || s.MinName != 24 || s.Unit != "px" {
		t.Errorf("slide: %+v", s)
	}
	if s := TargetFor("1280x720", 1280, 720); math.Abs(s.MinEdge-12) > 1e-9 || math.Abs(s.MinName-16) > 1e-9 {
		t.Errorf("1280x720: %+v", s)
	}
	if c := TargetFor("A4-Column", 1004, 0); c.Unit != "pt" || math.Abs(c.W-240.94) > 0.01 || c.MinEdge != 6 || c.MinName != 8 {
		t.Errorf("a4-column: %+v", c)
	}
	if w := A4ColumnWidth(300); w != 1004 {
		t.Errorf("a4-column at 300 dpi: %d px", w)
	}
	if w := A4ColumnWidth(72); w != 241 {
		t.Errorf("a4-column in PDF: %d pt", w)
	}
	if (TargetFor("640x", 640, 0) != Target{}) {
		t.Error("one side alone has a target")
	}
}

// TestKeyBeside: the key to numbered lines in a column of its own, right
// of the legend, inside the figure, and as wide as brings the figure's
// shape nearest the one asked for.
func TestKeyBeside(t *testing.T) {
	g := graph.Build(loadDefault(t), graph.Filter{})
	o := Options{Layout: "fdp", EdgeLabels: "caption", Seed: DefaultSeed, Candidates: 1}
	f, err := Lay(context.Background(), sharedGraphviz(t), g, o, false)
	if err != nil {
		t.Fatal(err)
	}
	if len(f.panels) != 2 || len(keyItems(f.panels[0], g, Options{})) == 0 {
		t.Fatalf("want a graph with numbered lines and a legend: %d panels", len(f.panels))
	}
	for _, aspect := range []float64{0, 16.0 / 9, 3} {
		bo := o
		bo.keyBeside, bo.keyAspect = true, aspect
		main, legend := *f.panels[0], *f.panels[1]
		b := arrange(g, bo, &main, &legend)
		right := legend.x + legend.svg.width
		n := 0
		for _, l := range b.lines {
			if l.block != "key" {
				continue
			}
			n++
			if l.x < right || l.x+l.room > b.Width+1e-9 {
				t.Errorf("aspect %g: key line %q at x %g–%g, want right of the legend (%g) and inside the figure (%g)", aspect, l.text, l.x, l.x+l.room, right, b.Width)
			}
		}
		if n == 0 {
			t.Errorf("aspect %g: no key", aspect)
		}
		t.Logf("aspect %g: figure %.0f×%.0f (%.2f), %d key lines", aspect, b.Width, b.Height, b.Width/b.Height, n)
	}
	// The wider the shape asked for, the wider the figure.
	wide := func(a float64) float64 {
		bo := o
		bo.keyBeside, bo.keyAspect = true, a
		main, legend := *f.panels[0], *f.panels[1]
		return arrange(g, bo, &main, &legend).Width
	}
	if wide(3) <= wide(1) {
		t.Errorf("asked for 3:1, the figure is %g wide; for 1:1, %g", wide(3), wide(1))
	}
}

package render

import (
	"bytes"
	"context"
	"errors"
	"math"
	"strings"
	"testing"

	"github.com/dipgraph/dipgraph/graph"
)

// TestLevelSlide: for a slide, auto draws the default figure at the
// country level, whose text reads there (the people level's does not:
// TestLayForCrowdedSlide), and says so; every text stays by its own line
// or in the key. The held-aside Korea dataset goes the same way.
func TestLevelSlide(t *testing.T) {
	for _, tt := range []struct {
		name string
		ds   *graph.Dataset
	}{
		{"beijing-2025", loadDefault(t)},
		{"korea-2018-2019", loadFile(t, "testdata/legibility/korea-2018-2019.yaml")},
	} {
		t.Run(tt.name, func(t *testing.T) {
			g := graph.Build(tt.ds, graph.Filter{})
			var warnings []string
			gv := sharedGraphviz(t).WithWarn(func(s string) { warnings = append(warnings, s) })
			target := TargetFor("slide", 1920, 1080)
			f, drawn, err := LayLevel(context.Background(), gv, g, Options{Layout: "fdp", EdgeLabels: "caption", Seed: DefaultSeed}, true, target)
			if err != nil {
				t.Fatal(err)
			}
			if drawn.Members == nil || len(drawn.Nodes) >= len(g.Nodes) {
				t.Fatalf("drew %d nodes of %d, want the country level", len(drawn.Nodes), len(g.Nodes))
			}
			for _, n := range drawn.Nodes {
				if _, ok := tt.ds.Entity(n.Country); ok && n.Country != n.ID {
					t.Errorf("node %s, of %s, at the country level", n.ID, n.Country)
				}
			}
			l := f.LegibilityAt(target)
			t.Logf("%v; %d lines", l, len(drawn.Edges))
			if !l.OK() {
				t.Errorf("at the country level: %v", l)
			}
			if len(warnings) != 1 || !strings.Contains(warnings[0], "drawn at the country level") || !strings.Contains(warnings[0], "--level people") {
				t.Errorf("warnings %q: want one note that the figure is drawn at the country level", warnings)
			}
			fit := f.Fit(1920, 1080)
			s := fit.Score(Display{"px", 1920 / fit.Width})
			if s.Ambiguous+s.Far+s.LabelsCut+s.ThroughNode+s.LabelOverlaps+s.LabelNodeOverlaps != 0 {
				t.Errorf("score: %d ambiguous, %d far, %d cut, %d through nodes, %d+%d overlaps: %q",
					s.Ambiguous, s.Far, s.LabelsCut, s.ThroughNode, s.LabelOverlaps, s.LabelNodeOverlaps, s.Problems)
			}
		})
	}
}

// TestLevelAutoWithoutTarget: without a target, auto is the people level
// and the figure is the very one LayFor draws.
func TestLevelAutoWithoutTarget(t *testing.T) {
	g := graph.Build(loadDefault(t), graph.Filter{})
	o := Options{Layout: "fdp", EdgeLabels: "caption", Seed: DefaultSeed, Candidates: 2}
	gv := sharedGraphviz(t)
	f, drawn, err := LayLevel(context.Background(), gv, g, o, false, Target{})
	if err != nil {
		t.Fatal(err)
	}
	if drawn != g {
		t.Errorf("auto without a target drew another graph (%d nodes)", len(drawn.Nodes))
	}
	want, err := LayFor(context.Background(), gv, g, o, false, Target{})
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(f.SVG(false), want.SVG(false)) {
		t.Error("auto without a target changed the figure")
	}
}

// TestCountryLevelText: at the country level each country node lists its
// people, leader first; each caption row says who did what; the ties
// inside a country are in its tooltip; and every record's label reaches
// the figure's DOT — a caption or a tooltip.
func TestCountryLevelText(t *testing.T) {
	// Without the dataset's own captions (ties:), which a bundled line
	// shows instead of its rows (TestPairCaptions).
	base := loadDefault(t)
	ds := &graph.Dataset{ID: base.ID, Title: base.Title, AsOf: base.AsOf, Entities: base.Entities, Types: base.Types, Records: base.Records, Sources: base.Sources}
	g := graph.Build(ds, graph.Filter{})
	for _, bundle := range []string{"sign", "type"} {
		t.Run(bundle, func(t *testing.T) {
			d := DrawnGraph(g, "country", Options{Bundle: bundle})
			var b bytes.Buffer
			if err := DOT(&b, d, Options{Layout: "fdp", EdgeLabels: "caption", Seed: DefaultSeed}); err != nil {
				t.Fatal(err)
			}
			dot := b.String()
			prk := dotLine(t, dot, `id="node-prk"`)
			if i, j := strings.Index(prk, "Kim Jong Un"), strings.Index(prk, "Kim Yo Jong"); i < 0 || j < 0 || i > j {
				t.Errorf("North Korea's node does not list Kim Jong Un, then Kim Yo Jong: %s", prk)
			}
			if !strings.Contains(prk, "daughter, presumed heir") || !strings.Contains(prk, "Ties within:") {
				t.Errorf("North Korea's tooltip lacks the ties within it: %s", prk)
			}
			if !strings.Contains(dot, `Kim Jong Un – Vladimir Putin:\n`) && !strings.Contains(dot, `Kim Jong Un → Vladimir Putin:\n`) {
				t.Error("no caption row says Kim Jong Un and Vladimir Putin did it")
			}
			for _, r := range ds.Records {
				if r.Label != "" && !strings.Contains(dot, dotEscaped(r.Label)) {
					t.Errorf("record %s's label %q is nowhere in the figure", r.ID, r.Label)
				}
			}
			tie := strings.Contains(dot, `tooltip="Cooperation: `)
			if tie != (bundle == "sign") {
				t.Errorf("bundle %s: tie kinds drawn %v", bundle, tie)
			}
		})
	}
}

// dotLine is the line of the DOT holding s.
func dotLine(t *testing.T, dot, s string) string {
	t.Helper()
	for _, l := range strings.Split(dot, "\n") {
		if strings.Contains(l, s) {
			return l
		}
	}
	t.Fatalf("no line of the DOT holds %s", s)
	return ""
}

// dotEscaped is text as a DOT string or HTML-like label writes it, for
// the labels the default dataset has (quotes, ampersands).
func dotEscaped(s string) string {
	return strings.NewReplacer(`&`, "&amp;", `"`, "&quot;", "'", "&#39;").Replace(s)
}

// TestLevelOptions: a level or bundling dipgraph has not is an error
// naming the flag; a timeline or a diff at the country level is refused.
func TestLevelOptions(t *testing.T) {
	for _, o := range []Options{{Level: "region"}, {Bundle: "none"}} {
		o.Layout, o.EdgeLabels = "fdp", "caption"
		var fe *FlagError
		if err := o.Check(); !errors.As(err, &fe) || (!strings.Contains(err.Error(), "--level") && !strings.Contains(err.Error(), "--bundle")) {
			t.Errorf("%+v: %v", o, err)
		}
	}
	for _, o := range []Options{{Level: "auto", Bundle: "auto"}, {Level: "people", Bundle: "sign"}, {Level: "country", Bundle: "type"}} {
		o.Layout, o.EdgeLabels = "fdp", "caption"
		if err := o.Check(); err != nil {
			t.Errorf("%+v: %v", o, err)
		}
	}
	m := &Maker{}
	for _, j := range []Job{
		{Format: FormatSVG, Options: Options{Layout: "fdp", EdgeLabels: "none", Level: "country"}, Dates: []graph.Date{{Year: 2019}, {Year: 2025}}},
		{Format: FormatSVG, Options: Options{Layout: "fdp", EdgeLabels: "none", Bundle: "sign"}, Diff: &DiffDates{From: graph.Date{Year: 2019}, To: graph.Date{Year: 2025}}},
	} {
		var fe *FlagError
		if _, err := m.Make(context.Background(), loadDefault(t), j); !errors.As(err, &fe) {
			t.Errorf("%+v: %v, want a flag error", j.Options, err)
		}
	}
}

// TestHighlight: the actors named and the ties among them keep their
// strength, the rest fade but keep 3:1 lines and 4.5:1 text; a person
// named at the country level stands for their country; an unknown id is
// an error with the nearest ids, and a filtered-out one a warning.
func TestHighlight(t *testing.T) {
	ds := loadDefault(t)
	g := graph.Build(ds, graph.Filter{})
	trio := []string{"xi-jinping", "kim-jong-un", "vladimir-putin"}
	for _, level := range []string{"people", "country"} {
		t.Run(level, func(t *testing.T) {
			d := DrawnGraph(g, level, Options{})
			o := Options{Layout: "fdp", EdgeLabels: "caption", Seed: DefaultSeed, Candidates: 2, Overlay: &Overlay{Highlight: trio}}
			var b, plain bytes.Buffer
			if err := DOT(&b, d, o); err != nil {
				t.Fatal(err)
			}
			po := o
			po.Overlay = nil
			if err := DOT(&plain, d, po); err != nil {
				t.Fatal(err)
			}
			on := map[string]bool{"xi-jinping": true, "kim-jong-un": true, "vladimir-putin": true}
			if level == "country" {
				on = map[string]bool{"chn": true, "prk": true, "rus": true}
			}
			strong, fadedEdges := 0, 0
			for i, e := range d.Edges {
				line, was := dotLine(t, b.String(), `id="edge-`+itoa(i+1)+`"`), dotLine(t, plain.String(), `id="edge-`+itoa(i+1)+`"`)
				same := attrOf(line, "color") == attrOf(was, "color")
				if on[e.From] && on[e.To] {
					strong++
					if !same {
						t.Errorf("%s–%s, among the highlighted, changed colour: %s → %s", e.From, e.To, attrOf(was, "color"), attrOf(line, "color"))
					}
				} else if same {
					t.Errorf("%s–%s is not faded: %s", e.From, e.To, attrOf(line, "color"))
				} else {
					fadedEdges++
				}
			}
			if strong == 0 || fadedEdges == 0 {
				t.Errorf("%d strong and %d faded lines: want some of each", strong, fadedEdges)
			}
			for id := range on {
				if pw, was := attrOf(dotLine(t, b.String(), `id="node-`+id+`"`), "penwidth"), attrOf(dotLine(t, plain.String(), `id="node-`+id+`"`), "penwidth"); pw == was {
					t.Errorf("highlighted %s keeps its outline %s", id, pw)
				}
			}
			var warnings []string
			gv := sharedGraphviz(t).WithWarn(func(s string) { warnings = append(warnings, s) })
			f, err := LayFor(context.Background(), gv, d, o, false, Target{})
			if err != nil {
				t.Fatal(err)
			}
			s := f.Score(Display{"px", 4.0 / 3})
			if s.MinLineContrast < 3 || s.MinTextContrast < 4.5 {
				t.Errorf("faded too far: lines %.2f:1, text %.2f:1", s.MinLineContrast, s.MinTextContrast)
			}
			if len(warnings) > 0 {
				t.Errorf("warnings %q", warnings)
			}
			if !strings.Contains(string(f.SVG(false)), "full strength: ties among") {
				t.Error("the legend does not say what is highlighted")
			}
		})
	}
	var fe *FlagError
	if err := (&Overlay{Highlight: []string{"xi-jinpin"}}).CheckHighlight(ds); !errors.As(err, &fe) || !strings.Contains(err.Error(), `did you mean "xi-jinping"`) {
		t.Errorf("unknown id: %v", err)
	}
	if err := (&Overlay{Highlight: trio, ShowUnbalanced: true}).Check(); !errors.As(err, &fe) {
		t.Errorf("with --show-unbalanced: %v", err)
	}
	// Filtered out: drawn, with a warning naming it.
	kim := graph.Build(ds, graph.Filter{Focus: "kim-ju-ae", Depth: 1})
	o := Options{Overlay: &Overlay{Highlight: []string{"kim-ju-ae", "donald-trump"}}}
	if w := o.highlightWarnings(kim); len(w) != 1 || !strings.Contains(w[0], "--highlight donald-trump: not in this figure") {
		t.Errorf("warnings %q", w)
	}
}

// attrOf is the value of a DOT attribute on a statement's line.
func attrOf(line, key string) string {
	i := strings.Index(line, " "+key+`="`)
	if i < 0 {
		i = strings.Index(line, "["+key+`="`)
	}
	if i < 0 {
		return ""
	}
	rest := line[i+len(key)+3:]
	return rest[:strings.IndexByte(rest, '"')]
}

// TestFoldBelow: the ties lighter than --fold-below leave the drawing and
// every one of their records is told in the "Also:" note, with its
// source numbers, in SVG and PNG alike; a negative limit is refused.
func TestFoldBelow(t *testing.T) {
	ds := loadDefault(t)
	g := graph.Build(ds, graph.Filter{})
	for _, level := range []string{"people", "country"} {
		t.Run(level, func(t *testing.T) {
			o := Options{Layout: "fdp", EdgeLabels: "caption", Seed: DefaultSeed, Candidates: 2, FoldBelow: 3, Level: level}
			f, d, err := LayLevel(context.Background(), sharedGraphviz(t), g, o, true, Target{})
			if err != nil {
				t.Fatal(err)
			}
			if len(d.Also) == 0 {
				t.Fatal("nothing folded below weight 3")
			}
			for _, e := range d.Edges {
				if e.Weight < 3 {
					t.Errorf("%s–%s of weight %g is drawn", e.From, e.To, e.Weight)
				}
			}
			svg := string(f.SVG(false))
			i := strings.Index(svg, `<g id="also">`)
			if i < 0 {
				t.Fatal("no Also note in the SVG")
			}
			note := svg[i:]
			note = note[:strings.Index(note, "</g>")]
			for _, e := range d.Also {
				for _, r := range e.Records {
					if r.Label != "" && !strings.Contains(note, xmlText(r.Label)) {
						t.Errorf("record %s (%q) of a folded tie is not in the note", r.ID, r.Label)
					}
				}
			}
			if !strings.Contains(note, "[1]") {
				t.Error("the note cites no source")
			}
			if _, err := f.Image(PaintOptions{Width: 800}); err != nil {
				t.Error(err)
			}
		})
	}
	for _, v := range []float64{-1, math.NaN(), math.Inf(1)} {
		o := Options{Layout: "fdp", EdgeLabels: "caption", FoldBelow: v}
		var fe *FlagError
		if err := o.Check(); !errors.As(err, &fe) || !strings.Contains(err.Error(), "--fold-below") {
			t.Errorf("--fold-below %g: %v", v, err)
		}
	}
	if err := CheckLevelFor(Options{FoldBelow: 2}, true); err == nil {
		t.Error("--fold-below with a timeline is accepted")
	}
}

// TestPairCaptions: the curator's caption (ties:) replaces a bundled
// line's rows, which stay in its tooltip; a caption for two leaders shows
// on their countries' line; one whose pair no line joins is a warning.
func TestPairCaptions(t *testing.T) {
	base := loadDefault(t)
	ds := &graph.Dataset{ID: base.ID, Title: base.Title, AsOf: base.AsOf, Entities: base.Entities, Types: base.Types, Records: base.Records, Sources: base.Sources,
		Captions: []graph.PairCaption{
			{Between: [2]string{"kim-jong-un", "vladimir-putin"}, Caption: "arms and troops for a war"},
			{Between: [2]string{"prk", "kor"}, Caption: "overtures rebuffed", Source: base.Sources[0].ID},
			{Between: [2]string{"ukr", "chn"}, Caption: "no line for this"},
		}}
	g := DrawnGraph(graph.Build(ds, graph.Filter{}), "country", Options{})
	var b bytes.Buffer
	if err := DOT(&b, g, Options{Layout: "fdp", EdgeLabels: "caption", Seed: DefaultSeed, Cite: true}); err != nil {
		t.Fatal(err)
	}
	dot := b.String()
	rus := dotLine(t, dot, `tooltip="Cooperation: North Korea – Russia`)
	if attrOf(rus, "xlabel") != `arms and troops for a war` {
		t.Errorf("North Korea – Russia: %s", attrOf(rus, "xlabel"))
	}
	if !strings.Contains(rus, `“arms and troops for a war”\n`) || !strings.Contains(rus, "~15,000 troops") {
		t.Errorf("the tooltip lacks the caption or the rows: %s", rus)
	}
	kor := dotLine(t, dot, `South Korea – North Korea (weight`)
	if !strings.HasPrefix(attrOf(kor, "xlabel"), `overtures rebuffed [`) {
		t.Errorf("North Korea – South Korea: %s", attrOf(kor, "xlabel"))
	}
	if w := captionWarnings(g); len(w) != 1 || !strings.Contains(w[0], "the caption for ukr and chn (ties:) is on no line") {
		t.Errorf("warnings %q", w)
	}
	// At the people level, a line per type: no bundle, no caption.
	people := graph.Build(ds, graph.Filter{})
	b.Reset()
	if err := DOT(&b, people, Options{Layout: "fdp", EdgeLabels: "caption", Seed: DefaultSeed}); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(b.String(), "arms and troops") || captionWarnings(people) != nil {
		t.Error("a caption on a line of one type")
	}
}

package render

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/dipgraph/dipgraph/data"
	"github.com/dipgraph/dipgraph/graph"
)

// loadYAML loads a data file given inline.
func loadYAML(t *testing.T, src string) *graph.Dataset {
	t.Helper()
	ds, err := data.Load(data.Input{Name: "test.yaml", Src: []byte(src)})
	if err != nil {
		t.Fatal(err)
	}
	return ds
}

var (
	ovNodeRe = regexp.MustCompile(`(?m)^\s*n\d+ \[(id="node-([^"]+)".*)\]$`)
	ovEdgeRe = regexp.MustCompile(`(?m)^\s*n\d+ -> n\d+ \[(id="edge-\d+".*)\]$`)
)

// ovAttr returns the value of an attribute in a DOT attribute list.
func ovAttr(list, key string) string {
	m := regexp.MustCompile(`(?:^|, )` + regexp.QuoteMeta(key) + `="((?:[^"\\]|\\.)*)"`).FindStringSubmatch(list)
	if m == nil {
		return ""
	}
	return m[1]
}

// ovNodes maps each entity to its DOT attribute list.
func ovNodes(t *testing.T, g *graph.Graph, o Options) map[string]string {
	t.Helper()
	var b bytes.Buffer
	if err := DOT(&b, g, o); err != nil {
		t.Fatal(err)
	}
	out := map[string]string{}
	for _, m := range ovNodeRe.FindAllStringSubmatch(b.String(), -1) {
		out[m[2]] = m[1]
	}
	return out
}

// ovEdges returns the DOT attribute lists of the edges, in order.
func ovEdges(t *testing.T, g *graph.Graph, o Options) []string {
	t.Helper()
	var b bytes.Buffer
	if err := DOT(&b, g, o); err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, m := range ovEdgeRe.FindAllStringSubmatch(b.String(), -1) {
		out = append(out, m[1])
	}
	return out
}

// TestColorByBloc: on the Beijing data the blocs are China, North Korea
// and Russia against South Korea, Ukraine and the United States (as
// dipgraph stats finds them); every person takes their country's fill.
func TestColorByBloc(t *testing.T) {
	ds := loadDefault(t)
	g := graph.Build(ds, graph.Filter{})
	nodes := ovNodes(t, g, Options{Layout: "fdp", EdgeLabels: "none", Overlay: &Overlay{ColorBy: "bloc"}})
	unit := countryOf(ds)
	want := map[string]string{"chn": blocFills[0][0], "prk": blocFills[0][0], "rus": blocFills[0][0],
		"kor": blocFills[1][0], "ukr": blocFills[1][0], "usa": blocFills[1][0]}
	for id, attrs := range nodes {
		w, ok := want[unit(id)]
		if !ok {
			t.Errorf("%s (of %s) is in no bloc the test knows", id, unit(id))
			continue
		}
		if got := ovAttr(attrs, "fillcolor"); got != w {
			t.Errorf("%s: fill %s, want %s (its country %s's bloc)", id, got, w, unit(id))
		}
		if !strings.Contains(ovAttr(attrs, "tooltip"), "signed bloc") {
			t.Errorf("%s: the tooltip does not name the bloc", id)
		}
	}
	legend := string(legendDOT(g, Options{Layout: "fdp", Overlay: &Overlay{ColorBy: "bloc"}}))
	for _, s := range []string{"Signed blocs (fill)", "bloc 1: China, North Korea, Russia", "bloc 2: South Korea, Ukraine, United States"} {
		if !strings.Contains(legend, s) {
			t.Errorf("the legend lacks %q", s)
		}
	}
}

// TestBlocFillsGrayscale: the first four bloc fills stay apart in a
// grayscale print, and their text colour reads on them.
func TestBlocFillsGrayscale(t *testing.T) {
	gray := func(c string) float64 {
		r, _ := strconv.ParseUint(c[1:3], 16, 8)
		g, _ := strconv.ParseUint(c[3:5], 16, 8)
		b, _ := strconv.ParseUint(c[5:7], 16, 8)
		return 0.299*float64(r) + 0.587*float64(g) + 0.114*float64(b)
	}
	for i := range 4 {
		for j := range i {
			if d := gray(blocFills[i][0]) - gray(blocFills[j][0]); d > -25 && d < 25 {
				t.Errorf("blocs %d and %d differ by %.0f of 255 in gray", j+1, i+1, d)
			}
		}
		fill, text := gray(blocFills[i][0]), gray(blocFills[i][1])
		if d := fill - text; d > -80 && d < 80 {
			t.Errorf("bloc %d: text gray %.0f on fill gray %.0f is hard to read", i+1, text, fill)
		}
	}
}

// fourCountries is the start of a small dataset's body: a source and four
// countries, A to D, before any more entities and the relations.
const fourCountries = `sources: [{id: s, title: A source}]
entities:
  - {id: a, kind: country, name: A}
  - {id: b, kind: country, name: B}
  - {id: c, kind: country, name: C}
  - {id: d, kind: country, name: D}
`

const triadData = "dipgraph: 1\nid: triad\n" + fourCountries + `  - {id: la, kind: leader, name: Leader of A, country: a}
relations:
  - {type: alliance, between: [a, b], date: 2020, source: s}
  - {type: alliance, between: [b, c], date: 2020, source: s}
  - {type: hostility, from: la, to: c, date: 2020, source: s}
  - {type: alliance, between: [a, d], date: 2020, source: s}
  - {type: summit, between: [a, b], date: 2020, source: s}
`

// TestShowUnbalanced: in A+B, B+C, A−C (the hostility comes from A's
// leader, folded into A) the three ties form an unbalanced triad and stay
// at full strength; A+D, in no triad, and the summit, neutral, fade.
func TestShowUnbalanced(t *testing.T) {
	ds := loadYAML(t, triadData)
	g := graph.Build(ds, graph.Filter{})
	o := Options{Layout: "fdp", EdgeLabels: "none", Overlay: &Overlay{ShowUnbalanced: true}}
	edges := ovEdges(t, g, o)
	full := map[string]bool{}
	for i, e := range g.Edges {
		c := ovAttr(edges[i], "color")
		faint := c != o.typeStyles(g.Dataset)[e.Type].Color
		name := e.Type + ":" + e.From + "-" + e.To
		full[name] = !faint
		if !faint && !strings.Contains(ovAttr(edges[i], "tooltip"), "unbalanced triad: A – B – C (++-)") {
			t.Errorf("%s: the tooltip does not name its triad: %q", name, ovAttr(edges[i], "tooltip"))
		}
	}
	want := map[string]bool{"alliance:a-b": true, "alliance:b-c": true, "hostility:la-c": true, "alliance:a-d": false, "summit:a-b": false}
	for k, w := range want {
		if full[k] != w {
			t.Errorf("%s at full strength = %v, want %v", k, full[k], w)
		}
	}
	legend := string(legendDOT(g, o))
	if !strings.Contains(legend, "one of the 1 unbalanced triad") || !strings.Contains(legend, "faded: every other relation") {
		t.Errorf("the legend does not say what the highlight means:\n%s", legend)
	}
}

// TestSizeBy: nodes grow with their degree (or weighted degree): the
// largest is maxGrow times the plain size, and a node is never smaller
// than one with a lower figure.
func TestSizeBy(t *testing.T) {
	ds := loadDefault(t)
	g := graph.Build(ds, graph.Filter{})
	stats := graph.Degrees(g)
	for _, by := range []string{"degree", "weighted-degree"} {
		t.Run(by, func(t *testing.T) {
			nodes := ovNodes(t, g, Options{Layout: "fdp", EdgeLabels: "none", Overlay: &Overlay{SizeBy: by}})
			value := func(s graph.EntityStats) float64 {
				if by == "degree" {
					return float64(s.Degree)
				}
				return s.Weight
			}
			height := func(id string) float64 {
				h, err := strconv.ParseFloat(ovAttr(nodes[id], "height"), 64)
				if err != nil {
					return 0 // plain size
				}
				return h
			}
			top := stats[0]
			for _, s := range stats {
				if value(s) > value(top) {
					top = s
				}
			}
			if h := height(top.Entity.ID); h < 0.42*maxGrow-0.01 {
				t.Errorf("the largest, %s, is %g high", top.Entity.ID, h)
			}
			for _, a := range stats {
				for _, b := range stats {
					if a.Entity.Kind == b.Entity.Kind && value(a) > value(b) && height(a.Entity.ID) < height(b.Entity.ID) {
						t.Errorf("%s (%g) is smaller than %s (%g)", a.Entity.ID, value(a), b.Entity.ID, value(b))
					}
				}
			}
			legend := string(legendDOT(g, Options{Layout: "fdp", Overlay: &Overlay{SizeBy: by}}))
			if !strings.Contains(legend, "Node size: ") || !strings.Contains(legend, "largest: "+top.Entity.Name) {
				t.Errorf("the legend lacks the size note")
			}
		})
	}
}

const changeData = "dipgraph: 1\nid: change\n" + fourCountries + `relations:
  - {type: alliance, between: [a, b], start: 2010, ongoing: true, source: s}
  - {type: alliance, between: [a, c], start: 2010, end: 2015, source: s}
  - {type: hostility, from: b, to: c, start: 2018, ongoing: true, source: s}
  - {type: alliance, between: [a, d], start: 2010, ongoing: true, weight: 1, source: s}
  - {type: alliance, between: [a, d], start: 2018, ongoing: true, weight: 2, source: s}
  - {type: hostility, from: c, to: d, start: 2010, end: 2016, weight: 3, source: s}
  - {type: hostility, from: c, to: d, start: 2010, ongoing: true, weight: 1, source: s}
`

// TestDiffMarks: between 2014 and 2020, A–B is unchanged, A–C ended, B→C
// appeared, A–D strengthened (1 → 3) and C→D weakened (4 → 1); each is
// marked in words, and the ended one is faded.
func TestDiffMarks(t *testing.T) {
	ds := loadYAML(t, changeData)
	from, to := graph.MustDate("2014"), graph.MustDate("2020")
	before := graph.Build(ds, graph.Filter{AsOf: from, Window: graph.Window{Years: 2}})
	after := graph.Build(ds, graph.Filter{AsOf: to, Window: graph.Window{Years: 2}})
	u := graph.Union(before, after)
	o := Options{Layout: "fdp", EdgeLabels: "none", Overlay: &Overlay{Changes: NewChanges(from, to, graph.Diff(before, after))}}
	edges := ovEdges(t, u, o)
	want := map[string]struct {
		label string
		faded bool
	}{
		"alliance:a-b":  {"", false},
		"alliance:a-c":  {markEnded, true},
		"hostility:b-c": {markAppeared, false},
		"alliance:a-d":  {"▲ 1 → 3", false},
		"hostility:c-d": {"▼ 4 → 1", false},
	}
	if len(edges) != len(want) {
		t.Fatalf("%d edges drawn, want %d", len(edges), len(want))
	}
	for i, e := range u.Edges {
		name := e.Type + ":" + e.From + "-" + e.To
		w, ok := want[name]
		if !ok {
			t.Errorf("unexpected edge %s", name)
			continue
		}
		if got := ovAttr(edges[i], "xlabel"); got != w.label {
			t.Errorf("%s: mark %q, want %q", name, got, w.label)
		}
		own := o.typeStyles(u.Dataset)[e.Type].Color
		got := ovAttr(edges[i], "color")
		if isFaded := got != own; isFaded != w.faded {
			t.Errorf("%s: colour %s (the type's %s): faded = %v, want %v", name, got, own, isFaded, w.faded)
		}
		if w.faded && got != fade(own, o.theme()) {
			t.Errorf("%s: colour %s, want %s faded: %s", name, got, own, fade(own, o.theme()))
		}
		if c := contrastRatio(got, o.theme().backdrop()); c < minLineContrast {
			t.Errorf("%s: colour %s has %.2f:1 contrast, under %g:1", name, got, c, minLineContrast)
		}
	}
	legend := string(legendDOT(u, o))
	for _, s := range []string{"Changes, 2014 → 2020", markAppeared, markEnded, "strengthened", "weakened"} {
		if !strings.Contains(legend, s) {
			t.Errorf("the legend lacks %q", s)
		}
	}
}

// TestGoldenOverlayDOT compares the DOT text of overlays on the embedded
// dataset with golden files (run with -update to accept a change after
// looking at the figure).
func TestGoldenOverlayDOT(t *testing.T) {
	ds := loadDefault(t)
	from, to := graph.MustDate("2019-01-01"), graph.MustDate("2025-09-30")
	before := graph.Build(ds, graph.Filter{AsOf: from, Window: graph.Window{Years: 2}})
	after := graph.Build(ds, graph.Filter{AsOf: to, Window: graph.Window{Years: 2}})
	tests := []struct {
		name string
		g    *graph.Graph
		opts Options
	}{
		{"beijing-2025.fdp.none.seed3.color-bloc.size-weighted-degree.unbalanced", graph.Build(ds, graph.Filter{}),
			Options{Layout: "fdp", EdgeLabels: "none", Seed: 3, Overlay: &Overlay{ColorBy: "bloc", SizeBy: "weighted-degree", ShowUnbalanced: true}}},
		{"beijing-2025.fdp.date.seed3.diff-2019-01-01..2025-09-30", graph.Union(before, after),
			Options{Layout: "fdp", EdgeLabels: "date", Seed: 3, Overlay: &Overlay{Changes: NewChanges(from, to, graph.Diff(before, after))}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var b bytes.Buffer
			if err := DOT(&b, tt.g, tt.opts); err != nil {
				t.Fatal(err)
			}
			golden := filepath.Join("testdata", "golden", tt.name+".dot")
			if *update {
				if err := os.WriteFile(golden, b.Bytes(), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test ./render -run TestGoldenOverlayDOT -update to create it)", err)
			}
			if !bytes.Equal(b.Bytes(), want) {
				t.Errorf("DOT differs from %s (run with -update to accept):\n%s", golden, firstDiff(b.String(), string(want)))
			}
		})
	}
}

package render

import (
	"bytes"
	"context"
	"encoding/xml"
	"fmt"
	"io"
	"math"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/dipgraph/dipgraph/graph"
)

// nodeCentre is where a node is drawn: the centre of its shape, in the
// coordinates of the figure (or of the panel, for panelled figures).
type nodeCentre struct{ x, y float64 }

var (
	translateRe = regexp.MustCompile(`translate\(([-0-9.e]+) ([-0-9.e]+)\)`)
	numberRe    = regexp.MustCompile(`-?[0-9]+(?:\.[0-9]+)?(?:e-?[0-9]+)?`)
)

// svgNodes parses a figure's SVG and returns, for each nested panel whose
// id starts with prefix, the centre of every node in it: relative to the
// panel (relative) or to the figure. It fails the test on malformed XML.
func svgNodes(t *testing.T, doc []byte, prefix string, relative bool) map[string]map[string]nodeCentre {
	t.Helper()
	out := map[string]map[string]nodeCentre{}
	d := xml.NewDecoder(bytes.NewReader(doc))
	var panel string
	var px, py, tx, ty float64
	depth, panelDepth := 0, 0
	node := ""
	attr := func(e xml.StartElement, name string) string {
		for _, a := range e.Attr {
			if a.Name.Local == name {
				return a.Value
			}
		}
		return ""
	}
	num := func(s string) float64 {
		f, err := strconv.ParseFloat(s, 64)
		if err != nil {
			t.Fatalf("bad number %q in the SVG", s)
		}
		return f
	}
	for {
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("the SVG is not well-formed: %v", err)
		}
		switch e := tok.(type) {
		case xml.StartElement:
			depth++
			switch {
			case e.Name.Local == "svg" && strings.HasPrefix(attr(e, "id"), prefix):
				panel, panelDepth = attr(e, "id"), depth
				px, py = num(attr(e, "x")), num(attr(e, "y"))
				if relative {
					px, py = 0, 0
				}
				if w, vb := attr(e, "width"), strings.Fields(attr(e, "viewBox")); len(vb) == 4 && num(w) != num(vb[2]) {
					t.Fatalf("panel %s is scaled (width %s, viewBox %v): positions would not compare", panel, w, vb)
				}
				out[panel] = map[string]nodeCentre{}
				tx, ty = 0, 0
			case panel != "" && e.Name.Local == "g" && attr(e, "class") == "graph":
				m := translateRe.FindStringSubmatch(attr(e, "transform"))
				if m == nil {
					t.Fatalf("panel %s: no translation on the graph group", panel)
				}
				tx, ty = num(m[1]), num(m[2])
			case panel != "" && e.Name.Local == "g" && strings.HasPrefix(attr(e, "id"), "node-"):
				node = strings.TrimPrefix(attr(e, "id"), "node-")
			case node != "":
				var c nodeCentre
				switch e.Name.Local {
				case "ellipse":
					c = nodeCentre{num(attr(e, "cx")), num(attr(e, "cy"))}
				case "polygon", "path":
					src := attr(e, "points") + attr(e, "d")
					nums := numberRe.FindAllString(src, -1)
					minX, maxX, minY, maxY := math.Inf(1), math.Inf(-1), math.Inf(1), math.Inf(-1)
					for i := 0; i+1 < len(nums); i += 2 {
						x, y := num(nums[i]), num(nums[i+1])
						minX, maxX, minY, maxY = min(minX, x), max(maxX, x), min(minY, y), max(maxY, y)
					}
					c = nodeCentre{(minX + maxX) / 2, (minY + maxY) / 2}
				default:
					continue
				}
				out[panel][node] = nodeCentre{round2(px + tx + c.x), round2(py + ty + c.y)}
				node = ""
			}
		case xml.EndElement:
			if depth == panelDepth {
				panel, panelDepth = "", 0
			}
			depth--
		}
	}
	return out
}

func round2(f float64) float64 { return math.Round(f*100) / 100 }

// timelineOf builds the snapshots of the embedded dataset on the dates.
func timelineOf(t *testing.T, dates ...string) *Timeline {
	ds := loadDefault(t)
	tl := &Timeline{Window: graph.DefaultWindow}
	for _, s := range dates {
		d := graph.MustDate(s)
		tl.Snapshots = append(tl.Snapshots, Snapshot{Date: d, Graph: graph.Build(ds, graph.Filter{AsOf: d, Window: graph.DefaultWindow})})
	}
	return tl
}

// TestTimelinePositionsFixed checks the promise of a timeline: every
// entity of the union is drawn in every panel and every frame, at the
// same place, whatever the engine; and that place is where the union's
// own layout put it.
func TestTimelinePositionsFixed(t *testing.T) {
	gv := sharedGraphviz(t)
	ctx := context.Background()
	for _, engine := range []string{"fdp", "neato", "dot"} {
		t.Run(engine, func(t *testing.T) {
			tl := timelineOf(t, "2018", "2019-06-30", "2024", "2025-09-30")
			o := Options{Layout: engine, EdgeLabels: "date", Seed: DefaultSeed, Overlay: &Overlay{ColorBy: "bloc", SizeBy: "degree"}}
			union := tl.Union()
			if len(tl.Snapshots[0].Graph.Nodes) >= len(union.Nodes) {
				t.Fatalf("the first date has every entity (%d of %d): the test would not see a ghost", len(tl.Snapshots[0].Graph.Nodes), len(union.Nodes))
			}
			fig, err := LayTimeline(ctx, gv, tl, o, false)
			if err != nil {
				t.Fatal(err)
			}
			panels := svgNodes(t, fig.SVG(false), "figure-graph-", true)
			if len(panels) != len(tl.Snapshots) {
				t.Fatalf("%d graph panels, want %d", len(panels), len(tl.Snapshots))
			}
			// Where the union's layout put each entity, in the panels'
			// coordinates (SVG y runs down).
			p, err := pinsOf(ctx, gv, union, o)
			if err != nil {
				t.Fatal(err)
			}
			ref := panels["figure-graph-1"]
			var dx, dy float64
			for i, n := range union.Nodes {
				var x, y float64
				if _, err := fmt.Sscanf(p.pos[n.ID], "%g,%g", &x, &y); err != nil {
					t.Fatalf("pos of %s: %v", n.ID, err)
				}
				c, ok := ref[n.ID]
				if !ok {
					t.Fatalf("panel 1 lacks %s", n.ID)
				}
				if i == 0 {
					dx, dy = c.x-x, c.y+y
				}
				if math.Abs(c.x-x-dx) > 0.02 || math.Abs(c.y+y-dy) > 0.02 {
					t.Errorf("%s is at %v in panel 1, not where the union layout put it (%g,%g)", n.ID, c, x, y)
				}
			}
			for k := 2; k <= len(tl.Snapshots); k++ {
				id := fmt.Sprintf("figure-graph-%d", k)
				if len(panels[id]) != len(union.Nodes) {
					t.Errorf("%s draws %d entities, want all %d of the union", id, len(panels[id]), len(union.Nodes))
				}
				for n, c := range ref {
					if got := panels[id][n]; got != c {
						t.Errorf("%s: %s at %v, in panel 1 at %v", id, n, got, c)
					}
				}
			}

			frames, err := LayFrames(ctx, gv, tl, o, false)
			if err != nil {
				t.Fatal(err)
			}
			var first map[string]nodeCentre
			for i, f := range frames {
				if f.Width != frames[0].Width || f.Height != frames[0].Height {
					t.Errorf("frame %d is %gx%g, frame 1 %gx%g", i+1, f.Width, f.Height, frames[0].Width, frames[0].Height)
				}
				got := svgNodes(t, f.SVG(false), "figure-graph-", false)
				nodes := got[fmt.Sprintf("figure-graph-%d", i+1)]
				if len(nodes) != len(union.Nodes) {
					t.Fatalf("frame %d draws %d entities, want %d", i+1, len(nodes), len(union.Nodes))
				}
				if first == nil {
					first = nodes
					continue
				}
				for n, c := range first {
					if nodes[n] != c {
						t.Errorf("frame %d: %s at %v, in frame 1 at %v", i+1, n, nodes[n], c)
					}
				}
			}
		})
	}
}

// TestTimelineGhosts checks that an entity without relations on a date is
// drawn ghosted, and one with relations is not.
func TestTimelineGhosts(t *testing.T) {
	tl := timelineOf(t, "2018", "2025-09-30")
	fig, err := LayTimeline(context.Background(), sharedGraphviz(t), tl, Options{Layout: "fdp", EdgeLabels: "none", Seed: DefaultSeed}, false)
	if err != nil {
		t.Fatal(err)
	}
	svg := strings.ReplaceAll(string(fig.SVG(false)), "&#45;", "-")
	panel := func(k int) string {
		start := strings.Index(svg, fmt.Sprintf(`<svg id="figure-graph-%d"`, k))
		end := strings.Index(svg[start:], "</svg>")
		return svg[start : start+end]
	}
	for k, s := range tl.Snapshots {
		present := map[string]bool{}
		for _, n := range s.Graph.Nodes {
			present[n.ID] = true
		}
		body := panel(k + 1)
		for _, n := range tl.Union().Nodes {
			ghost := strings.Contains(body, fmt.Sprintf(`id="node-%s" class="node ghost"`, n.ID))
			if ghost == present[n.ID] {
				t.Errorf("%s: %s ghosted=%v, but it has relations=%v", s.Date, n.ID, ghost, present[n.ID])
			}
		}
	}
	if !strings.Contains(svg, "2018 (as of 31 Dec 2018)") || !strings.Contains(svg, "30 Sep 2025") {
		t.Error("the panels are not captioned with their dates")
	}
}

// TestTimelineDeterministic: the same timeline gives the same bytes.
func TestTimelineDeterministic(t *testing.T) {
	gv := sharedGraphviz(t)
	var prev []byte
	for range 2 {
		fig, err := LayTimeline(context.Background(), gv, timelineOf(t, "2019", "2025"), Options{Layout: "fdp", EdgeLabels: "none", Seed: DefaultSeed}, false)
		if err != nil {
			t.Fatal(err)
		}
		b := fig.SVG(false)
		if prev != nil && !bytes.Equal(prev, b) {
			t.Fatalf("two timelines of the same data differ:\n%s", firstDiff(string(b), string(prev)))
		}
		prev = b
	}
}

// TestTimelineBlocColoursStable: a timeline colours each date's blocs
// after the last date's, so a side keeps its colour: the United States
// and South Korea are in one bloc in 2018 (with North Korea, courted by
// Moon) and in 2025 (against China, North Korea and Russia), in the same
// colour both times.
func TestTimelineBlocColoursStable(t *testing.T) {
	tl := timelineOf(t, "2018", "2025-09-30")
	o := Options{Layout: "fdp", EdgeLabels: "none", Seed: DefaultSeed, Overlay: &Overlay{ColorBy: "bloc"}}
	dots, err := PinnedDOT(context.Background(), sharedGraphviz(t), tl, o)
	if err != nil {
		t.Fatal(err)
	}
	fill := func(dot []byte, id string) string {
		for _, m := range ovNodeRe.FindAllStringSubmatch(string(dot), -1) {
			if m[2] == id {
				return ovAttr(m[1], "fillcolor")
			}
		}
		t.Fatalf("no node %s", id)
		return ""
	}
	for _, id := range []string{"usa", "kor"} {
		if a, b := fill(dots[0], id), fill(dots[1], id); a != b || a != blocFills[1][0] {
			t.Errorf("%s: fill %s in 2018, %s in 2025; want %s both times", id, a, b, blocFills[1][0])
		}
	}
	if got := fill(dots[1], "chn"); got != blocFills[0][0] {
		t.Errorf("chn in 2025: fill %s, want %s", got, blocFills[0][0])
	}
}

// TestTimelineEdgeLabelsDoNotCollide: with edge text, every panel of a
// timeline and every frame places its labels as a single figure does: no
// two overlap, and none overlaps a node's text.
func TestTimelineEdgeLabelsDoNotCollide(t *testing.T) {
	gv := sharedGraphviz(t)
	ctx := context.Background()
	for _, layout := range []string{"fdp", "neato", "dot"} {
		t.Run(layout, func(t *testing.T) {
			tl := timelineOf(t, "2019", "2025-09-30")
			o := Options{Layout: layout, EdgeLabels: "caption", Seed: DefaultSeed}
			fig, err := LayTimeline(ctx, gv, tl, o, false)
			if err != nil {
				t.Fatal(err)
			}
			frames, err := LayFrames(ctx, gv, tl, o, false)
			if err != nil {
				t.Fatal(err)
			}
			var panels []*panel
			for _, f := range append([]*Figure{fig}, frames...) {
				for _, p := range f.panels {
					if strings.HasPrefix(p.id, "figure-graph-") {
						panels = append(panels, p)
					}
				}
			}
			if len(panels) != 2*len(tl.Snapshots) {
				t.Fatalf("%d graph panels in the timeline and its frames, want %d", len(panels), 2*len(tl.Snapshots))
			}
			for i, p := range panels {
				// The panel alone, as parseSVG reads a figure's graph.
				doc := fmt.Sprintf(`<svg xmlns="http://www.w3.org/2000/svg"><svg id="figure-graph" viewBox="%s">%s</svg></svg>`, p.svg.viewBox, p.svg.body)
				d := parseSVG(t, []byte(doc))
				edgeText := 0
				for _, x := range d.texts {
					if strings.HasPrefix(x.group, "edge-") {
						edgeText++
					}
				}
				s := tl.Snapshots[i%len(tl.Snapshots)]
				if edgeText < len(s.Graph.Edges) {
					t.Errorf("%s (%s): %d edge texts for %d relations", p.id, s.Date, edgeText, len(s.Graph.Edges))
				}
				for _, c := range textCollisions(d.texts) {
					t.Errorf("%s (%s): %s", p.id, s.Date, c)
				}
			}
		})
	}
}

// TestTimelineGrid: the panels fill a grid without an empty row, whose
// number of rows (with the fewest columns that then hold every panel)
// makes the figure closest in shape to a 16:9 slide; twelve yearly panels of the embedded data
// come out three wide and four high (the checks below hold that no other
// number of rows is nearer 16:9).
func TestTimelineGrid(t *testing.T) {
	gv := sharedGraphviz(t)
	years := []string{"2014", "2015", "2016", "2017", "2018", "2019", "2020", "2021", "2022", "2023", "2024", "2025"}
	want := map[int][2]int{1: {1, 1}, 2: {2, 1}, 4: {2, 2}, 12: {3, 4}} // columns, rows
	for _, n := range []int{1, 2, 3, 4, 5, 7, 12} {
		t.Run(fmt.Sprint(n), func(t *testing.T) {
			tl := timelineOf(t, years[len(years)-n:]...)
			o := Options{Layout: "fdp", EdgeLabels: "none", Seed: DefaultSeed}
			f, err := LayTimeline(context.Background(), gv, tl, o, false)
			if err != nil {
				t.Fatal(err)
			}
			xs, ys := map[float64]bool{}, map[float64]bool{}
			var panels, captions []*panel
			var legend *panel
			for _, p := range f.panels {
				switch {
				case strings.HasPrefix(p.id, "figure-graph-"):
					xs[p.x], ys[p.y] = true, true
					panels = append(panels, p)
				case strings.HasPrefix(p.id, "caption-"):
					captions = append(captions, p)
				case p.id == "figure-legend":
					legend = p
				}
			}
			cols, rows := len(xs), len(ys)
			if len(panels) != n || rows != (n+cols-1)/cols {
				t.Fatalf("%d panels in %d columns and %d rows", len(panels), cols, rows)
			}
			if w, ok := want[n]; ok && (cols != w[0] || rows != w[1]) {
				t.Errorf("%d panels in %d×%d, want %d×%d", n, cols, rows, w[0], w[1])
			}
			off := func(f *Figure) float64 { return math.Abs(math.Log(f.Width / f.Height / slideAspect)) }
			got := off(f)
			// Every other number of rows, each with the fewest columns
			// that hold the panels (timelineGrid moves the panels: the
			// positions above are read already).
			for r := 1; r <= n; r++ {
				c := (n + r - 1) / r
				if other := off(timelineGrid(tl, tl.Union(), o, panels, captions, legend, c)); other < got-1e-9 {
					t.Errorf("%d panels: %d×%d is %.3f from 16:9, %d×%d %.3f", n, cols, rows, got, c, (n+c-1)/c, other)
				}
			}
		})
	}
}

package render

import (
	"bytes"
	"context"
	"encoding/xml"
	"fmt"
	"html"
	"io"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/dipgraph/dipgraph/graph"
	"github.com/dipgraph/dipgraph/graph/graphtest"
)

func TestEdgeColor(t *testing.T) {
	tests := []struct {
		theme, in string
		sign      graph.Sign
		given     bool
		want      string
	}{
		{"light", okBlack, graph.Neutral, false, okBlack},
		{"light", okBlue, graph.Positive, false, okBlue},
		{"light", okSky, graph.Positive, false, "#1D96DB"},    // deepened to 3:1, same hue
		{"light", okOrange, graph.Negative, false, "#BD8300"}, // deepened
		{"light", okSky, graph.Positive, true, okSky},         // the user's colour: as given
		{"dark", okOrange, graph.Negative, false, okOrange},   // bright enough already
		{"dark", okBlue, graph.Positive, false, "#0081C9"},    // lifted to 3:1 over a frame
		{"dark", okBlack, graph.Neutral, false, "#C5C5C5"},    // near black: mirrored to near white
		{"print", okOrange, graph.Positive, false, "#333333"}, // cooperative: near black
		{"print", okBlue, graph.Positive, false, "#272727"},
		{"print", okVermillion, graph.Negative, false, "#737373"},
		{"print", okGray, graph.Neutral, false, "#404040"},
		{"print", okSky, graph.Positive, true, "#333333"}, // print grays even the user's colours
		{"print", "not-a-colour", graph.Neutral, false, "not-a-colour"},
	}
	for _, tt := range tests {
		if got := Themes[tt.theme].edgeColor(tt.in, tt.sign, tt.given); got != tt.want {
			t.Errorf("%s.edgeColor(%s, %v, given %v) = %s, want %s", tt.theme, tt.in, tt.sign, tt.given, got, tt.want)
		}
	}
}

var (
	dotEdgeRe  = regexp.MustCompile(`(?m)^  n\d+ -> n\d+ \[id="edge-\d+", (.*)\]$`)
	dotColorRe = regexp.MustCompile(`(?:^|, )color="([^"]*)"`)
)

// TestPrintTheme: the print theme draws relations in black and grays only,
// and every pair of types differs by line pattern or arrowhead, so the
// figure reads without colour.
func TestPrintTheme(t *testing.T) {
	ds := loadDefault(t)
	g := graph.Build(ds, graph.Filter{})
	var b bytes.Buffer
	o := Options{Layout: "fdp", EdgeLabels: "none", Theme: "print"}
	if err := DOT(&b, g, o); err != nil {
		t.Fatal(err)
	}
	for _, m := range dotEdgeRe.FindAllStringSubmatch(b.String(), -1) {
		for _, c := range dotColorRe.FindAllStringSubmatch(m[1], -1) {
			for _, one := range strings.Split(c[1], ":") {
				r, g, bl, ok := hexRGB(one)
				if !ok || r != g || g != bl {
					t.Errorf("print theme edge colour %q is not a gray: %s", one, m[0])
				}
			}
		}
	}
	styles := o.typeStyles(ds)
	seen := map[[2]string]string{}
	for _, ty := range g.Types {
		s := styles[ty.ID]
		k := [2]string{s.Line, s.Arrow}
		if other, dup := seen[k]; dup {
			t.Errorf("types %s and %s are both drawn %s with %s arrowheads", other, ty.ID, s.Line, s.Arrow)
		}
		seen[k] = ty.ID
	}
}

// svgDoc is the parts of a figure's SVG the structure tests look at.
type svgDoc struct {
	root    map[string]string
	titles  []string // <title> texts in document order
	desc    string
	edges   int      // Graphviz edge groups in the relation graph
	tips    int      // edge groups with a tooltip
	legend  []string // texts of the legend
	links   []string
	attrs   []string // every attribute name
	texts   []textAt // <text> of the relation graph
	elems   []string
	bgColor string
}

type textAt struct {
	x, y   float64
	anchor string
	size   float64
	text   string
	group  string // the id of the enclosing Graphviz group (edge-3, node-prk…)
}

func parseSVG(t *testing.T, doc []byte) *svgDoc {
	t.Helper()
	d := &svgDoc{root: map[string]string{}}
	dec := xml.NewDecoder(bytes.NewReader(doc))
	var stack []string // ids of open elements
	var panel, group string
	var inTitle, inDesc, inText bool
	var cur textAt
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("SVG does not parse: %v", err)
		}
		switch e := tok.(type) {
		case xml.StartElement:
			d.elems = append(d.elems, e.Name.Local)
			id := ""
			attr := map[string]string{}
			for _, a := range e.Attr {
				attr[a.Name.Local] = a.Value
				d.attrs = append(d.attrs, a.Name.Local)
				if a.Name.Local == "id" {
					id = a.Value
				}
				if a.Name.Local == "href" {
					d.links = append(d.links, a.Value)
				}
			}
			if len(stack) == 0 {
				d.root = attr
			}
			stack = append(stack, id)
			switch {
			case e.Name.Local == "svg" && strings.HasPrefix(id, "figure-"):
				panel = id
			case e.Name.Local == "g" && attr["class"] == "edge" && panel == "figure-graph":
				d.edges++
				group = id
			case e.Name.Local == "g" && attr["class"] == "node" && panel == "figure-graph":
				group = id
			case e.Name.Local == "a" && attr["title"] != "" && panel == "figure-graph" && strings.HasPrefix(group, "edge-"):
				d.tips++
			case e.Name.Local == "rect" && id == "background":
				d.bgColor = attr["fill"]
			case e.Name.Local == "title":
				inTitle = true
			case e.Name.Local == "desc":
				inDesc = true
			case e.Name.Local == "text":
				inText = true
				x, _ := strconv.ParseFloat(attr["x"], 64)
				y, _ := strconv.ParseFloat(attr["y"], 64)
				size, _ := strconv.ParseFloat(attr["font-size"], 64)
				cur = textAt{x: x, y: y, size: size, anchor: attr["text-anchor"], group: group}
			}
		case xml.EndElement:
			id := stack[len(stack)-1]
			stack = stack[:len(stack)-1]
			switch {
			case e.Name.Local == "svg" && id == panel:
				panel = ""
			case e.Name.Local == "title":
				inTitle = false
			case e.Name.Local == "desc":
				inDesc = false
			case e.Name.Local == "text":
				inText = false
				switch panel {
				case "figure-legend":
					d.legend = append(d.legend, cur.text)
				case "figure-graph":
					d.texts = append(d.texts, cur)
				}
			case e.Name.Local == "g" && id == group:
				group = ""
			}
		case xml.CharData:
			switch {
			case inTitle:
				d.titles = append(d.titles, string(e))
			case inDesc:
				d.desc += string(e)
			case inText:
				cur.text += string(e)
			}
		}
	}
	return d
}

// TestSVGStructure checks, per theme, what an embedding needs: the title
// and description, role="img", a tooltip on every edge, legend entries for
// exactly the types drawn, web links only, nothing active, nothing external.
func TestSVGStructure(t *testing.T) {
	ds := loadDefault(t)
	gv := sharedGraphviz(t)
	for _, tc := range []struct {
		theme  string
		filter graph.Filter
		bg     string
	}{
		{"light", graph.Filter{}, "#FFFFFF"},
		{"dark", graph.Filter{}, ""},
		{"print", graph.Filter{}, "#FFFFFF"},
		{"light", graph.Filter{Types: []string{"summit", "alliance"}}, "#FFFFFF"},
	} {
		t.Run(fmt.Sprint(tc.theme, tc.filter.Types), func(t *testing.T) {
			g := graph.Build(ds, tc.filter)
			f, err := Lay(context.Background(), gv, g, Options{Layout: "fdp", EdgeLabels: "caption", Seed: DefaultSeed, Theme: tc.theme}, false)
			if err != nil {
				t.Fatal(err)
			}
			d := parseSVG(t, f.SVG(false))
			if d.root["role"] != "img" || d.root["viewBox"] == "" {
				t.Errorf("root <svg> lacks role=img or viewBox: %v", d.root)
			}
			if len(d.titles) == 0 || d.titles[0] != ds.Title {
				t.Errorf("first <title> = %q, want the dataset's title", d.titles)
			}
			if !strings.Contains(d.desc, fmt.Sprintf("%d entities and %d relations", len(g.Nodes), len(g.Edges))) || !strings.Contains(d.desc, ds.Description) {
				t.Errorf("<desc> does not summarise the figure: %q", d.desc)
			}
			if d.edges != len(g.Edges) || d.tips != len(g.Edges) {
				t.Errorf("%d edges drawn and %d tooltips, want %d of each", d.edges, d.tips, len(g.Edges))
			}
			var want []string
			for _, ty := range g.Types {
				want = append(want, ty.Label)
			}
			var got []string
			for _, l := range d.legend {
				for _, w := range want {
					if strings.HasPrefix(l, w+" (") || l == w {
						got = append(got, w)
					}
				}
			}
			if !slices.Equal(got, want) {
				t.Errorf("legend entries %q, want the types drawn %q", got, want)
			}
			if d.bgColor != tc.bg {
				t.Errorf("background %q, want %q", d.bgColor, tc.bg)
			}
			for _, l := range d.links {
				if !strings.HasPrefix(l, "https://") && !strings.HasPrefix(l, "http://") {
					t.Errorf("link %q is not a web address", l)
				}
			}
			if len(d.links) == 0 {
				t.Error("no source links")
			}
			for _, e := range d.elems {
				if e == "script" || e == "foreignObject" || e == "style" || e == "image" || e == "use" {
					t.Errorf("SVG has a <%s> element", e)
				}
			}
			for _, a := range d.attrs {
				if strings.HasPrefix(strings.ToLower(a), "on") || a == "style" || a == "class" && false {
					t.Errorf("SVG has a %q attribute", a)
				}
			}
		})
	}
}

// TestEdgeLabelsDoNotCollide: in the default figure no two edge labels
// overlap, and none overlaps a node's text.
func TestEdgeLabelsDoNotCollide(t *testing.T) {
	ds := loadDefault(t)
	gv := sharedGraphviz(t)
	for _, layout := range []string{"fdp", "neato", "sfdp"} {
		t.Run(layout, func(t *testing.T) {
			g := graph.Build(ds, graph.Filter{})
			f, err := Lay(context.Background(), gv, g, Options{Layout: layout, EdgeLabels: "caption", Seed: DefaultSeed}, false)
			if err != nil {
				t.Fatal(err)
			}
			d := parseSVG(t, f.SVG(false))
			for _, c := range textCollisions(d.texts) {
				t.Error(c)
			}
			if len(d.texts) < len(g.Nodes) {
				t.Fatalf("found %d texts, fewer than the %d nodes", len(d.texts), len(g.Nodes))
			}
		})
	}
}

// textCollisions lists the edge labels of a relation graph's texts that
// overlap another edge label or a node's text (by more than 4 pt², for
// rounding), as "edge-3 "label" overlaps node-prk "North Korea"".
func textCollisions(texts []textAt) []string {
	type lbl struct {
		b    box
		what string
	}
	var labels []lbl
	for _, x := range texts {
		w := textWidth(x.text, x.size)
		x0 := x.x
		switch x.anchor {
		case "middle":
			x0 -= w / 2
		case "end":
			x0 -= w
		}
		b := box{x0, x.y - x.size*0.75, x0 + w, x.y + x.size*0.2}
		labels = append(labels, lbl{b, x.group + " " + strconv.Quote(x.text)})
	}
	var out []string
	for i := range labels {
		for j := i + 1; j < len(labels); j++ {
			a, b := labels[i], labels[j]
			if !strings.HasPrefix(a.what, "edge-") && !strings.HasPrefix(b.what, "edge-") {
				continue // node text against node text: the engine's business
			}
			if strings.Fields(a.what)[0] == strings.Fields(b.what)[0] {
				continue // lines of one label
			}
			if a.b.overlap(b.b) > 4 {
				out = append(out, fmt.Sprintf("%s overlaps %s", a.what, b.what))
			}
		}
	}
	return out
}

// TestFit: a figure fitted to a slide has exactly the slide's proportions
// and declares the slide's size.
func TestFit(t *testing.T) {
	ds := loadDefault(t)
	gv := sharedGraphviz(t)
	f, err := Lay(context.Background(), gv, graph.Build(ds, graph.Filter{}), Options{Layout: "fdp", EdgeLabels: "caption", Seed: DefaultSeed}, true)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range SizePresets {
		t.Run(p.Name, func(t *testing.T) {
			w, h, err := ParseSize(p.Name)
			if err != nil {
				t.Fatal(err)
			}
			fit := f.Fit(w, h)
			d := parseSVG(t, fit.SVG(false))
			if d.root["width"] != strconv.Itoa(w) {
				t.Errorf("width %q, want %d", d.root["width"], w)
			}
			if h > 0 {
				if d.root["height"] != strconv.Itoa(h) {
					t.Errorf("height %q, want %d", d.root["height"], h)
				}
				vb := strings.Fields(d.root["viewBox"])
				vw, _ := strconv.ParseFloat(vb[2], 64)
				vh, _ := strconv.ParseFloat(vb[3], 64)
				if r := vw / vh; r < float64(w)/float64(h)-0.001 || r > float64(w)/float64(h)+0.001 {
					t.Errorf("viewBox %s has ratio %.4f, want %d:%d", d.root["viewBox"], r, w, h)
				}
				pw, ph, err := fit.PixelSize(PaintOptions{Width: w, Height: h})
				if err != nil || pw != w || ph != h {
					t.Errorf("PNG would be %d×%d (%v), want %d×%d", pw, ph, err, w, h)
				}
			}
		})
	}
}

// TestLongNamesWrap: a long name is set on several lines, each within the
// wrap width; a short one stays on one line.
func TestLongNamesWrap(t *testing.T) {
	long := "Standing Committee of the Supreme People's Assembly of the Democratic People's Republic of Korea"
	ds := &graph.Dataset{ID: "w", Entities: []graph.Entity{
		{ID: "a", Kind: graph.KindOrganization, Name: long},
		{ID: "b", Kind: graph.KindCountry, Name: "Laos"},
	}, Records: []graph.Record{{Type: "summit", Parties: []string{"a", "b"}, Start: graph.MustDate("2020"), Weight: 1}}}
	var b bytes.Buffer
	if err := DOT(&b, graph.Build(ds, graph.Filter{}), Options{Layout: "fdp", EdgeLabels: "none"}); err != nil {
		t.Fatal(err)
	}
	m := regexp.MustCompile(`id="node-a", label="([^"]*)"`).FindStringSubmatch(b.String())
	if m == nil {
		t.Fatalf("no label for the long name in:\n%s", b.String())
	}
	lines := strings.Split(html.UnescapeString(m[1]), `\n`)
	if len(lines) < 4 || strings.Join(lines, " ") != long {
		t.Errorf("long name set as %q", lines)
	}
	for _, l := range lines {
		if textWidth(l, 12) > nameWidth && strings.Contains(l, " ") {
			t.Errorf("line %q is wider than %g pt", l, nameWidth)
		}
	}
	if !strings.Contains(b.String(), `<B>Laos</B>`) {
		t.Error("a short name was wrapped")
	}
}

func TestWeightSamples(t *testing.T) {
	edges := func(ws ...float64) *graph.Graph {
		g := &graph.Graph{}
		for _, w := range ws {
			g.Edges = append(g.Edges, &graph.Edge{Weight: w})
		}
		return g
	}
	for _, tc := range []struct {
		g    *graph.Graph
		want []float64
	}{
		{edges(1, 2, 9), []float64{1, 5, 9}},
		{edges(2, 2), []float64{2}},
		{edges(0.5, 3), []float64{1, 2, 3}},
		{edges(1, 2), []float64{1, 2}},
		{edges(), []float64{1}},
		{edges(4.4, 20.2), []float64{4, 12, 20}},
	} {
		if got := weightSamples(tc.g); !slices.Equal(got, tc.want) {
			t.Errorf("weightSamples(%v) = %v, want %v", tc.g.Edges, got, tc.want)
		}
	}
}

// TestSfdpRemovesOverlaps: the embedded Graphviz cannot run sfdp's own
// overlap removal (no triangulation library), but the overlap modes
// dipgraph sets — voronoi for small graphs, scale past LargeEdges edges —
// leave no two nodes overlapping.
func TestSfdpRemovesOverlaps(t *testing.T) {
	for _, tc := range []struct {
		name string
		g    *graph.Graph
	}{
		{"default", graph.Build(loadDefault(t), graph.Filter{})},
		{"synthetic-150", graph.Build(graphtest.Synthetic(150, 1), graph.Filter{})},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var b bytes.Buffer
			if err := graphvizDOT(&b, tc.g, Options{Layout: "sfdp", EdgeLabels: "none", Seed: DefaultSeed}); err != nil {
				t.Fatal(err)
			}
			laid, err := sharedGraphviz(t).Render(context.Background(), b.Bytes(), "sfdp", "dot")
			if err != nil {
				t.Fatal(err)
			}
			var boxes []box
			for _, l := range dotAttrLists(laid) {
				if !strings.HasPrefix(l.get("id"), "node-") {
					continue
				}
				p, ok := parsePoints(l.get("pos"))
				w, err1 := strconv.ParseFloat(l.get("width"), 64)
				h, err2 := strconv.ParseFloat(l.get("height"), 64)
				if !ok || err1 != nil || err2 != nil {
					t.Fatalf("node without a position or size: %q", l.attrs)
				}
				boxes = append(boxes, box{p[0].x - w*36, p[0].y - h*36, p[0].x + w*36, p[0].y + h*36})
			}
			if len(boxes) != len(tc.g.Nodes) {
				t.Fatalf("%d nodes laid out, want %d", len(boxes), len(tc.g.Nodes))
			}
			for i := range boxes {
				for j := i + 1; j < len(boxes); j++ {
					if a := boxes[i].overlap(boxes[j]); a > 1 {
						t.Errorf("nodes %d and %d overlap by %.0f pt²", i, j, a)
					}
				}
			}
		})
	}
}

package render

import (
	"bytes"
	"context"
	"html"
	"math"
	"regexp"
	"strconv"
	"testing"

	"github.com/dipgraph/dipgraph/graph"
	"github.com/dipgraph/dipgraph/graph/graphtest"
)

var edgeGroupRe = regexp.MustCompile(`<g id="([^"]*)" class="edge">`)

var edgeTextRe = regexp.MustCompile(`<text\b[^>]*?\bx="([-0-9.e+]+)" y="([-0-9.e+]+)"[^>]*>([^<]*)</text>`)

// TestMovedLabelsAgree: once placeLabels has moved the edge labels, the
// SVG and the drawing a painter uses show each label at the same place —
// the place placeLabels chose — and inside the drawing, for every engine
// that places edge text as external labels, on the default figure and on a
// 100-entity graph (whose labels Graphviz puts outside its bounding box).
func TestMovedLabelsAgree(t *testing.T) {
	ctx := context.Background()
	gv := sharedGraphviz(t)
	cases := []struct {
		name string
		g    *graph.Graph
	}{
		{"default", graph.Build(loadDefault(t), graph.Filter{})},
		{"100", graph.Build(graphtest.Synthetic(100, 1), graph.Filter{})},
	}
	for _, c := range cases {
		for _, engine := range []string{"fdp", "neato", "sfdp"} {
			t.Run(c.name+"/"+engine, func(t *testing.T) {
				o, _ := Options{Layout: engine, EdgeLabels: "caption", Seed: DefaultSeed}.ForGraph(c.g)
				outs, err := gv.RenderFormats(ctx, dotOf(t, c.g, o), engine, "dot", "svg", "json")
				if err != nil {
					t.Fatal(err)
				}
				placed := placeLabels(outs[0])
				if len(placed.moves) == 0 {
					t.Fatal("no labels placed")
				}
				p, ok := moveLabels("g", placed, nil, outs[1:])
				if !ok {
					t.Fatal("the labels could not be moved in Graphviz's drawings")
				}
				s := p.svg
				// Where each label's first line should now be, in the SVG's
				// user space: where it was, moved as placeLabels decided.
				painted := map[string][]point{}
				for _, sh := range p.layout.shapes {
					if sh.kind == shapeText {
						q := sh.points[0]
						painted[sh.text] = append(painted[sh.text], point{q.x + s.tx, s.ty - q.y})
					}
				}
				seen := 0
				for _, m := range edgeGroupRe.FindAllStringSubmatchIndex(s.body, -1) {
					id := html.UnescapeString(s.body[m[2]:m[3]])
					mv, ok := placed.moves[id]
					if !ok {
						continue
					}
					rest := s.body[m[1]:]
					texts := edgeTextRe.FindAllStringSubmatch(rest, -1)
					if len(texts) == 0 {
						t.Fatalf("%s: no text", id)
					}
					// Text is written in Graphviz's coordinates, y negated;
					// the group's transform adds (tx, ty).
					x, _ := strconv.ParseFloat(texts[0][1], 64)
					y, _ := strconv.ParseFloat(texts[0][2], 64)
					x, y = x+s.tx, y+s.ty
					text := html.UnescapeString(texts[0][3])
					seen++
					// The line is centred on the label's new x.
					if d := math.Abs(x - (mv.to.x + s.tx)); d > 0.1 {
						t.Errorf("%s %q: SVG x %.2f, %.2f from where placeLabels put it", id, text, x, d)
					}
					if x < 0 || x > s.vb[2] || y < 0 || y > s.vb[3] {
						t.Errorf("%s %q at (%.2f, %.2f): outside the drawing, 0 0 %.2f %.2f", id, text, x, y, s.vb[2], s.vb[3])
					}
					found := false
					for _, q := range painted[text] {
						if math.Abs(q.x-x) < 0.1 && math.Abs(q.y-y) < 0.1 {
							found = true
						}
					}
					if !found {
						t.Errorf("%s %q: at (%.2f, %.2f) in the SVG, painted at %v", id, text, x, y, painted[text])
					}
				}
				if seen != len(placed.moves) {
					t.Errorf("%d labels in the SVG, %d placed", seen, len(placed.moves))
				}
			})
		}
	}
}

// TestMoveSVGLabelsRefuses: when an edge's label is not where it is
// expected in Graphviz's SVG, the move is refused (and the caller has
// Graphviz draw the layout again) rather than half done.
func TestMoveSVGLabelsRefuses(t *testing.T) {
	doc := []byte(`<svg><g id="graph0" class="graph">
<!-- a&#45;&gt;b -->
<g id="edge&#45;1" class="edge">
<title>a&#45;&gt;b</title>
<path d="M0,0C1,1 2,2 3,3"/>
<text text-anchor="middle" x="10" y="-20">label</text>
</g>
<!-- b&#45;&gt;c -->
<g id="edge&#45;2" class="edge">
<title>b&#45;&gt;c</title>
<path d="M0,0C1,1 2,2 3,3"/>
</g>
</g></svg>`)
	move := labelMove{from: pt{10, 20}, to: pt{15, 30}, w: 20, h: 10}
	got, ok := moveSVGLabels(doc, map[string]labelMove{"edge-1": move})
	if !ok || !bytes.Contains(got, []byte(`x="15" y="-30"`)) {
		t.Errorf("moving edge-1's label: ok %v\n%s", ok, got)
	}
	for name, moves := range map[string]map[string]labelMove{
		"an edge without text": {"edge-1": move, "edge-2": move},
		"an edge not drawn":    {"edge-1": move, "edge-9": move},
	} {
		if _, ok := moveSVGLabels(doc, moves); ok {
			t.Errorf("%s: moved", name)
		}
	}
}

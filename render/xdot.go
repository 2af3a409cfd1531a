package render

import (
	"encoding/json"
	"fmt"
	"image/color"
	"math"
	"slices"
	"strconv"
	"strings"
)

// Graphviz's "json" output carries, for the graph, every cluster, node and
// edge, the drawing operations of its layout (the xdot language): the same
// shapes, in the same coordinates, that its SVG renderer draws. dipgraph's
// painters draw PNG and PDF from them, so every painter shows one layout.
//
// Coordinates are Graphviz points with y pointing up. State (colours, pen,
// font) starts afresh in each attribute (_draw_, _ldraw_, _hdraw_, …).

// xdotOp is one drawing operation as Graphviz writes it in JSON.
type xdotOp struct {
	Op     string       `json:"op"`
	Grad   string       `json:"grad"`
	Color  string       `json:"color"`
	Stops  []xdotStop   `json:"stops"`
	Points [][2]float64 `json:"points"`
	Rect   []float64    `json:"rect"`
	Pt     []float64    `json:"pt"`
	Align  string       `json:"align"`
	Width  float64      `json:"width"`
	Text   string       `json:"text"`
	Size   float64      `json:"size"`
	Face   string       `json:"face"`
	Style  string       `json:"style"`
	Flags  int          `json:"fontchar"`
}

type xdotStop struct {
	Frac  float64 `json:"frac"`
	Color string  `json:"color"`
}

// xdotObject is the graph, a subgraph, a node or an edge.
type xdotObject struct {
	Name     string   `json:"name"`
	ID       string   `json:"id"`
	Draw     []xdotOp `json:"_draw_"`
	LDraw    []xdotOp `json:"_ldraw_"`
	HDraw    []xdotOp `json:"_hdraw_"`
	TDraw    []xdotOp `json:"_tdraw_"`
	HLDraw   []xdotOp `json:"_hldraw_"`
	TLDraw   []xdotOp `json:"_tldraw_"`
	XLDraw   []xdotOp `json:"_xldraw_"`
	Order    string   `json:"outputorder"`
	Shape    string   `json:"shape"`
	Width    string   `json:"width"` // a node's, inches
	SubCount int      `json:"_subgraph_cnt"`
	Gvid     int      `json:"_gvid"`
	Tail     int      `json:"tail"` // an edge's ends, by their nodes' _gvid
	Head     int      `json:"head"`
}

// xdotGraph is the whole graph: its subgraphs and nodes ("objects"), and
// its edges. (A subgraph lists its nodes and edges by number.)
type xdotGraph struct {
	xdotObject
	Objects []xdotObject `json:"objects"`
	Edges   []xdotObject `json:"edges"`
}

// shapeKind is what a drawing operation draws.
type shapeKind int

const (
	shapeEllipse shapeKind = iota
	shapePolygon
	shapePolyline
	shapeBezier
	shapeText
)

// shape is one thing to draw, with the drawing state it is drawn in.
type shape struct {
	kind   shapeKind
	points []point // polygon, polyline and Bézier points; an ellipse's centre and radii
	filled bool
	pen    color.NRGBA // stroke (and text) colour
	fill   color.NRGBA
	width  float64   // pen width, points
	dashes []float64 // nil: solid
	// text
	text       string
	font       string  // Graphviz's font name, e.g. Helvetica-Bold
	bold       bool    // from the font name or the "t" operation
	size       float64 // font size, points
	align      float64 // 0 left, 0.5 centre, 1 right
	span       float64 // width Graphviz laid the text out in
	room       float64 // width the text may take: the widest line of its label
	ownerIndex int     // shapes of one label share it
}

type point struct{ x, y float64 }

// drawing is a Graphviz layout as a list of shapes in drawing order.
type drawing struct {
	shapes []shape
}

// Dash patterns, in points: Graphviz's SVG dashes, and dipgraph's denser
// dots (see svgDotted).
var (
	dashedPattern = []float64{5, 2}
	dottedPattern = []float64{1.5, 2.5}
)

// parseXdot reads Graphviz's json output into shapes, in the order its SVG
// renderer draws them: the graph, clusters, then edges and nodes (edges
// first with outputorder=edgesfirst, as dipgraph's graphs set).
func parseXdot(b []byte) (*drawing, error) { return parseXdotMoved(b, nil, nil) }

// parseXdotMoved is parseXdot with the external labels of the edges in
// moves moved (see moveLabels), and the edges rerouted in rt drawn on
// their new routes (see routeEdges).
func parseXdotMoved(b []byte, moves map[string]labelMove, rt *routed) (*drawing, error) {
	var g xdotGraph
	if err := json.Unmarshal(b, &g); err != nil {
		return nil, fmt.Errorf("reading Graphviz's drawing: %w", err)
	}
	if err := rt.applyXdot(&g); err != nil {
		return nil, err
	}
	d := &drawing{}
	label := 0
	add := func(ops ...[]xdotOp) {
		for _, list := range ops {
			label++
			d.addOps(list, label, 0)
		}
	}
	// The root graph's own drawing is its background, which dipgraph
	// always asks to be transparent (the figure paints its own): Graphviz's
	// drawing of a transparent background still fills it white.
	add(g.LDraw)
	subs := min(max(g.SubCount, 0), len(g.Objects))
	for _, c := range g.Objects[:subs] {
		add(c.Draw, c.LDraw)
	}
	edges := func() {
		for _, e := range g.Edges {
			if m, ok := moves[e.ID]; ok {
				// Graphviz's json writes an edge's external label's
				// text under _ldraw_ (the edge has no other label).
				for _, ops := range [][]xdotOp{e.LDraw, e.XLDraw} {
					for i := range ops {
						if op := &ops[i]; len(op.Pt) == 2 {
							op.Pt[0] += m.to.x - m.from.x
							op.Pt[1] += m.to.y - m.from.y
						}
					}
				}
				e.Draw, e.LDraw, e.XLDraw = decorateOps(e.Draw, e.LDraw, e.XLDraw, m)
			}
			add(e.Draw, e.TDraw, e.HDraw, e.LDraw, e.TLDraw, e.HLDraw, e.XLDraw)
		}
	}
	nodes := func() {
		for _, n := range g.Objects[subs:] {
			add(n.Draw, n.XLDraw)
			label++
			d.addOps(n.LDraw, label, n.labelRoom())
		}
	}
	if g.Order == "edgesfirst" {
		edges()
		nodes()
	} else {
		nodes()
		edges()
	}
	return d, nil
}

// labelRoom is the width a node's label may take inside the node: Graphviz
// sizes nodes from Helvetica's regular widths even for bold text, and the
// node's margins leave room for wider fonts.
func (n *xdotObject) labelRoom() float64 {
	w, err := strconv.ParseFloat(n.Width, 64)
	if err != nil || w <= 0 {
		return 0
	}
	w *= 72
	switch n.Shape {
	case "ellipse", "oval", "circle", "doublecircle", "":
		return w / math.Sqrt2 // Graphviz makes an ellipse √2 times its label
	case "box", "rect", "rectangle", "square", "plaintext", "plain", "none", "note", "tab", "folder", "component":
		return w - 12
	}
	return w * 0.7
}

// addOps appends the shapes of one attribute's operations; label numbers
// the attribute, so that the lines of one label know each other, and room
// is the width they may take (0: their widest line's).
func (d *drawing) addOps(ops []xdotOp, label int, room float64) {
	st := shape{pen: color.NRGBA{A: 255}, fill: color.NRGBA{A: 255}, width: 1, font: "Times-Roman", size: 14}
	invisible := false
	first := len(d.shapes)
	for _, op := range ops {
		switch op.Op {
		case "c":
			st.pen = xdotColor(op)
		case "C":
			st.fill = xdotColor(op)
		case "S":
			switch s := op.Style; {
			case strings.HasPrefix(s, "setlinewidth("):
				if w, err := strconv.ParseFloat(strings.TrimSuffix(strings.TrimPrefix(s, "setlinewidth("), ")"), 64); err == nil && w >= 0 {
					st.width = w
				}
			case s == "dashed":
				st.dashes = dashedPattern
			case s == "dotted":
				st.dashes = dottedPattern
			case s == "solid":
				st.dashes = nil
			case s == "bold":
				st.width = 2
			case s == "invis" || s == "invisible":
				invisible = true
			}
		case "F":
			st.font, st.size = op.Face, op.Size
			st.bold = isBoldFont(op.Face)
		case "t":
			st.bold = op.Flags&1 != 0 || isBoldFont(st.font)
		case "E", "e":
			if len(op.Rect) == 4 && !invisible {
				s := st
				s.kind, s.filled = shapeEllipse, op.Op == "E"
				s.points = []point{{op.Rect[0], op.Rect[1]}, {op.Rect[2], op.Rect[3]}}
				d.shapes = append(d.shapes, s)
			}
		case "P", "p", "L", "B", "b":
			if len(op.Points) < 2 || invisible {
				continue
			}
			s := st
			switch op.Op {
			case "P", "p":
				s.kind, s.filled = shapePolygon, op.Op == "P"
			case "L":
				s.kind = shapePolyline
			default:
				// Graphviz 12's json writer swaps the xdot letters of
				// Béziers: "B" is the filled one (rounded boxes),
				// "b" the open one (edges).
				s.kind, s.filled = shapeBezier, op.Op == "B"
			}
			s.points = make([]point, len(op.Points))
			for i, p := range op.Points {
				s.points[i] = point{p[0], p[1]}
			}
			d.shapes = append(d.shapes, s)
		case "T":
			if len(op.Pt) != 2 || op.Text == "" || invisible {
				continue
			}
			s := st
			// Graphviz's xdot writer doubles backslashes in text.
			s.kind, s.text, s.span, s.ownerIndex = shapeText, strings.ReplaceAll(op.Text, `\\`, `\`), op.Width, label
			s.points = []point{{op.Pt[0], op.Pt[1]}}
			switch op.Align {
			case "l":
				s.align = 0
			case "r":
				s.align = 1
			default:
				s.align = 0.5
			}
			d.shapes = append(d.shapes, s)
		}
	}
	// Graphviz sizes a label by its widest line: each line may take that
	// much room.
	for _, s := range d.shapes[first:] {
		if s.kind == shapeText {
			room = max(room, s.span)
		}
	}
	for i := first; i < len(d.shapes); i++ {
		d.shapes[i].room = room
	}
}

func isBoldFont(face string) bool {
	f := strings.ToLower(face)
	return strings.Contains(f, "bold") || strings.Contains(f, "black") || strings.Contains(f, "heavy")
}

// xdotColor reads an operation's colour; a gradient is drawn in its first
// colour.
func xdotColor(op xdotOp) color.NRGBA {
	c := op.Color
	if op.Grad != "" && op.Grad != "none" && len(op.Stops) > 0 {
		c = op.Stops[0].Color
	}
	return parseColor(c)
}

// namedColors are the colour names Graphviz may write instead of #rrggbb.
var namedColors = map[string]color.NRGBA{
	"black": {0, 0, 0, 255}, "white": {255, 255, 255, 255}, "transparent": {255, 255, 254, 0},
	"none": {0, 0, 0, 0}, "gray": {192, 192, 192, 255}, "grey": {192, 192, 192, 255},
	"red": {255, 0, 0, 255}, "green": {0, 255, 0, 255}, "blue": {0, 0, 255, 255},
}

// parseColor reads #rgb, #rrggbb, #rrggbbaa or a colour name; anything
// else is black.
func parseColor(s string) color.NRGBA {
	s = strings.TrimSpace(strings.ToLower(s))
	if c, ok := namedColors[s]; ok {
		return c
	}
	h, ok := strings.CutPrefix(s, "#")
	if !ok {
		return color.NRGBA{A: 255}
	}
	if len(h) == 3 {
		h = string([]byte{h[0], h[0], h[1], h[1], h[2], h[2]})
	}
	if len(h) == 6 {
		h += "ff"
	}
	v, err := strconv.ParseUint(h, 16, 32)
	if len(h) != 8 || err != nil {
		return color.NRGBA{A: 255}
	}
	return color.NRGBA{uint8(v >> 24), uint8(v >> 16), uint8(v >> 8), uint8(v)}
}

// fixBackslashes takes the text of labels with backslashes from the SVG of
// the same layout: Graphviz's xdot writer miscounts the bytes of text with
// consecutive backslashes, so its json output cuts such text short. The
// SVG holds the same texts in the same order.
func (d *drawing) fixBackslashes(svg []string) {
	var texts []*shape
	for i := range d.shapes {
		if d.shapes[i].kind == shapeText {
			texts = append(texts, &d.shapes[i])
		}
	}
	// The texts come in the same order; where the json lacks one (a
	// line cut away whole), the SVG's next text that the json's is the
	// start of is its.
	j := 0
	for _, s := range texts {
		k := j
		for k < len(svg) && !strings.HasPrefix(svg[k], s.text) {
			k++
		}
		if k == len(svg) {
			continue
		}
		if strings.Contains(s.text, `\`) && strings.Contains(svg[k], `\`) {
			s.text = svg[k]
		}
		j = k + 1
	}
}

// decorateOps is decorateLabel for the drawing operations: the leader line
// after the edge's own, or the numbered disc instead of its text.
func decorateOps(draw, ldraw, xldraw []xdotOp, m labelMove) (d, l, x []xdotOp) {
	if m.leader == nil && m.marker == 0 {
		return draw, ldraw, xldraw
	}
	stroke := "#000000"
	for _, op := range draw {
		if op.Op == "c" {
			stroke = op.Color
			break
		}
	}
	if m.leader != nil {
		p, q := m.leader[0], m.leader[1]
		draw = append(slices.Clone(draw),
			xdotOp{Op: "c", Color: stroke}, xdotOp{Op: "S", Style: "solid"}, xdotOp{Op: "S", Style: "setlinewidth(" + svgCoord(leaderWidth(m.font)) + ")"},
			xdotOp{Op: "L", Points: [][2]float64{{p.x, p.y}, {q.x, q.y}}})
		if m.marker == 0 {
			return draw, ldraw, xldraw
		}
	}
	r := m.w / 2
	disc := []xdotOp{
		{Op: "S", Style: "solid"}, {Op: "S", Style: "setlinewidth(1.2)"},
		{Op: "C", Color: markerFill}, {Op: "c", Color: stroke},
		{Op: "E", Rect: []float64{m.to.x, m.to.y, r, r}},
		{Op: "F", Face: "Helvetica-Bold", Size: m.font}, {Op: "c", Color: markerText},
		{Op: "T", Pt: []float64{m.to.x, m.to.y - m.font*0.35}, Align: "c", Width: textWidth(strconv.Itoa(m.marker), m.font), Text: strconv.Itoa(m.marker)},
	}
	if len(xldraw) > 0 {
		return draw, ldraw, disc
	}
	return draw, disc, nil
}

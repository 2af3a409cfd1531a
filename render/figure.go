package render

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"html"
	"math"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/dipgraph/dipgraph/graph"
	"github.com/dipgraph/dipgraph/render/graphviz"
)

// Figure layout, in points.
const (
	figMargin    = 18.0
	titleSize    = 20.0
	subtitleSize = 13.0
	footSize     = 9.0
	legendGap    = 18.0
	minFigWidth  = 480.0
)

// SVG renders the figure: the title block, the relation graph laid out by
// Graphviz, the legend beside it and the source notes below, composed into
// one SVG document. The same graph and options give the same bytes.
func SVG(ctx context.Context, gv *Graphviz, g *graph.Graph, o Options) ([]byte, error) {
	f, err := Lay(ctx, gv, g, o, false)
	if err != nil {
		return nil, err
	}
	return f.SVG(false), nil
}

// Figure is a figure laid out once: where the title lines, the relation
// graph, the legend and the source lines go, and Graphviz's layout of the
// graph and the legend. The SVG writer and the PNG and PDF painters all
// draw from it, so every format shows the same figure.
type Figure struct {
	Width, Height float64 // points
	title, desc   string
	background    string    // #rrggbb, or "" for none
	backdrop      string    // what a figure without background is meant to sit on, for contrast
	seed          int       // the seed of the layout the search kept
	spread        float64   // and its spread (Options.spread)
	untangle      bool      // and whether it was untangled (Options.untangle)
	pxW, pxH      int       // the SVG's declared size in pixels (Fit), 0: its size in points
	lines         []figText // title block, then sources
	panels        []*panel  // the relation graph, then the legend if any
}

// figText is a line of the figure's own text (not Graphviz's).
type figText struct {
	block      string // "title-block", "key", "also" or "sources"
	x, y, size float64
	bold       bool
	color      string
	text       string
	room       float64 // the width the line may take
	href       string  // a web address the line links to (http or https only)
}

// panel is a Graphviz layout placed in the figure, as the SVG nests it: an
// <svg> viewport at (x, y) of width × height points showing viewBox of the
// layout, whose group Graphviz translates by (tx, ty) with y flipped.
type panel struct {
	id     string
	x, y   float64
	svg    *graphvizSVG
	layout *drawing  // nil unless the figure is to be painted
	geom   *geometry // a relation graph's drawing, for the legibility score
	// laid is the relation graph's DOT with the positions the drawing
	// shows, rerouted edges included (nil for other panels).
	laid []byte
}

// Lay lays the figure out: the relation graph and the legend with Graphviz
// (one layout each), then the arrangement around them. With paint, it also
// keeps Graphviz's drawing operations of those same layouts, for PNG and
// PDF.
func Lay(ctx context.Context, gv *Graphviz, g *graph.Graph, o Options, paint bool) (*Figure, error) {
	if err := o.checkEntities(g); err != nil {
		return nil, err
	}
	o, note := o.ForGraph(g)
	if note != "" && gv.Warn != nil {
		gv.Warn(note)
	}
	if gv.Warn != nil {
		for _, w := range o.contrastWarnings(g) {
			gv.Warn(w)
		}
		for _, w := range o.highlightWarnings(g) {
			gv.Warn(w)
		}
		for _, w := range captionWarnings(g) {
			gv.Warn(w)
		}
	}
	if o.Timeout > 0 {
		var cancel context.CancelFunc
		ctx, cancel = context.WithTimeout(ctx, o.Timeout)
		defer cancel()
		gv = gv.WithTimeout(o.Timeout)
	}
	engine := ""
	if o.Overlay != nil && o.Overlay.pins != nil {
		engine = pinEngine // every node placed already (LayFor)
	}
	main, chosen, err := layBest(ctx, gv, g, o, engine, paint)
	if err != nil {
		return nil, err
	}
	var legend *panel
	if !o.NoLegend && len(g.Edges) > 0 {
		if legend, err = layPanel(ctx, gv, "figure-legend", legendDOT(g, o), "neato", paint); err != nil {
			if te, ok := errors.AsType[*graphviz.TimeoutError](err); ok {
				te.Part = "legend" // its hint is not the graph's
				return nil, te
			}
			return nil, fmt.Errorf("legend: %w", err)
		}
	}
	f := arrange(g, o, main, legend)
	f.seed, f.spread, f.untangle = chosen.Seed, chosen.spread, chosen.untangle
	return f, nil
}

// layGraph lays out a relation graph as the panel id: the figure's, or a
// timeline's pinned snapshot (engine nop2). Edges that pass through a node
// they do not end at are rerouted around the other nodes (routeEdges). With edge text on an engine that places
// it as external labels, the labels are then moved clear of each other
// (placeLabels) in the drawings of that one layout (see moveLabels). Should
// a drawing not have the form that expects, the layout is drawn again by
// Graphviz with every position given (nop2). The panel keeps the drawing's
// geometry, for the legibility score.
func layGraph(ctx context.Context, gv *Graphviz, id string, dot []byte, engine string, paint bool, d *graph.Dataset) (*panel, error) {
	formats := []string{"dot", "svg"}
	if paint {
		formats = append(formats, "json")
	}
	outs, err := gv.RenderFormats(ctx, dot, engine, formats...)
	if err != nil {
		return nil, err
	}
	// (dot's splines avoid nodes, but not always those in the frame of
	// an edge's end: its lines are rerouted too.)
	rt := routeEdges(outs[0])
	if note := rt.stuckNote(); note != "" && gv.Warn != nil {
		gv.Warn(note)
	}
	if len(rt.routes) == 0 && !bytes.Contains(dot, []byte("xlabel=")) {
		p, err := panelOf(id, outs[1:], paint)
		if err != nil {
			return nil, err
		}
		p.laid, p.geom = outs[0], readGeometry(outs[0], nil, d)
		return p, nil
	}
	placed := placeLabels(rt.dot)
	if p, ok := moveLabels(id, placed, rt, outs[1:]); ok {
		p.laid, p.geom = rt.dot, readGeometry(rt.dot, placed.moves, d)
		return p, nil
	}
	given := setDOTAttrs(rt.dot, xlpAttrs(placed.moves))
	p, err := layPanel(ctx, gv, id, given, pinEngine, paint)
	if err != nil {
		return nil, err
	}
	p.laid, p.geom = given, readGeometry(given, placed.moves, d)
	return p, nil
}

func layPanel(ctx context.Context, gv *Graphviz, id string, dot []byte, engine string, paint bool) (*panel, error) {
	formats := []string{"svg"}
	if paint {
		formats = append(formats, "json")
	}
	outs, err := gv.RenderFormats(ctx, dot, engine, formats...)
	if err != nil {
		return nil, err
	}
	return panelOf(id, outs, paint)
}

// panelOf is the panel id of Graphviz's SVG of a layout and, for painting,
// its drawing operations (outs: svg, then json).
func panelOf(id string, outs [][]byte, paint bool) (*panel, error) {
	p := &panel{id: id}
	var err error
	if p.svg, err = parseGraphvizSVG(outs[0]); err != nil {
		return nil, err
	}
	if paint {
		if p.layout, err = parseXdot(outs[1]); err != nil {
			return nil, err
		}
		p.layout.fixBackslashes(svgTexts(outs[0]))
	}
	return p, nil
}

var svgTextRe = regexp.MustCompile(`<text\b[^>]*>([^<]*)</text>`)

// svgTexts are the texts of a Graphviz SVG, in document order.
func svgTexts(doc []byte) []string {
	var out []string
	for _, m := range svgTextRe.FindAllSubmatch(doc, -1) {
		out = append(out, html.UnescapeString(string(m[1])))
	}
	return out
}

// graphvizSVG is the part of a Graphviz SVG document we nest in ours.
type graphvizSVG struct {
	width, height float64 // points
	viewBox       string
	vb            [4]float64 // viewBox as numbers
	tx, ty        float64    // the translation of Graphviz's top group
	body          string     // everything inside the root <svg> element
}

var (
	rootTag = regexp.MustCompile(`(?s)<svg\b[^>]*>`)
	attrRe  = regexp.MustCompile(`\b(width|height|viewBox)="([^"]*)"`)
	groupTr = regexp.MustCompile(`<g\b[^>]*\btransform="scale\(1 1\) rotate\(0\) translate\(([-0-9.e]+) ([-0-9.e]+)\)"`)
)

// dropComments removes the comments (and a line break after each) from
// Graphviz's SVG: they repeat node and edge names, and the figure's SVG
// does without them.
func dropComments(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for {
		i := strings.Index(s, "<!--")
		if i < 0 {
			b.WriteString(s)
			return b.String()
		}
		j := strings.Index(s[i+4:], "-->")
		if j < 0 {
			b.WriteString(s)
			return b.String()
		}
		b.WriteString(s[:i])
		s = strings.TrimPrefix(s[i+4+j+3:], "\n")
	}
}

// Graphviz draws a dotted line as 1 pt dots 5 pt apart, too sparse to
// read on a slide; dipgraph's dotted lines are 1.5 pt dots 2.5 pt apart, in
// the SVG as in the PNG and PDF (dottedPattern).
const (
	graphvizDotted = `stroke-dasharray="1,5"`
	svgDotted      = `stroke-dasharray="1.5,2.5"`
)

func parseGraphvizSVG(doc []byte) (*graphvizSVG, error) {
	s := string(doc)
	loc := rootTag.FindStringIndex(s)
	end := strings.LastIndex(s, "</svg>")
	if loc == nil || end < loc[1] {
		return nil, fmt.Errorf("graphviz produced no SVG document")
	}
	out := &graphvizSVG{body: strings.ReplaceAll(dropComments(s[loc[1]:end]), graphvizDotted, svgDotted)}
	for _, m := range attrRe.FindAllStringSubmatch(s[loc[0]:loc[1]], -1) {
		switch m[1] {
		case "width":
			out.width, _ = strconv.ParseFloat(strings.TrimSuffix(m[2], "pt"), 64)
		case "height":
			out.height, _ = strconv.ParseFloat(strings.TrimSuffix(m[2], "pt"), 64)
		case "viewBox":
			out.viewBox = m[2]
			for i, f := range strings.Fields(m[2]) {
				if i < 4 {
					out.vb[i], _ = strconv.ParseFloat(f, 64)
				}
			}
		}
	}
	if out.width <= 0 || out.height <= 0 || out.viewBox == "" || out.vb[2] <= 0 || out.vb[3] <= 0 {
		return nil, fmt.Errorf("graphviz SVG has no size")
	}
	if m := groupTr.FindStringSubmatch(s); m != nil {
		out.tx, _ = strconv.ParseFloat(m[1], 64)
		out.ty, _ = strconv.ParseFloat(m[2], 64)
	}
	return out, nil
}

// keySize is the size of the key to numbered lines.
const keySize = 9.5

// keyItems are the texts of a graph panel's numbered lines, in number
// order, each starting with its number. A caption's every row is there,
// though the line's own text stops at three ("+2 more").
func keyItems(p *panel, g *graph.Graph, o Options) []string {
	if p == nil || p.geom == nil {
		return nil
	}
	var out []string
	n := 0
	for _, l := range p.geom.labels {
		n = max(n, l.marker)
	}
	out = make([]string, n)
	d := g.Dataset
	var cite func(*graph.Record) string
	if o.Cite {
		cite = citations(g)
	}
	for _, l := range p.geom.labels {
		if l.marker > 0 {
			e := p.geom.edges[l.edge]
			name := func(id string) string {
				if d == nil {
					return id
				}
				if x, ok := d.Entity(id); ok {
					return x.Name
				}
				return id
			}
			text := l.text
			if i, err := strconv.Atoi(strings.TrimPrefix(e.id, "edge-")); err == nil && i >= 1 && i <= len(g.Edges) && o.EdgeLabels == "caption" {
				ge := g.Edges[i-1]
				if cs := pairCaptions(g, ge); len(cs) > 0 {
					text = strings.ReplaceAll(captionText(g, cs[0], o.Cite), "\n", " ")
				} else if rows := captionRows(ge, cite, whoDid(g, ge)); len(rows) > 0 {
					text = flatRows(rows)
				}
			}
			out[l.marker-1] = fmt.Sprintf("%d  %s – %s: %s", l.marker, name(e.from), name(e.to), text)
		}
	}
	return out
}

// flatRows is caption rows on one line, as the key sets them.
func flatRows(rows []string) string {
	r := strings.NewReplacer(",\n", ", ", ":\n", ": ", "\n", " ")
	for i, row := range rows {
		rows[i] = r.Replace(row)
	}
	return strings.Join(rows, "; ")
}

// layKeyColumns sets the key across a width, in up to three columns (each
// entry wrapped to its column, the columns about equally long, filled down
// then across), under a bold heading: its lines (y from the key's top) and
// its height.
func layKeyColumns(items []string, color string, size, x, width float64) ([]figText, float64) {
	widest := 0.0
	for _, it := range items {
		widest = max(widest, textWidth(it, size))
	}
	gap := 2 * size
	cols := max(1, min(3, len(items), int((width+gap)/(min(widest, 22*size)+gap))))
	colW := (width - float64(cols-1)*gap) / float64(cols)
	var entries [][]string
	total := 0
	for _, it := range items {
		l := wrap(it, size, colW)
		entries = append(entries, l)
		total += len(l)
	}
	lines := []figText{{block: "key", x: x, y: lineH(size) - size*0.25, size: size, bold: true, color: color, text: "Numbered lines", room: width}}
	per := (total + cols - 1) / cols
	col, row, rows := 0, 0, 0
	for _, e := range entries {
		if row > 0 && row+len(e) > per && col < cols-1 {
			col, row = col+1, 0
		}
		for _, l := range e {
			lines = append(lines, figText{block: "key", x: x + float64(col)*(colW+gap), y: float64(row+2)*lineH(size) - size*0.25,
				size: size, color: color, text: l, room: colW})
			row++
		}
		rows = max(rows, row)
	}
	return lines, float64(rows+1) * lineH(size)
}

// lineH is the line height of text at size.
func lineH(size float64) float64 { return size * 1.25 }

// arrange places the title block, graph, legend and footer.
func arrange(g *graph.Graph, o Options, main, legend *panel) *Figure {
	title := o.Title
	if title == "" {
		title = g.Dataset.Title
	}
	k := o.asides()
	titleSize, subtitleSize, footSize := titleSize*k, subtitleSize*k, footSize*o.foot()
	below := legend != nil && o.legendBelow
	width := main.svg.width
	switch {
	case below:
		width = max(width, legend.svg.width)
	case legend != nil:
		width += legendGap + legend.svg.width
	}
	// The key in a column of its own beside the legend (keyBeside): as
	// narrow as lets it be no taller than the graph, at most 2.5 times the
	// legend's width.
	th := o.theme()
	items := keyItems(main, g, o)
	ks := keySize * k
	layKey := func(x, room float64) (lines []figText, h float64) {
		add := func(t string, bold bool) {
			for _, l := range wrap(t, ks, room) {
				h += lineH(ks)
				lines = append(lines, figText{block: "key", x: x, y: h - ks*0.25, size: ks, bold: bold, color: th.LegendText, text: l, room: room})
			}
		}
		add("Numbered lines", true)
		for _, it := range items {
			add(it, false)
		}
		return lines, h
	}
	var sideKey []figText
	sideKeyH := 0.0
	if o.keyBeside && legend != nil && !below && len(items) > 0 {
		// The column's width: of 1 to 3 times the legend's, the one that
		// brings the figure's shape nearest the target's (keyAspect), or
		// without one the narrowest no taller than the graph.
		x := figMargin + width + legendGap
		body := max(main.svg.height, legend.svg.height)
		room, best := 0.0, math.Inf(1)
		for _, w := range []float64{1, 1.25, 1.5, 1.75, 2, 2.5, 3} {
			r := max(legend.svg.width, 160) * w
			lines, h := layKey(x, r)
			miss := math.Abs(math.Log((width + legendGap + r) / max(body, h) / o.keyAspect))
			if o.keyAspect <= 0 {
				miss = w
				if h > body {
					miss += 10
				}
			}
			if miss < best {
				room, best, sideKey, sideKeyH = r, miss, lines, h
			}
		}
		width += legendGap + room
	}
	width = max(width+2*figMargin, minFigWidth)
	inner := width - 2*figMargin

	titleLines := wrap(title, titleSize, inner)
	subLines := wrap(o.Subtitle, subtitleSize, inner)
	var foot []string
	if asOf := latestDate(g); !asOf.IsZero() {
		foot = append(foot, fmt.Sprintf("Data as of %s · %d relations from %d records · made with dipgraph", asOf.Human(), len(g.Edges), recordCount(g)))
	}
	var footLinks []string // the link of each foot line
	for range foot {
		footLinks = append(footLinks, "")
	}
	for i, s := range g.Sources {
		lines := wrap(fmt.Sprintf("[%d] %s", i+1, sourceLine(s)), footSize, inner)
		foot = append(foot, lines...)
		for range lines {
			footLinks = append(footLinks, webURL(s.URL))
		}
	}

	f := &Figure{Width: width, title: title, desc: describe(g, o), background: th.Background, backdrop: th.backdrop()}
	y := figMargin
	headH := float64(len(titleLines))*lineH(titleSize) + float64(len(subLines))*lineH(subtitleSize)
	bodyH := main.svg.height
	switch {
	case below:
		bodyH += legendGap + legend.svg.height
	case legend != nil:
		bodyH = max(bodyH, legend.svg.height)
	}
	footH := float64(len(foot)) * lineH(footSize)
	// The key to numbered lines: in its own column (keyBeside), or under
	// the legend beside the graph when it fits there, else under the graph
	// (and a legend below it), across the figure.
	var keyLines []figText
	keyTop := 0.0
	if sideKey != nil {
		keyLines = sideKey
		bodyH = max(bodyH, sideKeyH)
	} else if len(items) > 0 {
		placed := false
		if legend != nil && !below {
			lines, h := layKey(figMargin+main.svg.width+legendGap, max(legend.svg.width, 160))
			if top := legend.svg.height + 6; top+h <= bodyH {
				keyLines, keyTop, placed = lines, top, true
			}
		}
		if !placed {
			lines, h := layKeyColumns(items, th.LegendText, ks, figMargin, inner)
			keyLines, keyTop = lines, bodyH+6
			bodyH += 6 + h
		}
	}
	// The "Also:" note of the ties left off the drawing, under the rest.
	alsoLines, alsoTop := []figText(nil), 0.0
	if items := alsoItems(g); len(items) > 0 {
		var h float64
		alsoLines, h = layAlso(items, th.LegendText, ks, figMargin, inner)
		alsoTop = bodyH + 6
		bodyH += 6 + h
	}
	f.Height = figMargin + headH + 8*k + bodyH + 10*o.foot() + footH + figMargin

	text := func(block string, lines []string, size float64, bold bool, color string) {
		for _, l := range lines {
			y += lineH(size)
			f.lines = append(f.lines, figText{block: block, x: figMargin, y: y - size*0.25, size: size, bold: bold, color: color, text: l, room: inner})
		}
	}
	defer func() {
		// The source lines link to their sources.
		n := 0
		for i := range f.lines {
			if f.lines[i].block == "sources" {
				f.lines[i].href = footLinks[n]
				n++
			}
		}
	}()
	text("title-block", titleLines, titleSize, true, th.Title)
	text("title-block", subLines, subtitleSize, false, th.Subtitle)
	y += 8 * k
	main.x, main.y = figMargin, y
	f.panels = append(f.panels, main)
	switch {
	case below:
		legend.x, legend.y = figMargin, y+main.svg.height+legendGap
		f.panels = append(f.panels, legend)
	case legend != nil:
		legend.x, legend.y = figMargin+main.svg.width+legendGap, y
		f.panels = append(f.panels, legend)
	}
	for _, l := range keyLines {
		l.y += main.y + keyTop
		f.lines = append(f.lines, l)
	}
	for _, l := range alsoLines {
		l.y += main.y + alsoTop
		f.lines = append(f.lines, l)
	}
	y += bodyH + 10*o.foot()
	text("sources", foot, footSize, false, th.Footer)
	return f
}

// Fit returns the figure for a target of w × h pixels (--size): with both
// sides given, on a canvas of exactly those proportions with the figure
// centred on it (the background fills the rest), so a slide-sized figure
// drops into a slide as it is; with one side 0, the figure as it is. Its
// SVG declares the target's size in pixels.
func (f *Figure) Fit(w, h int) *Figure {
	out := *f
	out.pxW, out.pxH = w, h
	if w <= 0 || h <= 0 {
		return &out
	}
	want := float64(w) / float64(h)
	dx, dy := 0.0, 0.0
	if f.Width/f.Height < want {
		out.Width = f.Height * want
		dx = (out.Width - f.Width) / 2
	} else {
		out.Height = f.Width / want
		dy = (out.Height - f.Height) / 2
	}
	out.lines = slices.Clone(f.lines)
	for i := range out.lines {
		out.lines[i].x += dx
		out.lines[i].y += dy
	}
	out.panels = nil
	for _, p := range f.panels {
		q := *p
		q.x += dx
		q.y += dy
		out.panels = append(out.panels, &q)
	}
	return &out
}

// SVG writes the figure as one SVG document; transparent leaves out the
// background.
func (f *Figure) SVG(transparent bool) []byte {
	var b bytes.Buffer
	width, height := num(f.Width)+"pt", num(f.Height)+"pt"
	switch {
	case f.pxW > 0 && f.pxH > 0:
		width, height = strconv.Itoa(f.pxW), strconv.Itoa(f.pxH)
	case f.pxW > 0:
		width, height = strconv.Itoa(f.pxW), num(math.Round(float64(f.pxW)*f.Height/f.Width))
	case f.pxH > 0:
		width, height = num(math.Round(float64(f.pxH)*f.Width/f.Height)), strconv.Itoa(f.pxH)
	}
	fmt.Fprintf(&b, "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"no\"?>\n")
	fmt.Fprintf(&b, "<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:xlink=\"http://www.w3.org/1999/xlink\" width=\"%s\" height=\"%s\" viewBox=\"0 0 %s %s\" role=\"img\" aria-labelledby=\"figure-title figure-desc\">\n",
		width, height, num(f.Width), num(f.Height))
	fmt.Fprintf(&b, "<title id=\"figure-title\">%s</title>\n", xmlText(f.title))
	fmt.Fprintf(&b, "<desc id=\"figure-desc\">%s</desc>\n", xmlText(f.desc))
	if !transparent && f.background != "" {
		fmt.Fprintf(&b, "<rect id=\"background\" width=\"100%%\" height=\"100%%\" fill=\"%s\"/>\n", f.background)
	}
	text := func(block string) {
		for _, l := range f.lines {
			if l.block != block {
				continue
			}
			weight := ""
			if l.bold {
				weight = " font-weight=\"bold\""
			}
			if l.href != "" {
				fmt.Fprintf(&b, "<a href=\"%s\" xlink:href=\"%s\" target=\"_blank\">", xmlText(l.href), xmlText(l.href))
			}
			fmt.Fprintf(&b, "<text x=\"%s\" y=\"%s\" font-family=\"%s\" font-size=\"%s\"%s fill=\"%s\">%s</text>",
				num(l.x), num(l.y), fontStack, num(l.size), weight, l.color, xmlText(l.text))
			if l.href != "" {
				b.WriteString("</a>")
			}
			b.WriteString("\n")
		}
	}
	b.WriteString("<g id=\"title-block\">\n")
	text("title-block")
	b.WriteString("</g>\n")
	for _, p := range f.panels {
		nest(&b, p)
	}
	if slices.ContainsFunc(f.lines, func(l figText) bool { return l.block == "key" }) {
		b.WriteString("<g id=\"key\">\n")
		text("key")
		b.WriteString("</g>\n")
	}
	if slices.ContainsFunc(f.lines, func(l figText) bool { return l.block == "also" }) {
		b.WriteString("<g id=\"also\">\n")
		text("also")
		b.WriteString("</g>\n")
	}
	b.WriteString("<g id=\"sources\">\n")
	text("sources")
	b.WriteString("</g>\n</svg>\n")
	return b.Bytes()
}

func nest(b *bytes.Buffer, p *panel) {
	s := p.svg
	fmt.Fprintf(b, "<svg id=\"%s\" x=\"%s\" y=\"%s\" width=\"%s\" height=\"%s\" viewBox=\"%s\">",
		p.id, num(p.x), num(p.y), num(s.width), num(s.height), s.viewBox)
	b.WriteString(s.body)
	b.WriteString("</svg>\n")
}

func num(f float64) string { return strconv.FormatFloat(f, 'f', -1, 64) }

// wrap breaks text into lines that fit width points at size.
func wrap(s string, size, width float64) []string {
	if strings.TrimSpace(s) == "" {
		return nil
	}
	var lines []string
	line := ""
	for _, w := range strings.Fields(s) {
		try := strings.TrimSpace(line + " " + w)
		if line != "" && textWidth(try, size) > width {
			lines = append(lines, line)
			try = w
		}
		line = try
	}
	return append(lines, line)
}

func sourceLine(s *graph.Source) string {
	parts := []string{s.Title}
	if s.Author != "" {
		parts = append(parts, s.Author)
	}
	if s.Publisher != "" {
		parts = append(parts, s.Publisher)
	}
	if !s.Date.IsZero() {
		parts = append(parts, s.Date.Human())
	}
	if s.URL != "" {
		parts = append(parts, s.URL)
	}
	return strings.Join(parts, " · ")
}

// latestDate is the figure's "data as of" date, which never depends on
// the clock: the dataset's declared as-of date, else the latest date any
// record in the figure covers (so a record added elsewhere in the data
// leaves the figure as it was).
func latestDate(g *graph.Graph) graph.Date {
	if g.Dataset != nil && !g.Dataset.AsOf.IsZero() {
		return g.Dataset.AsOf
	}
	var last graph.Date
	for _, e := range g.Edges {
		if d := e.Last(); last.IsZero() || last.Compare(d) < 0 {
			last = d
		}
	}
	return last
}

func recordCount(g *graph.Graph) int {
	seen := map[*graph.Record]bool{}
	for _, e := range g.Edges {
		for _, r := range e.Records {
			seen[r] = true
		}
	}
	return len(seen)
}

// fontStack is the font-family of the figure's own text: Helvetica, which
// Graphviz measured the text with, then look-alikes, then the generic
// family, so every viewer finds a font.
const fontStack = "Helvetica,Arial,Liberation Sans,sans-serif"

// describe summarises the figure for its <desc>: what it shows, over which
// dates, then the dataset's own description.
func describe(g *graph.Graph, o Options) string {
	var types []string
	for _, t := range g.Types {
		n := 0
		for _, e := range g.Edges {
			if e.Type == t.ID {
				n++
			}
		}
		types = append(types, fmt.Sprintf("%s %d", strings.ToLower(t.Label), n))
	}
	s := fmt.Sprintf("Relationship figure of %d entities and %d relations", len(g.Nodes), len(g.Edges))
	if len(types) > 0 {
		s += " (" + strings.Join(types, ", ") + ")"
	}
	first, last := graph.Date{}, latestDate(g)
	for _, e := range g.Edges {
		if d := e.First(); first.IsZero() || d.Compare(first) < 0 {
			first = d
		}
	}
	if !first.IsZero() {
		s += fmt.Sprintf(", from records dated %s to %s", first.Human(), last.Human())
	}
	s += "."
	if d := strings.TrimSpace(g.Dataset.Description); d != "" {
		s += " " + d
	}
	return s
}

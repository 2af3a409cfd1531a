package render

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"math"
	"strings"

	"github.com/dipgraph/dipgraph/graph"
)

// Timeline is a series of snapshots of one dataset, drawn with one layout:
// the union of the snapshots is laid out once with the figure's engine,
// and every snapshot is drawn with each entity where the union put it.
type Timeline struct {
	Snapshots []Snapshot
	// Window is the look-back for events that the snapshots were built
	// with (for the subtitle).
	Window graph.Window
}

// Snapshot is the graph as of one date.
type Snapshot struct {
	Date  graph.Date
	Graph *graph.Graph
}

// Caption is how a snapshot's date reads above its panel: the date itself
// when it is a day, else the period and the day its snapshot is taken.
func (s Snapshot) Caption() string {
	if s.Date.Day != 0 {
		return s.Date.Human()
	}
	return fmt.Sprintf("%s (as of %s)", s.Date.Human(), s.Date.Last().Human())
}

// Union is every entity and edge of any snapshot.
func (t *Timeline) Union() *graph.Graph {
	u := t.Snapshots[0].Graph
	for _, s := range t.Snapshots[1:] {
		u = graph.Union(u, s.Graph)
	}
	return u
}

// blocRef are the blocs whose colours the panels follow: the last date's.
func (t *Timeline) blocRef(o Options) []graph.Bloc {
	if o.Overlay == nil || o.Overlay.ColorBy != "bloc" {
		return nil
	}
	return lastBlocs(t.Snapshots[len(t.Snapshots)-1].Graph)
}

// slideAspect is the shape a timeline aims at: a 16:9 slide or screen.
const slideAspect = 16.0 / 9

// Grid geometry, in points.
const (
	panelGap    = 22.0
	captionGap  = 2.0
	captionSize = 15.0
)

// LayTimeline lays a timeline out as one figure: a panel per snapshot in
// a grid, each captioned with its date, under one title block, with one
// legend and one list of sources. The grid has the number of rows (and
// as few columns as then hold every panel) that makes the whole figure,
// title, legend and sources included, closest in shape to 16:9; on a tie,
// fewer rows.
func LayTimeline(ctx context.Context, gv *Graphviz, t *Timeline, o Options, paint bool) (*Figure, error) {
	union := t.Union()
	panels, err := layPinned(ctx, gv, t, union, o, paint)
	if err != nil {
		return nil, err
	}
	var captions []*panel
	for i, s := range t.Snapshots {
		c, err := layPanel(ctx, gv, fmt.Sprintf("caption-%d", i+1), captionDOT(s.Caption(), s.Graph, o), "neato", paint)
		if err != nil {
			return nil, fmt.Errorf("caption: %w", err)
		}
		captions = append(captions, c)
	}
	legend, err := timelineLegend(ctx, gv, t, union, o, paint)
	if err != nil {
		return nil, err
	}
	grid := func(cols int) *Figure { return timelineGrid(t, union, o, panels, captions, legend, cols) }
	n := len(panels)
	best, bestOff := n, math.Inf(1)
	for rows := 1; rows <= n; rows++ {
		cols := (n + rows - 1) / rows
		if (n+cols-1)/cols != rows {
			continue // the same grid as fewer rows, with an empty row
		}
		f := grid(cols)
		if off := math.Abs(math.Log(f.Width / f.Height / slideAspect)); off < bestOff-1e-9 {
			best, bestOff = cols, off
		}
	}
	return grid(best), nil
}

// timelineGrid places the panels of a timeline in cols columns, with
// their captions, the legend to the right and the sources below.
func timelineGrid(t *Timeline, union *graph.Graph, o Options, panels, captions []*panel, legend *panel, cols int) *Figure {
	n := len(panels)
	rows := (n + cols - 1) / cols
	pw, ph := panels[0].svg.width, panels[0].svg.height
	ch := 0.0
	for _, c := range captions {
		ch = max(ch, c.svg.height)
	}
	gridW := float64(cols)*pw + float64(cols-1)*panelGap
	gridH := float64(rows)*(ch+captionGap+ph) + float64(rows-1)*panelGap

	f, y := figureHead(union, o, gridW, legend, timelineSubtitle(t, o))
	for i, p := range panels {
		r, c := i/cols, i%cols
		x := figMargin + float64(c)*(pw+panelGap)
		top := y + float64(r)*(ch+captionGap+ph+panelGap)
		captions[i].x, captions[i].y = x, top
		p.x, p.y = x, top+ch+captionGap
		f.panels = append(f.panels, captions[i], p)
	}
	bodyH := gridH
	if legend != nil {
		legend.x, legend.y = figMargin+gridW+legendGap, y
		f.panels = append(f.panels, legend)
		bodyH = max(bodyH, legend.svg.height)
	}
	figureFoot(f, union, o, y+bodyH+10*o.textScale(), timelineFoot(union, t))
	return f
}

// LayFrames lays a timeline out as one figure per snapshot, for slides:
// every frame has the same size, and every entity the same place in every
// frame. The legend and the sources are the whole timeline's, so that they
// stand still too.
func LayFrames(ctx context.Context, gv *Graphviz, t *Timeline, o Options, paint bool) ([]*Figure, error) {
	union := t.Union()
	panels, err := layPinned(ctx, gv, t, union, o, paint)
	if err != nil {
		return nil, err
	}
	shared, err := timelineLegend(ctx, gv, t, union, o, paint)
	if err != nil {
		return nil, err
	}
	var figs []*Figure
	for i, s := range t.Snapshots {
		var legend *panel // one layout; each frame places its own copy
		if shared != nil {
			l := *shared
			legend = &l
		}
		fo := o
		fo.Subtitle = "Snapshot of " + s.Caption()
		if o.Subtitle != "" {
			fo.Subtitle = o.Subtitle + " · " + s.Caption()
		}
		f, y := figureHead(union, fo, panels[i].svg.width, legend, fo.Subtitle)
		panels[i].x, panels[i].y = figMargin, y
		f.panels = append(f.panels, panels[i])
		bodyH := panels[i].svg.height
		if legend != nil {
			legend.x, legend.y = figMargin+panels[i].svg.width+legendGap, y
			f.panels = append(f.panels, legend)
			bodyH = max(bodyH, legend.svg.height)
		}
		foot := fmt.Sprintf("Frame %d of %d · %s: %d relations from %d records · %s", i+1, len(t.Snapshots), s.Caption(),
			len(s.Graph.Edges), recordCount(s.Graph), timelineFoot(union, t))
		figureFoot(f, union, o, y+bodyH+10*o.textScale(), foot)
		figs = append(figs, f)
	}
	return figs, nil
}

// layPinned lays out the union once and then every snapshot with its
// entities pinned where the union put them, in one frame. Edge text is
// placed clear of other text as in a single figure (layGraph).
func layPinned(ctx context.Context, gv *Graphviz, t *Timeline, union *graph.Graph, o Options, paint bool) ([]*panel, error) {
	if err := o.checkEntities(union); err != nil {
		return nil, err
	}
	dots, err := pinnedDOTs(ctx, gv, t, union, o, graphvizDOT)
	if err != nil {
		return nil, err
	}
	var panels []*panel
	for i, dot := range dots {
		pn, err := layGraph(ctx, gv, fmt.Sprintf("figure-graph-%d", i+1), dot, pinEngine, paint, union.Dataset)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", t.Snapshots[i].Date, err)
		}
		panels = append(panels, pn)
	}
	reframe(panels)
	return panels, nil
}

// PinnedDOT writes the DOT text of each snapshot of a timeline with every
// entity's position fixed (pos in points), for drawing the frames with
// one's own Graphviz: the text names its engine, nop2 (neato -n2), in the
// graph's layout attribute, so "dot -Tsvg" draws it too.
func PinnedDOT(ctx context.Context, gv *Graphviz, t *Timeline, o Options) ([][]byte, error) {
	return pinnedDOTs(ctx, gv, t, t.Union(), o, DOT)
}

// pinnedDOTs lays out the union once and writes each snapshot's DOT, with
// write (DOT, or graphvizDOT for dipgraph's own layouts), with every
// entity of the union pinned where that layout put it, and ghosted where
// it has no relation on the date: every panel draws every entity, so that
// each keeps its node id, its frame and its place.
func pinnedDOTs(ctx context.Context, gv *Graphviz, t *Timeline, union *graph.Graph, o Options, write func(io.Writer, *graph.Graph, Options) error) ([][]byte, error) {
	if len(t.Snapshots) == 0 {
		return nil, fmt.Errorf("a timeline needs at least one date")
	}
	p, err := pinsOf(ctx, gv, union, o)
	if err != nil {
		return nil, err
	}
	var out [][]byte
	for _, s := range t.Snapshots {
		present := map[string]bool{}
		for _, n := range s.Graph.Nodes {
			present[n.ID] = true
		}
		ghost := map[string]bool{}
		for _, n := range union.Nodes {
			if !present[n.ID] {
				ghost[n.ID] = true
			}
		}
		g := *s.Graph
		g.Nodes = union.Nodes
		po := o
		ov := Overlay{}
		if o.Overlay != nil {
			ov = *o.Overlay
		}
		ov.pins = p.with(ghost)
		ov.blocRef = t.blocRef(o)
		po.Overlay = &ov
		var dot bytes.Buffer
		if err := write(&dot, &g, po); err != nil {
			return nil, err
		}
		out = append(out, dot.Bytes())
	}
	return out, nil
}

// reframe gives every panel the same frame: the smallest box, in Graphviz
// coordinates, that holds all of them (edge labels can reach beyond the
// nodes differently on each date). A node then sits at the same place in
// every panel.
func reframe(panels []*panel) {
	minX, maxX := math.Inf(1), math.Inf(-1)
	minY, maxY := math.Inf(1), math.Inf(-1)
	for _, p := range panels {
		s := p.svg
		minX = min(minX, s.vb[0]-s.tx)
		maxX = max(maxX, s.vb[0]+s.vb[2]-s.tx)
		minY = min(minY, s.ty-s.vb[1]-s.vb[3])
		maxY = max(maxY, s.ty-s.vb[1])
	}
	w, h := math.Ceil(maxX-minX), math.Ceil(maxY-minY)
	for _, p := range panels {
		s := p.svg
		old := fmt.Sprintf("translate(%s %s)", num(s.tx), num(s.ty))
		s.tx, s.ty = -minX, maxY
		s.body = strings.Replace(s.body, graphTranslate(s.body, old), fmt.Sprintf("translate(%s %s)", num(s.tx), num(s.ty)), 1)
		s.vb = [4]float64{0, 0, w, h}
		s.viewBox = fmt.Sprintf("0 0 %s %s", num(w), num(h))
		s.width, s.height = w, h
	}
}

// graphTranslate returns the text of the translation of Graphviz's top
// group as the body writes it (Graphviz prints numbers its own way).
func graphTranslate(body, fallback string) string {
	if m := groupTr.FindStringSubmatch(body); m != nil {
		return fmt.Sprintf("translate(%s %s)", m[1], m[2])
	}
	return fallback
}

// captionDOT is a panel's caption: its date in bold, and how many
// relations the panel draws.
func captionDOT(caption string, g *graph.Graph, o Options) []byte {
	th := o.theme()
	var b bytes.Buffer
	b.WriteString("digraph caption {\n")
	writeAttrs(&b, "  graph", [][2]string{{"id", "caption"}, {"bgcolor", "transparent"}, {"pad", "0.02"}})
	text := caption
	k := o.textScale()
	size := captionSize * k
	w := textWidth(text, size) * 1.15 / 72
	b.WriteString("  c1")
	writeAttrList(&b, [][2]string{{"id", "caption-date"}, nodeLabel(text, true), {"shape", "plaintext"}, {"margin", "0"},
		{"fontname", fontName}, {"fontsize", fmt.Sprintf("%g", size)}, {"fontcolor", th.Title}, {"fixedsize", "true"},
		{"width", fmt.Sprintf("%.3f", w)}, {"height", scaled(0.28, k)}, {"pos", fmt.Sprintf("%.3f,0!", w/2)}})
	b.WriteString("\n")
	count := fmt.Sprintf("%d relations", len(g.Edges))
	if len(g.Edges) == 1 {
		count = "1 relation"
	}
	cw := textWidth(count, 10*k) * 1.18 / 72
	b.WriteString("  c2")
	writeAttrList(&b, [][2]string{{"id", "caption-count"}, {leftLabel, count}, {"shape", "plaintext"}, {"margin", "0"},
		{"fontname", fontName}, {"fontsize", scaled(10, k)}, {"fontcolor", th.Subtitle}, {"fixedsize", "true"},
		{"width", fmt.Sprintf("%.3f", cw)}, {"height", scaled(0.2, k)}, {"pos", fmt.Sprintf("%.3f,%s!", w+0.12*k+cw/2, scaled(-0.02, k))}})
	b.WriteString("\n}\n")
	return b.Bytes()
}

// timelineLegend lays out the legend of a whole timeline: every relation
// type any panel draws, and what a ghosted entity means.
func timelineLegend(ctx context.Context, gv *Graphviz, t *Timeline, union *graph.Graph, o Options, paint bool) (*panel, error) {
	if o.NoLegend || len(union.Edges) == 0 {
		return nil, nil
	}
	lo := o
	ov := Overlay{}
	if o.Overlay != nil {
		ov = *o.Overlay
	}
	ov.pins = &pins{legend: true}
	ov.blocRef = t.blocRef(o)
	lo.Overlay = &ov
	legend, err := layPanel(ctx, gv, "figure-legend", legendDOT(union, lo), "neato", paint)
	if err != nil {
		return nil, fmt.Errorf("legend: %w", err)
	}
	return legend, nil
}

// timelineSubtitle says what the panels are, unless --subtitle does.
func timelineSubtitle(t *Timeline, o Options) string {
	if o.Subtitle != "" {
		return o.Subtitle
	}
	first, last := t.Snapshots[0].Date, t.Snapshots[len(t.Snapshots)-1].Date
	return fmt.Sprintf("%d snapshots, %s to %s: relations in force on each date, and events in the %s before it; every entity keeps its place",
		len(t.Snapshots), first.Human(), last.Human(), t.Window.Human())
}

// timelineFoot is the footer line of a timeline.
func timelineFoot(union *graph.Graph, t *Timeline) string {
	s := fmt.Sprintf("%d relations from %d records across the %d dates", len(union.Edges), recordCount(union), len(t.Snapshots))
	if asOf := latestDate(union); !asOf.IsZero() {
		s = fmt.Sprintf("Data as of %s · %s", asOf.Human(), s)
	}
	return s + " · made with dipgraph"
}

// figureHead starts a figure whose body is bodyW wide (and the legend
// beside it): it sets the width and the title block and returns the
// figure and the top of the body.
func figureHead(g *graph.Graph, o Options, bodyW float64, legend *panel, subtitle string) (*Figure, float64) {
	th := o.theme()
	title := o.Title
	if title == "" {
		title = g.Dataset.Title
	}
	width := bodyW
	if legend != nil {
		width += legendGap + legend.svg.width
	}
	width = max(width+2*figMargin, minFigWidth)
	inner := width - 2*figMargin
	f := &Figure{Width: width, title: title, desc: g.Dataset.Description, background: th.Background, backdrop: th.backdrop()}
	y := figMargin
	text := func(lines []string, size float64, bold bool, color string) {
		for _, l := range lines {
			y += lineH(size)
			f.lines = append(f.lines, figText{block: "title-block", x: figMargin, y: y - size*0.25, size: size, bold: bold, color: color, text: l, room: inner})
		}
	}
	k := o.textScale()
	text(wrap(title, titleSize*k, inner), titleSize*k, true, th.Title)
	text(wrap(subtitle, subtitleSize*k, inner), subtitleSize*k, false, th.Subtitle)
	return f, y + 8*k
}

// figureFoot writes the footer from y down: the first line, then the
// numbered sources, each linked to its source; and sets the figure's
// height.
func figureFoot(f *Figure, g *graph.Graph, o Options, y float64, first string) {
	th := o.theme()
	inner := f.Width - 2*figMargin
	footSize := footSize * o.textScale()
	line := func(text, href string) {
		y += lineH(footSize)
		f.lines = append(f.lines, figText{block: "sources", x: figMargin, y: y - footSize*0.25, size: footSize, color: th.Footer, text: text, room: inner, href: href})
	}
	for _, l := range wrap(first, footSize, inner) {
		line(l, "")
	}
	for i, s := range g.Sources {
		for _, l := range wrap(fmt.Sprintf("[%d] %s", i+1, sourceLine(s)), footSize, inner) {
			line(l, webURL(s.URL))
		}
	}
	f.Height = y + figMargin
}

package render

import (
	"bytes"
	"context"
	"fmt"
	"math"
	"regexp"
	"strconv"
	"strings"

	"github.com/dipgraph/dipgraph/graph"
)

// Text sized for where the figure goes. A figure drawn at its designed
// sizes (8.5 pt edge text, 11–15 pt names) and then fitted to a slide or
// a column shrinks with the canvas: the default figure filling a
// 1920×1080 slide had 10.6 px edge text, and 1.3 pt in an 85 mm column.
// LayFor lays the figure out for its target instead: it enlarges the text
// (Options.TextScale) until the smallest edge text and names are legible
// at the target's size, drawing nodes closer together as it does so that
// the figure grows less than its text, and lays the figure out again —
// bigger text makes bigger nodes, a bigger figure and so fewer pixels per
// point — until the sizes hold.

// Target is where a figure goes, for sizing its text: a canvas of W × H
// units (H 0: the height follows the figure) and the smallest legible
// edge text and names there, in the same units.
type Target struct {
	Name             string  // for messages: "1920×1080", "a4-column"
	W, H             float64 // the canvas, in Unit
	Unit             string  // "px" (screens) or "pt" (paper)
	MinEdge, MinName float64 // in Unit
}

// Legible sizes on a 1080-pixel-high slide (9 pt and 12 pt once
// PowerPoint shows 1920×1080 on its 13.33 × 7.5 inch slide), and on paper.
const (
	slideEdgePx   = 18.0
	slideNamePx   = 24.0
	slideHeightPx = 1080.0
	printEdgePt   = 6.0
	printNamePt   = 8.0
	a4ColumnMM    = 85.0
)

// ScreenTarget is a canvas of exactly w × h pixels shown full screen (a
// slide, a square for social media): edge text of at least 18 px and
// names of 24 px at 1080 pixels on the shorter side, in proportion on
// other canvases (12 px and 16 px at 1280×720).
func ScreenTarget(w, h int) Target {
	k := float64(min(w, h)) / slideHeightPx
	return Target{Name: fmt.Sprintf("%d×%d", w, h), W: float64(w), H: float64(h), Unit: "px", MinEdge: slideEdgePx * k, MinName: slideNamePx * k}
}

// PrintTarget is a column mm millimetres wide on paper, its height free:
// edge text of at least 6 pt and names of 8 pt there.
func PrintTarget(name string, mm float64) Target {
	return Target{Name: name, W: mm / 25.4 * 72, Unit: "pt", MinEdge: printEdgePt, MinName: printNamePt}
}

// TargetFor is the target of a --size (as ParseSize reads it): a screen
// for a canvas with both sides, a printed column for a4-column, and none
// (the zero Target) for one side alone or no size.
func TargetFor(size string, w, h int) Target {
	if strings.EqualFold(strings.TrimSpace(size), "a4-column") {
		return PrintTarget("a4-column", a4ColumnMM)
	}
	if w > 0 && h > 0 {
		return ScreenTarget(w, h)
	}
	return Target{}
}

// A4ColumnWidth is the a4-column preset's width: pixels at dpi for PNG
// (1004 at 300 dpi), points for PDF (241), both 85 mm on paper.
func A4ColumnWidth(dpi float64) int { return int(math.Round(a4ColumnMM / 25.4 * dpi)) }

// perPt is the target's units per point of a figure w × h points wide
// and high, once fitted to it (Fit, or a PNG's or PDF's --size).
func (t Target) perPt(w, h float64) float64 {
	k := t.W / w
	if t.H > 0 {
		k = min(k, t.H/h)
	}
	return k
}

// TextSizes are the smallest sizes, in the figure's points, of each kind
// of its text (0: the figure has none of that kind).
type TextSizes struct {
	Edge, Name, Legend, Figure float64 // edge text; node names; the legend; title block and sources
}

var (
	gvGroupRe = regexp.MustCompile(`<g id="[^"]*" class="(node|edge|cluster|graph)"|<text\b[^>]*\bfont-size="([0-9.]+)"`)
)

// Text measures the figure's text as drawn: the font sizes Graphviz set
// the names, edge text and legend in (times the scale its panel is shown
// at) — a relation graph's as its geometry has them (geometry.go), the
// other panels' from their SVG — and the sizes of the figure's own lines.
// The legibility score reads its text sizes from here too.
func (f *Figure) Text() TextSizes {
	var t TextSizes
	least := func(v *float64, s float64) {
		if s > 0 && (*v == 0 || s < *v) {
			*v = s
		}
	}
	for _, p := range f.panels {
		k := p.svg.width / p.svg.vb[2]
		if p.geom != nil {
			for _, n := range p.geom.nodes {
				least(&t.Name, n.fontSize*k)
			}
			for _, l := range p.geom.labels {
				least(&t.Edge, l.fontSize*k)
			}
			continue
		}
		class := ""
		for _, m := range gvGroupRe.FindAllStringSubmatch(p.svg.body, -1) {
			if m[1] != "" {
				class = m[1]
				continue
			}
			s, err := strconv.ParseFloat(m[2], 64)
			if err != nil {
				continue
			}
			switch {
			case p.id == "figure-legend":
				least(&t.Legend, s*k)
			case strings.HasPrefix(p.id, "caption-"):
				least(&t.Figure, s*k) // a timeline panel's date, drawn as a node
			case class == "node":
				least(&t.Name, s*k)
			case class == "edge":
				least(&t.Edge, s*k)
			default:
				least(&t.Figure, s*k)
			}
		}
	}
	for _, l := range f.lines {
		least(&t.Figure, l.size)
	}
	return t
}

// Legibility is how a figure's smallest edge text and names come out at
// a target: in its units, beside the sizes it needs.
type Legibility struct {
	Target     Target
	PerPt      float64 // target units per figure point
	Edge, Name float64 // the smallest edge text and names at the target (0: none drawn)
}

// OK reports whether the edge text and the names are legible.
func (l Legibility) OK() bool { return l.short() <= 1+1e-9 }

// short is how many times too small the worse of the two is (1 or less:
// legible).
func (l Legibility) short() float64 {
	s := 0.0
	if l.Edge > 0 {
		s = max(s, l.Target.MinEdge/l.Edge)
	}
	if l.Name > 0 {
		s = max(s, l.Target.MinName/l.Name)
	}
	return s
}

// LegibilityAt measures the figure's edge text and names at the target.
func (f *Figure) LegibilityAt(t Target) Legibility {
	ts := f.Text()
	k := t.perPt(f.Width, f.Height)
	return Legibility{Target: t, PerPt: k, Edge: ts.Edge * k, Name: ts.Name * k}
}

func (l Legibility) String() string {
	return fmt.Sprintf("edge text %.1f %s (needs %g), names %.1f %s (needs %g)", l.Edge, l.Target.Unit, l.Target.MinEdge, l.Name, l.Target.Unit, l.Target.MinName)
}

// fitRounds is how many text sizes LayFor tries at most.
const fitRounds = 8

// LayFor lays the figure out for the target t (Lay when t is the zero
// Target): with its text enlarged, on top of o.TextScale, by the least
// factor that makes the edge text and names legible at the target.
//
// Enlarging the text alone hardly helps: the nodes grow with their names
// and the engine spreads them further apart, so the figure grows nearly
// as fast as its text (the default figure's names never passed 18 px on a
// slide). So LayFor keeps the engine's arrangement — laid out once, at the
// designed sizes — and, for each text size it tries, moves every node out
// from the centre by the least factor that keeps the bigger nodes and
// country frames clear of each other (with room for the edge text), and
// draws the figure with the nodes pinned there (as a timeline's panels
// are). The legend goes beside the graph or under it, whichever leaves
// the text larger at the target. Bigger text still makes a bigger figure
// and so fewer pixels per point, so it tries again until the text holds,
// at most fitRounds times. When it cannot, it returns the figure with the
// largest text it found and warns through gv.Warn, naming what would help.
//
// The layout search's untangled layouts have the fewest crossings, but
// the layouts as the engine made them are often wider, and so take the
// larger text on a slide: LayFor fits both searches' choices to the target
// and keeps the one whose text comes out the larger (the untangled on a
// tie).
func LayFor(ctx context.Context, gv *Graphviz, g *graph.Graph, o Options, paint bool, t Target) (*Figure, error) {
	if t.W <= 0 {
		return Lay(ctx, gv, g, o, paint)
	}
	var best *Figure
	var bestL Legibility
	var bestWarn []string
	for _, plain := range []bool{false, true} {
		fo := o
		fo.noUntangle = plain
		var warn []string
		f, err := layFor(ctx, gv.WithWarn(func(s string) { warn = append(warn, s) }), g, fo, paint, t)
		if err != nil {
			return nil, err
		}
		if l := f.LegibilityAt(t); best == nil || l.short() < bestL.short() {
			best, bestL, bestWarn = f, l, warn
		}
	}
	if gv.Warn != nil {
		for _, w := range bestWarn {
			gv.Warn(w)
		}
	}
	return best, nil
}

// layFor is LayFor with the options' layout search.
func layFor(ctx context.Context, gv *Graphviz, g *graph.Graph, o Options, paint bool, t Target) (*Figure, error) {
	user := o.textScale()
	type trial struct {
		k    float64 // the factor on top of user's
		f    *Figure
		l    Legibility
		warn []string
	}
	var arr *arrangement
	nameFont := 0.0 // the smallest name's size at TextScale 1
	wide := 1.0     // how much readier nodes are pushed apart sideways than up and down
	// try lays the figure out with text k times as large; perPt is the
	// target units per point expected (0: none), which sizes the text
	// around the graph: as large as the edge text needs, no larger than
	// the names.
	try := func(k, perPt float64) (trial, error) {
		tr := trial{k: k}
		lo := o
		lo.TextScale = user * k
		if k > 1 {
			if perPt > 0 {
				// Lines as wide at the target as the design's at its own
				// size (a point is 4/3 px on screen), never wider beside
				// the text than designed.
				ref := 1.0
				if t.Unit == "px" {
					ref = 4.0 / 3
				}
				lo.lineScale = min(max(ref/perPt, 1), k)
				// As large as the edge text needs, never larger than the
				// smallest name.
				aside := func(font float64) float64 {
					return min(max(t.MinEdge*1.03/(font*perPt), user), user*k*max(nameFont/font, 1), MaxTextScale)
				}
				lo.asideScale, lo.footScale = aside(legendFont), aside(footSize)
			}
		}
		collect := gv.WithWarn(func(s string) { tr.warn = append(tr.warn, s) })
		if k > 1 && arr != nil {
			ov := Overlay{}
			if o.Overlay != nil {
				ov = *o.Overlay
			}
			ov.pins = arr.spread(k, wide)
			lo.Overlay = &ov
		}
		f, err := Lay(ctx, collect, g, lo, paint)
		if err != nil {
			return tr, err
		}
		tr.f, tr.l = f, f.LegibilityAt(t)
		if len(f.panels) == 2 {
			// The legend under the graph, or the key to numbered lines
			// in a column beside the legend, if the text comes out
			// larger.
			below, beside := lo, lo
			below.legendBelow, beside.keyBeside = true, true
			if t.H > 0 {
				beside.keyAspect = t.W / t.H
			}
			for _, ao := range []Options{below, beside} {
				main, legend := *f.panels[0], *f.panels[1]
				b := arrange(g, ao, &main, &legend)
				b.seed, b.spread, b.untangle = f.seed, f.spread, f.untangle
				if l := b.LegibilityAt(t); l.short() < tr.l.short() {
					tr.f, tr.l = b, l
				}
			}
		}
		return tr, nil
	}
	first, err := try(1, 0)
	if err != nil || first.l.OK() {
		return first.f, err
	}
	nameFont = first.f.Text().Name / user
	o2, _ := o.ForGraph(g)
	if o2.Layout != "dot" {
		// dot places edge text as part of its layout, and its country
		// frames follow its ranks, which pinned nodes would lose (the
		// frames spread across the figure); with dot only the text is
		// enlarged.
		// The arrangement the layout search chose.
		ao := o
		ao.Seed, ao.spread, ao.untangle = first.f.seed, first.f.spread, first.f.untangle
		if arr, err = arrangementOf(ctx, gv, g, ao); err != nil {
			return nil, err
		}
		// A wide graph for a column whose height is free goes in
		// upright: turned a quarter, the same arrangement.
		gw, gh := first.f.panels[0].svg.width, first.f.panels[0].svg.height
		// So does one whose shape, turned, is nearer a slide's.
		aspect := 0.75 // a column is taken as 3:4
		if t.H > 0 {
			aspect = t.W / t.H
		}
		if (t.H == 0 && gw > gh) || (t.H > 0 && math.Abs(math.Log(gh/gw/aspect)) < math.Abs(math.Log(gw/gh/aspect))) {
			arr = arr.turned()
			gw, gh = gh, gw
		}
		// Pushed sideways rather than up and down in proportion as the
		// target is wider than the graph.
		wide = min(max(aspect/(gw/gh), 0.3), 3)
	}
	best := first
	prev, cur := first, first
	for round := 1; round < fitRounds && !cur.l.OK(); round++ {
		// The factor that would do if the figure did not grow with it.
		need := cur.l.short() * cur.k
		next := need
		// The figure's size in points per target unit (1/PerPt) at next,
		// as far as the trials so far tell: at first, growing as √k
		// (about what the default figure does), then linear in k through
		// the last two trials.
		size := func(k float64) float64 { return math.Sqrt(k/cur.k) / cur.l.PerPt }
		if round > 1 {
			s0, s1 := 1/prev.l.PerPt, 1/cur.l.PerPt
			if b := (s1 - s0) / (cur.k - prev.k); b > 0 {
				a := s1 - b*cur.k
				size = func(k float64) float64 { return a + b*k }
				// Legible when k ≥ c·size(k) = c·(a + b·k): k = c·a/(1 − c·b).
				if c := need * cur.l.PerPt; 1-c*b > 0.05 {
					next = c * a / (1 - c*b)
				}
			}
		}
		next = min(next*1.04, MaxTextScale/user)
		if next <= cur.k*1.001 {
			break // as large as the text may go
		}
		perPt := 1 / size(next)
		tr, err := try(next, perPt)
		if err != nil {
			return nil, err
		}
		prev, cur = cur, tr
		if tr.l.short() < best.l.short() {
			best = tr
		}
	}
	if !best.l.OK() {
		best.warn = append(best.warn, unfit(g, o, best.l))
	}
	if gv.Warn != nil {
		for _, w := range best.warn {
			gv.Warn(w)
		}
	}
	return best.f, nil
}

// arrangement is where a layout put each node (its centre and half its
// size, in points) and which nodes each country frame holds.
type arrangement struct {
	nodes  map[string]*laidNode // entity id →
	ids    []string             // the entities, in the graph's order
	frames map[string][]string  // country id → the entities in its frame, itself first
}

type laidNode struct{ x, y, hw, hh float64 }

// turned is the arrangement turned a quarter, clockwise (the nodes, and
// their text, stay upright).
func (a *arrangement) turned() *arrangement {
	c := *a
	c.nodes = make(map[string]*laidNode, len(a.nodes))
	for id, n := range a.nodes {
		c.nodes[id] = &laidNode{x: n.y, y: -n.x, hw: n.hw, hh: n.hh}
	}
	return &c
}

// Room LayFor keeps around pinned nodes, in points at TextScale 1:
// between the nodes of a frame, between frames and nodes outside them, and
// a frame's margin around its nodes (DOT's cluster margin).
const (
	roomInFrame = 7.0
	roomBetween = 11.0
	frameMargin = 9.0
)

// arrangementOf lays g out with o's engine at o's text size and reads
// back where every node went.
func arrangementOf(ctx context.Context, gv *Graphviz, g *graph.Graph, o Options) (*arrangement, error) {
	o, _ = o.ForGraph(g)
	var dot bytes.Buffer
	if err := graphvizDOT(&dot, g, o); err != nil {
		return nil, err
	}
	laid, err := gv.Render(ctx, dot.Bytes(), o.Layout, "dot")
	if err != nil {
		return nil, err
	}
	a, err := arrangementFromLaid(laid, g, o)
	if err != nil {
		return nil, err
	}
	if o.untangle {
		a, _ = a.untangled(g)
	}
	return a, nil
}

// arrangementFromLaid reads where a layout (laid DOT) put every node of g.
func arrangementFromLaid(laid []byte, g *graph.Graph, o Options) (*arrangement, error) {
	a := &arrangement{nodes: map[string]*laidNode{}, frames: map[string][]string{}}
	for _, n := range parseLaid(laid).nodes {
		if id, ok := strings.CutPrefix(n.id, "node-"); ok {
			a.nodes[id] = &laidNode{x: n.c.x, y: n.c.y, hw: n.rx, hh: n.ry}
		}
	}
	in := map[string]bool{}
	for _, n := range g.Nodes {
		if a.nodes[n.ID] == nil {
			return nil, fmt.Errorf("graphviz %s gave no position for %q", o.Layout, n.ID)
		}
		a.ids = append(a.ids, n.ID)
		in[n.ID] = true
	}
	if o.clusters() {
		for _, n := range g.Nodes {
			if n.Country != "" && in[n.Country] {
				if a.frames[n.Country] == nil {
					a.frames[n.Country] = []string{n.Country}
				}
				a.frames[n.Country] = append(a.frames[n.Country], n.ID)
			}
		}
	}
	return a, nil
}

// spread pins the arrangement's nodes for text k times as large. Every
// node starts spreadStart(k) times as far from its frame's centre as it
// was, and the frames and the nodes outside them spreadStart(k) times as
// far from the figure's centre; then the nodes of each frame, and then the
// frames and free nodes, are pushed apart pair by pair (pushApart) until
// none overlaps another or comes nearer than the room kept between them.
// So the arrangement stays the engine's, and the figure grows only where
// the bigger nodes need the room.
func (a *arrangement) spread(k, wide float64) *pins {
	pl := a.placed(k, wide)
	p := &pins{pos: map[string]string{}, clusters: map[string]string{}}
	for id, c := range pl.pos {
		p.pos[id] = fmt.Sprintf("%.2f,%.2f", c.x, c.y)
	}
	for id, b := range pl.frames {
		p.clusters[id] = fmt.Sprintf("%.2f,%.2f,%.2f,%.2f", b.x0, b.y0, b.x1, b.y1)
	}
	p.bb = fmt.Sprintf("%.2f,%.2f,%.2f,%.2f", pl.all.x0, pl.all.y0, pl.all.x1, pl.all.y1)
	return p
}

// placement is where spread puts the nodes (their centres) and the
// country frames, and the box around them all.
type placement struct {
	pos    map[string]pt
	frames map[string]box
	all    box
}

// placed is spread's arrangement, in numbers.
func (a *arrangement) placed(k, wide float64) placement {
	s0 := spreadStart(k)
	type frame struct {
		it      *rect
		members []*rect
	}
	var top []*rect
	var frames []frame
	frameOf := map[string]*rect{}
	framed := map[string]bool{}
	for _, id := range a.ids {
		ids := a.frames[id]
		if ids == nil {
			continue
		}
		var b box
		for _, m := range ids {
			n := a.nodes[m]
			b = b.union(box{n.x - n.hw, n.y - n.hh, n.x + n.hw, n.y + n.hh})
			framed[m] = true
		}
		cx, cy := (b.x0+b.x1)/2, (b.y0+b.y1)/2
		var members []*rect
		for _, m := range ids {
			n := a.nodes[m]
			members = append(members, &rect{x: (n.x - cx) * s0, y: (n.y - cy) * s0, hw: n.hw * k, hh: n.hh * k, id: m})
		}
		pushApart(members, roomInFrame*k, wide)
		var in box
		for _, r := range members {
			in = in.union(r.box())
		}
		// The frame is centred on its members' box.
		mx, my := (in.x0+in.x1)/2, (in.y0+in.y1)/2
		for _, r := range members {
			r.x, r.y = r.x-mx, r.y-my
		}
		it := &rect{x: cx * s0, y: cy * s0, hw: (in.x1-in.x0)/2 + frameMargin*k, hh: (in.y1-in.y0)/2 + frameMargin*k, id: id}
		frames = append(frames, frame{it, members})
		frameOf[id] = it
		top = append(top, it)
	}
	for _, id := range a.ids {
		if !framed[id] {
			n := a.nodes[id]
			top = append(top, &rect{x: n.x * s0, y: n.y * s0, hw: n.hw * k, hh: n.hh * k, id: id})
		}
	}
	pushApart(top, roomBetween*k, wide)
	p := placement{pos: map[string]pt{}, frames: map[string]box{}}
	var all box
	pin := func(id string, x, y float64) {
		p.pos[id] = pt{x, y}
		n := a.nodes[id]
		all = all.union(box{x - n.hw*k, y - n.hh*k, x + n.hw*k, y + n.hh*k})
	}
	for _, r := range top {
		if frameOf[r.id] == r {
			continue
		}
		pin(r.id, r.x, r.y)
	}
	for _, f := range frames {
		for _, m := range f.members {
			pin(m.id, f.it.x+m.x, f.it.y+m.y)
		}
		b := f.it.box()
		p.frames[f.it.id] = b
		all = all.union(b)
	}
	p.all = grow(all, 4)
	return p
}

// rect is a node or a frame being pushed apart: its centre and half its
// size.
type rect struct {
	x, y, hw, hh float64
	id           string
}

func (r *rect) box() box { return box{r.x - r.hw, r.y - r.hh, r.x + r.hw, r.y + r.hh} }

// pushApart moves rectangles apart until no two overlap or come nearer
// than gap: each overlapping pair, in order, is moved apart half each
// along the axis where it overlaps less (the horizontal overlap counted
// 1/wide times). Should that not settle, the
// rectangles are moved a little further from the centre each time and
// pushed again. The order is fixed, so the same rectangles give the same
// result.
func pushApart(rs []*rect, gap, wide float64) {
	for try := 0; try < 50 && !pushPasses(rs, gap, wide); try++ {
		for _, r := range rs {
			r.x, r.y = r.x*1.1, r.y*1.1
		}
	}
}

// pushPasses pushes overlapping pairs apart, reporting whether none is
// left.
func pushPasses(rs []*rect, gap, wide float64) bool {
	for pass := 0; pass < 200; pass++ {
		moved := false
		for i, p := range rs {
			for _, q := range rs[i+1:] {
				ox := p.hw + q.hw + gap - math.Abs(p.x-q.x)
				oy := p.hh + q.hh + gap - math.Abs(p.y-q.y)
				if ox <= 0.01 || oy <= 0.01 {
					continue
				}
				moved = true
				if ox <= oy*wide {
					d := ox/2 + 0.01
					if p.x < q.x {
						d = -d
					}
					p.x, q.x = p.x+d, q.x-d
				} else {
					d := oy/2 + 0.01
					if p.y < q.y {
						d = -d
					}
					p.y, q.y = p.y+d, q.y-d
				}
			}
		}
		if !moved {
			return true
		}
	}
	return false
}

// spreadStart is how much further from the centre the frames and free
// nodes start, for text k times as large, before they are pushed apart:
// the space between them, where the edges and their text go, grows
// too, though less than the text.
var spreadStart = func(k float64) float64 { return max(1, k/3) }

func grow(b box, d float64) box { return box{b.x0 - d, b.y0 - d, b.x1 + d, b.y1 + d} }

// unfit is the warning for a figure whose text cannot be made legible at
// its target: what it has, what it needs, and what would make it fit.
func unfit(g *graph.Graph, o Options, l Legibility) string {
	t := l.Target
	var fixes []string
	switch o.EdgeLabels {
	case "caption":
		fixes = append(fixes, "fewer edge labels (--edge-labels date, or none)")
	case "date", "count", "weight":
		fixes = append(fixes, "no edge labels (--edge-labels none)")
	}
	canvas := "a bigger canvas than a slide (a page or a poster)"
	if t.Unit == "pt" {
		canvas = fmt.Sprintf("a wider column or page than %s (%.0f mm)", t.Name, t.W/72*25.4)
	}
	fixes = append(fixes, canvas, "a smaller selection (--focus ID --depth 1, --types a,b)")
	what := fmt.Sprintf("%s at %s: edge text %.1f %s and names %.1f %s, under the %g and %g %s that read",
		g.Dataset.ID, t.Name, l.Edge, t.Unit, l.Name, t.Unit, t.MinEdge, t.MinName, t.Unit)
	if l.Edge == 0 {
		what = fmt.Sprintf("%s at %s: names %.1f %s, under the %g %s that read", g.Dataset.ID, t.Name, l.Name, t.Unit, t.MinName, t.Unit)
	}
	return what + "; for legible text, give it " + strings.Join(fixes[:len(fixes)-1], ", ") + " or " + fixes[len(fixes)-1]
}

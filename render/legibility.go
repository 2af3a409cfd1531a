package render

import (
	"cmp"
	"fmt"
	"math"
	"slices"
	"strings"
)

// The legibility score: what a reader of the finished figure would get
// wrong or could not read, counted on the drawing itself (geometry.go)
// after every placement step, in the figure's coordinates and at the size
// the output is finally shown. docs/legibility.md defines every metric and
// says why it matters.

// Score is the legibility of one figure.
type Score struct {
	Figure string `json:"figure,omitempty"`
	Nodes  int    `json:"nodes"`
	Edges  int    `json:"edges"`
	Labels int    `json:"labels"`

	// Crossings between lines that share no end, and the smallest angle
	// at which two of them cross (degrees; 90 when none cross).
	Crossings        int     `json:"crossings"`
	MinCrossingAngle float64 `json:"min-crossing-angle"`
	// ThroughNode counts the lines passing through a node they do not
	// end at; ThroughFrame those passing through the frame of a country
	// neither end belongs to.
	ThroughNode  int `json:"through-node"`
	ThroughFrame int `json:"through-frame"`
	// LabelOverlaps counts pairs of edge texts that overlap;
	// LabelNodeOverlaps texts that overlap a node; LabelsCut texts that a
	// line other than their own runs through.
	LabelOverlaps     int `json:"label-overlaps"`
	LabelNodeOverlaps int `json:"label-node-overlaps"`
	LabelsCut         int `json:"labels-cut"`
	// Ambiguous counts the texts that another line is nearer to than
	// their own; AmbiguousOtherPair those of them whose nearer line joins
	// a different pair of actors. Far counts texts further than FarLimit
	// from their own line with no leader line; MaxLabelDistance is the
	// furthest a text sits from its own line (points at the figure's own
	// size). Keyed counts texts moved into the numbered key.
	Ambiguous          int     `json:"ambiguous"`
	AmbiguousOtherPair int     `json:"ambiguous-other-pair"`
	Far                int     `json:"far"`
	MaxLabelDistance   float64 `json:"max-label-distance"`
	Keyed              int     `json:"keyed"`
	// Text sizes at the output's final size, in TextUnit: the smallest
	// of all text, of edge text and of node names.
	TextUnit    string  `json:"text-unit"`
	MinText     float64 `json:"min-text"`
	MinEdgeText float64 `json:"min-edge-text"`
	MinNameText float64 `json:"min-name-text"`
	// Contrast (WCAG 2.1) against the background of the faintest line
	// style drawn and of the faintest text; Lines lists every style.
	MinLineContrast float64     `json:"min-line-contrast"`
	MinTextContrast float64     `json:"min-text-contrast"`
	Lines           []LineStyle `json:"lines"`
	// Fill is the share of the canvas that the drawing's bounding box
	// covers.
	Fill float64 `json:"fill"`
	// Problems names each offending item, for a person to find it.
	Problems []string `json:"problems"`
}

// LineStyle is one drawn line style and its contrast.
type LineStyle struct {
	Color    string  `json:"color"`
	Style    string  `json:"style"`
	Width    float64 `json:"width"`
	Contrast float64 `json:"contrast"`
}

// FarLimit is how far, in points, edge text may sit from its own line
// without a leader line joining them.
const FarLimit = 6.0

// Display is the size a figure is finally shown at: how many units (px
// for raster and screen outputs, pt for print and PDF) one point of the
// figure becomes.
type Display struct {
	Unit     string
	PerPoint float64
}

// DisplayFor is how an output of format goes: an SVG as a browser shows
// it (96 px to the inch) or fitted into --size pixels; a PNG at its
// resolution and scale, or fitted; a PDF in points.
func (f *Figure) DisplayFor(format Format, po PaintOptions) Display {
	switch format {
	case FormatPNG:
		w, _, err := f.PixelSize(po)
		if err != nil || f.Width <= 0 {
			return Display{"px", po.dpi() / 72 * po.scale()}
		}
		return Display{"px", float64(w) / f.Width}
	case FormatPDF:
		w, _, err := f.PageSize(po)
		if err != nil || f.Width <= 0 {
			return Display{"pt", po.scale()}
		}
		return Display{"pt", w / f.Width}
	}
	if f.pxW > 0 && f.Width > 0 {
		return Display{"px", float64(f.pxW) / f.Width}
	}
	if f.pxH > 0 && f.Height > 0 {
		return Display{"px", float64(f.pxH) / f.Height}
	}
	return Display{"px", 4.0 / 3}
}

// Score measures the figure as shown at t.
func (f *Figure) Score(t Display) Score {
	if t.PerPoint <= 0 {
		t = Display{"px", 4.0 / 3}
	}
	s := Score{TextUnit: t.Unit, MinCrossingAngle: 90}
	bg := f.background
	if bg == "" {
		bg = f.backdrop
	}
	if bg == "" {
		bg = "#FFFFFF"
	}
	minTextContrast := math.Inf(1)
	textOn := func(fg, on string) {
		if fg == "" {
			return
		}
		if on == "" || on == "none" || on == "transparent" {
			on = bg
		}
		if c := contrastRatio(fg, on); c > 0 {
			minTextContrast = math.Min(minTextContrast, c)
		}
	}
	lines := map[LineStyle]bool{}
	var drawn box
	for _, l := range f.lines {
		textOn(l.color, bg)
		w := textWidth(l.text, l.size)
		drawn = drawn.union(box{l.x, l.y - l.size, l.x + w, l.y + l.size*0.25})
	}
	for _, p := range f.panels {
		sc := min(p.svg.width/p.svg.vb[2], p.svg.height/p.svg.vb[3])
		drawn = drawn.union(box{p.x, p.y, p.x + p.svg.width, p.y + p.svg.height})
		for _, c := range svgTextColors(p.svg.body) {
			if p.geom == nil {
				textOn(c, bg)
			}
		}
		if p.geom == nil {
			continue
		}
		gs := p.geom.score()
		s.Nodes += len(p.geom.nodes)
		s.Edges += gs.Edges
		s.Labels += gs.Labels
		s.Crossings += gs.Crossings
		s.MinCrossingAngle = math.Min(s.MinCrossingAngle, gs.MinCrossingAngle)
		s.ThroughNode += gs.ThroughNode
		s.ThroughFrame += gs.ThroughFrame
		s.LabelOverlaps += gs.LabelOverlaps
		s.LabelNodeOverlaps += gs.LabelNodeOverlaps
		s.LabelsCut += gs.LabelsCut
		s.Ambiguous += gs.Ambiguous
		s.AmbiguousOtherPair += gs.AmbiguousOtherPair
		s.Far += gs.Far
		s.Keyed += gs.Keyed
		s.MaxLabelDistance = math.Max(s.MaxLabelDistance, gs.MaxLabelDistance*sc)
		prefix := ""
		if len(f.panels) > 2 {
			prefix = p.id + ": "
		}
		for _, pr := range gs.Problems {
			s.Problems = append(s.Problems, prefix+pr)
		}
		for _, n := range p.geom.nodes {
			textOn(n.text, n.fill)
		}
		for _, l := range p.geom.labels {
			textOn(l.color, bg)
		}
		for _, e := range p.geom.edges {
			if e.member || e.color == "" {
				continue
			}
			lines[LineStyle{Color: e.color, Style: e.style, Width: math.Round(e.width*sc*t.PerPoint*10) / 10}] = true
		}
	}
	s.MinLineContrast = math.Inf(1)
	for ls := range lines {
		ls.Contrast = math.Round(contrastRatio(ls.Color, bg)*100) / 100
		s.Lines = append(s.Lines, ls)
		s.MinLineContrast = math.Min(s.MinLineContrast, ls.Contrast)
	}
	slices.SortFunc(s.Lines, func(a, b LineStyle) int {
		return cmp.Or(cmp.Compare(a.Contrast, b.Contrast), cmp.Compare(a.Color, b.Color), cmp.Compare(a.Style, b.Style), cmp.Compare(a.Width, b.Width))
	})
	round := func(v float64) float64 {
		if math.IsInf(v, 0) {
			return 0
		}
		return math.Round(v*100) / 100
	}
	s.MinLineContrast = round(s.MinLineContrast)
	s.MinTextContrast = round(minTextContrast)
	// All text includes the edge text and the names, whether or not the
	// panel's SVG declares their sizes.
	ts := f.Text()
	minText := math.Inf(1)
	for _, v := range []float64{ts.Edge, ts.Name, ts.Legend, ts.Figure} {
		if v > 0 {
			minText = math.Min(minText, v)
		}
	}
	s.MinText = round(minText * t.PerPoint)
	s.MinEdgeText = round(ts.Edge * t.PerPoint)
	s.MinNameText = round(ts.Name * t.PerPoint)
	s.MaxLabelDistance = round(s.MaxLabelDistance)
	s.MinCrossingAngle = round(s.MinCrossingAngle)
	if f.Width > 0 && f.Height > 0 {
		s.Fill = round((drawn.x1 - drawn.x0) * (drawn.y1 - drawn.y0) / (f.Width * f.Height))
	}
	return s
}

// svgTextColors are the fill colours of the <text> elements of an SVG
// body.
func svgTextColors(body string) []string {
	var out []string
	for rest := body; ; {
		i := strings.Index(rest, "<text ")
		if i < 0 {
			return out
		}
		rest = rest[i:]
		j := strings.IndexByte(rest, '>')
		if j < 0 {
			return out
		}
		tag := rest[:j]
		rest = rest[j:]
		if s, e, ok := attrSpan(tag, ` fill="`); ok {
			out = append(out, tag[s:e])
		}
	}
}

// score measures one panel's geometry: everything but text size, contrast
// and fill, which depend on the whole figure.
func (g *geometry) score() Score {
	s := Score{MinCrossingAngle: 90, Edges: len(g.edges), Labels: len(g.labels)}
	name := func(e *geoEdge) string {
		if e.member {
			return e.from + " — " + e.to + " (membership)"
		}
		return e.from + " — " + e.to
	}
	// Crossings.
	cross := g.crossings()
	s.Crossings = len(cross)
	for _, c := range cross {
		s.MinCrossingAngle = math.Min(s.MinCrossingAngle, c.angle)
	}
	// Each line's bounding box, to pass over the lines far from a node or
	// a text at once.
	bounds := make([]box, len(g.edges))
	for k, e := range g.edges {
		b := box{math.Inf(1), math.Inf(1), math.Inf(-1), math.Inf(-1)}
		for _, p := range e.line {
			b = box{min(b.x0, p.x), min(b.y0, p.y), max(b.x1, p.x), max(b.y1, p.y)}
		}
		bounds[k] = b
	}
	// Lines through nodes and frames.
	for i := range g.edges {
		e := &g.edges[i]
		for j := range g.nodes {
			n := &g.nodes[j]
			if e.ends(n.id) || boxGap(bounds[i], n.box) > 0 || !n.box.grow(-1).touchesLine(e.line) {
				continue
			}
			if slices.ContainsFunc(e.line, func(p pt) bool { return n.inside(p, 1) }) {
				s.ThroughNode++
				s.Problems = append(s.Problems, fmt.Sprintf("through node: %s passes through %s", name(e), n.id))
			}
		}
		ec := [2]string{g.countryOf(e.from), g.countryOf(e.to)}
		for _, fr := range g.frames {
			if fr.country == ec[0] || fr.country == ec[1] {
				continue
			}
			in := fr.box.grow(-1)
			if slices.ContainsFunc(e.line, func(p pt) bool { return in.contains(p) }) {
				s.ThroughFrame++
				s.Problems = append(s.Problems, fmt.Sprintf("through frame: %s passes through the frame of %s", name(e), fr.country))
			}
		}
	}
	// Labels.
	for i := range g.labels {
		l := &g.labels[i]
		own := &g.edges[l.edge]
		if l.marker > 0 {
			s.Keyed++
		}
		for j := i + 1; j < len(g.labels); j++ {
			if l.box.overlap(g.labels[j].box) > 1 {
				s.LabelOverlaps++
				s.Problems = append(s.Problems, fmt.Sprintf("labels overlap: %q and %q", l.text, g.labels[j].text))
			}
		}
		for _, n := range g.nodes {
			if n.overlapsBox(l.box.grow(-0.5)) {
				s.LabelNodeOverlaps++
				s.Problems = append(s.Problems, fmt.Sprintf("label over node: %q over %s", l.text, n.id))
			}
		}
		d := lineBoxDistance(own.line, l.box)
		if l.leader != nil {
			d = 0
		}
		s.MaxLabelDistance = math.Max(s.MaxLabelDistance, d)
		if d > FarLimit {
			s.Far++
			s.Problems = append(s.Problems, fmt.Sprintf("far label: %q is %.1f pt from its line (%s)", l.text, d, name(own)))
		}
		cut := false
		nearest, nd := -1, d
		for k := range g.edges {
			if k == l.edge {
				continue
			}
			// A line is no nearer the text than its bounding box: a line
			// whose box is off the text and no nearer than the nearest
			// line yet can neither cut the text nor be nearer.
			if bd := boxGap(bounds[k], l.box); bd > 0 && bd >= nd {
				continue
			}
			e := &g.edges[k]
			if l.marker > 0 && e.pair() == own.pair() {
				// A key entry names both actors: a disc on one of the
				// lines between them cannot be read as another pair's.
				continue
			}
			od := lineBoxDistance(e.line, l.box)
			if od == 0 && !cut && e.crosses(l.box.grow(-0.5)) {
				cut = true
				s.LabelsCut++
				what := fmt.Sprintf("%q", l.text)
				if l.marker > 0 {
					what = fmt.Sprintf("the disc of key number %d (%q)", l.marker, l.text)
				}
				s.Problems = append(s.Problems, fmt.Sprintf("label cut: %s is crossed by %s", what, name(e)))
			}
			if od < nd {
				nearest, nd = k, od
			}
		}
		if nearest >= 0 && l.marker == 0 {
			s.Ambiguous++
			other := &g.edges[nearest]
			if other.pair() != own.pair() {
				s.AmbiguousOtherPair++
			}
			s.Problems = append(s.Problems, fmt.Sprintf("ambiguous label: %q (%s) is %.1f pt from %s and %.1f pt from its own line", l.text, name(own), nd, name(other), d))
		}
	}
	return s
}

// countryOf is the country a node belongs to ("" when none or unknown).
func (g *geometry) countryOf(id string) string {
	for _, n := range g.nodes {
		if n.id == id {
			return n.country
		}
	}
	return ""
}

// crossing is where two lines cross, and the angle between them.
type crossing struct {
	a, b  int // edge indexes
	at    pt
	angle float64 // degrees, 0–90
}

// crossings finds every point where two lines that share no end cross,
// with a grid of segments so large graphs stay cheap: each pair of
// segments is tested in the cell that holds the first of their boxes'
// common corner, once.
func (g *geometry) crossings() []crossing {
	var area box
	for _, e := range g.edges {
		for _, p := range e.line {
			area = area.union(box{p.x, p.y, p.x, p.y})
		}
	}
	if len(g.edges) < 2 {
		return nil
	}
	type seg struct {
		e    int
		p, q pt
	}
	var segs []seg
	for i, e := range g.edges {
		// Lines are sampled finely; crossings are counted on pieces
		// about 6 pt long, so a curve grazing another is not counted
		// several times.
		line := coarsen(e.line, 6)
		for k := 1; k < len(line); k++ {
			segs = append(segs, seg{i, line[k-1], line[k]})
		}
	}
	const cell = 24.0
	cols := max(1, int((area.x1-area.x0)/cell)+1)
	rows := max(1, int((area.y1-area.y0)/cell)+1)
	grid := make([][]int32, cols*rows)
	cellOf := func(x, y float64) (int, int) {
		cx := min(cols-1, max(0, int((x-area.x0)/cell)))
		cy := min(rows-1, max(0, int((y-area.y0)/cell)))
		return cx, cy
	}
	for i, sg := range segs {
		x0, y0 := cellOf(math.Min(sg.p.x, sg.q.x), math.Min(sg.p.y, sg.q.y))
		x1, y1 := cellOf(math.Max(sg.p.x, sg.q.x), math.Max(sg.p.y, sg.q.y))
		for cy := y0; cy <= y1; cy++ {
			for cx := x0; cx <= x1; cx++ {
				grid[cy*cols+cx] = append(grid[cy*cols+cx], int32(i))
			}
		}
	}
	shareEnd := func(a, b *geoEdge) bool {
		return a.from == b.from || a.from == b.to || a.to == b.from || a.to == b.to
	}
	var out []crossing
	for c, list := range grid {
		cx, cy := c%cols, c/cols
		for x := 0; x < len(list); x++ {
			for y := x + 1; y < len(list); y++ {
				a, b := segs[list[x]], segs[list[y]]
				if a.e == b.e || shareEnd(&g.edges[a.e], &g.edges[b.e]) {
					continue
				}
				at, ok := segmentsCross(a.p, a.q, b.p, b.q)
				if !ok {
					continue
				}
				if px, py := cellOf(at.x, at.y); px != cx || py != cy {
					continue
				}
				ea, eb := a.e, b.e
				if ea > eb {
					ea, eb = eb, ea
				}
				out = append(out, crossing{a: ea, b: eb, at: at, angle: segmentAngle(a.p, a.q, b.p, b.q)})
			}
		}
	}
	slices.SortFunc(out, func(x, y crossing) int {
		return cmp.Or(cmp.Compare(x.a, y.a), cmp.Compare(x.b, y.b), cmp.Compare(x.at.x, y.at.x), cmp.Compare(x.at.y, y.at.y))
	})
	// Two lines crossing where a sampled piece ends can be found twice,
	// once on each side; a crossing within 1 pt of the last of the same
	// pair is that one.
	out = slices.CompactFunc(out, func(x, y crossing) bool {
		return x.a == y.a && x.b == y.b && math.Hypot(x.at.x-y.at.x, x.at.y-y.at.y) < 1
	})
	return out
}

// coarsen keeps the points of a finely sampled line about step apart (its
// ends always).
func coarsen(line []pt, step float64) []pt {
	if len(line) < 3 {
		return line
	}
	out := []pt{line[0]}
	for i := 1; i < len(line)-1; i++ {
		last := out[len(out)-1]
		if math.Hypot(line[i].x-last.x, line[i].y-last.y) >= step {
			out = append(out, line[i])
		}
	}
	return append(out, line[len(line)-1])
}

// segmentsCross reports whether segments p–q and r–s cross, and where.
// Segments that only touch at an end, or run along each other, do not.
func segmentsCross(p, q, r, s pt) (pt, bool) {
	d := (q.x-p.x)*(s.y-r.y) - (q.y-p.y)*(s.x-r.x)
	if d == 0 {
		return pt{}, false
	}
	t := ((r.x-p.x)*(s.y-r.y) - (r.y-p.y)*(s.x-r.x)) / d
	u := ((r.x-p.x)*(q.y-p.y) - (r.y-p.y)*(q.x-p.x)) / d
	if t <= 0 || t > 1 || u <= 0 || u > 1 {
		return pt{}, false
	}
	return pt{p.x + t*(q.x-p.x), p.y + t*(q.y-p.y)}, true
}

// segmentAngle is the angle between two segments' directions, 0–90
// degrees.
func segmentAngle(p, q, r, s pt) float64 {
	a := math.Atan2(q.y-p.y, q.x-p.x) - math.Atan2(s.y-r.y, s.x-r.x)
	a = math.Abs(math.Mod(a*180/math.Pi, 180))
	if a > 90 {
		a = 180 - a
	}
	return a
}

// grow is the box grown by d on every side (shrunk for d < 0).
func (b box) grow(d float64) box { return box{b.x0 - d, b.y0 - d, b.x1 + d, b.y1 + d} }

// contains reports whether p lies inside the box.
func (b box) contains(p pt) bool { return p.x > b.x0 && p.x < b.x1 && p.y > b.y0 && p.y < b.y1 }

// touchesLine reports whether some segment of line meets the box.
func (b box) touchesLine(line []pt) bool {
	for i := 1; i < len(line); i++ {
		if clips(b, line[i-1], line[i]) {
			return true
		}
	}
	return len(line) == 1 && b.contains(line[0])
}

// crosses reports whether the edge's line passes through box b.
func (e *geoEdge) crosses(b box) bool { return b.touchesLine(e.line) }

// boxGap is the distance between two boxes: 0 when they meet.
func boxGap(a, b box) float64 {
	dx := max(0, a.x0-b.x1, b.x0-a.x1)
	dy := max(0, a.y0-b.y1, b.y0-a.y1)
	return math.Hypot(dx, dy)
}

// lineBoxDistance is the shortest distance from a polyline to a box: 0
// when the line meets it.
func lineBoxDistance(line []pt, b box) float64 {
	d2 := math.Inf(1)
	for i := 1; i < len(line); i++ {
		p, q := line[i-1], line[i]
		// The segment is no nearer the box than its own bounding box.
		gx := max(0, min(p.x, q.x)-b.x1, b.x0-max(p.x, q.x))
		gy := max(0, min(p.y, q.y)-b.y1, b.y0-max(p.y, q.y))
		if gx*gx+gy*gy >= d2 {
			continue
		}
		d2 = math.Min(d2, segmentBoxDistance2(p, q, b))
		if d2 == 0 {
			return 0
		}
	}
	if len(line) == 1 {
		return pointBoxDistance(line[0], b)
	}
	return math.Sqrt(d2)
}

// segmentBoxDistance2 is the square of the distance from segment p–q to
// box b.
func segmentBoxDistance2(p, q pt, b box) float64 {
	if clips(b, p, q) {
		return 0
	}
	d := math.Min(pointBoxDistance2(p, b), pointBoxDistance2(q, b))
	for _, c := range [4]pt{{b.x0, b.y0}, {b.x1, b.y0}, {b.x0, b.y1}, {b.x1, b.y1}} {
		d = math.Min(d, pointSegmentDistance2(c, p, q))
	}
	return d
}

func pointBoxDistance(p pt, b box) float64 { return math.Sqrt(pointBoxDistance2(p, b)) }

func pointBoxDistance2(p pt, b box) float64 {
	dx := max(0, b.x0-p.x, p.x-b.x1)
	dy := max(0, b.y0-p.y, p.y-b.y1)
	return dx*dx + dy*dy
}

func pointSegmentDistance2(c, p, q pt) float64 {
	dx, dy := q.x-p.x, q.y-p.y
	l := dx*dx + dy*dy
	if l == 0 {
		return (c.x-p.x)*(c.x-p.x) + (c.y-p.y)*(c.y-p.y)
	}
	t := min(max(((c.x-p.x)*dx+(c.y-p.y)*dy)/l, 0), 1)
	ex, ey := c.x-(p.x+t*dx), c.y-(p.y+t*dy)
	return ex*ex + ey*ey
}

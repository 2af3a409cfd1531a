package render

import "math"

// Where an edge's text may go. A reader takes a text to belong to the
// line nearest it, so every spot placeLabels gives a text satisfies all of:
// its own line is the nearest line, by a clear margin; it is within
// FarLimit of that line, or joined to it by a leader line; no other line
// cuts it; it overlaps no node, no other text and no leader. Three kinds of
// spot are tried in turn: beside the line (besideLine), a little way off
// with a leader line (withLeader), and, when neither is free, a numbered
// disc on the line with the text in the figure's key (onMarker). Text is
// never dropped.

// spotMargin is by how much the nearest other line must be further from a
// text than its own line.
const spotMargin = 1.5

// spotFractions are the places along a line tried for its text, as
// fractions of its length, from the middle outwards.
var spotFractions = func() []float64 {
	out := []float64{0.5}
	for d := 0.025; d <= 0.451; d += 0.025 {
		out = append(out, 0.5-d, 0.5+d)
	}
	return out
}()

// free reports whether a text's box b is clear of nodes, other texts and
// leader lines.
func free(b box, nodes, labels *grid, leaders [][2]pt) bool {
	if nodes.boxOverlap(b) > 0 || labels.boxOverlap(b) > 0 {
		return false
	}
	for _, l := range leaders {
		if clips(b, l[0], l[1]) {
			return false
		}
	}
	return true
}

func labelBox(c pt, w, h float64) box { return box{c.x - w/2, c.y - h/2, c.x + w/2, c.y + h/2} }

// besideLine finds the best spot for e's text just beside its line.
func besideLine(e *laidEdge, nodes, labels, segs *grid, leaders [][2]pt) (labelMove, bool) {
	best, bestScore := labelMove{}, math.Inf(1)
	cum := cumLength(e.line)
	try := func(c pt, pen float64) {
		if pen >= bestScore {
			return
		}
		b := labelBox(c, e.w, e.h)
		if !free(b, nodes, labels, leaders) {
			return
		}
		own, other := segs.distances(b, e.n, FarLimit+8)
		if own <= 0 || own > FarLimit-0.5 || other < own+spotMargin {
			return
		}
		// Prefer spots with room around them, so the text reads as its
		// line's at a glance.
		s := pen + 2*own + 4*math.Max(0, 8-(other-own))
		if s < bestScore {
			best, bestScore = labelMove{from: e.at, to: c, w: e.w, h: e.h, font: e.font}, s
		}
	}
	if e.at != (pt{}) && !e.rerouted { // (a rerouted line has left that spot)
		try(e.at, 8)
	}
	for _, f := range spotFractions {
		p, n := along(e.line, cum, f)
		clear := math.Abs(n.x)*e.w/2 + math.Abs(n.y)*e.h/2
		pen := 40 * math.Abs(f-0.5)
		for _, gap := range []float64{1, 2.5, 4.5} {
			for _, side := range []float64{1, -1} {
				d := side * (clear + gap)
				try(pt{p.x + n.x*d, p.y + n.y*d}, pen)
			}
		}
	}
	return best, !math.IsInf(bestScore, 1)
}

// withLeader finds a free spot a little way off e's line, with no other
// line within clearance, joined to it by a leader line that crosses no
// node and, unless mayCross, no other line.
func withLeader(e *laidEdge, nodes, labels, segs *grid, leaders [][2]pt, nodeBoxes []box, clearance float64, mayCross bool) (labelMove, bool) {
	best, bestScore := labelMove{}, math.Inf(1)
	cum := cumLength(e.line)
	for _, f := range spotFractions {
		p, n := along(e.line, cum, f)
		clear := math.Abs(n.x)*e.w/2 + math.Abs(n.y)*e.h/2
		pen := 30 * math.Abs(f-0.5)
		offs := leaderOffsets
		if e.w == e.h && e.w == markerSize*e.font {
			offs = discOffsets
		}
		for _, off := range offs {
			// (in points at the designed edge text size: as far again
			// for larger text)
			off *= max(e.font, edgeFont) / edgeFont
			s := pen + off
			if s >= bestScore {
				break
			}
			for _, side := range []float64{1, -1} {
				d := side * (clear + off)
				c := pt{p.x + n.x*d, p.y + n.y*d}
				b := labelBox(c, e.w, e.h)
				if !free(b, nodes, labels, leaders) {
					continue
				}
				if segs.nearestOther(b, e.n, clearance) < clearance {
					continue
				}
				end := pt{min(max(p.x, b.x0), b.x1), min(max(p.y, b.y0), b.y1)}
				if (!mayCross && segs.cutsSegment(p, end, e.n)) || labels.segmentHits(p, end) {
					continue
				}
				blocked := false
				for _, nb := range nodeBoxes {
					if clips(nb, p, end) {
						blocked = true
						break
					}
				}
				if blocked {
					continue
				}
				best, bestScore = labelMove{from: e.at, to: c, w: e.w, h: e.h, leader: &[2]pt{p, end}, font: e.font}, s
				break
			}
		}
	}
	return best, !math.IsInf(bestScore, 1)
}

// How far off its line a text on a leader may go, in points at the
// designed edge text size; a key number's disc may go further, past the
// side of a node, since a disc between two nodes that nearly touch has
// nowhere nearer.
var (
	leaderOffsets = []float64{10, 16, 24, 34, 46, 60, 80}
	discOffsets   = []float64{10, 16, 24, 34, 46, 60, 80, 100, 125, 155, 190}
)

// leaderWidth is the pen width of a leader line for text at font points:
// 0.75 pt at the designed size, as much wider as the text is larger.
func leaderWidth(font float64) float64 { return 0.75 * max(font, edgeFont) / edgeFont }

// markerSize is the diameter of a key number's disc, in edge text sizes.
const markerSize = 1.5

// onMarker puts a numbered disc on e's line where it is clearest (the
// number is given once every text is placed).
func onMarker(e *laidEdge, nodes, labels, segs *grid, leaders [][2]pt, nodeBoxes []box) labelMove {
	m, score := onMarkerSized(e, nodes, labels, segs, leaders, nodeBoxes, markerSize)
	if score >= 200 {
		// No spot clear of nodes and texts for the disc, on its line or
		// off it: a smaller disc, as between two nodes that nearly touch.
		if sm, ss := onMarkerSized(e, nodes, labels, segs, leaders, nodeBoxes, smallMarkerSize); ss < score {
			return sm
		}
	}
	return m
}

// smallMarkerSize is the diameter of a key number's disc where the
// usual one finds no room, in edge text sizes.
const smallMarkerSize = 1.15

// onMarkerSized is onMarker with a disc size edge texts across, and the
// spot's score: 200 or more where the disc sits on a node, a text or
// another line.
func onMarkerSized(e *laidEdge, nodes, labels, segs *grid, leaders [][2]pt, nodeBoxes []box, size float64) (labelMove, float64) {
	cum := cumLength(e.line)
	best, bestScore := labelMove{}, math.Inf(1)
	d := size * e.font
	try := func(c pt, pen float64) {
		b := labelBox(c, d, d)
		s := pen
		// A disc over a node or a text, however little, is no spot: the
		// disc goes off on a leader rather (below).
		if ov := nodes.boxOverlap(b) + labels.boxOverlap(b); ov > 0 {
			s += 200 + 100*ov
		}
		// A disc another line runs through, or passes close by, could be
		// taken for that line's.
		if own, other := segs.distances(b, e.n, 4+d); other < own+spotMargin {
			s += 200 + 50*(own+spotMargin-other)
		}
		if s < bestScore {
			best, bestScore = labelMove{from: e.at, to: c, w: d, h: d, marker: 1, font: e.font}, s
		}
	}
	for k := 0; k <= 45; k++ {
		f := 0.5 + float64((k+1)/2)*0.02*float64(1-2*(k%2))
		c, n := along(e.line, cum, f)
		pen := 20 * math.Abs(f-0.5)
		try(c, pen)
		// Beside the line, touching it, where the line itself is crowded.
		for _, side := range []float64{1, -1} {
			off := side * (d/2 + 0.5)
			try(pt{c.x + n.x*off, c.y + n.y*off}, pen+30)
		}
	}
	if bestScore >= 200 && size == markerSize {
		// Every spot on or by the line is crowded: the disc goes a little
		// way off, on a leader line, as a text would.
		disc := *e
		disc.w, disc.h = d, d
		if m, ok := withLeader(&disc, nodes, labels, segs, leaders, nodeBoxes, 1.5, false); ok {
			m.marker, m.font = 1, e.font
			return m, 0
		}
		// Still none: a leader that crosses other lines (thin, in the
		// line's colour) rather than a disc that sits on one.
		if m, ok := withLeader(&disc, nodes, labels, segs, leaders, nodeBoxes, 1.5, true); ok {
			m.marker, m.font = 1, e.font
			return m, 0
		}
	}
	return best, bestScore
}

// segmentHits reports whether the segment p–q passes through a box in the
// grid.
func (g *grid) segmentHits(p, q pt) bool {
	hit := false
	g.near(box{math.Min(p.x, q.x), math.Min(p.y, q.y), math.Max(p.x, q.x), math.Max(p.y, q.y)}, func(i int32) {
		if !hit && clips(g.boxes[i], p, q) {
			hit = true
		}
	})
	return hit
}

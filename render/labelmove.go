package render

import (
	"fmt"
	"html"
	"math"
	"strconv"
	"strings"
)

// Moving edge labels in the drawings of one layout. Graphviz draws an
// edge's external label (xlabel) as plain text lines at the label's
// position, so once placeLabels has chosen a better position, the lines
// are moved by the difference, in the SVG and in the drawing operations a
// painter uses, and the drawing grows to take in a label moved past its
// edge. That replaces a second Graphviz pass drawing the layout again with
// the labels' positions given (nop2), which cost about a quarter of a
// 300-entity figure: reading the layout back in, and drawing it.

// moveLabels makes the panel id from Graphviz's SVG of a layout and, for
// painting, its drawing operations (outs: svg, then json), with every
// label placeLabels moved where it decided, and the drawing fitted to its
// new contents; the edges rerouted in rt (nil: none) are drawn on their new
// routes. It reports false when a label or an edge is not where it is
// expected, and the caller then has Graphviz draw the layout again.
func moveLabels(id string, placed laidLabels, rt *routed, outs [][]byte) (*panel, bool) {
	doc, ok := outs[0], true
	if rt != nil {
		doc, ok = rt.applySVG(doc)
	}
	if ok {
		doc, ok = moveSVGLabels(doc, placed.moves)
	}
	if !ok {
		return nil, false
	}
	p := &panel{id: id}
	var err error
	if p.svg, err = parseGraphvizSVG(doc); err != nil {
		return nil, false
	}
	if !p.svg.refit(placed) {
		return nil, false
	}
	if len(outs) > 1 {
		if p.layout, err = parseXdotMoved(outs[1], placed.moves, rt); err != nil {
			return nil, false
		}
		p.layout.fixBackslashes(svgTexts(doc))
	}
	return p, true
}

// editEdgeGroups rewrites the edges' groups of Graphviz's SVG of a layout.
// An edge's group runs from its <g id="…" class="edge"> to the comment
// Graphviz writes before the next object (or to the graph's end). edit is
// given each edge's id and group, in document order, and returns the group
// to write, whether it changed it, and false when the group is not as
// expected (editEdgeGroups then fails). It returns the document and how
// many groups were changed.
func editEdgeGroups(doc []byte, edit func(id, group string) (string, bool, bool)) ([]byte, int, bool) {
	s := string(doc)
	var b strings.Builder
	b.Grow(len(s) + len(s)/64)
	const open, class = `<g id="`, `" class="edge">`
	last, changed := 0, 0
	for at := 0; ; {
		i := strings.Index(s[at:], class)
		if i < 0 {
			break
		}
		idEnd, start := at+i, at+i+len(class)
		at = start
		idStart := strings.LastIndex(s[:idEnd], open)
		if idStart < 0 {
			continue
		}
		end := len(s)
		if j := strings.Index(s[start:], "\n<!--"); j >= 0 {
			end = start + j
		}
		group, did, ok := edit(html.UnescapeString(s[idStart+len(open):idEnd]), s[start:end])
		if !ok {
			return nil, 0, false
		}
		if !did {
			continue
		}
		b.WriteString(s[last:start])
		b.WriteString(group)
		last, at = end, end
		changed++
	}
	b.WriteString(s[last:])
	return []byte(b.String()), changed, true
}

// moveSVGLabels moves the text lines of each edge in moves (an edge's only
// text in its group is its external label), and draws its leader line or
// numbered disc.
func moveSVGLabels(doc []byte, moves map[string]labelMove) ([]byte, bool) {
	out, moved, ok := editEdgeGroups(doc, func(id, group string) (string, bool, bool) {
		mv, found := moves[id]
		if !found {
			return "", false, true
		}
		var g strings.Builder
		if !moveTexts(&g, group, mv.to.x-mv.from.x, mv.to.y-mv.from.y) {
			return "", false, false
		}
		return decorateLabel(g.String(), mv), true, true
	})
	return out, ok && moved == len(moves)
}

// moveTexts writes group with the x and y of every <text> in it moved by
// (dx, dy) in Graphviz's coordinates (the SVG's y points down). It reports
// false when the group has no text or a text without x and y.
func moveTexts(b *strings.Builder, group string, dx, dy float64) bool {
	lines := 0
	for {
		i := strings.Index(group, "<text ")
		if i < 0 {
			b.WriteString(group)
			return lines > 0
		}
		tagEnd := strings.IndexByte(group[i:], '>')
		if tagEnd < 0 {
			return false
		}
		tag := group[i : i+tagEnd]
		xs, xe, okx := attrSpan(tag, " x=\"")
		ys, ye, oky := attrSpan(tag, " y=\"")
		if !okx || !oky || ys < xe {
			return false
		}
		x, err1 := strconv.ParseFloat(tag[xs:xe], 64)
		y, err2 := strconv.ParseFloat(tag[ys:ye], 64)
		if err1 != nil || err2 != nil {
			return false
		}
		b.WriteString(group[:i])
		b.WriteString(tag[:xs])
		b.WriteString(svgCoord(x + dx))
		b.WriteString(tag[xe:ys])
		b.WriteString(svgCoord(y - dy))
		b.WriteString(tag[ye:])
		group = group[i+tagEnd:]
		lines++
	}
}

// attrSpan finds the value of the attribute that starts with prefix (` x="`)
// in a tag: its start and end.
func attrSpan(tag, prefix string) (start, end int, ok bool) {
	i := strings.Index(tag, prefix)
	if i < 0 {
		return 0, 0, false
	}
	start = i + len(prefix)
	j := strings.IndexByte(tag[start:], '"')
	if j < 0 {
		return 0, 0, false
	}
	return start, start + j, true
}

// svgCoord writes a coordinate as Graphviz does: at most two decimals.
func svgCoord(v float64) string {
	return num(math.Round(v*100) / 100)
}

// refit fits the drawing to what it now holds: everything but the edge
// labels, and the labels where they were moved. Graphviz's bounding box
// took in the labels at their old places, so the drawing may shrink where
// a label left an edge of it, and grow where one went past it. The margins
// Graphviz left around its bounding box stay as they were. It reports
// false when the SVG's coordinates cannot be adjusted.
func (s *graphvizSVG) refit(placed laidLabels) bool {
	bb, tight := placed.bb, placed.content
	if bb == (box{}) || tight == (box{}) {
		return false
	}
	for _, m := range placed.moves {
		tight = tight.union(box{m.to.x - m.w/2, m.to.y - m.h/2, m.to.x + m.w/2, m.to.y + m.h/2})
	}
	if tight == bb {
		return true
	}
	loc := groupTr.FindStringSubmatchIndex(s.body)
	if loc == nil {
		return false
	}
	// The SVG's user space is (x+tx, ty-y) for Graphviz's (x, y).
	left, top := s.tx+bb.x0, s.ty-bb.y1
	right, bottom := s.vb[2]-(bb.x1+s.tx), s.vb[3]-(s.ty-bb.y0)
	w := left + (tight.x1 - tight.x0) + right
	h := top + (tight.y1 - tight.y0) + bottom
	sx, sy := s.width/s.vb[2], s.height/s.vb[3]
	s.tx, s.ty = left-tight.x0, top+tight.y1
	s.vb[2], s.vb[3] = w, h
	s.width, s.height = math.Ceil(w*sx), math.Ceil(h*sy)
	s.viewBox = fmt.Sprintf("%.2f %.2f %.2f %.2f", s.vb[0], s.vb[1], s.vb[2], s.vb[3])
	s.body = s.body[:loc[2]] + svgCoord(s.tx) + " " + svgCoord(s.ty) + s.body[loc[5]:]
	return true
}

// Marker discs: white, with the number in near black, ringed in the
// edge's colour, so they read on every theme.
const (
	markerFill = "#FFFFFF"
	markerText = "#1A1A1A"
)

// decorateLabel adds to an edge's SVG group, its text already moved, the
// leader line joining the text to the edge, or replaces the text by the
// numbered disc of the key (see labelMove).
func decorateLabel(group string, mv labelMove) string {
	if mv.leader == nil && mv.marker == 0 {
		return group
	}
	stroke := "#000000"
	if i, j, ok := attrSpan(group, ` stroke="`); ok {
		stroke = group[i:j]
	}
	first := strings.Index(group, "<text ")
	if first < 0 {
		return group
	}
	if mv.leader != nil {
		p, q := mv.leader[0], mv.leader[1]
		path := fmt.Sprintf(`<path fill="none" stroke="%s" stroke-width="%s" d="M%s,%s L%s,%s"/>`+"\n",
			stroke, svgCoord(leaderWidth(mv.font)), svgCoord(p.x), svgCoord(-p.y), svgCoord(q.x), svgCoord(-q.y))
		group = group[:first] + path + group[first:]
		if mv.marker == 0 {
			return group
		}
		first += len(path)
	}
	last := strings.LastIndex(group, "</text>") + len("</text>")
	r := mv.w / 2
	disc := fmt.Sprintf(`<ellipse fill="%s" stroke="%s" stroke-width="1.2" cx="%s" cy="%s" rx="%s" ry="%s"/>`+"\n"+
		`<text text-anchor="middle" x="%s" y="%s" font-family="Helvetica,sans-Serif" font-weight="bold" font-size="%s" fill="%s">%d</text>`,
		markerFill, stroke, svgCoord(mv.to.x), svgCoord(-mv.to.y), svgCoord(r), svgCoord(r),
		svgCoord(mv.to.x), svgCoord(-mv.to.y+mv.font*0.35), num(mv.font), markerText, mv.marker)
	return group[:first] + disc + group[last:]
}

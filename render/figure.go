package render

import (
	"bytes"
	"context"
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"github.com/dipgraph/dipgraph/graph"
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
	var dot bytes.Buffer
	if err := DOT(&dot, g, o); err != nil {
		return nil, err
	}
	main, err := gv.Render(ctx, dot.Bytes(), o.Layout, "svg")
	if err != nil {
		return nil, err
	}
	mainSVG, err := parseGraphvizSVG(main)
	if err != nil {
		return nil, err
	}
	var legend *graphvizSVG
	if !o.NoLegend && len(g.Edges) > 0 {
		out, err := gv.Render(ctx, legendDOT(g, o), "neato", "svg")
		if err != nil {
			return nil, fmt.Errorf("legend: %w", err)
		}
		if legend, err = parseGraphvizSVG(out); err != nil {
			return nil, fmt.Errorf("legend: %w", err)
		}
	}
	return compose(g, o, mainSVG, legend), nil
}

// graphvizSVG is the part of a Graphviz SVG document we nest in ours.
type graphvizSVG struct {
	width, height float64 // points
	viewBox       string
	body          string // everything inside the root <svg> element
}

var (
	rootTag  = regexp.MustCompile(`(?s)<svg\b[^>]*>`)
	attrRe   = regexp.MustCompile(`\b(width|height|viewBox)="([^"]*)"`)
	commentR = regexp.MustCompile(`(?s)<!--.*?-->\n?`)
)

func parseGraphvizSVG(doc []byte) (*graphvizSVG, error) {
	s := string(doc)
	loc := rootTag.FindStringIndex(s)
	end := strings.LastIndex(s, "</svg>")
	if loc == nil || end < loc[1] {
		return nil, fmt.Errorf("graphviz produced no SVG document")
	}
	out := &graphvizSVG{body: commentR.ReplaceAllString(s[loc[1]:end], "")}
	for _, m := range attrRe.FindAllStringSubmatch(s[loc[0]:loc[1]], -1) {
		switch m[1] {
		case "width":
			out.width, _ = strconv.ParseFloat(strings.TrimSuffix(m[2], "pt"), 64)
		case "height":
			out.height, _ = strconv.ParseFloat(strings.TrimSuffix(m[2], "pt"), 64)
		case "viewBox":
			out.viewBox = m[2]
		}
	}
	if out.width <= 0 || out.height <= 0 || out.viewBox == "" {
		return nil, fmt.Errorf("graphviz SVG has no size")
	}
	return out, nil
}

// compose lays out the title block, graph, legend and footer.
func compose(g *graph.Graph, o Options, main, legend *graphvizSVG) []byte {
	title := o.Title
	if title == "" {
		title = g.Dataset.Title
	}
	width := main.width
	if legend != nil {
		width += legendGap + legend.width
	}
	width = max(width+2*figMargin, minFigWidth)
	inner := width - 2*figMargin

	titleLines := wrap(title, titleSize, inner)
	subLines := wrap(o.Subtitle, subtitleSize, inner)
	var foot []string
	if asOf := latestDate(g); !asOf.IsZero() {
		foot = append(foot, fmt.Sprintf("Data as of %s · %d relations from %d records · made with dipgraph", asOf.Human(), len(g.Edges), recordCount(g)))
	}
	for i, s := range g.Sources {
		foot = append(foot, wrap(fmt.Sprintf("[%d] %s", i+1, sourceLine(s)), footSize, inner)...)
	}

	var b bytes.Buffer
	y := figMargin
	lineH := func(size float64) float64 { return size * 1.25 }
	headH := float64(len(titleLines))*lineH(titleSize) + float64(len(subLines))*lineH(subtitleSize)
	bodyH := main.height
	if legend != nil {
		bodyH = max(bodyH, legend.height)
	}
	footH := float64(len(foot)) * lineH(footSize)
	height := figMargin + headH + 8 + bodyH + 10 + footH + figMargin

	fmt.Fprintf(&b, "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"no\"?>\n")
	fmt.Fprintf(&b, "<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:xlink=\"http://www.w3.org/1999/xlink\" width=\"%spt\" height=\"%spt\" viewBox=\"0 0 %s %s\">\n",
		num(width), num(height), num(width), num(height))
	fmt.Fprintf(&b, "<title>%s</title>\n", xmlText(title))
	if g.Dataset.Description != "" {
		fmt.Fprintf(&b, "<desc>%s</desc>\n", xmlText(g.Dataset.Description))
	}
	fmt.Fprintf(&b, "<rect id=\"background\" width=\"100%%\" height=\"100%%\" fill=\"#FFFFFF\"/>\n")
	text := func(lines []string, size float64, weight, color string) {
		for _, l := range lines {
			y += lineH(size)
			fmt.Fprintf(&b, "<text x=\"%s\" y=\"%s\" font-family=\"Helvetica,Arial,sans-serif\" font-size=\"%s\"%s fill=\"%s\">%s</text>\n",
				num(figMargin), num(y-size*0.25), num(size), weight, color, xmlText(l))
		}
	}
	b.WriteString("<g id=\"title-block\">\n")
	text(titleLines, titleSize, " font-weight=\"bold\"", "#1A1A1A")
	text(subLines, subtitleSize, "", "#444444")
	b.WriteString("</g>\n")
	y += 8
	nest(&b, "figure-graph", figMargin, y, main)
	if legend != nil {
		nest(&b, "figure-legend", figMargin+main.width+legendGap, y, legend)
	}
	y += bodyH + 10
	b.WriteString("<g id=\"sources\">\n")
	text(foot, footSize, "", "#555555")
	b.WriteString("</g>\n</svg>\n")
	return b.Bytes()
}

func nest(b *bytes.Buffer, id string, x, y float64, s *graphvizSVG) {
	fmt.Fprintf(b, "<svg id=\"%s\" x=\"%s\" y=\"%s\" width=\"%s\" height=\"%s\" viewBox=\"%s\">",
		id, num(x), num(y), num(s.width), num(s.height), s.viewBox)
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

// latestDate is the latest date any record in the figure covers: the
// figure's "data as of" date, which never depends on the clock.
func latestDate(g *graph.Graph) graph.Date {
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

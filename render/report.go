package render

import (
	"bytes"
	"cmp"
	_ "embed"
	"fmt"
	"net/url"
	"slices"
	"strings"

	"golang.org/x/text/collate"
	"golang.org/x/text/language"

	"github.com/dipgraph/dipgraph/graph"
)

// reportCSS is the report's look: layout, light and dark colours, print.
// The sorting rules, which follow the columns, are written by sortCSS.
//
//go:embed report.css
var reportCSS string

// reportColumn is a column of the report's table of records, and a way to
// sort it.
type reportColumn struct {
	id, heading string
	// less orders two rows by this column; ties keep the rows' default
	// order (by date, then as in the data).
	less func(a, b *reportRow) int
}

// reportRow is one relation record drawn in the figure, as the table shows
// it.
type reportRow struct {
	rec     *graph.Record
	seq     int    // the record's place in the data
	typ     string // the type's label
	parties string // participant names, plain text
	names   string // participant names alone, to sort by
	note    string // the note, else the record's caption
	source  int    // the source's number in the figure's footer; 0: none
	order   map[string]int
}

// Report returns the figure as one self-contained HTML page, the thing an
// analyst attaches to an email: the title, the figure's SVG inline (the
// bytes f.SVG writes, without the XML declaration), a table of every
// relation record drawn — date, type, participants, note and source — and
// the numbered sources.
//
// The page makes no network requests and runs no script: it has no
// <script>, no event-handler attributes, no external style sheets, fonts
// or images, and a Content-Security-Policy that forbids loading anything.
// The table sorts by any column, ascending or descending, with radio
// buttons and CSS alone (browsers with CSS grid: Chromium, Firefox,
// Safari); without CSS the rows read in their default order, by date. A
// source is a link only when its URL is http or https. The same graph,
// figure and options give the same bytes.
func Report(g *graph.Graph, f *Figure, o Options) []byte {
	rows := reportRows(g)
	cols := reportColumns()
	coll := collate.New(language.Und, collate.Loose)
	for _, c := range cols {
		sorted := slices.Clone(rows)
		less := c.less
		if less == nil {
			less = textColumn(coll, c.id)
		}
		slices.SortStableFunc(sorted, less)
		for i, r := range sorted {
			r.order[c.id] = i + 1
		}
	}

	var b bytes.Buffer
	title := f.title
	b.WriteString("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
	b.WriteString("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
	// Nothing may be fetched: styles are inline, the figure is inline SVG.
	b.WriteString("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'\">\n")
	b.WriteString("<meta name=\"referrer\" content=\"no-referrer\">\n")
	b.WriteString("<meta name=\"generator\" content=\"dipgraph\">\n")
	fmt.Fprintf(&b, "<title>%s</title>\n", pageAttr(title))
	b.WriteString("<style>\n")
	b.WriteString(reportCSS)
	writeSortCSS(&b, cols)
	b.WriteString("</style>\n</head>\n<body>\n")

	b.WriteString("<header>\n")
	fmt.Fprintf(&b, "<h1>%s</h1>\n", pageText(title))
	if o.Subtitle != "" {
		fmt.Fprintf(&b, "<p class=\"subtitle\">%s</p>\n", pageText(o.Subtitle))
	}
	if g.Dataset.Description != "" {
		fmt.Fprintf(&b, "<p class=\"description\">%s</p>\n", pageText(g.Dataset.Description))
	}
	if asOf := latestDate(g); !asOf.IsZero() {
		fmt.Fprintf(&b, "<p class=\"meta\">Data as of <time datetime=\"%s\">%s</time> · %s from %s · %s</p>\n",
			asOf.String(), asOf.Human(), countOf(len(g.Edges), "relation", "relations"), countOf(len(rows), "record", "records"),
			countOf(len(g.Sources), "source", "sources"))
	}
	b.WriteString("</header>\n")

	b.WriteString("<main>\n<figure class=\"figure\">\n")
	b.Write(inlineSVG(f.SVG(false)))
	b.WriteString("</figure>\n")

	writeRecordTable(&b, g, rows, cols, o)
	writeSourceList(&b, g)
	b.WriteString("</main>\n")
	b.WriteString("<footer><p>Made with dipgraph from dated, sourced records. Every line in the figure is one or more rows above.</p></footer>\n")
	b.WriteString("</body>\n</html>\n")
	return b.Bytes()
}

// reportRows are the distinct records behind the figure's edges (a record
// among three parties is behind three edges but is one row), in their
// default order: by date, then as in the data.
func reportRows(g *graph.Graph) []*reportRow {
	seq := map[*graph.Record]int{}
	for i := range g.Dataset.Records {
		seq[&g.Dataset.Records[i]] = i
	}
	sourceNo := map[string]int{}
	for i, s := range g.Sources {
		sourceNo[s.ID] = i + 1
	}
	seen := map[*graph.Record]bool{}
	var rows []*reportRow
	for _, e := range g.Edges {
		for _, r := range e.Records {
			if seen[r] {
				continue
			}
			seen[r] = true
			t, _ := g.Dataset.Type(r.Type)
			label := t.Label
			if label == "" {
				label = r.Type
			}
			note := r.Note
			if note == "" {
				note = r.Label
			}
			parties, names := partyText(g.Dataset, r)
			rows = append(rows, &reportRow{rec: r, seq: seq[r], typ: label, parties: parties, names: names,
				note: note, source: sourceNo[r.Source], order: map[string]int{}})
		}
	}
	slices.SortFunc(rows, byDate)
	return rows
}

// byDate orders rows by start date, then end (an event before a period
// that starts the same day, a closed period before an open one), then as
// in the data.
func byDate(a, b *reportRow) int {
	return cmp.Or(a.rec.Start.Compare(b.rec.Start), cmpEnd(a.rec, b.rec), cmp.Compare(a.seq, b.seq))
}

func cmpEnd(a, b *graph.Record) int {
	rank := func(r *graph.Record) int {
		switch {
		case r.IsEvent():
			return 0
		case r.Ongoing:
			return 2
		}
		return 1
	}
	return cmp.Or(cmp.Compare(rank(a), rank(b)), a.End.Compare(b.End))
}

func reportColumns() []reportColumn {
	return []reportColumn{
		{id: "date", heading: "Date", less: byDate},
		{id: "type", heading: "Type"},
		{id: "parties", heading: "Participants"},
		{id: "note", heading: "Note"},
		{id: "source", heading: "Source", less: func(a, b *reportRow) int {
			// Unsourced rows (none, in valid data) last.
			na, nb := a.source, b.source
			if na == 0 {
				na = 1 << 30
			}
			if nb == 0 {
				nb = 1 << 30
			}
			return cmp.Or(cmp.Compare(na, nb), cmp.Compare(a.rec.Cite, b.rec.Cite), byDate(a, b))
		}},
	}
}

// textColumn orders rows by a text column in the reader's alphabetical
// order (case and accents second), then by date.
func textColumn(c *collate.Collator, id string) func(a, b *reportRow) int {
	text := func(r *reportRow) string {
		switch id {
		case "type":
			return r.typ
		case "parties":
			return r.names
		}
		return r.note
	}
	return func(a, b *reportRow) int {
		return cmp.Or(c.CompareString(text(a), text(b)), byDate(a, b))
	}
}

// partyText names a record's participants: "A → B, C" when it is
// directed (A acts on the others), "A – B" or "A, B, C" when mutual; and
// the names alone, separated by spaces, to sort by.
func partyText(d *graph.Dataset, r *graph.Record) (text, names string) {
	list := make([]string, len(r.Parties))
	for i, id := range r.Parties {
		list[i] = id
		if e, ok := d.Entity(id); ok && e.Name != "" {
			list[i] = e.Name
		}
	}
	names = strings.Join(list, " ")
	switch {
	case r.Directed && len(list) > 1:
		return list[0] + " → " + strings.Join(list[1:], ", "), names
	case len(list) == 2:
		return list[0] + " – " + list[1], names
	}
	return strings.Join(list, ", "), names
}

// writeSortCSS writes the rules that sort the table. Each column has two
// radio buttons (ascending, descending) placed before the table; each row
// carries its rank in every column as a custom property (--o-date…). The
// checked button picks the property the rows' flex order follows, and a
// descending button reverses the flex direction. Each heading holds two
// labels, one per button; only the one that a click should choose shows
// (ascending, or descending when ascending is already chosen).
func writeSortCSS(b *bytes.Buffer, cols []reportColumn) {
	b.WriteString("/* Sorting: radio buttons and CSS, no script. */\n")
	for _, c := range cols {
		asc, desc := "#sort-"+c.id+"-asc:checked", "#sort-"+c.id+"-desc:checked"
		fmt.Fprintf(b, "%s~.table-wrap tbody tr,%s~.table-wrap tbody tr{order:var(--o-%s)}\n", asc, desc, c.id)
		fmt.Fprintf(b, "%s~.table-wrap th.c-%s label.asc{display:none}\n", asc, c.id)
		fmt.Fprintf(b, "%s~.table-wrap th.c-%s label.desc{display:inline-flex}\n", asc, c.id)
		fmt.Fprintf(b, "%s~.table-wrap th.c-%s .dir::after{content:\"▲\"}\n", asc, c.id)
		fmt.Fprintf(b, "%s~.table-wrap th.c-%s .dir::after{content:\"▼\"}\n", desc, c.id)
		fmt.Fprintf(b, "%s~.table-wrap th.c-%s,%s~.table-wrap th.c-%s{background:var(--sorted)}\n", asc, c.id, desc, c.id)
		fmt.Fprintf(b, "#sort-%s-asc:focus-visible~.table-wrap th.c-%s,#sort-%s-desc:focus-visible~.table-wrap th.c-%s{outline:2px solid var(--link);outline-offset:-2px}\n",
			c.id, c.id, c.id, c.id)
	}
	b.WriteString(".sort[id$=\"-desc\"]:checked~.table-wrap tbody{flex-direction:column-reverse}\n")
}

func writeRecordTable(b *bytes.Buffer, g *graph.Graph, rows []*reportRow, cols []reportColumn, o Options) {
	// The line samples sit on white (or a light chip in dark mode): they
	// take the light theme's colours, or print's grays.
	so := Options{Theme: DefaultTheme, Background: "#FFFFFF", Sheet: o.Sheet}
	if o.theme().Gray {
		so.Theme = o.Theme
	}
	styles := so.typeStyles(g.Dataset)
	b.WriteString("<section class=\"records\" aria-labelledby=\"records-heading\">\n")
	fmt.Fprintf(b, "<h2 id=\"records-heading\">Records drawn <span class=\"count\">(%d)</span></h2>\n", len(rows))
	b.WriteString("<p class=\"hint\">Click a column heading to sort by it; click again to reverse.</p>\n")
	for _, c := range cols {
		for _, dir := range []string{"asc", "desc"} {
			checked := ""
			if c.id == "date" && dir == "asc" {
				checked = " checked"
			}
			word := "ascending"
			if dir == "desc" {
				word = "descending"
			}
			fmt.Fprintf(b, "<input type=\"radio\" class=\"sort\" name=\"sort\" id=\"sort-%s-%s\" aria-label=\"Sort by %s, %s\"%s>\n",
				c.id, dir, strings.ToLower(c.heading), word, checked)
		}
	}
	b.WriteString("<div class=\"table-wrap\">\n<table>\n<thead>\n<tr>")
	for _, c := range cols {
		fmt.Fprintf(b, "<th scope=\"col\" class=\"c-%[1]s\"><label class=\"asc\" for=\"sort-%[1]s-asc\">%[2]s</label><label class=\"desc\" for=\"sort-%[1]s-desc\">%[2]s</label><span class=\"dir\" aria-hidden=\"true\"></span></th>",
			c.id, c.heading)
	}
	b.WriteString("</tr>\n</thead>\n<tbody>\n")
	for _, r := range rows {
		b.WriteString("<tr style=\"")
		for i, c := range cols {
			if i > 0 {
				b.WriteByte(';')
			}
			fmt.Fprintf(b, "--o-%s:%d", c.id, r.order[c.id])
		}
		b.WriteString("\">")
		writeDateCell(b, r.rec)
		fmt.Fprintf(b, "<td class=\"c-type\">%s%s</td>", lineSample(styles[r.rec.Type]), pageText(r.typ))
		fmt.Fprintf(b, "<td class=\"c-parties\">%s</td>", pageText(r.parties))
		b.WriteString("<td class=\"c-note\">")
		if r.rec.Label != "" && r.rec.Note != "" {
			fmt.Fprintf(b, "<span class=\"caption\">%s</span> ", pageText(r.rec.Label))
		}
		fmt.Fprintf(b, "%s</td>", pageText(r.note))
		writeSourceCell(b, g, r)
		b.WriteString("</tr>\n")
	}
	b.WriteString("</tbody>\n</table>\n</div>\n</section>\n")
}

func writeDateCell(b *bytes.Buffer, r *graph.Record) {
	b.WriteString("<td class=\"c-date\">")
	fmt.Fprintf(b, "<time datetime=\"%s\">%s</time>", r.Start.String(), r.Start.Human())
	switch {
	case r.Ongoing:
		b.WriteString(" – <span class=\"ongoing\">ongoing</span>")
	case !r.End.IsZero():
		fmt.Fprintf(b, " – <time datetime=\"%s\">%s</time>", r.End.String(), r.End.Human())
	}
	b.WriteString("</td>")
}

func writeSourceCell(b *bytes.Buffer, g *graph.Graph, r *reportRow) {
	// The cell is clamped to two lines; its title attribute has it whole.
	s, ok := g.Dataset.Source(r.rec.Source)
	whole := r.rec.Source
	if ok {
		whole = fmt.Sprintf("[%d] %s", r.source, s.Title)
	}
	if r.rec.Cite != "" {
		whole += ", " + r.rec.Cite
	}
	fmt.Fprintf(b, "<td class=\"c-source\"><span class=\"clamp\" title=\"%s\">", pageAttr(whole))
	switch {
	case !ok:
		b.WriteString(pageText(r.rec.Source))
	default:
		fmt.Fprintf(b, "<span class=\"num\">[%d]</span> ", r.source)
		if u := webURL(s.URL); u != "" {
			fmt.Fprintf(b, "<a href=\"%s\" rel=\"noopener noreferrer\">%s</a>", pageAttr(u), pageText(s.Title))
		} else {
			b.WriteString(pageText(s.Title))
		}
	}
	if r.rec.Cite != "" {
		fmt.Fprintf(b, "<span class=\"cite\">, %s</span>", pageText(r.rec.Cite))
	}
	b.WriteString("</span></td>")
}

func writeSourceList(b *bytes.Buffer, g *graph.Graph) {
	if len(g.Sources) == 0 {
		return
	}
	b.WriteString("<section class=\"sources\" aria-labelledby=\"sources-heading\">\n<h2 id=\"sources-heading\">Sources</h2>\n<ol>\n")
	for _, s := range g.Sources {
		b.WriteString("<li>")
		if u := webURL(s.URL); u != "" {
			fmt.Fprintf(b, "<a href=\"%s\" rel=\"noopener noreferrer\">%s</a>", pageAttr(u), pageText(s.Title))
		} else {
			b.WriteString(pageText(s.Title))
		}
		var parts []string
		for _, p := range []string{s.Author, s.Publisher, s.Date.Human()} {
			if p != "" {
				parts = append(parts, pageText(p))
			}
		}
		if len(parts) > 0 {
			b.WriteString(" · " + strings.Join(parts, " · "))
		}
		if s.URL != "" && webURL(s.URL) == "" {
			// Shown as text, never as a link: a reader sees what the
			// data says without a click running it.
			fmt.Fprintf(b, " · <span class=\"url\">%s</span>", pageText(s.URL))
		}
		if s.Note != "" {
			fmt.Fprintf(b, "<br><span class=\"source-note\">%s</span>", pageText(s.Note))
		}
		b.WriteString("</li>\n")
	}
	b.WriteString("</ol>\n</section>\n")
}

// webURL returns u if it is an absolute http or https URL with a host,
// else "": only such URLs become links (javascript:, data: and relative
// URLs never do).
func webURL(u string) string {
	p, err := url.Parse(strings.TrimSpace(u))
	if err != nil || p.Host == "" || p.Opaque != "" {
		return ""
	}
	switch strings.ToLower(p.Scheme) {
	case "http", "https":
		return p.String()
	}
	return ""
}

// lineSample is a small drawing of a type's line as the figure draws it:
// colour, and dash or double line, so the table reads in grayscale too.
func lineSample(s EdgeStyle) string {
	color := pageText(s.Color)
	if color == "" {
		color = "currentColor"
	}
	line := func(y, width float64, dash string) string {
		return fmt.Sprintf("<line x1=\"1\" y1=\"%g\" x2=\"27\" y2=\"%g\" stroke=\"%s\" stroke-width=\"%g\"%s/>", y, y, color, width, dash)
	}
	var body string
	switch s.Line {
	case "dashed":
		body = line(5, 2, " stroke-dasharray=\"5 3\"")
	case "dotted":
		body = line(5, 2, " stroke-dasharray=\"1 3\" stroke-linecap=\"round\"")
	case "bold":
		body = line(5, 4, "")
	case "double":
		body = line(3, 1.5, "") + line(7, 1.5, "")
	default:
		body = line(5, 2, "")
	}
	return "<svg class=\"sample\" width=\"28\" height=\"10\" viewBox=\"0 0 28 10\" aria-hidden=\"true\">" + body + "</svg>"
}

// inlineSVG is an SVG document as an HTML page takes it inline: from its
// root element on, without the XML declaration before it.
func inlineSVG(doc []byte) []byte {
	if i := bytes.Index(doc, []byte("<svg")); i >= 0 {
		return doc[i:]
	}
	return doc
}

// pageText escapes user text for an HTML page (text and quoted attribute
// values): the same escaping as the SVG's, with line breaks kept as <br>.
func pageText(s string) string {
	return escapeText(s, "<br>", `\`)
}

// pageAttr escapes user text for an attribute value or the page's
// <title>, where a line break is a space.
func pageAttr(s string) string {
	return escapeText(s, " ", `\`)
}

// countOf is "1 record" or "n records".
func countOf(n int, one, many string) string {
	if n == 1 {
		return fmt.Sprintf("%d %s", n, one)
	}
	return fmt.Sprintf("%d %s", n, many)
}

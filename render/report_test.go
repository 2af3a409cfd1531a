package render

import (
	"bytes"
	"context"
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/dipgraph/dipgraph/graph"
	"github.com/dipgraph/dipgraph/internal/safecheck"
)

// reportColumnIDs are the table's columns, in order.
var reportColumnIDs = []string{"date", "type", "parties", "note", "source"}

var (
	reportOnce sync.Once
	reportG    *graph.Graph
	reportFig  *Figure
	reportErr  error
)

// defaultReport lays out the default figure once (SVG only) for the report
// tests.
func defaultReport(t *testing.T) (*graph.Graph, *Figure) {
	t.Helper()
	gv := sharedGraphviz(t)
	reportOnce.Do(func() {
		reportG = graph.Build(loadDefault(t), graph.Filter{})
		reportFig, reportErr = Lay(context.Background(), gv, reportG, Options{Layout: DefaultLayout, EdgeLabels: "caption", Seed: DefaultSeed}, false)
	})
	if reportErr != nil {
		t.Fatal(reportErr)
	}
	return reportG, reportFig
}

// reportDoc is a parsed report: the tree and the table's body rows.
type reportDoc struct {
	root *html.Node
	rows []*html.Node
}

func parseReport(t *testing.T, doc []byte) reportDoc {
	t.Helper()
	root, err := html.Parse(bytes.NewReader(doc))
	if err != nil {
		t.Fatalf("the report does not parse as HTML: %v", err)
	}
	d := reportDoc{root: root}
	bodies := findAll(root, func(n *html.Node) bool { return n.DataAtom == atom.Tbody })
	if len(bodies) != 1 {
		t.Fatalf("the report has %d tables of records, want 1", len(bodies))
	}
	for c := bodies[0].FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode {
			d.rows = append(d.rows, c)
		}
	}
	return d
}

func findAll(n *html.Node, match func(*html.Node) bool) []*html.Node {
	var out []*html.Node
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if match(n) {
			out = append(out, n)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return out
}

func attr(n *html.Node, key string) (string, bool) {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val, true
		}
	}
	return "", false
}

func hasClass(n *html.Node, class string) bool {
	v, _ := attr(n, "class")
	return slices.Contains(strings.Fields(v), class)
}

// textOf is the text a reader sees in n.
func textOf(n *html.Node) string {
	var b strings.Builder
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
		}
		if n.DataAtom == atom.Br {
			b.WriteString("\n")
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return b.String()
}

// cells are a row's <td> elements by column id.
func cells(t *testing.T, row *html.Node) map[string]*html.Node {
	t.Helper()
	out := map[string]*html.Node{}
	i := 0
	for c := row.FirstChild; c != nil; c = c.NextSibling {
		if c.Type != html.ElementNode {
			continue
		}
		if c.DataAtom != atom.Td || i >= len(reportColumnIDs) || !hasClass(c, "c-"+reportColumnIDs[i]) {
			t.Fatalf("row cell %d is <%s class=%q>, want <td class=\"c-%s\">", i, c.Data, c.Attr, reportColumnIDs[min(i, len(reportColumnIDs)-1)])
		}
		out[reportColumnIDs[i]] = c
		i++
	}
	if i != len(reportColumnIDs) {
		t.Fatalf("a row has %d cells, want %d", i, len(reportColumnIDs))
	}
	return out
}

var (
	sourceNumber = regexp.MustCompile(`^\[\d+\] \S`)
	externalURL  = regexp.MustCompile(`(?i)url\(\s*['"]?[^#'"\s]`)
)

var orderProp = regexp.MustCompile(`--o-([a-z]+):(\d+)`)

// orders are a row's sort ranks, from its style attribute.
func orders(t *testing.T, row *html.Node) map[string]int {
	t.Helper()
	style, _ := attr(row, "style")
	out := map[string]int{}
	for _, m := range orderProp.FindAllStringSubmatch(style, -1) {
		out[m[1]], _ = strconv.Atoi(m[2])
	}
	if len(out) != len(reportColumnIDs) {
		t.Fatalf("row style %q gives %d sort orders, want one per column %v", style, len(out), reportColumnIDs)
	}
	return out
}

// TestReportStructure checks the default report as a browser would read
// it: one row per record drawn, in date order, each with its five cells;
// every column's sort order a permutation; the figure's own SVG inline;
// radio buttons and labels that match; and nothing that runs or fetches.
func TestReportStructure(t *testing.T) {
	g, f := defaultReport(t)
	doc := Report(g, f, Options{Subtitle: "A subtitle"})
	if p := safecheck.HTML(doc); p != nil {
		t.Errorf("the report is not inert:\n%s", strings.Join(p, "\n"))
	}
	d := parseReport(t, doc)

	// One row per distinct record drawn: the default dataset draws all 33.
	want := recordCount(g)
	if want != 33 || len(d.rows) != want {
		t.Fatalf("%d rows for %d records drawn; the default dataset draws 33", len(d.rows), want)
	}
	seen := map[string]bool{}
	perm := map[string][]int{}
	var prev graph.Date
	for i, row := range d.rows {
		c := cells(t, row)
		text := map[string]string{}
		for id, n := range c {
			text[id] = strings.TrimSpace(textOf(n))
			if text[id] == "" {
				t.Errorf("row %d: empty %s cell", i+1, id)
			}
		}
		key := text["date"] + "|" + text["type"] + "|" + text["parties"] + "|" + text["note"]
		if seen[key] {
			t.Errorf("row %d repeats %q", i+1, key)
		}
		seen[key] = true
		times := findAll(c["date"], func(n *html.Node) bool { return n.DataAtom == atom.Time })
		if len(times) == 0 {
			t.Fatalf("row %d: no <time> in the date cell", i+1)
		}
		dt, _ := attr(times[0], "datetime")
		start, err := graph.ParseDate(dt)
		if err != nil {
			t.Fatalf("row %d: datetime %q: %v", i+1, dt, err)
		}
		if i > 0 && start.Compare(prev) < 0 {
			t.Errorf("row %d (%s) comes after %s: rows are not in date order", i+1, start, prev)
		}
		prev = start
		if !sourceNumber.MatchString(text["source"]) {
			t.Errorf("row %d: source %q has no source number", i+1, text["source"])
		}
		for id, o := range orders(t, row) {
			perm[id] = append(perm[id], o)
		}
		// Written in date order, the date rank is the row's place.
		if o := orders(t, row)["date"]; o != i+1 {
			t.Errorf("row %d has --o-date %d", i+1, o)
		}
	}
	for id, p := range perm {
		slices.Sort(p)
		for i, o := range p {
			if o != i+1 {
				t.Fatalf("--o-%s values are not a permutation of 1..%d: %v", id, len(p), p)
			}
		}
	}

	// The participants of each edge appear in some row of its type.
	for _, e := range g.Edges {
		from, _ := g.Dataset.Entity(e.From)
		to, _ := g.Dataset.Entity(e.To)
		typ, _ := g.Dataset.Type(e.Type)
		found := false
		for _, row := range d.rows {
			c := cells(t, row)
			p := textOf(c["parties"])
			if strings.Contains(textOf(c["type"]), typ.Label) && strings.Contains(p, from.Name) && strings.Contains(p, to.Name) {
				found = true
				break
			}
		}
		if !found {
			t.Errorf("no %s row between %s and %s", typ.Label, from.Name, to.Name)
		}
	}

	// The figure is the SVG f.SVG writes, inline, once.
	svg := f.SVG(false)
	body := svg[bytes.Index(svg, []byte("<svg")):]
	if !bytes.Contains(doc, body) {
		t.Error("the report does not hold the figure's SVG as -f svg writes it")
	}
	if bytes.Contains(doc, []byte("<?xml")) {
		t.Error("the report keeps the SVG's XML declaration")
	}
	top := findAll(d.root, func(n *html.Node) bool {
		return n.DataAtom == atom.Svg && n.Parent != nil && n.Parent.DataAtom == atom.Figure
	})
	if len(top) != 1 {
		t.Errorf("%d figures inline, want 1", len(top))
	}

	// Nothing runs or fetches; every link goes to a web page.
	ids := map[string]bool{}
	for _, n := range findAll(d.root, func(n *html.Node) bool { return n.Type == html.ElementNode }) {
		switch n.DataAtom {
		case atom.Script, atom.Iframe, atom.Object, atom.Embed, atom.Link, atom.Img, atom.Base:
			t.Errorf("the report has a <%s>", n.Data)
		}
		if n.Data == "foreignObject" || n.Data == "foreignobject" {
			t.Error("the report has a <foreignObject>")
		}
		for _, a := range n.Attr {
			key := strings.ToLower(a.Key)
			switch {
			case strings.HasPrefix(key, "on"):
				t.Errorf("<%s> has an event handler %s", n.Data, a.Key)
			case key == "src", key == "srcset", key == "action", key == "formaction":
				t.Errorf("<%s> has %s=%q", n.Data, a.Key, a.Val)
			case key == "href":
				if !strings.HasPrefix(a.Val, "https://") && !strings.HasPrefix(a.Val, "http://") && !strings.HasPrefix(a.Val, "#") {
					t.Errorf("<%s href=%q> is not a web link", n.Data, a.Val)
				}
			case key == "id":
				if ids[a.Val] {
					t.Errorf("two elements have id %q", a.Val)
				}
				ids[a.Val] = true
			}
		}
	}
	if externalURL.Match(doc) || bytes.Contains(doc, []byte("@import")) {
		t.Error("the style sheet refers to another file")
	}

	// Two radio buttons per column, one checked (date ascending, the
	// order written); each heading has a label for each.
	radios := findAll(d.root, func(n *html.Node) bool { return n.DataAtom == atom.Input })
	if len(radios) != 2*len(reportColumnIDs) {
		t.Fatalf("%d radio buttons, want %d", len(radios), 2*len(reportColumnIDs))
	}
	labels := map[string]bool{}
	for _, l := range findAll(d.root, func(n *html.Node) bool { return n.DataAtom == atom.Label }) {
		v, _ := attr(l, "for")
		labels[v] = true
	}
	checked := 0
	for _, r := range radios {
		id, _ := attr(r, "id")
		if typ, _ := attr(r, "type"); typ != "radio" {
			t.Errorf("input %s is %q, want a radio button", id, typ)
		}
		if !labels[id] {
			t.Errorf("no heading label for %s", id)
		}
		if _, ok := attr(r, "checked"); ok {
			checked++
			if id != "sort-date-asc" {
				t.Errorf("%s is checked, want sort-date-asc", id)
			}
		}
		if !bytes.Contains(doc, []byte("#"+id+":checked")) {
			t.Errorf("no CSS rule for %s", id)
		}
	}
	if checked != 1 {
		t.Errorf("%d radio buttons checked, want 1", checked)
	}

	for _, want := range []string{"<title>" + pageAttr(f.title) + "</title>", "<h1>" + pageText(f.title) + "</h1>", "A subtitle",
		"prefers-color-scheme:dark", "@media print", "Content-Security-Policy"} {
		if !bytes.Contains(doc, []byte(want)) {
			t.Errorf("the report lacks %q", want)
		}
	}
}

// TestReportSortOrders checks each column's ranks against the order a
// reader expects: alphabetical by the reader's rules (case and accents
// second, Émile between Eliza and Fay), ties by date; sources by number.
func TestReportSortOrders(t *testing.T) {
	ds := &graph.Dataset{
		ID: "sorts", Title: "Sorts",
		Types: []graph.Type{{ID: "zeta", Label: "zeta talks", Sign: graph.Neutral, Weight: 1}, {ID: "alpha", Label: "Alpha pact", Sign: graph.Positive, Weight: 1}},
		Entities: []graph.Entity{
			{ID: "e", Kind: graph.KindCountry, Name: "Émile"}, {ID: "f", Kind: graph.KindCountry, Name: "Fay"},
			{ID: "l", Kind: graph.KindCountry, Name: "Eliza"}, {ID: "z", Kind: graph.KindCountry, Name: "zed"},
		},
		Sources: []graph.Source{{ID: "b", Title: "Second"}, {ID: "a", Title: "First"}},
		Records: []graph.Record{
			{Type: "zeta", Parties: []string{"f", "z"}, Start: graph.MustDate("2020-05"), Weight: 1, Note: "banana", Source: "b"},
			{Type: "alpha", Parties: []string{"e", "z"}, Start: graph.MustDate("2019"), Weight: 1, Note: "Apple", Source: "a", Cite: "p. 2"},
			{Type: "zeta", Parties: []string{"l", "z"}, Start: graph.MustDate("2020-05-01"), Weight: 1, Note: "cherry", Source: "a", Cite: "p. 1"},
			{Type: "alpha", Parties: []string{"f", "e"}, Directed: true, Start: graph.MustDate("2020-05"), End: graph.MustDate("2021"), Weight: 1, Note: "apple", Source: "b"},
		},
	}
	g := graph.Build(ds, graph.Filter{})
	rows := reportRows(g)
	got := func(col string) []string {
		doc := Report(g, &Figure{title: "Sorts"}, Options{})
		d := parseReport(t, doc)
		out := make([]string, len(d.rows))
		for _, row := range d.rows {
			c := cells(t, row)
			out[orders(t, row)[col]-1] = strings.TrimSpace(textOf(c[col]))
		}
		return out
	}
	if len(rows) != 4 {
		t.Fatalf("%d rows, want 4", len(rows))
	}
	tests := []struct {
		col  string
		want []string
	}{
		// 2020-05 (a month) sorts before 2020-05-01 (a day in it); an
		// event before a period starting the same month.
		{"date", []string{"2019", "May 2020", "May 2020 – 2021", "1 May 2020"}},
		{"type", []string{"Alpha pact", "Alpha pact", "zeta talks", "zeta talks"}},
		{"parties", []string{"Eliza – zed", "Émile – zed", "Fay → Émile", "Fay – zed"}},
		// apple and Apple are equal but for case: the earlier date first.
		{"note", []string{"Apple", "apple", "banana", "cherry"}},
		// Sources are numbered by id (a before b), then by cite.
		{"source", []string{"[1] First, p. 1", "[1] First, p. 2", "[2] Second", "[2] Second"}},
	}
	for _, tt := range tests {
		if order := got(tt.col); !slices.Equal(order, tt.want) {
			t.Errorf("sorted by %s: %q, want %q", tt.col, order, tt.want)
		}
	}
	// The notes tie apple/Apple; check the tie went by date, not by data
	// order: Apple (2019) before apple (2020).
	d := parseReport(t, Report(g, &Figure{title: "Sorts"}, Options{}))
	for _, row := range d.rows {
		c := cells(t, row)
		if strings.TrimSpace(textOf(c["note"])) == "Apple" && orders(t, row)["note"] != 1 {
			t.Error("the note tie Apple/apple did not go to the earlier record")
		}
	}
}

// TestReportLinks: a source becomes a link only when its URL is an
// absolute http or https address; any other URL is shown as text, never
// as a link.
func TestReportLinks(t *testing.T) {
	urls := []struct {
		url  string
		link bool
	}{
		{"https://example.org/a?b=1&c=2", true},
		{"http://example.org/x", true},
		{"HTTPS://EXAMPLE.ORG/Y", true},
		{"javascript:alert(1)", false},
		{" JavaScript:alert(document.domain)", false},
		{"data:text/html,<script>alert(1)</script>", false},
		{"vbscript:msgbox(1)", false},
		{"file:///etc/passwd", false},
		{"//example.org/protocol-relative", false},
		{"/relative/path", false},
		{"mailto:someone@example.org", false},
		{"ftp://example.org/f", false},
		{"https:/no-host", false},
		{"http://exa mple.org/", false},
	}
	ds := &graph.Dataset{ID: "links", Title: "Links",
		Entities: []graph.Entity{{ID: "a", Kind: graph.KindCountry, Name: "A"}, {ID: "b", Kind: graph.KindCountry, Name: "B"}}}
	for i, u := range urls {
		id := fmt.Sprintf("s%02d", i)
		ds.Sources = append(ds.Sources, graph.Source{ID: id, Title: "Source " + id, URL: u.url})
		ds.Records = append(ds.Records, graph.Record{Type: "summit", Parties: []string{"a", "b"}, Start: graph.MustDate(fmt.Sprintf("20%02d", 10+i)), Weight: 1, Note: "n" + id, Source: id})
	}
	g := graph.Build(ds, graph.Filter{})
	doc := Report(g, &Figure{title: "Links"}, Options{})
	if p := safecheck.HTML(doc); p != nil {
		t.Errorf("the report is not inert:\n%s", strings.Join(p, "\n"))
	}
	d := parseReport(t, doc)
	hrefs := map[string]int{}
	for _, a := range findAll(d.root, func(n *html.Node) bool { return n.DataAtom == atom.A }) {
		h, _ := attr(a, "href")
		hrefs[strings.ToLower(h)]++
	}
	for _, u := range urls {
		n := hrefs[strings.ToLower(strings.TrimSpace(u.url))]
		switch {
		case u.link && n != 2: // the table's row and the list of sources
			t.Errorf("%q is linked %d times, want 2", u.url, n)
		case !u.link && n != 0:
			t.Errorf("%q became a link", u.url)
		}
	}
	if len(hrefs) != 3 {
		t.Errorf("links %v, want only the three web addresses", hrefs)
	}
	// A URL that is not a link is still shown, as text.
	list := findAll(d.root, func(n *html.Node) bool { return n.DataAtom == atom.Ol })
	if len(list) != 1 || !strings.Contains(textOf(list[0]), "javascript:alert(1)") {
		t.Error("the list of sources does not show a non-web URL as text")
	}
}

// TestReportHostileText puts markup, escapes and control characters in
// every field the report shows: the page must stay inert and show each
// text literally, in the cell it belongs in.
func TestReportHostileText(t *testing.T) {
	hostile := []string{`<script>alert(1)</script>`, `</td></tr></table><img src=x onerror=alert(1)>`, `"><b onmouseover=alert(1)>x</b>`,
		`]]> --> <!--`, `&amp; &lt; &#39;`, "javascript:alert(1)", `' onfocus='alert(1)`, "--o-date:0;order:-1", "\u202Eevil", "line\nbreak"}
	for i, h := range hostile {
		ds := &graph.Dataset{
			ID: "hostile", Title: h, Description: h,
			Types:    []graph.Type{{ID: "t", Label: "T " + h, Sign: graph.Negative, Weight: 1}},
			Entities: []graph.Entity{{ID: "a", Kind: graph.KindCountry, Name: "A " + h}, {ID: "b", Kind: graph.KindLeader, Name: "B " + h, Country: "a"}},
			Records:  []graph.Record{{Type: "t", Parties: []string{"a", "b"}, Start: graph.MustDate("2025"), Weight: 2, Label: h, Note: "N " + h, Source: "s", Cite: "C " + h}},
			Sources:  []graph.Source{{ID: "s", Title: "S " + h, Publisher: h, Note: h, URL: h}},
		}
		g := graph.Build(ds, graph.Filter{})
		doc := Report(g, &Figure{title: h}, Options{Subtitle: h})
		if p := safecheck.HTML(doc); p != nil {
			t.Errorf("case %d (%q): not inert:\n%s", i, h, strings.Join(p, "\n"))
		}
		d := parseReport(t, doc)
		if len(d.rows) != 1 {
			t.Fatalf("case %d: %d rows, want 1", i, len(d.rows))
		}
		c := cells(t, d.rows[0])
		for col, want := range map[string]string{"type": "T " + h, "parties": "A " + h + " – B " + h, "note": "N " + h, "source": "S " + h} {
			if got := textOf(c[col]); !strings.Contains(got, want) {
				t.Errorf("case %d: %s cell %q does not show %q", i, col, got, want)
			}
		}
		orders(t, d.rows[0]) // the style attribute still holds exactly five orders
		for _, n := range findAll(d.root, func(n *html.Node) bool { return n.Type == html.ElementNode }) {
			switch n.DataAtom {
			case atom.Script, atom.Img, atom.B:
				t.Errorf("case %d: a <%s> element came from the data", i, n.Data)
			}
		}
	}
}

// TestReportDeterministic lays the default figure out a second time (in
// a fresh worker, as fdp needs) and compares the whole page.
func TestReportDeterministic(t *testing.T) {
	g, f := defaultReport(t)
	a := Report(g, f, Options{})
	f2, err := Lay(context.Background(), sharedGraphviz(t), g, Options{Layout: DefaultLayout, EdgeLabels: "caption", Seed: DefaultSeed}, false)
	if err != nil {
		t.Fatal(err)
	}
	if b := Report(g, f2, Options{}); !bytes.Equal(a, b) {
		t.Errorf("two reports of the same figure differ (%d and %d bytes): %s", len(a), len(b), firstDiff(string(a), string(b)))
	}
}

// TestWebURL lists what becomes a link.
func TestWebURL(t *testing.T) {
	for in, want := range map[string]string{
		"https://example.org/a b": "https://example.org/a%20b",
		"http://x.org":            "http://x.org",
		"  https://x.org/  ":      "https://x.org/",
		"javascript:alert(1)":     "",
		"JAVASCRIPT://x.org/%0A":  "",
		"https://":                "",
		"x.org":                   "",
		"":                        "",
	} {
		if got := webURL(in); got != want {
			t.Errorf("webURL(%q) = %q, want %q", in, got, want)
		}
	}
}

package render

import (
	"bytes"
	"fmt"
	"io"
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/dipgraph/dipgraph/graph"
)

// fontName is the font Graphviz sizes text for. Helvetica has metrics built
// into Graphviz, so layouts are the same on every machine.
const fontName = "Helvetica"

// DOT writes the relation graph as Graphviz DOT text for other tools
// (render -f dot, export -f dot). The output depends only on g and o:
// nodes, clusters and edges are written in sorted order and get synthetic
// ids, and every piece of user text goes through dotString. The graph's
// layout attribute names the engine the text is made for (engineFor), so
// any Graphviz command draws it with that engine:
// "dot -Tsvg" lays out the default figure with fdp, as dipgraph does.
func DOT(w io.Writer, g *graph.Graph, o Options) error {
	return writeDOT(w, g, o, true)
}

// graphvizDOT is the DOT text dipgraph lays out itself: DOT's, without the
// layout attribute. Each layout names its engine, and Graphviz lets the
// attribute override the engine it is called with (a pinned snapshot drawn
// with nop2 would be laid out afresh).
func graphvizDOT(w io.Writer, g *graph.Graph, o Options) error {
	return writeDOT(w, g, o, false)
}

// engineFor is the Graphviz engine that draws DOT's text of g as dipgraph
// does: o's layout as it applies to g (fdp gives way to sfdp for large
// graphs, see Options.ForGraph), or nop2 (neato -n2, which keeps every
// node where it is given) when the positions are pinned, as in a
// timeline's snapshots.
func engineFor(g *graph.Graph, o Options) string {
	o, _ = o.ForGraph(g)
	if o.Overlay != nil && o.Overlay.pins != nil {
		return pinEngine
	}
	return o.Layout
}

// writeDOT writes DOT's text; engine adds the layout attribute.
func writeDOT(w io.Writer, g *graph.Graph, o Options, engine bool) error {
	o, _ = o.ForGraph(g)
	var b bytes.Buffer
	th := o.theme()
	styles := o.typeStyles(g.Dataset)
	cite := citations(g)
	ov := o.Overlay.prepare(g, th)
	ids := map[string]string{}
	for i, n := range g.Nodes {
		ids[n.ID] = fmt.Sprintf("n%d", i)
	}

	fmt.Fprintf(&b, "digraph %s {\n", dotString(g.Dataset.ID))
	attrs := ov.graph(sizedAttrs(graphAttrs(o), g, o))
	if e := engineFor(g, o); engine && e != "" {
		attrs = append([][2]string{{"layout", e}}, attrs...)
	}
	writeAttrs(&b, "  graph", attrs)
	k := o.textScale()
	writeAttrs(&b, "  node", [][2]string{{"fontname", fontName}, {"fontsize", scaled(12, k)}, {"margin", scaledPair("0.08,0.04", k)}})
	writeAttrs(&b, "  edge", [][2]string{{"fontname", fontName}, {"fontsize", scaled(edgeFont, k)}, {"fontcolor", th.EdgeText}})

	// People grouped under their country: a cluster per country that has
	// people in the figure (for engines that draw clusters).
	members := map[string][]*graph.Entity{}
	for _, n := range g.Nodes {
		if n.Country != "" && ids[n.Country] != "" {
			members[n.Country] = append(members[n.Country], n)
		}
	}
	written := map[string]bool{}
	if o.clusters() {
		c := 0
		for _, n := range g.Nodes {
			people := members[n.ID]
			if len(people) == 0 {
				continue
			}
			fmt.Fprintf(&b, "  subgraph cluster_%d {\n", c)
			c++
			writeAttrs(&b, "    graph", ov.cluster(n.ID, thicker([][2]string{
				{"id", "cluster-" + n.ID}, {"label", ""}, {"style", "rounded,filled"}, {"fillcolor", th.Cluster[0]},
				{"color", th.Cluster[1]}, {"penwidth", "1"}, {"margin", "10"},
				{"tooltip", n.Name + " and its people"},
			}, o.lines())))
			for _, m := range append([]*graph.Entity{n}, people...) {
				b.WriteString("    ")
				writeNode(&b, ids[m.ID], m, g, th, ov, k, o.lines())
				written[m.ID] = true
			}
			b.WriteString("  }\n")
		}
	}
	for _, n := range g.Nodes {
		if !written[n.ID] {
			b.WriteString("  ")
			writeNode(&b, ids[n.ID], n, g, th, ov, k, o.lines())
		}
	}
	if !o.clusters() {
		for _, n := range g.Nodes {
			for _, m := range members[n.ID] {
				fmt.Fprintf(&b, "  %s -> %s", ids[n.ID], ids[m.ID])
				writeAttrList(&b, thicker([][2]string{{"dir", "none"}, {"color", th.MemberLine}, {"penwidth", "0.8"},
					{"len", "1.1"}, {"weight", "3"}, {"tooltip", m.Name + " belongs to " + n.Name}}, o.lines()))
				b.WriteString("\n")
			}
		}
	}
	for i, e := range g.Edges {
		t, _ := g.Dataset.Type(e.Type)
		attrs := [][2]string{{"id", fmt.Sprintf("edge-%d", i+1)}}
		attrs = append(attrs, th.edgeAttrs(styles[e.Type], e)...)
		var cites func(*graph.Record) string
		if o.Cite {
			cites = cite
		}
		who := whoDid(g, e)
		l := edgeLabel(e, o.EdgeLabels, cites, who)
		tip := edgeTooltip(g.Dataset, t, e, who)
		if cs := pairCaptions(g, e); len(cs) > 0 {
			// The curator's caption instead of the rows, which stay in
			// the tooltip (and the report) under every caption given.
			if o.EdgeLabels == "caption" {
				l = captionText(g, cs[0], o.Cite)
			}
			first, rest, _ := strings.Cut(tip, "\n")
			for i := len(cs) - 1; i >= 0; i-- {
				rest = "“" + cs[i].Caption + "”\n" + rest
			}
			tip = first + "\n" + rest
		}
		if l != "" {
			attrs = append(attrs, [2]string{o.labelAttr(), l})
		}
		attrs = append(attrs, [2]string{"tooltip", tip})
		attrs = thicker(ov.edge(e, attrs, o.labelAttr()), o.lines())
		fmt.Fprintf(&b, "  %s -> %s", ids[e.From], ids[e.To])
		writeAttrList(&b, attrs)
		b.WriteString("\n")
	}
	b.WriteString("}\n")
	_, err := w.Write(b.Bytes())
	return err
}

// fdpK is fdp's spring length: 1.6 spaces the country frames so they do
// not overlap; the layout search may loosen it.
func fdpK(o Options) string {
	if o.spread == 0 || o.spread == 1 {
		return "1.6"
	}
	return strconv.FormatFloat(math.Round(1.6*o.spread*100)/100, 'f', -1, 64)
}

func graphAttrs(o Options) [][2]string {
	a := [][2]string{
		{"id", "relations"}, {"fontname", fontName}, {"bgcolor", "transparent"},
		{"pad", "0.15"}, {"outputorder", "edgesfirst"},
	}
	switch o.Layout {
	case "dot":
		// newrank: without it, dot with clusters can fail ("trouble in
		// init_rank") and drop edges.
		a = append(a, [2]string{"splines", "true"}, [2]string{"newrank", "true"}, [2]string{"rankdir", "LR"},
			[2]string{"nodesep", "0.35"}, [2]string{"ranksep", "0.9"})
	case "fdp":
		// Curved splines keep two relations between one pair apart;
		// K spaces the clusters so their frames do not overlap.
		a = append(a, [2]string{"splines", "curved"}, [2]string{"K", fdpK(o)}, [2]string{"sep", "+14"},
			[2]string{"overlap", "false"}, [2]string{"start", strconv.Itoa(o.Seed)}, [2]string{"maxiter", "1200"})
	case "neato":
		a = append(a, [2]string{"splines", "curved"}, [2]string{"overlap", "false"}, [2]string{"sep", "+12"}, [2]string{"start", strconv.Itoa(o.Seed)})
	case "sfdp":
		// The embedded Graphviz has no triangulation library, so sfdp
		// cannot remove overlaps the default way ("overlap=false"
		// fails); Voronoi adjustment works everywhere.
		a = append(a, [2]string{"splines", "curved"}, [2]string{"overlap", "voronoi"}, [2]string{"sep", "+12"}, [2]string{"start", strconv.Itoa(o.Seed)})
	case "circo", "twopi":
		a = append(a, [2]string{"splines", "curved"}, [2]string{"overlap", "false"}, [2]string{"sep", "+12"})
	}
	return a
}

// writeNode writes an entity's node, its text k times the theme's size
// (Options.TextScale) and its outline lines times as wide.
func writeNode(b *bytes.Buffer, id string, e *graph.Entity, g *graph.Graph, th *Theme, ov *overlay, k, lines float64) {
	d := g.Dataset
	s := th.kind(e.Kind)
	label := strings.Join(wrap(e.Name, s.FontSize, nameWidth), "\n")
	if e.Native != "" && e.Native != e.Name {
		label += "\n" + e.Native
	}
	nl, size, tip := nodeLabel(label, s.Bold), s.FontSize, nodeTooltip(e, d)
	if ms := g.Members[e.ID]; len(ms) > 0 || len(g.Inner[e.ID]) > 0 {
		// A country of a country-level figure, its people inside: the
		// node's size is its people's, its smallest text.
		size = th.kind(graph.KindLeader).FontSize
		if len(ms) > 0 {
			nl = countryLabel(e, ms, s, size, k)
		} else {
			size = s.FontSize
		}
		tip = countryTooltip(tip, g, e.ID)
	}
	attrs := [][2]string{
		{"id", "node-" + e.ID},
		nl,
		{"shape", s.Shape}, {"style", s.Style},
		{"fillcolor", s.Fill}, {"color", s.Border}, {"fontcolor", s.FontColor},
		{"penwidth", fmt.Sprintf("%g", s.PenWidth)},
		{"fontsize", scaled(size, k)},
		{"tooltip", tip},
	}
	if s.Margin != "" {
		attrs = append(attrs, [2]string{"margin", scaledPair(s.Margin, k)})
	}
	attrs = thicker(ov.node(e, attrs, k), lines)
	b.WriteString(id)
	writeAttrList(b, attrs)
	b.WriteString("\n")
}

func writeAttrs(b *bytes.Buffer, what string, attrs [][2]string) {
	b.WriteString(what)
	writeAttrList(b, attrs)
	b.WriteString("\n")
}

// writeAttrList writes [k="v", …]; every value goes through dotString (or
// dotTooltip).
func writeAttrList(b *bytes.Buffer, attrs [][2]string) {
	b.WriteString(" [")
	for i, a := range attrs {
		if i > 0 {
			b.WriteString(", ")
		}
		switch a[0] {
		case "tooltip":
			b.WriteString(a[0] + "=" + dotTooltip(a[1]))
			continue
		case htmlLabel:
			b.WriteString("label=<" + a[1] + ">")
			continue
		case leftLabel:
			b.WriteString(`label="` + escapeText(a[1], `\l`, `\\`) + `\l"`)
			continue
		}
		b.WriteString(a[0] + "=" + dotString(a[1]))
	}
	b.WriteString("]")
}

// captionWidth is the width, in points, beyond which an edge caption's
// date goes on a line of its own.
const captionWidth = 80.0

// nameWidth is the width, in points, beyond which a node's name wraps (at
// the theme's size: a name wraps at the same words at any TextScale).
const nameWidth = 200.0

// edgeFont is the size of edge text, in points, at TextScale 1.
const edgeFont = 8.5

// scaledPair scales a Graphviz "x,y" (or "x") number attribute by k,
// leaving anything else as it is.
func scaledPair(v string, k float64) string {
	if k == 1 {
		return v
	}
	parts := strings.Split(v, ",")
	for i, p := range parts {
		f, err := strconv.ParseFloat(strings.TrimSpace(p), 64)
		if err != nil {
			return v
		}
		parts[i] = scaled(f, k)
	}
	return strings.Join(parts, ",")
}

// edgeLabel is the text on an edge for the chosen --edge-labels mode. With
// cite set, each caption line ends with its record's source number, and
// other labels with the numbers of all the edge's sources.
func edgeLabel(e *graph.Edge, mode string, cite func(*graph.Record) string, who func(*graph.Record) string) string {
	all := func(l string) string {
		if cite == nil {
			return l
		}
		var nums []string
		for _, r := range e.Records {
			if c := cite(r); c != "" && !slices.Contains(nums, c) {
				nums = append(nums, c)
			}
		}
		slices.SortFunc(nums, func(a, b string) int {
			x, _ := strconv.Atoi(a)
			y, _ := strconv.Atoi(b)
			return x - y
		})
		if len(nums) == 0 {
			return l
		}
		return strings.TrimSpace(l + " [" + strings.Join(nums, ",") + "]")
	}
	switch mode {
	case "none":
		return all("")
	case "count":
		return all(fmt.Sprintf("%d", len(e.Records)))
	case "weight":
		return all(fmt.Sprintf("%g", e.Weight))
	case "date":
		return all(dateSpan(e))
	}
	// caption: the short labels the curator wrote, each with its date,
	// at most three rows (the key and the tooltip have them all).
	lines := captionRows(e, cite, who)
	if len(lines) > 3 {
		lines = append(lines[:2], fmt.Sprintf("+%d more", len(lines)-2))
	}
	if len(lines) == 0 {
		return all("")
	}
	return strings.Join(lines, "\n")
}

// captionRows are an edge's caption rows: the short labels the curator
// wrote, newest first (a bundle's heaviest first: rowOrder), each with its
// date, and on a bundled or country-level line who did it; records
// without a label stay in the tooltip only. A row's lines are split by
// "\n".
func captionRows(e *graph.Edge, cite func(*graph.Record) string, who func(*graph.Record) string) []string {
	var lines []string
	for _, r := range rowOrder(e) {
		if r.Label == "" {
			continue
		}
		when := recordWhen(r)
		if cite != nil && cite(r) != "" {
			when += " [" + cite(r) + "]"
		}
		// A long caption takes two lines, label then date: a narrow box
		// fits beside its own line where a wide one would reach others.
		// A row of a country-level or bundled line says who first, on a
		// line of its own, which the row's text may be as wide as.
		w := ""
		if who != nil {
			w = who(r)
		}
		l := r.Label + ", " + when
		if textWidth(l, edgeFont) > max(captionWidth, textWidth(w+":", edgeFont)) {
			l = r.Label + ",\n" + when
		}
		if w != "" {
			l = w + ":\n" + l
		}
		if !slices.Contains(lines, l) {
			lines = append(lines, l)
		}
	}
	return lines
}

// recordWhen is a record's dates as its caption gives them: its date, the
// span of a closed period or a multi-day event ("war, 1997–2003",
// "18–20 Sep 2018"), or "since" the start of an ongoing one.
func recordWhen(r *graph.Record) string {
	switch {
	case r.Ongoing:
		return "since " + r.Start.Human()
	case !r.End.IsZero():
		return graph.HumanSpan(r.Start, r.End)
	}
	return r.Start.Human()
}

// citations numbers the figure's sources as its source notes do ([1] is
// g.Sources[0]) and returns a record's source number.
func citations(g *graph.Graph) func(*graph.Record) string {
	num := map[string]string{}
	for i, s := range g.Sources {
		num[s.ID] = fmt.Sprint(i + 1)
	}
	return func(r *graph.Record) string { return num[r.Source] }
}

func dateSpan(e *graph.Edge) string {
	first, last := e.First().Human(), e.Last().Human()
	if first == last {
		return first
	}
	return first + " – " + last
}

// edgeTooltip is an edge's tooltip: its type, ends and weight, then one
// line per record with the record's date, label, note and source, so every
// record's label reaches the figure even when the caption shows "+N more".
func edgeTooltip(d *graph.Dataset, t graph.Type, e *graph.Edge, who func(*graph.Record) string) string {
	from, _ := d.Entity(e.From)
	to, _ := d.Entity(e.To)
	arrow := " – "
	if e.Directed {
		arrow = " → "
	}
	n := "record"
	if len(e.Records) != 1 {
		n = "records"
	}
	lines := []string{fmt.Sprintf("%s: %s%s%s (weight %g, %d %s)", t.Label, from.Name, arrow, to.Name, e.Weight, len(e.Records), n)}
	for _, r := range e.Records {
		when := r.Start.String()
		switch {
		case r.Ongoing:
			when = "since " + when
		case !r.End.IsZero():
			when += " – " + r.End.String()
		}
		src := r.Source
		if s, ok := d.Source(r.Source); ok {
			src = s.Title
		}
		if r.Cite != "" {
			src = strings.TrimPrefix(src+", "+r.Cite, ", ")
		}
		if !r.Reported.IsZero() {
			when += " (reported " + r.Reported.Human() + ")"
		}
		label, note := strings.TrimSpace(r.Label), strings.TrimSpace(r.Note)
		if note == label {
			note = ""
		}
		note = clipText(note, TooltipNoteLen)
		if who != nil {
			// Who did what, and of which type, on a bundled or
			// country-level line.
			pre := who(r)
			if graph.IsTie(e.Type) {
				rt, _ := d.Type(r.Type)
				pre = strings.TrimSuffix(rt.Label+": "+pre, ": ")
			}
			label = strings.TrimPrefix(pre+": "+label, ": ")
		}
		lines = append(lines, "• "+strings.Join(slices.DeleteFunc([]string{when, label, note, src}, func(s string) bool { return s == "" }), " — "))
	}
	return strings.Join(lines, "\n")
}

func nodeTooltip(e *graph.Entity, d *graph.Dataset) string {
	name := e.Name
	if e.Native != "" {
		name += " (" + e.Native + ")"
	}
	lines := []string{name}
	kind := string(e.Kind)
	if c, ok := d.Entity(e.Country); ok && e.Country != "" {
		kind += ", " + c.Name
	}
	lines = append(lines, kind)
	for _, r := range e.Roles {
		span := r.Start.String() + " –"
		if !r.End.IsZero() {
			span += " " + r.End.String()
		}
		lines = append(lines, fmt.Sprintf("%s (%s)", r.Title, strings.TrimSpace(span)))
	}
	if len(e.Aliases) > 0 {
		lines = append(lines, "also: "+strings.Join(e.Aliases, ", "))
	}
	if e.Note != "" {
		lines = append(lines, clipText(e.Note, TooltipNoteLen))
	}
	return strings.Join(lines, "\n")
}

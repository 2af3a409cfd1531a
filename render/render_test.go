package render

import (
	"bytes"
	"context"
	"encoding/xml"
	"errors"
	"flag"
	"io"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/dipgraph/dipgraph/data/datatest"
	"github.com/dipgraph/dipgraph/graph"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/golden")

// loadDefault is the default embedded dataset, loaded.
func loadDefault(t testing.TB) *graph.Dataset { return datatest.Default(t) }

var (
	gvOnce sync.Once
	gvInst *Graphviz
	gvErr  error
)

// sharedGraphviz starts Graphviz once for the whole test binary, as the
// command does once per process.
func sharedGraphviz(t testing.TB) *Graphviz {
	gvOnce.Do(func() { gvInst, gvErr = NewGraphviz(context.Background()) })
	if gvErr != nil {
		t.Fatal(gvErr)
	}
	return gvInst
}

// dotOf is the DOT text dipgraph lays out itself (graphvizDOT).
func dotOf(t *testing.T, g *graph.Graph, o Options) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := graphvizDOT(&b, g, o); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// TestGoldenDOT compares the DOT text for several option sets with the
// files in testdata/golden; the options are encoded in the file name.
// Run with -update to accept a change after looking at the figure.
func TestGoldenDOT(t *testing.T) {
	ds := loadDefault(t)
	tests := []struct {
		name   string
		filter graph.Filter
		opts   Options
		level  string // DrawnGraph's level (empty: the built graph as it is)
	}{
		{"beijing-2025.fdp.caption.seed3", graph.Filter{}, Options{Layout: "fdp", EdgeLabels: "caption", Seed: 3}, ""},
		{"beijing-2025.dot.date", graph.Filter{}, Options{Layout: "dot", EdgeLabels: "date"}, ""},
		{"beijing-2025.neato.none", graph.Filter{}, Options{Layout: "neato", EdgeLabels: "none"}, ""},
		{"beijing-2025.fdp.count.focus-kim-jong-un-1", graph.Filter{Focus: "kim-jong-un", Depth: 1}, Options{Layout: "fdp", EdgeLabels: "count"}, ""},
		{"beijing-2025.fdp.weight.asof-2019-06-30", graph.Filter{AsOf: graph.MustDate("2019-06-30"), Window: graph.Window{Years: 2}}, Options{Layout: "fdp", EdgeLabels: "weight"}, ""},
		{"beijing-2025.fdp.caption.seed3.theme-dark", graph.Filter{}, Options{Layout: "fdp", EdgeLabels: "caption", Seed: 3, Theme: "dark"}, ""},
		{"beijing-2025.fdp.caption.seed3.theme-print", graph.Filter{}, Options{Layout: "fdp", EdgeLabels: "caption", Seed: 3, Theme: "print"}, ""},
		{"beijing-2025.fdp.date.seed3.cite", graph.Filter{}, Options{Layout: "fdp", EdgeLabels: "date", Seed: 3, Cite: true}, ""},
		{"beijing-2025.fdp.none.seed3.cite", graph.Filter{}, Options{Layout: "fdp", EdgeLabels: "none", Seed: 3, Cite: true}, ""},
		{"beijing-2025.fdp.caption.seed3.stylesheet", graph.Filter{}, Options{Layout: "fdp", EdgeLabels: "caption", Seed: 3, Sheet: &graph.StyleSheet{
			Types: map[string]graph.Style{"alliance": {Color: "#112233", Line: "double"}},
			Kinds: map[graph.Kind]graph.KindStyle{graph.KindCountry: {Fill: "#FFEEDD", Shape: "hexagon"}},
		}}, ""},
		// The country level, bundled by sign and by type; people bundled
		// by sign; minor ties folded; the trio highlighted.
		{"beijing-2025.fdp.caption.seed3.country", graph.Filter{}, Options{Layout: "fdp", EdgeLabels: "caption", Seed: 3}, "country"},
		{"beijing-2025.fdp.caption.seed3.country.bundle-type", graph.Filter{}, Options{Layout: "fdp", EdgeLabels: "caption", Seed: 3, Bundle: "type"}, "country"},
		{"beijing-2025.fdp.caption.seed3.people.bundle-sign", graph.Filter{}, Options{Layout: "fdp", EdgeLabels: "caption", Seed: 3, Bundle: "sign"}, "people"},
		{"beijing-2025.fdp.caption.seed3.fold-below-3", graph.Filter{}, Options{Layout: "fdp", EdgeLabels: "caption", Seed: 3, FoldBelow: 3}, "people"},
		{"beijing-2025.fdp.caption.seed3.country.highlight-trio", graph.Filter{}, Options{Layout: "fdp", EdgeLabels: "caption", Seed: 3,
			Overlay: &Overlay{Highlight: []string{"xi-jinping", "kim-jong-un", "vladimir-putin"}}}, "country"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var b bytes.Buffer
			g := graph.Build(ds, tt.filter)
			if tt.level != "" {
				g = DrawnGraph(g, tt.level, tt.opts)
			}
			if err := DOT(&b, g, tt.opts); err != nil {
				t.Fatal(err)
			}
			golden := filepath.Join("testdata", "golden", tt.name+".dot")
			if *update {
				if err := os.MkdirAll(filepath.Dir(golden), 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(golden, b.Bytes(), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test ./render -update to create it)", err)
			}
			if !bytes.Equal(b.Bytes(), want) {
				t.Errorf("DOT differs from %s (run with -update to accept):\n%s", golden, firstDiff(b.String(), string(want)))
			}
		})
	}
}

func firstDiff(got, want string) string {
	g, w := strings.Split(got, "\n"), strings.Split(want, "\n")
	for i := 0; i < max(len(g), len(w)); i++ {
		var gl, wl string
		if i < len(g) {
			gl = g[i]
		}
		if i < len(w) {
			wl = w[i]
		}
		if gl != wl {
			return "line " + itoa(i+1) + ":\n got: " + gl + "\nwant: " + wl
		}
	}
	return ""
}

func itoa(i int) string { return strings.TrimSpace(strings.Repeat(" ", 0) + fmtInt(i)) }

func fmtInt(i int) string {
	if i == 0 {
		return "0"
	}
	var b []byte
	for ; i > 0; i /= 10 {
		b = append([]byte{byte('0' + i%10)}, b...)
	}
	return string(b)
}

func TestDotString(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Kim Jong Un", `"Kim Jong Un"`},
		{"김정은 习近平 Путин", `"김정은 习近平 Путин"`},
		{`say "hi"`, `"say &quot;hi&quot;"`},
		{`back\slash \N \G`, `"back\\slash \\N \\G"`},
		{"a & b <script>alert(1)</script>", `"a &amp; b &lt;script&gt;alert(1)&lt;/script&gt;"`},
		{"O'Neil", `"O&#39;Neil"`},
		{"line\nbreak\ttab\rcr", `"line\nbreak tab cr"`},
		{"nul\x00esc\x1bbell\x07", `"nulescbell"`},
		{"bad utf8 \xff\xfe end", `"bad utf8  end"`},
		{"rtl \u202Eevil", "\"rtl \u202Eevil\""},
		{"", `""`},
	}
	for _, tt := range tests {
		if got := dotString(tt.in); got != tt.want {
			t.Errorf("dotString(%q) = %s, want %s", tt.in, got, tt.want)
		}
	}
}

// TestSVG renders the default figure and checks it structurally: it parses
// as XML, nests the graph and the legend, carries the title, names in
// their own scripts and the sources, and is byte-identical run to run.
func TestSVG(t *testing.T) {
	ds := loadDefault(t)
	gv := sharedGraphviz(t)
	g := graph.Build(ds, graph.Filter{})
	opts := Options{Layout: DefaultLayout, EdgeLabels: "caption", Seed: DefaultSeed}
	svg, err := SVG(context.Background(), gv, g, opts)
	if err != nil {
		t.Fatal(err)
	}
	again, err := SVG(context.Background(), gv, g, opts)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(svg, again) {
		t.Error("two renders of the same graph differ")
	}
	checkXML(t, svg)
	s := string(svg)
	for _, want := range []string{
		`<title id="figure-title">` + xmlText(ds.Title) + "</title>",
		`id="figure-graph"`, `id="figure-legend"`, `id="sources"`,
		"Kim Jong Un", "김정은", "习近平", "Путин", "Kim Ju Ae",
		"Military support", "Summit / meeting", "Alliance",
		"Data as of Sep 2025",
		"[1] News analysis",
	} {
		if !strings.Contains(s, want) {
			t.Errorf("SVG lacks %q", want)
		}
	}
	if n := strings.Count(s, `class="edge"`); n < len(g.Edges) {
		t.Errorf("SVG has %d edges, want at least the graph's %d", n, len(g.Edges))
	}
	checkUniqueIDs(t, svg)
	for _, bad := range []string{"<script", "javascript:", "onload=", "onclick="} {
		if strings.Contains(s, bad) {
			t.Errorf("SVG contains %q", bad)
		}
	}
	if *update {
		os.WriteFile(filepath.Join("testdata", "beijing-2025.svg"), svg, 0o644)
	}
}

// TestSVGEveryLayout lays the default dataset out with every engine.
func TestSVGEveryLayout(t *testing.T) {
	ds := loadDefault(t)
	gv := sharedGraphviz(t)
	for _, l := range Layouts {
		t.Run(l, func(t *testing.T) {
			f, err := Lay(context.Background(), gv, graph.Build(ds, graph.Filter{}), Options{Layout: l, EdgeLabels: "caption"}, true)
			if err != nil {
				t.Fatal(err)
			}
			checkXML(t, f.SVG(false))
			// Painted too: Graphviz's drawing operations of every engine.
			if _, err := f.PNG(PaintOptions{DPI: 24}); err != nil {
				t.Fatal(err)
			}
		})
	}
}

// TestHostileText renders names and notes full of markup and escapes: the
// SVG must parse, show the text literally and contain nothing active.
func TestHostileText(t *testing.T) {
	gv := sharedGraphviz(t)
	hostile := []string{`<script>alert(1)</script>`, `]]>`, `-->`, `<b>bold</b>`, `a "quoted" \N \G name`, "line\nbreak", `&amp; &lt;`, "javascript:alert(1)", "\u202Eevil"}
	for i, h := range hostile {
		ds := &graph.Dataset{
			ID: "hostile", Title: h, Description: h,
			Entities: []graph.Entity{
				{ID: "a", Kind: graph.KindCountry, Name: h, Native: h},
				{ID: "b", Kind: graph.KindLeader, Name: "B " + h, Country: "a"},
			},
			Records: []graph.Record{{Type: "summit", Parties: []string{"a", "b"}, Start: graph.MustDate("2025"), Weight: 2, Label: h, Note: h, Source: "s"}},
			Sources: []graph.Source{{ID: "s", Title: h}},
		}
		svg, err := SVG(context.Background(), gv, graph.Build(ds, graph.Filter{}), Options{Layout: "fdp", EdgeLabels: "caption", Title: h})
		if err != nil {
			t.Fatalf("case %d (%q): %v", i, h, err)
		}
		checkXML(t, svg)
		s := string(svg)
		if strings.Contains(s, "<script") || strings.Contains(s, "<b>") {
			t.Errorf("case %d: raw markup from %q reached the SVG", i, h)
		}
		checkUniqueIDs(t, svg)
		texts := xmlTexts(t, svg)
		want := strings.Fields(h)[0]
		if !strings.Contains(texts, want) {
			t.Errorf("case %d: SVG text does not show %q literally", i, want)
		}
		// Names reach the labels and the tooltips intact (the
		// tooltip of node a starts with its name).
		if !strings.Contains(texts, h) {
			t.Errorf("case %d: %q does not appear intact in the SVG", i, h)
		}
	}
}

// checkUniqueIDs fails when two elements of the document share an id.
func checkUniqueIDs(t *testing.T, doc []byte) {
	t.Helper()
	seen := map[string]bool{}
	d := xml.NewDecoder(bytes.NewReader(doc))
	for {
		tok, err := d.Token()
		if err != nil {
			return
		}
		if el, ok := tok.(xml.StartElement); ok {
			for _, a := range el.Attr {
				if a.Name.Local == "id" {
					if seen[a.Value] {
						t.Errorf("duplicate id %q", a.Value)
					}
					seen[a.Value] = true
				}
			}
		}
	}
}

func checkXML(t *testing.T, doc []byte) {
	t.Helper()
	d := xml.NewDecoder(bytes.NewReader(doc))
	for {
		_, err := d.Token()
		if errors.Is(err, io.EOF) {
			return
		}
		if err != nil {
			t.Fatalf("SVG is not well-formed XML: %v", err)
		}
	}
}

// xmlTexts returns the decoded character data and attribute values of an
// XML document, as a viewer would show them.
func xmlTexts(t *testing.T, doc []byte) string {
	var b strings.Builder
	d := xml.NewDecoder(bytes.NewReader(doc))
	for {
		tok, err := d.Token()
		if err != nil {
			break
		}
		switch v := tok.(type) {
		case xml.CharData:
			b.Write(v)
			b.WriteByte(' ')
		case xml.StartElement:
			for _, a := range v.Attr {
				b.WriteString(a.Value + " ")
			}
		}
	}
	return b.String()
}

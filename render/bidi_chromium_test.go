package render

import (
	"context"
	"encoding/json"
	"html"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"testing"
	"time"

	"github.com/dipgraph/dipgraph/graph"
	"github.com/dipgraph/dipgraph/graph/graphtest"
)

// orderScript reads, for every <text> of the page's SVG, the order in
// which Chromium shows its characters: each character's extent, sorted
// from left to right (bidi controls, which it does not draw, left out).
// The result goes into <pre id="order"> as JSON, for --dump-dom.
const orderScript = `<script>
const controls = /[\u200E\u200F\u061C\u202A-\u202E\u2066-\u2069]/;
const out = {};
for (const el of document.querySelectorAll("svg text")) {
  const s = el.textContent, n = el.getNumberOfChars(), cs = [];
  for (let i = 0; i < n; i++) {
    const ch = s[i];
    if (controls.test(ch)) continue;
    const r = el.getExtentOfChar(i);
    cs.push({ch, x: r.x + r.width / 2, i});
  }
  cs.sort((a, b) => a.x - b.x || a.i - b.i);
  out[s] = cs.map(c => c.ch).join("");
}
document.getElementById("order").textContent = JSON.stringify(out);
</script>`

var dumpedOrder = regexp.MustCompile(`(?s)<pre id="order">(.*?)</pre>`)

// TestBidiChromium draws the bidi cases as entity names in a real figure
// (the SVG dipgraph writes), has headless Chromium lay the SVG out, and
// compares the order it shows each name's characters in with the order
// the PNG and PDF painters draw them in, and with bidiCases' order.
// Skipped where Chromium is not installed (.ci/run installs it).
func TestBidiChromium(t *testing.T) {
	bin, err := exec.LookPath("chromium")
	if err != nil {
		t.Skip("chromium is not installed (Debian package chromium; .ci/run installs it)")
	}
	cases := bidiCases
	ds := graphtest.Synthetic(len(cases), 1)
	for i, c := range cases {
		ds.Entities[i].Name = c.logical
	}
	g := graph.Build(ds, graph.Filter{})
	svg, err := SVG(context.Background(), sharedGraphviz(t), g, Options{Layout: "neato", EdgeLabels: "none", Seed: DefaultSeed})
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	page := filepath.Join(dir, "page.html")
	doc := "<!DOCTYPE html><meta charset=\"utf-8\"><body>" + string(svg) + "<pre id=\"order\"></pre>" + orderScript + "</body>"
	if err := os.WriteFile(page, []byte(doc), 0o644); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 90*time.Second)
	defer cancel()
	cmd := exec.CommandContext(ctx, bin, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
		"--disable-component-update", "--disable-sync", "--no-first-run", "--user-data-dir="+filepath.Join(dir, "profile"),
		"--dump-dom", "file://"+page)
	cmd.Env = append(os.Environ(), "HOME="+dir)
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("chromium: %v", err)
	}
	m := dumpedOrder.FindSubmatch(out)
	if m == nil {
		t.Fatalf("chromium's page has no order: %.500s", out)
	}
	var shown map[string]string
	if err := json.Unmarshal([]byte(html.UnescapeString(string(m[1]))), &shown); err != nil {
		t.Fatalf("chromium's order %q: %v", m[1], err)
	}
	fonts := testFonts(t)
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			browser, ok := shown[c.logical]
			if !ok {
				t.Fatalf("the figure has no <text> %q", c.logical)
			}
			runs, _, _ := fonts.shapeText(c.logical, false)
			if painted := visualText(runs); painted != browser {
				t.Errorf("%q: PNG and PDF paint %q, Chromium shows the SVG as %q", c.logical, painted, browser)
			}
			if browser != c.visual {
				t.Errorf("%q: Chromium shows %q, bidiCases say %q", c.logical, browser, c.visual)
			}
		})
	}
}

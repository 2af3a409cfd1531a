package render

import (
	"bytes"
	"image/color"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/dipgraph/dipgraph/graph"
	"github.com/dipgraph/dipgraph/graph/graphtest"
	"github.com/tdewolff/canvas/text"

	"github.com/dipgraph/dipgraph/internal/cputime"
)

// growth is how much more CPU time work(4n) takes than work(n), each the
// least of five interleaved runs. Linear work
// gives about 4, quadratic 16.
func growth(t *testing.T, n int, work func(n int)) float64 {
	t.Helper()
	run := func(n int) time.Duration {
		runtime.GC() // not the last run's garbage
		start := cputime.Self()
		work(n)
		return cputime.Self() - start
	}
	small, large := time.Duration(1<<63-1), time.Duration(1<<63-1)
	for range 5 { // interleaved, so a burst of load hits both sizes alike
		small, large = min(small, run(n)), min(large, run(4*n))
	}
	t.Logf("n=%d: %v; 4n: %v (×%.1f)", n, small, large, float64(large)/float64(small))
	return float64(large) / float64(max(small, time.Microsecond))
}

// maxGrowth is the ratio a linear (or n log n) step must stay under when
// its input grows fourfold: generous for a loaded machine, and still well
// under the 16 of a quadratic one.
const maxGrowth = 9

// longRun is a run of n one-byte characters, one glyph each, as shaping
// gives it (the glyphs need no font for clusterTexts).
func longRun(n int) textRun {
	glyphs := make([]text.Glyph, n)
	for i := range glyphs {
		glyphs[i] = text.Glyph{ID: uint16(1 + i%50), Cluster: uint32(i), Text: 'a'}
	}
	return textRun{text: strings.Repeat("a", n), glyphs: glyphs}
}

// TestClusterTextsGrowth: the PDF painter's text for each glyph took a
// scan of the run per glyph, so a 128 KB name took 30 s; it must grow
// linearly.
func TestClusterTextsGrowth(t *testing.T) {
	if testing.Short() {
		t.Skip("timing")
	}
	runs := map[int]textRun{}
	for _, n := range []int{50_000, 200_000} {
		runs[n] = longRun(n)
	}
	if g := growth(t, 50_000, func(n int) { clusterTexts(runs[n]) }); g > maxGrowth {
		t.Errorf("clusterTexts took ×%.1f for 4× the glyphs, want under %d (linear)", g, maxGrowth)
	}
}

// TestClusterTextsRTL checks the cluster texts of a right-to-left run,
// whose clusters fall from right to left, and of a ligature.
func TestClusterTextsRTL(t *testing.T) {
	run := textRun{text: "abcd", glyphs: []text.Glyph{{Cluster: 3}, {Cluster: 1}, {Cluster: 1}, {Cluster: 0}}}
	got := clusterTexts(run)
	want := []string{"d", "bc", "", "a"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("clusterTexts = %q, want %q", got, want)
	}
}

// longName is a name of about n characters mixing Latin, Hebrew and
// digits, so painting it takes the bidi path.
func longName(n int) string {
	const unit = "Kim שלום 2020 Jong " // 19 characters
	return strings.Repeat(unit, n/19+1)[:n]
}

// TestPaintTextGrowth paints a long mixed-direction name with the PDF
// and PNG painters at n and 4n characters: shaping, the bidi analysis,
// cluster texts and the painters must all grow linearly.
func TestPaintTextGrowth(t *testing.T) {
	if testing.Short() {
		t.Skip("timing")
	}
	fonts := testFonts(t)
	black := color.NRGBA{A: 255}
	names := map[int]string{}
	for _, n := range []int{2_500, 10_000} {
		names[n] = strings.ToValidUTF8(longName(n), "")
	}
	pdf := func(n int) {
		pp := &pdfPainter{fonts: map[*fontFace][]*pdfFont{}, fillC: -1, strokeC: -1, width: -1, fillA: 255, strokeA: 255}
		paintText(pp, fonts, names[n], false, 0, 10, 12, 0, 0, black)
	}
	if g := growth(t, 2_500, pdf); g > maxGrowth {
		t.Errorf("painting a PDF name took ×%.1f for 4× the characters, want under %d", g, maxGrowth)
	}
	png := func(n int) {
		rasterText(fonts, func(p painter) { paintText(p, fonts, names[n], false, 0, 10, 12, 0, 390, black) })
	}
	if g := growth(t, 2_500, png); g > maxGrowth {
		t.Errorf("painting a PNG name took ×%.1f for 4× the characters, want under %d", g, maxGrowth)
	}
}

// TestNoteTooltipBounded: notes are not drawn, but tooltips go into every
// layout's DOT, so a 5 MB note made a 4-entity figure time out. A note's
// share of the DOT is at most TooltipNoteLen characters, however long.
func TestNoteTooltipBounded(t *testing.T) {
	dotWith := func(note string) int {
		ds := graphtest.Synthetic(4, 1)
		ds.Entities[0].Note = note
		for i := range ds.Records {
			ds.Records[i].Note = note
		}
		var b bytes.Buffer
		if err := DOT(&b, graph.Build(ds, graph.Filter{}), Options{Layout: "fdp", EdgeLabels: "caption"}); err != nil {
			t.Fatal(err)
		}
		return b.Len()
	}
	base := dotWith("")
	for _, n := range []int{TooltipNoteLen * 2, 1 << 20, 4 << 20} {
		ds := graphtest.Synthetic(4, 1)
		notes := 1 + len(ds.Records) // the entity's and each record's
		size := dotWith(strings.Repeat("x", n))
		if limit := base + notes*(TooltipNoteLen+8)*2; size > limit {
			t.Errorf("a %d-character note makes a DOT of %d bytes, want at most %d", n, size, limit)
		}
	}
	if short := dotWith("a short note"); short <= base {
		t.Errorf("a short note is not in the tooltips (DOT %d bytes, %d without)", short, base)
	}
}

// TestClipText cuts at characters, not bytes.
func TestClipText(t *testing.T) {
	for _, c := range []struct {
		in   string
		n    int
		want string
	}{
		{"short", 10, "short"},
		{"exactly10!", 10, "exactly10!"},
		{"eleven chars", 10, "eleven ch…"},
		{"שלום עולם ומלואו", 5, "שלום…"},
		{"", 3, ""},
	} {
		if got := clipText(c.in, c.n); got != c.want {
			t.Errorf("clipText(%q, %d) = %q, want %q", c.in, c.n, got, c.want)
		}
	}
}

func BenchmarkClusterTexts(b *testing.B) {
	run := longRun(100_000)
	for b.Loop() {
		clusterTexts(run)
	}
}

func BenchmarkPaintTextPDF(b *testing.B) {
	fonts := testFonts(b)
	name := longName(10_000)
	for b.Loop() {
		pp := &pdfPainter{fonts: map[*fontFace][]*pdfFont{}, fillC: -1, strokeC: -1, width: -1, fillA: 255, strokeA: 255}
		paintText(pp, fonts, name, false, 0, 10, 12, 0, 0, color.NRGBA{A: 255})
	}
}

func BenchmarkShapeTextBidi(b *testing.B) {
	fonts := testFonts(b)
	name := longName(10_000)
	for b.Loop() {
		fonts.shapeText(name, false)
	}
}

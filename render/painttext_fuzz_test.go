package render

import (
	"bytes"
	"image/color"
	"math"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
)

// paintTextSeeds are texts that are hard to shape, measure or paint:
// mixed directions with digits, explicit overrides, embeddings and
// isolates (closed, unclosed and stray), marks without a base, joiners,
// variation selectors, ligatures, scripts the built-in font lacks,
// surrogate halves and invalid UTF-8, controls and empty text.
var paintTextSeeds = []string{
	"", " ", "Kim Jong Un", "שלום 2020", "abc שלום 2020 def", "مرحبا ١٢٣ (x)", "عام 2020",
	"\u202Eevil.exe\u202C", "\u202E\u202E\u202E", "\u202C\u2069 stray pops", "\u2067\u2066\u2068 open isolates",
	"\u202Bשלום abc\u202C", "x \u2067abc שלום\u2069 y", "\u200F\u200E\u061C", "\u0301\u0308 marks first",
	"a\u200Db\u200Cc", "☺\uFE0F\uFE0E", "ﬁ ﬂ office", "김정은 習近平 ไทย देवनागरी", "\xed\xa0\x80 \xff\xfe",
	"nul\x00esc\x1bdel\x7f", "tab\tline\nbreak\r\u2028\u2029", strings.Repeat("(", 70) + "שלום" + strings.Repeat(")", 70),
	strings.Repeat("\u202B", 130) + "deep" + strings.Repeat("\u202C", 130),
}

// stripBidiControls is s without bidi controls: the characters painting
// must account for.
func stripBidiControls(s string) []rune {
	var out []rune
	for _, r := range s {
		if !bidiControl(r) {
			out = append(out, r)
		}
	}
	return out
}

// FuzzPaintText runs any text through shaping and measuring (shapeText,
// the bidi analysis, cluster texts) and through both painters (PDF
// content and the PNG rasteriser, plain and squeezed into a room): none
// may panic, the advance must be finite, every character but the bidi
// controls must be painted exactly once, and painting the same text twice
// must give the same bytes and pixels.
//
//	go test ./render -run '^$' -fuzz FuzzPaintText -fuzztime 60s
func FuzzPaintText(f *testing.F) {
	for _, s := range paintTextSeeds {
		f.Add(s, false)
		f.Add(s, true)
	}
	fonts := testFonts(f)
	f.Fuzz(func(t *testing.T, s string, bold bool) {
		if len(s) > 4096 {
			return // long text is the growth tests' (textgrowth_test.go)
		}
		runs, adv, _ := fonts.shapeText(s, bold)
		if math.IsNaN(adv) || math.IsInf(adv, 0) || adv < 0 {
			t.Fatalf("%q: advance %v", s, adv)
		}
		sum := 0.0
		var painted []rune
		for _, r := range runs {
			sum += r.adv
			if len(r.glyphs) == 0 && r.text != "" {
				t.Fatalf("%q: run %q has no glyphs", s, r.text)
			}
			for _, g := range r.glyphs {
				if int(g.Cluster) > len(r.text) {
					t.Fatalf("%q: glyph cluster %d past the run's %d bytes", s, g.Cluster, len(r.text))
				}
			}
			for _, c := range clusterTexts(r) {
				if !strings.Contains(r.text, c) {
					t.Fatalf("%q: cluster text %q is not in its run %q", s, c, r.text)
				}
				painted = append(painted, []rune(c)...)
			}
		}
		if math.Abs(sum-adv) > 1e-9*max(1, adv) {
			t.Fatalf("%q: runs advance %v, total %v", s, sum, adv)
		}
		// Invalid UTF-8 reads as U+FFFD in both; each character once.
		want := stripBidiControls(s)
		slices.Sort(want)
		slices.Sort(painted)
		if utf8.ValidString(s) && !slices.Equal(painted, want) {
			t.Fatalf("%q: painted characters %q, want %q", s, string(painted), string(want))
		}

		pdf := func(room float64) []byte {
			pp := &pdfPainter{fonts: map[*fontFace][]*pdfFont{}, fillC: -1, strokeC: -1, width: -1, fillA: 255, strokeA: 255}
			paintText(pp, fonts, s, bold, 100, 10, 12, 0.5, room, color.NRGBA{R: 9, A: 255})
			return pp.content.Bytes()
		}
		if a, b := pdf(0), pdf(0); !bytes.Equal(a, b) {
			t.Fatalf("%q: two PDF paintings differ", s)
		}
		if a, b := pdf(40), pdf(40); !bytes.Equal(a, b) {
			t.Fatalf("%q: two squeezed PDF paintings differ", s)
		}
		png := func() []byte {
			return rasterText(fonts, func(p painter) {
				paintText(p, fonts, s, bold, 200, 10, 14, 0.5, 300, color.NRGBA{B: 200, A: 255})
			}).Pix
		}
		if a, b := png(), png(); !bytes.Equal(a, b) {
			t.Fatalf("%q: two PNG paintings differ", s)
		}
		if w := textWidth(s, 12); math.IsNaN(w) || w < 0 {
			t.Fatalf("%q: estimated width %v", s, w)
		}
	})
}

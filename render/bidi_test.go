package render

import (
	"bytes"
	"image"
	"image/color"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/tdewolff/canvas"
	"github.com/tdewolff/canvas/renderers/rasterizer"
)

// bidiCases are lines of mixed-direction text and the order their
// characters are seen in, left to right, by the Unicode Bidirectional
// Algorithm with a left-to-right paragraph (as browsers show SVG text).
// Bidi controls are not drawn and are left out of the visual order. A
// bracket is listed as the character it is in the text (a right-to-left
// one is drawn mirrored).
var bidiCases = []struct{ name, logical, visual string }{
	{"latin", "Kim Jong Un 2020", "Kim Jong Un 2020"},
	{"hebrew digits", "שלום 2020", "2020 םולש"},
	{"hebrew digits latin", "abc שלום 2020 def", "abc 2020 םולש def"},
	{"hebrew period", "שלום 1948–2020", "2020–1948 םולש"},
	{"arabic indic digits", "مرحبا ١٢٣", "١٢٣ ابحرم"},
	{"arabic european digits", "عام 2020", "2020 ماع"},
	{"hebrew brackets latin", "שלום (abc)", "םולש (abc)"},
	{"latin brackets hebrew", "abc (שלום)", "abc (םולש)"},
	{"hebrew brackets digits", "שלום (2020)", ")2020( םולש"},
	{"override RLO", "\u202Eabc 2020\u202C x", "0202 cba x"},
	{"override RLO unclosed", "x \u202Eevil.exe", "x exe.live"},
	{"override LRO", "\u202Dשלום 2020\u202C", "שלום 2020"},
	{"embedding RLE", "\u202Bשלום abc\u202C", "abc םולש"},
	{"isolate RLI", "x \u2067abc שלום\u2069 y", "x םולש abc y"},
	{"marks", "abc\u200F 2020", "abc2020 "}, // RLM is a strong R: the space and digits go with it
	{"no bidi", "\u200Eplain", "plain"},
}

// visualText is the text of painted runs in the order it is seen: each
// glyph's characters (its cluster's, for the first glyph of a cluster),
// runs and glyphs from left to right.
func visualText(runs []textRun) string {
	var b strings.Builder
	for _, r := range runs {
		texts := clusterTexts(r)
		if r.rtl {
			// A right-to-left cluster of several characters (a
			// ligature) lists them in logical order: turn them round.
			for i, t := range texts {
				rs := []rune(t)
				for a, z := 0, len(rs)-1; a < z; a, z = a+1, z-1 {
					rs[a], rs[z] = rs[z], rs[a]
				}
				texts[i] = string(rs)
			}
		}
		for _, t := range texts {
			b.WriteString(t)
		}
	}
	return b.String()
}

func testFonts(t testing.TB) *Fonts {
	t.Helper()
	fonts, err := LoadFonts(FontOptions{})
	if err != nil {
		t.Fatal(err)
	}
	return fonts
}

// TestBidiVisualOrder checks the order of the runs and glyphs that both
// painters draw against the bidi algorithm's, for Hebrew and Arabic with
// digits, brackets, and explicit overrides, embeddings and isolates.
func TestBidiVisualOrder(t *testing.T) {
	fonts := testFonts(t)
	for _, c := range bidiCases {
		t.Run(c.name, func(t *testing.T) {
			runs, _, _ := fonts.shapeText(c.logical, false)
			if got := visualText(runs); got != c.visual {
				t.Errorf("%q is painted as %q, want %q", c.logical, got, c.visual)
			}
		})
	}
}

// TestBidiMirroring checks that a bracket in right-to-left text is drawn
// with its mirror image: in "שלום (2020)" the leftmost glyph is the one
// for "(" though the character there is ")".
func TestBidiMirroring(t *testing.T) {
	fonts := testFonts(t)
	runs, _, _ := fonts.shapeText("שלום (2020)", false)
	open := fonts.regular.GlyphIndex('(')
	if len(runs) == 0 || len(runs[0].glyphs) == 0 || runs[0].glyphs[0].ID != open {
		t.Fatalf("the leftmost glyph of %q is not the glyph of '(' (%d): runs %+v", "שלום (2020)", open, runs)
	}
}

// pdfTJ matches a font selection or a TJ array in a PDF content stream.
var pdfTJ = regexp.MustCompile(`/(F\d+) [0-9.]+ Tf|\[((?:<[0-9A-F]+>-?[0-9.]*)*)\] TJ`)
var pdfCode = regexp.MustCompile(`<([0-9A-F]+)>`)

// pdfVisualText decodes the glyphs the PDF painter wrote, in the order it
// placed them, to the characters each stands for.
func pdfVisualText(t *testing.T, pp *pdfPainter) string {
	t.Helper()
	byName := map[string]*pdfFont{}
	for _, pf := range pp.order {
		byName[pf.name] = pf
	}
	var cur *pdfFont
	var b strings.Builder
	for _, m := range pdfTJ.FindAllStringSubmatch(pp.content.String(), -1) {
		if m[1] != "" {
			cur = byName[m[1]]
			continue
		}
		for _, code := range pdfCode.FindAllStringSubmatch(m[2], -1) {
			n, err := strconv.ParseUint(code[1], 16, 16)
			if err != nil || cur == nil {
				t.Fatalf("bad glyph code %q (font %v)", code[1], cur)
			}
			b.WriteString(cur.text[int(n)])
		}
	}
	return b.String()
}

// TestBidiPDF paints each case with the PDF painter and reads the glyphs
// back from its content stream, in the order they are set (TJ places them
// left to right).
func TestBidiPDF(t *testing.T) {
	fonts := testFonts(t)
	for _, c := range bidiCases {
		if strings.ContainsAny(c.logical, "ابحرمعام") {
			continue // a ligature's text comes back once, in logical order
		}
		t.Run(c.name, func(t *testing.T) {
			pp := &pdfPainter{fonts: map[*fontFace][]*pdfFont{}, fillC: -1, strokeC: -1, width: -1, fillA: 255, strokeA: 255}
			paintText(pp, fonts, c.logical, false, 10, 10, 12, 0, 0, color.NRGBA{A: 255})
			if got := pdfVisualText(t, pp); got != c.visual {
				t.Errorf("%q is written to the PDF as %q, want %q", c.logical, got, c.visual)
			}
		})
	}
}

// rasterText paints runs (or one line of text, through paintText) into a
// small image with the PNG painter.
func rasterText(fonts *Fonts, paint func(p painter)) *image.RGBA {
	img := image.NewRGBA(image.Rect(0, 0, 400, 40))
	r := rasterizer.FromImage(img, canvas.DPMM(1/mmPerPt), canvas.LinearColorSpace{})
	rp := &rasterPainter{r: r, m: canvas.Identity.Scale(mmPerPt, mmPerPt), cache: map[glyphKey]*canvas.Path{}, dpmm: 1 / mmPerPt}
	paint(rp)
	r.Close()
	return img
}

// TestBidiPNG paints Hebrew with digits with the PNG painter, and the
// same characters in their visual order set left to right: the pixels
// must be the same. (Hebrew letters have one form each, so the visual
// string set left to right is what the bidi algorithm shows.)
func TestBidiPNG(t *testing.T) {
	fonts := testFonts(t)
	black := color.NRGBA{A: 255}
	for _, c := range []struct{ logical, visual, wrong string }{
		{"שלום 2020", "2020 םולש", "0202 םולש"},
		{"abc שלום 2020 def", "abc 2020 םולש def", "abc 0202 םולש def"},
		{"\u202Eabc 2020\u202C", "0202 cba", "abc 2020"},
	} {
		got := rasterText(fonts, func(p painter) { paintText(p, fonts, c.logical, false, 5, 10, 20, 0, 0, black) })
		want := rasterText(fonts, func(p painter) {
			run := shapeRun(fonts.regular, c.visual, false)
			p.glyphs(run, 5, 10, 20, 1, black)
		})
		if !bytes.Equal(got.Pix, want.Pix) {
			t.Errorf("the PNG of %q differs from %q set left to right", c.logical, c.visual)
		}
		reversed := rasterText(fonts, func(p painter) {
			run := shapeRun(fonts.regular, c.wrong, false)
			p.glyphs(run, 5, 10, 20, 1, black)
		})
		if bytes.Equal(got.Pix, reversed.Pix) {
			t.Errorf("the PNG of %q cannot tell %q from %q", c.logical, c.visual, c.wrong)
		}
	}
}

package render

import (
	"bytes"
	"errors"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dipgraph/dipgraph/render/fonttest"
)

// mutantFonts is fonts whose primary face (regular and bold) is the
// malformed font b, loaded from path, as the painters would use a font
// the user named; nil when b does not load (loadFace must then say why).
func mutantFonts(t testing.TB, path string, b []byte) *Fonts {
	t.Helper()
	face, err := loadFace(b, 0) // must not panic
	if err != nil {
		return nil
	}
	face.path, face.flag = path, "--font"
	return &Fonts{regular: face, bold: face, byRune: map[rune]*fontFace{}}
}

// TestMalformedFonts loads every font of fonttest.Set (truncations, bytes
// flipped in glyf, loca, cmap and other tables, loca scrambled, the table
// directory zeroed or pointing past the end) and 320 random mutations as
// --font files, and paints the default figure in each font that parses
// as its primary one, to PNG and PDF: never a panic and never an error
// (a font cannot fail a figure); a font skipped or found broken is named
// in a warning; the figure is still drawn. The mutations must reach every
// recovery: a font refused when loaded, one found broken while painting,
// one that cannot be subset.
func TestMalformedFonts(t *testing.T) {
	fig := defaultFigure(t)
	dir := t.TempDir()
	fonts := fonttest.Set()
	for i := range 320 {
		fonts = append(fonts, fonttest.Font{Name: "mutant-" + string(rune('0'+i/100)) + string(rune('0'+i/10%10)) + string(rune('0'+i%10)), TTF: fonttest.Mutate(fonttest.Seed(), uint64(i))})
	}
	var refused, broken, unsubset, painted int
	for _, font := range fonts {
		path := filepath.Join(dir, font.Name+".ttf")
		if err := os.WriteFile(path, font.TTF, 0o644); err != nil {
			t.Fatal(err)
		}
		// As --font: loads without error; a font it cannot read is named.
		loaded, err := LoadFonts(FontOptions{Files: []string{path}, NoSystem: true})
		if err != nil {
			t.Errorf("%s: LoadFonts: %v, want the font skipped with a warning", font.Name, err)
			continue
		}
		if len(loaded.files) == 0 {
			refused++
			if len(loaded.notes) != 1 || !strings.Contains(loaded.notes[0], "--font "+path+": skipped") {
				t.Errorf("%s: skipped with warnings %q, want one naming the file", font.Name, loaded.notes)
			}
			continue
		}
		// As the primary font: every character is set in it.
		mf := mutantFonts(t, path, font.TTF)
		if mf == nil {
			t.Fatalf("%s: LoadFonts took it but loadFace does not", font.Name)
		}
		var warned []string
		o := PaintOptions{DPI: 24, Fonts: mf, Warn: func(s string) { warned = append(warned, s) }}
		png, err := fig.PNG(o)
		if err != nil || !bytes.HasPrefix(png, []byte("\x89PNG")) {
			t.Errorf("%s: PNG: %v", font.Name, err)
		}
		pngBroken := mf.regular.broken.Load()
		// The PDF from fresh fonts: what broke the PNG may be found by
		// the subsetter first.
		mf = mutantFonts(t, path, font.TTF)
		o.Fonts = mf
		pdf, err := fig.PDF(o)
		if err != nil || !bytes.HasPrefix(pdf, []byte("%PDF-")) {
			t.Errorf("%s: PDF: %v", font.Name, err)
		}
		painted++
		face := mf.regular
		if pngBroken || face.broken.Load() {
			broken++
		}
		if face.noSubset.Load() {
			unsubset++
		}
		if pngBroken || face.broken.Load() || face.noSubset.Load() {
			named := false
			for _, w := range warned {
				named = named || strings.Contains(w, "--font "+path)
			}
			if !named {
				t.Errorf("%s: the font was found broken, but no warning names it: %q", font.Name, warned)
			}
		}
	}
	// As a font folder (--font-dir, or the system's): the scan reads
	// every file's faces and character map, and characters the built-in
	// font lacks are looked up in them (loading those that claim them).
	inDir, err := LoadFonts(FontOptions{Dirs: []string{dir}, NoSystem: true})
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range "김习ไ\u0915\uFFFDA" {
		if font := inDir.fontFor(r, inDir.regular); font != nil && !font.has(r) {
			t.Errorf("fontFor(%q) gave a font without it", r)
		}
	}
	t.Logf("%d fonts: %d refused when loaded, %d painted (%d found broken while painting, %d not subset)", len(fonts), refused, painted, broken, unsubset)
	if refused == 0 || broken == 0 || unsubset == 0 || painted == 0 {
		t.Errorf("the fonts reach too few recoveries: %d refused, %d broken, %d not subset, %d painted; each must be reached", refused, broken, unsubset, painted)
	}
}

// FuzzFontPath runs any font file through the font path: loading it as
// --font does (LoadFonts), then, when it parses, measuring text in it
// (shapeText) and painting the default figure in it to PNG and PDF. None
// may panic; a font that cannot be used gives a warning, never an error,
// and the figure is still made. The seeds are the built-in font and
// fonttest's malformed ones.
//
//	go test ./render -run '^$' -fuzz FuzzFontPath -fuzztime 60s
func FuzzFontPath(f *testing.F) {
	f.Add(fonttest.Seed())
	for _, font := range fonttest.Set() {
		f.Add(font.TTF)
	}
	for i := range 8 {
		f.Add(fonttest.Mutate(fonttest.Seed(), uint64(i)))
	}
	fig := defaultFigure(f)
	dir := f.TempDir()
	f.Fuzz(func(t *testing.T, b []byte) {
		path := filepath.Join(dir, "fuzz.ttf")
		if err := os.WriteFile(path, b, 0o644); err != nil {
			t.Fatal(err)
		}
		loadedFonts.Clear() // each input is a new font at the same path
		loaded, err := LoadFonts(FontOptions{Files: []string{path}, NoSystem: true})
		if err != nil {
			t.Fatalf("LoadFonts: %v, want a font it cannot read skipped with a warning", err)
		}
		if len(loaded.files) == 0 && len(loaded.notes) == 0 {
			t.Fatal("the font was neither loaded nor named in a warning")
		}
		mf := mutantFonts(t, path, b)
		if mf == nil {
			return
		}
		var runs []textRun
		var adv float64
		if err := catch(func() { runs, adv, _ = mf.shapeText("Kim Jong Un → Пхеньян 2025 ﬁ", false) }); err != nil {
			var ff *fontFault
			if !errors.As(err, &ff) {
				t.Fatalf("shaping: %v", err)
			}
		} else if math.IsNaN(adv) || math.IsInf(adv, 0) || len(runs) == 0 {
			t.Fatalf("measured %d runs, advance %v", len(runs), adv)
		}
		o := PaintOptions{DPI: 12, Fonts: mf, Warn: func(string) {}}
		if png, err := fig.PNG(o); err != nil || !bytes.HasPrefix(png, []byte("\x89PNG")) {
			t.Fatalf("PNG: %v", err)
		}
		o.Fonts = mutantFonts(t, path, b)
		if pdf, err := fig.PDF(o); err != nil || !bytes.HasPrefix(pdf, []byte("%PDF-")) {
			t.Fatalf("PDF: %v", err)
		}
	})
}

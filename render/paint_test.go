package render

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/dipgraph/dipgraph/graph"
)

// The PNG and PDF painters are checked on pixels, never on another tool's
// bytes: edges are drawn in their colours along their paths, node outlines
// are there, sizes follow the options, and the picture agrees with
// rsvg-convert's rasterisation of our own SVG (the reference: the PNG is
// the same figure as the SVG). The external tools (rsvg-convert,
// pdftoppm, pdffonts, pdftotext, fonts-noto-cjk) are installed by .ci/run;
// elsewhere the tests that need them skip, except under CI=true.

var (
	figOnce sync.Once
	figDef  *Figure
	figErr  error
)

// defaultFigure is the default figure laid out for painting, once.
func defaultFigure(t testing.TB) *Figure {
	t.Helper()
	gv := sharedGraphviz(t)
	figOnce.Do(func() {
		g := graph.Build(loadDefault(t), graph.Filter{})
		figDef, figErr = Lay(context.Background(), gv, g, Options{Layout: DefaultLayout, EdgeLabels: "caption", Seed: DefaultSeed}, true)
	})
	if figErr != nil {
		t.Fatal(figErr)
	}
	return figDef
}

var (
	fontsOnce sync.Once
	sysFonts  *Fonts
)

func systemFonts(t testing.TB) *Fonts {
	fontsOnce.Do(func() {
		var err error
		if sysFonts, err = LoadFonts(FontOptions{}); err != nil {
			t.Fatal(err)
		}
	})
	return sysFonts
}

// need skips the test when a tool is missing, except in CI, which installs
// it.
func need(t testing.TB, tools ...string) {
	t.Helper()
	for _, tool := range tools {
		if _, err := exec.LookPath(tool); err != nil {
			if os.Getenv("CI") != "" {
				t.Fatalf("%s is not installed (.ci/run installs it)", tool)
			}
			t.Skipf("%s is not installed (Debian: apt-get install librsvg2-bin poppler-utils)", tool)
		}
	}
}

// needCJK skips the test when no system font covers Korean and Chinese.
func needCJK(t testing.TB) {
	t.Helper()
	f := systemFonts(t)
	if f.fontFor('김', f.regular) == nil || f.fontFor('习', f.regular) == nil {
		if os.Getenv("CI") != "" {
			t.Fatal("no system font covers Korean and Chinese (.ci/run installs fonts-noto-cjk)")
		}
		t.Skip("no system font covers Korean and Chinese (Debian: apt-get install fonts-noto-cjk)")
	}
}

func decodePNG(t testing.TB, b []byte) image.Image {
	t.Helper()
	img, err := png.Decode(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	return img
}

// inkOf tells how much of colour c a pixel holds over a white ground: the
// coverage α (1: pure c) and how far the pixel is from the white–c line.
func inkOf(px color.Color, c color.NRGBA) (alpha, off float64) {
	r, g, b, _ := px.RGBA()
	p := [3]float64{float64(r >> 8), float64(g >> 8), float64(b >> 8)}
	d := [3]float64{float64(c.R) - 255, float64(c.G) - 255, float64(c.B) - 255}
	dd := d[0]*d[0] + d[1]*d[1] + d[2]*d[2]
	if dd == 0 {
		return 0, 0
	}
	for i := range p {
		alpha += (p[i] - 255) * d[i]
	}
	alpha /= dd
	for i := range p {
		e := p[i] - 255 - alpha*d[i]
		off += e * e
	}
	return alpha, math.Sqrt(off)
}

// drawnNear reports whether a pixel within r of (x, y) is drawn in c.
func drawnNear(img image.Image, x, y float64, c color.NRGBA, r int) bool {
	cx, cy := int(math.Round(x)), int(math.Round(y))
	for dy := -r; dy <= r; dy++ {
		for dx := -r; dx <= r; dx++ {
			if !(image.Point{cx + dx, cy + dy}.In(img.Bounds())) {
				continue
			}
			if a, off := inkOf(img.At(cx+dx, cy+dy), c); a > 0.8 && off < 30 {
				return true
			}
		}
	}
	return false
}

// bezierPoints samples a piecewise cubic Bézier.
func bezierPoints(pts []point, per int) []point {
	var out []point
	for i := 0; i+3 < len(pts); i += 3 {
		p0, p1, p2, p3 := pts[i], pts[i+1], pts[i+2], pts[i+3]
		for k := 0; k < per; k++ {
			t := (float64(k) + 0.5) / float64(per)
			u := 1 - t
			a, b, c, d := u*u*u, 3*u*u*t, 3*u*t*t, t*t*t
			out = append(out, point{a*p0.x + b*p1.x + c*p2.x + d*p3.x, a*p0.y + b*p1.y + c*p2.y + d*p3.y})
		}
	}
	return out
}

// checkEdgesAndOutlines checks an image of the default figure (at pxPerPt)
// on pixels: every edge of the relation graph is drawn in its colour along
// its path, and every node's outline in its colour.
func checkEdgesAndOutlines(t *testing.T, f *Figure, img image.Image, pxPerPt float64) {
	t.Helper()
	pn := f.panels[0]
	at, _ := f.place(pn)
	px := func(q point) (float64, float64) {
		q = at(q)
		return q.x * pxPerPt, (f.Height - q.y) * pxPerPt
	}
	edges, outlines := 0, 0
	for _, sh := range pn.layout.shapes {
		switch {
		case sh.kind == shapeBezier && !sh.filled: // an edge's curve
			edges++
			samples := bezierPoints(sh.points, 12)
			hit := 0
			for _, q := range samples {
				x, y := px(q)
				if drawnNear(img, x, y, sh.pen, 3) {
					hit++
				}
			}
			// Dotted lines are 1 on, 5 off: a third of the samples is
			// plenty; labels and crossings hide a few.
			if hit*3 < len(samples) {
				t.Errorf("edge curve in %v from (%.0f,%.0f): only %d of %d points along it drawn in its colour", sh.pen, sh.points[0].x, sh.points[0].y, hit, len(samples))
			}
		case sh.kind == shapeEllipse && sh.filled || sh.kind == shapeBezier && sh.filled && sh.pen.A == 255 && sh.width > 1.1:
			// a node: an ellipse, or a country's rounded box
			outlines++
			var samples []point
			if sh.kind == shapeEllipse {
				c, r := sh.points[0], sh.points[1]
				for k := 0; k < 24; k++ {
					a := 2 * math.Pi * float64(k) / 24
					samples = append(samples, point{c.x + r.x*math.Cos(a), c.y + r.y*math.Sin(a)})
				}
			} else {
				samples = bezierPoints(sh.points, 3)
			}
			hit := 0
			for _, q := range samples {
				x, y := px(q)
				if drawnNear(img, x, y, sh.pen, 2) {
					hit++
				}
			}
			if hit*3 < len(samples) { // dashed outlines, and edges ending on them
				t.Errorf("node outline in %v at (%.0f,%.0f): only %d of %d points drawn in its colour", sh.pen, sh.points[0].x, sh.points[0].y, hit, len(samples))
			}
		}
	}
	if edges < 32 || outlines < 15 {
		t.Errorf("checked %d edge curves and %d node outlines, want at least 32 and 15", edges, outlines)
	}
}

func TestPNGPixels(t *testing.T) {
	f := defaultFigure(t)
	var warned []string
	b, err := f.PNG(PaintOptions{DPI: 192, Fonts: systemFonts(t), Warn: func(s string) { warned = append(warned, s) }})
	if err != nil {
		t.Fatal(err)
	}
	img := decodePNG(t, b)
	pxPerPt := 192.0 / 72
	if w := img.Bounds().Dx(); w != int(math.Round(f.Width*pxPerPt)) {
		t.Fatalf("width %d px, want %.0f", w, f.Width*pxPerPt)
	}
	checkEdgesAndOutlines(t, f, img, pxPerPt)
	if _, _, _, a := img.At(0, 0).RGBA(); a != 0xffff {
		t.Error("the background is not opaque")
	}
	if len(warned) > 0 && os.Getenv("CI") != "" {
		t.Errorf("warnings: %q", warned)
	}
}

func TestPNGSize(t *testing.T) {
	f := defaultFigure(t)
	for _, tt := range []struct {
		o    PaintOptions
		w, h float64
	}{
		{PaintOptions{}, f.Width * 96 / 72, f.Height * 96 / 72},
		{PaintOptions{DPI: 72}, f.Width, f.Height},
		{PaintOptions{DPI: 300}, f.Width * 300 / 72, f.Height * 300 / 72},
		{PaintOptions{DPI: 72, Scale: 2}, 2 * f.Width, 2 * f.Height},
		{PaintOptions{Width: 800}, 800, 800 * f.Height / f.Width},
		{PaintOptions{Height: 300}, 300 * f.Width / f.Height, 300},
		{PaintOptions{Width: 1000, Height: 100}, 100 * f.Width / f.Height, 100},
	} {
		w, h, err := f.PixelSize(tt.o)
		if err != nil {
			t.Fatal(err)
		}
		if w != int(math.Round(tt.w)) || h != int(math.Round(tt.h)) {
			t.Errorf("%+v: %d×%d, want %.0f×%.0f", tt.o, w, h, tt.w, tt.h)
		}
	}
	// A real image has that size.
	b, err := f.PNG(PaintOptions{Width: 640, Fonts: systemFonts(t)})
	if err != nil {
		t.Fatal(err)
	}
	cfg, err := png.DecodeConfig(bytes.NewReader(b))
	if err != nil || cfg.Width != 640 {
		t.Errorf("--size 640x: %d px wide (%v)", cfg.Width, err)
	}
	// Absurd sizes fail before allocating.
	for _, o := range []PaintOptions{{DPI: 4800}, {Scale: 100}, {Width: 400000}} {
		if _, err := f.PNG(o); !errors.Is(err, ErrTooLarge) {
			t.Errorf("%+v: error %v, want too large", o, err)
		}
	}
	if _, err := f.PDF(PaintOptions{Scale: 50}); !errors.Is(err, ErrTooLarge) {
		t.Errorf("PDF at scale 50: %v, want too large", err)
	}
	for _, o := range []PaintOptions{{DPI: -1}, {DPI: math.NaN()}, {Scale: -2}} {
		if err := o.Check(); err == nil {
			t.Errorf("%+v passes Check", o)
		}
	}
}

func TestParseSize(t *testing.T) {
	for in, want := range map[string][2]int{"1920x1080": {1920, 1080}, "800x": {800, 0}, "x600": {0, 600}, "640X480": {640, 480}} {
		w, h, err := ParseSize(in)
		if err != nil || w != want[0] || h != want[1] {
			t.Errorf("ParseSize(%q) = %d, %d, %v", in, w, h, err)
		}
	}
	for _, bad := range []string{"", "x", "100", "0x10", "-5x5", "axb", "10x10x"} {
		if _, _, err := ParseSize(bad); err == nil {
			t.Errorf("ParseSize(%q) passes", bad)
		}
	}
}

func TestTransparent(t *testing.T) {
	f := defaultFigure(t)
	b, err := f.PNG(PaintOptions{Transparent: true, DPI: 72, Fonts: systemFonts(t)})
	if err != nil {
		t.Fatal(err)
	}
	img := decodePNG(t, b)
	r := img.Bounds()
	for _, p := range []image.Point{r.Min, {r.Max.X - 1, r.Min.Y}, {r.Min.X, r.Max.Y - 1}, r.Max.Sub(image.Point{1, 1})} {
		if _, _, _, a := img.At(p.X, p.Y).RGBA(); a != 0 {
			t.Errorf("corner %v has alpha %d, want 0", p, a)
		}
	}
	if svg := string(f.SVG(true)); strings.Contains(svg, `id="background"`) {
		t.Error("the transparent SVG has a background")
	}
}

// TestPaintDeterministic paints twice: the same bytes, and no date in the
// PDF.
func TestPaintDeterministic(t *testing.T) {
	f := defaultFigure(t)
	o := PaintOptions{Fonts: systemFonts(t), DPI: 72}
	for name, paint := range map[string]func(PaintOptions) ([]byte, error){"PNG": f.PNG, "PDF": f.PDF} {
		a, err := paint(o)
		if err != nil {
			t.Fatal(err)
		}
		b, _ := paint(PaintOptions{Fonts: systemFonts(t), DPI: 72})
		if !bytes.Equal(a, b) {
			t.Errorf("%s: two paintings differ", name)
		}
		if name == "PDF" && (bytes.Contains(a, []byte("CreationDate")) || bytes.Contains(a, []byte("ModDate"))) {
			t.Error("the PDF carries a date")
		}
	}
}

// TestPaintConcurrently paints PNGs and PDFs of the default figure (with
// its Korean, Chinese and Russian names, so the system's CJK font too) from
// several goroutines at once, as a build's jobs do: each comes out as the
// same figure painted alone. (Run with -race, as CI does, it would report
// a painter writing shared state unguarded.)
func TestPaintConcurrently(t *testing.T) {
	f := defaultFigure(t)
	o := PaintOptions{Fonts: systemFonts(t), DPI: 72}
	wantPNG, err := f.PNG(o)
	if err != nil {
		t.Fatal(err)
	}
	wantPDF, err := f.PDF(o)
	if err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	errs := make(chan string, 8)
	for i := range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			paint, want, name := f.PNG, wantPNG, "PNG"
			if i%2 == 1 {
				paint, want, name = f.PDF, wantPDF, "PDF"
			}
			got, err := paint(o)
			if err != nil || !bytes.Equal(got, want) {
				errs <- fmt.Sprintf("%s %d painted alongside others: %v, same bytes %v", name, i, err, bytes.Equal(got, want))
			}
		}()
	}
	wg.Wait()
	close(errs)
	for e := range errs {
		t.Error(e)
	}
}

// grayCells downscales an image into cells of n×n pixels, each the mean
// luminance (0–255) of its pixels over white.
func grayCells(img image.Image, n int) ([]float64, int, int) {
	b := img.Bounds()
	cw, ch := b.Dx()/n, b.Dy()/n
	out := make([]float64, cw*ch)
	for cy := 0; cy < ch; cy++ {
		for cx := 0; cx < cw; cx++ {
			sum := 0.0
			for y := 0; y < n; y++ {
				for x := 0; x < n; x++ {
					r, g, bl, a := img.At(b.Min.X+cx*n+x, b.Min.Y+cy*n+y).RGBA()
					// over white
					w := float64(0xffff - a)
					l := 0.299*(float64(r)+w) + 0.587*(float64(g)+w) + 0.114*(float64(bl)+w)
					sum += l / 257
				}
			}
			out[cy*cw+cx] = sum / float64(n*n)
		}
	}
	return out, cw, ch
}

// compareGray is the parity metric: both images downscaled by 4 to
// grayscale; the mean absolute difference of the cells (0–255), and the
// share of cells that differ by more than 48 (a glyph or a line in one and
// not the other).
func compareGray(t *testing.T, a, b image.Image) (mad, bad float64) {
	t.Helper()
	if a.Bounds().Size() != b.Bounds().Size() {
		t.Fatalf("sizes differ: %v and %v", a.Bounds().Size(), b.Bounds().Size())
	}
	ga, _, _ := grayCells(a, 4)
	gb, _, _ := grayCells(b, 4)
	n := 0
	for i := range ga {
		d := math.Abs(ga[i] - gb[i])
		mad += d
		if d > 48 {
			n++
		}
	}
	return mad / float64(len(ga)), float64(n) / float64(len(ga))
}

// Parity thresholds, measured on the default figure at 96 dpi: our PNG and
// rsvg-convert's differ by about 1 grey level on average and in about 0.5 %
// of cells (anti-aliasing, and Liberation Sans against the system's
// Helvetica stand-in); a missing edge, node or label moves these far above
// the limits.
const (
	parityMAD = 3.0
	parityBad = 0.02
)

// TestParityWithRsvg rasterises our SVG with rsvg-convert at the same size
// and compares it with our PNG.
func TestParityWithRsvg(t *testing.T) {
	need(t, "rsvg-convert")
	f := defaultFigure(t)
	ours, err := f.PNG(PaintOptions{Fonts: systemFonts(t)})
	if err != nil {
		t.Fatal(err)
	}
	img := decodePNG(t, ours)
	dir := t.TempDir()
	svg := filepath.Join(dir, "fig.svg")
	if err := os.WriteFile(svg, f.SVG(false), 0o644); err != nil {
		t.Fatal(err)
	}
	ref := filepath.Join(dir, "ref.png")
	size := img.Bounds().Size()
	if out, err := exec.Command("rsvg-convert", "-w", itoa(size.X), "-h", itoa(size.Y), "-o", ref, svg).CombinedOutput(); err != nil {
		t.Fatalf("rsvg-convert: %v\n%s", err, out)
	}
	rb, err := os.ReadFile(ref)
	if err != nil {
		t.Fatal(err)
	}
	mad, bad := compareGray(t, img, decodePNG(t, rb))
	t.Logf("PNG vs rsvg-convert: mean abs difference %.2f grey levels, %.2f%% of cells differ by > 48", mad, 100*bad)
	if mad > parityMAD || bad > parityBad {
		t.Errorf("our PNG and rsvg-convert's differ: mean %.2f (limit %g), %.2f%% cells (limit %g%%)", mad, parityMAD, 100*bad, 100*parityBad)
	}
}

// TestPDF checks the PDF through poppler: its rasterisation passes the
// same pixel checks and agrees with our PNG, the fonts are embedded, and
// the labels are text.
func TestPDF(t *testing.T) {
	need(t, "pdftoppm", "pdffonts", "pdftotext")
	f := defaultFigure(t)
	b, err := f.PDF(PaintOptions{Fonts: systemFonts(t)})
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	pdf := filepath.Join(dir, "fig.pdf")
	if err := os.WriteFile(pdf, b, 0o644); err != nil {
		t.Fatal(err)
	}
	if out, err := exec.Command("pdftoppm", "-r", "192", "-png", "-singlefile", pdf, filepath.Join(dir, "page")).CombinedOutput(); err != nil {
		t.Fatalf("pdftoppm: %v\n%s", err, out)
	}
	pb, err := os.ReadFile(filepath.Join(dir, "page.png"))
	if err != nil {
		t.Fatal(err)
	}
	page := decodePNG(t, pb)
	checkEdgesAndOutlines(t, f, page, 192.0/72)

	fonts, err := exec.Command("pdffonts", pdf).CombinedOutput()
	if err != nil {
		t.Fatalf("pdffonts: %v\n%s", err, fonts)
	}
	for _, want := range []string{"LiberationSans ", "LiberationSans-Bold "} {
		line := ""
		for _, l := range strings.Split(string(fonts), "\n") {
			if strings.Contains(l, want) {
				line = l
			}
		}
		if f := strings.Fields(line); len(f) < 7 || f[len(f)-5] != "yes" {
			t.Errorf("pdffonts shows %q not embedded:\n%s", want, fonts)
		}
	}
	text, err := exec.Command("pdftotext", "-enc", "UTF-8", pdf, "-").CombinedOutput()
	if err != nil {
		t.Fatalf("pdftotext: %v\n%s", err, text)
	}
	wants := []string{"Beijing, 3 September 2025", "Kim Jong Un", "Vladimir Putin", "Владимир Путин", "North Korea", "Military support (+)", "Data as of Sep 2025", `"obligation of a brother",`, "troops in the war,"}
	if f := systemFonts(t); f.fontFor('김', f.regular) != nil {
		wants = append(wants, "김정은", "习近平")
	}
	for _, want := range wants {
		if !strings.Contains(string(text), want) {
			t.Errorf("pdftotext does not find %q", want)
		}
	}
}

// TestCJK renders Korean, Chinese and Cyrillic names: with a system font
// for Korean and Chinese (fonts-noto-cjk), no warning and the names' area
// agrees with rsvg-convert's; with no font for them, one warning that
// names the characters and the fix.
func TestCJK(t *testing.T) {
	f := defaultFigure(t)
	noSys, err := LoadFonts(FontOptions{NoSystem: true})
	if err != nil {
		t.Fatal(err)
	}
	var warned []string
	if _, err := f.PNG(PaintOptions{DPI: 72, Fonts: noSys, Warn: func(s string) { warned = append(warned, s) }}); err != nil {
		t.Fatal(err)
	}
	if len(warned) != 1 || !strings.Contains(warned[0], "김") || !strings.Contains(warned[0], "U+AE40") ||
		!strings.Contains(warned[0], "fonts-noto-cjk") || !strings.Contains(warned[0], "--font") || strings.Contains(warned[0], "П") {
		t.Errorf("without CJK fonts: warnings %q, want one naming 김 (U+AE40) and the fix, and not Cyrillic (built in)", warned)
	}

	needCJK(t)
	need(t, "rsvg-convert")
	warned = nil
	b, err := f.PNG(PaintOptions{Fonts: systemFonts(t), Warn: func(s string) { warned = append(warned, s) }})
	if err != nil {
		t.Fatal(err)
	}
	if len(warned) > 0 {
		t.Errorf("with CJK fonts: warned %q", warned)
	}
	img := decodePNG(t, b)
	dir := t.TempDir()
	svg := filepath.Join(dir, "fig.svg")
	os.WriteFile(svg, f.SVG(false), 0o644)
	ref := filepath.Join(dir, "ref.png")
	size := img.Bounds().Size()
	// rsvg-convert sets Latin and Cyrillic in the font fontconfig gives
	// for "Helvetica,sans-Serif", which on a machine with DejaVu is DejaVu;
	// dipgraph sets them in Liberation Sans. Have fontconfig give
	// Liberation Sans (Debian's fonts-liberation, which CI installs) so
	// the comparison is of the scripts that come from system fonts.
	conf := filepath.Join(dir, "fonts.conf")
	os.WriteFile(conf, []byte(`<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "fonts.dtd"><fontconfig>
<include ignore_missing="yes">/etc/fonts/fonts.conf</include>
<alias binding="strong"><family>sans-serif</family><prefer><family>Liberation Sans</family></prefer></alias>
<alias binding="strong"><family>Helvetica</family><prefer><family>Liberation Sans</family></prefer></alias>
</fontconfig>`), 0o644)
	cmd := exec.Command("rsvg-convert", "-w", itoa(size.X), "-h", itoa(size.Y), "-o", ref, svg)
	cmd.Env = append(os.Environ(), "FONTCONFIG_FILE="+conf)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("rsvg-convert: %v\n%s", err, out)
	}
	rb, _ := os.ReadFile(ref)
	refImg := decodePNG(t, rb)
	// Each native-script line, cut out of both images.
	pn := f.panels[0]
	at, _ := f.place(pn)
	k := 96.0 / 72
	checked := 0
	for _, sh := range pn.layout.shapes {
		if sh.kind != shapeText || !strings.ContainsFunc(sh.text, func(r rune) bool { return r >= 0x400 }) {
			continue
		}
		q := at(sh.points[0])
		x0, y0 := int((q.x-sh.span*0.75)*k), int((f.Height-q.y-sh.size)*k)
		r := image.Rect(x0, y0, x0+int(sh.span*1.5*k)/4*4, y0+int(sh.size*1.4*k)/4*4+4)
		mad, bad := compareGray(t, crop(img, r), crop(refImg, r))
		if mad > 12 || bad > 0.1 {
			t.Errorf("%q differs from rsvg-convert's: mean %.1f, %.0f%% cells", sh.text, mad, bad*100)
		}
		checked++
	}
	if checked < 8 {
		t.Errorf("checked %d native-script names, want 8", checked)
	}
}

func crop(img image.Image, r image.Rectangle) image.Image {
	out := image.NewRGBA(image.Rect(0, 0, r.Dx(), r.Dy()))
	for y := 0; y < r.Dy(); y++ {
		for x := 0; x < r.Dx(); x++ {
			out.Set(x, y, img.At(r.Min.X+x, r.Min.Y+y))
		}
	}
	return out
}

func TestFontOptions(t *testing.T) {
	dir := t.TempDir()
	bad := filepath.Join(dir, "bad.ttf")
	os.WriteFile(bad, []byte("not a font at all"), 0o644)
	if f, err := LoadFonts(FontOptions{Files: []string{bad}, NoSystem: true}); err != nil || len(f.files) != 0 || len(f.notes) != 1 || !strings.Contains(f.notes[0], "--font "+bad+": skipped: not a font") {
		t.Errorf("a file that is not a font: %v, want it skipped with a warning", err)
	}
	if _, err := LoadFonts(FontOptions{Files: []string{filepath.Join(dir, "missing.ttf")}}); err == nil {
		t.Error("a missing font file passes")
	}
	if _, err := LoadFonts(FontOptions{Dirs: []string{filepath.Join(dir, "nowhere")}}); err == nil || !strings.Contains(err.Error(), "--font-dir") {
		t.Errorf("a missing font folder: %v", err)
	}
	// A font folder is searched for what the built-in font lacks.
	needCJK(t)
	sys := systemFonts(t)
	font := sys.fontFor('김', sys.regular)
	var path string
	for _, c := range sys.candidates {
		if c.font == font {
			path = c.path
		}
	}
	if path == "" {
		t.Fatal("cannot tell which file the Korean font came from")
	}
	withDir, err := LoadFonts(FontOptions{Dirs: []string{filepath.Dir(path)}, NoSystem: true})
	if err != nil {
		t.Fatal(err)
	}
	if withDir.fontFor('김', withDir.regular) == nil {
		t.Errorf("--font-dir %s: no font for 김", filepath.Dir(path))
	}
}

// TestHostilePainted paints names full of markup and escapes.
func TestHostilePainted(t *testing.T) {
	gv := sharedGraphviz(t)
	h := `<b>"x" & \N 'y' \\ end\</b>`
	ds := &graph.Dataset{
		ID: "hostile", Title: h,
		Entities: []graph.Entity{{ID: "a", Kind: graph.KindCountry, Name: h}, {ID: "b", Kind: graph.KindLeader, Name: h, Country: "a"}},
		Records:  []graph.Record{{Type: "summit", Parties: []string{"a", "b"}, Start: graph.MustDate("2025"), Weight: 2, Label: h, Source: "s"}},
		Sources:  []graph.Source{{ID: "s", Title: h}},
	}
	f, err := Lay(context.Background(), gv, graph.Build(ds, graph.Filter{}), Options{Layout: "neato", EdgeLabels: "caption"}, true)
	if err != nil {
		t.Fatal(err)
	}
	texts := 0
	for _, sh := range f.panels[0].layout.shapes {
		if sh.kind == shapeText {
			texts++
			if sh.text != h && !strings.HasPrefix(sh.text, h) {
				t.Errorf("Graphviz's text %q, want %q literally", sh.text, h)
			}
		}
	}
	if texts < 3 {
		t.Errorf("%d texts drawn, want the two names and the caption", texts)
	}
	if _, err := f.PNG(PaintOptions{DPI: 72, Fonts: systemFonts(t)}); err != nil {
		t.Fatal(err)
	}
	if _, err := f.PDF(PaintOptions{Fonts: systemFonts(t)}); err != nil {
		t.Fatal(err)
	}
}

func TestParseColor(t *testing.T) {
	for in, want := range map[string]color.NRGBA{
		"#0072b2": {0, 0x72, 0xb2, 255}, "#fffffe00": {255, 255, 254, 0}, "#abc": {0xaa, 0xbb, 0xcc, 255},
		"black": {0, 0, 0, 255}, "transparent": {255, 255, 254, 0}, "bogus": {0, 0, 0, 255},
	} {
		if got := parseColor(in); got != want {
			t.Errorf("parseColor(%q) = %v, want %v", in, got, want)
		}
	}
}

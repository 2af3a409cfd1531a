package render

import (
	"errors"
	"fmt"
	"image/color"
	"math"
	"strconv"
	"strings"
	"sync"

	"github.com/tdewolff/canvas"
)

// PNG and PDF are painted by dipgraph itself from the figure's arrangement
// and Graphviz's drawing operations of its layouts (see xdot.go): one walk
// over the figure (paintFigure) drives a painter, which is either the
// rasteriser (png.go) or the PDF writer (pdf.go).

// DefaultDPI is the PNG resolution when none is given: a screen's, at
// which the PNG is as large as the SVG shows in a browser. Use 300 for print.
const DefaultDPI = 96

// Limits that keep a mistyped size from allocating gigabytes.
const (
	MaxPixels  = 100_000_000 // pixels in a PNG
	maxPNGSide = 32_000      // pixels on a side
	maxPDFSide = 14_400      // points on a side: PDF viewers' limit (200 inches)
	maxDPI     = 4800
	maxScale   = 100
)

// PaintOptions are the choices for PNG and PDF output.
type PaintOptions struct {
	// DPI is the PNG's resolution in pixels per inch (the figure's size is
	// in points, 72 to the inch); 0 means DefaultDPI. It is also written
	// into the PNG, so word processors place it at its size.
	DPI float64
	// Scale multiplies the size: the PNG's pixels, the PDF's page; 0
	// means 1.
	Scale float64
	// Width and Height, when set, fit the figure within that box keeping
	// its proportions: pixels for PNG, points for PDF. 0 leaves a side free.
	Width, Height int
	// Transparent leaves the background unpainted.
	Transparent bool
	// Fonts to set text in; nil: the built-in font and the system's.
	Fonts *Fonts
	// Warn, if set, receives the one warning about characters no font has.
	Warn func(string)
}

// SizePresets are the --size names for common targets, in pixels: a 16:9
// and a 4:3 slide, one column of a two-column A4 page (85 mm at 300 dpi,
// height free), and a square for social media.
var SizePresets = []struct {
	Name string
	W, H int
}{
	{"slide", 1920, 1080},
	{"slide-4:3", 1440, 1080},
	{"a4-column", 1004, 0},
	{"square", 1080, 1080},
}

// ParseSize reads --size: a preset name (SizePresets), "WxH", "Wx" or
// "xH", in whole units.
func ParseSize(s string) (w, h int, err error) {
	for _, p := range SizePresets {
		if strings.EqualFold(strings.TrimSpace(s), p.Name) {
			return p.W, p.H, nil
		}
	}
	ws, hs, ok := strings.Cut(strings.ToLower(strings.TrimSpace(s)), "x")
	var names []string
	for _, p := range SizePresets {
		names = append(names, p.Name)
	}
	bad := flagErrorf("size", "--size %q: give WIDTHxHEIGHT, e.g. 1920x1080, or 1920x for a width alone, or x1080 for a height, or a preset: %s", s, strings.Join(names, ", "))
	if !ok || (ws == "" && hs == "") {
		return 0, 0, bad
	}
	for _, p := range []struct {
		s string
		v *int
	}{{ws, &w}, {hs, &h}} {
		if p.s == "" {
			continue
		}
		n, err := strconv.Atoi(p.s)
		if err != nil || n <= 0 {
			return 0, 0, bad
		}
		*p.v = n
	}
	return w, h, nil
}

// Check reports an option out of range, naming the flag.
func (o *PaintOptions) Check() error {
	switch {
	case math.IsNaN(o.DPI) || o.DPI < 0 || o.DPI > maxDPI:
		return DPIError(o.DPI)
	case math.IsNaN(o.Scale) || o.Scale < 0 || o.Scale > maxScale:
		return ScaleError(o.Scale)
	case o.Width < 0 || o.Height < 0:
		return flagErrorf("size", "--size %dx%d: give a positive width and height", o.Width, o.Height)
	}
	return nil
}

// DPIError is the error for a --dpi out of range.
func DPIError(dpi float64) error {
	return flagErrorf("dpi", "--dpi %g: give a resolution above 0 and at most %d (96 for screens, 300 for print)", dpi, maxDPI)
}

// ScaleError is the error for a --scale out of range.
func ScaleError(scale float64) error {
	return flagErrorf("scale", "--scale %g: give a factor above 0 and at most %d", scale, maxScale)
}

func (o *PaintOptions) dpi() float64 {
	if o.DPI == 0 {
		return DefaultDPI
	}
	return o.DPI
}

func (o *PaintOptions) scale() float64 {
	if o.Scale == 0 {
		return 1
	}
	return o.Scale
}

// fit is the factor that fits w × h into the box o.Width × o.Height.
func (o *PaintOptions) fit(w, h float64) float64 {
	k := math.Inf(1)
	if o.Width > 0 {
		k = float64(o.Width) / w
	}
	if o.Height > 0 {
		k = min(k, float64(o.Height)/h)
	}
	return k
}

// ErrTooLarge matches (errors.Is) the error for options that ask for an
// image or page larger than the limits.
var ErrTooLarge = errors.New("too large")

type tooLarge struct{ msg string }

func (e *tooLarge) Error() string        { return e.msg }
func (e *tooLarge) Is(target error) bool { return target == ErrTooLarge }

// PixelSize is the size of the figure's PNG: its size in points at the
// resolution and scale, or fitted into --size.
func (f *Figure) PixelSize(o PaintOptions) (w, h int, err error) {
	if err := o.Check(); err != nil {
		return 0, 0, err
	}
	k := o.dpi() / 72 * o.scale()
	if o.Width > 0 || o.Height > 0 {
		k = o.fit(f.Width, f.Height)
	}
	fw, fh := math.Round(f.Width*k), math.Round(f.Height*k)
	if fw*fh > MaxPixels || fw > maxPNGSide || fh > maxPNGSide {
		return 0, 0, &tooLarge{fmt.Sprintf("the PNG would be %.0f×%.0f pixels (%.0f megapixels), over the limit of %d megapixels and %d pixels a side: lower --dpi or --scale, or give --size", fw, fh, fw*fh/1e6, MaxPixels/1_000_000, maxPNGSide)}
	}
	return max(int(fw), 1), max(int(fh), 1), nil
}

// PageSize is the size of the figure's PDF page in points.
func (f *Figure) PageSize(o PaintOptions) (w, h float64, err error) {
	if err := o.Check(); err != nil {
		return 0, 0, err
	}
	k := o.scale()
	if o.Width > 0 || o.Height > 0 {
		k = o.fit(f.Width, f.Height)
	}
	w, h = f.Width*k, f.Height*k
	if w > maxPDFSide || h > maxPDFSide {
		return 0, 0, &tooLarge{fmt.Sprintf("the PDF page would be %.0f×%.0f points, but PDF viewers take at most %d a side: lower --scale or --size", w, h, maxPDFSide)}
	}
	return w, h, nil
}

// fontMu guards the fonts, which every figure a process paints shares:
// their shapers and glyph tables are not safe for concurrent use, and the
// PDF subsetter writes into the font it subsets. It is held only while a
// font is read (shaping, glyph outlines, embedding), so figures are
// rasterised in parallel.
var fontMu sync.Mutex

// withFonts runs fn holding fontMu, which it releases however fn ends (a
// font library's panic is caught further up, and the fonts used again).
func withFonts(fn func()) {
	fontMu.Lock()
	defer fontMu.Unlock()
	fn()
}

// painter draws in the figure's coordinates: points, origin at the bottom
// left, y up.
type painter interface {
	fill(p *canvas.Path, c color.NRGBA)
	stroke(p *canvas.Path, c color.NRGBA, width float64, dashes []float64)
	// glyphs draws a shaped run with its baseline starting at (x, y), at
	// size points, stretched horizontally by sx.
	glyphs(run textRun, x, y, size, sx float64, c color.NRGBA)
}

// paintFigure draws the figure with p, in the order the SVG draws it, and
// returns the characters no font has.
func paintFigure(f *Figure, fonts *Fonts, transparent bool, p painter) []rune {
	var missing []rune
	text := func(s string, bold bool, x, y, size, align, room float64, c color.NRGBA) {
		missing = append(missing, paintText(p, fonts, s, bold, x, y, size, align, room, c)...)
	}
	if !transparent && f.background != "" {
		p.fill(rectPath(0, 0, f.Width, f.Height), parseColor(f.background))
	}
	figText := func(block string) {
		for _, l := range f.lines {
			if l.block == block {
				text(l.text, l.bold, l.x, f.Height-l.y, l.size, 0, l.room, parseColor(l.color))
			}
		}
	}
	figText("title-block")
	for _, pn := range f.panels {
		if pn.layout == nil {
			continue
		}
		at, s := f.place(pn)
		for _, sh := range pn.layout.shapes {
			if sh.kind == shapeText {
				if sh.pen.A == 0 {
					continue
				}
				q := at(sh.points[0])
				text(sh.text, sh.bold, q.x, q.y, sh.size*s, sh.align, sh.room*s, sh.pen)
				continue
			}
			path := shapePath(sh, at, s)
			if path == nil {
				continue
			}
			if sh.filled && sh.fill.A > 0 {
				p.fill(path, sh.fill)
			}
			if sh.pen.A > 0 && sh.width > 0 {
				var dashes []float64
				for _, d := range sh.dashes {
					dashes = append(dashes, d*s)
				}
				p.stroke(path, sh.pen, sh.width*s, dashes)
			}
		}
	}
	figText("key")
	figText("also")
	figText("sources")
	return missing
}

// paintText draws one line of text with p, its runs in visual order from
// left to right: anchored at x by align (0 left, 0.5 centre, 1 right),
// squeezed into room when it is wider (room 0: no limit). It returns the
// characters no font has.
func paintText(p painter, fonts *Fonts, s string, bold bool, x, y, size, align, room float64, c color.NRGBA) []rune {
	var (
		runs    []textRun
		adv     float64
		missing []rune
	)
	withFonts(func() { runs, adv, missing = fonts.shapeText(s, bold) })
	w := adv * size
	sx := 1.0
	if room > 0 && w > room {
		sx = room / w // fit the room Graphviz (or the figure) left
	}
	x -= align * w * sx
	for _, r := range runs {
		p.glyphs(r, x, y, size, sx, c)
		x += r.adv * size * sx
	}
	return missing
}

// place maps a panel's Graphviz coordinates to the figure's (points, y
// up), as the SVG nests the panel: Graphviz's translation, then the
// viewBox fitted into the panel's box (preserveAspectRatio xMidYMid meet).
// s is the scale.
func (f *Figure) place(pn *panel) (at func(point) point, s float64) {
	sv := pn.svg
	s = min(sv.width/sv.vb[2], sv.height/sv.vb[3])
	ox := pn.x + (sv.width-sv.vb[2]*s)/2 - sv.vb[0]*s
	oy := pn.y + (sv.height-sv.vb[3]*s)/2 - sv.vb[1]*s
	return func(q point) point {
		return point{ox + s*(q.x+sv.tx), f.Height - (oy + s*(sv.ty-q.y))}
	}, s
}

// shapePath is a shape's outline in figure coordinates.
func shapePath(sh shape, at func(point) point, s float64) *canvas.Path {
	p := &canvas.Path{}
	switch sh.kind {
	case shapeEllipse:
		c := at(sh.points[0])
		rx, ry := sh.points[1].x*s, sh.points[1].y*s
		const k = 0.5522847498307936 // cubic approximation of a quarter circle
		p.MoveTo(c.x+rx, c.y)
		p.CubeTo(c.x+rx, c.y+k*ry, c.x+k*rx, c.y+ry, c.x, c.y+ry)
		p.CubeTo(c.x-k*rx, c.y+ry, c.x-rx, c.y+k*ry, c.x-rx, c.y)
		p.CubeTo(c.x-rx, c.y-k*ry, c.x-k*rx, c.y-ry, c.x, c.y-ry)
		p.CubeTo(c.x+k*rx, c.y-ry, c.x+rx, c.y-k*ry, c.x+rx, c.y)
		p.Close()
	case shapePolygon, shapePolyline:
		for i, q := range sh.points {
			q = at(q)
			if i == 0 {
				p.MoveTo(q.x, q.y)
			} else {
				p.LineTo(q.x, q.y)
			}
		}
		if sh.kind == shapePolygon {
			p.Close()
		}
	case shapeBezier:
		q := at(sh.points[0])
		p.MoveTo(q.x, q.y)
		for i := 1; i+2 < len(sh.points); i += 3 {
			a, b, c := at(sh.points[i]), at(sh.points[i+1]), at(sh.points[i+2])
			p.CubeTo(a.x, a.y, b.x, b.y, c.x, c.y)
		}
		if sh.filled {
			p.Close()
		}
	default:
		return nil
	}
	return p
}

func rectPath(x, y, w, h float64) *canvas.Path {
	p := &canvas.Path{}
	p.MoveTo(x, y)
	p.LineTo(x+w, y)
	p.LineTo(x+w, y+h)
	p.LineTo(x, y+h)
	p.Close()
	return p
}

// fontsOf returns the fonts to paint with.
func fontsOf(o PaintOptions) (*Fonts, error) {
	if o.Fonts != nil {
		return o.Fonts, nil
	}
	return LoadFonts(FontOptions{})
}

// warnMissing reports the characters no font has, once.
func warnMissing(o PaintOptions, missing []rune) {
	if len(missing) > 0 && o.Warn != nil {
		o.Warn(missingWarning(missing))
	}
}

// paintable reports whether the figure was laid out for painting.
func (f *Figure) paintable() error {
	for _, p := range f.panels {
		if p.layout == nil {
			return errors.New("the figure was laid out without its drawing operations (call Lay with paint set)")
		}
	}
	return nil
}

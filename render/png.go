package render

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"math"

	"github.com/tdewolff/canvas"
	"github.com/tdewolff/canvas/renderers/rasterizer"
	"github.com/tdewolff/font"
)

const mmPerPt = 25.4 / 72

// PNG paints the figure as a PNG image (see PaintOptions for its size).
// Laid out with paint set (see Lay). The same figure and options give the
// same bytes.
func (f *Figure) PNG(o PaintOptions) ([]byte, error) {
	img, err := f.Image(o)
	if err != nil {
		return nil, err
	}
	if !o.Transparent {
		return withDPI(encodeOpaquePNG(img), o.dpi()), nil
	}
	var b bytes.Buffer
	// BestSpeed: a third of the encoding time of the default level, for
	// files about 3 % larger (figures are mostly flat colour).
	if err := (&png.Encoder{CompressionLevel: png.BestSpeed}).Encode(&b, img); err != nil {
		return nil, err
	}
	return withDPI(b.Bytes(), o.dpi()), nil
}

// Image paints the figure into an image.
func (f *Figure) Image(o PaintOptions) (*image.RGBA, error) {
	if err := f.paintable(); err != nil {
		return nil, err
	}
	w, h, err := f.PixelSize(o)
	if err != nil {
		return nil, err
	}
	fonts, err := fontsOf(o)
	if err != nil {
		return nil, err
	}
	var img *image.RGBA
	var missing []rune
	err = fonts.paintWithout(func() error {
		img, missing = nil, nil
		img = image.NewRGBA(image.Rect(0, 0, w, h))
		return f.paintImage(img, o, fonts, &missing)
	})
	if err != nil {
		return nil, err
	}
	warnFonts(o, fonts)
	warnMissing(o, missing)
	return img, nil
}

// paintImage paints the figure into img, of its pixel size.
func (f *Figure) paintImage(img *image.RGBA, o PaintOptions, fonts *Fonts, missing *[]rune) error {
	w := img.Bounds().Dx()
	if !o.Transparent {
		// White to the last pixel, though the figure's edge falls inside it
		// (filled by doubling copies: a tenth of the time of a byte loop).
		if len(img.Pix) > 0 {
			img.Pix[0] = 255
			for n := 1; n < len(img.Pix); n *= 2 {
				copy(img.Pix[n:], img.Pix[:n])
			}
		}
	}
	pxPerPt := float64(w) / f.Width
	// Colours blend as they are (sRGB values), as SVG viewers blend them.
	r := rasterizer.FromImage(img, canvas.DPMM(pxPerPt/mmPerPt), canvas.LinearColorSpace{})
	rp := &rasterPainter{r: r, m: canvas.Identity.Scale(mmPerPt, mmPerPt), cache: map[glyphKey]*canvas.Path{}, dpmm: pxPerPt / mmPerPt}
	if err := catch(func() { *missing = paintFigure(f, fonts, o.Transparent, rp) }); err != nil {
		return err
	}
	r.Close()
	return nil
}

type rasterPainter struct {
	r     *rasterizer.Rasterizer
	dpmm  float64       // pixels per millimetre
	m     canvas.Matrix // figure points to the rasteriser's millimetres
	cache map[glyphKey]*canvas.Path
}

type glyphKey struct {
	font *fontFace
	id   uint16
}

func paint(c color.NRGBA) canvas.Paint {
	return canvas.Paint{Color: color.RGBA{
		R: uint8(uint16(c.R) * uint16(c.A) / 255), G: uint8(uint16(c.G) * uint16(c.A) / 255),
		B: uint8(uint16(c.B) * uint16(c.A) / 255), A: c.A}}
}

func (rp *rasterPainter) fill(p *canvas.Path, c color.NRGBA) {
	style := canvas.DefaultStyle
	style.Fill = paint(c)
	rp.r.RenderPath(p, style, rp.m)
}

func init() {
	// Stroke outlines may overlap themselves: the rasteriser fills them by
	// winding, so canvas need not untangle them (the slow part of stroking).
	canvas.FastStroke = true
}

func (rp *rasterPainter) stroke(p *canvas.Path, c color.NRGBA, width float64, dashes []float64) {
	on, period := 0.0, 0.0
	for i, d := range dashes {
		period += d
		if i%2 == 0 {
			on += d
		}
	}
	if period > 0 && period*rp.dpmm*mmPerPt < 3 {
		// Dashes finer than the pixels (a large figure in a small
		// image): a solid line as light as the dashes on average.
		c.A = uint8(math.Round(float64(c.A) * on / period))
		dashes = nil
	}
	if len(dashes) > 0 {
		// Dashing curves whose control points coincide with their ends
		// (Graphviz's splines have them) can give the stroker NaNs:
		// dash the curve flattened to lines finer than a pixel.
		p = p.Flatten(canvas.PixelTolerance/rp.dpmm/mmPerPt).Dash(0, dashes...)
	}
	style := canvas.DefaultStyle
	style.Fill = canvas.Paint{}
	style.Stroke = paint(c)
	style.StrokeWidth = width
	style.StrokeCapper = canvas.ButtCap
	style.StrokeJoiner = canvas.MiterJoin // limit 4, as SVG's default
	rp.r.RenderPath(p, style, rp.m)
}

func (rp *rasterPainter) glyphs(run textRun, x, y, size, sx float64, c color.NRGBA) {
	upem := float64(run.font.Head.UnitsPerEm)
	k := size / upem
	all := &canvas.Path{}
	pen := 0.0
	for _, g := range run.glyphs {
		gp, ok := rp.cache[glyphKey{run.font, g.ID}]
		if !ok {
			gp = &canvas.Path{}
			var err error
			withFonts(func() {
				run.font.guard("drawing a glyph", func() { err = run.font.GlyphPath(gp, g.ID, 0, 0, 0, 1, font.NoHinting) })
			})
			if err != nil {
				gp = &canvas.Path{}
			}
			rp.cache[glyphKey{run.font, g.ID}] = gp
		}
		if !gp.Empty() {
			m := canvas.Identity.Translate(x+(pen+float64(g.XOffset))*k*sx, y+float64(g.YOffset)*k).Scale(k*sx, k)
			all = all.Append(gp.Copy().Transform(m))
		}
		pen += float64(g.XAdvance)
	}
	if !all.Empty() {
		rp.fill(all, c)
	}
}

// withDPI adds a pHYs chunk (the resolution) after the PNG's header chunk.
func withDPI(b []byte, dpi float64) []byte {
	const sig, ihdr = 8, 8 + 13 + 4
	if len(b) < sig+ihdr {
		return b
	}
	ppm := uint32(math.Round(dpi / 0.0254))
	var phys [9]byte
	binary.BigEndian.PutUint32(phys[0:], ppm)
	binary.BigEndian.PutUint32(phys[4:], ppm)
	phys[8] = 1 // metres
	var out bytes.Buffer
	out.Grow(len(b) + 4 + 4 + len(phys) + 4)
	out.Write(b[:sig+ihdr])
	pngChunk(&out, "pHYs", phys[:])
	out.Write(b[sig+ihdr:])
	return out.Bytes()
}

// catch turns a panic of the drawing library into an error: a figure it
// cannot draw fails the command, it does not crash it. A font library's
// panic on a font (a *fontFault, see guard) is returned as it is, for the
// painter to paint again without that font.
func catch(paint func()) (err error) {
	defer func() {
		if r := recover(); r != nil {
			if ff, ok := r.(*fontFault); ok {
				err = ff
				return
			}
			err = fmt.Errorf("painting failed: %v", r)
		}
	}()
	paint()
	return nil
}

package cli

import (
	"math"
	"strings"

	"github.com/spf13/pflag"

	"github.com/dipgraph/dipgraph/render"
)

// paintFlags are render's flags for the painted formats, PNG and PDF.
type paintFlags struct {
	dpi, scale  float64
	size        string
	transparent bool
	fonts       []string
	fontDirs    []string
}

func (p *paintFlags) register(fs *pflag.FlagSet) {
	fs.Float64Var(&p.dpi, "dpi", render.DefaultDPI, "PNG resolution in pixels per inch: 96 for screens, 300 for print")
	fs.Float64Var(&p.scale, "scale", 1, "PNG and PDF: multiply the size by this")
	fs.StringVar(&p.size, "size", "", "SVG, PNG and PDF: WxH (pixels; points for PDF) — the figure centred on a canvas of exactly that size, or one side (1200x) with the other in proportion — or a preset: slide (1920x1080), slide-4:3 (1440x1080), a4-column (85 mm wide: 1004 px at 300 dpi, 241 pt in PDF), square (1080x1080); with both sides, and for a4-column, the text is enlarged to read there")
	fs.BoolVar(&p.transparent, "transparent", false, "SVG, PNG and PDF: leave the background transparent")
	fs.StringArrayVar(&p.fonts, "font", nil, "PNG and PDF: a font file (.ttf, .otf, .ttc) for characters the built-in font lacks (repeatable)")
	fs.StringArrayVar(&p.fontDirs, "font-dir", nil, "PNG and PDF: a folder of fonts to search before the system's (repeatable)")
}

// options checks the flags against the format and each other, and loads
// the fonts named, before any data is read.
func (p *paintFlags) options(fs *pflag.FlagSet, format render.Format) (render.PaintOptions, error) {
	painted := format.Painted()
	if fs.Changed("dpi") && format != render.FormatPNG {
		return render.PaintOptions{}, formatErrorf("dpi", "--dpi applies to PNG only, not %s (a PDF's page size follows --scale or --size)", format)
	}
	if fs.Changed("size") && !format.Picture() {
		return render.PaintOptions{}, formatErrorf("size", "--size applies to SVG, PNG and PDF only, not %s", format)
	}
	for _, name := range []string{"scale", "font", "font-dir"} {
		if fs.Changed(name) && !painted {
			return render.PaintOptions{}, formatErrorf(name, "--%s applies to PNG and PDF only, not %s", name, format)
		}
	}
	if fs.Changed("transparent") && !format.Picture() {
		return render.PaintOptions{}, formatErrorf("transparent", "--transparent applies to SVG, PNG and PDF only, not %s", format)
	}
	o := render.PaintOptions{DPI: p.dpi, Scale: p.scale, Transparent: p.transparent}
	if math.IsNaN(p.dpi) || p.dpi <= 0 {
		return o, render.DPIError(p.dpi)
	}
	if math.IsNaN(p.scale) || p.scale <= 0 {
		return o, render.ScaleError(p.scale)
	}
	if fs.Changed("size") {
		if fs.Changed("scale") {
			return o, flagErrorf("size scale", "--size and --scale both set the size: give one")
		}
		var err error
		if o.Width, o.Height, err = render.ParseSize(p.size); err != nil {
			return o, err
		}
		if strings.EqualFold(strings.TrimSpace(p.size), "a4-column") {
			// 85 mm wide on paper: points for PDF; for PNG, pixels at
			// --dpi, 300 unless given, written into the file so a word
			// processor places it 85 mm wide.
			switch format {
			case render.FormatPDF:
				o.Width = render.A4ColumnWidth(72)
			case render.FormatPNG:
				if !fs.Changed("dpi") {
					o.DPI = 300
				}
				o.Width = render.A4ColumnWidth(o.DPI)
			}
		}
	}
	if err := o.Check(); err != nil {
		return o, err
	}
	if painted {
		fonts, err := render.LoadFonts(render.FontOptions{Files: p.fonts, Dirs: p.fontDirs})
		if err != nil {
			return o, err
		}
		o.Fonts = fonts
	}
	return o, nil
}

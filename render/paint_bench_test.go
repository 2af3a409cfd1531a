package render

import (
	"bytes"
	"context"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"sync"
	"testing"

	"github.com/dipgraph/dipgraph/graph"
	"github.com/dipgraph/dipgraph/graph/graphtest"
)

// Benchmarks of painting (the layout is made once, outside the timing):
//
//	go test ./render -run '^$' -bench 'PNG|PDF|Rsvg' -benchtime 10x
//
// The 300-entity synthetic graph (graphtest.Synthetic(300, 1): 293 entities
// and 897 edges after aggregation) is laid out with sfdp, which takes a
// fraction of a second (dot, used before, took over a minute). Its PNG is
// painted at 1920 pixels wide and compared with rsvg-convert rasterising
// our SVG of the same layout at the same size (a process per image, as a
// script would run it). Measured on the 2-core development machine while
// other work ran on it (-benchtime 3x):
//
//	BenchmarkPaintPNG/default          145 ms   (painting alone, 1920 px wide)
//	BenchmarkPNG/default               310 ms   (painting and PNG encoding)
//	BenchmarkRsvgConvert/default       269 ms
//	BenchmarkPaintPNG/synthetic-300    310 ms
//	BenchmarkPNG/synthetic-300         628 ms
//	BenchmarkRsvgConvert/synthetic-300 801 ms   (ratio ours/rsvg: 0.39 painting, 0.78 with encoding)
//	BenchmarkPDF/default                44 ms   (page fitted to 1920 pt)
//	BenchmarkPDF/synthetic-300          69 ms

var (
	synOnce sync.Once
	synFig  *Figure
	synErr  error
)

func syntheticFigure(b *testing.B) *Figure {
	gv := sharedGraphviz(b)
	synOnce.Do(func() {
		g := graph.Build(graphtest.Synthetic(300, 1), graph.Filter{})
		synFig, synErr = Lay(context.Background(), gv, g, Options{Layout: "sfdp", Seed: DefaultSeed, EdgeLabels: "none"}, true)
	})
	if synErr != nil {
		b.Fatal(synErr)
	}
	return synFig
}

func benchFigures(b *testing.B) map[string]*Figure {
	return map[string]*Figure{"default": defaultFigure(b), "synthetic-300": syntheticFigure(b)}
}

// BenchmarkPaintPNG is painting alone: the image, not its encoding.
func BenchmarkPaintPNG(b *testing.B) {
	for _, name := range []string{"default", "synthetic-300"} {
		b.Run(name, func(b *testing.B) {
			f := benchFigures(b)[name]
			o := PaintOptions{Width: 1920, Fonts: systemFonts(b)}
			f.Image(o) // fonts loaded and glyphs cached, as after the first figure
			b.ResetTimer()
			for b.Loop() {
				if _, err := f.Image(o); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkPNG is painting and encoding the PNG file.
func BenchmarkPNG(b *testing.B) {
	for _, name := range []string{"default", "synthetic-300"} {
		b.Run(name, func(b *testing.B) {
			f := benchFigures(b)[name]
			o := PaintOptions{Width: 1920, Fonts: systemFonts(b)}
			f.PNG(o)
			b.ResetTimer()
			for b.Loop() {
				if _, err := f.PNG(o); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

func BenchmarkPDF(b *testing.B) {
	for _, name := range []string{"default", "synthetic-300"} {
		b.Run(name, func(b *testing.B) {
			f := benchFigures(b)[name]
			// The synthetic figure is larger than PDF pages may be: fit
			// both into 1920 points.
			o := PaintOptions{Width: 1920, Fonts: systemFonts(b)}
			f.PDF(o)
			b.ResetTimer()
			for b.Loop() {
				if _, err := f.PDF(o); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkRsvgConvert is the reference: rsvg-convert rasterising our SVG
// of the same figure at the same size.
func BenchmarkRsvgConvert(b *testing.B) {
	need(b, "rsvg-convert")
	for _, name := range []string{"default", "synthetic-300"} {
		b.Run(name, func(b *testing.B) {
			f := benchFigures(b)[name]
			w, h, err := f.PixelSize(PaintOptions{Width: 1920})
			if err != nil {
				b.Fatal(err)
			}
			dir := b.TempDir()
			svg := filepath.Join(dir, "fig.svg")
			if err := os.WriteFile(svg, f.SVG(false), 0o644); err != nil {
				b.Fatal(err)
			}
			b.ResetTimer()
			for b.Loop() {
				if out, err := exec.Command("rsvg-convert", "-w", itoa(w), "-h", itoa(h), "-o", filepath.Join(dir, "out.png"), svg).CombinedOutput(); err != nil {
					b.Fatalf("%v: %s", err, out)
				}
			}
		})
	}
}

// BenchmarkEncodePNG compares dipgraph's encoder for opaque figures with
// image/png at its fastest level, on the painted default and 300-entity
// figures (1920 px wide); it reports each file's size.
func BenchmarkEncodePNG(b *testing.B) {
	for _, name := range []string{"default", "synthetic-300"} {
		img, err := benchFigures(b)[name].Image(PaintOptions{Width: 1920, Fonts: systemFonts(b)})
		if err != nil {
			b.Fatal(err)
		}
		b.Run(name+"/opaque", func(b *testing.B) {
			var n int
			for b.Loop() {
				n = len(encodeOpaquePNG(img))
			}
			b.ReportMetric(float64(n), "bytes")
		})
		b.Run(name+"/image-png", func(b *testing.B) {
			var buf bytes.Buffer
			for b.Loop() {
				buf.Reset()
				if err := (&png.Encoder{CompressionLevel: png.BestSpeed}).Encode(&buf, img); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(buf.Len()), "bytes")
		})
	}
}

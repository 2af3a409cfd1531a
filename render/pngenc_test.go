package render

import (
	"bytes"
	"image"
	"image/color"
	"image/png"
	"testing"
)

// TestEncodeOpaquePNG: image/png reads back every pixel as painted, for
// images of various sizes, and the same image gives the same bytes.
func TestEncodeOpaquePNG(t *testing.T) {
	for _, size := range [][2]int{{1, 1}, {3, 2}, {17, 9}, {640, 37}} {
		img := image.NewRGBA(image.Rect(0, 0, size[0], size[1]))
		for y := range size[1] {
			for x := range size[0] {
				img.SetRGBA(x, y, color.RGBA{uint8(x * 7), uint8(y * 13), uint8(x ^ y), 255})
			}
		}
		b := encodeOpaquePNG(img)
		if !bytes.Equal(b, encodeOpaquePNG(img)) {
			t.Errorf("%v: two encodings differ", size)
		}
		got, err := png.Decode(bytes.NewReader(withDPI(b, 144)))
		if err != nil {
			t.Fatalf("%v: %v", size, err)
		}
		if got.Bounds() != img.Bounds() {
			t.Fatalf("%v: decoded %v", size, got.Bounds())
		}
		for y := range size[1] {
			for x := range size[0] {
				r, g, bl, a := got.At(x, y).RGBA()
				want := img.RGBAAt(x, y)
				if uint8(r>>8) != want.R || uint8(g>>8) != want.G || uint8(bl>>8) != want.B || a != 0xffff {
					t.Fatalf("%v: pixel (%d,%d) is %v, want %v", size, x, y, got.At(x, y), want)
				}
			}
		}
	}
}

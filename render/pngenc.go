package render

import (
	"bytes"
	"compress/zlib"
	"encoding/binary"
	"hash/crc32"
	"image"
)

// encodeOpaquePNG writes an image with no transparency as an 8-bit RGB PNG,
// every row unfiltered. image/png tries five filters on every row and keeps
// the alpha channel's work; figures are flat colour with anti-aliased
// edges, which the compressor's own matching takes best unfiltered: on the
// default figure at 1920 px, 24 ms and 362 kB against image/png's 65 ms and
// 433 kB at its fastest level (BenchmarkEncodePNG). The same image gives
// the same bytes.
func encodeOpaquePNG(img *image.RGBA) []byte {
	w, h := img.Rect.Dx(), img.Rect.Dy()
	var b bytes.Buffer
	b.WriteString("\x89PNG\r\n\x1a\n")
	var ihdr [13]byte
	binary.BigEndian.PutUint32(ihdr[0:], uint32(w))
	binary.BigEndian.PutUint32(ihdr[4:], uint32(h))
	ihdr[8], ihdr[9] = 8, 2 // 8 bits, RGB; deflate, no filtering choice, no interlace
	pngChunk(&b, "IHDR", ihdr[:])
	var z bytes.Buffer
	z.Grow(w * h / 2)
	zw, _ := zlib.NewWriterLevel(&z, zlib.BestSpeed)
	row := make([]byte, 1+3*w) // filter type 0 (none), then the pixels
	for y := range h {
		p := img.Pix[y*img.Stride:]
		for x := range w {
			copy(row[1+3*x:4+3*x], p[4*x:4*x+3])
		}
		zw.Write(row)
	}
	zw.Close()
	pngChunk(&b, "IDAT", z.Bytes())
	pngChunk(&b, "IEND", nil)
	return b.Bytes()
}

// pngChunk writes a PNG chunk: length, type, data, CRC of type and data.
func pngChunk(b *bytes.Buffer, typ string, data []byte) {
	var n [4]byte
	binary.BigEndian.PutUint32(n[:], uint32(len(data)))
	b.Write(n[:])
	crc := crc32.NewIEEE()
	crc.Write([]byte(typ))
	crc.Write(data)
	b.WriteString(typ)
	b.Write(data)
	binary.BigEndian.PutUint32(n[:], crc.Sum32())
	b.Write(n[:])
}

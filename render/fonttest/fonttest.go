// Package fonttest makes malformed fonts for tests: the built-in font
// (Liberation Sans) cut short, with bytes flipped in one of its tables,
// with its table directory zeroed or pointing out of the file. Each is
// made from the font's bytes by a fixed rule, so a test names the same
// font run after run.
package fonttest

import (
	"encoding/binary"
	"fmt"
	"math/rand/v2"

	"codeberg.org/go-fonts/liberation/liberationsansregular"
)

// Seed is the real font the malformed ones are made from.
func Seed() []byte { return liberationsansregular.TTF }

// A Font is one malformed font and how it was made.
type Font struct {
	Name string // what was done, usable as a file name: "flip-glyf-3"
	TTF  []byte
}

// Table returns the offset and length of the table tag in font, or -1.
func Table(font []byte, tag string) (off, n int) {
	if len(font) < 12 {
		return -1, 0
	}
	count := int(binary.BigEndian.Uint16(font[4:]))
	for i := 0; i < count && 12+16*i+16 <= len(font); i++ {
		rec := font[12+16*i:]
		if string(rec[:4]) == tag {
			return int(binary.BigEndian.Uint32(rec[8:])), int(binary.BigEndian.Uint32(rec[12:]))
		}
	}
	return -1, 0
}

// Set is the fixed set of malformed fonts: truncations, flipped bytes in
// the glyf, loca, cmap, hmtx, head, maxp and GSUB tables, loca offsets
// scrambled, a zeroed table directory, a table pointing past the end.
func Set() []Font {
	seed := Seed()
	var out []Font
	for _, n := range []int{0, 4, 12, 100, len(seed) / 4, len(seed) / 2, len(seed) - 1} {
		out = append(out, Font{fmt.Sprintf("truncated-%d", n), append([]byte(nil), seed[:n]...)})
	}
	for _, tag := range []string{"glyf", "loca", "cmap", "hmtx", "head", "maxp", "GSUB"} {
		for i := range 4 {
			out = append(out, Font{fmt.Sprintf("flip-%s-%d", tag, i), Flip(seed, tag, uint64(i), 16)})
		}
	}
	for i := range 4 {
		out = append(out, Font{fmt.Sprintf("scramble-loca-%d", i), ScrambleLoca(seed, uint64(i))})
	}
	zero := append([]byte(nil), seed...)
	clear(zero[12 : 12+16*int(binary.BigEndian.Uint16(seed[4:]))])
	out = append(out, Font{"zeroed-directory", zero})
	for _, tag := range []string{"glyf", "loca", "cmap"} {
		out = append(out, Font{"past-end-" + tag, PastEnd(seed, tag)})
	}
	return out
}

// Flip returns font with n random bytes of table tag replaced (the
// randomness from seed).
func Flip(font []byte, tag string, seed uint64, n int) []byte {
	out := append([]byte(nil), font...)
	off, size := Table(out, tag)
	if off < 0 || size == 0 || off+size > len(out) {
		return out
	}
	r := rand.New(rand.NewPCG(seed, 0x666f6e74))
	for range n {
		out[off+r.IntN(size)] = byte(r.UintN(256))
	}
	return out
}

// ScrambleLoca returns font with some glyph offsets in its loca table
// swapped and pushed out of the glyf table, so glyphs start after they
// end or past the table.
func ScrambleLoca(font []byte, seed uint64) []byte {
	out := append([]byte(nil), font...)
	off, size := Table(out, "loca")
	if off < 0 || size < 8 || off+size > len(out) {
		return out
	}
	r := rand.New(rand.NewPCG(seed, 0x6c6f6361))
	for range 8 {
		i := off + 4*r.IntN(size/4) // long offsets (Liberation's); short ones are hit too
		binary.BigEndian.PutUint32(out[i:], r.Uint32()>>uint(r.IntN(24)))
	}
	return out
}

// PastEnd returns font with table tag's length pointing past the file.
func PastEnd(font []byte, tag string) []byte {
	out := append([]byte(nil), font...)
	count := int(binary.BigEndian.Uint16(out[4:]))
	for i := 0; i < count; i++ {
		rec := out[12+16*i:]
		if string(rec[:4]) == tag {
			binary.BigEndian.PutUint32(rec[12:], uint32(len(out)))
		}
	}
	return out
}

// Mutate returns the i-th of an endless series of random mutations of
// font: a truncation, bytes flipped in one table, loca scrambled, or a
// table's directory entry changed.
func Mutate(font []byte, i uint64) []byte {
	r := rand.New(rand.NewPCG(i, 0x6d757461))
	tags := []string{"glyf", "loca", "cmap", "hmtx", "hhea", "head", "maxp", "post", "name", "OS/2", "GSUB", "GPOS", "kern", "GDEF"}
	switch r.IntN(6) {
	case 0:
		return append([]byte(nil), font[:r.IntN(len(font))]...)
	case 1:
		return ScrambleLoca(font, i)
	case 2:
		out := append([]byte(nil), font...)
		count := int(binary.BigEndian.Uint16(out[4:]))
		if count > 0 && 12+16*count <= len(out) {
			rec := out[12+16*r.IntN(count):]
			binary.BigEndian.PutUint32(rec[8+4*r.IntN(2):], r.Uint32()>>uint(r.IntN(32)))
		}
		return out
	default:
		return Flip(font, tags[r.IntN(len(tags))], i, 1+r.IntN(64))
	}
}

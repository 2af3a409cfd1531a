package render

import (
	"bytes"
	"fmt"
	"strings"
	"sync/atomic"
	"unicode"

	typesetting "github.com/go-text/typesetting/font"
	"github.com/go-text/typesetting/font/opentype"
	"github.com/go-text/typesetting/harfbuzz"
	"github.com/tdewolff/canvas/text"
	"github.com/tdewolff/font"
)

// fontFace is one face of a font file: its outlines and metrics (the parsed
// tables, for painting and embedding) and a HarfBuzz shaper over the same
// face. canvas.LoadFont makes the same pair, but it first writes the face
// back out as a standalone file for the shaper, which for a face of a large
// collection (Noto CJK's is 19 MB) took longer than the rest of a PNG
// figure; here the shaper reads the file's own bytes.
type fontFace struct {
	*font.SFNT
	hb   *harfbuzz.Font
	name string

	builtin bool   // the built-in font, trusted: its calls are not guarded
	path    string // the file it was read from
	flag    string // "--font" for a font named so, else ""
	// broken: the font library panicked on it (see guard): it is used no
	// more. noSubset: the PDF subsetter failed on it: embedded as
	// outlines.
	broken, noSubset atomic.Bool
}

// loadFace reads face index of a font file (TrueType, OpenType, a
// collection of them, or WOFF/WOFF2). A malformed file is an error, never
// a panic: the font libraries panic on some (a glyph past the end of its
// table), and that panic is returned as an error.
func loadFace(b []byte, index int) (face *fontFace, err error) {
	defer func() {
		if r := recover(); r != nil {
			face, err = nil, fmt.Errorf("the font library failed reading it: %v", r)
		}
	}()
	sfnt, err := font.ParseFont(b, index)
	if err != nil {
		return nil, err
	}
	loaders, err := opentype.NewLoaders(bytes.NewReader(b))
	if err != nil || index >= len(loaders) {
		// Not an SFNT file the shaper reads directly (WOFF, WOFF2): give
		// it the face as a plain one.
		loaders, err = opentype.NewLoaders(bytes.NewReader(sfnt.Write()))
		index = 0
	}
	if err != nil || len(loaders) == 0 {
		return nil, fmt.Errorf("reading the font for shaping: %v", err)
	}
	f, err := typesetting.NewFont(loaders[index])
	if err != nil {
		return nil, fmt.Errorf("reading the font for shaping: %w", err)
	}
	face = &fontFace{SFNT: sfnt, hb: harfbuzz.NewFont(&typesetting.Face{Font: f})}
names:
	for _, id := range []font.NameID{font.NamePostScript, font.NameFull, font.NameFontFamily} {
		for _, record := range sfnt.Name.Get(id) {
			face.name = record.String()
			break names
		}
	}
	face.name = strings.Map(func(r rune) rune {
		if unicode.IsPrint(r) {
			return r
		}
		return -1
	}, face.name)
	if r := []rune(face.name); len(r) > 63 { // the name is the file's: messages quote it
		face.name = string(r[:63])
	}
	if face.name == "" {
		face.name = fmt.Sprintf("font%d", index)
	}
	return face, nil
}

// Name is the face's PostScript name (or full or family name).
func (f *fontFace) Name() string { return f.name }

// shape sets s in the face: glyphs with advances and offsets in font
// units, each with the byte offset in s of the text it shows (Cluster),
// in visual order: right to left text (rtl, an odd bidi level) comes out
// reversed, with its mirrored characters mirrored. Script and language
// are guessed from the text, as HarfBuzz does.
func (f *fontFace) shape(s string, rtl bool) []text.Glyph {
	buf := harfbuzz.NewBuffer()
	runes := []rune(s)
	buf.AddRunes(runes, 0, -1)
	buf.ClusterLevel = harfbuzz.MonotoneCharacters
	buf.Props.Direction = harfbuzz.LeftToRight
	if rtl {
		buf.Props.Direction = harfbuzz.RightToLeft
	}
	buf.GuessSegmentProperties()
	buf.Shape(f.hb, nil)
	offset := make([]int, 0, len(runes)+1)
	for i := range s {
		offset = append(offset, i)
	}
	offset = append(offset, len(s))
	glyphs := make([]text.Glyph, len(buf.Info))
	for i, info := range buf.Info {
		pos := buf.Pos[i]
		glyphs[i] = text.Glyph{
			ID:       uint16(info.Glyph),
			Cluster:  uint32(offset[info.Cluster]),
			XAdvance: int32(pos.XAdvance),
			YAdvance: int32(pos.YAdvance),
			XOffset:  int32(pos.XOffset),
			YOffset:  int32(pos.YOffset),
			Text:     runes[info.Cluster],
		}
	}
	return glyphs
}

package render

import (
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"sync"
	"unicode"

	"codeberg.org/go-fonts/liberation/liberationsansbold"
	"codeberg.org/go-fonts/liberation/liberationsansregular"
	"github.com/benoitkugler/textprocessing/fribidi"
	"github.com/tdewolff/canvas/text"

	"github.com/dipgraph/dipgraph/internal/readfile"
)

// Fonts for painting. Graphviz sizes text with Helvetica's metrics; the
// default font, built into the program, is Liberation Sans, which has the
// same advance widths as Helvetica and Arial, so Latin text fills the
// boxes Graphviz made for it on any machine, with no fonts installed. It
// also covers Greek and Cyrillic. Characters it lacks (Korean, Chinese,
// Japanese, …) come from fonts the user names (--font FILE, --font-dir
// DIR) and then from the system's font folders (for instance Debian's
// fonts-noto-cjk), in that order; what none covers is reported once.
//
// A font file that cannot be used — malformed, cut short, not a font —
// never stops a figure: it is skipped with a warning naming the file, and
// its characters come from the next font that has them, else the built-in
// one (fontfault.go). Font files are read only when regular files of at
// most MaxFontFile bytes; --font naming a device, a FIFO, a file over the
// limit or no file is an error, a folder's such files are skipped.

// MaxFontFile is the largest font file read, in bytes: more than twice
// the largest font collections in common use (Noto Serif CJK's is 26 MB).
const MaxFontFile = 64 << 20

// FontOptions say where to look for fonts beyond the built-in one.
type FontOptions struct {
	Files []string // font files (.ttf, .otf, .ttc), tried in order
	Dirs  []string // folders searched for fonts, before the system's
	// NoSystem leaves the system's font folders out (tests use it to
	// know which fonts are used).
	NoSystem bool
}

// Fonts is the chain of fonts text is set in.
type Fonts struct {
	regular, bold *fontFace
	files         []*fontFace // --font, in order
	dirs          []string    // --font-dir, then the system's folders

	mu         sync.Mutex
	candidates []*fontCandidate // found in dirs; nil until first needed
	scanned    bool
	byRune     map[rune]*fontFace // resolved fallbacks; nil value: none covers

	notesMu sync.Mutex
	notes   []string // warnings: fonts skipped (see warnFonts)
}

var (
	builtinOnce          sync.Once
	builtinReg, builtinB *fontFace
	builtinErr           error
)

func builtinFonts() (*fontFace, *fontFace, error) {
	builtinOnce.Do(func() {
		builtinReg, builtinErr = loadFace(liberationsansregular.TTF, 0)
		if builtinErr == nil {
			builtinB, builtinErr = loadFace(liberationsansbold.TTF, 0)
		}
		if builtinErr == nil {
			builtinReg.builtin, builtinB.builtin = true, true
			builtinReg.path, builtinB.path = "built-in", "built-in"
		}
	})
	return builtinReg, builtinB, builtinErr
}

// loadedFonts keeps each set of fonts a process loads: every figure that
// names the same fonts shares one Fonts, so a font found on the system
// (parsing a CJK collection takes most of a second) is read once per
// process, not once per figure of a build.
var loadedFonts sync.Map // FontOptions key → *Fonts

// LoadFonts checks and loads the fonts o names. A file that cannot be
// read (none there, not a regular file, over MaxFontFile) or a folder that
// does not exist is an error that names the flag; a file that is not a
// font dipgraph can read is skipped with a warning (given with each
// figure painted). The same options give the same Fonts for the life of
// the process.
func LoadFonts(o FontOptions) (*Fonts, error) {
	key := fmt.Sprintf("%q %q %v", o.Files, o.Dirs, o.NoSystem)
	if f, ok := loadedFonts.Load(key); ok {
		return f.(*Fonts), nil
	}
	f, err := loadFonts(o)
	if err != nil {
		return nil, err
	}
	f2, _ := loadedFonts.LoadOrStore(key, f)
	return f2.(*Fonts), nil
}

func loadFonts(o FontOptions) (*Fonts, error) {
	reg, bold, err := builtinFonts()
	if err != nil {
		return nil, fmt.Errorf("loading the built-in font: %w", err)
	}
	f := &Fonts{regular: reg, bold: bold, byRune: map[rune]*fontFace{}}
	for _, name := range o.Files {
		b, err := readFontFile(name)
		if err != nil {
			return nil, flagErrorf("font", "--font %s: %v", name, err)
		}
		font, err := loadFace(b, 0)
		if err == nil && font.NumGlyphs() < 2 {
			err = errors.New("it has no glyphs")
		}
		if err != nil {
			f.note(fmt.Sprintf("--font %s: skipped: not a font dipgraph can read (TrueType or OpenType: .ttf, .otf, .ttc): %s; its characters are drawn in the next font that has them, else the built-in one", name, clipMessage(err.Error())))
			continue
		}
		font.path, font.flag = name, "--font"
		f.files = append(f.files, font)
	}
	for _, d := range o.Dirs {
		st, err := os.Stat(d)
		if err != nil || !st.IsDir() {
			return nil, flagErrorf("font-dir", "--font-dir %s is not a folder", d)
		}
		f.dirs = append(f.dirs, d)
	}
	if !o.NoSystem {
		f.dirs = append(f.dirs, systemFontDirs()...)
	}
	return f, nil
}

// systemFontDirs are the folders where systems keep fonts.
func systemFontDirs() []string {
	dirs := []string{"/usr/share/fonts", "/usr/local/share/fonts", "/Library/Fonts", "/System/Library/Fonts"}
	if home, err := os.UserHomeDir(); err == nil {
		dirs = append(dirs, filepath.Join(home, ".local", "share", "fonts"), filepath.Join(home, ".fonts"), filepath.Join(home, "Library", "Fonts"))
	}
	if w := os.Getenv("WINDIR"); w != "" {
		dirs = append(dirs, filepath.Join(w, "Fonts"))
	}
	return dirs
}

// fontFor returns the font to set r in: the primary font if it has r, else
// the first fallback that has it, else nil.
func (f *Fonts) fontFor(r rune, primary *fontFace) *fontFace {
	if primary.has(r) {
		return primary
	}
	for _, font := range f.files {
		if font.has(r) {
			return font
		}
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	if font, ok := f.byRune[r]; ok && (font == nil || font.usable()) {
		return font
	}
	if !f.scanned {
		f.candidates = scanFontDirs(f.dirs)
		f.scanned = true
	}
	var found *fontFace
	for _, c := range f.candidates {
		if c.covers(r) {
			if font := c.load(f); font.has(r) {
				found = font
				break
			}
		}
	}
	f.byRune[r] = found
	return found
}

// A textRun is a piece of a line set in one font and one direction, its
// glyphs in visual order (left to right).
type textRun struct {
	font   *fontFace
	text   string
	glyphs []text.Glyph
	adv    float64 // advance, in em
	rtl    bool
}

// shapeText splits s into runs by the font that has each character and by
// bidi level (see bidi.go), shapes each run in its direction and returns
// the runs in visual order, their total advance in em, and the characters
// no font has (set in the primary font, which shows its missing-glyph
// box). Bidi controls (U+202A–U+202E, U+2066–U+2069, the marks) set the
// order and are not drawn.
func (f *Fonts) shapeText(s string, bold bool) (runs []textRun, adv float64, missing []rune) {
	primary := f.regular
	if bold {
		primary = f.bold
	}
	if !primary.usable() { // a font given as the primary one (tests) found broken
		reg, b, _ := builtinFonts()
		if primary = reg; bold {
			primary = b
		}
	}
	runes := []rune(s)
	bt := analyseBidi(runes)
	var (
		cur      *fontFace
		curLevel fribidi.Level
		piece    strings.Builder
		leftmost []int
		left     int
	)
	flush := func() {
		if piece.Len() > 0 && cur != nil {
			runs = append(runs, shapeRun(cur, piece.String(), curLevel%2 == 1))
			adv += runs[len(runs)-1].adv
			leftmost = append(leftmost, left)
		}
		piece.Reset()
		left = len(runes)
	}
	left = len(runes)
	for i, r := range runes {
		if bidiControl(r) {
			continue
		}
		var font *fontFace
		switch {
		case cur != nil && (cur.has(r) || unicode.IsSpace(r) || unicode.Is(unicode.Mn, r) || unicode.IsControl(r) || followsBase(r)):
			font = cur // keep a run together across spaces, marks and joiners
		case unicode.IsControl(r) || followsBase(r):
			font = primary
		default:
			font = f.fontFor(r, primary)
			if font == nil {
				missing = append(missing, r)
				font = primary
			}
		}
		if font != cur || bt.levels[i] != curLevel {
			flush()
			cur, curLevel = font, bt.levels[i]
		}
		piece.WriteRune(r)
		left = min(left, bt.visual[i])
	}
	flush()
	visualOrder(runs, leftmost)
	return runs, adv, missing
}

func shapeRun(font *fontFace, s string, rtl bool) textRun {
	var glyphs []text.Glyph
	font.guard("shaping text", func() { glyphs = font.shape(s, rtl) })
	w := 0
	for _, g := range glyphs {
		w += int(g.XAdvance)
	}
	return textRun{font: font, text: s, glyphs: glyphs, adv: float64(w) / float64(font.Head.UnitsPerEm), rtl: rtl}
}

// missingWarning is the one warning about characters no font has.
func missingWarning(missing []rune) string {
	slices.Sort(missing)
	missing = slices.Compact(missing)
	var chars, codes []string
	for i, r := range missing {
		if i == 12 {
			chars = append(chars, "…")
			break
		}
		chars = append(chars, string(r))
		codes = append(codes, fmt.Sprintf("U+%04X", r))
	}
	return fmt.Sprintf("no font covers %s (%s), drawn as empty boxes: install a font that does (on Debian or Ubuntu: apt-get install fonts-noto-cjk for Korean, Chinese and Japanese) or name one with --font FILE or --font-dir DIR",
		strings.Join(chars, " "), strings.Join(codes, " "))
}

// A fontCandidate is a face in a font file found in a font folder. Its
// character map is read (only that table) when first asked; the whole
// font is loaded only when it is used.
type fontCandidate struct {
	path  string
	index int
	rank  int

	once  sync.Once
	cmap  func(rune) bool
	fonce sync.Once
	font  *fontFace
}

func (c *fontCandidate) covers(r rune) bool {
	c.once.Do(func() {
		c.cmap = readCoverage(c.path, c.index)
	})
	return c.cmap != nil && c.cmap(r)
}

// load loads the face, once; a file that cannot be read or parsed is
// skipped with a warning (noted in fonts) and gives nil, as does a face
// found broken since.
func (c *fontCandidate) load(fonts *Fonts) *fontFace {
	c.fonce.Do(func() {
		b, err := readFontFile(c.path)
		var font *fontFace
		if err == nil {
			font, err = loadFace(b, c.index)
		}
		if err != nil {
			fonts.note(fmt.Sprintf("font %s: skipped: not a font dipgraph can read: %s", c.path, clipMessage(err.Error())))
			return
		}
		font.path = c.path
		c.font = font
	})
	if !c.font.usable() {
		return nil
	}
	return c.font
}

// has reports whether the font has a glyph for r; a nil or broken font
// has none.
func (f *fontFace) has(r rune) bool {
	if !f.usable() {
		return false
	}
	var gid uint16
	f.guard("looking up a character", func() { gid = f.GlyphIndex(r) })
	return gid != 0
}

// readFontFile reads a font file: a regular file of at most MaxFontFile
// bytes, opened without blocking.
func readFontFile(path string) ([]byte, error) {
	b, err := readfile.Regular(path, MaxFontFile)
	var le *readfile.LimitError
	switch {
	case errors.Is(err, readfile.ErrNotRegular):
		return nil, errors.New("not a regular file (a device, a FIFO, a socket or a folder): name a font file (.ttf, .otf, .ttc)")
	case errors.As(err, &le):
		return nil, fmt.Errorf("%v (%d MiB): font files that large are not read", le, MaxFontFile>>20)
	case err != nil:
		return nil, unwrapPath(err)
	}
	return b, nil
}

// unwrapPath is a file error without its operation and path (the message
// names the file).
func unwrapPath(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// clipMessage shortens a font library's message, which can quote bytes
// of the file, to 200 characters of one line.
func clipMessage(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	if r := []rune(s); len(r) > 200 {
		return string(r[:200]) + "…"
	}
	return s
}

// scanFontDirs lists the font faces in dirs, best first: sans-serif
// regular faces before serif, monospaced, bold, italic and light ones, then
// by folder order and path, so the choice is the same run after run.
func scanFontDirs(dirs []string) []*fontCandidate {
	var out []*fontCandidate
	seen := map[string]bool{}
	for di, dir := range dirs {
		var paths []string
		filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return nil
			}
			switch strings.ToLower(filepath.Ext(path)) {
			case ".ttf", ".otf", ".ttc", ".otc":
				paths = append(paths, path)
			}
			return nil
		})
		sort.Strings(paths)
		for _, p := range paths {
			real, err := filepath.EvalSymlinks(p)
			if err != nil || seen[real] {
				continue
			}
			seen[real] = true
			for i, name := range faceNames(p) {
				out = append(out, &fontCandidate{path: p, index: i, rank: di*1000 + fontRank(filepath.Base(p), name)})
			}
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].rank < out[j].rank })
	return out
}

// fontRank orders faces: lower is better.
func fontRank(file, face string) int {
	s := strings.ToLower(file + " " + face)
	rank := 0
	for _, bad := range []string{"mono", "serif", "bold", "italic", "oblique", "light", "thin", "black", "heavy", "condensed", "narrow", "math", "emoji", "symbol", "extra"} {
		if strings.Contains(strings.ReplaceAll(s, "sans-serif", "sans"), bad) {
			rank += 10
		}
	}
	if !strings.Contains(s, "sans") {
		rank += 5
	}
	// Pan-CJK collections: Simplified Chinese, then Korean, Japanese and
	// Traditional forms (Hangul is the same in all of them).
	for i, region := range []string{"sc", "kr", "jp", "tc", "hk"} {
		if strings.HasSuffix(strings.ToLower(strings.TrimSuffix(face, "-Regular")), "cjk"+region) {
			rank += i
		}
	}
	return rank
}

// The few parts of the OpenType format needed to choose a font without
// loading it: the faces in a file, their names and character maps.

func readAt(r io.ReaderAt, off int64, n int) []byte {
	if n < 0 || n > 64<<20 {
		return nil
	}
	b := make([]byte, n)
	if _, err := r.ReadAt(b, off); err != nil {
		return nil
	}
	return b
}

// faceOffsets returns the offsets of the faces' table directories.
func faceOffsets(r io.ReaderAt) []int64 {
	h := readAt(r, 0, 12)
	if h == nil {
		return nil
	}
	if string(h[:4]) != "ttcf" {
		switch binary.BigEndian.Uint32(h) {
		case 0x00010000, 0x4F54544F, 0x74727565: // 1.0, OTTO, true
			return []int64{0}
		}
		return nil
	}
	n := int(binary.BigEndian.Uint32(h[8:]))
	offs := readAt(r, 12, 4*min(n, 256))
	var out []int64
	for i := 0; i+4 <= len(offs); i += 4 {
		out = append(out, int64(binary.BigEndian.Uint32(offs[i:])))
	}
	return out
}

// table returns the offset and length of a face's table.
func table(r io.ReaderAt, face int64, tag string) (int64, int) {
	h := readAt(r, face, 12)
	if h == nil {
		return 0, 0
	}
	n := int(binary.BigEndian.Uint16(h[4:]))
	dir := readAt(r, face+12, 16*n)
	for i := 0; i+16 <= len(dir); i += 16 {
		if string(dir[i:i+4]) == tag {
			return int64(binary.BigEndian.Uint32(dir[i+8:])), int(binary.BigEndian.Uint32(dir[i+12:]))
		}
	}
	return 0, 0
}

// faceNames returns the PostScript name of each face in a font file.
func faceNames(path string) []string {
	fh, err := readfile.Open(path)
	if err != nil {
		return nil
	}
	defer fh.Close()
	var names []string
	for _, face := range faceOffsets(fh) {
		name := ""
		if off, n := table(fh, face, "name"); n > 6 {
			name = postScriptName(readAt(fh, off, n))
		}
		names = append(names, name)
	}
	return names
}

func postScriptName(b []byte) string {
	if len(b) < 6 {
		return ""
	}
	count, strOff := int(binary.BigEndian.Uint16(b[2:])), int(binary.BigEndian.Uint16(b[4:]))
	for i := 0; i < count && 6+12*i+12 <= len(b); i++ {
		rec := b[6+12*i:]
		platform, nameID := binary.BigEndian.Uint16(rec), binary.BigEndian.Uint16(rec[6:])
		length, off := int(binary.BigEndian.Uint16(rec[8:])), int(binary.BigEndian.Uint16(rec[10:]))
		if nameID != 6 || strOff+off+length > len(b) {
			continue
		}
		s := b[strOff+off : strOff+off+length]
		if platform == 3 || platform == 0 { // UTF-16BE
			var out []byte
			for j := 1; j < len(s); j += 2 {
				out = append(out, s[j])
			}
			return string(out)
		}
		return string(s)
	}
	return ""
}

// readCoverage reads a face's character map (format 4 or 12).
func readCoverage(path string, index int) func(rune) bool {
	fh, err := readfile.Open(path)
	if err != nil {
		return nil
	}
	defer fh.Close()
	faces := faceOffsets(fh)
	if index >= len(faces) {
		return nil
	}
	off, n := table(fh, faces[index], "cmap")
	b := readAt(fh, off, n)
	if len(b) < 4 {
		return nil
	}
	best, bestScore := -1, 0
	for i := 0; i < int(binary.BigEndian.Uint16(b[2:])) && 4+8*i+8 <= len(b); i++ {
		rec := b[4+8*i:]
		platform, encoding, sub := binary.BigEndian.Uint16(rec), binary.BigEndian.Uint16(rec[2:]), int(binary.BigEndian.Uint32(rec[4:]))
		if sub+2 > len(b) {
			continue
		}
		format := binary.BigEndian.Uint16(b[sub:])
		score := 0
		switch {
		case format == 12 && (platform == 3 && encoding == 10 || platform == 0):
			score = 3
		case format == 4 && (platform == 3 && encoding == 1 || platform == 0):
			score = 2
		}
		if score > bestScore {
			best, bestScore = sub, score
		}
	}
	if best < 0 {
		return nil
	}
	t := b[best:]
	type span struct{ lo, hi rune }
	var spans []span
	switch binary.BigEndian.Uint16(t) {
	case 4:
		if len(t) < 14 {
			return nil
		}
		segs := int(binary.BigEndian.Uint16(t[6:])) / 2
		if len(t) < 16+8*segs {
			return nil
		}
		for i := 0; i < segs; i++ {
			end := rune(binary.BigEndian.Uint16(t[14+2*i:]))
			start := rune(binary.BigEndian.Uint16(t[16+2*segs+2*i:]))
			if start <= end && end != 0xFFFF {
				spans = append(spans, span{start, end})
			}
		}
	case 12:
		if len(t) < 16 {
			return nil
		}
		groups := int(binary.BigEndian.Uint32(t[12:]))
		for i := 0; i < groups && 16+12*i+12 <= len(t); i++ {
			g := t[16+12*i:]
			spans = append(spans, span{rune(binary.BigEndian.Uint32(g)), rune(binary.BigEndian.Uint32(g[4:]))})
		}
	}
	return func(r rune) bool {
		i := sort.Search(len(spans), func(i int) bool { return spans[i].hi >= r })
		return i < len(spans) && spans[i].lo <= r
	}
}

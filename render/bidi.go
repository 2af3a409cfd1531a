package render

import (
	"sort"
	"unicode"

	"github.com/benoitkugler/textprocessing/fribidi"
)

// Mixed left-to-right and right-to-left text is painted in the order the
// Unicode Bidirectional Algorithm (UAX #9) gives, as browsers show the
// SVG's <text>: the paragraph is left to right (SVG's initial direction,
// which the figure never changes), each character gets an embedding level
// (explicit embeddings, overrides and isolates such as U+202E included),
// text is cut into runs of one level and one font, each run is shaped in
// its own direction (odd levels right to left, so digits inside Hebrew or
// Arabic keep their order), and the runs are put in visual order (rule L2).
//
// The levels and the reordering come from fribidi (benoitkugler's Go port
// of GNU FriBidi, which reads the characters' bidi classes from
// golang.org/x/text/unicode/bidi). golang.org/x/text/unicode/bidi itself
// cannot give the visual order: its Ordering holds the runs in logical
// order, and it merges neighbouring runs of the same direction but
// different levels ("2020" at level 2 after Hebrew and a Latin word at
// level 0 come out as one run), so rule L2 cannot be applied to it.

// bidiText is the bidi analysis of one line of text.
type bidiText struct {
	levels []fribidi.Level // per rune, after rule L1
	visual []int           // per rune: its position in visual order
}

// analyseBidi runs the bidi algorithm over runes with a left-to-right
// paragraph direction.
func analyseBidi(runes []rune) bidiText {
	n := len(runes)
	if n == 0 {
		return bidiText{}
	}
	types := make([]fribidi.CharType, n)
	brackets := make([]fribidi.BracketType, n)
	simple := true
	for i, r := range runes {
		types[i] = fribidi.GetBidiType(r)
		if types[i] == fribidi.ON {
			brackets[i] = fribidi.GetBracket(r)
		}
		if types[i] != fribidi.LTR && types[i] != fribidi.WS && types[i] != fribidi.ON && types[i] != fribidi.CS &&
			types[i] != fribidi.EN && types[i] != fribidi.ES && types[i] != fribidi.ET {
			simple = false
		}
	}
	levels := make([]fribidi.Level, n)
	visual := make([]int, n)
	for i := range visual {
		visual[i] = i
	}
	if simple {
		// No right-to-left character and no explicit formatting: every
		// level is 0 and the visual order is the logical one.
		return bidiText{levels: levels, visual: visual}
	}
	base := fribidi.ParType(fribidi.LTR)
	levels, _ = fribidi.GetParEmbeddingLevels(types, brackets, &base)
	toLogical := make([]int, n)
	copy(toLogical, visual)
	// Rule L1 (trailing white space) and L2; no L3: shaping keeps marks
	// with their base characters.
	fribidi.ReorderLine(0, types, n, 0, base, levels, nil, toLogical)
	for v, l := range toLogical {
		visual[l] = v
	}
	return bidiText{levels: levels, visual: visual}
}

// bidiControl reports whether r is a bidi control (the embeddings,
// overrides, isolates and marks): it sets the levels and is then removed
// (rule X9), so it is not drawn.
func bidiControl(r rune) bool { return unicode.Is(unicode.Bidi_Control, r) }

// followsBase reports whether r goes with the font of the text before it
// rather than a font of its own: the joiners (ZWJ, ZWNJ) and variation
// selectors, which steer the shaping of their neighbours.
func followsBase(r rune) bool {
	return unicode.Is(unicode.Join_Control, r) || unicode.Is(unicode.Variation_Selector, r)
}

// visualOrder sorts runs, given in logical order with the position of the
// first rune of each (first), into visual order: a run of one level holds
// a block of consecutive visual positions, so runs sort by the smallest
// visual position of their runes.
func visualOrder(runs []textRun, leftmost []int) {
	idx := make([]int, len(runs))
	for i := range idx {
		idx[i] = i
	}
	sort.SliceStable(idx, func(a, b int) bool { return leftmost[idx[a]] < leftmost[idx[b]] })
	sorted := make([]textRun, len(runs))
	for i, k := range idx {
		sorted[i] = runs[k]
	}
	copy(runs, sorted)
}

package graph

import (
	"fmt"
	"math/bits"
	"slices"
	"strings"
	"unicode/utf8"
)

// Suggest returns ` (did you mean "x"?)` for the candidate closest to s by
// edit distance, or "" when none is close enough to be a likely typo. It
// is NewSuggester(candidates).Suggest(s); a caller with many strings to
// check against one list keeps a Suggester.
func Suggest(s string, candidates []string) string {
	return NewSuggester(candidates).Suggest(s)
}

// SuggestBudget is how much work one Suggester does in all, in units of
// one candidate looked at or one cell of an edit-distance table: a tenth
// to a third of a second. Once it is spent, Suggest proposes nothing for a
// string it has not seen, so that checking n strings against m candidates
// costs time linear in n and m plus this bound, not n·m: a file with
// 8,000 unknown references took 70 s when every pair was compared.
const SuggestBudget = 50_000_000

// Suggester proposes, for strings that are not among a list of
// candidates, the candidate they were probably meant to be. It remembers
// its answers (an unknown id is often written many times) and spends at
// most SuggestBudget units of work in all.
type Suggester struct {
	cands  []candidate // sorted by length in runes
	lower  []string    // the candidates lower-cased, sorted, for prefixes
	byLow  map[string]string
	exact  map[string]bool
	maxLen int // the longest candidate, in bytes
	cache  map[string]string
	work   int
	budget int
	rows   [3][]int // the edit-distance table's last three rows, reused
}

type candidate struct {
	s     string
	runes []rune
	sig   uint64 // which letters occur, hashed into 64 bits
}

// NewSuggester prepares the candidates.
func NewSuggester(candidates []string) *Suggester {
	sg := &Suggester{byLow: map[string]string{}, exact: map[string]bool{}, cache: map[string]string{}, budget: SuggestBudget}
	for _, c := range candidates {
		sg.exact[c] = true
		r := []rune(c)
		sg.cands = append(sg.cands, candidate{s: c, runes: r, sig: signature(r)})
		low := strings.ToLower(c)
		if prev, ok := sg.byLow[low]; !ok || c < prev {
			sg.byLow[low] = c
		}
		sg.maxLen = max(sg.maxLen, len(c))
	}
	slices.SortFunc(sg.cands, func(a, b candidate) int { return len(a.runes) - len(b.runes) })
	for low := range sg.byLow {
		sg.lower = append(sg.lower, low)
	}
	slices.Sort(sg.lower)
	return sg
}

// Work is the work done so far, in the units of SuggestBudget.
func (sg *Suggester) Work() int { return sg.work }

// Suggest returns ` (did you mean "x"?)` for the candidate closest to s,
// or "". A candidate is close when at most a third of the runes differ
// (and at least two may), or when one of the two is a prefix of the other
// at least three letters long ("ukr" for "ukraine", "kim" for
// "kim-jong-un"), which counts as one edit. Of equally close candidates the
// first in byte order wins. When s holds a letter that looks like a Latin
// one (the Cyrillic у in "tуpe"), the suggestion names it:
// ` ("tуpe" contains the Cyrillic letter у (U+0443); did you mean "type"?)`.
func (sg *Suggester) Suggest(s string) string {
	if v, ok := sg.cache[s]; ok {
		return v
	}
	if sg.work >= sg.budget {
		return ""
	}
	out := ""
	if skeleton, letter, ok := latinSkeleton(s); ok {
		// A look-alike letter: name it, and suggest from what s looks like.
		best := skeleton
		if !sg.exact[skeleton] {
			best = sg.closest(skeleton)
		}
		if best == "" || best == s {
			out = fmt.Sprintf(" (%q contains %s)", s, describeLetter(letter))
		} else {
			out = fmt.Sprintf(" (%q contains %s; did you mean %q?)", s, describeLetter(letter), best)
		}
	} else if best := sg.closest(s); best != "" {
		out = fmt.Sprintf(" (did you mean %q?)", best)
	}
	sg.cache[s] = out
	return out
}

func (sg *Suggester) closest(s string) string {
	n := utf8.RuneCountInString(s)
	limit := max(2, n/3) // the largest distance taken
	best, bestDist := "", limit+1
	take := func(c string, d int) {
		if d < bestDist || (d == bestDist && c < best) {
			best, bestDist = c, d
		}
	}

	// Prefixes, either way, at distance 1.
	low := strings.ToLower(s)
	if len(low) >= 3 {
		// Candidates that start with s: a run of the sorted list.
		for i, _ := slices.BinarySearch(sg.lower, low); i < len(sg.lower) && strings.HasPrefix(sg.lower[i], low); i++ {
			sg.work++
			if c := sg.byLow[sg.lower[i]]; c != s {
				take(c, 1)
			}
		}
		// Candidates s starts with: no longer than the longest one.
		for k := 3; k < len(low) && k <= sg.maxLen; k++ {
			sg.work++
			if c, ok := sg.byLow[low[:k]]; ok && c != s {
				take(c, 1)
			}
		}
	}
	if n > 0 && n-limit > utf8.RuneCountInString(sg.longest()) {
		return best // every candidate is too short to be within reach
	}

	// Edit distance, to the candidates whose length is within reach.
	r := []rune(s)
	sig := signature(r)
	lo, _ := slices.BinarySearchFunc(sg.cands, n-limit, func(c candidate, l int) int { return len(c.runes) - l })
	for i := lo; i < len(sg.cands) && len(sg.cands[i].runes) <= n+limit; i++ {
		if sg.work >= sg.budget {
			break
		}
		sg.work++
		c := &sg.cands[i]
		k := bestDist - 1 // the largest distance that would win
		if best != "" && c.s < best {
			k = bestDist // a tie wins too
		}
		if k < 0 || absInt(len(c.runes)-n) > k || (bits.OnesCount64(sig^c.sig)+1)/2 > k {
			continue
		}
		if d, ok := sg.distance(r, c.runes, k); ok && c.s != s {
			take(c.s, d)
		}
	}
	return best
}

func (sg *Suggester) longest() string {
	if len(sg.cands) == 0 {
		return ""
	}
	return sg.cands[len(sg.cands)-1].s
}

// distance is the edit distance between a and b in runes — Levenshtein's,
// with two adjacent letters swapped counting as one edit ("titel" is one
// from "title", two from "ties") — when it is at most k, computed in the diagonal band of width 2k+1 and given up
// as soon as every cell of a row exceeds k.
func (sg *Suggester) distance(a, b []rune, k int) (int, bool) {
	if len(a) > len(b) {
		a, b = b, a
	}
	if len(b)-len(a) > k {
		return 0, false
	}
	inf := k + 1
	for i := range sg.rows {
		if cap(sg.rows[i]) < len(b)+1 {
			sg.rows[i] = make([]int, len(b)+1)
		}
	}
	prev2, prev, cur := sg.rows[2][:len(b)+1], sg.rows[0][:len(b)+1], sg.rows[1][:len(b)+1]
	for j := range prev {
		prev[j] = min(j, inf)
	}
	for i := 1; i <= len(a); i++ {
		from, to := max(1, i-k), min(len(b), i+k)
		cur[from-1] = inf
		if from == 1 {
			cur[0] = min(i, inf)
		}
		rowMin := cur[from-1]
		for j := from; j <= to; j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			v := min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost, inf)
			if i > 1 && j > 1 && a[i-1] == b[j-2] && a[i-2] == b[j-1] {
				v = min(v, prev2[j-2]+1) // two letters swapped: one edit
			}
			cur[j] = v
			rowMin = min(rowMin, v)
		}
		if to < len(b) {
			cur[to+1] = inf
		}
		sg.work += to - from + 1
		if rowMin > k {
			return 0, false
		}
		prev2, prev, cur = prev, cur, prev2
	}
	d := prev[len(b)]
	return d, d <= k
}

// signature sets one of 64 bits for each distinct rune of r. One edit
// changes at most two bits, so half the bits two signatures differ in is
// a lower bound of the edit distance.
func signature(r []rune) uint64 {
	var sig uint64
	for _, c := range r {
		sig |= 1 << (uint32(c) * 2654435761 >> 26)
	}
	return sig
}

func absInt(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

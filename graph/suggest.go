package graph

import (
	"fmt"
	"strings"
)

// Suggest returns ` (did you mean "x"?)` for the candidate closest to s by
// edit distance, or "" when none is close enough to be a likely typo.
func Suggest(s string, candidates []string) string {
	// Close enough to be a typo: at most a third of the runes differ
	// (and at least two may).
	best, bestDist := "", max(2, len([]rune(s))/3)+1
	for _, c := range candidates {
		d := editDistance(s, c)
		if shortened(s, c) {
			d = 1 // "ukraine" for "ukr", "kim" for "kim-jong-un"
		}
		if d < bestDist || (d == bestDist && best != "" && c < best) {
			best, bestDist = c, d
		}
	}
	if best == "" {
		return ""
	}
	return fmt.Sprintf(" (did you mean %q?)", best)
}

// editDistance is the Levenshtein distance between a and b, in runes.
func editDistance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}

// shortened reports whether one of a and b is a prefix of the other, at
// least three letters long: an abbreviated or spelled-out id.
func shortened(a, b string) bool {
	if len(a) > len(b) {
		a, b = b, a
	}
	return len(a) >= 3 && a != b && strings.HasPrefix(strings.ToLower(b), strings.ToLower(a))
}

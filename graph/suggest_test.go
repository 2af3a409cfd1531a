package graph

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
)

// naiveSuggest is the suggestion as it was first written: the edit
// distance to every candidate, in full. The Suggester must agree with it.
func naiveSuggest(s string, candidates []string) string {
	best, bestDist := "", max(2, len([]rune(s))/3)+1
	for _, c := range candidates {
		d := naiveDistance(s, c)
		if a, b := s, c; true {
			if len(a) > len(b) {
				a, b = b, a
			}
			if len(a) >= 3 && a != b && strings.HasPrefix(strings.ToLower(b), strings.ToLower(a)) {
				d = 1
			}
		}
		if c == s {
			continue
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

// naiveDistance is the full table of the optimal string alignment
// distance: Levenshtein's, with adjacent letters swapped as one edit.
func naiveDistance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	d := make([][]int, len(ra)+1)
	for i := range d {
		d[i] = make([]int, len(rb)+1)
		d[i][0] = i
	}
	for j := range d[0] {
		d[0][j] = j
	}
	for i := 1; i <= len(ra); i++ {
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			d[i][j] = min(d[i-1][j]+1, d[i][j-1]+1, d[i-1][j-1]+cost)
			if i > 1 && j > 1 && ra[i-1] == rb[j-2] && ra[i-2] == rb[j-1] {
				d[i][j] = min(d[i][j], d[i-2][j-2]+1)
			}
		}
	}
	return d[len(ra)][len(rb)]
}

// TestSuggestSwap: two letters swapped are one edit, so "titel" is
// "title", not "ties" (two edits either way by Levenshtein's count, where
// byte order chose "ties").
func TestSuggestSwap(t *testing.T) {
	fields := []string{"$schema", "dipgraph", "id", "title", "description", "as-of", "sources", "types", "entities", "relations", "ties"}
	for s, want := range map[string]string{"titel": "title", "soruces": "sources", "tpyes": "types", "tise": "ties"} {
		if got := Suggest(s, fields); got != fmt.Sprintf(" (did you mean %q?)", want) {
			t.Errorf("Suggest(%q) = %q, want %q", s, got, want)
		}
	}
}

// TestSuggesterAgrees: on random ids from a small alphabet (so that many
// are close), the bounded Suggester proposes what the full comparison of
// every pair does.
func TestSuggesterAgrees(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	word := func() string {
		n := 1 + rng.IntN(12)
		b := make([]rune, n)
		for i := range b {
			b[i] = []rune("abcdeAB-ü")[rng.IntN(9)]
		}
		return string(b)
	}
	for round := range 300 {
		var cands []string
		for range rng.IntN(40) {
			cands = append(cands, word())
		}
		sg := NewSuggester(cands)
		for range 20 {
			s := word()
			if round%3 == 0 && len(cands) > 0 {
				// A near miss of a candidate.
				c := []rune(cands[rng.IntN(len(cands))])
				c[rng.IntN(len(c))] = 'x'
				s = string(c)
			}
			if got, want := sg.Suggest(s), naiveSuggest(s, cands); got != want {
				t.Fatalf("Suggest(%q) among %q = %q, want %q", s, cands, got, want)
			}
		}
	}
}

// unknownIDs is n candidates and n strings that are none of them, shaped
// like the ids of a large data file.
func unknownIDs(n int) (cands, unknown []string) {
	for i := range n {
		cands = append(cands, fmt.Sprintf("entity-%05d", i))
		unknown = append(unknown, fmt.Sprintf("missing-%05dx", i))
	}
	return cands, unknown
}

// TestSuggesterBudget: however many strings are checked, a Suggester's
// work stops at its budget (give or take one string's prefix look-ups),
// a repeated string costs nothing, and the work to the budget is counted
// honestly: n unknown ids against n candidates visit about n² pairs.
func TestSuggesterBudget(t *testing.T) {
	work := func(n int) int {
		cands, unknown := unknownIDs(n)
		sg := NewSuggester(cands)
		for _, s := range unknown {
			sg.Suggest(s)
			before := sg.Work()
			sg.Suggest(s)
			if sg.Work() != before {
				t.Fatalf("a repeated string cost %d more", sg.Work()-before)
			}
		}
		return sg.Work()
	}
	small, large := work(500), work(16000)
	t.Logf("work: %d for n=500, %d for n=16000 (budget %d)", small, large, SuggestBudget)
	if small < 500*500 || small > 500*500*40 {
		t.Errorf("work %d for n=500: want the 250,000 pairs and their tables", small)
	}
	if large > SuggestBudget+100 {
		t.Errorf("work %d exceeds the budget %d", large, SuggestBudget)
	}
}

// TestSuggestHugeString: a 5 MB unknown value against short candidates
// costs no edit-distance table.
func TestSuggestHugeString(t *testing.T) {
	sg := NewSuggester([]string{"usa", "china", "russia"})
	if got := sg.Suggest(strings.Repeat("z", 5<<20)); got != "" {
		t.Errorf("got %q", got)
	}
	if got := sg.Suggest("chin" + strings.Repeat("a", 5<<20)); got != ` (did you mean "china"?)` {
		t.Errorf("a prefix: got %q", got)
	}
	if sg.Work() > 100 {
		t.Errorf("work %d for two strings against three candidates", sg.Work())
	}
}

func BenchmarkSuggester(b *testing.B) {
	for _, n := range []int{2000, 8000} {
		cands, unknown := unknownIDs(n)
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			for b.Loop() {
				sg := NewSuggester(cands)
				for _, s := range unknown {
					sg.Suggest(s)
				}
			}
		})
	}
}

func TestSuggestLookalike(t *testing.T) {
	fields := []string{"id", "type", "between", "source", "date"}
	for _, c := range []struct{ in, want string }{
		{"tуpe", ` ("tуpe" contains the Cyrillic letter у (U+0443); did you mean "type"?)`},
		{"ѕource", ` ("ѕource" contains the Cyrillic letter ѕ (U+0455); did you mean "source"?)`},
		{"dαte", ` ("dαte" contains the Greek letter α (U+03B1); did you mean "date"?)`},
		{"ｉｄ", ` ("ｉｄ" contains the fullwidth letter ｉ (U+FF49); did you mean "id"?)`},
		{"betwееm", ` ("betwееm" contains the Cyrillic letter е (U+0435); did you mean "between"?)`}, // and a typo
		{"хуzzу", ` ("хуzzу" contains the Cyrillic letter х (U+0445))`},
		{"tipe", ` (did you mean "type"?)`},
		{"Korea", ""},
	} {
		if got := Suggest(c.in, fields); got != c.want {
			t.Errorf("Suggest(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

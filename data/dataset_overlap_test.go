package data

import (
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unicode"

	"github.com/dipgraph/dipgraph/graph"
)

// seedArticle is the news analysis the beijing-2025 dataset is curated
// from, kept beside the repository (../shared/seeds from the module root).
var seedArticle = filepath.Join("..", "..", "shared", "seeds", "000_d409507f19dfb2a9.txt")

// readSeedArticle returns the article's text, or skips the test when the
// shared seeds are not beside the repository.
func readSeedArticle(t *testing.T) string {
	t.Helper()
	src, err := os.ReadFile(seedArticle)
	if err != nil {
		t.Skipf("the seed article is not here: expected %s beside the repository (../shared/seeds from its root): %v", filepath.Base(seedArticle), err)
	}
	return string(src)
}

// words lowercases s and splits it into words, dropping punctuation (the
// article's curly apostrophes and quotes included), so that "U.S." and
// "u.s" compare equal.
func words(s string) []string {
	s = strings.NewReplacer("’", "'", "‘", "'", "“", "", "”", "").Replace(strings.ToLower(s))
	return strings.FieldsFunc(s, func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '\''
	})
}

// datasetTexts lists every piece of prose the dataset carries, named by
// where it is: title, description, source, type, entity and record text.
func datasetTexts(ds *graph.Dataset) map[string]string {
	texts := map[string]string{"title": ds.Title, "description": ds.Description}
	for _, s := range ds.Sources {
		texts["source "+s.ID+" title"] = s.Title
		texts["source "+s.ID+" note"] = s.Note
	}
	for _, ty := range ds.Types {
		texts["type "+ty.ID+" label"] = ty.Label
	}
	for _, e := range ds.Entities {
		texts["entity "+e.ID+" name"] = e.Name
		texts["entity "+e.ID+" note"] = e.Note
		for i, r := range e.Roles {
			texts["entity "+e.ID+" role "+string(rune('1'+i))] = r.Title
		}
	}
	for i, r := range ds.Records {
		id := r.ID
		if id == "" {
			id = "#" + string(rune('1'+i))
		}
		texts["record "+id+" label"] = r.Label
		texts["record "+id+" note"] = r.Note
		texts["record "+id+" cite"] = r.Cite
	}
	return texts
}

// longestShared returns the longest run of consecutive words that a and b
// share.
func longestShared(a, b []string) []string {
	best, at := 0, 0
	prev := make([]int, len(b)+1)
	for i := 1; i <= len(a); i++ {
		cur := make([]int, len(b)+1)
		for j := 1; j <= len(b); j++ {
			if a[i-1] == b[j-1] {
				cur[j] = prev[j-1] + 1
				if cur[j] > best {
					best, at = cur[j], i
				}
			}
		}
		prev = cur
	}
	return a[at-best : at]
}

// TestNoCopiedWording keeps the dataset in our own words: no text in it
// shares 8 or more consecutive words with the article it is curated from
// (case and punctuation aside). Short quotations, in quote marks, stay
// under that length.
func TestNoCopiedWording(t *testing.T) {
	article := words(readSeedArticle(t))
	const limit = 8
	texts := datasetTexts(loadEmbedded(t))
	for _, where := range slices.Sorted(maps.Keys(texts)) {
		if run := longestShared(words(texts[where]), article); len(run) >= limit {
			t.Errorf("%s shares %d consecutive words with the article: %q; say it in our own words", where, len(run), strings.Join(run, " "))
		}
	}
}

func TestLongestShared(t *testing.T) {
	got := longestShared(words("Russia works to weaken the power, and more"), words("they are working to weaken the power and leverage"))
	if strings.Join(got, " ") != "to weaken the power and" {
		t.Errorf("longestShared = %q", got)
	}
}

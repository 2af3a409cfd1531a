package data

import (
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/dipgraph/dipgraph/internal/cputime"
)

// TestTextLimit refuses every drawn text field over MaxTextLen with its
// position, the field and both lengths, and accepts text at the limit,
// counted in characters (a Hebrew letter is two bytes), and long notes.
func TestTextLimit(t *testing.T) {
	over := strings.Repeat("x", MaxTextLen+1)
	at := strings.Repeat("ש", MaxTextLen)
	doc := func(title, name, alias, role, typeLabel, label, cite, srcTitle, note string) string {
		return "dipgraph: 1\nid: t\ntitle: " + title + "\n" +
			"sources:\n  - {id: s, title: " + srcTitle + "}\n" +
			"types:\n  - {id: t, sign: negative, label: " + typeLabel + "}\n" +
			"entities:\n  - {id: a, kind: country, name: " + name + ", note: " + note + "}\n" +
			"  - {id: l, kind: leader, name: L, country: a, aliases: [" + alias + "], roles: [{title: " + role + ", start: 2001}]}\n" +
			"relations:\n  - {type: t, between: [a, l], date: 2025-09-03, source: s, label: " + label + ", cite: " + cite + ", note: " + note + "}\n"
	}
	ok := "ok"
	cases := []struct {
		name, src, want string
	}{
		{"title", doc(over, ok, ok, ok, ok, ok, ok, ok, ok), "t.yaml:3:8: the dataset's title is 10,001 characters long, over the limit of 10,000"},
		{"name", doc(ok, over, ok, ok, ok, ok, ok, ok, ok), `t.yaml:9:34: the "a" entity's name is 10,001 characters long`},
		{"alias", doc(ok, ok, over, ok, ok, ok, ok, ok, ok), `the "l" entity's alias #1 is 10,001 characters long`},
		{"role", doc(ok, ok, ok, over, ok, ok, ok, ok, ok), `the "l" entity's role #1 title is 10,001 characters long`},
		{"type label", doc(ok, ok, ok, ok, over, ok, ok, ok, ok), `t.yaml:7:36: the "t" type's label is 10,001 characters long`},
		{"label", doc(ok, ok, ok, ok, ok, over, ok, ok, ok), `relation #1's label is 10,001 characters long`},
		{"cite", doc(ok, ok, ok, ok, ok, ok, over, ok, ok), `relation #1's cite is 10,001 characters long`},
		{"source title", doc(ok, ok, ok, ok, ok, ok, ok, over, ok), `t.yaml:5:20: the "s" source's title is 10,001 characters long`},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			ps := loadProblems(t, "t.yaml", c.src)
			if len(ps) != 1 || !strings.Contains(ps[0].String(), c.want) || !strings.Contains(ps[0].Hint, "note:") {
				t.Fatalf("got %v, want one problem containing %q", ps, c.want)
			}
		})
	}
	valid := doc(at, at, at, at, at, at, at, at, strings.Repeat("a long note ", 100_000))
	if _, err := Load(Input{Name: "t.yaml", Src: []byte(valid)}); err != nil {
		t.Errorf("text of %d characters and a 1.2 MB note: %v", MaxTextLen, err)
	}
}

// TestTextLimitGrowth: validating a name of 4n characters takes about
// four times as long as one of n (a 5 MB name took 104 s to fail before
// the limit; now it is refused, counted once).
func TestTextLimitGrowth(t *testing.T) {
	if testing.Short() {
		t.Skip("timing")
	}
	src := func(n int) []byte {
		return []byte("dipgraph: 1\nid: t\ntitle: T\nsources:\n  - {id: s, title: S}\nentities:\n  - {id: a, kind: country, name: '" +
			strings.Repeat("Abcdefghi ", n/10) + "'}\n  - {id: b, kind: country, name: B}\nrelations:\n  - {type: summit, between: [a, b], date: 2025-09-03, source: s}\n")
	}
	inputs := map[int][]byte{1 << 20: src(1 << 20), 4 << 20: src(4 << 20)}
	load := func(n int) time.Duration {
		runtime.GC() // not the last run's garbage
		start := cputime.Self()
		_, err := Load(Input{Name: "t.yaml", Src: inputs[n]})
		if err == nil || !strings.Contains(err.Error(), "over the limit") {
			t.Fatalf("a %d-character name: %v", n, err)
		}
		return cputime.Self() - start
	}
	// The fastest of five runs each, interleaved, so other processes'
	// load counts as little as it can.
	small, large := time.Hour, time.Hour
	for range 5 {
		small, large = min(small, load(1<<20)), min(large, load(4<<20))
	}
	t.Logf("1 MiB name: %v; 4 MiB: %v", small, large)
	if large > 9*small {
		t.Errorf("validation of a 4 MiB name took %v, ×%.1f that of 1 MiB: want under ×9 (linear)", large, float64(large)/float64(small))
	}
}

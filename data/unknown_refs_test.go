package data

import (
	"fmt"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/dipgraph/dipgraph/internal/cputime"
)

// unknownRefs is a data file with n entities and n relations, each naming
// one entity that is not declared, as a large file with a broken import
// would.
func unknownRefs(n int) []byte {
	var b strings.Builder
	b.WriteString("dipgraph: 1\nid: u\ntitle: U\nsources:\n  - {id: s, title: S}\nentities:\n")
	for i := range n {
		fmt.Fprintf(&b, "  - {id: country-number-%05d, kind: country, name: Country %d}\n", i, i)
	}
	b.WriteString("relations:\n")
	for i := range n {
		fmt.Fprintf(&b, "  - {type: summit, between: [country-number-%05d, missing-country-%05dx], source: s, date: 2025-01-01}\n", i, i)
	}
	return []byte(b.String())
}

// TestUnknownRefsGrowLinearly: validating a file with four times the
// unknown references takes about four times as long, not sixteen (each
// did-you-mean compared every pair: 2,000 took 3 s, 8,000 took 70 s), with
// a generous bound.
func TestUnknownRefsGrowLinearly(t *testing.T) {
	if testing.Short() {
		t.Skip("times validation of two generated files")
	}
	n := 1500
	srcs := map[int][]byte{n: unknownRefs(n), 4 * n: unknownRefs(4 * n)}
	load := func(n int) time.Duration {
		runtime.GC() // not the last run's garbage
		start := cputime.Self()
		_, err := Load(Input{Name: "u.yaml", Src: srcs[n]})
		d := cputime.Self() - start
		ps, ok := err.(Problems)
		if !ok || len(ps) != n {
			t.Fatalf("n=%d: want %d problems, got %v", n, n, len(ps))
		}
		return d
	}
	// CPU time, the least of three runs at each size, interleaved, so
	// other processes' load counts as little as it can (wall-clock ratios
	// swung from ×1.1 to ×12 under a parallel go test ./...).
	t1, t4 := time.Hour, time.Hour
	for range 3 {
		t1, t4 = min(t1, load(n)), min(t4, load(4*n))
	}
	ratio := float64(t4) / float64(t1)
	t.Logf("validate: %v for %d unknown references, %v for %d (ratio %.1f)", t1, n, t4, 4*n, ratio)
	if ratio > 8 {
		t.Errorf("four times the unknown references took %.1f times as long (%v, then %v): want about 4", ratio, t1, t4)
	}
}

func BenchmarkUnknownRefs(b *testing.B) {
	for _, n := range []int{2000, 8000} {
		src := unknownRefs(n)
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			b.SetBytes(int64(len(src)))
			for b.Loop() {
				if _, err := Load(Input{Name: "u.yaml", Src: src}); err == nil {
					b.Fatal("no problems")
				}
			}
		})
	}
}

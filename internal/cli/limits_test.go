package cli

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// partData is a valid data file of its own entities (prefix p), about
// size bytes, that merges with the other parts.
func partData(p string, size int) []byte {
	var b bytes.Buffer
	fmt.Fprintf(&b, "dipgraph: 1\nid: %s\ntitle: Part\nsources:\n  - {id: s%s, title: Source}\nentities:\n", p, p)
	for i := 0; b.Len() < size; i++ {
		fmt.Fprintf(&b, "  - {id: %s%d, kind: country, name: Country %d}\n", p, i, i)
	}
	return b.Bytes()
}

// TestMaxInputTotal: --max-input bounds all the DATA of a command
// together (three 16 MiB files took 6.3 GB when it was per file): the file
// that takes the total over is refused unread, naming the limit, how many
// files came before and what to do; files under the total together load.
func TestMaxInputTotal(t *testing.T) {
	dir := t.TempDir()
	var parts []string
	for _, p := range []string{"a", "b", "c"} {
		path := filepath.Join(dir, p+".yaml")
		if err := os.WriteFile(path, partData(p, 40<<10), 0o644); err != nil {
			t.Fatal(err)
		}
		parts = append(parts, path)
	}
	out := filepath.Join(dir, "x.svg")
	for _, tt := range []struct {
		name string
		args []string
		want string // "" for success
	}{
		{"each under, together over", append([]string{"validate", "--max-input", "100KiB"}, parts...),
			parts[2] + ": with the 2 files before it, the data is larger than the input limit of 100KiB, which is for all DATA together: give fewer or smaller files, or raise the limit with --max-input SIZE"},
		{"second file", append([]string{"stats", "--max-input", "60KiB"}, parts...),
			parts[1] + ": with the 1 file before it, the data is larger than the input limit of 60KiB"},
		{"first file alone", append([]string{"validate", "--max-input", "30KiB"}, parts...),
			parts[0] + ": larger than the input limit of 30KiB: raise the limit with --max-input SIZE"},
		{"render", append([]string{"render", "-o", out, "--max-input", "100KiB"}, parts...), "the data is larger than the input limit of 100KiB"},
		{"together under", append([]string{"validate", "--max-input", "200KiB"}, parts...), ""},
	} {
		t.Run(tt.name, func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			code := Run(context.Background(), tt.args, strings.NewReader(""), &stdout, &stderr)
			if tt.want == "" {
				if code != exitOK {
					t.Fatalf("exit %d: %s", code, stderr.String())
				}
				return
			}
			if code != exitData || !strings.Contains(stderr.String(), tt.want) {
				t.Errorf("exit %d, stderr %q; want 1 and %q", code, stderr.String(), tt.want)
			}
		})
	}
	if _, err := os.Stat(out); !os.IsNotExist(err) {
		t.Errorf("a refused render wrote %s (%v)", out, err)
	}
}

// randomGraph is n countries in a ring (2025) with chords (2024): n
// entities, 2n relations.
func randomGraph(n int) []byte {
	var b bytes.Buffer
	b.WriteString("dipgraph: 1\nid: ring\ntitle: Ring\nsources:\n  - {id: s, title: Source}\nentities:\n")
	for i := range n {
		fmt.Fprintf(&b, "  - {id: e%d, kind: country, name: E%d}\n", i, i)
	}
	b.WriteString("relations:\n")
	for i := range n {
		fmt.Fprintf(&b, "  - {type: summit, between: [e%d, e%d], date: 2025-09-03, source: s}\n", i, (i+1)%n)
		fmt.Fprintf(&b, "  - {type: summit, between: [e%d, e%d], date: 2024-03-01, source: s}\n", i, (i*7+3)%n)
	}
	return b.Bytes()
}

// TestMaxEntities: a figure of more entities than --max-entities is
// refused before its layout (20,001 random entities ran to the timeout at
// 5.4 GB), in the time it takes to read the data, exit 1, saying how to
// narrow it or raise the limit; the flag is checked as a usage error; -f
// dot and json, which lay nothing out, are not limited.
func TestMaxEntities(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "ring.yaml")
	if err := os.WriteFile(path, randomGraph(300), 0o644); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "x.svg")
	for _, tt := range []struct {
		name string
		args []string
		code int
		want string
	}{
		{"over", []string{"render", "--max-entities", "200", "-o", out, path}, exitData,
			"the figure would have 300 entities, over the limit of 200 per figure: narrow it with --types, --from/--to, --focus or --min-weight, or raise the limit with --max-entities N"},
		{"png over", []string{"render", "--max-entities", "299", "-o", filepath.Join(dir, "x.png"), path}, exitData, "over the limit of 299 per figure"},
		{"timeline over", []string{"render", "--max-entities", "100", "--timeline", "2024-06,2025-09", "-o", out, path}, exitData, "over the limit of 100 per figure"},
		{"flag too large", []string{"render", "--max-entities", "20001", "-o", out, path}, exitUsage, "--max-entities 20001: give a number from 1 to 20000"},
		{"flag negative", []string{"render", "--max-entities", "-1", "-o", out, path}, exitUsage, "--max-entities -1"},
		{"dot is not laid out", []string{"render", "--max-entities", "10", "-f", "dot", "-o", filepath.Join(dir, "x.dot"), path}, exitOK, ""},
	} {
		t.Run(tt.name, func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			start := time.Now()
			code := Run(context.Background(), tt.args, strings.NewReader(""), &stdout, &stderr)
			if code != tt.code || !strings.Contains(stderr.String(), tt.want) {
				t.Errorf("exit %d, stderr %q; want %d and %q", code, stderr.String(), tt.code, tt.want)
			}
			if d := time.Since(start); tt.code == exitData && d > 20*time.Second {
				t.Errorf("refusing took %v: the figure was laid out", d)
			}
		})
	}
	for _, f := range []string{out, filepath.Join(dir, "x.png")} {
		if _, err := os.Stat(f); !os.IsNotExist(err) {
			t.Errorf("a refused render wrote %s (%v)", f, err)
		}
	}
}

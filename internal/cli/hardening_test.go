package cli

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/dipgraph/dipgraph/data"
	"github.com/dipgraph/dipgraph/internal/safecheck"
)

// badCase is one file of the adversarial corpus and what validate must
// say about it.
type badCase struct {
	file  string
	flags []string
	want  []string // problem lines, each up to its hint at least; none: valid
	valid bool
	line  int // in expect.txt
}

// readExpect reads testdata/bad/expect.txt: a line "FILE [FLAGS...]" opens
// a case; the tab-indented lines after it are the problems validate
// reports, one per line, each at least up to the hint (the "; " before
// it), or the single word "valid" for a file that must validate (and is
// then rendered). Lines starting with # are comments.
func readExpect(t *testing.T) []*badCase {
	t.Helper()
	f, err := os.Open("testdata/bad/expect.txt")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var cases []*badCase
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		switch {
		case strings.TrimSpace(line) == "" || strings.HasPrefix(line, "#"):
		case strings.HasPrefix(line, "\t") && len(cases) == 0:
			t.Fatalf("expect.txt:%d: an expectation before any file", n)
		case line == "\tvalid":
			cases[len(cases)-1].valid = true
		case strings.HasPrefix(line, "\t"):
			cases[len(cases)-1].want = append(cases[len(cases)-1].want, line[1:])
		default:
			fields := strings.Fields(line)
			cases = append(cases, &badCase{file: fields[0], flags: fields[1:], line: n})
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return cases
}

// problemLine is how validate starts each problem: the file, then the line
// and column when the problem has a place (only whole-file problems and
// read errors have none).
var problemLine = regexp.MustCompile(`^([^:]+)(:(\d+):(\d+))?: `)

// wholeFile are the messages allowed without a line and column.
var wholeFile = []string{"the file is empty", "larger than the input limit"}

// TestBadCorpus validates every file of testdata/bad and compares what
// validate reports with expect.txt: every problem expected, nothing else,
// each naming file:line:col where the problem has a place. The files that
// validate (hostile but legitimate text) are rendered, and the SVG must
// be inert and show the text (see checkSafeOutput).
func TestBadCorpus(t *testing.T) {
	cases := readExpect(t)
	entries, err := os.ReadDir("testdata/bad")
	if err != nil {
		t.Fatal(err)
	}
	var files []string
	for _, e := range entries {
		if e.Name() != "expect.txt" {
			files = append(files, e.Name())
		}
	}
	if len(files) < 40 {
		t.Errorf("testdata/bad has %d files, want at least 40", len(files))
	}
	var listed []string
	for _, c := range cases {
		listed = append(listed, c.file)
		if !slices.Contains(files, c.file) {
			t.Errorf("expect.txt:%d: no file testdata/bad/%s", c.line, c.file)
		}
	}
	for _, f := range files {
		if !slices.Contains(listed, f) {
			t.Errorf("testdata/bad/%s has no expectation in expect.txt", f)
		}
	}
	for _, c := range cases {
		t.Run(c.file, func(t *testing.T) {
			path := filepath.Join("testdata", "bad", c.file)
			args := append(append([]string{"validate"}, c.flags...), path)
			var stdout, stderr bytes.Buffer
			start := time.Now()
			code := Run(context.Background(), args, strings.NewReader(""), &stdout, &stderr)
			if d := time.Since(start); d > 10*time.Second {
				t.Errorf("validate took %v", d)
			}
			if c.valid {
				if code != exitOK {
					t.Fatalf("validate exited %d, want 0 (a valid file):\n%s", code, stderr.String())
				}
				checkSafeOutput(t, path)
				return
			}
			if code != exitData {
				t.Fatalf("validate exited %d, want 1:\n%s", code, stderr.String())
			}
			got := strings.Split(strings.TrimSpace(stderr.String()), "\n")
			if len(got) > 1 && problemsFound.MatchString(got[len(got)-1]) {
				got = got[:len(got)-1]
			}
			for i, g := range got {
				g = strings.TrimPrefix(g, "dipgraph validate: ")
				g = strings.ReplaceAll(g, filepath.Join("testdata", "bad")+string(filepath.Separator), "")
				got[i] = g
				m := problemLine.FindStringSubmatch(g)
				switch {
				case m == nil || m[1] != c.file:
					t.Errorf("problem does not start with the file name: %q", g)
				case m[2] == "" && !slices.ContainsFunc(wholeFile, func(w string) bool { return strings.Contains(g, w) }):
					t.Errorf("problem has no line and column: %q", g)
				}
			}
			for _, w := range c.want {
				if !slices.ContainsFunc(got, func(g string) bool { return g == w || strings.HasPrefix(g, w+"; ") }) {
					t.Errorf("expect.txt:%d: no problem %q in\n%s", c.line, w, strings.Join(got, "\n"))
				}
			}
			if len(got) != len(c.want) {
				t.Errorf("expect.txt:%d: %d problems expected, got %d:\n%s", c.line, len(c.want), len(got), strings.Join(got, "\n"))
			}
		})
	}
}

var problemsFound = regexp.MustCompile(`^\d+ problems? found$`)

// checkSafeOutput renders a valid data file as SVG (and as HTML, once
// render writes it) and checks the output with safecheck: it parses, holds
// no script, event handler, foreign link or external reference, and every
// name, label and note of the data shows up as text.
func checkSafeOutput(t *testing.T, path string) {
	t.Helper()
	in, err := data.ReadInput(path, hostFS{}, nil)
	if err != nil {
		t.Fatal(err)
	}
	ds, err := data.Load(in)
	if err != nil {
		t.Fatal(err)
	}
	var texts []string
	for _, e := range ds.Entities {
		texts = append(texts, e.Name, e.Native, e.Note)
		texts = append(texts, e.Aliases...)
	}
	for _, r := range ds.Records {
		texts = append(texts, r.Note)
	}
	for _, s := range ds.Sources {
		texts = append(texts, s.Title, s.Publisher, s.Author)
	}
	texts = append(texts, ds.Title)
	// Captions (ties:) are drawn on bundled lines: the country level.
	args := []string{"render"}
	if len(ds.Captions) > 0 {
		args = append(args, "--level", "country")
		for _, c := range ds.Captions {
			texts = append(texts, c.Caption)
		}
	}

	outputs := []string{"svg"}
	if slices.Contains(formatNames(), "html") {
		outputs = append(outputs, "html")
	}
	for _, format := range outputs {
		out := filepath.Join(t.TempDir(), "figure."+format)
		var stderr bytes.Buffer
		if code := Run(context.Background(), append(slices.Clone(args), "-o", out, path), nil, &bytes.Buffer{}, &stderr); code != exitOK {
			t.Fatalf("render -o %s exited %d:\n%s", filepath.Base(out), code, stderr.String())
		}
		doc, err := os.ReadFile(out)
		if err != nil {
			t.Fatal(err)
		}
		var problems []string
		seen := ""
		if format == "svg" {
			problems = safecheck.SVG(doc)
			seen = safecheck.Texts(doc)
		} else {
			problems = safecheck.HTML(doc)
			seen = safecheck.HTMLTexts(doc)
		}
		for _, p := range problems {
			t.Errorf("%s: %s", format, p)
		}
		for _, text := range texts {
			for _, w := range safecheck.Words(text) {
				if !strings.Contains(seen, w) {
					t.Errorf("%s: %q (from %q) does not appear as text", format, shorten(w), shorten(text))
					break
				}
			}
		}
	}
}

func shorten(s string) string {
	if len(s) > 60 {
		return s[:60] + "…"
	}
	return s
}

// TestLargeInput generates data files around the input limit (not
// committed): a 50 MB file is refused by default before it is read, naming
// --max-input, from a file and from standard input alike; --max-input
// lowers the limit; a file of 4 MiB, under the default, validates.
func TestLargeInput(t *testing.T) {
	dir := t.TempDir()
	big := filepath.Join(dir, "big.yaml")
	src := largeData(50 << 20)
	if err := os.WriteFile(big, src, 0o644); err != nil {
		t.Fatal(err)
	}
	limit := data.FormatSize(data.MaxInput)
	for _, tt := range []struct {
		name  string
		args  []string
		stdin []byte
		want  string
	}{
		{"file", []string{"validate", big}, nil, big + ": larger than the input limit of " + limit + ": raise the limit with --max-input SIZE"},
		{"stdin", []string{"render", "-o", filepath.Join(dir, "x.svg"), "-"}, src, "dipgraph render: standard input: larger than the input limit of " + limit},
		{"lowered", []string{"stats", "--max-input", "1KiB", "testdata/bad/over-limit.yaml"}, nil, "testdata/bad/over-limit.yaml: larger than the input limit of 1KiB"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			var stderr bytes.Buffer
			start := time.Now()
			code := Run(context.Background(), tt.args, bytes.NewReader(tt.stdin), &bytes.Buffer{}, &stderr)
			if code != exitData || !strings.Contains(stderr.String(), tt.want) {
				t.Errorf("exit %d, stderr %q; want 1 and %q", code, stderr.String(), tt.want)
			}
			if d := time.Since(start); d > 5*time.Second {
				t.Errorf("refusing took %v: the file was read", d)
			}
		})
	}
	if testing.Short() {
		t.Skip("loads 4 MiB")
	}
	medium := filepath.Join(dir, "medium.yaml")
	if err := os.WriteFile(medium, largeData(4<<20), 0o644); err != nil {
		t.Fatal(err)
	}
	var stdout, stderr bytes.Buffer
	start := time.Now()
	if code := Run(context.Background(), []string{"validate", medium}, nil, &stdout, &stderr); code != exitOK {
		t.Fatalf("4 MiB: exit %d: %.300s", code, stderr.String())
	}
	t.Logf("4 MiB validated in %v: %s", time.Since(start).Round(time.Millisecond), strings.TrimSpace(stdout.String()))
}

// largeData is a valid data file of at least size bytes: 2,000 countries
// and as many summits among them as it takes.
func largeData(size int) []byte {
	var b bytes.Buffer
	b.WriteString("dipgraph: 1\nid: large\ntitle: Large\nsources:\n  - {id: s, title: Source}\nentities:\n")
	const n = 2000
	for i := range n {
		fmt.Fprintf(&b, "  - {id: e%d, kind: country, name: Country %d}\n", i, i)
	}
	b.WriteString("relations:\n")
	for i := 0; b.Len() < size; i++ {
		fmt.Fprintf(&b, "  - {type: summit, between: [e%d, e%d], date: 2025-09-%02d, source: s, label: meeting %d, note: A generated record.}\n",
			i%n, (i%n+1+i/n)%n, i%28+1, i)
	}
	return b.Bytes()
}

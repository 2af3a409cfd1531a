package cli

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// parallelManifest is a build that exercises every path figures take
// when built at once: in-process layouts (neato, dot, circo) serialised on
// the one Graphviz, fdp layouts in worker processes, sfdp's warning,
// painted PNG and PDF, DOT and JSON, several figures sharing one data
// file and one figure that fails.
const parallelManifest = `defaults:
  data: beijing-2025
figures:
  - name: fdp
    outputs: [out/fdp.svg, out/fdp.png]
  - name: fdp-seed
    seed: 7
    outputs: [out/fdp-seed.svg]
  - name: neato
    layout: neato
    outputs: [out/neato.svg, out/neato.pdf]
  - name: dot
    layout: dot
    types: [summit, alliance]
    outputs: [out/dot.svg, out/dot.dot]
  - name: circo
    layout: circo
    focus: kim-jong-un
    outputs: [out/circo.svg, out/circo.json]
  - name: sfdp
    layout: sfdp
    outputs: [out/sfdp.svg]
  - name: as-of
    layout: neato
    as-of: 2019-06-30
    outputs: [out/as-of.png]
  - name: broken
    focus: nobody
    outputs: [out/broken.svg]
  - name: other-data
    data: other.yaml
    layout: neato
    outputs: [out/other.svg, out/other.png]
`

// TestBuildJobs builds the same manifest with --jobs 1 and --jobs 4 in
// this process: the parallel build must write byte-identical files and
// report the same results (as a set: messages may interleave in another
// order). CI runs it under the race detector (.ci/run), which fails on
// any unsynchronised access among the figures built at once.
func TestBuildJobs(t *testing.T) {
	build := func(jobs int) (map[string][]byte, []string) {
		dir := t.TempDir()
		for name, content := range map[string]string{
			"figures.yaml": parallelManifest,
			"other.yaml":   strings.Replace(watchData, "NAME", "Other", 1),
		} {
			if err := os.WriteFile(filepath.Join(dir, name), []byte(content), 0o644); err != nil {
				t.Fatal(err)
			}
		}
		var stdout, stderr bytes.Buffer
		code := Run(context.Background(), []string{"build", "--jobs", fmt.Sprint(jobs), filepath.Join(dir, "figures.yaml")}, nil, &stdout, &stderr)
		if code != exitData {
			t.Fatalf("--jobs %d: exit %d, want 1 (one figure fails):\n%s", jobs, code, stderr.String())
		}
		files := map[string][]byte{}
		entries, err := os.ReadDir(filepath.Join(dir, "out"))
		if err != nil {
			t.Fatal(err)
		}
		for _, e := range entries {
			b, err := os.ReadFile(filepath.Join(dir, "out", e.Name()))
			if err != nil {
				t.Fatal(err)
			}
			files[e.Name()] = b
		}
		lines := strings.Split(strings.ReplaceAll(stdout.String()+stderr.String(), dir+string(filepath.Separator), ""), "\n")
		slices.Sort(lines)
		return files, lines
	}
	serial, serialLog := build(1)
	parallel, parallelLog := build(4)
	if len(serial) != 13 {
		t.Errorf("--jobs 1 wrote %d files, want 13", len(serial))
	}
	for name, b := range serial {
		if !bytes.Equal(parallel[name], b) {
			t.Errorf("%s differs between --jobs 1 and --jobs 4", name)
		}
	}
	for name := range parallel {
		if _, ok := serial[name]; !ok {
			t.Errorf("--jobs 4 wrote %s, --jobs 1 did not", name)
		}
	}
	if !slices.Equal(serialLog, parallelLog) {
		t.Errorf("the reports differ:\n--jobs 1:\n%s\n--jobs 4:\n%s", strings.Join(serialLog, "\n"), strings.Join(parallelLog, "\n"))
	}
}

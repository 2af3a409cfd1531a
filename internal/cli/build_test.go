package cli

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/dipgraph/dipgraph/data"
	"github.com/dipgraph/dipgraph/render"
)

// TestDocumentedManifest keeps docs/manifest.md true: its example parses
// and every figure's settings apply as render flags.
func TestDocumentedManifest(t *testing.T) {
	src, err := os.ReadFile(filepath.Join(root, "docs", "manifest.md"))
	if err != nil {
		t.Fatal(err)
	}
	m := regexp.MustCompile("(?s)```yaml\n(.*?)```").FindStringSubmatch(string(src))
	if m == nil {
		t.Fatal("docs/manifest.md has no yaml example")
	}
	man, err := data.ParseManifest("deck.yaml", []byte(m[1]), manifestSettings())
	if err != nil {
		t.Fatalf("documented manifest does not parse:\n%v", err)
	}
	dir := t.TempDir()
	for _, f := range []string{"data/core.yaml", "data/2025.yaml"} {
		os.MkdirAll(filepath.Join(dir, "data"), 0o755)
		if err := os.WriteFile(filepath.Join(dir, f), nil, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	figs, err := planBuild(man, dir, buildFlags{})
	if err != nil {
		t.Fatalf("documented manifest does not plan:\n%v", err)
	}
	if len(figs) != 3 || len(figs[0].inputs) != 2 || figs[2].inputs[0] != "beijing-2025" || len(figs[2].outputs) != 2 {
		t.Errorf("planned figures: %+v", figs)
	}
}

// TestProjectManifestIsFresh is build --check on the repository's own
// figures.yaml: every figure under out/ must be what the code makes now.
func TestProjectManifestIsFresh(t *testing.T) {
	var out, errb bytes.Buffer
	code := Run(context.Background(), []string{"build", "--check", filepath.Join(root, "figures.yaml")}, strings.NewReader(""), &out, &errb)
	if code != 0 {
		t.Errorf("build --check exited %d (run `go run . build` and commit out/):\n%s%s", code, out.String(), errb.String())
	}
}

// BenchmarkBuild20 builds twenty figures of the embedded dataset in one
// process (start-up paid once) and reports the cost per figure.
func BenchmarkBuild20(b *testing.B) {
	dir := b.TempDir()
	var man strings.Builder
	man.WriteString("defaults:\n  data: beijing-2025\n  layout: neato\nfigures:\n")
	for i := range 20 {
		fmt.Fprintf(&man, "  - name: f%d\n    seed: %d\n    outputs: [out/f%d.svg]\n", i, i, i)
	}
	path := filepath.Join(dir, "figures.yaml")
	if err := os.WriteFile(path, []byte(man.String()), 0o644); err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		render.ForgetLayouts() // each build as a fresh process makes it
		os.RemoveAll(filepath.Join(dir, "out"))
		var errb bytes.Buffer
		if code := Run(context.Background(), []string{"build", path}, strings.NewReader(""), io.Discard, &errb); code != 0 {
			b.Fatalf("build exited %d:\n%s", code, errb.String())
		}
	}
	b.ReportMetric(float64(b.Elapsed().Milliseconds())/float64(b.N)/20, "ms/figure")
}

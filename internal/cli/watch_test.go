package cli

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

const watchData = `dipgraph: 1
id: w
title: Watched
sources: [{id: s, title: S}]
entities:
  - {id: a, kind: country, name: NAME}
  - {id: b, kind: country, name: Bee}
relations:
  - {type: summit, between: [a, b], date: 2025, source: s}
`

// saveLikeAnEditor replaces a file by writing a temporary file and renaming
// it over the original, as many editors do.
func saveLikeAnEditor(t *testing.T, path, content string) {
	t.Helper()
	tmp := path + ".swp"
	if err := os.WriteFile(tmp, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Rename(tmp, path); err != nil {
		t.Fatal(err)
	}
}

// TestWatchServe drives watch end to end: the first render, a save that
// changes the figure, a save that breaks the data (the problems show, the
// last good figure stays), and a fix.
func TestWatchServe(t *testing.T) {
	dir := t.TempDir()
	dataPath := filepath.Join(dir, "data.yaml")
	outPath := filepath.Join(dir, "fig.svg")
	if err := os.WriteFile(dataPath, []byte(strings.Replace(watchData, "NAME", "Alpha", 1)), 0o644); err != nil {
		t.Fatal(err)
	}
	w := startWatch(t, dataPath, "-o", outPath, "--serve", "127.0.0.1:0")
	base, get := w.base, w.get
	if !strings.HasPrefix(base, "http://127.0.0.1:") {
		t.Fatalf("watch printed %q, want the preview address", base)
	}
	nextRender := func(want string) time.Duration {
		t.Helper()
		start := time.Now()
		w.waitRender(want)
		return time.Since(start)
	}
	nextRender("1")
	if fig := get("/figure"); !strings.Contains(fig, "Alpha") || !strings.Contains(fig, "<svg") {
		t.Fatalf("first figure lacks the name:\n%.300s", fig)
	}
	if page := get("/"); !strings.Contains(page, `<img id="figure" src="/figure?v=1"`) || strings.Contains(page, `id="problems"`) {
		t.Errorf("preview page:\n%s", page)
	}

	// A save that changes the data: a new figure, on disk and served.
	saveLikeAnEditor(t, dataPath, strings.Replace(watchData, "NAME", "Gamma", 1))
	took := nextRender("2")
	t.Logf("re-rendered %.0f ms after the save (%v debounce included)", took.Seconds()*1000, watchDebounce)
	if fig := get("/figure"); !strings.Contains(fig, "Gamma") {
		t.Errorf("figure after the save lacks the new name")
	}
	onDisk, _ := os.ReadFile(outPath)
	if !strings.Contains(string(onDisk), "Gamma") {
		t.Errorf("%s was not rewritten", outPath)
	}

	// A save that breaks the data: problems with positions on the page,
	// the last good figure kept, on disk and served.
	saveLikeAnEditor(t, dataPath, strings.Replace(watchData, "date: 2025", "date: 2025-13-40", 1))
	nextRender("3")
	page := get("/")
	if !strings.Contains(page, `id="problems"`) || !strings.Contains(page, "data.yaml:9:") || !strings.Contains(page, "month 13") {
		t.Errorf("page while broken does not show the problem:\n%s", page)
	}
	if fig := get("/figure"); !strings.Contains(fig, "Gamma") {
		t.Errorf("the last good figure is not served while the data is broken")
	}
	if after, _ := os.ReadFile(outPath); string(after) != string(onDisk) {
		t.Errorf("broken data changed %s", outPath)
	}

	// Fixed again.
	saveLikeAnEditor(t, dataPath, strings.Replace(watchData, "NAME", "Delta", 1))
	nextRender("4")
	if page := get("/"); strings.Contains(page, `id="problems"`) {
		t.Errorf("problems still shown after the fix")
	}

	// A real browser loads the preview (when Chromium is installed).
	if chromium, err := exec.LookPath("chromium"); err == nil {
		out, err := exec.Command(chromium, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
			"--no-first-run", "--user-data-dir="+t.TempDir(), "--dump-dom", base).Output()
		if err != nil || !strings.Contains(string(out), `src="/figure?v=4"`) {
			t.Errorf("chromium --dump-dom of the preview: %v\n%s", err, out)
		}
	} else {
		t.Log("chromium not installed: browser check skipped")
	}
}

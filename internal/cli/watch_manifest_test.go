package cli

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/dipgraph/dipgraph/render"
)

// watchSession is a watch command running in the test process, with its
// preview server.
type watchSession struct {
	t      *testing.T
	base   string
	events *bufio.Reader
	body   io.Closer
	stderr *lockedBuffer // what watch printed on stderr so far
}

// lockedBuffer is a buffer one goroutine writes while another reads.
type lockedBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

func startWatch(t *testing.T, args ...string) *watchSession {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	pr, pw := io.Pipe()
	done := make(chan int)
	stderr := &lockedBuffer{}
	go func() {
		done <- Run(ctx, append([]string{"watch"}, args...), strings.NewReader(""), pw, stderr)
		pw.Close()
	}()
	t.Cleanup(func() {
		cancel()
		select {
		case code := <-done:
			if code != 0 {
				t.Errorf("watch exited %d", code)
			}
		case <-time.After(5 * time.Second):
			t.Error("watch did not stop when cancelled")
		}
	})
	line, err := bufio.NewReader(pr).ReadString('\n')
	if err != nil {
		t.Fatalf("watch printed no address: %v\n%s", err, stderr)
	}
	base := strings.TrimSpace(strings.TrimPrefix(line, "serving "))
	go io.Copy(io.Discard, pr)
	resp, err := http.Get(base + "events")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { resp.Body.Close() })
	return &watchSession{t: t, base: base, events: bufio.NewReader(resp.Body), body: resp.Body, stderr: stderr}
}

func (w *watchSession) get(path string) string {
	w.t.Helper()
	resp, err := http.Get(w.base + strings.TrimPrefix(path, "/"))
	if err != nil {
		w.t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return string(b)
}

// waitRender waits for the event announcing render number want.
func (w *watchSession) waitRender(want string) {
	w.t.Helper()
	deadline := time.AfterFunc(20*time.Second, func() { w.body.Close() })
	defer deadline.Stop()
	for {
		l, err := w.events.ReadString('\n')
		if err != nil {
			w.t.Fatalf("waiting for render %s: %v", want, err)
		}
		if strings.TrimSpace(l) == "data: "+want {
			return
		}
	}
}

// waitFigure waits up to 20 s for the served figure to hold want.
func (w *watchSession) waitFigure(want string) {
	w.t.Helper()
	deadline := time.Now().Add(20 * time.Second)
	for !strings.Contains(w.get("/figure"), want) {
		if time.Now().After(deadline) {
			w.t.Fatalf("the figure never showed %q; stderr:\n%s", want, w.stderr)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// waitStderr waits up to 20 s for watch to print want on stderr.
func (w *watchSession) waitStderr(want string) {
	w.t.Helper()
	deadline := time.Now().Add(20 * time.Second)
	for !strings.Contains(w.stderr.String(), want) {
		if time.Now().After(deadline) {
			w.t.Fatalf("watch never printed %q; stderr:\n%s", want, w.stderr)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// TestWatchManifest: watch --manifest builds every figure (a figure with
// only an HTML report shows it in a frame), rebuilds when a
// data file or the manifest changes, shows manifest problems with their
// positions while keeping the figures, and follows files the manifest
// starts naming.
func TestWatchManifest(t *testing.T) {
	dir := t.TempDir()
	write := func(name, content string) {
		t.Helper()
		saveLikeAnEditor(t, filepath.Join(dir, name), content)
	}
	manifest := `figures:
  - name: all
    data: data.yaml
    outputs: [all.svg]
  - name: other
    data: DATA
    edge-labels: none
    outputs: [other.svg]
  - name: report
    data: data.yaml
    outputs: [report.html]
`
	write("data.yaml", strings.Replace(watchData, "NAME", "Alpha", 1))
	write("data2.yaml", strings.Replace(watchData, "NAME", "Omega", 1))
	write("figures.yaml", strings.Replace(manifest, "DATA", "data.yaml", 1))
	w := startWatch(t, "-m", filepath.Join(dir, "figures.yaml"), "--serve", "127.0.0.1:0")
	w.waitRender("1")
	page := w.get("/")
	if !strings.Contains(page, `<h2>all</h2><img id="figure-0" src="/figure/0?v=1"`) || !strings.Contains(page, `<h2>other</h2><img id="figure-1" src="/figure/1?v=1"`) {
		t.Fatalf("preview page does not show both figures:\n%s", page)
	}
	if !strings.Contains(page, `<h2>report</h2><iframe id="figure-2" src="/figure/2?v=1" sandbox title="report">`) {
		t.Fatalf("preview page does not show the HTML report:\n%s", page)
	}
	if rep := w.get("/figure/2"); !strings.Contains(rep, "<!DOCTYPE html>") || !strings.Contains(rep, "Alpha") {
		t.Fatalf("the report is not served:\n%.300s", rep)
	}
	if fig := w.get("/figure/1"); !strings.Contains(fig, "Alpha") {
		t.Fatalf("second figure lacks the name:\n%.300s", fig)
	}

	// A data file changes: both figures are rebuilt.
	write("data.yaml", strings.Replace(watchData, "NAME", "Gamma", 1))
	w.waitRender("2")
	for _, out := range []string{"all.svg", "other.svg"} {
		if b, _ := os.ReadFile(filepath.Join(dir, out)); !strings.Contains(string(b), "Gamma") {
			t.Errorf("%s was not rebuilt", out)
		}
	}

	// A broken manifest: its problem, with position, on the page; the
	// figures stay.
	before, _ := os.ReadFile(filepath.Join(dir, "all.svg"))
	write("figures.yaml", strings.Replace(manifest, "edge-labels: none", "edge-label: none", 1))
	w.waitRender("3")
	page = w.get("/")
	if !strings.Contains(page, `id="problems"`) || !strings.Contains(page, "figures.yaml:7:5") || !strings.Contains(page, "edge-labels") {
		t.Errorf("page while the manifest is broken:\n%s", page)
	}
	if after, _ := os.ReadFile(filepath.Join(dir, "all.svg")); string(after) != string(before) {
		t.Error("a broken manifest changed an output")
	}

	// Fixed, and the second figure now reads data2.yaml, which is then
	// watched too.
	write("figures.yaml", strings.Replace(manifest, "DATA", "data2.yaml", 1))
	w.waitRender("4")
	if fig := w.get("/figure/1"); !strings.Contains(fig, "Omega") {
		t.Errorf("second figure does not come from data2.yaml")
	}
	write("data2.yaml", strings.Replace(watchData, "NAME", "Sigma", 1))
	w.waitRender("5")
	if fig := w.get("/figure/1"); !strings.Contains(fig, "Sigma") {
		t.Errorf("a change to data2.yaml was not followed")
	}
}

// TestPreviewOutput: a manifest figure's preview is its first SVG or PNG,
// else its HTML report, else its PDF; one with only DOT or JSON has none.
func TestPreviewOutput(t *testing.T) {
	outs := func(formats ...render.Format) []plannedOutput {
		var o []plannedOutput
		for i, f := range formats {
			o = append(o, plannedOutput{path: fmt.Sprintf("out%d%s", i, f.Ext()), spec: figureSpec{format: f}})
		}
		return o
	}
	for _, c := range []struct {
		outs []plannedOutput
		want string // "": none
	}{
		{outs(render.FormatPDF, render.FormatHTML, render.FormatPNG, render.FormatSVG), "out2.png"},
		{outs(render.FormatDOT, render.FormatSVG), "out1.svg"},
		{outs(render.FormatPDF, render.FormatJSON, render.FormatHTML), "out2.html"},
		{outs(render.FormatDOT, render.FormatPDF), "out1.pdf"},
		{outs(render.FormatDOT, render.FormatJSON), ""},
		{nil, ""},
	} {
		got, ok := previewOutput(c.outs)
		if (c.want == "") == ok || (ok && got.path != c.want) {
			t.Errorf("%v: preview %q (%v), want %q", c.outs, got.path, ok, c.want)
		}
	}
}

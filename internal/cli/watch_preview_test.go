package cli

import (
	"bytes"
	"context"
	"image"
	"image/png"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/dipgraph/dipgraph/render"
)

// TestWatchServeAllInterfaces: with --serve-all-interfaces an address on
// every interface is served, with a warning on stderr; the printed address
// is one a browser can open; the host guard still refuses other names.
// (Only loopback traffic is sent.)
func TestWatchServeAllInterfaces(t *testing.T) {
	dir := t.TempDir()
	dataPath := filepath.Join(dir, "data.yaml")
	if err := os.WriteFile(dataPath, []byte(strings.Replace(watchData, "NAME", "Alpha", 1)), 0o644); err != nil {
		t.Fatal(err)
	}
	w := startWatch(t, dataPath, "-o", filepath.Join(dir, "fig.svg"), "--serve", "0.0.0.0:0", "--serve-all-interfaces")
	if !strings.HasPrefix(w.base, "http://127.0.0.1:") {
		t.Errorf("watch printed %q, want an address on 127.0.0.1", w.base)
	}
	w.waitStderr("dipgraph watch: warning: the preview listens on every network interface (")
	w.waitStderr("anyone who can reach this machine can read the figure")
	w.waitRender("1")
	w.waitFigure("Alpha")
	req, _ := http.NewRequest("GET", w.base+"figure", nil)
	req.Host = "rebound.example"
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusMisdirectedRequest {
		t.Errorf("Host rebound.example: %s, want 421", resp.Status)
	}
}

// TestWatchPreviewInChromium: the preview of an HTML report or a PDF shows
// it in a real browser, under the preview's headers and CSP, and the
// page's script runs (its hash is right: it opens the event stream).
// Before, each was an <img> of a document a browser cannot show as an
// image: a broken-image icon on the page's grey. Now the report fills its
// frame (its white page, with the figure's and the table's text), and the
// PDF fills Chromium's viewer (its dark surround, with the white page in
// it). The screenshot is measured inside the frame's box, the same for
// both. An SVG, the image that always showed, is the control.
//
// Chromium takes the screenshot when its virtual time runs out, which it
// does not while a request is open: the preview's event stream is ended
// (as when watch stops) once the page has opened it and had time to show
// the PDF, more time on each try.
func TestWatchPreviewInChromium(t *testing.T) {
	bin := needTool(t, "chromium", "chromium")
	dir := t.TempDir()
	dataPath := filepath.Join(dir, "data.yaml")
	if err := os.WriteFile(dataPath, []byte(strings.Replace(watchData, "NAME", "Alpha", 1)), 0o644); err != nil {
		t.Fatal(err)
	}
	made := map[render.Format][]byte{}
	for _, f := range []render.Format{render.FormatSVG, render.FormatHTML, render.FormatPDF} {
		out := filepath.Join(dir, "fig"+f.Ext())
		var stderr bytes.Buffer
		if code := Run(context.Background(), []string{"render", dataPath, "-o", out}, strings.NewReader(""), io.Discard, &stderr); code != 0 {
			t.Fatalf("render -o %s: exit %d\n%s", out, code, stderr.String())
		}
		b, err := os.ReadFile(out)
		if err != nil {
			t.Fatal(err)
		}
		made[f] = b
	}
	for _, c := range []struct {
		fig   shown
		check func(white, dark, ink, colour float64) string
	}{
		{shown{name: "fig.html", format: render.FormatHTML, body: made[render.FormatHTML]}, func(white, dark, ink, colour float64) string {
			if white < 0.5 || ink < 0.005 || colour < 0.001 {
				return "the report does not fill its frame"
			}
			return ""
		}},
		{shown{name: "fig.pdf", format: render.FormatPDF, body: made[render.FormatPDF], svg: made[render.FormatSVG]}, func(white, dark, ink, colour float64) string {
			if dark < 0.3 || white < 0.05 || colour < 0.001 {
				return "the PDF viewer does not show the page"
			}
			return ""
		}},
		{shown{name: "fig.svg", format: render.FormatSVG, body: made[render.FormatSVG]}, func(white, dark, ink, colour float64) string {
			if white < 0.1 || ink < 0.002 || colour < 0.0005 {
				return "the SVG does not show"
			}
			return ""
		}},
	} {
		t.Run(string(c.fig.format), func(t *testing.T) {
			var problem string
			for settle := time.Second; settle <= 16*time.Second; settle *= 2 {
				white, dark, ink, colour := screenshotPreview(t, bin, c.fig, settle)
				t.Logf("%s in the preview, %v after the page opened its stream: %.1f%% white, %.1f%% dark grey, %.2f%% ink, %.2f%% colour",
					c.fig.name, settle, 100*white, 100*dark, 100*ink, 100*colour)
				if problem = c.check(white, dark, ink, colour); problem == "" {
					return
				}
			}
			t.Error(problem)
		})
	}
}

// screenshotPreview serves a preview of fig, takes Chromium's screenshot
// of it settle after the page has opened its event stream, and measures
// the figure's box in it.
func screenshotPreview(t *testing.T, bin string, fig shown, settle time.Duration) (white, dark, ink, colour float64) {
	t.Helper()
	ctx, stop := context.WithCancel(context.Background())
	defer stop()
	w := &watcher{e: &env{ctx: ctx, stdout: io.Discard, stderr: io.Discard}, version: 1, figures: []shown{fig}}
	srv := httptest.NewUnstartedServer(nil)
	srv.Config.Handler = w.handler(newHostGuard(srv.Listener, "127.0.0.1:0"))
	srv.Start()
	defer srv.Close()
	shot := filepath.Join(t.TempDir(), "shot.png")
	cmd := exec.Command(bin, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
		"--disable-component-update", "--disable-quic", "--no-first-run", "--user-data-dir="+t.TempDir(),
		"--window-size=1000,900", "--virtual-time-budget=2000", "--screenshot="+shot, srv.URL+"/")
	cmd.Env = append(os.Environ(), "HOME="+t.TempDir())
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	exited := make(chan error, 1)
	go func() { exited <- cmd.Wait() }()
	opened := time.Now().Add(60 * time.Second)
	for w.openStreams() == 0 {
		select {
		case <-exited:
			t.Fatalf("the page never opened its event stream (its script did not run):\n%s", out.String())
		case <-time.After(20 * time.Millisecond):
		}
		if time.Now().After(opened) {
			cmd.Process.Kill()
			<-exited
			t.Fatalf("the page never opened its event stream (its script did not run):\n%s", out.String())
		}
	}
	time.Sleep(settle)
	stop() // the streams end, and Chromium's virtual time runs out
	select {
	case err := <-exited:
		if err != nil {
			t.Fatalf("chromium: %v\n%s", err, out.String())
		}
	case <-time.After(60 * time.Second):
		cmd.Process.Kill()
		<-exited
		t.Fatalf("chromium did not take its screenshot:\n%s", out.String())
	}
	return frameShares(t, shot, image.Rect(20, 20, 980, 760))
}

// frameShares measures a screenshot inside r: the share of white pixels
// (a page), of the dark neutral grey of Chromium's PDF viewer, of dark
// pixels that are not that grey's flat surround (text and lines), and of
// coloured ones (the figure's node outlines: text alone has none).
func frameShares(t *testing.T, path string, r image.Rectangle) (white, dark, ink, colour float64) {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	img, err := png.Decode(f)
	if err != nil {
		t.Fatalf("the screenshot is not a PNG: %v", err)
	}
	r = r.Intersect(img.Bounds())
	var nw, nd, ni, nc int
	for y := r.Min.Y; y < r.Max.Y; y++ {
		for x := r.Min.X; x < r.Max.X; x++ {
			cr, cg, cb, _ := img.At(x, y).RGBA()
			r8, g8, b8 := int(cr>>8), int(cg>>8), int(cb>>8)
			neutral := absInt(r8-g8) < 8 && absInt(g8-b8) < 8
			if max(r8, g8, b8)-min(r8, g8, b8) >= 24 {
				nc++
			}
			switch {
			case r8 > 250 && g8 > 250 && b8 > 250:
				nw++
			case neutral && r8 >= 30 && r8 <= 75:
				nd++
			case r8+g8+b8 < 3*110:
				ni++
			}
		}
	}
	n := float64(r.Dx() * r.Dy())
	return float64(nw) / n, float64(nd) / n, float64(ni) / n, float64(nc) / n
}

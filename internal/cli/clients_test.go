package cli

// Real clients: the default figure and the HTML report opened by the
// programs analysts use — headless Chromium (screenshots at slide size,
// and the report printed to PDF to prove its sorting works without
// script) and LibreOffice (which imports the SVG as a drawing and exports
// a PDF). Each check skips, saying what to install, when its program is
// missing; .ci/run installs them. The programs run in parallel, once each
// per check; the whole test takes a few seconds.
//
// What LibreOffice (7.4, Debian 12's) does with SVG, found by converting
// the default figure and probe files with one feature each, and comparing
// with rsvg-convert:
//   - it imports the default figure faithfully: every label, nested <svg>
//     panels with viewBox and x/y, text-anchor, <tspan> with dy, bold and
//     italic, dash arrays, fill-opacity, rounded rects, width="100%"
//     backgrounds, url(#id) gradients and clip paths, markers, <style>
//     classes and style attributes; Helvetica falls back to Nimbus Sans
//     and Korean/Chinese to Noto CJK through fontconfig;
//   - fill="transparent" (and stroke="transparent") is painted BLACK: write
//     "none" instead;
//   - hsl() colours are painted black; CSS custom properties (var(--x))
//     are not resolved (rsvg does not resolve them either);
//   - <a> links are dropped (the text stays, the PDF has no link);
//   - letter-spacing is ignored; group opacity comes out lighter than
//     asked;
//   - <use> of a <symbol> ignores the symbol's viewBox scaling;
//   - <foreignObject> is dropped (as by rsvg).

import (
	"bytes"
	"context"
	"fmt"
	"image"
	"image/png"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/dipgraph/dipgraph/data"
	"github.com/dipgraph/dipgraph/graph"
)

// slide is the window the screenshots are taken in: a 16:9 slide.
const slideW, slideH = 1920, 1080

// needTool skips the test when a program is not installed.
func needTool(t *testing.T, tool, pkg string) string {
	t.Helper()
	path, err := exec.LookPath(tool)
	if err != nil {
		t.Skipf("%s is not installed (Debian package %s; .ci/run installs it): real-client check skipped", tool, pkg)
	}
	return path
}

// runTool runs a program with a time limit, failing the test with its
// output when it fails.
func runTool(t *testing.T, limit time.Duration, name string, args ...string) []byte {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), limit)
	defer cancel()
	cmd := exec.CommandContext(ctx, name, args...)
	cmd.Env = append(os.Environ(), "HOME="+t.TempDir()) // no user profile, no state between runs
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("%s %s: %v\n%s", filepath.Base(name), strings.Join(args, " "), err, out)
	}
	return out
}

// renderDefault writes the default figure as SVG and as an HTML report
// into dir with the command itself.
func renderDefault(t *testing.T, dir string) (svg, report string) {
	t.Helper()
	svg, report = filepath.Join(dir, "figure.svg"), filepath.Join(dir, "report.html")
	for _, out := range []string{svg, report} {
		var stderr bytes.Buffer
		if code := Run(context.Background(), []string{"render", "-o", out}, strings.NewReader(""), io.Discard, &stderr); code != 0 {
			t.Fatalf("render -o %s: exit %d\n%s", out, code, stderr.String())
		}
	}
	return svg, report
}

// chromium runs headless Chromium on a file with the given action flags
// (--screenshot=…, --print-to-pdf=…).
func chromium(t *testing.T, bin, file string, action ...string) {
	t.Helper()
	args := []string{"--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
		"--disable-component-update", "--no-first-run", "--user-data-dir=" + t.TempDir(),
		fmt.Sprintf("--window-size=%d,%d", slideW, slideH)}
	args = append(args, action...)
	runTool(t, 60*time.Second, bin, append(args, "file://"+file)...)
}

// checkScreenshot decodes a screenshot and fails unless it has the
// window's size and shows a figure: a real share of pixels away from the
// background colour, and many distinct colours.
func checkScreenshot(t *testing.T, path string) {
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
	if b := img.Bounds(); b.Dx() != slideW || b.Dy() != slideH {
		t.Fatalf("the screenshot is %d×%d, want the window's %d×%d", b.Dx(), b.Dy(), slideW, slideH)
	}
	share, colours := ink(img)
	t.Logf("%s: %.1f%% of pixels off the background, %d distinct colours", filepath.Base(path), 100*share, colours)
	if share < 0.025 {
		t.Errorf("%s is nearly blank: %.2f%% of pixels differ from the background", filepath.Base(path), 100*share)
	}
	if colours < 12 {
		t.Errorf("%s has %d distinct colours: the figure's colours are missing", filepath.Base(path), colours)
	}
}

// ink measures an image: the share of pixels that differ clearly from the
// most common colour (the background), and how many colours it has (to
// 4 bits a channel, counting only those on 20 pixels or more, so
// anti-aliasing alone does not count).
func ink(img image.Image) (share float64, colours int) {
	b := img.Bounds()
	counts := map[[3]uint8]int{}
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			r, g, bl, _ := img.At(x, y).RGBA()
			counts[[3]uint8{uint8(r >> 12), uint8(g >> 12), uint8(bl >> 12)}]++
		}
	}
	var bg [3]uint8
	for c, n := range counts {
		if n > counts[bg] || (n == counts[bg] && slices.Compare(c[:], bg[:]) < 0) {
			bg = c
		}
	}
	far := 0
	for c, n := range counts {
		d := 0
		for i := range c {
			d = max(d, absInt(int(c[i])-int(bg[i])))
		}
		if d >= 2 {
			far += n
		}
		if n >= 20 {
			colours++
		}
	}
	return float64(far) / float64(b.Dx()*b.Dy()), colours
}

func absInt(i int) int {
	if i < 0 {
		return -i
	}
	return i
}

// reportRows reads the report's table: for each row its note text and
// its sort ranks by column.
func reportRows(t *testing.T, doc []byte) (notes []string, ranks []map[string]int) {
	t.Helper()
	root, err := html.Parse(bytes.NewReader(doc))
	if err != nil {
		t.Fatal(err)
	}
	rank := regexp.MustCompile(`--o-([a-z]+):(\d+)`)
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.DataAtom == atom.Tr && n.Parent != nil && n.Parent.DataAtom == atom.Tbody {
			m := map[string]int{}
			for _, a := range n.Attr {
				if a.Key == "style" {
					for _, r := range rank.FindAllStringSubmatch(a.Val, -1) {
						m[r[1]], _ = strconv.Atoi(r[2])
					}
				}
			}
			var note string
			for c := n.FirstChild; c != nil; c = c.NextSibling {
				for _, a := range c.Attr {
					if a.Key == "class" && a.Val == "c-note" {
						note = nodeText(c)
					}
				}
			}
			notes, ranks = append(notes, strings.Join(strings.Fields(note), " ")), append(ranks, m)
			return
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(root)
	return notes, ranks
}

func nodeText(n *html.Node) string {
	if n.Type == html.TextNode {
		return n.Data
	}
	var b strings.Builder
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		b.WriteString(nodeText(c))
	}
	return b.String()
}

// TestRealClients opens the default figure and its HTML report in
// Chromium and LibreOffice.
func TestRealClients(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	svg, report := renderDefault(t, dir)
	doc, err := os.ReadFile(report)
	if err != nil {
		t.Fatal(err)
	}

	for _, c := range []struct{ name, file string }{{"chromium-svg", svg}, {"chromium-html", report}} {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			bin := needTool(t, "chromium", "chromium")
			shot := filepath.Join(t.TempDir(), "shot.png")
			chromium(t, bin, c.file, "--screenshot="+shot)
			checkScreenshot(t, shot)
		})
	}

	// The report printed by Chromium lists its rows in the order the
	// checked radio button asks for: CSS sorts the table, no script. A
	// copy of the report is printed for each order, with that button
	// checked; pdftotext -raw reads the text in the order it was painted.
	for _, sort := range []struct{ id, col string }{{"sort-date-asc", "date"}, {"sort-parties-desc", "parties"}, {"sort-note-asc", "note"}} {
		t.Run("chromium-sort-"+strings.TrimPrefix(sort.id, "sort-"), func(t *testing.T) {
			t.Parallel()
			bin := needTool(t, "chromium", "chromium")
			pdftotext := needTool(t, "pdftotext", "poppler-utils")
			page := doc
			if sort.id != "sort-date-asc" {
				page = bytes.Replace(page, []byte(`id="sort-date-asc" aria-label="Sort by date, ascending" checked>`), []byte(`id="sort-date-asc" aria-label="Sort by date, ascending">`), 1)
				page = regexp.MustCompile(`(id="`+sort.id+`" aria-label="[^"]*")>`).ReplaceAll(page, []byte("$1 checked>"))
				if bytes.Count(page, []byte(" checked>")) != 1 || !bytes.Contains(page, []byte(`id="`+sort.id+`" aria-label`)) {
					t.Fatalf("could not check %s in a copy of the report", sort.id)
				}
			}
			tmp := t.TempDir()
			file, pdf := filepath.Join(tmp, "report.html"), filepath.Join(tmp, "report.pdf")
			if err := os.WriteFile(file, page, 0o644); err != nil {
				t.Fatal(err)
			}
			chromium(t, bin, file, "--no-pdf-header-footer", "--print-to-pdf="+pdf)
			text := strings.Join(strings.Fields(string(runTool(t, 30*time.Second, pdftotext, "-raw", pdf, "-"))), " ")

			notes, ranks := reportRows(t, page)
			want := make([]string, len(notes)) // notes in the order the ranks give
			for i, n := range notes {
				r := ranks[i][sort.col]
				if r < 1 || r > len(notes) {
					t.Fatalf("row %d has no rank for %s", i+1, sort.col)
				}
				want[r-1] = n
			}
			if strings.HasSuffix(sort.id, "-desc") {
				slices.Reverse(want)
			}
			// Each note's position in the printed text must increase
			// along want (notes that occur twice are skipped).
			last, checked := -1, 0
			for _, n := range want {
				if strings.Count(text, n) != 1 {
					continue
				}
				at := strings.Index(text, n)
				if at < last {
					t.Fatalf("printed with %s checked, %q comes before the row above it in the sorted order", sort.id, n)
				}
				last = at
				checked++
			}
			if checked < len(want)*3/4 {
				t.Fatalf("only %d of %d notes found once in the printed report", checked, len(want))
			}
			t.Logf("%s: %d rows printed in order", sort.id, checked)
		})
	}

	t.Run("libreoffice", func(t *testing.T) {
		t.Parallel()
		soffice := needTool(t, "soffice", "libreoffice-impress")
		pdftotext := needTool(t, "pdftotext", "poppler-utils")
		tmp := t.TempDir()
		// One conversion, with a fresh profile so no user settings (or a
		// running LibreOffice) interfere.
		runTool(t, 90*time.Second, soffice, "--headless", "--norestore", "-env:UserInstallation=file://"+filepath.Join(tmp, "profile"),
			"--convert-to", "pdf", "--outdir", tmp, svg)
		text := string(runTool(t, 30*time.Second, pdftotext, filepath.Join(tmp, "figure.pdf"), "-"))
		flat := strings.Join(strings.Fields(text), " ")

		in, err := data.ReadInput(data.DefaultDataset, nil, nil)
		if err != nil {
			t.Fatal(err)
		}
		ds, err := data.Load(in)
		if err != nil {
			t.Fatal(err)
		}
		g := graph.Build(ds, graph.Filter{})
		want := []string{ds.Title, "Relations", "North Korea", "Kim Jong Un", "Xi Jinping", "Vladimir Putin"}
		for _, n := range g.Nodes {
			want = append(want, n.Name)
		}
		for _, ty := range g.Types {
			want = append(want, ty.Label)
		}
		if cjkFont() {
			want = append(want, "김정은", "习近平", "Владимир Путин")
		} else {
			t.Log("no Korean font (Debian fonts-noto-cjk): native names not checked")
		}
		for _, w := range want {
			if !strings.Contains(flat, w) {
				t.Errorf("LibreOffice's PDF of the SVG lacks %q", w)
			}
		}
	})
}

// cjkFont reports whether fontconfig knows a font with Korean.
func cjkFont() bool {
	out, err := exec.Command("fc-list", ":lang=ko", "family").Output()
	return err == nil && len(bytes.TrimSpace(out)) > 0
}

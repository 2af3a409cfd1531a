package cli

import (
	"context"
	"crypto/sha256"
	"encoding/base64"
	"fmt"
	"html"
	"io"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/dipgraph/dipgraph/render"
)

// The preview that watch --serve shows: a page with the current figure (or
// each of a manifest's), reloaded by server-sent events after every render.
// An SVG or PNG shows as an image, the HTML report in a sandboxed frame, a
// PDF in the browser's PDF viewer (the same figure as SVG in its place
// where the browser has none). The page loads nothing but from the
// server, and runs only its one script, allowed by its hash.

// pageStyle and pageScript are the page's only style sheet and script;
// the page's Content-Security-Policy allows them, and nothing else inline,
// by their SHA-256 hashes.
const (
	pageStyle = `body{font-family:Helvetica,Arial,sans-serif;margin:1em;background:#fafafa}
#problems{color:#a00;background:#fff0f0;padding:.8em;white-space:pre-wrap}
h2{font-size:1em;margin:1.2em 0 .4em}
img{max-width:100%;background:#fff;box-shadow:0 0 4px #ccc}
iframe,object{display:block;width:100%;height:85vh;border:0;background:#fff;box-shadow:0 0 4px #ccc}
.open{margin:.4em 0}`
	pageScript = `new EventSource("/events").addEventListener("render", function (ev) {
  if (ev.data !== document.body.dataset.version) location.reload();
});`
)

// pagePolicy is the page's Content-Security-Policy: its own style and
// script by hash, images, frames, the PDF and the event stream from the
// server itself, and nothing from anywhere else.
var pagePolicy = "default-src 'none'; script-src " + cspHash(pageScript) + "; style-src " + cspHash(pageStyle) +
	"; img-src 'self'; frame-src 'self'; object-src 'self'; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"

// cspHash is the CSP source expression that allows an inline script or
// style sheet by its SHA-256 hash.
func cspHash(s string) string {
	sum := sha256.Sum256([]byte(s))
	return "'sha256-" + base64.StdEncoding.EncodeToString(sum[:]) + "'"
}

// maxPreviewStreams is how many event streams (open preview pages) the
// server keeps at once; one more is answered 503. A browser opens at most
// six connections to a server, so this allows many tabs.
const maxPreviewStreams = 64

// shown is a figure the preview shows.
type shown struct {
	name   string
	format render.Format
	body   []byte
	// svg, for a PDF, is the same figure as SVG: shown beneath the PDF, and
	// in its place by a browser without a PDF viewer. Nil when not made.
	svg []byte
}

// state returns what the preview shows, and a channel closed at the next
// render. The channel is the one every waiter shares: asking allocates
// nothing.
func (w *watcher) state() (version int, figures []shown, errText string, next <-chan struct{}) {
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.changed == nil {
		w.changed = make(chan struct{})
	}
	return w.version, w.figures, w.errText, w.changed
}

// serve starts the preview server at addr (refusing one that means every
// interface unless all is set): / is the page, /figure (/figure/N for a
// manifest's figure N) the current figure, /svg (/svg/N) a PDF's figure as
// SVG, /events a server-sent event stream with one event per render.
func (w *watcher) serve(addr string, all bool) (string, func(), error) {
	ln, err := listenPreview(addr, all)
	if err != nil {
		return "", nil, err
	}
	srv := &http.Server{
		Handler:           w.handler(newHostGuard(ln, addr)),
		ReadHeaderTimeout: 5 * time.Second,
		IdleTimeout:       time.Minute,
		MaxHeaderBytes:    16 << 10,
	}
	go srv.Serve(ln)
	stop := func() {
		ctx, cancel := context.WithTimeout(context.Background(), time.Second)
		defer cancel()
		srv.Shutdown(ctx)
	}
	return ln.Addr().String(), stop, nil
}

// handler is the preview's routes, behind the host guard, every response
// with the headers of secureHeaders.
func (w *watcher) handler(g *hostGuard) http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /{$}", w.page)
	index := func(r *http.Request) int {
		if r.PathValue("n") == "" {
			return 0
		}
		n, err := strconv.Atoi(r.PathValue("n"))
		if err != nil {
			return -1
		}
		return n
	}
	mux.HandleFunc("GET /figure", func(rw http.ResponseWriter, r *http.Request) { w.figure(rw, r, index(r), false) })
	mux.HandleFunc("GET /figure/{n}", func(rw http.ResponseWriter, r *http.Request) { w.figure(rw, r, index(r), false) })
	mux.HandleFunc("GET /svg", func(rw http.ResponseWriter, r *http.Request) { w.figure(rw, r, index(r), true) })
	mux.HandleFunc("GET /svg/{n}", func(rw http.ResponseWriter, r *http.Request) { w.figure(rw, r, index(r), true) })
	mux.HandleFunc("GET /events", w.events)
	return secureHeaders(g.wrap(mux))
}

// Each kind of document /figure serves has its own policy: a picture may
// style itself but runs nothing (sandbox); the HTML report the same, and
// may be framed by the page; a PDF may be framed by the page, and loads
// nothing, but is not sandboxed, so that a browser's PDF viewer may show
// it (Chromium's shows it either way; dipgraph's PDFs hold no scripts);
// text runs nothing.
const (
	picturePolicy = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'; sandbox"
	reportPolicy  = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'; frame-ancestors 'self'; sandbox"
	pdfPolicy     = "default-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'self'"
	textPolicy    = "default-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'self'; sandbox"
)

// figure serves figure i (its SVG, for a PDF, when svg is set).
func (w *watcher) figure(rw http.ResponseWriter, r *http.Request, i int, svg bool) {
	_, figs, _, _ := w.state()
	if i < 0 || i >= len(figs) || (svg && figs[i].svg == nil) {
		http.Error(rw, "404 no such figure", http.StatusNotFound)
		return
	}
	f := figs[i]
	body, format := f.body, f.format
	if svg {
		body, format = f.svg, render.FormatSVG
	}
	hd := rw.Header()
	switch {
	case format.Image():
		hd.Set("Content-Security-Policy", picturePolicy)
	case format == render.FormatHTML:
		hd.Set("Content-Security-Policy", reportPolicy)
		hd.Set("X-Frame-Options", "SAMEORIGIN")
	case format == render.FormatPDF:
		hd.Set("Content-Security-Policy", pdfPolicy)
		hd.Set("X-Frame-Options", "SAMEORIGIN")
	default:
		hd.Set("Content-Security-Policy", textPolicy)
		hd.Set("X-Frame-Options", "SAMEORIGIN")
	}
	hd.Set("Content-Type", previewType(format))
	hd.Set("Content-Length", strconv.Itoa(len(body)))
	rw.Write(body)
}

// previewType is what the preview serves a format as: its content type,
// except that the HTML report is served as HTML (under reportPolicy, in a
// sandboxed frame) rather than as its source.
func previewType(f render.Format) string {
	if f == render.FormatHTML {
		return "text/html; charset=utf-8"
	}
	return f.ContentType()
}

// page is the preview: each figure (by reference to /figure, so the page
// holds no user markup of its own but escaped names and problems), the
// problems while the data is broken, and the script that reloads the page
// when /events announces a render.
func (w *watcher) page(rw http.ResponseWriter, r *http.Request) {
	version, figs, errText, _ := w.state()
	rw.Header().Set("Content-Type", "text/html; charset=utf-8")
	rw.Header().Set("Content-Security-Policy", pagePolicy)
	var b strings.Builder
	fmt.Fprintf(&b, "<!doctype html>\n<html><head><meta charset=\"utf-8\"><title>dipgraph watch</title>\n<style>%s</style></head>\n<body data-version=\"%d\">", pageStyle, version)
	if errText != "" {
		b.WriteString(`<pre id="problems">` + html.EscapeString(errText) + `</pre><p>Showing the last good figure.</p>`)
	}
	writeFigures(&b, figs, version)
	fmt.Fprintf(&b, "\n<script>%s</script></body></html>\n", pageScript)
	io.WriteString(rw, b.String())
}

// writeFigures writes the page's figures: the one figure, or each of a
// manifest's figures under its name.
func writeFigures(b *strings.Builder, figs []shown, version int) {
	if len(figs) == 1 {
		writeFigure(b, figs[0], "figure", "/figure", "/svg", version)
		return
	}
	for i, f := range figs {
		fmt.Fprintf(b, `<h2>%s</h2>`, html.EscapeString(f.name))
		writeFigure(b, f, fmt.Sprintf("figure-%d", i), fmt.Sprintf("/figure/%d", i), fmt.Sprintf("/svg/%d", i), version)
	}
}

// writeFigure writes one figure, served at src (a PDF's SVG at svg), as
// what shows its format: an image, the HTML report in a frame that may
// not run scripts, a PDF in the browser's viewer with a link to open it
// and its SVG beneath (in the viewer's place where there is none), text
// in a frame.
func writeFigure(b *strings.Builder, f shown, id, src, svg string, version int) {
	alt := html.EscapeString(f.name)
	switch {
	case f.format.Image():
		fmt.Fprintf(b, `<img id="%s" src="%s?v=%d" alt="%s">`, id, src, version, alt)
	case f.format == render.FormatHTML:
		fmt.Fprintf(b, `<iframe id="%s" src="%s?v=%d" sandbox title="%s"></iframe>`, id, src, version, alt)
		fmt.Fprintf(b, `<p class="open"><a href="%s?v=%d">Open the report</a></p>`, src, version)
	case f.format == render.FormatPDF:
		fallback := "This browser shows no PDF here."
		if f.svg != nil {
			fallback = fmt.Sprintf(`<img id="%s-svg" src="%s?v=%d" alt="%s (as SVG)">`, id, svg, version, alt)
		}
		fmt.Fprintf(b, `<object id="%s" data="%s?v=%d" type="application/pdf" title="%s">%s</object>`, id, src, version, alt, fallback)
		fmt.Fprintf(b, `<p class="open"><a href="%s?v=%d">Open the PDF</a></p>`, src, version)
	default:
		fmt.Fprintf(b, `<iframe id="%s" src="%s?v=%d" sandbox title="%s"></iframe>`, id, src, version, alt)
	}
}

// events streams one "render" event (its data: the render count) now and
// after every render, until the client goes. At most maxPreviewStreams
// run at once; beyond that the answer is 503.
func (w *watcher) events(rw http.ResponseWriter, r *http.Request) {
	flusher, ok := rw.(http.Flusher)
	if !ok {
		http.Error(rw, "streaming unsupported", http.StatusInternalServerError)
		return
	}
	w.mu.Lock()
	if w.streams >= maxPreviewStreams {
		w.mu.Unlock()
		rw.Header().Set("Retry-After", "10")
		http.Error(rw, fmt.Sprintf("503 too many open previews (%d): close some tabs", maxPreviewStreams), http.StatusServiceUnavailable)
		return
	}
	w.streams++
	w.mu.Unlock()
	defer func() {
		w.mu.Lock()
		w.streams--
		w.mu.Unlock()
	}()
	rw.Header().Set("Content-Type", "text/event-stream")
	for {
		version, _, _, next := w.state()
		fmt.Fprintf(rw, "event: render\ndata: %d\n\n", version)
		flusher.Flush()
		select {
		case <-next:
		case <-r.Context().Done():
			return
		case <-w.e.ctx.Done():
			return
		}
	}
}

// openStreams is how many event streams are open: the preview's only
// waiters (they share one channel, closed at the next render).
func (w *watcher) openStreams() int {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.streams
}

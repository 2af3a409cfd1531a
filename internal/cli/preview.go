package cli

import (
	"context"
	"fmt"
	"html"
	"net"
	"net/http"
	"strconv"
	"strings"
	"time"
)

// The preview that watch --serve shows: a page with the current figure (or
// each of a manifest's), reloaded by server-sent events after every render.

// state returns what the preview shows, and a channel closed at the next
// render.
func (w *watcher) state() (version int, figures []shown, errText string, next chan struct{}) {
	w.mu.Lock()
	defer w.mu.Unlock()
	ch := make(chan struct{})
	w.waiters = append(w.waiters, ch)
	return w.version, w.figures, w.errText, ch
}

// serve starts the preview server: / is the page, /figure the current
// figure, /events a server-sent event stream with one event per render.
func (w *watcher) serve(addr string) (string, func(), error) {
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return "", nil, err
	}
	mux := http.NewServeMux()
	mux.HandleFunc("GET /{$}", w.page)
	figure := func(rw http.ResponseWriter, i int) {
		_, figs, _, _ := w.state()
		if i < 0 || i >= len(figs) {
			http.NotFound(rw, nil)
			return
		}
		rw.Header().Set("Content-Type", figs[i].format.ContentType())
		rw.Header().Set("Cache-Control", "no-store")
		rw.Write(figs[i].body)
	}
	mux.HandleFunc("GET /figure", func(rw http.ResponseWriter, r *http.Request) { figure(rw, 0) })
	mux.HandleFunc("GET /figure/{n}", func(rw http.ResponseWriter, r *http.Request) {
		n, err := strconv.Atoi(r.PathValue("n"))
		if err != nil {
			n = -1
		}
		figure(rw, n)
	})
	mux.HandleFunc("GET /events", w.events)
	srv := &http.Server{Handler: mux, ReadHeaderTimeout: 5 * time.Second}
	go srv.Serve(ln)
	stop := func() {
		ctx, cancel := context.WithTimeout(context.Background(), time.Second)
		defer cancel()
		srv.Shutdown(ctx)
	}
	return ln.Addr().String(), stop, nil
}

// page is the preview: the figure (an <img> of /figure, so the page holds
// no user markup of its own), the problems while the data is broken, and a
// script that reloads the page when /events announces a render.
func (w *watcher) page(rw http.ResponseWriter, r *http.Request) {
	version, figs, errText, _ := w.state()
	rw.Header().Set("Content-Type", "text/html; charset=utf-8")
	rw.Header().Set("Cache-Control", "no-store")
	rw.Header().Set("Content-Security-Policy", "default-src 'self'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src 'self'")
	problems := ""
	if errText != "" {
		problems = `<pre id="problems">` + html.EscapeString(errText) + `</pre><p>Showing the last good figure.</p>`
	}
	fmt.Fprintf(rw, `<!doctype html>
<html><head><meta charset="utf-8"><title>dipgraph watch</title>
<style>body{font-family:Helvetica,Arial,sans-serif;margin:1em;background:#fafafa}
#problems{color:#a00;background:#fff0f0;padding:.8em;white-space:pre-wrap}
h2{font-size:1em;margin:1.2em 0 .4em}
img{max-width:100%%;background:#fff;box-shadow:0 0 4px #ccc}</style></head>
<body data-version="%d">%s%s
<script>
new EventSource("/events").addEventListener("render", function (ev) {
  if (ev.data !== document.body.dataset.version) location.reload();
});
</script></body></html>
`, version, problems, previewImages(figs, version))
}

// previewImages are the preview's <img> elements: the one figure, or each
// of a manifest's figures under its name.
func previewImages(figs []shown, version int) string {
	if len(figs) <= 1 {
		return fmt.Sprintf(`<img id="figure" src="/figure?v=%d" alt="the figure">`, version)
	}
	var b strings.Builder
	for i, f := range figs {
		fmt.Fprintf(&b, `<h2>%s</h2><img id="figure-%d" src="/figure/%d?v=%d" alt="%s">`,
			html.EscapeString(f.name), i, i, version, html.EscapeString(f.name))
	}
	return b.String()
}

// events streams one "render" event (its data: the render count) now and
// after every render, until the client goes.
func (w *watcher) events(rw http.ResponseWriter, r *http.Request) {
	flusher, ok := rw.(http.Flusher)
	if !ok {
		http.Error(rw, "streaming unsupported", http.StatusInternalServerError)
		return
	}
	rw.Header().Set("Content-Type", "text/event-stream")
	rw.Header().Set("Cache-Control", "no-store")
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

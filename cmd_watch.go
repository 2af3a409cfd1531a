package main

import (
	"context"
	"errors"
	"fmt"
	"html"
	"net"
	"net/http"
	"path/filepath"
	"slices"
	"sync"
	"time"

	"github.com/fsnotify/fsnotify"

	"github.com/dipgraph/dipgraph/data"
	"github.com/dipgraph/dipgraph/graph"
)

const watchHelp = `Render a figure as render does, then again whenever a data file changes,
until interrupted (Ctrl-C). Takes render's flags and DATA.

A save that breaks the data prints the problems with their positions and
keeps the last good figure in place; the next good save renders again.
Editors that save by writing a new file and renaming it are followed.

With --serve, a preview page shows the current figure and reloads itself
after every render (or shows the problems while the data is broken):
  dipgraph watch my-data.yaml --serve 127.0.0.1:8080`

// watchDebounce is how long watch waits after a change for the burst of
// events one save makes (write, chmod, rename) to end.
const watchDebounce = 120 * time.Millisecond

func runWatch(e *env, args []string) int {
	c := lookup("watch")
	fs, f := newRenderFlags()
	fs.Init("watch", 0)
	serve := fs.String("serve", "", "serve a live preview at this address (e.g. 127.0.0.1:0 picks a free port)")
	if code, ok := parse(e, fs, c, args, watchHelp); !ok {
		return code
	}
	if err := checkOutputPath(f.output, f.format); err != nil {
		return usageFail(e, c.name, err.Error())
	}
	if f.output == "-" {
		return usageFail(e, c.name, "-o -: watch writes a file each time; name one")
	}
	format, err := outputFormat(f.output, f.format)
	if err != nil {
		return usageFail(e, c.name, err.Error())
	}
	spec, err := f.spec(fs, format)
	if err != nil {
		return usageFail(e, c.name, err.Error())
	}
	inputs := fs.Args()
	var files []string
	for _, in := range inputs {
		if in == "-" {
			return usageFail(e, c.name, "standard input cannot be watched: name a file")
		}
		if !slices.Contains(data.Embedded(), in) {
			files = append(files, in)
		}
	}

	w := &watcher{e: e, inputs: inputs, spec: spec, output: f.output}
	if *serve != "" {
		addr, stop, err := w.serve(*serve)
		if err != nil {
			return usageFail(e, c.name, fmt.Sprintf("--serve %q: %v", *serve, err))
		}
		defer stop()
		fmt.Fprintf(e.stdout, "serving http://%s/\n", addr)
	}
	w.render()
	if len(files) == 0 {
		fmt.Fprintln(e.stderr, "dipgraph watch: no data file to watch (an embedded dataset does not change); rendered once")
		if *serve == "" {
			return exitOK
		}
		<-e.ctx.Done()
		return exitOK
	}
	if err := w.watch(files); err != nil {
		return fail(e, c.name, err)
	}
	return exitOK
}

// watcher re-renders one figure and holds what the preview shows.
type watcher struct {
	e      *env
	inputs []string
	spec   figureSpec
	output string
	lay    layoutOnce

	mu      sync.Mutex
	version int    // renders so far, good or bad
	figure  []byte // the last good output
	errText string // the problems, while the data is broken
	waiters []chan struct{}
}

// render makes the figure once and writes it, or reports why not.
func (w *watcher) render() {
	start := time.Now()
	out, path, err := w.make()
	w.mu.Lock()
	defer w.mu.Unlock()
	w.version++
	if err != nil {
		w.errText = err.Error()
		fmt.Fprintf(w.e.stderr, "dipgraph watch: %v\nkeeping the last good figure; waiting for the next change\n", err)
	} else {
		w.errText = ""
		w.figure = out
		fmt.Fprintf(w.e.stderr, "wrote %s in %d ms\n", path, time.Since(start).Milliseconds())
	}
	for _, ch := range w.waiters {
		close(ch)
	}
	w.waiters = nil
}

func (w *watcher) make() ([]byte, string, error) {
	ds, err := loadData(w.e, w.inputs)
	if err != nil {
		var ps data.Problems
		if errors.As(err, &ps) {
			return nil, "", fmt.Errorf("%s in the data:\n%v", count(len(ps), "problem", "problems"), ps.Error())
		}
		return nil, "", err
	}
	if err := w.spec.filter.Check(ds); err != nil {
		return nil, "", err
	}
	path := w.output
	if path == "" {
		if path, err = defaultOutput(ds.ID, w.spec.format); err != nil {
			return nil, "", err
		}
	}
	g := graph.Build(ds, w.spec.filter)
	w.lay.fig = nil // new data, new layout
	w.lay.paint = w.spec.format == "png" || w.spec.format == "pdf"
	out, err := produce(w.e.ctx, &w.lay, g, w.spec, func(msg string) { fmt.Fprintf(w.e.stderr, "dipgraph watch: warning: %s\n", msg) })
	if err != nil {
		return nil, "", err
	}
	return out, path, writeOutput(w.e, path, out)
}

// watch waits for changes to files until the context ends. It watches their
// folders, so a file replaced by a rename (as many editors save) is seen.
func (w *watcher) watch(files []string) error {
	fw, err := fsnotify.NewWatcher()
	if err != nil {
		return err
	}
	defer fw.Close()
	want := map[string]bool{}
	for _, f := range files {
		abs, err := filepath.Abs(f)
		if err != nil {
			return err
		}
		want[abs] = true
		if err := fw.Add(filepath.Dir(abs)); err != nil {
			return fmt.Errorf("cannot watch %s: %w", f, err)
		}
	}
	var timer <-chan time.Time
	for {
		select {
		case <-w.e.ctx.Done():
			return nil
		case ev := <-fw.Events:
			if abs, _ := filepath.Abs(ev.Name); want[abs] {
				timer = time.After(watchDebounce)
			}
		case err := <-fw.Errors:
			fmt.Fprintf(w.e.stderr, "dipgraph watch: %v\n", err)
		case <-timer:
			timer = nil
			w.render()
		}
	}
}

// state returns what the preview shows, and a channel closed at the next
// render.
func (w *watcher) state() (version int, figure []byte, errText string, next chan struct{}) {
	w.mu.Lock()
	defer w.mu.Unlock()
	ch := make(chan struct{})
	w.waiters = append(w.waiters, ch)
	return w.version, w.figure, w.errText, ch
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
	mux.HandleFunc("GET /figure", func(rw http.ResponseWriter, r *http.Request) {
		_, fig, _, _ := w.state()
		rw.Header().Set("Content-Type", contentType(w.spec.format))
		rw.Header().Set("Cache-Control", "no-store")
		rw.Write(fig)
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

func contentType(format string) string {
	switch format {
	case "svg":
		return "image/svg+xml"
	case "png":
		return "image/png"
	case "pdf":
		return "application/pdf"
	case "json":
		return "application/json"
	}
	return "text/plain; charset=utf-8"
}

// page is the preview: the figure (an <img> of /figure, so the page holds
// no user markup of its own), the problems while the data is broken, and a
// script that reloads the page when /events announces a render.
func (w *watcher) page(rw http.ResponseWriter, r *http.Request) {
	version, _, errText, _ := w.state()
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
img{max-width:100%%;background:#fff;box-shadow:0 0 4px #ccc}</style></head>
<body data-version="%d">%s<img id="figure" src="/figure?v=%d" alt="the figure">
<script>
new EventSource("/events").addEventListener("render", function (ev) {
  if (ev.data !== document.body.dataset.version) location.reload();
});
</script></body></html>
`, version, problems, version)
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

package cli

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"sync"
	"time"

	"github.com/fsnotify/fsnotify"

	"github.com/dipgraph/dipgraph/data"
	"github.com/dipgraph/dipgraph/render"
)

const watchHelp = `Render a figure as render does, then again whenever a data file changes,
until interrupted (Ctrl-C). Takes render's flags and DATA.

A save that breaks the data prints the problems with their positions and
keeps the last good figure in place; the next good save renders again.
Editors that save by writing a new file and renaming it are followed.

With --serve, a preview page shows the current figure and reloads itself
after every render (or shows the problems while the data is broken):
  dipgraph watch my-data.yaml --serve 127.0.0.1:8080

With --manifest (-m) FILE, watch builds every figure of a manifest as build
does — only outputs whose bytes change are rewritten — and again whenever
the manifest, a data file or a style file it names changes; the preview
shows each figure:
  dipgraph watch -m figures.yaml --serve 127.0.0.1:8080`

// watchDebounce is how long watch waits after a change for the burst of
// events one save makes (write, chmod, rename) to end.
const watchDebounce = 120 * time.Millisecond

func runWatch(e *env, args []string) int {
	c := lookup("watch")
	fs, f := newRenderFlags()
	fs.Init("watch", 0)
	serve := fs.String("serve", "", "serve a live preview at this address (e.g. 127.0.0.1:0 picks a free port)")
	manifest := fs.StringP("manifest", "m", "", "watch a manifest's figures (as build makes them) instead of one figure")
	if code, ok := parse(e, fs, c, args, watchHelp); !ok {
		return code
	}
	if fs.Changed("manifest") {
		return watchManifest(e, fs, *manifest, *serve)
	}
	if f.output == "-" {
		return usageFail(e, c.name, "-o -: watch writes a file each time; name one")
	}
	spec, err := f.commandSpec(fs)
	if err != nil {
		return usageFail(e, c.name, err.Error())
	}
	if spec.time.frames != "" {
		return usageFail(e, c.name, "--frames is for render: watch redraws one figure (a --timeline of panels works)")
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

	if f.styleFile != "" {
		files = append(files, f.styleFile) // a new style redraws too
	}
	w := &watcher{e: e, inputs: inputs, spec: spec, output: f.output, styleFile: f.styleFile}
	w.rebuild = w.renderOne
	// A large figure's layout, which must stay stoppable, goes to a layout
	// server that lives as long as watch, rather than to a new worker
	// process on every save. (With a manifest, each build has its own.)
	stopServers := render.UseLayoutServers(1)
	defer stopServers()
	return w.run(*serve, func() []string { return files })
}

// run serves the preview if asked, watches the files, builds once, then
// again on every change to the files, until interrupted.
func (w *watcher) run(serve string, files func() []string) int {
	e, c := w.e, lookup("watch")
	if serve != "" {
		addr, stop, err := w.serve(serve)
		if err != nil {
			return usageFail(e, c.name, fmt.Sprintf("--serve %q: %v", serve, err))
		}
		defer stop()
		fmt.Fprintf(e.stdout, "serving http://%s/\n", addr)
	}
	if len(files()) == 0 {
		w.render()
		fmt.Fprintln(e.stderr, "dipgraph watch: no data file to watch (an embedded dataset does not change); rendered once")
		if serve == "" {
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

// watcher re-renders one figure, or a manifest's figures, and holds what
// the preview shows.
type watcher struct {
	e       *env
	rebuild func() ([]shown, error) // makes and writes the figures
	inputs  []string
	spec    figureSpec
	output  string
	// maker makes the one figure; each render's data is new, so is its
	// layout.
	maker render.Maker
	// styleFile is --style's file, read again for every render.
	styleFile string

	mu      sync.Mutex
	version int     // renders so far, good or bad
	figures []shown // the last good outputs
	errText string  // the problems, while the data is broken
	waiters []chan struct{}
}

// shown is a figure the preview shows.
type shown struct {
	name   string
	format render.Format
	body   []byte
}

// render makes the figure once and writes it, or reports why not.
func (w *watcher) render() {
	figs, err := w.rebuild()
	w.mu.Lock()
	defer w.mu.Unlock()
	w.version++
	if err != nil {
		w.errText = err.Error()
		fmt.Fprintf(w.e.stderr, "dipgraph watch: %v\nkeeping the last good figure; waiting for the next change\n", err)
	} else {
		w.errText = ""
		w.figures = figs
	}
	for _, ch := range w.waiters {
		close(ch)
	}
	w.waiters = nil
}

// renderOne makes the one figure of render's flags and writes it.
func (w *watcher) renderOne() ([]shown, error) {
	start := time.Now()
	out, path, err := w.make()
	if err != nil {
		return nil, err
	}
	fmt.Fprintf(w.e.stderr, "wrote %s in %d ms\n", path, time.Since(start).Milliseconds())
	return []shown{{name: path, format: w.spec.format, body: out}}, nil
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
	if err := w.spec.checkData(ds); err != nil {
		return nil, "", err
	}
	if w.styleFile != "" {
		src, err := os.ReadFile(w.styleFile)
		if err != nil {
			return nil, "", fmt.Errorf("--style: cannot read the style file: %w", err)
		}
		if w.spec.opts.Sheet, err = data.ParseStyleSheet(w.styleFile, src); err != nil {
			return nil, "", fmt.Errorf("in the style file:\n%v", err)
		}
	}
	path := w.output
	if path == "" {
		if path, err = defaultOutput(ds.ID, w.spec.format); err != nil {
			return nil, "", err
		}
	}
	job, err := w.spec.job(ds)
	if err != nil {
		return nil, "", err
	}
	w.maker.Warn = func(msg string) { fmt.Fprintf(w.e.stderr, "dipgraph watch: warning: %s\n", msg) }
	made, err := w.maker.Make(w.e.ctx, ds, job)
	if err != nil {
		return nil, "", err
	}
	out := made.Outputs[0].Data
	return out, path, writeOutput(w.e, path, out)
}

// watch waits for changes to files until the context ends. It watches their
// folders, so a file replaced by a rename (as many editors save) is seen.
// The set of files is asked for again after every render: a manifest's
// figures can name new files.
func (w *watcher) watch(files func() []string) error {
	fw, err := fsnotify.NewWatcher()
	if err != nil {
		return err
	}
	defer fw.Close()
	want := map[string]bool{}
	dirs := map[string]bool{}
	follow := func() error {
		clear(want)
		for _, f := range files() {
			abs, err := filepath.Abs(f)
			if err != nil {
				return err
			}
			want[abs] = true
			if d := filepath.Dir(abs); !dirs[d] {
				if err := fw.Add(d); err != nil {
					return fmt.Errorf("cannot watch %s: %w", f, err)
				}
				dirs[d] = true
			}
		}
		return nil
	}
	if err := follow(); err != nil {
		return err
	}
	// The first render comes once the folders are watched, so a save made
	// as soon as that render is announced is seen; a manifest's render
	// then names the files its figures read.
	w.render()
	if err := follow(); err != nil {
		fmt.Fprintf(w.e.stderr, "dipgraph watch: %v\n", err)
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
			if err := follow(); err != nil {
				fmt.Fprintf(w.e.stderr, "dipgraph watch: %v\n", err)
			}
		}
	}
}

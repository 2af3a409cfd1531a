package cli

import (
	"errors"
	"fmt"
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
  dipgraph watch -m figures.yaml --serve 127.0.0.1:8080

The preview answers only to this machine's loopback names (localhost,
127.0.0.1, [::1]) and the address it listens on. An address that means
every network interface (:8080, 0.0.0.0:8080, [::]:8080) is refused unless
--serve-all-interfaces says so: then anyone who can reach the machine can
read the figure.`

// watchDebounce is how long watch waits after a change for the burst of
// events one save makes (write, chmod, rename) to end.
const watchDebounce = 120 * time.Millisecond

func runWatch(e *env, args []string) int {
	c := lookup("watch")
	fs, f := newRenderFlags()
	fs.Init("watch", 0)
	serve := fs.String("serve", "", "serve a live preview at this address (e.g. 127.0.0.1:0 picks a free port)")
	all := fs.Bool(allInterfacesFlag, false, "let --serve listen on every network interface (:PORT, 0.0.0.0:PORT, [::]:PORT): the preview is then open to other machines")
	manifest := fs.StringP("manifest", "m", "", "watch a manifest's figures (as build makes them) instead of one figure")
	if code, ok := parse(e, fs, c, args, watchHelp); !ok {
		return code
	}
	if *all && *serve == "" {
		return usageFail(e, c.name, "--"+allInterfacesFlag+" is for --serve: give --serve ADDR too")
	}
	sv := serveSpec{addr: *serve, all: *all}
	if fs.Changed("manifest") {
		return watchManifest(e, fs, *manifest, sv)
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
	// A PDF's preview shows the figure as SVG too, from the same layout,
	// which then keeps what painting needs.
	w.maker.Paint = spec.format.Painted()
	// A large figure's layout, which must stay stoppable, goes to a layout
	// server that lives as long as watch, rather than to a new worker
	// process on every save. (With a manifest, each build has its own.)
	stopServers := render.UseLayoutServers(1)
	defer stopServers()
	return w.run(sv, func() []string { return files })
}

// serveSpec is where --serve serves the preview: addr ("": no preview),
// and whether it may be every interface (--serve-all-interfaces).
type serveSpec struct {
	addr string
	all  bool
}

// run serves the preview if asked, watches the files, builds once, then
// again on every change to the files, until interrupted.
func (w *watcher) run(sv serveSpec, files func() []string) int {
	e, c := w.e, lookup("watch")
	serve := sv.addr
	if serve != "" {
		addr, stop, err := w.serve(serve, sv.all)
		if err != nil {
			return usageFail(e, c.name, err.Error())
		}
		defer stop()
		if msg := exposure(serve, addr); msg != "" {
			fmt.Fprintf(e.stderr, "dipgraph watch: warning: %s\n", msg)
		}
		fmt.Fprintf(e.stdout, "serving http://%s/\n", browsable(addr))
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
	// changed is closed at the next render, and replaced: every preview
	// stream waiting for a render waits on it.
	changed chan struct{}
	streams int // event streams open (preview.go)
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
	if w.changed != nil {
		close(w.changed)
	}
	w.changed = make(chan struct{})
}

// renderOne makes the one figure of render's flags and writes it.
func (w *watcher) renderOne() ([]shown, error) {
	start := time.Now()
	fig, err := w.make()
	if err != nil {
		return nil, err
	}
	fmt.Fprintf(w.e.stderr, "wrote %s in %d ms\n", fig.name, time.Since(start).Milliseconds())
	return []shown{fig}, nil
}

// make makes the figure and writes it. A PDF's preview also has the figure
// as SVG, from the layout the PDF was painted from (none if it cannot be
// made: the preview then shows the PDF alone).
func (w *watcher) make() (shown, error) {
	ds, err := loadData(w.e, w.inputs)
	if err != nil {
		var ps data.Problems
		if errors.As(err, &ps) {
			return shown{}, fmt.Errorf("%s in the data:\n%v", count(len(ps), "problem", "problems"), ps.Error())
		}
		return shown{}, err
	}
	if err := w.spec.checkData(ds); err != nil {
		return shown{}, err
	}
	if w.styleFile != "" {
		src, err := readSetting(w.styleFile, "style file", data.MaxStyleFile)
		if err != nil {
			return shown{}, fmt.Errorf("--style: cannot read the style file: %w", err)
		}
		if w.spec.opts.Sheet, err = data.ParseStyleSheet(w.styleFile, src); err != nil {
			return shown{}, fmt.Errorf("in the style file:\n%v", err)
		}
	}
	path := w.output
	if path == "" {
		if path, err = defaultOutput(ds.ID, w.spec.format); err != nil {
			return shown{}, err
		}
	}
	job, err := w.spec.job(ds)
	if err != nil {
		return shown{}, err
	}
	w.maker.Warn = func(msg string) { fmt.Fprintf(w.e.stderr, "dipgraph watch: warning: %s\n", msg) }
	made, err := w.maker.Make(w.e.ctx, ds, job)
	if err != nil {
		return shown{}, err
	}
	fig := shown{name: path, format: w.spec.format, body: made.Outputs[0].Data}
	if err := writeOutput(w.e, path, fig.body); err != nil {
		return shown{}, err
	}
	if fig.format == render.FormatPDF {
		job.Format = render.FormatSVG
		if svg, err := w.maker.Make(w.e.ctx, ds, job); err == nil && len(svg.Outputs) > 0 {
			fig.svg = svg.Outputs[0].Data
		}
	}
	return fig, nil
}

// watch waits for changes to files until the context ends. It watches their
// folders (a follower), so a file replaced by a rename (as many editors
// save) is seen, and a folder deleted and made again is watched again. The
// set of files is asked for again after every render: a manifest's
// figures can name new files.
func (w *watcher) watch(files func() []string) error {
	fw, err := fsnotify.NewWatcher()
	if err != nil {
		return err
	}
	defer fw.Close()
	f := newFollower(fw, w.e.stderr)
	if _, err := f.follow(files()); err != nil {
		return err
	}
	// The first render comes once the folders are watched, so a save made
	// as soon as that render is announced is seen; a manifest's render
	// then names the files its figures read.
	w.render()
	follow := func() (back bool) {
		back, err := f.follow(files())
		if err != nil {
			fmt.Fprintf(w.e.stderr, "dipgraph watch: %v\n", err)
		}
		return back
	}
	follow()
	var timer <-chan time.Time
	for {
		select {
		case <-w.e.ctx.Done():
			return nil
		case ev := <-fw.Events:
			switch f.meaning(ev) {
			case eventFile:
				timer = time.After(watchDebounce)
			case eventFolders:
				// A folder that is back may hold files written before
				// it was watched again: render.
				if follow() {
					timer = time.After(watchDebounce)
				}
			}
		case err := <-fw.Errors:
			fmt.Fprintf(w.e.stderr, "dipgraph watch: %v\n", err)
		case <-timer:
			timer = nil
			w.render()
			follow()
		}
	}
}

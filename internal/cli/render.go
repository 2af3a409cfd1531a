package cli

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"unicode"

	"github.com/spf13/pflag"

	"github.com/dipgraph/dipgraph/data"
	"github.com/dipgraph/dipgraph/graph"
	"github.com/dipgraph/dipgraph/render"
)

const renderHelp = `Render one figure from DATA (default: the embedded dataset beijing-2025).

The output goes to out/DATASET.svg unless -o names a file (or - for
standard output). The format comes from -f, or else from the output's
extension: svg (the figure with title, legend and sources), png and pdf
(the same figure as an image or a vector PDF with selectable text), dot
(the Graphviz DOT text of the relation graph), json (the built graph:
entities and weighted edges with the dated records behind each), or html
(one self-contained page to attach to an email: the SVG and a sortable
table of every record drawn, with its source).

PNG is --dpi pixels per inch (default 96, as a browser shows the SVG; 300
for print) times --scale, or fitted within --size WxH pixels. Text is set
in a built-in font (Liberation Sans: Latin, Greek, Cyrillic); other
scripts come from --font files, --font-dir folders or the system's fonts
(e.g. Debian's fonts-noto-cjk), with a warning when none has them.

Examples:
  dipgraph render
  dipgraph render --as-of 2019-06-30 -o out/2019.svg
  dipgraph render --focus kim-jong-un --depth 1 --types summit,military-support
  dipgraph render -o out/beijing.png --dpi 300
  dipgraph render -o slide.png --size 1920x1080 --transparent
  dipgraph render -f pdf -o figure.pdf
  dipgraph render -o report.html
  dipgraph render -f dot -o - my-data.yaml | dot -Tsvg > figure.svg`

// formatNames are the output formats render writes, for messages.
func formatNames() []string {
	var names []string
	for _, f := range render.Formats() {
		names = append(names, string(f))
	}
	return names
}

type renderFlags struct {
	output, format string
	styleFile      string
	score          bool // --score: print the legibility score after writing
	opts           render.Options
	filterFlags
	paint paintFlags
	time  timeFlags
}

// newRenderFlags makes render's flag set. build applies a manifest's
// settings to the same flags, so a figure in a manifest takes exactly what
// the command line takes.
func newRenderFlags() (*pflag.FlagSet, *renderFlags) {
	fs := newFlags("render")
	f := &renderFlags{}
	fs.StringVarP(&f.output, "output", "o", "", "output file, or - for standard output (default out/DATASET.FORMAT)")
	fs.StringVarP(&f.format, "format", "f", "", "output format: "+strings.Join(formatNames(), ", ")+" (default: from -o's extension, else svg)")
	fs.StringVarP(&f.opts.Layout, "layout", "l", render.DefaultLayout, "Graphviz engine: "+strings.Join(render.Layouts, ", "))
	fs.IntVar(&f.opts.Seed, "seed", render.DefaultSeed, "start of the fdp, neato and sfdp layouts: try another for another arrangement")
	fs.IntVar(&f.opts.Candidates, "candidates", render.DefaultCandidates, fmt.Sprintf("fdp, neato and sfdp: lay the figure out this many times (--seed and the seeds after it; fdp also looser) and keep the most legible, 1 to %d", render.MaxCandidates))
	fs.DurationVar(&f.opts.Timeout, "timeout", render.DefaultTimeout, "stop a figure whose layout takes longer (e.g. 30s, 5m; 0: never)")
	fs.IntVar(&f.opts.MaxEntities, "max-entities", render.DefaultMaxEntities, fmt.Sprintf("refuse a figure of more entities than this before laying it out, up to %d", render.MaxEntitiesLimit))
	f.filterFlags.register(fs)
	f.time.register(fs)
	fs.StringVar(&f.opts.Title, "title", "", "figure title (default: the dataset's title)")
	fs.StringVar(&f.opts.Subtitle, "subtitle", "", "a line under the title")
	fs.StringVar(&f.opts.EdgeLabels, "edge-labels", "caption", "text on edges: "+strings.Join(render.EdgeLabels, ", "))
	fs.StringVar(&f.opts.Level, "level", "auto", "detail: people (every person a node), country (each country one node with its people inside, their ties rolled up), auto (people, unless a --size target's text only reads at the country level)")
	fs.Float64Var(&f.opts.FoldBelow, "fold-below", 0, "leave the ties whose total weight is below this off the drawing, told in an \"Also:\" note beneath it (0: draw every tie)")
	fs.StringVar(&f.opts.Bundle, "bundle", "auto", "ties between one pair: type (a line per relation type), sign (one line: cooperation, conflict, mixed or contact), auto (sign at the country level, type at the people level)")
	fs.BoolVar(&f.opts.NoLegend, "no-legend", false, "leave the legend out")
	fs.StringVar(&f.opts.Theme, "theme", render.DefaultTheme, "look: "+strings.Join(render.ThemeNames, ", ")+" (dark: light text, no background; print: black and gray only)")
	fs.StringVar(&f.opts.Background, "background", "", "fill behind the figure: #rrggbb, or none (default: the theme's)")
	fs.StringVar(&f.styleFile, "style", "", "a style file: colours, lines and arrowheads per relation type, fill, border and shape per entity kind (see docs/styles.md)")
	fs.BoolVar(&f.opts.Cite, "cite", false, "put the source numbers of the notes below the figure on the edges")
	fs.BoolVar(&f.score, "score", false, "after writing, print the figure's legibility score to standard error (see dipgraph score)")
	fs.Float64Var(&f.opts.TextScale, "text-scale", 1, "multiply every text (names, and so nodes; edge text; legend; title; sources) by this; with --size, on top of the size the target needs")
	f.paint.register(fs)
	return fs, f
}

// figureSpec is a checked render command line: everything one output
// needs but the data.
type figureSpec struct {
	format render.Format
	opts   render.Options
	filter graph.Filter
	paint  render.PaintOptions
	time   timeSpec
	// styleFile is the --style file the options' style sheet came from.
	styleFile string
	// target is where --size puts the figure, which its text is sized for
	// (render.LayFor); zero without a --size that has one.
	target render.Target
}

// checkData checks the flags that name things in the data: --focus,
// --types, --highlight.
func (s *figureSpec) checkData(ds *graph.Dataset) error {
	if err := s.filter.Check(ds); err != nil {
		return err
	}
	return s.opts.Overlay.CheckHighlight(ds)
}

// commandSpec checks a render or watch command line — -o, the format it
// implies and every other flag — before any data is read.
func (f *renderFlags) commandSpec(fs *pflag.FlagSet) (figureSpec, error) {
	if err := checkOutputPath(f.output, f.format); err != nil {
		return figureSpec{}, err
	}
	format, err := outputFormat(f.output, f.format)
	if err != nil {
		return figureSpec{}, err
	}
	return f.spec(fs, format)
}

// spec checks the parsed flags, for an output of the given format, before
// any data is read. Its errors are command-line mistakes.
func (f *renderFlags) spec(fs *pflag.FlagSet, format render.Format) (figureSpec, error) {
	s := figureSpec{format: format, opts: f.opts, styleFile: f.styleFile}
	if f.opts.Candidates < 1 {
		return s, render.CandidatesError(f.opts.Candidates)
	}
	if err := render.CheckTextScale(f.opts.TextScale); err != nil {
		return s, err
	}
	if err := f.opts.Check(); err != nil {
		return s, err
	}
	var err error
	if s.filter, err = f.filter(fs); err != nil {
		return s, err
	}
	if s.time, err = f.time.spec(fs, format, &f.filterFlags, &s.opts); err != nil {
		return s, err
	}
	s.opts.Overlay = s.time.overlay
	if err := render.CheckLevelFor(s.opts, s.time.active()); err != nil {
		return s, err
	}
	if f.styleFile != "" {
		src, err := readSetting(f.styleFile, "style file", data.MaxStyleFile)
		if err != nil {
			return s, flagErrorf("style", "--style: cannot read the style file: %w", err)
		}
		if s.opts.Sheet, err = data.ParseStyleSheet(f.styleFile, src); err != nil {
			return s, flagErrorf("style", "--style %s: fix the style file (see docs/styles.md):\n%v", f.styleFile, err)
		}
	}
	s.paint, err = f.paint.options(fs, format)
	if err == nil && fs.Changed("size") {
		s.target = render.TargetFor(f.paint.size, s.paint.Width, s.paint.Height)
	}
	return s, err
}

func runRender(e *env, args []string) int {
	c := lookup("render")
	fs, f := newRenderFlags()
	if code, ok := parse(e, fs, c, args, renderHelp); !ok {
		return code
	}

	// Check the command line before touching any data.
	spec, err := f.commandSpec(fs)
	if err != nil {
		return usageFail(e, c.name, err.Error())
	}
	format := spec.format

	ds, err := loadData(e, fs.Args())
	if err != nil {
		return failLoad(e, c.name, err, "dipgraph render: %s in the data; nothing written")
	}
	if err := spec.checkData(ds); err != nil {
		return usageFail(e, c.name, err.Error())
	}
	if code, done := renderOverTime(e, c.name, f.output, spec, ds); done {
		return code
	}
	path := f.output
	if path == "" {
		if path, err = defaultOutput(ds.ID, format); err != nil {
			return usageFail(e, c.name, err.Error())
		}
	}
	warn := func(msg string) { fmt.Fprintf(e.stderr, "dipgraph render: warning: %s\n", msg) }
	if spec.opts.Sheet != nil {
		if err := data.CheckStyleSheet(f.styleFile, spec.opts.Sheet, ds); err != nil {
			warn(err.Error() + "; its style is not used")
		}
	}
	job, err := spec.job(ds)
	if err != nil {
		return usageFail(e, c.name, err.Error())
	}
	mk := render.Maker{OneShot: true, Warn: warn}
	made, err := mk.Make(e.ctx, ds, job)
	mk.Close()
	if errors.Is(err, render.ErrTooLarge) {
		return usageFail(e, c.name, err.Error())
	}
	if err != nil {
		return fail(e, c.name, err)
	}
	if err := writeOutput(e, path, made.Outputs[0].Data); err != nil {
		return fail(e, c.name, err)
	}
	if path != "-" {
		fmt.Fprintf(e.stderr, "wrote %s (%s)\n", path, drawn(made.Summary, spec))
	}
	if s, ok := made.Score(); f.score && ok {
		s.Figure = path
		writeScore(e.stderr, s)
	}
	return exitOK
}

// job is the spec as a render.Job for the data: the dates of a timeline
// or a diff are checked against it (an error is a command-line mistake).
// The job makes one figure; render's --frames asks for its files apart.
func (s *figureSpec) job(ds *graph.Dataset) (render.Job, error) {
	j := render.Job{Format: s.format, Options: s.opts, Filter: s.filter, Paint: s.paint, Target: s.target}
	if !s.time.active() {
		return j, nil
	}
	dates, err := s.time.dated(ds, s.filter)
	if err != nil {
		return j, err
	}
	if s.time.diff {
		j.Diff = &render.DiffDates{From: s.time.from, To: s.time.to}
	} else {
		j.Dates = dates
	}
	return j, nil
}

// drawn says what a figure draws, for render's "wrote" line: its entities
// and relations; for a timeline, its panels, each with every entity of any
// date, and the fewest and most relations a panel has; for --diff, the
// union of the two dates and how many relations changed.
func drawn(sum render.Summary, s figureSpec) string {
	entities := count(sum.Entities, "entity", "entities")
	switch {
	case s.time.diff:
		return fmt.Sprintf("%s, %s, %d changed from %s to %s", entities, count(sum.Edges, "edge", "edges"),
			sum.Changes, s.time.from, s.time.to)
	case s.time.timeline():
		edges := count(sum.MaxEdges, "edge", "edges")
		switch {
		case sum.MinEdges != sum.MaxEdges:
			edges = fmt.Sprintf("%d to %d edges a panel", sum.MinEdges, sum.MaxEdges)
		case sum.Panels > 1:
			edges += " a panel"
		}
		return fmt.Sprintf("%s, %s, %s", count(sum.Panels, "panel", "panels"), entities, edges)
	}
	return entities + ", " + count(sum.Edges, "edge", "edges")
}

// renderOverTime does render's part for figures over time once the data is
// loaded: it checks the dates against the data (a date outside it is a
// command-line mistake) and writes --frames. It reports done when nothing
// is left to write: --frames without -o (out) writes the frames alone.
func renderOverTime(e *env, cmd, out string, s figureSpec, ds *graph.Dataset) (code int, done bool) {
	if !s.time.active() {
		return 0, false
	}
	job, err := s.job(ds)
	if err != nil {
		return usageFail(e, cmd, err.Error()), true
	}
	if s.time.frames == "" {
		return 0, false
	}
	job.Frames = s.time.frames
	warn := func(msg string) { fmt.Fprintf(e.stderr, "dipgraph %s: warning: %s\n", cmd, msg) }
	mk := render.Maker{OneShot: true, Warn: warn}
	made, err := mk.Make(e.ctx, ds, job)
	mk.Close()
	if errors.Is(err, render.ErrTooLarge) {
		return usageFail(e, cmd, err.Error()), true
	}
	if err != nil {
		return fail(e, cmd, err), true
	}
	// Every frame is made before any is written, and they are written
	// all or none.
	frames := make([]output, len(made.Outputs))
	for i, o := range made.Outputs {
		frames[i] = output{o.Name, o.Data}
	}
	if err := writeAll(frames); err != nil {
		return fail(e, cmd, err), true
	}
	fmt.Fprintf(e.stderr, "wrote %s in %s (%s to %s)\n", count(len(frames), "frame", "frames"), s.time.frames,
		filepath.Base(frames[0].path), filepath.Base(frames[len(frames)-1].path))
	if out == "" {
		return exitOK, true
	}
	return 0, false
}

// checkOutputPath refuses an -o that names a folder, before any work is
// done (writing would fail only at the end, after creating the folder).
func checkOutputPath(output, format string) error {
	if output == "" || output == "-" {
		return nil
	}
	st, err := os.Stat(output)
	if strings.HasSuffix(output, "/") || strings.HasSuffix(output, string(filepath.Separator)) || (err == nil && st.IsDir()) {
		if format == "" {
			format = string(render.FormatSVG)
		}
		return fmt.Errorf("-o %q is a folder: name a file in it, e.g. %s", output, filepath.Join(output, "figure."+format))
	}
	return nil
}

// defaultOutput is out/ID.FORMAT, when the dataset's id can be a file name:
// an id from the data or a file name is, but a crafted one ("../x") or the
// stand-in for standard input ("<stdin>") is not.
func defaultOutput(id string, format render.Format) (string, error) {
	if id == "" || strings.HasPrefix(id, ".") || strings.ContainsAny(id, `/\:<>|?*"`) || strings.ContainsFunc(id, unicode.IsControl) {
		return "", fmt.Errorf("cannot name the output after the dataset id %q: give -o FILE, or -o - for standard output", id)
	}
	return filepath.Join("out", id+format.Ext()), nil
}

// outputFormat decides the format from -f and -o, refusing contradictions.
func outputFormat(output, format string) (render.Format, error) {
	format = strings.ToLower(format)
	ext := strings.TrimPrefix(strings.ToLower(filepath.Ext(output)), ".")
	if output == "-" {
		ext = ""
	}
	names := strings.Join(formatNames(), ", ")
	f, known := render.ParseFormat(format)
	switch {
	case format != "" && !known:
		return "", fmt.Errorf("--format %q: choose one of %s", format, names)
	case format != "" && ext != "" && ext != format:
		return "", fmt.Errorf("--format %s does not match the output file %q: drop -f or change the extension", format, output)
	case format != "":
		return f, nil
	case ext == "":
		return render.FormatSVG, nil
	}
	if f, ok := render.ParseFormat(ext); ok {
		return f, nil
	}
	return "", fmt.Errorf("cannot tell the format of %q: give -f with one of %s", output, names)
}

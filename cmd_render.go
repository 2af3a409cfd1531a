package main

import (
	"bytes"
	"fmt"
	"path/filepath"
	"slices"
	"strings"

	"github.com/dipgraph/dipgraph/graph"
	"github.com/dipgraph/dipgraph/render"
)

const renderHelp = `Render one figure from DATA (default: the embedded dataset beijing-2025).

The output goes to out/DATASET.svg unless -o names a file (or - for
standard output). The format comes from -f, or else from the output's
extension: svg (the figure with title, legend and sources), dot (the
Graphviz DOT text of the relation graph), or json (the built graph:
entities and weighted edges with the dated records behind each).

Examples:
  dipgraph render
  dipgraph render --as-of 2019-06-30 -o out/2019.svg
  dipgraph render --focus kim-jong-un --depth 1 --types summit,military-support
  dipgraph render -f dot -o - my-data.yaml | dot -Tpdf > figure.pdf`

// formats are the output formats render writes.
var formats = []string{"svg", "dot", "json"}

// laterFormats are formats DESIGN.md promises that this build cannot write yet.
var laterFormats = []string{"png", "pdf"}

type renderFlags struct {
	output, format string
	opts           render.Options
	types          []string
	from, to, asOf string
	window, depth  int
	focus          string
	minWeight      float64
}

func runRender(e *env, args []string) int {
	c := lookup("render")
	fs := newFlags(c.name)
	var f renderFlags
	fs.StringVarP(&f.output, "output", "o", "", "output file, or - for standard output (default out/DATASET.FORMAT)")
	fs.StringVarP(&f.format, "format", "f", "", "output format: "+strings.Join(formats, ", ")+" (default: from -o's extension, else svg)")
	fs.StringVarP(&f.opts.Layout, "layout", "l", render.DefaultLayout, "Graphviz engine: "+strings.Join(render.Layouts, ", "))
	fs.StringSliceVar(&f.types, "types", nil, "keep only these relation types (comma-separated ids)")
	fs.StringVar(&f.from, "from", "", "keep records that reach into the period from this date (YYYY, YYYY-MM or YYYY-MM-DD)")
	fs.StringVar(&f.to, "to", "", "keep records that begin by this date")
	fs.StringVar(&f.asOf, "as-of", "", "snapshot: relations in force on this date, and events in the --window before it")
	fs.IntVar(&f.window, "window", graph.DefaultWindow, "look-back for events under --as-of, in years")
	fs.StringVar(&f.focus, "focus", "", "keep only entities near this entity id (an ego network)")
	fs.IntVar(&f.depth, "depth", 1, "with --focus: how many relations away to reach")
	fs.Float64Var(&f.minWeight, "min-weight", 0, "drop edges whose total weight is below this")
	fs.StringVar(&f.opts.Title, "title", "", "figure title (default: the dataset's title)")
	fs.StringVar(&f.opts.Subtitle, "subtitle", "", "a line under the title")
	fs.StringVar(&f.opts.EdgeLabels, "edge-labels", "caption", "text on edges: "+strings.Join(render.EdgeLabels, ", "))
	fs.BoolVar(&f.opts.NoLegend, "no-legend", false, "leave the legend out")
	if code, ok := parse(e, fs, c, args, renderHelp); !ok {
		return code
	}

	// Check the command line before touching any data.
	format, err := outputFormat(f.output, f.format)
	if err != nil {
		return usageFail(e, c.name, err.Error())
	}
	if err := f.opts.Check(); err != nil {
		return usageFail(e, c.name, err.Error())
	}
	filter := graph.Filter{Types: f.types, Window: f.window, Focus: f.focus, Depth: f.depth, MinWeight: f.minWeight}
	for _, d := range []struct {
		flag, val string
		into      *graph.Date
	}{{"--from", f.from, &filter.From}, {"--to", f.to, &filter.To}, {"--as-of", f.asOf, &filter.AsOf}} {
		if d.val == "" {
			continue
		}
		if *d.into, err = graph.ParseDate(d.val); err != nil {
			return usageFail(e, c.name, fmt.Sprintf("%s %q: %v", d.flag, d.val, err))
		}
	}
	if fs.Changed("depth") && f.focus == "" {
		return usageFail(e, c.name, "--depth needs --focus ID")
	}
	if fs.Changed("window") && f.asOf == "" {
		return usageFail(e, c.name, "--window needs --as-of DATE")
	}

	ds, err := loadData(e, fs.Args())
	if err != nil {
		return fail(e, c.name, err)
	}
	if err := filter.Check(ds); err != nil {
		return usageFail(e, c.name, err.Error())
	}
	g := graph.Build(ds, filter)

	var out []byte
	switch format {
	case "dot":
		var b bytes.Buffer
		err = render.DOT(&b, g, f.opts)
		out = b.Bytes()
	case "json":
		out, err = render.JSON(g)
	case "svg":
		var gv *render.Graphviz
		if gv, err = render.NewGraphviz(e.ctx); err == nil {
			gv.Warn = func(msg string) { fmt.Fprintf(e.stderr, "dipgraph render: warning: %s\n", msg) }
			out, err = render.SVG(e.ctx, gv, g, f.opts)
			gv.Close()
		}
	}
	if err != nil {
		return fail(e, c.name, err)
	}
	path := f.output
	if path == "" {
		path = filepath.Join("out", ds.ID+"."+format)
	}
	if err := writeOutput(e, path, out); err != nil {
		return fail(e, c.name, err)
	}
	if path != "-" {
		fmt.Fprintf(e.stderr, "wrote %s (%d entities, %d edges)\n", path, len(g.Nodes), len(g.Edges))
	}
	return exitOK
}

// outputFormat decides the format from -f and -o, refusing contradictions.
func outputFormat(output, format string) (string, error) {
	ext := strings.TrimPrefix(strings.ToLower(filepath.Ext(output)), ".")
	if output == "-" {
		ext = ""
	}
	for _, f := range []string{format, ext} {
		if slices.Contains(laterFormats, f) {
			return "", fmt.Errorf("format %s is not available in this version yet: use %s", f, strings.Join(formats, ", "))
		}
	}
	switch {
	case format != "" && !slices.Contains(formats, format):
		return "", fmt.Errorf("--format %q: choose one of %s", format, strings.Join(formats, ", "))
	case format != "" && ext != "" && ext != format:
		return "", fmt.Errorf("--format %s does not match the output file %q: drop -f or change the extension", format, output)
	case format != "":
		return format, nil
	case ext == "":
		return "svg", nil
	case slices.Contains(formats, ext):
		return ext, nil
	}
	return "", fmt.Errorf("cannot tell the format of %q: give -f with one of %s", output, strings.Join(formats, ", "))
}

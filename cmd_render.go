package main

import (
	"bytes"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"unicode"

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
	fs.IntVar(&f.opts.Seed, "seed", render.DefaultSeed, "start of the fdp, neato and sfdp layouts: try another for another arrangement")
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
	if err := checkOutputPath(f.output, f.format); err != nil {
		return usageFail(e, c.name, err.Error())
	}
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
		// The error names the value: date "2025-13-40": month 13 ...
		if *d.into, err = graph.ParseDate(d.val); err != nil {
			return usageFail(e, c.name, fmt.Sprintf("%s: %v", d.flag, err))
		}
	}
	if fs.Changed("types") && len(f.types) == 0 {
		return usageFail(e, c.name, "--types needs at least one relation type id")
	}
	if fs.Changed("focus") && f.focus == "" {
		return usageFail(e, c.name, "--focus needs an entity id")
	}
	if math.IsNaN(f.minWeight) || math.IsInf(f.minWeight, 0) || f.minWeight < 0 {
		return usageFail(e, c.name, fmt.Sprintf("--min-weight %g: give a weight of 0 or more", f.minWeight))
	}
	if fs.Changed("depth") && f.focus == "" {
		return usageFail(e, c.name, "--depth needs --focus ID")
	}
	if fs.Changed("window") && f.asOf == "" {
		return usageFail(e, c.name, "--window needs --as-of DATE")
	}

	ds, err := loadData(e, fs.Args())
	if err != nil {
		return failLoad(e, c.name, err, "dipgraph render: %s in the data; nothing written")
	}
	if err := filter.Check(ds); err != nil {
		return usageFail(e, c.name, err.Error())
	}
	path := f.output
	if path == "" {
		if path, err = defaultOutput(ds.ID, format); err != nil {
			return usageFail(e, c.name, err.Error())
		}
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
	if err := writeOutput(e, path, out); err != nil {
		return fail(e, c.name, err)
	}
	if path != "-" {
		fmt.Fprintf(e.stderr, "wrote %s (%s, %s)\n", path, count(len(g.Nodes), "entity", "entities"), count(len(g.Edges), "edge", "edges"))
	}
	return exitOK
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
			format = "svg"
		}
		return fmt.Errorf("-o %q is a folder: name a file in it, e.g. %s", output, filepath.Join(output, "figure."+format))
	}
	return nil
}

// defaultOutput is out/ID.FORMAT, when the dataset's id can be a file name:
// an id from the data or a file name is, but a crafted one ("../x") or the
// stand-in for standard input ("<stdin>") is not.
func defaultOutput(id, format string) (string, error) {
	if id == "" || strings.HasPrefix(id, ".") || strings.ContainsAny(id, `/\:<>|?*"`) || strings.ContainsFunc(id, unicode.IsControl) {
		return "", fmt.Errorf("cannot name the output after the dataset id %q: give -o FILE, or -o - for standard output", id)
	}
	return filepath.Join("out", id+"."+format), nil
}

// outputFormat decides the format from -f and -o, refusing contradictions.
func outputFormat(output, format string) (string, error) {
	format = strings.ToLower(format)
	ext := strings.TrimPrefix(strings.ToLower(filepath.Ext(output)), ".")
	if output == "-" {
		ext = ""
	}
	if slices.Contains(laterFormats, format) {
		return "", fmt.Errorf("--format %s is not available in this version yet: choose one of %s", format, strings.Join(formats, ", "))
	}
	if slices.Contains(laterFormats, ext) {
		return "", fmt.Errorf("-o %q: format %s is not available in this version yet: choose one of %s", output, ext, strings.Join(formats, ", "))
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

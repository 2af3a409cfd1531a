package cli

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/dipgraph/dipgraph/data"
	"github.com/dipgraph/dipgraph/data/export"
	"github.com/dipgraph/dipgraph/graph"
	"github.com/dipgraph/dipgraph/render"
)

const exportHelp = `Write DATA (default: the embedded dataset beijing-2025) in a format other
tools read, to standard output or to -o FILE.

Formats:
  json     the dipgraph data format as JSON (reads back as DATA); with
           --node-link, the graph as node-link JSON for NetworkX and D3
  graphml  the graph as GraphML (NetworkX, igraph, yEd, Cytoscape)
  gexf     the graph as GEXF 1.2 for Gephi, with each relation's dates as
           time intervals for Gephi's timeline
  csv      spreadsheet sheets dataset.csv, types.csv, sources.csv,
           entities.csv and relations.csv in the folder -o names (or one
           sheet with --sheet); "dipgraph import --from csv" reads them back
  dot      the Graphviz DOT text of the figure, as render -f dot writes it

The graph formats (node-link JSON, GraphML, GEXF, DOT) hold entities and
edges: the records of one type between one pair aggregate into an edge
whose weight is their sum, as on a figure. The data formats (json, csv)
hold the records themselves. The filter flags work as for render; with
them an export holds what the figure would draw, without them everything.
See docs/import-export.md.

Examples:
  dipgraph export -f json --node-link -o graph.json
  dipgraph export -f gexf my-data.yaml -o my-data.gexf
  dipgraph export -f csv -o sheets/ && dipgraph import --from csv sheets/*.csv -o again.yaml
  dipgraph export -f graphml --types summit --from 2018 --to 2019`

// exportFormats are the formats export writes.
var exportFormats = []string{"json", "graphml", "gexf", "csv", "dot"}

type exportFlags struct {
	output, format string
	nodeLink       string
	sheet          string
	bom            bool
	filterFlags
}

func runExport(e *env, args []string) int {
	c := lookup("export")
	fs := newFlags(c.name)
	var f exportFlags
	fs.StringVarP(&f.format, "format", "f", "", "output format: "+strings.Join(exportFormats, ", ")+" (default: from -o's extension)")
	fs.StringVarP(&f.output, "output", "o", "-", "output file (csv: a folder), or - for standard output")
	fs.StringVar(&f.nodeLink, "node-link", "", "json: write the graph as node-link JSON, its links under \"edges\" (NetworkX 3.6's default); =links names them \"links\" (D3, NetworkX before 3.6)")
	fs.Lookup("node-link").NoOptDefVal = "edges"
	fs.StringVar(&f.sheet, "sheet", "", "csv: write only this sheet: "+strings.Join(export.Sheets, ", "))
	fs.BoolVar(&f.bom, "bom", false, "csv: start each sheet with a byte order mark, for Excel")
	f.filterFlags.register(fs)
	if code, ok := parse(e, fs, c, args, exportHelp); !ok {
		return code
	}

	format, err := exportFormat(f.output, f.format, f.sheet)
	if err != nil {
		return usageFail(e, c.name, err.Error())
	}
	switch {
	case f.nodeLink != "" && format != "json":
		return usageFail(e, c.name, "--node-link applies to -f json only")
	case f.nodeLink != "" && !slices.Contains(export.NodeLinkKeys, f.nodeLink):
		return usageFail(e, c.name, fmt.Sprintf("--node-link=%s: choose links (D3, NetworkX before 3.6) or edges (NetworkX 3.6)", f.nodeLink))
	case (f.sheet != "" || f.bom) && format != "csv":
		return usageFail(e, c.name, "--sheet and --bom apply to -f csv only")
	case f.sheet != "" && !slices.Contains(export.Sheets, f.sheet):
		return usageFail(e, c.name, fmt.Sprintf("--sheet %q: choose one of %s%s", f.sheet, strings.Join(export.Sheets, ", "), graph.Suggest(f.sheet, export.Sheets)))
	case format == "csv" && f.sheet == "" && f.output == "-":
		return usageFail(e, c.name, "-f csv writes several sheets: give -o FOLDER, or --sheet NAME to write one sheet")
	}
	if format != "csv" || f.sheet != "" {
		if err := checkOutputPath(f.output, format); err != nil {
			return usageFail(e, c.name, err.Error())
		}
	} else if st, err := os.Stat(f.output); err == nil && !st.IsDir() {
		return usageFail(e, c.name, fmt.Sprintf("-o %q is a file: -f csv writes several sheets into a folder", f.output))
	}
	filter, err := f.filter(fs)
	if err != nil {
		return usageFail(e, c.name, err.Error())
	}
	filtered := false
	for _, name := range []string{"types", "from", "to", "as-of", "focus", "min-weight"} {
		filtered = filtered || fs.Changed(name)
	}

	ds, err := loadData(e, fs.Args())
	if err != nil {
		return failLoad(e, c.name, err, "dipgraph export: %s in the data; nothing written")
	}
	if err := filter.Check(ds); err != nil {
		return usageFail(e, c.name, err.Error())
	}
	g := graph.Build(ds, filter)
	model := ds
	if filtered {
		model = graph.Subset(ds, g)
	} else if format != "dot" {
		export.AllNodes(g)
	}

	var out []byte
	switch {
	case format == "json" && f.nodeLink != "":
		out, err = export.NodeLink(g, f.nodeLink)
	case format == "json":
		out, err = data.EncodeJSON(model)
	case format == "graphml":
		out, err = export.GraphML(g)
	case format == "gexf":
		out, err = export.GEXF(g)
	case format == "dot":
		var b bytes.Buffer
		err = render.DOT(&b, g, render.Options{Layout: render.DefaultLayout, EdgeLabels: "caption", Seed: render.DefaultSeed})
		out = b.Bytes()
	case format == "csv":
		var sheets map[string][]byte
		if sheets, err = export.CSV(model, f.bom); err != nil {
			break
		}
		if f.sheet != "" {
			out = sheets[f.sheet]
			break
		}
		if err := writeSheets(f.output, sheets); err != nil {
			return fail(e, c.name, err)
		}
		fmt.Fprintf(e.stderr, "wrote %s in %s (%s, %s)\n", count(len(sheets), "sheet", "sheets"), f.output,
			count(len(model.Entities), "entity", "entities"), count(len(model.Records), "relation record", "relation records"))
		return exitOK
	}
	if err != nil {
		return fail(e, c.name, err)
	}
	if err := writeOutput(e, f.output, out); err != nil {
		return fail(e, c.name, err)
	}
	switch {
	case f.output == "-":
	case format == "json" && f.nodeLink == "", format == "csv":
		fmt.Fprintf(e.stderr, "wrote %s (%s, %s)\n", f.output, count(len(model.Entities), "entity", "entities"), count(len(model.Records), "relation record", "relation records"))
	default:
		fmt.Fprintf(e.stderr, "wrote %s (%s, %s)\n", f.output, count(len(g.Nodes), "entity", "entities"), count(len(g.Edges), "edge", "edges"))
	}
	return exitOK
}

// exportFormat decides the format from -f, -o and --sheet.
func exportFormat(output, format, sheet string) (string, error) {
	format = strings.ToLower(format)
	if format != "" && !slices.Contains(exportFormats, format) {
		return "", fmt.Errorf("--format %q: choose one of %s%s", format, strings.Join(exportFormats, ", "), graph.Suggest(format, exportFormats))
	}
	ext := ""
	if output != "-" {
		ext = strings.TrimPrefix(strings.ToLower(filepath.Ext(output)), ".")
		if ext == "gv" {
			ext = "dot"
		}
		if st, err := os.Stat(output); (err == nil && st.IsDir()) || strings.HasSuffix(output, "/") || strings.HasSuffix(output, string(filepath.Separator)) {
			ext = "csv"
		}
	}
	switch {
	case format != "" && ext != "" && slices.Contains(exportFormats, ext) && ext != format:
		return "", fmt.Errorf("--format %s does not match the output %q: drop -f or change the name", format, output)
	case format != "":
		return format, nil
	case sheet != "":
		return "csv", nil
	case slices.Contains(exportFormats, ext):
		return ext, nil
	case output == "-":
		return "", fmt.Errorf("give the format with -f: one of %s", strings.Join(exportFormats, ", "))
	}
	return "", fmt.Errorf("cannot tell the format of %q: give -f with one of %s", output, strings.Join(exportFormats, ", "))
}

// writeSheets writes NAME.csv files into dir, all or none (writeAll).
func writeSheets(dir string, sheets map[string][]byte) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fmt.Errorf("cannot create the folder %s: %w", dir, err)
	}
	var outs []output
	for _, name := range export.Sheets {
		if b, ok := sheets[name]; ok {
			outs = append(outs, output{filepath.Join(dir, name+".csv"), b})
		}
	}
	return writeAll(outs)
}

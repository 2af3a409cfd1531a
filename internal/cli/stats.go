package cli

import (
	"bytes"
	"fmt"
	"slices"
	"strings"

	"github.com/spf13/pflag"

	"github.com/dipgraph/dipgraph/graph"
)

const statsHelp = `Print figures about the graph built from DATA (default: the embedded
dataset beijing-2025), after the same filters as render: per entity,
degree and weight per type and signed, and betweenness; per type, counts
and total weight; the signed ties between pairs; structural balance (the
balanced and unbalanced triads, and the frustration index); and signed
blocs, a partition that keeps positive ties inside blocs and negative ties
between them.

By default people are folded into their country (Kim Jong Un's relations
count as North Korea's); --people analyses every entity on its own. A pair
is positive or negative by the net weight of its positive and negative
relations, both directions together; neutral types such as summit count
for degree and betweenness but not for balance or blocs. The methods are
described in docs/analysis.md.

The report is aligned text, or --json (everything), or --csv (one table,
chosen by --table). Output depends only on the data and the flags.

Examples:
  dipgraph stats
  dipgraph stats --as-of 2025-09-03 --people
  dipgraph stats --json > stats.json
  dipgraph stats --csv --table ties my-data.yaml`

// statsTables are the tables --table chooses, in report order.
var statsTables = []string{"entities", "by-type", "types", "ties", "balance", "blocs"}

type statsFlags struct {
	filterFlags
	people    bool
	json, csv bool
	table     string
}

func runStats(e *env, args []string) int {
	c := lookup("stats")
	fs := newFlags(c.name)
	var f statsFlags
	f.filterFlags.register(fs)
	fs.BoolVar(&f.people, "people", false, "analyse people as entities of their own (default: fold each person into their country)")
	fs.BoolVar(&f.json, "json", false, "print everything as JSON")
	fs.BoolVar(&f.csv, "csv", false, "print one table as CSV (see --table)")
	fs.StringVar(&f.table, "table", "", "print only this table: "+strings.Join(statsTables, ", ")+" (with --csv, default entities)")
	if code, ok := parse(e, fs, c, args, statsHelp); !ok {
		return code
	}
	if f.json && f.csv {
		return usageFail(e, c.name, "--json and --csv exclude each other: choose one")
	}
	if fs.Changed("table") && !slices.Contains(statsTables, f.table) {
		return usageFail(e, c.name, fmt.Sprintf("--table %q: choose one of %s", f.table, strings.Join(statsTables, ", ")))
	}
	if f.json && fs.Changed("table") {
		return usageFail(e, c.name, "--table works with the text report and --csv; --json always holds every table")
	}
	if f.csv && f.table == "" {
		f.table = "entities"
	}
	filter, err := f.filter(fs)
	if err != nil {
		return usageFail(e, c.name, err.Error())
	}

	ds, err := loadData(e, fs.Args())
	if err != nil {
		return failLoad(e, c.name, err, "dipgraph stats: %s in the data")
	}
	if err := filter.Check(ds); err != nil {
		return usageFail(e, c.name, err.Error())
	}
	g := graph.Build(ds, filter)
	a := graph.Analyze(g, graph.AnalysisOptions{People: f.people})
	r := newStatsReport(g, a, f.filterFlags.describe(fs, filter.Window))

	var b bytes.Buffer
	switch {
	case f.json:
		err = r.writeJSON(&b)
	case f.csv:
		err = r.writeCSV(&b, f.table)
	default:
		r.writeText(&b, f.table)
	}
	if err != nil {
		return fail(e, c.name, err)
	}
	if _, err := e.stdout.Write(b.Bytes()); err != nil {
		return fail(e, c.name, err)
	}
	return exitOK
}

// describe writes the filter flags that were given, as they would be typed
// again (the window, as parsed, in its own notation): the report says what
// it was computed on.
func (f *filterFlags) describe(fs *pflag.FlagSet, window graph.Window) []string {
	var out []string
	if fs.Changed("types") {
		out = append(out, "--types "+strings.Join(f.types, ","))
	}
	for _, d := range []struct{ flag, val string }{{"from", f.from}, {"to", f.to}, {"as-of", f.asOf}} {
		if d.val != "" {
			out = append(out, "--"+d.flag+" "+d.val)
		}
	}
	if f.asOf != "" {
		out = append(out, "--window "+window.String())
	}
	if f.focus != "" {
		out = append(out, "--focus "+f.focus, fmt.Sprintf("--depth %d", f.depth))
	}
	if f.minWeight > 0 {
		out = append(out, "--min-weight "+num(f.minWeight))
	}
	return out
}

package cli

import (
	"math"

	"github.com/spf13/pflag"

	"github.com/dipgraph/dipgraph/graph"
)

// filterFlags are the flags that choose which records make the graph,
// shared by every command that builds one (render, stats).
type filterFlags struct {
	types                  []string
	from, to, asOf, window string
	depth                  int
	focus                  string
	minWeight              float64
}

// register adds the filter flags to fs.
func (f *filterFlags) register(fs *pflag.FlagSet) {
	fs.StringSliceVar(&f.types, "types", nil, "keep only these relation types (comma-separated ids)")
	fs.StringVar(&f.from, "from", "", "keep records that reach into the period from this date (YYYY, YYYY-MM or YYYY-MM-DD)")
	fs.StringVar(&f.to, "to", "", "keep records that begin by this date")
	fs.StringVar(&f.asOf, "as-of", "", "snapshot: relations in force on this date, and events in the --window before it")
	fs.StringVar(&f.window, "window", graph.DefaultWindow.String(), "look-back for events in an as-of snapshot, in years, months or days: 2y, 18m, 90d, 1y6m (a bare number is years)")
	fs.StringVar(&f.focus, "focus", "", "keep only entities near this entity id (an ego network)")
	fs.IntVar(&f.depth, "depth", 1, "with --focus: how many relations away to reach")
	fs.Float64Var(&f.minWeight, "min-weight", 0, "drop edges whose total weight is below this")
}

// filter checks the flags on their own (the data is checked later, by
// graph.Filter.Check) and returns the filter they describe. An error is a
// command-line mistake: it names the flag and echoes the value.
func (f *filterFlags) filter(fs *pflag.FlagSet) (graph.Filter, error) {
	filter := graph.Filter{Types: f.types, Focus: f.focus, Depth: f.depth, MinWeight: f.minWeight}
	var err error
	if filter.Window, err = graph.ParseWindow(f.window); err != nil {
		return filter, flagErrorf("window", "--window %q %v; e.g. --window 2y, 18m, 90d or 1y6m", f.window, err)
	}
	for _, d := range []struct {
		flag, val string
		into      *graph.Date
	}{{"--from", f.from, &filter.From}, {"--to", f.to, &filter.To}, {"--as-of", f.asOf, &filter.AsOf}} {
		if d.val == "" {
			continue
		}
		// The error names the value: date "2025-13-40": month 13 ...
		if *d.into, err = graph.ParseDate(d.val); err != nil {
			return filter, flagErrorf(d.flag[2:], "%s: %v", d.flag, err)
		}
	}
	if fs.Changed("types") && len(f.types) == 0 {
		return filter, flagErrorf("types", "--types needs at least one relation type id")
	}
	if fs.Changed("focus") && f.focus == "" {
		return filter, flagErrorf("focus", "--focus needs an entity id")
	}
	if math.IsNaN(f.minWeight) || math.IsInf(f.minWeight, 0) || f.minWeight < 0 {
		return filter, flagErrorf("min-weight", "--min-weight %g: give a weight of 0 or more", f.minWeight)
	}
	if fs.Changed("depth") && f.focus == "" {
		return filter, flagErrorf("depth", "--depth needs --focus ID")
	}
	if fs.Changed("window") && f.asOf == "" && !fs.Changed("timeline") && !fs.Changed("every") && !fs.Changed("diff") {
		if fs.Lookup("timeline") != nil { // render: snapshots over time use it too
			return filter, flagErrorf("window", "--window needs --as-of DATE, --timeline, --every or --diff")
		}
		return filter, flagErrorf("window", "--window needs --as-of DATE")
	}
	return filter, nil
}

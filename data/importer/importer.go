// Package importer converts external datasets — spreadsheets and standard
// political-science data (Correlates of War state list, the GML militarized
// interstate disputes, GDELT events, Archigos leaders) — into a dipgraph
// graph.Dataset, which data.EncodeYAML writes as a data file.
//
// Importers read their files as streams, one row at a time, and keep only
// what the output needs (aggregates per dispute and pair, per event pair
// and period, per leader), so memory does not grow with the input's size.
// A row that cannot be used is skipped with a counted warning that names
// file:row:column, or, with Options.Strict, reported as an error; problems
// with a whole file (a missing column, text that is not in the file's
// encoding) are always errors.
package importer

import (
	"cmp"
	"fmt"
	"io"
	"maps"
	"slices"
	"strings"

	"github.com/dipgraph/dipgraph/data"
	"github.com/dipgraph/dipgraph/graph"
)

// Kinds are the kinds of file Import reads, for --from.
var Kinds = []string{"csv", "cow-states", "mid", "gdelt", "archigos"}

// File is one input: the name used in messages and its contents.
type File struct {
	Name string
	R    io.Reader
}

// Options are the choices common to every kind, and the few that belong
// to one kind.
type Options struct {
	// ID, Title and Description of the dataset written. Without an ID the
	// dataset has one only if the files give it (a CSV dataset sheet).
	ID, Title, Description string
	// Since and Until keep records (and leaders' spells) that overlap these
	// years; zero means open.
	Since, Until int
	// Countries keeps only records among these country ids (both sides in
	// the set) and leaders of these countries; nil keeps all. Resolve user
	// input with ResolveCountries.
	Countries map[string]bool
	// Strict makes every skipped row an error.
	Strict bool

	// GDELT: the period events are aggregated over: day, month (default) or year.
	Period string

	// CSV sheets.
	CSV CSVOptions
}

// Result is the imported dataset and what happened on the way.
type Result struct {
	Dataset *graph.Dataset
	// Rows is the number of data rows read (headers not counted).
	Rows int
	// Skipped holds the first MaxReported rows skipped because they could
	// not be used, each with its place and reason; NSkipped counts them all.
	Skipped  []data.Problem
	NSkipped int
	// Warnings are remarks that skip nothing, such as a sheet column that
	// is not used.
	Warnings []data.Problem
	// Left counts the rows left out on purpose (outside the filters, not
	// between two countries, an event type not imported …), by reason.
	Left []Count
}

// Count is a number of rows with the reason they were left out.
type Count struct {
	Reason string
	N      int
}

// MaxReported is how many problems are kept for reporting; the rest are
// only counted.
const MaxReported = 200

// Import reads the files as the given kind.
func Import(kind string, files []File, opt Options) (*Result, error) {
	if len(files) == 0 {
		return nil, fmt.Errorf("no input files")
	}
	if opt.Since != 0 && opt.Until != 0 && opt.Until < opt.Since {
		return nil, fmt.Errorf("--until %d is before --since %d", opt.Until, opt.Since)
	}
	r := &run{opt: opt, left: map[string]int{}}
	var ds *graph.Dataset
	var err error
	switch kind {
	case "csv":
		ds, err = importCSV(r, files)
	case "cow-states":
		ds, err = importCOWStates(r, files)
	case "mid":
		ds, err = importMID(r, files)
	case "gdelt":
		ds, err = importGDELT(r, files)
	case "archigos":
		ds, err = importArchigos(r, files)
	default:
		return nil, fmt.Errorf("unknown kind %q: choose one of %s%s", kind, strings.Join(Kinds, ", "), graph.Suggest(kind, Kinds))
	}
	if err != nil {
		return nil, err
	}
	if len(r.problems) > 0 {
		return nil, r.errors()
	}
	if opt.ID != "" {
		ds.ID = opt.ID
	}
	if opt.Title != "" {
		ds.Title = opt.Title
	}
	if opt.Description != "" {
		ds.Description = opt.Description
	}
	res := &Result{Dataset: ds, Rows: r.rows, Skipped: r.skipped, NSkipped: r.nSkipped, Warnings: r.warnings}
	for _, reason := range slices.Sorted(maps.Keys(r.left)) {
		res.Left = append(res.Left, Count{reason, r.left[reason]})
	}
	slices.SortStableFunc(res.Left, func(a, b Count) int { return cmp.Compare(b.N, a.N) })
	return res, nil
}

// run collects what happens during one import.
type run struct {
	opt      Options
	rows     int
	problems data.Problems // errors: the import fails
	nProbs   int
	skipped  []data.Problem
	nSkipped int
	left     map[string]int
	warnings []data.Problem
}

// warn records a remark that skips nothing.
func (r *run) warn(p data.Problem) { r.warnings = append(r.warnings, p) }

// fail records an error that fails the import whatever --strict says.
func (r *run) fail(p data.Problem) {
	r.nProbs++
	if len(r.problems) < MaxReported {
		r.problems = append(r.problems, p)
	}
}

// skip records a row that cannot be used: a warning, or under --strict an
// error.
func (r *run) skip(p data.Problem) {
	if r.opt.Strict {
		if p.Hint == "" {
			p.Hint = "fix the row, or drop --strict to skip it with a warning"
		}
		r.fail(p)
		return
	}
	r.nSkipped++
	if len(r.skipped) < MaxReported {
		r.skipped = append(r.skipped, p)
	}
}

// leave counts a row left out on purpose.
func (r *run) leave(reason string) { r.left[reason]++ }

// errors returns the recorded errors, saying how many were left out.
func (r *run) errors() data.Problems {
	ps := slices.Clone(r.problems)
	ps.Sort()
	if r.nProbs > len(ps) {
		last := ps[len(ps)-1]
		ps = append(ps, data.Problem{Pos: last.Pos, Msg: fmt.Sprintf("… and %d more problems", r.nProbs-len(ps))})
	}
	return ps
}

// yearsOverlap reports whether the span [from, to] of years meets the
// --since/--until window.
func (r *run) yearsOverlap(from, to int) bool {
	return (r.opt.Since == 0 || to >= r.opt.Since) && (r.opt.Until == 0 || from <= r.opt.Until)
}

// among reports whether every id is in the --countries set.
func (r *run) among(ids ...string) bool {
	if r.opt.Countries == nil {
		return true
	}
	for _, id := range ids {
		if !r.opt.Countries[id] {
			return false
		}
	}
	return true
}

// filterNote describes the filters in force, for the dataset description.
func (r *run) filterNote() string {
	var parts []string
	switch {
	case r.opt.Since != 0 && r.opt.Until != 0 && r.opt.Since == r.opt.Until:
		parts = append(parts, fmt.Sprintf("in %d", r.opt.Since))
	case r.opt.Since != 0 && r.opt.Until != 0:
		parts = append(parts, fmt.Sprintf("from %d to %d", r.opt.Since, r.opt.Until))
	case r.opt.Since != 0:
		parts = append(parts, fmt.Sprintf("from %d", r.opt.Since))
	case r.opt.Until != 0:
		parts = append(parts, fmt.Sprintf("until %d", r.opt.Until))
	}
	if r.opt.Countries != nil {
		parts = append(parts, "among "+strings.Join(slices.Sorted(maps.Keys(r.opt.Countries)), ", "))
	}
	if len(parts) == 0 {
		return ""
	}
	return " Kept: " + strings.Join(parts, ", ") + "."
}

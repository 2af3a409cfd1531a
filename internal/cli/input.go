package cli

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"

	"github.com/dipgraph/dipgraph/data"
	"github.com/dipgraph/dipgraph/graph"
)

// hostFS opens paths as the operating system does (relative to the working
// directory, absolute, or with ..), which io/fs's own DirFS refuses.
type hostFS struct{}

func (hostFS) Open(name string) (fs.File, error) { return os.Open(name) }

// loadData reads and validates the DATA arguments (the default embedded
// dataset when there are none). Read errors and data problems both come back
// as the error; the caller exits 1. The same DATA named twice is a
// *usageError: read twice, every id in it would be reported as a duplicate
// of itself (and standard input can be read only once).
func loadData(e *env, args []string) (*graph.Dataset, error) {
	ds, _, err := loadDataNotes(e, args)
	return ds, err
}

// loadDataNotes is loadData that also returns validation's notes: how
// records will be read (data.LoadNotes), for validate to tell.
func loadDataNotes(e *env, args []string) (*graph.Dataset, data.Problems, error) {
	if len(args) == 0 {
		args = []string{data.DefaultDataset}
	}
	seen := map[string]bool{}
	for _, a := range args {
		key := a // "-" or an embedded dataset's name
		if a != "-" && !slices.Contains(data.Embedded(), a) {
			abs, err := filepath.Abs(a)
			if err != nil {
				abs = filepath.Clean(a)
			}
			key = "file:" + abs
		}
		if seen[key] {
			return nil, nil, &usageError{fmt.Sprintf("%s is given twice as DATA: name each file once", a)}
		}
		seen[key] = true
	}
	var inputs []data.Input
	limit := e.maxInput
	if limit <= 0 {
		limit = data.MaxInput
	}
	// --max-input bounds the DATA files together, not each one: reading
	// takes about a hundred times the bytes read, whichever file they
	// are in (three 16 MiB files took 6.3 GB).
	var total int64
	for _, a := range args {
		in, err := data.ReadInputBudget(a, hostFS{}, e.stdin, limit-total)
		if tl := (*data.TooLargeError)(nil); errors.As(err, &tl) && total > 0 {
			tl.Limit, tl.Together = limit, len(inputs)
		}
		if err != nil {
			return nil, nil, err
		}
		total += int64(len(in.Src))
		inputs = append(inputs, in)
	}
	return data.LoadNotes(inputs...)
}

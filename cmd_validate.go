package main

import (
	"errors"
	"fmt"

	"github.com/dipgraph/dipgraph/data"
)

const validateHelp = `Check data files and report every problem at once, as file:line:col:
message; hint, sorted by file and position. With no DATA, checks the
embedded dataset beijing-2025.

Exit status: 0 when the data is clean, 1 when anything is wrong.`

func runValidate(e *env, args []string) int {
	c := lookup("validate")
	fs := newFlags(c.name)
	if code, ok := parse(e, fs, c, args, validateHelp); !ok {
		return code
	}
	ds, err := loadData(e, fs.Args())
	var ps data.Problems
	switch {
	case errors.As(err, &ps):
		fmt.Fprintln(e.stderr, ps.Error())
		n := "problem"
		if len(ps) != 1 {
			n = "problems"
		}
		fmt.Fprintf(e.stderr, "%d %s found\n", len(ps), n)
		return exitData
	case err != nil:
		return fail(e, c.name, err)
	}
	fmt.Fprintf(e.stdout, "ok: %s — %d entities, %d relation records, %d sources\n", ds.ID, len(ds.Entities), len(ds.Records), len(ds.Sources))
	return exitOK
}

package cli

import (
	"fmt"
)

const validateHelp = `Check data files and report every problem at once, as file:line:col:
message; hint, sorted by file and position. With no DATA, checks the
embedded dataset beijing-2025.

Notes (on standard error, "note: file:line:col: …") tell how a record
will be read where that may surprise: a summit over several days is one
event. They do not make the data wrong.

Exit status: 0 when the data is clean, 1 when anything is wrong in it,
2 when the command line is wrong.`

func runValidate(e *env, args []string) int {
	c := lookup("validate")
	fs := newFlags(c.name)
	if code, ok := parse(e, fs, c, args, validateHelp); !ok {
		return code
	}
	ds, notes, err := loadDataNotes(e, fs.Args())
	if err != nil {
		return failLoad(e, c.name, err, "%s found")
	}
	for _, n := range notes {
		fmt.Fprintf(e.stderr, "note: %s\n", n)
	}
	fmt.Fprintf(e.stdout, "ok: %s — %s, %s, %s\n", ds.ID, count(len(ds.Entities), "entity", "entities"),
		count(len(ds.Records), "relation record", "relation records"), count(len(ds.Sources), "source", "sources"))
	return exitOK
}

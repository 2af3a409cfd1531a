package cli

import (
	"fmt"
)

const validateHelp = `Check data files and report every problem at once, as file:line:col:
message; hint, sorted by file and position. With no DATA, checks the
embedded dataset beijing-2025. Several files are one dataset: a
declaration two files make identically merges; one they make differently
is a problem naming both places. --each checks each file on its own.

Notes (on standard error, "note: file:line:col: …") tell how a record
will be read where that may surprise: a summit over several days is one
event; a caption under ties: that no relation's line would show. They do
not make the data wrong; --strict refuses them (exit 1), for CI.

Exit status: 0 when the data is clean, 1 when anything is wrong in it,
2 when the command line is wrong.`

func runValidate(e *env, args []string) int {
	c := lookup("validate")
	fs := newFlags(c.name)
	each := fs.Bool("each", false, "check each DATA file on its own, not as one dataset (a file may use ids only it declares)")
	strict := fs.Bool("strict", false, "refuse the data for its notes too (a caption under ties: for a pair no relation joins, a dated event read as one event over its days)")
	if code, ok := parse(e, fs, c, args, validateHelp); !ok {
		return code
	}
	if !*each || fs.NArg() < 2 {
		return validateOne(e, c.name, fs.Args(), *strict)
	}
	code := exitOK
	for _, a := range fs.Args() {
		if one := validateOne(e, c.name, []string{a}, *strict); one != exitOK {
			if one == exitUsage {
				return one
			}
			code = one
		}
	}
	return code
}

// validateOne checks DATA as one dataset: "ok:" and its counts, or every
// problem; notes either way, and with strict notes are problems.
func validateOne(e *env, name string, args []string, strict bool) int {
	ds, notes, err := loadDataNotes(e, args)
	if err != nil {
		return failLoad(e, name, err, "%s found")
	}
	if strict && len(notes) > 0 {
		for _, n := range notes {
			fmt.Fprintf(e.stderr, "%s\n", n)
		}
		fmt.Fprintf(e.stderr, "dipgraph %s: %s under --strict\n", name, count(len(notes), "note", "notes"))
		return exitData
	}
	for _, n := range notes {
		fmt.Fprintf(e.stderr, "note: %s\n", n)
	}
	fmt.Fprintf(e.stdout, "ok: %s — %s, %s, %s\n", ds.ID, count(len(ds.Entities), "entity", "entities"),
		count(len(ds.Records), "relation record", "relation records"), count(len(ds.Sources), "source", "sources"))
	return exitOK
}

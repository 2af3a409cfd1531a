package cli

import (
	"fmt"
	"runtime/debug"

	"github.com/dipgraph/dipgraph/data"
	"github.com/dipgraph/dipgraph/render/graphviz"
)

func runDatasets(e *env, args []string) int {
	c := lookup("datasets")
	fs := newFlags(c.name)
	if code, ok := parse(e, fs, c, args, "List the embedded datasets: their names (usable as DATA) and titles."); !ok {
		return code
	}
	if code, ok := noArgs(e, c.name, fs); !ok {
		return code
	}
	for _, name := range data.Embedded() {
		in, err := data.ReadInput(name, nil, nil)
		if err != nil {
			return fail(e, c.name, err)
		}
		ds, err := data.Load(in)
		if err != nil {
			return fail(e, c.name, err)
		}
		def := ""
		if name == data.DefaultDataset {
			def = " (default)"
		}
		fmt.Fprintf(e.stdout, "%s%s\n  %s\n  %s, %s, %s\n", name, def, ds.Title, count(len(ds.Entities), "entity", "entities"),
			count(len(ds.Records), "relation record", "relation records"), count(len(ds.Sources), "source", "sources"))
	}
	return exitOK
}

// graphvizVersion is graphviz.Version. Go builds a test binary of a
// package other than main without its dependencies' versions; the tests
// give theirs.
var graphvizVersion = graphviz.Version

func runVersion(e *env, args []string) int {
	c := lookup("version")
	fs := newFlags(c.name)
	if code, ok := parse(e, fs, c, args, "Print dipgraph's version and the versions of what it is built with."); !ok {
		return code
	}
	if code, ok := noArgs(e, c.name, fs); !ok {
		return code
	}
	version := "(devel)"
	if bi, ok := debug.ReadBuildInfo(); ok && bi.Main.Version != "" {
		version = bi.Main.Version
	}
	fmt.Fprintf(e.stdout, "dipgraph %s (go-graphviz %s)\n", version, graphvizVersion())
	return exitOK
}

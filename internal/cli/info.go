package cli

import (
	"fmt"
	"runtime/debug"

	"github.com/dipgraph/dipgraph/data"
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

// buildInfo is debug.ReadBuildInfo. Go builds a test binary of this package
// without its dependencies' versions; the tests give theirs.
var buildInfo = debug.ReadBuildInfo

func runVersion(e *env, args []string) int {
	c := lookup("version")
	fs := newFlags(c.name)
	if code, ok := parse(e, fs, c, args, "Print dipgraph's version and the versions of what it is built with."); !ok {
		return code
	}
	if code, ok := noArgs(e, c.name, fs); !ok {
		return code
	}
	version, gv := "(devel)", "unknown"
	if bi, ok := buildInfo(); ok {
		if bi.Main.Version != "" {
			version = bi.Main.Version
		}
		for _, d := range bi.Deps {
			if d.Path == "github.com/goccy/go-graphviz" {
				gv = d.Version
			}
		}
	}
	fmt.Fprintf(e.stdout, "dipgraph %s (go-graphviz %s)\n", version, gv)
	return exitOK
}

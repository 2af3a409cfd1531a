// Command archgraph draws the import graph of dipgraph's packages for
// docs/architecture.md: it reads "go list -deps -json ./..." (run in the
// module), writes the graph as DOT (internal/arch.DOT) and lays it out with
// dipgraph's own Graphviz, the one the figures use, as SVG.
//
//	scripts/archgraph.sh                  # rewrites docs/architecture.svg
//	go run ./internal/archgraph -dot      # the DOT text, to standard output
//	go run ./internal/archgraph -o FILE   # the SVG, to FILE
package main

import (
	"context"
	"flag"
	"fmt"
	"os"

	"github.com/dipgraph/dipgraph/internal/arch"
	"github.com/dipgraph/dipgraph/render/graphviz"
)

func main() {
	dotOnly := flag.Bool("dot", false, "write the DOT text, not the SVG")
	out := flag.String("o", "-", "write to this file (- for standard output)")
	flag.Parse()
	if err := run(*dotOnly, *out); err != nil {
		fmt.Fprintln(os.Stderr, "archgraph:", err)
		os.Exit(1)
	}
}

func run(dotOnly bool, out string) error {
	module, pkgs, err := arch.List("")
	if err != nil {
		return err
	}
	b := arch.DOT(module, pkgs)
	if !dotOnly {
		ctx := context.Background()
		gv, err := graphviz.New(ctx)
		if err != nil {
			return err
		}
		if b, err = gv.Render(ctx, b, "dot", "svg"); err != nil {
			return err
		}
	}
	if out == "-" {
		_, err = os.Stdout.Write(b)
		return err
	}
	return os.WriteFile(out, b, 0o644)
}

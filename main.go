// Command dipgraph turns curated, sourced records of diplomatic relations —
// countries, their leaders, and the alliances, hostilities and summits
// between them — into publication-quality relationship figures.
//
// Run "dipgraph help" for the commands, or see README.md.
package main

import (
	"context"
	"os"
	"os/signal"
	"runtime/debug"

	// Linked for its init, which serves layout workers (render/graphviz/worker.go).
	_ "github.com/dipgraph/dipgraph/render"
)

func main() {
	// A command runs for seconds at most and most of what it allocates is
	// garbage at once (the YAML parser's tokens and tree): collecting when
	// the heap has grown fivefold, not twofold, takes a tenth off a
	// 1,000-entity figure and 0.7 s off a 3,000-entity one, for 80 MB more
	// at most (docs/performance.md). GOGC, when set, decides; watch, which
	// runs for hours, keeps Go's default.
	if _, set := os.LookupEnv("GOGC"); !set && (len(os.Args) < 2 || os.Args[1] != "watch") {
		debug.SetGCPercent(400)
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	code := run(ctx, os.Args[1:], os.Stdin, os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}

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

	// Linked for its init, which serves layout workers (render/worker.go).
	_ "github.com/dipgraph/dipgraph/render"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	code := run(ctx, os.Args[1:], os.Stdin, os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}

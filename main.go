// Command dipgraph turns curated, sourced records of diplomatic relations —
// countries, their leaders, and the alliances, hostilities and summits
// between them — into publication-quality relationship figures.
//
// Run "dipgraph help" for the commands, or see README.md. The command line
// itself is internal/cli.
package main

import (
	"context"
	"os"
	"os/signal"

	"github.com/dipgraph/dipgraph/internal/cli"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), cli.StopSignals...)
	code := cli.Run(ctx, os.Args[1:], os.Stdin, os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}

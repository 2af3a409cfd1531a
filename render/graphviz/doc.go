// Package graphviz is Graphviz compiled to WebAssembly behind a small API:
// DOT in, layouts out (SVG, Graphviz's drawing operations as "json", or
// DOT with positions). It is the only package of dipgraph that imports
// go-graphviz or wazero; what that takes is fenced here:
//
//   - go:linkname pulls into go-graphviz, to read Graphviz's own error log
//     (go-graphviz reports success for a layout Graphviz failed) and to read
//     DOT without go-graphviz's per-node label pass (graphviz.go);
//   - reflection into wazero's memory, to put Graphviz back in its starting
//     state before every layout, since fdp with clusters lays out
//     differently after another layout (wasmreset.go);
//   - worker processes, copies of the running program that lay out a graph
//     that may have to be stopped, since a goroutine running WebAssembly
//     cannot be interrupted (worker.go), and layout servers, workers that
//     stay, in a Pool (server.go);
//   - the layouts kept in memory (layoutcache.go).
//
// go-graphviz runs one WebAssembly module per process, so there is one
// Graphviz per process (New), serialised; handles on it carry a caller's
// warnings, timeout and pool. None of go-graphviz's image renderers is
// registered (its PNG drops strokes): dipgraph paints PNG and PDF itself.
// The embedded Graphviz has no GTS (no triangulation-based overlap removal
// for sfdp).
//
// A program that links this package serves layouts instead of running its
// main when started as a worker (see worker.go).
package graphviz

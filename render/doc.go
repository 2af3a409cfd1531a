// Package render turns a graph.Graph into figures: it styles entities and
// edges (one place maps type and weight to colour, line, arrowhead and pen
// width), writes the DOT text, lays it out with Graphviz (render/graphviz,
// the only package that touches go-graphviz and WebAssembly), and composes
// the figure with its title block, legend and source line: as SVG, and as
// PNG and PDF painted from the same layout (Graphviz's drawing operations,
// with fonts built in and from the system). It also writes the built graph
// as JSON for scripts.
//
// A Maker (make.go) is the pipeline the commands call: a Job — format,
// options, filter, dates, diff, frames — in, the outputs and a Summary of
// what they draw out, one layout shared by a figure's outputs. Format
// (format.go) is the one table of output formats and their properties.
package render

// Package data reads dipgraph data files — YAML (the curated format) and
// JSON (the same model) — into a graph.Dataset, remembering where every
// value came from so that validation can report each problem as
// file:line:col with a hint on how to fix it. It also holds the embedded
// curated datasets and the JSON Schema of the format.
package data

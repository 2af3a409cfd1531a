// Package graph holds dipgraph's domain model: entities (countries, leaders,
// organisations), dated relation records with their sources, the declared
// relation types, and the weighted multigraph built from them.
//
// The package knows nothing of files or of Graphviz. It turns a Dataset into
// a Graph by filtering records (by type, period, snapshot date), expanding
// multi-party records into pairs and aggregating the records of one type
// between one pair into one weighted Edge; see Build for the exact rules.
//
// Analyze computes the figures of dipgraph stats on a Graph: degrees,
// betweenness, structural balance and signed blocs (docs/analysis.md
// describes the methods); Diff compares two graphs edge by edge.
//
// Window is a calendar look-back, and Every steps dates a Window apart
// over a period (render --every). Merge combines two datasets (import
// --into).
package graph

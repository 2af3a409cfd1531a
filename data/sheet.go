package data

import (
	"strings"

	"github.com/dipgraph/dipgraph/graph"
)

// The sheet layout: a dataset as spreadsheet sheets, which data/export
// writes (dipgraph export -f csv) and data/importer reads back (dipgraph
// import --from csv). Both take the sheet names, their columns and the
// escaping of list cells from here, so neither depends on the other.

// Sheets are the sheets of a dataset, in the order they are written (each
// as NAME.csv) and read; ties only when the dataset has captions (ties:).
var Sheets = []string{"dataset", "types", "sources", "entities", "relations", "ties"}

// The columns of each sheet, as export writes them. List cells (aliases,
// between, to, roles) separate items with ';' and a role's title, start and
// end with '|'; a backslash escapes either character, or itself, inside an
// item.
var (
	DatasetColumns  = []string{"dipgraph", "id", "title", "description", "as-of"}
	TypeColumns     = []string{"id", "label", "sign", "weight", "color", "line", "arrow", "kind"}
	SourceColumns   = []string{"id", "title", "publisher", "author", "date", "url", "note"}
	EntityColumns   = []string{"id", "kind", "name", "native", "aliases", "country", "roles", "note"}
	RelationColumns = []string{"id", "type", "from", "to", "between", "date", "start", "end", "ongoing", "weight", "label", "note", "source", "cite", "reported"}
	TieColumns      = []string{"between", "caption", "source"}
)

// SplitList splits a list cell at unescaped ';' and unescapes each item;
// items are trimmed of spaces (only: a tab at an item's end is its text)
// and empty ones dropped.
func SplitList(cell string) []string {
	var out []string
	for _, raw := range splitRaw(cell, ';') {
		if item := unescape(trimSpaces(raw)); item != "" {
			out = append(out, item)
		}
	}
	return out
}

// SplitRoles reads a roles cell: roles separated by ';', each
// "title|start|end" (start and end optional).
func SplitRoles(cell string) [][]string {
	var out [][]string
	for _, raw := range splitRaw(cell, ';') {
		if trimSpaces(raw) == "" {
			continue
		}
		var parts []string
		for _, p := range splitRaw(raw, '|') {
			parts = append(parts, unescape(trimSpaces(p)))
		}
		out = append(out, parts)
	}
	return out
}

// trimSpaces trims the spaces around a list item, which JoinList puts
// after each ';'.
func trimSpaces(s string) string { return strings.Trim(s, " ") }

// splitRaw splits s at every sep not escaped by a backslash, keeping the
// escapes in the parts.
func splitRaw(s string, sep byte) []string {
	if s == "" {
		return nil
	}
	var out []string
	start := 0
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '\\':
			i++
		case sep:
			out = append(out, s[start:i])
			start = i + 1
		}
	}
	return append(out, s[start:])
}

var (
	unescaper = strings.NewReplacer(`\\`, `\`, `\;`, `;`, `\|`, `|`)
	escaper   = strings.NewReplacer(`\`, `\\`, `;`, `\;`, `|`, `\|`)
)

func unescape(s string) string { return unescaper.Replace(s) }

// JoinList writes a list cell: items joined by "; ", with backslashes, ';'
// and '|' inside an item escaped by a backslash.
func JoinList(items []string) string {
	parts := make([]string, len(items))
	for i, s := range items {
		parts[i] = escaper.Replace(s)
	}
	return strings.Join(parts, "; ")
}

// JoinRoles writes a roles cell: "title|start|end" for each role, joined
// by "; ".
func JoinRoles(roles []graph.Role) string {
	parts := make([]string, len(roles))
	for i, r := range roles {
		parts[i] = escaper.Replace(r.Title) + "|" + r.Start.String() + "|" + r.End.String()
	}
	return strings.Join(parts, "; ")
}

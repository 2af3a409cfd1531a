package render

import "unicode/utf8"

// TooltipNoteLen is the most characters of a note that a tooltip shows;
// a longer note ends in "…" there. Notes are not drawn, but tooltips go
// through every Graphviz layout of the figure: a 5 MB note made a 4-entity
// figure run past its timeout. The whole note stays in the data, the JSON
// and the HTML report's table.
const TooltipNoteLen = 1000

// clipText returns s cut to at most n characters, the last of them "…"
// when it was cut.
func clipText(s string, n int) string {
	if len(s) <= n || utf8.RuneCountInString(s) <= n {
		return s
	}
	i, k := 0, 0
	for i = range s {
		if k == n-1 {
			break
		}
		k++
	}
	return s[:i] + "…"
}

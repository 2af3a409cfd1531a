package render

import (
	"fmt"
	"slices"
	"strings"

	"github.com/dipgraph/dipgraph/graph"
)

// The "Also:" note (--fold-below W): the ties lighter than W are left off
// the drawing and told beneath it in words, one line each — who to whom,
// of what type, each record's label and date, and the numbers of its
// sources in the notes below — so that no fact is dropped
// (graph.FoldMinor). The note is set in the legend's text colour and size,
// and is part of the figure that --size fits.

// alsoItems are the lines of g's "Also:" note.
func alsoItems(g *graph.Graph) []string {
	if len(g.Also) == 0 {
		return nil
	}
	cite := citations(g)
	name := func(id string) string {
		if x, ok := g.Dataset.Entity(id); ok {
			return x.Name
		}
		return id
	}
	var out []string
	for _, e := range g.Also {
		t, _ := g.Dataset.Type(e.Type)
		arrow := " – "
		if e.Directed {
			arrow = " → "
		}
		text := flatRows(captionRows(e, nil, whoDid(g, e)))
		if text == "" {
			text = fmt.Sprintf("%d %s", len(e.Records), plural(len(e.Records), "record", "records"))
		}
		var nums []string
		for _, r := range e.Records {
			if c := cite(r); c != "" && !slices.Contains(nums, c) {
				nums = append(nums, c)
			}
		}
		slices.Sort(nums)
		if len(nums) > 0 {
			text += " [" + strings.Join(nums, ",") + "]"
		}
		out = append(out, fmt.Sprintf("%s%s%s (%s): %s", name(e.From), arrow, name(e.To), strings.ToLower(t.Label), text))
	}
	return out
}

// layAlso sets the note across a width under a bold "Also:": its lines (y
// from the note's top) and its height.
func layAlso(items []string, color string, size, x, width float64) ([]figText, float64) {
	h := 0.0
	var lines []figText
	add := func(t string, bold bool) {
		for _, l := range wrap(t, size, width) {
			h += lineH(size)
			lines = append(lines, figText{block: "also", x: x, y: h - size*0.25, size: size, bold: bold, color: color, text: l, room: width})
		}
	}
	add("Also:", true)
	for _, it := range items {
		add(it, false)
	}
	return lines, h
}

package data

import (
	"fmt"

	"slices"
	"strings"

	"github.com/dipgraph/dipgraph/graph"
)

// Shapes are the node shapes a style sheet may give an entity kind.
var Shapes = []string{"box", "ellipse", "oval", "circle", "hexagon", "octagon", "diamond", "house", "invhouse", "parallelogram", "note", "tab", "folder", "cylinder", "plaintext"}

var (
	sheetFields     = []string{"dipgraph", "types", "kinds"}
	kindStyleFields = []string{"fill", "border", "text", "shape"}
)

// ParseStyleSheet decodes a style file (render --style FILE):
//
//	types:                  # per relation type id: colour, line, arrowhead
//	  alliance: {color: "#0072B2", line: bold, arrow: none}
//	kinds:                  # per entity kind: fill, border, text colour, shape
//	  country: {fill: "#E8EEF4", border: "#2F4B66", text: "#1A1A1A", shape: box}
//
// Every problem is reported at once, each with its line and column and the
// value at fault. Type ids are checked against the data when the figure is
// drawn (CheckStyleSheet), since a style file can serve several datasets.
func ParseStyleSheet(name string, src []byte) (*graph.StyleSheet, error) {
	d := &decoder{name: name, kind: "style files"}
	body := d.document(src, false, "a style file")
	if body == nil {
		d.probs.Sort()
		return nil, d.probs
	}
	s := &graph.StyleSheet{Types: map[string]graph.Style{}, Kinds: map[graph.Kind]graph.KindStyle{}}
	color := func(fl field) string {
		c := d.str(fl.val, fl.key)
		if c != "" && !colorPattern.MatchString(c) {
			d.probs.add(d.pos(fl.val), "write a colour as #rrggbb, e.g. #0072B2", "%s %q is not a #rrggbb colour", fl.key, c)
		}
		return c
	}
	// word reads a value that must be one of allowed (a line, an
	// arrowhead, a shape).
	word := func(f field, allowed []string) string {
		w := d.str(f.val, f.key)
		if !slices.Contains(allowed, w) {
			d.probs.add(d.pos(f.val), "use one of "+strings.Join(allowed, ", "), "unknown %s %q%s", f.key, w, graph.Suggest(w, allowed))
		}
		return w
	}
	for _, fl := range d.mapping(body, "the style file", sheetFields) {
		switch fl.key {
		case "dipgraph":
			d.version(fl.val, "style file")
		case "types":
			for _, tf := range d.mapping(fl.val, "types", nil) {
				var st graph.Style
				for _, f := range d.mapping(tf.val, fmt.Sprintf("the style of type %s", tf.key), styleFields) {
					switch f.key {
					case "color":
						st.Color = color(f)
					case "line":
						st.Line = word(f, Lines)
					case "arrow":
						st.Arrow = word(f, Arrows)
					}
				}
				s.Types[tf.key] = st
			}
		case "kinds":
			for _, kf := range d.mapping(fl.val, "kinds", nil) {
				if !slices.Contains(Kinds, kf.key) {
					d.probs.add(kf.keyPos, "use one of "+strings.Join(Kinds, ", "), "unknown kind %q%s", kf.key, graph.Suggest(kf.key, Kinds))
					continue
				}
				var ks graph.KindStyle
				for _, f := range d.mapping(kf.val, fmt.Sprintf("the style of kind %s", kf.key), kindStyleFields) {
					switch f.key {
					case "fill":
						ks.Fill = color(f)
					case "border":
						ks.Border = color(f)
					case "text":
						ks.Text = color(f)
					case "shape":
						ks.Shape = word(f, Shapes)
					}
				}
				s.Kinds[graph.Kind(kf.key)] = ks
			}
		}
	}
	if len(d.probs) > 0 {
		d.probs.Sort()
		return nil, d.probs
	}
	return s, nil
}

// CheckStyleSheet reports type ids in a style sheet that the dataset does
// not have, with a did-you-mean suggestion; file names the style file.
func CheckStyleSheet(file string, s *graph.StyleSheet, d *graph.Dataset) error {
	ids := d.TypeIDs()
	var unknown []string
	for id := range s.Types {
		if !slices.Contains(ids, id) {
			unknown = append(unknown, fmt.Sprintf("%s: type %q is not in the data%s (the data's types: %s)", file, id, graph.Suggest(id, ids), strings.Join(ids, ", ")))
		}
	}
	slices.Sort(unknown)
	if len(unknown) > 0 {
		return fmt.Errorf("%s", strings.Join(unknown, "\n"))
	}
	return nil
}

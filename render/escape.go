package render

import (
	"strings"
	"unicode"
)

// escapeText is the one escaping routine for user text — names, notes,
// labels, tooltips, titles — wherever it goes:
//   - & < > " ' become XML character entities: Graphviz decodes them in
//     labels and keeps them as entities in SVG, and SVG text needs them;
//   - a line break becomes newline (Graphviz's \n, or a space in SVG text);
//   - a backslash becomes backslash (doubled for DOT, so \N, \G or \n in
//     user text are not Graphviz escapes);
//   - tabs become spaces, and other control characters, invalid UTF-8
//     and the non-characters U+FFFE and U+FFFF are dropped.
//
// Right-to-left marks and other printable format characters are kept.
func escapeText(s, newline, backslash string) string {
	var b strings.Builder
	b.Grow(len(s) + 2)
	for _, r := range s {
		switch r {
		case '&':
			b.WriteString("&amp;")
		case '<':
			b.WriteString("&lt;")
		case '>':
			b.WriteString("&gt;")
		case '"':
			b.WriteString("&quot;")
		case '\'':
			b.WriteString("&#39;")
		case '\\':
			b.WriteString(backslash)
		case '\n':
			b.WriteString(newline)
		case '\r', '\t':
			b.WriteByte(' ')
		default:
			// U+FFFE and U+FFFF are not XML characters: Graphviz's
			// parser refuses them in HTML-like labels (found by FuzzEscape).
			if r == unicode.ReplacementChar || unicode.IsControl(r) || r == 0xFFFE || r == 0xFFFF {
				continue
			}
			b.WriteRune(r)
		}
	}
	return b.String()
}

// dotString quotes user text as a DOT string that Graphviz shows exactly as
// written. Every attribute value dipgraph writes to DOT goes through it or,
// for tooltips, through dotTooltip.
func dotString(s string) string {
	return `"` + escapeText(s, `\n`, `\\`) + `"`
}

// dotTooltip is dotString for tooltips, which Graphviz unescapes twice
// (once as a string, once expanding \N, \G, \E…): a backslash must be
// written as four to reach the SVG as one.
func dotTooltip(s string) string {
	return `"` + escapeText(s, `\n`, `\\\\`) + `"`
}

// xmlText escapes user text for the SVG elements dipgraph writes itself
// (title, source notes).
func xmlText(s string) string {
	return escapeText(s, " ", `\`)
}

// htmlText escapes user text for a Graphviz HTML-like label, where a line
// break is <BR/> and Graphviz still expands \N and \G (so a backslash is
// doubled, as in plain labels).
func htmlText(s string) string {
	return escapeText(s, "<BR/>", `\\`)
}

// nodeLabel returns the attribute key and value of a node's label: bold
// text is an HTML-like label, since Graphviz sizes only HTML <B> text with
// bold metrics (a font name such as Helvetica-Bold falls back to Times).
func nodeLabel(text string, bold bool) [2]string {
	if !bold {
		return [2]string{"label", text}
	}
	return [2]string{htmlLabel, "<B>" + htmlText(text) + "</B>"}
}

// htmlLabel is the key under which attribute lists carry an HTML-like
// label, already escaped; writeAttrList writes it as label=<…>. Keys never
// come from user data, so user text cannot become markup.
const htmlLabel = "label/html"

// leftLabel is the key of a plain label set flush left (Graphviz's \l line
// end); writeAttrList escapes the text and adds the \l.
const leftLabel = "label/left"

package render

import (
	"bytes"
	"regexp"
	"slices"
	"strings"
)

// dotAttrList is one attribute list ([k=v, …]) of DOT text that Graphviz
// wrote, with where it sits in the text so it can be rewritten.
type dotAttrList struct {
	start, end int         // the list's bytes, from '[' to ']' inclusive
	attrs      [][3]string // key, raw value (quotes kept), unquoted value
}

// get returns the unquoted value of key, or "".
func (l *dotAttrList) get(key string) string {
	for _, a := range l.attrs {
		if a[0] == key {
			return a[2]
		}
	}
	return ""
}

// dotAttrLists finds every attribute list in DOT text written by Graphviz
// (its "dot" output, annotated with positions), skipping over quoted
// strings — which may hold brackets, escaped quotes and line continuations
// — and HTML-like labels.
func dotAttrLists(dot []byte) []dotAttrList {
	var out []dotAttrList
	i := 0
	for i < len(dot) {
		switch dot[i] {
		case '"':
			i = skipQuoted(dot, i)
		case '<':
			i = skipHTML(dot, i)
		case '[':
			l, end := parseAttrList(dot, i)
			out = append(out, l)
			i = end
		default:
			i++
		}
	}
	return out
}

// skipQuoted returns the index just past the quoted string starting at i.
func skipQuoted(b []byte, i int) int {
	for j := i + 1; j < len(b); j++ {
		switch b[j] {
		case '\\':
			j++
		case '"':
			return j + 1
		}
	}
	return len(b)
}

// skipHTML returns the index just past the HTML-like string (<…>, nested)
// starting at i.
func skipHTML(b []byte, i int) int {
	depth := 0
	for j := i; j < len(b); j++ {
		switch b[j] {
		case '<':
			depth++
		case '>':
			depth--
			if depth == 0 {
				return j + 1
			}
		}
	}
	return len(b)
}

// parseAttrList reads the attribute list whose '[' is at i.
func parseAttrList(b []byte, i int) (dotAttrList, int) {
	l := dotAttrList{start: i}
	j := i + 1
	for j < len(b) {
		for j < len(b) && (b[j] == ' ' || b[j] == '\t' || b[j] == '\n' || b[j] == '\r' || b[j] == ',' || b[j] == ';') {
			j++
		}
		if j >= len(b) {
			break
		}
		if b[j] == ']' {
			l.end = j + 1
			return l, j + 1
		}
		k := j
		for j < len(b) && b[j] != '=' && b[j] != ']' && b[j] != ',' && b[j] != ' ' && b[j] != '\n' && b[j] != '\t' {
			j++
		}
		key := string(b[k:j])
		for j < len(b) && (b[j] == ' ' || b[j] == '\t' || b[j] == '\n') {
			j++
		}
		if j >= len(b) || b[j] != '=' {
			continue
		}
		j++
		for j < len(b) && (b[j] == ' ' || b[j] == '\t' || b[j] == '\n') {
			j++
		}
		v := j
		switch {
		case j < len(b) && b[j] == '"':
			j = skipQuoted(b, j)
		case j < len(b) && b[j] == '<':
			j = skipHTML(b, j)
		default:
			for j < len(b) && b[j] != ',' && b[j] != ']' && b[j] != ' ' && b[j] != '\n' && b[j] != '\t' && b[j] != ';' {
				j++
			}
		}
		raw := string(b[v:j])
		l.attrs = append(l.attrs, [3]string{key, raw, unquoteDOT(raw)})
	}
	l.end = len(b)
	return l, len(b)
}

// unquoteDOT undoes DOT string quoting: the quotes, line continuations
// (backslash, newline) and escaped quotes. Other escapes (\n, \l) are
// Graphviz's label escapes and stay.
func unquoteDOT(raw string) string {
	if len(raw) < 2 || raw[0] != '"' {
		return raw
	}
	s := raw[1 : len(raw)-1]
	s = strings.ReplaceAll(s, "\\\n", "")
	return strings.ReplaceAll(s, `\"`, `"`)
}

// setDOTAttrs rewrites DOT text written by Graphviz: for each attribute list
// whose id is a key of set, the attribute set[id][0] gets the value
// set[id][1] (quoted here), replacing the old value or added at the end.
// Every bare value that DOT would not read back is quoted too: Graphviz
// writes text such as "-." unquoted, taking it for a number, and then
// cannot parse its own output.
func setDOTAttrs(dot []byte, set map[string][2]string) []byte {
	var b bytes.Buffer
	last := 0
	for _, l := range dotAttrLists(dot) {
		kv, ok := set[l.get("id")]
		if !ok && !slices.ContainsFunc(l.attrs, func(a [3]string) bool { return badBare(a[1]) }) {
			continue
		}
		b.Write(dot[last:l.start])
		b.WriteByte('[')
		wrote := false
		for i, a := range l.attrs {
			if i > 0 {
				b.WriteString(", ")
			}
			switch {
			case ok && a[0] == kv[0]:
				a[1] = `"` + kv[1] + `"`
				wrote = true
			case badBare(a[1]):
				a[1] = `"` + strings.ReplaceAll(a[1], `"`, `\"`) + `"`
			}
			b.WriteString(a[0] + "=" + a[1])
		}
		if ok && !wrote {
			if len(l.attrs) > 0 {
				b.WriteString(", ")
			}
			b.WriteString(kv[0] + `="` + kv[1] + `"`)
		}
		b.WriteByte(']')
		last = l.end
	}
	b.Write(dot[last:])
	return b.Bytes()
}

var (
	dotNumeral = regexp.MustCompile(`^-?(\.[0-9]+|[0-9]+(\.[0-9]*)?)$`)
	dotBareID  = regexp.MustCompile(`^[A-Za-z_\x{80}-\x{10FFFF}][A-Za-z_0-9\x{80}-\x{10FFFF}]*$`)
)

// badBare reports a raw attribute value written without quotes that DOT's
// grammar does not accept as an ID or a numeral.
func badBare(raw string) bool {
	if raw == "" || raw[0] == '"' || raw[0] == '<' {
		return false
	}
	return !dotNumeral.MatchString(raw) && !dotBareID.MatchString(raw)
}

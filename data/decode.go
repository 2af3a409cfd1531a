package data

import (
	"bytes"
	"encoding/json"
	"errors"
	"math"
	"strconv"
	"strings"
	"unicode/utf8"

	"io"

	"github.com/goccy/go-yaml"
	"github.com/goccy/go-yaml/ast"
	"github.com/goccy/go-yaml/lexer"
	"github.com/goccy/go-yaml/parser"
	"github.com/goccy/go-yaml/token"

	"github.com/dipgraph/dipgraph/graph"
)

// at records where each field of one item came from: the key "" is the
// item itself, other keys are field names ("type", "between.1", …).
type at map[string]Pos

// file is one decoded data file, with positions beside the values.
type file struct {
	name        string
	version     int
	id, title   string
	description string
	asOf        graph.Date // the date the data is current to, if declared
	at          at
	entities    []graph.Entity
	entityAt    []at
	types       []graph.Type
	typeAt      []at
	records     []graph.Record
	recordAt    []at
	sources     []graph.Source
	sourceAt    []at
	ties        []graph.PairCaption
	tieAt       []at
	// typeSet and weightSet say which fields the file gave explicitly.
	typeWeightSet   []bool
	recordWeightSet []bool
	// recordNum is each record's place in the file's relations list,
	// counted from 1, for messages about records without an id.
	recordNum []int
}

// decoder turns a parsed YAML (or JSON) tree into a file, collecting every
// problem instead of stopping at the first.
type decoder struct {
	name  string
	probs Problems
	// kind names the kind of file in messages, in the plural: "data
	// files", "manifests", "style files".
	kind string
}

// decodeBytes decodes one data file. JSON input (name ending in .json) is
// first checked for strict JSON syntax; both formats then go through the
// same tree walk, so they report problems the same way.
func decodeBytes(name string, src []byte, isJSON bool) (*file, Problems) {
	d := &decoder{name: name, kind: "data files"}
	body := d.document(src, isJSON, "a data file")
	if body == nil {
		return nil, d.probs
	}
	f := &file{name: name, version: 1}
	d.top(body, f)
	return f, d.probs
}

// document parses src into the body of its one YAML (or JSON) document,
// reporting syntax problems, excessive nesting and extra documents; what
// names the kind of file in messages. It returns nil when there is nothing
// to decode.
func (d *decoder) document(src []byte, isJSON bool, what string) ast.Node {
	name := d.name
	// Editors on Windows often start a file with a byte order mark; it is
	// not part of the data (and not a column either).
	src = bytes.TrimPrefix(src, []byte("\ufeff"))
	if isJSON {
		if p, ok := jsonSyntax(name, src); !ok {
			d.probs = append(d.probs, p)
			return nil
		}
		// Valid JSON has no raw tab or carriage return inside a string, so
		// every one is white space between tokens. YAML refuses a tab in
		// some of those places ({"id"<tab>: 1}) and takes a lone CR as a
		// line break; a space, one column wide like the tab, does neither.
		src = bytes.Clone(src)
		for i, c := range src {
			if c == '\t' || c == '\r' {
				src[i] = ' '
			}
		}
	}
	// go-yaml counts a CRLF after a comment as two line breaks, which
	// would put every problem below a comment in a Windows file lines too
	// low. YAML reads CRLF and a lone CR as LF anyway, in scalars too.
	if !isJSON && bytes.IndexByte(src, '\r') >= 0 {
		src = bytes.ReplaceAll(src, []byte("\r\n"), []byte("\n"))
		src = bytes.ReplaceAll(src, []byte("\r"), []byte("\n"))
	}
	if !utf8.Valid(src) {
		// go-yaml would pass the bytes through, and the figure would drop
		// them: say where the text stops being UTF-8.
		at := 0
		for at < len(src) {
			r, size := utf8.DecodeRune(src[at:])
			if r == utf8.RuneError && size == 1 {
				break
			}
			at += size
		}
		start := bytes.LastIndexByte(src[:at], '\n') + 1
		d.probs.add(Pos{File: name, Line: bytes.Count(src[:at], []byte("\n")) + 1, Col: utf8.RuneCount(src[start:at]) + 1},
			"save the file as UTF-8 (an editor's Save As offers the encoding)", "%s is not UTF-8 text: byte 0x%02X cannot start a character", what, src[at])
		return nil
	}
	if len(bytes.TrimSpace(src)) == 0 {
		d.probs.add(Pos{File: name}, "start from the example in the README", "the file is empty")
		return nil
	}
	tokens := lexer.Tokenize(string(src))
	if tk := tooDeep(tokens); tk != nil {
		d.probs.add(Pos{File: name, Line: tk.Position.Line, Col: tk.Position.Column}, "a data file needs only a few levels (a list of items with fields); check the brackets and indentation",
			"lists and mappings nest more than %d levels deep here", maxDepth)
		return nil
	}
	// Repeated keys are left to mapping, which reports them as a repeated
	// field rather than as a syntax error.
	tree, err := parser.Parse(tokens, 0, parser.AllowDuplicateMapKey())
	if err != nil {
		d.probs = append(d.probs, syntaxProblem(name, err, isJSON))
		return nil
	}
	var docs []ast.Node
	for _, doc := range tree.Docs {
		if doc.Body != nil {
			docs = append(docs, doc.Body)
		}
	}
	switch {
	case len(docs) == 0:
		d.probs.add(Pos{File: name}, "start from the example in the README", "the file holds no data")
		return nil
	case len(docs) > 1:
		d.probs.add(d.pos(docs[1]), "split the documents into separate files", "%s holds one YAML document, this is a second one", what)
	}
	return docs[0]
}

// maxDepth is how deeply lists and mappings may nest. The format needs
// five levels (the file, entities, an entity, its roles, a role); the
// limit is there because go-yaml's parser takes time growing faster than
// the square of the depth: 200 kB of nested brackets took 45 s to parse.
const maxDepth = 32

// tooDeep returns the first token at which lists and mappings nest more
// than maxDepth levels deep, or nil. It runs on the tokens, in linear
// time, before parsing: flow collections are counted by their brackets,
// block ones by a stack of the columns at which they start, as YAML's
// indentation works. The count is approximate for odd layouts (a
// sequence at its key's column counts no level), which the wide margin
// over the five levels the format needs absorbs.
func tooDeep(tokens token.Tokens) *token.Token {
	flow := 0
	var block []int // start columns of the open block collections
	for i, tk := range tokens {
		if tk.Position == nil {
			continue
		}
		switch tk.Type {
		case token.SequenceStartType, token.MappingStartType:
			flow++
		case token.SequenceEndType, token.MappingEndType:
			flow = max(flow-1, 0)
		default:
			if flow > 0 {
				break
			}
			col := tk.Position.Column
			for len(block) > 0 && block[len(block)-1] > col {
				block = block[:len(block)-1]
			}
			isKey := i+1 < len(tokens) && tokens[i+1].Type == token.MappingValueType
			if (tk.Type == token.SequenceEntryType || isKey) && (len(block) == 0 || block[len(block)-1] < col) {
				block = append(block, col)
			}
		}
		if flow+len(block) > maxDepth {
			return tk
		}
	}
	return nil
}

// jsonSyntax reports the first JSON syntax error with its line and column.
func jsonSyntax(name string, src []byte) (Problem, bool) {
	dec := json.NewDecoder(bytes.NewReader(src))
	// Numbers stay text: a number too large for a float64 is a range
	// problem, reported later with the field's position, not bad syntax.
	dec.UseNumber()
	var v any
	err := dec.Decode(&v)
	if err == nil {
		// Anything but white space after the value is extra, whether or not
		// it would be a JSON token ("# note" is not, and YAML would take it
		// as a comment).
		end := dec.InputOffset()
		rest := src[end:]
		if extra := bytes.TrimLeft(rest, " \t\r\n"); len(extra) > 0 {
			off := end + int64(len(rest)-len(extra))
			return Problem{Pos: offsetPos(name, src, off), Msg: "extra data after the JSON value", Hint: "a JSON data file holds one object"}, false
		}
		return Problem{}, true
	}
	var se *json.SyntaxError
	off := int64(len(src))
	if errors.As(err, &se) {
		off = se.Offset
		if off > 0 {
			off--
		}
	}
	msg := strings.TrimPrefix(err.Error(), "json: ")
	if errors.Is(err, ioEOF) || strings.Contains(msg, "unexpected end") {
		msg = "unexpected end of JSON input"
	}
	return Problem{Pos: offsetPos(name, src, off), Msg: "invalid JSON: " + msg, Hint: "check for a missing comma, quote or closing bracket"}, false
}

// offsetPos converts a byte offset to a line and a column counted in runes.
func offsetPos(name string, src []byte, off int64) Pos {
	off = min(max(off, 0), int64(len(src)))
	before := src[:off]
	line := bytes.Count(before, []byte("\n")) + 1
	start := bytes.LastIndexByte(before, '\n') + 1
	col := len([]rune(string(before[start:]))) + 1
	return Pos{File: name, Line: line, Col: col}
}

// syntaxProblem converts a go-yaml parse error into a Problem. JSON input
// has passed the JSON syntax check, but a few strings (a lone UTF-16
// surrogate escape) are valid JSON and not valid YAML; those are reported
// as JSON problems, since the user wrote JSON.
func syntaxProblem(name string, err error, isJSON bool) Problem {
	format, hint := "YAML", "check indentation, quotes and colons on this line and the one before"
	if isJSON {
		format, hint = "JSON", "check the escapes in the strings on this line"
	}
	var se *yamlSyntaxError
	if errors.As(err, &se) && se.Token != nil && se.Token.Position != nil {
		tk := se.Token
		// A plain scalar that runs onto the next line ("kind: country" then
		// an over-indented "name: A") is reported at its start; the colon
		// that cannot follow it is where the mistake shows.
		if next := tk.Next; next != nil && next.Type == token.MappingValueType && next.Position != nil && next.Position.Line > tk.Position.Line {
			tk = next
		}
		return Problem{
			Pos:  Pos{File: name, Line: tk.Position.Line, Col: tk.Position.Column},
			Msg:  "invalid " + format + ": " + se.Message,
			Hint: hint,
		}
	}
	return Problem{Pos: Pos{File: name}, Msg: "invalid " + format + ": " + firstLine(err.Error()), Hint: "check the file's syntax"}
}

func firstLine(s string) string {
	s, _, _ = strings.Cut(strings.TrimSpace(s), "\n")
	return s
}

func (d *decoder) pos(n ast.Node) Pos {
	// A block mapping's token is the colon of its first pair; the item
	// starts at that pair's key.
	switch v := n.(type) {
	case *ast.MappingNode:
		if !v.IsFlowStyle && len(v.Values) > 0 && v.Values[0].Key != nil {
			n = v.Values[0].Key
		}
	case *ast.MappingValueNode:
		if v.Key != nil {
			n = v.Key
		}
	}
	if n == nil {
		return Pos{File: d.name}
	}
	tk := n.GetToken()
	if tk == nil || tk.Position == nil {
		return Pos{File: d.name}
	}
	return Pos{File: d.name, Line: tk.Position.Line, Col: tk.Position.Column}
}

// field is one key: value pair of a mapping.
type field struct {
	key    string
	keyPos Pos
	val    ast.Node
}

// value strips the tags of YAML's plain types and refuses other tags,
// anchors and aliases: data files are plain trees of text, numbers and
// true/false (an alias could multiply a small file into a huge one, and a
// !!binary value is base64 that would become a name).
func (d *decoder) value(n ast.Node) ast.Node {
	for {
		switch v := n.(type) {
		case *ast.TagNode:
			if tag := tagName(v); !plainTags[tag] {
				hint := "remove the tag and write the value as plain text, a number, true or false"
				if tag == "!!binary" {
					hint = "remove the tag and write the text itself, not base64"
				}
				// The value is read on, so that the one mistake is
				// reported once (not also as a missing name).
				d.probs.add(d.pos(v), hint, "the YAML tag %s is not supported in %s", ClipValue(tag), d.kind)
			}
			n = v.Value
		case *ast.AnchorNode:
			d.probs.add(d.pos(v), "write the value out in full", "YAML anchors (&name) are not supported in %s", d.kind)
			return nil
		case *ast.AliasNode:
			d.probs.add(d.pos(v), "write the value out in full", "YAML aliases (*name) are not supported in %s", d.kind)
			return nil
		default:
			return n
		}
	}
}

// plainTags are the tags of the YAML types a file may hold, which change
// nothing about the value (!!str, !!int, …); any other tag is refused.
var plainTags = map[string]bool{"!!str": true, "!!int": true, "!!float": true, "!!bool": true, "!!null": true, "!!map": true, "!!seq": true}

// tagName is a tag in its short form: !<tag:yaml.org,2002:str> is !!str.
func tagName(n *ast.TagNode) string {
	if n.Start == nil {
		return "!"
	}
	tag := n.Start.Value
	if rest, ok := strings.CutPrefix(tag, "!<tag:yaml.org,2002:"); ok && strings.HasSuffix(rest, ">") {
		return "!!" + strings.TrimSuffix(rest, ">")
	}
	return tag
}

// item says whether a list item is a mapping to decode. Anything else (an
// anchor or alias, a scalar, a list) is reported once and skipped, so that
// it is not also reported as an item with no id, no name and no source.
func (d *decoder) item(n ast.Node, what string) bool {
	v := d.value(n)
	switch v.(type) {
	case nil:
		return false
	case *ast.MappingNode, *ast.MappingValueNode:
		return true
	}
	d.probs.add(d.pos(v), "write it as key: value lines", "%s must be a mapping, not %s", what, describe(v))
	return false
}

// mapping reads a mapping node, reporting repeated keys and keys not in
// known (with known nil, any key is taken: ids the user chose).
func (d *decoder) mapping(n ast.Node, what string, known []string) []field {
	n = d.value(n)
	if n == nil {
		return nil
	}
	m, ok := n.(*ast.MappingNode)
	if !ok {
		if mv, ok2 := n.(*ast.MappingValueNode); ok2 {
			m = &ast.MappingNode{Values: []*ast.MappingValueNode{mv}}
		} else {
			d.probs.add(d.pos(n), "write it as key: value lines", "%s must be a mapping, not %s", what, describe(n))
			return nil
		}
	}
	var out []field
	seen := map[string]bool{}
	for _, mv := range m.Values {
		key := ""
		if k := d.value(mv.Key); k != nil {
			key = scalarText(k)
		}
		kp := d.pos(mv.Key)
		switch {
		case known != nil && !contains(known, key):
			d.probs.add(kp, "allowed fields: "+strings.Join(known, ", "), "unknown field %q in %s%s", key, what, graph.Suggest(key, known))
		case seen[key]:
			d.probs.add(kp, "keep one of them", "field %q appears twice in %s", key, what)
		default:
			seen[key] = true
			out = append(out, field{key: key, keyPos: kp, val: mv.Value})
		}
	}
	return out
}

// sequence reads a list node.
func (d *decoder) sequence(n ast.Node, what string) []ast.Node {
	n = d.value(n)
	if n == nil || isNull(n) {
		return nil
	}
	s, ok := n.(*ast.SequenceNode)
	if !ok {
		d.probs.add(d.pos(n), "write one item per line, each starting with '- '", "%s must be a list, not %s", what, describe(n))
		return nil
	}
	return s.Values
}

// str reads a scalar as text. A null or empty value gives "".
func (d *decoder) str(n ast.Node, what string) string {
	n = d.value(n)
	if n == nil || isNull(n) {
		return ""
	}
	switch n.(type) {
	case *ast.MappingNode, *ast.MappingValueNode, *ast.SequenceNode:
		d.probs.add(d.pos(n), "quote the text if it contains ': ' or starts with '-'", "%s must be text, not %s", what, describe(n))
		return ""
	}
	return scalarText(n)
}

// strs reads a single id or a list of ids, with the position of each.
func (d *decoder) strs(n ast.Node, what string) ([]string, []Pos) {
	v := d.value(n)
	if v == nil {
		return nil, nil
	}
	if _, ok := v.(*ast.SequenceNode); !ok {
		if s := d.str(v, what); s != "" {
			return []string{s}, []Pos{d.pos(v)}
		}
		return nil, nil
	}
	var out []string
	var ps []Pos
	for _, item := range d.sequence(v, what) {
		out = append(out, d.str(item, what))
		ps = append(ps, d.pos(item))
	}
	return out, ps
}

// num reads a finite number.
func (d *decoder) num(n ast.Node, what string) (float64, bool) {
	n = d.value(n)
	if n == nil {
		return 0, false
	}
	switch n.(type) {
	case *ast.IntegerNode, *ast.FloatNode:
		text := strings.ReplaceAll(scalarText(n), "_", "")
		f, err := strconv.ParseFloat(text, 64)
		if err != nil {
			if i, err2 := strconv.ParseInt(text, 0, 64); err2 == nil {
				f, err = float64(i), nil
			}
		}
		if err == nil && !math.IsInf(f, 0) && !math.IsNaN(f) {
			return f, true
		}
		d.probs.add(d.pos(n), "use a plain decimal number such as 2 or 2.5", "%s %q is not a finite number", what, scalarText(n))
		return 0, false
	case *ast.NanNode, *ast.InfinityNode:
		d.probs.add(d.pos(n), "use a plain decimal number such as 2 or 2.5", "%s %q is not a finite number", what, scalarText(n))
		return 0, false
	case *ast.StringNode:
		// go-yaml reads some unquoted numbers as plain text: exponents
		// without a dot (5e-1, 1E1, valid JSON), numbers too large for a
		// float64 (1e400) and .nan/.inf. Take the first; say what is wrong
		// with the others.
		if tk := n.GetToken(); tk != nil && tk.Type == token.StringType {
			text := scalarText(n)
			f, err := strconv.ParseFloat(text, 64)
			special := strings.Trim(strings.ToLower(text), "+-.")
			switch {
			case err == nil && !math.IsInf(f, 0) && !math.IsNaN(f) && strings.ContainsAny(text, "eE") && strings.Trim(text, "+-.0123456789eE") == "":
				return f, true
			case errors.Is(err, strconv.ErrRange), special == "nan", special == "inf":
				d.probs.add(d.pos(n), "use a plain decimal number such as 2 or 2.5", "%s %q is not a finite number", what, text)
				return 0, false
			}
		}
	}
	d.probs.add(d.pos(n), "write a number without quotes, such as 2 or 2.5", "%s must be a number, not %s", what, describe(n))
	return 0, false
}

// boolean reads true or false.
func (d *decoder) boolean(n ast.Node, what string) bool {
	n = d.value(n)
	if b, ok := n.(*ast.BoolNode); ok {
		return b.Value
	}
	if n != nil {
		d.probs.add(d.pos(n), "write true or false", "%s must be true or false, not %s", what, describe(n))
	}
	return false
}

// date reads YYYY, YYYY-MM or YYYY-MM-DD. An empty value means no date,
// unless required: a relation's date, start or end written with no value
// must not pass as a record without a date.
func (d *decoder) date(n ast.Node, what string, required bool) graph.Date {
	n = d.value(n)
	if n == nil {
		return graph.Date{}
	}
	if isNull(n) {
		if required {
			d.probs.add(d.pos(n), "write a date as YYYY, YYYY-MM or YYYY-MM-DD, e.g. 2025-09-03", "%s is empty", what)
		}
		return graph.Date{}
	}
	switch n.(type) {
	case *ast.MappingNode, *ast.MappingValueNode, *ast.SequenceNode:
		d.probs.add(d.pos(n), "write a date as YYYY, YYYY-MM or YYYY-MM-DD", "%s must be a date, not %s", what, describe(n))
		return graph.Date{}
	}
	dt, err := graph.ParseDate(scalarText(n))
	if err != nil {
		// graph's errors read `date "2025-13-40": month 13 is …`; name the
		// field instead of repeating "date".
		d.probs.add(d.pos(n), "write a date as YYYY, YYYY-MM or YYYY-MM-DD, e.g. 2025-09-03", "%s %s", what, strings.TrimPrefix(err.Error(), "date "))
	}
	return dt
}

func scalarText(n ast.Node) string {
	switch v := n.(type) {
	case *ast.StringNode:
		return v.Value
	case *ast.LiteralNode:
		if v.Value != nil {
			return strings.TrimRight(v.Value.Value, "\n")
		}
		return ""
	case *ast.NullNode:
		return ""
	}
	if tk := n.GetToken(); tk != nil {
		return tk.Value
	}
	return n.String()
}

func isNull(n ast.Node) bool {
	_, ok := n.(*ast.NullNode)
	return ok
}

func describe(n ast.Node) string {
	switch n.(type) {
	case *ast.MappingNode, *ast.MappingValueNode:
		return "a mapping"
	case *ast.SequenceNode:
		return "a list"
	case *ast.NullNode:
		return "nothing"
	case *ast.BoolNode:
		return "true/false"
	case *ast.IntegerNode, *ast.FloatNode:
		return "a number"
	}
	return strconv.Quote(scalarText(n))
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// yamlSyntaxError is go-yaml's syntax error, which carries the token where
// parsing failed.
type yamlSyntaxError = yaml.SyntaxError

var ioEOF = io.ErrUnexpectedEOF

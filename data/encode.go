package data

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/dipgraph/dipgraph/graph"
)

// EncodeYAML writes a dataset as a dipgraph YAML data file that Load reads
// back to the same model. The output depends only on the dataset: items
// keep their order, fields come in the documented order, and every string
// that YAML could read as something else (a number, true, null, a comment,
// a mapping) is double-quoted with escapes. Defaults are left out where
// Load fills them in (a record's weight equal to its type's, for example).
//
// The strings must be valid UTF-8 (YAML text is Unicode); invalid bytes are
// written as U+FFFD.
func EncodeYAML(ds *graph.Dataset) []byte {
	var b bytes.Buffer
	b.WriteString("dipgraph: 1\n")
	if ds.ID != "" {
		fmt.Fprintf(&b, "id: %s\n", yamlText(ds.ID))
	}
	if ds.Title != "" {
		fmt.Fprintf(&b, "title: %s\n", yamlText(ds.Title))
	}
	if ds.Description != "" {
		fmt.Fprintf(&b, "description: %s\n", yamlText(ds.Description))
	}
	if !ds.AsOf.IsZero() {
		fmt.Fprintf(&b, "as-of: %s\n", ds.AsOf)
	}
	if len(ds.Sources) > 0 {
		b.WriteString("\nsources:\n")
		for _, s := range ds.Sources {
			w := item(&b)
			w("id", yamlText(s.ID))
			w("title", yamlText(s.Title))
			w("publisher", yamlOpt(s.Publisher))
			w("author", yamlOpt(s.Author))
			w("date", s.Date.String())
			w("url", yamlOpt(s.URL))
			w("note", yamlOpt(s.Note))
		}
	}
	if len(ds.Types) > 0 {
		b.WriteString("\ntypes:\n")
		for _, t := range ds.Types {
			w := item(&b)
			w("id", yamlText(t.ID))
			w("label", yamlOpt(t.Label))
			w("sign", t.Sign.String())
			if t.Kind != defaultTypeKind(t.ID) {
				w("kind", t.Kind)
			}
			if t.Weight != defaultTypeWeight(t.ID) && t.Weight != 0 {
				w("weight", number(t.Weight))
			}
			if t.Style != (graph.Style{}) {
				b.WriteString("    style:\n")
				for _, kv := range [][2]string{{"color", t.Style.Color}, {"line", t.Style.Line}, {"arrow", t.Style.Arrow}} {
					if kv[1] != "" {
						fmt.Fprintf(&b, "      %s: %s\n", kv[0], yamlText(kv[1]))
					}
				}
			}
		}
	}
	if len(ds.Entities) > 0 {
		b.WriteString("\nentities:\n")
		for _, e := range ds.Entities {
			w := item(&b)
			w("id", yamlText(e.ID))
			w("kind", yamlText(string(e.Kind)))
			w("name", yamlText(e.Name))
			w("native", yamlOpt(e.Native))
			if len(e.Aliases) > 0 {
				w("aliases", flowList(e.Aliases))
			}
			w("country", yamlOpt(e.Country))
			if len(e.Roles) > 0 {
				b.WriteString("    roles:\n")
				for _, r := range e.Roles {
					fmt.Fprintf(&b, "      - title: %s\n", yamlText(r.Title))
					if !r.Start.IsZero() {
						fmt.Fprintf(&b, "        start: %s\n", r.Start)
					}
					if !r.End.IsZero() {
						fmt.Fprintf(&b, "        end: %s\n", r.End)
					}
				}
			}
			w("note", yamlOpt(e.Note))
		}
	}
	if len(ds.Records) > 0 {
		b.WriteString("\nrelations:\n")
		for _, r := range ds.Records {
			w := item(&b)
			w("id", yamlOpt(r.ID))
			w("type", yamlText(r.Type))
			switch {
			case r.Directed && len(r.Parties) > 0:
				w("from", yamlText(r.Parties[0]))
				if len(r.Parties) == 2 {
					w("to", yamlText(r.Parties[1]))
				} else {
					w("to", flowList(r.Parties[1:]))
				}
			default:
				w("between", flowList(r.Parties))
			}
			switch {
			case r.IsEvent():
				w("date", r.Start.String())
			default:
				w("start", r.Start.String())
				w("end", r.End.String())
				if r.Ongoing {
					w("ongoing", "true")
				}
			}
			if t, ok := ds.Type(r.Type); r.Weight != 0 && (!ok || r.Weight != t.Weight) {
				w("weight", number(r.Weight))
			}
			w("label", yamlOpt(r.Label))
			w("note", yamlOpt(r.Note))
			w("source", yamlText(r.Source))
			w("cite", yamlOpt(r.Cite))
			w("reported", r.Reported.String())
		}
	}
	if len(ds.Captions) > 0 {
		b.WriteString("\nties:\n")
		for _, c := range ds.Captions {
			w := item(&b)
			w("between", flowList(c.Between[:]))
			w("caption", yamlText(c.Caption))
			w("source", yamlOpt(c.Source))
		}
	}
	return b.Bytes()
}

// item starts a list item and returns a writer for its fields: the first
// field goes after the dash, empty values are left out.
func item(b *bytes.Buffer) func(key, val string) {
	first := true
	return func(key, val string) {
		if val == "" {
			return
		}
		if first {
			fmt.Fprintf(b, "  - %s: %s\n", key, val)
			first = false
			return
		}
		fmt.Fprintf(b, "    %s: %s\n", key, val)
	}
}

// defaultTypeWeight is the weight Load gives a declared type without one.
// defaultTypeKind is the kind a type has when its declaration gives none.
func defaultTypeKind(id string) string {
	t, _ := graph.BuiltinType(id)
	return t.Kind
}

func defaultTypeWeight(id string) float64 {
	if t, ok := graph.BuiltinType(id); ok {
		return t.Weight
	}
	return 1
}

// number writes a weight so that strconv.ParseFloat reads back the same
// float64.
func number(f float64) string { return strconv.FormatFloat(f, 'f', -1, 64) }

func yamlOpt(s string) string {
	if s == "" {
		return ""
	}
	return yamlText(s)
}

// flowList writes [a, b, c]; inside brackets a comma ends a plain scalar,
// so items with one are quoted.
func flowList(items []string) string {
	parts := make([]string, len(items))
	for i, s := range items {
		if plainOK(s) && !strings.ContainsAny(s, ",") {
			parts[i] = s
		} else {
			parts[i] = quoteYAML(s)
		}
	}
	return "[" + strings.Join(parts, ", ") + "]"
}

// yamlText writes s plain when YAML reads it back as the same string, and
// double-quoted otherwise.
func yamlText(s string) string {
	if plainOK(s) {
		return s
	}
	return quoteYAML(s)
}

// keywords are plain words YAML 1.1 or 1.2 may read as booleans, nulls or
// special numbers.
var keywords = map[string]bool{"true": true, "false": true, "yes": true, "no": true, "on": true, "off": true,
	"y": true, "n": true, "null": true, "nan": true, "inf": true}

// plainOK reports whether s can be written without quotes: it starts with
// a letter, holds only letters, digits, single spaces and a few safe
// punctuation marks, and is not a YAML keyword. Anything else (a colon, a
// hash, quotes, brackets, a leading digit or dash, trailing space) is
// quoted; quoting is always safe, only less pretty.
func plainOK(s string) bool {
	if s == "" || keywords[strings.ToLower(s)] || !utf8.ValidString(s) {
		return false
	}
	prevSpace := false
	for i, r := range s {
		switch {
		case unicode.IsLetter(r):
		case i == 0:
			return false
		case unicode.IsDigit(r), strings.ContainsRune("._-/()',&+", r):
		case r == ' ':
			if prevSpace {
				return false
			}
		default:
			return false
		}
		prevSpace = r == ' '
	}
	return !prevSpace
}

// quoteYAML writes s as a YAML double-quoted scalar: backslash and quote
// escaped, control and other non-printing characters as \x, \u or \U
// escapes, everything else as itself.
func quoteYAML(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s { // invalid UTF-8 comes out as U+FFFD
		switch {
		case r == '\\':
			b.WriteString(`\\`)
		case r == '"':
			b.WriteString(`\"`)
		case r == '\n':
			b.WriteString(`\n`)
		case r == '\t':
			b.WriteString(`\t`)
		case r == '\r':
			b.WriteString(`\r`)
		case r < 0x20 || r == 0x7f:
			fmt.Fprintf(&b, `\x%02x`, r)
		case r == ' ' || (unicode.IsPrint(r) && r != '\ufeff'):
			b.WriteRune(r)
		case r <= 0xffff:
			fmt.Fprintf(&b, `\u%04x`, r)
		default:
			fmt.Fprintf(&b, `\U%08x`, r)
		}
	}
	b.WriteByte('"')
	return b.String()
}

// The JSON form of a data file: the same fields as YAML, in the same order.
type (
	jsonFile struct {
		Dipgraph    int            `json:"dipgraph"`
		ID          string         `json:"id,omitempty"`
		Title       string         `json:"title,omitempty"`
		Description string         `json:"description,omitempty"`
		AsOf        string         `json:"as-of,omitempty"`
		Sources     []jsonSource   `json:"sources,omitempty"`
		Types       []jsonType     `json:"types,omitempty"`
		Entities    []jsonEntity   `json:"entities,omitempty"`
		Relations   []jsonRelation `json:"relations,omitempty"`
		Ties        []jsonTie      `json:"ties,omitempty"`
	}
	jsonTie struct {
		Between []string `json:"between"`
		Caption string   `json:"caption"`
		Source  string   `json:"source,omitempty"`
	}
	jsonSource struct {
		ID        string `json:"id"`
		Title     string `json:"title"`
		Publisher string `json:"publisher,omitempty"`
		Author    string `json:"author,omitempty"`
		Date      string `json:"date,omitempty"`
		URL       string `json:"url,omitempty"`
		Note      string `json:"note,omitempty"`
	}
	jsonType struct {
		ID     string     `json:"id"`
		Label  string     `json:"label,omitempty"`
		Sign   string     `json:"sign"`
		Kind   string     `json:"kind,omitempty"`
		Weight *float64   `json:"weight,omitempty"`
		Style  *jsonStyle `json:"style,omitempty"`
	}
	jsonStyle struct {
		Color string `json:"color,omitempty"`
		Line  string `json:"line,omitempty"`
		Arrow string `json:"arrow,omitempty"`
	}
	jsonEntity struct {
		ID      string     `json:"id"`
		Kind    string     `json:"kind"`
		Name    string     `json:"name"`
		Native  string     `json:"native,omitempty"`
		Aliases []string   `json:"aliases,omitempty"`
		Country string     `json:"country,omitempty"`
		Roles   []jsonRole `json:"roles,omitempty"`
		Note    string     `json:"note,omitempty"`
	}
	jsonRole struct {
		Title string `json:"title"`
		Start string `json:"start,omitempty"`
		End   string `json:"end,omitempty"`
	}
	jsonRelation struct {
		ID       string   `json:"id,omitempty"`
		Type     string   `json:"type"`
		Between  []string `json:"between,omitempty"`
		From     string   `json:"from,omitempty"`
		To       []string `json:"to,omitempty"`
		Date     string   `json:"date,omitempty"`
		Start    string   `json:"start,omitempty"`
		End      string   `json:"end,omitempty"`
		Ongoing  bool     `json:"ongoing,omitempty"`
		Weight   *float64 `json:"weight,omitempty"`
		Label    string   `json:"label,omitempty"`
		Note     string   `json:"note,omitempty"`
		Source   string   `json:"source"`
		Cite     string   `json:"cite,omitempty"`
		Reported string   `json:"reported,omitempty"`
	}
)

// EncodeJSON writes a dataset as a dipgraph JSON data file (the same model
// as EncodeYAML, indented, with & and < left readable) that Load reads back
// to the same model.
func EncodeJSON(ds *graph.Dataset) ([]byte, error) {
	out := jsonFile{Dipgraph: 1, ID: ds.ID, Title: ds.Title, Description: ds.Description, AsOf: ds.AsOf.String()}
	for _, s := range ds.Sources {
		out.Sources = append(out.Sources, jsonSource{ID: s.ID, Title: s.Title, Publisher: s.Publisher, Author: s.Author,
			Date: s.Date.String(), URL: s.URL, Note: s.Note})
	}
	for _, t := range ds.Types {
		jt := jsonType{ID: t.ID, Label: t.Label, Sign: t.Sign.String()}
		if t.Kind != defaultTypeKind(t.ID) {
			jt.Kind = t.Kind
		}
		if t.Weight != defaultTypeWeight(t.ID) && t.Weight != 0 {
			w := t.Weight
			jt.Weight = &w
		}
		if t.Style != (graph.Style{}) {
			jt.Style = &jsonStyle{Color: t.Style.Color, Line: t.Style.Line, Arrow: t.Style.Arrow}
		}
		out.Types = append(out.Types, jt)
	}
	for _, e := range ds.Entities {
		je := jsonEntity{ID: e.ID, Kind: string(e.Kind), Name: e.Name, Native: e.Native, Aliases: e.Aliases, Country: e.Country, Note: e.Note}
		for _, r := range e.Roles {
			je.Roles = append(je.Roles, jsonRole{Title: r.Title, Start: r.Start.String(), End: r.End.String()})
		}
		out.Entities = append(out.Entities, je)
	}
	for _, r := range ds.Records {
		jr := jsonRelation{ID: r.ID, Type: r.Type, Label: r.Label, Note: r.Note, Source: r.Source, Cite: r.Cite, Reported: r.Reported.String()}
		if r.Directed && len(r.Parties) > 0 {
			jr.From, jr.To = r.Parties[0], r.Parties[1:]
		} else {
			jr.Between = r.Parties
		}
		if r.IsEvent() {
			jr.Date = r.Start.String()
		} else {
			jr.Start, jr.End, jr.Ongoing = r.Start.String(), r.End.String(), r.Ongoing
		}
		if t, ok := ds.Type(r.Type); r.Weight != 0 && (!ok || r.Weight != t.Weight) {
			w := r.Weight
			jr.Weight = &w
		}
		out.Relations = append(out.Relations, jr)
	}
	for _, c := range ds.Captions {
		out.Ties = append(out.Ties, jsonTie{Between: c.Between[:], Caption: c.Caption, Source: c.Source})
	}
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(out); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

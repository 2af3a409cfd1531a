package render

import (
	"context"
	"encoding/json"
	"regexp"
	"strings"
	"testing"

	"github.com/dipgraph/dipgraph/data"
	"github.com/dipgraph/dipgraph/graph"
	"github.com/dipgraph/dipgraph/internal/safecheck"
)

// escapeSeeds are texts that have broken escaping somewhere: markup, XML
// and DOT delimiters, Graphviz escapes, control and format characters.
var escapeSeeds = []string{
	"Kim Jong Un", "김정은", `<script>alert(1)</script>`, `]]>`, `-->`, `<!--`, `<b>bold</b>`,
	`<BR/>`, `a "quoted" 'name'`, `\N \G \E \T \H \L \l \r \n`, `\`, `\\`, "line\nbreak\r\nnext",
	"nul\x00esc\x1bdel\x7f", "\u202eevil\u200f", "&amp; &lt; &#39; &#x3c;", "javascript:alert(1)",
	`"];a->b[label="x`, `}; digraph {`, `<<TABLE>>`, "\xff\xfe", "\ufffe\uffff", "\u2028\u2029",
	strings.Repeat("long ", 300),
}

var fuzzID = regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9._-]*$`)

// hostileJSON is a data file holding text in every field that reaches the
// figure: dataset title and description, names, native names, aliases,
// notes, role titles, a type's label, record labels and notes, and every
// text field of a source. When text is a valid id, it is an entity's id
// too.
func hostileJSON(text string) []byte {
	id := "x"
	if fuzzID.MatchString(text) && text != "a" && text != "p" {
		id = text
	}
	doc := map[string]any{
		"dipgraph":    1,
		"id":          "fuzz",
		"title":       text,
		"description": text,
		"sources":     []any{map[string]any{"id": "s", "title": text, "publisher": text, "author": text, "note": text, "date": "2025"}},
		"types":       []any{map[string]any{"id": "t", "sign": "negative", "label": text}},
		"entities": []any{
			map[string]any{"id": "a", "kind": "country", "name": text, "native": text + "!", "aliases": []string{text}, "note": text},
			map[string]any{"id": id, "kind": "leader", "name": "L " + text, "country": "a", "roles": []any{map[string]any{"title": text, "start": "2001"}}},
			map[string]any{"id": "p", "kind": "organization", "name": text},
		},
		"relations": []any{
			map[string]any{"type": "summit", "between": []string{"a", "p"}, "date": "2025-09-03", "label": text, "note": text, "source": "s"},
			map[string]any{"type": "t", "from": id, "to": "p", "start": "2020", "ongoing": true, "label": text, "source": "s"},
		},
	}
	b, err := json.Marshal(doc)
	if err != nil {
		panic(err)
	}
	return b
}

// FuzzEscape puts any text into every text field of a data file and, when
// that file validates, renders the whole figure through Graphviz: the SVG
// must be inert and well-formed (internal/safecheck), and every word of the
// text must appear in it as text, never as markup.
//
//	go test ./render -run '^$' -fuzz FuzzEscape -fuzztime 60s
func FuzzEscape(f *testing.F) {
	for _, s := range escapeSeeds {
		f.Add(s)
	}
	gv := sharedGraphviz(f)
	ctx := context.Background()
	f.Fuzz(func(t *testing.T, text string) {
		ds, err := data.Load(data.Input{Name: "fuzz.json", Src: hostileJSON(text), JSON: true})
		if err != nil {
			return // the invariant is about data that validates
		}
		g := graph.Build(ds, graph.Filter{})
		// neato: no worker processes (fdp's), so thousands of execs a
		// minute; the escaping is the same for every engine.
		svg, err := SVG(ctx, gv, g, Options{Layout: "neato", EdgeLabels: "caption", Seed: DefaultSeed})
		if err != nil {
			t.Fatalf("valid data did not render: %v", err)
		}
		if ps := safecheck.SVG(svg); len(ps) > 0 {
			t.Fatalf("unsafe SVG for %q: %s", text, strings.Join(ps, "; "))
		}
		seen := safecheck.Texts(svg)
		for _, w := range safecheck.Words(text) {
			if !strings.Contains(seen, w) {
				t.Fatalf("the SVG does not show %q (from %q) as text", w, text)
			}
		}
	})
}

// TestHostileJSONValidates keeps FuzzEscape honest: its data file, with
// ordinary text, must validate, or the fuzzer would test nothing.
func TestHostileJSONValidates(t *testing.T) {
	for _, text := range []string{"Kim Jong Un", "<script>alert(1)</script>", "kim-jong-un"} {
		if _, err := data.Load(data.Input{Name: "fuzz.json", Src: hostileJSON(text), JSON: true}); err != nil {
			t.Errorf("%q: %v", text, err)
		}
	}
}

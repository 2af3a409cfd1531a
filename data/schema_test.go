package data

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io/fs"
	"os"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/goccy/go-yaml"
	"github.com/santhosh-tekuri/jsonschema/v6"
)

// compileSchema compiles the embedded schema, checking it against the
// draft 2020-12 meta-schema on the way.
func compileSchema(t *testing.T) *jsonschema.Schema {
	t.Helper()
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(Schema))
	if err != nil {
		t.Fatalf("schema is not JSON: %v", err)
	}
	c := jsonschema.NewCompiler()
	c.DefaultDraft(jsonschema.Draft2020)
	const loc = "dipgraph.schema.json"
	if err := c.AddResource(loc, doc); err != nil {
		t.Fatal(err)
	}
	sch, err := c.Compile(loc)
	if err != nil {
		t.Fatalf("schema does not compile: %v", err)
	}
	return sch
}

// jsonValue turns what yaml.Unmarshal produces into the values a JSON
// decoder would: string-keyed maps, []any, numbers and strings. A YAML
// timestamp, should the YAML library produce one, becomes the date text
// dipgraph reads, not a time.Time the validator cannot type.
func jsonValue(v any) (any, error) {
	switch v := v.(type) {
	case map[string]any:
		out := make(map[string]any, len(v))
		for k, x := range v {
			jx, err := jsonValue(x)
			if err != nil {
				return nil, err
			}
			out[k] = jx
		}
		return out, nil
	case map[any]any:
		out := make(map[string]any, len(v))
		for k, x := range v {
			jx, err := jsonValue(x)
			if err != nil {
				return nil, err
			}
			out[fmt.Sprint(k)] = jx
		}
		return out, nil
	case []any:
		out := make([]any, len(v))
		for i, x := range v {
			jx, err := jsonValue(x)
			if err != nil {
				return nil, err
			}
			out[i] = jx
		}
		return out, nil
	case time.Time:
		if v.Hour() == 0 && v.Minute() == 0 && v.Second() == 0 && v.Nanosecond() == 0 {
			return v.Format(time.DateOnly), nil
		}
		return v.Format(time.RFC3339Nano), nil
	case nil, bool, string, float64, float32,
		int, int8, int16, int32, int64, uint, uint8, uint16, uint32, uint64:
		return v, nil
	}
	return nil, fmt.Errorf("unexpected %T (%v) from the YAML decoder", v, v)
}

// yamlValue decodes YAML (or JSON) into a JSON-like value for the validator.
func yamlValue(t *testing.T, src []byte) any {
	t.Helper()
	var v any
	if err := yaml.Unmarshal(src, &v); err != nil {
		t.Fatalf("YAML: %v", err)
	}
	jv, err := jsonValue(v)
	if err != nil {
		t.Fatal(err)
	}
	return jv
}

// TestYAMLDatesAreText makes sure the conversion above hands the validator
// dates as strings: were they time values, every date would fail the
// schema's string-or-integer rule. go-yaml decodes a plain 2025-09-03 into
// any as a string, but an explicit !!timestamp tag gives a time.Time.
func TestYAMLDatesAreText(t *testing.T) {
	v := yamlValue(t, []byte("a: 2025-09-03\nb: 2025-09\nc: 2018\nd: !!timestamp 1953-10-01\n")).(map[string]any)
	for k, want := range map[string]string{"a": "2025-09-03", "b": "2025-09", "d": "1953-10-01"} {
		if got, ok := v[k].(string); !ok || got != want {
			t.Errorf("%s decoded as %T %v, want the string %q", k, v[k], v[k], want)
		}
	}
	if got, err := jsonValue(time.Date(2025, 9, 3, 0, 0, 0, 0, time.UTC)); err != nil || got != "2025-09-03" {
		t.Errorf("time value converted to %v (%v), want 2025-09-03", got, err)
	}
	if _, ok := v["c"].(string); ok {
		t.Errorf("a bare year decoded as a string; the schema's integer branch would go untested")
	}
}

// TestEmbeddedDatasetsMatchSchema validates every embedded dataset against
// the schema, as an editor would.
func TestEmbeddedDatasetsMatchSchema(t *testing.T) {
	sch := compileSchema(t)
	names := Embedded()
	if len(names) == 0 {
		t.Fatal("no embedded datasets")
	}
	for _, name := range names {
		t.Run(name, func(t *testing.T) {
			src, err := fs.ReadFile(EmbeddedFS(), "datasets/"+name+".yaml")
			if err != nil {
				t.Fatal(err)
			}
			if err := sch.Validate(yamlValue(t, src)); err != nil {
				t.Errorf("%s does not match the schema:\n%v", name, err)
			}
		})
	}
}

// TestDocumentedExamplesMatchSchema checks the YAML and JSON examples of
// the documentation against the schema, as TestDocumentedExamplesValidate
// checks them against Load: a reader who copies one into an editor must
// not see it flagged.
func TestDocumentedExamplesMatchSchema(t *testing.T) {
	sch := compileSchema(t)
	block := regexp.MustCompile("(?s)```(yaml|json)\n(.*?)```")
	for _, doc := range []string{"../README.md", "../docs/data-format.md"} {
		src, err := os.ReadFile(doc)
		if err != nil {
			t.Fatal(err)
		}
		for i, m := range block.FindAllStringSubmatch(string(src), -1) {
			if err := sch.Validate(yamlValue(t, []byte(m[2]))); err != nil {
				t.Errorf("%s example %d does not match the schema:\n%v", doc, i+1, err)
			}
		}
	}
}

// TestSchemaAgreesWithLoad runs small documents through both the schema
// and Load: each is either accepted by both or rejected by both. The
// documents refer only to ids they declare, since cross-references are
// beyond a schema.
func TestSchemaAgreesWithLoad(t *testing.T) {
	sch := compileSchema(t)
	const head = "dipgraph: 1\n" +
		"sources: [{id: s, title: S}]\n" +
		"entities:\n" +
		"  - {id: a, kind: country, name: A}\n" +
		"  - {id: b, kind: country, name: B}\n" +
		"  - {id: c, kind: leader, name: C, country: a}\n"
	// relation is a document with one relation whose fields are given.
	relation := func(fields string) string {
		return head + "relations:\n  - {" + fields + "}\n"
	}
	tests := []struct {
		name  string
		src   string
		valid bool
	}{
		{"head only", head, true},
		{"empty mapping", "{}", true},
		{"event", relation("type: summit, between: [a, b], date: 2025-09-03, source: s"), true},
		{"year as a number", relation("type: summit, between: [a, b], date: 2025, source: s"), true},
		{"month", relation("type: summit, between: [a, b], date: 2025-02, source: s"), true},
		{"three parties", relation("type: summit, between: [a, b, c], date: 2025, source: s"), true},
		{"one-sided, single target", relation("type: hostility, from: a, to: b, date: 2025, source: s"), true},
		{"one-sided, list of targets", relation("type: hostility, from: a, to: [b, c], date: 2025, source: s"), true},
		{"period with end", relation("type: alliance, between: [a, b], start: 2020, end: 2021-06, source: s"), true},
		{"ongoing period", relation("type: alliance, between: [a, b], start: 2020, ongoing: true, source: s"), true},
		{"event, not ongoing", relation("type: summit, between: [a, b], date: 2020, ongoing: false, source: s"), true},
		{"weight bounds", relation("type: summit, between: [a, b], date: 2020, weight: 0.1, source: s"), true},
		{"relation id", relation("id: r.1_x-y, type: summit, between: [a, b], date: 2020, source: s"), true},
		{"built-in type redeclared without sign", "types: [{id: summit, weight: 5}]", true},
		{"declared type", "types: [{id: t, sign: negative, label: T, weight: 10, style: {color: '#00aaFF', line: double, arrow: odiamond}}]", true},
		{"full source", "sources: [{id: s, title: S, publisher: P, author: A, date: 2001, url: 'http://example.org', note: N}]", true},
		{"person with roles", "entities: [{id: p, kind: person, name: P, native: N, aliases: Q, note: N, roles: [{title: T, start: 2001-02-28, end: 2002}]}]", true},

		{"relation without source", relation("type: summit, between: [a, b], date: 2025"), false},
		{"relation without type", relation("between: [a, b], date: 2025, source: s"), false},
		{"unknown relation field", relation("type: summit, between: [a, b], date: 2025, sorce: s"), false},
		{"unknown top-level field", head + "titel: x\n", false},
		{"unknown entity field", "entities: [{id: p, kind: person, name: P, contry: a}]", false},
		{"unknown style field", "types: [{id: t, sign: neutral, style: {colour: '#000000'}}]", false},
		{"unknown role field", "entities: [{id: p, kind: person, name: P, roles: [{title: T, from: 2001}]}]", false},
		{"wrong version", "dipgraph: 2", false},
		{"between and from", relation("type: summit, between: [a, b], from: a, to: b, date: 2025, source: s"), false},
		{"to without from", relation("type: summit, to: b, date: 2025, source: s"), false},
		{"no parties", relation("type: summit, date: 2025, source: s"), false},
		{"between one", relation("type: summit, between: [a], date: 2025, source: s"), false},
		{"between as text", relation("type: summit, between: a, date: 2025, source: s"), false},
		{"between repeats", relation("type: summit, between: [a, b, a], date: 2025, source: s"), false},
		{"from a list", relation("type: summit, from: [a], to: b, date: 2025, source: s"), false},
		{"to empty", relation("type: summit, from: a, to: [], date: 2025, source: s"), false},
		{"no date", relation("type: summit, between: [a, b], source: s"), false},
		{"date and start", relation("type: summit, between: [a, b], date: 2025, start: 2025, ongoing: true, source: s"), false},
		{"date and end", relation("type: summit, between: [a, b], date: 2025, end: 2026, source: s"), false},
		{"date and ongoing", relation("type: summit, between: [a, b], date: 2025, ongoing: true, source: s"), false},
		{"start only", relation("type: alliance, between: [a, b], start: 2020, source: s"), false},
		{"start, not ongoing", relation("type: alliance, between: [a, b], start: 2020, ongoing: false, source: s"), false},
		{"end only", relation("type: alliance, between: [a, b], end: 2020, ongoing: true, source: s"), false},
		{"end and ongoing", relation("type: alliance, between: [a, b], start: 2019, end: 2020, ongoing: true, source: s"), false},
		{"ongoing as text", relation("type: alliance, between: [a, b], start: 2019, ongoing: 'yes', source: s"), false},
		{"month 13", relation("type: summit, between: [a, b], date: 2025-13-40, source: s"), false},
		{"30 February", relation("type: summit, between: [a, b], date: 2025-02-30, source: s"), false},
		{"31 April", relation("type: summit, between: [a, b], date: 2025-04-31, source: s"), false},
		{"one-digit month", relation("type: summit, between: [a, b], date: 2025-9, source: s"), false},
		{"year 999", relation("type: summit, between: [a, b], date: 999, source: s"), false},
		{"date with time", relation("type: summit, between: [a, b], date: 2025-09-03T10:00:00Z, source: s"), false},
		{"weight too high", relation("type: summit, between: [a, b], date: 2025, weight: 10.5, source: s"), false},
		{"weight zero", relation("type: summit, between: [a, b], date: 2025, weight: 0, source: s"), false},
		{"weight as text", relation("type: summit, between: [a, b], date: 2025, weight: '2', source: s"), false},
		{"bad relation id", relation("id: -r, type: summit, between: [a, b], date: 2025, source: s"), false},
		{"leader without country", "entities: [{id: p, kind: leader, name: P}]", false},
		{"unknown kind", "entities: [{id: p, kind: party, name: P}]", false},
		{"entity without name", "entities: [{id: p, kind: person}]", false},
		{"entity with empty name", "entities: [{id: p, kind: person, name: ''}]", false},
		{"entity without kind", "entities: [{id: p, name: P}]", false},
		{"entity id with a space", "entities: [{id: p q, kind: person, name: P}]", false},
		{"role without title", "entities: [{id: p, kind: person, name: P, roles: [{start: 2001}]}]", false},
		{"declared type without sign", "types: [{id: t, label: T}]", false},
		{"type without id", "types: [{sign: neutral}]", false},
		{"unknown sign", "types: [{id: t, sign: positve}]", false},
		{"short colour", "types: [{id: t, sign: neutral, style: {color: '#fff'}}]", false},
		{"unknown line", "types: [{id: t, sign: neutral, style: {line: wavy}}]", false},
		{"unknown arrow", "types: [{id: t, sign: neutral, style: {arrow: arrow}}]", false},
		{"source without title", "sources: [{id: s}]", false},
		{"source url without scheme", "sources: [{id: s, title: S, url: example.org}]", false},
		{"source url ftp", "sources: [{id: s, title: S, url: 'ftp://example.org'}]", false},
		{"a list", "[]", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			schemaErr := sch.Validate(yamlValue(t, []byte(tt.src)))
			_, loadErr := Load(Input{Name: "t.yaml", Src: []byte(tt.src)})
			switch {
			case tt.valid && schemaErr != nil:
				t.Errorf("schema rejects a valid document:\n%s\n%v", tt.src, schemaErr)
			case !tt.valid && schemaErr == nil:
				t.Errorf("schema accepts an invalid document:\n%s", tt.src)
			}
			switch {
			case tt.valid && loadErr != nil:
				t.Errorf("Load rejects a valid document:\n%s\n%v", tt.src, loadErr)
			case !tt.valid && loadErr == nil:
				t.Errorf("Load accepts an invalid document:\n%s", tt.src)
			}
		})
	}
}

// TestSchemaJSON validates JSON documents decoded the way JSON is, with
// numbers as json.Number.
func TestSchemaJSON(t *testing.T) {
	sch := compileSchema(t)
	for _, tt := range []struct {
		src   string
		valid bool
	}{
		{twinJSON, true},
		{strings.Replace(twinJSON, `"source": "s", "cite"`, `"cite"`, 1), false},
		{strings.Replace(twinJSON, `"dipgraph": 1,`, `"dipgraph": 1, "$schema": "x",`, 1), true},
		{strings.Replace(twinJSON, `"dipgraph": 1,`, `"dipgraph": 1, "$schemas": "x",`, 1), false},
	} {
		v, err := jsonschema.UnmarshalJSON(strings.NewReader(tt.src))
		if err != nil {
			t.Fatal(err)
		}
		if err := sch.Validate(v); (err == nil) != tt.valid {
			t.Errorf("schema verdict %v, want valid=%v, for\n%s", err, tt.valid, tt.src)
		}
	}
}

// TestSchemaDescribesEveryField checks that the schema knows exactly the
// fields the decoder does, and that editors have a description for each.
func TestSchemaDescribesEveryField(t *testing.T) {
	var s map[string]any
	if err := json.Unmarshal(Schema, &s); err != nil {
		t.Fatal(err)
	}
	defs, _ := s["$defs"].(map[string]any)
	get := func(m map[string]any, path ...string) map[string]any {
		for _, p := range path {
			m, _ = m[p].(map[string]any)
		}
		return m
	}
	relType := get(defs, "type")
	entity := get(defs, "entity")
	parts := []struct {
		name   string
		obj    map[string]any
		fields []string
	}{
		{"top level", s, topFields},
		{"source", get(defs, "source"), sourceFields},
		{"type", relType, typeFields},
		{"style", get(relType, "properties", "style"), styleFields},
		{"entity", entity, entityFields},
		{"role", get(entity, "properties", "roles", "items"), roleFields},
		{"relation", get(defs, "relation"), relationFields},
	}
	for _, p := range parts {
		if p.obj == nil {
			t.Errorf("%s: not found in the schema", p.name)
			continue
		}
		if p.obj["additionalProperties"] != false {
			t.Errorf("%s: additionalProperties is not false", p.name)
		}
		props, _ := p.obj["properties"].(map[string]any)
		for _, f := range p.fields {
			prop, ok := props[f].(map[string]any)
			if !ok {
				t.Errorf("%s: field %q missing from the schema", p.name, f)
				continue
			}
			if d, _ := prop["description"].(string); d == "" {
				t.Errorf("%s: field %q has no description", p.name, f)
			}
		}
		if len(props) != len(p.fields) {
			t.Errorf("%s: schema has %d fields, the decoder %d", p.name, len(props), len(p.fields))
		}
	}
	// The enums are the decoder's lists, in the same order.
	for _, e := range []struct {
		name string
		got  any
		want []string
	}{
		{"kind", get(entity, "properties", "kind")["enum"], Kinds},
		{"line", get(relType, "properties", "style", "properties", "line")["enum"], Lines},
		{"arrow", get(relType, "properties", "style", "properties", "arrow")["enum"], Arrows},
	} {
		if fmt.Sprint(e.got) != fmt.Sprint(e.want) {
			t.Errorf("%s enum %v, want %v", e.name, e.got, e.want)
		}
	}
	if s["$id"] == nil || s["title"] == nil || s["$schema"] != "https://json-schema.org/draft/2020-12/schema" {
		t.Errorf("schema lacks $id, title or the draft 2020-12 $schema")
	}
}

package data

import (
	"bytes"
	"net/url"
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/dipgraph/dipgraph/graph"
)

func loadEmbedded(t testing.TB) *graph.Dataset {
	t.Helper()
	in, err := ReadInput(DefaultDataset, nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	ds, err := Load(in)
	if err != nil {
		t.Fatal(err)
	}
	return ds
}

// roundTrip encodes ds, loads it back and requires the same model.
func roundTrip(t testing.TB, ds *graph.Dataset) {
	t.Helper()
	y := EncodeYAML(ds)
	back, err := Load(Input{Name: "encoded.yaml", Src: y})
	if err != nil {
		t.Fatalf("encoded YAML does not load:\n%v\n--- YAML:\n%s", err, y)
	}
	if !sameModel(back, ds) {
		t.Fatalf("YAML round trip changed the model\n got: %+v\nwant: %+v\n--- YAML:\n%s", back, ds, y)
	}
	if again := EncodeYAML(back); !bytes.Equal(again, y) {
		t.Fatalf("encoding is not stable:\n%s\n---\n%s", y, again)
	}
	j, err := EncodeJSON(ds)
	if err != nil {
		t.Fatal(err)
	}
	back, err = Load(Input{Name: "encoded.json", Src: j, JSON: true})
	if err != nil {
		t.Fatalf("encoded JSON does not load:\n%v\n--- JSON:\n%s", err, j)
	}
	if !sameModel(back, ds) {
		t.Fatalf("JSON round trip changed the model\n got: %+v\nwant: %+v\n--- JSON:\n%s", back, ds, j)
	}
}

func TestEncodeEmbeddedRoundTrip(t *testing.T) {
	roundTrip(t, loadEmbedded(t))
}

// awkward are strings YAML could misread if written plain.
var awkward = []string{
	"true", "No", "null", "~", "Y", "nan", ".inf", "-", "- a", "a: b", "a #b", "#c", "'q'", `"d"`, `back\slash`,
	"2025", "2025-09-03", "0x1F", "1e3", "+1", "@x", "`x", "!tag", "&anchor", "*alias", "%dir", "{a}", "[a]", "a, b",
	"tab\there", "line\nbreak", "crlf\r\n", " lead", "trail ", "two  spaces", "\u2028sep", "\ufeffbom", "\x7f", "\x00nul",
	"김정은", "Путин", "Côte d’Ivoire", "x > y & z < w", "emoji 😀", "\U0001F600", "a|b", "a>b", "?q", "",
}

func TestEncodeAwkwardStrings(t *testing.T) {
	for _, s := range awkward {
		if s == "" {
			continue
		}
		t.Run(strings.ToValidUTF8(s, "?"), func(t *testing.T) {
			roundTrip(t, stringsDataset(s))
		})
	}
}

// stringsDataset puts s into every free-text field of a small valid dataset.
func stringsDataset(s string) *graph.Dataset {
	return &graph.Dataset{
		ID: "t", Title: s, Description: s,
		Sources: []graph.Source{{ID: "s", Title: s, Publisher: s, Author: s, Date: graph.MustDate("2020-02"), URL: "https://example.org/?q=" + url.QueryEscape(s), Note: s}},
		Types:   []graph.Type{{ID: "coop", Label: s, Sign: graph.Positive, Weight: 2.5, Style: graph.Style{Color: "#123456", Line: "dashed", Arrow: "vee"}}},
		Entities: []graph.Entity{
			{ID: "a", Kind: graph.KindCountry, Name: s, Native: s, Aliases: []string{s, "x, y"}, Note: s},
			{ID: "b", Kind: graph.KindCountry, Name: "B"},
			{ID: "c", Kind: graph.KindLeader, Name: "C", Country: "a", Roles: []graph.Role{{Title: s, Start: graph.MustDate("2001"), End: graph.MustDate("2003-04-05")}, {Title: "t2", Start: graph.MustDate("2004")}}},
		},
		Records: []graph.Record{
			{ID: "r1", Type: "coop", Parties: []string{"a", "b"}, Start: graph.MustDate("2020"), Weight: 2.5, Label: s, Note: s, Source: "s", Cite: s},
			{Type: "hostility", Parties: []string{"b", "a", "c"}, Directed: true, Start: graph.MustDate("2020-01"), End: graph.MustDate("2021"), Weight: 0.1, Source: "s"},
			{Type: "summit", Parties: []string{"c", "b"}, Directed: true, Start: graph.MustDate("2020-01-02"), Ongoing: true, Weight: 2, Source: "s"},
		},
	}
}

// FuzzEncodeYAML puts arbitrary text into every free-text field: the
// encoded file must load back to the same model.
func FuzzEncodeYAML(f *testing.F) {
	for _, s := range awkward {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		// Text over the drawn-text limit is refused by design
		// (TestTextLimit): keep every field under it, the source's URL,
		// which escapes each byte of s to at most three characters,
		// included.
		if s == "" || !utf8.ValidString(s) || 3*len(s)+100 > MaxTextLen {
			return
		}
		roundTrip(t, stringsDataset(s))
	})
}

// sameModel compares what two datasets say (not their lookup indexes).
func sameModel(a, b *graph.Dataset) bool {
	return a.ID == b.ID && a.Title == b.Title && a.Description == b.Description &&
		reflect.DeepEqual(a.Entities, b.Entities) && reflect.DeepEqual(a.Types, b.Types) &&
		reflect.DeepEqual(a.Records, b.Records) && reflect.DeepEqual(a.Sources, b.Sources) &&
		reflect.DeepEqual(a.Captions, b.Captions)
}

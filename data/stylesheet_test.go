package data

import (
	"strings"
	"testing"

	"github.com/dipgraph/dipgraph/graph"
)

func TestParseStyleSheet(t *testing.T) {
	good := `# deck colours
dipgraph: 1
types:
  alliance: {color: "#112233", line: double}
  summit:
    arrow: odot
kinds:
  country: {fill: "#FFEEDD", border: "#000000", text: "#111111", shape: hexagon}
`
	s, err := ParseStyleSheet("deck.yaml", []byte(good))
	if err != nil {
		t.Fatal(err)
	}
	if got := s.Types["alliance"]; got != (graph.Style{Color: "#112233", Line: "double"}) {
		t.Errorf("alliance style %+v", got)
	}
	if got := s.Types["summit"]; got != (graph.Style{Arrow: "odot"}) {
		t.Errorf("summit style %+v", got)
	}
	if got := s.Kinds[graph.KindCountry]; got != (graph.KindStyle{Fill: "#FFEEDD", Border: "#000000", Text: "#111111", Shape: "hexagon"}) {
		t.Errorf("country style %+v", got)
	}

	bad := []struct {
		name, src string
		want      []string // each must appear in the error
	}{
		{"bad colour", "types:\n  alliance: {color: red}\n", []string{`deck.yaml:2:21: color "red" is not a #rrggbb colour`, "#rrggbb"}},
		{"short colour", "kinds:\n  country:\n    fill: '#fff'\n", []string{`deck.yaml:3:11: fill "#fff" is not a #rrggbb colour`}},
		{"unknown line", "types:\n  summit: {line: wavy}\n", []string{`deck.yaml:2:18: unknown line "wavy"`}},
		{"unknown arrow", "types:\n  summit: {arrow: nomal}\n", []string{`deck.yaml:2:19: unknown arrow "nomal"`, `did you mean "normal"`}},
		{"unknown kind", "kinds:\n  contry: {fill: '#000000'}\n", []string{`deck.yaml:2:3: unknown kind "contry"`, `did you mean "country"`}},
		{"unknown shape", "kinds:\n  leader: {shape: star}\n", []string{`unknown shape "star"`}},
		{"unknown field", "kinds:\n  leader: {colour: '#000000'}\n", []string{`deck.yaml:2:12: unknown field "colour"`}},
		{"unknown top field", "type:\n  a: {}\n", []string{`deck.yaml:1:1: unknown field "type"`, `did you mean "types"`}},
		{"twice", "types:\n  a: {line: solid}\n  a: {line: dashed}\n", []string{`deck.yaml:3:3: field "a" appears twice in types`}},
		{"version", "dipgraph: 2\n", []string{"unsupported style file version"}},
		{"not a mapping", "types: [a, b]\n", []string{"types must be a mapping"}},
		{"syntax", "types: {a: [\n", []string{"deck.yaml:"}},
		{"empty", "", []string{"the file is empty"}},
		{"all at once", "types:\n  a: {color: x}\nkinds:\n  b: {}\n", []string{"deck.yaml:2:", "deck.yaml:4:"}},
	}
	for _, tt := range bad {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ParseStyleSheet("deck.yaml", []byte(tt.src))
			if err == nil {
				t.Fatal("no error")
			}
			for _, w := range tt.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error %q lacks %q", err, w)
				}
			}
		})
	}
}

func TestCheckStyleSheet(t *testing.T) {
	ds := &graph.Dataset{Types: []graph.Type{{ID: "outreach", Sign: graph.Positive}}}
	s := &graph.StyleSheet{Types: map[string]graph.Style{"outreech": {}, "alliance": {}}}
	err := CheckStyleSheet("deck.yaml", s, ds)
	if err == nil || !strings.Contains(err.Error(), `type "outreech" is not in the data`) || !strings.Contains(err.Error(), `did you mean "outreach"`) {
		t.Errorf("got %v", err)
	}
	if strings.Contains(err.Error(), `"alliance"`) {
		t.Errorf("built-in type reported unknown: %v", err)
	}
}

// FuzzParseStyleSheet: any input either parses or fails with positioned
// problems; never a panic.
func FuzzParseStyleSheet(f *testing.F) {
	for _, s := range []string{
		"types:\n  alliance: {color: '#112233', line: double, arrow: none}\n",
		"kinds:\n  country: {fill: '#FFEEDD', shape: box}\n",
		"dipgraph: 1\n", "types: {a: [\n", "kinds: 3\n", "&a [*a]\n",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		s, err := ParseStyleSheet("fuzz.yaml", src)
		if err == nil && s == nil {
			t.Fatal("nil sheet without an error")
		}
		if err != nil && !strings.Contains(err.Error(), "fuzz.yaml") {
			t.Fatalf("error without the file name: %v", err)
		}
	})
}

package data

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestNumberForms covers the ways a weight can be written that go-yaml
// reads as plain text: exponents without a dot are numbers (JSON writes
// them), while .nan, .inf and numbers beyond float64 are refused as not
// finite, with the position of the value.
func TestNumberForms(t *testing.T) {
	tests := []struct {
		weight string
		want   float64 // 0: refused
		msg    string
	}{
		{"5e-1", 0.5, ""},
		{"1E1", 10, ""},
		{"2.5e0", 2.5, ""},
		{"+3e0", 3, ""},
		{".nan", 0, `weight ".nan" is not a finite number`},
		{".NaN", 0, `weight ".NaN" is not a finite number`},
		{"-.inf", 0, `weight "-.inf" is not a finite number`},
		{"+.Inf", 0, `weight "+.Inf" is not a finite number`},
		{"1e400", 0, `weight "1e400" is not a finite number`},
		{"'2'", 0, `weight must be a number, not "2"`},
		{"e5", 0, `weight must be a number, not "e5"`},
	}
	for _, tt := range tests {
		for _, isJSON := range []bool{false, true} {
			if isJSON && (strings.HasPrefix(tt.weight, ".") || strings.Contains(tt.weight, ".inf") || strings.Contains(tt.weight, ".Inf") || tt.weight[0] == '\'' || tt.weight[0] == '+' || tt.weight == "e5") {
				continue // not JSON numbers: JSON refuses them as syntax
			}
			src := "dipgraph: 1\nsources: [{id: s, title: S}]\nentities: [{id: a, kind: country, name: A}, {id: b, kind: country, name: B}]\n" +
				"relations:\n  - {type: summit, between: [a, b], date: 2025, source: s, weight: " + tt.weight + "}\n"
			name := "w.yaml"
			if isJSON {
				name = "w.json"
				src = `{"dipgraph": 1, "sources": [{"id": "s", "title": "S"}], "entities": [{"id": "a", "kind": "country", "name": "A"}, {"id": "b", "kind": "country", "name": "B"}],` +
					"\n" + `"relations": [{"type": "summit", "between": ["a", "b"], "date": "2025", "source": "s", "weight": ` + tt.weight + `}]}`
			}
			ds, err := Load(Input{Name: name, Src: []byte(src), JSON: isJSON})
			switch {
			case tt.want != 0 && err != nil:
				t.Errorf("%s weight %s: %v", name, tt.weight, err)
			case tt.want != 0 && ds.Records[0].Weight != tt.want:
				t.Errorf("%s weight %s = %g, want %g", name, tt.weight, ds.Records[0].Weight, tt.want)
			case tt.want == 0 && (err == nil || !strings.Contains(err.Error(), tt.msg)):
				t.Errorf("%s weight %s: error %v, want %q", name, tt.weight, err, tt.msg)
			case tt.want == 0 && !strings.HasPrefix(err.Error(), name+":5:") && !strings.HasPrefix(err.Error(), name+":2:"):
				t.Errorf("%s weight %s: error %v lacks the value's line", name, tt.weight, err)
			}
		}
	}
}

// TestNotUTF8 shows that bytes that are not UTF-8 are a positioned problem,
// not text silently dropped from the figure.
func TestNotUTF8(t *testing.T) {
	for _, tt := range []struct {
		name, src, want string
	}{
		{"latin1.yaml", "dipgraph: 1\ntitle: Caf\xe9\n", "latin1.yaml:2:11: a data file is not UTF-8 text: byte 0xE9 cannot start a character"},
		{"crlf.yaml", "dipgraph: 1\r\nid: x\r\ntitle: \xff\r\n", "crlf.yaml:3:8: a data file is not UTF-8 text: byte 0xFF"},
		{"cut.json", "{\"title\": \"\xe4\xb8\"}", "cut.json:1:12: a data file is not UTF-8 text: byte 0xE4"},
		{"manifest", "figures:\n  - name: \xc0\xaf\n", "manifest:2:11: a manifest is not UTF-8 text: byte 0xC0"},
	} {
		var err error
		if tt.name == "manifest" {
			_, err = ParseManifest(tt.name, []byte(tt.src), nil)
		} else {
			_, err = Load(Input{Name: tt.name, Src: []byte(tt.src), JSON: strings.HasSuffix(tt.name, ".json")})
		}
		if err == nil || !strings.HasPrefix(err.Error(), tt.want) {
			t.Errorf("%s: error %v, want %q", tt.name, err, tt.want)
		}
	}
}

// TestReadInputLimit reads files just within and just over a limit: the
// one over is refused, unread, with an error naming --max-input.
func TestReadInputLimit(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "d.yaml")
	if err := os.WriteFile(path, []byte(strings.Repeat("#", 1024)), 0o644); err != nil {
		t.Fatal(err)
	}
	fsys := os.DirFS(dir)
	if _, err := ReadInputLimit("d.yaml", fsys, nil, 1024); err != nil {
		t.Errorf("1024 bytes with a 1KiB limit: %v", err)
	}
	_, err := ReadInputLimit("d.yaml", fsys, nil, 1023)
	var tl *TooLargeError
	if !errors.As(err, &tl) || tl.Limit != 1023 || !strings.Contains(err.Error(), "--max-input") || !strings.HasPrefix(err.Error(), "d.yaml: larger than the input limit of 1023B") {
		t.Errorf("1024 bytes with a 1023-byte limit: %v", err)
	}
	_, err = ReadInputLimit("-", nil, strings.NewReader(strings.Repeat(" ", 3<<20)), 2<<20)
	if err == nil || err.Error() != "standard input: larger than the input limit of 2MiB: raise the limit with --max-input SIZE" {
		t.Errorf("3 MiB on standard input with a 2MiB limit: %v", err)
	}
}

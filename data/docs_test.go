package data

import (
	"os"
	"regexp"
	"testing"
)

// TestDocumentedExamplesValidate keeps the documentation true: every YAML
// and JSON example in the README and the data-format page must load clean.
func TestDocumentedExamplesValidate(t *testing.T) {
	block := regexp.MustCompile("(?s)```(yaml|json)\n(.*?)```")
	for _, doc := range []string{"../README.md", "../docs/data-format.md"} {
		src, err := os.ReadFile(doc)
		if err != nil {
			t.Fatal(err)
		}
		examples := block.FindAllStringSubmatch(string(src), -1)
		if len(examples) == 0 {
			t.Errorf("%s: no yaml or json examples found", doc)
		}
		for i, m := range examples {
			in := Input{Name: doc + "#" + m[1], Src: []byte(m[2]), JSON: m[1] == "json"}
			ds, err := Load(in)
			if err != nil {
				t.Errorf("%s example %d does not validate:\n%v", doc, i+1, err)
				continue
			}
			if len(ds.Records) == 0 {
				t.Errorf("%s example %d has no relations", doc, i+1)
			}
		}
	}
}

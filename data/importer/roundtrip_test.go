package importer

import (
	"bytes"
	"testing"

	"github.com/dipgraph/dipgraph/data"
	"github.com/dipgraph/dipgraph/data/datatest"
	"github.com/dipgraph/dipgraph/data/export"
	"github.com/dipgraph/dipgraph/graph"
	"github.com/dipgraph/dipgraph/graph/graphtest"
)

// TestCSVRoundTrip: data → export csv → import csv → the same model. (It
// lives here, not in data/export, so that export does not depend on the
// importer even in its tests: both take the sheet layout from data.)
func TestCSVRoundTrip(t *testing.T) {
	for name, ds := range map[string]*graph.Dataset{"embedded": embedded(t), "awkward": loaded(t, graphtest.Awkward())} {
		t.Run(name, func(t *testing.T) {
			sheets, err := export.CSV(ds, name == "awkward")
			if err != nil {
				t.Fatal(err)
			}
			var files []File
			for _, s := range []string{"relations", "entities", "types", "sources", "dataset"} { // any order
				files = append(files, File{Name: s + ".csv", R: bytes.NewReader(sheets[s])})
			}
			res, err := Import("csv", files, Options{})
			if err != nil {
				t.Fatal(err)
			}
			if res.NSkipped > 0 || len(res.Warnings) > 0 {
				t.Fatalf("skipped %v, warnings %v", res.Skipped, res.Warnings)
			}
			back := loaded(t, res.Dataset)
			if !graphtest.SameModel(back, ds) {
				t.Errorf("the round trip changed the model\n got %+v\nwant %+v", back, ds)
			}
		})
	}
}

// embedded is the default embedded dataset, loaded.
func embedded(t testing.TB) *graph.Dataset { return datatest.Default(t) }

// loaded returns ds as Load returns it (defaults filled in), through YAML.
func loaded(t testing.TB, ds *graph.Dataset) *graph.Dataset {
	t.Helper()
	out, err := data.Load(data.Input{Name: "x.yaml", Src: data.EncodeYAML(ds)})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

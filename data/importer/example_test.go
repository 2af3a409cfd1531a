package importer

import (
	"bytes"
	"os"
	"testing"

	"github.com/dipgraph/dipgraph/data"
)

// TestMID2003Example keeps docs/examples/mid-2003.yaml, which the README
// shows and out/mid-2003.svg draws, what the importer writes today. To
// regenerate it, from the repository root:
//
//	go run . import --from mid ../shared/data/real/gml/gml-ddy-disputes-2.1.1.csv --since 2003 --until 2003 \
//	    --countries usa,gbr,irq,irn,tur,isr,syr,lbn,prk,kor,jpn,chn,twn \
//	    --title "Militarized interstate disputes active in 2003" -o docs/examples/mid-2003.yaml
//
// and then go run . build.
func TestMID2003Example(t *testing.T) {
	countries, err := ResolveCountries([]string{"usa", "gbr", "irq", "irn", "tur", "isr", "syr", "lbn", "prk", "kor", "jpn", "chn", "twn"})
	if err != nil {
		t.Fatal(err)
	}
	res := realImport(t, "mid", Options{ID: "mid-2003", Title: "Militarized interstate disputes active in 2003", Since: 2003, Until: 2003, Countries: countries},
		"gml/gml-ddy-disputes-2.1.1.csv")
	want := append([]byte("# Written by dipgraph import --from mid from gml-ddy-disputes-2.1.1.csv.\n"), data.EncodeYAML(res.Dataset)...)
	got, err := os.ReadFile("../../docs/examples/mid-2003.yaml")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("docs/examples/mid-2003.yaml is not what the importer writes: regenerate it (see the comment on this test)")
	}
}

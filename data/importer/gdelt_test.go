package importer

import (
	"fmt"
	"strings"
	"testing"

	"github.com/dipgraph/dipgraph/graph"
)

// gdeltRowText writes one event under gdeltHeader.
func gdeltRowText(id, date, c1, c2, code, goldstein, url string) string {
	cells := make([]string, strings.Count(gdeltHeader, ",")+1)
	for i, h := range strings.Split(strings.TrimSpace(gdeltHeader), ",") {
		switch h {
		case "GLOBALEVENTID":
			cells[i] = id
		case "SQLDATE":
			cells[i] = date
		case "Actor1CountryCode":
			cells[i] = c1
		case "Actor2CountryCode":
			cells[i] = c2
		case "EventCode":
			cells[i] = code
		case "GoldsteinScale":
			cells[i] = goldstein
		case "SOURCEURL":
			cells[i] = url
		}
	}
	return strings.Join(cells, ",") + "\n"
}

func TestGDELTTypesAndWeights(t *testing.T) {
	for _, c := range []struct {
		name    string
		rows    string
		records []string // id weight
		types   []string
		note    string // in the last record's note
	}{{
		name:    "an arrest (173) and an assault (182) are coercion, a battle (190) hostility",
		rows:    gdeltRowText("1", "20170601", "FRA", "USA", "173", "-5.0", "a") + gdeltRowText("2", "20170602", "FRA", "USA", "182", "-9.5", "b") + gdeltRowText("3", "20170603", "FRA", "USA", "190", "-10.0", "c"),
		records: []string{"gdelt-2017-06-coercion-fra-usa 1.45", "gdelt-2017-06-hostility-fra-usa 1"},
		types:   []string{"coercion"},
	}, {
		name:    "ten battles weigh ten times one",
		rows:    tenEvents("MLI", "TCD", "190", "-10.0"),
		records: []string{"gdelt-2017-06-hostility-mli-tcd 10"},
	}, {
		name:    "twelve battles reach the cap",
		rows:    tenEvents("MLI", "TCD", "190", "-10.0") + gdeltRowText("11", "20170611", "MLI", "TCD", "190", "-10.0", "k") + gdeltRowText("12", "20170612", "MLI", "TCD", "190", "-10.0", "l"),
		records: []string{"gdelt-2017-06-hostility-mli-tcd 10"},
		note:    "Weight: the events' absolute Goldstein scores summed (120.0) over 10, capped at 10.",
	}, {
		name:    "a visit weighs its Goldstein score over 10; a repeat from the same article counts once",
		rows:    gdeltRowText("1", "20170601", "SAU", "EGY", "042", "1.9", "a") + gdeltRowText("2", "20170601", "SAU", "EGY", "042", "1.9", "a"),
		records: []string{"gdelt-2017-06-summit-egy-sau 0.19"},
	}, {
		name:    "a score of 0 weighs the least weight",
		rows:    gdeltRowText("1", "20170601", "SAU", "EGY", "042", "0", "a"),
		records: []string{"gdelt-2017-06-summit-egy-sau 0.1"},
	}} {
		t.Run(c.name, func(t *testing.T) {
			res, err := sheets("gdelt", Options{}, [2]string{"events.csv", gdeltHeader + c.rows})
			if err != nil {
				t.Fatal(err)
			}
			mustValidate(t, res.Dataset)
			var got []string
			for _, r := range res.Dataset.Records {
				got = append(got, fmt.Sprintf("%s %v", r.ID, r.Weight))
			}
			if strings.Join(got, "\n") != strings.Join(c.records, "\n") {
				t.Errorf("records:\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(c.records, "\n"))
			}
			if n := len(res.Dataset.Records); n > 0 && !strings.Contains(res.Dataset.Records[n-1].Note, c.note) {
				t.Errorf("note %q, want it to contain %q", res.Dataset.Records[n-1].Note, c.note)
			}
			var types []string
			for _, ty := range res.Dataset.Types {
				types = append(types, ty.ID)
				if ty.ID == "coercion" && ty.Sign != graph.Negative {
					t.Errorf("coercion is %v", ty.Sign)
				}
			}
			if strings.Join(types, " ") != strings.Join(c.types, " ") {
				t.Errorf("types %v, want %v", types, c.types)
			}
		})
	}
}

// tenEvents writes ten events of one code between two countries in June
// 2017, from ten articles.
func tenEvents(c1, c2, code, goldstein string) string {
	var b strings.Builder
	for i := 1; i <= 10; i++ {
		b.WriteString(gdeltRowText(fmt.Sprint(i), fmt.Sprintf("201706%02d", i), c1, c2, code, goldstein, fmt.Sprintf("https://example.org/%d", i)))
	}
	return b.String()
}

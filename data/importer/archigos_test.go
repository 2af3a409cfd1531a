package importer

import (
	"strings"
	"testing"

	"github.com/dipgraph/dipgraph/graph"
)

// archRow writes one Archigos leader-year row under archigosHeader.
func archRow(obsid, leadid, ccode, leader, start, end, entry, exit string) string {
	return strings.Join([]string{obsid, leadid, ccode, "X", leader, start, end, entry, exit,
		".", ".", ".", "M", "1900", "-777", "NA", "NA", "NA", "0", ".", ".", ".", "NA", "NA"}, "\t") + "\n"
}

func TestArchigosLeaders(t *testing.T) {
	for _, c := range []struct {
		name     string
		opt      Options
		rows     string
		leaders  []string // id: country, roles start–end
		warnings []string
	}{{
		name: "one id, two countries: two leaders and a warning naming both rows",
		rows: archRow("CAN-1921", "id1", "20", "King", "1921-12-29", "1921-12-31", "Regular", "Regular") +
			archRow("DOM-1876", "id1", "42", "Baez", "1876-12-26", "1876-12-31", "Irregular", "Irregular"),
		leaders: []string{"baez-dom-1876: dom, 1876-12-26–1876-12-31", "king-can-1921: can, 1921-12-29–1921-12-31"},
		warnings: []string{"a.txt:3:2: leader id id1 is Baez of Dominican Republic here but King of Canada at a.txt:2:2: imported as two leaders; " +
			"Archigos gives each leader one id: if they are one person, correct the ccode; if two, give one of them its own leadid"},
	}, {
		name: "the same rows, Báez's left out by --since: no warning",
		opt:  Options{Since: 1900},
		rows: archRow("CAN-1921", "id1", "20", "King", "1921-12-29", "1921-12-31", "Regular", "Regular") +
			archRow("DOM-1876", "id1", "42", "Baez", "1876-12-26", "1876-12-31", "Irregular", "Irregular"),
		leaders: []string{"king-can-1921: can, 1921-12-29–1921-12-31"},
	}, {
		name: "one id, one country, two names: one leader, the second name an alias",
		rows: archRow("BOS-1990", "id2", "346", "Izetbegovic", "1990-12-20", "1990-12-31", "Regular", "(n_year)") +
			archRow("BOS-1990", "id2", "346", "Alija Izetbegovic", "1991-01-01", "1991-06-30", "(p_year)", "Regular") +
			archRow("BOS-1990", "id2", "346", "Alija Izetbegovic", "1992-01-01", "1992-06-30", "(p_year)", "Regular"),
		leaders: []string{"izetbegovic-bih-1990: bih, 1990-12-20–1992-06-30 (Alija Izetbegovic)"},
		warnings: []string{`a.txt:3:5: leader id id2 is named "Alija Izetbegovic" here but "Izetbegovic" at a.txt:2:2: read as one leader, with "Alija Izetbegovic" as an alias; ` +
			"if they are one person, write the name the same way in both rows; if two, give one of them its own leadid"},
	}, {
		name: "one id in two codes of one country (COW 345 and G–W 340, both Serbia): no warning",
		rows: archRow("YUG-2000", "id3", "345", "Kostunica", "2000-10-07", "2000-12-31", "Regular", "Regular") +
			archRow("SER-2004", "id3", "340", "Kostunica", "2004-03-03", "2004-12-31", "Regular", "Regular"),
		leaders: []string{"kostunica-srb-2000: srb, 2000-10-07–2000-12-31, 2004-03-03–2004-12-31"},
	}, {
		name: "still in office: the role ends where the data does",
		rows: archRow("RUS-2000", "id4", "365", "Putin", "2015-01-01", "2015-12-31", "(p_year)", "Still in Office") +
			archRow("HAI-2011", "id5", "41", "Martelly", "2014-01-01", "2014-12-31", "(p_year)", "Still in Office"),
		leaders: []string{"martelly-hti-2014: hti, 2014-01-01–2014-12-31", "putin-rus-2015: rus, 2015-01-01–2015-12-31"},
	}} {
		t.Run(c.name, func(t *testing.T) {
			res, err := sheets("archigos", c.opt, [2]string{"a.txt", archigosHeader + c.rows})
			if err != nil {
				t.Fatal(err)
			}
			mustValidate(t, res.Dataset)
			var got []string
			for _, e := range res.Dataset.Entities {
				if e.Kind != graph.KindLeader {
					continue
				}
				var spells []string
				for _, r := range e.Roles {
					spells = append(spells, r.Start.String()+"–"+r.End.String())
				}
				s := e.ID + ": " + e.Country + ", " + strings.Join(spells, ", ")
				if len(e.Aliases) > 0 {
					s += " (" + strings.Join(e.Aliases, "; ") + ")"
				}
				got = append(got, s)
			}
			if strings.Join(got, "\n") != strings.Join(c.leaders, "\n") {
				t.Errorf("leaders:\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(c.leaders, "\n"))
			}
			var warnings []string
			for _, w := range res.Warnings {
				warnings = append(warnings, w.String())
			}
			if strings.Join(warnings, "\n") != strings.Join(c.warnings, "\n") {
				t.Errorf("warnings:\n%s\nwant\n%s", strings.Join(warnings, "\n"), strings.Join(c.warnings, "\n"))
			}
		})
	}
}

// TestArchigosCensoredNote: a tenure still in office when its rows stop
// says that its end is the data's.
func TestArchigosCensoredNote(t *testing.T) {
	rows := archRow("RUS-2000", "id4", "365", "Putin", "2015-01-01", "2015-12-31", "Regular", "Still in Office") +
		archRow("HAI-2011", "id5", "41", "Martelly", "2014-01-01", "2014-12-31", "Regular", "Still in Office")
	res, err := sheets("archigos", Options{}, [2]string{"a.txt", archigosHeader + rows})
	if err != nil {
		t.Fatal(err)
	}
	for id, note := range map[string]string{
		"putin-rus-2015": "Archigos tenures RUS-2000: entry regular, still in office when the data ends (2015-12-31): " +
			"the role ends there because the data does (right-censored), not the tenure.",
		"martelly-hti-2014": "Archigos tenures HAI-2011: entry regular, still in office at its last row (2014-12-31; the data runs to 2015-12-31): " +
			"the role ends there because the data does (right-censored), not the tenure.",
	} {
		if got := entity(t, res.Dataset, id).Note; got != note {
			t.Errorf("%s:\n got %q\nwant %q", id, got, note)
		}
	}
}

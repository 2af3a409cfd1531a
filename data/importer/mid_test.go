package importer

import (
	"fmt"
	"strings"
	"testing"
)

// midRow writes one directed dispute-year under midHeader: dispute, the
// two COW codes, the year, whether ccode1 is on Side A, and both states'
// hostility levels and highest actions.
func midRow(disp, c1, c2, year int, sideA bool, host1, host2, act1, act2 int) string {
	a, b := 0, 1
	if sideA {
		a, b = 1, 0
	}
	return fmt.Sprintf("%d,%d,%d,%d,1,0,%d,%d,0,0,0,0,0,0,0,0,-9,-9,%d,%d,%d,%d,1,1,%d,%d,1,1,-9,-9,0,-9,1,1,1,1,1,0,gml-2.1.1\n",
		disp, c1, c2, year, a, b, act1, act2, host1, host2, max(act1, act2), max(host1, host2))
}

// midBoth writes a dispute-year in both directions, as the GML file does.
func midBoth(disp, c1, c2, year int, sideA1 bool, host1, host2, act1, act2 int) string {
	return midRow(disp, c1, c2, year, sideA1, host1, host2, act1, act2) + midRow(disp, c2, c1, year, !sideA1, host2, host1, act2, act1)
}

func TestMIDSides(t *testing.T) {
	for _, c := range []struct {
		name    string
		rows    string
		records []string // id dates weight label
		note    string   // in the first record's note
	}{{
		name:    "reciprocated: a record from each side, with its own level",
		rows:    midBoth(1, 670, 645, 1999, true, 4, 5, 15, 20) + midBoth(1, 670, 645, 2000, true, 4, 5, 15, 20),
		records: []string{"mid1-sau-irq 1999–2000 4 use of force", "mid1-irq-sau 1999–2000 5 war"},
		note:    "Militarized interstate dispute 1, 1999–2000: militarized actions by Saudi Arabia against Iraq, weighted and labelled by its hostility level. Saudi Arabia (Side A): highest action seizure (hostility level 4, use of force). Iraq: highest action begin interstate war (hostility level 5, war). The actions by Iraq: record mid1-irq-sau.",
	}, {
		name:    "one-sided: the other state took no militarized action, and has no record",
		rows:    midBoth(2, 2, 200, 1902, true, 3, 1, 7, 0),
		records: []string{"mid2-usa-gbr 1902 3 display of force"},
	}, {
		name:    "Side B acts, Side A does not: the record is Side B's",
		rows:    midBoth(3, 666, 645, 2002, true, 1, 5, 0, 20),
		records: []string{"mid3-irq-isr 2002 5 war"},
		note:    "Militarized interstate dispute 3, 2002: militarized actions by Iraq against Israel, weighted and labelled by its hostility level. Israel (Side A): highest action no militarized action (hostility level 1). Iraq: highest action begin interstate war (hostility level 5, war).",
	}, {
		name:    "a gap: 1998 and 2002 are two spells, not 1998–2002",
		rows:    midBoth(4, 666, 645, 1998, true, 3, 5, 10, 20) + midBoth(4, 666, 645, 2002, true, 1, 5, 0, 20),
		records: []string{"mid4-isr-irq 1998 3 display of force", "mid4-irq-isr 1998 5 war", "mid4-irq-isr-2002 2002 5 war"},
		note:    "The pair's dispute-years are 1998, 2002: this record is the spell 1998.",
	}, {
		name:    "neither acts: one record from Side A, saying so",
		rows:    midBoth(5, 640, 645, 1958, true, 1, 1, 0, 0),
		records: []string{"mid5-tur-irq 1958 1 no militarized action"},
		note:    "Militarized interstate dispute 5, 1958: neither state took militarized action.",
	}, {
		name:    "levels unknown (-9): one record from Side A, no weight",
		rows:    midBoth(6, 640, 645, 1958, true, -9, -9, -9, -9),
		records: []string{"mid6-tur-irq 1958 0 "},
		note:    "Turkey (Side A): level unknown. Iraq: level unknown.",
	}, {
		name:    "sides swapped between years of one spell: a record each way, saying so",
		rows:    midBoth(7, 220, 365, 1939, true, 5, 5, 20, 20) + midBoth(7, 220, 365, 1940, false, 5, 5, 20, 20),
		records: []string{"mid7-fra-rus 1939–1940 5 war", "mid7-rus-fra 1939–1940 5 war"},
		note:    "The two states were on different sides in different years.",
	}} {
		t.Run(c.name, func(t *testing.T) {
			res, err := sheets("mid", Options{}, [2]string{"gml.csv", midHeader + c.rows})
			if err != nil {
				t.Fatal(err)
			}
			mustValidate(t, res.Dataset)
			var got []string
			for _, r := range res.Dataset.Records {
				if !r.Directed {
					t.Errorf("%s is mutual", r.ID)
				}
				dates := r.Start.String()
				if !r.End.IsZero() {
					dates += "–" + r.End.String()
				}
				got = append(got, fmt.Sprintf("%s %s %v %s", r.ID, dates, r.Weight, r.Label))
			}
			if strings.Join(got, "\n") != strings.Join(c.records, "\n") {
				t.Errorf("records:\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(c.records, "\n"))
			}
			if len(res.Dataset.Records) > 0 && !strings.Contains(res.Dataset.Records[0].Note, c.note) {
				t.Errorf("note %q\nwant it to contain %q", res.Dataset.Records[0].Note, c.note)
			}
		})
	}
}

// TestMIDSpellsFilter: --since and --until keep the spells that overlap
// them, not every spell of a pair whose years span them.
func TestMIDSpellsFilter(t *testing.T) {
	rows := midBoth(4, 666, 645, 1998, true, 3, 5, 10, 20) + midBoth(4, 666, 645, 2002, true, 1, 5, 0, 20)
	for _, c := range []struct {
		since, until int
		want         string
	}{{2002, 2002, "mid4-irq-isr-2002"}, {2000, 2000, ""}, {1998, 1998, "mid4-isr-irq mid4-irq-isr"}} {
		res, err := sheets("mid", Options{Since: c.since, Until: c.until}, [2]string{"gml.csv", midHeader + rows})
		if err != nil {
			t.Fatal(err)
		}
		var ids []string
		for _, r := range res.Dataset.Records {
			ids = append(ids, r.ID)
		}
		if strings.Join(ids, " ") != c.want {
			t.Errorf("--since %d --until %d: %v, want %s", c.since, c.until, ids, c.want)
		}
	}
}

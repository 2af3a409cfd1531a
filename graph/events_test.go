package graph

import "testing"

// korea2018 has a three-day summit (Pyongyang, 18–20 Sep 2018), a one-day
// summit, the same pair meeting twice on one day, a visit declared as a
// type of kind event, and a summit type redeclared as a state.
func korea2018(summitKind string) *Dataset {
	types := []Type{{ID: "visit", Label: "Visit", Sign: Positive, Weight: 1, Kind: KindEvent}}
	if summitKind != "" {
		types = append(types, Type{ID: "summit", Label: "Summit", Sign: Neutral, Weight: 2, Kind: summitKind})
	}
	return &Dataset{
		ID: "k",
		Entities: []Entity{
			{ID: "prk", Kind: KindCountry, Name: "North Korea"},
			{ID: "kor", Kind: KindCountry, Name: "South Korea"},
			{ID: "chn", Kind: KindCountry, Name: "China"},
		},
		Types: types,
		Records: []Record{
			{ID: "pyongyang", Type: "summit", Parties: []string{"kor", "prk"}, Start: MustDate("2018-09-18"), End: MustDate("2018-09-20"), Weight: 3, Source: "s"},
			{ID: "panmunjom", Type: "summit", Parties: []string{"kor", "prk"}, Start: MustDate("2018-04-27"), Weight: 3, Source: "s"},
			{ID: "beijing-a", Type: "summit", Parties: []string{"chn", "prk"}, Start: MustDate("2019-01-08"), Weight: 4, Source: "s"},
			{ID: "beijing-b", Type: "summit", Parties: []string{"chn", "prk"}, Start: MustDate("2019-01-08"), Weight: 2, Source: "s"},
			{ID: "dalian", Type: "summit", Parties: []string{"chn", "prk"}, Start: MustDate("2018-05-07"), Weight: 2, Source: "s"},
			{ID: "tour", Type: "visit", Directed: true, Parties: []string{"prk", "chn"}, Start: MustDate("2018-03-25"), End: MustDate("2018-03-28"), Weight: 1, Source: "s"},
		},
		Sources: []Source{{ID: "s", Title: "S"}},
	}
}

func TestEventsLastingDays(t *testing.T) {
	tests := []struct {
		name, kind, asOf, window string
		want                     string
	}{
		// Within its days, and for the window after its last day.
		{"during", "", "2018-09-19", "0", "summit:kor-prk=3"},
		{"the day after, no window", "", "2018-09-21", "0", ""},
		{"a year after, 2y window", "", "2019-07-01", "2y", "visit:prk>chn=1 summit:chn-prk=6 summit:kor-prk=6"},
		{"window counted from the end", "", "2020-09-20", "2y", "summit:chn-prk=4 summit:kor-prk=3"},
		{"past the window", "", "2020-09-21", "2y", "summit:chn-prk=4"},
		{"before it began", "", "2018-09-17", "2y", "visit:prk>chn=1 summit:chn-prk=2 summit:kor-prk=3"},
		// Redeclared as an event (data.Load gives a redeclared summit
		// the built-in's kind); declared a state, a multi-day summit is
		// in force between its dates only.
		{"redeclared an event", "event", "2019-07-01", "2y", "visit:prk>chn=1 summit:chn-prk=6 summit:kor-prk=6"},
		{"declared a state", "state", "2019-07-01", "2y", "visit:prk>chn=1 summit:chn-prk=6 summit:kor-prk=3"},
		{"declared a state, during", "state", "2018-09-19", "0", "summit:kor-prk=3"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			w, err := ParseWindow(tt.window)
			if err != nil {
				t.Fatal(err)
			}
			g := Build(korea2018(tt.kind), Filter{AsOf: MustDate(tt.asOf), Window: w})
			if got := edgeList(g); got != tt.want {
				t.Errorf("--as-of %s --window %s: %q, want %q", tt.asOf, tt.window, got, tt.want)
			}
		})
	}
}

// record finds a record by id.
func record(d *Dataset, id string) *Record {
	for i := range d.Records {
		if d.Records[i].ID == id {
			return &d.Records[i]
		}
	}
	return nil
}

func TestEventLike(t *testing.T) {
	d := korea2018("")
	for _, tt := range []struct {
		id   string
		want bool
	}{{"pyongyang", true}, {"panmunjom", true}, {"tour", true}} {
		r := record(d, tt.id)
		if got := d.EventLike(r); got != tt.want {
			t.Errorf("%s: EventLike = %v, want %v", tt.id, got, tt.want)
		}
	}
	d.Records = append(d.Records, Record{ID: "ties", Type: "alliance", Parties: []string{"chn", "prk"}, Start: MustDate("1961"), End: MustDate("2021"), Weight: 3, Source: "s"},
		Record{ID: "open", Type: "summit", Parties: []string{"chn", "prk"}, Start: MustDate("2024"), Ongoing: true, Weight: 3, Source: "s"})
	for _, id := range []string{"ties", "open"} {
		r := record(d, id)
		if d.EventLike(r) {
			t.Errorf("%s: read as an event, want a period", id)
		}
	}
}

// TestWeightOneDayOnce: events of one type between one pair on the same
// days count once, at the heaviest; other dates, events dated to a month
// or a year, and periods add.
func TestWeightOneDayOnce(t *testing.T) {
	d := MustDate
	tests := []struct {
		name string
		rs   []*Record
		want float64
	}{
		{"one", []*Record{{Start: d("2025-09-03"), Weight: 4}}, 4},
		{"same day", []*Record{{Start: d("2025-09-03"), Weight: 4}, {Start: d("2025-09-03"), Weight: 3}}, 4},
		{"same day, heavier second", []*Record{{Start: d("2025-09-03"), Weight: 3}, {Start: d("2025-09-03"), Weight: 4}}, 4},
		{"two days", []*Record{{Start: d("2025-09-03"), Weight: 4}, {Start: d("2024-06-19"), Weight: 2}}, 6},
		{"day and month differ", []*Record{{Start: d("2025-09"), Weight: 1}, {Start: d("2025-09-03"), Weight: 2}}, 3},
		{"same month", []*Record{{Start: d("2025-09"), Weight: 4}, {Start: d("2025-09"), Weight: 3}}, 7},
		{"same days", []*Record{{Type: "summit", Start: d("2018-09-18"), End: d("2018-09-20"), Weight: 3}, {Type: "summit", Start: d("2018-09-18"), End: d("2018-09-20"), Weight: 2}}, 3},
		{"same start, other end", []*Record{{Type: "summit", Start: d("2018-09-18"), End: d("2018-09-20"), Weight: 3}, {Type: "summit", Start: d("2018-09-18"), Weight: 2}}, 5},
		{"periods from one year", []*Record{{Type: "alliance", Start: d("2010"), End: d("2016"), Weight: 3}, {Type: "alliance", Start: d("2010"), Ongoing: true, Weight: 1}}, 4},
	}
	// Multi-day summits are events, as data.Load reads them.
	event := func(r *Record) bool { return r.IsEvent() || r.Type == "summit" }
	for _, tt := range tests {
		if got := weightOf(tt.rs, event); got != tt.want {
			t.Errorf("%s: weight %g, want %g", tt.name, got, tt.want)
		}
	}
}

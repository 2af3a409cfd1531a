package graph

import (
	"fmt"
	"testing"
)

func TestParseWindow(t *testing.T) {
	tests := []struct {
		in      string
		want    Window
		str     string // String(), "" when it is in
		human   string
		wantErr string
	}{
		{in: "2", want: Window{Years: 2}, str: "2y", human: "2 years"},
		{in: "0", want: Window{}, human: "0 days"},
		{in: "1", want: Window{Years: 1}, str: "1y", human: "year"},
		{in: "2y", want: Window{Years: 2}, human: "2 years"},
		{in: "18m", want: Window{Months: 18}, human: "18 months"},
		{in: "90d", want: Window{Days: 90}, human: "90 days"},
		{in: "1y6m", want: Window{Years: 1, Months: 6}, human: "1 year and 6 months"},
		{in: "1y1m1d", want: Window{1, 1, 1}, human: "1 year, 1 month and 1 day"},
		{in: "1m", want: Window{Months: 1}, human: "1 month"},
		{in: " 2Y ", want: Window{Years: 2}, str: "2y", human: "2 years"},
		{in: "0y", want: Window{}, str: "0", human: "0 days"},
		{in: "02y", want: Window{Years: 2}, str: "2y", human: "2 years"},
		{in: "9999", want: Window{Years: 9999}, str: "9999y", human: "9999 years"},
		{in: "", wantErr: "is empty"},
		{in: "-1", wantErr: "is negative: a look-back is 0 or more"},
		{in: "-2y", wantErr: "is negative: a look-back is 0 or more"},
		{in: "2x", wantErr: "is not a duration: write numbers with units y (years), m (months), d (days), in that order"},
		{in: "6m1y", wantErr: "is not a duration: write numbers with units y (years), m (months), d (days), in that order"},
		{in: "y", wantErr: "is not a duration: write numbers with units y (years), m (months), d (days), in that order"},
		{in: "1.5y", wantErr: "is not a duration: write numbers with units y (years), m (months), d (days), in that order"},
		{in: "2y 6m", wantErr: "is not a duration: write numbers with units y (years), m (months), d (days), in that order"},
		{in: "+2", wantErr: "is not a duration: write numbers with units y (years), m (months), d (days), in that order"},
		{in: "10000", wantErr: "is too long: at most 9999 years"},
		{in: "10000d", wantErr: "is too long: at most 9999 of each unit"},
		{in: "99999999999999999999", wantErr: "is too long: at most 9999 years"},
	}
	for _, tt := range tests {
		got, err := ParseWindow(tt.in)
		if tt.wantErr != "" {
			if err == nil || err.Error() != tt.wantErr {
				t.Errorf("ParseWindow(%q) error = %v, want %q", tt.in, err, tt.wantErr)
			}
			continue
		}
		if err != nil {
			t.Errorf("ParseWindow(%q): %v", tt.in, err)
			continue
		}
		if got != tt.want {
			t.Errorf("ParseWindow(%q) = %+v, want %+v", tt.in, got, tt.want)
		}
		str := tt.str
		if str == "" {
			str = tt.in
		}
		if got.String() != str {
			t.Errorf("ParseWindow(%q).String() = %q, want %q", tt.in, got.String(), str)
		}
		if again, err := ParseWindow(got.String()); err != nil || again != got {
			t.Errorf("ParseWindow(%q) = %+v, %v: String does not round-trip", got.String(), again, err)
		}
		if got.Human() != tt.human {
			t.Errorf("ParseWindow(%q).Human() = %q, want %q", tt.in, got.Human(), tt.human)
		}
	}
}

// TestWindowStart pins the first day of a look-back: calendar years and
// months, a day past a month's end landing on its last day, then days.
func TestWindowStart(t *testing.T) {
	tests := []struct{ day, window, want string }{
		{"2027-09-03", "2y", "2025-09-03"},
		{"2028-02-29", "1y", "2027-02-28"},
		{"2025-08-31", "6m", "2025-02-28"},
		{"2024-08-31", "6m", "2024-02-29"},
		{"2025-03-31", "1m", "2025-02-28"},
		{"2025-01-15", "1m", "2024-12-15"},
		{"2027-03-03", "18m", "2025-09-03"},
		{"2027-03-03", "1y6m", "2025-09-03"},
		{"2025-12-02", "90d", "2025-09-03"},
		{"2024-03-30", "30d", "2024-02-29"},
		{"2024-03-31", "1m1d", "2024-02-28"},
		{"2027", "2y", "2025-12-31"},      // a year is its last day
		{"2027-02", "1y", "2026-02-28"},   // a month is its last day
		{"2025-06-30", "0", "2025-06-30"}, // no look-back: the day itself
		{"1000-01-01", "9999y", "-001-01-01"},
	}
	for _, tt := range tests {
		w, err := ParseWindow(tt.window)
		if err != nil {
			t.Fatal(err)
		}
		got := w.Start(MustDate(tt.day))
		if s := dayText(got); s != tt.want {
			t.Errorf("window %s before %s starts %s, want %s", tt.window, tt.day, s, tt.want)
		}
	}
}

// dayText formats a day-precision date, even one before year 1000.
func dayText(d Date) string {
	if d.Year < 0 {
		return "-001-01-01"
	}
	return d.String()
}

// TestAsOfWindowBoundaries: under --as-of, an event is kept exactly when
// its last day falls on or after the window's first day; for events and
// as-of dates of every precision and windows in every unit.
func TestAsOfWindowBoundaries(t *testing.T) {
	tests := []struct {
		event, asOf, window string
		want                bool
	}{
		// A day event, 3 Sep 2025.
		{"2025-09-03", "2025-12-02", "90d", true},
		{"2025-09-03", "2025-12-03", "90d", false},
		{"2025-09-03", "2027-03-03", "18m", true},
		{"2025-09-03", "2027-03-04", "18m", false},
		{"2025-09-03", "2027-03-03", "1y6m", true},
		{"2025-09-03", "2027-03-04", "1y6m", false},
		{"2025-09-03", "2027-09-03", "2", true}, // a bare number is years
		{"2025-09-03", "2027-09-04", "2", false},
		{"2025-09-03", "2027-02", "18m", true},     // 28 Feb 2027 less 18 months: 28 Aug 2025
		{"2025-09-03", "2027-03", "18m", false},    // 31 Mar 2027 less 18 months: 30 Sep 2025
		{"2025-09-03", "2025-09-02", "10y", false}, // not yet happened
		// A month event, November 2025: its last day is 30 November.
		{"2025-11", "2027-05", "18m", true},  // from 30 Nov 2025
		{"2025-11", "2027-06", "18m", false}, // from 30 Dec 2025
		{"2025-11", "2026-02-28", "90d", true},
		{"2025-11", "2026-03-01", "90d", false},
		{"2025-11", "2025-11-01", "0", true}, // within the month it happened
		{"2025-11", "2025-12-01", "0", false},
		// A year event, 2020: its last day is 31 December.
		{"2020", "2021-03-31", "90d", true},
		{"2020", "2021-04-01", "90d", false},
		{"2020", "2021-06", "6m", true},     // 30 Jun 2021 less 6 months: 30 Dec 2020
		{"2020", "2021-07", "6m", false},    // 31 Jul 2021 less 6 months: 31 Jan 2021
		{"2020", "2021", "1y", true},        // 31 Dec 2021 less a year
		{"2020", "2022", "1y", false},       // 31 Dec 2022 less a year
		{"2020", "2023-01-01", "2y", false}, // from 1 Jan 2021
		{"2020", "2023-01-01", "2y1d", true},
		{"2020", "2023-01-02", "2y1d", false},
		// Month ends: 31 August less 6 months is the end of February.
		{"2025-02-28", "2025-08-31", "6m", true},
		{"2025-02-27", "2025-08-31", "6m", false},
		{"2024-02-29", "2024-08-31", "6m", true},
		{"2024-02-28", "2024-08-31", "6m", false},
		{"2025-02-28", "2025-09-01", "6m", false},
	}
	for _, tt := range tests {
		w, err := ParseWindow(tt.window)
		if err != nil {
			t.Fatal(err)
		}
		r := &Record{ID: "e", Type: "summit", Parties: []string{"a", "b"}, Start: MustDate(tt.event), Weight: 1}
		f := Filter{AsOf: MustDate(tt.asOf), Window: w}
		if got := f.keeps(r, true); got != tt.want {
			t.Errorf("event %s, --as-of %s --window %s: kept = %v, want %v (window from %s)", tt.event, tt.asOf, tt.window, got, tt.want, w.Start(MustDate(tt.asOf)))
		}
	}
}

func TestEvery(t *testing.T) {
	d := func(s string) Date {
		t.Helper()
		v, err := ParseDate(s)
		if err != nil {
			t.Fatal(err)
		}
		return v
	}
	for _, tt := range []struct {
		start, end string
		step       Window
		max        int
		want       string // the dates, or "" when more than max
	}{
		{"2018", "2025", Window{Years: 2}, 24, "[2019-12-31 2021-12-31 2023-12-31 2025-12-31]"},
		{"2025-01", "2025-05-31", Window{Months: 1}, 24, "[2025-01-31 2025-02-28 2025-03-31 2025-04-30 2025-05-31]"},
		{"2024-02-29", "2025-02-28", Window{Years: 1}, 24, "[2025-02-28]"}, // 2024-02-28 is before the start
		{"2023", "2024-02-29", Window{Years: 1}, 24, "[2023-02-28 2024-02-29]"},
		{"2025-09-03", "2025-09-03", Window{Months: 6}, 24, "[2025-09-03]"},
		{"2000", "2025", Window{Months: 1}, 24, ""},
		{"2000", "2025", Window{}, 24, "[2025-12-31]"},
	} {
		got, ok := Every(d(tt.start), d(tt.end), tt.step, tt.max)
		s := fmt.Sprint(got)
		if !ok {
			s = ""
		}
		if s != tt.want {
			t.Errorf("Every(%s, %s, %s, %d) = %q, want %q", tt.start, tt.end, tt.step, tt.max, s, tt.want)
		}
	}
}

package graph

import "testing"

func TestParseDate(t *testing.T) {
	tests := []struct {
		in      string
		want    Date
		wantErr string
	}{
		{in: "2025", want: Date{Year: 2025}},
		{in: "2019-01", want: Date{Year: 2019, Month: 1}},
		{in: "2025-09-03", want: Date{2025, 9, 3}},
		{in: "2024-02-29", want: Date{2024, 2, 29}},
		{in: "2025-02-29", wantErr: `date "2025-02-29": day 29 is not between 01 and 28`},
		{in: "2025-13-40", wantErr: `date "2025-13-40": month 13 is not between 01 and 12`},
		{in: "2025-00", wantErr: `date "2025-00": month 0 is not between 01 and 12`},
		{in: "25-01-01", wantErr: `date "25-01-01" is not YYYY, YYYY-MM or YYYY-MM-DD`},
		{in: "2025-1-3", wantErr: `date "2025-1-3" is not YYYY, YYYY-MM or YYYY-MM-DD`},
		{in: "0999", wantErr: `date "0999": year must be between 1000 and 9999`},
		{in: "2025-09-03T10:00", wantErr: `date "2025-09-03T10:00" is not YYYY, YYYY-MM or YYYY-MM-DD`},
		{in: "", wantErr: `date "" is not YYYY, YYYY-MM or YYYY-MM-DD`},
		{in: "+2025", wantErr: `date "+2025" is not YYYY, YYYY-MM or YYYY-MM-DD`},
	}
	for _, tt := range tests {
		got, err := ParseDate(tt.in)
		switch {
		case tt.wantErr != "":
			if err == nil || err.Error() != tt.wantErr {
				t.Errorf("ParseDate(%q) error = %v, want %q", tt.in, err, tt.wantErr)
			}
		case err != nil:
			t.Errorf("ParseDate(%q): %v", tt.in, err)
		case got != tt.want:
			t.Errorf("ParseDate(%q) = %+v, want %+v", tt.in, got, tt.want)
		case got.String() != tt.in:
			t.Errorf("ParseDate(%q).String() = %q, not a round trip", tt.in, got.String())
		}
	}
}

func TestDateSpansAndOrder(t *testing.T) {
	tests := []struct {
		d           string
		first, last string
		human       string
	}{
		{"2019", "2019-01-01", "2019-12-31", "2019"},
		{"2024-02", "2024-02-01", "2024-02-29", "Feb 2024"},
		{"2025-09-03", "2025-09-03", "2025-09-03", "3 Sep 2025"},
	}
	for _, tt := range tests {
		d := MustDate(tt.d)
		if got := d.First().String(); got != tt.first {
			t.Errorf("%s.First() = %s, want %s", tt.d, got, tt.first)
		}
		if got := d.Last().String(); got != tt.last {
			t.Errorf("%s.Last() = %s, want %s", tt.d, got, tt.last)
		}
		if got := d.Human(); got != tt.human {
			t.Errorf("%s.Human() = %s, want %s", tt.d, got, tt.human)
		}
	}
	if !MustDate("2019-01").Before(MustDate("2019-02-01")) || MustDate("2019").Before(MustDate("2019-06")) {
		t.Error("Before must compare the days the dates cover")
	}
	if MustDate("2019").Compare(MustDate("2019-01-01")) >= 0 || MustDate("2019-01-02").Compare(MustDate("2019-01")) <= 0 {
		t.Error("Compare must order by first day, then coarser first")
	}
	if got := MustDate("2024-02-29").AddYears(-2).String(); got != "2022-02-28" {
		t.Errorf("AddYears across a leap day = %s, want 2022-02-28", got)
	}
}

func TestHumanSpan(t *testing.T) {
	tests := []struct{ a, b, want string }{
		{"2018-09-18", "2018-09-20", "18–20 Sep 2018"},
		{"2018-09-30", "2018-10-02", "30 Sep – 2 Oct 2018"},
		{"2018-12-30", "2019-01-02", "30 Dec 2018 – 2 Jan 2019"},
		{"2018-09", "2018-10", "Sep–Oct 2018"},
		{"2024-12", "2025-01", "Dec 2024 – Jan 2025"},
		{"1997", "2003", "1997–2003"},
		{"1997", "2003-05", "1997 – May 2003"},
		{"2025-09-03", "2025-09-03", "3 Sep 2025"},
		{"2025-09-03", "", "3 Sep 2025"},
	}
	for _, tt := range tests {
		var b Date
		if tt.b != "" {
			b = MustDate(tt.b)
		}
		if got := HumanSpan(MustDate(tt.a), b); got != tt.want {
			t.Errorf("HumanSpan(%s, %s) = %q, want %q", tt.a, tt.b, got, tt.want)
		}
	}
}

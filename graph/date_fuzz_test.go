package graph

import (
	"strconv"
	"strings"
	"testing"
)

// FuzzParseDate checks ParseDate on any text: it never panics; an error
// quotes the text and says what a date looks like or which part is out of
// range; a date it accepts is in range, prints back as exactly the text,
// and behaves as a period (First ≤ Last, not before itself, Compare
// antisymmetric, AddYears keeps it valid).
//
//	go test ./graph -run '^$' -fuzz FuzzParseDate -fuzztime 60s
func FuzzParseDate(f *testing.F) {
	for _, s := range []string{"2025", "2019-01", "2025-09-03", "2024-02-29", "2025-02-29", "2025-13-40",
		"0999", "9999-12-31", "1000-01-01", "", "-", "--", "2025--01", "٢٠٢٥", "2025-09-03T10:00",
		"+2025", "2025-0x", "20250903", "2025-09-03-01", "\x00", "1e10"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, err := ParseDate(s)
		if err != nil {
			msg := err.Error()
			if !strings.HasPrefix(msg, "date "+strconv.Quote(s)) {
				t.Fatalf("error %q does not quote the input %q first", msg, s)
			}
			if !strings.Contains(msg, "YYYY") && !strings.Contains(msg, "between") {
				t.Fatalf("error %q says neither the form nor the range", msg)
			}
			if d != (Date{}) {
				t.Fatalf("error with a non-zero date %+v", d)
			}
			return
		}
		if d.Year < 1000 || d.Year > 9999 || d.Month < 0 || d.Month > 12 || d.Day < 0 || d.Day > daysIn(d.Year, max(d.Month, 1)) || (d.Month == 0 && d.Day != 0) {
			t.Fatalf("ParseDate(%q) = %+v, out of range", s, d)
		}
		if d.String() != s {
			t.Fatalf("ParseDate(%q).String() = %q", s, d.String())
		}
		if d.Human() == "" {
			t.Fatalf("ParseDate(%q).Human() is empty", s)
		}
		first, last := d.First(), d.Last()
		if first.ordinal() > last.ordinal() || first.First() != first || last.Last() != last || d.Before(d) || d.Compare(d) != 0 {
			t.Fatalf("%q: First %v, Last %v: not a period containing itself", s, first, last)
		}
		for _, e := range []Date{first, last, MustDate("2025-09-03"), MustDate("1000")} {
			if c1, c2 := d.Compare(e), e.Compare(d); c1 != -c2 {
				t.Fatalf("Compare(%v, %v) = %d but Compare(%v, %v) = %d", d, e, c1, e, d, c2)
			}
		}
		if n := 9999 - d.Year; n >= 0 {
			moved := d.AddYears(n)
			if _, err := ParseDate(moved.String()); err != nil {
				t.Fatalf("%v.AddYears(%d) = %v, not a valid date: %v", d, n, moved, err)
			}
		}
	})
}

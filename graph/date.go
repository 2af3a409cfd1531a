package graph

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// Date is a calendar date with a precision: a year (2019), a month
// (2019-01) or a day (2019-01-08). Month and Day are zero when the
// precision is coarser. The zero Date means "no date".
type Date struct {
	Year  int
	Month int // 1–12, or 0 for a year-precision date
	Day   int // 1–31, or 0 for a year- or month-precision date
}

// ParseDate reads YYYY, YYYY-MM or YYYY-MM-DD. Years run from 1000 to
// 9999, so that every date sorts and prints the same way.
func ParseDate(s string) (Date, error) {
	parts := strings.Split(s, "-")
	if len(parts) > 3 || s == "" {
		return Date{}, fmt.Errorf("date %q is not YYYY, YYYY-MM or YYYY-MM-DD", s)
	}
	widths := []int{4, 2, 2}
	vals := make([]int, len(parts))
	for i, p := range parts {
		if len(p) != widths[i] || strings.TrimLeft(p, "0123456789") != "" {
			return Date{}, fmt.Errorf("date %q is not YYYY, YYYY-MM or YYYY-MM-DD", s)
		}
		vals[i], _ = strconv.Atoi(p)
	}
	d := Date{Year: vals[0]}
	if d.Year < 1000 {
		return Date{}, fmt.Errorf("date %q: year must be between 1000 and 9999", s)
	}
	if len(vals) > 1 {
		d.Month = vals[1]
		if d.Month < 1 || d.Month > 12 {
			return Date{}, fmt.Errorf("date %q: month %d is not between 01 and 12", s, d.Month)
		}
	}
	if len(vals) > 2 {
		d.Day = vals[2]
		if last := daysIn(d.Year, d.Month); d.Day < 1 || d.Day > last {
			return Date{}, fmt.Errorf("date %q: day %d is not between 01 and %02d", s, d.Day, last)
		}
	}
	return d, nil
}

// MustDate is ParseDate for literals in code and tests; it panics on error.
func MustDate(s string) Date {
	d, err := ParseDate(s)
	if err != nil {
		panic(err)
	}
	return d
}

func daysIn(year, month int) int {
	return time.Date(year, time.Month(month)+1, 0, 0, 0, 0, 0, time.UTC).Day()
}

// IsZero reports whether d is the zero Date (no date given).
func (d Date) IsZero() bool { return d.Year == 0 }

// String formats d at its own precision.
func (d Date) String() string {
	switch {
	case d.IsZero():
		return ""
	case d.Month == 0:
		return fmt.Sprintf("%04d", d.Year)
	case d.Day == 0:
		return fmt.Sprintf("%04d-%02d", d.Year, d.Month)
	}
	return fmt.Sprintf("%04d-%02d-%02d", d.Year, d.Month, d.Day)
}

// Human formats d for a figure: "2025", "Jan 2019", "3 Sep 2025".
func (d Date) Human() string {
	switch {
	case d.IsZero():
		return ""
	case d.Month == 0:
		return fmt.Sprintf("%d", d.Year)
	case d.Day == 0:
		return fmt.Sprintf("%s %d", time.Month(d.Month).String()[:3], d.Year)
	}
	return fmt.Sprintf("%d %s %d", d.Day, time.Month(d.Month).String()[:3], d.Year)
}

// HumanSpan formats the span from a to b for a figure, as short as it
// reads: "18–20 Sep 2018", "30 Sep – 2 Oct 2018", "Sep–Oct 2018",
// "1997–2003", "Dec 2024 – Jan 2025"; a to itself (or b zero) is
// a.Human(). The shared tail is written once only when both dates have
// the same precision.
func HumanSpan(a, b Date) string {
	if b.IsZero() || a == b {
		return a.Human()
	}
	month := func(m int) string { return time.Month(m).String()[:3] }
	sameShape := (a.Month == 0) == (b.Month == 0) && (a.Day == 0) == (b.Day == 0)
	switch {
	case sameShape && a.Month == 0:
		return fmt.Sprintf("%d–%d", a.Year, b.Year)
	case sameShape && a.Day == 0 && a.Year == b.Year:
		return fmt.Sprintf("%s–%s %d", month(a.Month), month(b.Month), a.Year)
	case sameShape && a.Day > 0 && a.Year == b.Year && a.Month == b.Month:
		return fmt.Sprintf("%d–%d %s %d", a.Day, b.Day, month(a.Month), a.Year)
	case sameShape && a.Day > 0 && a.Year == b.Year:
		return fmt.Sprintf("%d %s – %d %s %d", a.Day, month(a.Month), b.Day, month(b.Month), a.Year)
	}
	return a.Human() + " – " + b.Human()
}

// First is the first day d covers: 2019 → 2019-01-01, 2019-06 → 2019-06-01.
func (d Date) First() Date {
	f := d
	if f.Month == 0 {
		f.Month = 1
	}
	if f.Day == 0 {
		f.Day = 1
	}
	return f
}

// Last is the last day d covers: 2019 → 2019-12-31, 2019-02 → 2019-02-28.
func (d Date) Last() Date {
	l := d
	if l.Month == 0 {
		l.Month = 12
	}
	if l.Day == 0 {
		l.Day = daysIn(l.Year, l.Month)
	}
	return l
}

// Compare orders dates by the first day they cover, then coarser before
// finer, so that a sort is total and stable.
func (d Date) Compare(e Date) int {
	a, b := d.First(), e.First()
	if c := cmpInt(a.ordinal(), b.ordinal()); c != 0 {
		return c
	}
	return cmpInt(d.precision(), e.precision())
}

// Before reports whether every day d covers comes before every day e covers.
func (d Date) Before(e Date) bool { return d.Last().ordinal() < e.First().ordinal() }

// AddYears moves d by n years, keeping its precision (29 Feb becomes 28 Feb).
func (d Date) AddYears(n int) Date {
	r := d
	r.Year += n
	if r.Day > 0 && r.Day > daysIn(r.Year, r.Month) {
		r.Day = daysIn(r.Year, r.Month)
	}
	return r
}

func (d Date) ordinal() int { return d.Year*10000 + d.Month*100 + d.Day }

func (d Date) precision() int {
	switch {
	case d.Month == 0:
		return 0
	case d.Day == 0:
		return 1
	}
	return 2
}

func cmpInt(a, b int) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

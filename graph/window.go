package graph

import (
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"
)

// Window is a calendar look-back: so many years, months and days. Under an
// as-of snapshot it says how long an event (a summit, a visit) keeps
// shaping a relation. Calendar units are kept apart because a month or a
// year has no fixed number of days: 18 months before 31 August is the last
// day of February, not 547 days.
type Window struct {
	Years, Months, Days int
}

// DefaultWindow is the look-back for events under an as-of snapshot: a
// summit two years ago still shapes a relation, one ten years ago no
// longer does.
var DefaultWindow = Window{Years: 2}

// maxWindowPart bounds each number of a window: no look-back reaches past
// the years a Date can hold.
const maxWindowPart = 9999

var windowRe = regexp.MustCompile(`^(?:([0-9]+)y)?(?:([0-9]+)m)?(?:([0-9]+)d)?$`)

// ParseWindow reads a look-back: a number and a unit, y (years), m
// (months) or d (days), several in that order (1y6m), or a bare number of
// years (2, as written before units existed). An error says what is
// wrong and reads after the value ("2x" is not a duration …): the caller
// names where the value came from.
func ParseWindow(s string) (Window, error) {
	t := strings.ToLower(strings.TrimSpace(s))
	if t == "" {
		return Window{}, fmt.Errorf("is empty")
	}
	if strings.TrimLeft(t, "0123456789") == "" {
		n, err := strconv.Atoi(t)
		if err != nil || n > maxWindowPart {
			return Window{}, fmt.Errorf("is too long: at most %d years", maxWindowPart)
		}
		return Window{Years: n}, nil
	}
	if strings.HasPrefix(t, "-") {
		return Window{}, fmt.Errorf("is negative: a look-back is 0 or more")
	}
	m := windowRe.FindStringSubmatch(t)
	if m == nil {
		return Window{}, fmt.Errorf("is not a duration: write numbers with units y (years), m (months), d (days), in that order")
	}
	var w Window
	for i, into := range []*int{&w.Years, &w.Months, &w.Days} {
		if m[i+1] == "" {
			continue
		}
		n, err := strconv.Atoi(m[i+1])
		if err != nil || n > maxWindowPart {
			return Window{}, fmt.Errorf("is too long: at most %d of each unit", maxWindowPart)
		}
		*into = n
	}
	return w, nil
}

// IsZero reports whether the window looks back no time at all: only
// events on the snapshot's own day count.
func (w Window) IsZero() bool { return w == Window{} }

// String writes the window as ParseWindow reads it: 2y, 18m, 1y6m, 90d,
// or 0 for none.
func (w Window) String() string {
	if w.IsZero() {
		return "0"
	}
	var b strings.Builder
	for _, p := range []struct {
		n    int
		unit string
	}{{w.Years, "y"}, {w.Months, "m"}, {w.Days, "d"}} {
		if p.n != 0 {
			fmt.Fprintf(&b, "%d%s", p.n, p.unit)
		}
	}
	return b.String()
}

// Human writes the window for a figure's text: "2 years", "year",
// "18 months", "1 year and 6 months", "90 days", "0 days". It reads after
// "in the … before it".
func (w Window) Human() string {
	if w.IsZero() {
		return "0 days"
	}
	if w == (Window{Years: 1}) {
		return "year"
	}
	var parts []string
	for _, p := range []struct {
		n         int
		one, many string
	}{{w.Years, "year", "years"}, {w.Months, "month", "months"}, {w.Days, "day", "days"}} {
		switch {
		case p.n == 1:
			parts = append(parts, "1 "+p.one)
		case p.n > 1:
			parts = append(parts, fmt.Sprintf("%d %s", p.n, p.many))
		}
	}
	if len(parts) == 1 {
		return parts[0]
	}
	return strings.Join(parts[:len(parts)-1], ", ") + " and " + parts[len(parts)-1]
}

// Start is the first day of the look-back that ends on day (a day-precision
// date, or the last day of a coarser one): years and months are counted
// back on the calendar, a day past the end of the month landing on its
// last day (31 August less 6 months is 28 or 29 February), and then the
// days. An event whose last day is on or after Start is within the window.
func (w Window) Start(day Date) Date {
	d := day.Last()
	months := d.Year*12 + (d.Month - 1) - (w.Years*12 + w.Months)
	if months < 0 { // before year 0: earlier than any record can be
		return Date{Year: -1, Month: 1, Day: 1}
	}
	y, m := months/12, months%12+1
	t := time.Date(y, time.Month(m), min(d.Day, daysIn(y, m)), 0, 0, 0, 0, time.UTC)
	t = t.AddDate(0, 0, -w.Days)
	return Date{Year: t.Year(), Month: int(t.Month()), Day: t.Day()}
}

// Every is the dates of a timeline one step apart over a period: end (its
// last day), then a step before it, two steps, and so on back to start
// (its first day), returned earliest first, so that the last date shows the
// latest state. Steps are counted back on the calendar as Start counts
// them (31 March less a month is the last day of February). ok is false
// when there would be more than max dates. A zero step gives end alone.
func Every(start, end Date, step Window, max int) (dates []Date, ok bool) {
	first := start.First()
	for k := 0; ; k++ {
		d := Window{Years: k * step.Years, Months: k * step.Months, Days: k * step.Days}.Start(end)
		if d.Before(first) || d.Year < 1000 {
			break
		}
		dates = append(dates, d)
		if len(dates) > max {
			return nil, false
		}
		if step.IsZero() {
			break
		}
	}
	slices.Reverse(dates)
	return dates, true
}

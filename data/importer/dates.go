package importer

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/dipgraph/dipgraph/graph"
)

// months are English month names and their three-letter abbreviations.
var months = map[string]int{
	"jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3, "apr": 4, "april": 4, "may": 5,
	"jun": 6, "june": 6, "jul": 7, "july": 7, "aug": 8, "august": 8, "sep": 9, "sept": 9, "september": 9,
	"oct": 10, "october": 10, "nov": 11, "november": 11, "dec": 12, "december": 12,
}

// DateOrders are the values of CSVOptions.DateOrder.
var DateOrders = []string{"dmy", "mdy"}

// parseDate reads the date formats spreadsheets produce, keeping the
// precision written:
//
//	2025, 2025-09, 2025-09-03, 2025/09/03, 2025.09.03, 20250903
//	2025-09-03T10:00:00Z and 2025-09-03 10:00 (the time is dropped)
//	03.09.2025, 3/9/2025, 9/3/2025 (day-month or month-day: see order)
//	09/2025, 9.2025
//	3 Sep 2025, 3 September 2025, Sep 3, 2025, September 2025, Sep-2025
//
// order ("dmy" or "mdy") settles numeric dates whose first two numbers
// could both be a day or a month; without it such a date is an error, as
// reading 03/09/2025 as either would be a guess.
func parseDate(v, order string) (graph.Date, error) {
	s := strings.TrimSpace(v)
	if s == "" {
		return graph.Date{}, fmt.Errorf("empty date")
	}
	// An ISO date with a time: drop the time.
	if len(s) > 10 && (s[10] == 'T' || s[10] == ' ') && s[4] == '-' {
		s = s[:10]
	}
	if d, err := graph.ParseDate(s); err == nil {
		return d, nil
	}
	if isDigits(s) {
		switch len(s) {
		case 8:
			return ymd(v, s[:4], s[4:6], s[6:])
		case 6:
			return ymd(v, s[:4], s[4:], "")
		}
		return graph.Date{}, dateErr(v)
	}
	// Words: month names.
	fields := strings.FieldsFunc(strings.ToLower(s), func(r rune) bool { return r == ' ' || r == ',' || r == '-' || r == '.' || r == '/' })
	hasWord := false
	for _, f := range fields {
		if !isDigits(f) {
			hasWord = true
		}
	}
	if hasWord {
		year, month, day := "", 0, ""
		for _, f := range fields {
			switch {
			case months[strings.TrimSuffix(f, ".")] > 0 && month == 0:
				month = months[strings.TrimSuffix(f, ".")]
			case isDigits(f) && len(f) == 4 && year == "":
				year = f
			case isDigits(strings.TrimRight(f, "stndrh")) && len(f) <= 4 && day == "":
				day = strings.TrimRight(f, "stndrh") // 3rd, 21st
			default:
				return graph.Date{}, dateErr(v)
			}
		}
		if year == "" || month == 0 {
			return graph.Date{}, dateErr(v)
		}
		return ymd(v, year, fmt.Sprint(month), day)
	}
	// Numbers separated by / . or -.
	sep := strings.IndexAny(s, "/.-")
	if sep < 0 {
		return graph.Date{}, dateErr(v)
	}
	parts := strings.Split(s, s[sep:sep+1])
	for _, p := range parts {
		if !isDigits(p) {
			return graph.Date{}, dateErr(v)
		}
	}
	switch {
	case len(parts) == 3 && len(parts[0]) == 4: // 2025/09/03
		return ymd(v, parts[0], parts[1], parts[2])
	case len(parts) == 2 && len(parts[0]) == 4: // 2025/09
		return ymd(v, parts[0], parts[1], "")
	case len(parts) == 2 && len(parts[1]) == 4: // 09/2025
		return ymd(v, parts[1], parts[0], "")
	case len(parts) == 3 && len(parts[2]) == 4: // 03.09.2025, 9/3/2025
		a, _ := strconv.Atoi(parts[0])
		b, _ := strconv.Atoi(parts[1])
		switch {
		case s[sep] == '.': // dotted dates are day first everywhere
			return ymd(v, parts[2], parts[1], parts[0])
		case order == "dmy" || (order == "" && a > 12 && b <= 12):
			return ymd(v, parts[2], parts[1], parts[0])
		case order == "mdy" || (order == "" && b > 12 && a <= 12):
			return ymd(v, parts[2], parts[0], parts[1])
		case a == b:
			return ymd(v, parts[2], parts[0], parts[1])
		}
		return graph.Date{}, fmt.Errorf("date %q could be day-month or month-day: give --date-order dmy or mdy, or write YYYY-MM-DD", v)
	}
	return graph.Date{}, dateErr(v)
}

func dateErr(v string) error {
	return fmt.Errorf("%q is not a date dipgraph can read", v)
}

// ymd assembles a date from its parts, checking ranges.
func ymd(orig, y, m, d string) (graph.Date, error) {
	s := y
	if m != "" {
		mi, _ := strconv.Atoi(m)
		s += fmt.Sprintf("-%02d", mi)
	}
	if d != "" {
		di, _ := strconv.Atoi(d)
		s += fmt.Sprintf("-%02d", di)
	}
	date, err := graph.ParseDate(s)
	if err != nil {
		// graph's message names the rebuilt date: `date "2025-13": month
		// 13 is …`; name the cell's text instead.
		msg := err.Error()
		if _, detail, ok := strings.Cut(msg, ": "); ok {
			msg = detail
		} else {
			msg = "is not a date dipgraph can read"
			return graph.Date{}, fmt.Errorf("%q %s", orig, msg)
		}
		return graph.Date{}, fmt.Errorf("%q: %s", orig, msg)
	}
	return date, nil
}

func isDigits(s string) bool {
	return s != "" && strings.Trim(s, "0123456789") == ""
}

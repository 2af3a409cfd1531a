package data

import "strings"

// Formula-safe cells. A spreadsheet that opens a CSV file reads a cell
// starting with '=', '+', '-' or '@' as a formula, and some read one
// starting with a tab or a carriage return the same way after dropping it
// ("CSV injection", OWASP): text from an imported dataset such as
// `=HYPERLINK("http://…")` or `+cmd|' /C calc'!A0` would run when the sheet
// is opened. Every CSV cell dipgraph writes goes through ProtectCell, which
// starts such a cell with a single quote, the spreadsheets' own mark for
// "this is text"; import --from csv takes the mark off again with
// UnprotectCell, so that export then import gives back the text exactly.
//
// The rule, in both directions:
//
//   - A cell is a formula risk when it starts with '=', '+', '-', '@', a
//     tab or a carriage return — except a plain number (-5, +2.5, -1e3)
//     and a lone '+' or '-', which no spreadsheet reads as a formula.
//   - ProtectCell puts one ' before a cell that is a formula risk, and
//     before a cell that already is a protected cell (a ' followed by a
//     risk, or by such a cell), so that the mark itself survives.
//   - UnprotectCell takes one ' off a cell when what follows is a formula
//     risk or a protected cell; any other cell is read as written. A plain
//     'quote at the start of other text (it's) stays.

// formulaRisk reports whether a spreadsheet may read s as a formula.
func formulaRisk(s string) bool {
	if s == "" {
		return false
	}
	switch s[0] {
	case '=', '@', '\t', '\r':
		return true
	case '+', '-':
		return len(s) > 1 && !plainNumber(s)
	}
	return false
}

// protected reports whether s is a cell ProtectCell has marked: one or
// more quotes followed by a formula risk.
func protected(s string) bool {
	rest := strings.TrimLeft(s, "'")
	return len(rest) < len(s) && formulaRisk(rest)
}

// ProtectCell returns the text of a CSV cell as it is written: s, or s
// after a single quote when a spreadsheet could read s as a formula (see
// the rule above).
func ProtectCell(s string) string {
	if formulaRisk(s) || protected(s) {
		return "'" + s
	}
	return s
}

// UnprotectCell reverses ProtectCell: UnprotectCell(ProtectCell(s)) == s
// for every s.
func UnprotectCell(s string) string {
	if strings.HasPrefix(s, "'") && (formulaRisk(s[1:]) || protected(s[1:])) {
		return s[1:]
	}
	return s
}

// plainNumber reports whether s is a decimal number with an optional sign,
// fraction and exponent, as a spreadsheet reads a number (no formula).
func plainNumber(s string) bool {
	i := 0
	if i < len(s) && (s[i] == '+' || s[i] == '-') {
		i++
	}
	digits := 0
	for ; i < len(s) && s[i] >= '0' && s[i] <= '9'; i++ {
		digits++
	}
	if i < len(s) && s[i] == '.' {
		i++
		for ; i < len(s) && s[i] >= '0' && s[i] <= '9'; i++ {
			digits++
		}
	}
	if digits == 0 {
		return false
	}
	if i < len(s) && (s[i] == 'e' || s[i] == 'E') {
		i++
		if i < len(s) && (s[i] == '+' || s[i] == '-') {
			i++
		}
		exp := 0
		for ; i < len(s) && s[i] >= '0' && s[i] <= '9'; i++ {
			exp++
		}
		if exp == 0 {
			return false
		}
	}
	return i == len(s)
}

package data

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
)

// Pos is a place in a data file. Line and Col count from 1; zero means the
// problem concerns the whole file.
type Pos struct {
	File      string
	Line, Col int
}

func (p Pos) String() string {
	if p.Line == 0 {
		return p.File
	}
	return fmt.Sprintf("%s:%d:%d", p.File, p.Line, p.Col)
}

// Problem is one thing wrong with the data, at a place, with a hint on how
// to fix it.
type Problem struct {
	Pos  Pos
	Msg  string
	Hint string
}

// String is the problem as a line of text, "file:line:col: message; hint",
// with long values in it shortened (ClipMessage).
func (p Problem) String() string {
	s := p.Pos.String() + ": " + p.Msg
	if p.Hint != "" {
		s += "; " + p.Hint
	}
	return ClipMessage(s)
}

// Problems is every problem found, and is the error Load returns when the
// data is invalid.
type Problems []Problem

// Error lists the problems one per line, sorted by file and position.
func (ps Problems) Error() string {
	ps.Sort()
	lines := make([]string, len(ps))
	for i, p := range ps {
		lines[i] = p.String()
	}
	return strings.Join(lines, "\n")
}

// Sort orders problems by file, line, column and message, and drops exact
// duplicates.
func (ps *Problems) Sort() {
	slices.SortFunc(*ps, func(a, b Problem) int {
		return cmp.Or(cmp.Compare(a.Pos.File, b.Pos.File), cmp.Compare(a.Pos.Line, b.Pos.Line),
			cmp.Compare(a.Pos.Col, b.Pos.Col), cmp.Compare(a.Msg, b.Msg))
	})
	*ps = slices.Compact(*ps)
}

func (ps *Problems) add(at Pos, hint, format string, args ...any) {
	*ps = append(*ps, Problem{Pos: at, Msg: fmt.Sprintf(format, args...), Hint: hint})
}

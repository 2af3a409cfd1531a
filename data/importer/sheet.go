package importer

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"
	"golang.org/x/text/transform"

	"github.com/dipgraph/dipgraph/data"
)

// Encoding is how a file's bytes become text.
type Encoding int

const (
	// UTF8 text, with or without a byte order mark; a UTF-16 file with a
	// byte order mark (Excel's "Unicode text") is read too. Bytes that are
	// not UTF-8 are an error naming the row and column.
	UTF8 Encoding = iota
	// Latin1 is ISO 8859-1 read as its superset Windows-1252.
	Latin1
	// latin1OrUTF8 reads each field as UTF-8 when it is valid UTF-8 and as
	// Windows-1252 otherwise: for files documented as Latin-1 that someone
	// may have re-saved as UTF-8.
	latin1OrUTF8
)

// sheet reads a delimited text file row by row, keeping the row number
// for messages. Rows count from 1, the header being row 1; columns count
// from 1, as a spreadsheet numbers them.
type sheet struct {
	r      *run
	name   string
	cr     *csv.Reader
	enc    Encoding
	header []string       // the header's cells as written
	index  map[string]int // lower-cased header → column
	row    int            // the current row's number
	rec    []string       // the current row's cells
	comma  rune
	// spreadsheet marks a sheet in dipgraph's own layout (import --from
	// csv): its cells keep every character but the spaces around them, and
	// lose the quote export puts before a cell a spreadsheet could read as
	// a formula (data.UnprotectCell).
	spreadsheet bool
	limit       *rowLimit
}

// MaxRow is the longest row a sheet may have, in bytes. A longer one
// fails the import at its row: encoding/csv holds a whole row, and more,
// in memory — a 200 MB cell took over 6 GB — and no dataset's row is
// anywhere near this long (an unclosed quote, which makes the rest of the
// file one cell, is the likely cause).
const MaxRow = 1 << 20

// errRowTooLong is rowLimit's error.
var errRowTooLong = errors.New("row too long")

// rowLimit passes a sheet's bytes to the CSV reader and fails once more
// than limit bytes (and the reader's look-ahead) have been read since the
// current row began: start is the row's offset, which the sheet updates
// after each row.
type rowLimit struct {
	r           io.Reader
	read, start int64
	limit       int64
}

// rowSlack allows for encoding/csv's read-ahead (its buffer is 4 KiB).
const rowSlack = 64 << 10

func (l *rowLimit) Read(p []byte) (int, error) {
	if l.read-l.start > l.limit+rowSlack {
		return 0, errRowTooLong
	}
	n, err := l.r.Read(p)
	l.read += int64(n)
	return n, err
}

// tooLong is the problem of a row over MaxRow, which ends the import: the
// rest of the row cannot be told from the rows after it.
func (s *sheet) tooLong(row int) error {
	return problemErr(data.Pos{File: s.name, Line: row, Col: 1},
		fmt.Sprintf("row %d is longer than %s, the most a row may hold", row, data.FormatSize(MaxRow)),
		"check for a quote that is opened and never closed (it makes the rest of the file one cell); a cell this long is no dataset's")
}

// openSheet starts reading f. comma 0 guesses the delimiter from the first
// line (comma, semicolon or tab). The first row is read as the header.
func openSheet(r *run, f File, comma rune, enc Encoding, lazyQuotes bool) (*sheet, error) {
	br := bufio.NewReaderSize(f.R, 64<<10)
	var src io.Reader = br
	head, _ := br.Peek(4)
	switch {
	case bytes.HasPrefix(head, []byte("\xef\xbb\xbf")):
		br.Discard(3)
	case bytes.HasPrefix(head, []byte("\xff\xfe")), bytes.HasPrefix(head, []byte("\xfe\xff")):
		if enc != UTF8 {
			return nil, problemErr(data.Pos{File: f.Name, Line: 1, Col: 1}, "the file is UTF-16 text, not Latin-1", "save it as CSV (UTF-8) or as the original tab-separated Latin-1 text")
		}
		utf16 := unicode.BOMOverride(unicode.UTF8.NewDecoder())
		br = bufio.NewReaderSize(transform.NewReader(br, utf16), 64<<10)
		src = br
	}
	if comma == 0 {
		comma = guessComma(br)
	}
	limit := &rowLimit{r: src, limit: MaxRow}
	cr := csv.NewReader(limit)
	cr.Comma = comma
	cr.FieldsPerRecord = -1
	cr.ReuseRecord = true
	cr.LazyQuotes = lazyQuotes
	s := &sheet{r: r, name: f.Name, cr: cr, enc: enc, comma: comma, limit: limit}
	rec, err := cr.Read()
	if err == io.EOF {
		return nil, problemErr(data.Pos{File: f.Name}, "the file is empty", "a sheet starts with a header row naming its columns")
	}
	if errors.Is(err, errRowTooLong) {
		return nil, s.tooLong(1)
	}
	limit.start = cr.InputOffset()
	if err != nil {
		var pe *csv.ParseError
		if errors.As(err, &pe) {
			return nil, problemErr(data.Pos{File: f.Name, Line: pe.Line, Col: 1}, fmt.Sprintf("the header row is not valid CSV: %v", pe.Err), "check the quotes in the first line")
		}
		return nil, fmt.Errorf("%s: cannot read: %w", f.Name, err)
	}
	s.row = 1
	s.header = make([]string, len(rec))
	s.index = map[string]int{}
	for i, h := range rec {
		h, ok := s.decode(h, i)
		if !ok {
			return nil, r.errors()
		}
		h = strings.TrimSpace(strings.TrimPrefix(h, "\ufeff"))
		s.header[i] = h
		if _, dup := s.index[strings.ToLower(h)]; !dup {
			s.index[strings.ToLower(h)] = i
		}
	}
	return s, nil
}

// guessComma picks the delimiter that occurs most often in the first line,
// outside quotes: comma, semicolon (Excel in many European locales) or tab.
func guessComma(br *bufio.Reader) rune {
	peek, _ := br.Peek(64 << 10)
	if i := bytes.IndexByte(peek, '\n'); i >= 0 {
		peek = peek[:i]
	}
	counts := map[byte]int{}
	quoted := false
	for _, c := range peek {
		switch {
		case c == '"':
			quoted = !quoted
		case !quoted && (c == ',' || c == ';' || c == '\t'):
			counts[c]++
		}
	}
	best := byte(',')
	for _, c := range []byte{'\t', ';'} {
		if counts[c] > counts[best] {
			best = c
		}
	}
	return rune(best)
}

// problemErr is a single problem as an error.
func problemErr(at data.Pos, msg, hint string) error {
	return data.Problems{{Pos: at, Msg: msg, Hint: hint}}
}

// col returns the column of a header name (any case), or -1.
func (s *sheet) col(name string) int {
	if i, ok := s.index[strings.ToLower(name)]; ok {
		return i
	}
	return -1
}

// require fails the import unless every named column is in the header.
func (s *sheet) require(names ...string) bool {
	ok := true
	for _, n := range names {
		if s.col(n) < 0 {
			s.r.fail(data.Problem{Pos: data.Pos{File: s.name, Line: 1, Col: len(s.header) + 1},
				Msg:  fmt.Sprintf("missing column %q%s", n, suggestColumn(n, s.header)),
				Hint: "the header row has: " + s.headerList()})
			ok = false
		}
	}
	return ok
}

// next reads the next row that has as many cells as the header and only
// text in the file's encoding; other rows are reported and passed over.
// It returns false at the end of the file.
// each calls row for every row of the sheet (as next reads them), and
// returns next's error, if any.
func (s *sheet) each(row func()) error {
	for {
		ok, err := s.next()
		if err != nil || !ok {
			return err
		}
		row()
	}
}

func (s *sheet) next() (bool, error) {
	for {
		rec, err := s.cr.Read()
		if err == io.EOF {
			return false, nil
		}
		s.row++
		if errors.Is(err, errRowTooLong) {
			return false, s.tooLong(s.row)
		}
		if s.limit != nil {
			s.limit.start = s.cr.InputOffset()
		}
		if err != nil {
			var pe *csv.ParseError
			if !errors.As(err, &pe) {
				return false, fmt.Errorf("%s: cannot read: %w", s.name, err)
			}
			s.r.rows++
			s.r.skip(data.Problem{Pos: data.Pos{File: s.name, Line: s.row, Col: 1},
				Msg: fmt.Sprintf("row is not valid CSV: %v (line %d, byte %d)", pe.Err, pe.Line, pe.Column), Hint: "check the quotes in this row"})
			continue
		}
		if len(rec) == 1 && rec[0] == "" && len(s.header) > 1 {
			continue // a blank line
		}
		s.r.rows++
		ok := true
		for i := range rec {
			if rec[i], ok = s.decode(rec[i], i); !ok {
				break
			}
		}
		if !ok {
			continue
		}
		if len(rec) != len(s.header) {
			col := min(len(rec), len(s.header)) + 1
			s.r.skip(data.Problem{Pos: data.Pos{File: s.name, Line: s.row, Col: col},
				Msg:  fmt.Sprintf("row has %d cells, the header has %d", len(rec), len(s.header)),
				Hint: fmt.Sprintf("every row needs one cell per column; check for a stray or missing %s", commaName(s.comma))})
			continue
		}
		s.rec = rec
		return true, nil
	}
}

func commaName(c rune) string {
	switch c {
	case '\t':
		return "tab"
	case ';':
		return "semicolon"
	}
	return "comma (quote cells that contain one)"
}

// decode turns a cell's bytes into text. In a UTF-8 file, bytes that are
// not UTF-8 fail the import: the file was saved in another encoding.
func (s *sheet) decode(v string, i int) (string, bool) {
	switch s.enc {
	case Latin1:
		return latin1(v), true
	case latin1OrUTF8:
		if utf8.ValidString(v) {
			return v, true
		}
		return latin1(v), true
	}
	if utf8.ValidString(v) {
		return v, true
	}
	s.r.fail(data.Problem{Pos: s.pos(i), Msg: "text is not UTF-8 (the file looks like Latin-1 or Windows-1252)",
		Hint: "save the sheet as \"CSV UTF-8\", or give --encoding latin1"})
	return "", false
}

func latin1(v string) string {
	out, err := charmap.Windows1252.NewDecoder().String(v)
	if err != nil {
		return strings.ToValidUTF8(v, "\uFFFD")
	}
	return out
}

// get returns the current row's cell in the named column, trimmed; ""
// when the sheet has no such column. A spreadsheet's cell is trimmed of
// spaces only (a tab, a carriage return or a no-break space at either end
// is text the data holds) and loses the formula-guarding quote that export
// puts before it.
func (s *sheet) get(name string) string {
	i := s.col(name)
	switch {
	case i < 0:
		return ""
	case s.spreadsheet:
		return data.UnprotectCell(strings.Trim(s.rec[i], " "))
	}
	return strings.TrimSpace(s.rec[i])
}

// at returns the position of the current row's cell in the named column.
func (s *sheet) at(name string) data.Pos {
	if i := s.col(name); i >= 0 {
		return s.pos(i)
	}
	return data.Pos{File: s.name, Line: s.row, Col: 1}
}

func (s *sheet) pos(i int) data.Pos { return data.Pos{File: s.name, Line: s.row, Col: i + 1} }

// bad reports a cell that makes the current row unusable.
func (s *sheet) bad(col, hint, format string, args ...any) {
	s.r.skip(data.Problem{Pos: s.at(col), Msg: fmt.Sprintf("column %s: ", col) + fmt.Sprintf(format, args...), Hint: hint})
}

// headerList is the header's cells for a message: each cut to
// data.MaxQuoted characters, and the first 40 of them.
func (s *sheet) headerList() string {
	const most = 40
	var cells []string
	for i, h := range s.header {
		if i == most {
			cells = append(cells, fmt.Sprintf("… and %d more", len(s.header)-most))
			break
		}
		cells = append(cells, data.ClipValue(h))
	}
	return strings.Join(cells, ", ")
}

// suggestColumn proposes a header that looks like the missing column.
func suggestColumn(want string, header []string) string {
	for _, h := range header {
		if strings.EqualFold(strings.ReplaceAll(h, "_", ""), strings.ReplaceAll(want, "_", "")) {
			return fmt.Sprintf(" (is it %q?)", h)
		}
	}
	return ""
}

package data

import (
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"
)

// Messages quote the values they are about, and a value can be megabytes
// long: a 20 MB header cell, a 5 MB bad date. ClipMessage is the one place
// that keeps them short: every message dipgraph prints goes through it
// (Problem.String, and the command line's standard error), so that a
// message shows the start of a long value and says how long it is.

// MaxQuoted is how many characters of a quoted value a message shows.
const MaxQuoted = 80

// MaxLine is how many characters one line of a message may have; the rest
// of a longer line is cut and counted.
const MaxLine = 2000

// ClipValue cuts s to MaxQuoted characters, the last of them "…", for a
// message that shows a value without quotes.
func ClipValue(s string) string {
	if len(s) <= MaxQuoted {
		return s
	}
	n, cut := 0, 0
	for i := range s {
		if n == MaxQuoted-1 {
			cut = i
		}
		if n == MaxQuoted {
			return s[:cut] + "…"
		}
		n++
	}
	return s
}

// ClipMessage shortens every quoted value in msg (text in double quotes,
// as %q writes it) that is longer than MaxQuoted characters to its first
// MaxQuoted-1 characters and "…", followed by its full length, and cuts each
// line longer than MaxLine characters. It runs in time linear in msg.
func ClipMessage(msg string) string {
	if !needsClip(msg) {
		return msg
	}
	var b strings.Builder
	lineRunes := 0
	for i := 0; i < len(msg); {
		c := msg[i]
		switch {
		case c == '\n':
			b.WriteByte(c)
			i++
			lineRunes = 0
			continue
		case lineRunes >= MaxLine:
			// Skip to the end of the line and say how much was left out.
			end := strings.IndexByte(msg[i:], '\n')
			if end < 0 {
				end = len(msg) - i
			}
			fmt.Fprintf(&b, "… (%d more characters)", utf8.RuneCountInString(msg[i:i+end]))
			i += end
			continue
		case c == '"':
			if end := closingQuote(msg, i); end > 0 {
				lit := msg[i : end+1]
				if len(lit)-2 > MaxQuoted {
					lit = clipQuoted(lit)
				}
				b.WriteString(lit)
				lineRunes += utf8.RuneCountInString(lit)
				i = end + 1
				continue
			}
		}
		_, size := utf8.DecodeRuneInString(msg[i:])
		b.WriteString(msg[i : i+size])
		i += size
		lineRunes++
	}
	return b.String()
}

// needsClip reports cheaply whether msg could need clipping: it is longer
// than the shortest text that does.
func needsClip(msg string) bool {
	if len(msg) <= MaxQuoted+2 {
		return false
	}
	start := 0
	for start < len(msg) {
		end := strings.IndexByte(msg[start:], '\n')
		if end < 0 {
			end = len(msg) - start
		}
		line := msg[start : start+end]
		if len(line) > MaxLine || (len(line) > MaxQuoted+2 && strings.Count(line, `"`) >= 2) {
			return true
		}
		start += end + 1
	}
	return false
}

// closingQuote returns the index of the quote that closes the one at
// msg[open], honouring backslash escapes, or -1 when the line ends first.
func closingQuote(msg string, open int) int {
	for j := open + 1; j < len(msg); j++ {
		switch msg[j] {
		case '\\':
			j++
		case '"':
			return j
		case '\n':
			return -1
		}
	}
	return -1
}

// clipQuoted shortens a quoted literal. A Go-quoted one is cut by the
// characters of the text it stands for and quoted again; any other is cut
// as written, never inside an escape.
func clipQuoted(lit string) string {
	if text, err := strconv.Unquote(lit); err == nil {
		n := utf8.RuneCountInString(text)
		if n <= MaxQuoted {
			return lit
		}
		return strconv.Quote(ClipValue(text)) + fmt.Sprintf(" (%d characters)", n)
	}
	inner := lit[1 : len(lit)-1]
	cut := ClipValue(inner)
	if cut == inner {
		return lit
	}
	cut = strings.TrimSuffix(cut, "…")
	if trailing := len(cut) - len(strings.TrimRight(cut, `\`)); trailing%2 == 1 {
		cut = cut[:len(cut)-1]
	}
	return `"` + cut + `…" (` + strconv.Itoa(utf8.RuneCountInString(inner)) + " characters)"
}

package data

import (
	"strconv"
	"strings"
	"testing"
	"time"
	"unicode/utf8"
)

func TestClipMessage(t *testing.T) {
	long := strings.Repeat("z", 5000)
	cut := strings.Repeat("z", MaxQuoted-1) + "…"
	ctl := strings.Repeat("\x01é", 3000)
	for _, c := range []struct{ in, want string }{
		{`unknown entity "abc"`, `unknown entity "abc"`},
		{`date "` + long + `" is not a date`, `date "` + cut + `" (5000 characters) is not a date`},
		{`two "` + long + `" and "` + long + `"`, `two "` + cut + `" (5000 characters) and "` + cut + `" (5000 characters)`},
		{`quoted ` + strconv.Quote(ctl), `quoted ` + strconv.Quote(string([]rune(ctl)[:MaxQuoted-1])+"…") + ` (6000 characters)`},
		// Not Go syntax: cut as written, not inside an escape.
		{`raw "` + strings.Repeat(`\q`, 100) + `"`, `raw "` + strings.Repeat(`\q`, 39) + `…" (200 characters)`},
		// An exact 80 is kept; a clipped message is clipped no further.
		{`x "` + strings.Repeat("y", MaxQuoted) + `"`, `x "` + strings.Repeat("y", MaxQuoted) + `"`},
		{`x "` + cut + `" (5000 characters)`, `x "` + cut + `" (5000 characters)`},
		{"an unclosed \"" + long, "an unclosed \"" + long[:MaxLine-13] + "… (" + strconv.Itoa(5000-(MaxLine-13)) + " more characters)"},
		{"line one \"" + long + "\"\nline two", "line one \"" + cut + "\" (5000 characters)\nline two"},
	} {
		if got := ClipMessage(c.in); got != c.want {
			t.Errorf("ClipMessage(%.60q…)\n got %q\nwant %q", c.in, got, c.want)
		}
	}
	if got := ClipValue(long); utf8.RuneCountInString(got) != MaxQuoted || !strings.HasSuffix(got, "…") {
		t.Errorf("ClipValue: %q", got)
	}
}

// TestClipMessageLinear: a 20 MB message, full of quotes that open and
// never close, is clipped in well under a second.
func TestClipMessageLinear(t *testing.T) {
	msg := strings.Repeat(`a "b \" c`, 2<<20)
	start := time.Now()
	got := ClipMessage(msg)
	if d := time.Since(start); d > 2*time.Second {
		t.Errorf("took %v", d)
	}
	if len(got) > MaxLine*4 {
		t.Errorf("%d bytes left", len(got))
	}
}

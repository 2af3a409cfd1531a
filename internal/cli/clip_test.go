package cli

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestHugeValuesClipped: a multi-megabyte value in a flag, a data file or
// a sheet is quoted in the message by its first 80 characters and its
// length, not echoed whole (5 MB bad values gave 15.7 MB of messages).
func TestHugeValuesClipped(t *testing.T) {
	dir := t.TempDir()
	huge := strings.Repeat("q", 5<<20)
	write := func(name, text string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	data := write("huge.yaml", "dipgraph: 1\nid: h\ntitle: H\nsources: [{id: s, title: S}]\n"+
		"entities: [{id: a, kind: country, name: A}, {id: b, kind: "+huge+", name: B}]\n"+
		"relations: [{type: summit, between: [a, "+huge+"], source: s, date: "+huge+"}]\n")
	// A sheet's row may hold 1 MiB: a bad cell just under that.
	sheet := write("huge.csv", "type,from,to,date,source\nsummit,a,b,"+huge[:1000000]+",s\n")
	for _, c := range []struct {
		name string
		args []string
		code int
		n    int // the value's length
	}{
		{"flag", []string{"import", "--from", huge, "x.csv", "-o", filepath.Join(dir, "o.yaml")}, exitUsage, len(huge)},
		{"command", []string{huge}, exitUsage, len(huge)},
		{"data file", []string{"validate", data}, exitData, len(huge)},
		{"sheet", []string{"import", "--from", "csv", sheet, "-o", filepath.Join(dir, "o.yaml")}, exitOK, 1000000},
	} {
		t.Run(c.name, func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			code := Run(context.Background(), c.args, strings.NewReader(""), &stdout, &stderr)
			if code != c.code {
				t.Errorf("exit %d, want %d:\n%.2000s", code, c.code, stderr.String())
			}
			if stderr.Len() > 4000 {
				t.Errorf("%d bytes of messages:\n%.2000s", stderr.Len(), stderr.String())
			}
			if !strings.Contains(stderr.String(), fmt.Sprintf(`qqq…" (%d characters)`, c.n)) {
				t.Errorf("the value's start and length are not shown:\n%s", stderr.String())
			}
		})
	}
}

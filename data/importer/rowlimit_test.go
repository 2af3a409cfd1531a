package importer

import (
	"errors"
	"io"
	"runtime"
	"strings"
	"testing"

	"github.com/dipgraph/dipgraph/data"
)

// cellReader is a sheet with one cell of n bytes in its second row,
// generated as it is read.
func cellReader(n int64, quoted bool) io.Reader {
	q := ""
	if quoted {
		q = `"`
	}
	return io.MultiReader(strings.NewReader("type,from,to,date,source,note\nsummit,a,b,2025,s,"+q),
		io.LimitReader(repeatReader('x'), n), strings.NewReader(q+"\nsummit,a,c,2025,s,ok\n"))
}

type repeatReader byte

func (r repeatReader) Read(p []byte) (int, error) {
	for i := range p {
		p[i] = byte(r)
	}
	return len(p), nil
}

// TestRowLimit: a row over MaxRow fails the import at its row, having
// held little of it in memory (a 200 MB cell took over 6 GB); a long row
// under the limit is read.
func TestRowLimit(t *testing.T) {
	for _, quoted := range []bool{true, false} {
		var before, after runtime.MemStats
		runtime.ReadMemStats(&before)
		_, err := Import("csv", []File{{Name: "long.csv", R: cellReader(256<<20, quoted)}}, Options{})
		runtime.ReadMemStats(&after)
		var ps data.Problems
		if !errors.As(err, &ps) || len(ps) != 1 || !strings.HasPrefix(ps[0].String(), "long.csv:2:1: row 2 is longer than 1MiB, the most a row may hold") {
			t.Fatalf("quoted %v: got %v", quoted, err)
		}
		if alloc := after.TotalAlloc - before.TotalAlloc; alloc > 32<<20 {
			t.Errorf("quoted %v: %d MB allocated to refuse a 256 MB cell", quoted, alloc>>20)
		}
	}
	// The header row too.
	_, err := Import("csv", []File{{Name: "head.csv", R: io.MultiReader(io.LimitReader(repeatReader('h'), 2<<20), strings.NewReader("\n"))}}, Options{})
	if err == nil || !strings.HasPrefix(err.Error(), "head.csv:1:1: row 1 is longer than 1MiB") {
		t.Errorf("header: got %v", err)
	}
	res, err := Import("csv", []File{{Name: "ok.csv", R: cellReader(MaxRow-100, true)}}, Options{})
	if err != nil || len(res.Dataset.Records) != 2 {
		t.Fatalf("a row just under the limit: %v", err)
	}
	if n := len(res.Dataset.Records[0].Note); n != MaxRow-100 {
		t.Errorf("the note is %d bytes, want %d", n, MaxRow-100)
	}
}

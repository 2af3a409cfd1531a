package cli

import (
	"bytes"
	"context"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dipgraph/dipgraph/data"
)

// realData finds ../shared/data/real from the repository root, or skips.
func realData(t *testing.T) string {
	t.Helper()
	p := filepath.Join(root, "..", "shared", "data", "real")
	if st, err := os.Stat(p); err != nil || !st.IsDir() {
		t.Skip("the real datasets are not here: expected ../shared/data/real beside the repository")
	}
	return p
}

// TestImportRealFiles runs the command on each real dataset, as the
// README's examples do, and loads what it wrote.
func TestImportRealFiles(t *testing.T) {
	dir := realData(t)
	out := t.TempDir()
	for _, c := range []struct {
		args []string
		want string // the summary line
	}{
		{[]string{"--from", "cow-states", "cow/states2016.csv"}, "215 entities, 0 relation records from 243 rows"},
		{[]string{"--from", "mid", "gml/gml-ddy-disputes-2.1.1.csv", "--since", "2003", "--until", "2003"}, "61 entities, 90 relation records from 10330 rows"},
		{[]string{"--from", "gdelt", "gdelt/events2samps.csv"}, "78 entities, 200 relation records from 6090 rows"},
		{[]string{"--from", "archigos", "archigos/arch_annual.txt", "--since", "2003", "--until", "2003", "--countries", "usa,irq,prk"}, "9 entities, 0 relation records from 17686 rows"},
	} {
		t.Run(c.args[1], func(t *testing.T) {
			args := append([]string{"import"}, c.args...)
			args[3] = filepath.Join(dir, args[3])
			path := filepath.Join(out, c.args[1]+".yaml")
			args = append(args, "-o", path)
			var stdout, stderr bytes.Buffer
			if code := Run(context.Background(), args, strings.NewReader(""), &stdout, &stderr); code != exitOK {
				t.Fatalf("exit %d: %s", code, stderr.String())
			}
			if !strings.Contains(stderr.String(), "wrote "+path+": "+c.want+"\n") || stdout.Len() > 0 {
				t.Errorf("stderr: %s", stderr.String())
			}
			if strings.Contains(stderr.String(), "\r") {
				t.Error("a progress bar on a stream that is not a terminal")
			}
			src, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			ds, err := data.Load(data.Input{Name: path, Src: src})
			if err != nil {
				t.Fatal(err)
			}
			if ds.ID != c.args[1] || len(ds.Sources) != 1 {
				t.Errorf("dataset %q with %d sources", ds.ID, len(ds.Sources))
			}
		})
	}
}

func TestProgressBar(t *testing.T) {
	if newProgress(&bytes.Buffer{}).on {
		t.Error("progress on for a buffer")
	}
	var b bytes.Buffer
	p := &progress{w: &b, on: true, total: 3 << 20}
	if _, err := io.Copy(io.Discard, p.reader(strings.NewReader(strings.Repeat("x", 3<<20)))); err != nil {
		t.Fatal(err)
	}
	p.mu.Lock()
	p.draw() // the final state, as the ticker would show it
	p.mu.Unlock()
	p.done()
	s := b.String()
	if !strings.Contains(s, "] 100%  3.0 MB of 3.0 MB") || !strings.HasPrefix(s, "\rimporting [") || !strings.HasSuffix(s, "\r\033[K") {
		t.Errorf("progress output %q", s)
	}
	// Unknown size (standard input): bytes only.
	b.Reset()
	p = &progress{w: &b, on: true, total: -1}
	io.Copy(io.Discard, p.reader(strings.NewReader("abc")))
	p.done()
	if s := b.String(); !strings.Contains(s, "importing … 3 B read") {
		t.Errorf("progress output %q", s)
	}
	// Off: the reader is the file itself, nothing is written.
	b.Reset()
	p = newProgress(&b)
	r := strings.NewReader("abc")
	if p.reader(r) != io.Reader(r) {
		t.Error("reader wrapped with the bar off")
	}
	p.done()
	if b.Len() > 0 {
		t.Errorf("wrote %q with the bar off", b.String())
	}
}

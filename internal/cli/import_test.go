package cli

import (
	"bytes"
	"context"
	"fmt"
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

// TestImportOverMaxInput: import does not write a data file that dipgraph
// would then refuse to read; it says so, naming --max-input, and leaves
// an existing output as it was.
func TestImportOverMaxInput(t *testing.T) {
	dir := t.TempDir()
	var sheet strings.Builder
	sheet.WriteString("type,from,to,date,source\n")
	for i := range 200 {
		fmt.Fprintf(&sheet, "summit,Country %d,Country %d,2025,Sheet\n", i, i+1)
	}
	in := filepath.Join(dir, "ties.csv")
	out := filepath.Join(dir, "ties.yaml")
	if err := os.WriteFile(in, []byte(sheet.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(out, []byte("old\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	run := func(extra ...string) (int, string) {
		var stdout, stderr bytes.Buffer
		code := Run(context.Background(), append([]string{"import", "--from", "csv", in, "-o", out}, extra...), strings.NewReader(""), &stdout, &stderr)
		return code, stderr.String()
	}
	code, msg := run("--max-input", "8KiB")
	if code != exitData || !strings.Contains(msg, "larger than the input limit of 8KiB that dipgraph reads (--max-input); nothing written") {
		t.Errorf("exit %d: %s", code, msg)
	}
	if b, _ := os.ReadFile(out); string(b) != "old\n" {
		t.Errorf("the existing output changed: %.100q", b)
	}
	if code, msg := run(); code != exitOK {
		t.Fatalf("with the default limit: exit %d: %s", code, msg)
	}
	b, err := os.ReadFile(out)
	if err != nil || len(b) <= 8<<10 {
		t.Fatalf("the import is %d bytes, want more than 8KiB for the test to mean something (%v)", len(b), err)
	}
	// Which validate with the smaller limit refuses, unread.
	var stdout, stderr bytes.Buffer
	if code := Run(context.Background(), []string{"validate", "--max-input", "8KiB", out}, strings.NewReader(""), &stdout, &stderr); code != exitData {
		t.Errorf("validate exit %d: %s", code, stderr.String())
	}
}

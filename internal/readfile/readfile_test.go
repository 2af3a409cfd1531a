//go:build unix

package readfile

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestRegular reads each kind of path within a limit: a regular file up
// to the limit is read; one over it, a device, a FIFO (without waiting
// for a writer), a folder and a missing file are refused with an error
// that says which.
func TestRegular(t *testing.T) {
	dir := t.TempDir()
	write := func(name string, n int) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(strings.Repeat("x", n)), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	fifo := filepath.Join(dir, "fifo")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		fifo = "" // no FIFOs here
	}
	link := filepath.Join(dir, "zero.yaml")
	if err := os.Symlink("/dev/zero", link); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		name, path string
		limit      int64
		want       int   // bytes read
		err        error // wanted, with errors.Is; nil: none
	}{
		{"empty", write("empty", 0), 10, 0, nil},
		{"under the limit", write("small", 9), 10, 9, nil},
		{"at the limit", write("exact", 10), 10, 10, nil},
		{"over the limit", write("big", 11), 10, 0, ErrTooLarge},
		{"/dev/zero", "/dev/zero", 10, 0, ErrNotRegular},
		{"a link to /dev/zero", link, 1 << 20, 0, ErrNotRegular},
		{"a FIFO", fifo, 10, 0, ErrNotRegular},
		{"a folder", dir, 10, 0, ErrNotRegular},
		{"missing", filepath.Join(dir, "missing"), 10, 0, fs.ErrNotExist},
	} {
		t.Run(c.name, func(t *testing.T) {
			if c.path == "" {
				t.Skip("mkfifo is not available")
			}
			done := make(chan struct{})
			var b []byte
			var err error
			go func() { b, err = Regular(c.path, c.limit); close(done) }()
			select {
			case <-done:
			case <-time.After(10 * time.Second):
				t.Fatal("Regular blocked")
			}
			switch {
			case c.err == nil && (err != nil || len(b) != c.want):
				t.Errorf("read %d bytes, %v; want %d", len(b), err, c.want)
			case c.err != nil && !errors.Is(err, c.err):
				t.Errorf("error %v, want %v", err, c.err)
			case c.err != nil && b != nil:
				t.Errorf("read %d bytes with an error", len(b))
			}
			var le *LimitError
			if errors.As(err, &le) && (le.Limit != c.limit || !strings.Contains(le.Error(), "11 bytes")) {
				t.Errorf("limit error %q, want the size and the limit %d", le, c.limit)
			}
		})
	}
}

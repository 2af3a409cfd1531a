package cli

import (
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"syscall"
	"testing"
)

// TestWriteAllNoneOnFailure: when one output cannot be written, writeAll
// leaves every file as it was, the ones it could write included, and no
// temporary file behind.
func TestWriteAllNoneOnFailure(t *testing.T) {
	for _, tt := range []struct {
		name  string
		setup func(t *testing.T, dir string) string // the bad target
	}{
		{"a folder where a file goes", func(t *testing.T, dir string) string {
			bad := filepath.Join(dir, "b.svg")
			if err := os.Mkdir(bad, 0o755); err != nil {
				t.Fatal(err)
			}
			return bad
		}},
		{"a folder that cannot be written", func(t *testing.T, dir string) string {
			ro := filepath.Join(dir, "ro")
			if err := os.Mkdir(ro, 0o555); err != nil {
				t.Fatal(err)
			}
			if f, err := os.CreateTemp(ro, "probe"); err == nil { // root writes anywhere
				f.Close()
				os.Remove(f.Name())
				t.Skip("this user can write a read-only folder")
			}
			return filepath.Join(ro, "b.svg")
		}},
		{"a link to a device where a file goes", func(t *testing.T, dir string) string {
			bad := filepath.Join(dir, "b.svg")
			if err := os.Symlink(os.DevNull, bad); err != nil {
				t.Fatal(err)
			}
			return bad
		}},
		{"a FIFO where a file goes", func(t *testing.T, dir string) string {
			bad := filepath.Join(dir, "b.svg")
			if err := syscall.Mkfifo(bad, 0o644); err != nil {
				t.Skip("no FIFOs here:", err)
			}
			return bad
		}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			a := filepath.Join(dir, "a.svg")
			if err := os.WriteFile(a, []byte("old"), 0o644); err != nil {
				t.Fatal(err)
			}
			bad := tt.setup(t, dir)
			if err := writeAll([]output{{a, []byte("new")}, {bad, []byte("new")}}); err == nil {
				t.Fatal("writeAll succeeded")
			}
			if b, _ := os.ReadFile(a); string(b) != "old" {
				t.Errorf("a.svg = %q, want the old file", b)
			}
			if left := tempFiles(t, dir); len(left) > 0 {
				t.Errorf("temporary files left: %v", left)
			}
		})
	}
}

// TestWriteAllModes: a written file has its final mode — an existing
// file's own (through a link, its target's), a new one's 0644 less the
// umask — and its temporary file, beside it, is readable by its owner
// alone until then (or, on Linux, has no name at all).
func TestWriteAllModes(t *testing.T) {
	dir := t.TempDir()
	for _, tt := range []struct {
		name  string
		setup func(path string) // what is there before
		want  fs.FileMode
	}{
		{"new", func(string) {}, 0o644 &^ umask()},
		{"existing 0600", func(p string) { os.WriteFile(p, []byte("old"), 0o600); os.Chmod(p, 0o600) }, 0o600},
		{"existing 0640", func(p string) { os.WriteFile(p, []byte("old"), 0o640); os.Chmod(p, 0o640) }, 0o640},
		{"a link to a 0600 file", func(p string) {
			target := p + ".target"
			os.WriteFile(target, []byte("old"), 0o600)
			os.Chmod(target, 0o600)
			os.Symlink(target, p)
		}, 0o600},
	} {
		t.Run(tt.name, func(t *testing.T) {
			p := filepath.Join(dir, tt.name+".svg")
			tt.setup(p)
			if err := writeAll([]output{{p, []byte("new")}}); err != nil {
				t.Fatal(err)
			}
			st, err := os.Lstat(p)
			if err != nil {
				t.Fatal(err)
			}
			if !st.Mode().IsRegular() || st.Mode().Perm() != tt.want {
				t.Errorf("mode %v, want a file with %v", st.Mode(), tt.want)
			}
		})
	}
	// The staged file while it is written: no name, or mode 0600, in the
	// target's folder.
	for _, named := range []bool{false, true} {
		target := filepath.Join(dir, "staged.svg")
		before, _ := os.ReadDir(dir)
		var s *stagedFile
		var err error
		if named {
			s, err = stageNamed(target, 0o644)
		} else {
			s, err = stage(target, 0o644)
		}
		if err != nil {
			t.Fatal(err)
		}
		after, _ := os.ReadDir(dir)
		switch {
		case s.name == "" && len(after) != len(before):
			t.Errorf("a staged file without a name shows in its folder")
		case s.name != "":
			if filepath.Dir(s.name) != dir {
				t.Errorf("staged in %s, not beside the target", filepath.Dir(s.name))
			}
			if st, err := os.Stat(s.name); err != nil || st.Mode().Perm() != 0o600 {
				t.Errorf("staged file %v, %v: want mode 0600", st.Mode(), err)
			}
		}
		s.f.Write([]byte("x"))
		if err := s.ready(); err != nil {
			t.Fatal(err)
		}
		if st, _ := s.f.Stat(); st.Mode().Perm() != 0o644 {
			t.Errorf("ready: mode %v, want 0644", st.Mode().Perm())
		}
		if err := s.commit(); err != nil {
			t.Fatal(err)
		}
		if b, _ := os.ReadFile(target); string(b) != "x" {
			t.Errorf("committed %q", b)
		}
		if left := tempFiles(t, dir); len(left) > 0 {
			t.Errorf("left: %v", left)
		}
	}
}

// TestSweepStaged: a staged file a killed writer left beside a target
// (its process gone) is removed by the next write of that target; one of
// a live writer, another target's, or a file not named like one stays.
func TestSweepStaged(t *testing.T) {
	dir := t.TempDir()
	target := filepath.Join(dir, "fig.svg")
	cmd := exec.Command("true")
	if err := cmd.Run(); err != nil {
		t.Skip("no true(1) to take a finished process id from")
	}
	dead := cmd.Process.Pid
	files := map[string]bool{ // name → swept
		fmt.Sprintf(".fig.svg.tmp-%d-0123456789abcdef", dead):        true,
		fmt.Sprintf(".fig.svg.tmp-%d-0123456789abcdef", os.Getpid()): false,
		fmt.Sprintf(".other.svg.tmp-%d-0123456789abcdef", dead):      false,
		fmt.Sprintf(".fig.svg.tmp-%d-short", dead):                   false,
		".fig.svg.tmp-notapid-0123456789abcdef":                      false,
	}
	for name := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte("x"), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	if err := writeAll([]output{{path: target, data: []byte("<svg/>")}}); err != nil {
		t.Fatal(err)
	}
	for name, swept := range files {
		_, err := os.Stat(filepath.Join(dir, name))
		if gone := os.IsNotExist(err); gone != swept {
			t.Errorf("%s: removed %v, want %v", name, gone, swept)
		}
	}
}

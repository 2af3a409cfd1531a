package cli

import (
	"os"
	"path/filepath"
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

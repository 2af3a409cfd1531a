package cli

import (
	"os"
	"path/filepath"
	"testing"
)

// TestRealPath: where a manifest's output really goes, links on its
// folders resolved as the system resolves them, its own last part not.
func TestRealPath(t *testing.T) {
	tmp, err := filepath.EvalSymlinks(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	proj := filepath.Join(tmp, "proj")
	for _, d := range []string{"proj/out/x", "outside/deep"} {
		if err := os.MkdirAll(filepath.Join(tmp, d), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	for link, target := range map[string]string{
		"proj/up":        "../outside",      // a folder outside
		"proj/deeplink":  "../outside/deep", // whose ".." is outside, not proj
		"proj/dangling":  "../nowhere/yet",  // made on writing, outside
		"proj/out/f.svg": "/dev/zero",       // the file itself: replaced, not followed
	} {
		if err := os.Symlink(target, filepath.Join(tmp, link)); err != nil {
			t.Fatal(err)
		}
	}
	for _, tt := range []struct {
		path, want string
		inside     bool
	}{
		{"out/s.svg", "proj/out/s.svg", true},
		{"out/./s.svg", "proj/out/s.svg", true},
		{"out//s.svg", "proj/out/s.svg", true},
		{"out/x/../s.svg", "proj/out/s.svg", true},
		{"new/a/../s.svg", "proj/new/s.svg", true},
		{"up/s.svg", "outside/s.svg", false},
		{"deeplink/../s.svg", "outside/s.svg", false},
		{"dangling/s.svg", "nowhere/yet/s.svg", false},
		{"out/f.svg", "proj/out/f.svg", true},
		{"../s.svg", "s.svg", false},
		{filepath.Join(tmp, "proj", "up", "s.svg"), "outside/s.svg", false},
	} {
		t.Run(tt.path, func(t *testing.T) {
			got, err := realPath(proj, tt.path)
			if err != nil {
				t.Fatal(err)
			}
			if want := filepath.Join(tmp, tt.want); got != want {
				t.Errorf("realPath = %s, want %s", got, want)
			}
			if in := within(proj, got); in != tt.inside {
				t.Errorf("within = %v, want %v", in, tt.inside)
			}
		})
	}
	// This filesystem (Linux's) tells OUT from out.
	if foldsCase(proj) {
		t.Skip("this filesystem folds case")
	}
	if outputKey(filepath.Join(proj, "OUT", "s.svg")) == outputKey(filepath.Join(proj, "out", "s.svg")) {
		t.Error("OUT/s.svg and out/s.svg have one key on a case-sensitive filesystem")
	}
}

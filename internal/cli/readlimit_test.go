package cli

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dipgraph/dipgraph/data"
)

// TestBoundedReads runs render --style, build and render --font on files
// over their limits (1 MiB for style files and manifests, 64 MiB for
// fonts): each is refused before it is read, with the exit code the
// command gives an unreadable file of that kind, a message naming the file
// and the limit, and nothing written.
func TestBoundedReads(t *testing.T) {
	dir := t.TempDir()
	big := func(name string, n int64) string {
		p := filepath.Join(dir, name)
		f, err := os.Create(p)
		if err != nil {
			t.Fatal(err)
		}
		// Sparse: the size without the bytes.
		if err := f.Truncate(n); err != nil {
			t.Fatal(err)
		}
		f.Close()
		return p
	}
	out := filepath.Join(dir, "x.svg")
	for _, c := range []struct {
		name string
		args []string
		code int
		want string
	}{
		{"style file", []string{"render", "--style", big("style.yaml", data.MaxStyleFile+1), "-o", out}, exitUsage,
			"style.yaml: it is 1048577 bytes, over the limit of 1MiB for a style file"},
		{"style file at the limit is read", []string{"render", "--style", big("ok.yaml", data.MaxStyleFile), "-o", out}, exitUsage,
			"fix the style file"},
		{"manifest", []string{"build", big("figures.yaml", data.MaxManifest+1)}, exitData,
			"figures.yaml: cannot read the manifest: it is 1048577 bytes, over the limit of 1MiB for a manifest"},
		{"font", []string{"render", "--font", big("huge.ttf", 64<<20+1), "-o", filepath.Join(dir, "x.png")}, exitUsage,
			"huge.ttf: it is 67108865 bytes, over the limit of 67108864 bytes (64 MiB)"},
	} {
		t.Run(c.name, func(t *testing.T) {
			var stderr bytes.Buffer
			code := Run(context.Background(), c.args, strings.NewReader(""), &bytes.Buffer{}, &stderr)
			if code != c.code || !strings.Contains(stderr.String(), c.want) {
				t.Errorf("exit %d, stderr:\n%s\nwant exit %d and %q", code, shorten(stderr.String()), c.code, c.want)
			}
			for _, o := range []string{"x.svg", "x.png"} {
				if _, err := os.Stat(filepath.Join(dir, o)); err == nil {
					t.Errorf("%s written", o)
				}
			}
		})
	}
}

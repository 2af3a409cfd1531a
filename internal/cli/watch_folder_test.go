package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestWatchFolderRecreated: a watched folder deleted (or renamed away)
// takes its watch with it, and renders used to stop for good. Now watch
// says on stderr that the folder is missing, watches for it to come back,
// says so when it does, renders what it holds, and follows saves in it
// again.
func TestWatchFolderRecreated(t *testing.T) {
	for _, c := range []struct {
		name   string
		data   string // the data file, under the test's folder
		remove string // what goes: a folder on the data file's path
		rename bool   // renamed away rather than deleted
	}{
		{"its folder deleted", "sub/data.yaml", "sub", false},
		{"a folder above deleted", "a/b/c/data.yaml", "a", false},
		{"its folder renamed away", "sub/data.yaml", "sub", true},
	} {
		t.Run(c.name, func(t *testing.T) {
			dir := t.TempDir()
			dataPath := filepath.Join(dir, c.data)
			folder := filepath.Dir(dataPath)
			if err := os.MkdirAll(folder, 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(dataPath, []byte(strings.Replace(watchData, "NAME", "Alpha", 1)), 0o644); err != nil {
				t.Fatal(err)
			}
			w := startWatch(t, dataPath, "-o", filepath.Join(dir, "fig.svg"), "--serve", "127.0.0.1:0")
			w.waitRender("1")
			w.waitFigure("Alpha")

			gone := filepath.Join(dir, c.remove)
			var err error
			if c.rename {
				err = os.Rename(gone, gone+".old")
			} else {
				err = os.RemoveAll(gone)
			}
			if err != nil {
				t.Fatal(err)
			}
			w.waitStderr("dipgraph watch: folder " + folder + " is missing; watching for it to come back")

			// Made again, the file written at once (before watch can have
			// watched the new folder).
			if err := os.MkdirAll(folder, 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(dataPath, []byte(strings.Replace(watchData, "NAME", "Gamma", 1)), 0o644); err != nil {
				t.Fatal(err)
			}
			w.waitStderr("dipgraph watch: folder " + folder + " is back; watching it again")
			w.waitFigure("Gamma")

			// Saves in the new folder are followed.
			saveLikeAnEditor(t, dataPath, strings.Replace(watchData, "NAME", "Delta", 1))
			w.waitFigure("Delta")
			saveLikeAnEditor(t, dataPath, strings.Replace(watchData, "NAME", "Omega", 1))
			w.waitFigure("Omega")
		})
	}
}

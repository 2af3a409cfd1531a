package cli

import (
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
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

// waitFigure waits up to 20 s for the served figure to hold want.
func (w *watchSession) waitFigure(want string) {
	w.t.Helper()
	deadline := time.Now().Add(20 * time.Second)
	for !strings.Contains(w.get("/figure"), want) {
		if time.Now().After(deadline) {
			w.t.Fatalf("the figure never showed %q; stderr:\n%s", want, w.stderr)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// waitStderr waits up to 20 s for watch to print want on stderr.
func (w *watchSession) waitStderr(want string) {
	w.t.Helper()
	deadline := time.Now().Add(20 * time.Second)
	for !strings.Contains(w.stderr.String(), want) {
		if time.Now().After(deadline) {
			w.t.Fatalf("watch never printed %q; stderr:\n%s", want, w.stderr)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// TestWatchServeAllInterfaces: with --serve-all-interfaces an address on
// every interface is served, with a warning on stderr; the printed address
// is one a browser can open; the host guard still refuses other names.
// (Only loopback traffic is sent.)
func TestWatchServeAllInterfaces(t *testing.T) {
	dir := t.TempDir()
	dataPath := filepath.Join(dir, "data.yaml")
	if err := os.WriteFile(dataPath, []byte(strings.Replace(watchData, "NAME", "Alpha", 1)), 0o644); err != nil {
		t.Fatal(err)
	}
	w := startWatch(t, dataPath, "-o", filepath.Join(dir, "fig.svg"), "--serve", "0.0.0.0:0", "--serve-all-interfaces")
	if !strings.HasPrefix(w.base, "http://127.0.0.1:") {
		t.Errorf("watch printed %q, want an address on 127.0.0.1", w.base)
	}
	w.waitStderr("dipgraph watch: warning: the preview listens on every network interface (")
	w.waitStderr("anyone who can reach this machine can read the figure")
	w.waitRender("1")
	w.waitFigure("Alpha")
	req, _ := http.NewRequest("GET", w.base+"figure", nil)
	req.Host = "rebound.example"
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusMisdirectedRequest {
		t.Errorf("Host rebound.example: %s, want 421", resp.Status)
	}
}

package cli

import (
	"bytes"
	"context"
	"crypto/sha256"
	"fmt"
	"io"
	"io/fs"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestKillBuild kills `dipgraph build` with SIGKILL at random moments, 50
// times, and checks that every output is always either the complete old
// file or the complete new one: outputs are written atomically; and that
// no kill leaves a file behind anywhere: in the project, in the build's
// $TMPDIR, in its cache folder or in this machine's shared temporary
// folder (killEnv, leftovers).
func TestKillBuild(t *testing.T) {
	if testing.Short() {
		t.Skip("kills 50 builds")
	}
	start := time.Now()
	dir := t.TempDir()
	bin := buildDipgraph(t, dir)
	ke := newKillEnv(t, dir)
	proj := filepath.Join(dir, "proj")
	os.MkdirAll(proj, 0o755)
	var man strings.Builder
	man.WriteString("defaults:\n  data: data.yaml\n  layout: neato\nfigures:\n")
	var outs []string
	for i := range 12 {
		fmt.Fprintf(&man, "  - name: f%d\n    seed: %d\n    outputs: [out/f%d.svg, out/f%d.json]\n", i, i, i, i)
		outs = append(outs, fmt.Sprintf("out/f%d.svg", i), fmt.Sprintf("out/f%d.json", i))
	}
	write := func(name, content string) {
		if err := os.WriteFile(filepath.Join(proj, name), []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("figures.yaml", man.String())
	build := func() {
		cmd := exec.Command(bin, "build")
		cmd.Dir = proj
		cmd.Env = ke.env
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("build: %v\n%s", err, out)
		}
	}
	snapshot := func() map[string][]byte {
		m := map[string][]byte{}
		for _, o := range outs {
			b, err := os.ReadFile(filepath.Join(proj, o))
			if err != nil {
				t.Fatal(err)
			}
			m[o] = b
		}
		return m
	}
	write("data.yaml", strings.Replace(watchData, "NAME", "Old", 1))
	build()
	old := snapshot()
	write("data.yaml", strings.Replace(watchData, "NAME", "New", 1))
	build()
	fresh := snapshot()

	r := rand.New(rand.NewPCG(1, 2))
	var killedEarly, killedLate, left int
	for trial := range 50 {
		for o, b := range old {
			if err := os.WriteFile(filepath.Join(proj, o), b, 0o644); err != nil {
				t.Fatal(err)
			}
		}
		cmd := exec.Command(bin, "build")
		cmd.Dir = proj
		cmd.Env = ke.env
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		time.Sleep(time.Duration(20+r.IntN(200)) * time.Millisecond)
		cmd.Process.Signal(syscall.SIGKILL)
		if err := cmd.Wait(); err == nil {
			killedLate++
		} else {
			killedEarly++
		}
		for _, o := range outs {
			got, err := os.ReadFile(filepath.Join(proj, o))
			if err != nil {
				t.Fatalf("trial %d: %s: %v", trial, o, err)
			}
			if !bytes.Equal(got, old[o]) && !bytes.Equal(got, fresh[o]) {
				t.Fatalf("trial %d: %s is neither the old nor the new file (%d bytes)", trial, o, len(got))
			}
		}
		left += ke.afterKill(t, fmt.Sprintf("trial %d", trial), start, proj, build)
	}
	t.Logf("50 trials: %d builds killed mid-way, %d finished before the kill; %d staged files left between a link and its rename, each removed by the next build", killedEarly, killedLate, left)
	if killedEarly == 0 {
		t.Error("no build was killed mid-way: the test proves nothing")
	}

	// A build that fails normally leaves no temporary files behind.
	write("data.yaml", strings.Replace(watchData, "NAME", "Third", 1))
	write("figures.yaml", man.String()+"  - name: broken\n    focus: nobody\n    outputs: [out/broken.svg]\n")
	cmd := exec.Command(bin, "build")
	cmd.Dir = proj
	cmd.Env = ke.env
	if err := cmd.Run(); err == nil {
		t.Fatal("build with a broken figure succeeded")
	}
	if l := ke.leftovers(t, start, proj); len(l) > 0 {
		t.Errorf("left behind by a failed build: %v", l)
	}
}

// buildDipgraph builds the command (the module's root package) into dir,
// for tests that must kill a real process. DIPGRAPH_KILLTEST_BIN names
// another binary to test instead (to measure an older dipgraph).
func buildDipgraph(t *testing.T, dir string) string {
	t.Helper()
	if bin := os.Getenv("DIPGRAPH_KILLTEST_BIN"); bin != "" {
		return bin
	}
	bin := filepath.Join(dir, "dipgraph")
	if out, err := exec.Command("go", "build", "-o", bin, "github.com/dipgraph/dipgraph").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	return bin
}

// TestKillRender kills `dipgraph render` with SIGKILL at random moments, 50
// times for an SVG and 50 times for a PNG, each time over the output of an
// earlier render of other data: the output is always either the complete
// old file or the complete new one. The moments spread over a whole
// render's time, measured first, so that some kills land while Graphviz
// lays out, some while the file is written, and some after it finished.
// No kill may leave a file behind anywhere (leftovers).
func TestKillRender(t *testing.T) {
	if testing.Short() {
		t.Skip("kills 100 renders")
	}
	start := time.Now()
	dir := t.TempDir()
	bin := buildDipgraph(t, dir)
	ke := newKillEnv(t, dir)
	proj := filepath.Join(dir, "proj")
	if err := os.MkdirAll(proj, 0o755); err != nil {
		t.Fatal(err)
	}
	dataPath := filepath.Join(proj, "data.yaml")
	render := func(out, name string) time.Duration {
		if err := os.WriteFile(dataPath, []byte(strings.Replace(watchData, "NAME", name, 1)), 0o644); err != nil {
			t.Fatal(err)
		}
		cmd := exec.Command(bin, "render", "-o", out, "data.yaml")
		cmd.Dir = proj
		cmd.Env = ke.env
		began := time.Now()
		if b, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("render: %v\n%s", err, b)
		}
		return time.Since(began)
	}
	r := rand.New(rand.NewPCG(3, 4))
	for _, format := range []string{"svg", "png"} {
		out := filepath.Join(proj, "out", "figure."+format)
		render(out, "Old")
		old, _ := os.ReadFile(out)
		took := render(out, "New")
		fresh, _ := os.ReadFile(out)
		if bytes.Equal(old, fresh) || len(old) == 0 {
			t.Fatalf("%s: the old and new figures are the same: the test proves nothing", format)
		}
		var killed, finished, gotNew, left int
		for trial := range 50 {
			if err := os.WriteFile(out, old, 0o644); err != nil {
				t.Fatal(err)
			}
			cmd := exec.Command(bin, "render", "-o", out, "data.yaml")
			cmd.Dir = proj
			cmd.Env = ke.env
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			time.Sleep(time.Duration(r.Int64N(int64(took) * 13 / 10)))
			cmd.Process.Signal(syscall.SIGKILL)
			if err := cmd.Wait(); err == nil {
				finished++
			} else {
				killed++
			}
			got, err := os.ReadFile(out)
			if err != nil {
				t.Fatalf("%s trial %d: %v", format, trial, err)
			}
			switch {
			case bytes.Equal(got, fresh):
				gotNew++
			case !bytes.Equal(got, old):
				t.Fatalf("%s trial %d: the output is neither the old nor the new figure (%d bytes)", format, trial, len(got))
			}
			left += ke.afterKill(t, fmt.Sprintf("%s trial %d", format, trial), start, proj, func() { render(out, "New") })
		}
		t.Logf("%s: 50 renders (%v each) killed at random: %d mid-way, %d finished first; %d left the new figure, %d the old; %d staged files left between a link and its rename by the kills, each removed by the next render",
			format, took.Round(time.Millisecond), killed, finished, gotNew, 50-gotNew, left)
		if killed == 0 {
			t.Errorf("%s: no render was killed mid-way: the test proves nothing", format)
		}
	}
}

// tempFiles lists the hidden files in dir, and those named like a
// temporary file: what a writer that died between creating its temporary
// file and renaming it would leave.
func tempFiles(t *testing.T, dir string) []string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), ".") || strings.Contains(e.Name(), "tmp") {
			names = append(names, e.Name())
		}
	}
	return names
}

// TestFailedRenderLeavesNoTrace runs renders that fail normally — invalid
// data, data over --max-input, a filter naming no one, an output folder
// that cannot be created (after the layout) — over existing outputs: each exits non-zero,
// leaves every existing output as it was (bytes and modification time)
// and no temporary file.
func TestFailedRenderLeavesNoTrace(t *testing.T) {
	dir := t.TempDir()
	good := filepath.Join(dir, "good.yaml")
	if err := os.WriteFile(good, []byte(strings.Replace(watchData, "NAME", "Alpha", 1)), 0o644); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "out")
	for _, f := range []string{"figure.svg", "figure.png", "figure.pdf"} {
		var stderr bytes.Buffer
		if code := Run(context.Background(), []string{"render", "-o", filepath.Join(out, f), good}, nil, io.Discard, &stderr); code != exitOK {
			t.Fatalf("render %s: %s", f, stderr.String())
		}
	}
	// A file where the output's folder should be: the folder cannot be made.
	blocker := filepath.Join(dir, "blocker")
	if err := os.WriteFile(blocker, []byte("not a folder"), 0o644); err != nil {
		t.Fatal(err)
	}
	before := snapshotDir(t, dir)
	for _, tt := range []struct {
		name string
		args []string
		code int
	}{
		{"invalid data", []string{"render", "-o", filepath.Join(out, "figure.svg"), "testdata/bad/duplicate-entity-id.yaml"}, exitData},
		{"invalid data, png", []string{"render", "-o", filepath.Join(out, "figure.png"), "testdata/bad/weight-nan.yaml"}, exitData},
		{"invalid data, pdf", []string{"render", "-o", filepath.Join(out, "figure.pdf"), "testdata/bad/url-javascript.yaml"}, exitData},
		{"data over the limit", []string{"render", "--max-input", "100", "-o", filepath.Join(out, "figure.svg"), good}, exitData},
		{"unknown focus", []string{"render", "--focus", "nobody", "-o", filepath.Join(out, "figure.svg"), good}, exitUsage},
		{"folder cannot be made", []string{"render", "-o", filepath.Join(blocker, "figure.svg"), good}, exitData},
		{"folder cannot be made, png", []string{"render", "-o", filepath.Join(blocker, "sub", "figure.png"), good}, exitData},
	} {
		t.Run(tt.name, func(t *testing.T) {
			var stderr bytes.Buffer
			if code := Run(context.Background(), tt.args, nil, io.Discard, &stderr); code != tt.code {
				t.Errorf("exit %d, want %d: %s", code, tt.code, stderr.String())
			}
			if stderr.Len() == 0 {
				t.Error("failed without a message")
			}
			after := snapshotDir(t, dir)
			for name, st := range before {
				if after[name] != st {
					t.Errorf("%s changed: %s → %s", name, st, after[name])
				}
			}
			for name := range after {
				if _, ok := before[name]; !ok {
					t.Errorf("%s was left behind", name)
				}
			}
		})
	}
}

// snapshotDir maps every file under dir to its size, modification time
// and a hash of its bytes.
func snapshotDir(t *testing.T, dir string) map[string]string {
	t.Helper()
	m := map[string]string{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		st, err := d.Info()
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		m[rel] = fmt.Sprintf("%d bytes, %s, sha256 %x", len(b), st.ModTime().Format(time.RFC3339Nano), sha256.Sum256(b))
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return m
}

package main

import (
	"bytes"
	"fmt"
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
// file or the complete new one: outputs are written atomically.
func TestKillBuild(t *testing.T) {
	if testing.Short() {
		t.Skip("kills 50 builds")
	}
	dir := t.TempDir()
	bin := filepath.Join(dir, "dipgraph")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
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
	var killedEarly, killedLate int
	for trial := range 50 {
		for o, b := range old {
			if err := os.WriteFile(filepath.Join(proj, o), b, 0o644); err != nil {
				t.Fatal(err)
			}
		}
		cmd := exec.Command(bin, "build")
		cmd.Dir = proj
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
	}
	t.Logf("50 trials: %d builds killed mid-way, %d finished before the kill", killedEarly, killedLate)
	if killedEarly == 0 {
		t.Error("no build was killed mid-way: the test proves nothing")
	}

	// A build that fails normally leaves no temporary files behind. (A
	// killed one may: clear those first.)
	entries, _ := os.ReadDir(filepath.Join(proj, "out"))
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), ".") {
			os.Remove(filepath.Join(proj, "out", e.Name()))
		}
	}
	write("data.yaml", strings.Replace(watchData, "NAME", "Third", 1))
	write("figures.yaml", man.String()+"  - name: broken\n    focus: nobody\n    outputs: [out/broken.svg]\n")
	cmd := exec.Command(bin, "build")
	cmd.Dir = proj
	if err := cmd.Run(); err == nil {
		t.Fatal("build with a broken figure succeeded")
	}
	entries, _ = os.ReadDir(filepath.Join(proj, "out"))
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), ".") || strings.Contains(e.Name(), "tmp") {
			t.Errorf("temporary file left behind: %s", e.Name())
		}
	}
}

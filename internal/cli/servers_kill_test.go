package cli

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/dipgraph/dipgraph/data"
	"github.com/dipgraph/dipgraph/graph/graphtest"
)

// TestKillBuildServers stops a build while its layout servers are busy
// with layouts that take minutes (dot on 300 entities), by SIGKILL,
// SIGTERM and SIGHUP, several times each, and checks that every process it
// started is gone within two seconds of the build's end: no layout server
// outlives it. (Before issue 17's fix, servers ran on for 20–70 s after
// SIGTERM or SIGHUP and after 29 of 80 SIGKILLs.) The processes are found
// by a marker in their environment, which they inherit, under /proc.
//
// DIPGRAPH_KILLTEST_BIN runs another dipgraph binary instead (to measure
// an older one); DIPGRAPH_KILLTEST_TRIALS sets the trials per signal.
func TestKillBuildServers(t *testing.T) {
	if testing.Short() {
		t.Skip("kills builds with layout servers")
	}
	if _, err := os.Stat("/proc/self/environ"); err != nil {
		t.Skip("no /proc to find processes in")
	}
	dir := t.TempDir()
	bin := buildDipgraph(t, dir)
	trials := 4
	if n, err := strconv.Atoi(os.Getenv("DIPGRAPH_KILLTEST_TRIALS")); err == nil && n > 0 {
		trials = n
	}
	proj := filepath.Join(dir, "proj")
	if err := os.MkdirAll(proj, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(proj, "big.yaml"), data.EncodeYAML(graphtest.Synthetic(300, 1)), 0o644); err != nil {
		t.Fatal(err)
	}
	var man strings.Builder
	man.WriteString("defaults:\n  data: big.yaml\n  layout: dot\n  timeout: 10m\nfigures:\n")
	for i := range 3 {
		fmt.Fprintf(&man, "  - name: f%d\n    seed: %d\n    outputs: [out/f%d.svg]\n", i, i, i)
	}
	if err := os.WriteFile(filepath.Join(proj, "figures.yaml"), []byte(man.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	survived := map[string]int{}
	for _, sig := range []syscall.Signal{syscall.SIGKILL, syscall.SIGTERM, syscall.SIGHUP} {
		for trial := range trials {
			marker := fmt.Sprintf("DIPGRAPH_KILLTEST_MARKER=%d-%s-%d", os.Getpid(), sig, trial)
			cmd := exec.Command(bin, "build", "--jobs", "3")
			cmd.Dir = proj
			cmd.Env = append(os.Environ(), marker)
			var stderr bytes.Buffer
			cmd.Stderr = &stderr
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			// Wait for the servers to be at work, and into their layouts.
			deadline := time.Now().Add(30 * time.Second)
			for len(marked(marker, cmd.Process.Pid)) < 2 && time.Now().Before(deadline) {
				time.Sleep(20 * time.Millisecond)
			}
			if n := len(marked(marker, cmd.Process.Pid)); n < 2 {
				cmd.Process.Kill()
				cmd.Wait()
				t.Fatalf("%s trial %d: %d layout servers started in 30 s: the test proves nothing\n%s", sig, trial, n, stderr.String())
			}
			time.Sleep(time.Duration(300+200*trial) * time.Millisecond)
			servers := marked(marker, cmd.Process.Pid)
			cmd.Process.Signal(sig)
			waited := make(chan error, 1)
			go func() { waited <- cmd.Wait() }()
			var err error
			select {
			case err = <-waited:
			case <-time.After(20 * time.Second):
				cmd.Process.Kill()
				err = <-waited
				t.Errorf("%s trial %d: the build ran on 20 s after the signal", sig, trial)
			}
			if err == nil {
				t.Errorf("%s trial %d: the stopped build exited 0", sig, trial)
			}
			if code := exitCode(err); sig != syscall.SIGKILL && code != exitData {
				t.Errorf("%s trial %d: exit %v, want %d\n%s", sig, trial, err, exitData, stderr.String())
			}
			left := servers
			for end := time.Now().Add(2 * time.Second); len(left) > 0 && time.Now().Before(end); {
				time.Sleep(20 * time.Millisecond)
				left = marked(marker, -1)
			}
			if len(left) > 0 {
				survived[sig.String()]++
				t.Errorf("%s trial %d: %d of %d layout servers still running 2 s after the build ended: %v", sig, trial, len(left), len(servers), left)
				for _, pid := range left {
					syscall.Kill(pid, syscall.SIGKILL)
				}
			}
		}
	}
	t.Logf("%d trials per signal (SIGKILL, SIGTERM, SIGHUP): builds with surviving layout servers: %v", trials, survived)
}

// marked lists the live processes, other than pid, whose environment
// holds the marker.
func marked(marker string, pid int) []int {
	entries, _ := os.ReadDir("/proc")
	var pids []int
	for _, e := range entries {
		p, err := strconv.Atoi(e.Name())
		if err != nil || p == pid {
			continue
		}
		stat, err := os.ReadFile(filepath.Join("/proc", e.Name(), "stat"))
		if err != nil {
			continue
		}
		// The state follows the command's closing parenthesis.
		if i := bytes.LastIndexByte(stat, ')'); i < 0 || i+2 >= len(stat) || stat[i+2] == 'Z' {
			continue
		}
		env, err := os.ReadFile(filepath.Join("/proc", e.Name(), "environ"))
		if err != nil {
			continue
		}
		for _, kv := range bytes.Split(env, []byte{0}) {
			if string(kv) == marker {
				pids = append(pids, p)
				break
			}
		}
	}
	return pids
}

// exitCode is a finished command's exit status, -1 if it was killed.
func exitCode(err error) int {
	if err == nil {
		return 0
	}
	if ee, ok := err.(*exec.ExitError); ok {
		return ee.ExitCode()
	}
	return -1
}

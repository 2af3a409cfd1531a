package cli

import (
	"bytes"
	"fmt"
	"io/fs"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"syscall"
	"testing"
	"time"
)

// A killEnv is the environment the kill tests run dipgraph in: its own
// $TMPDIR and cache folder (XDG_CACHE_HOME), empty to begin with, so that
// anything a killed process leaves there is seen, and a marker by which
// its processes (layout servers included) are found.
type killEnv struct {
	env        []string
	tmp, cache string
	marker     string
	sharedTmp  string // this machine's temporary folder, the tests' own
	root       string // the test's own folder, which holds the rest
}

func newKillEnv(t *testing.T, dir string) *killEnv {
	t.Helper()
	ke := &killEnv{tmp: filepath.Join(dir, "tmp"), cache: filepath.Join(dir, "cache"), sharedTmp: os.TempDir(), root: dir}
	for _, d := range []string{ke.tmp, ke.cache} {
		if err := os.MkdirAll(d, 0o700); err != nil {
			t.Fatal(err)
		}
	}
	ke.marker = fmt.Sprintf("DIPGRAPH_KILLTEST_MARKER=%d-%s", os.Getpid(), filepath.Base(dir))
	ke.env = append(os.Environ(), "TMPDIR="+ke.tmp, "XDG_CACHE_HOME="+ke.cache, ke.marker)
	return ke
}

// leftovers lists, after a trial, what should not be there: in the
// project, hidden files and files named like temporary ones; in the
// command's $TMPDIR, anything; in its cache folder, a cache file being
// written (wazero's NAME.RANDOM.tmp); in this machine's shared temporary
// folder, a hidden file or go-graphviz cache file made since the test
// began (where a writer ignoring $TMPDIR would put them); and any process
// of the trial still running (after a short grace for the kernel to end
// a killed parent's children).
func (ke *killEnv) leftovers(t *testing.T, since time.Time, proj string) []string {
	t.Helper()
	var left []string
	filepath.WalkDir(proj, func(p string, d fs.DirEntry, err error) error {
		if err == nil && p != proj && (strings.HasPrefix(d.Name(), ".") || strings.Contains(d.Name(), ".tmp")) {
			left = append(left, p)
		}
		return nil
	})
	entries, _ := os.ReadDir(ke.tmp)
	for _, e := range entries {
		left = append(left, filepath.Join(ke.tmp, e.Name()))
	}
	filepath.WalkDir(ke.cache, func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(d.Name(), ".tmp") {
			left = append(left, p)
		}
		return nil
	})
	shared, _ := os.ReadDir(ke.sharedTmp)
	for _, e := range shared {
		name := e.Name()
		if !strings.HasPrefix(name, ".") || !hasAnySuffixPart(name, ".svg", ".png", ".pdf", ".json", ".dot", ".csv", ".yaml", ".md", ".html") {
			continue
		}
		if st, err := e.Info(); err == nil && !st.ModTime().Before(since) {
			left = append(left, filepath.Join(ke.sharedTmp, name))
		}
	}
	filepath.WalkDir(filepath.Join(ke.sharedTmp, "go-graphviz"), func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return nil
		}
		if st, err := d.Info(); err == nil && !st.ModTime().Before(since) {
			left = append(left, p)
		}
		return nil
	})
	procs := marked(ke.marker, -1)
	for end := time.Now().Add(2 * time.Second); len(procs) > 0 && time.Now().Before(end); {
		time.Sleep(20 * time.Millisecond)
		procs = marked(ke.marker, -1)
	}
	for _, pid := range procs {
		left = append(left, fmt.Sprintf("process %d", pid))
	}
	return left
}

// stagedName is a staged output's hidden name (tempName).
var stagedName = regexp.MustCompile(`^\..+\.tmp-[0-9]+-[0-9a-f]{16}$`)

// afterKill checks what a trial left: nothing, or only staged files
// beside its outputs — SIGKILL can land in the two system calls between a
// staged file's link and its rename — which the next run of the command
// (rerun, run to its end) must remove. Anything else is an error. It
// returns how many staged files the kill left.
func (ke *killEnv) afterKill(t *testing.T, trial string, since time.Time, proj string, rerun func()) int {
	t.Helper()
	left := ke.leftovers(t, since, proj)
	if len(left) == 0 {
		return 0
	}
	staged := 0
	for _, l := range left {
		if strings.HasPrefix(l, proj+string(filepath.Separator)) && stagedName.MatchString(filepath.Base(l)) {
			staged++
		} else {
			t.Errorf("%s: left behind: %s", trial, l)
		}
	}
	if staged < len(left) {
		ke.clear(t, left)
		return staged
	}
	rerun()
	if again := ke.leftovers(t, since, proj); len(again) > 0 {
		t.Errorf("%s: the next run did not remove what the kill left: %v", trial, again)
		ke.clear(t, again)
	}
	return staged
}

// hasAnySuffixPart reports whether name has one of the extensions followed
// by anything (a temporary file's random tail) or at its end.
func hasAnySuffixPart(name string, exts ...string) bool {
	for _, x := range exts {
		if strings.Contains(name, x) {
			return true
		}
	}
	return false
}

// clear removes what a trial left, so that the next trial is counted on
// its own (files in the shared folder are another test's to keep: only
// reported; processes are killed).
func (ke *killEnv) clear(t *testing.T, left []string) {
	for _, l := range left {
		var pid int
		if _, err := fmt.Sscanf(l, "process %d", &pid); err == nil {
			syscall.Kill(pid, syscall.SIGKILL)
			continue
		}
		if strings.HasPrefix(l, ke.root+string(filepath.Separator)) {
			os.RemoveAll(l)
		}
	}
}

// TestKillExport kills `dipgraph export -f csv`, which writes five sheets
// all or none, with SIGKILL at random moments over a whole export's time,
// 30 times: the sheets are always all the old ones or all the new ones,
// and no kill leaves a file behind anywhere (issue 17 saw five partial
// temporary files in /tmp).
func TestKillExport(t *testing.T) {
	if testing.Short() {
		t.Skip("kills 30 exports")
	}
	start := time.Now()
	dir := t.TempDir()
	bin := buildDipgraph(t, dir)
	ke := newKillEnv(t, dir)
	proj := filepath.Join(dir, "proj")
	if err := os.MkdirAll(proj, 0o755); err != nil {
		t.Fatal(err)
	}
	sheets := []string{"dataset.csv", "types.csv", "sources.csv", "entities.csv", "relations.csv"}
	export := func(name string) (map[string][]byte, time.Duration) {
		if err := os.WriteFile(filepath.Join(proj, "data.yaml"), []byte(strings.Replace(watchData, "NAME", name, 1)), 0o644); err != nil {
			t.Fatal(err)
		}
		cmd := exec.Command(bin, "export", "-f", "csv", "-o", "sheets", "data.yaml")
		cmd.Dir, cmd.Env = proj, ke.env
		began := time.Now()
		if b, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("export: %v\n%s", err, b)
		}
		took := time.Since(began)
		return readSheets(t, filepath.Join(proj, "sheets"), sheets), took
	}
	old, _ := export("Old")
	fresh, took := export("New")
	r := rand.New(rand.NewPCG(5, 6))
	var killed, finished, gotNew, left int
	for trial := range 30 {
		for name, b := range old {
			if err := os.WriteFile(filepath.Join(proj, "sheets", name), b, 0o644); err != nil {
				t.Fatal(err)
			}
		}
		cmd := exec.Command(bin, "export", "-f", "csv", "-o", "sheets", "data.yaml")
		cmd.Dir, cmd.Env = proj, ke.env
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
		got := readSheets(t, filepath.Join(proj, "sheets"), sheets)
		isOld, isNew := true, true
		for _, name := range sheets {
			isOld = isOld && bytes.Equal(got[name], old[name])
			isNew = isNew && bytes.Equal(got[name], fresh[name])
		}
		switch {
		case isNew:
			gotNew++
		case !isOld:
			t.Errorf("trial %d: the sheets are neither all old nor all new", trial)
		}
		left += ke.afterKill(t, fmt.Sprintf("trial %d", trial), start, proj, func() { export("New") })
	}
	t.Logf("30 exports (%v each) killed at random: %d mid-way, %d finished first; %d left the new sheets, %d the old; %d staged files left between a link and its rename, each removed by the next export",
		took.Round(time.Millisecond), killed, finished, gotNew, 30-gotNew, left)
	if killed == 0 {
		t.Error("no export was killed mid-way: the test proves nothing")
	}
}

func readSheets(t *testing.T, dir string, names []string) map[string][]byte {
	t.Helper()
	m := map[string][]byte{}
	for _, n := range names {
		b, err := os.ReadFile(filepath.Join(dir, n))
		if err != nil {
			t.Fatal(err)
		}
		m[n] = b
	}
	return m
}

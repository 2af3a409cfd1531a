package cli

import (
	"crypto/rand"
	"encoding/hex"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
)

// A stagedFile is the temporary file a target is written to before it
// replaces the target (writeAll). It is made in the target's own folder,
// so the rename never crosses filesystems and never goes through a shared
// folder such as /tmp, with mode 0600; ready gives it its final mode.
type stagedFile struct {
	f      *os.File
	target string
	mode   fs.FileMode
	// name is the temporary file's path; on Linux it is empty until
	// commit: the file is made with O_TMPFILE and has no name, so a
	// process killed while writing it leaves nothing behind.
	name string
	done bool
}

// ready makes the written file durable and gives it its final mode.
func (s *stagedFile) ready() error {
	if err := s.f.Sync(); err != nil {
		return err
	}
	return s.f.Chmod(s.mode)
}

// commit puts the staged file in place of its target, whole.
func (s *stagedFile) commit() error {
	if s.name == "" {
		name, err := linkStaged(s.f, filepath.Dir(s.target), filepath.Base(s.target))
		if err != nil {
			return err
		}
		s.name = name
	}
	// Renamed at once, closed after: the hidden name lives for two
	// system calls.
	if err := os.Rename(s.name, s.target); err != nil {
		return err
	}
	s.done = true
	return s.f.Close()
}

// cleanup removes a staged file that was not committed.
func (s *stagedFile) cleanup() {
	if s.done {
		return
	}
	s.f.Close()
	if s.name != "" {
		os.Remove(s.name)
	}
	s.done = true
}

// tempName is a hidden name beside the target that no other writer picks:
// .BASE.tmp-PID-RANDOM, the writer's process id in it, so that a later
// write can tell a file a killed writer left (sweepStaged).
func tempName(dir, base string) string {
	var b [8]byte
	rand.Read(b[:])
	return filepath.Join(dir, "."+base+".tmp-"+strconv.Itoa(os.Getpid())+"-"+hex.EncodeToString(b[:]))
}

// sweepStaged removes the staged files a killed writer left beside target:
// .BASE.tmp-PID-RANDOM files whose process is gone. A staged file has a
// name only in the microseconds between its link and its rename on Linux
// (for the whole write elsewhere), so SIGKILL — which nothing can catch —
// can leave one; the next write of the same target removes it. A file of a
// live process (another dipgraph writing the same target) is left alone.
func sweepStaged(target string) {
	dir, base := filepath.Dir(target), filepath.Base(target)
	entries, err := os.ReadDir(dir)
	if err != nil {
		return
	}
	prefix := "." + base + ".tmp-"
	for _, e := range entries {
		rest, ok := strings.CutPrefix(e.Name(), prefix)
		if !ok || !e.Type().IsRegular() {
			continue
		}
		pidText, random, ok := strings.Cut(rest, "-")
		pid, err := strconv.Atoi(pidText)
		if !ok || err != nil || pid <= 0 || len(random) != 16 || processAlive(pid) {
			continue
		}
		os.Remove(filepath.Join(dir, e.Name()))
	}
}

// stageNamed makes a named temporary file beside the target, readable by
// its owner only.
func stageNamed(target string, mode fs.FileMode) (*stagedFile, error) {
	dir := filepath.Dir(target)
	for range 100 {
		name := tempName(dir, filepath.Base(target))
		f, err := os.OpenFile(name, os.O_RDWR|os.O_CREATE|os.O_EXCL, 0o600)
		if os.IsExist(err) {
			continue
		}
		if err != nil {
			return nil, err
		}
		return &stagedFile{f: f, target: target, mode: mode, name: name}, nil
	}
	return nil, fs.ErrExist
}

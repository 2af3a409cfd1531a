package cli

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"syscall"
)

// An output is a finished file: where it goes and its bytes.
type output struct {
	path string
	data []byte
}

// writeOutput writes a finished figure. "-" is standard output; a path is
// written as writeAll writes one, so a reader, or a crash, never sees half
// a file and a failed run leaves the old file as it was.
func writeOutput(e *env, path string, b []byte) error {
	if path == "-" {
		_, err := e.stdout.Write(b)
		return err
	}
	return writeAll([]output{{path, b}})
}

// writeAll writes files all or none, creating their folders: each is
// written in full to a temporary file in its target's own folder first
// (stagedFile: on Linux one without a name, which a kill leaves nowhere),
// and only when every one is complete, and no target is a folder or
// anything else but a file, are they renamed over their targets, each
// rename replacing a file whole. A failure before then leaves every
// existing file as it was and no temporary file behind. A temporary file
// is readable by its owner alone until it has its final mode, just before
// its rename: a file that exists keeps its permissions; a new one is 0644
// less the umask.
func writeAll(outs []output) error {
	for _, o := range outs {
		if err := writableTarget(o.path); err != nil {
			return err
		}
	}
	for _, o := range outs {
		if dir := filepath.Dir(o.path); dir != "." {
			if err := os.MkdirAll(dir, 0o755); err != nil {
				return fmt.Errorf("cannot create the output folder: %w", err)
			}
		}
	}
	staged := make([]*stagedFile, 0, len(outs))
	defer func() {
		for _, s := range staged {
			s.cleanup()
		}
	}()
	for _, o := range outs {
		sweepStaged(o.path)
		s, err := stage(o.path, targetMode(o.path))
		if err != nil {
			return fmt.Errorf("cannot write %s: %w", o.path, err)
		}
		staged = append(staged, s)
		if _, err := s.f.Write(o.data); err != nil {
			return fmt.Errorf("cannot write %s: %w", o.path, err)
		}
		if err := s.ready(); err != nil {
			return fmt.Errorf("cannot write %s: %w", o.path, err)
		}
	}
	for _, o := range outs {
		if err := writableTarget(o.path); err != nil {
			return err
		}
	}
	for i, s := range staged {
		if err := s.commit(); err != nil {
			return fmt.Errorf("cannot write %s: %w", outs[i].path, err)
		}
	}
	return nil
}

// writableTarget refuses a target that is there and is not a file (after
// its symbolic links): a folder, a device such as /dev/null or /dev/zero,
// a FIFO or a socket. Renaming over one would replace it (a device node,
// for root) and reading it back could block or never end.
func writableTarget(path string) error {
	st, err := os.Stat(path)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return nil
	case err != nil:
		return fmt.Errorf("cannot write %s: %w", path, unwrapPath(err))
	case st.IsDir():
		return fmt.Errorf("cannot write %s: %w", path, syscall.EISDIR)
	case !st.Mode().IsRegular():
		return fmt.Errorf("cannot write %s: it is %s, not a file: name a file (or - for standard output)", path, fileKind(st.Mode()))
	}
	return nil
}

// fileKind names what a path that is not a file is.
func fileKind(m fs.FileMode) string {
	switch {
	case m&fs.ModeDevice != 0:
		return "a device"
	case m&fs.ModeNamedPipe != 0:
		return "a named pipe (FIFO)"
	case m&fs.ModeSocket != 0:
		return "a socket"
	case m.IsDir():
		return "a folder"
	}
	return "not a regular file"
}

// targetMode is the mode a written file gets: an existing file's own (a
// symbolic link's target's), else 0644 less the process's umask.
func targetMode(path string) fs.FileMode {
	if st, err := os.Stat(path); err == nil && st.Mode().IsRegular() {
		return st.Mode().Perm()
	}
	return 0o644 &^ umask()
}

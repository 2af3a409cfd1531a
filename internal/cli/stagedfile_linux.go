package cli

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"

	"golang.org/x/sys/unix"
)

// stage makes the temporary file for target: one without a name
// (O_TMPFILE) where the folder's filesystem supports it, else a named one.
func stage(target string, mode fs.FileMode) (*stagedFile, error) {
	dir := filepath.Dir(target)
	fd, err := unix.Open(dir, unix.O_TMPFILE|unix.O_RDWR|unix.O_CLOEXEC, 0o600)
	if err != nil {
		// EOPNOTSUPP, EISDIR (kernels before 3.11), EINVAL: not here.
		if errors.Is(err, unix.EOPNOTSUPP) || errors.Is(err, unix.EISDIR) || errors.Is(err, unix.EINVAL) {
			return stageNamed(target, mode)
		}
		return nil, &fs.PathError{Op: "open", Path: dir, Err: err}
	}
	f := os.NewFile(uintptr(fd), target)
	if _, err := os.Stat("/proc/self/fd/" + strconv.Itoa(fd)); err != nil {
		f.Close() // no /proc: the file could not be given a name
		return stageNamed(target, mode)
	}
	return &stagedFile{f: f, target: target, mode: mode}, nil
}

// linkStaged gives the nameless file f a hidden name in dir, for the
// rename over the target (a link cannot replace a file).
func linkStaged(f *os.File, dir, base string) (string, error) {
	proc := "/proc/self/fd/" + strconv.Itoa(int(f.Fd()))
	for range 100 {
		name := tempName(dir, base)
		err := unix.Linkat(unix.AT_FDCWD, proc, unix.AT_FDCWD, name, unix.AT_SYMLINK_FOLLOW)
		if errors.Is(err, unix.EEXIST) {
			continue
		}
		if err != nil {
			return "", &os.LinkError{Op: "link", Old: proc, New: name, Err: err}
		}
		return name, nil
	}
	return "", fs.ErrExist
}

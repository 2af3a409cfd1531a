package cli

import (
	"bytes"
	"errors"
	"io"
	"io/fs"
	"os"
	"syscall"
)

// compareExisting tells whether the file at path already holds want,
// reading no more than want's length and only a regular file of exactly
// that size: a path that is a device (a link to /dev/zero), a FIFO or a
// socket is never opened for reading, so a build cannot block on it or
// read forever (writeAll then refuses it with a message).
func compareExisting(path string, want []byte) outputState {
	st, err := os.Stat(path)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return stateNew
	case err != nil || !st.Mode().IsRegular() || st.Size() != int64(len(want)):
		return stateChanged
	}
	got, err := readRegular(path, int64(len(want)))
	if err != nil || !bytes.Equal(got, want) {
		return stateChanged
	}
	return stateSame
}

// errNotRegular is readRegular's error for a path that is not a file.
var errNotRegular = errors.New("not a regular file")

// errTooLarge is readRegular's error for a file over its limit.
var errTooLarge = errors.New("larger than expected")

// readRegular reads the regular file at path, of at most limit bytes. It
// opens without blocking (a FIFO put there since it was checked would
// otherwise wait for a writer), checks what it opened, and reads through a
// limit, so a file that grows meanwhile is refused, not read without end.
func readRegular(path string, limit int64) ([]byte, error) {
	f, err := os.OpenFile(path, os.O_RDONLY|syscall.O_NONBLOCK, 0)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return nil, err
	}
	if !st.Mode().IsRegular() {
		return nil, errNotRegular
	}
	if st.Size() > limit {
		return nil, errTooLarge
	}
	b, err := io.ReadAll(io.LimitReader(f, limit+1))
	if err != nil {
		return nil, err
	}
	if int64(len(b)) > limit {
		return nil, errTooLarge
	}
	return b, nil
}

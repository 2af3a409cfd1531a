package cli

import (
	"bytes"
	"errors"
	"io/fs"
	"os"

	"github.com/dipgraph/dipgraph/internal/readfile"
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
	got, err := readfile.Regular(path, int64(len(want)))
	if err != nil || !bytes.Equal(got, want) {
		return stateChanged
	}
	return stateSame
}

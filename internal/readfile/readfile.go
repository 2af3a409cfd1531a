// Package readfile reads the files dipgraph is named on its command line
// (style files, manifests, fonts) and the outputs build compares, within a
// limit: only a regular file, opened without blocking, so a device (a link
// to /dev/zero), a FIFO or a socket is refused at once rather than read
// without end or waited on, and a file over the limit is refused before it
// is read into memory.
package readfile

import (
	"errors"
	"fmt"
	"io"
	"os"
	"syscall"
)

// ErrNotRegular is the error, wrapped, for a path that is not a regular
// file: a device, a FIFO, a socket or a folder.
var ErrNotRegular = errors.New("not a regular file")

// ErrTooLarge is the error, wrapped, for a file over the limit.
var ErrTooLarge = errors.New("larger than the limit")

// A LimitError is a file over the limit, with the limit.
type LimitError struct {
	Size  int64 // the file's size when it was opened, or -1 if it grew past the limit while read
	Limit int64
}

func (e *LimitError) Error() string {
	if e.Size < 0 {
		return fmt.Sprintf("it grew past the limit of %d bytes while read", e.Limit)
	}
	return fmt.Sprintf("it is %d bytes, over the limit of %d bytes", e.Size, e.Limit)
}

// Unwrap makes errors.Is(err, ErrTooLarge) true.
func (e *LimitError) Unwrap() error { return ErrTooLarge }

// Open opens the regular file at path for reading. It opens without
// blocking (a FIFO would otherwise wait for a writer), then checks what it
// opened, so a file swapped for a FIFO or a device since it was listed is
// refused too.
func Open(path string) (*os.File, error) {
	f, err := os.OpenFile(path, os.O_RDONLY|syscall.O_NONBLOCK, 0)
	if err != nil {
		return nil, err
	}
	st, err := f.Stat()
	if err != nil {
		f.Close()
		return nil, err
	}
	if !st.Mode().IsRegular() {
		f.Close()
		return nil, ErrNotRegular
	}
	return f, nil
}

// Regular reads the regular file at path, of at most limit bytes. The
// limit is read through, so a file that grows meanwhile is refused, not
// read without end. Errors are the open's (*fs.PathError), ErrNotRegular,
// or a *LimitError.
func Regular(path string, limit int64) ([]byte, error) {
	f, err := Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return nil, err
	}
	if st.Size() > limit {
		return nil, &LimitError{Size: st.Size(), Limit: limit}
	}
	b, err := io.ReadAll(io.LimitReader(f, limit+1))
	if err != nil {
		return nil, err
	}
	if int64(len(b)) > limit {
		return nil, &LimitError{Size: -1, Limit: limit}
	}
	return b, nil
}

package cli

import (
	"errors"
	"fmt"
	"io/fs"

	"github.com/dipgraph/dipgraph/data"
	"github.com/dipgraph/dipgraph/internal/readfile"
)

// readSetting reads a style file or a manifest (what: "style file",
// "manifest") within its limit (data.MaxStyleFile, data.MaxManifest): only
// a regular file, so --style /dev/zero or a FIFO is refused at once. A
// file that cannot be opened, is not a regular file or is over the limit
// gives an *fs.PathError naming the file (and the limit).
func readSetting(path, what string, limit int64) ([]byte, error) {
	b, err := readfile.Regular(path, limit)
	var le *readfile.LimitError
	switch {
	case errors.Is(err, readfile.ErrNotRegular):
		return nil, &fs.PathError{Op: "open", Path: path, Err: fmt.Errorf("not a regular file (a device, a FIFO, a socket or a folder): name a %s", what)}
	case errors.As(err, &le):
		size := "it grew past the limit while read"
		if le.Size >= 0 {
			size = fmt.Sprintf("it is %d bytes", le.Size)
		}
		return nil, &fs.PathError{Op: "open", Path: path, Err: fmt.Errorf("%s, over the limit of %s for a %s: is it the right file?", size, data.FormatSize(limit), what)}
	}
	return b, err
}

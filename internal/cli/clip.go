package cli

import (
	"io"

	"github.com/dipgraph/dipgraph/data"
)

// clipWriter is standard error as every command writes to it: each write
// (one message, as the commands write them) goes through data.ClipMessage,
// so that no message — a data problem, an importer's error, a flag error —
// echoes a huge value whole: a 20 MB header cell gave 146 MB of messages.
type clipWriter struct{ w io.Writer }

func (c *clipWriter) Write(p []byte) (int, error) {
	s := string(p)
	clipped := data.ClipMessage(s)
	if len(clipped) == len(s) {
		if _, err := c.w.Write(p); err != nil {
			return 0, err
		}
		return len(p), nil
	}
	if _, err := io.WriteString(c.w, clipped); err != nil {
		return 0, err
	}
	return len(p), nil
}

// unclip returns the writer a clipWriter wraps, or w.
func unclip(w io.Writer) io.Writer {
	if c, ok := w.(*clipWriter); ok {
		return c.w
	}
	return w
}

package cli

import (
	"fmt"
	"os"
	"path/filepath"
	"syscall"

	"github.com/google/renameio/v2"
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
// written in full to a temporary file in its target's folder first, and
// only when every one is complete, and no target is a folder, are they
// renamed over their targets, each rename replacing a file whole. A
// failure before then leaves every existing file as it was and no
// temporary file behind. A file that exists keeps its permissions; a new
// one is 0644.
func writeAll(outs []output) error {
	for _, o := range outs {
		if dir := filepath.Dir(o.path); dir != "." {
			if err := os.MkdirAll(dir, 0o755); err != nil {
				return fmt.Errorf("cannot create the output folder: %w", err)
			}
		}
	}
	pending := make([]*renameio.PendingFile, 0, len(outs))
	defer func() {
		for _, p := range pending {
			p.Cleanup()
		}
	}()
	for _, o := range outs {
		// The temporary file goes beside its target, so that a folder
		// that cannot be written fails here, before any rename.
		p, err := renameio.NewPendingFile(o.path, renameio.WithTempDir(filepath.Dir(o.path)),
			renameio.WithPermissions(0o644), renameio.WithExistingPermissions())
		if err != nil {
			return fmt.Errorf("cannot write %s: %w", o.path, err)
		}
		pending = append(pending, p)
		if _, err := p.Write(o.data); err != nil {
			return fmt.Errorf("cannot write %s: %w", o.path, err)
		}
	}
	for _, o := range outs {
		if st, err := os.Stat(o.path); err == nil && st.IsDir() {
			return fmt.Errorf("cannot write %s: %w", o.path, syscall.EISDIR)
		}
	}
	for i, p := range pending {
		if err := p.CloseAtomicallyReplace(); err != nil {
			return fmt.Errorf("cannot write %s: %w", outs[i].path, err)
		}
	}
	return nil
}

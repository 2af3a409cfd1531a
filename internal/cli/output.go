package cli

import (
	"fmt"
	"os"
	"path/filepath"

	"github.com/google/renameio/v2"
)

// writeOutput writes a finished figure. "-" is standard output; a path is
// written atomically — to a temporary file in the same directory, then
// renamed over the target — so a reader, or a crash, never sees half a file
// and a failed run leaves the old file as it was.
func writeOutput(e *env, path string, b []byte) error {
	if path == "-" {
		_, err := e.stdout.Write(b)
		return err
	}
	if dir := filepath.Dir(path); dir != "." {
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return fmt.Errorf("cannot create the output folder: %w", err)
		}
	}
	if err := renameio.WriteFile(path, b, 0o644); err != nil {
		return fmt.Errorf("cannot write %s: %w", path, err)
	}
	return nil
}

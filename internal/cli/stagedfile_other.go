//go:build !linux

package cli

import (
	"errors"
	"io/fs"
	"os"
)

// stage makes a named temporary file for target beside it.
func stage(target string, mode fs.FileMode) (*stagedFile, error) {
	return stageNamed(target, mode)
}

// linkStaged is never called: a named staged file has its name.
func linkStaged(*os.File, string, string) (string, error) {
	return "", errors.New("a staged file without a name")
}

//go:build unix

package cli

import (
	"errors"
	"syscall"
)

// processAlive reports whether process pid exists (it may be another
// user's: EPERM says it is there).
func processAlive(pid int) bool {
	err := syscall.Kill(pid, 0)
	return err == nil || errors.Is(err, syscall.EPERM)
}

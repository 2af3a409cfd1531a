//go:build !unix

package cli

// processAlive reports whether process pid exists; where that cannot be
// asked cheaply, every writer is taken as alive, so no staged file is
// swept.
func processAlive(int) bool { return true }

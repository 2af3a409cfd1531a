//go:build !linux

package graphviz

import "os/exec"

// setDeathSignal does nothing where there is no parent-death signal: the
// end of a child's input stops it (child.go).
func setDeathSignal(*exec.Cmd) {}

package graphviz

import (
	"os/exec"
	"syscall"
)

// setDeathSignal has the kernel kill cmd's process when the thread that
// starts it ends (see child.go). Go's fork checks, once the signal is set
// in the child, that the parent did not die before: a child whose parent
// is already gone kills itself.
func setDeathSignal(cmd *exec.Cmd) {
	if cmd.SysProcAttr == nil {
		cmd.SysProcAttr = &syscall.SysProcAttr{}
	}
	cmd.SysProcAttr.Pdeathsig = syscall.SIGKILL
}

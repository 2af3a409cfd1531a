package cli

import (
	"os"
	"syscall"
)

// StopSignals are the signals that stop a command as Ctrl-C does: the
// command's context ends, layouts and their servers are stopped, nothing
// half-made is written and temporary files are removed; the command then
// exits 1 (watch: 0, its normal end). SIGTERM (kill, systemd, a CI
// runner's timeout) and SIGHUP (a closed terminal) are among them, so
// layout servers never outlive a build stopped that way. (SIGKILL cannot
// be caught: servers die with their parent then too, see render/graphviz.)
var StopSignals = []os.Signal{os.Interrupt, syscall.SIGTERM, syscall.SIGHUP}

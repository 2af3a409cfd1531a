package graphviz

import (
	"os/exec"
	"runtime"
	"sync"
)

// Workers and layout servers die with the process that started them, for
// any way it ends, in two ways:
//
//   - A server's standard input is a pipe from its parent; the server
//     reads it all the time, not only between layouts, and exits as soon
//     as it ends (serveLayouts). That works everywhere, but a stopped
//     (SIGSTOP) or stuck parent keeps its end open.
//   - On Linux the kernel kills the child with SIGKILL when its parent
//     dies (Pdeathsig, deathsig_linux.go). The kernel means by "parent"
//     the thread that forked the child, not the process (golang/go#27505):
//     Go may end a thread when a goroutine locked to it returns, and the
//     child would then be killed although the process lives on. So every
//     child is started from one goroutine locked to its thread for good
//     (spawner), whose thread ends only with the process.

// spawn is a request to the spawner: a command to start, and where its
// Start's error goes.
type spawn struct {
	cmd  *exec.Cmd
	done chan error
}

var (
	spawns      = make(chan spawn)
	spawnerOnce sync.Once
)

// startChild starts cmd as a child that dies with this process.
func startChild(cmd *exec.Cmd) error {
	setDeathSignal(cmd)
	spawnerOnce.Do(func() { go spawner() })
	s := spawn{cmd: cmd, done: make(chan error, 1)}
	spawns <- s
	return <-s.done
}

// spawner starts children from its own thread, which it never leaves: the
// goroutine never returns, so the thread is never ended while the process
// runs (see above).
func spawner() {
	runtime.LockOSThread()
	for s := range spawns {
		s.done <- s.cmd.Start()
	}
}

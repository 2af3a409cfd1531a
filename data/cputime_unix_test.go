//go:build unix

package data

import (
	"syscall"
	"time"
)

// cpuTime is the CPU time this process has used (user and system): the
// growth tests time work with it, so other processes' load on a shared
// machine does not count, as it would in wall time.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

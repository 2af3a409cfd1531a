// Package cputime gives the CPU time the process has used, for the tests
// that check how work grows with its input: timed in CPU rather than wall
// time, other processes' load on a shared machine does not count.
package cputime

import "time"

// Self is the CPU time (user and system) this process has used; where
// that is not at hand, the wall time since the process started.
func Self() time.Duration { return self() }

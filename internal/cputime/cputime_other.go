//go:build !unix

package cputime

import "time"

var start = time.Now()

func self() time.Duration { return time.Since(start) }

//go:build !unix

package cli

import "io/fs"

// umask is none where there is no umask.
func umask() fs.FileMode { return 0 }

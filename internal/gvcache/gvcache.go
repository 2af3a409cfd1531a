// Package gvcache moves go-graphviz's cache of compiled WebAssembly out of
// the shared temporary folder.
//
// go-graphviz compiles Graphviz's WebAssembly to machine code when its
// package is initialised, before any of dipgraph's code runs, and keeps
// the result in os.TempDir()/go-graphviz (about 6 MB; compiling takes
// about 1 s, a cached start 0.05 s). In a shared /tmp that is a folder any
// user may have made first, holding code this process then runs; and a
// process killed while the cache is written leaves a partial file there.
// This package's init runs before go-graphviz's — Go initialises packages
// in import-path order wherever their imports allow (since Go 1.21), this
// path sorts before github.com/goccy/..., and it imports only packages
// go-graphviz imports too (TestInitOrder) — and points TMPDIR at the
// user's own cache folder, dipgraph under os.UserCacheDir, made 0700, for
// go-graphviz's init alone: Restore, called by render/graphviz's init
// (which runs after go-graphviz's), puts TMPDIR back as it was. Where no
// such folder can be had the cache is off (each start compiles).
package gvcache

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"
)

// Dir is the folder go-graphviz's cache goes in (as its TMPDIR), "" when
// the cache is off.
var Dir string

var (
	tmpdir    string
	hadTmpdir bool
	restored  bool
)

func init() {
	tmpdir, hadTmpdir = os.LookupEnv("TMPDIR")
	Dir = privateDir()
	if Dir != "" {
		os.Setenv("TMPDIR", Dir)
		return
	}
	// go-graphviz cannot make its folder under a file: no cache.
	os.Setenv("TMPDIR", filepath.Join(os.DevNull, "no-cache"))
}

// privateDir is dipgraph's folder in the user's cache folder, if it is a
// folder (not a link) that only this user can write.
func privateDir() string {
	base, err := os.UserCacheDir()
	if err != nil || !filepath.IsAbs(base) {
		return ""
	}
	dir := filepath.Join(base, "dipgraph")
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return ""
	}
	st, err := os.Lstat(dir)
	if err != nil || !st.IsDir() || st.Mode().Perm()&0o022 != 0 || !ownedByMe(st) {
		return ""
	}
	return dir
}

// Restore puts TMPDIR back as it was before go-graphviz's init, and
// removes what a process killed while writing the cache left in it:
// wazero's temporary files (NAME.RANDOM.tmp) older than ten minutes.
func Restore() {
	if restored {
		return
	}
	restored = true
	if hadTmpdir {
		os.Setenv("TMPDIR", tmpdir)
	} else {
		os.Unsetenv("TMPDIR")
	}
	if Dir == "" {
		return
	}
	stale := time.Now().Add(-10 * time.Minute)
	filepath.WalkDir(filepath.Join(Dir, "go-graphviz"), func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(d.Name(), ".tmp") {
			return nil
		}
		if st, err := d.Info(); err == nil && st.ModTime().Before(stale) {
			os.Remove(p)
		}
		return nil
	})
}

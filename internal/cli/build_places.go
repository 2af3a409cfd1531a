package cli

import (
	"fmt"
	"path/filepath"

	"github.com/dipgraph/dipgraph/data"
)

// manifestPath is where a manifest's output path is written and reported:
// relative to the manifest's folder dir, or absolute as given.
func manifestPath(dir, p string) string {
	p = filepath.FromSlash(p)
	if filepath.IsAbs(p) {
		return p
	}
	return filepath.Join(dir, p)
}

// checkOutputPlaces checks where every output of the manifest (every
// figure's, --only or not, and the scores file) really goes, symbolic
// links resolved: under the manifest's folder, unless allowOutside, and
// no two to one file — whether their paths differ by "..", a link, or
// case on a filesystem that folds case. (Paths that differ only by "." or
// empty parts are one file anywhere: data.ParseManifest reports those.)
// It returns the problems and the positions of the outputs at fault.
func checkOutputPlaces(m *data.Manifest, dir string, allowOutside bool) (data.Problems, map[data.Pos]bool) {
	var ps data.Problems
	bad := map[data.Pos]bool{}
	root, rootErr := realDir(dir)
	type place struct {
		raw string
		pos data.Pos
	}
	seen := map[string]place{}
	check := func(o data.Output, what string) {
		p := filepath.FromSlash(o.Path)
		real, err := realPath(dir, p)
		if err == nil {
			err = rootErr
		}
		if err != nil {
			ps = append(ps, data.Problem{Pos: o.Pos, Msg: fmt.Sprintf("%s %q: cannot tell where it goes: %v", what, o.Path, unwrapPath(err)), Hint: "fix the path or the folders and links on it"})
			bad[o.Pos] = true
			return
		}
		if !allowOutside && !within(root, real) {
			msg := fmt.Sprintf("%s %q is outside the manifest's folder", what, o.Path)
			if filepath.IsLocal(p) {
				msg += fmt.Sprintf(": a symbolic link on its path leads to %s", real)
			}
			ps = append(ps, data.Problem{Pos: o.Pos, Msg: msg, Hint: "write under the manifest's folder, or pass --allow-outside"})
			bad[o.Pos] = true
			return
		}
		key := outputKey(real)
		first, dup := seen[key]
		switch {
		case !dup:
			seen[key] = place{o.Path, o.Pos}
		case data.OutputKey(first.raw) == data.OutputKey(o.Path):
			bad[o.Pos] = true // the same path: the manifest's own check said so
		default:
			ps = append(ps, data.Problem{Pos: o.Pos, Msg: fmt.Sprintf("%s %q is the same file as %q at %s (both are %s)", what, o.Path, first.raw, first.pos, real), Hint: "give each output its own file"})
			bad[o.Pos] = true
		}
	}
	for _, f := range m.Figures {
		for _, o := range f.Outputs {
			check(o, "output")
		}
	}
	if m.Scores.Path != "" {
		check(m.Scores, "scores")
	}
	return ps, bad
}

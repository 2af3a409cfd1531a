package cli

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"unicode"
)

// realPath is where a file written at a path really goes: absolute, with
// the symbolic links of every folder on it that exists resolved, as the
// system will resolve them when the file is written (a link's "..": the
// parent of its target), and the parts that do not exist yet cleaned. The
// last part is not followed: a file written there replaces a link (see
// writeAll). dir is the folder a relative path is in ("" for the working
// folder).
func realPath(dir, p string) (string, error) {
	if !filepath.IsAbs(p) {
		base, err := filepath.Abs(dir)
		if err != nil {
			return "", err
		}
		p = base + string(filepath.Separator) + p // not Join: it would clean "link/.." away
	}
	return resolve(p, false)
}

// resolve walks an absolute path part by part; followLast: the last part's
// link too.
func resolve(p string, followLast bool) (string, error) {
	vol := filepath.VolumeName(p)
	cur := vol + string(filepath.Separator)
	exists := true
	parts := strings.Split(p[len(vol):], string(filepath.Separator))
	last := len(parts) - 1
	for last > 0 && (parts[last] == "" || parts[last] == ".") {
		last--
	}
	for i, part := range parts {
		switch part {
		case "", ".":
			continue
		case "..":
			cur = filepath.Dir(cur) // cur has no links left: its parent is real
			continue
		}
		next := filepath.Join(cur, part)
		if !exists || (i == last && !followLast) {
			cur = next
			continue
		}
		st, err := os.Lstat(next)
		switch {
		case errors.Is(err, fs.ErrNotExist):
			exists = false
			cur = next
		case err != nil:
			return "", err
		case st.Mode()&fs.ModeSymlink != 0:
			target, err := filepath.EvalSymlinks(next)
			if errors.Is(err, fs.ErrNotExist) {
				// A dangling link: the file is made where it points.
				link, lerr := os.Readlink(next)
				if lerr != nil {
					return "", lerr
				}
				if !filepath.IsAbs(link) {
					link = filepath.Join(cur, link)
				}
				if target, err = resolve(link, true); err != nil {
					return "", err
				}
				exists = false
			} else if err != nil {
				return "", err
			}
			cur = target
		default:
			cur = next
		}
	}
	return cur, nil
}

// realDir is the real path of a folder, its own link followed.
func realDir(dir string) (string, error) {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return "", err
	}
	return resolve(abs, true)
}

// within reports whether the real path p is dir (real too) or under it.
func within(dir, p string) bool {
	rel, err := filepath.Rel(dir, p)
	return err == nil && filepath.IsLocal(rel)
}

// foldsCase reports whether the filesystem holding the existing path p
// finds names whatever their case (macOS and Windows by default): a name
// along p with a letter in it is looked up with its case swapped, and if
// that finds the same file, case does not tell files apart there.
func foldsCase(p string) bool {
	for q := p; ; q = filepath.Dir(q) {
		base := filepath.Base(q)
		if swapped := swapCase(base); swapped != base {
			a, err := os.Stat(q)
			if err != nil {
				return false
			}
			b, err := os.Stat(filepath.Join(filepath.Dir(q), swapped))
			return err == nil && os.SameFile(a, b)
		}
		if filepath.Dir(q) == q {
			return false
		}
	}
}

func swapCase(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsUpper(r) {
			return unicode.ToLower(r)
		}
		return unicode.ToUpper(r)
	}, s)
}

// existingAncestor is the deepest part of the real path p that exists.
func existingAncestor(p string) string {
	for {
		if _, err := os.Lstat(p); err == nil || filepath.Dir(p) == p {
			return p
		}
		p = filepath.Dir(p)
	}
}

// outputKey is what two outputs that are one file share: the real path,
// in one case where the filesystem there folds case.
func outputKey(real string) string {
	if foldsCase(existingAncestor(real)) {
		return strings.ToLower(real)
	}
	return real
}

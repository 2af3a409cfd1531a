package cli

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/fsnotify/fsnotify"
)

// follower keeps fsnotify watches on the folders of the files watch
// follows. It watches folders, not files, so that a file replaced by a
// rename (as many editors save) is seen. A folder that is deleted (or
// renamed away) takes its watch with it: the follower then watches its
// nearest existing ancestor, says on stderr that the folder is missing,
// and watches the folder again when it comes back.
type follower struct {
	fw     *fsnotify.Watcher
	stderr io.Writer
	// want is the files followed (absolute paths).
	want map[string]bool
	// watched is the folders added to fw.
	watched map[string]bool
	// missing is the folders of followed files that do not exist, each
	// with the name it is reported by.
	missing map[string]string
}

func newFollower(fw *fsnotify.Watcher, stderr io.Writer) *follower {
	return &follower{fw: fw, stderr: stderr, want: map[string]bool{}, watched: map[string]bool{}, missing: map[string]string{}}
}

// follow watches the folders of files, or the nearest existing ancestor
// of a folder that is missing, and stops watching folders no longer
// needed. back reports that a folder missing before exists again (its
// files may have changed unseen, so the caller renders).
func (f *follower) follow(files []string) (back bool, err error) {
	clear(f.want)
	names := map[string]string{} // each folder's name for messages
	for _, file := range files {
		abs, err := filepath.Abs(file)
		if err != nil {
			return false, err
		}
		f.want[abs] = true
		if _, ok := names[filepath.Dir(abs)]; !ok {
			names[filepath.Dir(abs)] = filepath.Dir(file)
		}
	}
	// Which folders exist can change while watches are added (mkdir -p
	// makes a folder, then the next one in it): look again until two looks
	// agree, so that no folder is made unseen.
	var missing map[string]string
	for range 8 {
		need, now := f.plan(names)
		for d := range need {
			if f.watched[d] {
				continue
			}
			if err := f.fw.Add(d); err != nil {
				if _, statErr := os.Stat(d); statErr != nil {
					continue // gone again: the next look finds its ancestor
				}
				name, ok := names[d]
				if !ok {
					name = d // the ancestor of a missing folder
				}
				return false, fmt.Errorf("cannot watch %s: %w", name, err)
			}
			f.watched[d] = true
		}
		for d := range f.watched {
			if !need[d] {
				f.fw.Remove(d) // fails when the folder is gone, which took its watch
				delete(f.watched, d)
			}
		}
		if missing = now; f.settled(names, now) {
			break
		}
	}
	for d, name := range missing {
		if _, was := f.missing[d]; !was {
			fmt.Fprintf(f.stderr, "dipgraph watch: folder %s is missing; watching for it to come back\n", name)
		}
	}
	for d, name := range f.missing {
		if _, still := missing[d]; !still {
			if _, ok := names[d]; ok {
				fmt.Fprintf(f.stderr, "dipgraph watch: folder %s is back; watching it again\n", name)
				back = true
			}
		}
	}
	f.missing = missing
	return back, nil
}

// plan is the folders to watch for the files' folders (dirs), and which
// of those are missing.
func (f *follower) plan(dirs map[string]string) (need map[string]bool, missing map[string]string) {
	need, missing = map[string]bool{}, map[string]string{}
	for d, name := range dirs {
		if isDir(d) {
			need[d] = true
			continue
		}
		missing[d] = name
		need[folderAbove(d)] = true
	}
	return need, missing
}

// settled reports whether a new look at the folders finds what the last
// one (missing) did.
func (f *follower) settled(dirs map[string]string, missing map[string]string) bool {
	need, now := f.plan(dirs)
	if len(now) != len(missing) {
		return false
	}
	for d := range need {
		if !f.watched[d] {
			return false
		}
	}
	return true
}

// isDir reports whether path is a folder.
func isDir(path string) bool {
	fi, err := os.Stat(path)
	return err == nil && fi.IsDir()
}

// folderAbove is the nearest folder above path that exists.
func folderAbove(path string) string {
	for {
		parent := filepath.Dir(path)
		if parent == path || isDir(parent) {
			return parent
		}
		path = parent
	}
}

// What an event means to the follower.
type eventMeaning int

const (
	eventOther   eventMeaning = iota // nothing followed
	eventFile                        // a followed file changed
	eventFolders                     // a watched folder went, or a missing one may have come: follow again
)

// meaning is what an fsnotify event means: a change to a followed file, a
// change to the folders followed, or nothing.
func (f *follower) meaning(ev fsnotify.Event) eventMeaning {
	abs, err := filepath.Abs(ev.Name)
	if err != nil {
		return eventOther
	}
	if f.want[abs] {
		return eventFile
	}
	if f.watched[abs] && ev.Has(fsnotify.Remove|fsnotify.Rename) {
		// The folder itself was deleted or renamed away: inotify drops a
		// deleted folder's watch, and a renamed one's follows it elsewhere.
		f.fw.Remove(abs)
		delete(f.watched, abs)
		return eventFolders
	}
	if ev.Has(fsnotify.Create | fsnotify.Rename) {
		for d := range f.missing {
			if d == abs || strings.HasPrefix(d, abs+string(filepath.Separator)) {
				return eventFolders
			}
		}
	}
	return eventOther
}

package cli

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// TestDocExamplesWriteOutsideOut: every command example in the README and
// docs/ that writes a figure or an export names its file (-o, or --frames
// for a folder of frames), and never one under out/, where the committed
// figures are: a reader who copies an example must not overwrite them.
// render and watch without -o would write out/DATASET.FORMAT. build and
// watch -m write what a manifest lists, on purpose, and are not checked.
func TestDocExamplesWriteOutsideOut(t *testing.T) {
	docs, err := filepath.Glob(filepath.Join(root, "docs", "*.md"))
	if err != nil {
		t.Fatal(err)
	}
	fence := regexp.MustCompile("(?s)```[a-z]*\n(.*?)```")
	checked := 0
	for _, doc := range append([]string{filepath.Join(root, "README.md")}, docs...) {
		src, err := os.ReadFile(doc)
		if err != nil {
			t.Fatal(err)
		}
		for _, block := range fence.FindAllStringSubmatch(string(src), -1) {
			text := strings.ReplaceAll(block[1], "\\\n", " ")
			for line := range strings.SplitSeq(text, "\n") {
				line, _, _ = strings.Cut(line, " # ")
				for _, part := range commandSep.Split(line, -1) {
					if problem, ok := writesOutsideOut(strings.Fields(part)); ok {
						checked++
						if problem != "" {
							t.Errorf("%s: %q %s", doc, strings.TrimSpace(part), problem)
						}
					}
				}
			}
		}
	}
	if checked < 20 {
		t.Errorf("only %d command examples found; the test no longer reads the docs", checked)
	}
}

// commandSep separates the commands of a shell line.
var commandSep = regexp.MustCompile(`\||&&|;`)

// writesOutsideOut checks one command line: ok reports whether it is a
// dipgraph command that writes files (render, watch, export, import), and
// problem says what is wrong with where it writes, if anything.
func writesOutsideOut(args []string) (problem string, ok bool) {
	if len(args) > 0 && args[0] == "$" {
		args = args[1:]
	}
	switch {
	case len(args) >= 2 && args[0] == "dipgraph":
		args = args[1:]
	case len(args) >= 4 && args[0] == "go" && args[1] == "run" && args[2] == ".":
		args = args[3:]
	default:
		return "", false
	}
	for _, a := range args {
		if strings.HasPrefix(a, "[") {
			return "", false // a synopsis (dipgraph render [flags] [DATA...]), not an example
		}
	}
	cmd := args[0]
	switch cmd {
	case "render", "watch", "export", "import":
	default:
		return "", false
	}
	var outputs []string
	manifest := false
	for i, a := range args {
		name, value, hasValue := strings.Cut(a, "=")
		switch name {
		case "-o", "--output", "--frames":
			if !hasValue && i+1 < len(args) {
				value = args[i+1]
			}
			outputs = append(outputs, value)
		case "-m", "--manifest":
			manifest = true
		}
	}
	if cmd == "watch" && manifest {
		return "", false
	}
	for _, o := range outputs {
		if strings.HasPrefix(filepath.ToSlash(filepath.Clean(o)), "out/") {
			return "writes under out/, over the committed figures: give -o a path outside out/", true
		}
	}
	if len(outputs) == 0 && (cmd == "render" || cmd == "watch") {
		return "writes out/DATASET.FORMAT, over the committed figure: give -o a path outside out/", true
	}
	return "", true
}

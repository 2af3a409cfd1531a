package data

import (
	"embed"
	"fmt"
	"io"
	"io/fs"
	"path"
	"runtime/debug"
	"slices"
	"strings"

	"github.com/dipgraph/dipgraph/graph"
)

//go:embed datasets/*.yaml
var embedded embed.FS

// Schema is the JSON Schema of the data format, for editors and tests.
//
//go:embed schema/dipgraph.schema.json
var Schema []byte

// DefaultDataset is the embedded dataset used when no data is named.
const DefaultDataset = "beijing-2025"

// MaxInput is the largest data file read by default, in bytes (the
// commands' --max-input raises or lowers it). Larger files are refused with
// an error rather than read into memory. Decoding YAML holds its tokens and
// tree, 110 to 190 times the file's size: a 16 MiB file peaks at 1.8 GB
// (block style) to 3.0 GB (the densest, one relation per line in flow
// style), so the default keeps a run within about 3 GB.
const MaxInput = 16 << 20

// MaxStyleFile and MaxManifest are the largest style file (render
// --style) and manifest (build and watch --manifest) read, in bytes:
// hundreds of times the project's own (2 KB), and far below what would
// strain memory. A larger file, or one that is not a regular file (a
// device such as /dev/zero, a FIFO), is refused before it is read.
const (
	MaxStyleFile = 1 << 20
	MaxManifest  = 1 << 20
)

// Embedded returns the names of the embedded datasets, sorted.
func Embedded() []string {
	entries, _ := fs.ReadDir(embedded, "datasets")
	var names []string
	for _, e := range entries {
		names = append(names, strings.TrimSuffix(e.Name(), path.Ext(e.Name())))
	}
	slices.Sort(names)
	return names
}

// EmbeddedFS is the file system holding the embedded datasets, as
// datasets/NAME.yaml.
func EmbeddedFS() fs.FS { return embedded }

// Input is one data file's bytes and the name to report problems under.
type Input struct {
	Name string
	Src  []byte
	JSON bool
}

// ReadInput reads one DATA argument: the name of an embedded dataset, "-"
// for r (standard input), or a path opened through fsys. Embedded and user
// files go through the same decoder.
func ReadInput(arg string, fsys fs.FS, stdin io.Reader) (Input, error) {
	return ReadInputLimit(arg, fsys, stdin, MaxInput)
}

// ReadInputLimit is ReadInput refusing files larger than limit bytes (the
// command's --max-input) with a *TooLargeError; a limit of 0 or less is
// MaxInput.
func ReadInputLimit(arg string, fsys fs.FS, stdin io.Reader, limit int64) (Input, error) {
	if limit <= 0 {
		limit = MaxInput
	}
	return ReadInputBudget(arg, fsys, stdin, limit)
}

// ReadInputBudget is ReadInputLimit with what is left of a limit for
// several files (limit bytes; 0: none left, so only an empty file is
// read).
func ReadInputBudget(arg string, fsys fs.FS, stdin io.Reader, limit int64) (Input, error) {
	limit = max(limit, 0)
	if arg == "-" {
		src, err := readLimited(stdin, "standard input", limit)
		return Input{Name: "<stdin>", Src: src, JSON: looksJSON(src)}, err
	}
	if slices.Contains(Embedded(), arg) && !strings.ContainsAny(arg, "/.") {
		src, err := fs.ReadFile(embedded, "datasets/"+arg+".yaml")
		return Input{Name: arg, Src: src}, err
	}
	switch strings.ToLower(path.Ext(arg)) {
	case ".yaml", ".yml", ".json":
	default:
		return Input{}, fmt.Errorf("%s: not a data file or embedded dataset: name a .yaml, .yml or .json file, or one of: %s", arg, strings.Join(Embedded(), ", "))
	}
	f, err := fsys.Open(arg)
	if err != nil {
		return Input{}, fmt.Errorf("%s: cannot read: %w", arg, unwrapPathError(err))
	}
	defer f.Close()
	src, err := readLimited(f, arg, limit)
	return Input{Name: arg, Src: src, JSON: strings.EqualFold(path.Ext(arg), ".json")}, err
}

func unwrapPathError(err error) error {
	if pe, ok := err.(*fs.PathError); ok {
		return pe.Err
	}
	return err
}

func readLimited(r io.Reader, name string, limit int64) ([]byte, error) {
	src, err := io.ReadAll(io.LimitReader(r, limit+1))
	if err != nil {
		return nil, fmt.Errorf("%s: cannot read: %w", name, err)
	}
	if int64(len(src)) > limit {
		return nil, &TooLargeError{Name: name, Limit: limit}
	}
	return src, nil
}

// TooLargeError is a data file over the input limit: it was not read into
// memory.
type TooLargeError struct {
	Name  string // the file, or "standard input"
	Limit int64  // bytes
	// Together is how many DATA files were read before this one, when
	// they and this one are over the limit together (the limit is for all
	// the DATA of a command); 0 when this file alone is.
	Together int
}

func (e *TooLargeError) Error() string {
	if e.Together > 0 {
		files := "file"
		if e.Together > 1 {
			files = "files"
		}
		return fmt.Sprintf("%s: with the %d %s before it, the data is larger than the input limit of %s, which is for all DATA together: give fewer or smaller files, or raise the limit with --max-input SIZE",
			e.Name, e.Together, files, FormatSize(e.Limit))
	}
	return fmt.Sprintf("%s: larger than the input limit of %s: raise the limit with --max-input SIZE",
		e.Name, FormatSize(e.Limit))
}

// FormatSize writes a byte count as the largest binary unit that divides
// it exactly: 64MiB, 1536KiB, 100B.
func FormatSize(n int64) string {
	for _, u := range []struct {
		name string
		size int64
	}{{"GiB", 1 << 30}, {"MiB", 1 << 20}, {"KiB", 1 << 10}} {
		if n >= u.size && n%u.size == 0 {
			return fmt.Sprintf("%d%s", n/u.size, u.name)
		}
	}
	return fmt.Sprintf("%dB", n)
}

func looksJSON(src []byte) bool {
	s := strings.TrimLeft(string(src[:min(len(src), 64)]), " \t\r\n\ufeff")
	return strings.HasPrefix(s, "{")
}

// Load decodes and validates one or more data files as one dataset. On
// invalid data it returns the dataset so far and every problem, sorted, as
// a Problems error.
func Load(inputs ...Input) (*graph.Dataset, error) {
	ds, _, err := LoadNotes(inputs...)
	return ds, err
}

// LoadNotes is Load that also returns the notes on valid data, sorted:
// not problems, but how a record will be read (docs/data-format.md), for
// validate to tell.
func LoadNotes(inputs ...Input) (*graph.Dataset, Problems, error) {
	defer paceCollector(inputs)()
	var files []*file
	var ps Problems
	for _, in := range inputs {
		f, fps := decodeBytes(in.Name, in.Src, in.JSON)
		ps = append(ps, fps...)
		if f != nil {
			files = append(files, f)
		}
	}
	m := merge(files)
	ps = append(ps, m.validate(files)...)
	if m.ds.ID == "" && len(inputs) > 0 {
		m.ds.ID = strings.TrimSuffix(path.Base(inputs[0].Name), path.Ext(inputs[0].Name))
	}
	if m.ds.Title == "" {
		m.ds.Title = m.ds.ID
	}
	m.notes.Sort()
	if len(ps) > 0 {
		ps.Sort()
		return &m.ds, m.notes, ps
	}
	return &m.ds, m.notes, nil
}

// largeInput is the input size from which LoadNotes paces the collector.
const largeInput = 4 << 20

// paceCollector sets Go's collector to its default pace (GOGC 100) while
// large inputs are decoded, when it runs slower (the command line sets 400
// for short commands), and returns the function that puts it back.
// Decoding is where a run's memory peaks, nearly all of it the parser's
// tokens and tree, live until the walk ends: at 400 the heap may grow to
// five times that, and a dense 16 MiB file took 4.3 GB instead of 3.1 GB.
func paceCollector(inputs []Input) func() {
	var total int
	for _, in := range inputs {
		total += len(in.Src)
	}
	if total < largeInput {
		return func() {}
	}
	old := debug.SetGCPercent(100)
	if old >= 0 && old < 100 {
		debug.SetGCPercent(old) // already faster: keep it
		return func() {}
	}
	return func() { debug.SetGCPercent(old) }
}

package data

import (
	"embed"
	"fmt"
	"io"
	"io/fs"
	"path"
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

// MaxInput is the largest data file read, in bytes. Larger files are
// refused with an error rather than read into memory.
const MaxInput = 64 << 20

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
	if arg == "-" {
		src, err := readLimited(stdin, "standard input")
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
	src, err := readLimited(f, arg)
	return Input{Name: arg, Src: src, JSON: strings.EqualFold(path.Ext(arg), ".json")}, err
}

func unwrapPathError(err error) error {
	if pe, ok := err.(*fs.PathError); ok {
		return pe.Err
	}
	return err
}

func readLimited(r io.Reader, name string) ([]byte, error) {
	src, err := io.ReadAll(io.LimitReader(r, MaxInput+1))
	if err != nil {
		return nil, fmt.Errorf("%s: cannot read: %w", name, err)
	}
	if len(src) > MaxInput {
		return nil, fmt.Errorf("%s: larger than %d MiB: split the data into several files", name, MaxInput>>20)
	}
	return src, nil
}

func looksJSON(src []byte) bool {
	s := strings.TrimLeft(string(src[:min(len(src), 64)]), " \t\r\n\ufeff")
	return strings.HasPrefix(s, "{")
}

// Load decodes and validates one or more data files as one dataset. On
// invalid data it returns the dataset so far and every problem, sorted, as
// a Problems error.
func Load(inputs ...Input) (*graph.Dataset, error) {
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
	if len(ps) > 0 {
		ps.Sort()
		return &m.ds, ps
	}
	return &m.ds, nil
}

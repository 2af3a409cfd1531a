package data

import (
	"fmt"
	"regexp"
	"strings"

	"github.com/goccy/go-yaml/ast"
)

// A Manifest lists the figures a project builds from its data: each figure
// has a name, render settings and one or more output files. Settings under
// defaults apply to every figure; a figure's own settings override them.
//
// A setting is any flag of "dipgraph render" without its dashes (layout,
// types, as-of, focus, title, …) plus data, the figure's DATA arguments.
// The manifest decoder only checks the shape of the file and that each key
// is a known setting; the command applies the values as it applies flags,
// and reports their errors at the setting's position.
type Manifest struct {
	File     string
	Defaults []Setting
	Figures  []Figure
	// Scores, when set, is the file build writes every output's
	// legibility score to (a Markdown table).
	Scores Output
}

// Setting is one key: value of a manifest, with where it was written. A
// list value has several Values; a scalar has one.
type Setting struct {
	Key    string
	Values []string
	List   bool
	Pos    Pos
}

// Figure is one named figure of a manifest.
type Figure struct {
	Name     string
	Pos      Pos
	Settings []Setting
	Outputs  []Output
}

// Output is one file a figure is written to, as written in the manifest
// (relative to the manifest's folder).
type Output struct {
	Path string
	Pos  Pos
}

var (
	manifestFields = []string{"dipgraph", "defaults", "figures", "scores"}
	figureFields   = []string{"name", "outputs"}
	namePattern    = regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9._-]*$`)
)

// ParseManifest decodes a manifest. settings are the keys a figure or the
// defaults may use. Every problem is reported at once, with positions.
func ParseManifest(name string, src []byte, settings []string) (*Manifest, error) {
	d := &decoder{name: name, kind: "manifests"}
	m := &Manifest{File: name}
	body := d.document(src, false, "a manifest")
	if body == nil {
		d.probs.Sort()
		return nil, d.probs
	}
	seenOutput := map[string]Pos{}
	seenName := map[string]Pos{}
	haveFigures := false
	for _, fl := range d.mapping(body, "the manifest", manifestFields) {
		switch fl.key {
		case "dipgraph":
			d.version(fl.val, "manifest")
		case "defaults":
			m.Defaults = d.settingList(d.mapping(fl.val, "defaults", settings))
		case "scores":
			m.Scores = Output{Path: d.str(fl.val, "scores"), Pos: d.pos(fl.val)}
			if strings.TrimSpace(m.Scores.Path) == "" {
				d.probs.add(m.Scores.Pos, "give a file name such as out/SCORES.md", "scores: names no file")
			}
		case "figures":
			haveFigures = true
			items := d.sequence(fl.val, "figures")
			if len(items) == 0 {
				d.probs.add(d.pos(fl.val), "list figures, each with a name and outputs", "the manifest lists no figures")
			}
			for i, item := range items {
				if !d.item(item, fmt.Sprintf("figure #%d", i+1)) {
					continue
				}
				f := d.figure(item, i, settings)
				switch {
				case f.Name == "":
				case !namePattern.MatchString(f.Name):
					d.probs.add(f.Pos, "a name is letters, digits, '.', '_' or '-'", "figure name %q is not a valid name", f.Name)
				case seenName[f.Name] != (Pos{}):
					d.probs.add(f.Pos, "give each figure its own name", "figure name %q is already used at %s", f.Name, seenName[f.Name])
				default:
					seenName[f.Name] = f.Pos
				}
				for _, o := range f.Outputs {
					key := OutputKey(o.Path)
					if first, dup := seenOutput[key]; dup {
						d.probs.add(o.Pos, "give each output its own file", "output %q is already written by the figure at %s", o.Path, first)
						continue
					}
					seenOutput[key] = o.Pos
				}
				m.Figures = append(m.Figures, f)
			}
		}
	}
	if !haveFigures {
		d.probs.add(Pos{File: name, Line: 1, Col: 1}, "add figures: a list of figures, each with a name and outputs", "the manifest has no figures:")
	}
	if len(d.probs) > 0 {
		d.probs.Sort()
		return m, d.probs
	}
	return m, nil
}

func (d *decoder) figure(n ast.Node, i int, settings []string) Figure {
	f := Figure{Pos: d.pos(n)}
	var rest []field
	known := append(append([]string(nil), figureFields...), settings...)
	for _, fl := range d.mapping(n, fmt.Sprintf("figure #%d", i+1), known) {
		switch fl.key {
		case "name":
			f.Name = d.str(fl.val, "name")
			f.Pos = fl.keyPos
		case "outputs":
			paths, ps := d.strs(fl.val, "outputs")
			for j, p := range paths {
				if strings.TrimSpace(p) == "" {
					d.probs.add(ps[j], "give a file name such as out/figure.svg", "empty output path")
					continue
				}
				f.Outputs = append(f.Outputs, Output{Path: p, Pos: ps[j]})
			}
			if len(paths) == 0 {
				d.probs.add(d.pos(fl.val), "give one or more files such as out/figure.svg", "outputs: lists no files")
			}
		default:
			rest = append(rest, fl)
		}
	}
	if f.Name == "" {
		d.probs.add(f.Pos, "add name: a short name for the figure (used by --only)", "figure #%d has no name", i+1)
	}
	if len(f.Outputs) == 0 && !hasKey(n, "outputs") {
		d.probs.add(f.Pos, "add outputs: [out/NAME.svg]", "figure %q has no outputs", f.Name)
	}
	f.Settings = d.settingList(rest)
	return f
}

func (d *decoder) settingList(fields []field) []Setting {
	var out []Setting
	for _, fl := range fields {
		if fl.key == "quality" {
			// Quality gates: a mapping of metric to limit, each a setting
			// "quality.METRIC" that the command checks.
			for _, g := range d.mapping(fl.val, "quality", nil) {
				out = append(out, Setting{Key: "quality." + g.key, Values: []string{d.str(g.val, g.key)}, Pos: d.pos(g.val)})
			}
			continue
		}
		s := Setting{Key: fl.key, Pos: d.pos(fl.val)}
		if v := d.value(fl.val); v != nil {
			if _, ok := v.(*ast.SequenceNode); ok {
				s.List = true
			}
		}
		switch {
		case s.List:
			s.Values, _ = d.strs(fl.val, fl.key)
		default:
			s.Values = []string{d.str(fl.val, fl.key)}
		}
		out = append(out, s)
	}
	return out
}

func hasKey(n ast.Node, key string) bool {
	m, ok := n.(*ast.MappingNode)
	if !ok {
		return false
	}
	for _, mv := range m.Values {
		if mv.Key != nil && scalarText(mv.Key) == key {
			return true
		}
	}
	return false
}

// OutputKey is what two output paths of a manifest that name one file
// whatever the filesystem share: the path with backslashes as slashes and
// empty and "." parts dropped ("out//a.svg", "./out/./a.svg" and
// "out/a.svg" are one). It does not fold case or resolve "..": those
// depend on the filesystem and its symbolic links, which the build
// checks.
func OutputKey(p string) string {
	parts := strings.Split(strings.ReplaceAll(p, `\`, "/"), "/")
	kept := parts[:0]
	for i, part := range parts {
		if part == "." || (part == "" && i > 0) {
			continue
		}
		kept = append(kept, part)
	}
	return strings.Join(kept, "/")
}

// version checks a file's "dipgraph:" format version; what names the kind
// of file ("manifest", "style file"), which has only version 1.
func (d *decoder) version(n ast.Node, what string) {
	if v, ok := d.num(n, "dipgraph (the format version)"); ok && v != 1 {
		d.probs.add(d.pos(n), "this dipgraph reads "+what+" version 1; write dipgraph: 1", "unsupported %s version", what)
	}
}

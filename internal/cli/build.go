package cli

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"

	"github.com/spf13/pflag"

	"github.com/dipgraph/dipgraph/data"
	"github.com/dipgraph/dipgraph/graph"
	"github.com/dipgraph/dipgraph/render"
)

const buildHelp = `Render every figure a manifest lists (default: figures.yaml).

A manifest names figures; each has render settings — any render flag
without its dashes (layout, types, as-of, focus, title, dpi, …) and data,
its DATA — and one or more outputs, whose extensions give their formats.
Settings under defaults apply to every figure. Paths are relative to the
manifest's folder. See docs/manifest.md.

Each data file is read once and Graphviz is started once. An output is
rewritten only when its bytes change, so unchanged figures keep their
timestamps. A figure that fails is reported by name; the others still
build, and the exit status is 1.

With --check nothing is written: the exit status is 1 if any output is
missing or differs from what the build would write (for CI).`

// buildFlags are build's own flags.
type buildFlags struct {
	check        bool
	only         []string
	jobs         int
	allowOutside bool
	timeout      string // --timeout, applied over every figure's own
}

func runBuild(e *env, args []string) int {
	c := lookup("build")
	fs := newFlags(c.name)
	var bf buildFlags
	fs.BoolVar(&bf.check, "check", false, "write nothing; exit 1 listing every output that is missing or out of date")
	fs.StringSliceVar(&bf.only, "only", nil, "build only these figures (comma-separated names)")
	fs.IntVarP(&bf.jobs, "jobs", "j", runtime.NumCPU(), "figures laid out at once")
	fs.BoolVar(&bf.allowOutside, "allow-outside", false, "allow outputs outside the manifest's folder")
	fs.StringVar(&bf.timeout, "timeout", "", "stop a figure whose layout takes longer (default: each figure's timeout setting, else 1m0s; 0: never)")
	if code, ok := parse(e, fs, c, args, buildHelp); !ok {
		return code
	}
	if fs.NArg() > 1 {
		return usageFail(e, c.name, fmt.Sprintf("one manifest at a time, not %d", fs.NArg()))
	}
	if bf.jobs < 1 {
		return usageFail(e, c.name, fmt.Sprintf("--jobs %d: give 1 or more", bf.jobs))
	}
	path := "figures.yaml"
	if fs.NArg() == 1 {
		path = fs.Arg(0)
	}
	src, err := readSetting(path, "manifest", data.MaxManifest)
	if err != nil {
		return fail(e, c.name, fmt.Errorf("%s: cannot read the manifest: %w", path, unwrapPath(err)))
	}
	m, err := data.ParseManifest(path, src, manifestSettings())
	var ps data.Problems
	if err != nil && (!errors.As(err, &ps) || m == nil) {
		return failLoad(e, c.name, err, "dipgraph build: %s in the manifest; nothing written")
	}
	// Report every problem at once: the manifest's shape, then the
	// settings and outputs of each figure.
	figs, err := planBuild(m, filepath.Dir(path), bf)
	var more data.Problems
	switch {
	case err != nil && !errors.As(err, &more):
		return usageFail(e, c.name, err.Error())
	case len(ps)+len(more) > 0:
		all := append(ps, more...)
		all.Sort()
		return failLoad(e, c.name, all, "dipgraph build: %s in the manifest; nothing written")
	}

	results := buildAll(e, figs, bf)
	written, unchanged, stale, failed := 0, 0, 0, 0
	for _, r := range results {
		if len(r.scores) > 0 {
			fmt.Fprintf(e.stdout, "score     %s: %s\n", r.fig.name, scoreLine(r.scores[0].score))
		}
		if r.err != nil {
			failed++
			fmt.Fprintf(e.stderr, "dipgraph build: figure %s: %v\n", r.fig.name, indent(r.err.Error()))
			continue
		}
		for _, o := range r.outputs {
			switch {
			case bf.check && o.state != stateSame:
				stale++
				fmt.Fprintf(e.stdout, "%-9s %s\n", o.state, o.path)
			case bf.check:
			case o.state == stateSame:
				unchanged++
				fmt.Fprintf(e.stdout, "unchanged %s\n", o.path)
			default:
				written++
				fmt.Fprintf(e.stdout, "wrote     %s\n", o.path)
			}
		}
	}
	if m.Scores.Path != "" && len(bf.only) == 0 && failed == 0 {
		path := manifestPath(filepath.Dir(path), m.Scores.Path) // where checkOutputPlaces allowed
		b := scoresMarkdown(results)
		state := compareExisting(path, b)
		switch {
		case state == stateSame:
			if !bf.check {
				unchanged++
				fmt.Fprintf(e.stdout, "unchanged %s\n", path)
			}
		case bf.check:
			stale++
			fmt.Fprintf(e.stdout, "%-9s %s\n", state, path)
		default:
			if err := writeOutput(e, path, b); err != nil {
				return fail(e, c.name, err)
			}
			written++
			fmt.Fprintf(e.stdout, "wrote     %s\n", path)
		}
	}
	switch {
	case bf.check && stale+failed > 0:
		fmt.Fprintf(e.stderr, "dipgraph build --check: %s out of date, %s failed; run dipgraph build %s\n",
			count(stale, "output", "outputs"), count(failed, "figure", "figures"), path)
		return exitData
	case bf.check:
		fmt.Fprintf(e.stdout, "%s up to date\n", count(len(figs), "figure", "figures"))
		return exitOK
	}
	fmt.Fprintf(e.stdout, "%s: %d written, %d unchanged, %d failed\n", count(len(figs), "figure", "figures"), written, unchanged, failed)
	if failed > 0 {
		return exitData
	}
	return exitOK
}

// manifestSettings are the keys a manifest figure may use: render's flags
// that describe a figure (not where it goes) and data.
func manifestSettings() []string {
	fs, _ := newRenderFlags()
	keys := []string{"data", "quality"}
	fs.VisitAll(func(f *pflag.Flag) {
		// frames: a folder of outputs, render's alone; score: a report,
		// which build gives of every figure.
		if f.Name != "output" && f.Name != "format" && f.Name != "frames" && f.Name != "score" {
			keys = append(keys, f.Name)
		}
	})
	return keys
}

// plannedFigure is a manifest figure with its settings applied and checked.
type plannedFigure struct {
	name    string
	inputs  []string
	outputs []plannedOutput
	gates   []render.Gate // quality gates, the defaults' overridden by the figure's own
}

type plannedOutput struct {
	path string // as the command reports and writes it
	spec figureSpec
}

// planBuild applies the defaults and each figure's settings to render's
// flags and checks everything before any data is read. Problems come back
// with the manifest positions of the settings at fault.
func planBuild(m *data.Manifest, dir string, bf buildFlags) ([]plannedFigure, error) {
	names := make([]string, len(m.Figures))
	for i, f := range m.Figures {
		names[i] = f.Name
	}
	for _, o := range bf.only {
		if !slices.Contains(names, o) {
			return nil, fmt.Errorf("--only %q: the manifest has no such figure%s", o, graph.Suggest(o, names))
		}
	}
	ps, badOutput := checkOutputPlaces(m, dir, bf.allowOutside)
	var out []plannedFigure
	for _, f := range m.Figures {
		if len(bf.only) > 0 && !slices.Contains(bf.only, f.Name) {
			continue
		}
		fs, rf := newRenderFlags()
		pf := plannedFigure{name: f.Name}
		var settingErr bool
		var dataSetting data.Setting
		for _, s := range append(slices.Clone(m.Defaults), f.Settings...) {
			if s.Key == "data" {
				dataSetting = s // the last one wins: a figure's overrides the default
				continue
			}
			if metric, ok := strings.CutPrefix(s.Key, "quality."); ok {
				g, err := render.ParseGate(metric, strings.Join(s.Values, ","))
				if err != nil {
					ps = append(ps, data.Problem{Pos: s.Pos, Msg: fmt.Sprintf("figure %s: %v", f.Name, err), Hint: "see docs/legibility.md for the metrics"})
					settingErr = true
					continue
				}
				pf.gates = slices.DeleteFunc(pf.gates, func(o render.Gate) bool { return o.Metric == g.Metric })
				pf.gates = append(pf.gates, g)
				continue
			}
			if pathSettings[s.Key] {
				// Files named in a manifest are relative to its folder,
				// as data is.
				s.Values = slices.Clone(s.Values)
				for i, v := range s.Values {
					if v != "" && !filepath.IsAbs(v) {
						s.Values[i] = filepath.Join(dir, filepath.FromSlash(v))
					}
				}
			}
			if err := setFlag(fs, s); err != nil {
				ps = append(ps, data.Problem{Pos: s.Pos, Msg: fmt.Sprintf("figure %s: %s: %v", f.Name, s.Key, err), Hint: "give a value the render flag --" + s.Key + " takes"})
				settingErr = true
			}
		}
		if bf.timeout != "" {
			if err := fs.Set("timeout", bf.timeout); err != nil {
				return nil, fmt.Errorf("--timeout %q: give a duration such as 60s or 5m, or 0 for none", bf.timeout)
			}
		}
		for _, v := range dataSetting.Values {
			p := dataPath(dir, v)
			if _, err := os.Stat(p); err != nil && !slices.Contains(data.Embedded(), v) {
				ps = append(ps, data.Problem{Pos: dataSetting.Pos, Msg: fmt.Sprintf("figure %s: data %q: %v", f.Name, v, unwrapPath(err)),
					Hint: "name a data file (relative to the manifest) or an embedded dataset: " + strings.Join(data.Embedded(), ", ")})
				settingErr = true
			}
			pf.inputs = append(pf.inputs, p)
		}
		if settingErr {
			continue
		}
		// Options that do not depend on the output's format are checked
		// once, and blamed on the setting they name.
		_, general := rf.spec(fs, render.FormatSVG)
		if general != nil && formatSpecific(general) {
			general = nil
		}
		if general != nil {
			ps = append(ps, data.Problem{Pos: settingPos(f, m.Defaults, general), Msg: fmt.Sprintf("figure %s: %v", f.Name, general), Hint: "fix the setting"})
		}
		for _, o := range f.Outputs {
			path := manifestPath(dir, o.Path)
			if badOutput[o.Pos] {
				continue
			}
			format, err := outputFormat(path, "")
			if err != nil {
				ps = append(ps, data.Problem{Pos: o.Pos, Msg: fmt.Sprintf("figure %s: cannot tell the format of %q", f.Name, o.Path), Hint: "end the name with ." + strings.Join(formatNames(), ", .")})
				continue
			}
			if general != nil {
				continue
			}
			spec, err := rf.spec(fs, format)
			if err != nil {
				ps = append(ps, data.Problem{Pos: o.Pos, Msg: fmt.Sprintf("figure %s: %v", f.Name, err), Hint: "drop the option or change the output's format"})
				continue
			}
			pf.outputs = append(pf.outputs, plannedOutput{path: path, spec: spec})
		}
		out = append(out, pf)
	}
	if len(ps) > 0 {
		ps.Sort()
		return nil, ps
	}
	return out, nil
}

// formatSpecific reports errors that concern a painted format's options
// (--dpi for an SVG), which are checked per output instead.
func formatSpecific(err error) bool {
	var fe *render.FlagError
	return errors.As(err, &fe) && fe.FormatOnly
}

// settingPos finds the setting an error is about (a *render.FlagError
// names its flags): the figure's own, else the defaults', else the figure
// itself.
func settingPos(f data.Figure, defaults []data.Setting, err error) data.Pos {
	var fe *render.FlagError
	if !errors.As(err, &fe) {
		return f.Pos
	}
	for _, list := range [][]data.Setting{f.Settings, defaults} {
		for _, s := range list {
			if slices.Contains(fe.Flags, s.Key) {
				return s.Pos
			}
		}
	}
	return f.Pos
}

// pathSettings are the settings that name files, resolved against the
// manifest's folder.
var pathSettings = map[string]bool{"style": true, "font": true, "font-dir": true}

// setFlag applies one manifest setting as render would take the flag.
func setFlag(fs *pflag.FlagSet, s data.Setting) error {
	fl := fs.Lookup(s.Key)
	if fl == nil {
		return fmt.Errorf("not a render setting")
	}
	if fl.Value.Type() == "stringArray" {
		for _, v := range s.Values {
			if err := fs.Set(s.Key, v); err != nil {
				return err
			}
		}
		return nil
	}
	if s.List && !strings.HasSuffix(fl.Value.Type(), "Slice") {
		return fmt.Errorf("takes one value, not a list")
	}
	return fs.Set(s.Key, strings.Join(s.Values, ","))
}

// dataPath resolves a manifest's data entry: an embedded dataset's name
// stays a name, a file is relative to the manifest's folder.
func dataPath(dir, v string) string {
	if slices.Contains(data.Embedded(), v) || filepath.IsAbs(v) {
		return v
	}
	return filepath.Join(dir, filepath.FromSlash(v))
}

type outputState string

const (
	stateNew     outputState = "missing"
	stateChanged outputState = "differs"
	stateSame    outputState = "unchanged"
)

type builtOutput struct {
	path  string
	state outputState
}

type buildResult struct {
	fig     plannedFigure
	outputs []builtOutput
	scores  []outputScore // of the outputs that have a drawing
	err     error
}

// outputScore is the legibility of one output of a figure.
type outputScore struct {
	path  string
	score render.Score
}

// buildAll builds the figures, --jobs at a time, and returns their results
// in manifest order. Each data file is read once. Layouts run in the
// process's one WebAssembly Graphviz, one at a time, and with --jobs above
// 1 also in layout servers (render.UseLayoutServers), in parallel; layouts
// that may have to be stopped run in workers.
func buildAll(e *env, figs []plannedFigure, bf buildFlags) []buildResult {
	cache := newDataCache(e)
	results := make([]buildResult, len(figs))
	var gv *render.Graphviz
	var gvErr error
	var gvOnce sync.Once
	shared := func() (*render.Graphviz, error) {
		gvOnce.Do(func() { gv, gvErr = render.NewGraphviz(e.ctx) })
		return gv, gvErr
	}
	// Graphvizes beside this process's one, in layout servers started when
	// a layout would otherwise wait (or start a worker process).
	if len(figs) > 1 && bf.jobs > 1 {
		stop := render.UseLayoutServers(min(bf.jobs, len(figs)))
		defer stop()
	}
	sem := make(chan struct{}, bf.jobs)
	var wg sync.WaitGroup
	for i, f := range figs {
		wg.Add(1)
		sem <- struct{}{}
		go func() {
			defer wg.Done()
			defer func() { <-sem }()
			results[i] = buildOne(e, f, cache, shared, bf.check)
		}()
	}
	wg.Wait()
	if gv != nil {
		gv.Close()
	}
	return results
}

func buildOne(e *env, f plannedFigure, cache *dataCache, graphviz func() (*render.Graphviz, error), check bool) buildResult {
	r := buildResult{fig: f}
	ds, err := cache.load(f.inputs)
	if err != nil {
		r.err = err
		return r
	}
	warn := func(msg string) { fmt.Fprintf(e.stderr, "dipgraph build: figure %s: warning: %s\n", f.name, msg) }
	// One layout for all the figure's outputs: painted if any one is.
	mk := render.Maker{Graphviz: graphviz, Warn: warn}
	for _, o := range f.outputs {
		mk.Paint = mk.Paint || o.spec.format.Painted()
	}
	var outs [][]byte
	for _, o := range f.outputs {
		if err := o.spec.checkData(ds); err != nil {
			r.err = err
			return r
		}
		job, err := o.spec.job(ds)
		if err != nil {
			r.err = err
			return r
		}
		made, err := mk.Make(e.ctx, ds, job)
		if err != nil {
			r.err = err
			return r
		}
		outs = append(outs, made.Outputs[0].Data)
		if sc, ok := made.Score(); ok {
			sc.Figure = f.name
			r.scores = append(r.scores, outputScore{path: o.path, score: sc})
		}
	}
	// A figure that breaks a quality gate is not written.
	var breaches []string
	for _, sc := range r.scores {
		for _, b := range sc.score.Check(f.gates) {
			breaches = append(breaches, fmt.Sprintf("%s: %s", sc.path, b))
		}
	}
	if len(breaches) > 0 {
		r.err = fmt.Errorf("breaks its quality gates (nothing written):\n%s", strings.Join(breaches, "\n"))
		return r
	}
	// Every output of the figure is made before any is written, and they
	// are written all or none: a figure that fails leaves all its files as
	// they were.
	var changed []output
	for i, o := range f.outputs {
		state := compareExisting(o.path, outs[i])
		if state != stateSame {
			changed = append(changed, output{o.path, outs[i]})
		}
		r.outputs = append(r.outputs, builtOutput{path: o.path, state: state})
	}
	if !check {
		if err := writeAll(changed); err != nil {
			r.outputs, r.err = nil, err
		}
	}
	return r
}

// dataCache reads each set of data inputs once per build.
type dataCache struct {
	e    *env
	mu   sync.Mutex
	sets map[string]*cachedData
}

type cachedData struct {
	once sync.Once
	ds   *graph.Dataset
	err  error
}

func newDataCache(e *env) *dataCache { return &dataCache{e: e, sets: map[string]*cachedData{}} }

func (c *dataCache) load(inputs []string) (*graph.Dataset, error) {
	key := strings.Join(inputs, "\x00")
	c.mu.Lock()
	cd := c.sets[key]
	if cd == nil {
		cd = &cachedData{}
		c.sets[key] = cd
	}
	c.mu.Unlock()
	cd.once.Do(func() { cd.ds, cd.err = loadData(c.e, inputs) })
	return cd.ds, cd.err
}

// indent puts the lines after the first of a multi-line message under it.
func indent(s string) string { return strings.ReplaceAll(s, "\n", "\n  ") }

func unwrapPath(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

package cli

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"time"

	"github.com/spf13/pflag"

	"github.com/dipgraph/dipgraph/data"
	"github.com/dipgraph/dipgraph/internal/readfile"
	"github.com/dipgraph/dipgraph/render"
)

// watchManifest is watch --manifest: build every figure of the manifest as
// build does (rewriting only outputs whose bytes change), then again
// whenever the manifest or any file a figure reads changes. The preview
// shows each figure's first SVG or PNG output (else its HTML report, else
// its PDF).
func watchManifest(e *env, fs *pflag.FlagSet, path string, serve serveSpec) int {
	c := lookup("watch")
	var render []string
	fs.Visit(func(f *pflag.Flag) {
		if f.Name != "manifest" && f.Name != "serve" && f.Name != allInterfacesFlag {
			render = append(render, "--"+f.Name)
		}
	})
	switch {
	case len(render) > 0:
		return usageFail(e, c.name, fmt.Sprintf("%v: with --manifest, the manifest sets each figure's options", render))
	case fs.NArg() > 0:
		return usageFail(e, c.name, "with --manifest, the manifest names each figure's data: drop "+fs.Arg(0))
	case path == "":
		path = "figures.yaml"
	}
	if _, err := os.Stat(path); err != nil {
		return usageFail(e, c.name, fmt.Sprintf("--manifest %s: %v", path, unwrapPath(err)))
	}
	files := []string{path}
	w := &watcher{e: e}
	w.rebuild = func() ([]shown, error) {
		start := time.Now()
		figs, err := planManifest(path)
		if err != nil {
			return nil, err
		}
		files = manifestFiles(path, figs)
		var out []shown
		failed := 0
		for _, r := range buildAll(e, figs, buildFlags{jobs: runtime.NumCPU()}) {
			if r.err != nil {
				failed++
				fmt.Fprintf(e.stderr, "dipgraph watch: figure %s: %v\n", r.fig.name, indent(r.err.Error()))
				continue
			}
			for _, o := range r.outputs {
				if o.state != stateSame {
					fmt.Fprintf(e.stderr, "wrote %s\n", o.path)
				}
			}
			if o, ok := previewOutput(r.fig.outputs); ok {
				if body, err := readfile.Regular(o.path, maxShown); err == nil {
					// A PDF shows alone: a figure with an SVG output
					// shows that, and watch makes no output not asked for.
					out = append(out, shown{name: r.fig.name, format: o.spec.format, body: body})
				}
			}
		}
		fmt.Fprintf(e.stderr, "built %s in %d ms\n", count(len(figs), "figure", "figures"), time.Since(start).Milliseconds())
		if failed > 0 {
			return out, fmt.Errorf("%s failed", count(failed, "figure", "figures"))
		}
		return out, nil
	}
	return w.run(serve, func() []string { return files })
}

// maxShown is the largest figure the preview reads back from a build.
const maxShown = 256 << 20

// previewOutput is the output of a figure the preview shows: its first
// SVG or PNG, else its first HTML report, else its first PDF.
func previewOutput(outs []plannedOutput) (plannedOutput, bool) {
	for _, want := range []func(render.Format) bool{
		render.Format.Image,
		func(f render.Format) bool { return f == render.FormatHTML },
		func(f render.Format) bool { return f == render.FormatPDF },
	} {
		for _, o := range outs {
			if want(o.spec.format) {
				return o, true
			}
		}
	}
	return plannedOutput{}, false
}

// planManifest reads and plans a manifest as build does, with every
// problem in one error.
func planManifest(path string) ([]plannedFigure, error) {
	src, err := readSetting(path, "manifest", data.MaxManifest)
	if err != nil {
		return nil, fmt.Errorf("%s: cannot read the manifest: %w", path, unwrapPath(err))
	}
	m, err := data.ParseManifest(path, src, manifestSettings())
	var ps data.Problems
	if err != nil && (!errors.As(err, &ps) || m == nil) {
		return nil, err
	}
	figs, err := planBuild(m, filepath.Dir(path), buildFlags{})
	var more data.Problems
	if err != nil && !errors.As(err, &more) {
		return nil, err
	}
	if all := append(ps, more...); len(all) > 0 {
		all.Sort()
		return nil, fmt.Errorf("%s in the manifest:\n%v", count(len(all), "problem", "problems"), all.Error())
	}
	return figs, nil
}

// manifestFiles are the files a build of the manifest reads: the manifest,
// and each figure's data files and style file.
func manifestFiles(path string, figs []plannedFigure) []string {
	files := []string{path}
	add := func(f string) {
		if f != "" && !slices.Contains(files, f) && !slices.Contains(data.Embedded(), f) {
			files = append(files, f)
		}
	}
	for _, f := range figs {
		for _, in := range f.inputs {
			add(in)
		}
		for _, o := range f.outputs {
			add(o.spec.styleFile)
		}
	}
	return files
}

package cli

import (
	"encoding/json"
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"github.com/dipgraph/dipgraph/render"
)

const scoreHelp = `Measure how legible a figure is: lay it out exactly as render would
with the same flags, and count on the finished drawing what a reader could
misread or not read (docs/legibility.md defines every number).

Text sizes are given at the output's final size: -o or -f picks the
output (default svg, as a browser shows it at 96 px to the inch); with
--size, --dpi or --scale, at that size. Nothing is written.

Examples:
  dipgraph score
  dipgraph score --size slide -f png
  dipgraph score --json my-data.yaml
  dipgraph score --focus kim-jong-un --depth 1`

func runScore(e *env, args []string) int {
	c := lookup("score")
	fs, f := newRenderFlags()
	asJSON := fs.Bool("json", false, "print the score as JSON, for scripts")
	if code, ok := parse(e, fs, c, args, scoreHelp); !ok {
		return code
	}
	format, err := outputFormat(f.output, f.format)
	if err != nil {
		return usageFail(e, c.name, err.Error())
	}
	if !format.Drawn() {
		return usageFail(e, c.name, fmt.Sprintf("--format %s has no drawing to score: choose svg, png, pdf or html", format))
	}
	spec, err := f.spec(fs, format)
	if err != nil {
		return usageFail(e, c.name, err.Error())
	}
	ds, err := loadData(e, fs.Args())
	if err != nil {
		return failLoad(e, c.name, err, "dipgraph score: %s in the data")
	}
	if err := spec.checkData(ds); err != nil {
		return usageFail(e, c.name, err.Error())
	}
	if spec.time.frames != "" {
		return usageFail(e, c.name, "--frames writes files: score one date at a time with --as-of, or the whole timeline without --frames")
	}
	warn := func(msg string) { fmt.Fprintf(e.stderr, "dipgraph score: warning: %s\n", msg) }
	job, err := spec.job(ds)
	if err != nil {
		return fail(e, c.name, err)
	}
	mk := render.Maker{OneShot: true, Warn: warn}
	made, err := mk.Make(e.ctx, ds, job)
	mk.Close()
	if err != nil {
		return fail(e, c.name, err)
	}
	s, _ := made.Score()
	s.Figure = ds.ID
	if *asJSON {
		b, _ := json.MarshalIndent(s, "", "  ")
		fmt.Fprintf(e.stdout, "%s\n", b)
		return exitOK
	}
	writeScore(e.stdout, s)
	return exitOK
}

// writeScore prints a score as an aligned table, then the problems it
// found, each naming the text or line at fault.
func writeScore(w io.Writer, s render.Score) {
	u := s.TextUnit
	rows := [][2]string{
		{"ambiguous labels (another line nearer)", fmt.Sprintf("%d (%d of them a line joining other actors)", s.Ambiguous, s.AmbiguousOtherPair)},
		{fmt.Sprintf("labels further than %g pt, no leader", render.FarLimit), fmt.Sprintf("%d (furthest %s pt)", s.Far, num(s.MaxLabelDistance))},
		{"labels cut by another line", fmt.Sprint(s.LabelsCut)},
		{"labels in the numbered key", fmt.Sprint(s.Keyed)},
		{"lines through a node they do not end at", fmt.Sprint(s.ThroughNode)},
		{"lines through another country's frame", fmt.Sprint(s.ThroughFrame)},
		{"crossings", fmt.Sprintf("%d (smallest angle %s°)", s.Crossings, num(s.MinCrossingAngle))},
		{"label–label and label–node overlaps", fmt.Sprintf("%d, %d", s.LabelOverlaps, s.LabelNodeOverlaps)},
		{"smallest text", fmt.Sprintf("%s %s (edge text %s %s, names %s %s)", num(s.MinText), u, num(s.MinEdgeText), u, num(s.MinNameText), u)},
		{"faintest line, faintest text", fmt.Sprintf("%s:1, %s:1 contrast", num(s.MinLineContrast), num(s.MinTextContrast))},
		{"canvas filled", fmt.Sprintf("%.0f %%", s.Fill*100)},
	}
	fmt.Fprintf(w, "Legibility of %s: %d entities, %d lines, %d labels\n", s.Figure, s.Nodes, s.Edges, s.Labels)
	for _, r := range rows {
		fmt.Fprintf(w, "  %-42s %s\n", r[0], r[1])
	}
	if len(s.Problems) > 0 {
		fmt.Fprintf(w, "Problems:\n")
		for _, p := range s.Problems {
			fmt.Fprintf(w, "  %s\n", p)
		}
	}
}

// scoreLine is a score in one line, for build's report of each figure.
func scoreLine(s render.Score) string {
	return fmt.Sprintf("%d ambiguous, %d far, %d cut, %d keyed, %d through nodes, %d crossings, text ≥ %s %s, lines ≥ %s:1",
		s.Ambiguous, s.Far, s.LabelsCut, s.Keyed, s.ThroughNode, s.Crossings, num(s.MinText), s.TextUnit, num(s.MinLineContrast))
}

// scoresMarkdown is the legibility of every output of a build, as the
// Markdown table a manifest's scores file holds.
func scoresMarkdown(results []buildResult) []byte {
	var b strings.Builder
	b.WriteString("# Legibility of the committed figures\n\n")
	b.WriteString("Written by `dipgraph build` (the manifest's `scores:`); `build --check` fails when it is stale.\n")
	b.WriteString("Every column is defined in [docs/legibility.md](../docs/legibility.md); text sizes are at each output's final size.\n\n")
	b.WriteString("| figure | output | ambiguous (other pair) | far | cut | keyed | through nodes | through frames | crossings | smallest text | edge text | names | faintest line | faintest text | fill |\n")
	b.WriteString("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n")
	for _, r := range results {
		for _, o := range r.scores {
			s := o.score
			fmt.Fprintf(&b, "| %s | %s | %d (%d) | %d | %d | %d | %d | %d | %d | %s %s | %s %s | %s %s | %s:1 | %s:1 | %.0f %% |\n",
				r.fig.name, filepath.ToSlash(filepath.Base(o.path)), s.Ambiguous, s.AmbiguousOtherPair, s.Far, s.LabelsCut, s.Keyed,
				s.ThroughNode, s.ThroughFrame, s.Crossings, num(s.MinText), s.TextUnit, num(s.MinEdgeText), s.TextUnit,
				num(s.MinNameText), s.TextUnit, num(s.MinLineContrast), num(s.MinTextContrast), s.Fill*100)
		}
	}
	return []byte(b.String())
}

package cli

import (
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/spf13/pflag"

	"github.com/dipgraph/dipgraph/graph"
	"github.com/dipgraph/dipgraph/render"
)

// timeFlags are render's flags for figures over time (a timeline of
// snapshots, the change between two dates) and for analysis drawn on the
// figure (blocs, balance, node sizes).
type timeFlags struct {
	timeline       []string
	every          string
	frames         string
	diff           string
	colorBy        string
	sizeBy         string
	showUnbalanced bool
	highlight      []string
}

func (t *timeFlags) register(fs *pflag.FlagSet) {
	fs.StringSliceVar(&t.timeline, "timeline", nil, "one panel per date, e.g. 2018,2019,2024,2025: each the graph --as-of that date, every entity in one place")
	fs.StringVar(&t.every, "every", "", "a timeline panel every N years or months over the data's span (or --from/--to), e.g. 1y, 6m")
	fs.StringVar(&t.frames, "frames", "", "with --timeline or --every: write one file per date into this folder (DIR/2019-01-01.svg), for slides")
	fs.StringVar(&t.diff, "diff", "", "the change between two dates, FROM..TO: relations that appeared, ended, strengthened or weakened")
	fs.StringVar(&t.colorBy, "color-by", "kind", "node fill: "+strings.Join(render.ColorBys, ", ")+" (signed blocs, as dipgraph stats finds them)")
	fs.StringVar(&t.sizeBy, "size-by", "none", "node size: "+strings.Join(render.SizeBys, ", "))
	fs.BoolVar(&t.showUnbalanced, "show-unbalanced", false, "draw the ties of unbalanced triads at full strength, the rest faded")
	fs.StringSliceVar(&t.highlight, "highlight", nil, "entity ids to draw at full strength, with the ties among them, e.g. xi-jinping,kim-jong-un,vladimir-putin; the rest faded, still legible")
}

// Limits on the number of dates: panels in one figure, files in a folder.
const (
	maxPanels = 24
	maxFrames = 240
)

// timeSpec is the checked time and overlay part of a render command line.
type timeSpec struct {
	dates    []graph.Date // --timeline, sorted
	every    step         // --every
	frames   string
	diff     bool
	from, to graph.Date // --diff FROM..TO
	overlay  *render.Overlay
}

// step is an --every interval, and how it was written.
type step struct {
	graph.Window
	text string
}

func (s step) zero() bool { return s.IsZero() }

// timeline reports whether the figure is a timeline.
func (s *timeSpec) timeline() bool { return len(s.dates) > 0 || !s.every.zero() }

// active reports whether the figure is drawn over time.
func (s *timeSpec) active() bool { return s.timeline() || s.diff }

var everyRe = regexp.MustCompile(`^([1-9][0-9]{0,2})([ym])$`)

// spec checks the flags on their own and with the filter's, before any
// data is read. Its errors are command-line mistakes: each names the flag
// and echoes the value.
func (t *timeFlags) spec(fs *pflag.FlagSet, format render.Format, f *filterFlags, opts *render.Options) (timeSpec, error) {
	s := timeSpec{frames: t.frames}
	ov := &render.Overlay{ColorBy: t.colorBy, SizeBy: t.sizeBy, ShowUnbalanced: t.showUnbalanced, Highlight: t.highlight}
	if err := ov.Check(); err != nil {
		return s, err
	}
	if ov.ColorBy != "kind" || ov.SizeBy != "none" || ov.ShowUnbalanced || len(ov.Highlight) > 0 {
		s.overlay = ov
	}
	if fs.Changed("timeline") {
		if len(t.timeline) == 0 {
			return s, flagErrorf("timeline", "--timeline needs dates, e.g. --timeline 2018,2019,2024,2025")
		}
		for _, v := range t.timeline {
			d, err := graph.ParseDate(strings.TrimSpace(v))
			if err != nil {
				return s, flagErrorf("timeline", "--timeline: %v", err)
			}
			if slices.ContainsFunc(s.dates, func(e graph.Date) bool { return e == d }) {
				return s, flagErrorf("timeline", "--timeline: %s is given twice", d)
			}
			s.dates = append(s.dates, d)
		}
		slices.SortFunc(s.dates, graph.Date.Compare)
		if len(s.dates) > maxPanels {
			return s, flagErrorf("timeline", "--timeline gives %d dates: a figure holds at most %d panels", len(s.dates), maxPanels)
		}
	}
	if fs.Changed("every") {
		m := everyRe.FindStringSubmatch(strings.TrimSpace(t.every))
		if m == nil {
			return s, flagErrorf("every", "--every %q: give a number of years or months, e.g. 1y, 2y or 6m", t.every)
		}
		n, _ := strconv.Atoi(m[1])
		s.every = step{text: m[0]}
		if m[2] == "y" {
			s.every.Years = n
		} else {
			s.every.Months = n
		}
		if fs.Changed("timeline") {
			return s, flagErrorf("every timeline", "--every and --timeline both choose the dates: give one")
		}
	}
	if fs.Changed("diff") {
		a, b, ok := strings.Cut(t.diff, "..")
		if !ok {
			return s, flagErrorf("diff", "--diff %q: give two dates as FROM..TO, e.g. --diff 2019-01-01..2025-09-30", t.diff)
		}
		var err error
		if s.from, err = graph.ParseDate(strings.TrimSpace(a)); err != nil {
			return s, flagErrorf("diff", "--diff: %v", err)
		}
		if s.to, err = graph.ParseDate(strings.TrimSpace(b)); err != nil {
			return s, flagErrorf("diff", "--diff: %v", err)
		}
		if !s.from.Last().Before(s.to.Last()) {
			if s.from.Last() == s.to.Last() {
				return s, flagErrorf("diff", "--diff %s: both dates are the same day; give two different dates", t.diff)
			}
			return s, flagErrorf("diff", "--diff %s runs backwards: give the earlier date first, --diff %s..%s", t.diff, s.to, s.from)
		}
		s.diff = true
		if s.timeline() {
			return s, flagErrorf("diff "+timelineFlag(fs), "--diff and --%s draw different figures: give one", timelineFlag(fs))
		}
	}
	if s.active() && f.asOf != "" {
		flag := "--diff"
		if s.timeline() {
			flag = "--" + timelineFlag(fs)
		}
		return s, flagErrorf(flag[2:]+" as-of", "%s takes its own dates: drop --as-of (the snapshots use --window as --as-of does)", flag)
	}
	if t.frames != "" && !s.timeline() {
		return s, flagErrorf("frames", "--frames needs --timeline DATES or --every N: it writes one file per date")
	}
	if fs.Changed("frames") && t.frames == "" {
		return s, flagErrorf("frames", "--frames needs a folder")
	}
	if s.timeline() && !format.Picture() && t.frames == "" {
		return s, formatErrorf(timelineFlag(fs), "--%s draws a figure of panels as svg, png or pdf, not %s; for %s per date add --frames DIR", timelineFlag(fs), format, format)
	}
	if s.diff && !format.Picture() && format != render.FormatDOT {
		return s, formatErrorf("diff", "--diff draws a figure as svg, png, pdf or dot, not %s", format)
	}
	if s.diff && ov.ShowUnbalanced {
		return s, flagErrorf("diff show-unbalanced", "--diff and --show-unbalanced both fade edges: give one")
	}
	if s.diff && len(ov.Highlight) > 0 {
		return s, flagErrorf("diff highlight", "--diff and --highlight both fade edges: give one")
	}
	if s.timeline() && !fs.Changed("edge-labels") {
		opts.EdgeLabels = "none" // small multiples: captions would bury the change
	}
	return s, nil
}

// timelineFlag is the flag that made the timeline, for messages.
func timelineFlag(fs *pflag.FlagSet) string {
	if fs.Changed("every") {
		return "every"
	}
	return "timeline"
}

// dated checks the dates against the data and returns the timeline's
// dates (for --every, counted back from the end of the period so that the
// last panel shows the latest state). Errors are command-line mistakes.
func (s *timeSpec) dated(ds *graph.Dataset, f graph.Filter) ([]graph.Date, error) {
	first, last := ds.Span()
	if first.IsZero() {
		return nil, fmt.Errorf("the data has no records to draw over time")
	}
	lo, hi := first, last
	loName, hiName := "the data's first record ("+first.String()+")", "the data's end ("+last.String()+": its last record, or its as-of date while a record is ongoing)"
	if !f.From.IsZero() {
		lo, loName = f.From, "--from "+f.From.String()
	}
	if !f.To.IsZero() {
		hi, hiName = f.To, "--to "+f.To.String()
	}
	span := fmt.Sprintf("the data runs from %s to %s", first, last)
	later := span
	if f.To.IsZero() && ds.AsOf.IsZero() && slices.ContainsFunc(ds.Records, func(r graph.Record) bool { return r.Ongoing }) {
		// Ongoing relations run to the date the data is current to, which
		// the data may declare.
		later += "; if the data is current to a later date, declare it (as-of: YYYY-MM-DD) and its ongoing relations run to it"
	}
	inside := func(flag string, d graph.Date) error {
		if d.Last().Before(lo.First()) {
			return fmt.Errorf("%s %s is before %s: %s", flag, d, loName, span)
		}
		if hi.Last().Before(d.First()) {
			return fmt.Errorf("%s %s is after %s: %s", flag, d, hiName, later)
		}
		return nil
	}
	if s.diff {
		for _, d := range []graph.Date{s.from, s.to} {
			if err := inside("--diff", d); err != nil {
				return nil, err
			}
		}
		return nil, nil
	}
	if len(s.dates) > 0 {
		for _, d := range s.dates {
			if err := inside("--timeline", d); err != nil {
				return nil, err
			}
		}
		return s.dates, nil
	}
	limit := maxPanels
	if s.frames != "" {
		limit = maxFrames
	}
	out, ok := graph.Every(lo, hi, s.every.Window, limit)
	if !ok {
		return nil, fmt.Errorf("--every %s from %s to %s gives more than %d dates: take a longer step, or narrow the period with --from/--to", s.every.text, lo.First(), hi.Last(), limit)
	}
	return out, nil
}

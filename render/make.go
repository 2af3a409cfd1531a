package render

import (
	"bytes"
	"cmp"
	"context"
	"fmt"
	"path/filepath"
	"reflect"
	"slices"

	"github.com/dipgraph/dipgraph/graph"
)

// The figure pipeline, as dipgraph render, build and watch use it: a Job
// says what one output is, a Maker makes it from a dataset — the graph,
// the layout, the encoding in the job's format — and says what it drew.

// A Job is one output of a figure, its options checked.
type Job struct {
	Format  Format
	Options Options
	Filter  graph.Filter // which records make the graph
	Paint   PaintOptions // a painted output's size, resolution and fonts
	// Target is where the output is shown, which its text is sized for
	// (LayFor); zero: no target.
	Target Target
	// Dates, for a timeline, are its panels' dates, earliest first: one
	// panel each, the graph as of that date.
	Dates []graph.Date
	// Diff, when set, draws what changed between its two dates: the union
	// of the graphs as of each, the changes marked.
	Diff *DiffDates
	// Frames, with Dates, makes one output per date, each named
	// Frames/DATE.FORMAT, instead of one figure of panels.
	Frames string
}

// DiffDates are the two dates a figure of changes compares.
type DiffDates struct{ From, To graph.Date }

// An Output is a file a job makes: its bytes and, for a frame, its name.
type Output struct {
	Name string // Frames/DATE.FORMAT for a frame; "" for the one output of a figure
	Data []byte
}

// A Summary says what a figure draws, for a command's report of it.
type Summary struct {
	// Entities and Edges are the figure's graph's; a timeline's count
	// every entity of any date, a diff's those of both dates.
	Entities, Edges int
	// Panels are a timeline's panels (0: not a timeline), and MinEdges
	// and MaxEdges the fewest and most edges a panel has.
	Panels             int
	MinEdges, MaxEdges int
	// Changes are how many relations a diff found changed.
	Changes int
}

// Made is what a job made.
type Made struct {
	Outputs []Output // the one output, or a frame per date
	Summary Summary
	fig     *Figure // the figure as the output shows it; nil without a drawing
	job     Job
}

// Score is the legibility of the output's figure at the size it is shown
// (Figure.DisplayFor); ok is false for an output without a drawing (DOT,
// JSON, frames).
func (m *Made) Score() (s Score, ok bool) {
	if m.fig == nil {
		return Score{}, false
	}
	return m.fig.Score(m.fig.DisplayFor(m.job.Format, m.job.Paint)), true
}

// A Maker makes the outputs of figures. It starts Graphviz when a figure
// first needs it, and keeps the last figure's graph and layout, so that
// the outputs of one figure (an SVG and a PNG) come from one layout.
type Maker struct {
	// Paint keeps the drawing operations of every layout, for a figure
	// one of whose outputs will be painted (PNG, PDF); a painted job's own
	// layout keeps them anyway.
	Paint bool
	// Graphviz, when set, gives the Graphviz to use (build shares the
	// process's one among its figures); otherwise the Maker starts its
	// own, which Close closes.
	Graphviz func() (*Graphviz, error)
	// OneShot: the process ends with this figure (render), so a layout
	// past its time is left running rather than laid out in a worker
	// process that could be killed (Graphviz.AbandonOnTimeout).
	OneShot bool
	// Warn receives warnings: Graphviz's and the painters'.
	Warn func(string)

	gv *Graphviz
	// The last graph built, and what from.
	g       *graph.Graph
	gData   *graph.Dataset
	gFilter graph.Filter
	laid    *laidFigure // the last layout
}

// laidFigure is a figure laid out, with what its layout depends on.
type laidFigure struct {
	key     any          // a figureKey, timelineKey or diffKey
	fig     *Figure      // as laid out, before it is fitted to a size
	g       *graph.Graph // the graph it draws, and
	opts    Options      // its options, for the HTML report
	summary Summary
}

// figureKey is what the layout of a figure of one graph depends on.
type figureKey struct {
	g      *graph.Graph
	opts   Options
	target Target
	paint  bool
}

// timelineKey is what the layout of a timeline depends on: the graph of
// the data and filter, the dates of its panels (as text, to be
// comparable), the options.
type timelineKey struct {
	g     *graph.Graph
	dates string
	opts  Options
	paint bool
}

// diffKey is what the layout of a figure of changes depends on.
type diffKey struct {
	g        *graph.Graph
	from, to graph.Date
	opts     Options
	target   Target
	paint    bool
}

// Close releases the Graphviz the Maker started.
func (m *Maker) Close() {
	if m.gv != nil && m.Graphviz == nil {
		m.gv.Close()
	}
}

// Make makes the job's outputs from the dataset.
func (m *Maker) Make(ctx context.Context, ds *graph.Dataset, j Job) (*Made, error) {
	g := m.graph(ds, j.Filter)
	if err := CheckLevelFor(j.Options, len(j.Dates) > 0 || j.Diff != nil); err != nil {
		return nil, err
	}
	switch {
	case j.Frames != "" && len(j.Dates) > 0:
		return m.frames(ctx, g, j)
	case j.Diff != nil:
		return m.diff(ctx, g, j)
	case len(j.Dates) > 0:
		return m.timeline(ctx, g, j)
	}
	made := &Made{job: j, Summary: Summary{Entities: len(g.Nodes), Edges: len(g.Edges)}}
	if j.Options.Level == "country" || j.Options.Bundle == "sign" {
		// A graph as text at the level and bundling asked for; auto is
		// the people level without a target to size text for.
		level := cmp.Or(j.Options.Level, "people")
		if level == "auto" {
			level = "people"
		}
		if d := DrawnGraph(g, level, j.Options); !j.Format.Drawn() {
			made.Summary = Summary{Entities: len(d.Nodes), Edges: len(d.Edges)}
			g = d
		}
	}
	if b, ok, err := graphText(g, j); err != nil {
		return nil, err
	} else if ok {
		made.Outputs = []Output{{Data: b}}
		return made, nil
	}
	l, err := m.lay(ctx, figureKey{g, j.Options, j.Target, m.paint(j)}, func(gv *Graphviz) (*laidFigure, error) {
		fig, drawn, err := LayLevel(ctx, gv, g, j.Options, m.paint(j), j.Target)
		if err != nil {
			return nil, err
		}
		return &laidFigure{fig: fig, g: drawn, opts: j.Options, summary: Summary{Entities: len(drawn.Nodes), Edges: len(drawn.Edges)}}, nil
	})
	if err != nil {
		return nil, err
	}
	made.Summary = l.summary
	return m.encode(made, l, j)
}

// graph builds the graph of the data and filter, or returns the one built
// last from them.
func (m *Maker) graph(ds *graph.Dataset, f graph.Filter) *graph.Graph {
	if m.g == nil || m.gData != ds || !reflect.DeepEqual(m.gFilter, f) {
		m.g, m.gData, m.gFilter = graph.Build(ds, f), ds, f
		m.gFilter.Types = slices.Clone(f.Types)
	}
	return m.g
}

// paint reports whether the job's layout keeps the drawing operations.
func (m *Maker) paint(j Job) bool { return m.Paint || j.Format.Painted() }

// graphText is the job's output when its format is the graph as text (DOT,
// JSON) rather than a drawing: ok reports that it is.
func graphText(g *graph.Graph, j Job) (b []byte, ok bool, err error) {
	switch j.Format {
	case FormatDOT:
		var buf bytes.Buffer
		err := DOT(&buf, g, j.Options)
		return buf.Bytes(), true, err
	case FormatJSON:
		b, err := JSON(g)
		return b, true, err
	}
	return nil, false, nil
}

// lay returns the layout under key: the last one when it has that key,
// else a new one from layout.
func (m *Maker) lay(ctx context.Context, key any, layout func(*Graphviz) (*laidFigure, error)) (*laidFigure, error) {
	if m.laid != nil && m.laid.key == key {
		return m.laid, nil
	}
	gv, err := m.graphviz(ctx)
	if err != nil {
		return nil, err
	}
	l, err := layout(gv)
	if err != nil {
		return nil, err
	}
	l.key, m.laid = key, l
	return l, nil
}

// graphviz starts Graphviz, or returns the one already started.
func (m *Maker) graphviz(ctx context.Context) (*Graphviz, error) {
	if m.gv == nil {
		start := func() (*Graphviz, error) { return NewGraphviz(ctx) }
		if m.Graphviz != nil {
			start = m.Graphviz
		}
		gv, err := start()
		if err != nil {
			return nil, err
		}
		m.gv = gv.WithWarn(m.Warn)
		if m.OneShot {
			m.gv = m.gv.AbandonOnTimeout()
		}
	}
	return m.gv, nil
}

// encode writes a laid-out figure in the job's format as the made output.
func (m *Maker) encode(made *Made, l *laidFigure, j Job) (*Made, error) {
	b, fig, err := m.encodeFigure(l, j)
	if err != nil {
		return nil, err
	}
	made.Outputs, made.fig = []Output{{Data: b}}, fig
	return made, nil
}

// encodeFigure is a laid-out figure in the job's format, fitted to the
// paint options' size when they give one, and the figure as that shows it.
// A format without a drawing of its own (DOT, JSON) gets the SVG.
func (m *Maker) encodeFigure(l *laidFigure, j Job) ([]byte, *Figure, error) {
	fig := l.fig
	po := j.Paint
	po.Warn = m.Warn
	if po.Width > 0 || po.Height > 0 {
		fig = fig.Fit(po.Width, po.Height)
	}
	var b []byte
	var err error
	switch j.Format {
	case FormatPNG:
		b, err = fig.PNG(po)
	case FormatPDF:
		b, err = fig.PDF(po)
	case FormatHTML:
		b = Report(l.g, fig, l.opts)
	default:
		b = fig.SVG(po.Transparent)
	}
	return b, fig, err
}

// snapshots builds the graph as of each date.
func snapshots(ds *graph.Dataset, f graph.Filter, dates []graph.Date) *Timeline {
	t := &Timeline{Window: f.Window}
	for _, d := range dates {
		sf := f
		sf.AsOf = d
		t.Snapshots = append(t.Snapshots, Snapshot{Date: d, Graph: graph.Build(ds, sf)})
	}
	return t
}

// timeline makes a figure of panels, one per date.
func (m *Maker) timeline(ctx context.Context, g *graph.Graph, j Job) (*Made, error) {
	key := timelineKey{g, fmt.Sprint(j.Dates), j.Options, m.paint(j)}
	l, err := m.lay(ctx, key, func(gv *Graphviz) (*laidFigure, error) {
		t := snapshots(g.Dataset, j.Filter, j.Dates)
		fig, err := LayTimeline(ctx, gv, t, j.Options, m.paint(j))
		return &laidFigure{fig: fig, g: g, opts: j.Options, summary: timelineSummary(t)}, err
	})
	if err != nil {
		return nil, err
	}
	return m.encode(&Made{job: j, Summary: l.summary}, l, j)
}

// timelineSummary is what a timeline draws: its panels, every entity of any
// date, the fewest and most edges a panel has.
func timelineSummary(t *Timeline) Summary {
	u := t.Union()
	s := Summary{Entities: len(u.Nodes), Panels: len(t.Snapshots), MinEdges: len(t.Snapshots[0].Graph.Edges)}
	for _, sn := range t.Snapshots {
		s.MinEdges, s.MaxEdges = min(s.MinEdges, len(sn.Graph.Edges)), max(s.MaxEdges, len(sn.Graph.Edges))
	}
	s.Edges = s.MaxEdges
	return s
}

// diff makes a figure of what changed between two dates: the union of the
// graphs as of each, with the changes marked.
func (m *Maker) diff(ctx context.Context, g *graph.Graph, j Job) (*Made, error) {
	if !j.Format.Drawn() {
		u, opts, sum := diffFigure(g, j)
		b, _, err := graphText(u, Job{Format: j.Format, Options: opts})
		if err != nil {
			return nil, err
		}
		return &Made{job: j, Summary: sum, Outputs: []Output{{Data: b}}}, nil
	}
	key := diffKey{g, j.Diff.From, j.Diff.To, j.Options, j.Target, m.paint(j)}
	l, err := m.lay(ctx, key, func(gv *Graphviz) (*laidFigure, error) {
		u, opts, sum := diffFigure(g, j)
		fig, err := LayFor(ctx, gv, u, opts, m.paint(j), j.Target)
		return &laidFigure{fig: fig, g: u, opts: opts, summary: sum}, err
	})
	if err != nil {
		return nil, err
	}
	return m.encode(&Made{job: j, Summary: l.summary}, l, j)
}

// diffFigure is what a figure of changes draws: the union of the graphs as
// of the job's two dates, and the options that mark the changes on it (and
// say what it shows, without a subtitle of the job's own).
func diffFigure(g *graph.Graph, j Job) (*graph.Graph, Options, Summary) {
	from, to := j.Diff.From, j.Diff.To
	bf, af := j.Filter, j.Filter
	bf.AsOf, af.AsOf = from, to
	before, after := graph.Build(g.Dataset, bf), graph.Build(g.Dataset, af)
	changes := graph.Diff(before, after)
	o := j.Options
	ov := Overlay{}
	if o.Overlay != nil {
		ov = *o.Overlay
	}
	ov.Changes = NewChanges(from, to, changes)
	o.Overlay = &ov
	if o.Subtitle == "" {
		o.Subtitle = fmt.Sprintf("What changed from %s to %s (relations in force on each date, events in the %s before it)",
			from.Human(), to.Human(), j.Filter.Window.Human())
	}
	u := graph.Union(before, after)
	return u, o, Summary{Entities: len(u.Nodes), Edges: len(u.Edges), Changes: len(changes)}
}

// frames makes the files of a job's Frames: one per date, named after it,
// each with every entity where it is in the others.
func (m *Maker) frames(ctx context.Context, g *graph.Graph, j Job) (*Made, error) {
	t := snapshots(g.Dataset, j.Filter, j.Dates)
	made := &Made{job: j, Summary: timelineSummary(t)}
	add := func(i int, b []byte) {
		made.Outputs = append(made.Outputs, Output{filepath.Join(j.Frames, j.Dates[i].String()+j.Format.Ext()), b})
	}
	if j.Format == FormatJSON {
		for i, sn := range t.Snapshots {
			b, err := JSON(sn.Graph)
			if err != nil {
				return nil, err
			}
			add(i, b)
		}
		return made, nil
	}
	gv, err := m.graphviz(ctx)
	if err != nil {
		return nil, err
	}
	if j.Format == FormatDOT {
		dots, err := PinnedDOT(ctx, gv, t, j.Options)
		if err != nil {
			return nil, err
		}
		for i, b := range dots {
			add(i, b)
		}
		return made, nil
	}
	figs, err := LayFrames(ctx, gv, t, j.Options, m.paint(j))
	if err != nil {
		return nil, err
	}
	for i, fig := range figs {
		b, _, err := m.encodeFigure(&laidFigure{fig: fig, g: t.Snapshots[i].Graph, opts: j.Options}, j)
		if err != nil {
			return nil, err
		}
		add(i, b)
	}
	return made, nil
}

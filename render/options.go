package render

import (
	"math"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/dipgraph/dipgraph/graph"
)

// colorRe is a colour as options and style sheets give it.
var colorRe = regexp.MustCompile(`^#[0-9A-Fa-f]{6}$`)

// Layouts are the Graphviz engines a figure can be laid out with.
var Layouts = []string{"dot", "neato", "fdp", "sfdp", "circo", "twopi"}

// DefaultLayout is the engine used when none is chosen. fdp keeps each
// country's people together in a framed cluster (as dot does) but places
// countries by their relations rather than in ranks, so mutual relations —
// most of diplomacy — are not forced into a left-to-right flow, and edge
// labels sit on the edges they name.
const DefaultLayout = "fdp"

// EdgeLabels are the choices of text on edges.
var EdgeLabels = []string{"caption", "date", "count", "weight", "none"}

// Options are the choices that shape a figure.
type Options struct {
	Layout     string // one of Layouts
	Title      string // the figure's title; empty: the dataset's title
	Subtitle   string
	EdgeLabels string // one of EdgeLabels
	NoLegend   bool
	// Theme is one of ThemeNames; empty means DefaultTheme.
	Theme string
	// Background overrides the theme's background: a #rrggbb colour, or
	// "none" for a transparent figure.
	Background string
	// Sheet, when set, overrides the theme's type and kind styles.
	Sheet *graph.StyleSheet
	// Cite puts on each edge the numbers of its records' sources, as the
	// figure's source notes number them.
	Cite bool
	// Overlay, when set, draws analysis over the figure: blocs, sizes,
	// unbalanced triads, changes between two dates (see overlay.go).
	Overlay *Overlay
	// Seed starts the force-directed engines (fdp, neato, sfdp): the same
	// seed gives the same figure; another seed, another arrangement.
	Seed int
	// Candidates is how many layouts (seeds Seed, Seed+1, …) to try,
	// keeping the most legible (candidates.go); 0: DefaultCandidates.
	Candidates int
	// MaxEntities is the most entities the figure lays out (see
	// DefaultMaxEntities); a larger graph is refused before its layout.
	// 0: DefaultMaxEntities.
	MaxEntities int
	// Timeout stops the figure's layout when it runs longer (0: never);
	// see Graphviz.WithTimeout for how.
	Timeout time.Duration
	// Level is the level of detail (one of Levels; empty: auto): people
	// draws every entity; country draws each country as one node with its
	// people listed inside, their ties rolled up to the countries'; auto
	// chooses by the legibility of the text (level.go).
	Level string
	// Bundle is how the ties between one pair are drawn (one of Bundles;
	// empty: auto): type, a line per relation type; sign, one line per
	// pair, its kind cooperation, conflict, mixed or contact; auto, sign
	// at the country level and type at the people level.
	Bundle string
	// FoldBelow leaves the ties lighter than this off the drawing and
	// tells them in an "Also:" note beneath it (0: none; also.go).
	FoldBelow float64
	// TextScale multiplies every text of the figure — names (and so the
	// nodes Graphviz sizes around them), edge text, the legend, the title
	// block and the sources; 0 means 1. See LayFor for text sized for a
	// target.
	TextScale float64
	// spread multiplies fdp's spring length K (0 means 1): the layout
	// search tries looser arrangements too.
	spread float64
	// untangle lays the figure out with the layout's nodes moved to cut
	// crossings (untangled), pinned there.
	untangle bool
	// noUntangle keeps the layout search to the layouts as the engine
	// made them (LayFor tries both).
	noUntangle bool
	// legendBelow puts the legend under the relation graph rather than
	// beside it (LayFor, for a target whose shape it suits better).
	legendBelow bool
	// keyBeside sets the key to numbered lines in a column of its own
	// beside the legend (LayFor, for a wide target), not under the graph.
	keyBeside bool
	// keyAspect is the width/height the figure with keyBeside should come
	// nearest (the target's; 0: none).
	keyAspect float64
	// lineScale multiplies every line's width (0 means 1);
	// asideScale and footScale, when set, replace TextScale for the
	// legend and title block, and for the sources: LayFor sets them so
	// lines stay as heavy beside the text as designed, and the text
	// around the graph is only as large as legible.
	lineScale, asideScale, footScale float64
}

// MaxTextScale is the largest --text-scale: ten times the designed sizes
// is already a poster's headline.
const MaxTextScale = 10

// CheckTextScale reports a --text-scale that is not a factor above 0 and
// at most MaxTextScale.
func CheckTextScale(k float64) error {
	if math.IsNaN(k) || math.IsInf(k, 0) || k <= 0 || k > MaxTextScale {
		return flagErrorf("text-scale", "--text-scale %g: give a factor above 0 and at most %d (1: the designed sizes; 1.5: half as large again)", k, MaxTextScale)
	}
	return nil
}

// textScale is the factor every text of the figure is multiplied by.
func (o *Options) textScale() float64 {
	if o.TextScale == 0 {
		return 1
	}
	return o.TextScale
}

// lines is the factor every line's width is multiplied by.
func (o *Options) lines() float64 {
	if o.lineScale == 0 {
		return 1
	}
	return o.lineScale
}

// asides is the text scale of the legend and the title block.
func (o *Options) asides() float64 {
	if o.asideScale == 0 {
		return o.textScale()
	}
	return o.asideScale
}

// foot is the text scale of the source notes.
func (o *Options) foot() float64 {
	if o.footScale == 0 {
		return o.textScale()
	}
	return o.footScale
}

// thicker multiplies the pen widths in attrs by k (Graphviz draws
// arrowheads in proportion to the pen).
func thicker(attrs [][2]string, k float64) [][2]string {
	if k == 1 || k == 0 {
		return attrs
	}
	out := make([][2]string, 0, len(attrs))
	for _, a := range attrs {
		if a[0] == "penwidth" {
			if v, err := strconv.ParseFloat(a[1], 64); err == nil {
				a[1] = scaled(v, k)
			}
		}
		out = append(out, a)
	}
	return out
}

// scaled formats v × k as a DOT number, rounded to a thousandth (so that
// k = 1 writes v as it was always written).
func scaled(v, k float64) string { return num(math.Round(v*k*1000) / 1000) }

// DefaultSeed is the seed used when none is chosen; it gives the embedded
// dataset its clearest arrangement.
const DefaultSeed = 3

// Check reports an option that is out of range, naming the flag.
func (o *Options) Check() error {
	if !slices.Contains(Layouts, o.Layout) {
		return flagErrorf("layout", "--layout %q is not a Graphviz engine dipgraph uses: choose one of %s", o.Layout, strings.Join(Layouts, ", "))
	}
	if o.Seed < 0 {
		return flagErrorf("seed", "--seed %d: give a number 0 or more", o.Seed)
	}
	if o.Candidates < 0 || o.Candidates > MaxCandidates {
		return CandidatesError(o.Candidates)
	}
	if o.TextScale != 0 {
		if err := CheckTextScale(o.TextScale); err != nil {
			return err
		}
	}
	if o.MaxEntities < 0 || o.MaxEntities > MaxEntitiesLimit {
		return flagErrorf("max-entities", "--max-entities %d: give a number from 1 to %d (0: the default, %d)", o.MaxEntities, MaxEntitiesLimit, DefaultMaxEntities)
	}
	if o.Timeout < 0 {
		return flagErrorf("timeout", "--timeout %s: give a duration such as 60s or 5m, or 0 for none", o.Timeout)
	}
	if o.Theme != "" {
		if err := CheckTheme(o.Theme); err != nil {
			return err
		}
	}
	if o.Background != "" && o.Background != "none" && !colorRe.MatchString(o.Background) {
		return flagErrorf("background", "--background %q: give a colour as #rrggbb, or none for a transparent figure", o.Background)
	}
	if math.IsNaN(o.FoldBelow) || math.IsInf(o.FoldBelow, 0) || o.FoldBelow < 0 {
		return flagErrorf("fold-below", "--fold-below %g: give a weight of 0 or more (0: draw every tie)", o.FoldBelow)
	}
	if o.Level != "" && !slices.Contains(Levels, o.Level) {
		return flagErrorf("level", "--level %q: choose one of %s", o.Level, strings.Join(Levels, ", "))
	}
	if o.Bundle != "" && !slices.Contains(Bundles, o.Bundle) {
		return flagErrorf("bundle", "--bundle %q: choose one of %s", o.Bundle, strings.Join(Bundles, ", "))
	}
	if !slices.Contains(EdgeLabels, o.EdgeLabels) {
		return flagErrorf("edge-labels", "--edge-labels %q: choose one of %s", o.EdgeLabels, strings.Join(EdgeLabels, ", "))
	}
	return nil
}

// clusters reports whether the engine draws clusters (dot and fdp do; the
// others ignore them, so people are tied to their country by a thin line).
func (o *Options) clusters() bool { return o.Layout == "dot" || o.Layout == "fdp" }

// labelAttr is the attribute edge text goes in. dot places a label as part
// of the layout, so it never collides; the other engines ignore labels when
// placing nodes, so an external label (xlabel) is placed afterwards where it
// overlaps least. A timeline's snapshot is drawn on pinned positions (not by
// dot, even when the union was), so its text is external too.
func (o *Options) labelAttr() string {
	if o.Layout == "dot" && (o.Overlay == nil || o.Overlay.pins == nil) {
		return "label"
	}
	return "xlabel"
}

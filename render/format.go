package render

// A Format is an output format of a figure. Its name is also its file
// extension; what is true of it comes from one table, formatTable.
type Format string

// The formats render writes.
const (
	FormatSVG  Format = "svg"  // the figure, with its title, legend and sources
	FormatPNG  Format = "png"  // the same figure painted as an image
	FormatPDF  Format = "pdf"  // the same figure painted as a vector page
	FormatDOT  Format = "dot"  // the Graphviz DOT text of the relation graph
	FormatJSON Format = "json" // the built graph: entities and edges with their records
	FormatHTML Format = "html" // one page: the SVG and a table of every record drawn
)

// formatInfo is what is true of a format.
type formatInfo struct {
	format Format
	// painted: render's painters draw it (PNG, PDF) from Graphviz's
	// drawing operations, which a layout then keeps.
	painted bool
	// drawn: it holds a laid-out figure, which has a legibility score
	// (not the graph as text).
	drawn bool
	// picture: it is the figure alone, as a picture: --size and
	// --transparent apply, and a timeline of panels can be drawn in it.
	picture bool
	// image: a browser shows it as an image (watch's preview).
	image bool
	// contentType is its media type, except that a text format is plain
	// text, so that a page (html) shows as its source and never runs.
	// (watch's preview serves the HTML report as HTML, under a sandbox
	// policy: internal/cli/preview.go.)
	contentType string
}

// formatTable is every format render writes, in the order messages list
// them.
var formatTable = []formatInfo{
	{format: FormatSVG, drawn: true, picture: true, image: true, contentType: "image/svg+xml"},
	{format: FormatPNG, painted: true, drawn: true, picture: true, image: true, contentType: "image/png"},
	{format: FormatPDF, painted: true, drawn: true, picture: true, contentType: "application/pdf"},
	{format: FormatDOT, contentType: "text/plain; charset=utf-8"},
	{format: FormatJSON, contentType: "application/json"},
	{format: FormatHTML, drawn: true, contentType: "text/plain; charset=utf-8"},
}

// Formats are the formats render writes.
func Formats() []Format {
	out := make([]Format, len(formatTable))
	for i, f := range formatTable {
		out[i] = f.format
	}
	return out
}

// ParseFormat finds the format of a name (as -f or a file's extension
// without its dot gives it, in lower case).
func ParseFormat(name string) (Format, bool) {
	for _, f := range formatTable {
		if string(f.format) == name {
			return f.format, true
		}
	}
	return "", false
}

func (f Format) info() formatInfo {
	for _, i := range formatTable {
		if i.format == f {
			return i
		}
	}
	return formatInfo{format: f, contentType: "text/plain; charset=utf-8"}
}

// Ext is the format's file extension, with its dot: ".svg".
func (f Format) Ext() string { return "." + string(f) }

// Painted reports whether render's painters draw the format (PNG, PDF).
func (f Format) Painted() bool { return f.info().painted }

// Drawn reports whether the format holds a laid-out figure (SVG, PNG, PDF,
// HTML), which has a legibility score.
func (f Format) Drawn() bool { return f.info().drawn }

// Picture reports whether the format is the figure alone as a picture
// (SVG, PNG, PDF): --size and --transparent apply to it, and a timeline of
// panels can be drawn in it.
func (f Format) Picture() bool { return f.info().picture }

// Image reports whether a browser shows the format as an image (SVG, PNG).
func (f Format) Image() bool { return f.info().image }

// ContentType is what a preview serves the format as (see formatInfo).
func (f Format) ContentType() string { return f.info().contentType }

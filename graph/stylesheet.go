package graph

// StyleSheet is what a style file (dipgraph render --style FILE) chooses
// about a figure's look, on top of the theme: per relation type, a colour,
// line and arrowhead; per entity kind, the node's fill, border, text colour
// and shape.
type StyleSheet struct {
	Types map[string]Style
	Kinds map[Kind]KindStyle
}

// KindStyle is a style sheet's choice for the nodes of one entity kind;
// empty fields keep the theme's.
type KindStyle struct {
	Fill   string // #rrggbb
	Border string // #rrggbb
	Text   string // #rrggbb
	Shape  string // a Graphviz node shape, e.g. box, ellipse, hexagon
}

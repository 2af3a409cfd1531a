package export

import (
	"encoding/xml"
	"slices"
	"strconv"
	"strings"

	"github.com/dipgraph/dipgraph/graph"
)

// GEXF.
type (
	gexfDoc struct {
		XMLName xml.Name  `xml:"gexf"`
		Xmlns   string    `xml:"xmlns,attr"`
		Xsi     string    `xml:"xmlns:xsi,attr"`
		Loc     string    `xml:"xsi:schemaLocation,attr"`
		Version string    `xml:"version,attr"`
		Meta    gexfMeta  `xml:"meta"`
		Graph   gexfGraph `xml:"graph"`
	}
	gexfMeta struct {
		Creator     string `xml:"creator"`
		Description string `xml:"description,omitempty"`
	}
	gexfGraph struct {
		Mode       string      `xml:"mode,attr"`
		EdgeType   string      `xml:"defaultedgetype,attr"`
		TimeFormat string      `xml:"timeformat,attr"`
		Attributes []gexfAttrs `xml:"attributes"`
		Nodes      []gexfNode  `xml:"nodes>node"`
		Edges      []gexfEdge  `xml:"edges>edge"`
	}
	gexfAttrs struct {
		Class string     `xml:"class,attr"`
		Mode  string     `xml:"mode,attr"`
		Attrs []gexfAttr `xml:"attribute"`
	}
	gexfAttr struct {
		ID    string `xml:"id,attr"`
		Title string `xml:"title,attr"`
		Type  string `xml:"type,attr"`
	}
	gexfValue struct {
		For   string `xml:"for,attr"`
		Value string `xml:"value,attr"`
	}
	gexfSpell struct {
		Start string `xml:"start,attr"`
		End   string `xml:"end,attr,omitempty"`
	}
	gexfNode struct {
		ID     string      `xml:"id,attr"`
		Label  string      `xml:"label,attr"`
		Values *gexfValues `xml:"attvalues,omitempty"`
		Spells *gexfSpells `xml:"spells,omitempty"`
	}
	gexfValues struct {
		List []gexfValue `xml:"attvalue"`
	}
	gexfSpells struct {
		List []gexfSpell `xml:"spell"`
	}
	gexfEdge struct {
		ID     string      `xml:"id,attr"`
		Source string      `xml:"source,attr"`
		Target string      `xml:"target,attr"`
		Type   string      `xml:"type,attr,omitempty"`
		Label  string      `xml:"label,attr"`
		Weight string      `xml:"weight,attr"`
		Values *gexfValues `xml:"attvalues,omitempty"`
		Spells *gexfSpells `xml:"spells,omitempty"`
	}
)

// GEXFNodeAttributes and GEXFEdgeAttributes are the attributes GEXF
// declares; an edge's weight is GEXF's own weight attribute.
var (
	GEXFNodeAttributes = []string{"kind", "native", "country", "aliases"}
	GEXFEdgeAttributes = []string{"type", "sign", "records"}
)

// GEXF writes g as GEXF 1.2 for Gephi. The graph is dynamic: each edge
// has a spell per stretch of days its records cover (an event covers its
// day, month or year; an ongoing period has no end), so Gephi's timeline
// shows each relation when it held; leaders with dated roles have spells
// for their time in office. Mutual relations are undirected edges (Gephi
// reads mixed graphs; NetworkX's read_gexf takes only graphs whose edges
// are all directed or all undirected).
func GEXF(g *graph.Graph) ([]byte, error) {
	ds := g.Dataset
	doc := gexfDoc{Xmlns: "http://www.gexf.net/1.2draft", Xsi: "http://www.w3.org/2001/XMLSchema-instance",
		Loc: "http://www.gexf.net/1.2draft http://www.gexf.net/1.2draft/gexf.xsd", Version: "1.2",
		Meta:  gexfMeta{Creator: "dipgraph", Description: ds.Title},
		Graph: gexfGraph{Mode: "dynamic", EdgeType: "directed", TimeFormat: "date"}}
	na := gexfAttrs{Class: "node", Mode: "static"}
	for _, a := range GEXFNodeAttributes {
		na.Attrs = append(na.Attrs, gexfAttr{ID: a, Title: a, Type: "string"})
	}
	ea := gexfAttrs{Class: "edge", Mode: "static"}
	for _, a := range GEXFEdgeAttributes {
		typ := "string"
		if a == "records" {
			typ = "integer"
		}
		ea.Attrs = append(ea.Attrs, gexfAttr{ID: a, Title: a, Type: typ})
	}
	doc.Graph.Attributes = []gexfAttrs{na, ea}
	if len(g.Edges) > 0 && !slices.ContainsFunc(g.Edges, func(e *graph.Edge) bool { return e.Directed }) {
		doc.Graph.EdgeType = "undirected"
	}
	value := func(list **gexfValues, key, val string) {
		if val == "" {
			return
		}
		if *list == nil {
			*list = &gexfValues{}
		}
		(*list).List = append((*list).List, gexfValue{For: key, Value: val})
	}
	for _, n := range g.Nodes {
		gn := gexfNode{ID: n.ID, Label: n.Name}
		value(&gn.Values, "kind", string(n.Kind))
		value(&gn.Values, "native", n.Native)
		value(&gn.Values, "country", n.Country)
		value(&gn.Values, "aliases", strings.Join(n.Aliases, "; "))
		gn.Spells = roleSpells(n)
		doc.Graph.Nodes = append(doc.Graph.Nodes, gn)
	}
	for i, e := range g.Edges {
		t := typeOf(ds, e.Type)
		ge := gexfEdge{ID: strconv.Itoa(i), Source: e.From, Target: e.To, Type: "directed", Label: t.Label, Weight: number(e.Weight)}
		if !e.Directed {
			ge.Type = "undirected"
		}
		if ge.Type == doc.Graph.EdgeType {
			ge.Type = ""
		}
		value(&ge.Values, "type", e.Type)
		value(&ge.Values, "sign", t.Sign.String())
		value(&ge.Values, "records", strconv.Itoa(len(e.Records)))
		ge.Spells = &gexfSpells{}
		for _, v := range spans(e.Records) {
			ge.Spells.List = append(ge.Spells.List, spell(v))
		}
		doc.Graph.Edges = append(doc.Graph.Edges, ge)
	}
	return marshalXML(doc)
}

// roleSpells are a person's times in office, when every role has a start;
// nil (always present) otherwise.
func roleSpells(n *graph.Entity) *gexfSpells {
	var iv []interval
	for _, r := range n.Roles {
		if r.Start.IsZero() {
			return nil
		}
		v := interval{start: r.Start.First(), end: r.End.Last(), open: r.End.IsZero()}
		iv = append(iv, v)
	}
	if len(iv) == 0 {
		return nil
	}
	out := &gexfSpells{}
	for _, v := range merge(iv) {
		out.List = append(out.List, spell(v))
	}
	return out
}

func spell(v interval) gexfSpell {
	s := gexfSpell{Start: v.start.String()}
	if !v.open {
		s.End = v.end.String()
	}
	return s
}

package export

import (
	"cmp"
	"encoding/xml"
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
	gexfAttValue struct {
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
		List []gexfAttValue `xml:"attvalue"`
	}
	gexfSpells struct {
		List []gexfSpell `xml:"spell"`
	}
	gexfEdge struct {
		ID     string      `xml:"id,attr"`
		Source string      `xml:"source,attr"`
		Target string      `xml:"target,attr"`
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
	GEXFEdgeAttributes = []string{"type", "sign", "records", "mutual"}
)

// gexfAttrType is the GEXF type of each declared attribute that is not a
// string.
var gexfAttrType = map[string]string{"records": "integer", "mutual": "boolean"}

// GEXF writes g as GEXF 1.2 for Gephi and NetworkX. The graph is dynamic:
// each edge has a spell per stretch of days its records cover (an event
// covers its day, month or year; an ongoing period has no end), so Gephi's
// timeline shows each relation when it held; leaders with dated roles have
// spells for their time in office.
//
// Every edge is directed. A mutual relation is two edges, one each way,
// with mutual=true and the relation's whole weight on each; the second has
// the first's id with "r" after it. GEXF's other ways do not serve both
// readers: NetworkX's read_gexf refuses a graph that mixes directed and
// undirected edges, and Gephi refuses edges of type "mutual" (and, in a
// directed graph, undirected ones).
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
		typ := cmp.Or(gexfAttrType[a], "string")
		ea.Attrs = append(ea.Attrs, gexfAttr{ID: a, Title: a, Type: typ})
	}
	doc.Graph.Attributes = []gexfAttrs{na, ea}
	for _, n := range g.Nodes {
		gn := gexfNode{ID: n.ID, Label: n.Name}
		gexfValue(&gn.Values, "kind", string(n.Kind))
		gexfValue(&gn.Values, "native", n.Native)
		gexfValue(&gn.Values, "country", n.Country)
		gexfValue(&gn.Values, "aliases", strings.Join(n.Aliases, "; "))
		gn.Spells = roleSpells(n)
		doc.Graph.Nodes = append(doc.Graph.Nodes, gn)
	}
	for i, e := range g.Edges {
		ge := gexfEdgeOf(ds, e, strconv.Itoa(i))
		doc.Graph.Edges = append(doc.Graph.Edges, ge)
		if !e.Directed {
			back := ge
			back.ID, back.Source, back.Target = ge.ID+"r", ge.Target, ge.Source
			doc.Graph.Edges = append(doc.Graph.Edges, back)
		}
	}
	return marshalXML(doc)
}

// gexfEdgeOf is the GEXF edge of e, from its From to its To, with the id
// given.
func gexfEdgeOf(ds *graph.Dataset, e *graph.Edge, id string) gexfEdge {
	t := typeOf(ds, e.Type)
	ge := gexfEdge{ID: id, Source: e.From, Target: e.To, Label: t.Label, Weight: number(e.Weight)}
	gexfValue(&ge.Values, "type", e.Type)
	gexfValue(&ge.Values, "sign", t.Sign.String())
	gexfValue(&ge.Values, "records", strconv.Itoa(len(e.Records)))
	gexfValue(&ge.Values, "mutual", strconv.FormatBool(!e.Directed))
	ge.Spells = &gexfSpells{}
	for _, v := range spans(e.Records) {
		ge.Spells.List = append(ge.Spells.List, spell(v))
	}
	return ge
}

// gexfValue adds an attribute's value to a list, unless it is empty.
func gexfValue(list **gexfValues, key, val string) {
	if val == "" {
		return
	}
	if *list == nil {
		*list = &gexfValues{}
	}
	(*list).List = append((*list).List, gexfAttValue{For: key, Value: val})
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

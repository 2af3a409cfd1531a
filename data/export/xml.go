package export

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/dipgraph/dipgraph/graph"
)

// GraphML.
type (
	gmlDoc struct {
		XMLName xml.Name `xml:"graphml"`
		Xmlns   string   `xml:"xmlns,attr"`
		Xsi     string   `xml:"xmlns:xsi,attr"`
		Loc     string   `xml:"xsi:schemaLocation,attr"`
		Keys    []gmlKey `xml:"key"`
		Graph   gmlGraph `xml:"graph"`
	}
	gmlKey struct {
		ID   string `xml:"id,attr"`
		For  string `xml:"for,attr"`
		Name string `xml:"attr.name,attr"`
		Type string `xml:"attr.type,attr"`
	}
	gmlGraph struct {
		ID          string    `xml:"id,attr"`
		EdgeDefault string    `xml:"edgedefault,attr"`
		Data        []gmlData `xml:"data"`
		Nodes       []gmlNode `xml:"node"`
		Edges       []gmlEdge `xml:"edge"`
	}
	gmlData struct {
		Key   string `xml:"key,attr"`
		Value string `xml:",chardata"`
	}
	gmlNode struct {
		ID   string    `xml:"id,attr"`
		Data []gmlData `xml:"data"`
	}
	gmlEdge struct {
		ID     string    `xml:"id,attr"`
		Source string    `xml:"source,attr"`
		Target string    `xml:"target,attr"`
		Data   []gmlData `xml:"data"`
	}
)

// GraphMLKeys are the attributes GraphML declares, as (for, name, type).
var GraphMLKeys = [][3]string{
	{"graph", "title", "string"}, {"graph", "description", "string"},
	{"node", "name", "string"}, {"node", "kind", "string"}, {"node", "native", "string"}, {"node", "country", "string"},
	{"node", "aliases", "string"}, {"node", "note", "string"},
	{"edge", "type", "string"}, {"edge", "label", "string"}, {"edge", "sign", "string"}, {"edge", "weight", "double"},
	{"edge", "mutual", "boolean"}, {"edge", "records", "int"}, {"edge", "start", "string"}, {"edge", "end", "string"},
	{"edge", "ongoing", "boolean"},
}

// GraphML writes g as GraphML. The graph is directed; as GraphML readers
// such as NetworkX and igraph refuse graphs that mix directed and
// undirected edges, a mutual relation is an edge from the lower id to the
// higher with mutual=true. Dates are the first and last dates of the
// edge's records, as written in the data (YYYY, YYYY-MM or YYYY-MM-DD).
func GraphML(g *graph.Graph) ([]byte, error) {
	ds := g.Dataset
	doc := gmlDoc{Xmlns: "http://graphml.graphdrawing.org/xmlns", Xsi: "http://www.w3.org/2001/XMLSchema-instance",
		Loc:   "http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd",
		Graph: gmlGraph{ID: "G", EdgeDefault: "directed"}}
	for _, k := range GraphMLKeys {
		doc.Keys = append(doc.Keys, gmlKey{ID: k[0][:1] + "_" + k[1], For: k[0], Name: k[1], Type: k[2]})
	}
	data := func(list *[]gmlData, key, val string) {
		if val != "" {
			*list = append(*list, gmlData{Key: key, Value: val})
		}
	}
	data(&doc.Graph.Data, "g_title", ds.Title)
	data(&doc.Graph.Data, "g_description", ds.Description)
	for _, n := range g.Nodes {
		gn := gmlNode{ID: n.ID}
		data(&gn.Data, "n_name", n.Name)
		data(&gn.Data, "n_kind", string(n.Kind))
		data(&gn.Data, "n_native", n.Native)
		data(&gn.Data, "n_country", n.Country)
		data(&gn.Data, "n_aliases", strings.Join(n.Aliases, "; "))
		data(&gn.Data, "n_note", n.Note)
		doc.Graph.Nodes = append(doc.Graph.Nodes, gn)
	}
	for i, e := range g.Edges {
		t := typeOf(ds, e.Type)
		first, last, ongoing := edgeDates(e)
		ge := gmlEdge{ID: "e" + strconv.Itoa(i), Source: e.From, Target: e.To}
		data(&ge.Data, "e_type", e.Type)
		data(&ge.Data, "e_label", t.Label)
		data(&ge.Data, "e_sign", t.Sign.String())
		data(&ge.Data, "e_weight", number(e.Weight))
		data(&ge.Data, "e_mutual", strconv.FormatBool(!e.Directed))
		data(&ge.Data, "e_records", strconv.Itoa(len(e.Records)))
		data(&ge.Data, "e_start", first)
		data(&ge.Data, "e_end", last)
		data(&ge.Data, "e_ongoing", strconv.FormatBool(ongoing))
		doc.Graph.Edges = append(doc.Graph.Edges, ge)
	}
	return marshalXML(doc)
}

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

func marshalXML(v any) ([]byte, error) {
	var b bytes.Buffer
	b.WriteString(xml.Header)
	enc := xml.NewEncoder(&b)
	enc.Indent("", "  ")
	if err := enc.Encode(v); err != nil {
		return nil, fmt.Errorf("writing XML: %w", err)
	}
	b.WriteByte('\n')
	return b.Bytes(), nil
}

// number writes a weight as the shortest decimal that reads back the same.
func number(f float64) string { return strconv.FormatFloat(f, 'f', -1, 64) }

package export

import (
	"bytes"
	"encoding/xml"
	"fmt"
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

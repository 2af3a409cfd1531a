package export

import (
	"bytes"
	"encoding/json"
	"fmt"

	"github.com/dipgraph/dipgraph/graph"
)

// The node-link JSON shape NetworkX's node_link_data writes and D3's force
// layouts take: graph attributes, nodes with an id, and links with a source,
// a target and, as the graph is a multigraph, a key.
type (
	nodeLink struct {
		Directed   bool           `json:"directed"`
		Multigraph bool           `json:"multigraph"`
		Graph      nodeLinkGraph  `json:"graph"`
		Nodes      []nodeLinkNode `json:"nodes"`
		Links      []nodeLinkLink `json:"-"`
	}
	nodeLinkGraph struct {
		ID          string `json:"id"`
		Title       string `json:"title"`
		Description string `json:"description,omitempty"`
	}
	nodeLinkNode struct {
		ID      string   `json:"id"`
		Kind    string   `json:"kind"`
		Name    string   `json:"name"`
		Native  string   `json:"native,omitempty"`
		Country string   `json:"country,omitempty"`
		Aliases []string `json:"aliases,omitempty"`
	}
	nodeLinkLink struct {
		Source  string         `json:"source"`
		Target  string         `json:"target"`
		Key     int            `json:"key"`
		Type    string         `json:"type"`
		Label   string         `json:"label"`
		Sign    string         `json:"sign"`
		Weight  float64        `json:"weight"`
		Mutual  bool           `json:"mutual"`
		Records int            `json:"records"`
		Start   string         `json:"start"`
		End     string         `json:"end"`
		Ongoing bool           `json:"ongoing,omitempty"`
		Detail  []nodeLinkItem `json:"records_detail"`
	}
	nodeLinkItem struct {
		ID      string  `json:"id,omitempty"`
		Start   string  `json:"start"`
		End     string  `json:"end,omitempty"`
		Ongoing bool    `json:"ongoing,omitempty"`
		Weight  float64 `json:"weight"`
		Label   string  `json:"label,omitempty"`
		Note    string  `json:"note,omitempty"`
		Source  string  `json:"source"`
	}
)

// NodeLinkKeys are the names the list of links may take: "edges", the
// default (NetworkX 3.6's), or "links" (D3's, and NetworkX's before 3.6).
var NodeLinkKeys = []string{"edges", "links"}

// NodeLink writes g as node-link JSON with its links under linksKey. The
// graph is directed and a multigraph: a mutual relation is one link from
// the lower id to the higher with "mutual": true; several relation types
// between one pair are several links told apart by "key". Each link
// carries its type, label, sign, total weight, record count, first and
// last dates, and the records themselves.
func NodeLink(g *graph.Graph, linksKey string) ([]byte, error) {
	if linksKey != "links" && linksKey != "edges" {
		return nil, fmt.Errorf("node-link key %q: choose links or edges", linksKey)
	}
	ds := g.Dataset
	out := nodeLink{Directed: true, Multigraph: true, Graph: nodeLinkGraph{ID: ds.ID, Title: ds.Title, Description: ds.Description},
		Nodes: []nodeLinkNode{}, Links: []nodeLinkLink{}}
	for _, n := range g.Nodes {
		out.Nodes = append(out.Nodes, nodeLinkNode{ID: n.ID, Kind: string(n.Kind), Name: n.Name, Native: n.Native, Country: n.Country, Aliases: n.Aliases})
	}
	keys := map[[2]string]int{}
	for _, e := range g.Edges {
		t := typeOf(ds, e.Type)
		first, last, ongoing := edgeDates(e)
		pair := [2]string{e.From, e.To}
		l := nodeLinkLink{Source: e.From, Target: e.To, Key: keys[pair], Type: e.Type, Label: t.Label, Sign: t.Sign.String(),
			Weight: e.Weight, Mutual: !e.Directed, Records: len(e.Records), Start: first, End: last, Ongoing: ongoing}
		keys[pair]++
		for _, r := range e.Records {
			l.Detail = append(l.Detail, nodeLinkItem{ID: r.ID, Start: r.Start.String(), End: r.End.String(), Ongoing: r.Ongoing,
				Weight: r.Weight, Label: r.Label, Note: r.Note, Source: r.Source})
		}
		out.Links = append(out.Links, l)
	}
	// encoding/json cannot rename a field at run time: write the object
	// with the links under the chosen key, in a fixed order.
	head, err := marshal(struct {
		Directed   bool           `json:"directed"`
		Multigraph bool           `json:"multigraph"`
		Graph      nodeLinkGraph  `json:"graph"`
		Nodes      []nodeLinkNode `json:"nodes"`
	}{out.Directed, out.Multigraph, out.Graph, out.Nodes})
	if err != nil {
		return nil, err
	}
	links, err := marshal(out.Links)
	if err != nil {
		return nil, err
	}
	var b bytes.Buffer
	b.Write(bytes.TrimRight(bytes.TrimSuffix(bytes.TrimRight(head, "\n"), []byte("}")), "\n"))
	b.WriteString(",\n  \"" + linksKey + "\": ")
	b.Write(indentTail(links))
	b.WriteString("}\n")
	return b.Bytes(), nil
}

func marshal(v any) ([]byte, error) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	err := enc.Encode(v)
	return b.Bytes(), err
}

// indentTail indents every line after the first by two spaces, for a
// value nested one level down.
func indentTail(b []byte) []byte {
	b = bytes.TrimRight(b, "\n")
	return append(bytes.ReplaceAll(b, []byte("\n"), []byte("\n  ")), '\n')
}

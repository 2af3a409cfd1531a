package render

import (
	"bytes"
	"encoding/json"

	"github.com/dipgraph/dipgraph/graph"
)

// The JSON form of a built graph, for scripts: what the figure draws and
// the dated, sourced records behind every edge.
type (
	jsonGraph struct {
		Format   string       `json:"format"`
		Dataset  jsonDataset  `json:"dataset"`
		Entities []jsonEntity `json:"entities"`
		Types    []jsonType   `json:"types"`
		Edges    []jsonEdge   `json:"edges"`
		Sources  []jsonSource `json:"sources"`
	}
	jsonDataset struct {
		ID          string `json:"id"`
		Title       string `json:"title"`
		Description string `json:"description,omitempty"`
	}
	jsonEntity struct {
		ID      string   `json:"id"`
		Kind    string   `json:"kind"`
		Name    string   `json:"name"`
		Native  string   `json:"native,omitempty"`
		Aliases []string `json:"aliases,omitempty"`
		Country string   `json:"country,omitempty"`
	}
	jsonType struct {
		ID    string    `json:"id"`
		Label string    `json:"label"`
		Sign  string    `json:"sign"`
		Style EdgeStyle `json:"style"`
	}
	jsonEdge struct {
		Type     string       `json:"type"`
		From     string       `json:"from"`
		To       string       `json:"to"`
		Directed bool         `json:"directed"`
		Weight   float64      `json:"weight"`
		Records  []jsonRecord `json:"records"`
	}
	jsonRecord struct {
		ID      string  `json:"id,omitempty"`
		Start   string  `json:"start"`
		End     string  `json:"end,omitempty"`
		Ongoing bool    `json:"ongoing,omitempty"`
		Weight  float64 `json:"weight"`
		Label   string  `json:"label,omitempty"`
		Note    string  `json:"note,omitempty"`
		Source  string  `json:"source"`
		Cite    string  `json:"cite,omitempty"`
	}
	jsonSource struct {
		ID        string `json:"id"`
		Title     string `json:"title"`
		Publisher string `json:"publisher,omitempty"`
		Author    string `json:"author,omitempty"`
		Date      string `json:"date,omitempty"`
		URL       string `json:"url,omitempty"`
	}
)

// JSON returns the built graph as indented JSON. Its field order and the
// order of every list are fixed, so the output is stable.
func JSON(g *graph.Graph) ([]byte, error) {
	styles := Styles(g.Dataset)
	out := jsonGraph{
		Format:   "dipgraph-graph/1",
		Dataset:  jsonDataset{ID: g.Dataset.ID, Title: g.Dataset.Title, Description: g.Dataset.Description},
		Entities: []jsonEntity{}, Types: []jsonType{}, Edges: []jsonEdge{}, Sources: []jsonSource{},
	}
	for _, n := range g.Nodes {
		out.Entities = append(out.Entities, jsonEntity{ID: n.ID, Kind: string(n.Kind), Name: n.Name, Native: n.Native, Aliases: n.Aliases, Country: n.Country})
	}
	for _, t := range g.Types {
		out.Types = append(out.Types, jsonType{ID: t.ID, Label: t.Label, Sign: t.Sign.String(), Style: styles[t.ID]})
	}
	for _, e := range g.Edges {
		je := jsonEdge{Type: e.Type, From: e.From, To: e.To, Directed: e.Directed, Weight: e.Weight}
		for _, r := range e.Records {
			je.Records = append(je.Records, jsonRecord{ID: r.ID, Start: r.Start.String(), End: r.End.String(), Ongoing: r.Ongoing,
				Weight: r.Weight, Label: r.Label, Note: r.Note, Source: r.Source, Cite: r.Cite})
		}
		out.Edges = append(out.Edges, je)
	}
	for _, s := range g.Sources {
		out.Sources = append(out.Sources, jsonSource{ID: s.ID, Title: s.Title, Publisher: s.Publisher, Author: s.Author, Date: s.Date.String(), URL: s.URL})
	}
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false) // names with & and < stay readable
	enc.SetIndent("", "  ")
	if err := enc.Encode(out); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

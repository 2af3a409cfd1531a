package export

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"io"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/dipgraph/dipgraph/data"
	"github.com/dipgraph/dipgraph/data/datatest"
	"github.com/dipgraph/dipgraph/graph"
	"github.com/dipgraph/dipgraph/graph/graphtest"
)

// embedded is the default embedded dataset, loaded.
func embedded(t testing.TB) *graph.Dataset { return datatest.Default(t) }

// loaded returns ds as Load returns it (defaults filled in), through YAML.
func loaded(t testing.TB, ds *graph.Dataset) *graph.Dataset {
	t.Helper()
	out, err := data.Load(data.Input{Name: "x.yaml", Src: data.EncodeYAML(ds)})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// TestJSONRoundTrip: data → json → data, whole and filtered.
func TestJSONRoundTrip(t *testing.T) {
	ds := embedded(t)
	sub := graph.Subset(ds, graph.Build(ds, graph.Filter{Types: []string{"summit"}}))
	if len(sub.Records) == 0 || len(sub.Records) == len(ds.Records) {
		t.Fatalf("subset has %d of %d records", len(sub.Records), len(ds.Records))
	}
	for _, d := range []*graph.Dataset{ds, loaded(t, graphtest.Awkward()), sub} {
		j, err := data.EncodeJSON(d)
		if err != nil {
			t.Fatal(err)
		}
		back, err := data.Load(data.Input{Name: "x.json", Src: j, JSON: true})
		if err != nil {
			t.Fatalf("exported JSON does not load: %v", err)
		}
		if !graphtest.SameModel(back, loaded(t, d)) {
			t.Errorf("JSON round trip of %s changed the model", d.ID)
		}
	}
}

// xmlNode is any XML element, for structural checks.
type xmlNode struct {
	XMLName  xml.Name
	Attrs    []xml.Attr `xml:",any,attr"`
	Text     string     `xml:",chardata"`
	Children []xmlNode  `xml:",any"`
}

func (n *xmlNode) attr(name string) string {
	for _, a := range n.Attrs {
		if a.Name.Local == name {
			return a.Value
		}
	}
	return ""
}

// find returns the descendants with the given local name, in order.
func (n *xmlNode) find(name string) []*xmlNode {
	var out []*xmlNode
	for i := range n.Children {
		c := &n.Children[i]
		if c.XMLName.Local == name {
			out = append(out, c)
		}
		out = append(out, c.find(name)...)
	}
	return out
}

func parseXML(t *testing.T, b []byte) *xmlNode {
	t.Helper()
	// Well-formed, token by token …
	d := xml.NewDecoder(bytes.NewReader(b))
	for {
		if _, err := d.Token(); err == io.EOF {
			break
		} else if err != nil {
			t.Fatalf("not well-formed XML: %v", err)
		}
	}
	// … and as a tree.
	var root xmlNode
	if err := xml.Unmarshal(b, &root); err != nil {
		t.Fatal(err)
	}
	return &root
}

func TestGraphML(t *testing.T) {
	ds := loaded(t, graphtest.Awkward())
	g := graph.Build(ds, graph.Filter{})
	AllNodes(g)
	b, err := GraphML(g)
	if err != nil {
		t.Fatal(err)
	}
	root := parseXML(t, b)
	if root.XMLName.Space != "http://graphml.graphdrawing.org/xmlns" || root.XMLName.Local != "graphml" {
		t.Fatalf("root %v", root.XMLName)
	}
	keys := map[string]string{} // id → for/name
	for _, k := range root.find("key") {
		keys[k.attr("id")] = k.attr("for") + "/" + k.attr("attr.name")
	}
	if len(keys) != len(GraphMLKeys) {
		t.Errorf("%d keys, want %d", len(keys), len(GraphMLKeys))
	}
	dataOf := func(n *xmlNode) map[string]string {
		m := map[string]string{}
		for _, d := range n.Children {
			if d.XMLName.Local == "data" {
				k, ok := keys[d.attr("key")]
				if !ok {
					t.Errorf("data with undeclared key %q", d.attr("key"))
				}
				m[k[strings.Index(k, "/")+1:]] = d.Text
			}
		}
		return m
	}
	nodes := root.find("node")
	if len(nodes) != len(ds.Entities) {
		t.Fatalf("%d nodes, want %d", len(nodes), len(ds.Entities))
	}
	for _, n := range nodes {
		e, ok := ds.Entity(n.attr("id"))
		if !ok {
			t.Fatalf("node %q is not an entity", n.attr("id"))
		}
		d := dataOf(n)
		if d["name"] != e.Name || d["kind"] != string(e.Kind) || d["country"] != e.Country || d["native"] != e.Native || d["note"] != e.Note {
			t.Errorf("node %s: %v", e.ID, d)
		}
	}
	edges := root.find("edge")
	if len(edges) != len(g.Edges) {
		t.Fatalf("%d edges, want %d", len(edges), len(g.Edges))
	}
	for i, x := range edges {
		e := g.Edges[i]
		d := dataOf(x)
		typ, _ := ds.Type(e.Type)
		w, _ := strconv.ParseFloat(d["weight"], 64)
		if x.attr("source") != e.From || x.attr("target") != e.To || d["type"] != e.Type || d["sign"] != typ.Sign.String() ||
			w != e.Weight || d["mutual"] != strconv.FormatBool(!e.Directed) || d["records"] != strconv.Itoa(len(e.Records)) || d["start"] == "" {
			t.Errorf("edge %d (%s %s→%s): %v", i, e.Type, e.From, e.To, d)
		}
	}
}

func TestGEXF(t *testing.T) {
	ds := embedded(t)
	g := graph.Build(ds, graph.Filter{})
	AllNodes(g)
	b, err := GEXF(g)
	if err != nil {
		t.Fatal(err)
	}
	root := parseXML(t, b)
	if root.XMLName.Space != "http://www.gexf.net/1.2draft" || root.attr("version") != "1.2" {
		t.Fatalf("root %v version %q", root.XMLName, root.attr("version"))
	}
	gr := root.find("graph")[0]
	if gr.attr("mode") != "dynamic" || gr.attr("timeformat") != "date" {
		t.Errorf("graph %v", gr.Attrs)
	}
	declared := map[string]bool{}
	for _, a := range root.find("attribute") {
		declared[a.attr("id")] = true
	}
	values := func(n *xmlNode) map[string]string {
		m := map[string]string{}
		for _, v := range n.find("attvalue") {
			if !declared[v.attr("for")] {
				t.Errorf("value for undeclared attribute %q", v.attr("for"))
			}
			m[v.attr("for")] = v.attr("value")
		}
		return m
	}
	nodes := root.find("node")
	if len(nodes) != len(ds.Entities) {
		t.Fatalf("%d nodes, want %d", len(nodes), len(ds.Entities))
	}
	for _, n := range nodes {
		e, _ := ds.Entity(n.attr("id"))
		if v := values(n); n.attr("label") != e.Name || v["kind"] != string(e.Kind) || v["country"] != e.Country {
			t.Errorf("node %s: %v %v", n.attr("id"), n.Attrs, v)
		}
	}
	if gr.attr("defaultedgetype") != "directed" {
		t.Errorf("defaultedgetype %q, want directed", gr.attr("defaultedgetype"))
	}
	// Each edge of the graph, and the way back of each mutual one.
	type written struct {
		e    *graph.Edge
		i    int
		id   string
		from string
		to   string
	}
	var want []written
	for i, e := range g.Edges {
		want = append(want, written{e, i, strconv.Itoa(i), e.From, e.To})
		if !e.Directed {
			want = append(want, written{e, i, strconv.Itoa(i) + "r", e.To, e.From})
		}
	}
	edges := root.find("edge")
	if len(edges) != len(want) || len(want) == len(g.Edges) {
		t.Fatalf("%d edges, want %d (%d relations, some mutual)", len(edges), len(want), len(g.Edges))
	}
	for j, x := range edges {
		e, i := want[j].e, want[j].i
		v := values(x)
		typ, _ := ds.Type(e.Type)
		w, _ := strconv.ParseFloat(x.attr("weight"), 64)
		if x.attr("id") != want[j].id || x.attr("source") != want[j].from || x.attr("target") != want[j].to || x.attr("type") != "" || w != e.Weight ||
			v["type"] != e.Type || v["sign"] != typ.Sign.String() || v["records"] != strconv.Itoa(len(e.Records)) || v["mutual"] != strconv.FormatBool(!e.Directed) {
			t.Errorf("edge %d (%s %s→%s): %v %v", i, e.Type, e.From, e.To, x.Attrs, v)
		}
		// Every record's days fall inside a spell; spells do not overlap.
		spells := x.find("spell")
		if len(spells) == 0 {
			t.Errorf("edge %d has no spells", i)
		}
		for j, s := range spells {
			if _, err := graph.ParseDate(s.attr("start")); err != nil {
				t.Errorf("edge %d spell start %q", i, s.attr("start"))
			}
			if j > 0 && (spells[j-1].attr("end") == "" || spells[j-1].attr("end") >= s.attr("start")) {
				t.Errorf("edge %d: spells overlap: %v %v", i, spells[j-1].Attrs, s.Attrs)
			}
		}
		for _, r := range e.Records {
			in := false
			for _, s := range spells {
				start, end := s.attr("start"), s.attr("end")
				if start <= r.Start.First().String() && (end == "" || (r.Ongoing == false && end >= lastDay(r))) {
					in = true
				}
			}
			if !in {
				t.Errorf("edge %d: record %s (%s) is outside its spells", i, r.ID, r.Start)
			}
		}
	}
}

func lastDay(r *graph.Record) string {
	if r.IsEvent() {
		return r.Start.Last().String()
	}
	return r.End.Last().String()
}

func TestSpansMerge(t *testing.T) {
	d := graph.MustDate
	got := spans([]*graph.Record{
		{Start: d("2020-03")},                       // March 2020
		{Start: d("2020"), End: d("2020-02")},       // Jan–Feb 2020: apart
		{Start: d("2020-03-15"), End: d("2020-06")}, // overlaps March
		{Start: d("2021"), Ongoing: true},           // from 2021 on
		{Start: d("2022-05-01")},                    // inside the open one
		{Start: d("2019-12-31"), End: d("2020-01")}, // joins Jan–Feb
	})
	want := []interval{
		{start: d("2019-12-31"), end: d("2020-02-29")},
		{start: d("2020-03-01"), end: d("2020-06-30")},
		{start: d("2021-01-01"), open: true},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("spans\n got %+v\nwant %+v", got, want)
	}
}

func TestNodeLink(t *testing.T) {
	ds := embedded(t)
	g := graph.Build(ds, graph.Filter{})
	AllNodes(g)
	for _, key := range NodeLinkKeys {
		b, err := NodeLink(g, key)
		if err != nil {
			t.Fatal(err)
		}
		var doc map[string]json.RawMessage
		if err := json.Unmarshal(b, &doc); err != nil {
			t.Fatalf("not JSON: %v\n%s", err, b)
		}
		var keys []string
		for k := range doc {
			keys = append(keys, k)
		}
		slices.Sort(keys)
		want := []string{"directed", "graph", key, "multigraph", "nodes"}
		slices.Sort(want)
		if !slices.Equal(keys, want) {
			t.Errorf("top-level keys %v, want %v", keys, want)
		}
		var nodes []map[string]any
		var links []map[string]any
		json.Unmarshal(doc["nodes"], &nodes)
		json.Unmarshal(doc[key], &links)
		if len(nodes) != len(ds.Entities) || len(links) != len(g.Edges) {
			t.Fatalf("%d nodes, %d links; want %d, %d", len(nodes), len(links), len(ds.Entities), len(g.Edges))
		}
		ids := map[string]bool{}
		for _, n := range nodes {
			if n["id"] == nil || n["kind"] == nil || n["name"] == nil {
				t.Errorf("node %v", n)
			}
			ids[n["id"].(string)] = true
		}
		seen := map[[3]any]bool{}
		for _, l := range links {
			for _, k := range []string{"source", "target", "key", "type", "label", "sign", "weight", "mutual", "records", "start", "end", "records_detail"} {
				if _, ok := l[k]; !ok {
					t.Errorf("link without %q: %v", k, l)
				}
			}
			if !ids[l["source"].(string)] || !ids[l["target"].(string)] {
				t.Errorf("link to an unknown node: %v", l)
			}
			k := [3]any{l["source"], l["target"], l["key"]}
			if seen[k] {
				t.Errorf("two links %v share a key", k)
			}
			seen[k] = true
		}
		if b2, _ := NodeLink(g, key); !bytes.Equal(b, b2) {
			t.Error("node-link output differs between runs")
		}
	}
	if _, err := NodeLink(g, "arcs"); err == nil {
		t.Error("NodeLink took key arcs")
	}
}

// TestSubsetValidates: a filtered export is a data file of its own.
func TestSubsetValidates(t *testing.T) {
	ds := embedded(t)
	for _, f := range []graph.Filter{{Types: []string{"hostility"}}, {Focus: "kim-jong-un", Depth: 1}, {AsOf: graph.MustDate("2019-06-30"), Window: graph.Window{Years: 2}}} {
		sub := graph.Subset(ds, graph.Build(ds, f))
		if _, err := data.Load(data.Input{Name: "sub.yaml", Src: data.EncodeYAML(sub)}); err != nil {
			t.Errorf("subset for %+v does not validate: %v", f, err)
		}
	}
}

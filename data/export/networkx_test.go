package export

// A real client: NetworkX reads the GEXF and node-link exports of the
// default dataset, a hand-curated one and one whose text needs escaping,
// with every NetworkX this machine has — python3 on the PATH and Debian's
// /usr/bin/python3, which python3-networkx (2.8 on Debian 12) installs
// into — and what it makes of them must be what was written: the same
// nodes, edges and attributes. The check skips, saying what to install,
// when no python3 imports networkx, except in CI, where .ci/run installs
// python3-networkx and its absence fails the test.

import (
	"bytes"
	"cmp"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/dipgraph/dipgraph/data"
	"github.com/dipgraph/dipgraph/graph"
	"github.com/dipgraph/dipgraph/graph/graphtest"
)

// debianPython is the interpreter Debian's python3-networkx installs for.
const debianPython = "/usr/bin/python3"

// networkx is a Python interpreter that imports networkx.
type networkx struct {
	python, version string
}

// networkxes are the interpreters that import networkx, each once; the
// test skips when there is none, or fails in CI (env CI set), where
// Debian's must have it.
func networkxes(t *testing.T) []networkx {
	t.Helper()
	ci := os.Getenv("CI") != ""
	var out []networkx
	seen := map[string]bool{}
	for _, name := range []string{"python3", debianPython} {
		path, err := exec.LookPath(name)
		if err != nil {
			continue
		}
		if real, err := filepath.EvalSymlinks(path); err == nil {
			path = real
		}
		if seen[path] {
			continue
		}
		seen[path] = true
		v, err := exec.Command(path, "-c", "import networkx; print(networkx.__version__)").Output()
		if err != nil {
			if name == debianPython && ci {
				t.Fatalf("%s cannot import networkx: python3-networkx is not installed (.ci/run installs it)", debianPython)
			}
			t.Logf("%s cannot import networkx: not used", path)
			continue
		}
		out = append(out, networkx{path, strings.TrimSpace(string(v))})
	}
	if len(out) == 0 {
		if ci {
			t.Fatal("no python3 imports networkx: python3-networkx is not installed (.ci/run installs it)")
		}
		t.Skip("no python3 imports networkx (Debian: apt-get install python3-networkx): NetworkX check skipped")
	}
	return out
}

// nxGraph is what networkx_read.py prints of one graph.
type nxGraph struct {
	Class string                    `json:"class"`
	Graph map[string]any            `json:"graph"`
	Nodes map[string]map[string]any `json:"nodes"`
	Edges [][]json.RawMessage       `json:"edges"` // [u, v, key, data]
}

// nxEdge is one edge of an nxGraph.
type nxEdge struct {
	from, to string
	key      any
	data     map[string]any
}

func (g *nxGraph) edges(t *testing.T) []nxEdge {
	t.Helper()
	var out []nxEdge
	for _, raw := range g.Edges {
		var e nxEdge
		if len(raw) != 4 || json.Unmarshal(raw[0], &e.from) != nil || json.Unmarshal(raw[1], &e.to) != nil ||
			json.Unmarshal(raw[2], &e.key) != nil || json.Unmarshal(raw[3], &e.data) != nil {
			t.Fatalf("NetworkX edge %s", raw)
		}
		out = append(out, e)
	}
	return out
}

// plain is v as JSON decodes it (numbers float64, lists []any), for
// comparing with what NetworkX printed.
func plain(t *testing.T, v any) any {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	var out any
	if err := json.Unmarshal(b, &out); err != nil {
		t.Fatal(err)
	}
	return out
}

// TestNetworkXReads: nx.read_gexf and nx.node_link_graph read the exports
// of three datasets, and the graphs they make have every node and edge
// with the attributes written.
func TestNetworkXReads(t *testing.T) {
	nxs := networkxes(t)
	korea, err := os.ReadFile(filepath.Join("..", "..", "render", "testdata", "legibility", "korea-2018-2019.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	koreaDS, err := data.Load(data.Input{Name: "korea-2018-2019.yaml", Src: korea})
	if err != nil {
		t.Fatal(err)
	}
	datasets := []*graph.Dataset{embedded(t), koreaDS, loaded(t, graphtest.Awkward())}
	for _, ds := range datasets {
		g := graph.Build(ds, graph.Filter{})
		AllNodes(g)
		dir := t.TempDir()
		files := map[string]func() ([]byte, error){
			"graph.gexf": func() ([]byte, error) { return GEXF(g) },
			"edges.json": func() ([]byte, error) { return NodeLink(g, "edges") },
			"links.json": func() ([]byte, error) { return NodeLink(g, "links") },
		}
		for name, write := range files {
			b, err := write()
			if err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(filepath.Join(dir, name), b, 0o644); err != nil {
				t.Fatal(err)
			}
		}
		for _, nx := range nxs {
			t.Run(ds.ID+"/networkx-"+nx.version, func(t *testing.T) {
				t.Parallel()
				read := readWithNetworkX(t, nx, dir)
				checkGEXF(t, g, read["gexf"])
				links, err := os.ReadFile(filepath.Join(dir, "edges.json"))
				if err != nil {
					t.Fatal(err)
				}
				for _, key := range NodeLinkKeys {
					t.Run(key, func(t *testing.T) { checkNodeLink(t, g, links, read[key]) })
				}
			})
		}
	}
}

// readWithNetworkX runs networkx_read.py on the three files in dir. A
// FutureWarning (NetworkX saying a call's default will change) fails it:
// docs/import-export.md's calls are the current ones.
func readWithNetworkX(t *testing.T, nx networkx, dir string) map[string]*nxGraph {
	t.Helper()
	script, err := filepath.Abs(filepath.Join("testdata", "networkx_read.py"))
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, nx.python, "-W", "error::FutureWarning", script,
		filepath.Join(dir, "graph.gexf"), filepath.Join(dir, "edges.json"), filepath.Join(dir, "links.json"))
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("%s could not read the exports: %v\n%s", nx, err, stderr.String())
	}
	var read map[string]json.RawMessage
	if err := json.Unmarshal(out, &read); err != nil {
		t.Fatalf("networkx_read.py printed %q: %v", out, err)
	}
	graphs := map[string]*nxGraph{}
	for _, k := range []string{"gexf", "edges", "links"} {
		var ng nxGraph
		if err := json.Unmarshal(read[k], &ng); err != nil {
			t.Fatalf("%s: %v", k, err)
		}
		graphs[k] = &ng
	}
	return graphs
}

// checkGEXF: read_gexf made a MultiDiGraph with every entity and its
// attributes, every relation as an edge keyed by its GEXF id and a mutual
// one also the other way (id + "r"), each with its attributes and spells.
func checkGEXF(t *testing.T, g *graph.Graph, read *nxGraph) {
	t.Helper()
	if read.Class != "MultiDiGraph" || read.Graph["mode"] != "dynamic" {
		t.Errorf("read_gexf made a %s, graph %v; want a dynamic MultiDiGraph", read.Class, read.Graph)
	}
	want := map[string]any{}
	for _, n := range g.Nodes {
		d := map[string]any{"label": n.Name, "kind": string(n.Kind)}
		for k, v := range map[string]string{"native": n.Native, "country": n.Country, "aliases": strings.Join(n.Aliases, "; ")} {
			if v != "" {
				d[k] = v
			}
		}
		if s := roleSpells(n); s != nil {
			d["spells"] = nxSpells(s)
		}
		want[n.ID] = d
	}
	if got := plain(t, read.Nodes); !reflect.DeepEqual(got, plain(t, want)) {
		t.Errorf("GEXF nodes as NetworkX reads them:\n got %v\nwant %v", got, plain(t, want))
	}
	wantEdges := map[string]any{} // GEXF id → [from, to, data]
	for i, e := range g.Edges {
		typ := typeOf(g.Dataset, e.Type)
		s := &gexfSpells{}
		for _, v := range spans(e.Records) {
			s.List = append(s.List, spell(v))
		}
		id := strconv.Itoa(i)
		d := map[string]any{"id": id, "label": typ.Label, "weight": e.Weight, "type": e.Type, "sign": typ.Sign.String(),
			"records": len(e.Records), "mutual": !e.Directed, "spells": nxSpells(s)}
		wantEdges[id] = []any{e.From, e.To, d}
		if !e.Directed {
			back := map[string]any{}
			for k, v := range d {
				back[k] = v
			}
			back["id"] = id + "r"
			wantEdges[id+"r"] = []any{e.To, e.From, back}
		}
	}
	gotEdges := map[string]any{}
	for _, e := range read.edges(t) {
		key, _ := e.key.(string)
		gotEdges[key] = []any{e.from, e.to, e.data}
	}
	if len(read.Edges) != len(wantEdges) || len(gotEdges) != len(wantEdges) {
		t.Errorf("read_gexf has %d edges (%d keys); want %d: %d relations, %d of them mutual",
			len(read.Edges), len(gotEdges), len(wantEdges), len(g.Edges), len(wantEdges)-len(g.Edges))
	}
	for _, id := range sortedKeys(wantEdges) {
		if got, want := plain(t, gotEdges[id]), plain(t, wantEdges[id]); !reflect.DeepEqual(got, want) {
			t.Errorf("GEXF edge %s as NetworkX reads it:\n got %v\nwant %v", id, got, want)
		}
	}
}

// nxSpells are spells as read_gexf gives them: [start, end] strings, a
// missing end read as "None".
func nxSpells(s *gexfSpells) [][2]string {
	var out [][2]string
	for _, sp := range s.List {
		out = append(out, [2]string{sp.Start, cmp.Or(sp.End, "None")})
	}
	return out
}

// checkNodeLink: node_link_graph made a MultiDiGraph with every entity
// and relation, holding exactly the attributes the file has (links is
// the file, with its links under "edges"), and the file's links are the
// graph's relations.
func checkNodeLink(t *testing.T, g *graph.Graph, links []byte, read *nxGraph) {
	t.Helper()
	var doc struct {
		Graph map[string]any   `json:"graph"`
		Nodes []map[string]any `json:"nodes"`
		Edges []map[string]any `json:"edges"`
	}
	if err := json.Unmarshal(links, &doc); err != nil {
		t.Fatal(err)
	}
	if read.Class != "MultiDiGraph" {
		t.Errorf("node_link_graph made a %s; want a MultiDiGraph", read.Class)
	}
	if !reflect.DeepEqual(read.Graph, doc.Graph) || doc.Graph["title"] != g.Dataset.Title {
		t.Errorf("graph attributes %v; want %v", read.Graph, doc.Graph)
	}
	want := map[string]any{}
	for _, n := range doc.Nodes {
		d := map[string]any{}
		for k, v := range n {
			if k != "id" {
				d[k] = v
			}
		}
		want[n["id"].(string)] = d
	}
	if len(doc.Nodes) != len(g.Nodes) || !reflect.DeepEqual(plain(t, read.Nodes), plain(t, want)) {
		t.Errorf("node-link nodes as NetworkX reads them (%d entities):\n got %v\nwant %v", len(g.Nodes), read.Nodes, want)
	}
	if len(doc.Edges) != len(g.Edges) {
		t.Fatalf("the file has %d links; want %d relations", len(doc.Edges), len(g.Edges))
	}
	for i, l := range doc.Edges {
		e := g.Edges[i]
		if l["source"] != e.From || l["target"] != e.To || l["type"] != e.Type || l["weight"] != e.Weight ||
			l["mutual"] != !e.Directed || l["records"] != float64(len(e.Records)) {
			t.Errorf("link %d %v is not relation %s %s→%s", i, l, e.Type, e.From, e.To)
		}
	}
	type at struct {
		from, to string
		key      float64
	}
	wantEdges := map[at]map[string]any{}
	for _, l := range doc.Edges {
		d := map[string]any{}
		for k, v := range l {
			if k != "source" && k != "target" && k != "key" {
				d[k] = v
			}
		}
		wantEdges[at{l["source"].(string), l["target"].(string), l["key"].(float64)}] = d
	}
	got := read.edges(t)
	if len(got) != len(wantEdges) {
		t.Errorf("node_link_graph has %d edges; want %d", len(got), len(wantEdges))
	}
	for _, e := range got {
		k, _ := e.key.(float64)
		w, ok := wantEdges[at{e.from, e.to, k}]
		if !ok {
			t.Errorf("NetworkX has an edge %s→%s key %v the file does not", e.from, e.to, e.key)
			continue
		}
		if !reflect.DeepEqual(plain(t, e.data), plain(t, w)) {
			t.Errorf("edge %s→%s key %v as NetworkX reads it:\n got %v\nwant %v", e.from, e.to, e.key, e.data, w)
		}
	}
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

// String names an interpreter in messages.
func (nx networkx) String() string { return fmt.Sprintf("NetworkX %s (%s)", nx.version, nx.python) }

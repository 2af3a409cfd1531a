package render

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"

	"github.com/dipgraph/dipgraph/graph"
)

// pinEngine lays out a graph whose nodes all have positions: Graphviz's
// "nop2" is neato -n2, which keeps every node where its pos puts it (in
// points), draws country frames at their given bounding boxes and only
// routes the edges (with the graph's splines) and places their labels.
const pinEngine = "nop2"

// pins are the positions of one layout, given to the layouts of the
// snapshots of a timeline so that every entity stays where it is. Entities
// without a relation on a snapshot's date are drawn ghosted, never moved.
type pins struct {
	pos      map[string]string // entity id → "x,y" in points
	clusters map[string]string // country id → its frame's bb
	bb       string            // the whole layout's bb
	ghost    map[string]bool   // entities drawn ghosted on this snapshot
	legend   bool              // the legend of a timeline (a ghost row)
}

// with returns the same positions with another set of ghosts.
func (p *pins) with(ghost map[string]bool) *pins {
	c := *p
	c.ghost = ghost
	return &c
}

// node pins a node and ghosts it when it is absent on the date. A ghost
// keeps its label and size (so nothing moves or resizes) but is drawn in
// the faint colour of the country frames, unfilled, its name in the
// theme's faded text (which still reads, at 4.5:1).
func (p *pins) node(e *graph.Entity, attrs [][2]string, th *Theme) [][2]string {
	if pos, ok := p.pos[e.ID]; ok {
		attrs = setAttr(attrs, "pos", pos)
	}
	if p.ghost[e.ID] {
		attrs = setAttr(attrs, "fillcolor", "#FFFFFF00")
		attrs = setAttr(attrs, "color", th.MemberLine)
		attrs = setAttr(attrs, "fontcolor", th.fadedText()) // faint, but read at 4.5:1
		attrs = setAttr(attrs, "class", "ghost")
		if per, ok := getAttr(attrs, "peripheries"); ok && per != "1" {
			attrs = setAttr(attrs, "peripheries", "1")
		}
		tip, _ := getAttr(attrs, "tooltip")
		attrs = setAttr(attrs, "tooltip", tip+"\n(no relation on this date)")
	}
	return attrs
}

// graph swaps the engine's own attributes for the pinned layout's: no
// overlap removal (it would move nodes), no translation, and the union
// layout's bounding box.
func (p *pins) graph(attrs [][2]string) [][2]string {
	var out [][2]string
	for _, a := range attrs {
		switch a[0] {
		case "K", "sep", "start", "maxiter", "overlap", "newrank", "rankdir", "nodesep", "ranksep":
			continue
		}
		out = append(out, a)
	}
	return append(out, [2]string{"overlap", "true"}, [2]string{"notranslate", "true"}, [2]string{"bb", p.bb})
}

// layoutJSON is the part of Graphviz's json output that holds positions.
type layoutJSON struct {
	BB      string `json:"bb"`
	Objects []struct {
		Name string `json:"name"`
		ID   string `json:"id"`
		Pos  string `json:"pos"`
		BB   string `json:"bb"`
	} `json:"objects"`
}

// pinsOf lays out g with the options' engine and returns where it put
// every entity and country frame.
func pinsOf(ctx context.Context, gv *Graphviz, g *graph.Graph, o Options) (*pins, error) {
	var dot strings.Builder
	if err := graphvizDOT(&dot, g, o); err != nil {
		return nil, err
	}
	out, err := gv.Render(ctx, []byte(dot.String()), o.Layout, "json")
	if err != nil {
		return nil, err
	}
	var lj layoutJSON
	if err := json.Unmarshal(out, &lj); err != nil {
		return nil, fmt.Errorf("reading Graphviz's layout: %w", err)
	}
	p := &pins{pos: map[string]string{}, clusters: map[string]string{}, bb: lj.BB}
	for _, ob := range lj.Objects {
		switch {
		case strings.HasPrefix(ob.ID, "node-") && ob.Pos != "":
			p.pos[strings.TrimPrefix(ob.ID, "node-")] = ob.Pos
		case strings.HasPrefix(ob.ID, "cluster-") && ob.BB != "":
			p.clusters[strings.TrimPrefix(ob.ID, "cluster-")] = ob.BB
		}
	}
	for _, n := range g.Nodes {
		if _, ok := p.pos[n.ID]; !ok {
			return nil, fmt.Errorf("graphviz %s gave no position for %q", o.Layout, n.ID)
		}
	}
	if p.bb == "" {
		return nil, fmt.Errorf("graphviz %s gave no bounding box", o.Layout)
	}
	return p, nil
}

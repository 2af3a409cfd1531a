"""Reads dipgraph's exports with NetworkX, as docs/import-export.md says to,
and prints what NetworkX made of them as JSON, for networkx_test.go.

    python3 networkx_read.py GRAPH.gexf EDGES.json LINKS.json

GRAPH.gexf is read with nx.read_gexf; EDGES.json and LINKS.json are the
node-link export with its links under "edges" (the default) and "links"
(--node-link=links), read with the call docs/import-export.md gives for
this NetworkX version.
"""

import json
import sys

import networkx as nx


def version():
    """NetworkX's version as (major, minor)."""
    parts = []
    for part in nx.__version__.split(".")[:2]:
        digits = "".join(c for c in part if c.isdigit())
        parts.append(int(digits or 0))
    return tuple(parts)


def node_link(path, key):
    """The node-link file at path, its links under key, as a graph."""
    with open(path, encoding="utf-8") as f:
        data = json.load(f)
    v = version()
    if v >= (3, 6):
        if key == "edges":
            return nx.node_link_graph(data)
        return nx.node_link_graph(data, edges=key)
    if v >= (3, 4):
        return nx.node_link_graph(data, edges=key)
    if key == "links":
        return nx.node_link_graph(data)
    return nx.node_link_graph(data, link=key)


def dump(g):
    """A graph as plain JSON: its class, attributes, nodes and edges."""
    return {
        "class": type(g).__name__,
        "graph": g.graph,
        "nodes": {str(n): d for n, d in g.nodes(data=True)},
        "edges": [[u, v, k, d] for u, v, k, d in g.edges(keys=True, data=True)],
    }


def main():
    gexf, edges, links = sys.argv[1:4]
    out = {
        "version": nx.__version__,
        "gexf": dump(nx.read_gexf(gexf)),
        "edges": dump(node_link(edges, "edges")),
        "links": dump(node_link(links, "links")),
    }
    json.dump(out, sys.stdout, ensure_ascii=False, default=str)


if __name__ == "__main__":
    main()

package data

import (
	"strings"
	"testing"

	"github.com/dipgraph/dipgraph/graph"
)

func TestListCells(t *testing.T) {
	items := []string{"a", `b;c`, `d|e`, `f\g`, "h; i"}
	if got := SplitList(JoinList(items)); strings.Join(got, "\x00") != strings.Join(items, "\x00") {
		t.Errorf("list round trip: %q", got)
	}
	roles := []graph.Role{{Title: `Chair; | \ x`, Start: graph.MustDate("2001")}, {Title: "T", End: graph.MustDate("2003-04-05")}}
	got := SplitRoles(JoinRoles(roles))
	if len(got) != 2 || got[0][0] != roles[0].Title || got[0][1] != "2001" || got[1][2] != "2003-04-05" {
		t.Errorf("roles round trip: %q", got)
	}
}

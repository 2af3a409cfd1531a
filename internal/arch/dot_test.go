package arch

import (
	"bytes"
	"strings"
	"testing"
)

func TestDOT(t *testing.T) {
	h := target()
	good := DOT(mod, house(h))
	if !bytes.Equal(good, DOT(mod, house(h))) {
		t.Error("DOT is not deterministic")
	}
	for _, want := range []string{
		`"example.org/house" [label="main"`,
		`"example.org/house/render/graphviz" [label="render/graphviz"`,
		`"example.org/house" -> "example.org/house/internal/cli";`,
		// Fenced packages are drawn once, subpackages folded in.
		`"example.org/house/render/graphviz" -> "github.com/goccy/go-graphviz";`,
		`"github.com/tetratelabs/wazero" [`,
		`"example.org/house/internal/cli" -> "net/http";`,
	} {
		if !bytes.Contains(good, []byte(want)) {
			t.Errorf("DOT of the target house lacks %s:\n%s", want, good)
		}
	}
	for _, absent := range []string{"#c53030", `"os"`, "go-yaml", "golang.org/x/text", "cgraph"} {
		if bytes.Contains(good, []byte(absent)) {
			t.Errorf("DOT of the target house has %s:\n%s", absent, good)
		}
	}
	h["data"] = append(h["data"], "./render")
	h["render"] = append(h["render"], "github.com/goccy/go-graphviz/gvc")
	bad := string(DOT(mod, house(h)))
	for _, want := range []string{
		`"example.org/house/data" -> "example.org/house/render" [color="#c53030", penwidth=1.6, tooltip="data never imports render"];`,
		`"example.org/house/render" -> "github.com/goccy/go-graphviz" [color="#c53030", penwidth=1.6, tooltip="only render/graphviz imports go-graphviz and wazero"];`,
	} {
		if !strings.Contains(bad, want) {
			t.Errorf("DOT of a house with breaches lacks %s:\n%s", want, bad)
		}
	}
}

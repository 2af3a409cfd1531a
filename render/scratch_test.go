package render

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestScratchFiles(t *testing.T) {
	files, _ := filepath.Glob("/tmp/scratch/*.dot")
	gv, _ := NewGraphviz(context.Background())
	for _, f := range files {
		b, _ := os.ReadFile(f)
		eng := "dot"
		for _, e := range Layouts {
			if strings.HasPrefix(filepath.Base(f), e) {
				eng = e
			}
		}
		svg, err := gv.Render(context.Background(), b, eng, "svg")
		if err != nil {
			t.Error(f, err)
		}
		os.WriteFile(strings.TrimSuffix(f, ".dot")+".svg", svg, 0o644)
	}
}

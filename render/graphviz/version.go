package graphviz

import "runtime/debug"

// Version is the version of go-graphviz, which embeds Graphviz, that the
// running program was built with: "unknown" when the build does not say.
func Version() string {
	if bi, ok := debug.ReadBuildInfo(); ok {
		for _, d := range bi.Deps {
			if d.Path == "github.com/goccy/go-graphviz" {
				return d.Version
			}
		}
	}
	return "unknown"
}

package data

import (
	"strings"
	"testing"
)

// TestMessagesNameTheFile: anchors, aliases and tags are refused with
// messages that name the kind of file they are in.
func TestMessagesNameTheFile(t *testing.T) {
	parse := map[string]func(src string) error{
		"data files": func(src string) error { _, err := Load(Input{Name: "d.yaml", Src: []byte(src)}); return err },
		"manifests":  func(src string) error { _, err := ParseManifest("m.yaml", []byte(src), nil); return err },
		"style files": func(src string) error {
			_, err := ParseStyleSheet("s.yaml", []byte(src))
			return err
		},
	}
	srcs := map[string][]string{
		"data files": {
			"dipgraph: 1\nid: &x a\ntitle: *x\n",
			"dipgraph: 1\nid: a\ntitle: !!binary QQ==\n",
		},
		"manifests": {
			"dipgraph: 1\ndefaults:\n  data: &d beijing-2025\nfigures:\n  - name: a\n    data: *d\n    outputs: out/a.svg\n",
			"dipgraph: 1\nfigures:\n  - name: !!binary QQ==\n    outputs: out/a.svg\n",
		},
		"style files": {
			"types:\n  summit: &s {color: '#123456'}\n  alliance: *s\n",
			"types:\n  summit: {color: !custom '#123456'}\n",
		},
	}
	for kind, list := range srcs {
		for _, src := range list {
			err := parse[kind](src)
			if err == nil || !strings.Contains(err.Error(), "not supported in "+kind) {
				t.Errorf("%s: %q: got %v, want a message naming %s", kind, src, err, kind)
			}
			for other := range srcs {
				if other != kind && err != nil && strings.Contains(err.Error(), other) {
					t.Errorf("%s: %q: the message names %s: %v", kind, src, other, err)
				}
			}
		}
	}
}

package safecheck

import (
	"strings"
	"testing"
)

const svgHead = `<?xml version="1.0" encoding="UTF-8" standalone="no"?>
<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd">
<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="10pt" height="10pt">`

// TestSVG shows that the checker passes what figures hold and catches each
// kind of active or external content.
func TestSVG(t *testing.T) {
	tests := []struct {
		name, body string
		want       string // a problem's substring; "" for none
	}{
		{"clean", `<g id="a" class="node"><title>&lt;script&gt; &amp; ]]&gt; --&gt;</title><a xlink:href="https://example.org/x?a=1&amp;b=2" xlink:title="&lt;b&gt;"><text fill="url(#grad)">x</text></a><a xlink:href="#sources"><path d="M0,0"/></a></g>`, ""},
		{"comment", `<!-- a &#45;&#45;&gt; b --><g/>`, ""},
		{"script", `<script>alert(1)</script>`, "element <script>"},
		{"foreignObject", `<foreignObject><div/></foreignObject>`, "element <foreignObject>"},
		{"animate", `<a><animate attributeName="href" to="javascript:alert(1)"/></a>`, "element <animate>"},
		{"onload", `<g onload="alert(1)"/>`, "event handler"},
		{"onclick upper", `<g ONCLICK="alert(1)"/>`, "event handler"},
		{"javascript link", `<a xlink:href="javascript:alert(1)"><text>x</text></a>`, "links to"},
		{"data link", `<a href="data:text/html,x"><text>x</text></a>`, "links to"},
		{"file link", `<a xlink:href="file:///etc/passwd"><text>x</text></a>`, "links to"},
		{"relative link", `<a xlink:href="other.svg"><text>x</text></a>`, "links to"},
		{"external fill", `<rect fill="url(https://evil.example/x.svg#p)"/>`, "refers to another file"},
		{"style import", `<style>@import "https://evil.example/x.css";</style>`, "@import"},
		{"style url", `<style>rect { fill: url(x.svg#a) }</style>`, "refers to another file"},
		{"style attribute", `<rect style="background:url(http://x/y.png)"/>`, "refers to another file"},
		{"broken", `<text>a <b</text>`, "not well-formed"},
		{"unescaped amp", `<text>a & b</text>`, "not well-formed"},
		{"pi", `<?php echo 1 ?><g/>`, "processing instruction"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := SVG([]byte(svgHead + tt.body + "</svg>"))
			check(t, got, tt.want)
		})
	}
	t.Run("entities", func(t *testing.T) {
		doc := `<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY a "aaaa">]><svg>x</svg>`
		check(t, SVG([]byte(doc)), "internal subset")
	})
	t.Run("two roots", func(t *testing.T) {
		check(t, SVG([]byte(svgHead+"</svg><svg></svg>")), "2 root elements")
	})
}

func TestHTML(t *testing.T) {
	tests := []struct {
		name, doc string
		want      string
	}{
		{"clean", `<!DOCTYPE html><html><head><meta charset="utf-8"><title>&lt;script&gt;</title><style>svg{fill:url(#g)}</style></head><body><h1>&lt;b&gt;</h1><svg viewBox="0 0 1 1"><a href="#x"><text>t</text></a></svg><a href="https://example.org/">src</a></body></html>`, ""},
		{"script", `<!DOCTYPE html><html><body><script>alert(1)</script></body></html>`, "element <script>"},
		{"img onerror", `<!DOCTYPE html><html><body><img src=x onerror=alert(1)></body></html>`, "element <img>"},
		{"onmouseover", `<!DOCTYPE html><html><body><div onmouseover="x()">a</div></body></html>`, "event handler"},
		{"external css", `<!DOCTYPE html><html><head><link rel="stylesheet" href="x.css"></head></html>`, "element <link>"},
		{"refresh", `<!DOCTYPE html><html><head><meta http-equiv="refresh" content="0;url=javascript:x"></head></html>`, "http-equiv"},
		{"javascript link", `<!DOCTYPE html><html><body><a href="javascript:alert(1)">x</a></body></html>`, "links to"},
		{"iframe", `<!DOCTYPE html><html><body><iframe src="https://x.example/"></iframe></body></html>`, "element <iframe>"},
		{"style import", `<!DOCTYPE html><html><head><style>@import url(https://x.example/a.css);</style></head></html>`, "@import"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) { check(t, HTML([]byte(tt.doc)), tt.want) })
	}
}

func TestTexts(t *testing.T) {
	got := Texts([]byte(svgHead + `<text>&lt;script&gt; a&amp;b</text><a xlink:title="x &quot;y&quot;"/></svg>`))
	for _, want := range []string{"<script> a&b", `x "y"`} {
		if !strings.Contains(got, want) {
			t.Errorf("Texts lacks %q: %q", want, got)
		}
	}
}

func check(t *testing.T, got []string, want string) {
	t.Helper()
	if want == "" {
		if len(got) > 0 {
			t.Errorf("problems in a clean document: %q", got)
		}
		return
	}
	for _, p := range got {
		if strings.Contains(p, want) {
			return
		}
	}
	t.Errorf("problems %q, want one containing %q", got, want)
}

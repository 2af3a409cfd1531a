// Package safecheck checks that a document dipgraph wrote — an SVG figure
// or an HTML report — is inert: it parses, holds only the elements a figure
// is made of, and nothing in it can run, navigate away or fetch another
// file. Tests call it on every output made from hostile data; it is not
// part of the command.
//
// What counts as a problem:
//   - the document does not parse (SVG as strict XML, HTML with the
//     HTML5 tokenizer);
//   - a DOCTYPE with an internal subset (entity definitions), or a
//     processing instruction other than the XML declaration;
//   - an element outside the set figures use (script, foreignObject,
//     iframe, object, embed, animate… are all outside it);
//   - an event-handler attribute (on…);
//   - a link (href, xlink:href, src, action…) that is neither http(s) nor
//     a fragment of the document (#id);
//   - url(…) in a style or presentation attribute, or in a style element,
//     that names anything but a fragment, and @import.
package safecheck

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"net/url"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html"
)

// svgElements are the SVG elements Graphviz and dipgraph write.
var svgElements = set("svg", "g", "title", "desc", "text", "tspan", "path",
	"polygon", "polyline", "ellipse", "circle", "rect", "line", "a", "defs",
	"linearGradient", "radialGradient", "stop", "clipPath", "style")

// htmlElements are the HTML elements a self-contained report may use, on
// top of the SVG ones (an HTML report embeds its figure inline).
var htmlElements = set("html", "head", "meta", "title", "style", "body",
	"main", "header", "footer", "section", "article", "aside", "nav", "div",
	"span", "p", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "dl",
	"dt", "dd", "table", "caption", "colgroup", "col", "thead", "tbody",
	"tfoot", "tr", "th", "td", "a", "figure", "figcaption", "details",
	"summary", "code", "pre", "small", "strong", "em", "b", "i", "br", "hr",
	"time", "abbr", "sup", "sub", "cite", "blockquote", "q", "mark", "label",
	"input") // radio buttons only (checked below): a report's table sorts with them and CSS

// linkAttrs are attributes whose value is a URL the viewer may follow or
// fetch.
var linkAttrs = set("href", "src", "action", "formaction", "data", "poster",
	"background", "codebase", "cite", "srcset", "ping")

func set(names ...string) map[string]bool {
	m := make(map[string]bool, len(names))
	for _, n := range names {
		m[strings.ToLower(n)] = true
	}
	return m
}

// SVG returns every way in which doc is not an inert SVG document, or nil.
func SVG(doc []byte) []string {
	var c checker
	d := xml.NewDecoder(bytes.NewReader(doc))
	d.Strict = true
	depth, roots := 0, 0
	for {
		tok, err := d.Token()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			c.addf("not well-formed XML: %v", err)
			return c.problems
		}
		switch tok := tok.(type) {
		case xml.StartElement:
			if depth == 0 {
				roots++
				if tok.Name.Local != "svg" {
					c.addf("root element <%s>, want <svg>", tok.Name.Local)
				}
			}
			depth++
			c.element(tok.Name.Local, svgElements)
			for _, a := range tok.Attr {
				c.attr(tok.Name.Local, xmlName(a.Name), a.Value)
			}
		case xml.EndElement:
			depth--
		case xml.CharData:
			if c.inStyle {
				c.css(string(tok))
			}
		case xml.ProcInst:
			if tok.Target != "xml" {
				c.addf("processing instruction <?%s?>", tok.Target)
			}
		case xml.Directive:
			c.doctype(string(tok))
		}
		if e, ok := tok.(xml.StartElement); ok && e.Name.Local == "style" {
			c.inStyle = true
		}
		if e, ok := tok.(xml.EndElement); ok && e.Name.Local == "style" {
			c.inStyle = false
		}
	}
	if roots != 1 {
		c.addf("%d root elements, want one <svg>", roots)
	}
	return c.problems
}

// HTML returns every way in which doc is not an inert HTML document, or
// nil. Inline SVG inside it is held to the SVG rules.
func HTML(doc []byte) []string {
	var c checker
	allowed := make(map[string]bool, len(htmlElements)+len(svgElements))
	for n := range htmlElements {
		allowed[n] = true
	}
	for n := range svgElements {
		allowed[strings.ToLower(n)] = true
	}
	z := html.NewTokenizer(bytes.NewReader(doc))
	for {
		tt := z.Next()
		switch tt {
		case html.ErrorToken:
			if !errors.Is(z.Err(), io.EOF) {
				c.addf("cannot read the HTML: %v", z.Err())
			}
			return c.problems
		case html.StartTagToken, html.SelfClosingTagToken:
			tok := z.Token()
			name := strings.ToLower(tok.Data)
			c.element(name, allowed)
			for _, a := range tok.Attr {
				key := a.Key
				if a.Namespace != "" {
					key = a.Namespace + ":" + key
				}
				c.attr(name, key, a.Val)
			}
			if name == "meta" {
				for _, a := range tok.Attr {
					// A Content-Security-Policy only forbids more.
					if strings.EqualFold(a.Key, "http-equiv") && !strings.EqualFold(a.Val, "Content-Security-Policy") {
						c.addf("<meta http-equiv=%q>", a.Val)
					}
				}
			}
			if name == "input" {
				typ := ""
				for _, a := range tok.Attr {
					if strings.EqualFold(a.Key, "type") {
						typ = strings.ToLower(a.Val)
					}
				}
				if typ != "radio" {
					c.addf("<input type=%q>, want only radio buttons", typ)
				}
			}
			c.inStyle = name == "style" && tt == html.StartTagToken
		case html.EndTagToken:
			c.inStyle = false
		case html.TextToken:
			if c.inStyle {
				c.css(string(z.Text()))
			}
		case html.DoctypeToken:
			if d := strings.ToLower(strings.TrimSpace(string(z.Text()))); d != "html" {
				c.addf("doctype %q, want html", d)
			}
		}
	}
}

// Texts returns what a reader of an XML document sees: its character data
// and attribute values, entities decoded, separated by newlines. A test
// finds user text in it to show that the text arrived as text.
func Texts(doc []byte) string {
	var b strings.Builder
	d := xml.NewDecoder(bytes.NewReader(doc))
	for {
		tok, err := d.Token()
		if err != nil {
			return b.String()
		}
		switch v := tok.(type) {
		case xml.CharData:
			b.Write(v)
			b.WriteByte('\n')
		case xml.StartElement:
			for _, a := range v.Attr {
				b.WriteString(a.Value)
				b.WriteByte('\n')
			}
		}
	}
}

// Words are the words of user text that a reader must find in a figure
// made from it: dipgraph's escaping drops control characters, invalid
// UTF-8 and the non-characters U+FFFE and U+FFFF, and turns line breaks
// and tabs into spaces or separate lines, so the words are what survives,
// split at white space.
func Words(text string) []string {
	var b strings.Builder
	for _, r := range text {
		switch {
		case r == utf8.RuneError, r == 0xFFFE, r == 0xFFFF:
		case r == '\n' || r == '\r' || r == '\t':
			b.WriteByte(' ')
		case unicode.IsControl(r):
		default:
			b.WriteRune(r)
		}
	}
	return strings.Fields(b.String())
}

// HTMLTexts is Texts for an HTML document.
func HTMLTexts(doc []byte) string {
	var b strings.Builder
	z := html.NewTokenizer(bytes.NewReader(doc))
	for {
		switch z.Next() {
		case html.ErrorToken:
			return b.String()
		case html.TextToken:
			b.WriteString(html.UnescapeString(string(z.Text())))
			b.WriteByte('\n')
		case html.StartTagToken, html.SelfClosingTagToken:
			for _, a := range z.Token().Attr {
				b.WriteString(a.Val)
				b.WriteByte('\n')
			}
		}
	}
}

type checker struct {
	problems []string
	inStyle  bool
}

func (c *checker) addf(format string, args ...any) {
	if len(c.problems) < 50 {
		c.problems = append(c.problems, fmt.Sprintf(format, args...))
	}
}

func (c *checker) element(name string, allowed map[string]bool) {
	if !allowed[strings.ToLower(name)] {
		c.addf("element <%s> is not one a figure is made of", name)
	}
}

var (
	cssURL    = regexp.MustCompile(`(?i)url\(\s*['"]?([^'")]*)`)
	cssActive = regexp.MustCompile(`(?i)@import|expression\s*\(|javascript:|behavior\s*:|-moz-binding`)
)

func (c *checker) attr(elem, name, value string) {
	local := strings.ToLower(name)
	if i := strings.LastIndexByte(local, ':'); i >= 0 {
		local = local[i+1:]
	}
	switch {
	case strings.HasPrefix(local, "on"):
		c.addf("<%s> has an event handler %s=%q", elem, name, value)
	case linkAttrs[local]:
		if !safeLink(value) {
			c.addf("<%s %s=%q> links to something other than a web page or a part of the document", elem, name, value)
		}
	}
	c.cssValue(elem, name, value)
}

// cssValue checks any attribute for url(…) references: presentation
// attributes (fill, clip-path, filter…) and style take them.
func (c *checker) cssValue(elem, name, value string) {
	for _, m := range cssURL.FindAllStringSubmatch(value, -1) {
		if !strings.HasPrefix(strings.TrimSpace(m[1]), "#") {
			c.addf("<%s %s=%q> refers to another file", elem, name, value)
		}
	}
	if strings.EqualFold(name, "style") && cssActive.MatchString(value) {
		c.addf("<%s style=%q> holds active CSS", elem, value)
	}
}

func (c *checker) css(text string) {
	for _, m := range cssURL.FindAllStringSubmatch(text, -1) {
		if !strings.HasPrefix(strings.TrimSpace(m[1]), "#") {
			c.addf("style sheet refers to another file: url(%s)", m[1])
		}
	}
	if m := cssActive.FindString(text); m != "" {
		c.addf("style sheet holds %q", m)
	}
}

func (c *checker) doctype(d string) {
	d = strings.TrimSpace(d)
	if !strings.HasPrefix(d, "DOCTYPE") {
		c.addf("directive <!%s>", firstLine(d))
		return
	}
	if strings.ContainsAny(d, "[]") || strings.Contains(d, "ENTITY") {
		c.addf("DOCTYPE with an internal subset: <!%s>", firstLine(d))
	}
}

// safeLink reports whether a link stays in the document (#id) or goes to a
// web page (an absolute http or https URL).
func safeLink(v string) bool {
	v = strings.TrimSpace(v)
	if strings.HasPrefix(v, "#") {
		return true
	}
	u, err := url.Parse(v)
	return err == nil && (u.Scheme == "http" || u.Scheme == "https") && u.Host != ""
}

func xmlName(n xml.Name) string {
	switch n.Space {
	case "":
		return n.Local
	case "http://www.w3.org/1999/xlink":
		return "xlink:" + n.Local
	}
	return n.Space + ":" + n.Local
}

func firstLine(s string) string {
	s, _, _ = strings.Cut(s, "\n")
	if len(s) > 60 {
		s = s[:60] + "…"
	}
	return s
}

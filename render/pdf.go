package render

import (
	"bytes"
	"compress/zlib"
	"encoding/binary"
	"fmt"
	"hash/fnv"
	"image/color"
	"math"
	"slices"
	"sort"
	"strconv"
	"strings"
	"unicode/utf16"

	"github.com/tdewolff/canvas"
	"github.com/tdewolff/font"
)

// PDF paints the figure as a one-page PDF: vector paths, and text as text
// in embedded font subsets, so it is selectable and searchable. TrueType
// fonts (the built-in Liberation Sans among them) are embedded as CID
// TrueType subsets; other fonts — the CFF-based CJK fonts such as Noto Sans
// CJK, whose subsetting the font library does not support — as Type 3 fonts
// drawn from the glyphs' outlines. Nothing in the file depends on the clock.
func (f *Figure) PDF(o PaintOptions) ([]byte, error) {
	if err := f.paintable(); err != nil {
		return nil, err
	}
	w, h, err := f.PageSize(o)
	if err != nil {
		return nil, err
	}
	fonts, err := fontsOf(o)
	if err != nil {
		return nil, err
	}
	var (
		doc     []byte
		missing []rune
	)
	err = fonts.paintWithout(func() error {
		pp := &pdfPainter{fonts: map[*fontFace][]*pdfFont{}, fillC: -1, strokeC: -1, width: -1, fillA: 255, strokeA: 255}
		k := w / f.Width
		fmt.Fprintf(&pp.content, "%s 0 0 %s 0 0 cm\n0 J 0 j 4 M\n", pdfNum(k), pdfNum(h/f.Height))
		if err := catch(func() { missing = paintFigure(f, fonts, o.Transparent, pp) }); err != nil {
			return err
		}
		var err error
		if cerr := catch(func() { doc, err = pp.document(w, h, f.title) }); cerr != nil {
			return cerr
		}
		return err
	})
	if err != nil {
		return nil, err
	}
	warnFonts(o, fonts)
	warnMissing(o, missing)
	return doc, nil
}

type pdfPainter struct {
	content bytes.Buffer
	fonts   map[*fontFace][]*pdfFont // a Type 3 font may need several
	order   []*pdfFont               // in order of first use

	// graphics state written so far
	fillC, strokeC  int64 // 0xRRGGBB, -1 unset
	width           float64
	dash            string
	fillA, strokeA  uint8
	fillAS, strokAS map[uint8]bool // ExtGStates in use
}

// pdfFont is one font resource: a CID TrueType subset, or a Type 3 font of
// at most 255 glyphs.
type pdfFont struct {
	name  string // resource name
	font  *fontFace
	type3 bool
	gids  []uint16        // code → glyph id; code 0 is .notdef (CID) or unused (Type 3)
	codes map[uint16]int  // glyph id → code
	text  map[int]string  // code → the characters it stands for
	wdth  map[int]float64 // code → advance in the font's text space units × 1000
}

func pdfNum(v float64) string {
	v = math.Round(v*1000) / 1000
	if v == 0 {
		return "0"
	}
	return strconv.FormatFloat(v, 'f', -1, 64)
}

func rgb(c color.NRGBA) int64 { return int64(c.R)<<16 | int64(c.G)<<8 | int64(c.B) }

func colorOps(c color.NRGBA) string {
	return fmt.Sprintf("%s %s %s", pdfNum(float64(c.R)/255), pdfNum(float64(c.G)/255), pdfNum(float64(c.B)/255))
}

func (pp *pdfPainter) setFill(c color.NRGBA) {
	if rgb(c) != pp.fillC {
		fmt.Fprintf(&pp.content, "%s rg\n", colorOps(c))
		pp.fillC = rgb(c)
	}
	if c.A != pp.fillA {
		fmt.Fprintf(&pp.content, "/GSf%d gs\n", c.A)
		pp.fillA = c.A
		if pp.fillAS == nil {
			pp.fillAS = map[uint8]bool{}
		}
		pp.fillAS[c.A] = true
	}
}

func (pp *pdfPainter) setStroke(c color.NRGBA, width float64, dashes []float64) {
	if rgb(c) != pp.strokeC {
		fmt.Fprintf(&pp.content, "%s RG\n", colorOps(c))
		pp.strokeC = rgb(c)
	}
	if c.A != pp.strokeA {
		fmt.Fprintf(&pp.content, "/GSs%d gs\n", c.A)
		pp.strokeA = c.A
		if pp.strokAS == nil {
			pp.strokAS = map[uint8]bool{}
		}
		pp.strokAS[c.A] = true
	}
	if width != pp.width {
		fmt.Fprintf(&pp.content, "%s w\n", pdfNum(width))
		pp.width = width
	}
	var d []string
	for _, v := range dashes {
		d = append(d, pdfNum(v))
	}
	dash := "[" + strings.Join(d, " ") + "] 0 d"
	if dash != pp.dash {
		pp.content.WriteString(dash + "\n")
		pp.dash = dash
	}
}

func (pp *pdfPainter) writePath(p *canvas.Path) {
	b := &pp.content
	for s := p.Scanner(); s.Scan(); {
		end := s.End()
		switch s.Cmd() {
		case canvas.MoveToCmd:
			fmt.Fprintf(b, "%s %s m\n", pdfNum(end.X), pdfNum(end.Y))
		case canvas.LineToCmd:
			fmt.Fprintf(b, "%s %s l\n", pdfNum(end.X), pdfNum(end.Y))
		case canvas.QuadToCmd:
			st, c := s.Start(), s.CP1()
			c1 := st.Add(c.Sub(st).Mul(2.0 / 3))
			c2 := end.Add(c.Sub(end).Mul(2.0 / 3))
			fmt.Fprintf(b, "%s %s %s %s %s %s c\n", pdfNum(c1.X), pdfNum(c1.Y), pdfNum(c2.X), pdfNum(c2.Y), pdfNum(end.X), pdfNum(end.Y))
		case canvas.CubeToCmd:
			c1, c2 := s.CP1(), s.CP2()
			fmt.Fprintf(b, "%s %s %s %s %s %s c\n", pdfNum(c1.X), pdfNum(c1.Y), pdfNum(c2.X), pdfNum(c2.Y), pdfNum(end.X), pdfNum(end.Y))
		case canvas.ArcToCmd:
			fmt.Fprintf(b, "%s %s l\n", pdfNum(end.X), pdfNum(end.Y))
		case canvas.CloseCmd:
			b.WriteString("h\n")
		}
	}
}

func (pp *pdfPainter) fill(p *canvas.Path, c color.NRGBA) {
	pp.setFill(c)
	pp.writePath(p)
	pp.content.WriteString("f\n")
}

func (pp *pdfPainter) stroke(p *canvas.Path, c color.NRGBA, width float64, dashes []float64) {
	pp.setStroke(c, width, dashes)
	pp.writePath(p)
	pp.content.WriteString("S\n")
}

// code returns the font resource and code of a glyph, adding it to the
// font's subset.
func (pp *pdfPainter) code(f *fontFace, gid uint16, text string) (*pdfFont, int) {
	list := pp.fonts[f]
	for _, pf := range list {
		if c, ok := pf.codes[gid]; ok {
			if pf.text[c] == "" {
				pf.text[c] = text
			}
			return pf, c
		}
	}
	var pf *pdfFont
	if len(list) > 0 && (!list[len(list)-1].type3 || len(list[len(list)-1].gids) < 256) {
		pf = list[len(list)-1]
	} else {
		pf = &pdfFont{name: fmt.Sprintf("F%d", len(pp.order)+1), font: f, type3: !f.IsTrueType || f.noSubset.Load(),
			gids: []uint16{0}, codes: map[uint16]int{}, text: map[int]string{}, wdth: map[int]float64{}}
		pp.fonts[f] = append(pp.fonts[f], pf)
		pp.order = append(pp.order, pf)
	}
	c := len(pf.gids)
	pf.gids = append(pf.gids, gid)
	pf.codes[gid] = c
	pf.text[c] = text
	upem := float64(f.Head.UnitsPerEm)
	var adv uint16
	f.guard("measuring a glyph", func() { adv = f.GlyphAdvance(gid) })
	if pf.type3 {
		pf.wdth[c] = float64(adv) / upem * 1000
	} else {
		pf.wdth[c] = math.Round(float64(adv) * 1000 / upem)
	}
	return pf, c
}

func (pp *pdfPainter) glyphs(run textRun, x, y, size, sx float64, c color.NRGBA) {
	if len(run.glyphs) == 0 {
		return
	}
	pp.setFill(c)
	upem := float64(run.font.Head.UnitsPerEm)
	b := &pp.content
	fmt.Fprintf(b, "BT\n%s 0 0 1 %s %s Tm\n", pdfNum(sx), pdfNum(x), pdfNum(y))
	var cur *pdfFont
	open := false
	fontMu.Lock()
	defer fontMu.Unlock()
	texts := clusterTexts(run)
	for i, g := range run.glyphs {
		pf, code := pp.code(run.font, g.ID, texts[i])
		if pf != cur {
			if open {
				b.WriteString("] TJ\n")
			}
			fmt.Fprintf(b, "/%s %s Tf\n[", pf.name, pdfNum(size))
			cur, open = pf, true
		}
		if pf.type3 {
			fmt.Fprintf(b, "<%02X>", code)
		} else {
			fmt.Fprintf(b, "<%04X>", code)
		}
		if adj := pf.wdth[code] - float64(g.XAdvance)/upem*1000; math.Abs(adj) > 0.01 {
			b.WriteString(pdfNum(adj))
		}
	}
	b.WriteString("] TJ\nET\n")
}

// clusterTexts is the text each glyph of a run stands for: its cluster's
// characters for the cluster's first glyph, nothing for the others. A
// cluster runs from its start to the next larger cluster start in the run
// (clusters fall in logical order for left-to-right text and in reverse for
// right-to-left), found by a binary search over the sorted starts: a run of
// n glyphs costs O(n log n), where a scan of the run for each glyph cost
// O(n²) (a 128 KB name took 30 s).
func clusterTexts(run textRun) []string {
	starts := make([]int, 0, len(run.glyphs))
	for _, g := range run.glyphs {
		starts = append(starts, int(g.Cluster))
	}
	sort.Ints(starts)
	starts = slices.Compact(starts)
	out := make([]string, len(run.glyphs))
	for i, g := range run.glyphs {
		if i > 0 && run.glyphs[i-1].Cluster == g.Cluster {
			continue
		}
		start, end := int(g.Cluster), len(run.text)
		if k := sort.SearchInts(starts, start+1); k < len(starts) && starts[k] < end {
			end = starts[k]
		}
		if start >= end {
			out[i] = string(g.Text)
			continue
		}
		out[i] = run.text[start:end]
	}
	return out
}

// pdfDoc collects numbered objects.
type pdfDoc struct {
	objs [][]byte
}

func (d *pdfDoc) add(body string) int {
	d.objs = append(d.objs, []byte(body))
	return len(d.objs)
}

func (d *pdfDoc) reserve() int { return d.add("") }

func (d *pdfDoc) set(n int, body string) { d.objs[n-1] = []byte(body) }

func (d *pdfDoc) stream(dict string, data []byte) int {
	var z bytes.Buffer
	zw, _ := zlib.NewWriterLevel(&z, zlib.BestCompression)
	zw.Write(data)
	zw.Close()
	body := fmt.Sprintf("<< %s /Filter /FlateDecode /Length %d >>\nstream\n", dict, z.Len())
	return d.add(body + z.String() + "\nendstream")
}

// pdfText is a PDF text string: literal for ASCII, else UTF-16BE hex.
func pdfText(s string) string {
	ascii := true
	for _, r := range s {
		if r < 0x20 || r > 0x7E {
			ascii = false
		}
	}
	if ascii {
		r := strings.NewReplacer(`\`, `\\`, `(`, `\(`, `)`, `\)`)
		return "(" + r.Replace(s) + ")"
	}
	var b strings.Builder
	b.WriteString("<FEFF")
	for _, u := range utf16.Encode([]rune(s)) {
		fmt.Fprintf(&b, "%04X", u)
	}
	return b.String() + ">"
}

func (pp *pdfPainter) document(w, h float64, title string) ([]byte, error) {
	d := &pdfDoc{}
	catalog := d.reserve()
	pages := d.reserve()
	page := d.reserve()
	content := d.stream("", pp.content.Bytes())
	var fontRes []string
	var err error
	withFonts(func() {
		for _, pf := range pp.order {
			var ref int
			if ref, err = d.writeFont(pf); err != nil {
				return
			}
			fontRes = append(fontRes, fmt.Sprintf("/%s %d 0 R", pf.name, ref))
		}
	})
	if err != nil {
		return nil, err
	}
	var gs []string
	for _, set := range []struct {
		prefix, key string
		used        map[uint8]bool
	}{{"GSf", "ca", pp.fillAS}, {"GSs", "CA", pp.strokAS}} {
		var as []int
		for a := range set.used {
			as = append(as, int(a))
		}
		sort.Ints(as)
		for _, a := range as {
			gs = append(gs, fmt.Sprintf("/%s%d << /Type /ExtGState /%s %s >>", set.prefix, a, set.key, pdfNum(float64(a)/255)))
		}
	}
	res := "<< /ProcSet [/PDF /Text]"
	if len(fontRes) > 0 {
		res += " /Font << " + strings.Join(fontRes, " ") + " >>"
	}
	if len(gs) > 0 {
		res += " /ExtGState << " + strings.Join(gs, " ") + " >>"
	}
	res += " >>"
	d.set(catalog, fmt.Sprintf("<< /Type /Catalog /Pages %d 0 R >>", pages))
	d.set(pages, fmt.Sprintf("<< /Type /Pages /Kids [%d 0 R] /Count 1 >>", page))
	d.set(page, fmt.Sprintf("<< /Type /Page /Parent %d 0 R /MediaBox [0 0 %s %s] /Resources %s /Contents %d 0 R >>",
		pages, pdfNum(w), pdfNum(h), res, content))
	info := d.add(fmt.Sprintf("<< /Title %s /Producer (dipgraph) >>", pdfText(title)))

	var out bytes.Buffer
	out.WriteString("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
	offsets := make([]int, len(d.objs))
	for i, body := range d.objs {
		offsets[i] = out.Len()
		fmt.Fprintf(&out, "%d 0 obj\n", i+1)
		out.Write(body)
		out.WriteString("\nendobj\n")
	}
	xref := out.Len()
	fmt.Fprintf(&out, "xref\n0 %d\n0000000000 65535 f \n", len(d.objs)+1)
	for _, off := range offsets {
		fmt.Fprintf(&out, "%010d 00000 n \n", off)
	}
	fmt.Fprintf(&out, "trailer\n<< /Size %d /Root %d 0 R /Info %d 0 R >>\nstartxref\n%d\n%%%%EOF\n", len(d.objs)+1, catalog, info, xref)
	return out.Bytes(), nil
}

// toUnicode is a ToUnicode CMap for codes of the given byte width.
func toUnicode(text map[int]string, width int) []byte {
	var codes []int
	for c, s := range text {
		if s != "" {
			codes = append(codes, c)
		}
	}
	sort.Ints(codes)
	var b bytes.Buffer
	b.WriteString("/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n1 begincodespacerange\n")
	hex := func(c int) string { return fmt.Sprintf("%0*X", 2*width, c) }
	fmt.Fprintf(&b, "<%s> <%s>\nendcodespacerange\n", hex(0), hex(1<<(8*width)-1))
	for i := 0; i < len(codes); i += 100 {
		chunk := codes[i:min(i+100, len(codes))]
		fmt.Fprintf(&b, "%d beginbfchar\n", len(chunk))
		for _, c := range chunk {
			fmt.Fprintf(&b, "<%s> <", hex(c))
			for _, u := range utf16.Encode([]rune(text[c])) {
				fmt.Fprintf(&b, "%04X", u)
			}
			b.WriteString(">\n")
		}
		b.WriteString("endbfchar\n")
	}
	b.WriteString("endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n")
	return b.Bytes()
}

// subsetName is the font's PostScript name with a subset tag derived from
// the glyphs it holds.
func subsetName(pf *pdfFont) string {
	h := fnv.New32a()
	for _, g := range pf.gids {
		h.Write([]byte{byte(g >> 8), byte(g)})
	}
	h.Write([]byte(pf.name))
	v := h.Sum32()
	tag := make([]byte, 6)
	for i := range tag {
		tag[i] = byte('A' + v%26)
		v /= 26
	}
	name := strings.Map(func(r rune) rune {
		if r >= 'A' && r <= 'Z' || r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '-' {
			return r
		}
		return -1
	}, pf.font.Name())
	if name == "" {
		name = "Font"
	}
	return string(tag) + "+" + name
}

func (d *pdfDoc) writeFont(pf *pdfFont) (int, error) {
	f := pf.font
	upem := float64(f.Head.UnitsPerEm)
	s := func(v int16) string { return pdfNum(float64(v) * 1000 / upem) }
	bbox := fmt.Sprintf("[%s %s %s %s]", s(f.Head.XMin), s(f.Head.YMin), s(f.Head.XMax), s(f.Head.YMax))
	name := subsetName(pf)
	if pf.type3 {
		return d.writeType3(pf, name)
	}
	// Subset writes the subset's glyph count into the font's own maxp
	// record (it shares it): put it back.
	numGlyphs := f.Maxp.NumGlyphs
	program, err := subsetProgram(f, pf.gids)
	f.Maxp.NumGlyphs = numGlyphs
	if err != nil {
		return 0, err
	}
	file := d.stream(fmt.Sprintf("/Length1 %d", len(program)), program)
	capHeight := f.Hhea.Ascender
	if f.OS2 != nil && f.OS2.SCapHeight != 0 {
		capHeight = f.OS2.SCapHeight
	}
	desc := d.add(fmt.Sprintf("<< /Type /FontDescriptor /FontName /%s /Flags 4 /FontBBox %s /ItalicAngle 0 /Ascent %s /Descent %s /CapHeight %s /StemV 80 /FontFile2 %d 0 R >>",
		name, bbox, s(f.Hhea.Ascender), s(f.Hhea.Descender), s(capHeight), file))
	var w strings.Builder
	for c := range pf.gids {
		if c > 0 {
			w.WriteByte(' ')
		}
		w.WriteString(pdfNum(pf.wdth[c]))
	}
	cid := d.add(fmt.Sprintf("<< /Type /Font /Subtype /CIDFontType2 /BaseFont /%s /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /FontDescriptor %d 0 R /W [0 [%s]] /CIDToGIDMap /Identity >>",
		name, desc, w.String()))
	tu := d.stream("", toUnicode(pf.text, 2))
	return d.add(fmt.Sprintf("<< /Type /Font /Subtype /Type0 /BaseFont /%s /Encoding /Identity-H /DescendantFonts [%d 0 R] /ToUnicode %d 0 R >>",
		name, cid, tu)), nil
}

// writeType3 embeds glyphs as drawings: a Type 3 font in the font's units.
func (d *pdfDoc) writeType3(pf *pdfFont, name string) (int, error) {
	f := pf.font
	upem := float64(f.Head.UnitsPerEm)
	var procs, diffs, widths []string
	for c := 1; c < len(pf.gids); c++ {
		gid := pf.gids[c]
		var gp pdfPather
		var adv uint16
		f.guard("drawing a glyph", func() {
			x0, y0, x1, y1 := f.GlyphBounds(gid)
			adv = f.GlyphAdvance(gid)
			fmt.Fprintf(&gp.b, "%d 0 %d %d %d %d d1\n", adv, x0, y0, x1, y1)
			if err := f.GlyphPath(&gp, gid, 0, 0, 0, 1, font.NoHinting); err == nil && gp.drawn {
				gp.b.WriteString("f\n")
			}
		})
		ref := d.stream("", gp.b.Bytes())
		procs = append(procs, fmt.Sprintf("/g%d %d 0 R", c, ref))
		diffs = append(diffs, fmt.Sprintf("/g%d", c))
		widths = append(widths, strconv.Itoa(int(adv)))
	}
	tu := d.stream("", toUnicode(pf.text, 1))
	return d.add(fmt.Sprintf("<< /Type /Font /Subtype /Type3 /Name /%s /FontBBox [%d %d %d %d] /FontMatrix [%s 0 0 %s 0 0] /CharProcs << %s >> /Encoding << /Type /Encoding /Differences [1 %s] >> /FirstChar 1 /LastChar %d /Widths [%s] /Resources << >> /ToUnicode %d 0 R >>",
		name, f.Head.XMin, f.Head.YMin, f.Head.XMax, f.Head.YMax, pdfNum1(1/upem), pdfNum1(1/upem),
		strings.Join(procs, " "), strings.Join(diffs, " "), len(pf.gids)-1, strings.Join(widths, " "), tu)), nil
}

// pdfNum1 writes a small factor with enough digits.
func pdfNum1(v float64) string { return strconv.FormatFloat(v, 'f', 8, 64) }

// pdfPather writes a glyph outline as PDF path operators.
type pdfPather struct {
	b      bytes.Buffer
	x, y   float64
	drawn  bool
	open   bool // a subpath is open
	startX float64
	startY float64
}

func (p *pdfPather) MoveTo(x, y float64) {
	fmt.Fprintf(&p.b, "%s %s m\n", pdfNum(x), pdfNum(y))
	p.x, p.y, p.startX, p.startY, p.open = x, y, x, y, true
}

func (p *pdfPather) LineTo(x, y float64) {
	fmt.Fprintf(&p.b, "%s %s l\n", pdfNum(x), pdfNum(y))
	p.x, p.y, p.drawn = x, y, true
}

func (p *pdfPather) QuadTo(cx, cy, x, y float64) {
	c1x, c1y := p.x+(cx-p.x)*2/3, p.y+(cy-p.y)*2/3
	c2x, c2y := x+(cx-x)*2/3, y+(cy-y)*2/3
	p.CubeTo(c1x, c1y, c2x, c2y, x, y)
}

func (p *pdfPather) CubeTo(c1x, c1y, c2x, c2y, x, y float64) {
	fmt.Fprintf(&p.b, "%s %s %s %s %s %s c\n", pdfNum(c1x), pdfNum(c1y), pdfNum(c2x), pdfNum(c2y), pdfNum(x), pdfNum(y))
	p.x, p.y, p.drawn = x, y, true
}

func (p *pdfPather) Close() {
	if p.open {
		p.b.WriteString("h\n")
	}
	p.x, p.y, p.open = p.startX, p.startY, false
}

// undate sets the modification time that the font library writes into a
// font's head table (the clock) back to the font's creation time, and
// mends the checksums, so that the same glyphs give the same bytes.
func undate(font []byte) []byte {
	if len(font) < 12 {
		return font
	}
	sum := func(b []byte) uint32 {
		var s uint32
		for i := 0; i < len(b); i += 4 {
			var w [4]byte
			copy(w[:], b[i:min(i+4, len(b))])
			s += binary.BigEndian.Uint32(w[:])
		}
		return s
	}
	n := int(binary.BigEndian.Uint16(font[4:]))
	for i := 0; i < n && 12+16*i+16 <= len(font); i++ {
		rec := font[12+16*i:]
		if string(rec[:4]) != "head" {
			continue
		}
		off, length := int(binary.BigEndian.Uint32(rec[8:])), int(binary.BigEndian.Uint32(rec[12:]))
		if length < 36 || off+length > len(font) {
			return font
		}
		head := font[off : off+length]
		copy(head[28:36], head[20:28]) // modified = created
		binary.BigEndian.PutUint32(head[8:], 0)
		binary.BigEndian.PutUint32(rec[4:], sum(head))
		binary.BigEndian.PutUint32(head[8:], 0xB1B0AFBA-sum(font))
		return font
	}
	return font
}

// subsetProgram is the embedded font program of a TrueType font's subset
// gids. When the font library cannot subset a font other than the
// built-in one (an error, or a panic on a malformed glyph), the font is
// marked to be embedded as outlines (Type 3) from then on and a
// *fontFault asks for the figure to be painted again.
func subsetProgram(f *fontFace, gids []uint16) (program []byte, err error) {
	if f.builtin {
		sub, err := f.Subset(gids, font.SubsetOptions{Tables: font.KeepPDFTables})
		if err != nil {
			return nil, fmt.Errorf("embedding font %s: %w", f.Name(), err)
		}
		return undate(sub.Write()), nil
	}
	defer func() {
		if r := recover(); r != nil {
			f.noSubset.Store(true)
			program, err = nil, &fontFault{face: f, what: "subsetting it for the PDF", value: r, subset: true}
		}
	}()
	sub, err := f.Subset(gids, font.SubsetOptions{Tables: font.KeepPDFTables})
	if err != nil {
		f.noSubset.Store(true)
		return nil, &fontFault{face: f, what: "subsetting it for the PDF", value: err, subset: true}
	}
	return undate(sub.Write()), nil
}

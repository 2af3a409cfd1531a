package render

import "math"

// contrastRatio is the WCAG 2.1 contrast ratio of two #rrggbb colours
// ((L1 + 0.05) / (L2 + 0.05), L1 the lighter's relative luminance): 1 for
// the same colour, 21 for black on white. A colour with alpha is first
// blended over bg. It reports 0 when either colour cannot be read.
func contrastRatio(fg, bg string) float64 {
	br, bgc, bb, ok := hexRGB(bg)
	if !ok {
		return 0
	}
	fr, fgc, fb, ok := hexRGB(fg)
	if !ok {
		return 0
	}
	if a, ok := hexAlpha(fg); ok {
		fr, fgc, fb = fr*a+br*(1-a), fgc*a+bgc*(1-a), fb*a+bb*(1-a)
	}
	l1, l2 := luminance(fr, fgc, fb), luminance(br, bgc, bb)
	return (math.Max(l1, l2) + 0.05) / (math.Min(l1, l2) + 0.05)
}

// hexAlpha is the alpha of #rrggbbaa as a fraction; ok is false for
// #rrggbb.
func hexAlpha(c string) (float64, bool) {
	if len(c) != 9 || c[0] != '#' {
		return 1, false
	}
	var v int
	for _, ch := range c[7:] {
		v *= 16
		switch {
		case ch >= '0' && ch <= '9':
			v += int(ch - '0')
		case ch >= 'a' && ch <= 'f':
			v += int(ch-'a') + 10
		case ch >= 'A' && ch <= 'F':
			v += int(ch-'A') + 10
		default:
			return 1, false
		}
	}
	return float64(v) / 255, true
}

// The contrast the themes hold every relation line and every text to, as
// WCAG 2.1 asks: 3:1 for graphical objects (§1.4.11, non-text contrast)
// and 4.5:1 for text (§1.4.3).
const (
	minLineContrast = 3.0
	minTextContrast = 4.5
)

// over is colour c (#rrggbb or #rrggbbaa) as it shows over the opaque
// colour bg: c itself when it has no alpha, "" when either cannot be read.
func over(c, bg string) string {
	r, g, b, ok := hexRGB(c)
	br, bgc, bb, ok2 := hexRGB(bg)
	if !ok || !ok2 {
		return ""
	}
	if a, ok := hexAlpha(c); ok {
		r, g, b = r*a+br*(1-a), g*a+bgc*(1-a), b*a+bb*(1-a)
	}
	return rgbHex(r, g, b)
}

// leastContrast is the lowest contrast of fg against any of the surfaces
// (0 when fg or a surface cannot be read).
func leastContrast(fg string, surfaces []string) float64 {
	least := math.Inf(1)
	for _, s := range surfaces {
		least = math.Min(least, contrastRatio(fg, s))
	}
	if math.IsInf(least, 1) {
		return 0
	}
	return least
}

// withContrast is colour c with its HSL lightness moved, in steps of half a
// percent, just far enough that it has at least ratio min against every
// surface: darker on light surfaces, lighter on dark ones. Hue and
// saturation stay, so an Okabe–Ito colour stays the same colour, only
// deeper or paler. A colour that already has the contrast comes back
// unchanged; one that cannot reach it comes back as far as it can go. A
// gray on the wrong side mirrors its lightness instead.
func withContrast(c string, surfaces []string, min float64) string {
	r, g, b, ok := hexRGB(c)
	if !ok || len(surfaces) == 0 || leastContrast(c, surfaces) >= min {
		return c
	}
	sr, sg, sb, ok := hexRGB(surfaces[0])
	if !ok {
		return c
	}
	// Lighter or darker: whichever side of the first surface (the
	// background) has the more room; 0.179 is the luminance with the same
	// contrast against black as against white.
	step := -0.005
	if luminance(sr, sg, sb) < 0.179 {
		step = 0.005
	}
	h, s, l := rgbToHSL(r, g, b)
	if s < 0.12 && (0.5-l)*step > 0 {
		// A near-black on a dark background (or near-white on a light
		// one) is the foreground colour: it turns into its mirror
		// image, near-white, rather than a dim gray.
		if x := rgbHex(hslToRGB(h, s, 1-l)); leastContrast(x, surfaces) >= min {
			return x
		}
	}
	best, bestC := c, leastContrast(c, surfaces)
	for l2 := l + step; l2 >= 0 && l2 <= 1; l2 += step {
		x := rgbHex(hslToRGB(h, s, l2))
		if cr := leastContrast(x, surfaces); cr >= min {
			return x
		} else if cr > bestC {
			best, bestC = x, cr
		}
	}
	return best
}

// rgbToHSL converts sRGB fractions to hue (degrees, [0, 360)),
// saturation and lightness (fractions).
func rgbToHSL(r, g, b float64) (h, s, l float64) {
	hi, lo := math.Max(r, math.Max(g, b)), math.Min(r, math.Min(g, b))
	l = (hi + lo) / 2
	d := hi - lo
	if d == 0 {
		return 0, 0, l
	}
	s = d / (1 - math.Abs(2*l-1))
	switch hi {
	case r:
		h = math.Mod((g-b)/d, 6)
	case g:
		h = (b-r)/d + 2
	default:
		h = (r-g)/d + 4
	}
	h *= 60
	if h < 0 {
		h += 360
	}
	return h, s, l
}

// hslToRGB is the inverse of rgbToHSL.
func hslToRGB(h, s, l float64) (r, g, b float64) {
	c := (1 - math.Abs(2*l-1)) * s
	x := c * (1 - math.Abs(math.Mod(h/60, 2)-1))
	m := l - c/2
	switch {
	case h < 60:
		r, g, b = c, x, 0
	case h < 120:
		r, g, b = x, c, 0
	case h < 180:
		r, g, b = 0, c, x
	case h < 240:
		r, g, b = 0, x, c
	case h < 300:
		r, g, b = x, 0, c
	default:
		r, g, b = c, 0, x
	}
	return r + m, g + m, b + m
}

// A hue family is a band of hue angles with one everyday name. Positive
// relation types are drawn in the cool families and negative ones in the
// warm families only, so no reader — including one with red–green colour
// blindness, for whom the split runs along the blue–yellow axis they keep —
// sees a cooperative and a conflictual type in one hue. Neutral types are
// achromatic ("gray").
var hueFamilies = []struct {
	name string
	upTo float64 // the band's upper hue angle (exclusive), degrees
	cool bool
}{
	{"red", 15, false},
	{"orange", 45, false},
	{"yellow", 70, false},
	{"green", 170, true},
	{"cyan", 195, true},
	{"blue", 255, true},
	{"purple", 290, false},
	{"pink", 345, false},
	{"red", 360, false},
}

// hueFamily names the hue family of a #rrggbb colour: "gray" for a colour
// with (almost) no saturation, "" for one that cannot be read. cool says
// whether the family is one positive types may use.
func hueFamily(c string) (name string, cool bool) {
	r, g, b, ok := hexRGB(c)
	if !ok {
		return "", false
	}
	h, s, l := rgbToHSL(r, g, b)
	if s < 0.12 || l < 0.04 || l > 0.97 {
		return "gray", false
	}
	for _, f := range hueFamilies {
		if h < f.upTo {
			return f.name, f.cool
		}
	}
	return "red", false
}

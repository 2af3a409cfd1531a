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

// backdrop is the colour a figure of the theme is meant to be seen on: its
// background, or for a theme without one (dark, for dark slides) the
// slide colour contrast is judged against.
func (t *Theme) backdrop() string {
	switch {
	case t.Background != "":
		return t.Background
	case t.Name == "dark":
		return "#1E2228"
	}
	return "#FFFFFF"
}

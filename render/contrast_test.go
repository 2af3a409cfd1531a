package render

import (
	"math"
	"testing"
)

func TestContrastRatio(t *testing.T) {
	for _, c := range []struct {
		fg, bg string
		want   float64
	}{
		{"#000000", "#FFFFFF", 21},
		{"#FFFFFF", "#000000", 21},
		{"#FFFFFF", "#FFFFFF", 1},
		{"#777777", "#FFFFFF", 4.48},
		{"#56B4E9", "#FFFFFF", 2.31}, // Okabe–Ito sky blue: too faint for a line
		{"#0072B2", "#FFFFFF", 5.19},
		{"#00000080", "#FFFFFF", 4.00}, // half-transparent black over white
		{"nope", "#FFFFFF", 0},
	} {
		if got := contrastRatio(c.fg, c.bg); math.Abs(got-c.want) > 0.01 {
			t.Errorf("contrastRatio(%s, %s) = %.3f, want %.2f", c.fg, c.bg, got, c.want)
		}
	}
}

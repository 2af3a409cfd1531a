package render

import (
	"fmt"
	"math"
	"strings"
	"testing"
)

func TestScoreParseGate(t *testing.T) {
	tests := []struct {
		metric, value string
		want          Gate
		err           []string // all in the error, when one is wanted
	}{
		{metric: "max-ambiguous", value: "0", want: Gate{"max-ambiguous", 0}},
		{metric: "min-text-px", value: " 18 ", want: Gate{"min-text-px", 18}},
		{metric: "min-line-contrast", value: "3", want: Gate{"min-line-contrast", 3}},
		{metric: "max-label-distance", value: "6.5", want: Gate{"max-label-distance", 6.5}},
		{metric: "max-ambigous", value: "0", err: []string{`unknown metric "max-ambigous"`, `did you mean "max-ambiguous"?`, "max-through-node"}},
		{metric: "min-text", value: "18", err: []string{`unknown metric "min-text"`, "did you mean", "min-text-px"}},
		{metric: "crossings", value: "1", err: []string{`unknown metric "crossings"`, "max-crossings"}},
		{metric: "", value: "1", err: []string{`unknown metric ""`}},
		{metric: "max-ambiguous", value: "-1", err: []string{"max-ambiguous", "-1 is negative", "0 or more"}},
		{metric: "min-text-px", value: "-0.5", err: []string{"min-text-px", "-0.5 is negative"}},
		{metric: "min-text-px", value: "big", err: []string{"min-text-px", `"big" is not a number`}},
		{metric: "min-text-px", value: "", err: []string{"min-text-px", `"" is not a number`}},
		{metric: "min-text-px", value: "18px", err: []string{`"18px" is not a number`}},
		{metric: "max-crossings", value: "NaN", err: []string{"max-crossings", `"NaN" is not a number`}},
		{metric: "max-crossings", value: "nan", err: []string{`"nan" is not a number`}},
		{metric: "max-crossings", value: "Inf", err: []string{`"Inf" is not a number`}},
		{metric: "max-crossings", value: "+Inf", err: []string{`"+Inf" is not a number`}},
		{metric: "max-crossings", value: "-Inf", err: []string{`"-Inf" is not a number`}},
		{metric: "max-crossings", value: "1e400", err: []string{`"1e400" is not a number`}},
		{metric: "max-crossings", value: "0,1", err: []string{`"0,1" is not a number`}},
	}
	for _, tc := range tests {
		t.Run(tc.metric+"="+tc.value, func(t *testing.T) {
			g, err := ParseGate(tc.metric, tc.value)
			switch {
			case tc.err == nil && err != nil:
				t.Fatalf("ParseGate(%q, %q): %v", tc.metric, tc.value, err)
			case tc.err == nil && g != tc.want:
				t.Fatalf("ParseGate(%q, %q) = %+v, want %+v", tc.metric, tc.value, g, tc.want)
			case tc.err != nil && err == nil:
				t.Fatalf("ParseGate(%q, %q) = %+v, want an error", tc.metric, tc.value, g)
			}
			for _, w := range tc.err {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error %q does not say %q", err, w)
				}
			}
		})
	}
}

// TestScoreGateMetrics checks that every metric a gate names reads the score
// field it says, and that max- and min- metrics are the only kinds.
func TestScoreGateMetrics(t *testing.T) {
	s := Score{Nodes: 1, Labels: 1, Crossings: 1, ThroughNode: 2, ThroughFrame: 3, LabelOverlaps: 4, LabelNodeOverlaps: 5, LabelsCut: 6,
		Ambiguous: 7, AmbiguousOtherPair: 8, Far: 9, Keyed: 10, MaxLabelDistance: 11, MinCrossingAngle: 12, TextUnit: "px",
		MinText: 13, MinEdgeText: 14, MinNameText: 15, MinLineContrast: 16, MinTextContrast: 17, Fill: 0.18, Lines: []LineStyle{{}}}
	want := map[string]float64{
		"max-crossings": 1, "max-through-node": 2, "max-through-frame": 3, "max-label-overlaps": 4, "max-label-node-overlaps": 5,
		"max-labels-cut": 6, "max-ambiguous": 7, "max-ambiguous-other-pair": 8, "max-far": 9, "max-keyed": 10, "max-label-distance": 11,
		"min-crossing-angle": 12, "min-text-px": 13, "min-edge-text-px": 14, "min-name-text-px": 15, "min-line-contrast": 16,
		"min-text-contrast": 17, "min-fill": 0.18,
		// Not measured in px: not applied (see TestScoreCheck).
		"min-text-pt": -1, "min-edge-text-pt": -1, "min-name-text-pt": -1,
	}
	for _, m := range GateMetrics() {
		w, ok := want[m]
		if !ok {
			t.Errorf("metric %s has no test", m)
			continue
		}
		if !strings.HasPrefix(m, "max-") && !strings.HasPrefix(m, "min-") {
			t.Errorf("metric %s is neither max- nor min-", m)
		}
		v, applies := gateMetrics[m](s)
		if w < 0 {
			if applies {
				t.Errorf("%s applies to a px score", m)
			}
			continue
		}
		if !applies || v != w {
			t.Errorf("%s reads %v (applies %v), want %v", m, v, applies, w)
		}
	}
	if len(GateMetrics()) != len(want) {
		t.Errorf("%d metrics, %d tested", len(GateMetrics()), len(want))
	}
}

func TestScoreCheck(t *testing.T) {
	px := Score{Nodes: 3, Labels: 2, Crossings: 5, Ambiguous: 1, TextUnit: "px", MinText: 11.33, MinEdgeText: 11.33, MinNameText: 16,
		MinLineContrast: 2.25, Lines: []LineStyle{{Contrast: 2.25}}, MinCrossingAngle: 90}
	pt := px
	pt.TextUnit, pt.MinText, pt.MinEdgeText, pt.MinNameText = "pt", 4.25, 4.25, 6
	noLabels := px
	noLabels.Labels, noLabels.MinEdgeText = 0, 0
	noLines := px
	noLines.Lines, noLines.MinLineContrast = nil, 0
	g := func(m string, v float64) Gate { return Gate{m, v} }
	tests := []struct {
		name  string
		s     Score
		gates []Gate
		want  []string // the breaches, as they print
	}{
		{"no gates", px, nil, nil},
		{"max at the limit", px, []Gate{g("max-crossings", 5), g("max-ambiguous", 1)}, nil},
		{"max over", px, []Gate{g("max-crossings", 4), g("max-ambiguous", 0)},
			[]string{"max-crossings is 5, the limit is 4", "max-ambiguous is 1, the limit is 0"}},
		{"min at the limit", px, []Gate{g("min-text-px", 11.33), g("min-crossing-angle", 90)}, nil},
		{"min under", px, []Gate{g("min-text-px", 18), g("min-name-text-px", 24), g("min-line-contrast", 3)},
			[]string{"min-text-px is 11.33, the limit is 18", "min-name-text-px is 16, the limit is 24", "min-line-contrast is 2.25, the limit is 3"}},
		// A gate in pt does not apply to an output measured in px, and
		// the other way round.
		{"pt gate, px output", px, []Gate{g("min-text-pt", 6), g("min-edge-text-pt", 6), g("min-name-text-pt", 8)}, nil},
		{"px gate, pt output", pt, []Gate{g("min-text-px", 18), g("min-edge-text-px", 18), g("min-name-text-px", 24)}, nil},
		{"pt gate, pt output", pt, []Gate{g("min-text-pt", 6), g("min-name-text-pt", 6)}, []string{"min-text-pt is 4.25, the limit is 6"}},
		// Edge text and line contrast of a figure without them.
		{"no edge text", noLabels, []Gate{g("min-edge-text-px", 18)}, nil},
		{"no lines", noLines, []Gate{g("min-line-contrast", 3)}, nil},
		// The gates' order is kept.
		{"order", px, []Gate{g("min-text-px", 12), g("max-crossings", 0)},
			[]string{"min-text-px is 11.33, the limit is 12", "max-crossings is 5, the limit is 0"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var got []string
			for _, b := range tc.s.Check(tc.gates) {
				got = append(got, b.String())
			}
			if fmt.Sprint(got) != fmt.Sprint(tc.want) {
				t.Errorf("Check = %q, want %q", got, tc.want)
			}
		})
	}
}

// FuzzParseGate: any metric and value either parse into a gate of a known
// metric with a limit 0 or more, or give an error naming the setting —
// never a panic.
func FuzzParseGate(f *testing.F) {
	for _, s := range [][2]string{{"max-ambiguous", "0"}, {"min-text-px", "18"}, {"max-ambigous", "0"}, {"max-far", "-1"}, {"min-fill", "NaN"}, {"max-crossings", "1e400"}, {"", ""}} {
		f.Add(s[0], s[1])
	}
	f.Fuzz(func(t *testing.T, metric, value string) {
		g, err := ParseGate(metric, value)
		if err != nil {
			if !strings.HasPrefix(err.Error(), "quality: ") {
				t.Errorf("error %q does not name the setting", err)
			}
			return
		}
		if _, ok := gateMetrics[g.Metric]; !ok || g.Limit < 0 || math.IsNaN(g.Limit) || math.IsInf(g.Limit, 0) {
			t.Errorf("ParseGate(%q, %q) = %+v", metric, value, g)
		}
	})
}

package render

import (
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/dipgraph/dipgraph/graph"
)

// Quality gates: limits on a figure's legibility score that a manifest
// sets per figure or under defaults (quality: {max-ambiguous: 0,
// min-text-px: 18}), and build and build --check hold.

// Gate is one limit: a metric that must stay at most (max-…) or at least
// (min-…) Limit.
type Gate struct {
	Metric string
	Limit  float64
}

// gateMetrics are the metrics a gate can name, with how to read each from
// a score. min-text-px applies to outputs measured in pixels (SVG, PNG),
// min-text-pt to those in points (PDF); the other is not checked.
var gateMetrics = map[string]func(s Score) (float64, bool){
	"max-crossings":           func(s Score) (float64, bool) { return float64(s.Crossings), true },
	"max-through-node":        func(s Score) (float64, bool) { return float64(s.ThroughNode), true },
	"max-through-frame":       func(s Score) (float64, bool) { return float64(s.ThroughFrame), true },
	"max-label-overlaps":      func(s Score) (float64, bool) { return float64(s.LabelOverlaps), true },
	"max-label-node-overlaps": func(s Score) (float64, bool) { return float64(s.LabelNodeOverlaps), true },
	"max-labels-cut":          func(s Score) (float64, bool) { return float64(s.LabelsCut), true },
	"max-ambiguous":           func(s Score) (float64, bool) { return float64(s.Ambiguous), true },
	"max-ambiguous-other-pair": func(s Score) (float64, bool) {
		return float64(s.AmbiguousOtherPair), true
	},
	"max-far":            func(s Score) (float64, bool) { return float64(s.Far), true },
	"max-keyed":          func(s Score) (float64, bool) { return float64(s.Keyed), true },
	"max-label-distance": func(s Score) (float64, bool) { return s.MaxLabelDistance, true },
	"min-crossing-angle": func(s Score) (float64, bool) { return s.MinCrossingAngle, true },
	"min-text-px":        func(s Score) (float64, bool) { return s.MinText, s.TextUnit == "px" },
	"min-text-pt":        func(s Score) (float64, bool) { return s.MinText, s.TextUnit == "pt" },
	"min-edge-text-px":   func(s Score) (float64, bool) { return s.MinEdgeText, s.TextUnit == "px" && s.Labels > 0 },
	"min-edge-text-pt":   func(s Score) (float64, bool) { return s.MinEdgeText, s.TextUnit == "pt" && s.Labels > 0 },
	"min-name-text-px":   func(s Score) (float64, bool) { return s.MinNameText, s.TextUnit == "px" && s.Nodes > 0 },
	"min-name-text-pt":   func(s Score) (float64, bool) { return s.MinNameText, s.TextUnit == "pt" && s.Nodes > 0 },
	"min-line-contrast":  func(s Score) (float64, bool) { return s.MinLineContrast, len(s.Lines) > 0 },
	"min-text-contrast":  func(s Score) (float64, bool) { return s.MinTextContrast, true },
	"min-fill":           func(s Score) (float64, bool) { return s.Fill, true },
}

// GateMetrics are the metric names a gate may use, sorted.
func GateMetrics() []string {
	out := make([]string, 0, len(gateMetrics))
	for k := range gateMetrics {
		out = append(out, k)
	}
	slices.Sort(out)
	return out
}

// ParseGate reads one gate as a manifest writes it: a metric name and a
// number 0 or more.
func ParseGate(metric, value string) (Gate, error) {
	if _, ok := gateMetrics[metric]; !ok {
		return Gate{}, fmt.Errorf("quality: unknown metric %q%s; the metrics are %s", metric, graph.Suggest(metric, GateMetrics()), strings.Join(GateMetrics(), ", "))
	}
	v, err := strconv.ParseFloat(strings.TrimSpace(value), 64)
	if err != nil || math.IsNaN(v) || math.IsInf(v, 0) {
		return Gate{}, fmt.Errorf("quality: %s: %q is not a number; give a limit such as 0 or 18", metric, value)
	}
	if v < 0 {
		return Gate{}, fmt.Errorf("quality: %s: %s is negative; give a limit 0 or more", metric, value)
	}
	return Gate{Metric: metric, Limit: v}, nil
}

// Breach is a gate a score does not meet.
type Breach struct {
	Gate
	Value float64
}

func (b Breach) String() string {
	return fmt.Sprintf("%s is %s, the limit is %s", b.Metric, num(b.Value), num(b.Limit))
}

// Check returns the gates s breaks, in the gates' order.
func (s Score) Check(gates []Gate) []Breach {
	var out []Breach
	for _, g := range gates {
		v, applies := gateMetrics[g.Metric](s)
		if !applies {
			continue
		}
		if strings.HasPrefix(g.Metric, "max-") && v > g.Limit || strings.HasPrefix(g.Metric, "min-") && v < g.Limit {
			out = append(out, Breach{Gate: g, Value: v})
		}
	}
	return out
}

// Command benchcompare times dipgraph against native Graphviz on the same
// DOT text and prints a Markdown table: wall time and peak memory (maximum
// resident set size), medians of several runs, ours and native
// interleaved, and the ratio ours/native.
//
//	scripts/bench-compare.sh            # builds dipgraph, installs nothing
//	go run ./internal/benchcompare -bin ./dipgraph -runs 5
//
// Each case runs whole processes, as a user would: "ours" is dipgraph
// writing the finished figure (title, legend and sources, every Graphviz
// pass), "native" is the Graphviz command of the same engine laying out the
// DOT that dipgraph lays out (written by dipgraph render -f dot).
package main

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"syscall"
	"time"

	"github.com/dipgraph/dipgraph/data"
	"github.com/dipgraph/dipgraph/graph/graphtest"
)

func main() {
	bin := flag.String("bin", "dipgraph", "the dipgraph binary to measure")
	runs := flag.Int("runs", 5, "runs of each case (the table shows medians)")
	only := flag.String("only", "", "run only the cases whose name contains this")
	flag.Parse()
	if err := run(*bin, *runs, *only); err != nil {
		fmt.Fprintln(os.Stderr, "benchcompare:", err)
		os.Exit(1)
	}
}

// measure is one run of one side of a case: wall time and peak RSS.
type measure struct {
	wall time.Duration
	rss  int64 // KiB
}

// step is a command line; a side of a case runs its steps in turn (twenty
// native processes for a twenty-figure build).
type step []string

type benchCase struct {
	name           string
	ours, native   []step
	note           string
	oursN, nativeN []measure
}

func run(bin string, runs int, only string) error {
	bin, err := exec.LookPath(bin)
	if err != nil {
		return fmt.Errorf("dipgraph binary: %w (build it with go build -o dipgraph .)", err)
	}
	for _, tool := range []string{"dot", "sfdp", "neato", "fdp"} {
		if _, err := exec.LookPath(tool); err != nil {
			return fmt.Errorf("native Graphviz's %s is not installed (Debian: apt-get install graphviz)", tool)
		}
	}
	dir, err := os.MkdirTemp("", "benchcompare")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	at := func(name string) string { return filepath.Join(dir, name) }

	cases, err := setup(bin, dir, at)
	if err != nil {
		return err
	}
	var todo []*benchCase
	for _, c := range cases {
		if strings.Contains(c.name, only) {
			todo = append(todo, c)
		}
	}
	// Interleaved: ours, native, ours, native … so that a slow moment of
	// the machine falls on both.
	for r := range runs {
		for _, c := range todo {
			m, err := runSteps(c.ours)
			if err != nil {
				return fmt.Errorf("%s (ours): %w", c.name, err)
			}
			c.oursN = append(c.oursN, m)
			if m, err = runSteps(c.native); err != nil {
				return fmt.Errorf("%s (native): %w", c.name, err)
			}
			c.nativeN = append(c.nativeN, m)
			fmt.Fprintf(os.Stderr, "run %d/%d %-32s ours %6.2fs native %6.2fs\n", r+1, runs, c.name, c.oursN[r].wall.Seconds(), m.wall.Seconds())
		}
	}
	printTable(os.Stdout, todo, runs)
	return nil
}

// setup writes the data, the manifests and the DOT texts, and returns the
// cases.
func setup(bin, dir string, at func(string) string) ([]*benchCase, error) {
	var cases []*benchCase
	dg := func(args ...string) step { return append(step{bin}, args...) }
	dotOf := func(out string, args ...string) error {
		c := exec.Command(bin, append([]string{"render", "-f", "dot", "-o", out}, args...)...)
		if b, err := c.CombinedOutput(); err != nil {
			return fmt.Errorf("%v: %s", err, b)
		}
		return nil
	}

	// The default figure.
	if err := dotOf(at("default.dot")); err != nil {
		return nil, err
	}
	cases = append(cases, &benchCase{
		name:   "default figure, fdp",
		ours:   []step{dg("render", "-o", at("default.svg"))},
		native: []step{{"fdp", "-Tsvg", "-o", at("default-native.svg"), at("default.dot")}},
		note:   "15 entities, 32 edges",
	})

	// Twenty figures, as a deck would have them: each centred on one of
	// ten countries and leaders, one or two steps out, with the edge text
	// varied — twenty different graphs (with dot, a seed alone would not
	// make them differ). One build process against twenty native processes.
	var man strings.Builder
	man.WriteString("dipgraph: 1\ndefaults:\n  data: beijing-2025\n  layout: dot\nfigures:\n")
	var native []step
	focus := []string{"prk", "chn", "rus", "usa", "kor", "ukr", "kim-jong-un", "xi-jinping", "vladimir-putin", "donald-trump"}
	for i := range 20 {
		labels, entity, depth := []string{"caption", "date", "count", "weight"}[i%4], focus[i%10], 1+i/10
		fmt.Fprintf(&man, "  - name: f%d\n    focus: %s\n    depth: %d\n    edge-labels: %s\n    outputs: [out/f%d.svg]\n", i, entity, depth, labels, i)
		d := at(fmt.Sprintf("f%d.dot", i))
		if err := dotOf(d, "-l", "dot", "--focus", entity, "--depth", fmt.Sprint(depth), "--edge-labels", labels); err != nil {
			return nil, err
		}
		native = append(native, step{"dot", "-Tsvg", "-o", at(fmt.Sprintf("f%d-native.svg", i)), d})
	}
	if err := os.WriteFile(at("figures.yaml"), []byte(man.String()), 0o644); err != nil {
		return nil, err
	}
	cases = append(cases, &benchCase{
		name:   "20-figure build, dot",
		ours:   []step{dg("build", at("figures.yaml"))},
		native: native,
		note:   "one dipgraph build against twenty dot processes, twenty different graphs",
	})

	// Synthetic graphs with the engines made for size.
	for _, n := range []int{300, 1000} {
		data := at(fmt.Sprintf("synthetic-%d.yaml", n))
		if err := os.WriteFile(data, dataYAML(n), 0o644); err != nil {
			return nil, err
		}
		for _, engine := range []string{"sfdp", "neato"} {
			d := at(fmt.Sprintf("s%d-%s.dot", n, engine))
			if err := dotOf(d, "-l", engine, data); err != nil {
				return nil, err
			}
			cases = append(cases, &benchCase{
				name:   fmt.Sprintf("%d entities, %s", n, engine),
				ours:   []step{dg("render", "-l", engine, "-o", at("ours.svg"), data)},
				native: []step{{engine, "-Tsvg", "-o", at("native.svg"), d}},
				note:   fmt.Sprintf("graphtest.Synthetic(%d, 1)", n),
			})
		}
	}
	return cases, nil
}

func dataYAML(n int) []byte { return data.EncodeYAML(graphtest.Synthetic(n, 1)) }

// runSteps runs the steps one after another: the total wall time and the
// largest peak RSS of any of them.
func runSteps(steps []step) (measure, error) {
	var m measure
	for _, s := range steps {
		c := exec.Command(s[0], s[1:]...)
		c.Dir = filepath.Dir(s[len(s)-1])
		var errb bytes.Buffer
		c.Stderr = &errb
		start := time.Now()
		err := c.Run()
		m.wall += time.Since(start)
		if err != nil {
			return m, fmt.Errorf("%s: %v: %s", strings.Join(s, " "), err, errb.String())
		}
		if ru, ok := c.ProcessState.SysUsage().(*syscall.Rusage); ok {
			m.rss = max(m.rss, ru.Maxrss)
		}
	}
	return m, nil
}

func median[T int64 | time.Duration](xs []T) T {
	s := slices.Clone(xs)
	slices.Sort(s)
	if len(s)%2 == 1 {
		return s[len(s)/2]
	}
	return (s[len(s)/2-1] + s[len(s)/2]) / 2
}

func printTable(w *os.File, cases []*benchCase, runs int) {
	host, _ := os.Hostname()
	fmt.Fprintf(w, "Measured %s on %s (%s, %d CPUs, %s); native %s; medians of %d runs, ours and native interleaved.\n\n",
		time.Now().UTC().Format("2006-01-02"), cpuModel(), runtime.GOOS+"/"+runtime.GOARCH, runtime.NumCPU(), host, nativeVersion(), runs)
	fmt.Fprintln(w, "| case | ours | native | ratio | ours peak RSS | native peak RSS | ratio |")
	fmt.Fprintln(w, "|---|---:|---:|---:|---:|---:|---:|")
	for _, c := range cases {
		var ot, nt []time.Duration
		var or, nr []int64
		for i := range c.oursN {
			ot, or = append(ot, c.oursN[i].wall), append(or, c.oursN[i].rss)
			nt, nr = append(nt, c.nativeN[i].wall), append(nr, c.nativeN[i].rss)
		}
		mo, mn := median(ot), median(nt)
		ro, rn := median(or), median(nr)
		fmt.Fprintf(w, "| %s | %.2f s | %.2f s | %.2f× | %d MiB | %d MiB | %.2f× |\n",
			c.name, mo.Seconds(), mn.Seconds(), mo.Seconds()/mn.Seconds(), ro/1024, rn/1024, float64(ro)/float64(rn))
	}
}

func cpuModel() string {
	b, _ := os.ReadFile("/proc/cpuinfo")
	for _, l := range strings.Split(string(b), "\n") {
		if k, v, ok := strings.Cut(l, ":"); ok && strings.TrimSpace(k) == "model name" {
			return strings.TrimSpace(v)
		}
	}
	return "unknown CPU"
}

func nativeVersion() string {
	out, _ := exec.Command("dot", "-V").CombinedOutput()
	return strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(string(out)), "dot - "))
}

package graph

import (
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"strconv"
	"strings"
	"testing"

	"gonum.org/v1/gonum/graph/network"
	"gonum.org/v1/gonum/graph/simple"
)

// signedData makes a dataset of countries from a compact list of ties:
// "a+b" an alliance, "a-b" a hostility, "a~b" a summit, each with an
// optional ":weight" (default 1).
func signedData(spec string) *Dataset {
	d := &Dataset{ID: "t", Sources: []Source{{ID: "s", Title: "S"}}}
	seen := map[string]bool{}
	entity := func(id string) {
		if !seen[id] {
			seen[id] = true
			d.Entities = append(d.Entities, Entity{ID: id, Kind: KindCountry, Name: strings.ToUpper(id)})
		}
	}
	for i, tok := range strings.Fields(spec) {
		w := 1.0
		if k := strings.IndexByte(tok, ':'); k >= 0 {
			w, _ = strconv.ParseFloat(tok[k+1:], 64)
			tok = tok[:k]
		}
		k := strings.IndexAny(tok, "+-~")
		a, b := tok[:k], tok[k+1:]
		typ := map[byte]string{'+': "alliance", '-': "hostility", '~': "summit"}[tok[k]]
		entity(a)
		entity(b)
		d.Records = append(d.Records, Record{ID: fmt.Sprintf("r%d", i), Type: typ, Parties: []string{a, b},
			Start: MustDate("2020"), Ongoing: true, Weight: w, Source: "s"})
	}
	return d
}

func signedOf(spec string) *Signed { return NewSigned(Build(signedData(spec), Filter{})) }

func TestTriadBalance(t *testing.T) {
	tests := []struct {
		spec                 string
		balanced, unbalanced int
		patterns             [4]int
		frustration          int
	}{
		{"a+b a+c b+c", 1, 0, [4]int{1, 0, 0, 0}, 0},
		{"a+b a+c b-c", 0, 1, [4]int{0, 1, 0, 0}, 1}, // ++− is unbalanced
		{"a+b a-c b-c", 1, 0, [4]int{0, 0, 1, 0}, 0}, // +−− is balanced
		{"a-b a-c b-c", 0, 1, [4]int{0, 0, 0, 1}, 1}, // −−− is unbalanced (strong balance)
		{"a+b b+c", 0, 0, [4]int{}, 0},               // no triangle
		// Two triangles sharing an edge: a+b+c unbalanced, a-b-d balanced.
		{"a+b a+c b-c a-d b-d", 1, 1, [4]int{0, 1, 1, 0}, 1},
	}
	for _, tt := range tests {
		b := signedOf(tt.spec).Balance()
		if b.Balanced != tt.balanced || b.Unbalanced != tt.unbalanced || b.Patterns != tt.patterns || b.Triads != tt.balanced+tt.unbalanced {
			t.Errorf("%s: balanced %d unbalanced %d patterns %v, want %d %d %v", tt.spec, b.Balanced, b.Unbalanced, b.Patterns, tt.balanced, tt.unbalanced, tt.patterns)
		}
		if len(b.UnbalancedTriads) != tt.unbalanced {
			t.Errorf("%s: %d unbalanced triads listed, want %d", tt.spec, len(b.UnbalancedTriads), tt.unbalanced)
		}
		if f := b.Frustration; f.Index != tt.frustration || !f.Exact || len(f.Ties) != tt.frustration {
			t.Errorf("%s: frustration %d (exact %v, ties %v), want %d exact", tt.spec, f.Index, f.Exact, f.Ties, tt.frustration)
		}
	}
	b := signedOf("a+b a+c b-c:2").Balance()
	if got := b.UnbalancedTriads[0]; got.Nodes != [3]string{"a", "b", "c"} || got.Signs != [3]Sign{Positive, Positive, Negative} || got.Pattern() != "++-" {
		t.Errorf("triad = %+v %s", got, got.Pattern())
	}
	// One tie must go; the search takes the weakest.
	if f := b.Frustration; f.Index != 1 || f.Ties[0].A != "a" || f.Weight != 1 {
		t.Errorf("frustration %+v, want one tie of strength 1", f)
	}
}

func TestFrustrationSplit(t *testing.T) {
	// Two camps, hostile across, and one weak friendship across them.
	s := signedOf("a+b a+c b+c d+e d+f e+f a-d b-e c-f c+e:0.5")
	f := s.Balance().Frustration
	if f.Index != 1 || !f.Exact || len(f.Ties) != 1 || f.Ties[0] != (Tie{A: "c", B: "e", Positive: 0.5}) || f.Weight != 0.5 {
		t.Fatalf("frustration = %+v", f)
	}
	if len(f.Splits) != 1 || strings.Join(f.Splits[0].A, " ") != "a b c" || strings.Join(f.Splits[0].B, " ") != "d e f" {
		t.Errorf("split = %+v", f.Splits)
	}
	// Outweighed by a hostility on the same pair, the friendship is no
	// longer a positive tie: the pair nets −0.5 and the graph is balanced.
	if f := signedOf("a+b a+c b+c d+e d+f e+f a-d b-e c-f c+e:0.5 c-e").Balance().Frustration; f.Index != 0 {
		t.Errorf("frustration = %+v, want 0", f)
	}
}

func TestSignedCollapse(t *testing.T) {
	d := signedData("a+b:3 a-b:1 a~b:5 b-c:2 b+c:2 c~d")
	d.Records = append(d.Records, Record{Type: "hostility", Directed: true, Parties: []string{"b", "a"}, Start: MustDate("2020"), Weight: 1, Source: "s"})
	s := NewSigned(Build(d, Filter{}))
	if len(s.Ties) != 1 || s.Ties[0] != (Tie{A: "a", B: "b", Positive: 3, Negative: 2}) || s.Ties[0].Sign() != Positive {
		t.Errorf("ties = %+v: both directions and every signed type must add up, summits not", s.Ties)
	}
	if len(s.Ambivalent) != 1 || s.Ambivalent[0].A != "b" || s.Ambivalent[0].B != "c" {
		t.Errorf("ambivalent = %+v", s.Ambivalent)
	}
	bl := s.Blocs()
	if strings.Join(bl.Unaligned, " ") != "c d" {
		t.Errorf("unaligned = %v: c's only tie cancels out, d has only a summit", bl.Unaligned)
	}
}

func blocString(b Blocs) string {
	var parts []string
	for _, bl := range b.Blocs {
		parts = append(parts, strings.Join(bl.Members, " "))
	}
	return strings.Join(parts, " | ")
}

func TestBlocs(t *testing.T) {
	tests := []struct {
		name, spec, want string
		cost             float64
	}{
		{"one friendly triangle", "a+b a+c b+c", "a b c", 0},
		{"two camps, hostile across", "a+b a+c b+c d+e d+f e+f a-d b-e c-f", "a b c | d e f", 0},
		{"two camps and a weak traitor", "a+b a+c b+c d+e d+f e+f a-d b-e c-f:3 c+e", "a b c | d e f", 1},
		{"a three-way standoff stays three blocs", "a-b a-c b-c", "a | b | c", 0},
		{"the enemy of my enemy joins the fewest blocs", "a-b b-c", "a c | b", 0},
		{"components are never merged", "a+b c+d", "a b | c d", 0},
		{"stronger ties win", "a+b:5 b+c:5 a-c:1 c-d:4", "a b c | d", 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b := signedOf(tt.spec).Blocs()
			if got := blocString(b); got != tt.want || math.Abs(b.Cost-tt.cost) > 1e-9 || !b.Exact {
				t.Errorf("blocs %q cost %g exact %v, want %q cost %g exact", got, b.Cost, b.Exact, tt.want, tt.cost)
			}
		})
	}
	b := signedOf("a-b b-c a+d").Blocs()
	if blocString(b) != "a c d | b" || strings.Join(b.Blocs[0].Loose, " ") != "c" || b.Blocs[1].Loose != nil {
		t.Errorf("blocs %q loose %v: c joins a only through their common enemy", blocString(b), b.Blocs[0].Loose)
	}
}

// bruteBlocs is the least cost, then the fewest blocs, over every
// partition of the nodes of one connected s, by enumeration.
func bruteBlocs(s *Signed) (float64, int) {
	n := len(s.Nodes)
	label := make([]int, n)
	best, bestK := math.Inf(1), 0
	var rec func(i, used int)
	rec = func(i, used int) {
		if i == n {
			cost := 0.0
			for _, t := range s.Ties {
				if (label[s.index[t.A]] == label[s.index[t.B]]) == (t.Sign() == Negative) {
					cost += math.Abs(t.Net())
				}
			}
			if cost < best-1e-9 || (cost < best+1e-9 && used < bestK) {
				best, bestK = cost, used
			}
			return
		}
		for l := 0; l <= used; l++ {
			label[i] = l
			nu := used
			if l == used {
				nu++
			}
			rec(i+1, nu)
		}
	}
	rec(0, 0)
	return best, bestK
}

// bruteSplit is the frustration index of a connected s by enumeration.
func bruteSplit(s *Signed) int {
	n := len(s.Nodes)
	best := math.MaxInt
	for mask := 0; mask < 1<<n; mask++ {
		f := 0
		for _, t := range s.Ties {
			same := (mask>>s.index[t.A])&1 == (mask>>s.index[t.B])&1
			if same == (t.Sign() == Negative) {
				f++
			}
		}
		best = min(best, f)
	}
	return best
}

// randomConnected makes a connected random signed graph on n nodes: a
// random spanning tree plus extra ties, with weights 1–4.
func randomConnected(r *rand.Rand, n, extra int) string {
	var ties []string
	tie := func(a, b int) {
		op := "+"
		if r.IntN(2) == 0 {
			op = "-"
		}
		ties = append(ties, fmt.Sprintf("n%d%sn%d:%d", a, op, b, 1+r.IntN(4)))
	}
	for i := 1; i < n; i++ {
		tie(r.IntN(i), i)
	}
	for range extra {
		a, b := r.IntN(n), r.IntN(n)
		if a != b {
			tie(a, b)
		}
	}
	return strings.Join(ties, " ")
}

func TestSearchesAgainstBruteForce(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 7))
	for i := range 150 {
		n := 2 + r.IntN(7)
		spec := randomConnected(r, n, r.IntN(2*n))
		s := signedOf(spec)
		if len(s.components()) != 1 {
			continue // opposite ties on one pair can cancel out and split it
		}
		cost, k := bruteBlocs(s)
		b := s.Blocs()
		if !b.Exact || math.Abs(b.Cost-cost) > 1e-9 || len(b.Blocs) != k {
			t.Errorf("case %d %q: blocs cost %g in %d blocs (exact %v), brute force %g in %d", i, spec, b.Cost, len(b.Blocs), b.Exact, cost, k)
		}
		// The local search alone is an upper bound, and on graphs this
		// small it should nearly always be optimal.
		c := s.sub(s.components()[0])
		if _, sc := c.blocHeuristic(); sc.cost < cost-1e-9 {
			t.Errorf("case %d: heuristic cost %g below the optimum %g", i, sc.cost, cost)
		}
		if f := s.Balance().Frustration; f.Index != bruteSplit(s) || !f.Exact {
			t.Errorf("case %d %q: frustration %d, brute force %d", i, spec, f.Index, bruteSplit(s))
		}
	}
}

// planted makes a signed graph of k hidden blocs of size m: positive ties
// inside, negative across, with a share of noise ties of the other sign.
func planted(seed uint64, k, m, ties int, noise float64) (string, []int) {
	r := rand.New(rand.NewPCG(seed, 1))
	n := k * m
	var out []string
	bloc := make([]int, n)
	for i := range bloc {
		bloc[i] = i % k
	}
	for range ties {
		a, b := r.IntN(n), r.IntN(n)
		if a == b {
			continue
		}
		same := bloc[a] == bloc[b]
		if r.Float64() < noise {
			same = !same
		}
		op := "-"
		if same {
			op = "+"
		}
		out = append(out, fmt.Sprintf("n%04d%sn%04d", a, op, b))
	}
	return strings.Join(out, " "), bloc
}

func TestBlocsRecoverPlantedPartition(t *testing.T) {
	spec, truth := planted(3, 4, 60, 3000, 0.03)
	s := signedOf(spec)
	b := s.Blocs()
	if b.Exact {
		t.Error("a 240-entity component cannot be exact")
	}
	index := b.Index()
	// Every hidden bloc must map onto one found bloc, and no two onto the same.
	found := map[int]int{}
	for i, hidden := range truth {
		got := index[fmt.Sprintf("n%04d", i)]
		if f, ok := found[hidden]; ok && f != got {
			t.Fatalf("hidden bloc %d split across found blocs %d and %d", hidden, f, got)
		}
		found[hidden] = got
	}
	if len(b.Blocs) != 4 {
		t.Errorf("%d blocs, want 4", len(b.Blocs))
	}
}

func TestBetweenness(t *testing.T) {
	tests := []struct {
		spec string
		want map[string]float64
	}{
		{"a+b b-c c~d", map[string]float64{"a": 0, "b": 2, "c": 2, "d": 0}},                 // a path
		{"h+a h-b h~c h+d", map[string]float64{"h": 6, "a": 0, "b": 0, "c": 0, "d": 0}},     // a star: C(4,2) pairs
		{"a+b b+c c+d d+a", map[string]float64{"a": 0.5, "b": 0.5, "c": 0.5, "d": 0.5}},     // a square: two paths per pair
		{"a+b a-b b+c", map[string]float64{"a": 0, "b": 1, "c": 0}},                         // parallel edges count once
		{"a+b c+d", map[string]float64{"a": 0, "b": 0, "c": 0, "d": 0}},                     // no path, no share
		{"a+b b+c a~c c+d", map[string]float64{"a": 0, "b": 0, "c": 2, "d": 0}},             // a triangle with a tail
		{"a+b", map[string]float64{"a": 0, "b": 0}},                                         // one edge
		{"x+a x+b x+c a+b", map[string]float64{"x": 2, "a": 0, "b": 0, "c": 0}},             // star with a chord
		{"a+b b+c c+d d+e", map[string]float64{"a": 0, "b": 3, "c": 4, "d": 3, "e": 0}},     // a longer path
		{"a+b b+c a+d d+c", map[string]float64{"a": 0.5, "b": 0.5, "c": 0.5, "d": 0.5}},     // square again, other order
		{"a-b b-c c-a d-a", map[string]float64{"a": 2, "b": 0, "c": 0, "d": 0}},             // signs do not matter
		{"a~b b~c", map[string]float64{"a": 0, "b": 1, "c": 0}},                             // neutral types count
		{"a+b a+c a+d a+e", map[string]float64{"a": 6, "b": 0, "c": 0, "d": 0, "e": 0}},     // star, centre first
		{"e+a e+b e+c e+d", map[string]float64{"a": 0, "b": 0, "c": 0, "d": 0, "e": 6}},     // star, centre last
		{"a+b b+c c+a", map[string]float64{"a": 0, "b": 0, "c": 0}},                         // a triangle
		{"a+c b+c c+d c+e d+e", map[string]float64{"a": 0, "b": 0, "c": 5, "d": 0, "e": 0}}, // bow
		{"p+q q+r r+s s+t t+p", map[string]float64{"p": 1, "q": 1, "r": 1, "s": 1, "t": 1}}, // a pentagon
		{"m+n", map[string]float64{"m": 0, "n": 0}},                                         // trivial
		{"a+b b+c b+d", map[string]float64{"a": 0, "b": 3, "c": 0, "d": 0}},                 // star of three
		{"a+b b+c c+d d+e e+f", map[string]float64{"a": 0, "b": 4, "c": 6, "d": 6, "e": 4, "f": 0}},
	}
	for _, tt := range tests {
		got := Betweenness(Build(signedData(tt.spec), Filter{}))
		for id, want := range tt.want {
			if math.Abs(got[id]-want) > 1e-9 {
				t.Errorf("%s: betweenness(%s) = %g, want %g", tt.spec, id, got[id], want)
			}
		}
		if len(got) != len(tt.want) {
			t.Errorf("%s: %d values, want %d", tt.spec, len(got), len(tt.want))
		}
	}
}

func TestDegrees(t *testing.T) {
	d := signedData("a+b:3 a-b:1 a~b:2 a-c:2 a~c:1")
	d.Records = append(d.Records, Record{Type: "hostility", Directed: true, Parties: []string{"c", "a"}, Start: MustDate("2020"), Weight: 4, Source: "s"})
	stats := Degrees(Build(d, Filter{}))
	a := stats[0]
	if a.Entity.ID != "a" || a.Degree != 2 || a.PositiveDegree != 1 || a.NegativeDegree != 2 || a.SignedDegree() != -1 {
		t.Errorf("a: degree %d +%d -%d", a.Degree, a.PositiveDegree, a.NegativeDegree)
	}
	if a.Weight != 13 || a.PositiveWeight != 3 || a.NegativeWeight != 7 || a.SignedWeight() != -4 {
		t.Errorf("a: weight %g +%g -%g", a.Weight, a.PositiveWeight, a.NegativeWeight)
	}
	var byType []string
	for _, td := range a.ByType {
		byType = append(byType, fmt.Sprintf("%s:%d/%g", td.Type, td.Degree, td.Weight))
	}
	if got := strings.Join(byType, " "); got != "alliance:1/3 hostility:2/7 summit:2/3" {
		t.Errorf("a by type: %s", got)
	}
	totals := TypeTotals(Build(d, Filter{}))
	if len(totals) != 3 || totals[1].Type.ID != "hostility" || totals[1].Edges != 3 || totals[1].Records != 3 || totals[1].Weight != 7 {
		t.Errorf("type totals: %+v", totals)
	}
}

func TestFold(t *testing.T) {
	d := &Dataset{
		ID: "t",
		Entities: []Entity{
			{ID: "aa", Kind: KindCountry, Name: "A"},
			{ID: "bb", Kind: KindCountry, Name: "B"},
			{ID: "la", Kind: KindLeader, Name: "Leader A", Country: "aa"},
			{ID: "pa", Kind: KindPerson, Name: "Person A", Country: "aa"},
			{ID: "lb", Kind: KindLeader, Name: "Leader B", Country: "bb"},
			{ID: "org", Kind: KindOrganization, Name: "An organisation"},
		},
		Records: []Record{
			// One summit of both leaders and A's other person: its pairs
			// la-lb and pa-lb fold onto aa-bb, where it counts once.
			{ID: "s", Type: "summit", Parties: []string{"la", "pa", "lb"}, Start: MustDate("2025"), Weight: 2, Source: "x"},
			{ID: "t", Type: "summit", Parties: []string{"aa", "bb"}, Start: MustDate("2024"), Weight: 1, Source: "x"},
			{ID: "h", Type: "hostility", Directed: true, Parties: []string{"lb", "la"}, Start: MustDate("2025"), Weight: 3, Source: "x"},
			{ID: "o", Type: "alliance", Parties: []string{"org", "pa"}, Start: MustDate("2025"), Ongoing: true, Weight: 1, Source: "x"},
		},
	}
	g, internal := Fold(Build(d, Filter{}))
	if internal != 1 {
		t.Errorf("internal = %d, want 1 (la-pa)", internal)
	}
	if got := edgeList(g); got != "alliance:aa-org=1 hostility:bb>aa=3 summit:aa-bb=3" {
		t.Errorf("folded edges: %s", got)
	}
	if got := nodeList(g); got != "aa bb org" {
		t.Errorf("folded nodes: %s", got)
	}
	if m := Members(d); strings.Join(m["aa"], ",") != "la,pa" || strings.Join(m["bb"], ",") != "lb" {
		t.Errorf("members: %v", m)
	}
	a := Analyze(Build(d, Filter{}), AnalysisOptions{})
	if a.Internal != 1 || len(a.Entities) != 3 || strings.Join(a.Members["aa"], ",") != "la,pa" {
		t.Errorf("analysis: internal %d, %d entities, members %v", a.Internal, len(a.Entities), a.Members)
	}
	p := Analyze(Build(d, Filter{}), AnalysisOptions{People: true})
	if len(p.Entities) != 6 || len(p.Members) != 0 {
		t.Errorf("people analysis: %d entities, members %v", len(p.Entities), p.Members)
	}
}

// TestAsOfBoundaries pins the snapshot at the edges of a period and of an
// event's look-back window.
func TestAsOfBoundaries(t *testing.T) {
	d := &Dataset{
		ID:       "t",
		Entities: []Entity{{ID: "a", Kind: KindCountry, Name: "A"}, {ID: "b", Kind: KindCountry, Name: "B"}},
		Records: []Record{
			{ID: "period", Type: "alliance", Parties: []string{"a", "b"}, Start: MustDate("2019-02"), End: MustDate("2023"), Weight: 1, Source: "x"},
			{ID: "open", Type: "hostility", Parties: []string{"a", "b"}, Start: MustDate("2024-03-15"), Ongoing: true, Weight: 1, Source: "x"},
			{ID: "event", Type: "summit", Parties: []string{"a", "b"}, Start: MustDate("2025-09-03"), Weight: 1, Source: "x"},
		},
	}
	tests := []struct {
		asOf   string
		window string // as --window takes it
		want   string
	}{
		{"2019-01-31", "2", ""},            // the day before the period starts
		{"2019-02-01", "2", "period"},      // its first day
		{"2019-02", "2", "period"},         // a month date is its last day: in force
		{"2019-01", "2", ""},               // all of January is before it
		{"2023-12-31", "2", "period"},      // a year end date runs to 31 December
		{"2024-01-01", "2", ""},            // the day after
		{"2024-03-14", "2", ""},            // the day before an open period
		{"2024-03-15", "2", "open"},        // its first day
		{"9999-12-31", "0", "open"},        // open periods never end
		{"2025-09-02", "2", "open"},        // the day before the event
		{"2025-09-03", "0", "open event"},  // the event's day, with no look-back
		{"2025-09-04", "0", "open"},        // the day after, with no look-back
		{"2027-09-03", "2", "open event"},  // exactly two years on
		{"2027-09-04", "2", "open"},        // a day too late
		{"2027", "2", "open"},              // a year date is its last day: the window starts 31 Dec 2025
		{"2028-09-03", "3", "open event"},  // a longer window
		{"2028-02-29", "2", "open"},        // leap day: the window starts 2026-02-28
		{"2026-02-28", "0", "open"},        // and no event on that day
		{"2023-01", "2", "period"},         // inside the period's last year
		{"2022-02-24", "2", "period"},      // an arbitrary day in force
		{"2024-03", "0", "open"},           // the month the open period starts
		{"2019-02-28", "0", "period"},      // late in the first month
		{"2025-09", "0", "open"},           // a month date is its last day, 30 September: not the event's
		{"2025-08-31", "0", "open"},        // the month before
		{"2030-01-01", "10", "open event"}, // a wide window
	}
	for _, tt := range tests {
		w, err := ParseWindow(tt.window)
		if err != nil {
			t.Fatalf("--window %s: %v", tt.window, err)
		}
		f := Filter{AsOf: MustDate(tt.asOf), Window: w}
		var kept []string
		for i := range d.Records {
			if f.keeps(&d.Records[i], d.EventLike(&d.Records[i])) {
				kept = append(kept, d.Records[i].ID)
			}
		}
		if got := strings.Join(kept, " "); got != tt.want {
			t.Errorf("--as-of %s --window %s keeps %q, want %q", tt.asOf, tt.window, got, tt.want)
		}
	}
}

func TestAnalyzeIsDeterministic(t *testing.T) {
	spec, _ := planted(5, 3, 40, 600, 0.1)
	d := signedData(spec)
	first := fmt.Sprintf("%+v", Analyze(Build(d, Filter{}), AnalysisOptions{}).Blocs)
	for range 3 {
		d := signedData(spec)
		slices.Reverse(d.Records) // file order must not matter
		if got := fmt.Sprintf("%+v", Analyze(Build(d, Filter{}), AnalysisOptions{}).Blocs); got != first {
			t.Fatalf("blocs differ between runs:\n%s\n%s", first, got)
		}
	}
}

// TestBetweennessAgainstGonum checks Brandes' algorithm here against
// gonum's on random graphs, disconnected ones included.
func TestBetweennessAgainstGonum(t *testing.T) {
	r := rand.New(rand.NewPCG(11, 11))
	for i := range 40 {
		n := 2 + r.IntN(40)
		var ties []string
		for range r.IntN(3 * n) {
			a, b := r.IntN(n), r.IntN(n)
			if a != b {
				ties = append(ties, fmt.Sprintf("n%d~n%d", a, b))
			}
		}
		if len(ties) == 0 {
			continue
		}
		g := Build(signedData(strings.Join(ties, " ")), Filter{})
		got := Betweenness(g)
		ug := simple.NewUndirectedGraph()
		id := map[string]int64{}
		for i, n := range g.Nodes {
			id[n.ID] = int64(i)
			ug.AddNode(simple.Node(i))
		}
		for _, e := range g.Edges {
			ug.SetEdge(simple.Edge{F: simple.Node(id[e.From]), T: simple.Node(id[e.To])})
		}
		want := network.Betweenness(ug)
		for _, n := range g.Nodes {
			if w := want[id[n.ID]] / 2; math.Abs(got[n.ID]-w) > 1e-9*(1+w) {
				t.Errorf("case %d: betweenness(%s) = %g, gonum %g", i, n.ID, got[n.ID], w)
			}
		}
	}
}

package cli

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/dipgraph/dipgraph/data"
	"github.com/dipgraph/dipgraph/graph"
)

// The stats report: the analysis of a graph (graph.Analyze) as aligned
// text, JSON or CSV tables (why here, not in data/export: the package
// doc).

// statsReport is the analysis in the shape every output format shares.
type statsReport struct {
	g       *graph.Graph
	a       *graph.Analysis
	filters []string
	records int
	bloc    map[string]int
	// frustrated marks the ties the frustration index counts, by pair.
	frustrated map[[2]string]bool
	typeIDs    []string
}

func newStatsReport(g *graph.Graph, a *graph.Analysis, filters []string) *statsReport {
	r := &statsReport{g: g, a: a, filters: filters, bloc: a.Blocs.Index(), frustrated: map[[2]string]bool{}}
	seen := map[*graph.Record]bool{}
	for _, e := range g.Edges {
		for _, rec := range e.Records {
			if !seen[rec] {
				seen[rec] = true
				r.records++
			}
		}
	}
	for _, t := range a.Balance.Frustration.Ties {
		r.frustrated[[2]string{t.A, t.B}] = true
	}
	for _, t := range a.Graph.Types {
		r.typeIDs = append(r.typeIDs, t.ID)
	}
	return r
}

func (r *statsReport) level() string {
	if r.a.People {
		return "entity"
	}
	return "country"
}

// num formats a figure for text and CSV: at most three decimals, no
// trailing zeros, never "-0".
func num(x float64) string {
	s := strconv.FormatFloat(math.Round(x*1000)/1000, 'f', -1, 64)
	if s == "-0" {
		return "0"
	}
	return s
}

// round6 rounds a figure for JSON, so that float noise (0.30000000000000004)
// stays out of the output.
func round6(x float64) float64 {
	r := math.Round(x*1e6) / 1e6
	if r == 0 {
		return 0 // not -0
	}
	return r
}

func signChar(s graph.Sign) string {
	switch s {
	case graph.Positive:
		return "+"
	case graph.Negative:
		return "-"
	}
	return "0"
}

func (r *statsReport) blocOf(id string) string {
	if b, ok := r.bloc[id]; ok {
		return strconv.Itoa(b)
	}
	return "-"
}

// The text report.

// table is an aligned text table: text columns left, figures right.
type table struct {
	head  []string
	right []bool
	rows  [][]string
}

func (t *table) add(cells ...string) { t.rows = append(t.rows, cells) }

func (t *table) write(w io.Writer) {
	widths := make([]int, len(t.head))
	for _, row := range append([][]string{t.head}, t.rows...) {
		for i, c := range row {
			widths[i] = max(widths[i], utf8.RuneCountInString(c))
		}
	}
	for _, row := range append([][]string{t.head}, t.rows...) {
		var b strings.Builder
		for i, c := range row {
			pad := strings.Repeat(" ", widths[i]-utf8.RuneCountInString(c))
			if i > 0 {
				b.WriteString("  ")
			}
			if t.right[i] {
				b.WriteString(pad + c)
			} else {
				b.WriteString(c + pad)
			}
		}
		fmt.Fprintln(w, "  "+strings.TrimRight(b.String(), " "))
	}
}

func (r *statsReport) writeText(w io.Writer, only string) {
	a := r.a
	if only == "" {
		fmt.Fprintf(w, "%s\n", r.g.Dataset.Title)
		filters := "all records"
		if len(r.filters) > 0 {
			filters = strings.Join(r.filters, " ")
		}
		fmt.Fprintf(w, "Dataset %s; %s.\n", r.g.Dataset.ID, filters)
		if a.People {
			fmt.Fprintln(w, "Every entity on its own (--people).")
		} else {
			fmt.Fprint(w, "Countries, with their people folded in")
			if a.Internal > 0 {
				fmt.Fprintf(w, " (%s inside one country left out)", count(a.Internal, "edge", "edges"))
			}
			fmt.Fprintln(w, ".")
		}
		fmt.Fprintf(w, "%s, %s, from %s.\n", count(len(a.Graph.Nodes), "entity", "entities"),
			count(len(a.Graph.Edges), "edge", "edges"), count(r.records, "record", "records"))
	}
	sections := []struct {
		name, title string
		write       func(io.Writer)
	}{
		{"entities", "Entities", r.textEntities},
		{"by-type", "Degree/weight by type", r.textByType},
		{"types", "Types", r.textTypes},
		{"ties", "Signed ties", r.textTies},
		{"balance", "Structural balance", r.textBalance},
		{"blocs", "Signed blocs", r.textBlocs},
	}
	first := true
	for _, s := range sections {
		if only != "" && s.name != only {
			continue
		}
		if !first || only == "" {
			fmt.Fprintln(w)
		}
		first = false
		fmt.Fprintln(w, s.title)
		s.write(w)
	}
}

func (r *statsReport) textEntities(w io.Writer) {
	t := &table{
		head:  []string{"entity", "name", "degree", "+deg", "-deg", "weight", "+weight", "-weight", "signed", "betweenness", "bloc"},
		right: []bool{false, false, true, true, true, true, true, true, true, true, true},
	}
	for _, s := range r.a.Entities {
		t.add(s.Entity.ID, s.Entity.Name, strconv.Itoa(s.Degree), strconv.Itoa(s.PositiveDegree), strconv.Itoa(s.NegativeDegree),
			num(s.Weight), num(s.PositiveWeight), num(s.NegativeWeight), num(s.SignedWeight()), num(s.Betweenness), r.blocOf(s.Entity.ID))
	}
	if len(t.rows) == 0 {
		fmt.Fprintln(w, "  none")
		return
	}
	t.write(w)
	if len(r.a.Members) > 0 {
		fmt.Fprintln(w, "  Folded in:")
		for _, s := range r.a.Entities {
			if m := r.a.Members[s.Entity.ID]; len(m) > 0 {
				fmt.Fprintf(w, "    %s: %s\n", s.Entity.ID, strings.Join(m, ", "))
			}
		}
	}
}

func (r *statsReport) textByType(w io.Writer) {
	if len(r.typeIDs) == 0 || len(r.a.Entities) == 0 {
		fmt.Fprintln(w, "  none")
		return
	}
	t := &table{head: append([]string{"entity"}, r.typeIDs...), right: []bool{false}}
	for range r.typeIDs {
		t.right = append(t.right, true)
	}
	for _, s := range r.a.Entities {
		row := []string{s.Entity.ID}
		for _, td := range s.ByType {
			cell := "-"
			if td.Degree > 0 {
				cell = fmt.Sprintf("%d/%s", td.Degree, num(td.Weight))
			}
			row = append(row, cell)
		}
		t.add(row...)
	}
	t.write(w)
	fmt.Fprintln(w, "  (each cell: neighbours/total weight)")
}

func (r *statsReport) textTypes(w io.Writer) {
	if len(r.a.Types) == 0 {
		fmt.Fprintln(w, "  none")
		return
	}
	t := &table{head: []string{"type", "sign", "edges", "records", "weight"}, right: []bool{false, false, true, true, true}}
	for _, ts := range r.a.Types {
		t.add(ts.Type.ID, ts.Type.Sign.String(), strconv.Itoa(ts.Edges), strconv.Itoa(ts.Records), num(ts.Weight))
	}
	t.write(w)
}

func (r *statsReport) textTies(w io.Writer) {
	s := r.a.Signed
	if len(s.Ties) == 0 {
		fmt.Fprintln(w, "  none")
	} else {
		t := &table{head: []string{"pair", "sign", "net", "positive", "negative", "frustrated"}, right: []bool{false, false, true, true, true, false}}
		for _, tie := range s.Ties {
			fr := ""
			if r.frustrated[[2]string{tie.A, tie.B}] {
				fr = "yes"
			}
			t.add(tie.A+" "+tie.B, signChar(tie.Sign()), num(tie.Net()), num(tie.Positive), num(tie.Negative), fr)
		}
		t.write(w)
	}
	if len(s.Ambivalent) > 0 {
		var ps []string
		for _, tie := range s.Ambivalent {
			ps = append(ps, fmt.Sprintf("%s %s (+%s -%s)", tie.A, tie.B, num(tie.Positive), num(tie.Negative)))
		}
		fmt.Fprintf(w, "  Ambivalent, left out: %s\n", strings.Join(ps, "; "))
	}
}

func (r *statsReport) textBalance(w io.Writer) {
	b := r.a.Balance
	pos, neg := r.a.Signed.Counts()
	fmt.Fprintf(w, "  %s (%d positive, %d negative)\n", count(pos+neg, "signed tie", "signed ties"), pos, neg)
	fmt.Fprintf(w, "  %s: %d balanced (+++ %d, +-- %d), %d unbalanced (++- %d, --- %d)\n",
		count(b.Triads, "triad", "triads"), b.Balanced, b.Patterns[0], b.Patterns[2], b.Unbalanced, b.Patterns[1], b.Patterns[3])
	if b.Triads > 0 {
		fmt.Fprintf(w, "  balanced share: %s\n", num(float64(b.Balanced)/float64(b.Triads)))
	}
	if len(b.UnbalancedTriads) > 0 {
		fmt.Fprintln(w, "  Unbalanced triads:")
		t := &table{head: []string{"entities", "signs", "ties"}, right: []bool{false, false, false}}
		for _, tr := range b.UnbalancedTriads {
			n := tr.Nodes
			t.add(strings.Join(n[:], " "), tr.Pattern(), fmt.Sprintf("%s-%s %s, %s-%s %s, %s-%s %s",
				n[0], n[1], signChar(tr.Signs[0]), n[0], n[2], signChar(tr.Signs[1]), n[1], n[2], signChar(tr.Signs[2])))
		}
		var buf bytes.Buffer
		t.write(&buf)
		for _, line := range strings.SplitAfter(buf.String(), "\n") {
			if line != "" {
				fmt.Fprint(w, "  "+line)
			}
		}
	}
	f := b.Frustration
	method := "exact"
	if !f.Exact {
		method = "heuristic: an upper bound"
	}
	fmt.Fprintf(w, "  Frustration index: %d (%s)", f.Index, method)
	if f.Index > 0 {
		var ts []string
		for _, t := range f.Ties {
			ts = append(ts, fmt.Sprintf("%s %s %s%s", t.A, t.B, signChar(t.Sign()), num(math.Abs(t.Net()))))
		}
		fmt.Fprintf(w, ": remove or flip %s", strings.Join(ts, ", "))
	}
	fmt.Fprintln(w)
	for _, sp := range f.Splits {
		side := func(ids []string) string {
			if len(ids) == 0 {
				return "(nobody)"
			}
			return strings.Join(ids, " ")
		}
		fmt.Fprintf(w, "  Balanced split: %s | %s\n", side(sp.A), side(sp.B))
	}
}

func (r *statsReport) textBlocs(w io.Writer) {
	bl := r.a.Blocs
	if len(bl.Blocs) > 0 {
		t := &table{head: []string{"bloc", "members", "+inside", "-inside", "loose"}, right: []bool{true, false, true, true, false}}
		for i, b := range bl.Blocs {
			t.add(strconv.Itoa(i+1), strings.Join(b.Members, " "), num(b.Positive), num(b.Negative), strings.Join(b.Loose, " "))
		}
		t.write(w)
	} else {
		fmt.Fprintln(w, "  none")
	}
	if len(bl.Unaligned) > 0 {
		fmt.Fprintf(w, "  Unaligned (no signed tie): %s\n", strings.Join(bl.Unaligned, " "))
	}
	method := "exact"
	if !bl.Exact {
		method = "heuristic"
	}
	fmt.Fprintf(w, "  Cost %s (ties against the partition), agreement %s (%s).\n", num(bl.Cost), num(bl.Agreement), method)
}

// The JSON report.

type (
	jsonStats struct {
		Format   string          `json:"format"`
		Dataset  jsonStatsData   `json:"dataset"`
		Filters  []string        `json:"filters"`
		Level    string          `json:"level"`
		Summary  jsonStatsSum    `json:"summary"`
		Entities []jsonStatsEnt  `json:"entities"`
		Types    []jsonStatsType `json:"types"`
		Ties     []jsonTie       `json:"ties"`
		Ambival  []jsonTie       `json:"ambivalent"`
		Balance  jsonBalance     `json:"balance"`
		Blocs    jsonBlocs       `json:"blocs"`
	}
	jsonStatsData struct {
		ID    string `json:"id"`
		Title string `json:"title"`
	}
	jsonStatsSum struct {
		Entities      int `json:"entities"`
		Edges         int `json:"edges"`
		Records       int `json:"records"`
		InternalEdges int `json:"internal_edges"`
	}
	jsonStatsEnt struct {
		ID             string           `json:"id"`
		Name           string           `json:"name"`
		Kind           string           `json:"kind"`
		Members        []string         `json:"members,omitempty"`
		Degree         int              `json:"degree"`
		PositiveDegree int              `json:"positive_degree"`
		NegativeDegree int              `json:"negative_degree"`
		SignedDegree   int              `json:"signed_degree"`
		Weight         float64          `json:"weight"`
		PositiveWeight float64          `json:"positive_weight"`
		NegativeWeight float64          `json:"negative_weight"`
		SignedWeight   float64          `json:"signed_weight"`
		Betweenness    float64          `json:"betweenness"`
		Bloc           int              `json:"bloc"`    // 0: unaligned
		ByType         []jsonTypeDegree `json:"by_type"` // the types it has edges of
	}
	jsonTypeDegree struct {
		Type   string  `json:"type"`
		Degree int     `json:"degree"`
		Weight float64 `json:"weight"`
	}
	jsonStatsType struct {
		ID      string  `json:"id"`
		Label   string  `json:"label"`
		Sign    string  `json:"sign"`
		Edges   int     `json:"edges"`
		Records int     `json:"records"`
		Weight  float64 `json:"weight"`
	}
	jsonTie struct {
		A          string  `json:"a"`
		B          string  `json:"b"`
		Sign       string  `json:"sign"`
		Net        float64 `json:"net"`
		Positive   float64 `json:"positive"`
		Negative   float64 `json:"negative"`
		Frustrated bool    `json:"frustrated"`
	}
	jsonBalance struct {
		Ties             int             `json:"ties"`
		PositiveTies     int             `json:"positive_ties"`
		NegativeTies     int             `json:"negative_ties"`
		Triads           int             `json:"triads"`
		Balanced         int             `json:"balanced"`
		Unbalanced       int             `json:"unbalanced"`
		Patterns         jsonPatterns    `json:"patterns"`
		UnbalancedTriads []jsonTriad     `json:"unbalanced_triads"`
		Frustration      jsonFrustration `json:"frustration"`
	}
	jsonPatterns struct {
		PPP int `json:"+++"`
		PPN int `json:"++-"`
		PNN int `json:"+--"`
		NNN int `json:"---"`
	}
	jsonTriad struct {
		Entities [3]string `json:"entities"`
		Pattern  string    `json:"pattern"`
		Signs    [3]string `json:"signs"` // of the ties AB, AC, BC
	}
	jsonFrustration struct {
		Index  int         `json:"index"`
		Weight float64     `json:"weight"`
		Exact  bool        `json:"exact"`
		Ties   [][2]string `json:"ties"`
		Splits []jsonSplit `json:"splits"`
	}
	jsonSplit struct {
		A []string `json:"a"`
		B []string `json:"b"`
	}
	jsonBlocs struct {
		Exact     bool       `json:"exact"`
		Cost      float64    `json:"cost"`
		Agreement float64    `json:"agreement"`
		Blocs     []jsonBloc `json:"blocs"`
		Unaligned []string   `json:"unaligned"`
	}
	jsonBloc struct {
		Bloc     int      `json:"bloc"`
		Members  []string `json:"members"`
		Positive float64  `json:"positive"`
		Negative float64  `json:"negative"`
		Loose    []string `json:"loose"`
	}
)

func (r *statsReport) writeJSON(w io.Writer) error {
	a := r.a
	out := jsonStats{
		Format:   "dipgraph-stats/1",
		Dataset:  jsonStatsData{ID: r.g.Dataset.ID, Title: r.g.Dataset.Title},
		Filters:  append([]string{}, r.filters...),
		Level:    r.level(),
		Summary:  jsonStatsSum{Entities: len(a.Graph.Nodes), Edges: len(a.Graph.Edges), Records: r.records, InternalEdges: a.Internal},
		Entities: []jsonStatsEnt{}, Types: []jsonStatsType{}, Ties: []jsonTie{}, Ambival: []jsonTie{},
	}
	for _, s := range a.Entities {
		je := jsonStatsEnt{ID: s.Entity.ID, Name: s.Entity.Name, Kind: string(s.Entity.Kind), Members: a.Members[s.Entity.ID],
			Degree: s.Degree, PositiveDegree: s.PositiveDegree, NegativeDegree: s.NegativeDegree, SignedDegree: s.SignedDegree(),
			Weight: round6(s.Weight), PositiveWeight: round6(s.PositiveWeight), NegativeWeight: round6(s.NegativeWeight),
			SignedWeight: round6(s.SignedWeight()), Betweenness: round6(s.Betweenness), Bloc: r.bloc[s.Entity.ID], ByType: []jsonTypeDegree{}}
		for _, td := range s.ByType {
			if td.Degree > 0 {
				je.ByType = append(je.ByType, jsonTypeDegree{Type: td.Type, Degree: td.Degree, Weight: round6(td.Weight)})
			}
		}
		out.Entities = append(out.Entities, je)
	}
	for _, ts := range a.Types {
		out.Types = append(out.Types, jsonStatsType{ID: ts.Type.ID, Label: ts.Type.Label, Sign: ts.Type.Sign.String(),
			Edges: ts.Edges, Records: ts.Records, Weight: round6(ts.Weight)})
	}
	tie := func(t graph.Tie) jsonTie {
		return jsonTie{A: t.A, B: t.B, Sign: t.Sign().String(), Net: round6(t.Net()), Positive: round6(t.Positive),
			Negative: round6(t.Negative), Frustrated: r.frustrated[[2]string{t.A, t.B}]}
	}
	for _, t := range a.Signed.Ties {
		out.Ties = append(out.Ties, tie(t))
	}
	for _, t := range a.Signed.Ambivalent {
		out.Ambival = append(out.Ambival, tie(t))
	}
	b := a.Balance
	pos, neg := a.Signed.Counts()
	out.Balance = jsonBalance{Ties: pos + neg, PositiveTies: pos, NegativeTies: neg, Triads: b.Triads, Balanced: b.Balanced, Unbalanced: b.Unbalanced,
		Patterns:         jsonPatterns{b.Patterns[0], b.Patterns[1], b.Patterns[2], b.Patterns[3]},
		UnbalancedTriads: []jsonTriad{},
		Frustration: jsonFrustration{Index: b.Frustration.Index, Weight: round6(b.Frustration.Weight), Exact: b.Frustration.Exact,
			Ties: [][2]string{}, Splits: []jsonSplit{}},
	}
	for _, t := range b.UnbalancedTriads {
		out.Balance.UnbalancedTriads = append(out.Balance.UnbalancedTriads, jsonTriad{Entities: t.Nodes, Pattern: t.Pattern(),
			Signs: [3]string{signChar(t.Signs[0]), signChar(t.Signs[1]), signChar(t.Signs[2])}})
	}
	for _, t := range b.Frustration.Ties {
		out.Balance.Frustration.Ties = append(out.Balance.Frustration.Ties, [2]string{t.A, t.B})
	}
	for _, sp := range b.Frustration.Splits {
		out.Balance.Frustration.Splits = append(out.Balance.Frustration.Splits, jsonSplit{A: nonNil(sp.A), B: nonNil(sp.B)})
	}
	out.Blocs = jsonBlocs{Exact: a.Blocs.Exact, Cost: round6(a.Blocs.Cost), Agreement: round6(a.Blocs.Agreement),
		Blocs: []jsonBloc{}, Unaligned: nonNil(a.Blocs.Unaligned)}
	for i, bl := range a.Blocs.Blocs {
		out.Blocs.Blocs = append(out.Blocs.Blocs, jsonBloc{Bloc: i + 1, Members: bl.Members, Positive: round6(bl.Positive),
			Negative: round6(bl.Negative), Loose: nonNil(bl.Loose)})
	}
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(out)
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

// The CSV tables.

func (r *statsReport) writeCSV(w io.Writer, name string) error {
	a := r.a
	cw := csv.NewWriter(w)
	var rows [][]string
	switch name {
	case "entities":
		head := []string{"id", "name", "kind", "degree", "positive_degree", "negative_degree", "signed_degree",
			"weight", "positive_weight", "negative_weight", "signed_weight", "betweenness", "bloc"}
		for _, t := range r.typeIDs {
			head = append(head, t+"_degree", t+"_weight")
		}
		rows = append(rows, head)
		for _, s := range a.Entities {
			bloc := ""
			if b, ok := r.bloc[s.Entity.ID]; ok {
				bloc = strconv.Itoa(b)
			}
			row := []string{s.Entity.ID, s.Entity.Name, string(s.Entity.Kind), strconv.Itoa(s.Degree), strconv.Itoa(s.PositiveDegree),
				strconv.Itoa(s.NegativeDegree), strconv.Itoa(s.SignedDegree()), num(s.Weight), num(s.PositiveWeight), num(s.NegativeWeight),
				num(s.SignedWeight()), num(s.Betweenness), bloc}
			for _, td := range s.ByType {
				row = append(row, strconv.Itoa(td.Degree), num(td.Weight))
			}
			rows = append(rows, row)
		}
	case "by-type":
		rows = append(rows, []string{"entity", "type", "degree", "weight"})
		for _, s := range a.Entities {
			for _, td := range s.ByType {
				if td.Degree > 0 {
					rows = append(rows, []string{s.Entity.ID, td.Type, strconv.Itoa(td.Degree), num(td.Weight)})
				}
			}
		}
	case "types":
		rows = append(rows, []string{"type", "label", "sign", "edges", "records", "weight"})
		for _, ts := range a.Types {
			rows = append(rows, []string{ts.Type.ID, ts.Type.Label, ts.Type.Sign.String(), strconv.Itoa(ts.Edges), strconv.Itoa(ts.Records), num(ts.Weight)})
		}
	case "ties":
		rows = append(rows, []string{"a", "b", "sign", "net", "positive", "negative", "frustrated"})
		for _, t := range a.Signed.Ties {
			rows = append(rows, []string{t.A, t.B, t.Sign().String(), num(t.Net()), num(t.Positive), num(t.Negative),
				strconv.FormatBool(r.frustrated[[2]string{t.A, t.B}])})
		}
	case "balance":
		rows = append(rows, []string{"a", "b", "c", "pattern", "sign_ab", "sign_ac", "sign_bc"})
		for _, t := range a.Balance.UnbalancedTriads {
			rows = append(rows, []string{t.Nodes[0], t.Nodes[1], t.Nodes[2], t.Pattern(), signChar(t.Signs[0]), signChar(t.Signs[1]), signChar(t.Signs[2])})
		}
	case "blocs":
		rows = append(rows, []string{"entity", "bloc", "loose"})
		for i, bl := range a.Blocs.Blocs {
			for _, m := range bl.Members {
				rows = append(rows, []string{m, strconv.Itoa(i + 1), strconv.FormatBool(slices.Contains(bl.Loose, m))})
			}
		}
		for _, m := range a.Blocs.Unaligned {
			rows = append(rows, []string{m, "", "false"})
		}
	}
	// Names, labels and ids come from the data: a cell a spreadsheet could
	// read as a formula starts with a single quote (data.ProtectCell).
	for _, row := range rows {
		for i, cell := range row {
			row[i] = data.ProtectCell(cell)
		}
	}
	if err := cw.WriteAll(rows); err != nil {
		return err
	}
	return cw.Error()
}

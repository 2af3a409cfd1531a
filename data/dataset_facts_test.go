package data

import (
	"regexp"
	"strings"
	"testing"

	"github.com/dipgraph/dipgraph/graph"
)

// The beijing-2025 dataset says no more than its source: these tests keep
// the corrections of an audit against the article (issue 16) in place.

// record returns the dataset's record with the id, or fails.
func record(t *testing.T, ds *graph.Dataset, id string) *graph.Record {
	t.Helper()
	for i := range ds.Records {
		if ds.Records[i].ID == id {
			return &ds.Records[i]
		}
	}
	t.Fatalf("no record %q in beijing-2025", id)
	return nil
}

// span writes a record's dates compactly: "2025-09-03", "2024..", "2022-02..2025-09".
func span(r *graph.Record) string {
	switch {
	case r.Ongoing:
		return r.Start.String() + ".."
	case !r.End.IsZero():
		return r.Start.String() + ".." + r.End.String()
	}
	return r.Start.String()
}

func TestBeijingRecords(t *testing.T) {
	ds := loadEmbedded(t)
	for _, c := range []struct {
		id, typ, dates string
		weight         float64 // 0: not checked
		label          string  // "": not checked
		source, cite   string  // "": not checked
		notIn          []string
	}{
		// A statement is not military support.
		{id: "brothers-duty", typ: "backing", dates: "2025-09-03", weight: 1, label: `"obligation of a brother"`, cite: "paragraph 9"},
		// Cumulative facts reported in Sep 2025 held from before it.
		{id: "troops-kursk", typ: "military-support", dates: "2024..", label: "~15,000 troops", cite: "paragraph 8", notIn: []string{"Kursk)"}},
		{id: "munitions", typ: "military-support", dates: "2023..", label: "ammunition, SRBMs", notIn: []string{"shell"}},
		{id: "prk-vs-ukr", typ: "hostility", dates: "2024..", cite: "paragraph 8"},
		// "once denied": no date in the article, only bounds.
		{id: "kyj-denial", typ: "rivalry", dates: "2022-02..2025-09"},
		{id: "kyj-vs-seoul", typ: "rivalry", dates: "2025-07"},
		{id: "us-china-rivalry", typ: "rivalry", dates: "2018..", source: "us-nds-2018"},
		// Kinship ties are ties for life, not one-day events.
		{id: "yo-jong-sister", typ: "family", dates: "1987.."},
		{id: "ju-ae-heir", typ: "family", dates: "2013..", notIn: []string{"chosen"}},
		// Mistrust is not drawn like an invasion.
		{id: "prk-distrust-kor", typ: "rivalry", dates: "2019-02.."},
		{id: "prk-distrust-usa", typ: "rivalry", dates: "2019-02.."},
		// An offer to carry a message is not Russian outreach to Seoul.
		{id: "putin-woo-message", typ: "go-between", dates: "2025-09-03"},
		{id: "trump-wants-meeting", typ: "outreach", dates: "2025-09", notIn: []string{"it seeks U.S. concessions"}},
		{id: "rus-invasion", typ: "hostility", dates: "2022-02..", source: "unga-es-11-1", notIn: []string{"North Korea"}},
		{id: "us-rok-alliance", typ: "alliance", dates: "1953-10-01..", source: "us-rok-treaty"},
		// The missing fact.
		{id: "lee-praises-trump", typ: "outreach", dates: "2025-08-25", source: "parade-analysis", cite: "paragraph 14"},
	} {
		t.Run(c.id, func(t *testing.T) {
			r := record(t, ds, c.id)
			if r.Type != c.typ {
				t.Errorf("type %s, want %s", r.Type, c.typ)
			}
			if got := span(r); got != c.dates {
				t.Errorf("dates %s, want %s", got, c.dates)
			}
			if c.weight != 0 && r.Weight != c.weight {
				t.Errorf("weight %g, want %g", r.Weight, c.weight)
			}
			if c.label != "" && r.Label != c.label {
				t.Errorf("label %q, want %q", r.Label, c.label)
			}
			if c.source != "" && r.Source != c.source {
				t.Errorf("source %s, want %s", r.Source, c.source)
			}
			if c.cite != "" && r.Cite != c.cite {
				t.Errorf("cite %q, want %q", r.Cite, c.cite)
			}
			for _, s := range c.notIn {
				if strings.Contains(r.Label+" "+r.Note, s) {
					t.Errorf("says %q, more than the source", s)
				}
			}
		})
	}
	lee := record(t, ds, "lee-praises-trump")
	if len(lee.Parties) != 2 || lee.Parties[0] != "lee-jae-myung" || lee.Parties[1] != "donald-trump" || !lee.Directed {
		t.Errorf("lee-praises-trump: parties %v, want lee-jae-myung → donald-trump", lee.Parties)
	}
	if n := record(t, ds, "us-rok-alliance").Note; !strings.Contains(n, "signing on 1 October 1953") || !strings.Contains(n, "17 November 1954") {
		t.Errorf("us-rok-alliance: the note does not say which treaty date the record uses: %q", n)
	}
	if n := record(t, ds, "trump-wants-meeting").Note; !strings.Contains(n, "author") {
		t.Errorf("trump-wants-meeting: the author's assessment is not credited to the author: %q", n)
	}
}

func TestBeijingTypes(t *testing.T) {
	ds := loadEmbedded(t)
	for id, want := range map[string]graph.Sign{"rivalry": graph.Negative, "go-between": graph.Neutral, "backing": graph.Positive} {
		ty, ok := ds.Type(id)
		if !ok || ty.Sign != want {
			t.Errorf("type %s: %+v, want sign %s", id, ty, want)
		}
	}
	// Statements and mistrust are not drawn as hostility: only acts of war are.
	for _, r := range ds.Records {
		if r.Type == "hostility" && r.ID != "rus-invasion" && r.ID != "prk-vs-ukr" {
			t.Errorf("%s is drawn as hostility", r.ID)
		}
		if r.Type == "military-support" && r.Start.Day != 0 {
			t.Errorf("%s: military support dated to the day (%s): a statement?", r.ID, r.Start)
		}
	}
}

func TestBeijingTitleAndSource(t *testing.T) {
	ds := loadEmbedded(t)
	// Xi sat in the middle: Kim directly next to him, Putin on his other side.
	if !strings.Contains(ds.Title, "Xi between Kim Jong Un and Putin") || strings.Contains(ds.Title, "between Xi and Putin") {
		t.Errorf("title %q: Xi is the one in the middle", ds.Title)
	}
	if ds.AsOf.String() != "2025-09" {
		t.Errorf("as-of %q, want 2025-09 (the article's month)", ds.AsOf)
	}
	s, ok := ds.Source("parade-analysis")
	if !ok {
		t.Fatal("no source parade-analysis")
	}
	// Described, not given an invented headline, publisher or address.
	if s.Title != "News analysis of Kim Jong Un at the Beijing military parade" || s.Publisher != "" || s.URL != "" || s.Author != "" || s.Date.String() != "2025-09" {
		t.Errorf("parade-analysis: %+v", s)
	}
	if strings.ContainsAny(s.Title, ":\"") {
		t.Errorf("parade-analysis title %q reads like a headline", s.Title)
	}
	if e, _ := ds.Entity("kim-ju-ae"); !strings.Contains(e.Note, "presumed heir") || strings.Contains(e.Note, "chosen") {
		t.Errorf("kim-ju-ae: %q; the article says presumed heir", e.Note)
	}
	for _, r := range ds.Records {
		if r.Source == "parade-analysis" && r.Cite == "" {
			t.Errorf("%s cites no paragraph of the article", r.ID)
		}
	}
}

// TestBeijingQuotes keeps quote marks for the article's exact words.
func TestBeijingQuotes(t *testing.T) {
	article := strings.NewReplacer("“", `"`, "”", `"`, "’", "'").Replace(readSeedArticle(t))
	norm := func(s string) string { return strings.Join(strings.Fields(strings.ToLower(s)), " ") }
	quoted := regexp.MustCompile(`"([^"]+)"`)
	for where, text := range datasetTexts(loadEmbedded(t)) {
		for _, m := range quoted.FindAllStringSubmatch(text, -1) {
			if !strings.Contains(norm(article), norm(m[1])) {
				t.Errorf("%s quotes %q, which is not the article's wording", where, m[1])
			}
		}
	}
}

// TestBeijingAsOf: facts reported in Sep 2025 that held earlier show
// earlier, and a tie for life does not end after the data's date.
func TestBeijingAsOf(t *testing.T) {
	ds := loadEmbedded(t)
	has := func(g *graph.Graph, typ, from, to string) bool {
		for _, e := range g.Edges {
			if e.Type == typ && e.From == from && e.To == to {
				return true
			}
		}
		return false
	}
	jan := graph.Build(ds, graph.Filter{AsOf: graph.MustDate("2025-01-15"), Window: graph.DefaultWindow})
	for _, c := range [][3]string{
		{"military-support", "prk", "rus"},
		{"hostility", "rus", "ukr"},
		{"hostility", "prk", "ukr"},
		{"rivalry", "chn", "usa"},
	} {
		if !has(jan, c[0], c[1], c[2]) {
			t.Errorf("as of 2025-01-15: no %s %s → %s", c[0], c[1], c[2])
		}
	}
	if has(jan, "backing", "kim-jong-un", "vladimir-putin") {
		t.Error("as of 2025-01-15: Kim's statement of 3 Sep 2025 is drawn")
	}
	later := graph.Build(ds, graph.Filter{AsOf: graph.MustDate("2028-06-01"), Window: graph.DefaultWindow})
	for _, c := range [][3]string{
		{"family", "kim-jong-un", "kim-yo-jong"},
		{"family", "kim-jong-un", "kim-ju-ae"},
	} {
		if !has(later, c[0], c[1], c[2]) && !has(later, c[0], c[2], c[1]) {
			t.Errorf("as of 2028-06-01: the %s tie %s – %s has ended", c[0], c[1], c[2])
		}
	}
}

// TestBeijingReported: the facts the article reports in September 2025 but
// that held before (the troops, the munitions, the fighting) keep when they
// held in their dates and say when they were reported.
func TestBeijingReported(t *testing.T) {
	ds := loadEmbedded(t)
	for _, id := range []string{"troops-kursk", "munitions", "prk-vs-ukr"} {
		var r *graph.Record
		for i := range ds.Records {
			if ds.Records[i].ID == id {
				r = &ds.Records[i]
			}
		}
		if r == nil {
			t.Fatalf("no record %s", id)
		}
		if r.Reported != graph.MustDate("2025-09") || !r.Start.Before(r.Reported) {
			t.Errorf("%s: reported %s, start %s; want reported 2025-09, after its start", id, r.Reported, r.Start)
		}
	}
}

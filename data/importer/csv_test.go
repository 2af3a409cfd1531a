package importer

import (
	"errors"
	"strings"
	"testing"
	"unicode/utf16"

	"github.com/dipgraph/dipgraph/data"
	"github.com/dipgraph/dipgraph/graph"
)

// sheets imports in-memory files as the given kind.
func sheets(kind string, opt Options, files ...[2]string) (*Result, error) {
	var fs []File
	for _, f := range files {
		fs = append(fs, File{Name: f[0], R: strings.NewReader(f[1])})
	}
	return Import(kind, fs, opt)
}

// problems returns the problems of a failed import as lines.
func problems(t *testing.T, err error) []string {
	t.Helper()
	var ps data.Problems
	if !errors.As(err, &ps) {
		t.Fatalf("want data problems, got %v", err)
	}
	var out []string
	for _, p := range ps {
		out = append(out, p.String())
	}
	return out
}

func TestCSVEdgeList(t *testing.T) {
	// A sheet as people make it: names, not ids; no entities, sources or
	// types sheets; a European date.
	res, err := sheets("csv", Options{CSV: CSVOptions{DateOrder: "dmy"}}, [2]string{"ties.csv",
		"type,from,to,date,source,note\n" +
			"summit,North Korea,Russia,13/09/2023,https://example.org/a,Vostochny\n" +
			"alliance,North Korea,Russia,2024-06-19,https://example.org/a,\"Treaty, signed in Pyongyang\"\n" +
			"hostility,North Korea,South Korea,2024,,\n"})
	if err != nil {
		t.Fatal(err)
	}
	ds := res.Dataset
	mustValidate(t, ds)
	if len(ds.Entities) != 3 || ds.Entities[0].ID != "north-korea" || ds.Entities[0].Name != "North Korea" || ds.Entities[0].Kind != graph.KindCountry {
		t.Errorf("entities %+v", ds.Entities)
	}
	if len(ds.Sources) != 2 || ds.Sources[0].URL != "https://example.org/a" || ds.Sources[1].Title != "Spreadsheet ties.csv" {
		t.Errorf("sources %+v", ds.Sources)
	}
	if r := ds.Records[0]; r.Start != graph.MustDate("2023-09-13") || !r.Directed || r.Note != "Vostochny" {
		t.Errorf("first record %+v", r)
	}
}

func TestCSVFullSheets(t *testing.T) {
	res, err := sheets("csv", Options{},
		[2]string{"relations.csv", "id,type,between,from,to,start,end,ongoing,weight,source,cite\n" +
			"r1,support,,a,b;c,2020-01,2021,,2.5,s,p. 3\n" +
			"r2,alliance,a;b,,,2019,,yes,,s,\n"},
		[2]string{"entities.csv", "id,kind,name,aliases,country,roles\n" +
			"a,country,Aland,\"Alandia; \"\"A\\;land\"\"\",,\n" +
			"b,country,Bland,,,\n" +
			"c,leader,Cee,,Aland,Head of state|2001|2003-04; Chair \\| founder|2004|\n"},
		[2]string{"sources.csv", "id,title,url\ns,A source,https://example.org\n"},
		[2]string{"types.csv", "id,sign,label\nsupport,positive,\n"})
	if err != nil {
		t.Fatal(err)
	}
	ds := res.Dataset
	mustValidate(t, ds)
	c, _ := ds.Entity("c")
	if c.Country != "a" || len(c.Roles) != 2 || c.Roles[1].Title != "Chair | founder" || c.Roles[0].End != graph.MustDate("2003-04") {
		t.Errorf("leader c: %+v", c)
	}
	if a, _ := ds.Entity("a"); len(a.Aliases) != 2 || a.Aliases[1] != `"A;land"` {
		t.Errorf("aliases of a: %q", a.Aliases)
	}
	r1, r2 := ds.Records[0], ds.Records[1]
	if !r1.Directed || len(r1.Parties) != 3 || r1.Weight != 2.5 || r1.End != graph.MustDate("2021") || r1.Cite != "p. 3" {
		t.Errorf("r1 %+v", r1)
	}
	if r2.Directed || !r2.Ongoing {
		t.Errorf("r2 %+v", r2)
	}
	if ds.Types[0].Label != "Support" || ds.Types[0].Weight != 1 {
		t.Errorf("type %+v", ds.Types[0])
	}
}

func TestCSVEncodingsAndDelimiters(t *testing.T) {
	body := "type;from;to;date\nsummit;Kim;Moon;2018-04-27\n"
	utf16le := func(s string) string {
		var b strings.Builder
		b.WriteString("\xff\xfe")
		for _, u := range utf16.Encode([]rune(s)) {
			b.WriteByte(byte(u))
			b.WriteByte(byte(u >> 8))
		}
		return b.String()
	}
	for name, src := range map[string]string{
		"utf-8":         body,
		"bom":           "\ufeff" + body,
		"utf-16":        utf16le(body),
		"tab":           strings.ReplaceAll(body, ";", "\t"),
		"crlf":          strings.ReplaceAll(body, "\n", "\r\n"),
		"quoted header": `"type";"from";"to";"date"` + "\nsummit;Kim;Moon;2018-04-27\n",
	} {
		t.Run(name, func(t *testing.T) {
			res, err := sheets("csv", Options{}, [2]string{"s.csv", src})
			if err != nil {
				t.Fatal(err)
			}
			if len(res.Dataset.Records) != 1 || res.Dataset.Records[0].Start != graph.MustDate("2018-04-27") || res.Dataset.Entities[0].Name != "Kim" {
				t.Errorf("got %+v", res.Dataset)
			}
		})
	}
}

func TestCSVBadInput(t *testing.T) {
	for _, c := range []struct {
		name string
		src  string
		opt  Options
		want []string // problems (errors), or with warn the skipped rows
		warn bool
	}{
		{name: "latin-1", src: "type,from,to,date\nsummit,Hern\xe1ndez,Moon,2018\nsummit,G\xf6tz,Moon,2018\n",
			want: []string{`s.csv:2:2: text is not UTF-8 (the file looks like Latin-1 or Windows-1252); save the sheet as "CSV UTF-8", or give --encoding latin1`,
				`s.csv:3:2: text is not UTF-8 (the file looks like Latin-1 or Windows-1252); save the sheet as "CSV UTF-8", or give --encoding latin1`}},
		{name: "ragged", warn: true, src: "type,from,to,date\nsummit,A,B\nsummit,A,B,2018,extra\nsummit,A,B,2018\n",
			want: []string{"s.csv:2:4: row has 3 cells, the header has 4; every row needs one cell per column; check for a stray or missing comma (quote cells that contain one)",
				"s.csv:3:5: row has 5 cells, the header has 4; every row needs one cell per column; check for a stray or missing comma (quote cells that contain one)"}},
		{name: "ragged strict", opt: Options{Strict: true}, src: "type,from,to,date\nsummit,A,B\nsummit,A,B,2018\n",
			want: []string{"s.csv:2:4: row has 3 cells, the header has 4; every row needs one cell per column; check for a stray or missing comma (quote cells that contain one)"}},
		{name: "missing columns", src: "kind,from,to,when\nsummit,A,B,2018\n",
			want: []string{"s.csv:1:5: the relation sheet has no date or start column; give each row a date (an event) or start and end (a period); the header row has: kind, from, to, when (map other headers with --column FIELD=HEADER)",
				"s.csv:1:5: the relation sheet has no type column; give each row a relation type, or --type TYPE for all rows; the header row has: kind, from, to, when (map other headers with --column FIELD=HEADER)"}},
		{name: "bad values", warn: true, src: "type,from,to,date,weight\nsumit,A,B,2018,\nsummit,A,A,2018,\nsummit,A,B,2018-13,\nsummit,A,B,03/04/2018,\nsummit,A,B,2018,11\nsummit,A,,2018,\n",
			want: []string{`s.csv:2:1: column type: unknown relation type "sumit" (did you mean "summit"?); declare it in a types sheet (id, sign) or use one of alliance, hostility, summit`,
				`s.csv:3:3: column to: "A" appears twice in the row; a relation links different entities`,
				`s.csv:4:4: column date: "2018-13": month 13 is not between 01 and 12; write a date as YYYY, YYYY-MM or YYYY-MM-DD`,
				`s.csv:5:4: column date: date "03/04/2018" could be day-month or month-day: give --date-order dmy or mdy, or write YYYY-MM-DD; write a date as YYYY, YYYY-MM or YYYY-MM-DD`,
				`s.csv:6:5: column weight: weight 11 is out of range; use a weight from 0.1 (faint) to 10 (strongest)`,
				`s.csv:7:3: column to: row names no pair of entities; fill between (a;b for a mutual relation) or from and to (one-sided)`}},
		{name: "bare quote", warn: true, src: "type,from,to,date\nsummit,A \"B\",C,2018\nsummit,A,C,2018\n",
			want: []string{`s.csv:2:1: row is not valid CSV: bare " in non-quoted-field (line 2, byte 10); check the quotes in this row`}},
	} {
		t.Run(c.name, func(t *testing.T) {
			res, err := sheets("csv", c.opt, [2]string{"s.csv", c.src})
			var got []string
			if c.warn {
				if err != nil {
					t.Fatal(err)
				}
				for _, p := range res.Skipped {
					got = append(got, p.String())
				}
				mustValidate(t, res.Dataset)
			} else {
				if err == nil {
					t.Fatalf("no error; dataset %+v", res.Dataset)
				}
				got = problems(t, err)
			}
			if strings.Join(got, "\n") != strings.Join(c.want, "\n") {
				t.Errorf("got:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(c.want, "\n"))
			}
		})
	}
}

func TestCSVLatin1(t *testing.T) {
	res, err := sheets("csv", Options{CSV: CSVOptions{Encoding: Latin1}}, [2]string{"s.csv", "type,from,to,date\nsummit,Hern\xe1ndez,Moon,2018\n"})
	if err != nil {
		t.Fatal(err)
	}
	if n := res.Dataset.Entities[0].Name; n != "Hernández" {
		t.Errorf("name %q", n)
	}
}

func TestCSVColumnMapping(t *testing.T) {
	opt := Options{CSV: CSVOptions{Columns: map[string]string{"from": "Country A", "to": "Country B", "date": "Year"}, Type: "hostility", Mutual: true}}
	res, err := sheets("csv", opt, [2]string{"s.csv", "Country A,Country B,Year,Comment\nIran,Iraq,1980,war\n"})
	if err != nil {
		t.Fatal(err)
	}
	r := res.Dataset.Records[0]
	if r.Directed || r.Type != "hostility" || r.Parties[0] != "iran" || r.Start.Year != 1980 {
		t.Errorf("record %+v", r)
	}
	if len(res.Warnings) != 1 || !strings.Contains(res.Warnings[0].String(), `s.csv:1:4: column "Comment" is not a relation column`) {
		t.Errorf("warnings %v", res.Warnings)
	}
	// A mapping to a header no sheet has is a mistake on the command line.
	opt.CSV.Columns["cite"] = "Page"
	if _, err := sheets("csv", opt, [2]string{"s.csv", "Country A,Country B,Year\nIran,Iraq,1980\n"}); err == nil || !strings.Contains(err.Error(), `--column cite=Page: no sheet has a column "Page"`) {
		t.Errorf("err %v", err)
	}
}

func TestCSVUnknownEntity(t *testing.T) {
	res, err := sheets("csv", Options{},
		[2]string{"rel.csv", "type,from,to,date,source\nsummit,kim-jong-on,moon,2018,s\nsummit,Kim Jong Un,moon,2018,s\n"},
		[2]string{"ent.csv", "id,kind,name,country\nkim-jong-un,leader,Kim Jong Un,prk\nmoon,leader,Moon,kor\nprk,country,North Korea,\nkor,country,South Korea,\n"},
		[2]string{"src.csv", "id,title\ns,S\n"})
	if err != nil {
		t.Fatal(err)
	}
	if res.NSkipped != 1 || res.Skipped[0].String() != `rel.csv:2:2: column from: unknown entity "kim-jong-on" (did you mean "kim-jong-un"?); declare it in the entities sheet, or fix the id or name` {
		t.Errorf("skipped %v", res.Skipped)
	}
	if len(res.Dataset.Records) != 1 || res.Dataset.Records[0].Parties[0] != "kim-jong-un" {
		t.Errorf("records %+v", res.Dataset.Records)
	}
}

func TestParseDate(t *testing.T) {
	for in, want := range map[string]string{
		"2025": "2025", "2025-09": "2025-09", "2025-09-03": "2025-09-03", "2025/09/03": "2025-09-03", "2025.9.3": "2025-09-03",
		"20250903": "2025-09-03", "202509": "2025-09", "2025-09-03T10:00:00Z": "2025-09-03", "2025-09-03 10:00": "2025-09-03",
		"03.09.2025": "2025-09-03", "13/9/2025": "2025-09-13", "9/13/2025": "2025-09-13", "3/3/2025": "2025-03-03",
		"09/2025": "2025-09", "9.2025": "2025-09",
		"3 Sep 2025": "2025-09-03", "3 September 2025": "2025-09-03", "Sep 3, 2025": "2025-09-03", "September 3rd, 2025": "2025-09-03",
		"September 2025": "2025-09", "Sep-2025": "2025-09", "sept. 2025": "2025-09",
	} {
		d, err := parseDate(in, "")
		if err != nil || d.String() != want {
			t.Errorf("parseDate(%q) = %v, %v; want %s", in, d, err, want)
		}
	}
	for in, order := range map[string]string{"03/09/2025": "dmy", "09/03/2025": "mdy"} {
		if d, err := parseDate(in, order); err != nil || d.String() != "2025-09-03" {
			t.Errorf("parseDate(%q, %s) = %v, %v", in, order, d, err)
		}
	}
	for _, in := range []string{"", "03/09/2025", "2025-13", "31/31/2025", "next year", "Sep", "12345", "Feb 30, 2024", "999"} {
		if d, err := parseDate(in, ""); err == nil {
			t.Errorf("parseDate(%q) = %v, want an error", in, d)
		}
	}
}

func TestResolveCountries(t *testing.T) {
	set, err := ResolveCountries([]string{"usa", "GBR", "UKG", "200", "gmy", "ROK", "rom"})
	if err != nil {
		t.Fatal(err)
	}
	for _, id := range []string{"usa", "gbr", "deu", "kor", "rou"} {
		if !set[id] {
			t.Errorf("%s missing from %v", id, set)
		}
	}
	if len(set) != 5 {
		t.Errorf("set %v", set)
	}
	if _, err := ResolveCountries([]string{"usb"}); err == nil || !strings.Contains(err.Error(), `unknown country "usb"`) {
		t.Errorf("err %v", err)
	}
}

func TestCSVYears(t *testing.T) {
	res, err := sheets("csv", Options{Since: 2019, Until: 2020}, [2]string{"s.csv", "type,from,to,date,start,end,ongoing\n" +
		"summit,A,B,2018,,,\nsummit,A,B,2019-06,,,\nalliance,A,B,,2000,,yes\nalliance,A,C,,2000,2010,\nsummit,B,C,2021,,,\n"})
	if err != nil {
		t.Fatal(err)
	}
	if n := len(res.Dataset.Records); n != 2 || left(res, "rows outside --since/--until") != 3 {
		t.Errorf("%d records kept, left %v", n, res.Left)
	}
	// Entities named only by rows left out are not declared.
	if len(res.Dataset.Entities) != 2 {
		t.Errorf("entities %+v", res.Dataset.Entities)
	}
}

// TestGDELTRawExport reads a raw GDELT 2.0 export: tab-separated, no
// header, 61 columns (no CAMEOCodeDescription).
func TestGDELTRawExport(t *testing.T) {
	row := func(id, date, a1, a2, code, goldstein, url string) string {
		cells := make([]string, len(gdeltColumns))
		for i, c := range gdeltColumns {
			switch c {
			case "GLOBALEVENTID":
				cells[i] = id
			case "SQLDATE":
				cells[i] = date
			case "Actor1CountryCode":
				cells[i] = a1
			case "Actor2CountryCode":
				cells[i] = a2
			case "EventCode":
				cells[i] = code
			case "GoldsteinScale":
				cells[i] = goldstein
			case "SOURCEURL":
				cells[i] = url
			}
		}
		return strings.Join(cells, "\t") + "\n"
	}
	src := row("1", "20170601", "MLI", "TCD", "190", "-10.0", "https://example.org/a") +
		row("2", "20170602", "CHN", "PRK", "0431", "2.8", "https://example.org/b") +
		row("3", "20170603", "CHN", "PRK", "X", "2.8", "https://example.org/c")
	res, err := sheets("gdelt", Options{}, [2]string{"raw.export.CSV", src})
	if err != nil {
		t.Fatal(err)
	}
	mustValidate(t, res.Dataset)
	if res.Rows != 3 || len(res.Dataset.Records) != 2 || res.NSkipped != 1 || res.Skipped[0].Pos.Line != 3 {
		t.Errorf("rows %d, records %+v, skipped %v", res.Rows, res.Dataset.Records, res.Skipped)
	}
	if r := res.Dataset.Records[0]; r.Type != "summit" || r.Label != "Host a visit" || r.Directed {
		t.Errorf("record %+v", r)
	}
}

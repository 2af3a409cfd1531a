package cli

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/dipgraph/dipgraph/data"
	"github.com/dipgraph/dipgraph/data/importer"
	"github.com/dipgraph/dipgraph/graph"
)

const importHelp = `Convert an external dataset into a dipgraph data file (YAML).

KIND is one of:
  csv         spreadsheets: a relations sheet (type, from, to or between,
              date or start/end, weight, label, note, source, cite) and
              optionally entities, sources, types and dataset sheets, told
              apart by their headers (as "dipgraph export -f csv" writes them)
  cow-states  the Correlates of War state list (states2016.csv): countries
              with their COW codes and membership spells
  mid         the GML militarized interstate disputes (dispute-year CSV):
              a hostility record from each state that took militarized
              action, per dispute, pair and spell of consecutive years
  gdelt       GDELT 2.0 events: meetings, cooperation, coercion and
              hostilities between two countries, aggregated per pair and
              --period
  archigos    Archigos leaders (tab-separated Latin-1): leaders with their
              country and tenures in office

Rows that cannot be used are skipped with a warning naming file:row:column
and counted (--strict makes them errors); problems with a whole file (a
missing column, text in the wrong encoding) are errors. The output is
checked as "dipgraph validate" would and written atomically: on any error
nothing is written. An output larger than --max-input (16MiB by default),
which dipgraph would refuse to read, is not written either. See docs/import-export.md for the column mappings, the
CAMEO and COW code tables and how records are aggregated.

Examples:
  dipgraph import --from mid gml-ddy-disputes-2.1.1.csv --since 2003 --until 2003 -o mid-2003.yaml
  dipgraph import --from gdelt events.csv --countries usa,chn,rus,prk,kor -o events.yaml
  dipgraph import --from csv people.csv ties.csv --column from=Source --column to=Target -o ties.yaml`

type importFlags struct {
	kind, output         string
	since, until         int
	countries            []string
	strict               bool
	id, title            string
	period               string
	columns              []string
	dateOrder, delimiter string
	encoding             string
	entityKind, relType  string
	mutual               bool
	into                 string
}

func runImport(e *env, args []string) int {
	c := lookup("import")
	fs := newFlags(c.name)
	var f importFlags
	fs.StringVar(&f.kind, "from", "", "what the files are: "+strings.Join(importer.Kinds, ", ")+" (required)")
	fs.StringVarP(&f.output, "output", "o", "", "the data file to write (.yaml), or - for standard output (required)")
	fs.IntVar(&f.since, "since", 0, "keep records, spells and tenures that reach into this year or later")
	fs.IntVar(&f.until, "until", 0, "keep records, spells and tenures that begin by the end of this year")
	fs.StringSliceVar(&f.countries, "countries", nil, "keep only relations among these countries and leaders of them: ids (usa), ISO or CAMEO codes (GBR), COW abbreviations (UKG) or numbers (200)")
	fs.BoolVar(&f.strict, "strict", false, "make every row that cannot be used an error, instead of a counted warning")
	fs.StringVar(&f.into, "into", "", "add the import to this data file (or embedded dataset): what it declares already is not repeated")
	fs.StringVar(&f.id, "id", "", "the dataset id (default: a csv dataset sheet's, else the output file's name)")
	fs.StringVar(&f.title, "title", "", "the dataset title (default: from the kind)")
	fs.StringVar(&f.period, "period", "month", "gdelt: aggregate events per day, month or year")
	fs.StringArrayVar(&f.columns, "column", nil, "csv: FIELD=HEADER reads dipgraph's column FIELD from the sheet's column HEADER (repeatable)")
	fs.StringVar(&f.dateOrder, "date-order", "", "csv: read numeric dates such as 03/09/2025 as dmy or mdy")
	fs.StringVar(&f.delimiter, "delimiter", "", "csv: the cell delimiter: comma, semicolon or tab (default: guessed from the header)")
	fs.StringVar(&f.encoding, "encoding", "utf-8", "csv: the sheets' encoding: utf-8 or latin1 (Windows-1252)")
	fs.StringVar(&f.entityKind, "kind", "country", "csv: the kind of the entities named in a relations sheet when no entities sheet is given")
	fs.StringVar(&f.relType, "type", "", "csv: the relation type of rows without one")
	fs.BoolVar(&f.mutual, "mutual", false, "csv: read from and to as a mutual relation (between)")
	if code, ok := parse(e, fs, c, args, importHelp); !ok {
		return code
	}

	// The command line first, before any file is read.
	opt, err := f.options(fs)
	if err != nil {
		return usageFail(e, c.name, err.Error())
	}
	paths := fs.Args()
	if len(paths) == 0 {
		return usageFail(e, c.name, "name the file(s) to import, e.g. dipgraph import --from "+f.kind+" FILE -o data.yaml")
	}
	seen := map[string]bool{}
	for _, p := range paths {
		key := p
		if p != "-" {
			if abs, err := filepath.Abs(p); err == nil {
				key = abs
			}
		}
		if seen[key] {
			return usageFail(e, c.name, fmt.Sprintf("%s is given twice: name each file once", p))
		}
		seen[key] = true
	}

	// Open every file, then read them through one progress counter.
	prog := newProgress(e.stderr)
	var files []importer.File
	for _, p := range paths {
		if p == "-" {
			files = append(files, importer.File{Name: "<stdin>", R: prog.reader(e.stdin)})
			prog.total = -1
			continue
		}
		fh, err := os.Open(p)
		if err != nil {
			return fail(e, c.name, cannotRead(p, err))
		}
		defer fh.Close()
		if st, err := fh.Stat(); err == nil && st.IsDir() {
			return fail(e, c.name, fmt.Errorf("%s is a folder: name the files in it", p))
		} else if err == nil && prog.total >= 0 {
			prog.total += st.Size()
		}
		files = append(files, importer.File{Name: p, R: prog.reader(fh)})
	}
	res, err := importer.Import(f.kind, files, opt)
	prog.done()
	if err != nil {
		var ps data.Problems
		if errors.As(err, &ps) {
			fmt.Fprintln(e.stderr, ps.Error())
			fmt.Fprintf(e.stderr, "dipgraph import: %s; nothing written\n", count(len(ps), "problem", "problems"))
			return exitData
		}
		return fail(e, c.name, err)
	}

	ds := res.Dataset
	if f.into != "" {
		base, err := loadData(e, []string{f.into})
		if err != nil {
			return failLoad(e, c.name, err, "dipgraph import: %s in the --into data; nothing written")
		}
		var dup int
		if ds, dup = graph.Merge(base, ds); dup > 0 {
			res.Left = append(res.Left, importer.Count{Reason: "records already in the --into data (same id)", N: dup})
		}
	}
	if ds.ID == "" {
		// Named after the output file, as a hand-written file would be.
		ds.ID = f.kind
		if id := strings.TrimSuffix(filepath.Base(f.output), filepath.Ext(f.output)); f.output != "-" && validID(id) {
			ds.ID = id
		}
	}
	var names []string
	for _, p := range paths {
		names = append(names, filepath.Base(p))
	}
	out := append([]byte(fmt.Sprintf("# Written by dipgraph import --from %s from %s.\n", f.kind, strings.Join(names, ", "))), data.EncodeYAML(ds)...)
	// What is written must be readable: not over the input limit, which
	// every command that reads it would refuse (and loading it here would
	// take the memory that limit is there to bound).
	if int64(len(out)) > e.maxInput {
		fmt.Fprintf(e.stderr, "dipgraph import: the data file would be %s, larger than the input limit of %s that dipgraph reads (--max-input); nothing written: import less (--since, --until, --countries, or fewer files), or give a larger --max-input SIZE here and to every command that reads the file\n",
			approxSize(int64(len(out))), data.FormatSize(e.maxInput))
		return exitData
	}
	// What is written must load clean, as a hand-written file would.
	outName := f.output
	if outName == "-" {
		outName = "<stdout>"
	}
	if _, err := data.Load(data.Input{Name: outName, Src: out}); err != nil {
		if f.into != "" {
			fmt.Fprintf(e.stderr, "%v\ndipgraph import: the import does not fit into %s (an id in both means different things?); nothing written\n", err, f.into)
		} else {
			fmt.Fprintf(e.stderr, "%v\ndipgraph import: the imported data does not validate (please report this); nothing written\n", err)
		}
		return exitData
	}
	if err := writeOutput(e, f.output, out); err != nil {
		return fail(e, c.name, err)
	}
	reportImport(e, f.output, res, ds, f.into)
	return exitOK
}

// options checks the flags and turns them into importer options.
func (f *importFlags) options(fs interface{ Changed(string) bool }) (importer.Options, error) {
	var opt importer.Options
	switch {
	case f.kind == "":
		return opt, fmt.Errorf("--from KIND is required: one of %s", strings.Join(importer.Kinds, ", "))
	case isDigits(f.kind):
		return opt, fmt.Errorf("--from names the kind of file (%s); to keep the years from %s on, use --since %s", strings.Join(importer.Kinds, ", "), f.kind, f.kind)
	case !slices.Contains(importer.Kinds, f.kind):
		return opt, fmt.Errorf("--from %q: choose one of %s%s", f.kind, strings.Join(importer.Kinds, ", "), graph.Suggest(f.kind, importer.Kinds))
	}
	switch {
	case f.output == "":
		return opt, fmt.Errorf("-o FILE is required: the data file to write (.yaml), or - for standard output")
	case f.output != "-" && !slices.Contains([]string{".yaml", ".yml"}, strings.ToLower(filepath.Ext(f.output))):
		if err := checkOutputPath(f.output, "yaml"); err != nil {
			return opt, err
		}
		return opt, fmt.Errorf("-o %q: import writes a YAML data file; name it .yaml or .yml", f.output)
	}
	if err := checkOutputPath(f.output, "yaml"); err != nil {
		return opt, err
	}
	for _, y := range []struct {
		flag string
		val  int
	}{{"--since", f.since}, {"--until", f.until}} {
		if fs.Changed(y.flag[2:]) && (y.val < 1000 || y.val > 9999) {
			return opt, fmt.Errorf("%s %d: give a year such as 2003", y.flag, y.val)
		}
	}
	if f.since != 0 && f.until != 0 && f.until < f.since {
		return opt, fmt.Errorf("--since %d is after --until %d: swap them", f.since, f.until)
	}
	opt.Since, opt.Until, opt.Strict, opt.ID, opt.Title = f.since, f.until, f.strict, f.id, f.title
	if f.id != "" && !validID(f.id) {
		return opt, fmt.Errorf("--id %q: an id is letters, digits, '.', '_' or '-', starting with a letter or digit", f.id)
	}
	if fs.Changed("countries") && f.kind == "csv" {
		return opt, fmt.Errorf("--countries applies to the dataset kinds (cow-states, mid, gdelt, archigos); a spreadsheet's ids are its own: filter it with export's or render's --focus and --types")
	}
	if fs.Changed("countries") {
		set, err := importer.ResolveCountries(f.countries)
		if err != nil {
			return opt, err
		}
		opt.Countries = set
	}
	if fs.Changed("period") && f.kind != "gdelt" {
		return opt, fmt.Errorf("--period applies to --from gdelt only")
	}
	if !slices.Contains([]string{"day", "month", "year"}, f.period) {
		return opt, fmt.Errorf("--period %q: choose day, month or year", f.period)
	}
	opt.Period = f.period
	for _, name := range []string{"column", "date-order", "delimiter", "encoding", "kind", "type", "mutual"} {
		if fs.Changed(name) && f.kind != "csv" {
			return opt, fmt.Errorf("--%s applies to --from csv only", name)
		}
	}
	csv := &opt.CSV
	csv.Kind, csv.Type, csv.Mutual = f.entityKind, f.relType, f.mutual
	if !slices.Contains(data.Kinds, f.entityKind) {
		return opt, fmt.Errorf("--kind %q: choose one of %s%s", f.entityKind, strings.Join(data.Kinds, ", "), graph.Suggest(f.entityKind, data.Kinds))
	}
	if f.dateOrder != "" && !slices.Contains(importer.DateOrders, f.dateOrder) {
		return opt, fmt.Errorf("--date-order %q: choose dmy (03/09/2025 is 3 September) or mdy (9 March)", f.dateOrder)
	}
	csv.DateOrder = f.dateOrder
	switch strings.ToLower(f.delimiter) {
	case "":
	case ",", "comma":
		csv.Comma = ','
	case ";", "semicolon":
		csv.Comma = ';'
	case "\t", `\t`, "tab":
		csv.Comma = '\t'
	default:
		return opt, fmt.Errorf("--delimiter %q: choose comma, semicolon or tab", f.delimiter)
	}
	switch strings.ToLower(f.encoding) {
	case "utf-8", "utf8":
		csv.Encoding = importer.UTF8
	case "latin1", "latin-1", "iso-8859-1", "windows-1252", "cp1252":
		csv.Encoding = importer.Latin1
	default:
		return opt, fmt.Errorf("--encoding %q: choose utf-8 or latin1", f.encoding)
	}
	for _, m := range f.columns {
		field, header, ok := strings.Cut(m, "=")
		field, header = strings.TrimSpace(field), strings.TrimSpace(header)
		if !ok || field == "" || header == "" {
			return opt, fmt.Errorf("--column %q: write FIELD=HEADER, e.g. --column from=\"Country A\"", m)
		}
		if csv.Columns == nil {
			csv.Columns = map[string]string{}
		}
		if _, dup := csv.Columns[field]; dup {
			return opt, fmt.Errorf("--column %s is given twice", field)
		}
		csv.Columns[field] = header
	}
	return opt, nil
}

// reportImport tells what was written and what was left out, on standard
// error.
func reportImport(e *env, output string, res *importer.Result, ds *graph.Dataset, into string) {
	where := output
	if output == "-" {
		where = "standard output"
	}
	fmt.Fprintf(e.stderr, "wrote %s: %s, %s from %s", where, count(len(ds.Entities), "entity", "entities"),
		count(len(ds.Records), "relation record", "relation records"), count(res.Rows, "row", "rows"))
	if into != "" {
		fmt.Fprintf(e.stderr, " and %s", into)
	}
	fmt.Fprintln(e.stderr)
	if len(res.Dataset.Entities) == 0 {
		fmt.Fprintln(e.stderr, "dipgraph import: warning: nothing was imported; check the filters (--since, --until, --countries)")
	}
	for _, p := range res.Warnings {
		fmt.Fprintf(e.stderr, "dipgraph import: warning: %s\n", p)
	}
	if note := res.UnrelatedNote(ds); note != "" {
		fmt.Fprintf(e.stderr, "dipgraph import: note: %s\n", note)
	}
	if res.NSkipped > 0 {
		fmt.Fprintf(e.stderr, "dipgraph import: warning: skipped %s that could not be used (--strict makes them errors):\n", count(res.NSkipped, "row", "rows"))
		const show = 10
		for _, p := range res.Skipped[:min(show, len(res.Skipped))] {
			fmt.Fprintf(e.stderr, "  %s\n", p)
		}
		if res.NSkipped > show {
			fmt.Fprintf(e.stderr, "  … and %d more\n", res.NSkipped-show)
		}
	}
	if len(res.Left) > 0 {
		fmt.Fprintln(e.stderr, "left out on purpose:")
		for _, l := range res.Left {
			fmt.Fprintf(e.stderr, "  %d %s\n", l.N, l.Reason)
		}
	}
}

func validID(id string) bool {
	if id == "" {
		return false
	}
	for i, r := range id {
		ok := r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || (i > 0 && strings.ContainsRune("._-", r))
		if !ok {
			return false
		}
	}
	return true
}

func isDigits(s string) bool { return s != "" && strings.Trim(s, "0123456789") == "" }

// cannotRead words an error opening a file: "x.csv: cannot read: no such
// file or directory".
func cannotRead(path string, err error) error {
	return fmt.Errorf("%s: cannot read: %w", path, unwrapPath(err))
}

// approxSize writes a byte count to one decimal in the largest binary
// unit it reaches: 23.4 MiB, 812 B.
func approxSize(n int64) string {
	switch {
	case n >= 1<<30:
		return fmt.Sprintf("%.1f GiB", float64(n)/(1<<30))
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MiB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%.1f KiB", float64(n)/(1<<10))
	}
	return fmt.Sprintf("%d B", n)
}

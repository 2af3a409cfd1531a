package export

import (
	"bytes"
	"encoding/csv"
	"strconv"

	"github.com/dipgraph/dipgraph/data"
	"github.com/dipgraph/dipgraph/graph"
)

// Sheets are the CSV sheets CSV writes, in order, each as NAME.csv: the
// sheet layout's data.Sheets.
var Sheets = data.Sheets

// CSV writes a dataset as spreadsheet sheets, keyed by name (see Sheets):
// the columns "dipgraph import --from csv" reads (data.DatasetColumns and
// the others of the sheet layout in data/sheet.go), one row per item in
// the dataset's order. The types sheet is left out when the dataset declares no types. bom starts each
// sheet with a UTF-8 byte order mark, which Excel needs to read UTF-8.
// A cell a spreadsheet could read as a formula starts with a single quote
// (data.ProtectCell), which the importer takes off again.
func CSV(ds *graph.Dataset, bom bool) (map[string][]byte, error) {
	out := map[string][]byte{}
	write := func(name string, header []string, rows [][]string) error {
		var b bytes.Buffer
		if bom {
			b.WriteString("\ufeff")
		}
		w := csv.NewWriter(&b)
		if err := w.Write(header); err != nil {
			return err
		}
		for _, row := range rows {
			for i, cell := range row {
				row[i] = data.ProtectCell(cell)
			}
		}
		if err := w.WriteAll(rows); err != nil {
			return err
		}
		out[name] = b.Bytes()
		return nil
	}
	if err := write("dataset", data.DatasetColumns, [][]string{{"1", ds.ID, ds.Title, ds.Description, ds.AsOf.String()}}); err != nil {
		return nil, err
	}
	var rows [][]string
	for _, t := range ds.Types {
		kind := t.Kind
		if b, _ := graph.BuiltinType(t.ID); kind == b.Kind {
			kind = "" // as the type would have it undeclared
		}
		rows = append(rows, []string{t.ID, t.Label, t.Sign.String(), number(t.Weight), t.Style.Color, t.Style.Line, t.Style.Arrow, kind})
	}
	if err := write("types", data.TypeColumns, rows); err != nil {
		return nil, err
	}
	rows = nil
	for _, s := range ds.Sources {
		rows = append(rows, []string{s.ID, s.Title, s.Publisher, s.Author, s.Date.String(), s.URL, s.Note})
	}
	if err := write("sources", data.SourceColumns, rows); err != nil {
		return nil, err
	}
	rows = nil
	for _, e := range ds.Entities {
		rows = append(rows, []string{e.ID, string(e.Kind), e.Name, e.Native, data.JoinList(e.Aliases), e.Country, data.JoinRoles(e.Roles), e.Note})
	}
	if err := write("entities", data.EntityColumns, rows); err != nil {
		return nil, err
	}
	rows = nil
	for _, r := range ds.Records {
		// id, type, from, to, between, date, start, end, ongoing, weight, label, note, source, cite
		row := make([]string, len(data.RelationColumns))
		row[0], row[1] = r.ID, r.Type
		if r.Directed && len(r.Parties) > 0 {
			row[2], row[3] = r.Parties[0], data.JoinList(r.Parties[1:])
		} else {
			row[4] = data.JoinList(r.Parties)
		}
		if r.IsEvent() {
			row[5] = r.Start.String()
		} else {
			row[6], row[7] = r.Start.String(), r.End.String()
			if r.Ongoing {
				row[8] = "true"
			}
		}
		if r.Weight != 0 {
			row[9] = strconv.FormatFloat(r.Weight, 'f', -1, 64)
		}
		row[10], row[11], row[12], row[13], row[14] = r.Label, r.Note, r.Source, r.Cite, r.Reported.String()
		rows = append(rows, row)
	}
	if err := write("relations", data.RelationColumns, rows); err != nil {
		return nil, err
	}
	if len(ds.Captions) > 0 {
		rows = nil
		for _, c := range ds.Captions {
			rows = append(rows, []string{data.JoinList(c.Between[:]), c.Caption, c.Source})
		}
		if err := write("ties", data.TieColumns, rows); err != nil {
			return nil, err
		}
	}
	return out, nil
}

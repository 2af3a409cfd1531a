package importer

import (
	"fmt"
	"slices"
	"strings"

	"github.com/dipgraph/dipgraph/data"
)

// archLeaders are the leaders read so far. Archigos gives each leader one
// id (leadid) across tenures; a few ids are given to rows that disagree.
// Rows of one id in two countries are two leaders (Archigos 4.1 gives
// Mackenzie King's id to Buenaventura Báez of the Dominican Republic);
// rows of one id and country under two names are one leader with the
// second name as an alias (Izetbegovic and Alija Izetbegovic). Either is a
// warning that names both rows, given when the leader is imported (a
// filter that leaves the rows out leaves out the warning).
type archLeaders struct {
	byKey map[string]*archLeader // leadid + NUL + country id
	first map[string]*archLeader // leadid → the leader of its first row
}

func newArchLeaders() archLeaders {
	return archLeaders{byKey: map[string]*archLeader{}, first: map[string]*archLeader{}}
}

// all returns the leaders, in no particular order.
func (ls archLeaders) all() []*archLeader {
	out := make([]*archLeader, 0, len(ls.byKey))
	for _, l := range ls.byKey {
		out = append(out, l)
	}
	return out
}

// leaderFor returns the leader of the current row, making one when the
// row is the first of its id and country, and keeps a warning on the
// leader when the row disagrees with an earlier row of the same id.
func (ls archLeaders) leaderFor(s *sheet, leadid, name, country string) *archLeader {
	key := leadid + "\x00" + country
	if l := ls.byKey[key]; l != nil {
		if name != l.name && !slices.Contains(l.aliases, name) {
			l.warnings = append(l.warnings, data.Problem{Pos: s.at("leader"),
				Msg: fmt.Sprintf("leader id %s is named %q here but %q at %s: read as one leader, with %q as an alias",
					leadid, name, l.name, l.at, name),
				Hint: "if they are one person, write the name the same way in both rows; if two, give one of them its own leadid"})
			l.aliases = append(l.aliases, strings.Clone(name))
		}
		return l
	}
	l := &archLeader{leadid: strings.Clone(leadid), name: strings.Clone(name), country: country, at: s.at("leadid"),
		tenures: map[string]*tenure{}}
	if u := s.get("dbpedia.uri"); u != "NA" {
		l.dbpedia = strings.Clone(u)
	}
	ls.byKey[strings.Clone(key)] = l
	if first := ls.first[leadid]; first != nil {
		l.warnings = append(l.warnings, data.Problem{Pos: l.at,
			Msg: fmt.Sprintf("leader id %s is %s of %s here but %s of %s at %s: imported as two leaders",
				leadid, name, countryByID[country].name, first.name, countryByID[first.country].name, first.at),
			Hint: "Archigos gives each leader one id: if they are one person, correct the ccode; if two, give one of them its own leadid"})
	} else {
		ls.first[l.leadid] = l
	}
	return l
}

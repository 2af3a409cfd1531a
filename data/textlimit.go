package data

import (
	"strconv"
	"unicode/utf8"
)

// MaxTextLen is the longest text, in characters, that a field drawn on the
// figure may hold: a name, native name or alias, a role's title, a type's
// label, a record's label or cite, a source's title, publisher, author or
// URL, the dataset's title, a tie's caption. Longer ones are refused at validation with
// their position: a name of a megabyte is not a name, and laying it out
// and painting it took minutes and gigabytes. Notes and the description
// are not drawn, and have no limit of their own (the file's --max-input
// bounds them).
const MaxTextLen = 10_000

// textTooLong adds a problem for text at p longer than MaxTextLen.
func textTooLong(ps *Problems, p Pos, what, text string) {
	if len(text) <= MaxTextLen { // bytes ≥ characters: short texts are not counted
		return
	}
	n := utf8.RuneCountInString(text)
	if n <= MaxTextLen {
		return
	}
	ps.add(p, "shorten it; longer text belongs in note:, which is not drawn",
		"%s is %s characters long, over the limit of %s for text drawn on the figure", what, thousands(n), thousands(MaxTextLen))
}

// checkTextLengths checks every drawn text field of the merged data and of
// the files' headers against MaxTextLen.
func (m *merged) checkTextLengths(files []*file, ps *Problems) {
	for _, f := range files {
		textTooLong(ps, f.at.pos("title"), "the dataset's title", f.title)
	}
	ds := &m.ds
	for i := range ds.Entities {
		e, a := &ds.Entities[i], m.entityAt[i]
		what := "the " + strconv.Quote(e.ID) + " entity's "
		textTooLong(ps, a.pos("name"), what+"name", e.Name)
		textTooLong(ps, a.pos("native"), what+"native name", e.Native)
		for j, al := range e.Aliases {
			textTooLong(ps, a.pos("aliases."+strconv.Itoa(j)), what+"alias #"+strconv.Itoa(j+1), al)
		}
		for j, r := range e.Roles {
			k := "roles." + strconv.Itoa(j)
			textTooLong(ps, a.pos(k+".title"), what+"role #"+strconv.Itoa(j+1)+" title", r.Title)
		}
	}
	for i := range ds.Types {
		t, a := &ds.Types[i], m.typeAt[i]
		textTooLong(ps, a.pos("label"), "the "+strconv.Quote(t.ID)+" type's label", t.Label)
	}
	for i := range ds.Records {
		r, a := &ds.Records[i], m.recAt[i]
		what := "relation #" + strconv.Itoa(m.recNum[i]) + "'s "
		if r.ID != "" && len(r.ID) <= 100 {
			what = "relation " + strconv.Quote(r.ID) + "'s "
		}
		textTooLong(ps, a.pos("label"), what+"label", r.Label)
		textTooLong(ps, a.pos("cite"), what+"cite", r.Cite)
	}
	for i := range ds.Sources {
		s, a := &ds.Sources[i], m.srcAt[i]
		what := "the " + strconv.Quote(s.ID) + " source's "
		textTooLong(ps, a.pos("title"), what+"title", s.Title)
		textTooLong(ps, a.pos("publisher"), what+"publisher", s.Publisher)
		textTooLong(ps, a.pos("author"), what+"author", s.Author)
		textTooLong(ps, a.pos("url"), what+"url", s.URL)
	}
	for i := range ds.Captions {
		textTooLong(ps, m.tieAt[i].pos("caption"), "tie #"+strconv.Itoa(i+1)+"'s caption", ds.Captions[i].Caption)
	}
}

// thousands writes n with commas between groups of three digits.
func thousands(n int) string {
	s := strconv.Itoa(n)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}

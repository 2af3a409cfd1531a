package data

import "testing"

func TestProtectCell(t *testing.T) {
	for _, c := range []struct{ in, out string }{
		{"=1+1", "'=1+1"}, {"+cmd|' /C calc'!A0", "'+cmd|' /C calc'!A0"}, {"-2+3", "'-2+3"}, {"@SUM(A1)", "'@SUM(A1)"},
		{"\t=1", "'\t=1"}, {"\r=1", "'\r=1"}, {"=", "'="}, {"@", "'@"}, {"+x", "'+x"}, {"--", "'--"},
		{"'=1", "''=1"}, {"''@", "'''@"},
		// Not formulas: read as written.
		{"", ""}, {"-", "-"}, {"+", "+"}, {"-5", "-5"}, {"+2.5", "+2.5"}, {"-1e3", "-1e3"}, {"-.5", "-.5"},
		{"'", "'"}, {"'quoted", "'quoted"}, {"it's", "it's"}, {"'-5", "'-5"}, {" =1", " =1"}, {"1-2", "1-2"},
		{"-1e", "'-1e"}, {"-.", "'-."}, {"+1.2.3", "'+1.2.3"},
	} {
		if got := ProtectCell(c.in); got != c.out {
			t.Errorf("ProtectCell(%q) = %q, want %q", c.in, got, c.out)
		}
		if back := UnprotectCell(c.out); back != c.in {
			t.Errorf("UnprotectCell(%q) = %q, want %q", c.out, back, c.in)
		}
	}
}

// FuzzProtectCell holds the round trip for any text, and that a protected
// cell never starts like a formula.
func FuzzProtectCell(f *testing.F) {
	for _, s := range []string{"=1", "'=1", "''", "-5", "-", "\t", "'\r"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		p := ProtectCell(s)
		if UnprotectCell(p) != s {
			t.Fatalf("UnprotectCell(ProtectCell(%q)) = %q", s, UnprotectCell(p))
		}
		if formulaRisk(p) {
			t.Fatalf("ProtectCell(%q) = %q starts like a formula", s, p)
		}
	})
}

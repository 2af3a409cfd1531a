package cli

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestREADMEScore: the README's example of dipgraph score is what the
// command prints for the embedded dataset, line for line.
func TestREADMEScore(t *testing.T) {
	readme, err := os.ReadFile(filepath.Join(root, "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	_, rest, ok := strings.Cut(string(readme), "$ dipgraph score\n")
	if !ok {
		t.Fatal("the README shows no dipgraph score example")
	}
	want, _, _ := strings.Cut(rest, "\n\n")
	var out, errs bytes.Buffer
	if code := Run(context.Background(), []string{"score"}, strings.NewReader(""), &out, &errs); code != 0 {
		t.Fatalf("dipgraph score: exit %d: %s", code, errs.String())
	}
	got, _, _ := strings.Cut(out.String(), "\nProblems:")
	if strings.TrimRight(got, "\n") != want {
		t.Errorf("the README's score example differs from what dipgraph score prints; update the README:\n%s", got)
	}
}

package data

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"
)

func TestZZScratch(t *testing.T) {
	files, _ := filepath.Glob("/tmp/cases/*")
	for _, f := range files {
		src, _ := os.ReadFile(f)
		ds, err := Load(Input{Name: filepath.Base(f), Src: src, JSON: filepath.Ext(f) == ".json"})
		fmt.Printf("=== %s\n%v\n", filepath.Base(f), err)
		if err == nil && os.Getenv("SHOW") != "" {
			fmt.Printf("%+v\n", ds)
		}
	}
}

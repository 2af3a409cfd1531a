package data

import (
	"runtime/debug"
	"testing"
)

// TestPaceCollector: a large input is decoded with the collector at its
// default pace when it was set slower, and the setting is put back; a
// faster setting and a small input are left alone.
func TestPaceCollector(t *testing.T) {
	defer debug.SetGCPercent(debug.SetGCPercent(400))
	large := []Input{{Src: make([]byte, largeInput/2)}, {Src: make([]byte, largeInput/2)}}
	restore := paceCollector(large)
	if now := debug.SetGCPercent(100); now != 100 {
		t.Errorf("while decoding: GOGC %d, want 100", now)
	}
	restore()
	if now := debug.SetGCPercent(400); now != 400 {
		t.Errorf("after: GOGC %d, want 400 back", now)
	}
	paceCollector([]Input{{Src: make([]byte, 100)}})()
	if now := debug.SetGCPercent(50); now != 400 {
		t.Errorf("a small input changed GOGC to %d", now)
	}
	restore = paceCollector(large)
	if now := debug.SetGCPercent(50); now != 50 {
		t.Errorf("GOGC 50 became %d", now)
	}
	restore()
}

package graphviz

import "testing"

// TestLayoutCacheLimits: the kept layouts stay within their limits, the
// oldest going first, and a large layout is not kept.
func TestLayoutCacheLimits(t *testing.T) {
	c := &layoutCache{outs: map[layoutKey][][]byte{}}
	for i := range maxCachedLayout + 10 {
		k, _ := keyOf([]byte{byte(i), byte(i >> 8)}, "neato", nil)
		c.put(k, [][]byte{make([]byte, 1000)})
	}
	if len(c.outs) != maxCachedLayout || len(c.order) != maxCachedLayout || c.bytes != maxCachedLayout*1000 {
		t.Errorf("kept %d layouts (%d in order, %d bytes), want %d", len(c.outs), len(c.order), c.bytes, maxCachedLayout)
	}
	if k, _ := keyOf([]byte{0, 0}, "neato", nil); c.outs[k] != nil {
		t.Error("the oldest layout was kept")
	}
	if _, keep := keyOf(make([]byte, maxCachedDOT+1), "neato", nil); keep {
		t.Error("a large layout would be kept")
	}
}

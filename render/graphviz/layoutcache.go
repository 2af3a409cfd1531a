package graphviz

import (
	"crypto/sha256"
	"strings"
	"sync"
)

// Layouts are deterministic — the same DOT, engine and formats give the
// same bytes, whatever was laid out before (wasmreset.go) — so a process
// keeps the results of small layouts and answers a repeat from memory. In a
// build, every figure of a dataset draws the same legend; in watch, the
// legend stays the same while the data is edited.

const (
	maxCachedDOT    = 64 << 10 // larger layouts are not kept
	maxCachedBytes  = 16 << 20 // all kept results together
	maxCachedLayout = 512
)

type layoutKey [sha256.Size]byte

type layoutCache struct {
	mu    sync.Mutex
	outs  map[layoutKey][][]byte
	order []layoutKey // oldest first, for eviction
	bytes int
}

var layouts = &layoutCache{outs: map[layoutKey][][]byte{}}

// keyOf is a layout's key, and whether it is small enough to be kept.
func keyOf(dot []byte, engine string, formats []string) (layoutKey, bool) {
	if len(dot) > maxCachedDOT {
		return layoutKey{}, false
	}
	h := sha256.New()
	h.Write([]byte(engine + "\x00" + strings.Join(formats, ",") + "\x00"))
	h.Write(dot)
	var k layoutKey
	h.Sum(k[:0])
	return k, true
}

// get returns a kept layout; its bytes are shared and must not be changed.
func (c *layoutCache) get(k layoutKey) ([][]byte, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	outs, ok := c.outs[k]
	return outs, ok
}

// put keeps a layout, dropping the oldest ones past the limits.
func (c *layoutCache) put(k layoutKey, outs [][]byte) {
	size := 0
	for _, o := range outs {
		size += len(o)
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if _, ok := c.outs[k]; ok || size > maxCachedBytes/4 {
		return
	}
	for len(c.order) > 0 && (len(c.order) >= maxCachedLayout || c.bytes+size > maxCachedBytes) {
		old := c.order[0]
		c.order = c.order[1:]
		for _, o := range c.outs[old] {
			c.bytes -= len(o)
		}
		delete(c.outs, old)
	}
	c.outs[k] = outs
	c.order = append(c.order, k)
	c.bytes += size
}

// Uncached returns a handle on the same Graphviz that lays out every time,
// never answering from the layouts kept: for tests and benchmarks of
// Graphviz's own behaviour.
func (g *Graphviz) Uncached() *Graphviz {
	c := *g
	c.uncached = true
	return &c
}

// ForgetLayouts empties the process's kept layouts, for a benchmark that
// repeats one build in a process and means to measure the layouts.
func ForgetLayouts() {
	layouts.mu.Lock()
	defer layouts.mu.Unlock()
	layouts.outs, layouts.order, layouts.bytes = map[layoutKey][][]byte{}, nil, 0
}
